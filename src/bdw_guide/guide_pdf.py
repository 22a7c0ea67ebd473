"""The whole guide as one PDF per language (Letter and A4), printed by Chromium from the built site.

Each section of the guide, in its order (background, using the guide, the key messages by
audience with their cited facts, the overview of their headlines, the communication plan, the planning questions, the activities,
the conclusion), is taken from its built page, stripped of what only works on screen (buttons,
forms: a worksheet is referred to by its number in the workshop pack, with a link), its anchors
made unique and its links pointed inside the document (or at the published site for anything the
document does not hold). A cover and a contents page go in front. Chromium prints it twice: once
to learn from the PDF's outline where each section starts, then with those page numbers in the
contents. The PDF is tagged, carries an outline of every heading, the guide's title and its
language. Cached by the hash of everything it is made from.
"""

from __future__ import annotations

import html
import os
import time
from datetime import date
from pathlib import Path

from .loader import Guide
from .made import Report, digest, place
from .models import LANGUAGES
from .pdf import RENDER_VERSION, _browser, _offline, long_date, workers
from .render import ACTIVITY_PATH, GUIDE_PDF_PATH, Renderer
from .ui_text import fill
from .worksheets import PACK_PATH, PAPERS, sheet_number

GUIDE_VERSION = "1"

# Where a worksheet's place in the guide links while its pages are read (once for both papers); each
# paper's PDF replaces it with the address of that paper's workshop pack. Absolute, so EXTRACT, which
# rewrites only the site's own links, leaves it as it is.
PACK_TOKEN = "https://bdw.invalid/workshop-pack"

# Strip a built page down to its printable content, make its ids unique with the section's prefix and
# point its links into the document (or at the published site). Runs in the page, in Chromium.
EXTRACT = r"""
({prefix, sections, site, published, refs}) => {
  const article = document.querySelector("article.md-content__inner").cloneNode(true);
  article.querySelectorAll(".headerlink, .bdw-tools, .bdw-card__actions, .bdw-question-nav, .md-source-file, " +
      ".md-content__button, script, .bdw-copy, .bdw-filter, .bdw-edit-link, [data-needs-js], .bdw-guide-pdf").forEach(el => el.remove());
  article.querySelectorAll("form.bdw-worksheet").forEach(form => {
    const ref = refs[form.getAttribute("data-worksheet")];
    const p = document.createElement("p");
    p.className = "bdw-doc-ref";
    const a = document.createElement("a");
    a.href = ref.href; a.textContent = ref.text;
    p.appendChild(a);
    form.replaceWith(p);
  });
  const idOf = (section, hash) => hash ? section + "--" + hash : "sec-" + section;
  article.querySelectorAll("[id]").forEach(el => { el.id = idOf(prefix, el.id); });
  article.querySelectorAll("[aria-labelledby], [aria-describedby], label[for]").forEach(el => {
    for (const name of ["aria-labelledby", "aria-describedby", "for"]) {
      if (el.hasAttribute(name)) el.setAttribute(name, el.getAttribute(name).split(" ").map(id => idOf(prefix, id)).join(" "));
    }
  });
  article.querySelectorAll("a[href]").forEach(a => {
    const url = new URL(a.getAttribute("href"), location.href);
    if (url.protocol !== "file:") return;
    let path = decodeURIComponent(url.pathname);
    if (!path.startsWith(site)) return;
    path = path.slice(site.length).replace(/index\.html$/, "");
    const hash = url.hash.slice(1);
    if (sections[path] !== undefined) a.setAttribute("href", "#" + idOf(sections[path], hash));
    else a.setAttribute("href", published + path + url.hash);
  });
  const h1 = article.querySelector("h1");
  return {title: h1 ? h1.textContent.trim() : "", html: article.innerHTML};
}
"""


def guide_pages(guide: Guide) -> list[str]:
    """The guide's sections in its order, as paths of built pages under a language's root."""
    return (
        ["background/", "using-this-guide/", "messages/", "messages/overview/"]
        + [f"messages/audiences/{a}/" for a in guide.audiences]
        + ["communication-plan/", "planning/"]
        + [f"planning/question-{n}/" for n in range(1, len(guide.questions) + 1)]
        + ["getting-started/"]
        + [ACTIVITY_PATH.format(id=a.id) for a in guide.activities]  # each activity in full, after its index
        + ["conclusion/"]
    )


def file_name(guide: Guide, lang: str) -> str:
    return guide.t("guide_pdf_name", lang)


def make_guide_pdfs(
    site_dir: Path,
    guide: Guide,
    cache_dir: Path,
    templates: Path,
    site_url: str,
    default_language: str = "fr",
) -> Report:
    """Write each language's guide PDF (Letter and A4) into the site, from cache where possible."""
    started = time.perf_counter()
    report = Report("Guide PDFs")
    template = (templates / "guide-document.html").read_bytes()
    styles = sorted((site_dir / "assets" / "stylesheets").rglob("*.css"))
    style_digest = digest(*(p.read_bytes() for p in styles))
    todo: list[tuple[str, str, Path, Path, Path]] = []  # (language, paper, root, cache file, site file)
    ready: list[tuple[str, str, Path, Path, Path]] = []
    cache_dir.mkdir(parents=True, exist_ok=True)
    for lang in LANGUAGES:
        root = site_dir if lang == default_language else site_dir / lang
        pages = [root / path / "index.html" for path in guide_pages(guide)]
        sources = digest(
            GUIDE_VERSION,
            RENDER_VERSION,
            template,
            style_digest,
            site_url,
            lang,
            Path(__file__).read_bytes(),
            *(p.read_bytes() for p in pages),
        )
        for paper in PAPERS:
            target = cache_dir / f"{digest(sources, paper)}.guide.pdf"
            out = root / GUIDE_PDF_PATH.format(name=file_name(guide, lang), paper=paper)
            (ready if target.is_file() else todo).append((lang, paper, root, target, out))
    spent = (
        _print_all([job[:4] for job in todo], site_dir, guide, templates, site_url, default_language) if todo else {}
    )
    report.made, report.cached = len(todo), len(ready)
    for _lang, _paper, _root, target, out in ready + todo:
        place(target, out, report, spent.get(target.name, 0.0))
    report.seconds = time.perf_counter() - started
    return report


