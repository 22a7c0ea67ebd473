"""The offline copy: one ZIP of both languages, made by the deploy build and linked from the site
with its size, that works unzipped in a folder (file://) in Chromium with no request leaving it:
navigation, the language switch, search in the page's language, worksheets, PDFs.

The deploy build of the test session (conftest's `site`) made the ZIP once; it is unzipped here
into a temporary folder, as a facilitator would onto a USB key.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest
from bs4 import BeautifulSoup
from test_browser import _search, status_says

from bdw_guide import offline

from conftest import GUIDE, ROOT, make_offline_copy, needs_pdfs

LANGS = {"fr": "", "en": "en/"}
PDF_VIEWER = "chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/"  # Chromium's own PDF viewer, inside the browser
BROWSER_INTERNAL = "chrome://resources/"  # the stylesheets that viewer loads from inside the browser, sometimes


@pytest.fixture(scope="module")
def copy(site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    manifest = json.loads((site / offline.MANIFEST).read_text(encoding="utf-8"))
    folder = tmp_path_factory.mktemp("usb-key")
    with zipfile.ZipFile(site / manifest["path"]) as archive:
        archive.extractall(folder)
    return folder / manifest["folder"]


def online_pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("index.html") if p.parent.name != "downloads")


def offline_page(copy: Path, online: str) -> Path | None:
    """The offline copy's file for a deployed page (`a/b/index.html`): `a/b.html`, or `a/b/index.html`
    for a section's index page."""
    folder = online[: -len("index.html")].rstrip("/")
    for candidate in (f"{folder}.html" if folder else "index.html", f"{folder}/index.html"):
        if (copy / candidate).is_file():
            return copy / candidate
    return None


@needs_pdfs
def test_the_zip_holds_every_page_of_both_languages_and_every_pdf(site, copy):
    missing = [page for page in online_pages(site) if offline_page(copy, page) is None]
    assert not missing
    assert {p.parts[0] == "en" for p in map(Path, online_pages(site))} == {True, False}
    pdfs = sorted(p.relative_to(site) for p in site.rglob("*.pdf"))
    # both languages and papers: every worksheet, the pack and the whole guide
    assert len(pdfs) == 2 * 2 * (len(GUIDE.worksheets) + 2)
    documents = pdfs + sorted(p.relative_to(site) for p in site.rglob("*.docx"))
    assert len(documents) == len(pdfs) + 2 * (len(GUIDE.worksheets) + 1)  # Word: each sheet and the pack
    for rel in documents:
        assert (copy / rel).read_bytes() == (site / rel).read_bytes(), rel
    for prefix in LANGS.values():  # each language's search index as a script, where its pages' base points
        assert (copy / prefix / "search" / "search_index.js").read_text(encoding="utf-8").startswith("var __index = {")
    left_out = [p for p in copy.rglob("*") if p.suffix in (".map", ".json") or p.name in ("sitemap.xml", "404.html")]
    assert not left_out


@needs_pdfs  # the pages link to the documents, which are made with the browser tests
def test_every_link_and_resource_in_the_copy_names_a_file_inside_it(copy):
    broken, outside = [], []
    for page in sorted(copy.rglob("*.html")):
        html = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
        for tag in html.select("a[href], link[href], script[src], img[src], iframe[src]"):
            if tag.name == "link" and tag.get("rel") == ["canonical"]:  # the published address, not loaded
                assert tag["href"].startswith("https://") and not tag["href"].endswith(".html")
                continue
            url = tag.get("href") or tag.get("src")
            parsed = urlparse(url)
            if parsed.scheme or url.startswith("//"):
                if tag.name != "a":  # a resource the page loads by itself
                    outside.append(f"{page.relative_to(copy)}: {url}")
                continue  # a link a reader may follow to the web (edit on GitHub...), not a request
            if not parsed.path:
                continue
            target = (page.parent / unquote(parsed.path)).resolve()
            if not target.is_file() or copy.resolve() not in target.parents:
                broken.append(f"{page.relative_to(copy)}: {url}")
    assert not outside
    assert not broken, "\n".join(broken[:20])


@pytest.mark.parametrize("lang, prefix", LANGS.items())
def test_the_site_offers_the_zip_with_its_size(site, lang, prefix):
    size = (site / offline.OFFLINE_PATH).stat().st_size
    number = re.escape(offline.size_text(size, lang, GUIDE))
    assert re.fullmatch(r"\d+,\d\u00a0Mo" if lang == "fr" else r"\d+\.\d MB", offline.size_text(size, lang, GUIDE))
    for path in ("using-this-guide", "worksheets"):
        page = site / prefix / path / "index.html"
        html = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
        link = html.select_one(".bdw-offline-copy a[download]")
        assert link.get_text(strip=True) == GUIDE.t("offline_copy", lang)
        assert (page.parent / link["href"]).resolve() == (site / offline.OFFLINE_PATH).resolve()
        assert re.fullmatch(rf"\(ZIP, {number}\)", link.find_next_sibling(class_="bdw-offline-copy__size").get_text())
    assert json.loads((site / offline.MANIFEST).read_text(encoding="utf-8"))["bytes"] == size


