"""Read one YAML file and remember the line of every key and list item.

libyaml (C) composes the node tree, which is fast enough to read all data on
every build; our own small constructor then turns nodes into plain data with
YAML 1.2 rules: `NO` or `oui` stay text (PyYAML's default would make `NO`
False) and a key written twice is an error naming both lines (PyYAML would
silently keep the last one).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import ProblemLog

Loc = tuple[str | int, ...]

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

    def line(self, loc: Loc) -> int:
        """Line of the value at `loc`; the nearest existing parent's line if it is missing."""
        for end in range(len(loc), 0, -1):
            if loc[:end] in self.lines:
                return self.lines[loc[:end]]
        return 1


class _Duplicate(Exception):
    def __init__(self, key: str, first: int, second: int):
        self.key, self.first, self.second = key, first, second


def _construct(node: yaml.Node, loc: Loc, lines: dict[Loc, int]) -> Any:
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = _construct(key_node, loc, {})
            key = key if isinstance(key, (str, int)) else str(key)
            line = key_node.start_mark.line + 1
            if key in out:
                raise _Duplicate(str(key), lines[loc + (key,)], line)
            lines[loc + (key,)] = line
            out[key] = _construct(value_node, loc + (key,), lines)
        return out
    if isinstance(node, yaml.SequenceNode):
        items = []
        for index, item in enumerate(node.value):
            lines[loc + (index,)] = item.start_mark.line + 1
            items.append(_construct(item, loc + (index,), lines))
        return items
    value = node.value
    if not node.style:  # plain (unquoted) scalars (style None or "") follow YAML 1.2's core schema
        if value in _NULL:
            return None
        if value in _BOOL:
            return _BOOL[value]
        if _INT.fullmatch(value):
            return int(value)
    return value


def read_yaml(path: Path, log: ProblemLog) -> YamlSource | None:
    """Parse `path`, logging a problem (and returning None) when it cannot be read."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        log.add(path, line, "", "the file is not saved as UTF-8 text",
                "save it again as UTF-8 (GitHub's web editor always does), and check accented letters on this line")
        return None
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else 0
        what = (err.problem or err.context or "the YAML cannot be read").strip()
        log.add(path, line, "", f"YAML syntax error: {what}",
                "check the indentation (two spaces per level); text that contains ': ' or starts with *, &, #, ! or a quote "
                "must be in quotes or written as a block after '>-'")
        return None
    if node is None:
        log.add(path, 1, "", "the file is empty", "restore its content, or delete the file if it is not needed")
        return None
    lines: dict[Loc, int] = {}
    try:
        data = _construct(node, (), lines)
    except _Duplicate as dup:
        log.add(path, dup.second, dup.key, f"this key is written twice (first on line {dup.first})",
                "keep one of the two lines and delete the other")
        return None
    return YamlSource(path, data, lines)
