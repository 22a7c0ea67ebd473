"""Both languages, always: every interface string and data text exists in French and English,
French typography is Canadian French, and templates use no string that data/ui.yml lacks."""

from __future__ import annotations

import re

from pydantic import BaseModel

from bdw_guide.models import Text
from bdw_guide.render import TEMPLATES
from bdw_guide.worksheets import PAPERS

from conftest import GUIDE, ROOT

NBSP = "\u00a0"


def _walk(where: str, value: object) -> list[tuple[str, Text]]:
    """Every Text inside a model, list or dict, with a path saying where it sits."""
    if isinstance(value, Text):
        return [(where, value)]
    if isinstance(value, BaseModel):
        return [t for name, child in value for t in _walk(f"{where}.{name}", child)]
    if isinstance(value, dict):
        return [t for key, child in value.items() for t in _walk(f"{where}.{key}", child)]
    if isinstance(value, (list, tuple)):
        return [t for index, child in enumerate(value) for t in _walk(f"{where}[{index}]", child)]
    return []


def all_texts() -> list[tuple[str, Text]]:
    """Every text of data/, whatever file it lives in (new kinds of data are covered unasked)."""
    out = _walk("ui", GUIDE.ui) + _walk("objectives", GUIDE.objectives) + _walk("audiences", GUIDE.audiences)
    out += _walk("campaign", GUIDE.campaign) + _walk("contributors", GUIDE.contributors)
    out += _walk("glossary", GUIDE.glossary) + _walk("calendar", GUIDE.calendar) + _walk("questions", GUIDE.questions)
    out += _walk("representatives", GUIDE.representatives)
    for entry in [
        *GUIDE.messages.values(),
        *GUIDE.activities,
        *GUIDE.worksheets,
        *GUIDE.posts.values(),
        *GUIDE.letters.values(),
    ]:
        out += _walk(entry.path, entry.data)
    assert len(out) > 350  # the walk reached into every file
    return out


def test_every_template_string_exists_in_ui_yml():
    used = set()
    prefixes = set()  # t("paper_" ~ paper): a key made from a prefix and a value
    for template in TEMPLATES.glob("*.html"):
        text = template.read_text(encoding="utf-8")
        used |= set(re.findall(r"""\bt\(\s*["']([a-z_]+)["']\s*[,)]""", text))
        prefixes |= set(re.findall(r"""\bt\(\s*["']([a-z_]+_)["']\s*~""", text))
    assert used, "no t('...') call found: the scan is broken"
    assert prefixes == {"paper_"}, prefixes
    used |= {f"paper_{paper}" for paper in PAPERS}
    missing = used - set(GUIDE.ui)
    assert not missing, f"used in templates but missing from data/ui.yml: {sorted(missing)}"


def test_navigation_section_titles_exist_in_both_languages():
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    nav = config.split("\nnav:", 1)[1]
    sections = re.findall(r"^\s*- ([a-z_]+):\s*$", nav, re.M)
    assert sections
    for key in sections:
        assert key in GUIDE.ui and GUIDE.ui[key].fr and GUIDE.ui[key].en, key


def test_french_typography():
    problems = []
    for where, text in all_texts():
        fr = text.fr
        if "'" in fr:
            problems.append(f"{where}: straight apostrophe (use ’)")
        if re.search(r"(?<!\u00a0):(?!//)", fr):
            problems.append(f"{where}: ':' needs a non-breaking space before it")
        if re.search(r"(?<!\u00a0)%", fr):
            problems.append(f"{where}: '%' needs a non-breaking space before it")
        if re.search(r"«(?!\u00a0)|(?<!\u00a0)»", fr):
            problems.append(f"{where}: « » need non-breaking spaces inside")
        if '"' in fr:
            problems.append(f"{where}: straight quotes (use « »)")
    assert not problems, "\n".join(problems)


def test_english_typography_and_spelling():
    problems = []
    us_spellings = re.compile(r"\b(organi[sz]ation\w*|center|labor|program(?:me)?|color|behavior)\b", re.I)
    for where, text in all_texts():
        en = text.en
        if NBSP in en:
            problems.append(f"{where}: non-breaking space in English")
        if re.search(r"\d\s%", en):
            problems.append(f"{where}: no space before % in English")
        for word in us_spellings.findall(en.replace("Pew Research Center", "")):  # a proper name
            if word.lower() in ("center", "labor", "color", "behavior", "programme") or "isation" in word.lower():
                problems.append(f"{where}: '{word}' is not Canadian spelling")
    assert not problems, "\n".join(problems)


def test_every_page_exists_in_both_language_trees():
    trees = {
        lang: {p.relative_to(ROOT / "docs" / lang).as_posix() for p in (ROOT / "docs" / lang).rglob("*.md")}
        for lang in ("fr", "en")
    }
    assert trees["fr"], "no pages found"
    only_fr, only_en = trees["fr"] - trees["en"], trees["en"] - trees["fr"]
    assert not only_fr and not only_en, f"only in French: {sorted(only_fr)}; only in English: {sorted(only_en)}"
