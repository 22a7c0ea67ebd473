"""The offline copy: the whole guide, both languages, in one ZIP to open from a folder or a USB key.

One ZIP for both languages (not one per language): the language switch keeps working between the
two copies, a facilitator downloads one file, and the PDFs, which are most of its weight, would be
in both anyway if a workshop mixes languages.

It is a second strict build of the same sources (`BDW_OFFLINE=1`, see the hook), not the deployed
site with its links rewritten: MkDocs itself names every page by its file (`x/y.html`, since a
folder URL opened from a disk shows the folder, not its page), checks every link again, and the
hook writes each language's search index as a script (`search/search_index.js`) and loads
`bdw-file-worker.js`, which runs the theme's search worker where Chromium refuses workers from
files. The finished files of the deployed site that the build does not make (the worksheet PDFs,
and any other download added after the build) are copied in. Nothing in it reaches the network.

The ZIP is cached under the hash of everything it is made from (sources, installed generator
versions, page dates from git, the copied downloads), so a rebuild where nothing changed only copies
it. Its size is then written into the deployed pages' download links (`OFFLINE_SIZE`), in each
page's language, and `downloads/offline.json` records it for anything else that needs it.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from . import dates
from .loader import Guide
from .models import LANGUAGES
from .render import OFFLINE_PATH, OFFLINE_SIZE
from .ui_text import fill

VERSION = "1"  # change when the way the copy is made changes, to refresh every cache entry
FOLDER = "guide-hors-ligne-offline"  # the one folder inside the ZIP
MANIFEST = "downloads/offline.json"
SOURCES = ("mkdocs.yml", "docs", "data", "overrides", "hooks", "src/bdw_guide")
GENERATORS = ("mkdocs", "mkdocs-material", "mkdocs-static-i18n")
ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # every entry the same date: the same sources give the same ZIP
# Files of the deployed site the offline copy does not take: pages (it has its own, named by file),
# the sitemap (for search engines), and the downloads folder (the ZIP itself).
NOT_COPIED = re.compile(r"(^|/)[^/]*\.html$|^sitemap\.xml(\.gz)?$|^downloads/|^search/|/search/")
_HTML_LANG = re.compile(r'<html[^>]*\blang="([a-z]{2})', re.I)


class OfflineError(RuntimeError):
    """The offline copy cannot be made; the message says why."""


@dataclass
class Report:
    zip_path: Path
    size: int
    files: int
    cached: bool
    seconds: float

    def summary(self) -> str:
        how = "from cache" if self.cached else "built"
        return (
            f"Offline copy: {self.zip_path.name}, {self.files} files, {self.size / 1_000_000:.1f} MB "
            f"({how}) in {self.seconds:.2f} s"
        )


def make_offline_copy(root: Path, site_dir: Path, cache_dir: Path, guide: Guide) -> Report:
    """Write the offline ZIP into the built site `site_dir` and state its size on its links."""
    started = time.perf_counter()
    if not (site_dir / "index.html").is_file():
        raise OfflineError(f"{site_dir} holds no built site: build it first (make build)")
    downloads = _downloads(site_dir)
    key = _key(root, site_dir, downloads)
    cache_dir.mkdir(parents=True, exist_ok=True)
    cached = cache_dir / f"{key}.zip"
    hit = cached.is_file()
    if not hit:
        with tempfile.TemporaryDirectory(dir=cache_dir) as tmp:
            copy = Path(tmp) / FOLDER
            _build(root, copy)
            for rel in downloads:
                target = copy / rel
                if not target.exists():  # made after the build (PDFs...): the build's own files stay
                    target.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(site_dir / rel, target)
            _prune(copy)
            _write_zip(copy, cached.with_suffix(f".{os.getpid()}.tmp"))
            cached.with_suffix(f".{os.getpid()}.tmp").replace(cached)  # atomic: parallel builds may race
        for old in cache_dir.glob("*.zip"):  # one copy kept: the sources only move forward
            if old != cached:
                old.unlink(missing_ok=True)
    out = site_dir / OFFLINE_PATH
    out.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(cached, out)
    size = out.stat().st_size
    with zipfile.ZipFile(out) as archive:
        files = sum(1 for info in archive.infolist() if not info.is_dir())
    state_size(site_dir, size, guide)
    (site_dir / MANIFEST).write_text(
        json.dumps({"path": OFFLINE_PATH, "bytes": size, "files": files, "folder": FOLDER}, indent=1) + "\n",
        encoding="utf-8",
    )
    return Report(out, size, files, hit, time.perf_counter() - started)


def size_text(size: int, lang: str, guide: Guide) -> str:
    """ "8.4 MB" / "8,4 Mo": megabytes (10^6 bytes) with one decimal, as each language writes them."""
    number = f"{size / 1_000_000:.1f}"
    return fill(guide.t("size_mb", lang), n=number.replace(".", ",") if lang == "fr" else number)


def state_size(site_dir: Path, size: int, guide: Guide) -> int:
    """Write the ZIP's size into every page that links to it; return how many pages."""
    done = 0
    for page in site_dir.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        if OFFLINE_SIZE not in html:
            continue
        match = _HTML_LANG.search(html)
        lang = match.group(1) if match and match.group(1) in LANGUAGES else LANGUAGES[0]
        page.write_text(html.replace(OFFLINE_SIZE, ", " + size_text(size, lang, guide)), encoding="utf-8")
        done += 1
    return done


