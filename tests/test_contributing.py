"""What a contributor meets: pull-request checks that hold, problems annotated on their lines."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
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
    assert "python -m bdw_guide pdf" in build
    assert "python -m bdw_guide offline" in build  # the offline copy, after the PDFs it holds


def test_deploy_fetches_the_whole_history_for_page_dates():
    """A shallow clone has no history: pages would show no "Date modified" and the sitemap no lastmod."""
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "deploy.yml").read_text(encoding="utf-8"))
    checkouts = [step for job in workflow["jobs"].values() for step in job.get("steps", [])
                 if step.get("uses", "").startswith("actions/checkout")]
    assert checkouts and all(step.get("with", {}).get("fetch-depth") == 0 for step in checkouts)


def test_problems_are_annotated_on_their_file_and_line_in_github_actions(tmp_path):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    message = tmp_path / "data/messages/access/public.yml"
    message.write_text(message.read_text(encoding="utf-8").replace("audience: public", "audience: publik"),
                       encoding="utf-8")
    def run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "bdw_guide", "check", "--root", str(tmp_path), *args],
                              capture_output=True, text=True, env={**os.environ, "BDW_LANG": "", **env})

    in_actions = run({"GITHUB_ACTIONS": "true"}, "--lang", "en")
    assert in_actions.returncode == 1
    assert ("::error file=data/messages/access/public.yml,line=3,title=audience::'publik' is not a known "
            "audience. Use one of: public, business, government, education.") in in_actions.stdout
    elsewhere = run({"GITHUB_ACTIONS": ""}, "--lang", "en")
    assert "::error" not in elsewhere.stdout + elsewhere.stderr
    assert "data/messages/access/public.yml:3: audience: 'publik' is not a known audience." in elsewhere.stderr
    french = run({"GITHUB_ACTIONS": ""})  # French unless asked otherwise
    assert french.returncode == 1
    assert ("data/messages/access/public.yml:3: audience: «\u00a0publik\u00a0» n’est pas un public connu. "
            "Utilisez l’un de ceux-ci\u00a0: public, business, government, education.") in french.stderr
    assert french.stderr.startswith("1 problème dans les données du guide\u00a0:")


def test_pull_request_template_has_the_checklist_in_both_languages():
    text = (ROOT / ".github" / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    for needle in ("Both French and English", "Le français et l’anglais", "source:", "my own wording",
                   "de ma main"):
        assert needle in text
