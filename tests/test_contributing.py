"""What a contributor meets: pull-request checks that hold, problems annotated on their lines."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import yaml

from conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
SCHEMA_CHECK = [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows"]


def test_workflows_are_valid_github_actions(tmp_path):
    assert len(WORKFLOWS) == 2
    result = subprocess.run(SCHEMA_CHECK + [str(w) for w in WORKFLOWS], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    broken = tmp_path / "broken.yml"  # the check can fail: a misspelled key is caught
    broken.write_text(WORKFLOWS[0].read_text(encoding="utf-8").replace("runs-on:", "run-on:"), encoding="utf-8")
    assert subprocess.run(SCHEMA_CHECK + [str(broken)], capture_output=True, text=True).returncode != 0


def _steps(name: str) -> list[str]:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / name).read_text(encoding="utf-8"))
    return [step.get("run", step.get("uses", "")) for job in workflow["jobs"].values() for step in job.get("steps", [])]


def test_pull_requests_validate_build_and_test_and_main_deploys_with_pdfs():
    pr = _steps("pull-request.yml")
    assert "make check" in pr and "make test" in pr
    # Reviewers see a change without building it: screenshots kept as the run's artifact.
    assert "make screenshots" in pr
    assert any(s.startswith("actions/upload-artifact@v4.") for s in pr)
    deploy = _steps("deploy.yml")
    assert "make build" in deploy  # the deploy build makes the PDFs
    assert any(s.startswith("actions/deploy-pages") for s in deploy)
    build = (ROOT / "Makefile").read_text(encoding="utf-8").split("\nbuild:", 1)[1].split("\n\n", 1)[0]
    # one process builds strictly, then makes the documents, the graphics, then the offline copy that
    # holds them (scripts/build.py calling cli's documents command)
    assert "scripts/build.py" in build
    script = (ROOT / "scripts" / "build.py").read_text(encoding="utf-8")
    assert '"--strict"' in script and '["documents"' in script


def test_deploy_fetches_the_whole_history_for_page_dates():
    """A shallow clone has no history: pages would show no "Date modified" and the sitemap no lastmod."""
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "deploy.yml").read_text(encoding="utf-8"))
    checkouts = [
        step
        for job in workflow["jobs"].values()
        for step in job.get("steps", [])
        if step.get("uses", "").startswith("actions/checkout")
    ]
    assert checkouts and all(step.get("with", {}).get("fetch-depth") == 0 for step in checkouts)


def test_workflows_run_on_githubs_runners_in_debian_with_pinned_actions():
    """Ubuntu's chromium package is a snap stub: jobs that need Chromium run in a Debian container
    and install Debian's. Every action is pinned to an exact release."""
    for path in WORKFLOWS:
        workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
        for name, job in workflow["jobs"].items():
            steps = [step.get("run", "") for step in job.get("steps", [])]
            if any("make" in run for run in steps):
                assert job["container"]["image"].endswith("-bookworm"), (path.name, name)
                assert any("apt-get install" in run and "chromium" in run for run in steps), (path.name, name)
                assert not any("sudo" in run for run in steps), (path.name, name)
            for step in job.get("steps", []):
                if "uses" in step:
                    assert re.fullmatch(r"[\w.-]+/[\w.-]+@v\d+\.\d+\.\d+", step["uses"]), (path.name, step["uses"])


def test_problems_are_annotated_on_their_file_and_line_in_github_actions(tmp_path):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    message = tmp_path / "data/messages/access/public.yml"
    message.write_text(
        message.read_text(encoding="utf-8").replace("audience: public", "audience: publik"), encoding="utf-8"
    )

    def run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "bdw_guide", "check", "--root", str(tmp_path), *args],
            capture_output=True,
            text=True,
            env={**os.environ, "BDW_LANG": "", **env},
        )

    in_actions = run({"GITHUB_ACTIONS": "true"}, "--lang", "en")
    assert in_actions.returncode == 1
    assert (
        "::error file=data/messages/access/public.yml,line=3,title=audience::'publik' is not a known "
        "audience. Use one of: public, business, government, education."
    ) in in_actions.stdout
    elsewhere = run({"GITHUB_ACTIONS": ""}, "--lang", "en")
    assert "::error" not in elsewhere.stdout + elsewhere.stderr
    assert "data/messages/access/public.yml:3: audience: 'publik' is not a known audience." in elsewhere.stderr
    french = run({"GITHUB_ACTIONS": ""})  # French unless asked otherwise
    assert french.returncode == 1
    assert (
        "data/messages/access/public.yml:3: audience: «\u00a0publik\u00a0» n’est pas un public connu. "
        "Utilisez l’un de ceux-ci\u00a0: public, business, government, education."
    ) in french.stderr
    assert french.stderr.startswith("1 problème dans les données du guide\u00a0:")


def test_pull_request_template_has_the_checklist_in_both_languages():
    text = (ROOT / ".github" / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    for needle in ("Both French and English", "Le français et l’anglais", "source:", "my own wording", "de ma main"):
        assert needle in text


def test_contributing_lists_every_page_setting_in_both_languages_and_its_example_passes(tmp_path):
    import re

    from bdw_guide.loader import load_guide
    from bdw_guide.pages import HIDE_CHOICES, PAGE_SETTINGS, Theme, check_page
    from bdw_guide.problems import ProblemLog

    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    english, french = text.split("## Pages in `docs/` and their settings")[1], text.split("## Les pages de `docs/`")[1]
    for section in (english.split("\n## ")[0], french.split("\n## ")[0]):
        assert set(re.findall(r"^\| `([a-z_]+):` \|", section, re.M)) == set(PAGE_SETTINGS)
        assert all(f"`{choice}`" in section for choice in HIDE_CHOICES)
    example = re.search(r"```yaml\n(---\n.*?---\n)```", english, re.S).group(1)
    page = tmp_path / "page.md"
    page.write_text(example + "\n# Title\n", encoding="utf-8")
    log = ProblemLog(tmp_path)
    check_page(page, load_guide(ROOT), Theme.of(ROOT), log)
    assert log.problems == []
