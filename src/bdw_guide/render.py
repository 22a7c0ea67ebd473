"""Render message cards and generated page bodies from the data, through Jinja templates.

Pages in `docs/<lang>/` hold a marker such as `<!-- bdw:audience public -->`;
`expand_markers` replaces it with Markdown (headings, so the table of contents
and search sections stay native) and HTML blocks (cards, the overview grid).
Templates live in `templates/` beside this module (package data) so markup stays out of Python.
"""

from __future__ import annotations

import itertools
import json
import posixpath
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_context, select_autoescape
from markupsafe import Markup

from .graphics import FORMATS, PREVIEW, message_graphic
from .letters import letter_parts, letter_text, mailto
from .loader import Entry, Guide, MessageEntry, worksheet_slots
from .models import ACTIVITY_KINDS, LANGUAGES, Fact
from .posts import PLATFORMS, adapted_text, drafts_view, post_length
from .problem_texts import CATALOGUE
from .problems import Problem
from .template_cache import COMPILED
from .text_rules import MARKER, MarkdownRenderer, abbreviation_lines, noscript_safe, plain_text
from .ui_text import fill
from .worksheets import (
    DOCX_PACK_PATH,
    DOCX_PATH,
    PACK_PATH,
    PAPERS,
    PDF_PATH,
    WORKSHEET_PATH,
    column_keys,
    control_names,
    landscape,
    outline,
    row_headings,
    sheet_number,
    used_on_source,
)

# Markers a page may hold, and the kind of argument each one takes (see `marker_problem`).
MARKER_KINDS: dict[str, str | None] = {
    "audience": "audience",
    "objective": "objective",
    "overview": None,
    "ways": None,
    "objective-list": None,
    "contributors": None,
    "calendar": None,
    "hashtag": None,
    "glossary": None,
    "question-list": None,
    "activities": None,
    "question": "question",
    "question-nav": "question",
    "worksheets": "slot",
    "worksheet": "worksheet",
    "worksheet-list": None,
    "example-message": None,
    "example-problem": None,
    "case-study": "case_study",
    "case-study-list": None,
    "in-practice": "question",
    "calendar-file": None,
    "offline-copy": None,
    "activity": "activity",
    "worksheet-links": "slot",
    "home-entries": None,
    "guide-pdf": None,
    "my-plan": None,
}
_EMPHASIS = re.compile(r"\*([^*\n]+)\*")  # *title* in a citation; plain_text would also drop its no-break spaces
TEMPLATES = Path(__file__).resolve().parent / "templates"
GUIDE_PDF_PATH = "guide/{name}-{paper}.pdf"  # the whole guide as one PDF (see guide_pdf.py)

# Language-independent paths of generated pages (directory URLs, relative to a language root).
OVERVIEW_PATH = "messages/overview/"
AUDIENCE_PATH = "messages/audiences/{id}/"
OBJECTIVE_PATH = "messages/objectives/{id}/"
QUESTION_PATH = "planning/question-{id}/"
CASE_STUDY_PATH = "case-studies/{id}/"
ACTIVITY_PATH = "activities/{id}/"
CALENDAR_PATH = "calendar/beyond-decent-work-{lang}.ics"  # the calendar file, under each language's root
# The offline copy of the whole site (both languages), made by `python -m bdw_guide offline`.
OFFLINE_PATH = "downloads/guide-hors-ligne-offline.zip"
OFFLINE_SIZE = "<!-- bdw-offline-size -->"  # replaced by the zip's size once it exists
# The same pages as Markdown sources, for links inside generated Markdown (MkDocs checks those).
SOURCES = {
    "overview": "messages/overview.md",
    "audience": "messages/audiences/{id}.md",
    "objective": "messages/objectives/{id}.md",
    "question": "planning/question-{id}.md",
}


