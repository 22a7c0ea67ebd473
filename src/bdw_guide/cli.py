"""Check the guide's data, in the contributor's language, before anything is built.

Vérifie les données du guide, dans la langue de la personne qui contribue, avant toute construction.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import render
from .loader import Guide, load_guide
from .problem_texts import REPORT
from .problems import DataError, Problem, annotation, report_language
from .site_check import check_site
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
  offline  the offline copy (one ZIP, both languages) into a built site, after its PDFs /
           la copie hors ligne (un ZIP, deux langues) dans un site construit, après ses PDF
  expand   --out DIR: each language's finished Markdown (DIR/fr/, DIR/en/), markers expanded, for
           another site generator / le Markdown final de chaque langue, pour un autre générateur
  finish   SITE_DIR: post-build steps any generator needs (print pages, x-default, security policy)
           / étapes d’après construction (pages d’impression, x-default, politique de sécurité)
  graphics share graphics (PNG) into a built site / visuels à partager (PNG) dans un site construit
  documents every file made after the build, in one process (what make build runs): pdf, graphics,
           then offline; --cache is the folder holding .cache/pdf, graphics and offline /
           tous les fichiers faits après la construction, en un seul processus (ce que lance make build)

examples / exemples:
  python -m bdw_guide check              # en français (par défaut)
  python -m bdw_guide check --lang en    # in English
  make check lang=en

exit status / code de sortie: 0 = OK, 1 = problems found / problèmes trouvés
"""


def _load(root: Path) -> tuple[Guide | None, list[Problem]]:
    try:
        return load_guide(root, docs_dir=root / "docs"), []
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
    """Everything the strict build refuses, with the same lines (see site_check), then the
    translation status: its gaps are among those problems and are listed there, once."""
    report = check_site(root)
    guide, problems = report.guide, report.others
    status = translation_status(root, gaps=report.gaps)
    _print_problems(problems, lang)
    if status.gaps and os.environ.get("GITHUB_ACTIONS") == "true":
        for gap in status.gaps:
            print(annotation(gap, lang))
    if guide is not None:
        print(
            REPORT["data_ok"][lang][0].format(
                objectives=len(guide.objectives),
                audiences=len(guide.audiences),
                messages=len(guide.messages),
                questions=len(guide.questions),
                activities=len(guide.activities),
                case_studies=len(guide.case_studies),
                worksheets=len(guide.worksheets),
                abbreviations=len(guide.glossary),
                ui=len(guide.ui),
            )
        )
        unnamed = len(unnamed_sources(guide))
        if unnamed:
            print(REPORT["unnamed_sources"][lang][0].format(count=unnamed))
    print(status.report(lang), file=sys.stderr if status.gaps else sys.stdout)
    return 1 if problems or status.gaps else 0


def unnamed_sources(guide: Guide) -> list[tuple[str, str, str, str]]:
    """(file, page of the guide, French claim, English claim) for every fact the guide marks as sourced
    without naming the source."""
    return [
        (entry.path, render.guide_pages(fact), fact.claim.fr, fact.claim.en)
        for entry in guide.messages.values()
        for fact in entry.data.facts
        if fact.source is None
    ]


def sources(root: Path, lang: str = "fr") -> int:
    guide, problems = _load(root)
    if guide is None:
        _print_problems(problems, lang)
        return 1
    rows = unnamed_sources(guide)
    print(REPORT["sources_title"][lang][0] + "\n")
    print(REPORT["sources_intro"][lang][0] + "\n")
    print(REPORT["sources_columns"][lang][0])
    print("|---|---|---|---|")
    for path, page, fr, en in rows:
        print(f"| `{path}` | {page} | {fr} | {en} |")
    print("\n" + REPORT["sources_count"][lang][0 if len(rows) == 1 else 1].format(count=len(rows)))
    return 0


def make_documents(
    root: Path, guide: Guide, site: Path, cache: Path, timings: dict[Path, float] | None = None
) -> list[str]:
    """Every document made from a built site: worksheet PDFs and packs, Word files, the guide as a
    PDF. Returns one summary line for each kind; `timings` gets the seconds spent on each file."""
    from .engine import site_url_of
    from .guide_pdf import make_guide_pdfs
    from .pdf import make_pdfs
    from .render import TEMPLATES
    from .word import make_word_files

    timings = {} if timings is None else timings
    site_url = site_url_of(root) or ""
    lines = []
    for report in (
        make_pdfs(site, guide, cache, site_url=site_url),
        make_word_files(site, guide, cache),
        make_guide_pdfs(site, guide, cache, TEMPLATES, site_url),
    ):
        timings.update(report.timings)
        lines.append(report.summary())
    return lines


def make_everything(
    root: Path, guide: Guide, site: Path, cache_root: Path, timings: dict[Path, float] | None = None
) -> list[str]:
    """What `make build` makes after MkDocs, in one process (one Python start, one data load): the
    documents, the share graphics, then the offline copy, which takes in everything made before it.
    Each keeps its own cache folder under `cache_root`."""
    from .graphics import make_graphics
    from .offline import make_offline_copy
    from .render import TEMPLATES

    timings = {} if timings is None else timings
    lines = make_documents(root, guide, site, cache_root / "pdf", timings)
    report = make_graphics(site, guide, TEMPLATES, cache_root / "graphics")
    lines.append(report.summary())
    offline_report = make_offline_copy(root, site, cache_root / "offline", guide)
    timings[offline_report.zip_path] = offline_report.seconds
    lines.append(offline_report.summary())
    return lines


