"""One build of the site, independent of the generator that drives it.

A `BuildSession` is created at the start of each outer build and thrown away
at the next: the data, the templates and every cache live exactly one build,
so `make serve` shows any change under data/, the templates or docs/ on reload.
"""

from __future__ import annotations

import html as html_text
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from . import calendar_file, csp, dates, search_split, sitemap, theme_output
from .engine import finish_site
from .graphics import FORMATS, PREVIEW, page_graphic_for
from .loader import Entry, Guide
from .models import LANGUAGES
from .pages import Theme, safe_meta, safe_title
from .problems import DataError, Problem
from .render import MARKER, OVERVIEW_PATH, TEMPLATES, Renderer
from .site_check import check_site
from .text_rules import plain_text, sanitize, tooltip_safe

LOADS = {"count": 0}  # how many times data was loaded in this process (reported by bench)
OFFLINE_ENV = "BDW_OFFLINE"  # "1": build the offline copy (see offline.py)
FILE_WORKER_SCRIPT = "assets/javascripts/bdw-file-worker.js"  # the search worker from file:// (offline copy)
LOCALES = {"fr": "fr_CA", "en": "en_CA"}  # Open Graph locales: Canadian French and English


def offline_requested() -> bool:
    """True when this build is the offline copy: pages named by file, search without a server."""
    return os.environ.get(OFFLINE_ENV) == "1"


_HEAD_ALTERNATE = re.compile(r'[ \t]*<link rel="alternate" href="[^"]*" hreflang="[^"]+">\n?')
_CANONICAL = re.compile(r'(<link rel="canonical" href=")([^"]*)(">)')


