"""The core renders without MkDocs: cards, copy text, relative links, markers."""

from __future__ import annotations

import pytest

from bdw_guide.render import MarkerError, Renderer, relative_url
from bdw_guide.text_rules import plain_text, render_markdown

from conftest import GUIDE


@pytest.fixture
def renderer() -> Renderer:
    return Renderer(GUIDE, edit_base="https://github.com/o/r/edit/main/")


def test_core_never_imports_mkdocs():
    import subprocess
    import sys

    code = "import sys, bdw_guide.site_build, bdw_guide.cli; print('mkdocs' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


@pytest.mark.parametrize(
    "target, current, expected",
    [
        ("messages/audiences/public/", "messages/overview/", "../audiences/public/"),
        ("messages/audiences/public/#access-public", "messages/overview/", "../audiences/public/#access-public"),
        ("messages/overview/", "messages/overview/", "./"),
        ("", "en/", "../"),
        ("en/", "", "en/"),
    ],
)
def test_relative_url(target, current, expected):
    assert relative_url(target, current) == expected


def test_copy_text_starts_with_the_headline_then_message_ask_source_and_hashtag(renderer):
    entry = GUIDE.message("funding", "business")
    text = renderer.copy_text(entry, "fr").splitlines()
    assert text[0] == plain_text(entry.data.headline.fr) and text[0]
    assert text[1] == ""
    assert text[2].startswith(plain_text(entry.data.message.fr))
    assert text[2].endswith(plain_text(entry.data.ask.fr))
    assert text[3] == ""
    assert text[4] == (
        "Source\u00a0: Pew Research Center, citée dans CERIC, Au-delà du travail décent – Guide sur "
        "la promotion (publié en anglais sous le titre Beyond Decent Work Playbook), 2024, p.\u00a012."
    )
    assert text[5] == "#Au-delàDuTravailDécent"
    en = renderer.copy_text(entry, "en").splitlines()
    assert en[0] == plain_text(entry.data.headline.en)
    assert en[4:] == [
        "Source: Pew Research Center, as cited in CERIC, Au-delà du travail décent – Guide sur la "
        "promotion (French edition of the Beyond Decent Work Playbook), 2024, p. 12.",
        "#BeyondDecentWork",
    ]


def test_copy_text_of_an_unnamed_source_cites_the_guide_and_its_page_not_an_invented_source(renderer):
    text = renderer.copy_text(GUIDE.message("access", "public"), "en")
    assert (
        "The playbook cites a source without naming it. Reference: CERIC, Au-delà du travail décent – Guide sur "
        "la promotion (French edition of the Beyond Decent Work Playbook), 2024, p. 9."
    ) in text
    assert "p.\u00a09" in renderer.copy_text(GUIDE.message("access", "public"), "fr")


def test_a_claim_over_two_pages_is_cited_with_both(renderer):
    assert "p. 9–10." in renderer.copy_text(GUIDE.message("access", "business"), "en")


def test_edit_url_points_at_the_language_line(renderer):
    entry = GUIDE.message("skills", "education")
    fr, en = renderer.edit_url(entry, "fr"), renderer.edit_url(entry, "en")
    assert fr == f"https://github.com/o/r/edit/main/data/messages/skills/education.yml#L{entry.lines['message.fr']}"
    assert en.endswith(f"#L{entry.lines['message.en']}") and fr != en


def test_card_renders_in_both_languages(renderer):
    entry = GUIDE.message("access", "public")
    fr, en = renderer.card(entry, "fr"), renderer.card(entry, "en")
    assert "Copier le message" in fr and "Copy message" in en
    assert 'id="card-access-public"' in fr


def test_unknown_marker_is_a_clear_error(renderer):
    with pytest.raises(MarkerError, match="bdw:audiance"):
        renderer.expand_markers("<!-- bdw:audiance public -->\n", "fr", "x/", "x.md")
    with pytest.raises(MarkerError, match="no known audience"):
        renderer.expand_markers("<!-- bdw:audience nobody -->\n", "fr", "x/", "x.md")


def test_sanitizer_is_a_second_wall():
    html = str(render_markdown("hi <script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)>"))
    assert "<script" not in html and "javascript:" not in html and "onerror" not in html


def test_plain_text_strips_markdown():
    assert plain_text("*Really*, **talk** to a [pro](https://x.ca).") == "Really, talk to a pro."


def test_every_marker_kind_has_its_view_and_its_check(renderer):
    from bdw_guide.render import MARKER_KINDS

    assert set(MARKER_KINDS) == set(renderer._views())
