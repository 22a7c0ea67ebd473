"""What a hostile or careless pull request can put in data/ and docs/ gets one line, never a
traceback, a hang or gigabytes of memory.

Four classes: limits of a data file (YAML anchors and aliases, size, depth, invisible
characters), odd files and folders, placeholders of interface texts, and the check that tells
them, in French and in English. (Worksheet imports are in test_browser.py.)
"""

from __future__ import annotations

import os
import shutil
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from bdw_guide import cli
from bdw_guide.limits import INVISIBLE, MAX_DATA_BYTES, MAX_DEPTH
from bdw_guide.loader import load_guide
from bdw_guide.problems import DataError, Problem, ProblemLog
from bdw_guide.yaml_source import read_yaml

ROOT = Path(__file__).resolve().parent.parent
PUBLIC = "data/messages/access/public.yml"
ACTIVITY = "data/activities/op-ed.yml"
WORKSHEET = "data/worksheets/question-2.yml"


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("pristine")
    for part in ("data", "docs"):
        shutil.copytree(ROOT / part, root / part)
    return root


@pytest.fixture
def root(pristine: Path, tmp_path: Path) -> Path:
    for part in ("data", "docs"):
        shutil.copytree(pristine / part, tmp_path / part)
    return tmp_path


def problems(root: Path, with_docs: bool = False) -> list[Problem]:
    with pytest.raises(DataError) as err:
        load_guide(root, docs_dir=root / "docs" if with_docs else None)
    report = err.value.report("fr") + err.value.report("en")
    assert "Traceback" not in report and "Error" not in report, report
    return err.value.problems


def only(root: Path, with_docs: bool = False) -> Problem:
    found = problems(root, with_docs)
    assert len(found) == 1, "\n".join(map(str, found))
    return found[0]


def write(root: Path, rel: str, text: str) -> None:
    (root / rel).write_text(text, encoding="utf-8")


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def timed_read(path: Path) -> tuple[float, int, ProblemLog]:
    """Seconds and peak bytes allocated while reading one data file."""
    log = ProblemLog(path.parent)
    tracemalloc.start()
    start = time.perf_counter()
    read_yaml(path, log)
    elapsed = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return elapsed, peak, log


# -- YAML anchors and aliases ---------------------------------------------------------------------

BILLION_LAUGHS = (
    "\n".join(
        ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
        + [f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 9) + "]" for i in range(19)]
    )
    + "\n"
)

ALIASES: dict[str, tuple[str, str, str, str]] = {
    # name: (file, old text, new text, the text on the reported line)
    "anchor on a text, alias elsewhere": (
        PUBLIC,
        "  en: Worried about your job? Get a career check-up.",
        "  en: &same Worried about your job? Get a career check-up.",
        "&same",
    ),
    "anchor on a mapping": (PUBLIC, "headline:\n", "headline: &head\n", "&head"),
    "anchor on a list": (PUBLIC, "facts:\n", "facts: &facts\n", "&facts"),
    "anchor on a key": (PUBLIC, "objective: access", "&k objective: access", "&k objective"),
    "anchor in flow style": ("data/ui.yml", '  en: "Beyond Decent Work"', '  en: &x "Beyond Decent Work"', "&x"),
    "merge key from an alias": (ACTIVITY, "title:\n", "base: &base\n  fr: x\n  en: y\ntitle:\n  <<: *base\n", "&base"),
    "merge key with an inline mapping": (ACTIVITY, "title:\n", "title:\n  <<: {fr: a, en: b}\n", "<<:"),
    "merge key in a list item": (
        WORKSHEET,
        "  - id: decision-makers",
        "  - <<: {kind: lines}\n    id: decision-makers",
        "<<:",
    ),
}


@pytest.mark.parametrize("name", ALIASES)
def test_anchors_aliases_and_merge_keys_are_refused(root: Path, name: str):
    rel, old, new, at = ALIASES[name]
    text = (root / rel).read_text(encoding="utf-8")
    assert old in text
    edited = text.replace(old, new, 1)
    write(root, rel, edited)
    problem = only(root)
    assert problem.file == rel
    assert problem.code in ("yaml_anchor", "yaml_merge_key")
    assert problem.line == line_of(edited, at)
    assert "write" in problem.render("en").lower() and "écrivez" in problem.render("fr").lower()


