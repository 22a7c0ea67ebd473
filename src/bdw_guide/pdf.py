"""Blank worksheet PDFs, made by headless Chromium from the site's own print layout.

Each worksheet page is printed once per paper size (Letter, A4) with Chromium's `page.pdf`,
which honours the named `@page` of bdw-pages.css: exact page size, running title, site address
and page numbers. The PDF is tagged, so its text is selectable and carries the page's language;
its title comes from the page's `<title>`. One "workshop pack" per language and paper size
merges them all.

Every PDF is cached under the hash of what it is made from (the page, the stylesheets and
scripts, the paper size, this module's version), so a rebuild where no worksheet changed
opens no browser at all.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

from .loader import Guide
from .models import LANGUAGES
from .worksheets import PACK_PATH, PAPERS, PDF_PATH, WORKSHEET_PATH

RENDER_VERSION = "2"  # change when the way PDFs are made changes, to refresh every cache entry
CHROMIUM = os.environ.get("BDW_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


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


@dataclass
class Report:
    made: int = 0
    cached: int = 0
    seconds: float = 0.0
    files: list[Path] = field(default_factory=list)

    def summary(self) -> str:
        return (f"PDFs: {len(self.files)} files ({self.made} made, {self.cached} from cache) "
                f"in {self.seconds:.2f} s")


def _digest(*parts: bytes | str) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode() if isinstance(part, str) else part)
        h.update(b"\0")
    return h.hexdigest()[:32]


def _assets_digest(site_dir: Path) -> str:
    """Everything a printed page depends on besides its own HTML."""
    files = sorted((site_dir / "assets").rglob("*.css")) + sorted((site_dir / "assets").rglob("bdw*.js"))
    return _digest(*(f.read_bytes() for f in files))


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


def make_pdfs(site_dir: Path, guide: Guide, cache_dir: Path, default_language: str = "fr") -> Report:
    """Write every worksheet PDF and the packs into `site_dir`, from cache where possible."""
    started = time.perf_counter()
    report = Report()
    jobs = plan(site_dir, guide, default_language)
    assets = _assets_digest(site_dir)
    for job in jobs:
        job.key = _digest(RENDER_VERSION, assets, job.paper, job.page.read_bytes())
    cache_dir.mkdir(parents=True, exist_ok=True)
    missing = [job for job in jobs if not (cache_dir / f"{job.key}.pdf").is_file()]
    if missing:
        _render(missing, cache_dir)
    report.made += len(missing)
    report.cached += len(jobs) - len(missing)
    for job in jobs:
        _place(cache_dir / f"{job.key}.pdf", job.out, report)
    for lang in LANGUAGES:
        root = site_dir if lang == default_language else site_dir / lang
        for paper in PAPERS:
            parts = [job for job in jobs if job.lang == lang and job.paper == paper]
            title = guide.t("pack_title", lang)
            key = _digest(RENDER_VERSION, "pack", title, lang, *(job.key for job in parts))
            cached = cache_dir / f"{key}.pdf"
            if cached.is_file():
                report.cached += 1
            else:
                _merge([cache_dir / f"{job.key}.pdf" for job in parts], cached, title, lang)
                report.made += 1
            _place(cached, root / PACK_PATH.format(paper=paper), report)
    report.seconds = time.perf_counter() - started
    return report


def _place(cached: Path, out: Path, report: Report) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(cached, out)
    report.files.append(out)


def _render(jobs: list[Job], cache_dir: Path) -> None:
    if not Path(CHROMIUM).exists():
        raise PdfError(f"Chromium is needed to make the PDFs and {CHROMIUM} does not exist: install it "
                       "(Debian: apt-get install chromium) or set BDW_CHROMIUM to its path")
    from playwright.sync_api import sync_playwright  # only this step needs a browser

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            # The site must not reach out while printing (and from file:// it has nothing to fetch).
            page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:")
                       else route.abort())
            page.emulate_media(media="print")
            for job in jobs:
                page.goto(job.page.resolve().as_uri(), wait_until="load")
                page.evaluate("paper => { document.documentElement.setAttribute('data-paper', paper);"
                              " document.documentElement.classList.add('bdw-blank'); }", job.paper)
                # A private temporary name: two builds sharing the cache (parallel test workers)
                # may print the same page at once; the rename is atomic, the last one wins.
                target = cache_dir / f"{job.key}.{os.getpid()}.tmp"
                page.pdf(path=str(target), prefer_css_page_size=True, print_background=True, tagged=True)
                target.replace(cache_dir / f"{job.key}.pdf")
        finally:
            browser.close()


def _merge(parts: list[Path], out: Path, title: str, lang: str) -> None:
    from pypdf import PdfWriter
    from pypdf.generic import NameObject, TextStringObject

    writer = PdfWriter()
    for part in parts:
        writer.append(str(part))
    writer.add_metadata({"/Title": title})
    writer._root_object[NameObject("/Lang")] = TextStringObject(lang)
    target = out.with_suffix(f".{os.getpid()}.tmp")
    with target.open("wb") as handle:
        writer.write(handle)
    target.replace(out)
