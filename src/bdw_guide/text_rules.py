"""What contributed text may hold, and the one way it becomes HTML.

One rule for every text a contributor writes (data of every kind, `data/ui.yml`, the bodies and
front matter of `docs/` pages): Markdown, no raw HTML except the site's own `<!-- bdw:... -->`
markers, attribute lists (`{: ... }`) that set only `id` and `class`, links to `https:`, `http:`,
`mailto:`, `tel:` or relative addresses, images from the site itself.

The rule is checked by parsing, not by pattern-matching the source: the text is converted with the
site's own Markdown extensions, the raw HTML Python-Markdown set aside is looked at, and the
resulting HTML is walked element by element. Every form of link (inline, reference-style,
autolink, image, an `href` from an attribute list) ends up as the same attribute, decoded the way
a browser decodes it, so `&#106;avascript:`, `JaVaScRiPt:` or a reference definition are caught
like a plain `javascript:` link.

The check teaches; it is not the wall. Every text still goes through `sanitize` (nh3, with the
same URL-scheme allowlist) on its way to a page, so a build whose check was skipped is still safe.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import NamedTuple

import markdown
import nh3
from markdown.extensions import Extension
from markupsafe import Markup

# The Markdown extensions of mkdocs.yml (a test keeps the two lists equal): contributed text is
# checked exactly as the site converts it.
MARKDOWN_EXTENSIONS = ["attr_list", "admonition", "toc", "tables", "abbr", "pymdownx.superfences"]
# Texts from data/ become fragments of a page: no table-of-contents ids of their own.
FRAGMENT_EXTENSIONS = [name for name in MARKDOWN_EXTENSIONS if name != "toc"]

LINK_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
MARKER = re.compile(r"^<!--\s*bdw:([a-z-]+)(?:\s+([a-z0-9-]+))?\s*-->[ \t]*$", re.M)

# What Markdown itself writes, tag by tag; anything else came from an attribute list.
_MARKDOWN_ATTRIBUTES: dict[str, frozenset[str]] = {
    "a": frozenset({"href", "title"}),
    "img": frozenset({"src", "alt", "title"}),
    "abbr": frozenset({"title"}),
    "th": frozenset({"style", "align"}),
    "td": frozenset({"style", "align"}),
    "ol": frozenset({"start"}),
}
_ANY_ELEMENT = frozenset({"id", "class"})
_TABLE_ALIGN = re.compile(r"text-align:\s*(left|right|center);?")
_SCHEME = re.compile(r"([a-z][a-z0-9+.\-]*):")
_TAG_IN_TEXT = re.compile(r"<[a-zA-Z/!?]")
_NOT_IN_URL = re.compile(r"[\x00-\x20\x7f]")  # browsers drop tabs and newlines anywhere, spaces at the ends


class Breach(NamedTuple):
    """One break of the rule: a problem code (its words are in problem_texts.py), its details, and
    `found`, the text to look for in the source to point at the right line."""

    code: str
    details: dict[str, str]
    found: str


# Conversion -----------------------------------------------------------------------------------


class _RawHtml(Extension):
    """Records the raw HTML Python-Markdown sets aside (blocks and inline tags), leaving what its
    own extensions stash (highlighted code) alone: only raw HTML is a contributor's."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.bdw_raw = []  # type: ignore[attr-defined]  # our own attribute on the Markdown instance
        block = md.preprocessors["html_block"]
        run = block.run

        def run_block(lines: list[str]) -> list[str]:
            before = len(md.htmlStash.rawHtmlBlocks)
            out = run(lines)
            md.bdw_raw.extend(("block", str(item)) for item in md.htmlStash.rawHtmlBlocks[before:])  # type: ignore[attr-defined]  # our own attribute on the Markdown instance
            return out

        block.run = run_block  # type: ignore[method-assign]  # wrap the processor to record raw HTML
        inline = md.inlinePatterns["html"]
        match = inline.handleMatch

        def handle_inline(m: re.Match[str], data: str):
            md.bdw_raw.append(("inline", m.group(1)))  # type: ignore[attr-defined]  # our own attribute on the Markdown instance
            return match(m, data)  # type: ignore[call-arg]  # the wrapped handleMatch takes (match, data)

        inline.handleMatch = handle_inline  # type: ignore[method-assign,assignment]  # wrap Python-Markdown's pattern to see each match

    def reset(self) -> None:
        pass


