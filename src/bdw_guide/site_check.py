"""Everything that must hold before a build may start, checked in one place.

`python -m bdw_guide check` and the build (the hook's `on_config`, before MkDocs touches the output
folder) both call `check_site`, so they refuse the same things with the same lines: the shape of
every data file and the links between files (`loader`), texts in one language only (found once, by
the data validation), pages in one language tree only, the pages every worksheet and case study
needs, and every page's front matter, text and markers (`pages`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .files import docs_problems
from .loader import Guide, load_guide
from .models import LANGUAGES
from .pages import Theme, page_problems
from .problems import DataError, Problem, ProblemLog
from .translation import page_gaps

GAP_CODES = ("translation_missing_", "page_missing_")


@dataclass
class SiteCheck:
    guide: Guide | None  # None when the data cannot be used
    problems: list[Problem]  # every problem, sorted, each once

    @property
    def gaps(self) -> list[Problem]:
        """Texts and pages in one language only (the translation status lists them)."""
        return [p for p in self.problems if p.code.startswith(GAP_CODES)]

    @property
    def others(self) -> list[Problem]:
        return [p for p in self.problems if not p.code.startswith(GAP_CODES)]


def check_site(root: Path, docs_dir: Path | None = None, theme: Theme | None = None) -> SiteCheck:
    docs = docs_dir or root / "docs"
    problems: list[Problem] = []
    try:
        guide: Guide | None = load_guide(root)
    except DataError as err:
        guide, problems = None, list(err.problems)
    odd_pages = docs_problems(root, docs).problems
    if odd_pages:  # a link, a pipe, a name that is not UTF-8: read no page until they are gone
        return SiteCheck(guide if not problems else None, sorted(set(problems + odd_pages)))
    log = ProblemLog(root)
    if guide is not None:
        _generated_pages(guide, docs, log)
    page_problems(root, docs, guide, theme or Theme.of(root), log)
    return SiteCheck(guide, sorted(set(problems + log.problems + page_gaps(root, docs))))


def _generated_pages(guide: Guide, docs_dir: Path, log: ProblemLog) -> None:
    """Every worksheet, case study and activity needs its page in each language tree (a one-line marker
    file); without it, links from the guide would lead nowhere."""
    for entries, folder, code in (
        (guide.worksheets, "worksheets", "worksheet_without_page"),
        (guide.case_studies, "case-studies", "case_study_without_page"),
        (guide.activities, "activities", "activity_without_page"),
    ):
        for entry in entries:
            for lang in LANGUAGES:
                if not (docs_dir / lang / folder / f"{entry.id}.md").is_file():
                    log.add(guide.root / entry.path, 1, "", code, tree=f"{docs_dir.name}/{lang}/{folder}", id=entry.id)
