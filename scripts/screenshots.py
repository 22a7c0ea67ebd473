"""PNG screenshots of each page type, so a reviewer sees a change without building it.

    python scripts/screenshots.py [--site SITE] [--out screenshots]

Builds the site strictly (unless --site names a built one), serves it on 127.0.0.1 and writes, for
each page type, language, colour scheme and screen (laptop 1280 x 800, phone 390 x 844), one PNG of
the page from its top (at most MAX_HEIGHT pixels high): screenshots/<type>-<lang>-<scheme>-<screen>.png.
Needs Chromium (see bdw_guide/browser.py; BDW_CHROMIUM names another) and Playwright for Python.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from bdw_guide import browser as browser_setting

ROOT = Path(__file__).resolve().parent.parent
MAX_HEIGHT = 2400  # a full page would be 10 000 px for some; the top tells most of the story
SCREENS = {"laptop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}
SCHEMES = ("light", "dark")
# Page type -> path under a language's root ("" = home); "404" is the site's one 404 page, asked for
# from a deep address as GitHub Pages serves it.
PAGES = {
    "home": "",
    "audience": "messages/audiences/business/",
    "overview": "messages/overview/",
    "worksheet": "worksheets/communication-plan/",
    "activities": "getting-started/",
    "activity": "activities/op-ed/",
    "404": "404",
}
LANGS = {"fr": "", "en": "en/"}


class _Handler(http.server.SimpleHTTPRequestHandler):
    """A static host like GitHub Pages: an unknown address gets the site's 404.html."""

    def log_message(self, *args) -> None:
        pass

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code == 404 and page.exists():
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)


def build(site: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
        cwd=ROOT,
        env=env,
        check=True,
    )


def shoot(
    site: Path, out: Path, only: set[str] | None = None, max_height: int = MAX_HEIGHT, browser=None
) -> list[Path]:
    """Serve `site` and write the PNGs into `out`; `browser` is a Playwright Chromium (one is started
    when none is given)."""
    handler = functools.partial(_Handler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    out.mkdir(parents=True, exist_ok=True)
    try:
        if browser is not None:
            return _shoot_all(browser, base, out, only, max_height)
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            chromium = browser_setting.launch(p)  # Chromium's path and flags, in one place
            try:
                return _shoot_all(chromium, base, out, only, max_height)
            finally:
                chromium.close()
    finally:
        httpd.shutdown()


def _shoot_all(browser, base: str, out: Path, only: set[str] | None, max_height: int) -> list[Path]:
    written = []
    for screen, viewport in SCREENS.items():
        for scheme in SCHEMES:
            context = browser.new_context(
                viewport=viewport,
                color_scheme=scheme,
                is_mobile=screen == "phone",
                has_touch=screen == "phone",
                device_scale_factor=1,
            )
            page = context.new_page()
            for kind, path in PAGES.items():
                if only and kind not in only:
                    continue
                for lang, prefix in LANGS.items():
                    url = f"{base}/{prefix}no/such/page/here/" if kind == "404" else f"{base}/{prefix}{path}"
                    page.goto(url)
                    page.wait_for_load_state("load")
                    height = min(page.evaluate("document.documentElement.scrollHeight"), max_height)
                    target = out / f"{kind}-{lang}-{scheme}-{screen}.png"
                    page.screenshot(
                        path=str(target),
                        full_page=True,
                        clip={"x": 0, "y": 0, "width": viewport["width"], "height": max(height, viewport["height"])},
                    )
                    written.append(target)
            context.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one now)")
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots")
    parser.add_argument("--only", nargs="*", help="page types to shoot (default: all): " + ", ".join(PAGES))
    parser.add_argument("--height", type=int, default=MAX_HEIGHT, help="at most this many pixels from the top")
    args = parser.parse_args(argv)
    if not browser_setting.available():
        print(browser_setting.missing_message(), file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site or Path(tmp) / "site"
        if not args.site:
            build(site)
        written = shoot(site, args.out, set(args.only) if args.only else None, args.height)
    print(f"{len(written)} screenshots in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
