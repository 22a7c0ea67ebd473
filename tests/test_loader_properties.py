"""Property tests: whatever a contributor saves, the loader answers with our report, never a crash,
and a file broken in a way the rules forbid is never accepted.

Random YAML documents (and random text that is not YAML at all) replace real data files; real files
are mutated the ways contributors break them (a translation deleted, a key renamed, unsafe markup, a
block where a text belongs).
"""

from __future__ import annotations

import copy
import functools
import os
import shutil
import time
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
UNSAFE = [
    "<script>alert(1)</script>",
    "<iframe src=x>",
    "<img src=x onerror=alert(1)>",
    '<p style="x">',
    "[lien](javascript:alert(1))",
    "[link](data:text/html,x)",
    "<!-- hidden -->",
    "<b>bold</b>",
    "[lien](vbscript:msgbox)",
    "<svg onload=alert(1)>",
]

# Each example loads the whole guide (about 0.1 s): CI runs a fixed 30 of them per property (the same
# 30 every run), which keeps make test within its 5 minutes; HYPOTHESIS_EXAMPLES=500 searches wider.
settings.register_profile(
    "ci", max_examples=30, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "dev",
    max_examples=int(os.environ.get("HYPOTHESIS_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile("ci" if os.environ.get("CI") == "true" else os.environ.get("HYPOTHESIS_PROFILE", "dev"))

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 3000),
    st.text(max_size=30),
    st.sampled_from(["fr", "en", "access", "public", "lines", "grid", "calendar", "", " "]),
)
keys = st.one_of(st.sampled_from(sorted(FIELD_NAMES) + ["fr", "en"]), st.text(min_size=1, max_size=12))
documents = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(keys, inner, max_size=5)),
    max_leaves=25,
)


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


@functools.cache
def _parsed(rel: str) -> Any:
    return yaml.load((ROOT / rel).read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def real(rel: str) -> Any:
    """A real file's data, a fresh copy each time (examples change it)."""
    return copy.deepcopy(_parsed(rel))


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
    rel = data.draw(
        st.sampled_from(
            [r for r in DATA_FILES if not r.endswith(("ui.yml", "objectives.yml", "audiences.yml", "glossary.yml"))]
        )
    )
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


@given(
    data=st.data(),
    block=st.one_of(
        st.lists(st.text(max_size=5), max_size=3),
        st.dictionaries(st.sampled_from(["fr", "en", "x"]), st.text(max_size=5)),
    ),
)
def test_a_block_where_a_text_belongs_is_refused(root: Path, data, block: Any):
    rel = data.draw(st.sampled_from(DATA_FILES))
    path = data.draw(st.sampled_from(strings(rel)))
    refuses(root, rel, mutated(rel, lambda d: parent_of(d, path).__setitem__(path[-1], block)))


# Hostile files: invisible characters, anchors and aliases, deep nesting, odd files ------------------

from bdw_guide.limits import MAX_DEPTH  # noqa: E402
from bdw_guide.problems import ProblemLog  # noqa: E402
from bdw_guide.yaml_source import read_yaml  # noqa: E402

HOSTILE_EXAMPLES = 25  # each example loads the whole guide: the four hostile properties stay within seconds
INVISIBLES = (
    [chr(c) for c in range(0x202A, 0x202F)]
    + [chr(c) for c in range(0x2066, 0x206A)]
    + [chr(c) for c in range(0x200B, 0x2010)]
    + ["\ufeff", "\u2060", "\u061c"]
)


def read_fast(path: Path) -> list:
    """Problems of one file read on its own, which must take well under a second."""
    log = ProblemLog(path.parent)
    start = time.perf_counter()
    read_yaml(path, log)
    assert time.perf_counter() - start < 1, "a hostile file took a second or more to refuse"
    return log.problems


def codes_for(err: DataError, rel: str) -> set[str]:
    return {p.code for p in err.problems if p.file == rel}


@settings(max_examples=HOSTILE_EXAMPLES)
@given(
    rel=st.sampled_from(DATA_FILES), data=st.data(), chars=st.lists(st.sampled_from(INVISIBLES), min_size=1, max_size=3)
)
def test_invisible_characters_anywhere_are_refused(root: Path, rel: str, data, chars: list[str]):
    text = (ROOT / rel).read_text(encoding="utf-8")
    for char in chars:
        at = data.draw(st.integers(1, len(text)))  # position 0 with U+FEFF is a byte-order mark: allowed
        text = text[:at] + char + text[at:]
    with Swapped(root, rel, text.encode()) as path:
        read_fast(path)
        err = outcome(root)
    assert err is not None, "an invisible character was accepted"
    codes = codes_for(err, rel)
    assert "invisible_character" in codes or "yaml_syntax" in codes, err.report("en")
    err.report("fr"), err.report("en")


def containers(value: Any, path: tuple = ()) -> Iterator[tuple[tuple, Any]]:
    if isinstance(value, (dict, list)):
        if path:
            yield path, value
        for key, child in value.items() if isinstance(value, dict) else enumerate(value):
            yield from containers(child, path + (key,))


@settings(max_examples=HOSTILE_EXAMPLES)
@given(data=st.data(), levels=st.integers(0, 25))
def test_shared_blocks_and_alias_bombs_are_refused_unexpanded(root: Path, data, levels: int):
    """A block written once and repeated by alias (what a YAML dumper makes of a shared object), or
    an alias bomb of up to 25 levels of nine aliases each, put anywhere in a real file."""
    rel = data.draw(st.sampled_from(DATA_FILES))
    doc = real(rel)
    spots = [p for p, _ in leaves(doc) if p] + [p for p, _ in containers(doc)]
    target = data.draw(st.sampled_from(spots))
    if levels:
        bomb: Any = ["lol"] * 9
        for _ in range(levels):
            bomb = [bomb] * 9
        shared = bomb
    else:
        shared = data.draw(st.sampled_from([v for _, v in containers(doc)]))
    parent_of(doc, target)[target[-1]] = shared
    if levels == 0:
        parent_of(doc, target)[target[-1]] = [shared, shared]
    content = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False).encode()
    assert b"&id" in content
    with Swapped(root, rel, content) as path:
        assert "yaml_anchor" in {p.code for p in read_fast(path)}
        err = outcome(root)
    assert err is not None and "yaml_anchor" in codes_for(err, rel)


