"""Worksheet PDFs as a facilitator prints them: boxed tables, nothing stranded at a page's foot,
boxes to tick, a named SWOT grid that fills its page, the plan across the page, a line for who
filled the sheet in, and sheet numbers that match the index.

The pages are read as text (pypdf) and as pixels (poppler's pdftoppm renders them in grey).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from functools import cache
from pathlib import Path

import pytest

from bdw_guide.text_rules import plain_text
from bdw_guide.worksheets import landscape, row_headings, sheet_number

from conftest import GUIDE, HAS_CHROMIUM

LANGS = {"fr": "", "en": "en/"}
PAPERS = ("letter", "a4")
DPI = 72  # one pixel per point: PDF coordinates (pt) and pixels agree

# The PDFs are made with the browser tests (Chromium prints them): not in make test-fast, never
# skipped under CI=true (the site fixture fails there if Chromium is missing).
pytestmark = [pytest.mark.browser, pytest.mark.skipif(not HAS_CHROMIUM, reason="PDFs need Chromium")]
# pdftoppm reads the printed pages as pixels; .ci/run installs it, so under CI=true it is never skipped.
needs_poppler = pytest.mark.skipif(
    shutil.which("pdftoppm") is None and os.environ.get("CI") != "true",
    reason="needs poppler-utils (installed by .ci/run)",
)


def squash(text: str) -> str:
    return " ".join(text.split())


def pdf_path(site: Path, lang: str, entry_id: str, paper: str) -> Path:
    return site / f"{LANGS[lang]}worksheets/pdf/{entry_id}-{paper}.pdf"


@cache
def _page_texts(path: Path) -> tuple[str, ...]:
    from pypdf import PdfReader

    return tuple(squash(page.extract_text()) for page in PdfReader(path).pages)


def running_texts(entry, lang: str) -> list[str]:
    """What the page margins repeat: sheet number and title, the guide's name, address, page x of y."""
    return [
        GUIDE.t("sheet_n", lang).format(n=sheet_number(GUIDE, entry)) + " · " + entry.data.title[lang],
        GUIDE.campaign.title[lang],
    ]


def body_text(page_text: str, entry, lang: str) -> str:
    text = page_text
    for repeated in running_texts(entry, lang):
        text = text.replace(squash(repeated), " ")
    text = re.sub(r"Page \d+ (de|of) \d+", " ", text)
    text = re.sub(r"https?://\S+?/worksheets/[a-z0-9-]+/", " ", text)
    return squash(text)


def has_rule_below(page, y: float) -> bool:
    """A drawn horizontal line (a writing line, a table's border) somewhere below y."""
    width, height, pixels = page
    for row in range(int(y) + 1, height):
        line = pixels[row * width : (row + 1) * width]
        if sum(1 for value in line if value < 200) > width * 0.35:
            return True
    return False


@needs_poppler
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("paper", PAPERS)
def test_no_page_is_blank_or_ends_on_a_heading_or_an_introduction(site, lang, paper, tmp_path):
    """Under the last words of every page there is room to write (a ruled line or a table's edge):
    no page ends on a title, an introduction, a question or a hint whose space is overleaf."""
    stranded = []
    for entry in GUIDE.worksheets:
        path = pdf_path(site, lang, entry.id, paper)
        pages, words = _render(path, tmp_path), _words(path, tmp_path)
        for n, (page, page_words) in enumerate(zip(pages, words, strict=True), 1):
            margin = 36 * DPI / 72  # the running header and footer sit in the page margins
            body = [w for w in page_words if w[2] * DPI / 72 > margin and w[4] * DPI / 72 < page[1] - margin]
            if not body:
                stranded.append(f"{entry.id} p.{n}: blank")
                continue
            last = max(body, key=lambda w: w[4])
            if not has_rule_below(page, last[4] * DPI / 72):
                stranded.append(f"{entry.id} p.{n}: ends on '{last[0]}' with nothing to fill in below")
    assert not stranded, stranded


@pytest.mark.parametrize("paper", PAPERS)
def test_the_third_question_does_not_leave_one_question_alone_on_its_last_page(site, paper):
    entry = next(w for w in GUIDE.worksheets if w.id == "question-3")
    for lang in LANGS:
        pages = _page_texts(pdf_path(site, lang, entry.id, paper))
        last = body_text(pages[-1], entry, lang)
        labels = [
            squash(plain_text(f.label[lang])) for f in entry.data.fields if squash(plain_text(f.label[lang])) in last
        ]
        assert len(pages) == 1 or len(labels) > 1, f"{lang} {paper}: only {labels} on the last page"


# -- drawn lines ---------------------------------------------------------------------------------


def _render(path: Path, tmp: Path) -> list[tuple[int, int, bytes]]:
    """Every page as (width, height, grey pixels), one byte a pixel, 0 = black."""
    stem = tmp / path.stem
    subprocess.run(["pdftoppm", "-r", str(DPI), "-gray", str(path), str(stem)], check=True)
    pages = []
    for image in sorted(tmp.glob(f"{path.stem}-*.pgm"), key=lambda p: int(p.stem.rsplit("-", 1)[1])):
        data = image.read_bytes()
        _magic, width, height, _maxval, pixels = re.match(rb"(P5)\s+(\d+)\s+(\d+)\s+(\d+)\s(.*)", data, re.S).groups()
        pages.append((int(width), int(height), pixels))
    return pages


