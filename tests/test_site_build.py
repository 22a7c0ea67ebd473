"""A strict build of the real site, parsed with a real HTML parser."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest
from bs4 import BeautifulSoup

from conftest import GUIDE, LANGS, ROOT, soup


def all_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html")


@pytest.mark.parametrize("lang, prefix", LANGS.items())
def test_overview_holds_every_message(site, lang, prefix):
    page = soup(site, f"{prefix}messages/overview")
    cells = page.select("table.bdw-grid tbody td")
    assert len(cells) == len(GUIDE.messages)
    assert len(page.select("table.bdw-grid tbody tr")) == len(GUIDE.objectives)  # a row per objective
    headlines = {c.get_text(" ", strip=True) for c in cells}
    expected = {m.data.headline[lang] for m in GUIDE.messages.values()}
    assert {re.sub(r"\s+", " ", h) for h in headlines} == {re.sub(r"\s+", " ", h) for h in expected}


@pytest.mark.parametrize("lang, prefix", LANGS.items())
def test_each_audience_page_has_a_message_per_objective(site, lang, prefix):
    for audience in GUIDE.audiences:
        cards = soup(site, f"{prefix}messages/audiences/{audience}").select("article.bdw-card")
        assert len(cards) == len(GUIDE.objectives)
        assert {c["data-audience"] for c in cards} == {audience}
        assert [c["data-objective"] for c in cards] == list(GUIDE.objectives)


@pytest.mark.parametrize("lang, prefix", LANGS.items())
def test_each_objective_page_has_its_intro_and_a_message_per_audience(site, lang, prefix):
    for objective_id, objective in GUIDE.objectives.items():
        page = soup(site, f"{prefix}messages/objectives/{objective_id}")
        cards = page.select("article.bdw-card")
        assert [c["data-audience"] for c in cards] == list(GUIDE.audiences)
        assert {c["data-objective"] for c in cards} == {objective_id}
        intro_start = objective.intro[lang].split()[:6]
        assert " ".join(intro_start) in page.select_one("article.md-content__inner").get_text(" ")


@pytest.mark.parametrize("lang, prefix", LANGS.items())
def test_card_content(site, lang, prefix):
    entry = GUIDE.message("funding", "business")
    card = soup(site, f"{prefix}messages/audiences/business").select_one("#card-funding-business")
    text = card.get_text(" ", strip=True)
    assert "Pew Research Center" in text
    assert ("63\u00a0%" if lang == "fr" else "63%") in text
    assert GUIDE.campaign.hashtag[lang] in text
    assert card.select_one(".bdw-card__ask").get_text(" ", strip=True).endswith(entry.data.ask[lang].split()[-1])
    copy = card.select_one("button.bdw-copy")["data-copy-text"]
    assert "Pew Research Center" in copy.splitlines()[-2]
    assert copy.splitlines()[-1] == GUIDE.campaign.hashtag[lang]
    permalink = card.select_one("a.bdw-card__permalink")["href"]
    assert permalink == "#funding-business"
    edit = card.select_one("a.bdw-card__edit")["href"]
    assert edit.startswith("https://github.com/") and "/edit/main/data/messages/funding/business.yml#L" in edit
    assert int(edit.rsplit("#L", 1)[1]) == entry.lines[f"message.{lang}"]


def test_unnamed_sources_stay_marked_as_sourced(site):
    cards = soup(site, "messages/overview/../audiences/public").select("article.bdw-card")
    assert all(c.select(".bdw-card__facts li") for c in cards)
    unnamed = soup(site, "messages/audiences/public").select(".bdw-card__source--unnamed")
    expected = [
        f for e in GUIDE.messages.values() if e.data.audience == "public" for f in e.data.facts if f.source is None
    ]
    assert expected and len(unnamed) == len(expected)


@pytest.mark.parametrize("lang, prefix", LANGS.items())
def test_lang_and_alternates_on_every_page(site, built_pages, lang, prefix):
    pages = [p for p in all_pages(site) if p.relative_to(site).as_posix().startswith("en/") == (lang == "en")]
    assert len(pages) == len(list((ROOT / "docs" / lang).rglob("*.md")))  # every page of the language tree
    for path in pages:
        page = built_pages[path]
        assert page.html["lang"] == lang, path
        # No hreflang links in the head: the theme would fetch a sitemap.xml beside each one on
        # every load. The sitemap declares the alternates instead (next test).
        assert page.select('link[rel="alternate"][hreflang]') == [], path


def test_sitemap_declares_alternates_with_x_default(site):
    xml = BeautifulSoup((site / "sitemap.xml").read_text(encoding="utf-8"), "xml")
    urls = xml.find_all("url")
    assert len(urls) == sum(len(list((ROOT / "docs" / lang).rglob("*.md"))) for lang in LANGS)
    for url in urls:
        langs = {link["hreflang"] for link in url.find_all("link")}
        assert langs == {"fr", "en", "x-default"}, url


def test_language_switcher_points_to_the_same_page(site):
    page = soup(site, "messages/audiences/government")
    links = {a["hreflang"]: a["href"] for a in page.select(".md-select__link[hreflang]")}
    assert urljoin("/messages/audiences/government/", links["en"]) == "/en/messages/audiences/government/"


def test_search_index_is_split_by_language(site):
    fr = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    en = json.loads((site / "en/search/search_index.json").read_text(encoding="utf-8"))
    assert fr["config"]["lang"] == ["fr"] and en["config"]["lang"] == ["en"]
    assert not any(d["location"].startswith("en/") for d in fr["docs"])
    assert any(d["title"] == "Grand public" for d in fr["docs"])
    assert any(d["title"] == "General public" for d in en["docs"])
    assert not any(d["title"] == "Grand public" for d in en["docs"])
    for doc in en["docs"]:  # every location exists under en/
        target = unquote(doc["location"].split("#")[0])
        assert (site / "en" / target / "index.html").is_file() or (site / "en" / target).is_file(), doc["location"]


def test_translated_pages_search_their_own_index(site):
    for path, base in (("en/messages/overview/index.html", "../../../en/"), ("messages/overview/index.html", "../..")):
        html = (site / path).read_text(encoding="utf-8")
        config = json.loads(
            re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.S).group(1)
        )
        assert config["base"] == base


def test_every_internal_link_and_anchor_resolves(site, built_pages, site_has_pdfs):
    ids: dict[Path, set[str]] = {}

    def anchors(file: Path) -> set[str]:
        if file not in ids:
            page = built_pages.get(file) or BeautifulSoup(file.read_text(encoding="utf-8"), "lxml")
            ids[file] = {el["id"] for el in page.find_all(id=True)}
        return ids[file]

    broken = []
    for path in all_pages(site):
        page = built_pages[path]
        for el in page.select("a[href], link[href], script[src], img[src]"):
            url = el.get("href") or el.get("src")
            parsed = urlparse(url)
            if parsed.scheme or url.startswith("//") or (parsed.path.endswith((".pdf", ".docx")) and not site_has_pdfs):
                continue  # PDFs come with the browser tests (Chromium makes them), never left out in CI
            target = (path.parent / unquote(parsed.path)).resolve() if parsed.path else path
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                broken.append(f"{path.relative_to(site)}: {url}")
            elif parsed.fragment and target.suffix == ".html" and parsed.fragment not in anchors(target):
                broken.append(f"{path.relative_to(site)}: {url} (no such anchor)")
    assert not broken, "\n".join(broken)


def test_nothing_is_loaded_from_outside(site, built_pages):
    outside = []
    for path in all_pages(site):
        page = built_pages[path]
        for el in page.select("link[href], script[src], img[src], iframe[src], source[src]"):
            url = el.get("src") or el.get("href")
            if el.name == "link" and set(el.get("rel", [])) & {"alternate", "canonical"}:
                continue
            if urlparse(url).scheme in ("http", "https") or url.startswith("//"):
                outside.append(f"{path.relative_to(site)}: {url}")
    assert not outside, "\n".join(outside)
    for css in site.rglob("*.css"):
        assert "fonts.googleapis" not in css.read_text(encoding="utf-8", errors="ignore"), css


def test_home_pages_lead_with_four_entries_each_one_click_from_what_it_names(site):
    """At the top: find the message (each audience and the overview), plan a campaign (step 4 or
    step 1, as the guide advises), run a workshop (the pack to print, the worksheets, the
    activities), propose a change; then the guide's parts."""
    for prefix in LANGS.values():
        page = soup(site, prefix.rstrip("/") or ".")
        entries = page.select("article nav.bdw-entries > section.bdw-entry")
        assert len(entries) == 4
        first_h2 = page.select_one("article h2")
        assert first_h2 in entries[0].find_all("h2"), "the entries come before any other section"
        hrefs = [[a["href"] for a in entry.select("a[href]")] for entry in entries]
        assert sum("messages/audiences/" in h for h in hrefs[0]) == len(GUIDE.audiences)
        assert any(h.endswith("messages/overview/") for h in hrefs[0])
        assert [h.rstrip("/").rsplit("/", 1)[-1] for h in hrefs[1][:2]] == ["question-4", "question-1"]
        assert hrefs[2][0].endswith("worksheets/pdf/workshop-pack-letter.pdf")
        assert any(h.endswith("worksheets/") for h in hrefs[2]) and any(
            h.endswith("getting-started/") for h in hrefs[2]
        )
        assert hrefs[3] and hrefs[3][-1].endswith("contribute/")
        assert page.select("article ol a[href$='background/']"), "the guide's parts follow"


