"""Give every sitemap entry an `x-default` alternate (the default language's page).

static-i18n writes `hreflang` alternates for each language but no `x-default`,
which search engines use for readers whose language matches none.
"""
from __future__ import annotations

import gzip
import xml.etree.ElementTree as ET
from pathlib import Path

SM = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML = "http://www.w3.org/1999/xhtml"


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
