"""Nothing relies on the check alone.

A hostile pull request (tests/hostile.py) is refused by `check` and by the strict build with the same
lines, before site/ is touched. Built anyway, with the check switched off, its pages are harmless:
contributed text is sanitized and escaped on its way out. And with every wall down but the
Content-Security-Policy, no planted script is allowed by it, and Chromium runs none.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hostile import ELSEWHERE, build_unchecked, plant, plant_scripts

from bdw_guide.csp import _INLINE_SCRIPT, _NOT_JAVASCRIPT, ThemeScripts, _token
from bdw_guide.pages import Theme

from conftest import copy_repo

ROOT = Path(__file__).resolve().parent.parent
THEME = ThemeScripts.from_dirs(Theme.of(ROOT).dirs)


def check(repo: Path, lang: str = "en") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bdw_guide", "check", "--root", str(repo), "--lang", lang],
        capture_output=True,
        text=True,
        env={**os.environ, "GITHUB_ACTIONS": ""},
    )


def problem_lines(output: str) -> set[str]:
    return {
        line.strip().removeprefix("ERROR   -  ")
        for line in output.splitlines()
        if re.match(r"\s*(ERROR\s+-\s+)?(data|docs)/[^:]+(:\d+)?: ", line)
    }


KEY_MESSAGES = '  en: "Key messages"'


def ui_line(text: str) -> int:
    """The line of data/ui.yml that holds `text` (counted, so a reworded ui.yml moves it)."""
    lines = (ROOT / "data" / "ui.yml").read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if line.startswith(text))


def test_check_and_strict_build_refuse_a_page_with_the_same_lines_and_leave_site_alone(repo: Path):
    first = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=repo,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert first.returncode == 0, first.stderr
    before = {p: p.read_bytes() for p in (repo / "site").rglob("*") if p.is_file()}

    page = repo / "docs/en/conclusion.md"
    page.write_text(
        "---\ntitel: Conclusion\ntemplate: missing.html\nicon: material/no-such-icon-here\n---\n"
        + page.read_text(encoding="utf-8")
        + "\n<!-- bdw:overveiw -->\n\n[x](javascript:alert(1))\n",
        encoding="utf-8",
    )
    ui = repo / "data/ui.yml"
    ui.write_text(
        ui.read_text(encoding="utf-8").replace('  en: "Key messages"', '  en: "<b>Key</b> messages"'), encoding="utf-8"
    )
    checked = check(repo)
    # A plain MkDocs build, into the default site/, as a contributor might run it.
    built = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=repo,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "BDW_LANG": "en"},
    )
    assert checked.returncode == 1 and built.returncode != 0
    assert "Traceback" not in checked.stdout + checked.stderr + built.stdout + built.stderr
    lines = problem_lines(checked.stderr)
    assert lines == problem_lines(built.stderr), (checked.stderr, built.stderr)
    assert {line.split(": ")[0] + ": " + line.split(": ")[1] for line in lines} == {
        "docs/en/conclusion.md:2: titel",
        "docs/en/conclusion.md:3: template",
        "docs/en/conclusion.md:4: icon",
        f"docs/en/conclusion.md:{7 + page_lines(ROOT)}: (file)",
        f"docs/en/conclusion.md:{9 + page_lines(ROOT)}: (file)",
        f"data/ui.yml:{ui_line(KEY_MESSAGES)}: key_messages.en",
    }
    after = {p: p.read_bytes() for p in (repo / "site").rglob("*") if p.is_file()}
    assert after == before


def page_lines(root: Path) -> int:
    return (root / "docs/en/conclusion.md").read_text(encoding="utf-8").count("\n")


def test_the_hostile_pull_request_is_refused_one_line_per_problem(tmp_path: Path):
    repo = copy_repo(tmp_path / "repo")
    plant(repo)
    run = check(repo)
    assert run.returncode == 1 and "Traceback" not in run.stdout + run.stderr
    lines = problem_lines(run.stderr)
    files = {line.split(":")[0] for line in lines}
    assert files == {
        "docs/en/conclusion.md",
        "data/ui.yml",
        "data/glossary.yml",
        "data/activities/decision-maker-meetings.yml",
    }, run.stderr
    front = {
        line.split(": ")[1]
        for line in lines
        if line.startswith("docs/en/conclusion.md:") and int(line.split(":")[1]) <= 9
    }
    # The description holds quotes and 'http-equiv', but no markup: as text it is harmless, and allowed.
    assert front == {"title", "subtitle", "author", "template", "icon", "hide"}, run.stderr
    body = [line for line in lines if line.startswith("docs/") and int(line.split(":")[1]) > 9]
    assert len(body) == 9, run.stderr  # script, iframe, links, reference, attribute list, images, meta, tooltip, slot


def findings(site: Path) -> list[str]:
    """Everything on the built pages that could run, load, redirect or hijack, beyond the theme's own."""
    found = []
    for path in sorted(site.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        name = path.relative_to(site).as_posix()
        for match in _INLINE_SCRIPT.finditer(text):
            attrs = match.group("attrs")
            if "src=" not in attrs and not _NOT_JAVASCRIPT.search(attrs) and not THEME.allows(match.group("body")):
                found.append(f"{name}: script {match.group('body')[:40]}")
        soup = BeautifulSoup(text, "lxml")
        for element in soup.find_all(True):
            if element.name in ("iframe", "object", "embed", "base"):
                found.append(f"{name}: <{element.name}>")
            if element.name == "meta" and (element.get("http-equiv") or "").lower() == "refresh":
                found.append(f"{name}: refresh")
            for attr, value in element.attrs.items():
                value = " ".join(value) if isinstance(value, list) else value
                plain = re.sub(r"[\t\n\r]", "", value).strip().lower()
                if attr.startswith("on"):
                    found.append(f"{name}: {element.name}[{attr}]")
                if attr in ("href", "src", "action") and plain.startswith(("javascript:", "data:text", "vbscript:")):
                    found.append(f"{name}: {element.name}[{attr}={value[:30]}]")
                if attr == "src" and ELSEWHERE in value:
                    found.append(f"{name}: loads {value}")
                if attr == "title" and "<" in value:
                    found.append(f"{name}: tooltip {value[:30]}")
        if len(soup.select('[id="__config"]')) > 1:
            found.append(f"{name}: a second __config")
    return found


@pytest.fixture(scope="module")
def unchecked_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    repo = copy_repo(root / "repo")
    plant(repo)
    result = build_unchecked(repo, root / "site")
    assert result.returncode == 0, result.stderr
    return root / "site"


def test_a_build_that_skipped_the_check_is_still_harmless(unchecked_site: Path):
    assert findings(unchecked_site) == []
    page = (unchecked_site / "en/conclusion/index.html").read_text(encoding="utf-8")
    # The texts are still there, as text: nothing was silently lost, nothing became markup.
    assert "&lt;script&gt;window.__planted_title=1&lt;/script&gt;Conclusion" in page
    assert 'content="x&quot; http-equiv=&quot;refresh&quot; content=&quot;0;url=https://' in page
    assert "&lt;script&gt;window.__planted_nav=1&lt;/script&gt;Key messages" in page
    assert 'title="&amp;lt;img src=x onerror=window.__planted_tooltip=1&amp;gt;"' in page


def test_search_results_of_a_build_that_skipped_the_check_are_text(unchecked_site: Path):
    """The theme writes search results (titles and text) into the page as HTML."""
    import json

    entries = 0
    for index in unchecked_site.rglob("search_index.json"):
        for doc in json.loads(index.read_text(encoding="utf-8"))["docs"]:
            soup = BeautifulSoup(f"<h1>{doc['title']}</h1><div>{doc['text']}</div>", "html.parser")
            tags = {element.name for element in soup.find_all(True)}
            assert tags <= {
                "h1",
                "div",
                "p",
                "code",
                "em",
                "strong",
                "ul",
                "ol",
                "li",
                "a",
                "pre",
                "span",
                "table",
                "thead",
                "tbody",
                "tr",
                "th",
                "td",
                "abbr",
                "br",
                "blockquote",
                "hr",
            }, (doc["title"], tags)
            assert not any(name.startswith("on") for element in soup.find_all(True) for name in element.attrs)
            entries += "planted" in doc["title"] + doc["text"]
    assert entries >= 2  # the planted texts are there, as text


def test_the_real_site_has_nothing_beyond_the_theme(site: Path):
    assert findings(site) == []


@pytest.fixture(scope="module")
def policy_only_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("policy-only")
    repo = copy_repo(root / "repo")
    plant_scripts(repo)
    result = build_unchecked(repo, root / "site", policy_only=True)
    assert result.returncode == 0, result.stderr
    return root / "site"


PLANTED = {"title": "window.__planted_title=1", "nav": "window.__planted_nav=1", "body": "window.__planted_body=1"}


def test_with_every_other_wall_down_the_policy_allows_no_planted_script(policy_only_site: Path):
    page = (policy_only_site / "en/conclusion/index.html").read_text(encoding="utf-8")
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page).group(1)
    for where, body in PLANTED.items():
        assert f"<script>{body}</script>" in page, where  # planted in the head, the header, the navigation, the content
        assert _token(body) not in policy, where
    theme = [
        m.group("body")
        for m in _INLINE_SCRIPT.finditer(page)
        if THEME.allows(m.group("body")) and not _NOT_JAVASCRIPT.search(m.group("attrs"))
    ]
    assert theme and all(_token(body) in policy for body in theme)


