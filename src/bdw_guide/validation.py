"""Turn pydantic's errors into lines a contributor can act on."""
from __future__ import annotations

import difflib
from typing import Any

from pydantic import BaseModel, ValidationError

from .models import FIELD_NAMES, LANGUAGE_NAMES
from .problems import ProblemLog
from .yaml_source import Loc, YamlSource


def dotted(loc: Loc) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _describe(error: dict[str, Any]) -> tuple[str, str]:
    kind = error["type"]
    loc: Loc = tuple(p for p in error["loc"] if not (isinstance(p, str) and p.startswith("function-")))
    name = str(loc[-1]) if loc else ""
    parent = dotted(loc[:-1])
    ctx = error.get("ctx") or {}
    if kind == "missing":
        if name in LANGUAGE_NAMES:
            return (f"the {LANGUAGE_NAMES[name]} text is missing",
                    f"add a line '{name}: ...' under '{parent}:' with the {LANGUAGE_NAMES[name]} text")
        return ("this field is missing", f"add '{name}:' (see the commented example in CONTRIBUTING.md)")
    if kind == "extra_forbidden":
        close = _closest(name)
        hint = f"did you mean '{close}'? Rename it" if close else "remove it, or check its spelling and indentation"
        return (f"'{name}' is not a field this file can have", hint)
    if "fix" in ctx:  # our own checks carry their fix
        return error["msg"], str(ctx["fix"])
    if kind == "literal_error":
        return ("this value is not one of the allowed ones", f"write one of: {ctx.get('expected', '')}")
    if kind in ("greater_than_equal", "less_than_equal"):
        return (error["msg"].lower(), "change the number")
    if kind == "string_pattern_mismatch":
        return ("this id should be lowercase letters and digits joined by dashes",
                "write it like 'first-steps'")
    if kind in ("string_type", "str_type"):
        return ("this should be a text", "write the text after the colon; put quotes around it if it looks like a number or yes/no")
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return ("this should hold indented fields, such as 'fr:' and 'en:'",
                "put each field on its own line under this one, indented by two more spaces")
    if kind == "list_type":
        return ("this should be a list", "start each item on its own line with '- ', indented under this field")
    if kind == "too_short":
        return ("this list is empty", "add at least one item")
    if kind in ("int_type", "int_parsing"):
        return ("this should be a whole number", "write digits only, such as 2024")
    return (error["msg"], "check this field against the commented example in CONTRIBUTING.md")


def validate(model: type[BaseModel], source: YamlSource, log: ProblemLog, data: Any | None = None,
             prefix: Loc = ()) -> BaseModel | None:
    """Validate `data` (default: the whole file) against `model`, logging every error with its line."""
    try:
        return model.model_validate(source.data if data is None else data)
    except ValidationError as err:
        errors, seen = [], set()
        for e in err.errors():
            loc = prefix + tuple(p for p in e["loc"] if not _is_tag(p))
            if loc not in seen:  # a field that may take two shapes fails both ways: report it once
                seen.add(loc)
                errors.append({**e, "loc": loc})
        # A misspelled key shows up twice (unknown 'mesage', missing 'message'): report it once.
        renamed = {(e["loc"][:-1], _closest(str(e["loc"][-1]))) for e in errors if e["type"] == "extra_forbidden"}
        for error in errors:
            loc = error["loc"]
            if error["type"] == "missing" and (loc[:-1], str(loc[-1])) in renamed:
                continue
            what, fix = _describe(error)
            log.add(source.path, source.line(loc), dotted(loc), what, fix)
        return None


def _is_tag(part: object) -> bool:
    """pydantic puts validator and union-member names (`function-after[...]`, `int`, `list[Text]`)
    into error locations; a contributor only knows the YAML keys."""
    return isinstance(part, str) and (part.startswith("function-") or part in ("int", "str")
                                      or "[" in part or part[:1].isupper())


def _closest(name: str) -> str | None:
    close = difflib.get_close_matches(name, sorted(FIELD_NAMES), n=1)
    return close[0] if close else None