@dataclass
class BuildSession:
    guide: Guide
    renderer: Renderer
    default_language: str
    docs_dir_name: str
    edit_root: str | None
    theme: Theme = field(default_factory=lambda: Theme(None))
    scripts: csp.ThemeScripts = field(default_factory=lambda: csp.ThemeScripts.from_dirs([]))
    languages_built: set[str] = field(default_factory=set)
    page_gaps: list[Problem] = field(default_factory=list)
    history: dates.History = field(default_factory=lambda: dates.History(None))
    modified: dict[str, str | None] = field(default_factory=dict)  # page address -> its date, for the sitemap
    offline: bool = False
    page_markers: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)  # (lang, page) -> marker

    @classmethod
    def start(
        cls,
        root: Path,
        repo_url: str | None,
        edit_uri: str | None,
        docs_dir_name: str,
        default_language: str,
        strict: bool = False,
        templates: Path = TEMPLATES,
        offline: bool = False,
        theme_dirs: list[Path] | None = None,
    ) -> BuildSession:
        """Check everything a build needs (the same `check_site` as `python -m bdw_guide check`),
        before anything is written. A page in one language tree only is an error in a strict build
        (readers of the other language would silently get a fallback) and returned as `page_gaps`
        otherwise, for the adapter to warn about; every other problem stops any build."""
        custom = root / "overrides"
        theme = Theme(custom, tuple(theme_dirs)) if theme_dirs else Theme.of(root)
        report = check_site(root, root / docs_dir_name, theme)
        LOADS["count"] += 1
        gaps = [p for p in report.problems if p.code.startswith("page_missing_")]
        blocking = report.problems if strict else [p for p in report.problems if p not in gaps]
        if blocking or report.guide is None:
            raise DataError(blocking or report.problems)
        guide = report.guide
        edit_root = _edit_root(repo_url, edit_uri, docs_dir_name)
        docs = root / docs_dir_name / default_language
        file_url = (lambda target: _file_url(docs, target)) if offline else None
        session = cls(
            guide,
            Renderer(guide, templates, edit_root, file_url, default_language),
            default_language,
            docs_dir_name,
            edit_root,
            theme,
            csp.ThemeScripts.from_dirs(theme.dirs),
            page_gaps=gaps,
            history=dates.History.read(root),
            offline=offline,
        )
        return session

    # -- per page ---------------------------------------------------------------------------

    def nav_titles(self, lang: str) -> dict[str, str]:
        """Navigation section titles are UI keys in mkdocs.yml; each language gets its text, escaped
        (the theme prints navigation titles as HTML)."""
        return {key: html_text.escape(text[lang]) for key, text in self.guide.ui.items()}

    def page_meta(self, meta: dict[str, Any]) -> dict[str, Any]:
        """The front matter the theme may see (see pages.safe_meta)."""
        return safe_meta(meta, self.theme)

    @staticmethod
    def title(title: str | None) -> str | None:
        """A page or section title as escaped text (see pages.safe_title)."""
        return safe_title(title) if title else title

    def escape_titles(self, page: Any) -> None:
        """A rendered page's title and table-of-contents titles as escaped text: the navigation, the
        header and search print them as HTML. (`page` is MkDocs's page: `.title`, `.toc` of links
        with `.title` and `.children`.)"""
        page.title = self.title(page.title)
        links = list(page.toc)
        while links:
            link = links.pop()
            link.title = self.title(link.title) or ""
            links += link.children

    def not_found_texts(self, copyrights: dict[str, str], site_url: str | None) -> list[dict[str, str]]:
        """What the site's one 404 page says, in every language (the default language first): the
        theme renders it once per language build and only the last one survives, so it holds both.
        Its links are absolute from the site's path (the page is served at any depth)."""
        root = urlsplit(site_url or "/").path.rstrip("/") + "/"
        keys = ("not_found_title", "not_found_text", "not_found_home", "site_name", "overview", "worksheets")
        order = [self.default_language] + [lang for lang in LANGUAGES if lang != self.default_language]
        texts = []
        for lang in order:
            home = root + ("" if lang == self.default_language else f"{lang}/")
            texts.append(
                {
                    "lang": lang,
                    "home": home,
                    "overview_url": home + OVERVIEW_PATH,
                    "worksheets_url": home + "worksheets/",
                    "copyright": copyrights.get(lang, ""),
                    **{key: self.guide.t(key, lang) for key in keys},
                }
            )
        return texts

    def theme_page_html(self, html: str) -> str:
        """The theme's own pages (404.html): no hreflang links in the head (static-i18n leaves those
        of the last page built; the theme would fetch a sitemap beside each)."""
        return _HEAD_ALTERNATE.sub("", html)

    def palette_toggles(self, lang: str, count: int) -> list[dict]:
        """The names of the colour-scheme toggles (light first, then dark), as theme overrides."""
        names = [self.guide.t("scheme_to_dark", lang), self.guide.t("scheme_to_light", lang)]
        return [{"toggle": {"name": names[i % 2]}} for i in range(count)]

    def language_path(self, url: str, lang: str) -> str:
        prefix = f"{lang}/"
        return url[len(prefix) :] if lang != self.default_language and url.startswith(prefix) else url

    def page_markdown(self, markdown: str, lang: str, page_url: str, page_src: str) -> str:
        self.languages_built.add(lang)
        found = MARKER.search(markdown)
        if found:
            self.page_markers[(lang, self.language_path(page_url, lang))] = (found.group(1), found.group(2) or "")
        expanded = self.renderer.expand_markers(
            markdown, lang, self.language_path(page_url, lang), self.language_path(page_src, lang)
        )
        return f"{expanded}\n\n{self.renderer.glossary_definitions(lang)}\n"

    def date_modified(
        self, markdown: str, lang: str, page_src: str, address: str | None = None
    ) -> dict[str, str] | None:
        """The page's "Date modified" (label and YYYY-MM-DD), from the history of the files it is made
        of (see dates.py); None without a usable history. Kept for the sitemap under the page's
        `address` (its canonical URL)."""
        sources = dates.page_sources(self.guide, markdown, lang, f"{self.docs_dir_name}/{page_src}")
        day = dates.day(self.history.last_change(sources))
        if address:
            self.modified[address] = day
        return {"label": self.guide.t("date_modified", lang), "date": day} if day else None

    def share_meta(self, lang: str, page_url: str, site_url: str | None) -> dict:
        """A page's link preview (Open Graph and Twitter card): its language and the other as alternate,
        its image (an audience or objective page's own card, the site's card elsewhere) as an absolute
        address with its size and alt text, and the description of an audience or objective page."""
        marker = self.page_markers.get((lang, self.language_path(page_url, lang)))
        graphic = page_graphic_for(self.guide, marker, lang)
        root = calendar_file.language_root(site_url, lang, self.default_language) or ""
        description = None
        if marker and marker[0] == "audience" and marker[1] in self.guide.audiences:
            description = plain_text(self.guide.audiences[marker[1]].description[lang])
        elif marker and marker[0] == "objective" and marker[1] in self.guide.objectives:
            intro = plain_text(self.guide.objectives[marker[1]].intro[lang])
            description = intro.split(". ")[0].rstrip(".") + "."  # its first sentence
        width, height = FORMATS[PREVIEW]
        return {
            "locale": LOCALES[lang],
            "alternates": [LOCALES[other] for other in LANGUAGES if other != lang],
            "image": root + graphic.path(PREVIEW),
            "width": width,
            "height": height,
            "alt": graphic.alt,
            "description": description,
        }

    def print_address(self, lang: str, address: str | None) -> dict[str, str] | None:
        """The page's published address with its label, printed under its title (bdw-print.css)."""
        if not address:
            return None
        if self.offline:
            address = directory_url(address)
        return {"label": self.guide.t("print_address", lang), "url": address}

    def page_content(self, html: str) -> str:
        """The page's HTML, sanitized (contributed Markdown and the Markdown generated from data alike),
        then its slots filled with the templates' markup."""
        return self.renderer.fill_slots(html, clean=sanitize)

    def page_edit_url(self, src_uri: str, markdown: str, current: str | None) -> str | None:
        """A page made from data alone (its Markdown is a single marker) is edited in its data file,
        at the line of its title in the page's language where it has one; every other page in its
        own language tree (the items such a page lists carry their own edit links)."""
        if not self.edit_root:
            return current
        match = MARKER.fullmatch(markdown.strip())
        if match:
            kind, arg = match.group(1), match.group(2)
            lang = src_uri.split("/", 1)[0]
            entry = self._marker_entry(kind, arg)
            if entry is not None:
                return self.renderer.edit_url(entry, lang, "title")
            target = {"audience": "data/audiences.yml", "objective": "data/objectives.yml"}.get(kind)
            if target:
                return f"{self.edit_root}{target}"
        return f"{self.edit_root}{self.docs_dir_name}/{src_uri}"

    def _marker_entry(self, kind: str, arg: str | None) -> Entry | None:
        """The one-file item a page's marker stands for (a case study, a worksheet), if any."""
        entries = {
            "case-study": self.guide.case_studies,
            "worksheet": self.guide.worksheets,
            "activity": self.guide.activities,
        }.get(kind, [])
        return next((entry for entry in entries if entry.id == arg), None)

    def page_html(self, html: str, lang: str, *, policy: bool = True) -> str:
        """The finished page: its switcher links checked, the head's hreflang links dropped, a
        translated page's search pointed at its own language's index (see search_split), titles made
        safe for the theme's tooltips, then its security policy (left out by `mkdocs serve`, whose
        live-reload script is inline). Raises ThemeOutputError when the theme's output is not what
        these steps expect."""
        theme_output.check_switcher_links(html, [other for other in LANGUAGES if other != lang])
        html = theme_output.drop_head_alternates(html, LANGUAGES)
        if lang != self.default_language:
            html = theme_output.rewrite_config(
                html, lambda config: {**config, "base": search_split.language_base(config["base"], lang)}
            )
        html = tooltip_safe(html)
        if self.offline:  # the page's home is the published one, at its directory URL
            html = _CANONICAL.sub(lambda m: m.group(1) + directory_url(m.group(2)) + m.group(3), html, count=1)
        return self.with_policy(html) if policy else html

    def with_policy(self, html: str) -> str:
        return csp.with_policy(html, self.scripts)

    def template_html(self, html: str, *, policy: bool = True) -> str:
        """The theme's own pages (404.html): no hreflang links in the head, and the same policy."""
        html = theme_output.drop_head_alternates(html, LANGUAGES)
        return self.with_policy(html) if policy else html

    # -- once per build ---------------------------------------------------------------------

    def finish(self, site_dir: Path, site_url: str | None = None, *, policy: bool = True) -> None:
        """After static-i18n has built every language: one search index per language (from the
        plugin's merged one, which must be there; also as scripts in the offline copy), each page's
        date as the sitemap's lastmod, then the steps any generator needs (engine.finish_site),
        every sitemap entry getting its x-default, and the November calendar files."""
        if not search_split.split_index(site_dir, self.default_language):
            raise theme_output.ThemeOutputError(f"no merged search index at {search_split.INDEX} to split by language")
        if self.offline:
            search_split.write_scripts(site_dir)
        if not (site_dir / "sitemap.xml").is_file():
            raise theme_output.ThemeOutputError("no sitemap.xml to give its x-default alternates")
        sitemap.set_lastmod(site_dir, self.modified)
        finished = finish_site(
            site_dir, self.renderer, site_url, self.default_language, policy=policy, scripts=self.scripts
        )
        if not finished.x_default:
            raise theme_output.ThemeOutputError(
                f"sitemap.xml has no entry with a {self.default_language!r} alternate to copy as x-default"
            )
        calendar_file.write_calendars(self.guide, site_dir, site_url, self.default_language)

    def summary(self) -> str:
        return (
            f"bdw-guide: data loaded and validated {LOADS['count']} time(s) in this process; "
            f"{len(self.guide.messages)} messages; languages built: {', '.join(sorted(self.languages_built))}"
        )


def directory_url(url: str) -> str:
    """The published address of a page named by its file: "a/b.html" is "a/b/", "a/index.html" "a/"."""
    if url.endswith("index.html"):
        return url[: -len("index.html")]
    return url[: -len(".html")] + "/" if url.endswith(".html") else url


def _file_url(docs: Path, target: str) -> str:
    """A directory URL as the file MkDocs writes without directory URLs: "a/b/" is "a/b.html", or
    "a/b/index.html" when it is a section's index page; "" is the home page."""
    if target and not target.endswith("/"):
        return target
    path = target.rstrip("/")
    if not path or (docs / path / "index.md").is_file():
        return f"{path}/index.html".lstrip("/")
    return f"{path}.html"


def _edit_root(repo_url: str | None, edit_uri: str | None, docs_dir_name: str) -> str | None:
    """`edit_uri` points into docs/; data files sit beside it at the repository root."""
    if not repo_url or not edit_uri:
        return None
    root = edit_uri.rstrip("/")
    if root.endswith(docs_dir_name):
        root = root[: -len(docs_dir_name)].rstrip("/")
    return f"{repo_url.rstrip('/')}/{root}/"