def test_no_marker_or_placeholder_is_left_in_any_page(site):
    for path in all_pages(site):
        html = path.read_text(encoding="utf-8")
        assert "bdw-slot" not in html and "bdw:" not in html, path


@pytest.mark.parametrize("lang, prefix", LANGS.items())
def test_edit_this_page_points_at_the_right_file(page_at, lang, prefix):
    def edit_link(path: str) -> str:
        return page_at(path).select_one("a.md-content__button[href*='/edit/']")["href"]

    assert edit_link(prefix or ".").endswith(f"/edit/main/docs/{lang}/index.md")
    assert edit_link(f"{prefix}messages/audiences/public").endswith("/edit/main/data/audiences.yml")
    assert edit_link(f"{prefix}messages/objectives/skills").endswith("/edit/main/data/objectives.yml")
    # Pages made from one data file open that file, at the line of their title in this language.
    for folder, entries in (
        ("case-studies", GUIDE.case_studies),
        ("worksheets", GUIDE.worksheets),
        ("activities", GUIDE.activities),
    ):
        for entry in entries:
            link = edit_link(f"{prefix}{folder}/{entry.id}")
            assert link.endswith(f"/edit/main/{entry.path}#L{entry.lines[f'title.{lang}']}"), link
            assert entry.path == f"data/{folder}/{entry.id}.yml"
    # A page of prose that lists data items (the activity index) keeps its own file.
    assert edit_link(f"{prefix}getting-started").endswith(f"/edit/main/docs/{lang}/getting-started.md")


