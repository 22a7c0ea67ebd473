"""Limits on what a data file may hold, checked before the file is turned into data.

A contributor never needs YAML anchors and aliases (`&name`, `*name`, merge keys `<<:`), a file
of hundreds of kilobytes, blocks nested deeper than any real file, or invisible characters that
change the direction of text or hide in a word. Each is refused with one line, in well under a
second: the checks read the parser's event stream and stop at the first breach, so an alias
"bomb" (a 20-line file that would expand to gigabytes) is refused before anything is expanded.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass

import yaml

# The largest real data file is under 20 KB; a person never writes a tenth of a megabyte of YAML.
MAX_DATA_BYTES = 512 * 1024
# The deepest real file (a worksheet: fields > field > columns > heading > fr) nests 5 blocks.
MAX_DEPTH = 10

# Characters that change the direction of text or take no room, so what a reviewer sees is not
# what the file says (the "Trojan Source" trick). U+00A0 and U+202F, the no-break spaces of French
# typography, are visible spaces and stay allowed; a byte-order mark (U+FEFF) is allowed as the
# very first character of a file only, where editors write it.
INVISIBLE = re.compile("[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]")
# Control characters, refused in names (the YAML reader already refuses them inside files).
CONTROL = re.compile("[\u0000-\u001f\u007f-\u009f]")


def display_name(text: str) -> str:
    """A path as it can be printed and read: bytes that are not UTF-8 as \\xe9, invisible and
    control characters as \\u202e."""
    text = os.fsencode(text).decode("utf-8", "backslashreplace")
    return INVISIBLE.sub(_escape, CONTROL.sub(_escape, text))


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def code_point(char: str) -> str:
    """A character as a contributor can search for it: U+202E."""
    return f"U+{ord(char):04X}"


def invisible_characters(text: str) -> Iterator[tuple[int, str]]:
    """(1-based line, code point) of the first invisible character on each line that holds one."""
    last_line = 0
    for match in INVISIBLE.finditer(text):
        if match.start() == 0 and match.group() == "\ufeff":
            continue  # a byte-order mark opening the file
        line = text.count("\n", 0, match.start()) + 1
        if line != last_line:
            last_line = line
            yield line, code_point(match.group())


@dataclass(frozen=True)
class Breach:
    """The first construct in a file that its parse events show to be over a limit."""

    code: str  # a problem code of problem_texts.py
    line: int
    details: dict[str, str]


def structure_breach(text: str, loader: type) -> Breach | None:
    """The first anchor, merge key or too-deep block in `text`, from the parser's events (nothing
    is composed or expanded). Raises yaml's own errors for text that is not YAML.

    An alias always comes after its anchor, so refusing anchors refuses aliases too. An alias
    without an anchor is how a text starting with `*` (Markdown emphasis) reads to YAML: it is left
    to the composer, whose "undefined alias" line says to put the text in quotes.
    """
    open_blocks: list[list[bool]] = []  # per open block: [is a mapping, its next node is a key]
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, yaml.CollectionEndEvent):
            open_blocks.pop()
            continue
        if not isinstance(event, yaml.NodeEvent):
            continue
        line = event.start_mark.line + 1 if event.start_mark else 1
        is_key = False
        if open_blocks and open_blocks[-1][0]:
            is_key = open_blocks[-1][1]
            open_blocks[-1][1] = not is_key  # mappings alternate: key, value, key...
        if event.anchor is not None and not isinstance(event, yaml.AliasEvent):
            return Breach("yaml_anchor", line, {"found": f"&{event.anchor}"})
        if is_key and isinstance(event, yaml.ScalarEvent) and event.value == "<<" and not event.style:
            return Breach("yaml_merge_key", line, {})
        if isinstance(event, yaml.CollectionStartEvent):
            open_blocks.append([isinstance(event, yaml.MappingStartEvent), True])
            if len(open_blocks) > MAX_DEPTH:
                return Breach("too_deep", line, {"limit": str(MAX_DEPTH)})
    return None
