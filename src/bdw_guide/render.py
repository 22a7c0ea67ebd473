"""Render message cards and generated page bodies from the data, through Jinja templates.

Pages in `docs/<lang>/` hold a marker such as `<!-- bdw:audience public -->`;
`expand_markers` replaces it with Markdown (headings, so the table of contents
and search sections stay native) and HTML blocks (cards, the overview grid).
Templates live in `overrides/bdw/` so markup stays out of Python.
"""
from __future__ import annotations

import itertools
import json
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_context, select_autoescape
from markupsafe import Markup

from .loader import Entry, Guide, MessageEntry, worksheet_slots
from .models import LANGUAGES
from .problem_texts import CATALOGUE
from .problems import Problem
from .text_rules import MarkdownRenderer, abbreviation_lines, plain_text
from .worksheets import (DOCX_PACK_PATH, DOCX_PATH, PACK_PATH, PAPERS, PDF_PATH, WORKSHEET_PATH, column_keys,
                         control_names, landscape, outline, row_headings, sheet_number, used_on_source)

GUIDE_PDF_PATH = "guide/{name}-{paper}.pdf"  # the whole guide as one PDF (see guide_pdf.py)
MARKER = re.compile(r"^<!--\s*bdw:([a-z-]+)(?:\s+([a-z0-9-]+))?\s*-->[ \t]*$", re.M)
SLOT = re.compile(r"<!-- bdw-slot (\d+) -->")

# Language-independent paths of generated pages (directory URLs, relative to a language root).
OVERVIEW_PATH = "messages/overview/"
AUDIENCE_PATH = "messages/audiences/{id}/"
OBJECTIVE_PATH = "messages/objectives/{id}/"
QUESTION_PATH = "planning/question-{id}/"
CASE_STUDY_PATH = "case-studies/{id}/"
# The same pages as Markdown sources, for links inside generated Markdown (MkDocs checks those).
SOURCES = {"overview": "messages/overview.md", "audience": "messages/audiences/{id}.md",
           "objective": "messages/objectives/{id}.md", "question": "planning/question-{id}.md"}


