"""Both languages, always: every interface string and data text exists in French and English,
French typography is Canadian French, and templates use no string that data/ui.yml lacks."""
from __future__ import annotations

import re
from pathlib import Path

from bdw_guide.loader import load_guide
from bdw_guide.models import Text

ROOT = Path(__file__).resolve().parent.parent
GUIDE = load_guide(ROOT)
NBSP = "\u00a0"


def all_texts() -> list[tuple[str, Text]]:
    out: list[tuple[str, Text]] = [(f"ui.{k}", v) for k, v in GUIDE.ui.items()]
    for kind, items in (("objectives", GUIDE.objectives), ("audiences", GUIDE.audiences)):
        for key, item in items.items():
            out += [(f"{kind}.{key}.{name}", value) for name, value in item if isinstance(value, Text)]
    for entry in GUIDE.messages.values():
        m = entry.data
        out += [(f"{entry.path}:{name}", value) for name, value in m if isinstance(value, Text)]
        out += [(f"{entry.path}:facts", f.claim) for f in m.facts]
    out += [(f"campaign.{name}", value) for name, value in GUIDE.campaign if isinstance(value, Text)]
    return out


def test_every_template_string_exists_in_ui_yml():
    used = set()
    for template in (ROOT / "overrides" / "bdw").glob("*.html"):
        used |= set(re.findall(r"""\bt\(\s*["']([a-z_]+)["']""", template.read_text(encoding="utf-8")))
    assert used, "no t('...') call found: the scan is broken"
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
    trees = {lang: {p.relative_to(ROOT / "docs" / lang).as_posix() for p in (ROOT / "docs" / lang).rglob("*.md")}
             for lang in ("fr", "en")}
    assert trees["fr"], "no pages found"
    only_fr, only_en = trees["fr"] - trees["en"], trees["en"] - trees["fr"]
    assert not only_fr and not only_en, f"only in French: {sorted(only_fr)}; only in English: {sorted(only_en)}"
