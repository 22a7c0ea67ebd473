"""The editors' report of unnamed sources speaks the language asked for, like the check."""

from __future__ import annotations

import pytest

from bdw_guide import cli
from bdw_guide.problem_texts import REPORT
from bdw_guide.problems import Problem


@pytest.mark.parametrize("lang, other", [("fr", "en"), ("en", "fr")])
def test_sources_report_follows_lang(repo_root, guide, capsys, lang, other):
    assert cli.main(["sources", "--lang", lang, "--root", str(repo_root)]) == 0
    out = capsys.readouterr().out
    rows = cli.unnamed_sources(guide)
    assert rows, "the guide has claims with an unnamed source: the report has something to say"
    for key in ("sources_title", "sources_intro", "sources_columns"):
        assert REPORT[key][lang][0] in out and REPORT[key][other][0] not in out, key
    assert out.rstrip().endswith(REPORT["sources_count"][lang][1].format(count=len(rows)))
    assert sum(line.startswith("| `data/") for line in out.splitlines()) == len(rows)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_problem_with_a_whole_file_names_it_in_the_contributors_language(lang):
    line = Problem("data/ui.yml", 0, "", "empty_file").render(lang)
    assert line.startswith(f"data/ui.yml: {REPORT['whole_file'][lang][0]}: ")
