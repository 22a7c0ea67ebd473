#!/usr/bin/env python3
"""Build-time cost of our hooks, measured against plain Material + i18n building the same pages.

"The same pages": the plain variant builds a copy of docs/ in which every marker has already been
replaced by what our hooks would put there (cards, worksheets, activities...), with `hooks: []`.
So the ratio is the price of generating pages from data at build time, not of having more
content. Builds N times each, alternating, in one process; prints the medians and their ratio.
Goal: ratio <= 1.25. Also prints how many times the data was loaded and validated, and the
time to make every file made after the build (worksheet PDFs, packs, Word files, guide PDFs) from a
cold cache and from a warm one, with the whole deploy build both ways (goals: 40 s cold, 3 s warm).

    python scripts/bench.py [--runs 5]
    python scripts/bench.py --audit [--no-lighthouse]   # make audit: Nu checker, page weight, Lighthouse
"""
from __future__ import annotations

import argparse
import logging
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
ROOT = Path(__file__).resolve().parent.parent
GOAL = 1.25


def build_once(config_file: Path, site_dir: Path) -> float:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(config_file), site_dir=str(site_dir), strict=False)
    start = time.perf_counter()
    build(config)
    return time.perf_counter() - start


def expand_docs(out: Path) -> Path:
    """docs/ with every marker already expanded by the core (no MkDocs involved)."""
    from bdw_guide.site_build import BuildSession

    session = BuildSession.start(ROOT, ROOT / "overrides" / "bdw", None, None, "docs", "fr")
    for source in sorted((ROOT / "docs").rglob("*.md")):
        rel = source.relative_to(ROOT / "docs")
        lang, page_src = rel.parts[0], Path(*rel.parts[1:]).as_posix()
        page_url = page_src[:-3] + "/" if not page_src.endswith("index.md") else page_src[: -len("index.md")]
        page_url = "" if page_url == "/" else page_url
        markdown = session.page_markdown(source.read_text(encoding="utf-8"), lang, page_url, page_src)
        target = out / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(session.page_content(markdown), encoding="utf-8")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--audit", action="store_true", help="Nu checker, first-load weight and Lighthouse "
                        "against stock Material built from the same Markdown (scripts/audit.py)")
    parser.add_argument("--documents", action="store_true", help="only the made files (PDFs, Word), cold and warm")
    parser.add_argument("--no-lighthouse", action="store_true", help="with --audit: skip the slow Lighthouse runs")
    args = parser.parse_args()
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    sys.path.insert(0, str(ROOT))
    if args.audit:
        sys.path.insert(0, str(ROOT / "scripts"))
        from audit import audit

        return audit(expand_docs, lighthouse_runs=not args.no_lighthouse)
    if args.documents:
        bench_pdfs()
        return 0
    from bdw_guide.site_build import LOADS

    plain_config = ROOT / ".bench-plain.yml"
    times: dict[str, list[float]] = {"ours": [], "plain": []}
    try:
        with tempfile.TemporaryDirectory() as tmp:
            expanded = expand_docs(Path(tmp) / "docs-expanded")
            plain_config.write_text(f"INHERIT: mkdocs.yml\nhooks: []\ndocs_dir: {expanded}\n", encoding="utf-8")
            configs = {"ours": ROOT / "mkdocs.yml", "plain": plain_config}
            for name, config in configs.items():  # warm-up: imports, template caches
                build_once(config, Path(tmp) / f"warm-{name}")
            loads_before = LOADS["count"]
            for run in range(args.runs):
                for name, config in configs.items():
                    times[name].append(build_once(config, Path(tmp) / f"{name}-{run}"))
            loads = LOADS["count"] - loads_before
    finally:
        plain_config.unlink(missing_ok=True)

    ours, plain = statistics.median(times["ours"]), statistics.median(times["plain"])
    ratio = ours / plain
    print(f"builds per variant: {args.runs} (2 languages each)")
    print(f"median build, our hooks:          {ours:.3f} s")
    print(f"median build, plain Material+i18n: {plain:.3f} s")
    print(f"ratio: {ratio:.2f} (goal <= {GOAL})  {'OK' if ratio <= GOAL else 'OVER GOAL'}")
    print(f"data loaded and validated: {loads} time(s) in {args.runs} builds "
          f"= {loads / args.runs:.1f} per build of both languages")
    bench_pdfs()
    return 0


def bench_pdfs() -> None:
    """Every made file (worksheet PDFs, packs, Word files, guide PDFs), cold (empty cache: Chromium
    prints everything) and warm (the same site rebuilt, nothing changed), and the whole deploy build
    (`make build`: strict build, then the documents) both ways. Goals: cold <= 40 s, warm <= 3 s."""
    import subprocess

    from bdw_guide.cli import make_documents
    from bdw_guide.loader import load_guide
    from bdw_guide.pdf import CHROMIUM

    if not Path(CHROMIUM).exists():
        print(f"PDFs: not measured ({CHROMIUM} missing)")
        return
    guide = load_guide(ROOT)
    with tempfile.TemporaryDirectory() as tmp:
        site, cache = Path(tmp) / "site", Path(tmp) / "cache"
        runs = {}
        for label in ("cold", "warm"):
            started = time.perf_counter()
            # the deploy build, as make build runs it: a strict build in a fresh process, then the documents
            subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
                           cwd=ROOT, check=True)
            timings: dict[Path, float] = {}
            lines = make_documents(ROOT, guide, site, cache, timings)
            runs[label] = (time.perf_counter() - started, lines, timings)
    cold, warm = runs["cold"], runs["warm"]
    print(f"{'file':<58} {'cold s':>7} {'warm s':>7}")
    for path in sorted(cold[2], key=lambda p: str(p.relative_to(site))):
        print(f"{str(path.relative_to(site)):<58} {cold[2][path]:>7.2f} {warm[2].get(path, 0.0):>7.3f}")
    for label, (seconds, lines, _) in runs.items():
        print(f"{label}: " + "; ".join(lines))
    print(f"make build from empty caches: {cold[0]:.1f} s  {'OK' if cold[0] <= 40 else 'OVER GOAL'} (goal <= 40 s)")
    print(f"make build with nothing changed: {warm[0]:.1f} s  {'OK' if warm[0] <= 3 else 'OVER GOAL'} (goal <= 3 s)")


if __name__ == "__main__":
    sys.exit(main())
