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

_CHECKS: list[tuple[re.Pattern[str], str, str]] = [
    (re.compile(r"<\s*script", re.I), "it contains a <script> tag, which is not allowed",
     "remove the tag; messages are plain text with Markdown (*emphasis*, **bold**, [text](https://...))"),
    (re.compile(r"<\s*iframe", re.I), "it contains an <iframe> tag, which is not allowed",
     "remove the tag; to point to a video or page, write a Markdown link [text](https://...)"),
    (re.compile(r"javascript\s*:", re.I), "it contains a javascript: link, which is not allowed",
     "use an ordinary https:// address in the link, or remove the link"),
    (re.compile(r"\bon[a-z]+\s*=", re.I), "it contains an HTML event attribute (such as onclick= or onerror=), which is not allowed",
     "remove the attribute; text cannot run code"),
    (re.compile(r"\bstyle\s*=", re.I), "it contains a style= attribute, which is not allowed",
     "remove it; the site's look comes from its stylesheet. Use *emphasis* or **bold** instead"),
    (re.compile(r"</?\s*[a-z][a-z0-9-]*(\s[^>]*)?>|<!--", re.I), "it contains raw HTML, which is not allowed",
     "write Markdown instead: *emphasis*, **bold**, [link text](https://...)"),
]

_ALLOWED_SCHEMES = {"http", "https", "mailto"}
_LINK_TARGET = re.compile(r"\]\(\s*<?([^)\s>]+)")


def unsafe_text_problem(text: str) -> tuple[str, str] | None:
    """(what is wrong, how to fix it) for the first unsafe construct in `text`, or None."""
    for pattern, what, fix in _CHECKS:
        if pattern.search(text):
            return what, fix
    for target in _LINK_TARGET.findall(text):
        scheme = target.split(":", 1)[0].lower() if ":" in target else ""
        if scheme and scheme not in _ALLOWED_SCHEMES:
            return (f"it links to a '{scheme}:' address, which is not allowed",
                    "use an https:// or mailto: address")
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
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(\S(?:.*?\S)?)\1")


def plain_text(text: str) -> str:
    """Markdown to the plain text a reader pastes into an email or a post."""
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_EMPHASIS.sub(r"\2", text)
    return " ".join(text.split())
