"""Translation status: gaps fail the check and the strict build; stale texts are pointed out."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from bdw_guide.translation import translation_status

from conftest import mkdocs_build

MESSAGE = "data/messages/access/public.yml"
NBSP = "\u00a0"


def check(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bdw_guide", "check", "--root", str(repo), *args],
        capture_output=True,
        text=True,
        env={**os.environ, "BDW_LANG": "", "GITHUB_ACTIONS": ""},
    )


def test_the_real_guide_has_no_gaps():
    status = translation_status(Path(__file__).resolve().parent.parent)
    assert status.gaps == []


def test_a_text_in_one_language_only_is_one_gap_in_the_check(repo: Path):
    path = repo / MESSAGE
    path.write_text(
        path.read_text(encoding="utf-8").replace("  en: Worried about your job? Get a career check-up.\n", ""),
        encoding="utf-8",
    )
    run = check(repo)
    assert run.returncode == 1
    assert f"Traductions{NBSP}: 1 écart entre le français et l’anglais{NBSP}:" in run.stderr
    assert (
        f"{MESSAGE}:4: headline.en: Ce texte a une version française, mais pas de version anglaise. "
        "Ajoutez «\u00a0en:\u00a0» à côté de «\u00a0fr:\u00a0» avec le texte anglais."
    ) in run.stderr
    assert "Le texte anglais est absent" not in run.stderr  # told once, not also by the data check
    english = check(repo, "--lang", "en")
    assert f"{MESSAGE}:4: headline.en: This text has French but no English." in english.stderr


def test_a_page_in_one_tree_only_fails_the_check_and_the_strict_build(repo: Path, tmp_path: Path):
    (repo / "docs/en/conclusion.md").unlink()
    run = check(repo)
    assert run.returncode == 1
    expected = (
        "docs/fr/conclusion.md: (fichier): Cette page n’a pas de version anglaise. "
        "Créez docs/en/conclusion.md avec le texte anglais (mêmes intertitres)."
    )
    assert expected in run.stderr
    build = mkdocs_build(repo, tmp_path / "site")
    assert build.returncode != 0 and "Traceback" not in build.stdout + build.stderr
    assert expected in build.stdout + build.stderr
    assert not (tmp_path / "site" / "index.html").exists()  # failed before writing anything


def git(repo: Path, *args: str, date: str | None = None) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    if date:
        env |= {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, env=env)


def test_a_text_older_than_its_counterpart_is_likely_stale(repo: Path):
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "guide", date="2026-01-05T12:00:00Z")
    path = repo / MESSAGE
    path.write_text(
        path.read_text(encoding="utf-8").replace("Get a career check-up.", "Book a career check-up."), encoding="utf-8"
    )
    git(repo, "commit", "-qam", "English headline", date="2026-03-02T12:00:00Z")
    page = repo / "docs/fr/conclusion.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nUne phrase de plus.\n", encoding="utf-8")
    git(repo, "commit", "-qam", "French conclusion", date="2026-04-10T12:00:00Z")

    status = translation_status(repo)
    assert [(s.file, s.line, s.field, s.older) for s in status.stale] == [
        (MESSAGE, 5, "headline.fr", "fr"),
        ("docs/en/conclusion.md", 0, "", "en"),
    ]
    report = status.report("en")
    assert (
        f"{MESSAGE}:5: headline.fr: the French text was last changed on 2026-01-05, the English one on "
        "2026-03-02. Check that it still says the same thing"
    ) in report
    assert "docs/en/conclusion.md: (page): the English text was last changed on 2026-01-05" in report
    run = check(repo)
    assert run.returncode == 0  # stale texts are advice, not a failure
    assert f"{MESSAGE}:5: headline.fr: le texte français a changé pour la dernière fois le 2026-01-05" in run.stdout


def test_without_git_staleness_is_said_to_be_unmeasured(repo: Path):
    run = check(repo, "--lang", "en")
    assert run.returncode == 0
    assert "not measured (this folder is not a git checkout)" in run.stdout
