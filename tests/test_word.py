"""Word files: every blank worksheet and the pack made at build time (python-docx), and the
reader's answers downloaded as a Word document from the browser (the vendored npm docx library,
loaded only when asked for). Both read back with python-docx."""

from __future__ import annotations

import json
import re

import pytest

from bdw_guide.text_rules import plain_text
from bdw_guide.worksheets import DOCX_PACK_PATH, DOCX_PATH, landscape, sheet_number

from conftest import GUIDE, ROOT, needs_pdfs

LANGS = {"fr": "", "en": "en/"}
VENDORED = ROOT / "overrides/assets/javascripts/vendor/docx.min.js"


def all_text(document) -> str:
    """Every paragraph, in the body and in every table cell, as one string."""
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                parts += [p.text for p in cell.paragraphs]
    return " ".join(" ".join(parts).split())


@needs_pdfs
@pytest.mark.parametrize("lang", LANGS)
def test_each_blank_worksheet_is_a_word_file_with_its_headings_labels_and_tables(site, lang):
    import docx
    from docx.enum.section import WD_ORIENT

    for entry in GUIDE.worksheets:
        document = docx.Document(site / LANGS[lang] / DOCX_PATH.format(id=entry.id))
        headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
        number = GUIDE.t("sheet_n", lang).format(n=sheet_number(GUIDE, entry))
        assert headings[0] == f"{number} – {entry.data.title[lang]}"
        text = all_text(document)
        for field in entry.data.fields:
            assert (
                " ".join(plain_text(field.label[lang]).split()) in headings[1:]
                or " ".join(plain_text(field.label[lang]).split()) in text
            ), f"{entry.id}: {field.id}"
            for column in field.columns or []:
                assert column[lang] in text
        tables = [f for f in entry.data.fields if f.kind in ("table", "grid")]
        assert len(document.tables) >= len(tables) + 1, "real tables (and the name/team/date line)"
        assert document.core_properties.language == {"fr": "fr-CA", "en": "en-CA"}[lang]
        orientation = document.sections[0].orientation
        assert orientation == (WD_ORIENT.LANDSCAPE if landscape(GUIDE, entry) else WD_ORIENT.PORTRAIT)
        if any(c.tick for f in tables for c in f.columns):
            assert "\u2610" in text, "a box to tick"


@needs_pdfs
@pytest.mark.parametrize("lang", LANGS)
def test_the_word_pack_holds_every_sheet_in_order(site, lang):
    import docx

    document = docx.Document(site / LANGS[lang] / DOCX_PACK_PATH)
    firsts = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert firsts == [
        f"{GUIDE.t('sheet_n', lang).format(n=n)} – {w.data.title[lang]}" for n, w in enumerate(GUIDE.worksheets, 1)
    ]


@pytest.mark.parametrize("lang", LANGS)
def test_worksheet_pages_and_index_link_their_word_files(site, lang):
    from bs4 import BeautifulSoup

    for entry in GUIDE.worksheets:
        page = BeautifulSoup(
            (site / LANGS[lang] / "worksheets" / entry.id / "index.html").read_text(encoding="utf-8"), "lxml"
        )
        assert page.select_one(f'.bdw-tools__pdf a[href="../docx/{entry.id}.docx"]')
        outline = json.loads(page.select_one(".bdw-tools")["data-outline"])
        assert [o["id"] for o in outline] == [entry.id]
    index = BeautifulSoup((site / LANGS[lang] / "worksheets/index.html").read_text(encoding="utf-8"), "lxml")
    assert index.select_one('.bdw-pack a[href="docx/workshop-pack.docx"]')
    assert [o["id"] for o in json.loads(index.select_one(".bdw-tools--all")["data-outline"])] == [
        w.id for w in GUIDE.worksheets
    ]


def test_the_vendored_word_library_is_the_locked_npm_package():
    """overrides/assets/javascripts/vendor/docx.min.js is npm docx's browser build at the version
    pinned in package.json and package-lock.json (scripts/vendor-docx.sh VERSION refreshes it)."""
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    version = lock["packages"]["node_modules/docx"]["version"]
    assert json.loads((ROOT / "package.json").read_text())["devDependencies"]["docx"] == version, "pinned"
    text = VENDORED.read_text(encoding="utf-8")
    assert text.startswith(f"/*! docx {version} "), "run sh scripts/vendor-docx.sh " + version
    script = (ROOT / "scripts/vendor-docx.sh").read_text(encoding="utf-8")
    assert f'VERSION="${{1:-{version}}}"' in script, "the refresh script defaults to the pinned version"
    assert "eval(" not in text, "runs under the pages' policy (no eval)"
    assert (ROOT / "overrides/assets/javascripts/vendor/docx.LICENSE.txt").is_file()


# -- in the browser -------------------------------------------------------------------------------


def _worksheet(page, server, path):
    page.goto(f"{server}/{path}")
    page.wait_for_selector(".bdw-tools__actions:not([hidden])")


def _status(page):
    page.locator(".bdw-tools__status").filter(has_text=re.compile(r"\S")).wait_for()


@pytest.mark.browser
def test_my_answers_download_as_a_word_document_that_reads_back(page, server, tmp_path):
    import docx

    scripts = []
    page.on("request", lambda request: scripts.append(request.url) if request.url.endswith(".js") else None)
    _worksheet(page, server, "en/worksheets/funding-checklist/")
    assert not any("docx.min.js" in url for url in scripts), "the Word library loads only when asked for"
    page.locator("textarea[name='checklist.2.2']").fill("Shared steering committee")
    page.locator("form.bdw-worksheet input[type=checkbox]").nth(0).check()
    _status(page)
    with page.expect_download() as download:
        page.get_by_role("button", name="Download my answers as a Word document").click()
    saved = tmp_path / "answers.docx"
    download.value.save_as(saved)
    assert any("docx.min.js" in url for url in scripts)
    document = docx.Document(saved)
    text = all_text(document)
    assert "Shared steering committee" in text
    assert "\u2612" in text and "\u2610" in text, "the ticked box and the others"
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[0].endswith("Before you submit a funding application")
    assert page.csp_violations == []


@pytest.mark.browser
def test_every_answer_downloads_as_one_word_document_from_the_index(page, server, tmp_path):
    import docx

    _worksheet(page, server, "worksheets/question-1/")
    page.fill("#ws-question-1-change", "Une politique provinciale d’orientation")
    _status(page)
    _worksheet(page, server, "en/worksheets/swot/")
    page.locator("textarea[name='swot-grid.2.2']").fill("Funding cuts")
    _status(page)
    page.goto(f"{server}/worksheets/")
    page.wait_for_selector(".bdw-tools__actions:not([hidden])")
    with page.expect_download() as download:
        page.get_by_role("button", name=GUIDE.t("word_all_answers", "fr")).click()
    saved = tmp_path / "all.docx"
    download.value.save_as(saved)
    document = docx.Document(saved)
    text = all_text(document)
    assert "Une politique provinciale d’orientation" in text and "Funding cuts" in text
    assert "Menaces Funding cuts" in text, "the answer under its box's name, in the page's language"
    assert [p.text for p in document.paragraphs if p.style.name == "Heading 1"] == [
        f"{GUIDE.t('sheet_n', 'fr').format(n=n)} – {w.data.title['fr']}" for n, w in enumerate(GUIDE.worksheets, 1)
    ]
