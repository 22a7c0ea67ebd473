"""Files made after the build (PDFs, Word files, share graphics): one cache key, one report, one copy.

Each maker keys what it makes by the hash of everything it is made from, keeps it in its cache
folder under that key, and copies it into the site; a rebuild where nothing changed only copies.
This module holds the three pieces every maker shares, so they count and report alike.
"""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import dataclass, field
from pathlib import Path


def digest(*parts: str | bytes) -> str:
    """The cache key of what `parts` make: each part counts, and where one ends counts too."""
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode() if isinstance(part, str) else part)
        h.update(b"\0")
    return h.hexdigest()[:32]


@dataclass
class Report:
    """What one maker did: files made and taken from cache, and the time spent on each."""

    label: str  # "PDFs", "Word files"... as the summary line names them
    made: int = 0
    cached: int = 0
    seconds: float = 0.0
    files: list[Path] = field(default_factory=list)
    timings: dict[Path, float] = field(default_factory=dict)  # seconds spent making each file (0 from cache)

    def summary(self) -> str:
        return (
            f"{self.label}: {len(self.files)} files ({self.made} made, {self.cached} from cache) "
            f"in {self.seconds:.2f} s"
        )


def place(cached: Path, out: Path, report: Report, seconds: float = 0.0) -> None:
    """Copy a made file from the cache to its place in the site, and count it."""
    out.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(cached, out)
    report.files.append(out)
    report.timings[out] = seconds
