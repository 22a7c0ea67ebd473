"""Worksheets: defined once as data, built into pages (fr and en), a print layout and PDFs."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from bdw_guide.loader import worksheet_slots
from bdw_guide.worksheets import control_names, landscape

from conftest import GUIDE, LANGS, ROOT, needs_pdfs, soup


def test_every_exercise_of_the_guide_has_its_worksheet():
    by_slot = {slot: [w.id for w in GUIDE.worksheets_for(slot)] for slot in worksheet_slots(len(GUIDE.questions))}
    assert all(by_slot.values()), f"a page without a worksheet: {by_slot}"
    kinds = {f.kind for w in GUIDE.worksheets for f in w.data.fields}
    assert kinds == {"lines", "list", "table", "grid"}
    q2 = next(w for w in GUIDE.worksheets if w.id == "question-2").data
    grid = next(f for f in q2.fields if f.kind == "grid")
    assert [r.en for r in grid.rows] == ["More influence", "Less influence"]


@pytest.mark.parametrize("lang, prefix", LANGS.items())
def test_one_page_per_worksheet_with_its_labels_and_tools(site, lang, prefix):
    for entry in GUIDE.worksheets:
        page = soup(site, f"{prefix}worksheets/{entry.id}")
        assert page.html["lang"] == lang
        assert page.select_one("article h1").get_text(strip=True).rstrip("¶") == entry.data.title[lang]
        form = page.select_one(f"form.bdw-worksheet[data-worksheet='{entry.id}'][data-lang='{lang}']")
        text = " ".join(form.get_text(" ", strip=True).split())  # any run of spaces, no-break ones too, as one
        for field in entry.data.fields:
            label = re.sub(r"[*_]", "", field.label[lang]).split()[:5]
            assert " ".join(label) in text, f"{entry.id}: label of '{field.id}' missing in {lang}"
        names = [c["name"] for c in form.select("textarea, input")]
        assert names == control_names(GUIDE, entry), "saved answers and imports rely on these names"
        for control in form.select("textarea, input"):
            assert control.get("aria-label") or form.select_one(f'label[for="{control["id"]}"]')
        tools = page.select_one(".bdw-tools")
        assert tools.select_one("[data-needs-js]").has_attr("hidden"), "buttons stay hidden without JavaScript"
        pdfs = [a["href"] for a in tools.select(".bdw-tools__pdf a")]
        assert pdfs == [f"../pdf/{entry.id}-letter.pdf", f"../pdf/{entry.id}-a4.pdf", f"../docx/{entry.id}.docx"]
        assert "nulle part" in tools.get_text() if lang == "fr" else "never sent anywhere" in tools.get_text()


@pytest.mark.parametrize("lang, prefix", LANGS.items())
def test_worksheet_index_lists_every_worksheet_and_the_packs(site, lang, prefix):
    page = soup(site, f"{prefix}worksheets")
    items = page.select("ol.bdw-worksheet-list > li")
    assert [li.select_one("a")["href"] for li in items] == [f"{w.id}/" for w in GUIDE.worksheets]
    packs = [a["href"] for a in page.select(".bdw-pack a")]
    assert packs == ["pdf/workshop-pack-letter.pdf", "pdf/workshop-pack-a4.pdf", "docx/workshop-pack.docx"]


def test_print_pages_are_generated_for_every_worksheet_language_and_paper(site):
    css = (site / "assets/stylesheets/bdw-pages.css").read_text(encoding="utf-8")
    named = re.findall(r"@page (ws-[a-z0-9-]+) \{\s*size: (letter|a4)(?: landscape)?;", css)
    assert len(named) == len(GUIDE.worksheets) * 2 * 2
    assert all(name.endswith(size) for name, size in named)
    assert 'content: "Page " counter(page) " de " counter(pages)' in css
    assert 'content: "Page " counter(page) " of " counter(pages)' in css
    assert '"https://beyond-decent-work.github.io/en/worksheets/question-2/"' in css


# -- PDFs -------------------------------------------------------------------------------------

PT = {"letter": (612, 792), "a4": (595.28, 841.89)}


@needs_pdfs
@pytest.mark.parametrize("lang, prefix", LANGS.items())
def test_pdf_page_sizes_language_and_title(site, lang, prefix):
    from pypdf import PdfReader

    for entry in GUIDE.worksheets:
        for paper, size in PT.items():
            width, height = reversed(size) if landscape(GUIDE, entry) else size  # wide tables print across
            reader = PdfReader(site / f"{prefix}worksheets/pdf/{entry.id}-{paper}.pdf")
            for page in reader.pages:
                assert abs(float(page.mediabox.width) - width) <= 1 and abs(float(page.mediabox.height) - height) <= 1
            assert reader.trailer["/Root"]["/Lang"] == lang
            assert reader.metadata.title.startswith(entry.data.title[lang])
            text = " ".join(p.extract_text() for p in reader.pages)
            first_label = re.sub(r"[*_]", "", entry.data.fields[0].label[lang]).split()[:4]
            assert " ".join(first_label) in " ".join(text.split()), f"{entry.id} {paper}: text in {lang}"
            other = "en" if lang == "fr" else "fr"
            assert entry.data.title[other] not in text
            assert ("Page 1 de" if lang == "fr" else "Page 1 of") in text


@needs_pdfs
@pytest.mark.parametrize("lang, prefix", LANGS.items())
def test_workshop_pack_holds_every_worksheet(site, lang, prefix):
    from pypdf import PdfReader

    for paper in PT:
        pack = PdfReader(site / f"{prefix}worksheets/pdf/workshop-pack-{paper}.pdf")
        parts = [PdfReader(site / f"{prefix}worksheets/pdf/{w.id}-{paper}.pdf") for w in GUIDE.worksheets]
        assert len(pack.pages) == 2 + sum(len(p.pages) for p in parts), "a cover, the contents, then every sheet"
        text = " ".join(" ".join(p.extract_text().split()) for p in pack.pages)
        for entry in GUIDE.worksheets:
            assert entry.data.title[lang] in text
        assert pack.trailer["/Root"]["/Lang"] == lang
        assert pack.metadata.title == GUIDE.t("pack_title", lang)


@needs_pdfs
def test_a_rebuild_without_worksheet_changes_makes_no_pdf(site):
    result = subprocess.run(
        [sys.executable, "-m", "bdw_guide", "pdf", "--site", str(site), "--cache", str(ROOT / ".cache" / "pdf")],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert re.search(rf"\(0 made, {len(GUIDE.worksheets) * 4 + 4} from cache\)", result.stdout), result.stdout


def test_pdf_without_a_built_site_says_what_to_do(tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "bdw_guide",
            "pdf",
            "--site",
            str(tmp_path / "nothing"),
            "--cache",
            str(tmp_path / "cache"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "build the site first" in result.stderr and "Traceback" not in result.stderr
