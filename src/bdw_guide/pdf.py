"""Blank worksheet PDFs, made by headless Chromium from the site's own print layout.

Each worksheet page is printed once per paper size (Letter, A4) with Chromium's `page.pdf`,
which honours the named `@page` of bdw-pages.css: exact page size, running title, site address
and page numbers. The PDF is tagged, so its text is selectable and carries the page's language;
its title comes from the page's `<title>`. One "workshop pack" per language and paper size
gathers them all in the guide's order behind a cover (the guide, the language, the paper size, the
day it was made) and a contents page with page numbers, with a bookmark for each sheet. Pages are
printed by two browsers at once where there are two cores.

Every PDF is cached under the hash of what it is made from (the page, the stylesheets and
scripts, the paper size, this module's version), so a rebuild where no worksheet changed
opens no browser at all.
"""

from __future__ import annotations

import os
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from . import browser as chromium
from .loader import Guide
from .made import Report, digest, place
from .models import LANGUAGES
from .ui_text import fill
from .worksheets import PACK_PATH, PAPERS, PDF_PATH, WORKSHEET_PATH

RENDER_VERSION = "3"  # change when the way PDFs are made changes, to refresh every cache entry


class PdfError(RuntimeError):
    """PDFs cannot be made (no Chromium, no built site); the message says what to do."""


@dataclass
class Job:
    lang: str
    worksheet: str
    paper: str
    page: Path  # the built worksheet page
    out: Path
    key: str = ""


def _assets_digest(site_dir: Path) -> str:
    """Everything a printed page depends on besides its own HTML."""
    files = sorted((site_dir / "assets").rglob("*.css")) + sorted((site_dir / "assets").rglob("bdw*.js"))
    return digest(*(f.read_bytes() for f in files))


def plan(site_dir: Path, guide: Guide, default_language: str = "fr") -> list[Job]:
    jobs: list[Job] = []
    for lang in LANGUAGES:
        root = site_dir if lang == default_language else site_dir / lang
        for entry in guide.worksheets:
            page = root / WORKSHEET_PATH.format(id=entry.id) / "index.html"
            if not page.is_file():
                raise PdfError(f"{page} is missing: build the site first (make build), then make the PDFs")
            for paper in PAPERS:
                jobs.append(Job(lang, entry.id, paper, page, root / PDF_PATH.format(id=entry.id, paper=paper)))
    return jobs


def make_pdfs(
    site_dir: Path,
    guide: Guide,
    cache_dir: Path,
    default_language: str = "fr",
    templates: Path | None = None,
    site_url: str = "",
) -> Report:
    """Write every worksheet PDF and the packs into `site_dir`, from cache where possible."""
    started = time.perf_counter()
    report = Report("PDFs")
    jobs = plan(site_dir, guide, default_language)
    assets = _assets_digest(site_dir)
    for job in jobs:
        job.key = digest(RENDER_VERSION, assets, job.paper, job.page.read_bytes())
    cache_dir.mkdir(parents=True, exist_ok=True)
    missing = [job for job in jobs if not (cache_dir / f"{job.key}.pdf").is_file()]
    spent = _render_parallel(missing, cache_dir) if missing else {}
    report.made += len(missing)
    report.cached += len(jobs) - len(missing)
    for job in jobs:
        place(cache_dir / f"{job.key}.pdf", job.out, report, spent.get(job.key, 0.0))
    packs = _packs(site_dir, guide, jobs, cache_dir, default_language, templates, site_url)
    fronts = [pack for pack in packs if not pack.cached.is_file()]
    if fronts:
        _print_fronts(fronts)
    for pack in packs:
        seconds = 0.0
        if pack in fronts:
            began = time.perf_counter()
            _merge_pack(pack, cache_dir)
            seconds = pack.seconds + time.perf_counter() - began
            report.made += 1
        else:
            report.cached += 1
        place(pack.cached, pack.out, report, seconds)
    report.seconds = time.perf_counter() - started
    return report


