"""One build of the site, independent of the generator that drives it.

A `BuildSession` is created at the start of each outer build and thrown away
at the next: the data, the templates and every cache live exactly one build,
so `make serve` shows any change under data/, overrides/ or docs/ on reload.
"""
from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from . import calendar_file, csp, dates, search_split, sitemap
from .loader import Guide, load_guide
from .models import LANGUAGES
from .problems import DataError, Problem, ProblemLog
from .render import MARKER, OVERVIEW_PATH, Renderer, relative_url
from .translation import page_gaps

LOADS = {"count": 0}  # how many times data was loaded in this process (reported by bench)
OFFLINE_ENV = "BDW_OFFLINE"  # "1": build the offline copy (see offline.py)
FILE_WORKER_SCRIPT = "assets/javascripts/bdw-file-worker.js"  # the search worker from file:// (offline copy)


def offline_requested() -> bool:
    """True when this build is the offline copy: pages named by file, search without a server."""
    return os.environ.get(OFFLINE_ENV) == "1"

_ABSOLUTE_ALTERNATE = re.compile(
    r'(<a href="|<link rel="alternate" href=")(/[^"]*)(" hreflang="[^"]+"(?: class="md-select__link")?>)')
_HEAD_ALTERNATE = re.compile(r'[ \t]*<link rel="alternate" href="[^"]*" hreflang="[^"]+">\n?')
_CANONICAL = re.compile(r'(<link rel="canonical" href=")([^"]*)(">)')
_CONFIG_SCRIPT = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)


