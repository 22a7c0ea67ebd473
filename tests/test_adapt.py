"""Adapt this message: every card lets its reader rework the message and its ask with their own
organization and a local figure, counted on every platform as the platform counts; the panel needs the
script, so the page hides it until the script shows it."""

from __future__ import annotations

import pytest

from bdw_guide.posts import PLATFORMS, adapted_text, post_length
from bdw_guide.render import number
from bdw_guide.text_rules import plain_text

from conftest import GUIDE


def test_the_adapted_message_reads_message_figure_ask_signature_hashtag():
    text = adapted_text(
        " The message. ", "The ask.", "#Tag", organization=" Career Hub ", figure="Here, 4 in 10 (survey)."
    )
    assert text == "The message.\n\nHere, 4 in 10 (survey).\n\nThe ask.\n\n— Career Hub\n\n#Tag"
    assert adapted_text("The message.", "The ask.", "#Tag") == "The message.\n\nThe ask.\n\n#Tag"
    assert adapted_text("", "The ask.", "#Tag", figure="  ") == "The ask.\n\n#Tag"


@pytest.mark.parametrize("lang, prefix", [("fr", ""), ("en", "en/")])
def test_every_card_offers_to_adapt_its_message(site, lang, prefix):
    from bs4 import BeautifulSoup

    for objective in GUIDE.objectives:
        page = BeautifulSoup((site / prefix / "messages/objectives" / objective / "index.html").read_text(), "lxml")
        for audience in GUIDE.audiences:
            m = GUIDE.message(objective, audience).data
            panel = page.select_one(f"#card-{objective}-{audience} details.bdw-adapt")
            assert panel.has_attr("hidden") and not panel.has_attr("open")  # shown by the script
            assert panel.summary.get_text(strip=True) == GUIDE.t("adapt_title", lang)
            assert panel.select_one("textarea[name=message]").get_text() == plain_text(m.message[lang])
            ask = plain_text(m.ask[lang]) if m.ask else ""  # the playbook gives no ask for some messages
            assert panel.select_one("textarea[name=ask]").get_text() == ask
            expected = adapted_text(plain_text(m.message[lang]), ask, GUIDE.campaign.hashtag[lang])
            assert panel.select_one("textarea.bdw-adapt__result").get_text() == expected
            counts = panel.select(".bdw-adapt__counts [data-platform]")
            assert [c["data-platform"] for c in counts] == list(PLATFORMS)
            for item in counts:
                platform = PLATFORMS[item["data-platform"]]
                assert int(item["data-limit"]) == platform.limit
                written = GUIDE.t("post_count", lang).format(
                    count=number(post_length(expected, platform.id), lang), limit=number(platform.limit, lang)
                )
                assert item.select_one(".bdw-adapt__count").get_text() == written
            for field in panel.select("[name]"):
                assert panel.find("label", attrs={"for": field["id"]}), field["name"]
