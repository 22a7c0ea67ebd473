"""Where Chromium is and how it is started: one place for the tests, the PDFs and the audit.

Debian's Chromium at /usr/bin/chromium by default (what `.ci/run` and the GitHub workflows'
Debian container install); set BDW_CHROMIUM to use another build, for example the one
`playwright install chromium` downloads.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

DEFAULT = "/usr/bin/chromium"
# Headless in a container as root: no sandbox, no GPU, and nothing that calls home.
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def path() -> Path:
    return Path(os.environ.get("BDW_CHROMIUM") or DEFAULT)


def available() -> bool:
    return path().is_file()


def missing_message() -> str:
    return (
        f"Chromium is needed and {path()} does not exist: install it (Debian: apt-get install chromium) "
        "or set BDW_CHROMIUM to its path"
    )


def launch(playwright: Any, **options: Any) -> Any:
    """A headless Chromium through Playwright's sync API (`sync_playwright()` as `playwright`)."""
    return playwright.chromium.launch(executable_path=str(path()), args=ARGS, **options)


def command_line_flags() -> str:
    """The same arguments for a tool that starts Chromium itself (Lighthouse's --chrome-flags)."""
    return " ".join(["--headless=new", *ARGS])
