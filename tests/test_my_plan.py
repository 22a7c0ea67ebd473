"""My plan: the answers of the planning worksheets and the communication plan, gathered under their
questions in order, printable as one document and downloadable as Word."""

from __future__ import annotations

import re

import pytest

from conftest import GUIDE

pytestmark = pytest.mark.browser


def _fill(page, server, path, values: dict[str, str]) -> None:
    page.goto(f"{server}/{path}")
    page.wait_for_selector(".bdw-tools__actions:not([hidden])")
    for name, value in values.items():
        page.locator(f"form.bdw-worksheet [name='{name}']").fill(value)
    page.locator(".bdw-tools__status").filter(has_text=re.compile(r"\S")).wait_for()


def expected_order(lang: str) -> list[str]:
    headings = [
        GUIDE.t("question_title", lang).format(n=n, title=q.title[lang]) for n, q in enumerate(GUIDE.questions, 1)
    ]
    return headings + [GUIDE.t("communication_plan", lang)]


def test_my_plan_shows_the_answers_under_their_questions_in_order(page, server, tmp_path):
    import docx

    _fill(
        page,
        server,
        "worksheets/communication-plan/",
        {"weekly-plan.1.date_event": "Mois de la carrière, 1er novembre"},
    )
    _fill(page, server, "en/worksheets/question-3/", {"audience": "School principals"})
    _fill(
        page,
        server,
        "worksheets/question-1/",
        {"change": "Une politique provinciale d’orientation", "problem.2": "Deuxième"},
    )
    page.goto(f"{server}/en/worksheets/my-plan/")
    page.wait_for_selector(".bdw-worksheet-plan .bdw-tools__actions:not([hidden])")
    parts = page.locator(".bdw-plan__part")
    assert [h.strip() for h in parts.locator("h2").all_inner_texts()] == expected_order("en")
    texts = parts.all_inner_texts()
    assert "Une politique provinciale d’orientation" in texts[0] and "Deuxième" in texts[0]
    assert "School principals" in texts[2]
    assert "Mois de la carrière, 1er novembre" in texts[-1], "the plan's date or event, under the communication plan"
    assert GUIDE.t("plan_none", "en") in texts[1], "a question without answers says so"
    # an answer is text, never markup
    _fill(page, server, "worksheets/question-2/", {"decision-makers": "<b>bold</b> & <script>x</script>"})
    page.goto(f"{server}/worksheets/my-plan/")
    page.wait_for_selector(".bdw-worksheet-plan .bdw-tools__actions:not([hidden])")
    assert "<b>bold</b> & <script>x</script>" in page.locator(".bdw-plan__part").nth(1).inner_text()
    assert page.locator(".bdw-plan__part b").count() == 0
    # printable: the buttons and links stay off the paper
    page.emulate_media(media="print")
    assert not page.locator(".bdw-worksheet-plan .bdw-tools__actions").is_visible()
    assert page.locator(".bdw-plan__part").first.is_visible()
    page.emulate_media(media="screen")
    with page.expect_download() as download:
        page.get_by_role("button", name=GUIDE.t("plan_word", "fr")).click()
    saved = tmp_path / "plan.docx"
    download.value.save_as(saved)
    document = docx.Document(saved)
    cells = " ".join(p.text for t in document.tables for row in t.rows for c in row.cells for p in c.paragraphs)
    text = " ".join(p.text for p in document.paragraphs) + " " + cells
    assert "Une politique provinciale d’orientation" in text and "Mois de la carrière, 1er novembre" in text
    assert page.csp_violations == []


def test_words_typed_just_before_leaving_the_page_are_kept(page, server):
    """Answers save after a short pause in typing; following a link during that pause still keeps
    them (the page saves at once when it is left)."""
    page.goto(f"{server}/en/worksheets/question-1/")
    page.wait_for_selector(".bdw-tools__actions:not([hidden])")
    page.locator("form.bdw-worksheet [name='change']").fill("A provincial career guidance policy")
    page.goto(f"{server}/en/worksheets/my-plan/")  # at once, within the pause
    page.wait_for_selector(".bdw-worksheet-plan .bdw-tools__actions:not([hidden])")
    assert "A provincial career guidance policy" in page.locator(".bdw-plan__part").first.inner_text()