def css_string(text: str) -> str:
    """A CSS string literal (for `content:`), safe whatever the text holds."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\a ")
    return f'"{escaped}"'


def number(value: int, lang: str) -> str:
    """A number as each language writes it: 860 000 (no-break spaces) in French, 860,000 in English."""
    return f"{value:,}".replace(",", "\u00a0" if lang == "fr" else ",")


def figure_text(figure, lang: str, ui: dict) -> str:
    """ "about 860,000", "600 to 800", "from 30 to 57": a case-study figure's number part, in the
    page's language (`to`: a range; `was`: the value it changed from)."""
    text = number(figure.value, lang)
    if figure.to is not None:
        text = fill(ui["figure_range"][lang], a=text, b=number(figure.to, lang))
    if figure.was is not None:
        text = fill(ui["figure_change"][lang], a=number(figure.was, lang), b=text)
    return fill(ui["figure_about"][lang], n=text) if figure.about else text


def marker_problem(guide: Guide | None, kind: str, arg: str | None) -> tuple[str, dict[str, object]] | None:
    """(problem code, details) when a marker names nothing the guide knows, else None: the one check
    behind both `check` and the build. Without a guide (bad data) only the marker's name is checked."""
    if kind not in MARKER_KINDS:
        return "marker_unknown", {"kind": kind, "known": ", ".join(MARKER_KINDS)}
    takes = MARKER_KINDS[kind]
    if takes is None or guide is None:
        return None
    marker = f"{kind} {arg or ''}".strip()
    if takes == "question":
        count = len(guide.questions)
        if not arg or not arg.isdigit() or not 1 <= int(arg) <= count:
            return "marker_question", {"marker": marker, "count": count}
        return None
    known = {
        "audience": list(guide.audiences),
        "objective": list(guide.objectives),
        "worksheet": [w.id for w in guide.worksheets],
        "slot": worksheet_slots(len(guide.questions)),
        "case_study": [c.id for c in guide.case_studies],
        "activity": [a.id for a in guide.activities],
    }[takes]
    return None if arg in known else (f"marker_{takes}", {"marker": marker, "known": ", ".join(known)})


def guide_pages(fact: Fact) -> str:
    """ "12", or "9–10" when the claim runs over two pages."""
    return f"{fact.guide_page}–{fact.guide_page_end}" if fact.guide_page_end else str(fact.guide_page)


