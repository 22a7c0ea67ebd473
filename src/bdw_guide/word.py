"""Worksheets as Word files (python-docx): each blank sheet, and all of them in one file, per language.

Made from the same outline as the browser's "download my answers as a Word document" (see
worksheets.outline), with real headings and tables, so they open in Word and LibreOffice and are
filled in there. Cached by content like the PDFs: a rebuild with no worksheet change writes the
cached bytes again.
"""

from __future__ import annotations

import io
import json
import os
import time
from pathlib import Path

from .loader import Guide
from .made import Report, digest, place
from .models import LANGUAGES
from .worksheets import DOCX_PACK_PATH, DOCX_PATH, outline

WORD_VERSION = "1"  # change when the way Word files are made changes
LOCALES = {"fr": "fr-CA", "en": "en-CA"}
CHECKBOX = "\u2610"  # ☐, a box to tick on paper or in Word
CHECKED = "\u2612"  # ☒


def _cm(value: float):
    from docx.shared import Cm

    return Cm(value)


def new_document(lang: str, title: str):
    """A Letter document in the language given: margins of 2 cm, the language set on every style."""
    from docx import Document
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Inches, Pt

    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Inches(8.5), Inches(11)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, _cm(2))
    styles = doc.styles
    styles["Normal"].font.name = "Arial"
    styles["Normal"].font.size = Pt(11)
    rpr = styles["Normal"].element.get_or_add_rPr()
    language = OxmlElement("w:lang")
    language.set(qn("w:val"), LOCALES[lang])
    rpr.append(language)
    props = doc.core_properties
    props.title, props.language, props.author = title, LOCALES[lang], "CERIC"
    return doc


def _answer_box(doc, text: str, lines: int) -> None:
    """A one-cell table to write or type in, tall enough for its lines."""
    from docx.enum.table import WD_ROW_HEIGHT_RULE

    table = doc.add_table(rows=1, cols=1)
    table.style = "Table Grid"
    row = table.rows[0]
    row.height, row.height_rule = _cm(0.8 * lines), WD_ROW_HEIGHT_RULE.AT_LEAST
    _fill(row.cells[0], text)


def _fill(cell, text: str, bold: bool = False) -> None:
    paragraphs = (text or "").split("\n")
    cell.paragraphs[0].text = ""
    run = cell.paragraphs[0].add_run(paragraphs[0])
    run.bold = bold
    for more in paragraphs[1:]:
        cell.add_paragraph(more)


def _repeat_header(row) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(header)


def add_sheet(
    doc, sheet: dict, ui: dict[str, str], answers: dict[str, str] | None = None, page_break: bool = False
) -> None:
    """One worksheet: its number and title (heading 1), a line for name, team and date, the
    introduction, then each field under its label (heading 2) with its answers, if any."""
    from docx.enum.section import WD_SECTION
    from docx.enum.table import WD_ROW_HEIGHT_RULE

    answers = answers or {}
    section = doc.add_section(WD_SECTION.NEW_PAGE) if page_break else doc.sections[-1]
    _orient(section, sheet.get("landscape", False))
    doc.add_heading(f"{sheet['sheet']} – {sheet['title']}", level=1)
    who = doc.add_table(rows=1, cols=3)
    who.style = "Table Grid"
    for cell, key in zip(who.rows[0].cells, ("sheet_name", "sheet_team", "sheet_date"), strict=True):
        _fill(cell, ui[key] + ui["colon"] + " ")
    doc.add_paragraph(sheet["intro"])
    for field in sheet["fields"]:
        doc.add_heading(field["label"], level=2)
        if field["help"]:
            doc.add_paragraph().add_run(field["help"]).italic = True
        if field["kind"] == "lines":
            _answer_box(doc, answers.get(field["name"], ""), field["lines"])
        elif field["kind"] == "list":
            for n, name in enumerate(field["names"], 1):
                doc.add_paragraph(f"{n}. {answers.get(name, '')}")
        else:
            columns = field["columns"]
            heads = field["row_heads"]
            table = doc.add_table(rows=1 + len(field["rows"]), cols=len(columns) + (1 if heads else 0))
            table.style = "Table Grid"
            header = table.rows[0]
            _repeat_header(header)
            for i, column in enumerate(columns):
                _fill(header.cells[i + (1 if heads else 0)], column["label"], bold=True)
            tall = 4 if field["kind"] == "grid" else 2
            for r, row in enumerate(field["rows"], 1):
                cells = table.rows[r].cells
                table.rows[r].height, table.rows[r].height_rule = _cm(0.8 * tall), WD_ROW_HEIGHT_RULE.AT_LEAST
                if heads:
                    _fill(cells[0], row["heading"], bold=True)
                for i, name in enumerate(row["names"]):
                    cell = cells[i + (1 if heads else 0)]
                    value = answers.get(name, "")
                    if columns[i]["tick"]:
                        _fill(cell, CHECKED if value else CHECKBOX)
                    elif row["cells"]:  # a named box of a grid: its name, then the answer
                        _fill(cell, row["cells"][i], bold=True)
                        cell.add_paragraph(value)
                    else:
                        _fill(cell, value)


def _orient(section, across: bool) -> None:
    """Portrait, or landscape for a sheet whose wide table prints across the page."""
    from docx.enum.section import WD_ORIENT

    short, long_ = sorted((section.page_width, section.page_height))
    section.orientation = WD_ORIENT.LANDSCAPE if across else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (long_, short) if across else (short, long_)


def ui_texts(guide: Guide, lang: str) -> dict[str, str]:
    return {key: guide.t(key, lang) for key in ("sheet_name", "sheet_team", "sheet_date", "colon", "pack_title")}


def worksheet_docx(guide: Guide, lang: str, ids: list[str] | None = None) -> bytes:
    """Blank worksheets (all of them, or those named) as one Word document."""
    entries = [w for w in guide.worksheets if ids is None or w.id in ids]
    title = entries[0].data.title[lang] if len(entries) == 1 else guide.t("pack_title", lang)
    doc = new_document(lang, title)
    ui = ui_texts(guide, lang)
    for n, entry in enumerate(entries):
        add_sheet(doc, outline(guide, entry, lang), ui, page_break=n > 0)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def make_word_files(
    site_dir: Path,
    guide: Guide,
    cache_dir: Path,
    default_language: str = "fr",
) -> Report:
    """Every blank worksheet as .docx, and the pack, per language, from cache where possible."""
    started = time.perf_counter()
    report = Report("Word files")
    source = Path(__file__).read_bytes()
    cache_dir.mkdir(parents=True, exist_ok=True)
    for lang in LANGUAGES:
        root = site_dir if lang == default_language else site_dir / lang
        ui = ui_texts(guide, lang)
        for ids, path in [([w.id], DOCX_PATH.format(id=w.id)) for w in guide.worksheets] + [(None, DOCX_PACK_PATH)]:
            chosen = [w for w in guide.worksheets if ids is None or w.id in ids]
            content = json.dumps([outline(guide, w, lang) for w in chosen] + [ui], ensure_ascii=False, sort_keys=True)
            cached_file = cache_dir / f"{digest(WORD_VERSION, source, lang, content)}.docx"
            began = time.perf_counter()
            if cached_file.is_file():
                report.cached += 1
            else:
                target = cached_file.with_suffix(f".{os.getpid()}.tmp")
                target.write_bytes(worksheet_docx(guide, lang, ids))
                target.replace(cached_file)
                report.made += 1
            place(cached_file, root / path, report, time.perf_counter() - began)
    report.seconds = time.perf_counter() - started
    return report
