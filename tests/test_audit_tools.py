"""`make audit` reports a phone score from the median of several Lighthouse runs, chosen as
Lighthouse chooses it, so one noisy run neither hides nor invents a lost point."""

from __future__ import annotations

import importlib.util

from conftest import ROOT


def load_audit():
    spec = importlib.util.spec_from_file_location("bdw_audit_under_test", ROOT / "scripts" / "audit.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run(name: str, fcp: float, tti: float) -> dict:
    return {
        "name": name,
        "audits": {"first-contentful-paint": {"numericValue": fcp}, "interactive": {"numericValue": tti}},
    }


def test_the_median_run_is_the_one_nearest_the_median_paint_and_interactive_times():
    audit = load_audit()
    runs = [run("slow", 1600, 3200), run("middle", 1200, 2400), run("fast", 1100, 2000)]
    assert audit.median_run(runs)["name"] == "middle"
    assert audit.median_run(list(reversed(runs)))["name"] == "middle"


def test_between_two_runs_as_near_the_median_the_quicker_to_interactive_wins():
    audit = load_audit()
    assert audit.median_run([run("later", 1200, 2600), run("sooner", 1200, 2200)])["name"] == "sooner"
