"""The site's own look and the places it keeps (issue 15): both colour schemes, a header that fits a
phone with the language link at the top right, a footer in the page's language, the switcher that
keeps the reader's place, message cards titled by their headline, activities as a library, pages
that fit a phone, visible worksheet fields, and one 404 for both languages.

Built HTML is parsed with BeautifulSoup; the rest runs in Chromium (skipped only without it, never
under CI=true).
"""
from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from bdw_guide.loader import load_guide
from conftest import ROOT

GUIDE = load_guide(ROOT)
LANGS = {"fr": "", "en": "en/"}


def soup(site, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "lxml")


# -- identity ---------------------------------------------------------------------------------

@pytest.mark.parametrize("lang, prefix", LANGS.items())
def test_header_has_our_mark_the_language_link_last_and_no_repository_widget(site, lang, prefix):
    page = soup(site, prefix + "messages/overview")
    header = page.select_one("header.md-header")
    assert header.select_one(".md-logo svg.bdw-logo") is not None
    assert header.select(".md-source, .md-header__source") == []
    assert page.select(".md-source") == []  # nor in the phone's menu
    last = header.select_one("nav.md-header__inner").find_all(recursive=False)[-1]
    link = last.select_one("a[hreflang]")
    other = "en" if lang == "fr" else "fr"
    assert link["hreflang"] == other and link.span["lang"] == other
    assert link.get_text(strip=True) == {"en": "English", "fr": "Français"}[other]


@pytest.mark.parametrize("lang, prefix", LANGS.items())
def test_footer_speaks_the_page_language_only(site, lang, prefix):
    footer = soup(site, prefix + "background").select_one("footer.md-footer")
    text = footer.get_text(" ", strip=True)
    assert "Made with" not in text and "Material for MkDocs" not in text
    assert ("CERIC, 2024" in text) and (("Contenu adapté" in text) == (lang == "fr"))


@pytest.mark.parametrize("lang, prefix", LANGS.items())
def test_both_colour_schemes_with_toggles_named_in_the_page_language(site, lang, prefix):
    page = soup(site, prefix)
    options = page.select("form[data-md-component=palette] input.md-option")
    assert [o["data-md-color-media"] for o in options] == ["(prefers-color-scheme: light)",
                                                             "(prefers-color-scheme: dark)"]
    names = [o["aria-label"] for o in options]
    assert names == [GUIDE.t("scheme_to_dark", lang), GUIDE.t("scheme_to_light", lang)]
    icon = page.select_one('link[rel="icon"]')
    assert icon["href"].endswith("assets/images/favicon.svg")
    assert (site / "assets/images/favicon.svg").is_file() and (site / "assets/images/logo.svg").is_file()
