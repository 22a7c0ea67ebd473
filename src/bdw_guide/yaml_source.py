"""Read one YAML file and remember where each value sits.

ruamel.yaml (YAML 1.2, round-trip) is used rather than PyYAML because PyYAML
turns `NO` into False and silently keeps the last of two duplicate keys; both
would hide a contributor's mistake instead of reporting it with its line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import DuplicateKeyError
from ruamel.yaml.error import MarkedYAMLError

from .problems import ProblemLog

Loc = tuple[str | int, ...]


@dataclass
class YamlSource:
    """A parsed file: plain Python data for validation, and the node tree for line numbers."""

    path: Path
    tree: Any

    @property
    def data(self) -> Any:
        return _plain(self.tree)

    def line(self, loc: Loc) -> int:
        """1-based line of the value at `loc`; the nearest existing parent's line if it is missing."""
        node = self.tree
        line = 1
        for part in loc:
            if isinstance(node, CommentedMap) and part in node:
                line = node.lc.key(part)[0] + 1
                node = node[part]
            elif isinstance(node, CommentedSeq) and isinstance(part, int) and 0 <= part < len(node):
                line = node.lc.item(part)[0] + 1
                node = node[part]
            else:
                break
        return line


def _plain(node: Any) -> Any:
    if isinstance(node, dict):
        return {str(k) if not isinstance(k, (int, float, bool)) else k: _plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_plain(v) for v in node]
    if isinstance(node, str):
        return str(node)
    return node


_DUPLICATE_KEY = re.compile(r'found duplicate key "([^"]*)"')


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
    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    try:
        tree = yaml.load(text)
    except DuplicateKeyError as err:
        match = _DUPLICATE_KEY.search(str(err))
        key = match.group(1) if match else ""
        first = err.context_mark.line + 1 if err.context_mark else 0
        line = err.problem_mark.line + 1 if err.problem_mark else 0
        log.add(path, line, key, f"this key is written twice (see also the mapping that starts on line {first})",
                "keep one of the two lines and delete the other")
        return None
    except MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else 0
        what = (err.problem or err.context or "the YAML cannot be read").strip()
        log.add(path, line, "", f"YAML syntax error: {what}",
                "check the indentation (two spaces per level); text that contains ': ' or starts with *, &, #, ! or a quote "
                "must be in quotes or written as a block after '>-'")
        return None
    if tree is None:
        log.add(path, 1, "", "the file is empty", "restore its content, or delete the file if it is not needed")
        return None
    return YamlSource(path, tree)
