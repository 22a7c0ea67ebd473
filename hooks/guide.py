"""MkDocs adapter for the bdw_guide core: nothing here but event wiring.

mkdocs-static-i18n runs every build event once per language (it calls
`build()` again from its `on_post_build`), so state is kept per *outer* build:
the data is loaded in the outer build's `on_config` and reused by the nested
language builds, then dropped when the next build starts (live reload sees
every change). Helper names never start with `on_`: MkDocs would take them
for events.
"""
from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from bdw_guide import csp, site_build
from bdw_guide.problems import DataError, report_language
from bdw_guide.render import MarkerError

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
    """True while static-i18n builds a further language inside the outer build."""
    return bool(getattr(_i18n(config), "building", False))


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
                templates=Path(config.theme.custom_dir) / "bdw",
                repo_url=config.repo_url,
                edit_uri=config.edit_uri,
                docs_dir_name=Path(config.docs_dir).name,
                default_language=_default_language(config),
                strict=bool(config.strict),
                offline=offline,
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
    if plugin:
        for lang in plugin.config["languages"]:
            lang["nav_translations"] = _session.nav_titles(str(lang["locale"]))
            if isinstance(config.theme.get("palette"), list):  # the colour-scheme toggles, named per language
                lang["theme"] = {**(lang.get("theme") or {}),
                                 "palette": _session.palette_toggles(str(lang["locale"]), len(config.theme["palette"]))}
    return config


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files) -> str:
    assert _session is not None
    page.edit_url = _session.page_edit_url(page.file.src_uri, markdown, page.edit_url)
    # Shown by partials/source-file.html (always set here, never taken from front matter); the same
    # date becomes the page's lastmod in the sitemap.
    page.meta["bdw_date_modified"] = _session.date_modified(markdown, _language(config), page.file.src_uri,
                                                            page.canonical_url)
    page.meta["bdw_address"] = _session.print_address(_language(config), page.canonical_url)  # shown in print
    try:
        return _session.page_markdown(markdown, _language(config), page.url, page.file.src_uri)
    except MarkerError as err:
        raise PluginError(f"{page.file.src_uri}: {err.render(report_language())}") from None


def on_page_content(html: str, page: Page, config: MkDocsConfig, files) -> str:
    assert _session is not None
    return _session.page_content(html)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    assert _session is not None
    return _session.page_html(output, _language(config), page.url, config.site_url, policy=not _serving)


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    """The theme's own pages (404.html) get the same security policy as the guide's pages."""
    if not template_name.endswith(".html"):
        return output
    if _session is not None:
        output = _session.theme_page_html(output)
    return output if _serving else csp.with_policy(output)


@event_priority(-200)  # after static-i18n (-100) has built every language and merged the search index
def on_post_build(config: MkDocsConfig) -> None:
    if _session is None or _is_nested_build(config):
        return
    _session.finish(Path(config.site_dir), config.site_url)
    log.info(_session.summary())