# -- the workshop pack ----------------------------------------------------------------------------

MONTHS = {
    "fr": [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
}


def long_date(day: date, lang: str) -> str:
    """28 novembre 2026 / November 28, 2026."""
    month = MONTHS[lang][day.month - 1]
    return f"{day.day}\u00a0{month} {day.year}" if lang == "fr" else f"{month} {day.day}, {day.year}"


@dataclass(eq=False)
class Pack:
    lang: str
    paper: str
    parts: list[Job]
    out: Path
    cached: Path
    title: str
    front: Path  # its cover and contents, printed by Chromium
    renderer: Any
    context: dict = field(default_factory=dict)
    outline: list[tuple[str, int]] = field(default_factory=list)  # (bookmark, page index)
    seconds: float = 0.0  # time spent printing its cover and contents


def _packs(
    site_dir: Path,
    guide: Guide,
    jobs: list[Job],
    cache_dir: Path,
    default_language: str,
    templates: Path | None,
    site_url: str,
) -> list[Pack]:
    from pypdf import PdfReader

    from .render import TEMPLATES, Renderer

    templates = templates or TEMPLATES
    renderer = Renderer(guide, templates)
    front_source = (templates / "pack-front.html").read_bytes()
    packs = []
    for lang in LANGUAGES:
        root = site_dir if lang == default_language else site_dir / lang
        for paper in PAPERS:
            parts = [job for job in jobs if job.lang == lang and job.paper == paper]
            title = guide.t("pack_title", lang)
            texts = [
                guide.t(k, lang)
                for k in (
                    "pack_cover_title",
                    "pack_cover_lead",
                    "pack_language",
                    "language_name",
                    "paper",
                    f"paper_{paper}",
                    "pack_made",
                    "contents",
                    "contents_page",
                    "sheet_n",
                )
            ]
            # The day it was made is printed on the cover but is not part of the key: an unchanged
            # pack keeps the day it was first made.
            key = digest(
                RENDER_VERSION, "pack", front_source, title, lang, paper, site_url, *texts, *(job.key for job in parts)
            )
            pack = Pack(
                lang,
                paper,
                parts,
                root / PACK_PATH.format(paper=paper),
                cache_dir / f"{key}.pdf",
                title,
                cache_dir / f"{key}.front.pdf",
                renderer,
            )
            if not pack.cached.is_file():
                address = site_url.rstrip("/") + "/" + ("" if lang == default_language else f"{lang}/") + "worksheets/"
                pack.context = {
                    "paper": paper,
                    "made": long_date(date.today(), lang),
                    "address": address,
                    "counts": [len(PdfReader(cache_dir / f"{job.key}.pdf").pages) for job in parts],
                    "titles": [
                        next(w for w in guide.worksheets if w.id == job.worksheet).data.title[lang] for job in parts
                    ],
                }
            packs.append(pack)
    return packs


def _front_html(pack: Pack, contents_pages: int) -> str:
    """Cover and contents, given how many pages the contents take (the sheets follow them)."""
    guide = pack.renderer.guide
    entries, page = [], 2 + contents_pages
    pack.outline = [(guide.t("contents", pack.lang), 1)]
    for number, (title, count) in enumerate(zip(pack.context["titles"], pack.context["counts"], strict=True), 1):
        entries.append((number, title, page))
        pack.outline.append((f"{fill(guide.t('sheet_n', pack.lang), n=number)} · {title}", page - 1))
        page += count
    context = {k: v for k, v in pack.context.items() if k not in ("counts", "titles")}
    return pack.renderer.document("pack-front.html", pack.lang, entries=entries, **context)


def _print_fronts(packs: list[Pack]) -> None:
    """Print each pack's cover and contents; a contents longer than one page is printed again with
    the sheets' page numbers moved along."""
    from pypdf import PdfReader

    with _browser() as browser:
        page = browser.new_page()
        _offline(page)
        for pack in packs:
            began = time.perf_counter()
            contents_pages = 1
            for _ in range(3):
                page.set_content(_front_html(pack, contents_pages), wait_until="load")
                target = pack.front.with_suffix(f".{os.getpid()}.tmp")
                page.pdf(path=str(target), prefer_css_page_size=True, print_background=True, tagged=True)
                target.replace(pack.front)
                printed = len(PdfReader(pack.front).pages) - 1
                if printed == contents_pages:
                    break
                contents_pages = printed
            pack.seconds = time.perf_counter() - began


def _merge_pack(pack: Pack, cache_dir: Path) -> None:
    """Cover and contents, then every sheet, with a bookmark for the contents and one per sheet."""
    from pypdf import PdfWriter
    from pypdf.generic import NameObject, TextStringObject

    writer = PdfWriter()
    writer.append(str(pack.front))
    for job in pack.parts:
        writer.append(str(cache_dir / f"{job.key}.pdf"))
    for title, index in pack.outline:
        writer.add_outline_item(title=title, page_number=index)
    writer.page_mode = "/UseOutlines"
    writer.add_metadata({"/Title": pack.title})
    writer.root_object[NameObject("/Lang")] = TextStringObject(pack.lang)
    target = pack.cached.with_suffix(f".{os.getpid()}.tmp")
    with target.open("wb") as handle:
        writer.write(handle)
    target.replace(pack.cached)
    pack.front.unlink(missing_ok=True)


# -- printing ---------------------------------------------------------------------------------------


@contextmanager
def _browser():
    if not chromium.available():
        raise PdfError(chromium.missing_message())
    from playwright.sync_api import sync_playwright  # only this step needs a browser

    with sync_playwright() as p:
        browser = chromium.launch(p)
        try:
            yield browser
        finally:
            browser.close()


def _offline(page) -> None:
    """The site must not reach out while printing (and from file:// it has nothing to fetch)."""
    page.route(
        "**/*", lambda route: route.continue_() if route.request.url.startswith(("file:", "data:")) else route.abort()
    )
    page.emulate_media(media="print")


def workers() -> int:
    """Browsers printing at once: one per core, two at most (BDW_PDF_WORKERS to choose)."""
    return max(1, int(os.environ.get("BDW_PDF_WORKERS") or min(2, os.cpu_count() or 1)))


def _render_parallel(jobs: list[Job], cache_dir: Path) -> dict[str, float]:
    """Print the pages with one browser per worker process, each taking every n-th page; returns
    the seconds each took (by cache key)."""
    n = min(workers(), max(1, len(jobs) // 8))  # a browser takes about half a second to start
    if n == 1:
        return _render(jobs, cache_dir)
    from concurrent.futures import ProcessPoolExecutor

    spent: dict[str, float] = {}
    with ProcessPoolExecutor(max_workers=n) as pool:
        for result in [pool.submit(_render, jobs[i::n], cache_dir) for i in range(n)]:
            spent.update(result.result())
    return spent


def _render(jobs: list[Job], cache_dir: Path) -> dict[str, float]:
    spent: dict[str, float] = {}
    with _browser() as browser:
        page = browser.new_page()
        _offline(page)
        for job in jobs:
            began = time.perf_counter()
            page.goto(job.page.resolve().as_uri(), wait_until="load")
            page.evaluate(
                "paper => { document.documentElement.setAttribute('data-paper', paper);"
                " document.documentElement.classList.add('bdw-blank'); }",
                job.paper,
            )
            # A private temporary name: two builds sharing the cache (parallel test workers)
            # may print the same page at once; the rename is atomic, the last one wins.
            target = cache_dir / f"{job.key}.{os.getpid()}.tmp"
            page.pdf(path=str(target), prefer_css_page_size=True, print_background=True, tagged=True)
            target.replace(cache_dir / f"{job.key}.pdf")
            spent[job.key] = time.perf_counter() - began
    return spent
