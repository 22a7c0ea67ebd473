"""Facts about worksheets that pages, scripts and PDFs must agree on.

Answers are saved and exported under the names of the form controls, so the names are
derived here once (and a test checks the rendered forms use exactly these).
"""
from __future__ import annotations

from .loader import Entry, Guide
from .ui_text import fill

PAPERS: tuple[str, ...] = ("letter", "a4")  # Letter first: the default in Canada
WORKSHEET_PATH = "worksheets/{id}/"
PDF_PATH = "worksheets/pdf/{id}-{paper}.pdf"
PACK_PATH = "worksheets/pdf/workshop-pack-{paper}.pdf"


def row_headings(guide: Guide, field, lang: str) -> list[str]:
    """Headings of a table's or grid's rows; empty for a table of unlabelled rows."""
    if field.kind == "grid":
        return [row[lang] for row in field.rows]
    if field.row_labels_from == "calendar":  # "Week 1: Access to services"...
        return [fill(guide.t("week_n", lang), n=n) + guide.t("colon", lang) + " " + guide.objectives[w.objective].short[lang]
                for n, w in enumerate(guide.calendar.weeks, 1)]
    return [row[lang] for row in field.row_labels or []]


def row_count(guide: Guide, field) -> int:
    return len(row_headings(guide, field, "en")) or int(field.rows)


def control_names(guide: Guide, entry: Entry) -> list[str]:
    """Names of a worksheet's controls, in page order: `id`, `id.item`, `id.row.column`."""
    names: list[str] = []
    for field in entry.data.fields:
        if field.kind == "lines":
            names.append(field.id)
        elif field.kind == "list":
            names += [f"{field.id}.{n}" for n in range(1, field.items + 1)]
        else:
            columns = len(field.columns)
            names += [f"{field.id}.{r}.{c}" for r in range(1, row_count(guide, field) + 1)
                      for c in range(1, columns + 1)]
    return names


def used_on_source(slot: str) -> str:
    """Markdown source of the guide page a worksheet belongs to."""
    return f"{slot}.md" if slot in ("communication-plan", "partnership") else f"planning/{slot}.md"