def _words(path: Path, tmp: Path) -> list[list[tuple[str, float, float, float, float]]]:
    """Each page's words with their box in points (poppler's pdftotext -bbox)."""
    from bs4 import BeautifulSoup

    out = tmp / f"{path.stem}.html"
    subprocess.run(["pdftotext", "-bbox", str(path), str(out)], check=True)
    doc = BeautifulSoup(out.read_text(encoding="utf-8"), "lxml")
    return [
        [
            (w.get_text(), float(w["xmin"]), float(w["ymin"]), float(w["xmax"]), float(w["ymax"]))
            for w in page.select("word")
        ]
        for page in doc.select("page")
    ]


def _dark(page, x: int, y: int) -> bool:
    width, height, pixels = page
    return 0 <= x < width and 0 <= y < height and pixels[y * width + x] < 128


def in_header_cell(page, word) -> bool:
    """A word printed on a table header's grey, not in running text (just above it, the cell's tint)."""
    width, height, pixels = page
    x, y = int((word[1] + 1) * DPI / 72), int((word[2] - 2) * DPI / 72)
    return 0 <= y < height and 200 < pixels[y * width + x] < 248


def headings(page, page_words, text: str) -> list[tuple[str, float, float, float, float]]:
    """Where a column heading starts on a page: its first word, on a header cell's tint."""
    first = text.split()[0]
    return [w for w in page_words if w[0] == first and in_header_cell(page, w)]


def right_edge_after(page, x0: float, y0: float, y1: float) -> int | None:
    """The first column of dark pixels right of x0 that runs the whole height y0..y1 (a drawn
    vertical rule, not a letter)."""
    width = page[0]
    for x in range(int(x0) + 1, width):
        if all(_dark(page, x, y) or _dark(page, x + 1, y) for y in range(int(y0), int(y1) + 1)):
            return x
    return None


@needs_poppler
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("paper", PAPERS)
def test_every_table_is_boxed_on_its_right_too(site, lang, paper, tmp_path):
    """Right of each table's last column heading, a rule runs from the heading row down into the
    body: the table's right border (lost once, when collapsed borders fell on the page edge)."""
    missing, checked = [], 0
    for entry in GUIDE.worksheets:
        tables = [f for f in entry.data.fields if f.kind in ("table", "grid")]
        if not tables:
            continue
        path = pdf_path(site, lang, entry.id, paper)
        pages, words = _render(path, tmp_path), _words(path, tmp_path)
        for field in tables:
            first_word = field.columns[-1][lang].split()[0]
            spots = [(n, w) for n, page_words in enumerate(words) for w in headings(pages[n], page_words, first_word)]
            assert spots, f"{entry.id}: heading '{first_word}' not found"
            for n, (_, _x0, y0, x1, y1) in spots:
                checked += 1
                px = DPI / 72
                edge = right_edge_after(pages[n], x1 * px, y0 * px, (y1 + 30) * px)
                if edge is None:
                    missing.append(f"{entry.id} p.{n + 1}: no right border after '{first_word}'")
    assert checked and not missing, missing


# -- the pieces of a sheet -----------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_each_sheet_has_its_number_and_a_line_for_name_team_and_date(site, lang):
    from bs4 import BeautifulSoup

    index = BeautifulSoup((site / f"{LANGS[lang]}worksheets/index.html").read_text(encoding="utf-8"), "lxml")
    listed = [a["href"].strip("/") for a in index.select("ol.bdw-worksheet-list > li > a")]
    for entry in GUIDE.worksheets:
        number = listed.index(entry.id) + 1  # an ordered list: its numbers are the index's
        for paper in PAPERS:
            pages = _page_texts(pdf_path(site, lang, entry.id, paper))
            label = squash(GUIDE.t("sheet_n", lang).format(n=number))
            assert all(label + " ·" in page for page in pages), f"{entry.id} {paper}: '{label}' on every page"
            who = [GUIDE.t(k, lang) for k in ("sheet_name", "sheet_team", "sheet_date")]
            assert " ".join(who) in pages[0], f"{entry.id} {paper}: name, team and date line"


