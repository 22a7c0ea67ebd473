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
        return [
            fill(guide.t("week_n", lang), n=n)
            + guide.t("colon", lang)
            + " "
            + guide.objectives[w.objective].short[lang]
            for n, w in enumerate(guide.calendar.weeks, 1)
        ]
    return [row[lang] for row in field.row_labels or []]


def row_count(guide: Guide, field) -> int:
    return len(row_headings(guide, field, "en")) or int(field.rows)


def column_keys(field) -> list[str]:
    """How each column of a table or grid is named in its controls: its `id`, or else its place
    among the columns that have none (1, 2, ...), so adding a column with an id moves no answer."""
    keys, n = [], 0
    for column in field.columns:
        if column.id:
            keys.append(column.id)
        else:
            n += 1
            keys.append(str(n))
    return keys


def control_names(guide: Guide, entry: Entry) -> list[str]:
    """Names of a worksheet's controls, in page order: `id`, `id.item`, `id.row.column`."""
    names: list[str] = []
    for field in entry.data.fields:
        if field.kind == "lines":
            names.append(field.id)
        elif field.kind == "list":
            names += [f"{field.id}.{n}" for n in range(1, field.items + 1)]
        else:
            keys = column_keys(field)
            names += [f"{field.id}.{r}.{c}" for r in range(1, row_count(guide, field) + 1) for c in keys]
    return names


def sheet_number(guide: Guide, entry: Entry) -> int:
    """A worksheet's number: its place in the list of worksheets (the index, the pack)."""
    return [w.id for w in guide.worksheets].index(entry.id) + 1


def used_on_source(slot: str) -> str:
    """Markdown source of the guide page a worksheet belongs to."""
    return f"{slot}.md" if slot in ("communication-plan", "partnership") else f"planning/{slot}.md"


LANDSCAPE_COLUMNS = 5  # a table this wide (row headings included) is printed on a landscape page


def landscape(guide: Guide, entry: Entry) -> bool:
    """Whether a worksheet prints across the page: one of its tables has too many columns to
    leave room for writing on a portrait page."""
    return any(
        field.kind == "table"
        and len(field.columns) + (1 if row_headings(guide, field, "en") else 0) >= LANDSCAPE_COLUMNS
        for field in entry.data.fields
    )


DOCX_PATH = "worksheets/docx/{id}.docx"
DOCX_PACK_PATH = "worksheets/docx/workshop-pack.docx"


def outline(guide: Guide, entry: Entry, lang: str) -> dict:
    """A worksheet as plain data in one language: what a Word file, a gathered plan or the browser's
    Word export needs (titles, plain-text labels, and each answer's control name)."""
    from .text_rules import plain_text

    w = entry.data
    fields = []
    for field in w.fields:
        item = {
            "kind": field.kind,
            "label": plain_text(field.label[lang]),
            "help": plain_text(field.help[lang]) if field.help else "",
        }
        if field.kind == "lines":
            item.update(name=field.id, lines=field.lines or 3)
        elif field.kind == "list":
            item["names"] = [f"{field.id}.{n}" for n in range(1, field.items + 1)]
        else:
            heads = row_headings(guide, field, lang)
            keys = column_keys(field)
            item["columns"] = [{"label": c[lang], "tick": c.tick, "wide": c.wide} for c in field.columns]
            item["row_heads"] = bool(heads)
            item["rows"] = []
            for r in range(1, row_count(guide, field) + 1):
                names = [f"{field.id}.{r}.{k}" for k in keys]
                cells = [field.cells[(r - 1) * 2 + i][lang] for i in range(len(keys))] if field.cells else []
                item["rows"].append({"heading": heads[r - 1] if heads else "", "names": names, "cells": cells})
        fields.append(item)
    return {
        "id": entry.id,
        "number": sheet_number(guide, entry),
        "sheet": fill(guide.t("sheet_n", lang), n=sheet_number(guide, entry)),
        "title": w.title[lang],
        "intro": plain_text(w.intro[lang]),
        "landscape": landscape(guide, entry),
        "fields": fields,
    }