def test_a_billion_laughs_file_is_refused_at_once_without_expanding(root: Path):
    assert len(BILLION_LAUGHS.splitlines()) == 20
    path = root / "data/campaign.yml"
    path.write_text(BILLION_LAUGHS, encoding="utf-8")
    elapsed, peak, log = timed_read(path)
    assert [p.code for p in log.problems] == ["yaml_anchor"]
    assert log.problems[0].line == 1
    assert elapsed < 0.5 and peak < 5_000_000, (elapsed, peak)
    start = time.perf_counter()
    assert only(root).code == "yaml_anchor"
    assert time.perf_counter() - start < 5


def test_a_star_at_the_start_of_a_text_still_says_to_use_quotes(root: Path):
    """Markdown emphasis at the start of a text reads as an alias to YAML: it is not an anchor
    problem, and the line says what to do."""
    edit_text = (
        (root / PUBLIC)
        .read_text(encoding="utf-8")
        .replace("  en: Worried about your job? Get a career check-up.", "  en: *Worried* about your job?")
    )
    write(root, PUBLIC, edit_text)
    problem = only(root)
    assert problem.code == "yaml_syntax" and "guillemets" in problem.render("fr")


def test_an_ampersand_inside_a_text_is_fine(root: Path):
    edit_text = (
        (root / PUBLIC)
        .read_text(encoding="utf-8")
        .replace("Get a career check-up.", "Get a career check-up & a plan. *Really*.")
    )
    write(root, PUBLIC, edit_text)
    load_guide(root)


# -- Size and depth -------------------------------------------------------------------------------


