"""Letters in Chromium: the script writes the same letter as the core, fills it as the writer types,
keeps the fields across a reload (the name and organization for every card), sends it to the mail app
with its subject and body, downloads it as text and as a Word file made in the browser, clears on
request, and the open letter passes axe."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from test_accessibility import axe_source, axe_violations  # noqa: F401 (fixture)

from bdw_guide.letters import letter_parts, letter_text

from conftest import GUIDE

pytestmark = pytest.mark.browser

VALUES = [
    {},
    {"recipient": "Jane Smith, MP", "riding": "Ottawa Centre", "sender": "Sam Lee"},
    {
        "recipient": " Jeanne Tremblay ",
        "organization": "Carrefour «\u00a0avenir\u00a0»",
        "fact": "Ici : {fact} & <b>",
        "meeting": False,
        "email": "x@example.org",
    },
]


def open_letter(page, server, path: str, card: str):
    page.goto(f"{server}/{path}")
    kit = page.locator(f"#bdw-letter-{card}")
    kit.locator("summary").click()
    kit.locator(".bdw-kit__fields").wait_for()  # revealed by the script, once styled
    return kit


def mail(href: str) -> tuple[str, str, str]:
    split = urlsplit(href)
    query = parse_qs(split.query, keep_blank_values=True)
    return unquote(split.path), query["subject"][0], query["body"][0].replace("\r\n", "\n")


def test_the_script_writes_the_letter_as_the_core_does(page, server):
    for lang, prefix in (("fr", ""), ("en", "en/")):
        open_letter(page, server, f"{prefix}messages/audiences/government/", "access-government")
        for key, entry in GUIDE.letters.items():
            parts = letter_parts(entry.data, GUIDE.ui, lang)
            for values in VALUES:
                assert page.evaluate("([p, v]) => window.bdwLetterText(p, v)", [parts, values]) == letter_text(
                    parts, values
                ), (key, lang, values)


@pytest.mark.parametrize("lang, prefix", [("fr", ""), ("en", "en/")])
def test_filling_the_fields_writes_the_letter_and_its_mail(page, server, lang, prefix):
    kit = open_letter(page, server, f"{prefix}messages/audiences/government/", "funding-government")
    values = {
        "recipient": "Jeanne Tremblay",
        "riding": "Laurier–Sainte-Marie",
        "email": "jeanne@example.org",
        "sender": "Sam Lee",
        "organization": "Carrefour carrière",
        "fact": "Notre centre a accueilli 300 personnes.",
    }
    for name, value in values.items():
        kit.locator(f"[name={name}]").fill(value)
    kit.locator("[name=meeting]").uncheck()
    parts = letter_parts(GUIDE.letters[("funding", "government")].data, GUIDE.ui, lang)
    expected = letter_text(parts, {**values, "meeting": False})
    assert kit.locator(".bdw-letter__text").input_value() == expected
    assert mail(kit.locator(".bdw-letter__mail").get_attribute("href")) == (values["email"], parts["subject"], expected)


def test_the_fields_survive_a_reload_and_the_name_serves_every_card(page, server):
    kit = open_letter(page, server, "en/messages/audiences/government/", "access-government")
    kit.locator("[name=recipient]").fill("Jane Smith, MP")
    kit.locator("[name=sender]").fill("Sam Lee")
    kit.locator("[name=organization]").fill("Career Hub")
    kit.locator("[name=meeting]").uncheck()
    page.reload()
    kit = open_letter(page, server, "en/messages/audiences/government/", "access-government")
    assert kit.locator("[name=recipient]").input_value() == "Jane Smith, MP"
    assert not kit.locator("[name=meeting]").is_checked()
    assert "Sam Lee\nCareer Hub" in kit.locator(".bdw-letter__text").input_value()
    # The writer's name and organization fill every letter, on any page and in either language;
    # the recipient belongs to one letter.
    other = open_letter(page, server, "messages/audiences/public/", "funding-public")
    assert other.locator("[name=sender]").input_value() == "Sam Lee"
    assert other.locator("[name=recipient]").input_value() == ""
    other.locator(".bdw-kit__clear").click()
    other.locator(".bdw-kit__status").filter(has_text=GUIDE.t("letter_cleared", "fr")).wait_for()
    assert other.locator("[name=sender]").input_value() == ""
    page.reload()
    other = open_letter(page, server, "messages/audiences/public/", "funding-public")
    assert other.locator("[name=sender]").input_value() == ""
    parts = letter_parts(GUIDE.letters[("funding", "public")].data, GUIDE.ui, "fr")
    assert other.locator(".bdw-letter__text").input_value() == letter_text(parts)


def test_copy_and_downloads_as_text_and_word(page, server):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server)
    kit = open_letter(page, server, "messages/audiences/business/", "skills-business")
    kit.locator("[name=sender]").fill("Sam Lee")
    letter = kit.locator(".bdw-letter__text").input_value()
    kit.locator(".bdw-letter__copy").click()
    kit.locator(".bdw-kit__status").filter(has_text=GUIDE.t("letter_copied", "fr")).wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == letter
    with page.expect_download() as download:
        kit.locator(".bdw-letter__txt").click()
    assert download.value.suggested_filename == "lettre-skills-business.txt"
    text = Path(download.value.path()).read_text(encoding="utf-8").replace("\r\n", "\n")
    assert text.endswith(letter) and text.split("\n\n")[0]  # a date, then the letter
    with page.expect_download() as download:
        kit.locator(".bdw-letter__docx").click()
    assert download.value.suggested_filename == "lettre-skills-business.docx"
    word = zipfile.ZipFile(io.BytesIO(Path(download.value.path()).read_bytes()))
    body = word.read("word/document.xml").decode("utf-8")
    for paragraph in letter.split("\n\n"):
        for line in paragraph.split("\n"):
            assert line.replace("’", "’") in body or line.replace("&", "&amp;") in body, line
    core = word.read("docProps/core.xml").decode("utf-8")
    subject = GUIDE.letters[("skills", "business")].data.subject["fr"]
    assert f"<dc:title>{subject}</dc:title>" in core and "<dc:creator>Sam Lee</dc:creator>" in core
    assert 'w:val="fr-CA"' in word.read("word/styles.xml").decode("utf-8")


def test_the_kit_and_the_word_writer_load_only_when_asked(page, server):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{server}/en/messages/objectives/access/")
    page.locator("#bdw-adapt-access-government").wait_for()  # shown by bdw-posts.js
    assert not [url for url in requested if "bdw-kit" in url or "docx" in url]
    open_letter(page, server, "en/messages/objectives/access/", "access-government")
    assert [url for url in requested if url.endswith("bdw-kit.js")] and [
        url for url in requested if url.endswith("bdw-kit.css")
    ]
    assert not [url for url in requested if "docx" in url]


def test_an_open_letter_passes_axe(page, server, axe_source):  # noqa: F811
    for path, card in (
        ("messages/audiences/government/", "access-government"),
        ("en/messages/objectives/integration/", "integration-business"),
    ):
        kit = open_letter(page, server, path, card)
        kit.locator("[name=recipient]").fill("Jane Smith")
        assert axe_violations(page, axe_source) == [], path