@dataclass
class BuildSession:
    guide: Guide
    renderer: Renderer
    default_language: str
    docs_dir_name: str
    edit_root: str | None
    languages_built: set[str] = field(default_factory=set)
    page_gaps: list[Problem] = field(default_factory=list)
    history: dates.History = field(default_factory=lambda: dates.History(None))
    modified: dict[str, str | None] = field(default_factory=dict)  # page address -> its date, for the sitemap
    offline: bool = False

    @classmethod
    def start(cls, root: Path, templates: Path, repo_url: str | None, edit_uri: str | None,
              docs_dir_name: str, default_language: str, strict: bool = False,
              offline: bool = False) -> "BuildSession":
        """Load and check everything a build needs. A page in one language tree only is an error in a
        strict build (readers of the other language would silently get a fallback) and returned as
        `page_gaps` otherwise, for the adapter to warn about."""
        guide = load_guide(root)
        LOADS["count"] += 1
        _check_generated_pages(guide, root / docs_dir_name)
        gaps = page_gaps(root, root / docs_dir_name)
        if gaps and strict:
            raise DataError(gaps)
        edit_root = _edit_root(repo_url, edit_uri, docs_dir_name)
        docs = root / docs_dir_name / default_language
        file_url = (lambda target: _file_url(docs, target)) if offline else None
        session = cls(guide, Renderer(guide, templates, edit_root, file_url, default_language), default_language, docs_dir_name,
                      edit_root, page_gaps=gaps, history=dates.History.read(root), offline=offline)
        return session

    # -- per page ---------------------------------------------------------------------------

    def nav_titles(self, lang: str) -> dict[str, str]:
        """Navigation section titles are UI keys in mkdocs.yml; each language gets its text."""
        return {key: text[lang] for key, text in self.guide.ui.items()}

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
            texts.append({"lang": lang, "home": home, "overview_url": home + OVERVIEW_PATH,
                          "worksheets_url": home + "worksheets/", "copyright": copyrights.get(lang, ""),
                          **{key: self.guide.t(key, lang) for key in keys}})
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
        return url[len(prefix):] if lang != self.default_language and url.startswith(prefix) else url

    def page_markdown(self, markdown: str, lang: str, page_url: str, page_src: str) -> str:
        self.languages_built.add(lang)
        expanded = self.renderer.expand_markers(markdown, lang, self.language_path(page_url, lang),
                                                self.language_path(page_src, lang))
        return f"{expanded}\n\n{self.renderer.glossary_definitions(lang)}\n"

    def date_modified(self, markdown: str, lang: str, page_src: str, address: str | None = None) -> dict[str, str] | None:
        """The page's "Date modified" (label and YYYY-MM-DD), from the history of the files it is made
        of (see dates.py); None without a usable history. Kept for the sitemap under the page's
        `address` (its canonical URL)."""
        sources = dates.page_sources(self.guide, markdown, lang, f"{self.docs_dir_name}/{page_src}")
        day = dates.day(self.history.last_change(sources))
        if address:
            self.modified[address] = day
        return {"label": self.guide.t("date_modified", lang), "date": day} if day else None

    def print_address(self, lang: str, address: str | None) -> dict[str, str] | None:
        """The page's published address with its label, printed under its title (bdw-print.css)."""
        if not address:
            return None
        if self.offline:
            address = directory_url(address)
        return {"label": self.guide.t("print_address", lang), "url": address}

    def page_content(self, html: str) -> str:
        return self.renderer.fill_slots(html)

    def page_edit_url(self, src_uri: str, markdown: str, current: str | None) -> str | None:
        """Generated pages are edited in data/, the others in their own language tree."""
        if not self.edit_root:
            return current
        match = MARKER.search(markdown)
        if match:
            target = {"audience": "data/audiences.yml", "objective": "data/objectives.yml"}.get(match.group(1))
            if target:
                return f"{self.edit_root}{target}"
        return f"{self.edit_root}{self.docs_dir_name}/{src_uri}"

    def page_html(self, html: str, lang: str, page_url: str, site_url: str | None, *, policy: bool = True) -> str:
        """The finished page: links and search fixed (see `_fix_links`), then its security policy
        (left out by `mkdocs serve`, whose live-reload script is inline)."""
        html = _HEAD_ALTERNATE.sub("", self._fix_links(html, lang, page_url, site_url))
        if self.offline:  # the page's home is the published one, at its directory URL
            html = _CANONICAL.sub(lambda m: m.group(1) + directory_url(m.group(2)) + m.group(3), html, count=1)
        return csp.with_policy(html) if policy else html

    def _fix_links(self, html: str, lang: str, page_url: str, site_url: str | None) -> str:
        """Relative switcher links, and a translated page's search pointed at its own language's
        index (see search_split).

        The head's hreflang links are dropped (`_HEAD_ALTERNATE`): the theme fetches `sitemap.xml`
        next to each of them on every page load, which fails beside every page (a wasted request and
        a console error) and would reach the public site from a workshop laptop if they were
        absolute. `sitemap.xml` declares the same alternates, x-default included, for search engines.
        """
        if site_url:
            # static-i18n links the home pages by absolute path ("/en/"), which breaks when the
            # site is opened from a folder or a USB key; make them relative.
            root = urlsplit(site_url).path.rstrip("/") + "/"

            def relative(match: re.Match[str]) -> str:
                path = match.group(2)
                target = path[len(root):] if path.startswith(root) else path.lstrip("/")
                return match.group(1) + relative_url(target, page_url) + match.group(3)

            html = _ABSOLUTE_ALTERNATE.sub(relative, html)
        if lang == self.default_language:
            return html

        def retarget(match: re.Match[str]) -> str:
            config = json.loads(match.group(2))
            config["base"] = search_split.language_base(config["base"], lang)
            return match.group(1) + json.dumps(config, ensure_ascii=False) + match.group(3)

        return _CONFIG_SCRIPT.sub(retarget, html, count=1)

    # -- once per build ---------------------------------------------------------------------

    def finish(self, site_dir: Path, site_url: str | None = None) -> None:
        search_split.split_index(site_dir, self.default_language)
        if self.offline:
            search_split.write_scripts(site_dir)
        sitemap.set_lastmod(site_dir, self.modified)
        sitemap.add_x_default(site_dir, self.default_language)
        css = site_dir / "assets" / "stylesheets" / "bdw-pages.css"
        css.parent.mkdir(parents=True, exist_ok=True)
        css.write_text(self.renderer.worksheet_print_css(site_url or "/", self.default_language), encoding="utf-8")
        calendar_file.write_calendars(self.guide, site_dir, site_url, self.default_language)

    def summary(self) -> str:
        return (f"bdw-guide: data loaded and validated {LOADS['count']} time(s) in this process; "
                f"{len(self.guide.messages)} messages; languages built: {', '.join(sorted(self.languages_built))}")


def _check_generated_pages(guide: Guide, docs_dir: Path) -> None:
    """Every worksheet, case study and activity needs its page in each language tree (a one-line marker
    file); without it, links from the guide would lead nowhere."""
    log = ProblemLog(guide.root)
    for entries, folder, code in ((guide.worksheets, "worksheets", "worksheet_without_page"),
                                  (guide.case_studies, "case-studies", "case_study_without_page"),
                                  (guide.activities, "activities", "activity_without_page")):
        for entry in entries:
            for lang in LANGUAGES:
                if not (docs_dir / lang / folder / f"{entry.id}.md").is_file():
                    log.add(guide.root / entry.path, 1, "", code, tree=f"{docs_dir.name}/{lang}/{folder}", id=entry.id)
    log.raise_if_any()


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
