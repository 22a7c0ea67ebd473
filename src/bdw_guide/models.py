"""The shape of every data file, declared once.

Each model forbids unknown keys so a misspelled field is reported instead of
silently ignored, and every text a reader sees is a `Text` holding both `fr`
and `en`, so a missing translation fails validation rather than the reader.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, RootModel, model_validator
from pydantic_core import PydanticCustomError

from .text_rules import unsafe_text_problem

LANGUAGES: tuple[str, ...] = ("fr", "en")


def _checked(text: str) -> str:
    if not text.strip():
        raise PydanticCustomError("empty_text", "the text is empty")
    text = text.strip(" \t\r\n")  # keep a leading no-break space (French « : »)
    problem = unsafe_text_problem(text)  # the text as it will be shown, not as it was indented
    if problem:
        code, details = problem
        raise PydanticCustomError(code, "unsafe text", details)
    return text


CheckedStr = Annotated[str, AfterValidator(_checked)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Text(Strict):
    """A text in both official languages."""

    fr: CheckedStr
    en: CheckedStr

    def __getitem__(self, lang: str) -> str:
        return getattr(self, lang)


class Objective(Strict):
    """`title` is the objective's name as the guide states it: in French word for word (a campaign
    speaks with one voice), in English our closest rendering (we do not have the English edition's
    text). `short` is our own shorter title, for tags, filters and navigation."""

    title: Text
    short: Text
    intro: Text


class Audience(Strict):
    title: Text
    description: Text


class Fact(Strict):
    """A claim the guide cites. `source` is who published it, when the guide names it; `guide_page`
    is the page of the guide (French edition) where the claim appears, and `guide_page_end` the last
    one when it runs over, so every fact can be cited, named source or not."""

    claim: Text
    source: Text | None = None
    guide_page: int = Field(ge=1, le=60)
    guide_page_end: int | None = Field(default=None, ge=1, le=60)


class Message(Strict):
    """`ask` holds the guide's own call to action, and only that: where the guide gives none, leave
    it out. `our_suggestion` is a call to action of ours, shown under its own label, never as the
    guide's words."""

    objective: CheckedStr
    audience: CheckedStr
    headline: Text
    message: Text
    ask: Text | None = None
    our_suggestion: Text | None = None
    facts: list[Fact] = Field(min_length=1)


class GlossaryEntry(Strict):
    """An abbreviation as each language writes it (FCDC / CCDF) and what it stands for."""

    abbreviation: Text
    expansion: Text


class Organization(Strict):
    """An organization is named either in full here or by its glossary entry (name and
    abbreviation then come from data/glossary.yml, so they are written once)."""

    name: Text | None = None
    glossary: CheckedStr | None = None

    @model_validator(mode="after")
    def _named_once(self) -> Organization:
        if (self.name is None) == (self.glossary is None):
            raise PydanticCustomError("name_or_glossary", "give either 'name:' or 'glossary:'")
        return self


class Person(Strict):
    name: CheckedStr
    organization: CheckedStr


class Contributors(Strict):
    organizations: dict[str, Organization]
    people: list[Person] = Field(min_length=1)


class Campaign(Strict):
    title: Text
    subtitle: Text
    publisher: CheckedStr
    year: int
    hashtag: Text


class Week(Strict):
    objective: CheckedStr


class Calendar(Strict):
    """The communication calendar: one week per objective, in the month of a sector event."""

    month: Text
    month_number: int = Field(ge=1, le=12)  # 11 for November: dates of the calendar file (.ics)
    event: Text
    weeks: list[Week] = Field(min_length=1)


class Question(Strict):
    title: Text
    summary: Text


class Questions(RootModel[list[Question]]):
    model_config = ConfigDict(strict=True, frozen=True)


# How an activity reaches people: our own grouping for the activity index's filter, not the guide's.
ActivityKind = Literal["media", "online", "events", "policy", "community"]
ACTIVITY_KINDS: tuple[str, ...] = ActivityKind.__args__  # type: ignore[attr-defined]  # a Literal keeps its values in __args__


class Activity(Strict):
    position: int = Field(ge=1)
    kind: ActivityKind
    title: Text
    summary: Text
    steps: list[Text] = Field(min_length=1)
    tip: Text | None = None


class Figure(Strict):
    """A key figure of a case study; the number is written in each language's format on the page."""

    value: int = Field(ge=0)
    to: int | None = Field(default=None, ge=0)  # upper bound of a range ("600 to 800 words")
    was: int | None = Field(default=None, ge=0)  # an earlier value it rose or fell from ("from 30 to 57")
    about: bool = False  # the source says "about" / "environ"
    label: Text


class CaseSection(Strict):
    heading: Text
    body: Text


class CaseStudy(Strict):
    """Promotion work done elsewhere (a proposal, a lab, a campaign: `kind` says which), told in its
    source's structure and read through the guide's eight planning questions (`questions:` has one
    text per question page: question-1...)."""

    position: int = Field(ge=1)
    title: Text
    kind: Text
    where: Text
    when: Text | None = None
    summary: Text
    figures: list[Figure] = Field(default_factory=list)
    sections: list[CaseSection] = Field(min_length=1)
    questions: dict[str, Text]


class Posts(Strict):
    """Post drafts of one message, one per platform (data/posts/<objective>/<audience>.yml); the
    campaign hashtag is added at the end of each (see posts.py for each platform's limit)."""

    x: Text
    bluesky: Text
    mastodon: Text
    linkedin: Text
    instagram: Text
    facebook: Text
    graphic: Text  # the short line under the headline on the share graphics (graphics.py)


