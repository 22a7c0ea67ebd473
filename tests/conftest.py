"""Shared fixtures: the repository root, the loaded guide, a scratch copy of the repository, one strict
build per test run (shared by every xdist worker), a built page parsed, a local server, a browser."""

from __future__ import annotations

import contextlib
import fcntl
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
from bs4 import BeautifulSoup

from bdw_guide import browser as chromium
from bdw_guide.loader import Guide, load_guide

ROOT = Path(__file__).resolve().parent.parent
GUIDE = load_guide(ROOT)  # the real data, loaded once per test process (module constants and parameters read it)
LANGS = {"fr": "", "en": "en/"}  # each language's folder in the built site


def soup(site: Path, path: str) -> BeautifulSoup:
    """A built page parsed, by its directory URL ("en/messages/overview"); a fresh tree each call, so
    a test may cut it up."""
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "lxml")


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def guide() -> Guide:
    return GUIDE


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


def _build(repo: Path, command: list[str], lang: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "BDW_LANG": lang}
    return subprocess.run([sys.executable, *command], cwd=repo, env=env, capture_output=True, text=True, timeout=300)


def mkdocs_build(repo: Path, site: Path, lang: str = "fr") -> subprocess.CompletedProcess[str]:
    """A strict build of `repo`, its problems told in `lang`."""
    return _build(repo, ["-m", "mkdocs", "build", "--strict", "--site-dir", str(site)], lang)


def deploy_build(repo: Path, site: Path, cache: Path) -> subprocess.CompletedProcess[str]:
    """What `make build` runs (scripts/build.py): the strict build, then every made file, one process."""
    return _build(repo, [str(ROOT / "scripts" / "build.py"), "--site-dir", str(site), "--cache", str(cache)], "fr")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return copy_repo(tmp_path / "repo")


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A scratch folder holding a copy of data/ alone: enough for the loader, which a test may break."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    return tmp_path


CHROMIUM = chromium.path()
HAS_CHROMIUM = chromium.available()


