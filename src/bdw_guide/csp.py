"""A Content-Security-Policy for every page, as a `<meta>` (a static site on GitHub Pages or a USB
key cannot send headers).

Scripts run only from the site's own files and the theme's few inline scripts, allowed one by one
by their hash. The hashes are taken from the finished page, because the theme's first script holds
the page's depth ("../.."), so each depth has its own. Inline scripts inside the page's content
(`<article>`) are never hashed: that is where contributed text ends up, and a script smuggled in
there must not run.
"""
from __future__ import annotations

import base64
import hashlib
import re

from .theme_output import ThemeOutputError, content_region

POLICY = ("default-src 'self'; script-src 'self' {hashes}; style-src 'self'; img-src 'self' data:; "
          "font-src 'self'; connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; "
          "form-action 'self'")

_INLINE_SCRIPT = re.compile(r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<body>.*?)</script>", re.S | re.I)
_CHARSET = re.compile(r"<meta charset=[^>]*>", re.I)
_NOT_JAVASCRIPT = re.compile(r'\btype="(?!text/javascript|module)[^"]+"', re.I)  # JSON data blocks


def theme_script_hashes(html: str) -> list[str]:
    """CSP source expressions for the inline scripts outside the content, in page order."""
    start, end = content_region(html)
    hashes: list[str] = []
    for match in _INLINE_SCRIPT.finditer(html):
        attrs = match.group("attrs")
        if "src=" in attrs or _NOT_JAVASCRIPT.search(attrs):
            continue
        if 0 <= start <= match.start() < end:
            continue
        digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
        token = f"'sha256-{base64.b64encode(digest).decode()}'"
        if token not in hashes:
            hashes.append(token)
    return hashes


def with_policy(html: str) -> str:
    """The page with its policy as the first thing in `<head>` after the charset (a policy only
    governs what comes after it)."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{POLICY.format(hashes=" ".join(theme_script_hashes(html)))}">'
    match = _CHARSET.search(html)
    if not match:
        raise ThemeOutputError("the page has no <meta charset> to put its security policy after")
    return html[: match.end()] + meta + html[match.end():]
