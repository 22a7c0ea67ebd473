#!/usr/bin/env python3
"""Build-time cost of our hooks, measured against plain Material + i18n on the same docs/.

Builds the site N times with our hooks and N times with them turned off (same mkdocs.yml, same
docs/, `hooks: []`), alternating, in one process, and prints the median of each and their ratio.
Goal: ratio <= 1.25. Also prints how many times the data was loaded and validated.

    python scripts/bench.py [--runs 5]
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    sys.path.insert(0, str(ROOT))
    from bdw_guide.site_build import LOADS

    plain_config = ROOT / ".bench-plain.yml"
    plain_config.write_text("INHERIT: mkdocs.yml\nhooks: []\n", encoding="utf-8")
    times: dict[str, list[float]] = {"ours": [], "plain": []}
    try:
        with tempfile.TemporaryDirectory() as tmp:
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
