"""Placeholders of interface texts: the declared table (ui_text.PLACEHOLDERS) is what the templates,
the core and the page scripts really fill, the real texts use exactly those, and no text, however
broken, stops a render."""

from __future__ import annotations

import ast
import dataclasses
import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from bdw_guide.loader import load_guide
from bdw_guide.models import Text
from bdw_guide.problems import ProblemLog
from bdw_guide.render import Renderer
from bdw_guide.ui_text import MAY_DIFFER, PLACEHOLDERS, check_ui_text, fill, used_placeholders

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "src" / "bdw_guide" / "templates"
SRC = ROOT / "src" / "bdw_guide"
SCRIPTS = ROOT / "overrides" / "assets" / "javascripts"


def arguments(text: str, start: int) -> str:
    """The text between the parenthesis opened just before `start` and the one that closes it."""
    depth, index = 1, start
    while depth:
        depth += {"(": 1, ")": -1}.get(text[index], 0)
        index += 1
    return text[start : index - 1]


def keyword_names(args: str) -> set[str]:
    """Names of the keyword arguments at the top level of an argument list."""
    top, depth = [], 0
    for char in args:
        depth += {"(": 1, "[": 1, "{": 1, ")": -1, "]": -1, "}": -1}.get(char, 0)
        top.append(char if depth == 0 else " ")
    return set(re.findall(r"\b([a-z_]+)\s*=(?!=)", "".join(top)))


def template_usage() -> dict[str, set[str]]:
    used: dict[str, set[str]] = {}
    for path in TEMPLATES.glob("*"):
        text = path.read_text(encoding="utf-8")
        for match in re.finditer(r"(?<![\w.])t\(\s*([\"'])([a-z_]+)\1", text):
            names = keyword_names(arguments(text, match.end()))
            if names:
                used.setdefault(match.group(2), set()).update(names)
    return used


def core_usage() -> dict[str, set[str]]:
    """`fill(guide.t("key", lang), a=...)` and `fill(ui["key"][lang], a=...)` in the core."""
    used: dict[str, set[str]] = {}
    for path in SRC.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and getattr(node.func, "id", "") == "fill" and node.args):
                continue
            first = node.args[0]
            if isinstance(first, ast.Call) and getattr(first.func, "attr", "") == "t":
                key = first.args[0]
            elif isinstance(first, ast.Subscript) and isinstance(first.value, ast.Subscript):
                key = first.value.slice
            else:
                continue
            if isinstance(key, ast.Constant):
                used.setdefault(key.value, set()).update(k.arg for k in node.keywords if k.arg)
    render = (SRC / "render.py").read_text(encoding="utf-8")
    page = re.search(r't\("print_page", lang\).*?re\.split\(r"\\\{\(([a-z|]+)\)\\\}"', render, re.S)
    assert page, "the printed page numbers are no longer split where this test looks"
    used["print_page"] = set(page.group(1).split("|"))
    return used


def script_usage() -> dict[str, set[str]]:
    """What the page scripts fill in the texts the templates hand them as data- attributes."""
    dataset = {}
    for path in TEMPLATES.glob("*.html"):
        for name, key in re.findall(r"data-([a-z-]+)=\"\{\{ t\('([a-z_]+)'", path.read_text(encoding="utf-8")):
            dataset[re.sub(r"-([a-z])", lambda m: m.group(1).upper(), name)] = key
    used: dict[str, set[str]] = {}
    for path in SCRIPTS.glob("*.js"):
        text = path.read_text(encoding="utf-8")
        for name, values in re.findall(r"format\(tools\.dataset\.(\w+),\s*\{([^{}]*)\}", text):
            used.setdefault(dataset[name], set()).update(re.findall(r"(\w+)\s*:", values))
        for name in re.findall(r"template\.replace\(\"\{(\w+)\}\"", text):
            used.setdefault("filter_status", set()).add(name)  # the overview's data-status text
        # bdw-kit.js: a letter's parts (letter_<part> texts) and the adapted message's signature
        for part, name in re.findall(r"parts\.(\w+)\.replace\(\"\{(\w+)\}\"", text):
            used.setdefault(f"letter_{part}", set()).add(name)
        for name in re.findall(r"signature\.replace\(\"\{(\w+)\}\"", text):
            used.setdefault("adapt_signature", set()).add(name)
    return used


def test_the_table_is_what_the_code_fills():
    used: dict[str, set[str]] = {}
    for usage in (template_usage(), core_usage(), script_usage()):
        for key, names in usage.items():
            used.setdefault(key, set()).update(names)
    assert used == {key: set(names) for key, names in PLACEHOLDERS.items()}


def test_the_real_texts_use_exactly_the_declared_placeholders():
    guide = load_guide(ROOT)
    assert set(PLACEHOLDERS) <= set(guide.ui), "every key of the table is a real UI text"
    for key, text in guide.ui.items():
        for lang in ("fr", "en"):
            found, declared = {p[1:-1] for p in used_placeholders(text[lang])}, set(PLACEHOLDERS.get(key, ()))
            if key in MAY_DIFFER:  # one language may leave a name out (a French letter's greeting)
                assert found <= declared, (key, lang)
            else:
                assert found == declared, (key, lang)


braces = st.lists(
    st.sampled_from(list("{}n_a.0!:r x") + ["{n}", "{title}", "{{", "}}", "{n.__class__}"]), max_size=15
).map("".join)


@given(text=braces)
def test_fill_and_the_check_never_raise(text: str):
    fill(text, n=1, title="T", count=2)
    log = ProblemLog(ROOT)
    check_ui_text(
        "question_title", {"fr": text, "en": "Question {n}: {title}"}, log, ROOT / "data/ui.yml", {"fr": 1, "en": 2}
    )
    for problem in log.problems:
        problem.render("fr"), problem.render("en")
    if not log.problems:
        assert set(used_placeholders(text)) == {"{n}", "{title}"}


def test_fill_never_reaches_attributes_or_positions():
    assert fill("{n.__class__} {0} {n!r} {n} {", n=3) == "{n.__class__} {0} {n!r} 3 {"


def test_pages_render_whatever_the_ui_texts_hold():
    """The check refuses these texts; if one got past it, the build still renders every page."""
    guide = load_guide(ROOT)
    hostile = {
        key: Text.model_construct(fr="{" + text.fr + " {n.__class__} {0} {", en=text.en + "} {x} {n:>9}")
        for key, text in guide.ui.items()
    }
    broken = dataclasses.replace(guide, ui=hostile)
    renderer = Renderer(broken, TEMPLATES, "https://github.com/o/r/edit/main/")
    rendered = 0
    for lang in ("fr", "en"):
        for page in sorted((ROOT / "docs" / lang).rglob("*.md")):
            src = page.relative_to(ROOT / "docs" / lang).as_posix()
            url = src.removesuffix(".md").removesuffix("index") + ("/" if not src.endswith("index.md") else "")
            renderer.expand_markers(page.read_text(encoding="utf-8"), lang, url, src)
            rendered += 1
    renderer.worksheet_print_css("https://example.org/", "fr")
    assert rendered == len(list((ROOT / "docs").rglob("*.md")))
