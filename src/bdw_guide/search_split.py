"""One search index per language.

static-i18n merges every language into `search/search_index.json` at the site
root, so a French search returns English pages. We write the default
language's entries back to the root and each other language's entries to
`<lang>/search/search_index.json`, with locations relative to that folder and
lunr set to that language alone (French stemming for French). Translated
pages get a `base` pointing at their language folder (`language_base`), so
the theme fetches their index and resolves result links against it.
"""

from __future__ import annotations

import json
from pathlib import Path

INDEX = Path("search") / "search_index.json"


def language_base(base: str, lang: str) -> str:
    """`base` (relative path from a page to the site root) made to point at `<lang>/`."""
    base = base.rstrip("/") or "."
    return f"{base}/{lang}/"


def split_index(site_dir: Path, default_language: str) -> dict[str, int]:
    """Rewrite the merged index as one index per language; return entries per language."""
    path = site_dir / INDEX
    if not path.is_file():
        return {}
    merged = json.loads(path.read_text(encoding="utf-8"))
    by_lang: dict[str, list[dict]] = {}
    languages = [lang for lang in merged["config"].get("lang", []) if lang != default_language]
    for doc in merged["docs"]:
        lang = next(
            (
                code
                for code in languages
                if doc["location"].startswith(f"{code}/") or doc["location"] in (code, f"{code}/")
            ),
            default_language,
        )
        if lang != default_language:
            doc = {
                **doc,
                "location": doc["location"][len(lang) + 1 :] if doc["location"].startswith(f"{lang}/") else "",
            }
        by_lang.setdefault(lang, []).append(doc)
    counts = {}
    for lang, docs in by_lang.items():
        target = site_dir / INDEX if lang == default_language else site_dir / lang / INDEX
        target.parent.mkdir(parents=True, exist_ok=True)
        index = {"config": {**merged["config"], "lang": [lang]}, "docs": docs}
        target.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        counts[lang] = len(docs)
    return counts


def write_scripts(site_dir: Path) -> list[Path]:
    """Each language's index also as a script, `search/search_index.js` (`var __index = ...`): opened
    from a folder, the theme cannot fetch JSON and loads that script instead, from the same `base` as
    the JSON (what Material's offline plugin writes, for every language's index here)."""
    written = []
    for index in sorted(site_dir.rglob(INDEX.as_posix())):
        script = index.with_suffix(".js")
        script.write_text(f"var __index = {index.read_text(encoding='utf-8')}", encoding="utf-8")
        written.append(script)
    return written
