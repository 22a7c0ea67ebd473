"""Post drafts in Chromium: the live count follows an edit and counts as the platform does (the same
count as the core's), copy copies the edited text, the surviving hashtag form replaces the guide's in
every draft of the page, and the open drafts pass axe."""

from __future__ import annotations

import pytest
from test_accessibility import axe_source, axe_violations  # noqa: F401 (fixture)

from bdw_guide.posts import PLATFORMS, post_length, surviving_hashtag
from bdw_guide.render import number

from conftest import GUIDE

TAG = GUIDE.campaign.hashtag

pytestmark = pytest.mark.browser

TRICKY = [
    "Voir https://example.org/a/very/long/path?x=1, puis www.ceric.ca. et ceric.ca",
    "👩🏽‍💻 🇨🇦 1️⃣ © ☺ 日本語 … «\u00a0élève\u00a0» \u202f e\u0301",
    "@alice@mastodon.social et (https://example.org/page).",
    "Ligne 1\nLigne 2\n\n#Au-delàDuTravailDécent",
]


def open_drafts(page, server, path: str, card: str):
    page.goto(f"{server}/{path}")
    kit = page.locator(f"#card-{card} details.bdw-posts")
    kit.locator("summary").click()
    kit.locator(".bdw-post__copy").first.wait_for()  # revealed by the script
    return kit


def count_text(platform: str, text: str, lang: str) -> str:
    return GUIDE.t("post_count", lang).format(
        count=number(post_length(text, platform), lang), limit=number(PLATFORMS[platform].limit, lang)
    )


def open_every_card_drafts(page) -> None:
    """Open the drafts of every card of the page (each card's are made when they first open)."""
    panels = page.locator("details.bdw-posts")
    for i in range(panels.count()):
        if not panels.nth(i).evaluate("panel => panel.open"):
            panels.nth(i).locator("summary").click()
        panels.nth(i).locator(".bdw-post__copy").first.wait_for()


def test_the_script_counts_every_platform_as_the_core_does(page, server):
    page.goto(f"{server}/messages/audiences/public/")
    page.wait_for_function("typeof window.bdwPostLength === 'function'")
    open_every_card_drafts(page)
    samples = TRICKY + [page.locator("textarea").nth(i).input_value() for i in range(page.locator("textarea").count())]
    for text in samples:
        for platform in PLATFORMS:
            assert page.evaluate("([t, p]) => window.bdwPostLength(t, p)", [text, platform]) == post_length(
                text, platform
            ), (platform, text[:40])


@pytest.mark.parametrize("lang, prefix", [("fr", ""), ("en", "en/")])
def test_editing_a_draft_updates_its_count(page, server, lang, prefix):
    kit = open_drafts(page, server, f"{prefix}messages/audiences/government/", "skills-government")
    for platform in ("x", "bluesky", "mastodon", "linkedin"):
        box = kit.locator(f"[data-platform={platform}]")
        area = box.locator("textarea")
        edited = area.input_value() + " https://example.org/" + "b" * 80 + " 👩🏽‍💻"
        area.fill(edited)
        box.locator(".bdw-post__count").filter(has_text=count_text(platform, edited, lang)).wait_for()
        # The count is also said, politely, once typing pauses.
        box.locator(".bdw-post__status").filter(has_text=PLATFORMS[platform].name).wait_for()


def test_a_draft_over_its_limit_says_by_how_much(page, server):
    kit = open_drafts(page, server, "en/messages/audiences/public/", "access-public")
    box = kit.locator("[data-platform=x]")
    area = box.locator("textarea")
    extra = " And one more sentence to go over the limit." * 3
    edited = area.input_value() + extra
    area.fill(edited)
    over = post_length(edited, "x") - 280
    assert over > 0
    box.locator(".bdw-post__count").filter(has_text=f"{over} over the limit").wait_for()
    assert area.get_attribute("aria-invalid") == "true"
    area.fill(edited[: -len(extra)])
    box.locator(".bdw-post__count").filter(has_text=count_text("x", area.input_value(), "en")).wait_for()
    assert area.get_attribute("aria-invalid") is None


@pytest.mark.parametrize("lang, prefix", [("fr", ""), ("en", "en/")])
def test_copy_copies_the_edited_text(page, server, lang, prefix):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server)
    kit = open_drafts(page, server, f"{prefix}messages/audiences/business/", "funding-business")
    box = kit.locator("[data-platform=linkedin]")
    area = box.locator("textarea")
    edited = "Notre organisation à Trois-Rivières :\n\n" + area.input_value()
    area.fill(edited)
    box.locator(".bdw-post__copy").click()
    box.locator(".bdw-post__status").filter(has_text=GUIDE.t("post_copied", lang)).wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == edited


def test_choosing_the_surviving_hashtag_updates_every_draft_of_the_page(page, server):
    kit = open_drafts(page, server, "messages/audiences/public/", "integration-public")
    survivor = surviving_hashtag(TAG["fr"])
    kit.get_by_label(GUIDE.t("hashtag_surviving_form", "fr").format(tag=survivor)).check()
    kit.locator(".bdw-posts__status").filter(has_text=survivor).wait_for()
    open_every_card_drafts(page)  # the other cards' drafts, opened after the choice, follow it too
    texts = page.locator("textarea.bdw-post__text")
    assert texts.count() == len(GUIDE.objectives) * len(PLATFORMS)
    for i in range(texts.count()):
        value = texts.nth(i).input_value()
        assert value.endswith("\n\n" + survivor) and TAG["fr"] not in value
    box = kit.locator("[data-platform=mastodon]")
    box.locator(".bdw-post__count").filter(
        has_text=count_text("mastodon", box.locator("textarea").input_value(), "fr")
    ).wait_for()
    other = page.locator("#card-access-public .bdw-posts__choice input[type=radio]").nth(1)
    assert other.is_checked()  # every card shows the same choice
    kit.get_by_label(GUIDE.t("hashtag_guide_form", "fr").format(tag=TAG["fr"])).check()
    page.wait_for_function(
        f"[...document.querySelectorAll('textarea.bdw-post__text')].every(t => t.value.endsWith({TAG['fr']!r}))"
    )


def test_open_drafts_pass_axe(page, server, axe_source):  # noqa: F811
    for path, card in (
        ("messages/audiences/public/", "access-public"),
        ("en/messages/objectives/funding/", "funding-education"),
    ):
        kit = open_drafts(page, server, path, card)
        kit.locator("textarea").first.fill("Édité")
        assert axe_violations(page, axe_source) == [], path
