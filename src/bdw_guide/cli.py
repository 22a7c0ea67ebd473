"""Command line: check the data without building, and list facts whose source the guide does not name.

    python -m bdw_guide check      # every data problem, one line each; exit 1 if any
    python -m bdw_guide sources    # report for editors: sourced claims with no named source
    python -m bdw_guide pdf        # blank worksheet PDFs into the built site (cached)
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .loader import Guide, load_guide
from .problems import DataError, annotation


def _load(root: Path) -> Guide | None:
    try:
        return load_guide(root)
    except DataError as err:
        print(err.report(), file=sys.stderr)
        if os.environ.get("GITHUB_ACTIONS") == "true":  # annotate the pull request's changed lines
            for problem in err.problems:
                print(annotation(problem))
        return None


def check(root: Path) -> int:
    guide = _load(root)
    if guide is None:
        return 1
    unnamed = len(unnamed_sources(guide))
    print(f"Data OK: {len(guide.objectives)} objectives, {len(guide.audiences)} audiences, "
          f"{len(guide.messages)} messages, {len(guide.questions)} planning questions, {len(guide.activities)} activities, "
          f"{len(guide.worksheets)} worksheets, {len(guide.glossary)} abbreviations, {len(guide.ui)} interface strings, "
          "in French and English.")
    if unnamed:
        print(f"Note for editors: {unnamed} cited claims have a source the guide does not name "
              "(see: python -m bdw_guide sources).")
    return 0


def unnamed_sources(guide: Guide) -> list[tuple[str, str, str]]:
    """(file, French claim, English claim) for every fact the guide marks as sourced without naming it."""
    return [(entry.path, fact.claim.fr, fact.claim.en)
            for entry in guide.messages.values() for fact in entry.data.facts if fact.source is None]


def sources(root: Path) -> int:
    guide = _load(root)
    if guide is None:
        return 1
    rows = unnamed_sources(guide)
    print("# Claims cited in the guide whose source it does not name\n")
    print("The guide links each of these claims to a source, but the text we have does not say which one.")
    print("They are shown on the site as sourced. Find the reference and add it as `source:` to the fact.\n")
    print("| File | Claim (fr) | Claim (en) |")
    print("|---|---|---|")
    for path, fr, en in rows:
        print(f"| `{path}` | {fr} | {en} |")
    print(f"\n{len(rows)} claim(s).")
    return 0


def pdf(root: Path, site: Path | None = None, cache: Path | None = None) -> int:
    from .pdf import PdfError, make_pdfs

    guide = _load(root)
    if guide is None:
        return 1
    try:
        report = make_pdfs(site or root / "site", guide, cache or root / ".cache" / "pdf")
    except PdfError as err:
        print(f"bdw-guide: {err}", file=sys.stderr)
        return 1
    print(report.summary())
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bdw_guide", description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["check", "sources", "pdf"],
                        help="check: validate data/ and print every problem; sources: report unnamed sources; "
                             "pdf: make the worksheet PDFs in a built site")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="repository root (default: current folder)")
    parser.add_argument("--site", type=Path, help="built site for 'pdf' (default: <root>/site)")
    parser.add_argument("--cache", type=Path, help="PDF cache for 'pdf' (default: <root>/.cache/pdf)")
    args = parser.parse_args(argv)
    if args.command == "pdf":
        return pdf(args.root, args.site, args.cache)
    return {"check": check, "sources": sources}[args.command](args.root)
