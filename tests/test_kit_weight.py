"""Page weight: what the campaign kit adds to a message page (post drafts, share graphics, adapting a
message, letters, the link preview, and the script and style loaded with the page) stays within 15 KB
gzip beyond the page without it; bdw-kit.js and .css, the Word writer and the graphics load only when
asked for (tests/test_letters_browser.py, tests/test_graphics_browser.py)."""

from __future__ import annotations

import gzip
import re

import pytest

from conftest import GUIDE, kit_style_gzip

BUDGET = 15_000
KIT = re.compile(r'<details class="bdw-(?:posts|share|adapt|letter)[^"]*".*?</details>', re.S)
PREVIEW = re.compile(r'\s*<meta (?:property|name)="(?:og|twitter):[^>]*>')


def gz(data: bytes) -> int:
    return len(gzip.compress(data))


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_kit_adds_at_most_15_kb_gzip_to_a_message_page(site, prefix):
    eager = len(gzip.compress((site / "assets" / "javascripts" / "bdw-posts.js").read_bytes())) + kit_style_gzip()
    pages = [f"messages/audiences/{a}" for a in GUIDE.audiences] + [
        f"messages/objectives/{o}" for o in GUIDE.objectives
    ]
    heaviest = 0
    for path in pages:
        html = (site / prefix / path / "index.html").read_text()
        bare = PREVIEW.sub("", KIT.sub("", html))
        assert len(KIT.findall(html)) >= 4 * 3 and PREVIEW.search(html)
        heaviest = max(heaviest, gz(html.encode()) - gz(bare.encode()) + eager)
    assert heaviest < BUDGET, heaviest
