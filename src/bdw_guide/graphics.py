"""Share graphics: PNG images of every message, and a link-preview card for every page, made by Chromium.

For each message and language: 1080×1080 (a square post), 1200×630 (a link or landscape post) and
1080×1920 (a story), showing the message's objective and audience, its headline, its short line
(`graphic:` in data/posts/<objective>/<audience>.yml), the campaign hashtag and the site's address.
For each audience and objective page, and for the site itself, one 1200×630 card: the `og:image` of
the page's link preview (see `share_meta`).

Each graphic is an HTML page (src/bdw_guide/templates/share-graphic.html with its share-graphic.css, whose
custom properties hold the palette) rendered by one headless Chromium, a few pages in parallel,
screenshot at its exact size; the text is shrunk until it fits. No font or file is fetched: the page
uses the machine's sans-serif fonts (DejaVu Sans, Liberation Sans on Debian). Every PNG is cached
under the hash of its HTML and size (like the worksheet PDFs), so a rebuild where nothing changed
opens no browser at all.

Each graphic has an alt text in its language, at most 250 characters (checked with the data):
the words it shows, in reading order.
"""

from __future__ import annotations

import asyncio
import os
import re
import time
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from . import browser as browser_setting
from .made import Report, digest, place
from .models import LANGUAGES
from .text_rules import plain_text
from .ui_text import fill

RENDER_VERSION = "1"  # change when the way graphics are made changes, to refresh every cache entry
WORKERS = 2  # pages rendering at once: the build machine has two cores

FORMATS: dict[str, tuple[int, int]] = {"square": (1080, 1080), "landscape": (1200, 630), "story": (1080, 1920)}
PREVIEW = "landscape"  # the size of link previews (og:image) and of the card's preview
SHARE_PATH = "share/{name}-{width}x{height}.png"  # under each language's root
ALT_LIMIT = 250  # characters of alt text, what X and most platforms accept for an image description
LINE_LIMIT = 100  # characters of a message's short line on its graphics


@dataclass(frozen=True)
class Graphic:
    """One graphic in one language, in one or more formats."""

    name: str  # "access-public" (a message), "audience-public", "objective-access", "site"
    lang: str
    kicker: str
    headline: str
    line: str
    tag: str
    formats: tuple[str, ...]

    @property
    def alt(self) -> str:
        return alt_text(self.kicker, self.headline, self.line, self.tag)

    def path(self, fmt: str) -> str:
        """Where the PNG is, from its language's root."""
        width, height = FORMATS[fmt]
        return SHARE_PATH.format(name=self.name, width=width, height=height)


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text[-1:] in ".?!…" else text + "."


def alt_text(kicker: str, headline: str, line: str, tag: str) -> str:
    """The words a graphic shows, in reading order: "Objective 1 · Government — Headline. Line. #Tag"."""
    return f"{kicker} — {_sentence(headline)} {_sentence(line)} {tag}"


def message_kicker(guide, objective: str, audience: str, lang: str) -> str:
    number = list(guide.objectives).index(objective) + 1
    return f"{fill(guide.t('objective_n', lang), n=number)} · {guide.audiences[audience].title[lang]}"


def message_graphic(guide, key: tuple[str, str], lang: str) -> Graphic:
    message = guide.messages[key].data
    return Graphic(
        f"{key[0]}-{key[1]}",
        lang,
        message_kicker(guide, key[0], key[1], lang),
        plain_text(message.headline[lang]),
        plain_text(guide.posts[key].data.graphic[lang]),
        guide.campaign.hashtag[lang],
        tuple(FORMATS),
    )


def page_graphic(guide, kind: str, item: str, lang: str) -> Graphic:
    """The link-preview card of an audience or objective page."""
    if kind == "audience":
        return Graphic(
            f"audience-{item}",
            lang,
            guide.t("key_messages", lang),
            guide.audiences[item].title[lang],
            guide.t("messages_for_audience", lang),
            guide.campaign.hashtag[lang],
            (PREVIEW,),
        )
    number = list(guide.objectives).index(item) + 1
    return Graphic(
        f"objective-{item}",
        lang,
        fill(guide.t("objective_n", lang), n=number),
        plain_text(guide.objectives[item].title[lang]),
        guide.t("messages_for_objective", lang),
        guide.campaign.hashtag[lang],
        (PREVIEW,),
    )


def site_graphic(guide, lang: str) -> Graphic:
    """The link-preview card of every other page: the guide itself."""
    campaign = guide.campaign
    return Graphic(
        "site",
        lang,
        f"{campaign.publisher} · {campaign.year}",
        plain_text(campaign.title[lang]),
        plain_text(campaign.subtitle[lang]),
        campaign.hashtag[lang],
        (PREVIEW,),
    )


def all_graphics(guide) -> list[Graphic]:
    out: list[Graphic] = []
    for lang in LANGUAGES:
        out += [message_graphic(guide, key, lang) for key in guide.messages]
        out += [page_graphic(guide, "audience", a, lang) for a in guide.audiences]
        out += [page_graphic(guide, "objective", o, lang) for o in guide.objectives]
        out.append(site_graphic(guide, lang))
    return out


