"""MkDocs adapter for the bdw_guide core: nothing here but event wiring.

mkdocs-static-i18n runs every build event once per language (it calls
`build()` again from its `on_post_build`), so state is kept per *outer* build:
the data is loaded in the outer build's `on_config` and reused by the nested
language builds, then dropped when the next build starts (live reload sees
every change). Helper names never start with `on_`: MkDocs would take them
for events.

Two places depend on static-i18n's internals, and only here: its `building`
flag (`_is_nested_build`) and the `nav_translations` of its languages
(`_translate_nav`). Each fails the build with a clear line if the plugin
changes (tests/test_theme_coupling.py checks both against the installed plugin).
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from bdw_guide import site_build
from bdw_guide.problems import DataError, report_language
from bdw_guide.render import MarkerError
from bdw_guide.theme_output import ThemeOutputError

log = logging.getLogger("mkdocs.hooks.bdw_guide")
_session: site_build.BuildSession | None = None
_serving = False
_copyright = ""


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"  # live reload injects an inline script a policy would block


def _i18n(config: MkDocsConfig):
    return config.plugins.get("i18n")


def _is_nested_build(config: MkDocsConfig) -> bool:
    """True while static-i18n builds a further language inside the outer build (its `building`
    flag, set around the nested `build()` calls of its `on_post_build`)."""
    plugin = _i18n(config)
    if plugin is None:
        return False
    if not isinstance(getattr(plugin, "building", None), bool):
        raise PluginError(
            "mkdocs-static-i18n has no 'building' flag any more: hooks/guide.py cannot tell the "
            "outer build from a language build; adapt _is_nested_build to the installed version"
        )
    return plugin.building


def _translate_nav(config: MkDocsConfig, session: site_build.BuildSession) -> None:
    """Navigation section titles are keys of data/ui.yml: give each static-i18n language its texts."""
    plugin = _i18n(config)
    if plugin is None:
        return
    for lang in plugin.config["languages"]:
        if "nav_translations" not in lang:
            raise PluginError(
                "mkdocs-static-i18n's languages have no 'nav_translations' option any more: "
                "navigation section titles would stay untranslated keys; adapt _translate_nav"
            )
        lang["nav_translations"] = session.nav_titles(str(lang["locale"]))


def _language(config: MkDocsConfig) -> str:
    return str(config.theme["language"])


def _default_language(config: MkDocsConfig) -> str:
    plugin = _i18n(config)
    for lang in getattr(plugin, "config", {}).get("languages", []) if plugin else []:
        if lang.get("default"):
            return str(lang["locale"])
    return _language(config)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _session
    offline = site_build.offline_requested()
    if offline:  # the offline copy: pages opened from a folder, search without a server (offline.py)
        config.use_directory_urls = False
        polyfills = config.extra.setdefault("polyfills", [])
        if site_build.FILE_WORKER_SCRIPT not in polyfills:
            polyfills.append(site_build.FILE_WORKER_SCRIPT)
    if _session is None or not _is_nested_build(config):
        root = Path(config.config_file_path).parent
        try:
            _session = site_build.BuildSession.start(
                root=root,
                repo_url=config.repo_url,
                edit_uri=config.edit_uri,
                docs_dir_name=Path(config.docs_dir).name,
                default_language=_default_language(config),
                strict=bool(config.strict),
                offline=offline,
                theme_dirs=[Path(folder) for folder in config.theme.dirs],
            )
        except DataError as err:
            raise PluginError(err.report()) from None
        for gap in _session.page_gaps:  # only in a non-strict build (mkdocs serve): keep going, but say so
            log.warning(gap.render(report_language()))
    global _copyright
    if not _is_nested_build(config):
        _copyright = config.copyright or ""  # the default language's, before static-i18n overrides it
    plugin = _i18n(config)
    copyrights = {_default_language(config): _copyright}
    if plugin:
        for lang in plugin.config["languages"]:
            copyrights[str(lang["locale"])] = lang.get("copyright") or _copyright
    config.extra["bdw_not_found"] = _session.not_found_texts(copyrights, config.site_url)  # overrides/404.html
    _translate_nav(config, _session)
    if plugin:
        for lang in plugin.config["languages"]:
            if isinstance(config.theme.get("palette"), list):  # the colour-scheme toggles, named per language
                lang["theme"] = {
                    **(lang.get("theme") or {}),
                    "palette": _session.palette_toggles(str(lang["locale"]), len(config.theme["palette"])),
                }
    return config


@event_priority(-150)  # after static-i18n (-100) has translated the navigation
def on_nav(nav, config: MkDocsConfig, files):
    """Fail, rather than publish a navigation showing data/ui.yml keys, if the plugin stopped
    applying the titles `_translate_nav` gave it."""
    assert _session is not None
    keys = set(_session.nav_titles(_language(config)))
    untranslated = [item.title for item in _sections(nav.items) if item.title in keys]
    if untranslated:
        raise PluginError(
            f"navigation sections {untranslated} kept their data/ui.yml key as title: "
            "mkdocs-static-i18n no longer applies nav_translations; adapt _translate_nav"
        )
    return nav


def _sections(items):
    for item in items:
        if getattr(item, "children", None):
            yield item
            yield from _sections(item.children)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files) -> str:
    assert _session is not None
    page.meta = _session.page_meta(page.meta)
    page.edit_url = _session.page_edit_url(page.file.src_uri, markdown, page.edit_url)
    # Shown by partials/source-file.html (always set here, never taken from front matter); the same
    # date becomes the page's lastmod in the sitemap.
    page.meta["bdw_date_modified"] = _session.date_modified(
        markdown, _language(config), page.file.src_uri, page.canonical_url
    )
    page.meta["bdw_address"] = _session.print_address(_language(config), page.canonical_url)  # shown in print
    try:
        return _session.page_markdown(markdown, _language(config), page.url, page.file.src_uri)
    except MarkerError as err:
        raise PluginError(f"{page.file.src_uri}: {err.render(report_language())}") from None


def on_page_content(html: str, page: Page, config: MkDocsConfig, files) -> str:
    assert _session is not None
    _session.escape_titles(page)
    return _session.page_content(html)


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    """The page's link preview (the extrahead block of overrides/main.html): locale, image, description."""
    assert _session is not None
    context["bdw_share"] = _session.share_meta(_language(config), page.url, config.site_url)
    return context


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    assert _session is not None
    try:
        return _session.page_html(output, _language(config), policy=not _serving)
    except ThemeOutputError as err:
        raise PluginError(f"{page.file.src_uri}: {err}") from None


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    """The theme's own pages (404.html) get the same security policy as the guide's pages."""
    if not template_name.endswith(".html") or _session is None:
        return output
    output = _session.theme_page_html(output)  # the bilingual 404 (overrides/404.html)
    return output if _serving else _session.with_policy(output)


@event_priority(-200)  # after static-i18n (-100) has built every language and merged the search index
def on_post_build(config: MkDocsConfig) -> None:
    if _session is None or _is_nested_build(config):
        return
    try:
        _session.finish(Path(config.site_dir), config.site_url, policy=not _serving)
    except ThemeOutputError as err:
        raise PluginError(f"{config.site_dir}: {err}") from None
    log.info(_session.summary())
