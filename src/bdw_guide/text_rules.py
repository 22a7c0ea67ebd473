"""What contributed text may hold.

Python-Markdown passes `<script>`, `onerror=` and `javascript:` links straight
through, so raw HTML is refused at validation time with a message that teaches
the Markdown way; rendering still runs the result through nh3 as a second wall.
"""
from __future__ import annotations

import re
from functools import lru_cache

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


@lru_cache(maxsize=512)
def render_markdown(text: str) -> Markup:
    """Render contributed Markdown to sanitized HTML (cached: the same text renders the same)."""
    html = markdown.markdown(text, output_format="html")
    clean = nh3.clean(
        html,
        tags={"p", "em", "strong", "a", "br", "ul", "ol", "li", "code"},
        attributes={"a": {"href", "title"}},
        url_schemes=_ALLOWED_SCHEMES,
        link_rel="noopener",
    )
    return Markup(clean)


def render_inline(text: str) -> Markup:
    """Like render_markdown, for one line shown inside a heading or a sentence."""
    html = str(render_markdown(text))
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return Markup(html)


_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(\S(?:.*?\S)?)\1")


def plain_text(text: str) -> str:
    """Markdown to the plain text a reader pastes into an email or a post."""
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_EMPHASIS.sub(r"\2", text)
    return " ".join(text.split())