class Letter(Strict):
    """A letter to a decision maker built on one message (data/letters/<objective>/<audience>.yml), in the
    guide's three elements of a message: an appeal to justice, an appeal to the reader's own interest and
    a specific ask. The greeting, opening, local fact, meeting request and closing around them are
    interface text (data/ui.yml, keys letter_*), the same for every letter (see letters.py)."""

    subject: Text
    justice: Text
    interest: Text
    ask: Text


def _https(url: str) -> str:
    url = _checked(url)
    if not url.startswith("https://") or any(c.isspace() for c in url):
        raise PydanticCustomError("not_https", "not an https address", {"value": url})
    return url


HttpsUrl = Annotated[str, AfterValidator(_https)]


class LinkText(Strict):
    """An address per language (a page with a French and an English version)."""

    fr: HttpsUrl
    en: HttpsUrl

    def __getitem__(self, lang: str) -> str:
        return getattr(self, lang)


class OfficialPage(Strict):
    """An official page listing elected representatives. `url` is one address, or one per language;
    `lang` is the language of a page that exists in one language only (said on the link)."""

    name: Text
    url: HttpsUrl | LinkText
    lang: Literal["fr", "en"] | None = None


class Representatives(Strict):
    """Where a letter writer finds their elected representatives (data/representatives.yml)."""

    federal: OfficialPage
    legislatures: list[OfficialPage] = Field(min_length=1)


class Column(Text):
    """A table column: its heading in both languages, and optionally
    `id` (names the answers of this column; a column without one is named by its place among the
    columns without one, so adding a column with an id never moves answers already saved),
    `tick: true` (each cell is a checkbox, for a column that is ticked rather than written in) and
    `wide: true` (the column gets the most room, for the longest answers)."""

    id: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")] | None = None
    tick: bool = False
    wide: bool = False


FieldKind = Literal["lines", "list", "table", "grid"]
_KIND_NEEDS: dict[str, tuple[str, ...]] = {
    "lines": (),
    "list": ("items",),
    "table": ("columns",),
    "grid": ("rows", "columns"),
}
_KIND_ALLOWS: dict[str, set[str]] = {
    "lines": {"lines"},
    "list": {"items"},
    "table": {"columns", "rows", "row_labels", "row_labels_from"},
    "grid": {"rows", "columns", "lines", "cells"},
}
_SHAPE_FIELDS = ("lines", "items", "columns", "rows", "row_labels", "row_labels_from", "cells")


class WorksheetField(Strict):
    """One thing to fill in. Its kind decides which shape settings it takes."""

    id: Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
    kind: FieldKind
    label: Text
    help: Text | None = None
    lines: int | None = Field(default=None, ge=1, le=12)
    items: int | None = Field(default=None, ge=1, le=12)
    columns: list[Column] | None = Field(default=None, min_length=1, max_length=6)
    rows: int | list[Text] | None = None
    row_labels: list[Text] | None = Field(default=None, min_length=1)
    row_labels_from: Literal["calendar"] | None = None
    cells: list[Text] | None = Field(default=None, min_length=4, max_length=4)  # a grid's four boxes, row by row

    @model_validator(mode="after")
    def _shape_fits_kind(self) -> WorksheetField:
        given = {name for name in _SHAPE_FIELDS if getattr(self, name) is not None}
        for name in _KIND_NEEDS[self.kind]:
            if name not in given:
                raise PydanticCustomError(
                    "field_needs", "a '{kind}' field needs '{name}:'", {"kind": self.kind, "name": name}
                )
        extra = sorted(given - _KIND_ALLOWS[self.kind])
        if extra:
            raise PydanticCustomError(
                "field_refuses",
                "a '{kind}' field does not take '{name}:'",
                {"kind": self.kind, "name": extra[0], "key": extra[0]},
            )
        if self.kind == "grid" and (
            not isinstance(self.rows, list) or len(self.rows) != 2 or len(self.columns or []) != 2
        ):
            raise PydanticCustomError("grid_shape", "a 'grid' has 2 rows and 2 columns", {"key": "rows"})
        if self.kind == "table":
            row_settings = [n for n in ("rows", "row_labels", "row_labels_from") if n in given]
            if len(row_settings) != 1 or isinstance(self.rows, list):
                raise PydanticCustomError("table_rows_setting", "a 'table' needs one row setting")
            if isinstance(self.rows, int) and not 1 <= self.rows <= 20:
                raise PydanticCustomError("table_rows_range", "'rows:' should be between 1 and 20", {"key": "rows"})
        return self


class Worksheet(Strict):
    used_on: CheckedStr
    position: int | None = Field(default=None, ge=1)  # order among the worksheets of the same page
    title: Text
    intro: Text
    fields: list[WorksheetField] = Field(min_length=1)


_MODELS = (
    Text,
    Objective,
    Audience,
    Fact,
    Message,
    Campaign,
    Organization,
    Person,
    Contributors,
    GlossaryEntry,
    Week,
    Calendar,
    Question,
    Activity,
    Figure,
    CaseSection,
    CaseStudy,
    Column,
    WorksheetField,
    Worksheet,
    Posts,
    Letter,
    LinkText,
    OfficialPage,
    Representatives,
)
FIELD_NAMES: frozenset[str] = frozenset(name for model in _MODELS for name in model.model_fields)
MODEL_NAMES: frozenset[str] = frozenset(model.__name__ for model in _MODELS)  # as pydantic names union members
