"""A Content-Security-Policy for every page, as a `<meta>` (a static site on GitHub Pages or a USB
key cannot send headers).

Scripts run only from the site's own files and the theme's few inline scripts, allowed one by one
by their hash. Which inline scripts are the theme's is decided by their shape, not by where they sit
on the page: `ThemeScripts` reads every inline `<script>` of the theme's templates (Material's and
ours in `overrides/`, content templates excepted: they live in `src/bdw_guide/templates/`, outside the theme, and an `overrides/bdw/` folder would be skipped too) and turns each into a
pattern where a template expression (`{{ base_url }}`...) may only stand for a path or a plain word,
never for quotes, brackets or code. A script in a finished page is hashed only if it matches one of
those patterns whole. A script planted by contributed text (a page title, a UI string, a page's
content) matches none and is never allowed, wherever it lands.

The hashes are taken from the finished page, because the theme's first script holds the page's
depth ("../.."), so each depth has its own.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .theme_output import ThemeOutputError

POLICY = (
    "default-src 'self'; script-src 'self' {hashes}; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'"
)

_INLINE_SCRIPT = re.compile(r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<body>.*?)</script>", re.S | re.I)
_CHARSET = re.compile(r"<meta charset=[^>]*>", re.I)
_NOT_JAVASCRIPT = re.compile(r'\btype="(?!text/javascript|module)[^"]+"', re.I)  # JSON data blocks
_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
_FILLER = r"(?!//)[A-Za-z0-9_./-]*"  # what a template expression in a theme script may become: a path
CONTENT_TEMPLATES = "bdw"  # a folder of page content (the old overrides/bdw/), never a source of allowed scripts


@dataclass(frozen=True)
class ThemeScripts:
    """The shapes of the inline scripts the theme's templates write."""

    pattern: re.Pattern[str]
    count: int

    @classmethod
    def from_dirs(cls, dirs: Iterable[Path]) -> ThemeScripts:
        shapes: set[str] = set()
        for folder in dirs:
            for path in sorted(Path(folder).rglob("*.html")):
                parts = path.relative_to(folder).parts
                if parts[0] in (CONTENT_TEMPLATES, ".icons"):
                    continue
                source = path.read_text(encoding="utf-8", errors="replace")
                for match in _INLINE_SCRIPT.finditer(source):
                    attrs = match.group("attrs")
                    if "src=" in attrs or _NOT_JAVASCRIPT.search(attrs):
                        continue
                    shapes.add(_shape(match.group("body")))
        alternatives = "|".join(f"(?:{shape})" for shape in sorted(shapes)) or "(?!)"
        return cls(re.compile(alternatives, re.S), len(shapes))

    def allows(self, body: str) -> bool:
        return self.pattern.fullmatch(body) is not None


def _shape(template_body: str) -> str:
    """A template's script as a pattern of its rendered body: literal text, and a path or a word
    where the template has an expression; Jinja's whitespace control may trim the ends."""
    parts = _JINJA.split(template_body.strip())
    return r"\s*" + _FILLER.join(re.escape(part) for part in parts) + r"\s*"


def _token(body: str) -> str:
    digest = hashlib.sha256(body.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def theme_script_hashes(html: str, theme: ThemeScripts) -> list[str]:
    """CSP source expressions for the page's inline scripts that are the theme's, in page order."""
    hashes: list[str] = []
    for match in _INLINE_SCRIPT.finditer(html):
        attrs = match.group("attrs")
        if "src=" in attrs or _NOT_JAVASCRIPT.search(attrs):
            continue
        body = match.group("body")
        if not theme.allows(body):
            continue
        token = _token(body)
        if token not in hashes:
            hashes.append(token)
    return hashes


def with_policy(html: str, theme: ThemeScripts) -> str:
    """The page with its policy as the first thing in `<head>` after the charset (a policy only
    governs what comes after it)."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{POLICY.format(hashes=" ".join(theme_script_hashes(html, theme)))}">'
    match = _CHARSET.search(html)
    if not match:
        raise ThemeOutputError("the page has no <meta charset> to put its security policy after")
    return html[: match.end()] + meta + html[match.end() :]
