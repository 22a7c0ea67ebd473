"""Read one YAML file and remember the line of every key and list item.

libyaml (C) composes the node tree, which is fast enough to read all data on
every build; our own small constructor then turns nodes into plain data with
YAML 1.2 rules: `NO` or `oui` stay text (PyYAML's default would make `NO`
False) and a key written twice is an error naming both lines (PyYAML would
silently keep the last one).
"""

from __future__ import annotations

import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .files import refuse_link
from .limits import MAX_DATA_BYTES, MAX_DEPTH, invisible_characters, structure_breach
from .problems import ProblemLog

Loc = tuple[str | int, ...]


def dotted(loc: Loc) -> str:
    """A location as a contributor reads it in a report: `message.fr`, `fields[2].id`, `[0].title`."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


try:
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - libyaml missing: same result, slower
    _Loader = yaml.SafeLoader

_INT = re.compile(r"[-+]?[0-9]+")
_NULL = {"", "~", "null", "Null", "NULL"}
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}


@dataclass
class YamlSource:
    """A parsed file: plain Python data, and the 1-based line of each location in it."""

    path: Path
    data: Any
    lines: dict[Loc, int] = field(default_factory=dict)
    ends: dict[Loc, int] = field(default_factory=dict)

    def span(self, loc: Loc) -> tuple[int, int]:
        """First and last line of the value at `loc` (a folded text runs over several lines)."""
        return self.lines[loc], self.ends.get(loc, self.lines[loc])

    def loc_at(self, line: int) -> Loc:
        """The innermost location whose value spans `line` (the field a reported line is in)."""
        best: Loc = ()
        for loc, first in self.lines.items():
            if first <= line <= self.ends.get(loc, first) and len(loc) > len(best):
                best = loc
        return best

    def line(self, loc: Loc) -> int:
        """Line of the value at `loc`; the nearest existing parent's line if it is missing."""
        for end in range(len(loc), 0, -1):
            if loc[:end] in self.lines:
                return self.lines[loc[:end]]
        return 1


class _Duplicate(Exception):
    def __init__(self, key: str, first: int, second: int):
        self.key, self.first, self.second = key, first, second


def _last_line(node: yaml.Node) -> int:
    end = node.end_mark
    return end.line if end.column == 0 else end.line + 1  # a block text ends at the start of the next line


def _construct(node: yaml.Node, loc: Loc, lines: dict[Loc, int], ends: dict[Loc, int] | None = None) -> Any:
    ends = {} if ends is None else ends
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = _construct(key_node, loc, {})
            key = key if isinstance(key, (str, int)) else str(key)
            line = key_node.start_mark.line + 1
            if key in out:
                raise _Duplicate(dotted(loc + (key,)), lines[loc + (key,)], line)
            lines[loc + (key,)] = line
            ends[loc + (key,)] = max(line, _last_line(value_node))
            out[key] = _construct(value_node, loc + (key,), lines, ends)
        return out
    if isinstance(node, yaml.SequenceNode):
        items = []
        for index, item in enumerate(node.value):
            lines[loc + (index,)] = item.start_mark.line + 1
            ends[loc + (index,)] = max(lines[loc + (index,)], _last_line(item))
            items.append(_construct(item, loc + (index,), lines, ends))
        return items
    assert isinstance(node, yaml.ScalarNode)  # YAML has three kinds of node: mapping, sequence, scalar
    value = node.value
    if not node.style:  # plain (unquoted) scalars (style None or "") follow YAML 1.2's core schema
        if value in _NULL:
            return None
        if value in _BOOL:
            return _BOOL[value]
        if _INT.fullmatch(value):
            return int(value)
    return value


def log_control_character(log: ProblemLog, path: Path, text: str, err: yaml.reader.ReaderError) -> None:
    """One line naming the control character YAML refused and the line of `text` it sits on (data
    files and pages' front matter alike)."""
    line = text[: max(err.position, 0)].count("\n") + 1
    char = f"U+{err.character:04X}" if isinstance(err.character, int) else repr(err.character)
    log.add(path, line, "", "control_character", char=char)


def read_yaml(path: Path, log: ProblemLog) -> YamlSource | None:
    """Parse `path`, logging a problem (and returning None) when it cannot be read or breaks a limit
    (see limits.py): what is refused is never composed, let alone expanded."""
    raw = _read_plain_file(path, log)
    if raw is None:
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        log.add(path, line, "", "not_utf8")
        return None
    try:
        breach = structure_breach(text, _Loader)
        if breach is not None:
            log.add(path, breach.line, "", breach.code, **breach.details)
            return None
        node = yaml.compose(text, Loader=_Loader)
    except yaml.reader.ReaderError as err:  # an invisible control character, often pasted from a PDF
        log_control_character(log, path, text, err)
        return None
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else 0
        what = (err.problem or err.context or "the YAML cannot be read").strip()
        if "nesting depth" in what:  # libyaml's own limit, met before our count on very deep flows
            log.add(path, line, "", "too_deep", limit=MAX_DEPTH)
        else:
            log.add(path, line, "", "yaml_syntax", detail=what)
        return None
    except yaml.YAMLError as err:  # any other refusal of the parser, still one line
        log.add(path, 0, "", "yaml_syntax", detail=str(err).strip().splitlines()[0] if str(err).strip() else "?")
        return None
    if node is None:
        log.add(path, 1, "", "empty_file")
        return None
    lines: dict[Loc, int] = {}
    ends: dict[Loc, int] = {}
    try:
        data = _construct(node, (), lines, ends)
    except _Duplicate as dup:
        log.add(path, dup.second, dup.key, "duplicate_key", first=dup.first)
        return None
    source = YamlSource(path, data, lines, ends)
    # Logged, so the data fails, but the file's content is still returned: other files that name
    # its ids are not also reported as wrong.
    for line, char in invisible_characters(text):
        log.add(path, line, dotted(source.loc_at(line)), "invisible_character", char=char)
    return source


def _read_plain_file(path: Path, log: ProblemLog) -> bytes | None:
    """The bytes of a regular file of reasonable size; a link, a folder, a pipe, a file too large
    for a person to have written or one that cannot be read is one line instead."""
    try:
        info = path.lstat()
    except FileNotFoundError:
        log.add(path, 0, "", "file_missing")
        return None
    except OSError:
        log.add(path, 0, "", "file_unreadable")
        return None
    if stat.S_ISLNK(info.st_mode):
        refuse_link(path, log)
        return None
    if stat.S_ISDIR(info.st_mode):
        log.add(path, 0, "", "folder_named_like_file", suffix=path.suffix)
        return None
    if not stat.S_ISREG(info.st_mode):
        log.add(path, 0, "", "not_regular_file")
        return None
    if info.st_size > MAX_DATA_BYTES:
        log.add(path, 0, "", "file_too_large", size=info.st_size // 1024, limit=MAX_DATA_BYTES // 1024)
        return None
    try:
        with path.open("rb") as handle:
            return handle.read()
    except OSError:
        log.add(path, 0, "", "file_unreadable")
        return None
