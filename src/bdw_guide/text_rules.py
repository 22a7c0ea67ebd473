"""What contributed text may hold.

Python-Markdown passes `<script>`, `onerror=` and `javascript:` links straight
through, so raw HTML is refused at validation time with a message that teaches
the Markdown way; rendering still runs the result through nh3 as a second wall.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import markdown
import nh3
from markupsafe import Markup

# (pattern, problem code); the words for each code are in problem_texts.py.
_CHECKS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"<\s*script", re.I), "unsafe_script"),
    (re.compile(r"<\s*iframe", re.I), "unsafe_iframe"),
    (re.compile(r"javascript\s*:", re.I), "unsafe_js_link"),
    (re.compile(r"\bon[a-z]+\s*=", re.I), "unsafe_event"),
    (re.compile(r"\bstyle\s*=", re.I), "unsafe_style"),
    (re.compile(r"</?\s*[a-z][a-z0-9-]*(\s[^>]*)?>|<!--", re.I), "unsafe_html"),
]

_ALLOWED_SCHEMES = {"http", "https", "mailto"}
_LINK_TARGET = re.compile(r"\]\(\s*<?([^)\s>]+)")


def unsafe_text_problem(text: str) -> tuple[str, dict[str, str]] | None:
    """(problem code, its details) for the first unsafe construct in `text`, or None; `found` is
    the offending text, so the report can point at the line that holds it."""
    for pattern, code in _CHECKS:
        match = pattern.search(text)
        if match:
            return code, {"found": match.group(0)}
    for target in _LINK_TARGET.findall(text):
        scheme = target.split(":", 1)[0].lower() if ":" in target else ""
        if scheme and scheme not in _ALLOWED_SCHEMES:
            return "unsafe_scheme", {"scheme": scheme, "found": target}
    return None


def abbreviation_lines(abbreviations: dict[str, str]) -> str:
    """Python-Markdown `abbr` definitions (`*[CERIC]: ...`), appended to a text or page so every
    occurrence of the abbreviation gets its expansion as a tooltip."""
    return "\n".join(f"*[{abbr}]: {expansion}" for abbr, expansion in abbreviations.items())


@dataclass
class MarkdownRenderer:
    """Contributed Markdown to sanitized HTML. One per build: a card's text appears on several
    pages, so each text is converted once per build, and the memo dies with the build.

    `abbreviations` maps a language to its glossary ({"IA": "intelligence artificielle"}).
    """

    abbreviations: dict[str, dict[str, str]] = field(default_factory=dict)
    _md: markdown.Markdown = field(
        default_factory=lambda: markdown.Markdown(extensions=["abbr"], output_format="html"))
    _memo: dict[tuple[str, str], Markup] = field(default_factory=dict)

    def block(self, text: str, lang: str = "") -> Markup:
        if (text, lang) not in self._memo:
            self._md.reset()
            source = text
            if self.abbreviations.get(lang):
                source = f"{text}\n\n{abbreviation_lines(self.abbreviations[lang])}"
            html = nh3.clean(
                self._md.convert(source),
                tags={"p", "em", "strong", "a", "br", "ul", "ol", "li", "code", "abbr"},
                attributes={"a": {"href", "title"}, "abbr": {"title"}},
                url_schemes=_ALLOWED_SCHEMES,
                link_rel="noopener",
            )
            self._memo[(text, lang)] = Markup(html)
        return self._memo[(text, lang)]

    def inline(self, text: str, lang: str = "") -> Markup:
        """For one line shown inside a heading or a sentence: no wrapping paragraph."""
        html = str(self.block(text, lang))
        if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
            html = html[3:-4]
        return Markup(html)


def render_markdown(text: str) -> Markup:
    """One-off conversion (tests, scripts); builds use a MarkdownRenderer."""
    return MarkdownRenderer().block(text)


_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_SPACES = re.compile(r"[ \t\r\n]+")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(\S(?:.*?\S)?)\1")


def plain_text(text: str) -> str:
    """Markdown to the plain text a reader pastes into an email or a post. Runs of ordinary white
    space become one space; no-break spaces (French typography: « », before :) stay."""
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_EMPHASIS.sub(r"\2", text)
    return _SPACES.sub(" ", text).strip(" \t\r\n")
