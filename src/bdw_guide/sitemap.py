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
from pathlib import Path

SM = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML = "http://www.w3.org/1999/xhtml"


def set_lastmod(site_dir: Path, modified: dict[str, str | None]) -> int:
    """Each entry's `lastmod` from `modified` (page address -> YYYY-MM-DD or None); an entry whose
    date is unknown loses its `lastmod`. Returns how many entries carry a date."""
    path = site_dir / "sitemap.xml"
    if not path.is_file():
        return 0
    ET.register_namespace("", SM)
    ET.register_namespace("xhtml", XHTML)
    tree = ET.parse(path)
    dated = 0
    for url in tree.getroot().findall(f"{{{SM}}}url"):
        loc = url.find(f"{{{SM}}}loc")
        lastmod = url.find(f"{{{SM}}}lastmod")
        day = modified.get(loc.text or "") if loc is not None else None
        if day is None:
            if lastmod is not None:
                url.remove(lastmod)
            continue
        if lastmod is None:
            lastmod = ET.Element(f"{{{SM}}}lastmod")
            url.insert(
                list(url).index(loc) + 1 if loc is not None else 0, lastmod
            )  # the schema wants it right after <loc>
        lastmod.text = day
        dated += 1
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return dated


def add_x_default(site_dir: Path, default_language: str) -> int:
    path = site_dir / "sitemap.xml"
    if not path.is_file():
        return 0
    ET.register_namespace("", SM)
    ET.register_namespace("xhtml", XHTML)
    tree = ET.parse(path)
    added = 0
    for url in tree.getroot().findall(f"{{{SM}}}url"):
        links = url.findall(f"{{{XHTML}}}link")
        if any(link.get("hreflang") == "x-default" for link in links):
            continue
        default = next((link for link in links if link.get("hreflang") == default_language), None)
        if default is None:
            continue
        ET.SubElement(url, f"{{{XHTML}}}link", rel="alternate", hreflang="x-default", href=default.get("href", ""))
        added += 1
    tree.write(path, encoding="utf-8", xml_declaration=True)
    with gzip.open(site_dir / "sitemap.xml.gz", "wb") as out:
        out.write(path.read_bytes())
    return added