def run_step(command: str, site: Path, cache: Path) -> subprocess.CompletedProcess[str]:
    """`python -m bdw_guide <command> --site SITE --cache CACHE`, as make build runs it."""
    return subprocess.run(
        [sys.executable, "-m", "bdw_guide", command, "--site", str(site), "--cache", str(cache)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )


def make_offline_copy(site: Path) -> subprocess.CompletedProcess[str]:
    return run_step("offline", site, ROOT / ".cache" / "offline")


def make_graphics(site: Path) -> subprocess.CompletedProcess[str]:
    return run_step("graphics", site, ROOT / ".cache" / "graphics")


@contextlib.contextmanager
def _run_once(tmp_path_factory: pytest.TempPathFactory, name: str):
    """A folder shared by every worker of this test run (pytest-xdist), and a lock held while the
    body runs: the first worker makes what the folder holds, the others wait and reuse it."""
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent  # each worker's base folder sits in the run's own folder
    with (shared / f"{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        yield shared


def pytest_collection_modifyitems(session: pytest.Session, config: pytest.Config, items: list[pytest.Item]) -> None:
    """One test that needs the built site first, then every test that needs none, then the site's
    other tests. The first test that needs the site builds it once for every worker (about 40 s from
    empty caches: the PDFs), and a worker that reaches the site while another builds it waits: so one
    worker starts the build at once while the other runs the tests that need no site. Otherwise the
    order is the collection's."""
    on_site = [item for item in items if "site" in getattr(item, "fixturenames", ())]
    off_site = [item for item in items if "site" not in getattr(item, "fixturenames", ())]
    items[:] = on_site[:1] + off_site + on_site[1:]


def _browser_tests_selected(session: pytest.Session) -> bool:
    return any(item.get_closest_marker("browser") for item in session.items)


def needs_pdfs(test):
    """A test of the worksheet PDFs, which Chromium makes: it runs with the browser tests (so not
    in `make test-fast`), skipped only where no Chromium exists and never under CI=true."""
    return pytest.mark.browser(pytest.mark.skipif(not HAS_CHROMIUM, reason="PDFs need Chromium")(test))


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> Path:
    """The real site as deployed (`make build`), built once per test run, strictly, from the working
    tree, with its worksheet PDFs when browser tests are selected (Chromium makes them; `make
    test-fast` goes without), then its offline copy. Tests read it and never change it."""
    if not HAS_CHROMIUM and os.environ.get("CI") == "true":
        pytest.fail(f"{CHROMIUM} is missing under CI=true: .ci/run must install Debian's chromium")
    with _run_once(tmp_path_factory, "site") as shared:
        out, log, status = shared / "site", shared / "site-build.log", shared / "site-build.status"
        if not status.exists():
            documents = HAS_CHROMIUM and _browser_tests_selected(request.session)
            # With the documents, exactly what make build runs; without, the strict build alone.
            result = deploy_build(ROOT, out, ROOT / ".cache") if documents else mkdocs_build(ROOT, out)
            output, ok = result.stdout + result.stderr, result.returncode == 0
            steps = []
            if ok and documents:
                (shared / "site-pdfs").touch()
            elif ok:  # no PDFs: the share graphics where Chromium exists, then the offline copy
                steps = [make_graphics, make_offline_copy] if HAS_CHROMIUM else [make_offline_copy]
            for step in steps:
                made = step(out)
                output, ok = output + made.stdout + made.stderr, made.returncode == 0
                if not ok:
                    break
            log.write_text(output, encoding="utf-8")
            status.write_text("built" if ok else "failed", encoding="utf-8")
    assert status.read_text(encoding="utf-8") == "built", log.read_text(encoding="utf-8")
    return out


@pytest.fixture(scope="session")
def site_has_pdfs(site: Path) -> bool:
    return (site.parent / "site-pdfs").exists()


@pytest.fixture(scope="session")
def site_build_log(site: Path) -> str:
    """What the strict build of `site` printed (MkDocs' log lines, then the PDF summary)."""
    return (site.parent / "site-build.log").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def built_pages(site: Path) -> dict[Path, BeautifulSoup]:
    """Every HTML page of `site` (404.html included), parsed once per test process: read them, never
    change them (`soup` gives a tree of one's own to cut up)."""
    return {path: BeautifulSoup(path.read_text(encoding="utf-8"), "lxml") for path in sorted(site.rglob("*.html"))}


@pytest.fixture(scope="session")
def page_at(site: Path):
    """`page_at("en/messages/overview")`: that built page, parsed."""
    return functools.partial(soup, site)


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
    if not HAS_CHROMIUM:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{CHROMIUM} is missing under CI=true: .ci/run must install Debian's chromium")
        pytest.skip(f"no {CHROMIUM} on this machine")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        launched = chromium.launch(p)
        yield launched
        launched.close()


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
    page.outside_requests = outside  # type: ignore[attr-defined]  # our own note on Playwright's Page
    violations: list[str] = []
    page.on("console", lambda msg: violations.append(msg.text) if "Content Security Policy" in msg.text else None)
    page.csp_violations = violations  # type: ignore[attr-defined]  # our own note on Playwright's Page
    yield page
    context.close()
    # Every browser test doubles as a policy check: nothing the site does may be refused by it.
    if not getattr(page, "expects_csp_violation", False):
        assert violations == [], violations


def kit_style_gzip() -> int:
    """Gzip bytes of the campaign kit's part of bdw.css (its last section), minified as the build
    minifies it: what the kit's style adds to every page."""
    import gzip

    from bdw_guide.minify import cssmin

    source = (ROOT / "overrides" / "assets" / "stylesheets" / "bdw.css").read_text(encoding="utf-8")
    section = source[source.index("/* == Campaign kit ==") :]
    return len(gzip.compress(cssmin(section).encode()))
