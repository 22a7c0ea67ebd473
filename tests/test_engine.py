"""A second engine, rehearsed: the core writes each language's finished Markdown (`expand`) and
applies the post-build steps to any built site (`finish`), so the guide does not depend on MkDocs'
hooks; Zensical (pinned in the `test` extra) builds the French tree into every page and card.
Zensical's test skips only where the package is missing, never under CI=true."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from bdw_guide.engine import page_url, single_language_config
from bdw_guide.models import LANGUAGES

from conftest import ROOT


@pytest.fixture(scope="module")
def expanded(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("expanded")
    result = subprocess.run(
        [sys.executable, "-m", "bdw_guide", "expand", "--out", str(out)], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return out


def docs_pages(lang: str) -> list[str]:
    return sorted(p.relative_to(ROOT / "docs" / lang).as_posix() for p in (ROOT / "docs" / lang).rglob("*.md"))


@pytest.mark.parametrize(
    "src, url",
    [
        ("index.md", ""),
        ("background.md", "background/"),
        ("planning/index.md", "planning/"),
        ("messages/overview.md", "messages/overview/"),
    ],
)
def test_page_url_is_the_directory_url(src, url):
    assert page_url(src) == url


def test_expand_writes_each_language_tree_with_every_marker_expanded(expanded, guide):
    for lang in LANGUAGES:
        assert sorted(p.relative_to(expanded / lang).as_posix() for p in (expanded / lang).rglob("*.md")) == docs_pages(
            lang
        )
        for page in (expanded / lang).rglob("*.md"):
            text = page.read_text(encoding="utf-8")
            assert "<!-- bdw:" not in text and "bdw-slot" not in text, page
    cards = "".join(
        (expanded / "en" / "messages" / "audiences" / f"{a}.md").read_text(encoding="utf-8") for a in guide.audiences
    )
    assert cards.count('<article class="bdw-card"') == len(guide.messages)
    for entry in guide.messages.values():
        assert f'id="card-{entry.data.objective}-{entry.data.audience}"' in cards


def test_expand_is_what_the_hooks_give_mkdocs(expanded, site):
    """The same Markdown: a plain MkDocs page built from the tree shows the cards our build shows."""
    ours = BeautifulSoup((site / "en/messages/overview/index.html").read_text(encoding="utf-8"), "lxml")
    tree = (expanded / "en" / "messages" / "overview.md").read_text(encoding="utf-8")
    for cell in ours.select("table.bdw-grid tbody td[data-audience]"):
        assert f'data-audience="{cell["data-audience"]}"' in tree


def test_finish_adds_the_policy_print_pages_and_x_default_once(tmp_path, guide):
    site = tmp_path / "site"
    (site / "en").mkdir(parents=True)
    page = (
        '<html><head><meta charset="utf-8"><script>theme()</script></head>'
        "<body><article><h1>x</h1></article></body></html>"
    )
    (site / "index.html").write_text(page, encoding="utf-8")
    (site / "en" / "index.html").write_text(page, encoding="utf-8")
    (site / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:xhtml="http://www.w3.org/1999/xhtml"><url><loc>https://example.org/</loc>'
        '<xhtml:link rel="alternate" hreflang="fr" href="https://example.org/"/>'
        '<xhtml:link rel="alternate" hreflang="en" href="https://example.org/en/"/></url></urlset>',
        encoding="utf-8",
    )

    def finish() -> str:
        result = subprocess.run(
            [sys.executable, "-m", "bdw_guide", "finish", str(site), "--site-url", "https://example.org/"],
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stderr
        return result.stdout

    first, second = finish(), finish()
    assert "policy added to 2 page(s)" in first and "x-default added to 1 sitemap entry" in first
    assert "policy added to 0 page(s)" in second and "x-default added to 0 sitemap entries" in second
    html = (site / "en" / "index.html").read_text(encoding="utf-8")
    assert html.count('http-equiv="Content-Security-Policy"') == 1  # a second run changes nothing
    assert (site / "sitemap.xml").read_text(encoding="utf-8").count('hreflang="x-default"') == 1
    css = (site / "assets/stylesheets/bdw-pages.css").read_text(encoding="utf-8")
    assert all(f"ws-{w.id}-en-a4" in css for w in guide.worksheets)
    assert "https://example.org/en/worksheets/" in css


def test_finish_refuses_a_page_it_cannot_give_a_policy(tmp_path):
    (tmp_path / "index.html").write_text("<html><head></head><body><article></article></body></html>", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "bdw_guide", "finish", str(tmp_path)], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "charset" in result.stderr


# -- Zensical ----------------------------------------------------------------------------------


def zensical() -> str:
    if shutil.which("zensical", path=str(Path(sys.executable).parent)) is None:
        if os.environ.get("CI") == "true":
            pytest.fail("zensical is missing under CI=true: the test extra pins it (pip install -e '.[test]')")
        pytest.skip("zensical is not installed (pip install -e '.[test]')")
    return str(Path(sys.executable).parent / "zensical")


def test_zensical_builds_the_french_tree_with_every_page_and_card(expanded, guide, tmp_path):
    """Zensical refuses a docs folder outside its project folder, runs no hooks and no static-i18n:
    one project per language, holding the expanded tree and a one-language mkdocs.yml."""
    command = zensical()
    project = tmp_path / "zensical-fr"
    shutil.copytree(expanded / "fr", project / "docs")
    config = single_language_config(ROOT, "fr", guide.ui)
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = subprocess.run([command, "build", "--clean"], cwd=project, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    site = project / "site"
    for src in docs_pages("fr"):
        assert (site / page_url(src) / "index.html").is_file(), src
    cards = [
        card
        for audience in guide.audiences
        for card in BeautifulSoup(
            (site / "messages/audiences" / audience / "index.html").read_text(encoding="utf-8"), "lxml"
        ).select("article.bdw-card")
    ]
    assert len(cards) == len(guide.messages)
    overview = BeautifulSoup((site / "messages/overview/index.html").read_text(encoding="utf-8"), "lxml")
    assert len(overview.select("table.bdw-grid tbody td[data-audience]")) == len(guide.messages)
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "lxml")
    assert home.html["lang"] == "fr"
    navigation = home.select_one("nav.md-nav--primary").get_text(" ")
    assert guide.ui["key_messages"]["fr"] in navigation and "key_messages" not in navigation, "section titles in French"
