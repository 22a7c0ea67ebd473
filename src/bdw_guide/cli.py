"""Check the guide's data, in the contributor's language, before anything is built.

Vérifie les données du guide, dans la langue de la personne qui contribue, avant toute construction.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .loader import Guide, load_guide
from .problem_texts import REPORT
from .problems import DataError, Problem, annotation, report_language
from .translation import translation_status

EPILOG = """\
commands / commandes:
  check    every problem in data/, one line each (file:line: field: what is wrong. How to fix it.),
           then the translation status: texts or pages in one language only (exit 1), and texts
           older in git than their other-language version (advice only).
           Chaque problème de data/, un par ligne (fichier:ligne: champ: ce qui ne va pas. Comment
           corriger.), puis l’état des traductions : textes ou pages dans une seule langue (code 1)
           et textes plus anciens dans git que leur version dans l’autre langue (simple avis).
  sources  claims the guide cites without naming the source / affirmations citées sans source nommée
  pdf      worksheet PDFs and Word files into a built site / PDF et fichiers Word des fiches dans un site construit

examples / exemples:
  python -m bdw_guide check              # en français (par défaut)
  python -m bdw_guide check --lang en    # in English
  make check lang=en

exit status / code de sortie: 0 = OK, 1 = problems found / problèmes trouvés
"""


def _load(root: Path) -> tuple[Guide | None, list[Problem]]:
    try:
        return load_guide(root), []
    except DataError as err:
        return None, err.problems


def _print_problems(problems: list[Problem], lang: str) -> None:
    if not problems:
        return
    print(DataError(problems).report(lang), file=sys.stderr)
    if os.environ.get("GITHUB_ACTIONS") == "true":  # annotate the pull request's changed lines
        for problem in problems:
            print(annotation(problem, lang))


def check(root: Path, lang: str = "fr") -> int:
    guide, problems = _load(root)
    status = translation_status(root)
    # A missing translation is reported once, by the translation status, not also by the data check.
    gaps = {(gap.file, gap.field) for gap in status.gaps}
    problems = [p for p in problems if not (p.code.startswith("missing_text_") and (p.file, p.field) in gaps)]
    _print_problems(problems, lang)
    if status.gaps and os.environ.get("GITHUB_ACTIONS") == "true":
        for gap in status.gaps:
            print(annotation(gap, lang))
    if guide is not None:
        print(REPORT["data_ok"][lang][0].format(
            objectives=len(guide.objectives), audiences=len(guide.audiences), messages=len(guide.messages),
            questions=len(guide.questions), activities=len(guide.activities), case_studies=len(guide.case_studies), worksheets=len(guide.worksheets),
            abbreviations=len(guide.glossary), ui=len(guide.ui)))
        unnamed = len(unnamed_sources(guide))
        if unnamed:
            print(REPORT["unnamed_sources"][lang][0].format(count=unnamed))
    print(status.report(lang), file=sys.stderr if status.gaps else sys.stdout)
    return 1 if problems or status.gaps else 0


def unnamed_sources(guide: Guide) -> list[tuple[str, str, str]]:
    """(file, French claim, English claim) for every fact the guide marks as sourced without naming it."""
    return [(entry.path, fact.claim.fr, fact.claim.en)
            for entry in guide.messages.values() for fact in entry.data.facts if fact.source is None]


def sources(root: Path, lang: str = "fr") -> int:
    guide, problems = _load(root)
    if guide is None:
        _print_problems(problems, lang)
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


def make_documents(root: Path, guide: Guide, site: Path, cache: Path,
                   timings: dict[Path, float] | None = None) -> list[str]:
    """Every document made from a built site: worksheet PDFs and packs, Word files, the guide as a
    PDF. Returns one summary line for each kind; `timings` gets the seconds spent on each file."""
    from .guide_pdf import make_guide_pdfs
    from .pdf import make_pdfs
    from .word import make_word_files

    timings = {} if timings is None else timings
    report = make_pdfs(site, guide, cache, site_url=_site_url(root))
    timings.update(report.timings)
    lines = [report.summary()]
    made, cached, seconds = make_word_files(site, guide, cache, timings=timings)
    lines.append(f"Word files: {made + cached} files ({made} made, {cached} from cache) in {seconds:.2f} s")
    made, cached, seconds = make_guide_pdfs(site, guide, cache, root / "overrides" / "bdw", _site_url(root),
                                            timings=timings)
    lines.append(f"Guide PDFs: {made + cached} files ({made} made, {cached} from cache) in {seconds:.2f} s")
    return lines


def pdf(root: Path, lang: str = "fr", site: Path | None = None, cache: Path | None = None) -> int:
    from .pdf import PdfError

    guide, problems = _load(root)
    if guide is None:
        _print_problems(problems, lang)
        return 1
    try:
        lines = make_documents(root, guide, site or root / "site", cache or root / ".cache" / "pdf")
    except PdfError as err:
        print(f"bdw-guide: {err}", file=sys.stderr)
        return 1
    print("\n".join(lines))
    return 0


def _site_url(root: Path) -> str:
    """Where the site is published (SITE_URL, else mkdocs.yml's default), printed on the packs."""
    import re

    if os.environ.get("SITE_URL"):
        return os.environ["SITE_URL"]
    config = root / "mkdocs.yml"
    match = re.search(r'^site_url: !ENV \[SITE_URL, "([^"]+)"\]', config.read_text(encoding="utf-8"), re.M) if config.is_file() else None
    return match.group(1) if match else ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bdw_guide", description=__doc__,
                                     epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["check", "sources", "pdf"], help="check | sources | pdf (see below / voir plus bas)")
    parser.add_argument("--lang", choices=["fr", "en"], default=report_language(),
                        help="language of the messages / langue des messages (default / par défaut: fr)")
    parser.add_argument("--root", type=Path, default=Path.cwd(),
                        help="repository root / racine du dépôt (default / par défaut: .)")
    parser.add_argument("--site", type=Path, help="pdf: built site / site construit (default: <root>/site)")
    parser.add_argument("--cache", type=Path, help="pdf: PDF cache / cache des PDF (default: <root>/.cache/pdf)")
    args = parser.parse_args(argv)
    if args.command == "pdf":
        return pdf(args.root, args.lang, args.site, args.cache)
    return {"check": check, "sources": sources}[args.command](args.root, args.lang)
