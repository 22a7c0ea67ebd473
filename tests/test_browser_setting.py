"""Chromium is found in one place (bdw_guide.browser): the tests, the PDFs and the audit follow
BDW_CHROMIUM alike, and a missing browser is said in one line, not a traceback."""

from __future__ import annotations

import os
import subprocess
import sys

from bdw_guide import browser

from conftest import ROOT


def test_bdw_chromium_moves_the_pdf_step_to_another_browser(tmp_path, site):
    missing = tmp_path / "no-chromium-here"
    env = {**os.environ, "BDW_CHROMIUM": str(missing)}
    result = subprocess.run(
        [sys.executable, "-m", "bdw_guide", "pdf", "--site", str(site), "--cache", str(tmp_path / "cache")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert str(missing) in result.stderr and "BDW_CHROMIUM" in result.stderr


def test_every_launch_goes_through_the_one_setting():
    """No other file names a Chromium path or launches a browser itself."""
    offenders = []
    for folder in ("src", "tests", "scripts", "hooks"):
        for path in (ROOT / folder).rglob("*.py"):
            if path.name in ("browser.py", "test_browser_setting.py"):
                continue
            text = path.read_text(encoding="utf-8")
            if "/usr/bin/" + "chromium" in text or ".chromium.launch(" in text or "executable_path" in text:
                offenders.append(path.relative_to(ROOT).as_posix())
    assert not offenders, offenders


def test_the_setting_is_read_when_used(monkeypatch):
    monkeypatch.setenv("BDW_CHROMIUM", "/opt/elsewhere/chrome")
    assert str(browser.path()) == "/opt/elsewhere/chrome" and not browser.available()
    monkeypatch.delenv("BDW_CHROMIUM")
    assert str(browser.path()) == browser.DEFAULT
