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
