"""When each page last changed, from the git history of what it is made of.

A page shows "Date modified: YYYY-MM-DD" (Canada.ca's form) and the sitemap gives the same date as
its `lastmod`. The date is the latest commit among the files the page is made of:

- its own Markdown file, always;
- for a page that holds a marker (`<!-- bdw:audience public -->`), the data files that marker
  renders: the messages, activities, worksheets or case studies it shows, and the lists it names
  (objectives, audiences, questions, calendar, glossary, contributors, campaign), see `SOURCES`.

Left out on purpose: `ui.yml` (interface strings: a reworded button would re-date every page of the
site), the glossary as tooltips (appended to every page; only the glossary list itself counts), the
templates, stylesheets and scripts (presentation, not content), and uncommitted changes (the date is
what the history says, so a build is reproducible from a commit).

The history is read once per build with a single `git log` (first parent: a branch merged into main
dates its pages from the merge). Outside a git checkout, or in a shallow clone whose history is cut
short, there is no date at all: never the build day by default.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .git import run_git
from .loader import Guide
from .render import MARKER

# What a page is made of, by marker kind: data files relative to the repository root, given the
# marker's argument and the page's language. Every marker the renderer knows must be listed here (a
# test checks it), so a new kind of generated page cannot silently go undated.
Sources = Callable[[Guide, "str | None", str], list[str]]


def _messages(guide: Guide, objective: str | None = None, audience: str | None = None) -> list[str]:
    """A card is made of its message file and of its post drafts file (data/posts/)."""
    pairs = [
        (o, a)
        for (o, a) in guide.messages
        if (objective is None or o == objective) and (audience is None or a == audience)
    ]
    return [
        path
        for pair in pairs
        for path in (guide.messages[pair].path, getattr(guide.posts.get(pair), "path", ""))
        if path
    ]


def _worksheet_files(guide: Guide, entries) -> list[str]:
    paths = []
    for entry in entries:
        paths.append(entry.path)
        if any(getattr(f, "row_labels_from", None) == "calendar" for f in entry.data.fields):
            paths += ["data/calendar.yml", "data/objectives.yml"]  # its rows are the calendar's weeks
    return paths


SOURCES: dict[str, Sources] = {
    "audience": lambda g, arg, lang: ["data/audiences.yml", "data/objectives.yml", *_messages(g, audience=arg)],
    "objective": lambda g, arg, lang: ["data/objectives.yml", "data/audiences.yml", *_messages(g, objective=arg)],
    "overview": lambda g, arg, lang: ["data/objectives.yml", "data/audiences.yml", *_messages(g)],
    "ways": lambda g, arg, lang: ["data/objectives.yml", "data/audiences.yml"],
    "objective-list": lambda g, arg, lang: ["data/objectives.yml"],
    "contributors": lambda g, arg, lang: ["data/contributors.yml", "data/glossary.yml"],
    "calendar": lambda g, arg, lang: ["data/calendar.yml", "data/objectives.yml"],
    "hashtag": lambda g, arg, lang: ["data/campaign.yml"],
    "glossary": lambda g, arg, lang: ["data/glossary.yml"],
    "question-list": lambda g, arg, lang: ["data/questions.yml"],
    "question": lambda g, arg, lang: ["data/questions.yml"],
    "question-nav": lambda g, arg, lang: ["data/questions.yml"],
    "in-practice": lambda g, arg, lang: [entry.path for entry in g.case_studies],
    "activities": lambda g, arg, lang: [entry.path for entry in g.activities],
    "activity": lambda g, arg, lang: [entry.path for entry in g.activities if entry.id == arg],
    "worksheet-links": lambda g, arg, lang: [entry.path for entry in g.worksheets_for(arg or "")],
    "worksheets": lambda g, arg, lang: _worksheet_files(g, g.worksheets_for(arg or "")),
    "worksheet": lambda g, arg, lang: _worksheet_files(g, [w for w in g.worksheets if w.id == arg]),
    "worksheet-list": lambda g, arg, lang: _worksheet_files(g, g.worksheets),
    "example-message": lambda g, arg, lang: [f"data/examples/message.{lang}.yml"],
    "example-problem": lambda g, arg, lang: [],  # its words come from the code's problem catalogue
    "case-study": lambda g, arg, lang: [entry.path for entry in g.case_studies if entry.id == arg],
    "case-study-list": lambda g, arg, lang: [entry.path for entry in g.case_studies],
    "calendar-file": lambda g, arg, lang: [],  # a download link: the page's text is its own file
    "offline-copy": lambda g, arg, lang: [],  # a download link: the page's text is its own file
    "home-entries": lambda g, arg, lang: ["data/audiences.yml"],  # entries: links, named from the audiences
    "guide-pdf": lambda g, arg, lang: [],  # a download link: the page's text is its own file
    "my-plan": lambda g, arg, lang: _worksheet_files(
        g, [w for w in g.worksheets if w.data.used_on.startswith("question-") or w.data.used_on == "communication-plan"]
    ),
}


def page_sources(guide: Guide, markdown: str, lang: str, page_file: str) -> list[str]:
    """Every file the page is made of (paths relative to the repository root), its own first."""
    paths = [page_file]
    for match in MARKER.finditer(markdown):
        sources = SOURCES.get(match.group(1))
        if sources is not None:  # an unknown marker fails the build elsewhere, with its own message
            paths += sources(guide, match.group(2), lang)
    return list(dict.fromkeys(paths))


@dataclass(frozen=True)
class History:
    """Last commit time of every file under data/ and docs/ (None: no usable history)."""

    changed: dict[str, datetime] | None

    @classmethod
    def read(cls, root: Path, folders: Iterable[str] = ("data", "docs")) -> History:
        state = run_git(root, "rev-parse", "--is-inside-work-tree", "--is-shallow-repository")
        if state is None or state.split() != ["true", "false"]:
            return cls(None)  # not a checkout, or a shallow clone: its oldest commit would claim every file
        out = run_git(
            root,
            "log",
            "--first-parent",
            "--diff-merges=first-parent",
            "--name-only",
            "--relative",
            "--format=%x00%cI",
            "--",
            *folders,
        )
        if out is None:
            return cls(None)
        changed: dict[str, datetime] = {}
        when: datetime | None = None
        for row in out.splitlines():
            if row.startswith("\0"):
                when = datetime.fromisoformat(row[1:])
            elif row and when is not None:
                changed.setdefault(row, when)  # newest first: the first time seen is the last change
        return cls(changed)

    @property
    def known(self) -> bool:
        return self.changed is not None

    def last_change(self, paths: Iterable[str]) -> datetime | None:
        """The latest commit among `paths` (files never committed are not counted)."""
        if self.changed is None:
            return None
        times = [self.changed[p] for p in paths if p in self.changed]
        return max(times) if times else None

    def fingerprint(self) -> str:
        """A stable text of every file's date, for caches keyed by content."""
        if self.changed is None:
            return "no-history"
        return "\n".join(f"{path}\t{when.isoformat()}" for path, when in sorted(self.changed.items()))


def day(when: datetime | None) -> str | None:
    """YYYY-MM-DD, the day in the committer's own time zone (what `git log` shows)."""
    return when.date().isoformat() if when else None