def page_graphic_for(guide, marker: tuple[str, str] | None, lang: str) -> Graphic:
    """The link-preview graphic of a page: its audience or objective card, or the site's."""
    if marker and marker[0] in ("audience", "objective") and marker[1]:
        return page_graphic(guide, marker[0], marker[1], lang)
    return site_graphic(guide, lang)


# -- making the PNGs ------------------------------------------------------------------------------

# Shrinks the headline and the line together (--fit, from 1 down) until the text fits its box.
FIT_SCRIPT = """() => {
  const box = document.querySelector('.g__text'), root = document.documentElement;
  let fit = 1;
  while (fit > 0.5 && (box.scrollHeight > box.clientHeight + 1 || box.scrollWidth > box.clientWidth + 1)) {
    fit -= 0.04;
    root.style.setProperty('--fit', fit.toFixed(2));
  }
  return fit;
}"""


class GraphicsError(RuntimeError):
    """Graphics cannot be made (no Chromium, no built site); the message says what to do."""


@dataclass
class Job:
    graphic: Graphic
    fmt: str
    html: str
    out: Path
    key: str = ""

    @property
    def size(self) -> tuple[int, int]:
        return FORMATS[self.fmt]


def site_address(site_dir: Path, lang: str, default_language: str) -> str:
    """The address a graphic shows: the language's home page as the built site declares it (its
    canonical link), without https:// or the final slash."""
    home = (site_dir if lang == default_language else site_dir / lang) / "index.html"
    if not home.is_file():
        raise GraphicsError(f"{home} is missing: build the site first (make build), then make the graphics")
    found = re.search(r'<link rel="canonical" href="([^"]+)"', home.read_text(encoding="utf-8"))
    address = found.group(1) if found else ""
    return re.sub(r"^https?://", "", address).rstrip("/")


class GraphicTemplates:
    """The graphic's HTML, from src/bdw_guide/templates/share-graphic.html and share-graphic.css."""

    def __init__(self, templates: Path):
        self.env = Environment(
            loader=FileSystemLoader(str(templates)),
            autoescape=select_autoescape(default=True),
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.css = (templates / "share-graphic.css").read_text(encoding="utf-8")

    def html(self, graphic: Graphic, fmt: str, address: str) -> str:
        width, height = FORMATS[fmt]
        return self.env.get_template("share-graphic.html").render(
            g=graphic, fmt=fmt, width=width, height=height, address=address, css=self.css
        )


def plan(site_dir: Path, guide, templates: Path, default_language: str = "fr") -> list[Job]:
    source = GraphicTemplates(templates)
    addresses = {lang: site_address(site_dir, lang, default_language) for lang in LANGUAGES}
    jobs = []
    for graphic in all_graphics(guide):
        root = site_dir if graphic.lang == default_language else site_dir / graphic.lang
        for fmt in graphic.formats:
            html = source.html(graphic, fmt, addresses[graphic.lang])
            job = Job(graphic, fmt, html, root / graphic.path(fmt))
            job.key = digest(RENDER_VERSION, html, *map(str, job.size))
            jobs.append(job)
    return jobs


def make_graphics(
    site_dir: Path, guide, templates: Path, cache_dir: Path, default_language: str = "fr", workers: int = WORKERS
) -> Report:
    """Write every graphic into `site_dir`, from cache where possible."""
    started = time.perf_counter()
    report = Report("Share graphics")
    jobs = plan(site_dir, guide, templates, default_language)
    cache_dir.mkdir(parents=True, exist_ok=True)
    missing = [job for job in jobs if not (cache_dir / f"{job.key}.png").is_file()]
    if missing:
        asyncio.run(_render(missing, cache_dir, workers))
    report.made, report.cached = len(missing), len(jobs) - len(missing)
    for job in jobs:
        place(cache_dir / f"{job.key}.png", job.out, report)
    report.seconds = time.perf_counter() - started
    return report


async def _render(jobs: list[Job], cache_dir: Path, workers: int) -> None:
    if not browser_setting.available():
        raise GraphicsError(browser_setting.missing_message())
    from playwright.async_api import async_playwright  # only this step needs a browser

    queue = sorted(jobs, key=lambda job: job.size)  # pages change size as rarely as possible
    async with async_playwright() as p:
        browser = await browser_setting.launch(p)  # Chromium's path and flags, in one place
        try:

            async def worker() -> None:
                page = await browser.new_page(device_scale_factor=1)
                await page.route("**/*", lambda route: route.abort())  # a graphic fetches nothing
                size = None
                while queue:
                    job = queue.pop()
                    if job.size != size:
                        size = job.size
                        await page.set_viewport_size({"width": size[0], "height": size[1]})
                    await page.set_content(job.html, wait_until="load")
                    await page.evaluate(FIT_SCRIPT)
                    # A private temporary name: two builds sharing the cache may make the same graphic.
                    target = cache_dir / f"{job.key}.{os.getpid()}.{id(page)}.tmp"
                    await page.screenshot(path=str(target), type="png")
                    target.replace(cache_dir / f"{job.key}.png")
                await page.close()

            await asyncio.gather(*(worker() for _ in range(max(1, workers))))
        finally:
            await browser.close()
