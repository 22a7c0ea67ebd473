"""Where the site leans on Material's and static-i18n's internals, a change in them fails loudly:
copied partials name the Material version they come from, every rewrite of the theme's output
finds what it expects or stops the build with one line, and the adapter's two reads of the
plugin's internals are checked against the installed plugin."""

from __future__ import annotations

import importlib.metadata
import importlib.util
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError

from bdw_guide import csp, theme_output
from bdw_guide.models import LANGUAGES
from bdw_guide.theme_output import ThemeOutputError

from conftest import LANGS, ROOT, soup

MATERIAL = Path(importlib.util.find_spec("material").origin).parent / "templates"
OVERRIDES = sorted((ROOT / "overrides").rglob("*.html"))
NAMED = re.compile(r"Material (\d+\.\d+\.\d+)'s ([\w./-]+\.html)")


def load_hook():
    spec = importlib.util.spec_from_file_location("bdw_hook_under_test", ROOT / "hooks" / "guide.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# -- copied partials ----------------------------------------------------------------------------


@pytest.mark.parametrize("path", OVERRIDES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_theme_override_names_the_installed_material_version(path):
    """An upgrade of mkdocs-material is a conscious step: each override says which version's file it
    copies, replaces or extends, and this fails until someone compares them again."""
    found = NAMED.search(path.read_text(encoding="utf-8"))
    assert found, f'{path.name}: say which file it comes from, as "Material X.Y.Z\'s partials/name.html"'
    version, upstream = found.groups()
    installed = importlib.metadata.version("mkdocs-material")
    assert version == installed, (
        f"{path.name} was copied from Material {version}, {installed} is installed: "
        f"compare it with {upstream} of {installed}, then update the version it names"
    )
    assert (MATERIAL / upstream).is_file(), f"Material {installed} has no {upstream} any more"
    if path.parent.name == "partials":
        assert upstream == f"partials/{path.name}", f"{path.name} names another file: {upstream}"


def test_the_deferred_bundle_is_the_one_the_installed_material_names(site):
    """main.html replaces the theme's scripts block to defer its bundle: the bundle it names must be
    the installed theme's, and the block's loop over extra_javascript has nothing to loop over."""
    bundle = re.compile(r"assets/javascripts/bundle\.\w+\.min\.js")
    theirs = bundle.findall((MATERIAL / "base.html").read_text(encoding="utf-8"))
    ours = bundle.findall((ROOT / "overrides" / "main.html").read_text(encoding="utf-8"))
    assert len(theirs) == 1 and ours == theirs, f"main.html names {ours}, Material's base.html {theirs}"
    assert "extra_javascript" not in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    pages = {path: soup(site, path) for path in ("", "en/messages/audiences/public")}
    pages["404.html"] = BeautifulSoup((site / "404.html").read_text(encoding="utf-8"), "lxml")
    for path, page in pages.items():
        scripts = page.find_all("script", src=True)
        assert [s["src"].rsplit("/", 1)[-1] for s in scripts][:2] == [theirs[0].rsplit("/", 1)[-1], "bdw.js"], path
        assert all(s.has_attr("defer") for s in scripts), path
        assert (site / "assets" / "javascripts" / theirs[0].rsplit("/", 1)[-1]).is_file()


# -- rewrites of the theme's output -------------------------------------------------------------


@pytest.mark.parametrize("lang, prefix", LANGS.items())
def test_the_switcher_partial_writes_relative_links_the_build_checks(site, lang, prefix):
    for path in ("", "messages/overview/", "worksheets/swot/"):
        html = (site / prefix / path / "index.html").read_text(encoding="utf-8")
        theme_output.check_switcher_links(html, [other for other in LANGUAGES if other != lang])


def test_a_switcher_link_the_partial_did_not_make_relative_fails_the_build():
    good = '<a href="./" hreflang="fr" class="md-select__link"><a href="en/" hreflang="en" class="md-select__link">'
    theme_output.check_switcher_links(good, LANGUAGES)
    with pytest.raises(ThemeOutputError, match="not relative"):
        theme_output.check_switcher_links(good.replace('"en/"', '"/en/"'), LANGUAGES)
    with pytest.raises(ThemeOutputError, match="expected one link"):
        theme_output.check_switcher_links(
            good.replace('class="md-select__link"', 'class="md-select__option"'), LANGUAGES
        )


def test_head_alternates_are_dropped_only_when_found_one_per_language():
    head = (
        '<html><head><meta charset="utf-8">\n'
        '    <link rel="alternate" href="/" hreflang="fr">\n'
        '    <link rel="alternate" href="/en/" hreflang="en">\n</head><body></body></html>'
    )
    assert "hreflang" not in theme_output.drop_head_alternates(head, LANGUAGES)
    with pytest.raises(ThemeOutputError, match="hreflang links for"):
        theme_output.drop_head_alternates(head.replace('rel="alternate" href', "href"), LANGUAGES)
    with pytest.raises(ThemeOutputError, match="no <head>"):
        theme_output.drop_head_alternates("<html><body></body></html>", LANGUAGES)


def test_the_search_base_is_moved_only_in_the_theme_config_script():
    page = '<script id="__config" type="application/json">{"base": "../..", "features": []}</script>'
    moved = theme_output.rewrite_config(page, lambda c: {**c, "base": c["base"] + "/en/"})
    assert '"base": "../../en/"' in moved
    for broken, why in (
        (page.replace("__config", "__settings"), "found 0"),
        (page + page, "found 2"),
        (page.replace('"base"', '"root"'), 'no "base"'),
        (page.replace("{", "[", 1), "JSON"),
    ):
        with pytest.raises(ThemeOutputError, match=why):
            theme_output.rewrite_config(broken, lambda c: c)


def test_the_policy_refuses_a_page_without_its_charset():
    """The policy goes right after the charset (it governs only what follows it); without one, the
    build stops rather than publish a page whose policy would come too late."""
    scripts = csp.ThemeScripts.from_dirs([])
    page = '<html><head><meta charset="utf-8"><script>ok()</script></head><body><article>x</article></body></html>'
    assert 'http-equiv="Content-Security-Policy"' in csp.with_policy(page, scripts)
    with pytest.raises(ThemeOutputError, match="charset"):
        csp.with_policy(page.replace('<meta charset="utf-8">', ""), scripts)


def test_a_changed_theme_fails_the_build_with_one_line(repo, tmp_path):
    """A partial that writes the switcher differently stops the strict build, naming the page."""
    from conftest import mkdocs_build

    partial = repo / "overrides" / "partials" / "alternate.html"
    partial.write_text(partial.read_text(encoding="utf-8").replace("{{ link | url }}", "/{{ link }}"), encoding="utf-8")
    failed = mkdocs_build(repo, tmp_path / "site", lang="en")
    output = failed.stdout + failed.stderr
    assert failed.returncode != 0 and "Traceback" not in output
    assert re.search(r"\.md: the theme's output changed: the language switcher links .* are not relative", output)


# -- static-i18n's internals, read or written by the adapter only -------------------------------


def test_static_i18n_still_has_the_building_flag_the_adapter_reads(site_build_log):
    """The outer build loads the data once; the nested language builds reuse it. If the plugin's
    `building` flag stopped meaning "a language build inside the outer one", data would be loaded
    once per language, or the post-build steps would run twice."""
    from mkdocs_static_i18n.plugin import I18n

    assert I18n().building is False
    assert "data loaded and validated 1 time(s) in this process" in site_build_log
    assert f"languages built: {', '.join(sorted(LANGUAGES))}" in site_build_log
    hook = load_hook()
    config = SimpleNamespace(plugins={"i18n": SimpleNamespace()})  # a plugin without the flag
    with pytest.raises(PluginError, match="no 'building' flag"):
        hook._is_nested_build(config)


def test_static_i18n_still_takes_nav_translations_from_the_adapter(site):
    from mkdocs_static_i18n.config import I18nPluginLanguage

    language = I18nPluginLanguage()
    language.load_dict({"locale": "en", "name": "English"})
    failed, _ = language.validate()
    assert not failed and "nav_translations" in language
    hook = load_hook()
    session = SimpleNamespace(nav_titles=lambda lang: {"planning": "Planning"})
    config = SimpleNamespace(plugins={"i18n": SimpleNamespace(config={"languages": [{"locale": "en"}]})})
    with pytest.raises(PluginError, match="no 'nav_translations' option"):
        hook._translate_nav(config, session)
