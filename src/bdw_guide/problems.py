"""Problems found in the data, reported one line each.

Contributors edit YAML in GitHub's web editor and read these lines in a failed
check, so each one names the file, the line, the field, what is wrong and how
to fix it, in words that need no knowledge of Python.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from .limits import display_name
from .problem_texts import CATALOGUE, REPORT, YAML_DETAILS_FR

LANGS = ("fr", "en")


def report_language(lang: str | None = None) -> str:
    """The contributor's language: given (--lang), else BDW_LANG, else French (the guide's own language)."""
    lang = lang or os.environ.get("BDW_LANG", "fr")
    return lang if lang in LANGS else "fr"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one data file, kept as a code and its details so it can be told in either language."""

    file: str
    line: int
    field: str
    code: str
    args: tuple[tuple[str, str], ...] = ()

    def texts(self, lang: str = "en") -> tuple[str, str]:
        """(what is wrong, how to fix it) in `lang`."""
        what, fix = CATALOGUE[self.code][lang]
        values = dict(self.args)
        if lang == "fr" and "detail" in values:
            values["detail"] = YAML_DETAILS_FR.get(values["detail"], values["detail"])
        return what.format(**values), fix.format(**values)

    @property
    def what(self) -> str:
        return self.texts("en")[0]

    @property
    def fix(self) -> str:
        return self.texts("en")[1]

    def field_name(self, lang: str) -> str:
        """The field, or "(file)" when the problem is with the whole file."""
        return self.field or REPORT["whole_file"][lang][0]

    def render(self, lang: str = "en") -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        name = self.field_name(lang)
        what, fix = self.texts(lang)
        return f"{where}: {name}: {_sentence(what)} {_sentence(fix)}"

    def __str__(self) -> str:
        return self.render("en")


def annotation(problem: Problem, lang: str = "en") -> str:
    """The problem as a GitHub Actions workflow command, so it shows on the changed file and
    line of a pull request."""

    def escape(text: str, *, prop: bool = False) -> str:
        text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return text.replace(":", "%3A").replace(",", "%2C") if prop else text

    name = problem.field_name(lang)
    what, fix = problem.texts(lang)
    props = f"file={escape(problem.file, prop=True)}"
    if problem.line:
        props += f",line={problem.line}"
    props += f",title={escape(name, prop=True)}"
    return f"::error {props}::{escape(_sentence(what) + ' ' + _sentence(fix))}"


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

    def report(self, lang: str | None = None) -> str:
        lang = report_language(lang)
        count = len(self.problems)
        head = REPORT["head"][lang][0 if count == 1 else 1].format(count=count)
        return "\n".join([head, *(p.render(lang) for p in self.problems)])


@dataclass
class ProblemLog:
    """Collects problems while loading, so one run reports them all."""

    root: Path
    problems: list[Problem] = field(default_factory=list)

    def add(self, path: Path, line: int, field_name: str, code: str, **args: object) -> None:
        if code not in CATALOGUE:
            raise KeyError(f"no text for problem code {code!r} in problem_texts.py")
        self.problems.append(
            Problem(self.relative(path), line, field_name, code, tuple(sorted((k, str(v)) for k, v in args.items())))
        )

    def relative(self, path: Path) -> str:
        """`path` as named in the repository, printable whatever its name holds. A symbolic link
        is named by its own path, not by where it points (its last part is never resolved)."""
        path = Path(path)
        absolute = Path(os.path.abspath(path))
        tries = (
            (absolute, Path(os.path.abspath(self.root))),
            (Path(os.path.realpath(absolute.parent)) / absolute.name, Path(os.path.realpath(self.root))),
        )
        for full, base in tries:
            try:
                return display_name(full.relative_to(base).as_posix())
            except ValueError:
                continue
        return display_name(path.as_posix())

    def raise_if_any(self) -> None:
        if self.problems:
            raise DataError(self.problems)