def _markdown(extensions: list[str], record: bool = False) -> markdown.Markdown:
    extra: list = [_RawHtml()] if record else []
    md = markdown.Markdown(extensions=[*extensions, *extra], output_format="html")
    if record:
        # Raw HTML stays a placeholder in the output: the walk then sees only what Markdown wrote.
        md.postprocessors.deregister("raw_html")
    return md


# Sanitizing (the wall) ------------------------------------------------------------------------

_TAGS = {
    "a",
    "abbr",
    "blockquote",
    "br",
    "code",
    "div",
    "em",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "img",
    "li",
    "ol",
    "p",
    "pre",
    "span",
    "strong",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "ul",
}
_ATTRIBUTES = {"*": set(_ANY_ELEMENT), **{tag: set(names) for tag, names in _MARKDOWN_ATTRIBUTES.items()}}


def _keep_attribute(tag: str, name: str, value: str) -> str | None:
    if name == "id" and value.startswith("__"):
        return None  # the theme's own ids (__config, __search...): a copy in the content would hijack them
    if tag == "img" and name == "src" and not site_image(value):
        return None
    return value


def sanitize(fragment: str) -> str:
    """HTML from contributed Markdown, reduced to what Markdown writes: no script, no event, no
    style beyond a table column's alignment, links only to allowed schemes, images only from the site,
    titles that stay text in the theme's tooltips."""
    return tooltip_safe(
        nh3.clean(
            fragment,
            tags=_TAGS,
            attributes=_ATTRIBUTES,
            attribute_filter=_keep_attribute,
            url_schemes=set(LINK_SCHEMES),
            link_rel=None,
            filter_style_properties={"text-align"},
        )
    )


# Checking (the teacher) -----------------------------------------------------------------------


def link_scheme(url: str) -> str:
    """The scheme of `url` as a browser reads it (decoded, case and stray whitespace ignored); "" for
    a relative address."""
    match = _SCHEME.match(_NOT_IN_URL.sub("", url).lower())
    return match.group(1) if match else ""


def site_image(src: str) -> bool:
    """An image address inside the site: relative, with no scheme and no host."""
    plain = _NOT_IN_URL.sub("", src)
    return bool(plain) and not link_scheme(plain) and not plain.startswith(("/", "\\"))


