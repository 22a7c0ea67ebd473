"""The page policy allows the theme's inline scripts and nothing that sits in the content."""
from __future__ import annotations

import base64
import hashlib

from bdw_guide.csp import theme_script_hashes, with_policy


def token(body: str) -> str:
    return f"'sha256-{base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()}'"


PAGE = ('<html><head><meta charset="utf-8"><script>theme()</script></head><body><script>palette()</script>'
        '<div class="md-content"><article class="md-content__inner"><article class="bdw-card">one</article>'
        '<script>smuggled()</script><article class="bdw-card">two</article></article>'
        '<script>tabs()</script></div><script id="__config" type="application/json">{}</script>'
        '<script src="bundle.js"></script></body></html>')


def test_only_scripts_outside_the_content_are_hashed_even_between_nested_articles():
    assert theme_script_hashes(PAGE) == [token("theme()"), token("palette()"), token("tabs()")]


def test_the_policy_comes_right_after_the_charset_before_any_script():
    html = with_policy(PAGE)
    assert html.index('http-equiv="Content-Security-Policy"') < html.index("<script>")
    assert html.startswith('<html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy"')
    assert token("smuggled()") not in html
