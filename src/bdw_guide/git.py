"""One way to ask git about the repository: the translation status and each page's date both read
its history, and both must treat "no git here" (a folder from a ZIP, git not installed) the same way."""

from __future__ import annotations

import subprocess
from pathlib import Path


def run_git(root: Path, *args: str) -> str | None:
    """What `git -C root ARGS` prints, or None when git is missing or the command fails."""
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, check=False)
    except OSError:
        return None
    return done.stdout if done.returncode == 0 else None
