"""The pages in `docs/` as contributed text: their front matter, their body and their markers.

A page is read the way MkDocs reads it (the same front-matter rules), then held to the same rule as
every data text (`text_rules`), and each problem is one line with the page, the line and, for front
matter, the key. `safe_meta` is the build's side of the same rules: whatever a page's front matter
says, only the settings below reach the theme, and their texts arrive escaped (the theme prints
them as HTML).
"""

from __future__ import annotations

import difflib
import html
import importlib.util
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .loader import Guide
from .problems import ProblemLog
from .render import MARKER, marker_problem
from .text_rules import locate, text_problems
from .yaml_source import log_control_character

# Page settings (front matter keys) and what each does; CONTRIBUTING.md lists the same.
TEXT_SETTINGS = ("title", "description", "subtitle")  # the page's title, its summary for search engines,
#                                                      a line under its title in the navigation
PAGE_SETTINGS = (*TEXT_SETTINGS, "icon", "hide", "template")
HIDE_CHOICES = ("navigation", "toc", "footer")
_ICON = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*(?:/[a-z0-9]+(?:-[a-z0-9]+)*)+")
_STR = "tag:yaml.org,2002:str"

# As MkDocs reads front matter (mkdocs/utils/meta.py): a YAML block between '---' lines, or else
# MultiMarkdown-style 'key: value' lines at the very top of the page.
_YAML_FRONT = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
_META_LINE = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")

try:
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader


@dataclass(frozen=True)
class Theme:
    """Where page templates and icons can come from: the site's own `overrides/` first, then the
    theme's folders (MkDocs gives the build its list; `check` finds Material without importing it)."""

    custom_dir: Path | None
    dirs: tuple[Path, ...] = ()
    _icons: dict[str, bool] = field(default_factory=dict, compare=False)

    @classmethod
    def of(cls, root: Path) -> Theme:
        dirs = [root / "overrides"]
        spec = importlib.util.find_spec("material")
        if spec and spec.submodule_search_locations:
            dirs.append(Path(next(iter(spec.submodule_search_locations))) / "templates")
        return cls(root / "overrides", tuple(dirs))

    def templates(self) -> list[str]:
        """Templates a page may name: the site's own page templates in `overrides/`."""
        if self.custom_dir is None or not self.custom_dir.is_dir():
            return []
        return sorted(p.name for p in self.custom_dir.glob("*.html") if p.is_file())

    def has_icon(self, name: str) -> bool:
        if name not in self._icons:
            self._icons[name] = bool(_ICON.fullmatch(name)) and any(
                (d / ".icons" / f"{name}.svg").is_file() for d in self.dirs
            )
        return self._icons[name]


@dataclass
class PageText:
    """A page split as MkDocs splits it: its front matter (if any) and its body."""

    text: str
    front: str | None  # the YAML between the '---' lines
    meta_line: str | None  # a first line MkDocs would take as a MultiMarkdown setting
    body: str
    body_line: int  # line of the page where the body starts

    @classmethod
    def split(cls, text: str) -> PageText:
        match = _YAML_FRONT.match(text)
        if match:
            rest = text[match.end() :]
            start = match.end() + len(rest) - len(rest.lstrip("\n"))
            return cls(text, match.group(1), None, text[start:], text[:start].count("\n") + 1)
        first = text.split("\n", 1)[0]
        return cls(text, None, first if first.strip() and _META_LINE.match(first) else None, text, 1)


def page_problems(root: Path, docs_dir: Path, guide: Guide | None, theme: Theme, log: ProblemLog) -> None:
    """Every problem of every page under `docs_dir`, logged one line each."""
    for path in sorted(docs_dir.rglob("*.md")):
        if path.is_file():
            check_page(path, guide, theme, log)


def check_page(path: Path, guide: Guide | None, theme: Theme, log: ProblemLog) -> None:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        log.add(path, raw[: err.start].count(b"\n") + 1, "", "not_utf8")
        return
    page = PageText.split(text.replace("\r\n", "\n").replace("\r", "\n"))
    if page.front is not None:
        _check_front_matter(path, page.front, theme, log)
    elif page.meta_line is not None:
        name = _META_LINE.match(page.meta_line).group("key")  # type: ignore[union-attr]  # meta_line is set only when the pattern matched
        log.add(path, 1, name.lower(), "front_matter_meta_lines", name=name)
    _check_body(path, page, guide, log)


def _check_body(path: Path, page: PageText, guide: Guide | None, log: ProblemLog) -> None:
    lines = page.body.split("\n")
    reported: set[int] = set()
    for match in MARKER.finditer(page.body):
        line = page.body_line + page.body.count("\n", 0, match.start())
        problem = marker_problem(guide, match.group(1), match.group(2))
        if problem:
            log.add(path, line, "", problem[0], **problem[1])
            reported.add(line)
    for breach in text_problems(page.body, markers=True):
        index = locate(lines, breach.found)
        line = page.body_line + (index or 0)
        if line not in reported:  # one line per problem, the worst first
            reported.add(line)
            log.add(path, line, "", breach.code, **breach.details)


