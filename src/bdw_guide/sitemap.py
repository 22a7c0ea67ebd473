"""Give every sitemap entry an `x-default` alternate (the default language's page), and as its
`lastmod` the page's date modified.

static-i18n writes `hreflang` alternates for each language but no `x-default`,
which search engines use for readers whose language matches none. MkDocs gives
every page the build day as `lastmod`; the page's own date (dates.py) replaces
it, and where that is unknown there is no `lastmod` at all.
"""

from __future__ import annotations

import gzip
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

SM = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML = "http://www.w3.org/1999/xhtml"


def _rewrite(site_dir: Path, change: Callable[[ET.Element], bool]) -> int:
    """Apply `change` to every entry of sitemap.xml and write it back with its .gz copy, which
    always matches it (whichever step runs last); returns how many entries `change` counted."""
    path = site_dir / "sitemap.xml"
    if not path.is_file():
        return 0
    ET.register_namespace("", SM)
    ET.register_namespace("xhtml", XHTML)
    tree = ET.parse(path)
    counted = sum(1 for url in tree.getroot().findall(f"{{{SM}}}url") if change(url))
    tree.write(path, encoding="utf-8", xml_declaration=True)
    with gzip.open(site_dir / "sitemap.xml.gz", "wb") as out:
        out.write(path.read_bytes())
    return counted


def set_lastmod(site_dir: Path, modified: dict[str, str | None]) -> int:
    """Each entry's `lastmod` from `modified` (page address -> YYYY-MM-DD or None); an entry whose
    date is unknown loses its `lastmod`. Returns how many entries carry a date."""

    def date(url: ET.Element) -> bool:
        loc = url.find(f"{{{SM}}}loc")
        lastmod = url.find(f"{{{SM}}}lastmod")
        day = modified.get(loc.text or "") if loc is not None else None
        if day is None:
            if lastmod is not None:
                url.remove(lastmod)
            return False
        if lastmod is None:
            lastmod = ET.Element(f"{{{SM}}}lastmod")
            # the schema wants it right after <loc>
            url.insert(list(url).index(loc) + 1 if loc is not None else 0, lastmod)
        lastmod.text = day
        return True

    return _rewrite(site_dir, date)


def add_x_default(site_dir: Path, default_language: str) -> int:
    """Each entry with an alternate in the default language gets that page as its x-default too;
    returns how many were added."""

    def x_default(url: ET.Element) -> bool:
        links = url.findall(f"{{{XHTML}}}link")
        if any(link.get("hreflang") == "x-default" for link in links):
            return False
        default = next((link for link in links if link.get("hreflang") == default_language), None)
        if default is None:
            return False
        ET.SubElement(url, f"{{{XHTML}}}link", rel="alternate", hreflang="x-default", href=default.get("href", ""))
        return True

    return _rewrite(site_dir, x_default)
