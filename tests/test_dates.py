"""Date modified on every page, from the git history of what the page is made of, and the same date
as the sitemap's lastmod; no history, no date (never the build day by default)."""

from __future__ import annotations

import os
import re
import subprocess
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from bdw_guide import dates
from bdw_guide.render import Renderer

from conftest import GUIDE, copy_repo, mkdocs_build

ROOT = Path(__file__).resolve().parent.parent
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
LABELS = {"fr": "Date de modification\u00a0:", "en": "Date modified:"}
FIRST, LATER = "2024-03-01T12:00:00+00:00", "2024-05-02T09:30:00+00:00"


def pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html" and p.parent.name != "bdw")


def shown_date(page: Path) -> str | None:
    """The page's "Date modified" (checked to be the last thing of its content), or None."""
    html = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
    block = html.select_one("article .bdw-date-modified")
    if block is None:
        return None
    lang = html.html["lang"]
    assert block.dt.get_text(strip=True) == LABELS[lang], page
    time = block.select_one("dd time")
    assert time.get_text(strip=True) == time["datetime"], page
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", time["datetime"]), page
    # At the end of the content, same place on every page: nothing of the page's text after it.
    after = [
        s
        for s in block.find_all_next(string=True)
        if s.strip() and s.find_parent("article") is not None and block not in s.parents
    ]
    assert not after, f"{page}: text after the date: {after[:3]}"
    return time["datetime"]


def url_of(site: Path, page: Path) -> str:
    rel = page.relative_to(site).as_posix()
    return os.environ.get("SITE_URL", "https://beyond-decent-work.github.io/") + (
        rel[: -len("index.html")] if rel.endswith("index.html") else rel
    )


def lastmods(site: Path) -> dict[str, str | None]:
    root = ET.parse(site / "sitemap.xml").getroot()
    return {url.find(f"{SM}loc").text: getattr(url.find(f"{SM}lastmod"), "text", None) for url in root.iter(f"{SM}url")}


def git(repo: Path, *args: str, when: str | None = None) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.org",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.org",
    }
    if when:
        env.update(GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when)
    done = subprocess.run(["git", "-C", str(repo), *args], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def dated_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built in a repository of its own: everything committed on March 1, then one message
    changed and committed on May 2."""
    repo = copy_repo(tmp_path_factory.mktemp("history") / "repo")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "The guide", when=FIRST)
    message = repo / "data" / "messages" / "access" / "public.yml"
    message.write_text(message.read_text(encoding="utf-8") + "# reviewed\n", encoding="utf-8")
    git(repo, "commit", "-q", "-am", "A message reviewed", when=LATER)
    site = repo.parent / "site"
    build = mkdocs_build(repo, site)
    assert build.returncode == 0, build.stderr
    return site


def test_every_marker_the_renderer_knows_says_what_its_page_is_made_of():
    renderer = Renderer(GUIDE)
    assert set(renderer._views()) == set(dates.SOURCES)


def test_a_generated_page_is_made_of_its_own_file_and_its_data():
    sources = dates.page_sources(
        GUIDE, "# T\n\n<!-- bdw:audience public -->\n", "fr", "docs/fr/messages/audiences/public.md"
    )
    assert sources[0] == "docs/fr/messages/audiences/public.md"
    assert {f"data/messages/{o}/public.yml" for o in GUIDE.objectives} <= set(sources)
    assert not any(path.endswith("/business.yml") for path in sources)
    assert "data/ui.yml" not in sources  # interface strings do not re-date every page
    worksheet = dates.page_sources(GUIDE, "<!-- bdw:worksheet question-3 -->", "en", "docs/en/worksheets/question-3.md")
    assert "data/worksheets/question-3.yml" in worksheet


def test_a_page_shows_the_latest_change_among_the_files_it_is_made_of(dated_site):
    for prefix in ("", "en/"):
        for path in ("messages/audiences/public", "messages/objectives/access", "messages/overview"):
            assert shown_date(dated_site / prefix / path / "index.html") == LATER[:10], prefix + path
        for path in ("messages/audiences/business", "messages/objectives/skills", "background", ""):
            assert shown_date(dated_site / prefix / path / "index.html") == FIRST[:10], prefix + path


def test_every_page_has_a_date_and_none_shows_the_build_day(dated_site):
    found = {page: shown_date(page) for page in pages(dated_site)}
    assert len(found) > 90 and all(found.values()), [p for p, d in found.items() if not d]
    assert set(found.values()) == {FIRST[:10], LATER[:10]}
    assert date.today().isoformat() not in found.values()


def test_the_sitemap_carries_the_same_dates(dated_site):
    in_sitemap = lastmods(dated_site)
    shown = {url_of(dated_site, page): shown_date(page) for page in pages(dated_site)}
    assert set(in_sitemap) == set(shown)
    assert in_sitemap == shown


def test_outside_a_checkout_no_page_has_a_date_and_the_sitemap_no_lastmod(tmp_path):
    outside = copy_repo(tmp_path / "not-a-checkout")
    assert not dates.History.read(outside).known
    build = mkdocs_build(outside, tmp_path / "site")
    assert build.returncode == 0, build.stderr
    built = pages(tmp_path / "site")
    assert len(built) > 90 and not any(shown_date(page) for page in built)
    in_sitemap = lastmods(tmp_path / "site")
    assert len(in_sitemap) == len(built) and not any(in_sitemap.values())


def test_a_shallow_clone_has_no_usable_history(tmp_path):
    repo = copy_repo(tmp_path / "repo")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "one", when=FIRST)
    (repo / "data" / "ui.yml").write_text(
        (repo / "data" / "ui.yml").read_text(encoding="utf-8") + "\n", encoding="utf-8"
    )
    git(repo, "commit", "-q", "-am", "two", when=LATER)
    assert dates.History.read(repo).known
    shallow = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", repo.as_uri(), str(shallow)], check=True)
    history = dates.History.read(shallow)
    assert not history.known and history.last_change(["docs/fr/index.md"]) is None


def test_the_real_site_dates_each_page_from_the_history(site):
    """The deployed build: with the repository's history every page has its date, and the sitemap
    the same; in a clone without history (a shallow CI checkout) no page has one."""
    history = dates.History.read(ROOT)
    found = {page: shown_date(page) for page in pages(site)}
    if not history.known:
        assert not any(found.values())
        assert not any(lastmods(site).values())
        return
    assert all(found.values()), [p for p, d in found.items() if not d]
    newest = max(history.changed.values()).date().isoformat()
    assert max(found.values()) <= newest  # no page is newer than the newest commit: never the build day
    assert lastmods(site) == {url_of(site, page): day for page, day in found.items()}
