"""Property tests: whatever a contributor saves, the loader answers with our report, never a crash,
and a file broken in a way the rules forbid is never accepted.

Random YAML documents (and random text that is not YAML at all) replace real data files; real files
are mutated the ways contributors break them (a translation deleted, a key renamed, unsafe markup, a
block where a text belongs).
"""
from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bdw_guide.loader import load_guide
from bdw_guide.models import FIELD_NAMES
from bdw_guide.problems import DataError

from conftest import ROOT

DATA_FILES = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "data").rglob("*.yml"))
UNSAFE = ["<script>alert(1)</script>", "<iframe src=x>", "<img src=x onerror=alert(1)>", '<p style="x">',
          "[lien](javascript:alert(1))", "[link](data:text/html,x)", "<!-- hidden -->", "<b>bold</b>",
          "[lien](vbscript:msgbox)", "<svg onload=alert(1)>"]

settings.register_profile("ci", max_examples=60, derandomize=True, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", max_examples=int(os.environ.get("HYPOTHESIS_EXAMPLES", "60")), deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("ci" if os.environ.get("CI") == "true" else os.environ.get("HYPOTHESIS_PROFILE", "dev"))

scalars = st.one_of(st.none(), st.booleans(), st.integers(-5, 3000), st.text(max_size=30),
                    st.sampled_from(["fr", "en", "access", "public", "lines", "grid", "calendar", "", " "]))
keys = st.one_of(st.sampled_from(sorted(FIELD_NAMES) + ["fr", "en"]), st.text(min_size=1, max_size=12))
documents = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                          st.dictionaries(keys, inner, max_size=5)), max_leaves=25)


@pytest.fixture(scope="module")
def root(tmp_path_factory) -> Path:
    copy = tmp_path_factory.mktemp("props")
    shutil.copytree(ROOT / "data", copy / "data")
    return copy


class Swapped:
    """Replace one data file for one example, and put it back."""

    def __init__(self, root: Path, rel: str, content: bytes):
        self.path, self.content = root / rel, content

    def __enter__(self) -> Path:
        self.original = self.path.read_bytes()
        self.path.write_bytes(self.content)
        return self.path

    def __exit__(self, *exc: object) -> None:
        self.path.write_bytes(self.original)


def outcome(root: Path) -> DataError | None:
    """None if the data loads; our DataError if not. Anything else escapes and fails the test."""
    try:
        load_guide(root)
    except DataError as err:
        return err
    return None


@given(rel=st.sampled_from(DATA_FILES), document=documents)
def test_random_documents_get_a_report_never_a_crash(root: Path, rel: str, document: Any):
    with Swapped(root, rel, yaml.safe_dump(document, allow_unicode=True).encode()):
        err = outcome(root)
    if err is not None:
        assert err.problems and all(p.file and p.code for p in err.problems)
        err.report("fr"), err.report("en")  # every problem can be told in both languages


@given(rel=st.sampled_from(DATA_FILES), raw=st.binary(max_size=200) | st.text(max_size=200).map(str.encode))
def test_random_bytes_get_a_report_never_a_crash(root: Path, rel: str, raw: bytes):
    with Swapped(root, rel, raw):
        err = outcome(root)
    assert err is not None, "random bytes were accepted as a data file"
    assert any(p.file == rel for p in err.problems)


# Mutations of real files that the rules forbid ---------------------------------------------------

def leaves(value: Any, path: tuple = ()) -> Iterator[tuple[tuple, Any]]:
    if isinstance(value, dict):
        for key, child in value.items():
            yield from leaves(child, path + (key,))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from leaves(child, path + (index,))
    else:
        yield path, value


def parent_of(data: Any, path: tuple) -> Any:
    for part in path[:-1]:
        data = data[part]
    return data


def real(rel: str) -> Any:
    return yaml.safe_load((ROOT / rel).read_text(encoding="utf-8"))


def texts(rel: str) -> list[tuple]:
    """Paths of every translated text (a string under 'fr' or 'en')."""
    return [p for p, v in leaves(real(rel)) if p and p[-1] in ("fr", "en") and isinstance(v, str)]


