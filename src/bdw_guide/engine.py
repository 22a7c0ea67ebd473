"""What any static site generator needs from the core, without MkDocs.

`expand_tree` writes, for each language, the finished Markdown our hooks give MkDocs: every marker
replaced by its cards, worksheets, activities... (`python -m bdw_guide expand --out DIR`).
`finish_site` applies to a built site the steps that do not depend on the generator: the
worksheets' named print pages, the `x-default` alternates of the sitemap, and the security policy
on every page (`python -m bdw_guide finish SITE_DIR`). With them another generator (Zensical is
rehearsed in tests/test_engine.py) can build the guide; `scripts/bench.py` builds plain Material
from the same tree.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from . import csp, sitemap
from .minify import minify_assets
from .models import LANGUAGES
from .pages import Theme
from .render import Renderer

PRINT_PAGES = Path("assets") / "stylesheets" / "bdw-pages.css"
DEFAULT_LANGUAGE = "fr"


def page_url(page_src: str) -> str:
    """The directory URL of a page, from its path in a language tree: "messages/overview.md" ->
    "messages/overview/", "planning/index.md" -> "planning/", "index.md" -> ""."""
    stem = page_src[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def expand_tree(
    root: Path, out: Path, docs_dir_name: str = "docs", default_language: str = DEFAULT_LANGUAGE
) -> dict[str, int]:
    """Write `out/<lang>/...`: each language tree of `docs/` with its markers expanded, the
    glossary's abbreviations appended and the cards' HTML in place; other files copied as they
    are. Returns the number of pages per language. Raises DataError or MarkerError like a build."""
    from .site_build import BuildSession  # the same per-build work as the MkDocs hooks

    session = BuildSession.start(root, None, None, docs_dir_name, default_language)
    counts: dict[str, int] = {}
    for lang in LANGUAGES:
        tree = root / docs_dir_name / lang
        for source in sorted(p for p in tree.rglob("*") if p.is_file()):
            page_src = source.relative_to(tree).as_posix()
            target = out / lang / page_src
            target.parent.mkdir(parents=True, exist_ok=True)
            if source.suffix != ".md":
                shutil.copyfile(source, target)
                continue
            markdown = session.page_markdown(source.read_text(encoding="utf-8"), lang, page_url(page_src), page_src)
            target.write_text(session.page_content(markdown), encoding="utf-8")
            counts[lang] = counts.get(lang, 0) + 1
    return counts


@dataclass
class Finished:
    print_pages: Path
    policies: int  # pages that received their security policy now
    x_default: int  # sitemap entries that received an x-default alternate

    def summary(self) -> str:
        return (
            f"finish: {self.print_pages.as_posix()} written; security policy added to {self.policies} page(s); "
            f"x-default added to {self.x_default} sitemap entr{'y' if self.x_default == 1 else 'ies'}"
        )


def finish_site(
    site_dir: Path,
    renderer: Renderer,
    site_url: str | None,
    default_language: str = DEFAULT_LANGUAGE,
    *,
    policy: bool = True,
    scripts: csp.ThemeScripts | None = None,
) -> Finished:
    """The post-build steps any generator's output needs. Pages that already carry a policy (the
    MkDocs hooks add it page by page) are left as they are, so running it twice changes nothing;
    `policy=False` (a live-reload server, whose script is inline) adds none. `scripts`: the shapes of
    the theme's own inline scripts, the only ones the policy allows (read from the installed theme
    and overrides/ when not given)."""
    if scripts is None:
        scripts = csp.ThemeScripts.from_dirs(Theme.of(Path.cwd()).dirs)
    css = site_dir / PRINT_PAGES
    css.parent.mkdir(parents=True, exist_ok=True)
    css.write_text(renderer.worksheet_print_css(site_url or "/", default_language), encoding="utf-8")
    policies = 0
    for page in sorted(site_dir.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        if not policy or 'http-equiv="Content-Security-Policy"' in html:
            continue
        page.write_text(csp.with_policy(html, scripts), encoding="utf-8")
        policies += 1
    x_default = sitemap.add_x_default(site_dir, default_language)
    minify_assets(site_dir)
    return Finished(css.relative_to(site_dir), policies, x_default)


def read_mkdocs_config(root: Path, config_file: str = "mkdocs.yml") -> dict[str, Any]:
    """The MkDocs configuration as data, read without MkDocs: `!ENV [NAME, default]` is resolved,
    Python object tags (`!!python/name:...`) become None."""

    class Loader(yaml.SafeLoader):
        pass

    def env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
        if isinstance(node, yaml.SequenceNode):
            values = [str(value) for value in loader.construct_sequence(node)]
        else:
            values = [str(loader.construct_scalar(node))]  # type: ignore[arg-type]  # a ScalarNode here
        names, default = (values[:-1], values[-1]) if len(values) > 1 else (values, None)
        return next((os.environ[name] for name in names if os.environ.get(name)), default)

    Loader.add_constructor("!ENV", env)
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    config = yaml.load((root / config_file).read_text(encoding="utf-8"), Loader=Loader)
    return config if isinstance(config, dict) else {}


def site_url_of(root: Path) -> str | None:
    """`site_url` of mkdocs.yml (SITE_URL when set)."""
    url = read_mkdocs_config(root).get("site_url")
    return str(url) if url else None


def single_language_config(root: Path, lang: str, ui: Mapping[str, Any]) -> dict[str, Any]:
    """mkdocs.yml for one language of the expanded tree, for a generator that runs no hooks and no
    static-i18n (Zensical reads this format): the language's site name, description and copyright,
    navigation section titles in that language, and the switcher through `extra.alternate`."""
    config = read_mkdocs_config(root)
    i18n: dict[str, Any] = next(
        (p["i18n"] for p in config.get("plugins", []) if isinstance(p, dict) and "i18n" in p), {}
    )
    languages = i18n.get("languages", [])
    own: dict[str, Any] = next((entry for entry in languages if entry.get("locale") == lang), {})
    default = next((entry["locale"] for entry in languages if entry.get("default")), DEFAULT_LANGUAGE)

    def translate(items: list[Any]) -> list[Any]:
        out: list[Any] = []
        for item in items:
            if isinstance(item, dict):
                ((key, children),) = item.items()
                title = ui[key][lang] if key in ui else key
                out.append({title: translate(children) if isinstance(children, list) else children})
            else:
                out.append(item)
        return out

    theme = {key: value for key, value in config.get("theme", {}).items() if key != "custom_dir"}
    theme["language"] = lang
    single: dict[str, Any] = {
        "site_name": own.get("site_name", config.get("site_name")),
        "site_description": own.get("site_description", config.get("site_description")),
        "site_url": config.get("site_url"),
        "copyright": own.get("copyright", config.get("copyright")),
        "docs_dir": "docs",
        "site_dir": "site",
        "theme": theme,
        "markdown_extensions": config.get("markdown_extensions", []),
        "nav": translate(config.get("nav", [])),
        "extra": {
            "alternate": [
                {
                    "name": entry.get("name"),
                    "lang": entry["locale"],
                    "link": "/" if entry["locale"] == default else f"/{entry['locale']}/",
                }
                for entry in languages
            ]
        },
    }
    return {key: value for key, value in single.items() if value is not None}
