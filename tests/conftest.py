"""Shared fixtures: a scratch copy of the repository, one strict build per session, a local server."""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import urlparse

import pytest

ROOT = Path(__file__).resolve().parent.parent
REPO_PARTS = ["mkdocs.yml", "docs", "data", "overrides", "hooks"]


def copy_repo(dest: Path) -> Path:
    """The parts of the repository a build reads, copied so a test may break them."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in REPO_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part)
        else:
            shutil.copy2(src, dest / part)
    return dest


def mkdocs_build(repo: Path, site: Path, lang: str = "fr") -> subprocess.CompletedProcess[str]:
    """A strict build of `repo`, its problems told in `lang`."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "BDW_LANG": lang}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=repo, env=env, capture_output=True, text=True, timeout=300,
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return copy_repo(tmp_path / "repo")


CHROMIUM = "/usr/bin/chromium"
HAS_CHROMIUM = Path(CHROMIUM).exists()
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


def make_pdfs(site: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bdw_guide", "pdf", "--site", str(site), "--cache", str(ROOT / ".cache" / "pdf")],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )


def make_graphics(site: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bdw_guide", "graphics", "--site", str(site), "--cache", str(ROOT / ".cache" / "graphics")],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site as deployed, built once, strictly, from the working tree, with its worksheet
    PDFs and share graphics (made by Chromium; only a machine without it, outside CI, goes without)."""
    out = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT, out)
    assert result.returncode == 0, result.stderr
    if HAS_CHROMIUM:
        pdfs = make_pdfs(out)
        assert pdfs.returncode == 0, pdfs.stderr
        graphics = make_graphics(out)
        assert graphics.returncode == 0, graphics.stderr
    elif os.environ.get("CI") == "true":
        pytest.fail(f"{CHROMIUM} is missing under CI=true: .ci/run must install Debian's chromium")
    return out


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="session")
def server(site: Path):
    """Serve the built site on 127.0.0.1 (an ephemeral port) for the browser tests."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser():
    """One headless Chromium per test module (Debian's, driven by Playwright)."""
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{CHROMIUM} is missing under CI=true: .ci/run must install Debian's chromium")
        pytest.skip(f"no {CHROMIUM} on this machine")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, server):
    """A fresh page that records outside requests and policy violations; a violation fails the test
    unless the test expects one."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    outside: list[str] = []
    origin = urlparse(server).netloc

    def watch(request) -> None:
        url = urlparse(request.url)
        if url.scheme in ("http", "https", "ws", "wss") and url.netloc != origin:
            outside.append(request.url)

    context.on("request", watch)
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.outside_requests = outside  # type: ignore[attr-defined]
    violations: list[str] = []
    page.on("console", lambda msg: violations.append(msg.text) if "Content Security Policy" in msg.text else None)
    page.csp_violations = violations  # type: ignore[attr-defined]
    yield page
    context.close()
    # Every browser test doubles as a policy check: nothing the site does may be refused by it.
    if not getattr(page, "expects_csp_violation", False):
        assert violations == [], violations
