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
    problem = unsafe_text_problem(text)
    if problem:
        code, details = problem
        raise PydanticCustomError(code, "unsafe text", details)
    return text.strip(" \t\r\n")  # keep a leading no-break space (French « : »)


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
    title: Text
    short: Text
    intro: Text


class Audience(Strict):
    title: Text
    description: Text


class Fact(Strict):
    claim: Text
    source: Text | None = None


class Message(Strict):
    objective: CheckedStr
    audience: CheckedStr
    headline: Text
    message: Text
    ask: Text
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
    def _named_once(self) -> "Organization":
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
    event: Text
    weeks: list[Week] = Field(min_length=1)


class Question(Strict):
    title: Text
    summary: Text


class Questions(RootModel[list[Question]]):
    model_config = ConfigDict(strict=True, frozen=True)


class Activity(Strict):
    position: int = Field(ge=1)
    title: Text
    summary: Text
    steps: list[Text] = Field(min_length=1)
    tip: Text | None = None


class Figure(Strict):
    """A key figure of a case study; the number is written in each language's format on the page."""

    value: int = Field(ge=0)
    to: int | None = Field(default=None, ge=0)  # upper bound of a range ("30 to 57 million")
    about: bool = False  # the source says "about" / "environ"
    label: Text


class CaseSection(Strict):
    heading: Text
    body: Text


class CaseStudy(Strict):
    """A campaign run elsewhere, told in its source's structure and read through the guide's
    eight planning questions (`questions:` has one text per question page: question-1...)."""

    position: int = Field(ge=1)
    title: Text
    where: Text
    when: Text | None = None
    summary: Text
    figures: list[Figure] = Field(default_factory=list)
    sections: list[CaseSection] = Field(min_length=1)
    questions: dict[str, Text]


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
_KIND_NEEDS: dict[str, tuple[str, ...]] = {"lines": (), "list": ("items",), "table": ("columns",),
                                           "grid": ("rows", "columns")}
_KIND_ALLOWS: dict[str, set[str]] = {"lines": {"lines"}, "list": {"items"},
                                     "table": {"columns", "rows", "row_labels", "row_labels_from"},
                                     "grid": {"rows", "columns", "lines", "cells"}}
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
    def _shape_fits_kind(self) -> "WorksheetField":
        given = {name for name in _SHAPE_FIELDS if getattr(self, name) is not None}
        for name in _KIND_NEEDS[self.kind]:
            if name not in given:
                raise PydanticCustomError("field_needs", "a '{kind}' field needs '{name}:'",
                                          {"kind": self.kind, "name": name})
        extra = sorted(given - _KIND_ALLOWS[self.kind])
        if extra:
            raise PydanticCustomError("field_refuses", "a '{kind}' field does not take '{name}:'",
                                      {"kind": self.kind, "name": extra[0], "key": extra[0]})
        if self.kind == "grid" and (not isinstance(self.rows, list) or len(self.rows) != 2
                                    or len(self.columns or []) != 2):
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


_MODELS = (Text, Objective, Audience, Fact, Message, Campaign, Organization, Person, Contributors,
           GlossaryEntry, Week, Calendar, Question, Activity, Figure, CaseSection, CaseStudy, Column, WorksheetField,
           Worksheet)
FIELD_NAMES: frozenset[str] = frozenset(name for model in _MODELS for name in model.model_fields)
MODEL_NAMES: frozenset[str] = frozenset(model.__name__ for model in _MODELS)  # as pydantic names union members
