"""Adapting a message in Chromium: the result follows every edit, counted as each platform counts (the
same count as the core's); it survives a reload, follows the hashtag chosen for the posts, copies, and
goes back to the guide's message on request; the open panel passes axe."""

from __future__ import annotations

import pytest
from test_accessibility import axe_source, axe_violations  # noqa: F401 (fixture)

from bdw_guide.posts import PLATFORMS, adapted_text, post_length, surviving_hashtag
from bdw_guide.render import number
from bdw_guide.text_rules import plain_text

from conftest import GUIDE

TAG = GUIDE.campaign.hashtag

pytestmark = pytest.mark.browser


def open_adapt(page, server, path: str, card: str):
    page.goto(f"{server}/{path}")
    panel = page.locator(f"#bdw-adapt-{card}")
    panel.locator("summary").click()
    page.wait_for_function("() => typeof window.bdwAdaptedText === 'function'")
    return panel


def counts(panel) -> dict[str, int]:
    return {
        p: int(panel.locator(f".bdw-adapt__counts [data-platform={p}]").get_attribute("data-count")) for p in PLATFORMS
    }


@pytest.mark.parametrize("lang, prefix", [("fr", ""), ("en", "en/")])
def test_edits_figure_and_organization_make_the_result_counted_per_platform(page, server, lang, prefix):
    panel = open_adapt(page, server, f"{prefix}messages/audiences/public/", "access-public")
    m = GUIDE.message("access", "public").data
    figure = (
        "Ici, 4 personnes sur 10 n’ont jamais rencontré de conseillère ou conseiller (sondage régional, 2025). 👩🏽‍💻"
    )
    panel.locator("[name=organization]").fill("Carrefour carrière de Trois-Rivières")
    panel.locator("[name=figure]").fill(figure)
    ask = plain_text(m.ask[lang]) + " https://example.org/" + "x" * 60
    panel.locator("[name=ask]").fill(ask)
    expected = adapted_text(
        plain_text(m.message[lang]),
        ask,
        TAG[lang],
        "Carrefour carrière de Trois-Rivières",
        figure,
        GUIDE.t("adapt_signature", lang),
    )
    assert panel.locator(".bdw-adapt__result").input_value() == expected
    assert counts(panel) == {p: post_length(expected, p) for p in PLATFORMS}
    over = post_length(expected, "x") - PLATFORMS["x"].limit
    assert over > 0
    assert GUIDE.t("post_over", lang).format(over=number(over, lang)) in panel.locator("[data-platform=x]").inner_text()


def test_an_adapted_message_survives_a_reload_and_resets(page, server):
    panel = open_adapt(page, server, "en/messages/audiences/business/", "funding-business")
    original = panel.locator("[name=message]").input_value()
    panel.locator("[name=message]").fill("Turnover costs our region dearly. " + original)
    panel.locator("[name=figure]").fill("Local figure (our survey).")
    panel.locator("[name=organization]").fill("Career Hub")
    adapted = panel.locator(".bdw-adapt__result").input_value()
    page.reload()
    panel = open_adapt(page, server, "en/messages/audiences/business/", "funding-business")
    assert panel.locator(".bdw-adapt__result").input_value() == adapted
    assert panel.locator("[name=message]").input_value().startswith("Turnover costs our region dearly.")
    # Another card of the page, opened now, is untouched, but knows the organization.
    other = page.locator("#bdw-adapt-access-business")
    other.locator("summary").click()
    assert other.locator("[name=organization]").input_value() == "Career Hub"
    assert other.locator("[name=figure]").input_value() == ""
    panel.locator(".bdw-adapt__reset").click()
    panel.locator(".bdw-kit__status").filter(has_text=GUIDE.t("adapt_reset_done", "en")).wait_for()
    assert panel.locator("[name=message]").input_value() == original
    assert panel.locator("[name=figure]").input_value() == ""
    page.reload()
    panel = open_adapt(page, server, "en/messages/audiences/business/", "funding-business")
    m = GUIDE.message("funding", "business").data
    assert panel.locator(".bdw-adapt__result").input_value() == adapted_text(
        plain_text(m.message["en"]),
        plain_text(m.ask["en"]),
        TAG["en"],
        "Career Hub",
        "",
        GUIDE.t("adapt_signature", "en"),
    )


def test_the_result_follows_the_hashtag_chosen_for_the_posts_and_copies(page, server):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server)
    panel = open_adapt(page, server, "messages/audiences/public/", "skills-public")
    survivor = surviving_hashtag(TAG["fr"])
    posts = page.locator("#card-skills-public details.bdw-posts")
    posts.locator("summary").click()
    posts.get_by_label(GUIDE.t("hashtag_surviving_form", "fr").format(tag=survivor)).check()
    page.wait_for_function(
        f"() => document.querySelector('#bdw-adapt-skills-public .bdw-adapt__result').value.endsWith({survivor!r})"
    )
    panel.locator(".bdw-adapt__copy").click()
    panel.locator(".bdw-kit__status").filter(has_text=GUIDE.t("adapt_copied", "fr")).wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == panel.locator(".bdw-adapt__result").input_value()


def test_an_open_adapt_panel_passes_axe(page, server, axe_source):  # noqa: F811
    for path, card in (
        ("messages/audiences/public/", "access-public"),
        ("en/messages/objectives/skills/", "skills-education"),
    ):
        panel = open_adapt(page, server, path, card)
        panel.locator("[name=figure]").fill("Un chiffre (source).")
        assert axe_violations(page, axe_source) == [], path