def citation(guide: Guide, fact: Fact, lang: str) -> str:
    """A fact's citation in Markdown (the card shows it; copied text carries it without markup)."""
    campaign = guide.campaign
    reference = fill(
        guide.t("guide_reference", lang),
        publisher=campaign.publisher,
        title=campaign.title["fr"],
        title_en=campaign.title["en"],
        year=campaign.year,
        pages=guide_pages(fact),
    )
    if fact.source:
        return fill(guide.t("citation_named", lang), source=fact.source[lang], reference=reference)
    return fill(guide.t("citation_unnamed", lang), reference=reference)


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
    templates: Path = TEMPLATES
    edit_base: str | None = None  # e.g. https://github.com/org/repo/edit/main/
    # The offline copy (opened from a folder): page links name their file ("x/y.html"), since a
    # folder URL would show the folder, not its page. Maps a directory URL to that file.
    file_url: Callable[[str], str] | None = None
    default_language: str = LANGUAGES[0]  # at the site's root; the others in their own folder

    def __post_init__(self) -> None:
        self.env = Environment(
            loader=FileSystemLoader(str(self.templates)),
            bytecode_cache=COMPILED,  # compiled once per source, not once per build
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
        self.env.filters["noscript_safe"] = lambda html: Markup(noscript_safe(str(html)))
        self.env.filters["post_drafts"] = pass_context(
            lambda ctx, entry: drafts_view(
                self.guide.posts[entry.key].data,
                self.guide.campaign.hashtag[ctx["lang"]],
                ctx["lang"],
                lambda n: number(n, ctx["lang"]),
            )
        )
        self.env.filters["json"] = lambda value: json.dumps(value, ensure_ascii=False)  # escaped in the attribute
        self.env.filters["adapt"] = pass_context(lambda ctx, entry: self.adapt_view(entry, ctx["lang"]))
        self.env.filters["share_graphics"] = pass_context(lambda ctx, entry: self.graphics_view(entry, ctx["lang"]))
        self.env.filters["letter"] = pass_context(lambda ctx, entry: self.letter_view(entry, ctx["lang"]))
        self._slots: dict[str, str] = {}
        self._outlines: dict[tuple, str] = {}
        self._next_slot = itertools.count()
        # Slots carry a secret of this build, so a page cannot name (and steal or copy) one.
        self._nonce = secrets.token_hex(8)
        self._slot_comment = re.compile(rf"<!-- bdw-slot {self._nonce} (\d+) -->")
        self._slot_token = re.compile(rf"bdwslot{self._nonce}x(\d+)")

    def _slot(self, html: str) -> Markup:
        """Park finished HTML behind a placeholder so Markdown does not parse it again (slow, and
        pointless); `fill_slots` puts it back into the page's HTML after conversion."""
        key = str(next(self._next_slot))  # never reused, even after fill_slots pops a key
        self._slots[key] = str(html)
        return Markup(f"<!-- bdw-slot {self._nonce} {key} -->")

    def fill_slots(self, html: str, clean: Callable[[str], str] | None = None) -> str:
        """The page's HTML with its slots filled. `clean` (the sanitizer) runs on the page first:
        everything Markdown made from the page and its generated text, but not the slots, which
        hold the templates' own markup (forms, buttons) around texts already sanitized one by one."""
        if clean is not None:
            html = clean(self._slot_comment.sub(lambda m: f"bdwslot{self._nonce}x{m.group(1)}", html))
            return self._slot_token.sub(lambda m: self._slots.pop(m.group(1), ""), html)
        return self._slot_comment.sub(lambda m: self._slots.pop(m.group(1), m.group(0)), html)

    def _abbreviations(self) -> dict[str, dict[str, str]]:
        """Each language's glossary: abbreviation -> expansion (built once per build)."""
        return {
            lang: {e.abbreviation[lang]: e.expansion[lang] for e in self.guide.glossary.values()} for lang in LANGUAGES
        }

    # -- public API -------------------------------------------------------------------------

    def glossary_definitions(self, lang: str) -> str:
        """Lines to append to a page so its abbreviations get their expansion as a tooltip."""
        return abbreviation_lines(self.abbreviations[lang])

    def expand_markers(self, markdown: str, lang: str, page_path: str, page_src: str = "") -> str:
        """Replace every marker in a page's Markdown; raise MarkerError for an unknown one."""

        views = self._views()

        def replace(match: re.Match[str]) -> str:
            kind, arg = match.group(1), match.group(2)
            problem = marker_problem(self.guide, kind, arg)
            if problem:
                raise MarkerError(problem[0], **problem[1])
            return views[kind](arg, lang, page_path, page_src)

        return MARKER.sub(replace, markdown)

    def card(self, entry: MessageEntry, lang: str, page_path: str = "") -> str:
        return self._render(
            "card.html",
            lang,
            page_path,
            "",
            entry=entry,
            m=entry.data,
            citation=lambda fact: self.citation(fact, lang),
            objective=self.guide.objectives[entry.data.objective],
            audience=self.guide.audiences[entry.data.audience],
            number=self.guide.objective_number(entry.data.objective),
            copy_text=self.copy_text(entry, lang),
            edit_url=self.edit_url(entry, lang),
        )

    def worksheet_print_css(self, site_url: str, default_language: str) -> str:
        """Named print pages for every worksheet, language and paper size (see worksheet-pages.css)."""
        sheets = []
        for lang in LANGUAGES:
            prefix = "" if lang == default_language else f"{lang}/"
            template = self.guide.t("print_page", lang)
            page_numbers = " ".join(
                css_string(part) if i % 2 == 0 else f"counter({part})"
                for i, part in enumerate(re.split(r"\{(page|pages)\}", template))
                if part
            )
            for entry in self.guide.worksheets:
                number = fill(self.guide.t("sheet_n", lang), n=sheet_number(self.guide, entry))
                sheets.append(
                    {
                        "key": f"{entry.id}-{lang}",
                        "name": f"ws-{entry.id}-{lang}",
                        "title": f"{number} · {entry.data.title[lang]}",
                        "guide": self.guide.campaign.title[lang],
                        "landscape": landscape(self.guide, entry),
                        "address": site_url.rstrip("/") + "/" + prefix + WORKSHEET_PATH.format(id=entry.id),
                        "page_numbers": Markup(page_numbers),
                    }
                )
        return self.env.get_template("worksheet-pages.css").render(sheets=sheets, papers=PAPERS)

    def letter_view(self, entry: MessageEntry, lang: str) -> dict | None:
        """What a card shows of its message's letter, if it has one: the parts bdw-kit.js assembles, the
        letter as it reads before anything is filled in, and a mailto: link with its subject (the script
        adds the body as the letter is filled in: the whole letter percent-encoded would weigh more than
        the letter itself on every card)."""
        found = self.guide.letters.get(entry.key)
        if found is None:
            return None
        parts = letter_parts(found.data, self.guide.ui, lang)
        text = letter_text(parts)
        return {
            "parts": parts,
            "text": text,
            "rows": min(24, text.count("\n") + 2),
            "mailto": mailto("", parts["subject"], ""),
        }

    def adapt_view(self, entry: MessageEntry, lang: str) -> dict:
        """ "Adapt this message": the message and its ask as plain text, the result as it first reads, and
        its count on every platform (bdw-kit.js recounts as the reader edits)."""
        m, tag = entry.data, self.guide.campaign.hashtag[lang]
        message, ask = plain_text(m.message[lang]), plain_text(m.ask[lang]) if m.ask else ""
        text = adapted_text(message, ask, tag, signature=self.guide.t("adapt_signature", lang))
        platforms = [
            {
                "id": p.id,
                "name": p.name,
                "limit": p.limit,
                "limit_text": number(p.limit, lang),
                "count_text": number(post_length(text, p.id), lang),
            }
            for p in PLATFORMS.values()
        ]
        return {
            "message": message,
            "ask": ask,
            "tag": tag,
            "text": text,
            "platforms": platforms,
            "rows": min(16, text.count("\n") + 2 + len(text) // 70),
        }

    def graphics_view(self, entry: MessageEntry, lang: str) -> dict:
        """A card's share graphics: each format's file (from the language's root), size and download name,
        the preview (the landscape one) and the alt text they all share."""
        graphic = message_graphic(self.guide, entry.key, lang)
        site = self.guide.t("share_file_prefix", lang)
        files = [
            {
                "format": fmt,
                "path": graphic.path(fmt),
                "width": FORMATS[fmt][0],
                "height": FORMATS[fmt][1],
                "download": f"{site}-{graphic.name}-{FORMATS[fmt][0]}x{FORMATS[fmt][1]}.png",
            }
            for fmt in graphic.formats
        ]
        return {"alt": graphic.alt, "files": files, "preview": next(f for f in files if f["format"] == PREVIEW)}

    def other_language(self, lang: str) -> str:
        return next(other for other in LANGUAGES if other != lang)

    def in_other_language(self, target: str, lang: str, page_path: str) -> str:
        """The URL, seen from `page_path` in `lang`, of `target` (a path from a language root) in the other language."""

        def rooted(language: str, path: str) -> str:
            return path if language == self.default_language else f"{language}/{path}"

        return relative_url(rooted(self.other_language(lang), target), rooted(lang, page_path))

    def outlines_json(self, lang: str, entries: list[Entry]) -> str:
        """Worksheets as plain data for the browser's Word export (one per entry, as a JSON list)."""
        key = (lang, tuple(e.id for e in entries))
        if key not in self._outlines:
            self._outlines[key] = json.dumps(
                [outline(self.guide, e, lang) for e in entries], ensure_ascii=False, separators=(",", ":")
            )
        return self._outlines[key]

    def document(self, template: str, lang: str, **context) -> str:
        """A standalone document (a PDF's cover and contents...), rendered like the page views."""
        return self._render(template, lang, "", "", **context)

    def copy_text(self, entry: MessageEntry, lang: str) -> str:
        """The message as a reader pastes it: its headline, then its text and the guide's ask (never our
        suggestion, which is not the guide's), then the citation of each fact, as on the card, and the
        hashtag."""
        m = entry.data
        text = plain_text(m.message[lang]) + (f" {plain_text(m.ask[lang])}" if m.ask else "")
        citations = list(dict.fromkeys(_EMPHASIS.sub(r"\1", self.citation(fact, lang)) for fact in m.facts))
        return "\n".join([plain_text(m.headline[lang]), "", text, "", *citations, self.guide.campaign.hashtag[lang]])

    def citation(self, fact: Fact, lang: str) -> str:
        """Where a fact comes from, as a reader can cite it (Markdown): the source the guide names,
        or the guide itself when it names none, with the guide's page either way."""
        return citation(self.guide, fact, lang)

    def edit_url(self, entry: MessageEntry | Entry, lang: str, field: str = "message") -> str | None:
        """The item's one data file in the web editor, at the line of this language's text."""
        if not self.edit_base:
            return None
        line = entry.lines.get(f"{field}.{lang}") or entry.lines.get(field) or 1
        return f"{self.edit_base.rstrip('/')}/{entry.path}#L{line}"

    # -- views ------------------------------------------------------------------------------

    def _views(self) -> dict[str, Callable[[str | None, str, str, str], str]]:
        return {
            "audience": self._audience,
            "objective": self._objective,
            "overview": self._simple("overview.html"),
            "ways": self._simple("ways.html"),
            "objective-list": self._simple("objective-list.html"),
            "contributors": self._simple("contributors.html"),
            "calendar": self._simple("calendar.html"),
            "hashtag": self._simple("hashtag.html"),
            "glossary": self._simple("glossary.html"),
            "question-list": self._simple("question-list.html"),
            "activities": self._activities,
            "activity": self._activity_page,
            "worksheet-links": self._worksheet_links,
            "question": self._question("question.html"),
            "question-nav": self._question("question-nav.html"),
            "worksheets": self._worksheets,
            "worksheet": self._worksheet_page,
            "worksheet-list": self._worksheet_list,
            "example-message": self._example_message,
            "example-problem": self._example_problem,
            "case-study": self._case_study,
            "case-study-list": self._simple("case-study-list.html"),
            "in-practice": self._question("in-practice.html"),
            "calendar-file": self._simple("calendar-file.html"),
            "offline-copy": self._simple("offline-copy.html"),
            "home-entries": self._simple("home-entries.html"),
            "guide-pdf": self._simple("guide-pdf.html"),
            "my-plan": self._my_plan,
        }

    def _case_study(self, case_id: str | None, lang: str, page_path: str, page_src: str) -> str:
        entry = next(c for c in self.guide.case_studies if c.id == case_id)
        return self._render("case-study.html", lang, page_path, page_src, entry=entry)

    def _example_message(self, _arg: str | None, lang: str, page_path: str, page_src: str) -> str:
        """The commented example file, as a code block readers can copy (Markdown, not HTML), titled
        with the real message file it copies its facts from."""
        text = self.guide.examples[lang]
        ids = [re.search(rf"^{key}:\s*([a-z0-9-]+)", text, re.M) for key in ("objective", "audience")]
        title = "data/messages/{}/{}.yml".format(*(m.group(1) if m else "?" for m in ids))
        return f'```yaml title="{title}"\n{text.rstrip()}\n```'

    def _example_problem(self, _arg: str | None, lang: str, page_path: str, page_src: str) -> str:
        """What the check prints for a typical mistake, from the same catalogue as the real check."""
        problem = Problem(
            "data/messages/access/public.yml",
            3,
            "audience",
            "unknown_audience",
            (("choices", ", ".join(self.guide.audiences)), ("value", "publik")),
        )
        return f"> `{problem.render(lang)}`"  # a quoted line, not a second code block: one copy toolbar per page

    def _question(self, template: str) -> Callable[[str | None, str, str, str], str]:
        def view(arg: str | None, lang: str, page_path: str, page_src: str) -> str:
            n = int(arg or 0)
            return self._render(
                template,
                lang,
                page_path,
                page_src,
                n=n,
                question=self.guide.questions[n - 1],
                total=len(self.guide.questions),
            )

        return view

    def _activities(self, _arg: str | None, lang: str, page_path: str, page_src: str) -> str:
        return self._render("activities.html", lang, page_path, page_src)

    def _activity_page(self, activity_id: str | None, lang: str, page_path: str, page_src: str) -> str:
        entry = next((a for a in self.guide.activities if a.id == activity_id), None)
        if entry is None:
            known = ", ".join(a.id for a in self.guide.activities)
            raise MarkerError("marker_activity", marker=f"activity {activity_id or ''}".strip(), known=known)
        return self._render(
            "activity-page.html", lang, page_path, page_src, entry=entry, edit=self.edit_url(entry, lang, "title")
        )

    def _worksheet_links(self, slot: str | None, lang: str, page_path: str, page_src: str) -> str:
        """The worksheets of a guide page as links to their own pages (instead of the forms)."""
        slots = worksheet_slots(len(self.guide.questions))
        if slot not in slots:
            raise MarkerError("marker_slot", marker=f"worksheet-links {slot or ''}".strip(), known=", ".join(slots))
        return self._render(
            "worksheet-links.html", lang, page_path, page_src, worksheets=self.guide.worksheets_for(slot)
        )

    def _used_on_title(self, slot: str, lang: str) -> str:
        if slot in ("communication-plan", "partnership"):
            return self.guide.t(slot.replace("-", "_"), lang)
        n = int(slot.rsplit("-", 1)[1])
        return fill(self.guide.t("worksheet_for_question", lang), n=n, title=self.guide.questions[n - 1].title[lang])

    def _worksheet_page(self, worksheet_id: str | None, lang: str, page_path: str, page_src: str) -> str:
        entry = next(w for w in self.guide.worksheets if w.id == worksheet_id)
        source = posixpath.relpath(used_on_source(entry.data.used_on), posixpath.dirname(page_src) or ".")
        return self._render(
            "worksheet-page.html",
            lang,
            page_path,
            page_src,
            entry=entry,
            used_on_title=self._used_on_title(entry.data.used_on, lang),
            used_on_src=source,
        )

    def _worksheet_list(self, _arg: str | None, lang: str, page_path: str, page_src: str) -> str:
        fields = {w.id: control_names(self.guide, w) for w in self.guide.worksheets}
        return self._render(
            "worksheet-list.html",
            lang,
            page_path,
            page_src,
            fields_json=json.dumps(fields),
            outlines_json=self.outlines_json(lang, self.guide.worksheets),
            where=lambda entry: self._used_on_title(entry.data.used_on, lang),
        )

    def _my_plan(self, _arg: str | None, lang: str, page_path: str, page_src: str) -> str:
        """The planning questions' worksheets, question by question, then the communication plan's."""
        parts = []
        for n, question in enumerate(self.guide.questions, 1):
            for entry in self.guide.worksheets_for(f"question-{n}"):
                parts.append((fill(self.guide.t("question_title", lang), n=n, title=question.title[lang]), entry))
        for entry in self.guide.worksheets_for("communication-plan"):
            parts.append((self.guide.t("communication_plan", lang), entry))
        plan = [
            {
                "heading": heading,
                "href": relative_url(WORKSHEET_PATH.format(id=entry.id), page_path),
                "outline": outline(self.guide, entry, lang),
            }
            for heading, entry in parts
        ]
        return self._render(
            "my-plan.html",
            lang,
            page_path,
            page_src,
            plan_json=json.dumps(plan, ensure_ascii=False, separators=(",", ":")),
        )

    def _worksheets(self, slot: str | None, lang: str, page_path: str, page_src: str) -> str:
        worksheets = self.guide.worksheets_for(slot or "")
        return self._render("worksheets.html", lang, page_path, page_src, worksheets=worksheets)

    def _simple(self, template: str) -> Callable[[str | None, str, str, str], str]:
        return lambda _arg, lang, page_path, page_src: self._render(template, lang, page_path, page_src)

    def _audience(self, audience_id: str | None, lang: str, page_path: str, page_src: str) -> str:
        key = self._known(audience_id, self.guide.audiences, "audience")
        cards = [self.guide.message(o, key) for o in self.guide.objectives]
        return self._render(
            "audience-page.html", lang, page_path, page_src, audience=self.guide.audiences[key], entries=cards
        )

    def _objective(self, objective_id: str | None, lang: str, page_path: str, page_src: str) -> str:
        key = self._known(objective_id, self.guide.objectives, "objective")
        cards = [self.guide.message(key, a) for a in self.guide.audiences]
        return self._render(
            "objective-page.html",
            lang,
            page_path,
            page_src,
            objective=self.guide.objectives[key],
            number=self.guide.objective_number(key),
            entries=cards,
        )

    @staticmethod
    def _known(key: str | None, known: dict, kind: str) -> str:
        """`key`, once checked to name one of `known`."""
        if key is None or key not in known:
            raise MarkerError(f"marker_{kind}", marker=f"{kind} {key or ''}".strip(), known=", ".join(known))
        return key

    def _render(self, template: str, lang: str, page_path: str, page_src: str, **context) -> str:
        guide = self.guide

        def t(key: str, **values) -> str:
            text = guide.t(key, lang)
            return fill(text, **values) if values else text

        def url(target: str) -> str:
            if self.file_url:
                path, hash_, fragment = target.partition("#")
                target = self.file_url(path) + hash_ + fragment
            return relative_url(target, page_path)

        def root_url(target: str) -> str:
            """A file at the site's root, shared by both languages (the offline copy)."""
            prefix = "" if lang == self.default_language else f"{lang}/"
            return relative_url(target, prefix + page_path)

        def src(kind: str, id: str = "") -> str:
            target = SOURCES[kind].format(id=id)
            return posixpath.relpath(target, posixpath.dirname(page_src) or ".")

        return self.env.get_template(template).render(
            guide=guide,
            lang=lang,
            t=t,
            url=url,
            root_url=root_url,
            src=src,
            page_path=page_path,
            card=lambda e: self._slot(self.card(e, lang, page_path)),
            other_language=lambda: self.other_language(lang),
            in_other_language=lambda target: self.in_other_language(target, lang, page_path),
            OVERVIEW_PATH=OVERVIEW_PATH,
            AUDIENCE_PATH=AUDIENCE_PATH,
            OBJECTIVE_PATH=OBJECTIVE_PATH,
            QUESTION_PATH=QUESTION_PATH,
            WORKSHEET_PATH=WORKSHEET_PATH,
            PDF_PATH=PDF_PATH,
            PACK_PATH=PACK_PATH,
            CASE_STUDY_PATH=CASE_STUDY_PATH,
            ACTIVITY_PATH=ACTIVITY_PATH,
            ACTIVITY_KINDS=ACTIVITY_KINDS,
            CALENDAR_PATH=CALENDAR_PATH,
            OFFLINE_PATH=OFFLINE_PATH,
            OFFLINE_SIZE=Markup(OFFLINE_SIZE),
            offline=self.file_url is not None,
            kind_label=lambda kind: t(f"activity_kind_{kind}"),
            figure=lambda f: figure_text(f, lang, guide.ui),
            row_headings=lambda field: row_headings(guide, field, lang),
            column_keys=column_keys,
            DOCX_PATH=DOCX_PATH,
            DOCX_PACK_PATH=DOCX_PACK_PATH,
            GUIDE_PDF_PATH=GUIDE_PDF_PATH,
            outline_json=lambda entry: self.outlines_json(lang, [entry]),
            **context,
        )
