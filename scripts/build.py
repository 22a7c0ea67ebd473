#!/usr/bin/env python3
"""The deploy build (`make build`) in one process: a strict `mkdocs build`, then what
`python -m bdw_guide documents` makes after it (worksheet PDFs and packs, Word files, the guide as PDF,
share graphics, the offline copy).

Two commands would do the same, and did until this script. One process saves starting Python again
and importing the guide's core a second time (the posts counter alone loads X's emoji list), about
a tenth of a build where nothing changed. Each half is still its own public command: this script only
calls MkDocs' own command line and the core's, in that order, and stops at the first that fails
(MkDocs' lines, then the core's, exactly as each prints them).

    python scripts/build.py --site-dir .site-new [--cache .cache] [--timings FILE] [--quiet]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import click


def mkdocs_build(site_dir: Path, *, quiet: bool = False) -> int:
    """`mkdocs build --strict --site-dir SITE_DIR [--quiet]`, through MkDocs' own command line (its
    logging, its strict mode, its messages); 0 when it built."""
    from mkdocs.__main__ import cli

    args = ["build", "--strict", "--site-dir", str(site_dir), *(["--quiet"] if quiet else [])]
    try:
        cli.main(args=args, prog_name="mkdocs", standalone_mode=False)
    except click.ClickException as err:  # MkDocs' Abort: "Aborted with N warnings in strict mode!"
        err.show()
        return err.exit_code or 1
    except click.exceptions.Exit as err:
        return err.exit_code
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, required=True)
    parser.add_argument("--cache", type=Path, help="passed to `python -m bdw_guide documents`")
    parser.add_argument("--timings", type=Path, help="passed to `python -m bdw_guide documents`")
    parser.add_argument("--quiet", action="store_true", help="passed to `mkdocs build`: warnings and errors only")
    args = parser.parse_args(argv)
    status = mkdocs_build(args.site_dir, quiet=args.quiet)
    if status:
        return status
    from bdw_guide.cli import main as bdw_guide

    command = ["documents", "--site", str(args.site_dir)]
    for option, value in (("--cache", args.cache), ("--timings", args.timings)):
        if value is not None:
            command += [option, str(value)]
    return bdw_guide(command)


if __name__ == "__main__":
    sys.exit(main())