def real_depths() -> dict[str, int]:
    depths = {}
    for path in (ROOT / "data").rglob("*.yml"):
        depth = deepest = 0
        for event in yaml.parse(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                deepest = max(deepest, depth)
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
        depths[path.relative_to(ROOT).as_posix()] = deepest
    return depths


def test_limits_are_far_above_every_real_file():
    largest = max(p.stat().st_size for p in (ROOT / "data").rglob("*.yml"))
    assert 10 * largest <= MAX_DATA_BYTES
    assert 2 * max(real_depths().values()) <= MAX_DEPTH


def test_a_file_over_the_size_limit_is_refused_unread(root: Path):
    path = root / ACTIVITY
    original = path.read_bytes()
    path.write_bytes(original + b"# " + b"x" * (MAX_DATA_BYTES - len(original)) + b"\n")
    problem = only(root)
    assert (problem.code, problem.file) == ("file_too_large", ACTIVITY)
    assert f"{MAX_DATA_BYTES // 1024} KB" in problem.render("en") and f"{MAX_DATA_BYTES // 1024} Ko" in problem.render(
        "fr"
    )


def test_a_file_at_the_size_limit_is_read(root: Path):
    path = root / ACTIVITY
    original = path.read_bytes()
    path.write_bytes(original + b"#" * (MAX_DATA_BYTES - len(original) - 1) + b"\n")
    assert path.stat().st_size == MAX_DATA_BYTES
    load_guide(root)


def nested(kind: str, depth: int) -> str:
    if kind == "flow lists":
        return "[" * depth + "x" + "]" * depth
    if kind == "flow maps":
        return "{a: " * depth + "x" + "}" * depth
    if kind == "block lists":
        return "\n" + "".join("  " * i + "- " + ("\n" if i < depth - 1 else "x\n") for i in range(depth))
    return "\n" + "".join("  " * (i + 1) + "a:" + ("\n" if i < depth - 1 else " x\n") for i in range(depth))


@pytest.mark.parametrize("kind", ["flow lists", "flow maps", "block lists", "block maps"])
@pytest.mark.parametrize("depth", [MAX_DEPTH, 50, 100_000])
def test_nesting_deeper_than_any_real_file_is_refused_fast(root: Path, kind: str, depth: int):
    path = root / ACTIVITY
    if kind.startswith("block") and depth > 1000:
        depth = 1000  # block nesting grows as the square of the depth: 1000 levels is half a megabyte
    text = path.read_text(encoding="utf-8") + "tip: " + nested(kind, depth)
    path.write_text(text, encoding="utf-8")
    elapsed, _peak, log = timed_read(path)
    assert elapsed < 0.5, elapsed
    codes = [p.code for p in log.problems]
    if depth + 1 > MAX_DEPTH and path.stat().st_size <= MAX_DATA_BYTES:
        assert codes == ["too_deep"]
        assert log.problems[0].line >= line_of(text, "tip:")
    elif path.stat().st_size > MAX_DATA_BYTES:
        assert codes == ["file_too_large"]
    found = problems(root)
    assert len(found) == 1 and found[0].file == ACTIVITY, "\n".join(map(str, found))


# -- Invisible characters --------------------------------------------------------------------------

REFUSED_CHARS = (
    [chr(c) for c in range(0x202A, 0x202F)]
    + [chr(c) for c in range(0x2066, 0x206A)]
    + [chr(c) for c in range(0x200B, 0x2010)]
    + ["\ufeff", "\u2060", "\u061c"]
)


@pytest.mark.parametrize("char", REFUSED_CHARS, ids=lambda c: f"U+{ord(c):04X}")
def test_invisible_direction_and_zero_width_characters_are_refused(root: Path, char: str):
    text = (root / PUBLIC).read_text(encoding="utf-8")
    edited = text.replace("Get a career check-up.", f"Get a career{char} check-up.", 1)
    write(root, PUBLIC, edited)
    problem = only(root)
    assert (problem.code, problem.file, problem.field) == ("invisible_character", PUBLIC, "headline.en")
    assert problem.line == line_of(edited, "Get a career")
    assert f"U+{ord(char):04X}" in problem.render("fr") and f"U+{ord(char):04X}" in problem.render("en")


def test_every_refused_character_is_in_the_rule():
    assert all(INVISIBLE.fullmatch(c) for c in REFUSED_CHARS)


@pytest.mark.parametrize("where", ["a folded text", "a comment", "a key"])
def test_an_invisible_character_anywhere_in_a_file_is_found(root: Path, where: str):
    text = (root / PUBLIC).read_text(encoding="utf-8")
    old, new, field = {
        "a folded text": ("    L’automatisation", "    L’automa\u200btisation", "message.fr"),
        "a comment": ("# Objective 1", "# Objective\u202e 1", ""),
        "a key": ("\nask:", "\nask\u200d:", "ask\u200d"),
    }[where]
    write(root, PUBLIC, text.replace(old, new, 1))
    found = [p for p in problems(root) if p.code == "invisible_character"]
    assert len(found) == 1 and found[0].field == field, found
    assert found[0].line == line_of(text.replace(old, new, 1), new.strip().split()[0][:8])


def test_french_no_break_spaces_and_a_leading_byte_order_mark_stay_allowed(root: Path):
    text = (root / PUBLIC).read_text(encoding="utf-8")
    text = text.replace("Faites le point sur votre carrière.", "«\u00a0Faites le point\u202f!\u00a0»")
    (root / PUBLIC).write_bytes("\ufeff".encode() + text.encode("utf-8"))
    load_guide(root)


# -- Odd files and folders -------------------------------------------------------------------------


def replace_by_folder(rel: str) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        (root / rel).unlink()
        (root / rel).mkdir()
        (root / rel / "notes.yml").write_text("x: 1\n", encoding="utf-8")

    return apply


def replace_by_file(rel: str) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        shutil.rmtree(root / rel)
        (root / rel).write_text("x: 1\n", encoding="utf-8")

    return apply


def new_folder(rel: str) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        (root / rel).mkdir()
        (root / rel / "copy.yml").write_bytes((ROOT / PUBLIC).read_bytes())

    return apply


def bytes_name(folder: str, name: bytes, content: bytes = b"x: 1\n", is_dir: bool = False) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        path = os.path.join(os.fsencode(root / folder), name)
        if is_dir:
            os.mkdir(path)
            with open(os.path.join(path, b"x.yml"), "wb") as handle:
                handle.write(content)
        else:
            with open(path, "wb") as handle:
                handle.write(content)

    return apply


def link(rel: str, target: str | Callable[[Path], str], replace: bool = False) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        if replace:
            (root / rel).unlink()
        os.symlink(target(root) if callable(target) else target, root / rel)

    return apply


def fifo(rel: str) -> Callable[[Path], None]:
    return lambda root: os.mkfifo(root / rel)


def page_bytes(rel: str, content: bytes) -> Callable[[Path], None]:
    return lambda root: (root / rel).write_bytes(content)


@dataclass(frozen=True)
class Odd:
    apply: Callable[[Path], None]
    file: str  # as the line names it
    code: str


ODD: dict[str, Odd] = {
    "folder named like a data file in data/": Odd(
        new_folder("data/notes.yml"), "data/notes.yml", "folder_named_like_file"
    ),
    "folder named like a message file": Odd(
        new_folder("data/messages/access/extra.yml"), "data/messages/access/extra.yml", "folder_named_like_file"
    ),
    "folder named like an activity (.yaml)": Odd(
        new_folder("data/activities/extra.yaml"), "data/activities/extra.yaml", "folder_named_like_file"
    ),
    "ui.yml replaced by a folder": Odd(replace_by_folder("data/ui.yml"), "data/ui.yml", "folder_named_like_file"),
    "objectives.yml replaced by a folder": Odd(
        replace_by_folder("data/objectives.yml"), "data/objectives.yml", "folder_named_like_file"
    ),
    "a message replaced by a folder": Odd(replace_by_folder(PUBLIC), PUBLIC, "folder_named_like_file"),
    "messages/ replaced by a file": Odd(replace_by_file("data/messages"), "data/messages", "file_where_folder"),
    "activities/ replaced by a file": Odd(replace_by_file("data/activities"), "data/activities", "file_where_folder"),
    "examples/ replaced by a file": Odd(replace_by_file("data/examples"), "data/examples", "file_where_folder"),
    "a folder inside activities/": Odd(new_folder("data/activities/more"), "data/activities/more", "unexpected_folder"),
    "activity name not UTF-8": Odd(
        bytes_name("data/activities", b"caf\xe9.yml"), "data/activities/caf\\xe9.yml", "name_not_utf8"
    ),
    "message folder name not UTF-8": Odd(
        bytes_name("data/messages", b"acc\xe8s", is_dir=True), "data/messages/acc\\xe8s", "name_not_utf8"
    ),
    "data file name in Latin-1 at the top": Odd(
        bytes_name("data", b"\xe9t\xe9.yml"), "data/\\xe9t\\xe9.yml", "name_not_utf8"
    ),
    "name with a direction override": Odd(
        bytes_name("data/activities", "x\u202elmy.yml".encode()), "data/activities/x\\u202elmy.yml", "name_invisible"
    ),
    "link out of the repository in place of ui.yml": Odd(
        link("data/ui.yml", "/etc/hostname", replace=True), "data/ui.yml", "symlink_outside"
    ),
    "link out of the repository as an activity": Odd(
        link("data/activities/host.yml", "/etc/passwd"), "data/activities/host.yml", "symlink_outside"
    ),
    "link to a folder outside": Odd(link("data/messages/etc", "/etc"), "data/messages/etc", "symlink_outside"),
    "dangling link": Odd(
        link("data/worksheets/gone.yml", "/nonexistent/gone.yml"), "data/worksheets/gone.yml", "symlink_outside"
    ),
    "link inside the repository": Odd(
        link("data/activities/copy.yml", "../activities/op-ed.yml"), "data/activities/copy.yml", "symlink_inside"
    ),
    "named pipe as a data file": Odd(
        fifo("data/case-studies/pipe.yml"), "data/case-studies/pipe.yml", "not_regular_file"
    ),
    "data file not UTF-8": Odd(page_bytes(ACTIVITY, "title: caf\xe9\n".encode("latin-1")), ACTIVITY, "not_utf8"),
    # The page trees
    "folder named like a page": Odd(new_folder("docs/fr/extra.md"), "docs/fr/extra.md", "folder_named_like_file"),
    "page name not UTF-8": Odd(bytes_name("docs/en", b"caf\xe9.md", b"# x\n"), "docs/en/caf\\xe9.md", "name_not_utf8"),
    "page linked out of the repository": Odd(
        link("docs/en/passwd.md", "/etc/passwd"), "docs/en/passwd.md", "symlink_outside"
    ),
    "page folder linked out": Odd(link("docs/fr/etc", "/etc"), "docs/fr/etc", "symlink_outside"),
    "page linked to its translation": Odd(
        link("docs/en/conclusion.md", lambda root: str(root / "docs/fr/conclusion.md"), replace=True),
        "docs/en/conclusion.md",
        "symlink_inside",
    ),
    "page not UTF-8": Odd(
        page_bytes("docs/fr/conclusion.md", "# Conclusion caf\xe9\n".encode("latin-1")),
        "docs/fr/conclusion.md",
        "not_utf8",
    ),
    "named pipe as a page": Odd(fifo("docs/fr/pipe.md"), "docs/fr/pipe.md", "not_regular_file"),
}


@pytest.mark.parametrize("name", ODD)
def test_odd_files_and_folders_get_one_line(root: Path, name: str):
    case = ODD[name]
    case.apply(root)
    problem = only(root, with_docs=True)
    assert (problem.file, problem.code) == (case.file, case.code), str(problem)
    for lang in ("fr", "en"):
        assert problem.render(lang).startswith(f"{case.file}")
        assert "/etc/" not in problem.render(lang)  # a link out is named by its own path only


def test_an_unreadable_file_gets_one_line(root: Path, monkeypatch):
    real_open = Path.open

    def refusing_open(self, *args, **kwargs):
        if self.name == "op-ed.yml":
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refusing_open)
    problem = only(root)
    assert (problem.file, problem.code) == (ACTIVITY, "file_unreadable")