def strings(rel: str) -> list[tuple]:
    return [p for p, v in leaves(real(rel)) if isinstance(v, str)]


def mutated(rel: str, change) -> bytes:
    data = real(rel)
    change(data)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode()


def refuses(root: Path, rel: str, content: bytes) -> None:
    with Swapped(root, rel, content):
        err = outcome(root)
    assert err is not None, f"{rel}: a forbidden change was accepted"
    assert any(p.file == rel for p in err.problems), err.report("en")


@given(data=st.data())
def test_a_deleted_translation_is_refused(root: Path, data):
    rel = data.draw(st.sampled_from([r for r in DATA_FILES if texts(r)]))
    path = data.draw(st.sampled_from(texts(rel)))
    refuses(root, rel, mutated(rel, lambda d: parent_of(d, path).pop(path[-1])))


@given(data=st.data(), name=st.text(alphabet="abcdefghijklmnopqrstuvwxyz_", min_size=2, max_size=12))
def test_a_renamed_key_is_refused(root: Path, data, name: str):
    rel = data.draw(st.sampled_from([r for r in DATA_FILES if not r.endswith(("ui.yml", "objectives.yml",
                                                                             "audiences.yml", "glossary.yml"))]))
    path = data.draw(st.sampled_from([p for p, _ in leaves(real(rel)) if p and isinstance(p[-1], str)]))
    if name == path[-1] or (name in FIELD_NAMES | {"fr", "en"}):
        return  # a rename to another real field can be valid; those are covered by the example tests

    def rename(d: Any) -> None:
        holder = parent_of(d, path)
        holder[name] = holder.pop(path[-1])
    refuses(root, rel, mutated(rel, rename))


@given(data=st.data(), snippet=st.sampled_from(UNSAFE), before=st.text(max_size=10))
def test_unsafe_markup_in_any_text_is_refused(root: Path, data, snippet: str, before: str):
    rel = data.draw(st.sampled_from([r for r in DATA_FILES if texts(r)]))
    path = data.draw(st.sampled_from(texts(rel)))
    refuses(root, rel, mutated(rel, lambda d: parent_of(d, path).__setitem__(path[-1], f"{before} {snippet} x")))


@given(data=st.data(), block=st.one_of(st.lists(st.text(max_size=5), max_size=3),
                                       st.dictionaries(st.sampled_from(["fr", "en", "x"]), st.text(max_size=5))))
def test_a_block_where_a_text_belongs_is_refused(root: Path, data, block: Any):
    rel = data.draw(st.sampled_from(DATA_FILES))
    path = data.draw(st.sampled_from(strings(rel)))
    refuses(root, rel, mutated(rel, lambda d: parent_of(d, path).__setitem__(path[-1], block)))


# docs/ pages and their front matter ----------------------------------------------------------------

import subprocess  # noqa: E402
import sys  # noqa: E402

from bdw_guide.loader import Guide  # noqa: E402
from bdw_guide.pages import PAGE_SETTINGS, Theme, check_page  # noqa: E402
from bdw_guide.problems import ProblemLog  # noqa: E402
from bdw_guide.render import MARKER_KINDS  # noqa: E402
from bdw_guide.site_check import check_site  # noqa: E402

PAGES = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "docs").rglob("*.md"))
THEME = Theme.of(ROOT)
GUIDE: list[Guide] = []
PAGE_UNSAFE = UNSAFE + ["[x][1]\n\n[1]: &#106;avascript:alert(1)", "Text.\n{: onclick=\"alert(1)\" }",
                        "![x](https://elsewhere.example/p.png)", "<meta http-equiv=refresh content='0;url=//x'>",
                        "[x](https://ceric.ca \"<img src=x onerror=alert(1)>\")", "<!-- bdw:nothing-here -->",
                        "Text.\n{: #__config }", "<JaVaScRiPt:alert(1)>"]
