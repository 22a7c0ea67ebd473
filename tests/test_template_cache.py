"""Compiled templates are kept between builds, but an edited template shows at the next build."""

from __future__ import annotations

import shutil
from pathlib import Path
from types import CodeType

import pytest
from jinja2 import Environment

from bdw_guide.render import TEMPLATES, Renderer

from conftest import GUIDE


def test_an_edited_template_is_used_by_the_next_build(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    entry = next(iter(GUIDE.messages.values()))
    before = Renderer(GUIDE, templates=templates).card(entry, "fr")
    card = templates / "card.html"
    card.write_text(card.read_text(encoding="utf-8").replace("<article", "<article data-edited", 1), encoding="utf-8")
    after = Renderer(GUIDE, templates=templates).card(entry, "fr")
    assert "data-edited" not in before
    assert "data-edited" in after


def test_an_unchanged_template_is_not_compiled_again(monkeypatch: pytest.MonkeyPatch) -> None:
    compiled: list[str] = []
    original = Environment._compile

    def counting(self: Environment, source: str, filename: str) -> CodeType:
        compiled.append(filename)
        return original(self, source, filename)

    entry = next(iter(GUIDE.messages.values()))
    Renderer(GUIDE).card(entry, "en")  # whatever an earlier build left, the card is compiled by now
    monkeypatch.setattr(Environment, "_compile", counting)
    Renderer(GUIDE).card(entry, "en")  # the next build
    assert compiled == []
