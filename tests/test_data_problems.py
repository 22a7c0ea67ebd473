"""Every bad-input case gives one clear line naming file, line and field (no MkDocs involved)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from bdw_guide.loader import load_guide
from bdw_guide.problems import DataError, Problem

from conftest import ROOT

PUBLIC = "data/messages/access/public.yml"


def edit(root: Path, rel: str, old: str, new: str, count: int = 1) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {rel}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def cut(root: Path, rel: str, start: str, end: str | None, after: str = "") -> None:
    """Delete from the first `start` (found after `after`) up to, not including, the next `end`
    (or to the end of the file): how a contributor loses a block of lines."""
    path = root / rel
    text = path.read_text(encoding="utf-8")
    begin = text.index(start, text.index(after) if after else 0)
    stop = text.index(end, begin + 1) if end else len(text)
    path.write_text(text[:begin] + text[stop:], encoding="utf-8")


def line_of(root: Path, rel: str, needle: str) -> int:
    """Line of the first line that is `needle` (a key such as 'copy:') or, failing that, contains it."""
    lines = (root / rel).read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, 1):
        if line.strip() == needle.strip():
            return number
    for number, line in enumerate(lines, 1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {rel}")


def problems(root: Path) -> list[Problem]:
    with pytest.raises(DataError) as err:
        load_guide(root)
    return err.value.problems


def only(root: Path) -> Problem:
    found = problems(root)
    assert len(found) == 1, "\n".join(map(str, found))
    return found[0]


def test_real_data_is_valid_and_complete():
    guide = load_guide(ROOT)
    assert len(guide.objectives) == 4 and len(guide.audiences) == 4
    assert len(guide.messages) == 16
    assert {m.data.objective for m in guide.messages.values()} == set(guide.objectives)


def test_yaml_syntax_error(root):
    edit(root, PUBLIC, "audience: public", "audience: [public")
    p = only(root)
    assert p.file == PUBLIC and "YAML syntax error" in p.what
    assert p.line >= line_of(root, PUBLIC, "audience: [public")


def test_misspelled_key_suggests_the_right_one(root):
    edit(root, PUBLIC, "\nmessage:", "\nmesage:")
    p = only(root)  # reported once, as a misspelling, not also as a missing 'message'
    assert (p.file, p.field, p.line) == (PUBLIC, "mesage", line_of(root, PUBLIC, "mesage:"))
    assert "did you mean 'message'" in p.fix.lower()


def test_missing_field(root):
    text = (root / PUBLIC).read_text(encoding="utf-8")
    (root / PUBLIC).write_text(re.sub(r"\nheadline:\n(  .*\n)+", "\n", text), encoding="utf-8")
    p = only(root)
    assert (p.file, p.field) == (PUBLIC, "headline") and "missing" in p.what


def test_missing_english(root):
    text = (root / PUBLIC).read_text(encoding="utf-8")
    text = re.sub(r"\n  en: \"?Worried about your job\? Get a career check-up\.\"?", "", text)
    (root / PUBLIC).write_text(text, encoding="utf-8")
    p = only(root)
    assert (p.file, p.field) == (PUBLIC, "headline.en")
    assert p.line == line_of(root, PUBLIC, "headline:")
    # A text in one language only is a translation gap, found once and told in the same words by
    # the data check, the strict build and the translation status.
    assert (p.code, p.what) == ("translation_missing_en", "this text has French but no English") and "en:" in p.fix


def test_a_blank_or_empty_translation_is_the_same_gap(root):
    text = (root / PUBLIC).read_text(encoding="utf-8")
    for blank in ("''", '"  "', ""):
        edited = re.sub(r"\n  en: \"?Worried about your job\? Get a career check-up\.\"?", f"\n  en: {blank}", text)
        (root / PUBLIC).write_text(edited, encoding="utf-8")
        p = only(root)
        assert (p.field, p.code) == ("headline.en", "translation_missing_en"), blank


def test_a_text_missing_in_both_languages_is_a_missing_text(root):
    text = (root / PUBLIC).read_text(encoding="utf-8")
    text = re.sub(r"\nheadline:\n  fr: .*\n  en: .*\n", "\nheadline:\n  note: x\n", text)
    (root / PUBLIC).write_text(text, encoding="utf-8")
    codes = {p.code for p in problems(root) if p.field.startswith("headline")}
    assert {"missing_text_fr", "missing_text_en"} <= codes and not any(c.startswith("translation") for c in codes)


def test_missing_french_in_ui_strings(root):
    edit(root, "data/ui.yml", 'copy:\n  fr: "Copier le message"\n', "copy:\n")
    p = only(root)
    assert (p.file, p.field, p.line) == ("data/ui.yml", "copy.fr", line_of(root, "data/ui.yml", "copy:"))
    assert p.what == "this text has English but no French"


def test_empty_text(root):
    line = line_of(root, "data/audiences.yml", "title:")
    text = (root / "data/audiences.yml").read_text(encoding="utf-8").splitlines()
    fr_line = next(i for i in range(line, len(text)) if text[i].strip().startswith("fr:"))
    text[fr_line] = '    fr: ""'
    (root / "data/audiences.yml").write_text("\n".join(text) + "\n", encoding="utf-8")
    p = only(root)
    assert (p.file, p.line, p.field) == ("data/audiences.yml", fr_line + 1, "public.title.fr")
    assert p.what == "this text has English but no French"  # an empty translation is a gap, told once


def test_unknown_audience(root):
    edit(root, PUBLIC, "audience: public", "audience: publik")
    p = only(root)
    assert (p.file, p.line, p.field) == (PUBLIC, line_of(root, PUBLIC, "audience: publik"), "audience")
    assert "'publik' is not a known audience" in p.what and "public" in p.fix


def test_unknown_objective(root):
    edit(root, PUBLIC, "objective: access", "objective: acces")
    p = only(root)
    assert (p.file, p.field) == (PUBLIC, "objective") and "not a known objective" in p.what


def test_two_messages_for_the_same_pair(root):
    copy = "data/messages/access/public-copy.yml"
    shutil.copy(root / PUBLIC, root / copy)
    p = only(root)
    assert (p.file, p.field, p.line) == (copy, "audience", line_of(root, copy, "audience: public"))
    assert PUBLIC in p.what and "already holds" in p.what


def test_a_pair_with_no_message(root):
    (root / "data/messages/funding/education.yml").unlink()
    p = only(root)
    assert p.file == "data/messages/funding/education.yml"
    assert "no message for objective 'funding' and audience 'education'" in p.what


def set_ask(root: Path, fr: str, en: str) -> None:
    """Replace the ask of the public x access message with a known two-line block."""
    path = root / PUBLIC
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"\nask:\n.*?\nfacts:", f"\nask:\n  fr: {fr}\n  en: {en}\nfacts:", text, flags=re.S)
    path.write_text(text, encoding="utf-8")


@pytest.mark.parametrize(
    "injected, expected",
    [
        ("<b>bold</b>", "raw HTML"),
        ("<script>alert(1)</script>", "<script>"),
        ("<img src=x onerror=alert(1)>", "event attribute"),
        ("[click](javascript:alert(1))", "javascript:"),
        ("<iframe src=https://example.org></iframe>", "<iframe>"),
        ('<span style="color:red">x</span>', "style="),
    ],
)
def test_unsafe_text_is_refused(root, injected, expected):
    set_ask(root, "Parlez-en.", f"'{injected} Talk to a professional.'")
    p = only(root)
    assert (p.file, p.field) == (PUBLIC, "ask.en")
    assert p.line == line_of(root, PUBLIC, f"  en: '{injected}")
    assert expected in p.what


def test_markdown_emphasis_and_plain_links_stay_allowed(root):
    set_ask(root, "'*Vraiment*, **parlez-en**.'", "'*Really*, **talk** to a [career professional](https://ceric.ca).'")
    entry = load_guide(root).message("access", "public")
    assert "[career professional](https://ceric.ca)" in entry.data.ask.en


def test_file_that_is_not_utf8(root):
    path = root / PUBLIC
    text = path.read_text(encoding="utf-8")
    path.write_bytes(text.encode("latin-1", errors="replace"))
    p = only(root)
    first_accent = next(i for i, line in enumerate(text.splitlines(), 1) if any(ord(c) > 127 for c in line))
    assert (p.file, p.line) == (PUBLIC, first_accent) and "UTF-8" in p.what


def test_duplicate_key(root):
    edit(root, PUBLIC, "audience: public\n", "audience: public\naudience: business\n")
    p = only(root)
    assert (p.file, p.field, p.line) == (PUBLIC, "audience", line_of(root, PUBLIC, "audience: business"))
    assert "written twice" in p.what


def test_wrong_type_of_value(root):
    edit(root, "data/campaign.yml", "year: 2024", "year: twenty")
    p = only(root)
    assert (p.file, p.field) == ("data/campaign.yml", "year") and "whole number" in p.what


def test_every_problem_is_reported_at_once(root):
    edit(root, PUBLIC, "audience: public", "audience: publik")
    edit(root, "data/messages/skills/business.yml", "objective: skills", "objective: skils")
    edit(root, "data/objectives.yml", "  short:", "  shrt:")
    found = problems(root)
    files = {p.file for p in found}
    assert {PUBLIC, "data/messages/skills/business.yml", "data/objectives.yml"} <= files


def test_problem_line_format(root):
    edit(root, PUBLIC, "audience: public", "audience: publik")
    line = str(only(root))
    assert re.fullmatch(rf"{re.escape(PUBLIC)}:\d+: audience: .+\. .+\.", line), line


def test_contributors_are_18_with_both_forms_of_their_organizations():
    guide = load_guide(ROOT)
    people = guide.contributors.people
    assert len(people) == 18
    assert guide.organization_name("ccdf", "fr") == ("Fondation canadienne pour le développement de carrière", "FCDC")
    assert guide.organization_name("ccdf", "en") == ("Canadian Career Development Foundation", "CCDF")
    assert guide.organization_name("kpu", "en") == ("Kwantlen Polytechnic University", None)


def test_organization_pointing_to_an_unknown_glossary_entry(root):
    rel = "data/contributors.yml"
    edit(root, rel, "glossary: ccdf", "glossary: fcdc")
    p = only(root)
    assert (p.file, p.field, p.line) == (rel, "organizations.ccdf.glossary", line_of(root, rel, "glossary: fcdc"))
    assert "not an entry of data/glossary.yml" in p.what


def test_organization_with_both_a_name_and_a_glossary_entry(root):
    rel = "data/contributors.yml"
    edit(root, rel, "    glossary: ccdf\n", "    glossary: ccdf\n    name:\n      fr: X\n      en: X\n")
    p = only(root)
    assert (p.file, p.field) == (rel, "organizations.ccdf")
    assert "either 'name:' or 'glossary:'" in p.what


def test_contributor_with_an_unknown_organization(root):
    rel = "data/contributors.yml"
    edit(root, rel, "organization: kpu", "organization: kwantlen")
    p = only(root)
    assert (p.file, p.field, p.line) == (rel, "people[12].organization", line_of(root, rel, "organization: kwantlen"))
    assert "not an organization" in p.what


# -- the rest of the guide: calendar, questions, activities, worksheets, glossary -----------------


def test_calendar_week_with_an_unknown_objective(root):
    rel = "data/calendar.yml"
    edit(root, rel, "  - objective: skills", "  - objective: skils")
    p = only(root)
    assert (p.file, p.field, p.line) == (rel, "weeks[1].objective", line_of(root, rel, "objective: skils"))
    assert "use one of: access, skills, integration, funding" in p.fix


def test_question_missing_its_english_summary(root):
    rel = "data/questions.yml"
    cut(root, rel, "    en:", "- title:", after="Qui détient le pouvoir")  # question 2's summary.en
    p = only(root)
    assert (p.file, p.field) == (rel, "[1].summary.en")
    assert p.what == "this text has French but no English"


def test_two_activities_with_the_same_position(root):
    rel = "data/activities/press-release.yml"
    edit(root, rel, "position: 2", "position: 1")
    p = only(root)
    assert (p.file, p.field, p.line) == (rel, "position", line_of(root, rel, "position: 1"))
    assert "data/activities/policy-proposal.yml already has position 1" in p.what


def test_new_activity_is_one_new_file(root):
    source = (root / "data/activities/op-ed.yml").read_text(encoding="utf-8")
    (root / "data/activities/podcast.yml").write_text(source.replace("position: 13", "position: 14"), encoding="utf-8")
    guide = load_guide(root)
    assert [a.id for a in guide.activities][-2:] == ["op-ed", "podcast"]


def test_worksheet_field_with_an_unknown_kind(root):
    rel = "data/worksheets/question-4.yml"
    edit(root, rel, "kind: table", "kind: tabel")
    p = only(root)
    assert (p.file, p.field, p.line) == (rel, "fields[0].kind", line_of(root, rel, "kind: tabel"))
    assert "'lines', 'list', 'table' or 'grid'" in p.fix


def test_worksheet_grid_without_row_headings(root):
    rel = "data/worksheets/question-2.yml"
    cut(root, rel, "    rows:", "    columns:")
    p = only(root)
    assert (p.file, p.field) == (rel, "fields[2]")
    assert p.what == "a 'grid' field needs 'rows:'"


def test_worksheet_list_with_a_table_setting(root):
    rel = "data/worksheets/question-1.yml"
    edit(root, rel, "    items: 3", "    items: 3\n    rows: 4")
    p = only(root)
    assert p.file == rel and p.field.startswith("fields[") and "does not take 'rows:'" in p.what


def test_worksheet_with_two_fields_of_the_same_id(root):
    rel = "data/worksheets/question-6.yml"
    edit(root, rel, "id: weaknesses", "id: strengths")
    p = only(root)
    assert (p.file, p.field) == (rel, "fields[1].id")
    lines = [
        n
        for n, line in enumerate((root / rel).read_text(encoding="utf-8").splitlines(), 1)
        if line.strip() == "- id: strengths"
    ]
    assert p.line == lines[1]  # the second one, where the fix belongs
    assert "already has id 'strengths'" in p.what


def test_worksheet_on_an_unknown_page(root):
    rel = "data/worksheets/question-4.yml"
    edit(root, rel, "used_on: question-4", "used_on: question-9")
    p = only(root)
    assert (p.file, p.field, p.line) == (rel, "used_on", line_of(root, rel, "used_on: question-9"))
    assert "communication-plan, question-1" in p.fix


def test_glossary_entry_without_expansion(root):
    rel = "data/glossary.yml"
    cut(root, rel, "  expansion:", None, after="smart:")
    p = only(root)
    assert (p.file, p.field, p.line) == (rel, "smart.expansion", line_of(root, rel, "smart:"))
    assert p.what == "this field is missing"


def test_worksheet_label_missing_its_french(root):
    rel = "data/worksheets/question-4.yml"
    cut(root, rel, "      fr:", "      en:", after="    label:")
    p = only(root)
    assert (p.file, p.field) == (rel, "fields[0].label.fr")
    assert p.what == "this text has English but no French"


def test_worksheet_field_with_a_misspelled_key(root):
    rel = "data/worksheets/question-1.yml"
    edit(root, rel, "    items: 3", "    itmes: 3")
    p = only(root)  # one line: not also "a 'list' field needs 'items:'"
    assert (p.file, p.line) == (rel, line_of(root, rel, "itmes: 3"))
    assert "'itmes' is not a field this file can have" in p.what and "did you mean 'items'" in p.fix