setting_keys = st.one_of(st.sampled_from(PAGE_SETTINGS), keys)
front_matters = st.dictionaries(setting_keys, documents, max_size=4)
markers = st.builds(lambda kind, arg: f"<!-- bdw:{kind} {arg} -->".replace("  ", " "),
                    st.sampled_from(sorted(MARKER_KINDS) + ["nope"]),
                    st.one_of(st.just(""), st.sampled_from(["public", "access", "1", "9", "question-2", "x"]),
                              st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-", max_size=8)))


def guide() -> Guide:
    if not GUIDE:
        GUIDE.append(load_guide(ROOT))
    return GUIDE[0]


def page_outcome(path: Path) -> list:
    """The page's problems (possibly none); anything but our report escapes and fails the test."""
    log = ProblemLog(path.parent)
    check_page(path, guide(), THEME, log)
    for problem in log.problems:
        assert problem.file and problem.code and problem.line >= 0
        problem.render("fr"), problem.render("en")  # every problem can be told in both languages
    return log.problems


def with_front_matter(front: dict, body: str) -> str:
    return "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False) + "---\n\n" + body


@given(rel=st.sampled_from(PAGES), front=front_matters)
def test_random_front_matter_gets_a_report_never_a_crash(tmp_path_factory, rel: str, front: dict):
    path = tmp_path_factory.mktemp("fm") / "page.md"
    path.write_text(with_front_matter(front, (ROOT / rel).read_text(encoding="utf-8")), encoding="utf-8")
    problems = page_outcome(path)
    if any(key not in PAGE_SETTINGS for key in front):
        assert problems, "a key that is not a page setting was accepted"


@given(rel=st.sampled_from(PAGES), raw=st.binary(max_size=200) | st.text(max_size=300).map(str.encode),
       marker=markers)
def test_random_page_text_and_markers_get_a_report_never_a_crash(tmp_path_factory, rel: str, raw: bytes, marker: str):
    path = tmp_path_factory.mktemp("page") / "page.md"
    path.write_bytes((ROOT / rel).read_bytes() + b"\n\n" + marker.encode() + b"\n\n" + raw)
    page_outcome(path)


@given(data=st.data(), snippet=st.sampled_from(PAGE_UNSAFE), before=st.text(alphabet="abc ,.é", max_size=10))
def test_unsafe_markup_in_any_page_is_refused_at_its_line(tmp_path_factory, data, snippet: str, before: str):
    rel = data.draw(st.sampled_from(PAGES))
    text = (ROOT / rel).read_text(encoding="utf-8")
    blocks = text.split("\n\n")
    at = data.draw(st.integers(1, len(blocks)))
    edited = "\n\n".join(blocks[:at] + [f"{before} {snippet}".strip()] + blocks[at:])
    line = "\n\n".join(blocks[:at]).count("\n") + 3
    path = tmp_path_factory.mktemp("unsafe") / "page.md"
    path.write_text(edited, encoding="utf-8")
    problems = page_outcome(path)
    assert problems, f"{rel}: {snippet!r} was accepted"
    assert any(line <= p.line <= line + snippet.count("\n") for p in problems), (line, problems)


@settings(max_examples=int(os.environ.get("HYPOTHESIS_BUILDS", "4")), derandomize=True, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=st.data(), front=front_matters, snippet=st.one_of(st.none(), st.sampled_from(PAGE_UNSAFE)))
def test_a_mutated_page_builds_cleanly_or_fails_with_the_check_s_lines(tmp_path_factory, data, front, snippet):
    """The strict build and the check agree on every outcome: both pass, or both refuse with the same
    lines; never a traceback."""
    from conftest import copy_repo

    repo = copy_repo(tmp_path_factory.mktemp("build") / "repo")
    rel = data.draw(st.sampled_from(PAGES))
    body = (repo / rel).read_text(encoding="utf-8") + (f"\n\n{snippet}\n" if snippet else "")
    (repo / rel).write_text(with_front_matter(front, body) if front else body, encoding="utf-8")
    expected = sorted(p.render("en") for p in check_site(repo).problems)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "BDW_LANG": "en"}
    built = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(repo / "out")],
                           cwd=repo, env=env, capture_output=True, text=True, timeout=300)
    output = built.stdout + built.stderr
    assert "Traceback" not in output, output[-3000:]
    if expected:
        assert built.returncode != 0 and all(line in output for line in expected), (expected, output[-3000:])
    else:
        assert built.returncode == 0, output[-3000:]
