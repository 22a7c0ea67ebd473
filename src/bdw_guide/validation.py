"""Turn pydantic's errors into lines a contributor can act on."""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .models import FIELD_NAMES, LANGUAGES, MODEL_NAMES
from .problem_texts import CATALOGUE
from .problems import ProblemLog
from .yaml_source import Loc, YamlSource, dotted

ModelT = TypeVar("ModelT", bound=BaseModel)

_BUILT_IN: dict[str, str] = {  # pydantic's error type -> our problem code
    "literal_error": "not_allowed_value",
    "greater_than_equal": "number_too_small",
    "less_than_equal": "number_too_large",
    "string_pattern_mismatch": "bad_id",
    "string_type": "not_text",
    "str_type": "not_text",
    "model_type": "not_fields",
    "model_attributes_type": "not_fields",
    "dict_type": "not_fields",
    "list_type": "not_list",
    "too_short": "list_empty",
    "too_long": "list_too_long",
    "int_type": "not_whole_number",
    "int_parsing": "not_whole_number",
}


def _describe(error: dict[str, Any], siblings: frozenset[str]) -> tuple[str, dict[str, Any]]:
    """pydantic's error as (problem code, details); the words are in problem_texts.py.
    `siblings` are the field names allowed where the error is, to suggest the right spelling."""
    kind = error["type"]
    loc: Loc = error["loc"]
    name = str(loc[-1]) if loc else ""
    ctx = error.get("ctx") or {}
    if kind == "missing":
        if name in LANGUAGES:
            return f"missing_text_{name}", {"parent": dotted(loc[:-1])}
        return "missing_field", {"name": name}
    if kind == "extra_forbidden":
        close = _closest(name, siblings)
        return ("unknown_field_close", {"name": name, "close": close}) if close else ("unknown_field", {"name": name})
    if kind in CATALOGUE:  # our own checks (models.py, text_rules.py) raise with our codes
        return kind, dict(ctx)
    if kind in _BUILT_IN:
        limit = ctx.get("ge", ctx.get("le", ctx.get("max_length", "")))
        return _BUILT_IN[kind], {"expected": ctx.get("expected", ""), "limit": limit}
    return "invalid_value", {"detail": error["msg"]}


def _translation_gap(loc: Loc, data: Any) -> str | None:
    """`translation_missing_<lang>` when the error is a text absent (or blank) in one language while
    its other language is there: a translation gap, told in those words, and only here."""
    if not loc or loc[-1] not in LANGUAGES:
        return None
    parent = data
    for part in loc[:-1]:
        if isinstance(parent, dict) and part in parent:
            parent = parent[part]
            continue
        if not (isinstance(parent, list) and isinstance(part, int) and 0 <= part < len(parent)):
            return None
        parent = parent[part]
    if not isinstance(parent, dict):
        return None

    def present(value: Any) -> bool:
        return isinstance(value, str) and bool(value.strip())

    lang = str(loc[-1])
    other = next(other for other in LANGUAGES if other != lang)
    mine = parent.get(lang)
    if present(parent.get(other)) and (mine is None or (isinstance(mine, str) and not mine.strip())):
        return f"translation_missing_{lang}"
    return None


def validate(
    model: type[ModelT], source: YamlSource, log: ProblemLog, data: Any | None = None, prefix: Loc = ()
) -> ModelT | None:
    """Validate `data` (default: the whole file) against `model`, logging every error with its line."""
    try:
        return model.model_validate(source.data if data is None else data)
    except ValidationError as err:
        errors: list[dict[str, Any]] = []
        seen: set[Loc] = set()
        for e in err.errors():
            inner = _yaml_loc(e["loc"], source.data if data is None else data)
            ctx = e.get("ctx") or {}
            if "key" in ctx and (prefix + inner + (ctx["key"],)) in source.lines:
                inner += (ctx["key"],)  # a check on a whole block points at the key it is about
            loc = prefix + inner
            if loc not in seen:  # a field that may take two shapes fails both ways: report it once
                seen.add(loc)
                errors.append({**e, "loc": loc, "siblings": _fields_at(model, inner[:-1])})
        # A misspelled key shows up twice (unknown 'mesage', missing 'message'): report it once.
        renamed = {
            (e["loc"][:-1], _closest(str(e["loc"][-1]), e["siblings"]))
            for e in errors
            if e["type"] == "extra_forbidden"
        }
        for error in errors:
            loc = error["loc"]
            if error["type"] == "missing" and (loc[:-1], str(loc[-1])) in renamed:
                continue
            gap = _translation_gap(loc, source.data)
            code, details = (gap, {}) if gap else _describe(error, error["siblings"])
            log.add(source.path, _line(source, loc, details.pop("found", None)), dotted(loc), code, **details)
        return None


def _line(source: YamlSource, loc: Loc, found: str | None) -> int:
    """The line of the value at `loc` or, for a text over several lines, the line holding `found`
    (the `<script>` a contributor has to delete)."""
    if found and loc in source.lines:
        first, last = source.span(loc)
        lines = source.path.read_text(encoding="utf-8").splitlines()
        for number in range(first, min(last, len(lines)) + 1):
            if found in lines[number - 1]:
                return number
    return source.line(loc)


def _fields_at(model: Any, loc: Loc) -> frozenset[str]:
    """Field names of the model found by walking `loc` down from `model` (all known names if lost)."""
    for part in loc:
        model = _inner_model(model, part)
        if model is None:
            return FIELD_NAMES
    return frozenset(model.model_fields) if _is_model(model) else FIELD_NAMES


def _inner_model(model: Any, part: str | int) -> Any:
    if _is_model(model):
        if isinstance(part, int):  # an item of a list: the list file itself (questions.yml), or already unwrapped
            root = model.model_fields.get("root")
            return _unwrap(root.annotation, part) if root else model
        field = model.model_fields.get(str(part))
        return _unwrap(field.annotation, None) if field else None
    return None


def _unwrap(annotation: Any, index: int | None) -> Any:
    """The model inside `list[X]`, `dict[str, X]`, `X | None`."""
    origin = typing.get_origin(annotation)
    if origin in (list, dict):
        return _unwrap(typing.get_args(annotation)[-1], None)
    if origin in (typing.Union, types.UnionType):
        models = [a for a in typing.get_args(annotation) if _is_model(a) or typing.get_origin(a) in (list, dict)]
        return _unwrap(models[0], None) if len(models) == 1 else None
    return annotation if _is_model(annotation) else None


def _is_model(value: Any) -> bool:
    return isinstance(value, type) and issubclass(value, BaseModel)


def _yaml_loc(loc: tuple, data: Any) -> Loc:
    """pydantic puts validator and union-member names (`function-after[...]`, `int`, `list[Text]`)
    into error locations; a contributor only knows the YAML keys. A part is kept when the data has
    it (even a key named `Text` or `A`), or when it is a field the data lacks (a missing key)."""
    out: list[str | int] = []
    for part in loc:
        if (isinstance(data, dict) and part in data) or (
            isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data)
        ):
            data = data[part]
        elif _is_tag(part):
            continue
        else:
            data = None
        out.append(part)
    return tuple(out)


def _is_tag(part: object) -> bool:
    return isinstance(part, str) and (
        part.startswith("function-") or part in ("int", "str", "bool") or "[" in part or part in MODEL_NAMES
    )


def _closest(name: str, candidates: frozenset[str] = FIELD_NAMES) -> str | None:
    close = difflib.get_close_matches(name, sorted(candidates), n=1)
    return close[0] if close else None
