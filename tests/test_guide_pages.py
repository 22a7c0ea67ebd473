"""The whole guide is online in both languages: its sections in order, the calendar, the planning
questions, the activities, the glossary tooltips, and Canadian typography on the built pages."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup, NavigableString

from conftest import GUIDE, LANGS, soup

QUESTIONS = range(1, len(GUIDE.questions) + 1)
NBSP = "\u00a0\u202f"  # no-break space, narrow no-break space

# The guide's parts, in its order (the key-message pages have their own tests).
SECTIONS = [
    "",
    "background",
    "using-this-guide",
    "messages",
    "communication-plan",
    "planning",
    *[f"planning/question-{n}" for n in QUESTIONS],
    "getting-started",
    *[f"activities/{entry.id}" for entry in GUIDE.activities],
    "conclusion",
]


def article(page: BeautifulSoup):
    return page.select_one("article.md-content__inner")


def headings(page: BeautifulSoup, level: str) -> list[str]:
    return [h.get_text(" ", strip=True).rstrip("¶").strip() for h in article(page).select(level)]


@pytest.mark.parametrize("path", SECTIONS)
def test_every_section_exists_in_both_languages_with_the_same_structure(site, path):
    pages = {lang: soup(site, prefix + path) for lang, prefix in LANGS.items()}
    for lang, page in pages.items():
        assert page.html["lang"] == lang
        assert len(headings(page, "h1")) == 1, f"{lang}/{path}: one title"
        assert len(article(page).get_text(" ", strip=True)) > 400, f"{lang}/{path} is nearly empty"
    for level in ("h2", "h3"):
        fr, en = (headings(pages[lang], level) for lang in LANGS)
        assert len(fr) == len(en), f"{path}: {level} headings differ\nfr: {fr}\nen: {en}"
    assert headings(pages["fr"], "h1") != headings(pages["en"], "h1") or path == "conclusion"


def test_navigation_follows_the_guide_order_in_both_languages(site):
    """Every page of the guide is in the navigation, in order, with a title in each language."""
    orders = {}
    for lang, prefix in LANGS.items():
        nav = soup(site, prefix).select_one("nav.md-nav--primary")
        links = [a for a in nav.select("a.md-nav__link[href]") if not a["href"].startswith("#")]
        titles = [a.get_text(" ", strip=True) for a in links]
        assert all(titles), f"{lang}: a navigation entry has no title"
        assert not [t for t in titles if re.fullmatch(r"[a-z_]+", t)], f"{lang}: untranslated UI key in nav"
        labels = [label.get_text(" ", strip=True) for label in nav.select("label.md-nav__link")]
        assert GUIDE.ui["planning"][lang] in " ".join(labels + titles)
        orders[lang] = [a["href"].rstrip("/") or "." for a in links]
    assert orders["fr"] == orders["en"], "both languages have the same pages in the same order"
    order = [href.removeprefix("./") for href in orders["fr"]]
    positions = [order.index(path) for path in SECTIONS[1:] if path in order]
    assert len(positions) == len(SECTIONS) - 1, [p for p in SECTIONS[1:] if p not in order]  # all but the home page
    assert positions == sorted(positions)


@pytest.mark.parametrize("lang, prefix", LANGS.items())
def test_calendar_shows_the_4_weeks_in_order(site, lang, prefix):
    page = soup(site, f"{prefix}communication-plan")
    weeks = page.select(".bdw-calendar li.bdw-calendar__week")
    assert [w["data-objective"] for w in weeks] == ["access", "skills", "integration", "funding"]
    week_word = "Semaine" if lang == "fr" else "Week"
    for n, week in enumerate(weeks, 1):
        assert week.select_one(".bdw-calendar__label").get_text(strip=True) == f"{week_word} {n}"
        link = week.select_one("a")
        assert link.get_text(strip=True) == GUIDE.objectives[week["data-objective"]].title[lang]
        assert link["href"] == f"../messages/objectives/{week['data-objective']}/"
    caption = page.select_one(".bdw-calendar figcaption").get_text()
    assert ("novembre" if lang == "fr" else "November") in caption
    assert ("Mois canadien de la carrière" if lang == "fr" else "Canada Career Month") in caption


@pytest.mark.parametrize("lang, prefix", LANGS.items())
def test_communication_plan_has_the_seven_steps_the_hashtags_and_the_template(site, lang, prefix):
    page = soup(site, f"{prefix}communication-plan")
    steps = headings(page, "h3")
    assert [s.split(".")[0] for s in steps] == [str(n) for n in range(1, 8)]
    hashtag = page.select_one(".bdw-hashtag")
    assert GUIDE.campaign.hashtag[lang] in hashtag.select_one("strong").get_text()
    other = "en" if lang == "fr" else "fr"
    assert GUIDE.campaign.hashtag[other] in hashtag.get_text()
    assert hashtag.select_one(f"[lang={other}]")
    template = page.select_one("#ws-communication-plan")
    rows = template.select("tbody tr")
    assert len(rows) == len(GUIDE.objectives)  # a row per week, a week per objective
    assert rows[0].select_one("th").get_text().endswith(GUIDE.objectives["access"].short[lang])
    assert page.select_one('a[href="#worksheet-communication-plan"]'), "step 6 links to the template"


@pytest.mark.parametrize("lang, prefix", LANGS.items())
def test_planning_lists_five_things_and_links_every_question(site, lang, prefix):
    page = soup(site, f"{prefix}planning")
    lists = article(page).select("ol")
    assert len(lists[0].find_all("li", recursive=False)) == 5
    questions = lists[1].find_all("li", recursive=False)
    assert len(questions) == len(GUIDE.questions)
    for n, item in enumerate(questions, 1):
        assert item.select_one("a")["href"] == f"question-{n}/"
        assert GUIDE.questions[n - 1].title[lang] in item.get_text()
    assert "Jim Schultz" in article(page).get_text() and "The Democracy Center" in article(page).get_text()


@pytest.mark.parametrize("lang, prefix", LANGS.items())
@pytest.mark.parametrize("n", QUESTIONS)
def test_question_page_has_its_title_worksheet_and_neighbours(site, lang, prefix, n):
    page = soup(site, f"{prefix}planning/question-{n}")
    assert headings(page, "h1") == [f"{n}. {GUIDE.questions[n - 1].title[lang]}"]
    nav = article(page).select_one("nav.bdw-question-nav")
    prev = nav.select_one("a[rel=prev]")
    nxt = nav.select_one("a[rel=next]")
    assert (prev is None) == (n == 1) and (nxt is None) == (n == len(GUIDE.questions))
    if prev:
        assert prev["href"] == f"../question-{n - 1}/"
    if nxt:
        assert nxt["href"] == f"../question-{n + 1}/"
    forms = article(page).select("form.bdw-worksheet")
    assert [f["data-worksheet"] for f in forms] == [w.id for w in GUIDE.worksheets_for(f"question-{n}")]
    assert forms, "each question has its worksheet"
    for form in forms:
        for control in form.select("textarea, input"):
            labelled = control.get("aria-label") or form.select_one(f'label[for="{control["id"]}"]')
            assert labelled, f"question {n}: a control without a label"


@pytest.mark.parametrize("lang, prefix", LANGS.items())
def test_the_activities_each_on_its_page_with_their_steps(site, lang, prefix):
    """Getting started keeps the guide's introduction and becomes an index of the activities, each
    a card leading to its own page (title, kind, summary, steps, tip)."""
    page = soup(site, f"{prefix}getting-started")
    cards = article(page).select("li.bdw-activity-card")
    assert [c.h2["id"] for c in cards] == [a.id for a in GUIDE.activities]  # old #anchors still land
    for card, entry in zip(cards, GUIDE.activities, strict=True):
        assert card.h2.get_text(strip=True) == entry.data.title[lang]
        assert card.h2.a["href"] == f"../activities/{entry.id}/"
        assert card["data-kind"] == entry.data.kind
        assert GUIDE.t(f"activity_kind_{entry.data.kind}", lang) in card.get_text(" ", strip=True)
    assert GUIDE.t("activity_kinds_note", lang) in article(page).get_text(" ")
    assert not article(page).select("ol"), "steps live on each activity's page"
    for entry in GUIDE.activities:
        own = soup(site, f"{prefix}activities/{entry.id}")
        assert headings(own, "h1") == [entry.data.title[lang]]
        steps = article(own).select_one("h2 ~ ol").find_all("li", recursive=False)
        assert len(steps) == len(entry.data.steps)
        assert bool(article(own).select(".admonition.tip")) == bool(entry.data.tip)
    text = article(soup(site, f"{prefix}activities/op-ed")).get_text(" ")
    assert re.search(r"600\s(à|to)\s800", text), "the op-ed length"


@pytest.mark.parametrize("lang, prefix", LANGS.items())
def test_abbreviations_have_their_expansion_as_a_tooltip(site, lang, prefix):
    found: dict[str, set[str]] = {}
    for path in SECTIONS + ["messages/audiences/public"]:
        for abbr in article(soup(site, prefix + path)).select("abbr[title]"):
            found.setdefault(abbr.get_text(), set()).add(abbr["title"])
    for key, entry in GUIDE.glossary.items():
        assert found.get(entry.abbreviation[lang]) == {entry.expansion[lang]}, f"{lang}: {key}"
    table = article(soup(site, f"{prefix}using-this-guide")).select("table")[-1]
    assert len(table.select("tbody tr")) == len(GUIDE.glossary)


def _prose(page: BeautifulSoup) -> str:
    """The article's running text: no code, no permalink symbols, no form controls. Inline code
    becomes a placeholder word, so the punctuation after it is still checked where it stands."""
    body = article(page)
    for tag in body.select("pre, script, style, a.headerlink, textarea, input"):
        tag.decompose()
    for tag in body.select("code"):
        tag.replace_with("CODE")
    return "".join(s for s in body.find_all(string=True) if isinstance(s, NavigableString))


def _french_problems(text: str) -> list[str]:
    problems = []
    for match in re.finditer(r".{0,30}'.{0,30}", text):
        problems.append(f"straight apostrophe: {match.group(0)!r}")
    for match in re.finditer(rf".{{0,30}}(?<![{NBSP}]):(?!//).{{0,10}}", text):
        if not re.search(r"\d:\d", match.group(0)):
            problems.append(f"no no-break space before ':': {match.group(0)!r}")
    for match in re.finditer(rf".{{0,20}}(?<![{NBSP}])%.{{0,5}}", text):
        problems.append(f"no no-break space before '%': {match.group(0)!r}")
    for match in re.finditer(rf".{{0,20}}(«(?![{NBSP}])|(?<![{NBSP}])»).{{0,20}}", text):
        problems.append(f"« » without no-break spaces inside: {match.group(0)!r}")
    if '"' in text:
        problems.append("straight double quotes (use « »)")
    return problems


def _english_problems(text: str) -> list[str]:
    problems = [f"space before %: {m.group(0)!r}" for m in re.finditer(r".{0,20}\d\s%", text)]
    problems += [f"space before ':': {m.group(0)!r}" for m in re.finditer(r".{0,20}\s:.{0,10}", text)]
    problems += [
        f"no-break space in English: {m.group(0)!r}" for m in re.finditer(rf".{{0,20}}[{NBSP}].{{0,20}}", text)
    ]
    us = re.compile(r"\b(organiz?s?ation\w*|center|labor|color|behavior|programme)\b")
    for word in us.findall(text.replace("Pew Research Center", "").replace("Democracy Center", "")):
        if word.lower() in ("center", "labor", "color", "behavior", "programme") or "isation" in word:
            problems.append(f"not Canadian spelling: {word}")
    return problems


def test_typography_of_every_built_page(site):
    """Over the built pages, as readers see them: Canadian French typography (’, « », no-break
    spaces before ':' and '%'), and English without them (77%, 'organization', 'labour')."""
    problems = []
    for html in sorted(site.rglob("index.html")):
        rel = html.relative_to(site).as_posix()
        page = BeautifulSoup(html.read_text(encoding="utf-8"), "lxml")
        if article(page) is None:
            continue
        lang = page.html["lang"]
        text = _prose(page)
        found = _french_problems(text) if lang == "fr" else _english_problems(text)
        problems += [f"{rel}: {p}" for p in found]
    assert not problems, "\n".join(problems[:40])


def test_the_typography_checks_catch_what_they_should():
    assert len(_french_problems('l\'emploi, « non», Note: 77% et "ça"')) == 5
    assert not _french_problems("l’emploi, «\u00a0oui\u00a0», Note\u00a0: 77\u00a0% à 10:30")
    assert len(_english_problems("77 % of the labor center, Note : ok")) == 4
    assert not _english_problems("77% of the labour centre: the Pew Research Center")


def test_percentages_follow_each_language(site):
    fr = _prose(soup(site, "messages/audiences/public"))
    en = _prose(soup(site, "en/messages/audiences/public"))
    assert "77\u00a0%" in fr and "77%" in en
    assert "63\u00a0%" in _prose(soup(site, "messages/audiences/business"))
    assert "63%" in _prose(soup(site, "en/messages/audiences/business"))