def documents(
    root: Path, lang: str = "fr", site: Path | None = None, cache: Path | None = None, timings_file: Path | None = None
) -> int:
    from .graphics import GraphicsError
    from .offline import OfflineError
    from .pdf import PdfError

    guide, problems = _load(root)
    if guide is None:
        _print_problems(problems, lang)
        return 1
    try:
        site = site or root / "site"
        timings: dict[Path, float] = {}
        lines = make_everything(root, guide, site, cache or root / ".cache", timings)
    except (PdfError, GraphicsError, OfflineError) as err:
        print(f"bdw-guide: {err}", file=sys.stderr)
        return 1
    print("\n".join(lines))
    if timings_file:  # for scripts/bench.py: seconds spent on each file, by its path in the site
        import json

        timings_file.write_text(
            json.dumps({path.relative_to(site).as_posix(): seconds for path, seconds in timings.items()}),
            encoding="utf-8",
        )
    return 0


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


def graphics(root: Path, lang: str = "fr", site: Path | None = None, cache: Path | None = None) -> int:
    from .graphics import GraphicsError, make_graphics
    from .render import TEMPLATES

    guide, problems = _load(root)
    if guide is None:
        _print_problems(problems, lang)
        return 1
    try:
        report = make_graphics(site or root / "site", guide, TEMPLATES, cache or root / ".cache" / "graphics")
    except GraphicsError as err:
        print(f"bdw-guide: {err}", file=sys.stderr)
        return 1
    print(report.summary())
    return 0


def offline(root: Path, lang: str = "fr", site: Path | None = None, cache: Path | None = None) -> int:
    from .offline import OfflineError, make_offline_copy

    guide, problems = _load(root)
    if guide is None:
        _print_problems(problems, lang)
        return 1
    try:
        report = make_offline_copy(root, site or root / "site", cache or root / ".cache" / "offline", guide)
    except OfflineError as err:
        print(f"bdw-guide: {err}", file=sys.stderr)
        return 1
    print(report.summary())
    return 0


def expand(root: Path, lang: str, out: Path | None) -> int:
    from .engine import expand_tree
    from .render import MarkerError

    if out is None:
        print("bdw-guide: expand --out DIR", file=sys.stderr)
        return 2
    try:
        counts = expand_tree(root, out)
    except DataError as err:
        _print_problems(err.problems, lang)
        return 1
    except MarkerError as err:
        print(err.render(lang), file=sys.stderr)
        return 1
    print(f"expand: {', '.join(f'{out / lang}/ ({n} pages)' for lang, n in counts.items())}")
    return 0


def finish(root: Path, lang: str, site_dir: Path | None, site_url: str | None) -> int:
    from . import csp
    from .engine import finish_site, site_url_of
    from .pages import Theme
    from .render import Renderer
    from .theme_output import ThemeOutputError

    if site_dir is None or not site_dir.is_dir():
        print(f"bdw-guide: finish SITE_DIR (a built site; {site_dir} is not a folder)", file=sys.stderr)
        return 2
    guide, problems = _load(root)
    if guide is None:
        _print_problems(problems, lang)
        return 1
    try:
        done = finish_site(
            site_dir,
            Renderer(guide),
            site_url or site_url_of(root),
            scripts=csp.ThemeScripts.from_dirs(Theme.of(root).dirs),
        )
    except ThemeOutputError as err:
        print(f"bdw-guide: {err}", file=sys.stderr)
        return 1
    print(done.summary())
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bdw_guide",
        description=__doc__,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "command",
        choices=["check", "sources", "pdf", "graphics", "offline", "documents", "expand", "finish"],
        help="check | sources | pdf | graphics | offline | documents | expand | finish (see below / voir plus bas)",
    )
    parser.add_argument("site_dir", nargs="?", type=Path, help="finish: the built site / le site construit")
    parser.add_argument(
        "--lang",
        choices=["fr", "en"],
        default=report_language(),
        help="language of the messages / langue des messages (default / par défaut: fr)",
    )
    parser.add_argument(
        "--root", type=Path, default=Path.cwd(), help="repository root / racine du dépôt (default / par défaut: .)"
    )
    parser.add_argument(
        "--site",
        type=Path,
        help="pdf, graphics, offline, documents: built site / site construit (default: <root>/site)",
    )
    parser.add_argument(
        "--cache",
        type=Path,
        help="pdf, graphics, offline: cache (default: <root>/.cache/pdf, .cache/graphics, .cache/offline); "
        "documents: the folder holding those three (default: <root>/.cache)",
    )
    parser.add_argument("--out", type=Path, help="expand: where to write / où écrire")
    parser.add_argument(
        "--timings",
        type=Path,
        help="documents: write each file's seconds there (JSON) / écrire le temps de chaque fichier (JSON)",
    )
    parser.add_argument("--site-url", help="finish: the site's address / l’adresse du site (default: mkdocs.yml)")
    args = parser.parse_args(argv)
    if args.command in ("pdf", "graphics", "offline", "documents"):
        if args.command == "documents":
            return documents(args.root, args.lang, args.site, args.cache, args.timings)
        command = {"pdf": pdf, "graphics": graphics, "offline": offline}[args.command]
        return command(args.root, args.lang, args.site, args.cache)
    if args.command == "expand":
        return expand(args.root, args.lang, args.out)
    if args.command == "finish":
        return finish(args.root, args.lang, args.site_dir, args.site_url)
    return {"check": check, "sources": sources}[args.command](args.root, args.lang)
