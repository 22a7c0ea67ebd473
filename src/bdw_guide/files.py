"""The files `data/` and `docs/` are made of: plain files and folders with readable names.

A pull request can hold whatever a file system allows: a folder named like a data file, a data
file replaced by a folder, a name that is not UTF-8, a symbolic link, a named pipe. Each gets one
line naming the path in the repository (never a traceback, and never the content of a file a
link points to), and the loader and the build then leave that path alone.

Symbolic links are refused wherever they point. One that leaves the repository would publish
or read a file of the machine that builds the site; one that stays inside makes one file count
twice (a page that is its own translation, an activity listed twice) and its edit link opens the
link rather than the file. A contributor never needs one: copy the file instead.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from .limits import CONTROL, INVISIBLE, code_point
from .problems import ProblemLog


def is_utf8(name: str) -> bool:
    """False for a name whose bytes are not UTF-8 (Python keeps them as lone surrogates)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def odd_character(name: str) -> str | None:
    """The first invisible or control character of a name, as U+XXXX."""
    odd = INVISIBLE.search(name) or CONTROL.search(name)
    return code_point(odd.group()) if odd else None


def is_plain_file(path: Path) -> bool:
    """A regular file (not a link, folder or pipe) whose name can be shown as written."""
    try:
        mode = path.lstat().st_mode
    except OSError:
        return False
    return stat.S_ISREG(mode) and is_utf8(path.name) and odd_character(path.name) is None


def refuse_link(path: Path, log: ProblemLog) -> None:
    """One line for a symbolic link, named by its own path; where it points is said only when that
    is inside the repository (a path outside could name the build machine's files)."""
    target = Path(os.path.realpath(path))
    root = Path(os.path.realpath(log.root))
    if target == root or root in target.parents:
        log.add(path, 0, "", "symlink_inside", target=log.relative(target))
    else:
        log.add(path, 0, "", "symlink_outside")


@dataclass
class Survey:
    """What a walk over a tree refused; the loader and the checks skip these paths and all below."""

    refused: set[Path] = field(default_factory=set)

    def skips(self, path: Path) -> bool:
        return any(path == bad or bad in path.parents for bad in self.refused)


def survey(
    root: Path,
    top: Path,
    log: ProblemLog,
    file_suffixes: tuple[str, ...],
    check_text: bool = False,
    found: Survey | None = None,
) -> Survey:
    """Walk `top` without following links, log one problem per odd path and return them all.

    `file_suffixes` name files (".yml", ".md"): a folder named so is refused. With `check_text`,
    every file with one of those suffixes must hold UTF-8 text (pages: MkDocs would stop with a
    traceback); data files are read, and checked, by the YAML reader.
    """
    found = found or Survey()

    def visit(path: Path) -> None:
        if not is_utf8(path.name):
            found.refused.add(path)
            log.add(path, 0, "", "name_not_utf8")
            return
        char = odd_character(path.name)
        if char:
            found.refused.add(path)
            log.add(path, 0, "", "name_invisible", char=char)
            return
        try:
            mode = path.lstat().st_mode
        except OSError:
            return  # gone while we looked: nothing to report
        if stat.S_ISLNK(mode):
            found.refused.add(path)
            refuse_link(path, log)
            return
        if stat.S_ISDIR(mode):
            if path != top and path.suffix.lower() in file_suffixes:
                found.refused.add(path)
                log.add(path, 0, "", "folder_named_like_file", suffix=path.suffix)
                return
            try:
                children = sorted(os.scandir(path), key=lambda entry: entry.name)
            except OSError:
                found.refused.add(path)
                log.add(path, 0, "", "folder_unreadable")
                return
            for child in children:
                visit(path / child.name)
            return
        if not stat.S_ISREG(mode):
            found.refused.add(path)
            log.add(path, 0, "", "not_regular_file")
            return
        if check_text and path.suffix.lower() in file_suffixes:
            _check_text(path, log, found)

    if top.exists() or top.is_symlink():
        visit(top)
    return found


def _check_text(path: Path, log: ProblemLog, found: Survey) -> None:
    try:
        raw = path.read_bytes()
    except OSError:
        found.refused.add(path)
        log.add(path, 0, "", "file_unreadable")
        return
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as err:
        found.refused.add(path)
        log.add(path, raw[: err.start].count(b"\n") + 1, "", "not_utf8")


def docs_problems(root: Path, docs_dir: Path) -> ProblemLog:
    """Odd paths in the page trees (`docs/`), found before MkDocs reads any of them."""
    log = ProblemLog(root)
    survey(root, docs_dir, log, (".md",), check_text=True)
    return log
