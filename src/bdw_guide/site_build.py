"""One build of the site, independent of the generator that drives it.

A `BuildSession` is created at the start of each outer build and thrown away
at the next: the data, the templates and every cache live exactly one build,
so `make serve` shows any change under data/, the templates or docs/ on reload.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import csp, search_split, theme_output
from .engine import finish_site
from .loader import Entry, Guide, load_guide
from .models import LANGUAGES
from .problems import DataError, Problem, ProblemLog
from .render import MARKER, TEMPLATES, Renderer
from .translation import page_gaps

LOADS = {"count": 0}  # how many times data was loaded in this process (reported by bench)


@dataclass
class BuildSession:
    guide: Guide
    renderer: Renderer
    default_language: str
    docs_dir_name: str
    edit_root: str | None
    languages_built: set[str] = field(default_factory=set)
    page_gaps: list[Problem] = field(default_factory=list)

    @classmethod
    def start(cls, root: Path, repo_url: str | None, edit_uri: str | None, docs_dir_name: str,
              default_language: str, strict: bool = False, templates: Path = TEMPLATES) -> BuildSession:
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
        session = cls(guide, Renderer(guide, templates, edit_root), default_language, docs_dir_name, edit_root)
        session.page_gaps = gaps
        return session

    # -- per page ---------------------------------------------------------------------------

    def nav_titles(self, lang: str) -> dict[str, str]:
        """Navigation section titles are UI keys in mkdocs.yml; each language gets its text."""
        return {key: text[lang] for key, text in self.guide.ui.items()}

    def language_path(self, url: str, lang: str) -> str:
        prefix = f"{lang}/"
        return url[len(prefix):] if lang != self.default_language and url.startswith(prefix) else url

    def page_markdown(self, markdown: str, lang: str, page_url: str, page_src: str) -> str:
        self.languages_built.add(lang)
        expanded = self.renderer.expand_markers(markdown, lang, self.language_path(page_url, lang),
                                                self.language_path(page_src, lang))
        return f"{expanded}\n\n{self.renderer.glossary_definitions(lang)}\n"

    def page_content(self, html: str) -> str:
        return self.renderer.fill_slots(html)

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
        entries = {"case-study": self.guide.case_studies, "worksheet": self.guide.worksheets}.get(kind, [])
        return next((entry for entry in entries if entry.id == arg), None)

    def page_html(self, html: str, lang: str, *, policy: bool = True) -> str:
        """The finished page: its switcher links checked, the head's hreflang links dropped, a
        translated page's search pointed at its own language's index (see search_split), then its
        security policy (left out by `mkdocs serve`, whose live-reload script is inline). Raises
        ThemeOutputError when the theme's output is not what these steps expect."""
        theme_output.check_switcher_links(html, LANGUAGES)
        html = theme_output.drop_head_alternates(html, LANGUAGES)
        if lang != self.default_language:
            html = theme_output.rewrite_config(
                html, lambda config: {**config, "base": search_split.language_base(config["base"], lang)})
        return csp.with_policy(html) if policy else html

    def template_html(self, html: str, *, policy: bool = True) -> str:
        """The theme's own pages (404.html): no hreflang links in the head, and the same policy."""
        html = theme_output.drop_head_alternates(html, LANGUAGES)
        return csp.with_policy(html) if policy else html

    # -- once per build ---------------------------------------------------------------------

    def finish(self, site_dir: Path, site_url: str | None = None, *, policy: bool = True) -> None:
        """After static-i18n has built every language: one search index per language (from the
        plugin's merged one, which must be there), then the steps any generator needs
        (engine.finish_site), every sitemap entry getting its x-default."""
        if not search_split.split_index(site_dir, self.default_language):
            raise theme_output.ThemeOutputError(f"no merged search index at {search_split.INDEX} to split by language")
        if not (site_dir / "sitemap.xml").is_file():
            raise theme_output.ThemeOutputError("no sitemap.xml to give its x-default alternates")
        finished = finish_site(site_dir, self.renderer, site_url, self.default_language, policy=policy)
        if not finished.x_default:
            raise theme_output.ThemeOutputError(f"sitemap.xml has no entry with a {self.default_language!r} "
                                                "alternate to copy as x-default")

    def summary(self) -> str:
        return (f"bdw-guide: data loaded and validated {LOADS['count']} time(s) in this process; "
                f"{len(self.guide.messages)} messages; languages built: {', '.join(sorted(self.languages_built))}")


def _check_generated_pages(guide: Guide, docs_dir: Path) -> None:
    """Every worksheet and case study needs its page in each language tree (a one-line marker
    file); without it, links from the guide would lead nowhere."""
    log = ProblemLog(guide.root)
    for entries, folder, code in ((guide.worksheets, "worksheets", "worksheet_without_page"),
                                  (guide.case_studies, "case-studies", "case_study_without_page")):
        for entry in entries:
            for lang in LANGUAGES:
                if not (docs_dir / lang / folder / f"{entry.id}.md").is_file():
                    log.add(guide.root / entry.path, 1, "", code, tree=f"{docs_dir.name}/{lang}/{folder}", id=entry.id)
    log.raise_if_any()


def _edit_root(repo_url: str | None, edit_uri: str | None, docs_dir_name: str) -> str | None:
    """`edit_uri` points into docs/; data files sit beside it at the repository root."""
    if not repo_url or not edit_uri:
        return None
    root = edit_uri.rstrip("/")
    if root.endswith(docs_dir_name):
        root = root[: -len(docs_dir_name)].rstrip("/")
    return f"{repo_url.rstrip('/')}/{root}/"
