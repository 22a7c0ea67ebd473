"""Interface strings (`data/ui.yml`) and the placeholders the code fills in them.

A UI text such as "Question {n} of {total}" is filled by the templates, the core and the page
scripts. `PLACEHOLDERS` declares, in one place, which names the code supplies for each key (a key
not listed takes none); a test reads the templates, the core and the scripts and checks that they
agree with it. The check then refuses a text that names anything else or holds a lone brace, so a
contributor's typo is one line, and `fill` never raises whatever a text holds.
"""

from __future__ import annotations

import re
from pathlib import Path

from .problems import ProblemLog

PLACEHOLDERS: dict[str, tuple[str, ...]] = {
    "objective_n": ("n",),
    "filter_status": ("count",),  # filled by bdw.js as the overview filter changes
    "week_n": ("n",),
    "calendar_caption": ("month", "event"),
    "hashtag_other": ("tag",),
    "question_of": ("n", "total"),
    "question_title": ("n", "title"),
    "worksheet_item": ("label", "n"),
    "row_n": ("n",),
    "worksheet_for_question": ("n", "title"),
    "imported": ("count",),  # filled by bdw-worksheets.js
    "import_skipped": ("count", "names"),  # filled by bdw-worksheets.js
    "print_page": ("page", "pages"),  # page counters of the printed worksheets (CSS)
    "figure_about": ("n",),
    "figure_range": ("a", "b"),
    "figure_change": ("a", "b"),
    "official_name": ("name",),
    "citation_named": ("source", "reference"),
    "citation_unnamed": ("reference",),
    "guide_reference": ("publisher", "title", "title_en", "year", "pages"),
    # post drafts (posts.py, post-drafts.html; bdw-posts.js fills the counts as the reader edits)
    "post_label": ("platform",),
    "post_count": ("count", "limit"),
    "post_over": ("over",),
    "post_count_status": ("platform", "count", "limit"),
    "post_opening": ("visible",),
    "hashtag_guide_form": ("tag",),
    "hashtag_surviving_form": ("tag",),
    "hashtag_whole": ("tag",),
    "hashtag_changed": ("tag",),
    # the November calendar file (calendar_file.py, calendar-file.html)
    "calendar_add_hint": ("month", "event"),
    "calendar_file_name": ("site", "month"),
    "calendar_file_month": ("month", "event"),
    # the offline copy's size on its download link (offline.py)
    "size_mb": ("n",),
    # letters and adapted messages, filled by bdw-kit.js as the writer types
    "letter_greeting": ("recipient",),
    "letter_opening_org": ("organization",),
    "letter_local": ("fact",),
    "adapt_signature": ("organization",),
    # a share graphic's size beside its download (share-graphics.html)
    "share_size": ("width", "height"),
    # the home page's entries (home-entries.html) and the activity index's filter (bdw.js)
    "home_find_text": ("n",),
    "home_workshop_activities": ("n",),
    "activity_filter_status": ("count",),
    # printed documents: sheet numbers, the pack's cover and contents (pdf.py, pack-front.html), the
    # guide as a PDF (guide_pdf.py, guide-document.html)
    "sheet_n": ("n",),
    "pack_cover_lead": ("count",),
    "contents_page": ("page",),
    "guide_pdf_sheet": ("n", "title"),
}

# Texts whose languages may use different placeholders, each for a reason of its own language:
# a French letter opens with « Madame, Monsieur, », an English one with the recipient's name.
MAY_DIFFER = {"letter_greeting"}

_FIELD = re.compile(r"\{([^{}]*)\}")
_NAME = re.compile(r"[a-z_]+")


def used_placeholders(text: str) -> list[str]:
    """Every `{...}` of a text, as written (`{n}`, `{0}`, `{n.__class__}`)."""
    return [match.group(0) for match in _FIELD.finditer(text)]


def check_ui_text(key: str, texts: dict[str, str], log: ProblemLog, path: Path, lines: dict[str, int]) -> None:
    """Log a line for each placeholder of a UI text (`texts`: language -> text) the code does not
    supply for `key`, for a brace that opens or closes nothing, and for a placeholder one language
    uses and the other does not."""
    allowed = PLACEHOLDERS.get(key, ())
    listed = ", ".join(f"{{{name}}}" for name in allowed)
    used: dict[str, set[str]] = {}
    for lang, text in texts.items():
        line, field = lines[lang], f"{key}.{lang}"
        clean = True
        for written in used_placeholders(text):
            if _NAME.fullmatch(written[1:-1]) and written[1:-1] in allowed:
                continue
            clean = False
            if allowed:
                log.add(path, line, field, "ui_placeholder_unknown", found=written, allowed=listed)
            else:
                log.add(path, line, field, "ui_placeholder_none", found=written)
        lone = [char for char in _FIELD.sub("", text) if char in "{}"]
        for brace in lone[:1]:  # one line per text: the first brace that opens or closes nothing
            clean = False
            if allowed:
                log.add(path, line, field, "ui_brace", brace=brace, allowed=listed)
            else:
                log.add(path, line, field, "ui_brace_none", brace=brace)
        if clean:
            used[lang] = set(used_placeholders(text))
    if "fr" in used and "en" in used and key not in MAY_DIFFER:  # compared only when both are otherwise right
        if used["en"] - used["fr"]:
            log.add(
                path,
                lines["fr"],
                f"{key}.fr",
                "ui_placeholder_missing_fr",
                missing=", ".join(sorted(used["en"] - used["fr"])),
            )
        if used["fr"] - used["en"]:
            log.add(
                path,
                lines["en"],
                f"{key}.en",
                "ui_placeholder_missing_en",
                missing=", ".join(sorted(used["fr"] - used["en"])),
            )


def fill(text: str, **values: object) -> str:
    """`text` with each `{name}` given in `values` replaced; anything else is left as written, so a
    text the check would refuse still renders instead of stopping the build."""
    return _FIELD.sub(lambda m: str(values[m.group(1)]) if m.group(1) in values else m.group(0), text)
