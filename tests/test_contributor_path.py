"""The contributor's path, walked for real: the Contribute page teaches what the check really does,
an edit made the documented way reaches the site, and a typical mistake gets the documented line."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import yaml

from conftest import ROOT, mkdocs_build
from conftest import soup as page

MESSAGE = "data/messages/skills/business.yml"


def check(repo: Path, lang: str = "fr") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bdw_guide", "check", "--root", str(repo), "--lang", lang],
        capture_output=True,
        text=True,
        env={**os.environ, "GITHUB_ACTIONS": ""},
    )


def test_the_contribute_page_shows_the_checked_example_and_the_real_problem_line(site, tmp_path):
    broken = tmp_path / "repo"
    (broken / "data").mkdir(parents=True)
    subprocess.run(["cp", "-r", str(ROOT / "data"), str(broken)], check=True)
    public = broken / "data/messages/access/public.yml"
    public.write_text(
        public.read_text(encoding="utf-8").replace("audience: public", "audience: publik"), encoding="utf-8"
    )
    for lang, prefix in (("fr", ""), ("en", "en/")):
        html = page(site, f"{prefix}contribute")
        blocks = [pre.get_text() for pre in html.select("article pre")]
        example = next(b for b in blocks if b.lstrip().startswith("#"))
        # The example on the page is the file the check validates, comments in the page's language.
        assert yaml.safe_load(example) == yaml.safe_load((ROOT / f"data/examples/message.{lang}.yml").read_text())
        assert ("# l’objectif" if lang == "fr" else "# which objective") in example
        # The problem line on the page is, word for word, what the check prints for that mistake.
        shown = html.select_one("article blockquote code").get_text().strip()
        printed = check(broken, lang).stderr.splitlines()
        assert shown in printed, (shown, printed)
        steps = [h.get_text(" ", strip=True) for h in html.select("article h2")]
        assert len(steps) == 6 and steps[0].startswith("1.") and steps[4].startswith("5.")


def test_a_contributors_edit_in_both_languages_reaches_the_audience_page_and_the_overview(repo: Path, tmp_path):
    """The card (audience and objective pages) shows the new ask; the overview grid the new headline."""
    path = repo / MESSAGE
    text = path.read_text(encoding="utf-8")
    edits = {  # the headline (overview grid) and the ask (card), in both languages, with Markdown
        "  fr: Une main-d’œuvre prête à l’emploi? Réclamez des investissements.": "  fr: Des équipes prêtes pour demain? Demandez *plus* d’investissements.",
        "  en: Want a job-ready workforce? Urge government to invest.": "  en: Teams ready for tomorrow? Ask for *more* investment.",
        "    Exhortez le gouvernement à investir dans des services qui forment une main-d’œuvre prête à\n"
        "    l’emploi\u00a0: c’est ainsi que nous bâtirons une économie plus forte et plus dynamique.": "    Écrivez à votre députée ou député cette semaine pour réclamer des services qui forment\n"
        "    les équipes de demain.",
        "    Urge our government to invest in services that develop a job-ready workforce, so we can build\n"
        "    a stronger, more dynamic economy.": "    Write to your member of Parliament this week to call for services that build tomorrow’s\n"
        "    teams.",
    }
    for old, new in edits.items():
        assert old in text, old
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")

    assert check(repo).returncode == 0
    site = tmp_path / "site"
    build = mkdocs_build(repo, site)
    assert build.returncode == 0, build.stderr
    for prefix, headline, ask, emphasis in (
        (
            "",
            "Des équipes prêtes pour demain? Demandez plus d’investissements.",
            "Écrivez à votre députée ou député cette semaine",
            "plus",
        ),
        (
            "en/",
            "Teams ready for tomorrow? Ask for more investment.",
            "Write to your member of Parliament this week",
            "more",
        ),
    ):
        for where in (f"{prefix}messages/audiences/business", f"{prefix}messages/objectives/skills"):
            card = page(site, where).select_one('article.bdw-card[data-objective="skills"][data-audience="business"]')
            assert card is not None and ask in card.get_text(" ", strip=True), where
        grid = page(site, f"{prefix}messages/overview").select_one(
            'td[data-objective="skills"][data-audience="business"]'
        )
        assert " ".join(grid.get_text(" ", strip=True).split()) == headline
        assert grid.find("em", string=emphasis)  # the Markdown emphasis survives


def test_a_typical_mistake_shows_the_contributor_the_exact_line(repo: Path, tmp_path):
    """A colon inside an unquoted text: the commonest YAML slip in the web editor."""
    path = repo / MESSAGE
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "  en: Want a job-ready workforce? Urge government to invest.",
            "  en: Want a job-ready workforce? Here is the ask: urge government to invest.",
        ),
        encoding="utf-8",
    )

    french = check(repo)
    assert french.returncode == 1
    assert french.stderr.splitlines()[:2] == [
        "1 problème dans les données du guide\u00a0:",
        f"{MESSAGE}:6: (fichier): Erreur de syntaxe YAML\u00a0: un «\u00a0:\u00a0» est mal placé (texte à mettre "
        "entre guillemets?). Vérifiez le retrait (deux espaces par niveau); un texte qui contient «\u00a0:\u00a0» "
        "ou qui commence par *, &, #, ! ou un guillemet doit être entre guillemets ou écrit en bloc après "
        "«\u00a0>-\u00a0».",
    ]
    english = check(repo, "en")
    assert (
        f"{MESSAGE}:6: (file): YAML syntax error: mapping values are not allowed in this context. Check the "
        "indentation" in english.stderr
    )
    build = mkdocs_build(repo, tmp_path / "site")
    assert build.returncode != 0 and "Traceback" not in build.stderr
    assert f"{MESSAGE}:6: (fichier): Erreur de syntaxe YAML" in build.stdout + build.stderr
    assert re.search(r"\(fichier\)", build.stderr)
