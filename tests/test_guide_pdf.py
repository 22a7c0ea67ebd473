"""The whole guide as one PDF per language and paper size: cover, contents with page numbers, a
bookmark per section, every section in the guide's order with its headlines, objectives and cited
facts, live links, tagged, titled, in its language, small enough to send."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from bdw_guide.guide_pdf import file_name, guide_pages
from bdw_guide.render import GUIDE_PDF_PATH
from bdw_guide.text_rules import plain_text

from conftest import GUIDE, HAS_CHROMIUM

LANGS = {"fr": "", "en": "en/"}
PT = {"letter": (612, 792), "a4": (595.28, 841.89)}

# The PDFs are made with the browser tests (Chromium prints them): not in make test-fast, never
# skipped under CI=true (the site fixture fails there if Chromium is missing).
pytestmark = [pytest.mark.browser, pytest.mark.skipif(not HAS_CHROMIUM, reason="PDFs need Chromium")]


def squash(text: str) -> str:
    return " ".join(text.split())


def guide_pdf(site: Path, lang: str, paper: str) -> Path:
    return site / LANGS[lang] / GUIDE_PDF_PATH.format(name=file_name(GUIDE, lang), paper=paper)


def section_titles(site: Path, lang: str) -> list[str]:
    """The h1 of each page the guide is made of, in the guide's order."""
    titles = []
    for path in guide_pages(GUIDE):
        page = BeautifulSoup((site / LANGS[lang] / path / "index.html").read_text(encoding="utf-8"), "lxml")
        titles.append(squash(page.select_one("article h1").get_text(" ", strip=True).rstrip("¶")))
    return titles


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("paper", PT)
def test_the_guide_pdf_is_a_titled_tagged_document_in_its_language(site, lang, paper):
    from pypdf import PdfReader

    path = guide_pdf(site, lang, paper)
    assert path.stat().st_size < 3 * 1024 * 1024
    reader = PdfReader(path)
    width, height = PT[paper]
    for page in reader.pages:
        assert abs(float(page.mediabox.width) - width) <= 1 and abs(float(page.mediabox.height) - height) <= 1
    root = reader.trailer["/Root"]
    assert root["/Lang"] == lang and "/StructTreeRoot" in root, "language set, tagged"
    assert reader.metadata.title == GUIDE.campaign.title[lang]
    cover = squash(reader.pages[0].extract_text())
    assert squash(GUIDE.campaign.title[lang]) in cover and squash(GUIDE.t(f"paper_{paper}", lang)) in cover


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("paper", PT)
def test_contents_and_bookmarks_list_every_section_at_its_page(site, lang, paper):
    from pypdf import PdfReader

    reader = PdfReader(guide_pdf(site, lang, paper))
    titles = section_titles(site, lang)
    top = [item for item in reader.outline if not isinstance(item, list)]
    assert [squash(item.title) for item in top] == [GUIDE.t("contents", lang)] + titles
    first = reader.get_destination_page_number(top[1])  # the contents run from page 2 to the first section
    contents = squash(" ".join(page.extract_text() for page in reader.pages[1:first]))
    for item, title in zip(top[1:], titles, strict=True):
        start = reader.get_destination_page_number(item)
        assert title in squash(reader.pages[start].extract_text()), f"'{title}' opens its page"
        entry = f"{title} {GUIDE.t('contents_page', lang).format(page=start + 1)}"
        assert entry in contents, f"contents: {entry}"
    starts = [reader.get_destination_page_number(item) for item in top[1:]]
    assert starts == sorted(starts), "sections in the guide's order"
    nested = [item for item in reader.outline if isinstance(item, list)]
    assert nested, "bookmarks for the headings inside each section too"


@pytest.mark.parametrize("lang", LANGS)
def test_the_guide_pdf_holds_every_headline_objective_fact_question_and_activity(site, lang):
    from pypdf import PdfReader

    text = squash(" ".join(page.extract_text() for page in PdfReader(guide_pdf(site, lang, "letter")).pages))
    missing = []
    for entry in GUIDE.messages.values():
        for words in (entry.data.headline[lang], *(fact.claim[lang] for fact in entry.data.facts)):
            if squash(plain_text(words))[:60] not in text:
                missing.append(plain_text(words)[:60])
    for objective in GUIDE.objectives.values():
        if squash(objective.title[lang]) not in text:
            missing.append(objective.title[lang])
    for question in GUIDE.questions:
        if squash(question.title[lang]) not in text:
            missing.append(question.title[lang])
    for activity in GUIDE.activities:  # each in full: its title and its last step
        if squash(activity.data.title[lang]) not in text:
            missing.append(activity.data.title[lang])
        last_step = squash(plain_text(activity.data.steps[-1][lang]))[:60]
        if last_step not in text:
            missing.append(f"{activity.id}: {last_step}")
    for worksheet in GUIDE.worksheets:
        if worksheet.data.used_on != "partnership" and squash(worksheet.data.title[lang]) not in text:
            missing.append(f"worksheet {worksheet.data.title[lang]}")
    assert not missing, missing


@pytest.mark.parametrize("lang", LANGS)
def test_links_in_the_guide_pdf_are_live(site, lang):
    from pypdf import PdfReader

    reader = PdfReader(guide_pdf(site, lang, "letter"))
    inside, outside = 0, []
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            annot = annot.get_object()
            action = annot.get("/A")
            if annot.get("/Dest") is not None or (action and action.get("/S") == "/GoTo"):
                inside += 1
            elif action and action.get("/S") == "/URI":
                outside.append(str(action["/URI"]))
    assert inside >= len(guide_pages(GUIDE)), "the contents and cross-references link inside the document"
    assert outside and all(not url.startswith("file:") for url in outside), "no link to the machine it was made on"
    assert any(url.startswith("https://beyond-decent-work.github.io/") and "workshop-pack" in url for url in outside), (
        "worksheets point at the workshop pack"
    )


@pytest.mark.parametrize("lang", LANGS)
def test_home_and_using_this_guide_link_the_guide_pdf(site, lang):
    for path, href_prefix in (("", ""), ("using-this-guide/", "../")):
        page = BeautifulSoup((site / LANGS[lang] / path / "index.html").read_text(encoding="utf-8"), "lxml")
        links = [a["href"] for a in page.select(".bdw-guide-pdf a")]
        assert links == [href_prefix + GUIDE_PDF_PATH.format(name=file_name(GUIDE, lang), paper=p) for p in PT]
        for link in links:
            assert (site / LANGS[lang] / path / link).resolve().is_file()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("paper", PT)
def test_each_worksheet_in_the_guide_pdf_points_at_the_pack_of_the_same_paper(site, lang, paper):
    """A language's pages are read once for both papers; each PDF still links its own paper's pack,
    at its published address."""
    from pypdf import PdfReader

    from bdw_guide.engine import site_url_of
    from bdw_guide.worksheets import PACK_PATH

    from conftest import ROOT

    pack = site_url_of(ROOT).rstrip("/") + "/" + LANGS[lang] + PACK_PATH.format(paper=paper)
    links = [
        str(annot.get_object()["/A"]["/URI"])
        for page in PdfReader(guide_pdf(site, lang, paper)).pages
        for annot in page.get("/Annots") or []
        if annot.get_object().get("/A", {}).get("/S") == "/URI"
    ]
    to_packs = [url for url in links if "workshop-pack" in url or "bdw.invalid" in url]
    assert len(to_packs) >= len(GUIDE.questions), to_packs
    assert set(to_packs) == {pack}, set(to_packs)
