"""A page of cards stays light until a reader opens a kit panel: each panel's contents (post drafts,
adapting a message, a letter) reach the page as the text of a <noscript>, made into elements when the
panel first opens (templates/later.html). Without JavaScript the panels work as before; nothing a
contributor writes can close the <noscript> early."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import expect

from bdw_guide.posts import PLATFORMS
from bdw_guide.text_rules import noscript_safe

from conftest import GUIDE

CARD_PAGES = [f"messages/audiences/{a}" for a in GUIDE.audiences] + [
    f"messages/objectives/{o}" for o in GUIDE.objectives
]
PANELS = "details.bdw-posts, details.bdw-adapt, details.bdw-letter"
LATER = re.compile(r'<noscript class="bdw-later">(.*?)</noscript>', re.S | re.I)
# The heaviest card page (the government audience: four cards, four letters) had 1,370 elements with
# every panel's contents on the page, and has 646 without them.
ELEMENTS_BUDGET = 700


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_every_kit_panel_holds_its_contents_in_one_noscript(site, prefix):
    for path in CARD_PAGES:
        html = (site / prefix / path / "index.html").read_text(encoding="utf-8")
        panels = BeautifulSoup(html, "lxml").select(PANELS)
        assert len(panels) >= 2 * len(GUIDE.objectives), path
        for panel in panels:
            children = [child.name for child in panel.find_all(recursive=False)]
            assert children == ["summary", "noscript"], (path, panel.get("class"), children)
            assert panel.noscript["class"] == ["bdw-later"]
        raw = LATER.findall(html)
        assert len(raw) == len(panels), path  # no noscript ended early, none left unclosed
        assert not any("<noscript" in text.lower() for text in raw)


def test_nothing_in_a_text_can_close_the_noscript_early():
    hostile = '<p title="</NoScript><img src=x onerror=alert(1)>">a</noscript >b</NOSCRIPT'
    safe = noscript_safe(hostile)
    assert "</noscript" not in safe.lower()
    assert safe == '<p title="&lt;/NoScript><img src=x onerror=alert(1)>">a&lt;/noscript >b&lt;/NOSCRIPT'
    assert noscript_safe("<p>Rien à changer : « déjà sûr ».</p>") == "<p>Rien à changer : « déjà sûr ».</p>"


@pytest.mark.browser
def test_a_panel_s_elements_are_made_when_it_first_opens(page, server):
    page.goto(f"{server}/messages/audiences/government/")
    page.wait_for_load_state("load")
    assert page.evaluate("document.getElementsByTagName('*').length") <= ELEMENTS_BUDGET
    assert page.locator(".bdw-card textarea, .bdw-card input").count() == 0
    card = page.locator("#card-funding-government")
    card.locator("details.bdw-posts > summary").click()
    card.locator(".bdw-post__copy").first.wait_for()
    assert card.locator(".bdw-post").count() == len(PLATFORMS)
    assert page.locator(".bdw-post").count() == card.locator(".bdw-post").count()  # the other cards wait
    letter = card.locator("details.bdw-letter")
    letter.locator("summary").click()
    letter.locator("[name=recipient]").fill("Mme Tremblay")
    expect(letter.locator(".bdw-letter__text")).to_have_value(re.compile("Mme Tremblay"))
    other = page.locator("#card-access-government details.bdw-letter")
    other.locator("summary").click()  # opened after the script came: set up at once
    other.locator("[name=recipient]").fill("M. Roy")
    expect(other.locator(".bdw-letter__text")).to_have_value(re.compile("M. Roy"))


@pytest.mark.browser
@pytest.mark.parametrize("lang, prefix", [("fr", ""), ("en", "en/")])
def test_without_javascript_the_panels_read_as_before(browser, server, lang, prefix):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{server}/{prefix}messages/audiences/government/")
    card = page.locator("#card-skills-government")
    card.locator("details.bdw-posts > summary").click()
    drafts = card.locator("textarea.bdw-post__text")
    assert drafts.count() == len(PLATFORMS)
    assert drafts.first.is_visible() and GUIDE.campaign.hashtag[lang] in drafts.first.input_value()
    card.locator("details.bdw-letter > summary").click()
    assert card.locator("a.bdw-letter__mail").get_attribute("href").startswith("mailto:")
    assert card.locator(".bdw-letter__text").is_visible()
    assert page.locator("details.bdw-adapt:visible").count() == 0  # it needs the script: not shown
    context.close()
