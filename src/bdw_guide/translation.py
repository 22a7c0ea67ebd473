"""Translation status: what exists in one language and not the other, and which side is likely stale.

Gaps (a text or page in one language only) make the check and the strict build
fail: readers of the other language would get nothing, or the wrong language.
Staleness is advice: when git shows one side of a text changed after the other,
the older side probably no longer says the same thing, but only a person can tell.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .files import is_plain_file, survey
from .git import run_git
from .models import LANGUAGES
from .problem_texts import REPORT
from .problems import Problem, ProblemLog, report_language
from .yaml_source import Loc, YamlSource, dotted, read_yaml

OTHER = {"fr": "en", "en": "fr"}


@dataclass(frozen=True, order=True)
class StaleText:
    """A text (or page) whose `older` language side changed in git before its counterpart."""

    file: str
    line: int
    field: str
    older: str
    older_time: int
    newer_time: int

    def render(self, lang: str) -> str:
        same_day = time.gmtime(self.older_time)[:3] == time.gmtime(self.newer_time)[:3]

        def day(stamp: int) -> str:  # the hour too when both changed the same day
            return time.strftime("%Y-%m-%d %H:%M UTC" if same_day else "%Y-%m-%d", time.gmtime(stamp))

        where = f"{self.file}:{self.line}" if self.line else self.file
        return REPORT["stale_line"][lang][0].format(
            where=where,
            field=self.field or "(page)",
            older=REPORT[f"language_{self.older}"][lang][0],
            newer=REPORT[f"language_{OTHER[self.older]}"][lang][0],
            older_date=day(self.older_time),
            newer_date=day(self.newer_time),
        )


@dataclass
class TranslationStatus:
    gaps: list[Problem]
    stale: list[StaleText] | None  # None: not measured (no git)

    def report(self, lang: str | None = None) -> str:
        lang = report_language(lang)
        out: list[str] = []
        if self.gaps:
            out.append(REPORT["translation_gaps"][lang][0 if len(self.gaps) == 1 else 1].format(count=len(self.gaps)))
            out += [gap.render(lang) for gap in self.gaps]
        else:
            out.append(REPORT["translation_ok"][lang][0])
        if self.stale is None:
            out.append(REPORT["stale_unmeasured"][lang][0])
        elif self.stale:
            out.append(REPORT["stale_head"][lang][0 if len(self.stale) == 1 else 1].format(count=len(self.stale)))
            out += [text.render(lang) for text in self.stale]
        else:
            out.append(REPORT["stale_none"][lang][0])
        return "\n".join(out)


def translation_status(root: Path, *, gaps: list[Problem] | None = None, with_git: bool = True) -> TranslationStatus:
    """The gaps are found by the site check (a text in one language only by the data validation, a
    page by `page_gaps`); pass them when the check already ran, so nothing is looked for twice."""
    if gaps is None:
        from .site_check import check_site

        gaps = check_site(root).gaps
    stale = _stale(root, _data_sources(root)) if with_git else None
    return TranslationStatus(sorted(gaps), stale)


# Gaps -----------------------------------------------------------------------------------------


def _data_sources(root: Path) -> list[YamlSource]:
    """Every data file that parses; files that do not are reported by the data check itself."""
    scratch = ProblemLog(root)
    odd = survey(root, root / "data", scratch, (".yml", ".yaml"))  # reported by the data check
    found = (
        read_yaml(path, scratch)
        for path in sorted((root / "data").rglob("*.y*ml"))
        if is_plain_file(path) and not odd.skips(path)
    )
    return [source for source in found if source is not None]


def _texts(value: Any, loc: Loc = ()) -> Iterator[tuple[Loc, dict[str, Any]]]:
    """Every mapping that holds a language key: a text meant to exist in both languages."""
    if isinstance(value, dict):
        if any(lang in value for lang in LANGUAGES):
            yield loc, value
            return
        for key, item in value.items():
            yield from _texts(item, loc + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts(item, loc + (index,))


def _present(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def page_gaps(root: Path, docs_dir: Path | None = None) -> list[Problem]:
    """Pages present in one language tree and not the other (same path in docs/fr and docs/en)."""
    docs = docs_dir or root / "docs"
    log = ProblemLog(root)
    # Odd paths (links, folders named x.md, names not UTF-8) are reported by files.py: they count as
    # present, so their counterpart is not also called untranslated, and are never reported here.
    found = {lang: list((docs / lang).rglob("*.md")) for lang in LANGUAGES}
    pages = {lang: {p.relative_to(docs / lang).as_posix() for p in found[lang]} for lang in LANGUAGES}
    plain = {
        lang: {p.relative_to(docs / lang).as_posix() for p in found[lang] if is_plain_file(p)} for lang in LANGUAGES
    }
    for lang in LANGUAGES:
        other = OTHER[lang]
        for page in sorted(plain[other] - pages[lang]):
            log.add(docs / other / page, 0, "", f"page_missing_{lang}", counterpart=log.relative(docs / lang / page))
    return log.problems


# Staleness ------------------------------------------------------------------------------------


def _stale(root: Path, sources: list[YamlSource]) -> list[StaleText] | None:
    if not _is_git(root):
        return None
    found: list[StaleText] = []
    rel = ProblemLog(root).relative
    for source in sources:
        times = _line_times(root, rel(source.path))
        if not times:
            continue
        for loc, text in _texts(source.data):
            if not all(_present(text.get(lang)) for lang in LANGUAGES):
                continue
            changed = {}
            for lang in LANGUAGES:
                first, last = source.span(loc + (lang,))
                changed[lang] = max(times.get(n, 0) for n in range(first, last + 1))
            older = min(LANGUAGES, key=lambda lang: changed[lang])
            if changed[older] < changed[OTHER[older]]:
                found.append(
                    StaleText(
                        rel(source.path),
                        source.line(loc + (older,)),
                        dotted(loc + (older,)),
                        older,
                        changed[older],
                        changed[OTHER[older]],
                    )
                )
    found += _stale_pages(root)
    return sorted(found)


def _stale_pages(root: Path) -> list[StaleText]:
    changed = _page_times(root)
    found = []
    for page, fr_time in changed.get("fr", {}).items():
        en_time = changed.get("en", {}).get(page)
        if en_time is None or en_time == fr_time:
            continue
        older = "fr" if fr_time < en_time else "en"
        found.append(StaleText(f"docs/{older}/{page}", 0, "", older, min(fr_time, en_time), max(fr_time, en_time)))
    return found


def _is_git(root: Path) -> bool:
    result = run_git(root, "rev-parse", "--is-inside-work-tree")
    return result is not None and result.strip() == "true"


def _line_times(root: Path, rel: str) -> dict[int, int]:
    """Commit time of each line of a file (uncommitted lines count as changed now)."""
    out = run_git(root, "blame", "--line-porcelain", "--", rel)
    if out is None:
        return {}
    times: dict[int, int] = {}
    line, stamp = 0, 0
    for row in out.splitlines():
        if row.startswith("\t"):
            times[line] = stamp
        elif row.startswith("committer-time "):
            stamp = int(row.split()[1])
        else:
            parts = row.split()
            if len(parts) >= 3 and len(parts[0]) >= 40 and parts[1].isdigit() and parts[2].isdigit():
                line = int(parts[2])
    return times


def _page_times(root: Path) -> dict[str, dict[str, int]]:
    """Last commit time of each page under docs/<lang>/, from one `git log` walk."""
    out = run_git(root, "log", "--format=@%ct", "--name-only", "--", "docs") or ""
    changed: dict[str, dict[str, int]] = {lang: {} for lang in LANGUAGES}
    stamp = 0
    for row in out.splitlines():
        if row.startswith("@"):
            stamp = int(row[1:])
            continue
        parts = row.split("/", 2)
        if len(parts) == 3 and parts[0] == "docs" and parts[1] in changed and (root / row).is_file():
            changed[parts[1]].setdefault(parts[2], stamp)
    dirty = run_git(root, "status", "--porcelain", "--", "docs") or ""
    now = int(time.time())
    for row in dirty.splitlines():
        parts = row[3:].split("/", 2)
        if len(parts) == 3 and parts[1] in changed:
            changed[parts[1]][parts[2]] = now
    return changed