class _Walk(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.breaches: list[Breach] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        allowed = _ANY_ELEMENT | _MARKDOWN_ATTRIBUTES.get(tag, frozenset())
        for name, value in attrs:
            value = value or ""
            if name not in allowed:
                self.breaches.append(_attribute_breach(name, value))
            elif name == "style" and not _TABLE_ALIGN.fullmatch(value.strip()):
                self.breaches.append(Breach("unsafe_style", {}, "style"))
            elif name == "id" and value.startswith("__"):
                self.breaches.append(Breach("unsafe_id", {"value": value}, value))
            elif name == "href":
                scheme = link_scheme(value)
                if scheme == "javascript":
                    self.breaches.append(Breach("unsafe_js_link", {}, value))
                elif scheme and scheme not in LINK_SCHEMES:
                    self.breaches.append(Breach("unsafe_scheme", {"scheme": scheme}, value))
            elif name == "src" and not site_image(value):
                self.breaches.append(Breach("unsafe_image", {"address": value}, value))
            elif name in ("title", "alt") and _TAG_IN_TEXT.search(value):
                # The theme shows titles as HTML in its tooltips: markup there is raw HTML too.
                self.breaches.append(Breach("unsafe_html", {}, value))


def _attribute_breach(name: str, value: str) -> Breach:
    if name.startswith("on"):
        return Breach("unsafe_event", {}, name)
    if name == "style":
        return Breach("unsafe_style", {}, name)
    return Breach("unsafe_attribute", {"name": name}, name)


class _RawParts(HTMLParser):
    """What a piece of raw HTML holds, most dangerous first."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: list[str] = []
        self.comment = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes += [name for name, _ in attrs]

    def handle_comment(self, data: str) -> None:
        self.comment = True


def _raw_breach(raw: str) -> Breach:
    parts = _RawParts()
    parts.feed(raw)
    parts.close()
    found = next((line.strip() for line in raw.splitlines() if line.strip()), raw)
    if "script" in parts.tags or re.search(r"<\s*script", raw, re.I):
        return Breach("unsafe_script", {}, found)
    if any(name.startswith("on") for name in parts.attributes):
        return Breach("unsafe_event", {}, found)
    if {"iframe", "frame", "frameset", "object", "embed"} & set(parts.tags):
        return Breach("unsafe_iframe", {}, found)
    if "style" in parts.attributes:
        return Breach("unsafe_style", {}, found)
    if parts.comment and not parts.tags:
        return Breach("unsafe_comment", {}, found)
    return Breach("unsafe_html", {}, found)


_CHECKER: list[markdown.Markdown] = []


def text_problems(text: str, *, markers: bool = False) -> list[Breach]:
    """Every break of the rule in `text` (Markdown), the most dangerous first; [] for a clean text.

    `markers`: a `docs/` page body, whose own `<!-- bdw:... -->` marker lines are allowed.
    Text without `<`, `[` or `{` cannot hold HTML, a link, an image or an attribute list, so it is
    not converted at all (most texts are like that, which keeps the check fast).
    """
    if not any(sign in text for sign in "<[{"):
        return []
    if not _CHECKER:
        _CHECKER.append(_markdown(MARKDOWN_EXTENSIONS, record=True))
    md = _CHECKER[0]
    md.reset()
    md.bdw_raw = []  # type: ignore[attr-defined]  # our own attribute on the Markdown instance
    rendered = md.convert(text)
    breaches: list[Breach] = []
    for where, raw in md.bdw_raw:  # type: ignore[attr-defined]  # our own attribute on the Markdown instance
        if markers and where == "block":
            raw = MARKER.sub("", raw)  # a marker is a line of its own
            if not raw.strip():
                continue
        if markers and re.match(r"\s*<!--\s*bdw", raw):
            breaches.append(Breach("marker_malformed", {"text": raw.strip()}, raw.strip()))
            continue
        if breaches and re.fullmatch(r"\s*</[a-zA-Z][^>]*>\s*", raw):
            continue  # the end of a tag already reported
        breaches.append(_raw_breach(raw))
    walk = _Walk()  # what Markdown itself was asked to write (raw HTML is left out, reported above)
    walk.feed(rendered)
    walk.close()
    return sorted(breaches + walk.breaches, key=lambda breach: _WORST_FIRST.index(breach.code))


_WORST_FIRST = [
    "unsafe_script",
    "unsafe_event",
    "unsafe_js_link",
    "unsafe_iframe",
    "unsafe_scheme",
    "unsafe_image",
    "unsafe_style",
    "unsafe_id",
    "unsafe_attribute",
    "unsafe_html",
    "unsafe_comment",
    "marker_malformed",
]


def unsafe_text_problem(text: str) -> tuple[str, dict[str, str]] | None:
    """(problem code, its details) for the first break of the rule in a data text, or None; `found`
    in the details is the offending text, so the report can point at the line that holds it."""
    breaches = text_problems(text)
    if not breaches:
        return None
    code, details, found = breaches[0]
    return code, {**details, "found": found}


def locate(lines: list[str], found: str) -> int | None:
    """Index of the first of `lines` holding `found`, compared as a browser would read both
    (entities decoded, case and whitespace ignored); None if no line does."""

    def norm(text: str) -> str:
        return _NOT_IN_URL.sub("", html.unescape(text)).lower()

    needle = norm(found)
    if not needle:
        return None
    for index, line in enumerate(lines):
        if found in line or needle in norm(line):
            return index
    return None


# Rendering (the one path) ---------------------------------------------------------------------


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
    _md: markdown.Markdown = field(default_factory=lambda: _markdown(FRAGMENT_EXTENSIONS))
    _memo: dict[tuple[str, str], Markup] = field(default_factory=dict)

    def block(self, text: str, lang: str = "") -> Markup:
        if (text, lang) not in self._memo:
            self._md.reset()
            source = text
            if self.abbreviations.get(lang):
                source = f"{text}\n\n{abbreviation_lines(self.abbreviations[lang])}"
            self._memo[(text, lang)] = Markup(sanitize(self._md.convert(source)))
        return self._memo[(text, lang)]

    def inline(self, text: str, lang: str = "") -> Markup:
        """For one line shown inside a heading or a sentence: no wrapping paragraph."""
        html_text = str(self.block(text, lang))
        if html_text.startswith("<p>") and html_text.endswith("</p>") and html_text.count("<p>") == 1:
            html_text = html_text[3:-4]
        return Markup(html_text)


def render_markdown(text: str) -> Markup:
    """One-off conversion (tests, scripts); builds use a MarkdownRenderer."""
    return MarkdownRenderer().block(text)


_START_TAG = re.compile(r"""<[a-zA-Z][^\s/>]*(?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*/?>""")
_TITLE_ATTRIBUTE = re.compile(r"""(\stitle\s*=\s*)("[^"]*"|'[^']*'|[^\s"'=<>`]+)""")


def tooltip_safe(page: str) -> str:
    """The finished page with every `title` attribute safe as HTML: the theme's tooltips show a
    title with `innerHTML`, so a title that reads as markup once decoded is escaped once more.
    Titles without `<` (all of the site's own) are left exactly as they are."""

    def title(match: re.Match[str]) -> str:
        value = match.group(2)
        decoded = html.unescape(value[1:-1] if value[:1] in "\"'" else value)
        if "<" not in decoded:
            return match.group(0)
        return f'{match.group(1)}"{html.escape(html.escape(decoded, quote=False), quote=True)}"'

    def tag(match: re.Match[str]) -> str:
        text = match.group(0)
        return _TITLE_ATTRIBUTE.sub(title, text) if "title" in text else text

    if not any("<" in html.unescape(match.group(2)) for match in _TITLE_ATTRIBUTE.finditer(page)):
        return page  # the common case, found in one pass over the page (text that looks like a title too)
    return _START_TAG.sub(tag, page)


_NOSCRIPT_END = re.compile(r"</(noscript)", re.IGNORECASE)


def noscript_safe(fragment: str) -> str:
    """`fragment`, fit to sit inside a <noscript> that a script later turns into elements (templates'
    later.html). With scripting on, a browser reads a <noscript> as raw text that ends at the first
    `</noscript`, even one inside an attribute value: what followed would become live markup, unsanitized.
    Our templates escape every `<` of a text, so this never changes the site's own output; it is the wall
    behind that rule. `&lt;` reads back as `<` in an attribute or a text, so nothing is lost."""
    return _NOSCRIPT_END.sub(r"&lt;/\1", fragment)


_BREAKABLE_SPACES = re.compile(r"[ \t\r\n]+")
_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_SPACES = re.compile(r"[ \t\r\n]+")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(\S(?:.*?\S)?)\1")


def plain_text(text: str) -> str:
    """Markdown to the plain text a reader pastes into an email or a post: one line, its no-break spaces
    kept (French typography: « », the space before a colon)."""
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_EMPHASIS.sub(r"\2", text)
    return _BREAKABLE_SPACES.sub(" ", text).strip(" ")