def _downloads(site_dir: Path) -> list[str]:
    """Files of the deployed site the offline copy may take (paths relative to the site): all but
    pages, sitemap, search and downloads. Those the offline build does not make itself (worksheet
    PDFs, documents made after the build) are copied in; all of them are part of the cache key."""
    found = []
    for path in sorted(site_dir.rglob("*")):
        rel = path.relative_to(site_dir).as_posix()
        if path.is_file() and not NOT_COPIED.search(rel):
            found.append(rel)
    return found


def _key(root: Path, site_dir: Path, downloads: list[str]) -> str:
    h = hashlib.sha256()

    def add(*parts: str | bytes) -> None:
        for part in parts:
            h.update(part.encode() if isinstance(part, str) else part)
            h.update(b"\0")

    add(VERSION, sys.version.split()[0], os.environ.get("SITE_URL", ""))
    for name in GENERATORS:
        try:
            add(name, metadata.version(name))
        except metadata.PackageNotFoundError:
            add(name, "-")
    for source in SOURCES:
        base = root / source
        paths = (
            [base]
            if base.is_file()
            else sorted(p for p in base.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
        )
        for path in paths:
            add(path.relative_to(root).as_posix(), path.read_bytes())
    add(dates.History.read(root).fingerprint())
    for rel in downloads:
        add(rel, (site_dir / rel).read_bytes())
    return h.hexdigest()[:32]


def _build(root: Path, out: Path) -> None:
    env = {**os.environ, "BDW_OFFLINE": "1", "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(out)],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise OfflineError("the offline build failed:\n" + (done.stderr or done.stdout).strip())


def _prune(copy: Path) -> None:
    """Leave out what a reader from a folder never loads: source maps, the sitemap, the JSON search
    indexes (the scripts replace them), the 404 page (no server to show it) and the search stemmers
    of languages the guide does not have."""
    languages = set()
    for index in copy.rglob("search/search_index.json"):
        languages.update(json.loads(index.read_text(encoding="utf-8"))["config"]["lang"])
        index.unlink()
    for path in [*copy.rglob("*.map"), copy / "sitemap.xml", copy / "sitemap.xml.gz", copy / "404.html"]:
        path.unlink(missing_ok=True)
    lunr = copy / "assets" / "javascripts" / "lunr"
    keep = {f"lunr.{lang}.min.js" for lang in languages} | {"lunr.stemmer.support.min.js", "lunr.multi.min.js"}
    for path in lunr.rglob("*.js"):
        if path.name not in keep:
            path.unlink()


def _write_zip(copy: Path, out: Path) -> None:
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(copy.rglob("*")):
            if not path.is_file():
                continue
            info = zipfile.ZipInfo(f"{FOLDER}/{path.relative_to(copy).as_posix()}", ZIP_TIME)
            info.external_attr = 0o644 << 16
            stored = path.suffix == ".pdf"  # already compressed: deflating again saves little and costs time
            info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            archive.writestr(info, path.read_bytes())
