"""What we read in, or change about, the HTML that Material and static-i18n write.

Each function finds exactly what it expects or raises `ThemeOutputError`, which the build reports
as one line naming the page and what changed; none of them silently does nothing when a new
version of the theme or the plugin writes its pages differently. Where we can, we override a small
partial instead (overrides/partials/alternate.html writes relative switcher links itself); what is
left here checks that partial's result, the head's hreflang links we drop and the `__config`
script whose search base we move.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable

UPGRADE_HINT = (
    "compare overrides/ and src/bdw_guide/theme_output.py with the installed Material and "
    "mkdocs-static-i18n before upgrading them"
)

_SWITCHER_LINK = re.compile(r'<a href="(?P<href>[^"]*)" hreflang="(?P<lang>[^"]+)" class="md-select__link">')
_HEAD = re.compile(r"<head>.*?</head>", re.S)
_HEAD_ALTERNATE = re.compile(r'[ \t]*<link rel="alternate" href="[^"]*" hreflang="(?P<lang>[^"]+)">\n?')
_CONFIG_SCRIPT = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)


class ThemeOutputError(ValueError):
    """The theme's or the plugin's output is not what this module was written against."""

    def __init__(self, what: str):
        super().__init__(f"the theme's output changed: {what}; {UPGRADE_HINT}")


def check_switcher_links(html: str, languages: Iterable[str]) -> None:
    """The language toggle links each of `languages` (the page's other languages) once, relative to
    the page (no leading slash, no host), as overrides/partials/alternate.html writes them."""
    links = [(m.group("lang"), m.group("href")) for m in _SWITCHER_LINK.finditer(html)]
    if sorted(lang for lang, _ in links) != sorted(languages):
        raise ThemeOutputError(
            f"the language switcher links {[lang for lang, _ in links]}, expected one link "
            f"for each of {sorted(languages)} (overrides/partials/alternate.html)"
        )
    absolute = [href for _, href in links if href.startswith("/") or "://" in href]
    if absolute:
        raise ThemeOutputError(
            f"the language switcher links {absolute} are not relative to the page (overrides/partials/alternate.html)"
        )


def drop_head_alternates(html: str, languages: Iterable[str]) -> str:
    """The page without the head's hreflang links: the theme fetches a `sitemap.xml` beside each of
    them on every page load, which fails beside every page; `sitemap.xml` declares the same
    alternates for search engines. Exactly one per language is expected."""
    head = _HEAD.search(html)
    if head is None:
        raise ThemeOutputError("the page has no <head>")
    found = [m.group("lang") for m in _HEAD_ALTERNATE.finditer(head.group(0))]
    if sorted(found) != sorted(languages):
        raise ThemeOutputError(
            f"the head holds hreflang links for {found}, expected one for each of {sorted(languages)}"
        )
    return html[: head.start()] + _HEAD_ALTERNATE.sub("", head.group(0)) + html[head.end() :]


def rewrite_config(html: str, change: Callable[[dict], dict]) -> str:
    """The page with the theme's `__config` JSON passed through `change`; the page must hold that
    script exactly once, with the `base` the theme's scripts resolve the search index against."""
    matches = list(_CONFIG_SCRIPT.finditer(html))
    if len(matches) != 1:
        raise ThemeOutputError(f'expected one <script id="__config" type="application/json">, found {len(matches)}')
    match = matches[0]
    try:
        config = json.loads(match.group(2))
    except ValueError:
        raise ThemeOutputError("the __config script does not hold JSON") from None
    if not isinstance(config, dict) or not isinstance(config.get("base"), str):
        raise ThemeOutputError('the __config script has no "base"')
    body = json.dumps(change(config), ensure_ascii=False)
    return html[: match.start(2)] + body + html[match.end(2) :]


def content_region(html: str) -> tuple[int, int]:
    """Where the page's content is: from the theme's main `<article>` to the last `</article>`
    (message cards are `<article>`s nested in it). Contributed text lands only there, so the
    security policy never trusts a script inside it."""
    start, end = html.find("<article"), html.rfind("</article>")
    if start < 0 or end < start:
        raise ThemeOutputError("the page has no <article> around its content")
    return start, end