@pytest.mark.parametrize(
    "name",
    ["link out of the repository in place of ui.yml", "page linked out of the repository", "page name not UTF-8"],
)
def test_the_strict_build_stops_on_odd_files_before_touching_the_site(name: str, tmp_path: Path):
    from conftest import copy_repo, mkdocs_build

    repo = copy_repo(tmp_path / "repo")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("previous site", encoding="utf-8")
    ODD[name].apply(repo)
    failed = mkdocs_build(repo, site, lang="en")
    output = failed.stdout + failed.stderr
    assert failed.returncode != 0 and "Traceback" not in output, output
    assert f"{ODD[name].file}: (file): " in output
    assert [p.name for p in site.iterdir()] == ["index.html"]


# -- Placeholders of interface texts -----------------------------------------------------------------

UI_CASES: dict[str, tuple[str, str, str, str]] = {
    # name: (old, new, field, code)
    "unknown placeholder": (
        '  en: "Objective {n}"',
        '  en: "Objective {number}"',
        "objective_n.en",
        "ui_placeholder_unknown",
    ),
    "attribute of a placeholder": (
        '  en: "Objective {n}"',
        '  en: "Objective {n.__class__}"',
        "objective_n.en",
        "ui_placeholder_unknown",
    ),
    "numbered placeholder": (
        '  fr: "Objectif {n}"',
        '  fr: "Objectif {0}"',
        "objective_n.fr",
        "ui_placeholder_unknown",
    ),
    "conversion": ('  fr: "Objectif {n}"', '  fr: "Objectif {n!r}"', "objective_n.fr", "ui_placeholder_unknown"),
    "format spec": ('  fr: "Objectif {n}"', '  fr: "Objectif {n:>99999}"', "objective_n.fr", "ui_placeholder_unknown"),
    "lone opening brace": ('  en: "Objective {n}"', '  en: "Objective {n"', "objective_n.en", "ui_brace"),
    "lone closing brace": ('  en: "Objective {n}"', '  en: "Objective n}"', "objective_n.en", "ui_brace"),
    "doubled braces": ('  en: "Objective {n}"', '  en: "Objective {{n}}"', "objective_n.en", "ui_brace"),
    "placeholder in a text that takes none": (
        '  en: "Beyond Decent Work"',
        '  en: "Beyond {n} Work"',
        "site_name.en",
        "ui_placeholder_none",
    ),
    "lone brace in a text that takes none": (
        '  en: "Beyond Decent Work"',
        '  en: "Beyond { Work"',
        "site_name.en",
        "ui_brace_none",
    ),
    "English drops a placeholder": (
        '  en: "Question {n} of {total}"',
        '  en: "Question {n}"',
        "question_of.en",
        "ui_placeholder_missing_en",
    ),
    "French drops a placeholder": (
        '  fr: "Question {n} sur {total}"',
        '  fr: "Question {total}"',
        "question_of.fr",
        "ui_placeholder_missing_fr",
    ),
}