# In Chromium --------------------------------------------------------------------------------------


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def serve(site: Path):
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}"


def visit(browser, url: str, hover: list[str] = ()) -> tuple[dict, list[str], list[str], str]:
    context = browser.new_context()
    page = context.new_page()
    outside, console = [], []
    page.on("request", lambda r: outside.append(r.url) if ELSEWHERE in r.url else None)
    page.on("console", lambda m: console.append(m.text))
    page.goto(url)
    page.wait_for_load_state("load")
    for selector in hover:
        page.locator(selector).first.hover()
        page.locator(".md-tooltip2, .md-tooltip").first.wait_for(state="attached")
    flags = page.evaluate("Object.keys(window).filter(k => k.startsWith('__planted'))")
    theme_ran = page.evaluate("typeof __md_get")
    final = page.url
    context.close()
    return {"planted": flags, "theme": theme_ran}, outside, console, final


@pytest.mark.browser
def test_chromium_blocks_every_planted_script_when_only_the_policy_stands(browser, policy_only_site: Path):
    httpd, base = serve(policy_only_site)
    try:
        state, _outside, console, _ = visit(browser, f"{base}/en/conclusion/")
    finally:
        httpd.shutdown()
    assert state == {"planted": [], "theme": "function"}  # the theme's own scripts still ran
    blocked = [m for m in console if "Content Security Policy" in m and "inline script" in m]
    assert len(blocked) >= len(PLANTED), console


@pytest.mark.browser
def test_chromium_shows_the_hostile_pull_request_as_harmless_text(browser, unchecked_site: Path):
    httpd, base = serve(unchecked_site)
    try:
        pages = {
            "/en/conclusion/": ['a[title^="&lt;img"], a[href="https://ceric.ca"]'],
            "/en/using-this-guide/": ["abbr"],
            "/en/getting-started/": [],
            "/en/messages/audiences/public/": ["a.bdw-card__edit"],
        }
        for path, hover in pages.items():
            state, outside, console, final = visit(browser, base + path, hover)
            assert state == {"planted": [], "theme": "function"}, path
            assert outside == [] and final == base + path, (path, outside, final)  # no load, no redirect
            assert not [m for m in console if "Content Security Policy" in m], (path, console)  # nothing even tried
    finally:
        httpd.shutdown()