def _check_front_matter(path: Path, front: str, theme: Theme, log: ProblemLog) -> None:
    """Composed, never constructed: node tags say what MkDocs will see (PyYAML's YAML 1.1: `NO` is
    false, 2024 a number), and a chain of aliases is never expanded."""
    padded = "\n" + front  # the block starts on the page's second line
    try:
        node = yaml.compose(padded, Loader=_Loader)
    except yaml.reader.ReaderError as err:
        log_control_character(log, path, padded, err)
        return
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        last = padded.count("\n")  # an unclosed bracket is found at the closing '---': point inside
        log.add(
            path,
            min(mark.line + 1, last) if mark else 1,
            "",
            "front_matter_yaml",
            detail=(err.problem or err.context or "").strip(),
        )
        return
    except yaml.YAMLError as err:
        log.add(path, 1, "", "front_matter_yaml", detail=str(err).splitlines()[0])
        return
    if not isinstance(node, yaml.MappingNode):
        log.add(path, 2, "", "front_matter_not_mapping")
        return
    for event in yaml.parse(padded, Loader=_Loader):  # page settings never need anchors (&) or aliases (*)
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            log.add(path, event.start_mark.line + 1 if event.start_mark else 1, "", "front_matter_alias")
            return
    seen: dict[str, int] = {}
    for key_node, value_node in node.value:
        line = key_node.start_mark.line + 1
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else ""
        if key in seen:
            log.add(path, line, key, "duplicate_key", first=seen[key])
            continue
        seen[key] = line
        _check_setting(path, line, str(key), value_node, theme, log)


def _check_setting(path: Path, line: int, key: str, node: yaml.Node, theme: Theme, log: ProblemLog) -> None:
    if key not in PAGE_SETTINGS:
        close = difflib.get_close_matches(key.lower(), PAGE_SETTINGS, n=1)
        if close:
            log.add(path, line, key, "front_matter_unknown_close", name=key, close=close[0])
        else:
            log.add(path, line, key, "front_matter_unknown", name=key, choices=", ".join(PAGE_SETTINGS))
        return
    if key == "hide":
        items = node.value if isinstance(node, yaml.SequenceNode) else None
        if not items or any(
            not (isinstance(i, yaml.ScalarNode) and i.tag == _STR and i.value in HIDE_CHOICES) for i in items
        ):
            log.add(path, line, key, "front_matter_hide", choices=", ".join(HIDE_CHOICES))
        return
    if not (isinstance(node, yaml.ScalarNode) and node.tag == _STR and node.value.strip()):
        log.add(path, line, key, "front_matter_not_text", name=key)
        return
    value = node.value.strip()
    if key == "template" and value not in theme.templates():
        log.add(path, line, key, "front_matter_template", value=value, choices=", ".join(theme.templates()))
    elif key == "icon" and not theme.has_icon(value):
        log.add(path, line, key, "front_matter_icon", value=value)
    elif key in TEXT_SETTINGS:
        breaches = text_problems(value)
        if breaches:
            code, details, found = breaches[0]
            lines = path.read_text(encoding="utf-8-sig").splitlines()[line - 1 : node.end_mark.line + 1]
            log.add(path, line + (locate(lines, found) or 0), key, code, **details)


# The build's side ------------------------------------------------------------------------------


def safe_meta(meta: dict[str, Any], theme: Theme) -> dict[str, Any]:
    """The front matter the theme gets: only the page settings, with valid values, and texts
    escaped (the theme prints `page.meta.title` and the others as HTML). Used by the build whatever
    the check said, so a page that skipped it still cannot reach the theme with anything else."""
    out: dict[str, Any] = {}
    for key, value in meta.items():
        if key in TEXT_SETTINGS and isinstance(value, str) and value.strip():
            out[key] = html.escape(value.strip())
        elif key == "hide" and isinstance(value, list):
            out[key] = [item for item in value if item in HIDE_CHOICES]
        elif (key == "template" and isinstance(value, str) and value in theme.templates()) or (
            key == "icon" and isinstance(value, str) and theme.has_icon(value)
        ):
            out[key] = value
    return out


_TAG = re.compile(r"<[^>]*>")


def safe_title(title: str) -> str:
    """A title as the theme prints it (an HTML fragment), reduced to escaped text: MkDocs takes a
    page's title from its first heading with the tags stripped but the entities kept."""
    return html.escape(html.unescape(_TAG.sub("", title)), quote=True)