@pytest.mark.parametrize("name", UI_CASES)
def test_a_bad_placeholder_in_a_ui_text_is_one_line(root: Path, name: str):
    old, new, field, code = UI_CASES[name]
    text = (root / "data/ui.yml").read_text(encoding="utf-8")
    assert old in text
    edited = text.replace(old, new, 1)
    write(root, "data/ui.yml", edited)
    problem = only(root)
    assert (problem.file, problem.field, problem.code) == ("data/ui.yml", field, code)
    assert problem.line == line_of(edited, new.strip())
    for lang in ("fr", "en"):
        what, fix = problem.texts(lang)
        assert what and fix


# -- The check, as a contributor runs it -------------------------------------------------------------

CHECK_CASES: dict[str, Callable[[Path], None]] = {
    **{f"odd: {name}": case.apply for name, case in ODD.items()},
    "billion laughs": lambda root: write(root, "data/campaign.yml", BILLION_LAUGHS),
    "anchor": lambda root: write(
        root, ACTIVITY, (root / ACTIVITY).read_text(encoding="utf-8").replace("title:\n", "title: &t\n", 1)
    ),
    "too deep": lambda root: write(
        root, ACTIVITY, (root / ACTIVITY).read_text(encoding="utf-8") + "tip: " + nested("flow maps", 40)
    ),
    "too large": lambda root: write(root, ACTIVITY, "# " + "x" * MAX_DATA_BYTES + "\n"),
    "right-to-left override": lambda root: write(
        root, PUBLIC, (root / PUBLIC).read_text(encoding="utf-8").replace("check-up.", "check-up.\u202e", 1)
    ),
    "unknown placeholder": lambda root: write(
        root, "data/ui.yml", (root / "data/ui.yml").read_text(encoding="utf-8").replace("{total}", "{totl}", 1)
    ),
    "lone brace": lambda root: write(
        root, "data/ui.yml", (root / "data/ui.yml").read_text(encoding="utf-8").replace("{title}", "{title", 1)
    ),
}


