"""Bad data fails the strict build with the contributor's lines, no traceback, and leaves site/ alone."""

from __future__ import annotations

from pathlib import Path

from conftest import deploy_build, mkdocs_build


def test_bad_data_fails_cleanly_and_keeps_the_previous_site(repo: Path):
    site = repo / "site"
    first = mkdocs_build(repo, site)
    assert first.returncode == 0, first.stderr
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}

    message = repo / "data/messages/access/public.yml"
    message.write_text(
        message.read_text(encoding="utf-8").replace("audience: public", "audience: publik"), encoding="utf-8"
    )
    ui = repo / "data/ui.yml"
    ui.write_text(
        ui.read_text(encoding="utf-8").replace('copy:\n  fr: "Copier le message"\n', "copy:\n"), encoding="utf-8"
    )

    failed = mkdocs_build(repo, site)
    output = failed.stdout + failed.stderr
    assert failed.returncode != 0
    assert "Traceback" not in output
    # In French unless the contributor asks otherwise (BDW_LANG=en, like `check --lang en`)
    assert "data/messages/access/public.yml:3: audience: «\u00a0publik\u00a0» n’est pas un public connu." in output
    assert (
        "data/ui.yml:" in output
        and "copy.fr: Ce texte a une version anglaise, mais pas de version française." in output
    )
    after = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert after == before


def test_unknown_marker_in_a_page_names_the_page_and_its_line(repo: Path, tmp_path: Path):
    page = repo / "docs/en/messages/overview.md"
    page.write_text("# Overview\n\n<!-- bdw:overveiw -->\n", encoding="utf-8")
    failed = mkdocs_build(repo, tmp_path / "site", lang="en")
    output = failed.stdout + failed.stderr
    assert failed.returncode != 0 and "Traceback" not in output
    assert "docs/en/messages/overview.md:3: (file): Unknown marker 'bdw:overveiw'; known: audience," in output


def test_new_worksheet_without_its_pages_says_which_files_to_create(repo: Path, tmp_path: Path):
    source = (repo / "data/worksheets/question-4.yml").read_text(encoding="utf-8")
    (repo / "data/worksheets/role-play.yml").write_text(source, encoding="utf-8")
    failed = mkdocs_build(repo, tmp_path / "site", lang="en")
    output = failed.stdout + failed.stderr
    assert failed.returncode != 0 and "Traceback" not in output
    assert (
        "data/worksheets/role-play.yml:1: (file): This worksheet has no page in docs/fr/worksheets/. "
        "Create docs/fr/worksheets/role-play.md holding the line <!-- bdw:worksheet role-play -->"
    ) in output
    assert "docs/en/worksheets/role-play.md" in output


def test_the_deploy_build_stops_at_the_strict_build_and_makes_no_document(repo: Path, tmp_path: Path):
    """make build (scripts/build.py) runs MkDocs and the documents in one process: bad data stops it at
    MkDocs with the contributor's line, before any PDF, Word file or offline copy is made."""
    message = repo / "data/messages/access/public.yml"
    message.write_text(
        message.read_text(encoding="utf-8").replace("audience: public", "audience: publik"), encoding="utf-8"
    )
    site = tmp_path / "site"
    failed = deploy_build(repo, site, tmp_path / "cache")
    output = failed.stdout + failed.stderr
    assert failed.returncode != 0
    assert "Traceback" not in output
    assert "data/messages/access/public.yml:3: audience: «\u00a0publik\u00a0» n’est pas un public connu." in output
    assert not (tmp_path / "cache").exists()
    assert not (site / "downloads").exists()
