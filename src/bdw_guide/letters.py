"""Letters to decision makers: a message turned into a letter or email a reader can send.

The guide builds every advocacy message on three elements (planning question 3): an appeal to
justice, an appeal to the reader's own interest and a specific ask. A letter file
(`data/letters/<objective>/<audience>.yml`) holds those three for one message, with a subject; the
frame around them (greeting, opening, a local fact, a meeting request, closing, signature) is
interface text in `data/ui.yml` (keys `letter_*`), the same for every letter.

The writer fills in the recipient, their riding or organization, their own name and organization, a
local fact and whether to ask for a meeting; `bdw-kit.js` assembles the letter in the browser as
`letter_text` does here (the page shows `letter_text` with every field blank until the script runs,
and `tests/test_letters_browser.py` checks that both give the same text).
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote

from .posts import figures, message_figures
from .problems import ProblemLog
from .text_rules import plain_text

# What the writer fills in; `sender` and `organization` are kept once for every letter (bdw-kit.js).
FIELDS = ("recipient", "riding", "email", "sender", "organization", "fact", "meeting")
PARTS = ("subject", "justice", "interest", "ask")  # the letter file's own texts
# The frame's texts, in data/ui.yml as letter_<name>; {recipient}, {organization} and {fact} are filled in.
FRAME = ("greeting", "opening", "opening_org", "local", "meeting_text", "thanks", "signoff")
BLANKS = ("recipient", "riding", "sender")  # shown as "[Recipient's name]" while empty
_PLACEHOLDER = re.compile(r"[{}]")


def check_letter(letter, message, log: ProblemLog, path: Path, lines: dict[str, int]) -> None:
    """A letter gives no figure its message lacks, and holds no brace (the frame's placeholders)."""
    for name in PARTS:
        for lang in ("fr", "en"):
            text = getattr(letter, name)[lang]
            line = lines.get(f"{name}.{lang}", 1)
            extra = sorted(figures(text) - message_figures(message, lang))
            if extra:
                log.add(path, line, f"{name}.{lang}", "letter_figure_unknown", figure=", ".join(extra))
            found = _PLACEHOLDER.search(text)
            if found:
                log.add(path, line, f"{name}.{lang}", "letter_placeholder", found=found.group(0))


def letter_parts(letter, ui, lang: str) -> dict[str, str]:
    """Every text a letter is made of in `lang`: its own (plain text) and the frame's."""
    parts = {name: plain_text(getattr(letter, name)[lang]) for name in PARTS}
    parts.update({name: ui[f"letter_{name}"][lang] for name in FRAME})
    parts.update({f"blank_{name}": ui[f"letter_blank_{name}"][lang] for name in BLANKS})
    return parts


def letter_text(parts: dict[str, str], values: dict[str, object] | None = None) -> str:
    """The letter as sent, paragraphs separated by a blank line: the recipient's address block, the
    greeting, the opening (naming the writer's organization if given), the appeals to justice and to
    self-interest, the local fact if given, the ask, the meeting request if wanted, thanks, sign-off and
    signature. An empty name shows its blank ("[Recipient's name]") so the writer sees what is missing."""
    values = values or {}

    def value(name: str) -> str:
        return str(values.get(name) or "").strip()

    def named(name: str) -> str:
        return value(name) or parts[f"blank_{name}"]

    organization, fact = value("organization"), value("fact")
    opening = parts["opening_org"].replace("{organization}", organization) if organization else parts["opening"]
    paragraphs = [
        f"{named('recipient')}\n{named('riding')}",
        parts["greeting"].replace("{recipient}", named("recipient")),
        opening,
        parts["justice"],
        parts["interest"],
    ]
    if fact:
        paragraphs.append(parts["local"].replace("{fact}", fact))
    paragraphs.append(parts["ask"])
    if values.get("meeting", True):
        paragraphs.append(parts["meeting_text"])
    paragraphs += [
        parts["thanks"],
        parts["signoff"] + "\n" + named("sender") + (f"\n{organization}" if organization else ""),
    ]
    return "\n\n".join(paragraphs)


def mailto(address: str, subject: str, body: str) -> str:
    """A mailto: link that opens the letter in the writer's mail app (RFC 6068): subject and body
    percent-encoded as UTF-8, line breaks as CRLF (%0D%0A), the address kept readable."""
    crlf = body.replace("\r\n", "\n").replace("\n", "\r\n")
    link = f"mailto:{quote(address.strip(), safe='@')}?subject={quote(subject, safe='')}"
    return f"{link}&body={quote(crlf, safe='')}" if body else link
