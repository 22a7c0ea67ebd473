"""Quality audit of the built site against stock Material built from the same Markdown: the Nu HTML
checker, bytes and requests on first load, and Lighthouse scores (desktop and mobile presets, light
and dark colour schemes).

The palette follows the reader's system (prefers-color-scheme); Lighthouse sets no colour scheme,
so the dark runs start Chromium with --force-dark-mode, which makes headless Chromium report
`prefers-color-scheme: dark` (checked on Debian's Chromium 150), and each dark run's final screenshot
is checked to be dark.

A single Lighthouse run's performance score varies by a point or more from run to run on the same
page (Lighthouse's docs/variability.md: "Run Lighthouse multiple times"), which is the whole margin
between 99 and 100 on a phone. So each mobile score is that of the median of MOBILE_RUNS runs, chosen
as Lighthouse's own core/lib/median-run.js chooses it (median_run below), for ours and stock alike;
desktop runs, far from any threshold, run once.

Called by `scripts/bench.py --audit` (`make audit`). Needs Java (Nu checker), npm packages
(`npm ci` in audit/: vnu-jar, lighthouse) and Chromium (found by bdw_guide.browser).
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import json
import os
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

from bdw_guide import browser

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = browser.path()
TOOLS = ROOT / "audit" / "node_modules"  # npm ci in audit/ (make audit), never by make test
VNU = TOOLS / "vnu-jar" / "build" / "dist" / "vnu.jar"
LIGHTHOUSE = TOOLS / ".bin" / "lighthouse"
PAGE_TYPES = {
    "home": "",
    "audience": "messages/audiences/public/",
    "overview": "messages/overview/",
    "question": "planning/question-2/",
    "worksheet": "worksheets/question-2/",
}
LANG_PREFIX = {"fr": "", "en": "en/"}
GOAL_EXTRA_KB = 15
# Markup the theme itself emits in base.html, its main template, which we do not fork: the drawer
# and search toggles are checkboxes with `autocomplete="off"` (a Firefox workaround), which the HTML
# standard allows on text fields only. Filtered by message and by the toggle's own attribute.
VNU_THEME_ONLY = ("Attribute “autocomplete” is only allowed", "data-md-toggle")


def stock_config(expanded_docs: Path, out: Path) -> Path:
    """mkdocs.yml as stock Material: same Markdown (markers already expanded), same plugins, but no
    hooks and an empty overrides folder (our stylesheets and scripts are added by overrides/main.html)."""
    empty = expanded_docs.parent / "no-overrides"
    empty.mkdir(exist_ok=True)
    out.write_text(
        f"INHERIT: mkdocs.yml\nhooks: []\ndocs_dir: {expanded_docs}\ntheme:\n  custom_dir: {empty}\n", encoding="utf-8"
    )
    return out


def build(config: Path, site: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run(
        ["mkdocs", "build", "-q", "-f", str(config), "-d", str(site)],
        check=True,
        env=env,
        cwd=ROOT,
        capture_output=True,
    )


COMPRESSIBLE = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt"}


@contextlib.contextmanager
def serve(site: Path) -> Iterator[str]:
    """Serve a built site the way its host does (GitHub Pages compresses text with gzip), so that
    Lighthouse measures what readers get; both variants are served alike."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            path = Path(self.translate_path(self.path))
            if path.is_dir():
                path = path / "index.html"
            if (
                path.suffix not in COMPRESSIBLE
                or not path.is_file()
                or "gzip" not in self.headers.get("Accept-Encoding", "")
            ):
                return super().do_GET()
            body = gzip.compress(path.read_bytes(), 6)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()


def nu_check(site: Path) -> tuple[list[str], int]:
    """(errors, errors filtered out as theme-only markup)."""
    run = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--skip-non-html", "--format", "json", str(site)],
        capture_output=True,
        text=True,
    )
    messages = json.loads(run.stderr or run.stdout or '{"messages": []}')["messages"]
    errors = [m for m in messages if m.get("type") == "error"]
    kept = [
        f"{Path(m.get('url', '')).as_posix().split(site.name + '/')[-1]}:{m.get('lastLine', '?')}: {m['message']}"
        for m in errors
        if not all(part in m["message"] + m.get("extract", "") for part in VNU_THEME_ONLY)
    ]
    return kept, len(errors) - len(kept)