def test_the_copy_says_what_it_is_instead_of_offering_itself(copy):
    for lang, prefix in LANGS.items():
        html = BeautifulSoup((copy / prefix / "using-this-guide.html").read_text(encoding="utf-8"), "lxml")
        assert html.select_one(".bdw-offline-copy").get_text(strip=True) == GUIDE.t("offline_copy_here", lang)
        assert not html.select("a[href$='.zip']")


def test_a_rebuild_with_nothing_changed_reuses_the_same_zip(site, tmp_path):
    again = shutil.copytree(site, tmp_path / "site")
    before = (again / offline.OFFLINE_PATH).read_bytes()
    result = make_offline_copy(again)
    assert result.returncode == 0, result.stderr
    assert "from cache" in result.stdout
    assert (again / offline.OFFLINE_PATH).read_bytes() == before


def test_without_a_built_site_it_says_what_to_do(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "bdw_guide", "offline", "--site", str(tmp_path), "--cache", str(tmp_path / "cache")],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "build it first (make build)" in result.stderr and "Traceback" not in result.stderr


# In Chromium, from the folder ---------------------------------------------------------------------


@pytest.fixture
def file_page(browser, copy):
    """A page that may load files only (and the browser's built-in PDF viewer its own stylesheet): any
    other request is refused and fails the test, and so does anything the pages' policy blocks."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    outside: list[str] = []

    def only_files(route) -> None:
        if route.request.url.startswith(("file://", PDF_VIEWER, BROWSER_INTERNAL)):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", only_files)
    page = context.new_page()
    page.set_default_timeout(10_000)
    violations: list[str] = []
    page.on("console", lambda msg: violations.append(msg.text) if "Content Security Policy" in msg.text else None)
    page.on("pageerror", lambda error: violations.append(str(error)))
    yield page
    context.close()
    assert outside == [], outside
    assert violations == [], violations


def results_in(page, hrefs: list[str]) -> list[Path]:
    """The files the search results lead to (resolved against the page, as the browser does)."""
    return [Path(unquote(urlparse(urljoin(page.url, h)).path)) for h in hrefs]


@pytest.mark.browser
def test_french_search_from_the_folder_finds_french_pages(file_page, copy):
    file_page.goto((copy / "planning" / "question-2.html").as_uri())
    found = results_in(file_page, _search(file_page, "financement"))
    assert copy / "messages" / "objectives" / "funding.html" in found
    assert all(path.is_file() and copy in path.parents and copy / "en" not in path.parents for path in found), found


@pytest.mark.browser
def test_english_search_from_the_folder_finds_english_pages(file_page, copy):
    file_page.goto((copy / "en" / "worksheets" / "swot.html").as_uri())
    found = results_in(file_page, _search(file_page, "funding"))
    assert copy / "en" / "messages" / "objectives" / "funding.html" in found
    assert all(path.is_file() and copy / "en" in path.parents for path in found), found


@pytest.mark.browser
def test_navigation_and_the_language_switch_from_the_folder(file_page, copy):
    file_page.goto((copy / "en" / "messages" / "overview.html").as_uri())
    file_page.locator('.md-select__link[hreflang="fr"]').evaluate("a => a.click()")
    file_page.wait_for_url((copy / "messages" / "overview.html").as_uri())
    assert file_page.locator("html").get_attribute("lang") == "fr"
    # A link written by our templates, then the theme's own navigation: each opens a page's file.
    for link in (file_page.locator(".bdw-grid a").first, file_page.locator("a.md-footer__link--next")):
        target = urljoin(file_page.url, link.get_attribute("href"))
        assert Path(unquote(urlparse(target).path)).is_file(), target
        link.click()
        file_page.wait_for_url(target)
        file_page.locator("article h1").wait_for()


@pytest.mark.browser
def test_a_worksheet_answer_survives_a_reload_and_exports_from_the_folder(file_page, copy, tmp_path):
    file_page.goto((copy / "en" / "worksheets" / "question-7.html").as_uri())
    file_page.fill("#ws-question-7-smart-goals", "Two new school partnerships by June")
    status_says(file_page)
    file_page.reload()
    file_page.wait_for_selector(".bdw-tools__actions:not([hidden])")
    assert file_page.input_value("#ws-question-7-smart-goals") == "Two new school partnerships by June"
    with file_page.expect_download() as download:
        file_page.get_by_role("button", name="Export my answers").click()
    saved = tmp_path / "answers.json"
    download.value.save_as(saved)
    answers = json.loads(saved.read_text(encoding="utf-8"))
    assert answers["worksheets"]["question-7"]["smart-goals"] == "Two new school partnerships by June"


@pytest.mark.browser
def test_a_pdf_link_opens_from_the_folder(file_page, copy):
    file_page.goto((copy / "worksheets" / "index.html").as_uri())
    link = file_page.locator(".bdw-worksheet-list a[type='application/pdf']").first
    target = (copy / "worksheets" / link.get_attribute("href")).resolve()
    assert target.read_bytes().startswith(b"%PDF-")
    with file_page.expect_navigation():
        link.click()
    assert file_page.url == target.as_uri()  # a missing file would show Chromium's error page instead
