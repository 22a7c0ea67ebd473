"""The shape of every data file, declared once.

Each model forbids unknown keys so a misspelled field is reported instead of
silently ignored, and every text a reader sees is a `Text` holding both `fr`
and `en`, so a missing translation fails validation rather than the reader.
"""
from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field
from pydantic_core import PydanticCustomError

from .text_rules import unsafe_text_problem

LANGUAGES: tuple[str, ...] = ("fr", "en")
LANGUAGE_NAMES = {"fr": "French", "en": "English"}


def _checked(text: str) -> str:
    if not text.strip():
        raise PydanticCustomError("empty_text", "the text is empty",
                                  {"fix": "write the text after the colon, or use '>-' and indent the text on the next lines"})
    problem = unsafe_text_problem(text)
    if problem:
        what, fix = problem
        raise PydanticCustomError("unsafe_text", what, {"fix": fix})
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


class Organization(Strict):
    name: Text
    abbreviation: Text | None = None


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


FIELD_NAMES: frozenset[str] = frozenset(
    name
    for model in (Text, Objective, Audience, Fact, Message, Campaign, Organization, Person, Contributors)
    for name in model.model_fields
)
