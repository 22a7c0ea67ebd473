"""Every problem a contributor can meet is written in French and in English, with the same details,
and every code the code raises has its words in the catalogue."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

from bdw_guide.problem_texts import CATALOGUE, REPORT

SRC = Path(__file__).resolve().parent.parent / "src" / "bdw_guide"
NBSP = "\u00a0"


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def all_entries():
    for table in (CATALOGUE, REPORT):
        yield from table.items()


def test_every_entry_has_both_languages_with_the_same_details():
    for code, texts in all_entries():
        assert set(texts) == {"fr", "en"}, code
        for part in (0, 1):
            assert placeholders(texts["fr"][part]) == placeholders(texts["en"][part]), (code, part)
        assert texts["fr"][0] and texts["en"][0], code
        assert bool(texts["fr"][1]) == bool(texts["en"][1]), code


def test_french_follows_canadian_french_typography():
    for code, texts in all_entries():
        for text in texts["fr"]:
            assert "'" not in text, f"{code}: straight apostrophe in {text!r}"
            # A colon used as punctuation takes a no-break space; keys quoted as code (« fr: »,
            # (objective:, …)) and the file:line: field: prefix of a report line do not.
            prose = re.sub(r"«[^»]*»|\([^)]*\)|^\{where\}: \{field\}: ", "", text)
            assert not re.search(r"[^\u00a0]:(\s|$)", prose.rstrip(":")), (
                f"{code}: colon needs a no-break space: {text!r}"
            )
            assert "« " not in text and " »" not in text, f"{code}: guillemets need no-break spaces in {text!r}"
            assert '"' not in text, f"{code}: straight quotes in {text!r}"


def test_english_has_no_french_guillemets_and_the_french_none_of_the_english_words():
    for code, texts in all_entries():
        for text in texts["en"]:
            assert "«" not in text and NBSP not in text, code
        assert not re.search(r"\b(the|is|this|should)\b", " ".join(texts["fr"])), code


def raised_codes() -> tuple[set[str], int]:
    """Problem codes written as literals where problems are raised: `log.add(path, line, field, "code")`,
    `PydanticCustomError("code", ...)`, `MarkerError("code")`, `Breach("code", ...)` (a limit of
    limits.py, logged by the YAML reader); and how many are built at run time."""
    codes, dynamic = set(), 0
    for path in SRC.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            index = 3 if name == "add" else 0 if name in ("PydanticCustomError", "MarkerError", "Breach") else None
            if index is None or len(node.args) <= index:
                continue
            arg = node.args[index]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                codes.add(arg.value)
            else:
                dynamic += 1
    return codes, dynamic


def test_every_code_raised_in_the_source_has_its_words():
    raised, dynamic = raised_codes()
    # f"missing_text_{lang}" and the like, listed below, the reader logging a limit's Breach, and codes
    # handed on from one check to the report (a marker's, a text rule's)
    assert len(raised) > 25 and dynamic <= 11
    built = {
        f"{prefix}_{lang}"
        for prefix in ("missing_text", "translation_missing", "page_missing")
        for lang in ("fr", "en")
    } | {
        "unknown_objective",
        "unknown_audience",
        "marker_audience",
        "marker_objective",
        "worksheet_without_page",
        "case_study_without_page",
        "activity_without_page",
    }
    built |= {f"marker_{kind}" for kind in ("unknown", "question", "worksheet", "slot", "case_study", "malformed")}
    assert raised | built <= set(CATALOGUE), sorted((raised | built) - set(CATALOGUE))
    mapped = set(re.findall(r'": "([a-z_]+)",', (SRC / "validation.py").read_text(encoding="utf-8")))
    unsafe = set(re.findall(r'"(unsafe_[a-z_]+)"', (SRC / "text_rules.py").read_text(encoding="utf-8")))
    generic = {"missing_field", "unknown_field", "unknown_field_close", "invalid_value"}
    unused = set(CATALOGUE) - raised - built - mapped - unsafe - generic
    assert not unused, f"words for problems nothing raises: {sorted(unused)}"
