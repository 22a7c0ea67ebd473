#!/usr/bin/env python3
"""Build-time cost of our hooks, measured against plain Material + i18n building the same pages.

"The same pages": the plain variant builds the tree `python -m bdw_guide expand` writes, docs/ with
every marker already replaced by what our hooks would put there (cards, worksheets, activities...),
with `hooks: []`.
So the ratio is the price of generating pages from data at build time, not of having more
content. Builds N times each, alternating, in one process; prints the medians and their ratio.
Goal: ratio <= 1.25. Also prints how many times the data was loaded and validated, and the
time to make every file made after the build (worksheet PDFs, packs, Word files, guide PDFs, share
graphics, the offline copy) from a cold cache and from a warm one, with the whole deploy build both
ways (goals: 40 s cold, 3 s warm).

    python scripts/bench.py [--runs 5]
    python scripts/bench.py --audit [--no-lighthouse]   # make audit: Nu checker, page weight, Lighthouse
"""

from __future__ import annotations

import argparse
import json
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
    """docs/ with every marker already expanded by the core, as `python -m bdw_guide expand` writes it."""
    from bdw_guide.engine import expand_tree

    expand_tree(ROOT, out)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--audit",
        action="store_true",
        help="Nu checker, first-load weight and Lighthouse "
        "against stock Material built from the same Markdown (scripts/audit.py)",
    )
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
    print(
        f"data loaded and validated: {loads} time(s) in {args.runs} builds "
        f"= {loads / args.runs:.1f} per build of both languages"
    )
    bench_pdfs()
    bench_zensical(args.runs)
    return 0


def bench_zensical(runs: int) -> None:
    """Zensical against MkDocs + Material on the same pages: the expanded French tree, the same
    one-language configuration, each a fresh process (Zensical with --clean: no cache)."""
    import shutil
    import subprocess

    import yaml

    from bdw_guide.engine import expand_tree, single_language_config
    from bdw_guide.loader import load_guide

    bin_dir = Path(sys.executable).parent
    if not (bin_dir / "zensical").exists():
        print("Zensical: not measured (pip install -e '.[zensical]')")
        return
    guide = load_guide(ROOT)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    times: dict[str, list[float]] = {"zensical": [], "mkdocs": []}
    with tempfile.TemporaryDirectory() as tmp:
        expanded = Path(tmp) / "expanded"
        expand_tree(ROOT, expanded)
        commands = {
            "zensical": [str(bin_dir / "zensical"), "build", "--clean"],
            "mkdocs": [str(bin_dir / "mkdocs"), "build", "-q"],
        }
        projects = {}
        for name in commands:
            project = Path(tmp) / name
            shutil.copytree(expanded / "fr", project / "docs")
            config = single_language_config(ROOT, "fr", guide.ui)
            (project / "mkdocs.yml").write_text(
                yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8"
            )
            projects[name] = project
        for _ in range(runs + 1):  # the first round warms the disk cache and is dropped
            for name, command in commands.items():
                start = time.perf_counter()
                subprocess.run(command, cwd=projects[name], env=env, check=True, capture_output=True)
                times[name].append(time.perf_counter() - start)
        pages = sum(1 for _ in (projects["zensical"] / "site").rglob("index.html"))
    zensical, mkdocs = statistics.median(times["zensical"][1:]), statistics.median(times["mkdocs"][1:])
    print(f"Zensical vs MkDocs + Material, the expanded French tree ({pages} pages), one process per build:")
    print(
        f"  median zensical build --clean: {zensical:.3f} s; mkdocs build: {mkdocs:.3f} s; "
        f"ratio {zensical / mkdocs:.2f}"
    )


def bench_pdfs() -> None:
    """Every made file (worksheet PDFs, packs, Word files, guide PDFs, share graphics, the offline
    copy), cold (empty caches: Chromium prints everything) and warm (the same site rebuilt, nothing
    changed), inside the whole deploy build, run as `make build` runs it (scripts/build.py: a strict
    MkDocs build, then `python -m bdw_guide documents`, in one fresh process). Goals: cold <= 40 s,
    warm <= 3 s."""
    import subprocess

    from bdw_guide import browser

    if not browser.available():
        print(f"PDFs: not measured ({browser.path()} missing)")
        return
    with tempfile.TemporaryDirectory() as tmp:
        site, cache = Path(tmp) / "site", Path(tmp) / "cache"
        runs = {}
        for label in ("cold", "warm", "warm 2", "warm 3"):  # the median of three warm builds is reported
            timings_file = Path(tmp) / f"{label}.json"
            started = time.perf_counter()
            done = subprocess.run(  # what make build runs (scripts/build.py), with a cache of its own
                [
                    sys.executable,
                    str(ROOT / "scripts" / "build.py"),
                    "--quiet",
                    "--site-dir",
                    str(site),
                    "--cache",
                    str(cache),
                    "--timings",
                    str(timings_file),
                ],
                cwd=ROOT,
                check=True,
                capture_output=True,
                text=True,
            )
            seconds = time.perf_counter() - started
            runs[label] = (seconds, done.stdout.strip().splitlines(), json.loads(timings_file.read_text()))
    cold = runs["cold"]
    warm = sorted((runs[label] for label in ("warm", "warm 2", "warm 3")), key=lambda run: run[0])[1]
    print(f"{'file':<58} {'cold s':>7} {'warm s':>7}")
    for path in sorted(cold[2]):
        print(f"{path:<58} {cold[2][path]:>7.2f} {warm[2].get(path, 0.0):>7.3f}")
    for label in ("cold", "warm"):
        print(f"{label}: " + "; ".join(runs[label][1]))
    print("warm builds: " + ", ".join(f"{runs[label][0]:.2f} s" for label in ("warm", "warm 2", "warm 3")))
    print(f"make build from empty caches: {cold[0]:.1f} s  {'OK' if cold[0] <= 40 else 'OVER GOAL'} (goal <= 40 s)")
    print(
        f"make build with nothing changed (median of 3): {warm[0]:.2f} s  {'OK' if warm[0] <= 3 else 'OVER GOAL'} (goal <= 3 s)"
    )


if __name__ == "__main__":
    sys.exit(main())
