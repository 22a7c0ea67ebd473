"""Bad input in every kind of data file: one line each, naming the file, the line and the field,
in both languages (the contributor chooses with --lang).

Each case is one edit a contributor could make in GitHub's web editor. The expected line is the
line of `at` in the edited file: the offending line, or for a missing key the block it belongs to.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from bdw_guide.loader import load_guide
from bdw_guide.problems import DataError

from conftest import ROOT

MESSAGE = "data/messages/access/public.yml"
ACTIVITY = "data/activities/decision-maker-meetings.yml"
WORKSHEET = "data/worksheets/question-2.yml"
TABLE = "data/worksheets/question-4.yml"


@dataclass(frozen=True)
class Case:
    file: str
    old: str
    new: str
    field: str
    at: str  # text on the line the problem must point to, after the edit
    code: str


CASES: dict[str, Case] = {
    # Messages
    "message: misspelled key": Case(MESSAGE, "\nask:", "\nasks:", "asks", "asks:", "unknown_field_close"),
    "message: headline without English": Case(
        MESSAGE,
        "  en: Worried about your job? Get a career check-up.\n",
        "",
        "headline.en",
        "headline:",
        "translation_missing_en",
    ),
    "message: unknown objective": Case(
        MESSAGE, "objective: access", "objective: acces", "objective", "objective: acces", "unknown_objective"
    ),
    "message: <script>": Case(
        MESSAGE,
        "Faites le point sur votre carrière.",
        "<script>alert(1)</script>",
        "headline.fr",
        "<script>",
        "unsafe_script",
    ),
    "message: <iframe>": Case(
        MESSAGE,
        "Get a career check-up.",
        '<iframe src="https://example.org"></iframe>',
        "headline.en",
        "<iframe",
        "unsafe_iframe",
    ),
    "message: onerror=": Case(
        MESSAGE, "Get a career check-up.", "<img src=x onerror=alert(1)>", "headline.en", "onerror", "unsafe_event"
    ),
    "message: style=": Case(
        MESSAGE,
        "Get a career check-up.",
        '<span style="color:red">Get help</span>',
        "headline.en",
        "style=",
        "unsafe_style",
    ),
    "message: javascript: link": Case(
        MESSAGE,
        "Get a career check-up.",
        "[Get help](javascript:alert(1))",
        "headline.en",
        "javascript",
        "unsafe_js_link",
    ),
    "message: data: link": Case(
        MESSAGE, "Get a career check-up.", "[Get help](data:text/html,hi)", "headline.en", "data:text", "unsafe_scheme"
    ),
    "message: raw HTML": Case(
        MESSAGE, "Get a career check-up.", "Get a <b>career</b> check-up.", "headline.en", "<b>", "unsafe_html"
    ),
    # Objectives
    "objective: title without French": Case(
        "data/objectives.yml",
        "    fr: Augmenter le nombre de personnes accédant à des services de développement de carrière\n",
        "",
        "access.title.fr",
        "title:",
        "translation_missing_fr",
    ),
    "objective: misspelled key": Case(
        "data/objectives.yml", "  intro:", "  intor:", "access.intor", "intor:", "unknown_field_close"
    ),
    "objective: empty text": Case(
        "data/objectives.yml",
        "    en: Access to services",
        "    en: ''",
        "access.short.en",
        "en: ''",
        "translation_missing_en",
    ),
    "campaign: empty publisher": Case(
        "data/campaign.yml", "publisher: CERIC", "publisher: ''", "publisher", "publisher: ''", "empty_text"
    ),
    "objective: tab used to indent": Case(
        "data/objectives.yml", "  short:\n    fr:", "  short:\n\tfr:", "", "\tfr:", "yaml_syntax"
    ),
    # Audiences
    "audience: title as plain text": Case(
        "data/audiences.yml",
        "  title:\n    fr: Grand public\n    en: General public",
        "  title: Grand public",
        "public.title",
        "title: Grand public",
        "not_fields",
    ),
    "audience: unknown field": Case(
        "data/audiences.yml", "public:\n", "public:\n  colour: blue\n", "public.colour", "colour: blue", "unknown_field"
    ),
    # UI strings
    "ui: a number instead of a text": Case(
        "data/ui.yml", '  fr: "Au-delà du travail décent"', "  fr: 2024", "site_name.fr", "fr: 2024", "not_text"
    ),
    "ui: a string without English": Case(
        "data/ui.yml", '  en: "Objective {n}"\n', "", "objective_n.en", "objective_n:", "translation_missing_en"
    ),
    "ui: the same key twice": Case(
        "data/ui.yml",
        '  en: "Beyond Decent Work"\n',
        '  en: "Beyond Decent Work"\n  fr: "Au-delà"\n',
        "site_name.fr",
        'fr: "Au-delà"',
        "duplicate_key",
    ),
    # Contributors, campaign, calendar, questions, glossary
    "contributors: person without organization": Case(
        "data/contributors.yml",
        "  - name: Akosua Alagaratnam\n    organization: first-work\n",
        "  - name: Akosua Alagaratnam\n",
        "people[0].organization",
        "- name: Akosua Alagaratnam",
        "missing_field",
    ),
    "campaign: year in words": Case(
        "data/campaign.yml", "year: 2024", "year: deux mille vingt-quatre", "year", "year:", "not_whole_number"
    ),
    "calendar: unknown week field": Case(
        "data/calendar.yml",
        "  - objective: access\n",
        "  - objective: access\n    theme: jobs\n",
        "weeks[0].theme",
        "theme: jobs",
        "unknown_field",
    ),
    "questions: misspelled summary": Case(
        "data/questions.yml", "  summary:", "  sumary:", "[0].sumary", "sumary:", "unknown_field_close"
    ),
    "glossary: abbreviation as plain text": Case(
        "data/glossary.yml",
        "  abbreviation:\n    fr: CERIC\n    en: CERIC",
        "  abbreviation: CERIC",
        "ceric.abbreviation",
        "abbreviation: CERIC",
        "not_fields",
    ),
    # Activities
    "activity: position 0": Case(
        ACTIVITY, "position: 11", "position: 0", "position", "position: 0", "number_too_small"
    ),
    "activity: position in words": Case(
        ACTIVITY, "position: 11", "position: onze", "position", "position: onze", "not_whole_number"
    ),
    "activity: raw HTML in a step": Case(
        ACTIVITY,
        "Présentez des données convaincantes.",
        "Présentez des <b>données</b> convaincantes.",
        "steps[1].fr",
        "<b>",
        "unsafe_html",
    ),
    # Worksheets
    "worksheet: id with capitals": Case(
        WORKSHEET, "  - id: decision-makers", "  - id: Decision_Makers", "fields[0].id", "Decision_Makers", "bad_id"
    ),
    "worksheet: 40 writing lines": Case(
        WORKSHEET, "    lines: 5", "    lines: 40", "fields[0].lines", "lines: 40", "number_too_large"
    ),
    "worksheet: title without French": Case(
        WORKSHEET, "  fr: Repérer qui peut agir\n", "", "title.fr", "title:", "translation_missing_fr"
    ),
    "worksheet: table with 30 rows": Case(
        TABLE, "    rows: 6", "    rows: 30", "fields[0].rows", "rows: 30", "table_rows_range"
    ),
}


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("data")
    shutil.copytree(ROOT / "data", root / "data")
    return root


def line_of(text: str, needle: str) -> int:
    for number, line in enumerate(text.splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not found")


def test_there_are_at_least_25_cases_over_every_kind_of_file():
    assert len(CASES) >= 25
    kinds = {case.file.split("/")[1].removesuffix(".yml") for case in CASES.values()}
    assert {"messages", "objectives", "audiences", "ui", "contributors", "activities", "worksheets"} <= kinds


@pytest.mark.parametrize("name", CASES)
def test_bad_input_gets_one_line_naming_file_line_and_field(name: str, pristine: Path, tmp_path: Path):
    case = CASES[name]
    shutil.copytree(pristine / "data", tmp_path / "data")
    path = tmp_path / case.file
    text = path.read_text(encoding="utf-8")
    assert case.old in text, f"{case.old!r} not in {case.file}"
    edited = text.replace(case.old, case.new, 1)
    path.write_text(edited, encoding="utf-8")

    with pytest.raises(DataError) as err:
        load_guide(tmp_path)
    found = [p for p in err.value.problems if p.file == case.file and p.field.startswith(case.field)]
    assert len(found) == 1, "\n".join(map(str, err.value.problems))
    problem = found[0]
    assert problem.code == case.code, str(problem)
    assert problem.line == line_of(edited, case.at), str(problem)
    for lang in ("fr", "en"):
        line = problem.render(lang)
        name = problem.field or {"fr": "(fichier)", "en": "(file)"}[lang]
        assert line.startswith(f"{case.file}:{problem.line}: {name}: "), line
        what, fix = problem.texts(lang)
        assert what and fix and "{" not in what + fix, line  # every placeholder filled
    # The report never names Python: no tracebacks, no class names, no pydantic jargon.
    report = err.value.report("fr") + err.value.report("en")
    for jargon in ("Traceback", "pydantic", "Input should", "type=", "dict", "NoneType"):
        assert jargon not in report