def css_string(text: str) -> str:
    """A CSS string literal (for `content:`), safe whatever the text holds."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\a ")
    return f'"{escaped}"'


def number(value: int, lang: str) -> str:
    """A number as each language writes it: 860 000 (no-break spaces) in French, 860,000 in English."""
    return f"{value:,}".replace(",", "\u00a0" if lang == "fr" else ",")


def figure_text(figure, lang: str, ui: dict) -> str:
    """"about 860,000", "30 to 57": a case-study figure's number part, in the page's language."""
    text = number(figure.value, lang)
    if figure.to is not None:
        text = ui["figure_range"][lang].format(a=text, b=number(figure.to, lang))
    return ui["figure_about"][lang].format(n=text) if figure.about else text


class MarkerError(ValueError):
    """A page holds a marker that names nothing we know; told in either language like a data problem."""

    def __init__(self, code: str, **args: object):
        self.code, self.args_ = code, {k: str(v) for k, v in args.items()}
        super().__init__(self.render("en"))

    def render(self, lang: str) -> str:
        return CATALOGUE[self.code][lang][0].format(**self.args_)


def relative_url(target: str, current: str) -> str:
    """URL of `target` as seen from page `current` (both directory URLs from the same root)."""
    path, _, fragment = target.partition("#")
    base = posixpath.dirname(current.rstrip("/")) if not current.endswith("/") else current.rstrip("/")
    rel = posixpath.relpath(path or ".", base or ".")
    is_dir = path == "" or path.endswith("/")
    rel = "./" if rel == "." else rel + ("/" if is_dir and not rel.endswith("/") else "")
    return rel + (f"#{fragment}" if fragment else "")


@dataclass
class Renderer:
    """Renders one language of the guide; make one per build so templates are re-read."""

    guide: Guide
    templates: Path
    edit_base: str | None = None  # e.g. https://github.com/org/repo/edit/main/

    def __post_init__(self) -> None:
        self.env = Environment(
            loader=FileSystemLoader(str(self.templates)),
            autoescape=select_autoescape(default=True, default_for_string=True),
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        self.abbreviations = self._abbreviations()
        markdown = MarkdownRenderer(self.abbreviations)
        # Filters read the language being rendered from the template context.
        self.env.filters["md"] = pass_context(lambda ctx, text: markdown.block(text, ctx["lang"]))
        self.env.filters["md_inline"] = pass_context(lambda ctx, text: markdown.inline(text, ctx["lang"]))
        self.env.filters["slot"] = self._slot
        self.env.filters["css"] = lambda text: Markup(css_string(str(text)))
        self._slots: dict[str, str] = {}
        self._outlines: dict[tuple, str] = {}
        self._next_slot = itertools.count()

    def _slot(self, html: str) -> Markup:
        """Park finished HTML behind a placeholder so Markdown does not parse it again (slow, and
        pointless); `fill_slots` puts it back into the page's HTML after conversion."""
        key = str(next(self._next_slot))  # never reused, even after fill_slots pops a key
        self._slots[key] = str(html)
        return Markup(f"<!-- bdw-slot {key} -->")

    def fill_slots(self, html: str) -> str:
        return SLOT.sub(lambda m: self._slots.pop(m.group(1), m.group(0)), html)

    def _abbreviations(self) -> dict[str, dict[str, str]]:
        """Each language's glossary: abbreviation -> expansion (built once per build)."""
        return {lang: {e.abbreviation[lang]: e.expansion[lang] for e in self.guide.glossary.values()}
                for lang in LANGUAGES}

    # -- public API -------------------------------------------------------------------------

    def glossary_definitions(self, lang: str) -> str:
        """Lines to append to a page so its abbreviations get their expansion as a tooltip."""
        return abbreviation_lines(self.abbreviations[lang])

    def expand_markers(self, markdown: str, lang: str, page_path: str, page_src: str = "") -> str:
        """Replace every marker in a page's Markdown; raise MarkerError for an unknown one."""

        def replace(match: re.Match[str]) -> str:
            kind, arg = match.group(1), match.group(2)
            view = self._views().get(kind)
            if view is None:
                raise MarkerError("marker_unknown", kind=kind, known=", ".join(self._views()))
            return view(arg, lang, page_path, page_src)

        return MARKER.sub(replace, markdown)

    def card(self, entry: MessageEntry, lang: str) -> str:
        return self._render("card.html", lang, "", "", entry=entry, m=entry.data,
                            objective=self.guide.objectives[entry.data.objective],
                            audience=self.guide.audiences[entry.data.audience],
                            number=self.guide.objective_number(entry.data.objective),
                            copy_text=self.copy_text(entry, lang),
                            edit_url=self.edit_url(entry, lang))

    def worksheet_print_css(self, site_url: str, default_language: str) -> str:
        """Named print pages for every worksheet, language and paper size (see worksheet-pages.css)."""
        sheets = []
        for lang in LANGUAGES:
            prefix = "" if lang == default_language else f"{lang}/"
            template = self.guide.t("print_page", lang)
            page_numbers = " ".join(css_string(part) if i % 2 == 0 else f"counter({part})"
                                    for i, part in enumerate(re.split(r"\{(page|pages)\}", template)) if part)
            for entry in self.guide.worksheets:
                number = self.guide.t("sheet_n", lang).format(n=sheet_number(self.guide, entry))
                sheets.append({"key": f"{entry.id}-{lang}", "name": f"ws-{entry.id}-{lang}",
                               "title": f"{number} · {entry.data.title[lang]}", "guide": self.guide.campaign.title[lang],
                               "landscape": landscape(self.guide, entry),
                               "address": site_url.rstrip("/") + "/" + prefix + WORKSHEET_PATH.format(id=entry.id),
                               "page_numbers": Markup(page_numbers)})
        template = self.env.get_template("worksheet-pages.css")
        return template.render(sheets=sheets, papers=PAPERS)

    def outlines_json(self, lang: str, entries: list[Entry]) -> str:
        """Worksheets as plain data for the browser's Word export (one per entry, as a JSON list)."""
        key = (lang, tuple(e.id for e in entries))
        if key not in self._outlines:
            self._outlines[key] = json.dumps([outline(self.guide, e, lang) for e in entries], ensure_ascii=False,
                                             separators=(",", ":"))
        return self._outlines[key]

    def document(self, template: str, lang: str, **context) -> str:
        """A standalone document (a PDF's cover and contents...), rendered like the page views."""
        return self._render(template, lang, "", "", **context)

    def copy_text(self, entry: MessageEntry, lang: str) -> str:
        """The message as a reader pastes it: text and ask, then its source line and the hashtag."""
        m = entry.data
        sources = [f.source[lang] if f.source else self.guide.t("source_unnamed_copy", lang) for f in m.facts]
        unique = list(dict.fromkeys(sources))
        label = self.guide.t("source", lang)
        lines = [f"{plain_text(m.message[lang])} {plain_text(m.ask[lang])}", ""]
        lines += [f"{label} {source}" for source in unique]
        lines.append(self.guide.campaign.hashtag[lang])
        return "\n".join(lines)

    def edit_url(self, entry: MessageEntry | Entry, lang: str, field: str = "message") -> str | None:
        """The item's one data file in the web editor, at the line of this language's text."""
        if not self.edit_base:
            return None
        line = entry.lines.get(f"{field}.{lang}") or entry.lines.get(field) or 1
        return f"{self.edit_base.rstrip('/')}/{entry.path}#L{line}"

    # -- views ------------------------------------------------------------------------------

    def _views(self) -> dict[str, Callable[[str | None, str, str, str], str]]:
        return {"audience": self._audience, "objective": self._objective, "overview": self._simple("overview.html"),
                "ways": self._simple("ways.html"), "objective-list": self._simple("objective-list.html"),
                "contributors": self._simple("contributors.html"), "calendar": self._simple("calendar.html"),
                "hashtag": self._simple("hashtag.html"), "glossary": self._simple("glossary.html"),
                "question-list": self._simple("question-list.html"), "activities": self._activities,
                "question": self._question("question.html"), "question-nav": self._question("question-nav.html"),
                "worksheets": self._worksheets, "worksheet": self._worksheet_page,
                "worksheet-list": self._worksheet_list, "example-message": self._example_message,
                "example-problem": self._example_problem, "case-study": self._case_study,
                "case-study-list": self._simple("case-study-list.html"), "in-practice": self._question("in-practice.html"),
                "guide-pdf": self._simple("guide-pdf.html"), "my-plan": self._my_plan}

    def _case_study(self, case_id: str | None, lang: str, page_path: str, page_src: str) -> str:
        known = {entry.id: entry for entry in self.guide.case_studies}
        if case_id not in known:
            raise MarkerError("marker_case_study", marker=f"case-study {case_id or ''}".strip(), known=", ".join(known))
        return self._render("case-study.html", lang, page_path, page_src, entry=known[case_id])

    def _example_message(self, _arg: str | None, lang: str, page_path: str, page_src: str) -> str:
        """The commented example file, as a code block readers can copy (Markdown, not HTML)."""
        return f'```yaml title="data/messages/access/public.yml"\n{self.guide.examples[lang].rstrip()}\n```'

    def _example_problem(self, _arg: str | None, lang: str, page_path: str, page_src: str) -> str:
        """What the check prints for a typical mistake, from the same catalogue as the real check."""
        problem = Problem("data/messages/access/public.yml", 3, "audience", "unknown_audience",
                          (("choices", ", ".join(self.guide.audiences)), ("value", "publik")))
        return f"> `{problem.render(lang)}`"  # a quoted line, not a second code block: one copy toolbar per page

    def _question(self, template: str) -> Callable[[str | None, str, str, str], str]:
        def view(arg: str | None, lang: str, page_path: str, page_src: str) -> str:
            count = len(self.guide.questions)
            if not arg or not arg.isdigit() or not 1 <= int(arg) <= count:
                raise MarkerError("marker_question", marker=f"{template[:-5]} {arg or ''}".strip(), count=count)
            n = int(arg)
            return self._render(template, lang, page_path, page_src, n=n, question=self.guide.questions[n - 1],
                                total=count)
        return view

    def _activities(self, _arg: str | None, lang: str, page_path: str, page_src: str) -> str:
        return self._render("activities.html", lang, page_path, page_src,
                            edit_url=lambda entry: self.edit_url(entry, lang, "title"))

    def _used_on_title(self, slot: str, lang: str) -> str:
        if slot in ("communication-plan", "partnership"):
            return self.guide.t(slot.replace("-", "_"), lang)
        n = int(slot.rsplit("-", 1)[1])
        return self.guide.t("worksheet_for_question", lang).format(n=n, title=self.guide.questions[n - 1].title[lang])

    def _worksheet_page(self, worksheet_id: str | None, lang: str, page_path: str, page_src: str) -> str:
        entry = next((w for w in self.guide.worksheets if w.id == worksheet_id), None)
        if entry is None:
            known = ", ".join(w.id for w in self.guide.worksheets)
            raise MarkerError("marker_worksheet", marker=f"worksheet {worksheet_id or ''}".strip(), known=known)
        source = posixpath.relpath(used_on_source(entry.data.used_on), posixpath.dirname(page_src) or ".")
        return self._render("worksheet-page.html", lang, page_path, page_src, entry=entry,
                            used_on_title=self._used_on_title(entry.data.used_on, lang), used_on_src=source)

    def _worksheet_list(self, _arg: str | None, lang: str, page_path: str, page_src: str) -> str:
        fields = {w.id: control_names(self.guide, w) for w in self.guide.worksheets}
        return self._render("worksheet-list.html", lang, page_path, page_src, fields_json=json.dumps(fields),
                            outlines_json=self.outlines_json(lang, self.guide.worksheets),
                            where=lambda entry: self._used_on_title(entry.data.used_on, lang))

    def _my_plan(self, _arg: str | None, lang: str, page_path: str, page_src: str) -> str:
        """The planning questions' worksheets, question by question, then the communication plan's."""
        parts = []
        for n, question in enumerate(self.guide.questions, 1):
            for entry in self.guide.worksheets_for(f"question-{n}"):
                parts.append((self.guide.t("question_title", lang).format(n=n, title=question.title[lang]), entry))
        for entry in self.guide.worksheets_for("communication-plan"):
            parts.append((self.guide.t("communication_plan", lang), entry))
        plan = [{"heading": heading, "href": relative_url(WORKSHEET_PATH.format(id=entry.id), page_path),
                 "outline": outline(self.guide, entry, lang)} for heading, entry in parts]
        return self._render("my-plan.html", lang, page_path, page_src,
                            plan_json=json.dumps(plan, ensure_ascii=False, separators=(",", ":")))

    def _worksheets(self, slot: str | None, lang: str, page_path: str, page_src: str) -> str:
        slots = worksheet_slots(len(self.guide.questions))
        if slot not in slots:
            raise MarkerError("marker_slot", marker=f"worksheets {slot or ''}".strip(), known=", ".join(slots))
        worksheets = self.guide.worksheets_for(slot)
        return self._render("worksheets.html", lang, page_path, page_src, worksheets=worksheets)

    def _simple(self, template: str) -> Callable[[str | None, str, str, str], str]:
        return lambda _arg, lang, page_path, page_src: self._render(template, lang, page_path, page_src)

    def _audience(self, audience_id: str | None, lang: str, page_path: str, page_src: str) -> str:
        audience = self._known(audience_id, self.guide.audiences, "audience")
        cards = [self.guide.message(o, audience_id) for o in self.guide.objectives]  # type: ignore[arg-type]
        return self._render("audience-page.html", lang, page_path, page_src, audience=audience, entries=cards)

    def _objective(self, objective_id: str | None, lang: str, page_path: str, page_src: str) -> str:
        objective = self._known(objective_id, self.guide.objectives, "objective")
        cards = [self.guide.message(objective_id, a) for a in self.guide.audiences]  # type: ignore[arg-type]
        return self._render("objective-page.html", lang, page_path, page_src, objective=objective,
                            number=self.guide.objective_number(objective_id), entries=cards)  # type: ignore[arg-type]

    @staticmethod
    def _known(key: str | None, known: dict, kind: str):
        if key not in known:
            raise MarkerError(f"marker_{kind}", marker=f"{kind} {key or ''}".strip(), known=", ".join(known))
        return known[key]

    def _render(self, template: str, lang: str, page_path: str, page_src: str, **context) -> str:
        guide = self.guide

        def t(key: str, **values) -> str:
            text = guide.t(key, lang)
            return text.format(**values) if values else text

        def url(target: str) -> str:
            return relative_url(target, page_path)

        def src(kind: str, id: str = "") -> str:
            target = SOURCES[kind].format(id=id)
            return posixpath.relpath(target, posixpath.dirname(page_src) or ".")

        return self.env.get_template(template).render(
            guide=guide, lang=lang, t=t, url=url, src=src, card=lambda e: self._slot(self.card(e, lang)),
            OVERVIEW_PATH=OVERVIEW_PATH, AUDIENCE_PATH=AUDIENCE_PATH, OBJECTIVE_PATH=OBJECTIVE_PATH,
            QUESTION_PATH=QUESTION_PATH, WORKSHEET_PATH=WORKSHEET_PATH, PDF_PATH=PDF_PATH, PACK_PATH=PACK_PATH,
            CASE_STUDY_PATH=CASE_STUDY_PATH, figure=lambda f: figure_text(f, lang, guide.ui),
            row_headings=lambda field: row_headings(guide, field, lang), column_keys=column_keys,
            DOCX_PATH=DOCX_PATH, DOCX_PACK_PATH=DOCX_PACK_PATH, GUIDE_PDF_PATH=GUIDE_PDF_PATH,
            outline_json=lambda entry: self.outlines_json(lang, [entry]),
            **context,
        )