@settings(max_examples=HOSTILE_EXAMPLES)
@given(
    data=st.data(),
    depth=st.integers(MAX_DEPTH + 1, 400),
    by=st.sampled_from(["lists", "maps", "mixed"]),
    flow=st.booleans(),
)
def test_nesting_deeper_than_any_real_file_is_refused(root: Path, data, depth: int, by: str, flow: bool):
    rel = data.draw(st.sampled_from(DATA_FILES))
    doc = real(rel)
    target = data.draw(st.sampled_from([p for p, _ in leaves(doc) if p] or [()]))
    block: Any = "x"
    for level in range(depth):
        as_list = by == "lists" or (by == "mixed" and level % 2)
        block = [block] if as_list else {"fr": block}
    if target:
        parent_of(doc, target)[target[-1]] = block
    else:
        doc = block
    content = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, default_flow_style=flow, width=10**6).encode()
    with Swapped(root, rel, content) as path:
        assert {p.code for p in read_fast(path)} & {"too_deep", "file_too_large"}
        err = outcome(root)
    assert err is not None and codes_for(err, rel) & {"too_deep", "file_too_large"}


class Replaced:
    """Replace one data file by a folder, a link or a pipe for one example, and put it back."""

    def __init__(self, root: Path, rel: str, kind: str):
        self.path, self.kind = root / rel, kind

    def __enter__(self) -> Path:
        self.original = self.path.read_bytes()
        self.path.unlink()
        if self.kind == "folder":
            self.path.mkdir()
            (self.path / "inside.yml").write_bytes(self.original)
        elif self.kind == "link out":
            os.symlink("/etc/hostname", self.path)
        elif self.kind == "link in":
            os.symlink(self.path.parent / ".." / "campaign.yml", self.path)
        elif self.kind == "dangling link":
            os.symlink(self.path.parent / "nowhere.yml", self.path)
        else:
            os.mkfifo(self.path)
        return self.path

    def __exit__(self, *exc: object) -> None:
        if self.path.is_dir() and not self.path.is_symlink():
            shutil.rmtree(self.path)
        else:
            self.path.unlink()
        self.path.write_bytes(self.original)


@settings(max_examples=HOSTILE_EXAMPLES)
@given(
    rel=st.sampled_from(DATA_FILES), kind=st.sampled_from(["folder", "link out", "link in", "dangling link", "pipe"])
)
def test_a_data_file_replaced_by_an_odd_path_is_one_line(root: Path, rel: str, kind: str):
    with Replaced(root, rel, kind):
        start = time.perf_counter()
        err = outcome(root)
        assert time.perf_counter() - start < 5
    assert err is not None
    assert [p.file for p in err.problems] == [rel], err.report("en")
    assert "/etc" not in err.report("fr") + err.report("en")


# docs/ pages and their front matter ----------------------------------------------------------------

import subprocess  # noqa: E402
import sys  # noqa: E402

from bdw_guide.loader import Guide  # noqa: E402
from bdw_guide.pages import PAGE_SETTINGS, Theme, check_page  # noqa: E402
from bdw_guide.render import MARKER_KINDS  # noqa: E402
from bdw_guide.site_check import check_site  # noqa: E402

PAGES = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "docs").rglob("*.md"))
THEME = Theme.of(ROOT)
GUIDE: list[Guide] = []
PAGE_UNSAFE = UNSAFE + [
    "[x][1]\n\n[1]: &#106;avascript:alert(1)",
    'Text.\n{: onclick="alert(1)" }',
    "![x](https://elsewhere.example/p.png)",
    "<meta http-equiv=refresh content='0;url=//x'>",
    '[x](https://ceric.ca "<img src=x onerror=alert(1)>")',
    "<!-- bdw:nothing-here -->",
    "Text.\n{: #__config }",
    "<JaVaScRiPt:alert(1)>",
]
setting_keys = st.one_of(st.sampled_from(PAGE_SETTINGS), keys)
front_matters = st.dictionaries(setting_keys, documents, max_size=4)
markers = st.builds(
    lambda kind, arg: f"<!-- bdw:{kind} {arg} -->".replace("  ", " "),
    st.sampled_from(sorted(MARKER_KINDS) + ["nope"]),
    st.one_of(
        st.just(""),
        st.sampled_from(["public", "access", "1", "9", "question-2", "x"]),
        st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-", max_size=8),
    ),
)


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


@given(rel=st.sampled_from(PAGES), raw=st.binary(max_size=200) | st.text(max_size=300).map(str.encode), marker=markers)
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


@settings(
    max_examples=int(os.environ.get("HYPOTHESIS_BUILDS", "4")),
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
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
    built = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(repo / "out")],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    output = built.stdout + built.stderr
    assert "Traceback" not in output, output[-3000:]
    if expected:
        assert built.returncode != 0 and all(line in output for line in expected), (expected, output[-3000:])
    else:
        assert built.returncode == 0, output[-3000:]