@pytest.mark.parametrize("lang, prefix", LANGS.items())
def test_background_lists_the_contributors_from_data(site, lang, prefix):
    page = soup(site, f"{prefix}background")
    people = page.select("ul.bdw-contributors li")
    assert len(people) == len(GUIDE.contributors.people)
    abbr = page.select_one("ul.bdw-contributors abbr")
    assert abbr.get_text() == ("FCDC" if lang == "fr" else "CCDF")
    assert abbr["title"] == (
        "Fondation canadienne pour le développement de carrière"
        if lang == "fr"
        else "Canadian Career Development Foundation"
    )
    assert len(page.select("article h2")) >= 4


def test_every_page_carries_a_policy_allowing_only_the_theme_inline_scripts(site, built_pages):
    import base64
    import hashlib

    pages = all_pages(site) + [site / "404.html"]
    for path in pages:
        page = built_pages[path]
        head = page.head.find_all(recursive=False)
        assert head[0].name == "meta" and head[0].get("charset"), path
        assert head[1].get("http-equiv") == "Content-Security-Policy", path  # before any script
        policy = head[1]["content"]
        directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
        assert "http" not in policy and "unsafe" not in policy, path
        inline = [s for s in page.find_all("script") if not s.get("src") and s.get("type") != "application/json"]
        assert inline and not any(s.find_parent("article") for s in inline), path
        allowed = set(directives["script-src"].split()) - {"'self'"}
        digests = {f"'sha256-{base64.b64encode(hashlib.sha256(s.string.encode()).digest()).decode()}'" for s in inline}
        assert digests == allowed, path  # exactly the theme's scripts: nothing more is allowed


BINARY = {".pdf", ".zip", ".gz", ".png", ".ico", ".docx"}  # compressed bytes can spell "{%" by chance


def test_the_site_publishes_no_template_source(site):
    """The core's templates are package data, not theme files: none is copied into the site, and no
    published file holds Jinja syntax."""
    assert not (site / "bdw").exists()
    leaks = []
    for path in sorted(p for p in site.rglob("*") if p.is_file() and p.suffix not in BINARY):
        text = path.read_bytes().decode("utf-8", errors="ignore")
        if "{#" in text or "{%" in text or "bdw/worksheet-pages.css" in text:
            leaks.append(path.relative_to(site).as_posix())
    assert not leaks, leaks
    assert (site / "assets" / "stylesheets" / "bdw-pages.css").is_file()  # the rendered one is there