@pytest.mark.parametrize("lang", LANGS)
def test_ticked_columns_are_boxes_to_tick(site, lang):
    from bs4 import BeautifulSoup

    for entry in GUIDE.worksheets:
        for field in entry.data.fields:
            ticks = [n for n, c in enumerate(field.columns or [], 1) if c.tick]
            if not ticks:
                continue
            page = BeautifulSoup(
                (site / f"{LANGS[lang]}worksheets/{entry.id}/index.html").read_text(encoding="utf-8"), "lxml"
            )
            table = page.select_one(f"#ws-{entry.id}-{field.id}")
            rows = table.select("tbody tr")
            assert len(rows) == len(row_headings(GUIDE, field, lang)) or field.rows
            for row in rows:
                boxes = row.select("input[type=checkbox]")
                assert len(boxes) == len(ticks) and all(b.get("aria-label") for b in boxes)
    assert any(c.tick for w in GUIDE.worksheets for f in w.data.fields for c in (f.columns or [])), (
        "the funding checklist's 'Done?' column is ticked"
    )


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("paper", PAPERS)
def test_the_swot_grid_names_its_four_boxes_and_fills_its_page(site, lang, paper, tmp_path):
    entry = next(w for w in GUIDE.worksheets if w.id == "swot")
    grid = next(f for f in entry.data.fields if f.kind == "grid")
    names = [c[lang] for c in grid.cells]
    expected = {
        "fr": ["Forces", "Faiblesses", "Opportunités", "Menaces"],
        "en": ["Strengths", "Weaknesses", "Opportunities", "Threats"],
    }[lang]
    assert names == expected, "the guide's four names (KEEP IN PACT: forces, faiblesses, opportunités et menaces)"
    path = pdf_path(site, lang, entry.id, paper)
    words = _words(path, tmp_path)[0]
    found = {w[0]: w for w in words if w[0] in names}
    assert set(found) == set(names), f"{paper}: {sorted(found)} on the first page"
    page_height = {"letter": 792, "a4": 842}[paper]
    top, bottom = found[names[0]][2], found[names[2]][2]
    assert bottom - top > page_height * 0.28, "each row of boxes takes more than a quarter of the page"
    assert found[names[1]][1] > found[names[0]][1] and found[names[3]][1] > found[names[2]][1]


@needs_poppler
@pytest.mark.parametrize("lang", LANGS)
def test_the_communication_plan_prints_across_the_page_with_the_guides_columns(site, lang, tmp_path):
    entry = next(w for w in GUIDE.worksheets if w.id == "communication-plan")
    table = next(f for f in entry.data.fields if f.kind == "table")
    assert landscape(GUIDE, entry)
    ids = [c.id for c in table.columns]
    assert "date_event" in ids and "images" in ids, "the guide's steps: date or event, images"
    wide = [c for c in table.columns if c.wide]
    assert [c.en for c in wide] == ["Message and hashtags"]
    for paper in PAPERS:
        from pypdf import PdfReader

        path = pdf_path(site, lang, entry.id, paper)
        box = PdfReader(path).pages[0].mediabox
        assert float(box.width) > float(box.height), f"{paper}: landscape"
        words, page = _words(path, tmp_path)[0], _render(path, tmp_path)[0]
        heads = [headings(page, words, column[lang])[0] for column in table.columns]
        starts = [w[1] for w in heads]
        assert starts == sorted(starts), "columns in the data's order"
        last = heads[-1]
        right = right_edge_after(page, last[3], last[2], last[4] + 30)
        assert right is not None, f"{paper}: the table's right border"
        widths = [b - a for a, b in zip(starts, starts[1:] + [right], strict=True)]
        widest = widths.index(max(widths))
        assert table.columns[widest].wide, f"{paper}: the message column is the widest ({widths})"


# -- the workshop pack ---------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("paper", PAPERS)
def test_the_pack_has_a_cover_contents_and_a_bookmark_per_sheet_in_the_guides_order(site, lang, paper):
    from pypdf import PdfReader

    pack = PdfReader(site / f"{LANGS[lang]}worksheets/pdf/workshop-pack-{paper}.pdf")
    cover = squash(pack.pages[0].extract_text())
    assert squash(GUIDE.campaign.title[lang]) in cover
    assert squash(GUIDE.t("language_name", lang)) in cover and squash(GUIDE.t(f"paper_{paper}", lang)) in cover
    assert re.search(r"\b20\d\d\b", cover.replace(str(GUIDE.campaign.year), "")), "the year it was made"
    assert pack.trailer["/Root"]["/PageMode"] == "/UseOutlines"
    marks = [(item.title, pack.get_destination_page_number(item)) for item in pack.outline]
    assert marks[0] == (GUIDE.t("contents", lang), 1)
    sheets = marks[1:]
    expected = [
        GUIDE.t("sheet_n", lang).format(n=n) + " · " + w.data.title[lang] for n, w in enumerate(GUIDE.worksheets, 1)
    ]
    assert [title for title, _ in sheets] == expected, "one bookmark per sheet, in the guide's order"
    contents = squash(pack.pages[1].extract_text())
    for (title, index), entry in zip(sheets, GUIDE.worksheets, strict=True):
        # the bookmark opens the sheet's first page; the contents give that page's number
        assert squash(title) in squash(pack.pages[index].extract_text()), f"bookmark '{title}'"
        assert index == 0 or squash(title) not in squash(pack.pages[index - 1].extract_text())
        number = GUIDE.t("contents_page", lang).format(page=index + 1)
        assert squash(f"{entry.data.title[lang]} {number}") in contents, f"contents: {title} on {number}"