@pytest.mark.parametrize("name", CHECK_CASES)
def test_check_prints_one_line_in_each_language(root: Path, name: str, capsys):
    CHECK_CASES[name](root)
    for lang, head in (("fr", "1 problème dans les données du guide\u00a0:"), ("en", "1 problem in the guide's data:")):
        start = time.perf_counter()
        status = cli.main(["check", "--root", str(root), "--lang", lang])
        elapsed = time.perf_counter() - start
        out = capsys.readouterr()
        assert status == 1 and elapsed < 15, (status, elapsed)
        lines = out.err.splitlines()
        assert head in lines, out.err
        problem_lines = [line for line in lines if line.startswith(("data/", "docs/"))]
        assert len(problem_lines) == 1, out.err
        assert "Traceback" not in out.err + out.out


def test_python_m_bdw_guide_check_refuses_a_billion_laughs_at_once(root: Path):
    import subprocess
    import sys

    write(root, "data/campaign.yml", BILLION_LAUGHS)
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "bdw_guide", "check", "--root", str(root), "--lang", "en"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert time.perf_counter() - start < 30  # the unchecked file never finished: 9^20 items
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert (
        "data/campaign.yml:1: (file): YAML anchors and aliases (here '&a') are not used in data files." in done.stderr
    )