def first_load(base: str, path: str) -> dict[str, int]:
    """Bytes a gzip-serving host would send on a first visit, and the number of requests."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = browser.launch(p)
        page = chromium.new_page()
        responses = []
        page.on("response", lambda r: responses.append(r))
        page.goto(f"{base}/{path}", wait_until="networkidle")
        total = index = 0
        for response in responses:
            try:
                body = response.body()
            except Exception:  # a redirect or an aborted request has no body
                body = b""
            size = len(gzip.compress(body, 6))
            total += size
            if response.url.endswith("search_index.json"):
                index += size
        chromium.close()
    return {"bytes": total, "requests": len(responses), "index": index}


SCHEMES = {"light": [], "dark": ["--force-dark-mode"]}  # extra Chromium flags per colour scheme
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def screenshot_brightness(result: dict) -> float:
    """Mean brightness (0 to 255) of a Lighthouse run's final screenshot."""
    import base64
    import io

    from PIL import Image, ImageStat

    data = result["audits"]["final-screenshot"]["details"]["data"].partition(",")[2]
    image = Image.open(io.BytesIO(base64.b64decode(data))).convert("L")
    return float(ImageStat.Stat(image).mean[0])


def lost_points(result: dict) -> list[str]:
    """What cost points: in performance, each weighted metric under 1 (with its value); elsewhere
    each failed audit."""
    lost = []
    for name, category in result["categories"].items():
        for ref in category["auditRefs"]:
            item = result["audits"][ref["id"]]
            if ref.get("weight", 0) > 0 and item.get("score") is not None and item["score"] < 1:
                shown = f" {item['displayValue']}" if item.get("displayValue") else ""
                lost.append(f"{name}: {ref['id']} ({item['score']:.2f}{shown})")
    return lost


MOBILE_RUNS = 3


def median_run(runs: list[dict]) -> dict:
    """The run closest to the median first contentful paint and time to interactive, ties going to
    the quickest to interactive: Lighthouse 12's computeMedianRun (core/lib/median-run.js)."""
    import statistics

    def value(run: dict, audit: str) -> float:
        return float(run["audits"][audit]["numericValue"])

    fcp = statistics.median(value(run, "first-contentful-paint") for run in runs)
    tti = statistics.median(value(run, "interactive") for run in runs)
    return min(
        runs,
        key=lambda run: (
            (fcp - value(run, "first-contentful-paint")) ** 2 + (tti - value(run, "interactive")) ** 2,
            value(run, "interactive"),
        ),
    )


def lighthouse(url: str, preset: str, scheme: str = "light") -> tuple[dict[str, int], list[str]]:
    """Scores by category, and what cost points (see lost_points), of one run on desktop and of the
    median of MOBILE_RUNS runs on a phone."""
    result = median_run([lighthouse_run(url, preset, scheme) for _ in range(1 if preset == "desktop" else MOBILE_RUNS)])
    scores = {name: round(cat["score"] * 100) for name, cat in result["categories"].items()}
    return scores, lost_points(result)


def lighthouse_run(url: str, preset: str, scheme: str) -> dict:
    """One Lighthouse run's result, its colour scheme checked on its final screenshot."""
    with tempfile.NamedTemporaryFile(suffix=".json") as report:
        flags = " ".join([browser.command_line_flags(), *SCHEMES[scheme]])
        args = [
            str(LIGHTHOUSE),
            url,
            "--output=json",
            f"--output-path={report.name}",
            "--quiet",
            f"--chrome-flags={flags}",
        ]
        if preset == "desktop":
            args.append("--preset=desktop")
        subprocess.run(args, check=True, capture_output=True, env={**os.environ, "CHROME_PATH": str(CHROMIUM)})
        result = json.loads(Path(report.name).read_text(encoding="utf-8"))
    brightness = screenshot_brightness(result)
    if (brightness < 128) != (scheme == "dark"):
        raise RuntimeError(f"Lighthouse on {url}: the {scheme} scheme was not applied (brightness {brightness:.0f})")
    return result