def _print_all(
    todo, site_dir: Path, guide: Guide, templates: Path, site_url: str, default_language: str
) -> dict[str, float]:
    """One browser per worker process, each printing every paper of the languages it is given (a
    language's pages are read once for all its papers); returns the seconds each took, by cache file
    name."""
    by_language: dict[str, list] = {}
    for job in todo:
        by_language.setdefault(job[0], []).append(job)
    n = min(workers(), len(by_language))
    if n <= 1:
        return _print(todo, site_dir, guide, templates, site_url, default_language)
    from concurrent.futures import ProcessPoolExecutor

    shares: list[list] = [[] for _ in range(n)]
    for index, jobs in enumerate(by_language.values()):
        shares[index % n] += jobs
    spent: dict[str, float] = {}
    with ProcessPoolExecutor(max_workers=n) as pool:
        for job in [
            pool.submit(_print, share, site_dir, guide, templates, site_url, default_language) for share in shares
        ]:
            spent.update(job.result())
    return spent


def _print(
    todo, site_dir: Path, guide: Guide, templates: Path, site_url: str, default_language: str
) -> dict[str, float]:
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject, TextStringObject

    renderer = Renderer(guide, templates)
    spent: dict[str, float] = {}
    site = site_dir.resolve().as_posix() + "/"
    published = site_url.rstrip("/") + "/"
    extracted: dict[str, list[dict]] = {}  # by language: the same pages serve every paper
    with _browser() as browser:
        page = browser.new_page()
        _offline(page)
        for lang, paper, root, target in todo:
            began = time.perf_counter()
            prefix = "" if lang == default_language else f"{lang}/"
            if lang not in extracted:
                extracted[lang] = _extract(page, guide, lang, prefix, root, site, published)
            # A worksheet's place in the guide links to the workshop pack of the PDF's own paper.
            pack = html.escape(published + prefix + PACK_PATH.format(paper=paper), quote=True)
            sections = [{**part, "html": part["html"].replace(PACK_TOKEN, pack)} for part in extracted[lang]]
            styles = [
                p.resolve().as_uri()
                for p in sorted((site_dir / "assets" / "stylesheets").rglob("*.css"))
                if p.name != "bdw-pages.css"
            ]
            context = {
                "paper": paper,
                "address": published + prefix,
                "made": long_date(date.today(), lang),
                "styles": styles,
                "sections": sections,
            }
            document = site_dir / f".guide-{lang}-{paper}-{os.getpid()}.html"
            tmp = target.with_suffix(f".{os.getpid()}.tmp")
            try:
                for pages in (False, True):
                    document.write_text(
                        renderer.document("guide-document.html", lang, pages=pages, **context), encoding="utf-8"
                    )
                    page.goto(document.resolve().as_uri(), wait_until="load")
                    page.pdf(path=str(tmp), prefer_css_page_size=True, print_background=True, tagged=True, outline=True)
                    if not pages:
                        starts = _section_pages(PdfReader(tmp))
                        for section, start in zip(sections, starts[1:], strict=False):  # the first is the contents
                            section["page"] = start
            finally:
                document.unlink(missing_ok=True)
            writer = PdfWriter(clone_from=str(tmp))
            writer.add_metadata({"/Title": guide.campaign.title[lang], "/Author": guide.campaign.publisher})
            writer.root_object[NameObject("/Lang")] = TextStringObject(lang)
            writer.page_mode = "/UseOutlines"
            with tmp.open("wb") as handle:
                writer.write(handle)
            tmp.replace(target)
            spent[target.name] = time.perf_counter() - began
    return spent


def _extract(page, guide: Guide, lang: str, prefix: str, root: Path, site: str, published: str) -> list[dict]:
    """Each of the guide's pages in `lang`, stripped to its printable content by EXTRACT (in
    Chromium), in the guide's order; worksheets point at PACK_TOKEN."""
    paths = guide_pages(guide)
    ids = {prefix + path: f"s{n}" for n, path in enumerate(paths, 1)}
    refs = {
        w.id: {
            "text": fill(guide.t("guide_pdf_sheet", lang), n=sheet_number(guide, w), title=w.data.title[lang]),
            "href": PACK_TOKEN,
        }
        for w in guide.worksheets
    }
    sections = []
    for path in paths:
        page.goto((root / path / "index.html").resolve().as_uri(), wait_until="load")
        part = page.evaluate(
            EXTRACT,
            {"prefix": ids[prefix + path], "sections": ids, "site": site, "published": published, "refs": refs},
        )
        sections.append(
            {
                "id": f"sec-{ids[prefix + path]}",
                "title": part["title"],
                "html": part["html"],
                "page": 0,
                "run_on": path.startswith("activities/"),  # one after the other, not a page each
            }
        )
    return sections


def _section_pages(reader) -> list[int]:
    """1-based first page of each top-level heading in the PDF's outline (the h1 of each part)."""
    return [reader.get_destination_page_number(item) + 1 for item in reader.outline if not isinstance(item, list)]
