"""Case studies (data/case-studies/) and the partnership section: pages, figures in each language's
format, links both ways between case studies and the guide's planning questions."""

from __future__ import annotations

import re

import pytest

from conftest import GUIDE, LANGS, soup
from test_data_problems import problems

NBSP = "\u00a0"
# The figures the issue names, as each language writes them (a no-break space groups French digits).
FIGURES = {
    "fr": [
        "254",
        "860\u00a0000",
        "104",
        "78",
        "10 vidéos",
        "16 balados",
        "150",
        "6\u00a0000",
        "26",
        "de 30 à 57 millions d’euros",
        "entre 2021 et 2024",
    ],
    "en": [
        "254",
        "860,000",
        "104",
        "78",
        "10 videos",
        "16 podcasts",
        "150",
        "6,000",
        "26",
        "from 30 to 57 million euros",
        "between 2021 and 2024",
    ],
}


def text(node) -> str:
    return re.sub(r"[ \t\n]+", " ", node.get_text(" ", strip=True))


def test_three_case_studies_in_the_order_of_their_sources():
    assert [e.id for e in GUIDE.case_studies] == ["savoie-facilitators", "wapes-communication-lab", "j-aime-mon-metier"]


@pytest.mark.parametrize("lang, prefix", LANGS.items())
def test_each_case_study_page_is_built_from_its_data_file(site, lang, prefix):
    for entry in GUIDE.case_studies:
        c = entry.data
        page = soup(site, f"{prefix}case-studies/{entry.id}")
        assert page.html["lang"] == lang
        article = page.select_one("article.md-content__inner")
        assert article.h1.get_text(strip=True).rstrip("¶") == c.title[lang]
        headings = [h.get_text(strip=True).rstrip("¶") for h in article.select("h2")]
        assert [s.heading[lang] for s in c.sections] == [
            h for h in headings if h in {s.heading[lang] for s in c.sections}
        ]
        assert len(article.select(".bdw-figure")) == len(c.figures)
        # Its answers to the eight questions, each linking to the question's page.
        links = [a["href"] for a in article.select(".bdw-case__questions dt a")]
        assert links == [f"../../planning/question-{n}/" for n in range(1, len(GUIDE.questions) + 1)], links
        for href in links:
            assert (site / prefix / "planning" / href.split("/")[-2] / "index.html").is_file()


@pytest.mark.parametrize("lang, prefix", LANGS.items())
def test_the_brussels_figures_in_each_languages_number_format(site, lang, prefix):
    article = soup(site, f"{prefix}case-studies/j-aime-mon-metier").select_one("article.md-content__inner")
    figures = text(article.select_one(".bdw-figures"))
    whole = text(article)
    for figure in FIGURES[lang]:
        assert figure in figures and figure in whole, (lang, figure)
    wrong = "860,000" if lang == "fr" else "860\u00a0000"
    assert wrong not in whole and "860.000" not in whole and "860 000" not in whole


@pytest.mark.parametrize("lang, prefix", LANGS.items())
def test_every_question_page_shows_in_practice_examples_linking_back(site, lang, prefix):
    for n in range(1, len(GUIDE.questions) + 1):
        page = soup(site, f"{prefix}planning/question-{n}")
        section = page.select_one(".bdw-in-practice")
        assert page.select_one("h2#in-practice") is not None and section is not None, n
        cases = section.select(".bdw-in-practice__case")
        assert len(cases) == len(GUIDE.case_studies)
        for case, entry in zip(cases, GUIDE.case_studies, strict=True):
            assert entry.data.questions[f"question-{n}"][lang].split()[0] in text(case)
            assert case.select_one("a")["href"] == f"../../case-studies/{entry.id}/#questions"
        # "In practice" comes before the worksheet, after the guide's explanation.
        html = str(page)
        assert html.index('id="in-practice"') < html.index(f'id="worksheet-question-{n}"')


@pytest.mark.parametrize("lang, prefix", LANGS.items())
def test_case_study_index_lists_them_with_links(site, lang, prefix):
    items = soup(site, f"{prefix}case-studies").select(".bdw-case-list__item")
    assert [i.select_one("a")["href"] for i in items] == [f"{e.id}/" for e in GUIDE.case_studies]


@pytest.mark.parametrize("lang, prefix", LANGS.items())
def test_partnership_section_and_its_five_worksheets(site, lang, prefix):
    page = soup(site, f"{prefix}partnership")
    ids = [e.id for e in GUIDE.worksheets_for("partnership")]
    assert ids == ["partnership-steps", "funding-checklist", "partnership-reasons", "partnership-evaluation", "swot"]
    # Linked, not embedded: each worksheet is filled in and printed on its own page.
    assert page.select("form.bdw-worksheet") == []
    links = [a["href"] for a in page.select("article .bdw-worksheet-links__title")]
    assert links == [f"../worksheets/{i}/" for i in ids]
    assert "KEEP IN PACT" in text(page.select_one("article"))
    assert "Cités des métiers" in text(page.select_one("article"))
    swot = next(e for e in GUIDE.worksheets if e.id == "swot")
    assert any(f.kind == "grid" for f in swot.data.fields)
    index = text(soup(site, f"{prefix}worksheets"))
    for entry in GUIDE.worksheets_for("partnership"):
        assert entry.data.title[lang] in index


# Bad input ---------------------------------------------------------------------------------------


def test_a_case_study_without_one_question_says_which(root):
    path = root / "data/case-studies/savoie-facilitators.yml"
    source = path.read_text(encoding="utf-8")
    start = source.index("  question-5:")
    end = source.index("  question-6:")
    path.write_text(source[:start] + source[end:], encoding="utf-8")
    [p] = problems(root)
    assert (p.file, p.field, p.code) == (
        "data/case-studies/savoie-facilitators.yml",
        "questions.question-5",
        "case_question_missing",
    )
    assert p.line == source[: source.index("questions:")].count("\n") + 1


def test_a_case_study_answering_a_question_the_guide_does_not_have(root):
    path = root / "data/case-studies/j-aime-mon-metier.yml"
    source = path.read_text(encoding="utf-8")
    path.write_text(source.replace("  question-8:", "  question-9:"), encoding="utf-8")
    found = {(p.field, p.code) for p in problems(root)}
    assert found == {
        ("questions.question-9", "case_question_unknown"),
        ("questions.question-8", "case_question_missing"),
    }