def audit(expand_docs, lighthouse_runs: bool = True) -> int:
    """Print the audit as Markdown tables; return 1 if a goal is missed."""
    missing = [str(p) for p in (VNU, LIGHTHOUSE, CHROMIUM) if not p.exists()]
    if missing:
        print(f"audit: missing {', '.join(missing)} (make audit runs npm ci in audit/; install chromium)")
        return 1
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        ours, stock = tmp_path / "ours", tmp_path / "stock"
        build(ROOT / "mkdocs.yml", ours)
        config = stock_config(expand_docs(tmp_path / "docs-expanded"), ROOT / ".bench-stock.yml")
        try:
            build(config, stock)
        finally:
            config.unlink(missing_ok=True)

        print("## Nu HTML checker (errors only)\n")
        for name, site in (("ours", ours), ("stock Material", stock)):
            errors, filtered = nu_check(site)
            print(
                f"- {name}: {len(errors)} error(s); {filtered} filtered as the theme's own markup "
                "(autocomplete on its drawer and search checkboxes)"
            )
            for error in errors[:10]:
                print(f"  - {error}")
            ok &= name != "ours" or not errors

        print("\n## First load (gzip bytes, requests)\n")
        print("| page | ours KB | stock KB | added KB (without search index) | requests ours/stock | search index KB |")
        print("|---|---|---|---|---|---|")
        rows = []
        losses: list[str] = []
        with serve(ours) as ours_url, serve(stock) as stock_url:
            for kind, path in PAGE_TYPES.items():
                for lang, prefix in LANG_PREFIX.items():
                    a, b = first_load(ours_url, prefix + path), first_load(stock_url, prefix + path)
                    added = (a["bytes"] - b["bytes"]) / 1024
                    # Without the search index (ours is one language's, stock's both), what our
                    # stylesheets, scripts and markup add:
                    added_assets = ((a["bytes"] - a["index"]) - (b["bytes"] - b["index"])) / 1024
                    ok &= added <= GOAL_EXTRA_KB and added_assets <= GOAL_EXTRA_KB
                    print(
                        f"| {kind} ({lang}) | {a['bytes'] / 1024:.1f} | {b['bytes'] / 1024:.1f} | {added:+.1f} ({added_assets:+.1f}) | "
                        f"{a['requests']}/{b['requests']} | {a['index'] / 1024:.1f} (stock {b['index'] / 1024:.1f}) |"
                    )
                    for scheme in SCHEMES:
                        scores = {}
                        for preset in ("desktop", "mobile"):
                            for variant, base in (("ours", ours_url), ("stock", stock_url)):
                                if not lighthouse_runs:
                                    scores[preset, variant] = "–"
                                    continue
                                s, lost = lighthouse(f"{base}/{prefix}{path}", preset, scheme)
                                scores[preset, variant] = "/".join(str(s[c]) for c in CATEGORIES)
                                if variant == "ours":
                                    ok &= all(s[c] == 100 for c in CATEGORIES)
                                losses += [f"{kind} ({lang}), {scheme}, {preset}, {variant}: {item}" for item in lost]
                        rows.append(
                            f"| {kind} ({lang}) | {scheme} | {scores['desktop', 'ours']} | {scores['desktop', 'stock']} | "
                            f"{scores['mobile', 'ours']} | {scores['mobile', 'stock']} |"
                        )
        print(
            f"\n## Lighthouse (performance/accessibility/best practices/SEO; mobile: the median of {MOBILE_RUNS} runs)\n"
        )
        print("| page | scheme | desktop ours | desktop stock | mobile ours | mobile stock |")
        print("|---|---|---|---|---|---|")
        print("\n".join(rows))
        if losses:
            print("\nWhere points were lost:\n")
            print("\n".join(f"- {line}" for line in losses))
    print(
        f"\nGoals: no Nu error in our pages; at most {GOAL_EXTRA_KB} KB gzip added per page; Lighthouse 100 in "
        f"all four categories. {'All met.' if ok else 'NOT ALL MET (see above).'}"
    )
    return 0 if ok else 1
