"""Problems found in the data, reported one line each.

Contributors edit YAML in GitHub's web editor and read these lines in a failed
check, so each one names the file, the line, the field, what is wrong and how
to fix it, in words that need no knowledge of Python.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one data file."""

    file: str
    line: int
    field: str
    what: str
    fix: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        name = self.field or "(file)"
        return f"{where}: {name}: {_sentence(self.what)} {_sentence(self.fix)}"


def annotation(problem: "Problem") -> str:
    """The problem as a GitHub Actions workflow command, so it shows on the changed file and
    line of a pull request."""
    def escape(text: str, *, prop: bool = False) -> str:
        text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return text.replace(":", "%3A").replace(",", "%2C") if prop else text

    name = problem.field or "(file)"
    props = f"file={escape(problem.file, prop=True)}"
    if problem.line:
        props += f",line={problem.line}"
    props += f",title={escape(name, prop=True)}"
    return f"::error {props}::{escape(_sentence(problem.what) + ' ' + _sentence(problem.fix))}"


def _sentence(text: str) -> str:
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "?", "!")) else text + "."


class DataError(Exception):
    """Raised when the data cannot be used; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the guide's data:"
        return "\n".join([head, *map(str, self.problems)])


@dataclass
class ProblemLog:
    """Collects problems while loading, so one run reports them all."""

    root: Path
    problems: list[Problem] = field(default_factory=list)

    def add(self, path: Path, line: int, field_name: str, what: str, fix: str) -> None:
        self.problems.append(Problem(self.relative(path), line, field_name, what, fix))

    def relative(self, path: Path) -> str:
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()

    def raise_if_any(self) -> None:
        if self.problems:
            raise DataError(self.problems)
