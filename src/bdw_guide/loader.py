"""Load and check all of `data/` at once, reporting every problem in one pass.

The grid of key messages is always complete (every objective x audience pair
has exactly one message), so pages, overview and cards can be rendered without
defensive code: if `load_guide` returns, the data is whole.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .models import Audience, Campaign, Contributors, LANGUAGES, Message, Objective, Text
from .problems import ProblemLog
from .validation import validate
from .yaml_source import YamlSource, read_yaml

MESSAGES_DIR = "messages"


@dataclass(frozen=True)
class MessageEntry:
    """A validated message with where it came from (for edit links and reports)."""

    data: Message
    path: str  # relative to the repository root, e.g. data/messages/access/public.yml
    lines: dict[str, int]  # field (e.g. "message.fr") -> 1-based line

    @property
    def key(self) -> tuple[str, str]:
        return self.data.objective, self.data.audience

    @property
    def anchor(self) -> str:
        return f"{self.data.objective}-{self.data.audience}"


@dataclass(frozen=True)
class Guide:
    """Everything the site shows, validated. Order of dicts is the guide's order."""

    root: Path
    campaign: Campaign
    objectives: dict[str, Objective]
    audiences: dict[str, Audience]
    messages: dict[tuple[str, str], MessageEntry]
    ui: dict[str, Text]
    contributors: Contributors

    def message(self, objective: str, audience: str) -> MessageEntry:
        return self.messages[(objective, audience)]

    def objective_number(self, objective: str) -> int:
        return list(self.objectives).index(objective) + 1

    def t(self, key: str, lang: str) -> str:
        return self.ui[key][lang]


@dataclass
class _Loading:
    root: Path
    data_dir: Path
    log: ProblemLog = field(init=False)

    def __post_init__(self) -> None:
        self.log = ProblemLog(self.root)

    def read(self, name: str) -> YamlSource | None:
        path = self.data_dir / name
        if not path.is_file():
            self.log.add(path, 0, "", "this file is missing", "restore it from the repository's main branch")
            return None
        return read_yaml(path, self.log)

    def keyed(self, name: str, model: type) -> tuple[dict[str, Any], list[str]]:
        """A file whose top-level keys are ids (objectives, audiences, UI strings).

        Returns the valid entries and every id the file names, valid or not, so that one bad
        field in an audience does not also make its four messages "unknown audience".
        """
        source = self.read(name)
        if source is None:
            return {}, []
        if not isinstance(source.data, dict):
            self.log.add(source.path, 1, "", "the file should be a list of entries 'id:' with fields under each",
                         "compare it with the version on the main branch")
            return {}, []
        out: dict[str, Any] = {}
        for key, value in source.data.items():
            item = validate(model, source, self.log, value, (key,))
            if item is not None:
                out[str(key)] = item
        return out, [str(key) for key in source.data]


def load_guide(root: Path, data_dir: Path | None = None) -> Guide:
    """Read and validate `data/`; raise DataError listing every problem found."""
    loading = _Loading(root, data_dir or root / "data")
    campaign_source = loading.read("campaign.yml")
    campaign = validate(Campaign, campaign_source, loading.log) if campaign_source else None
    objectives, objective_ids = loading.keyed("objectives.yml", Objective)
    audiences, audience_ids = loading.keyed("audiences.yml", Audience)
    ui, _ = loading.keyed("ui.yml", Text)
    messages = _load_messages(loading, objective_ids, audience_ids)
    contributors = _load_contributors(loading)
    loading.log.raise_if_any()
    assert campaign is not None and contributors is not None
    return Guide(loading.root, campaign, objectives, audiences, messages, ui, contributors)


def _load_contributors(loading: _Loading) -> Contributors | None:
    source = loading.read("contributors.yml")
    if source is None:
        return None
    contributors = validate(Contributors, source, loading.log)
    if contributors is None:
        return None
    known = list(contributors.organizations)
    for index, person in enumerate(contributors.people):
        if person.organization not in known:
            loading.log.add(source.path, source.line(("people", index, "organization")), f"people[{index}].organization",
                            f"'{person.organization}' is not an organization listed under 'organizations:'",
                            f"use one of: {', '.join(known)}, or add the organization with its French and English names")
    return contributors


def _load_messages(loading: _Loading, objectives: list[str],
                   audiences: list[str]) -> dict[tuple[str, str], MessageEntry]:
    log = loading.log
    folder = loading.data_dir / MESSAGES_DIR
    messages: dict[tuple[str, str], MessageEntry] = {}
    seen_in: dict[tuple[str, str], str] = {}
    # Files at their conventional place (<objective>/<audience>.yml) come first, so a stray copy is
    # the one reported as the duplicate.
    def conventional_first(path: Path) -> tuple[bool, str]:
        return (not (path.parent.name in objectives and path.stem in audiences), path.as_posix())

    for path in sorted(folder.rglob("*"), key=conventional_first):
        if path.is_dir():
            continue
        if path.suffix not in (".yml", ".yaml"):
            log.add(path, 0, "", "only .yml files belong in data/messages",
                    "rename the file to end in .yml, or move it out of data/messages")
            continue
        source = read_yaml(path, log)
        if source is None:
            continue
        if not isinstance(source.data, dict):
            log.add(path, 1, "", "a message file should be a set of fields (objective:, audience:, message:...)",
                    "compare it with another file in data/messages")
            continue
        message = validate(Message, source, log)
        ids_ok = _check_id(log, source, "objective", source.data.get("objective"), objectives)
        ids_ok &= _check_id(log, source, "audience", source.data.get("audience"), audiences)
        if message is None or not ids_ok:
            continue
        entry = MessageEntry(message, log.relative(path), _field_lines(source))
        if entry.key in messages:
            log.add(path, source.line(("audience",)), "audience",
                    f"{seen_in[entry.key]} already holds the message for objective '{message.objective}' "
                    f"and audience '{message.audience}'",
                    "each pair has exactly one file: edit that file instead, or correct 'objective:'/'audience:' here")
            continue
        messages[entry.key] = entry
        seen_in[entry.key] = entry.path
    if objectives and audiences:
        for objective in objectives:
            for audience in audiences:
                if (objective, audience) not in messages and (objective, audience) not in _failed_pairs(log):
                    log.add(folder / objective / f"{audience}.yml", 0, "",
                            f"no message for objective '{objective}' and audience '{audience}' "
                            "(the guide has one for each of the 16 pairs)",
                            f"create data/messages/{objective}/{audience}.yml from another message file")
    return messages


def _failed_pairs(log: ProblemLog) -> set[tuple[str, str]]:
    """Pairs whose file exists but failed, so we do not also call them missing."""
    out = set()
    for problem in log.problems:
        parts = problem.file.split("/")
        if len(parts) >= 2 and parts[-1].endswith((".yml", ".yaml")):
            out.add((parts[-2], parts[-1].rsplit(".", 1)[0]))
    return out


def _check_id(log: ProblemLog, source: YamlSource, name: str, value: Any, known: list[str]) -> bool:
    if not isinstance(value, str) or not value.strip():
        return False  # reported by the model check
    if known and value not in known:
        choices = ", ".join(known)
        log.add(source.path, source.line((name,)), name, f"'{value}' is not a known {name}",
                f"use one of: {choices}")
        return False
    return True


def _field_lines(source: YamlSource) -> dict[str, int]:
    lines: dict[str, int] = {}
    for key, value in source.data.items():
        lines[str(key)] = source.line((key,))
        if isinstance(value, dict):
            for lang in LANGUAGES:
                if lang in value:
                    lines[f"{key}.{lang}"] = source.line((key, lang))
    return lines
