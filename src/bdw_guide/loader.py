"""Load and check all of `data/` at once, reporting every problem in one pass.

The grid of key messages is always complete (every objective x audience pair
has exactly one message), so pages, overview and cards can be rendered without
defensive code: if `load_guide` returns, the data is whole.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .files import Survey, docs_problems, survey
from .letters import check_letter
from .models import (
    LANGUAGES,
    Activity,
    Audience,
    Calendar,
    Campaign,
    CaseStudy,
    Contributors,
    GlossaryEntry,
    Letter,
    Message,
    Objective,
    Posts,
    Question,
    Questions,
    Representatives,
    Text,
    Worksheet,
)
from .posts import check_drafts
from .problems import ProblemLog
from .ui_text import check_ui_text
from .validation import validate
from .yaml_source import YamlSource, dotted, read_yaml

MESSAGES_DIR = "messages"
EXAMPLES_DIR = "examples"
CASE_STUDIES_DIR = "case-studies"
ACTIVITIES_DIR = "activities"
WORKSHEETS_DIR = "worksheets"
POSTS_DIR = "posts"
LETTERS_DIR = "letters"


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
class Entry:
    """A validated one-file item (an activity, a worksheet) with its file and field lines."""

    id: str  # the file name without .yml
    data: Any
    path: str
    lines: dict[str, int]


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
    glossary: dict[str, GlossaryEntry]
    calendar: Calendar
    questions: list[Question]
    activities: list[Entry]  # in their 'position' order
    worksheets: list[Entry]  # in the order of the pages they are used on
    case_studies: list[Entry] = field(default_factory=list)  # in their 'position' order
    examples: dict[str, str] = field(default_factory=dict)  # language -> commented example message file
    posts: dict[tuple[str, str], Entry] = field(default_factory=dict)  # (objective, audience) -> post drafts
    letters: dict[tuple[str, str], Entry] = field(default_factory=dict)  # (objective, audience) -> letter, if any
    representatives: Representatives | None = None  # where a letter writer finds their elected representatives

    def message(self, objective: str, audience: str) -> MessageEntry:
        return self.messages[(objective, audience)]

    def objective_number(self, objective: str) -> int:
        return list(self.objectives).index(objective) + 1

    def t(self, key: str, lang: str) -> str:
        return self.ui[key][lang]

    def worksheets_for(self, slot: str) -> list[Entry]:
        return [w for w in self.worksheets if w.data.used_on == slot]

    def organization_name(self, key: str, lang: str) -> tuple[str, str | None]:
        """(full name, abbreviation or None) of a contributor's organization."""
        org = self.contributors.organizations[key]
        if org.glossary:
            entry = self.glossary[org.glossary]
            return entry.expansion[lang], entry.abbreviation[lang]
        assert org.name is not None
        return org.name[lang], None


def worksheet_slots(question_count: int) -> list[str]:
    """The places a worksheet can be shown, in page order."""
    return ["communication-plan"] + [f"question-{n}" for n in range(1, question_count + 1)] + ["partnership"]


DATA_SUFFIXES = (".yml", ".yaml")


@dataclass
class _Loading:
    root: Path
    data_dir: Path
    log: ProblemLog = field(init=False)
    odd: Survey = field(init=False)

    def __post_init__(self) -> None:
        self.log = ProblemLog(self.root)
        # Odd files and folders (links, folders named like files, unreadable names) are reported
        # once here; everything below skips them.
        self.odd = survey(self.root, self.data_dir, self.log, DATA_SUFFIXES)
        if not self.odd.skips(self.data_dir) and self.data_dir.is_file():
            self.refuse_file(self.data_dir)

    def refuse_file(self, path: Path) -> None:
        """A file stands where a folder belongs."""
        self.odd.refused.add(path)
        self.log.add(path, 0, "", "file_where_folder", name=self.log.relative(path))

    def read(self, name: str) -> YamlSource | None:
        path = self.data_dir / name
        if self.odd.skips(path) or any(self.odd.skips(p) or p.is_file() for p in self._parents(path)):
            return None  # reported by the survey, or by the folder that is a file
        if not path.is_file():
            self.log.add(path, 0, "", "file_missing")
            return None
        return read_yaml(path, self.log)

    def _parents(self, path: Path) -> list[Path]:
        """Folders between data/ and `path` (data/examples for data/examples/message.fr.yml)."""
        parents = [p for p in path.parents if p != self.data_dir and self.data_dir in p.parents]
        for folder in parents:
            if folder.is_file() and folder not in self.odd.refused:
                self.refuse_file(folder)
        return parents

    def folder(self, name: str) -> Path | None:
        """A folder of one-file items, or None when it is odd or a file (one line, said here or by
        the survey)."""
        path = self.data_dir / name
        if self.odd.skips(path):
            return None
        if path.is_file():
            self.refuse_file(path)
            return None
        return path

    def files_in(self, folder: Path, folder_name: str, recursive: bool = False) -> list[Path]:
        """Data files of a folder (sorted), each other entry reported once: a file that is not
        .yml, a folder where only files belong."""
        found: list[Path] = []
        for path in sorted(folder.rglob("*") if recursive else folder.glob("*")):
            if self.odd.skips(path):
                continue
            if path.is_dir():
                if not recursive:
                    self.odd.refused.add(path)
                    self.log.add(path, 0, "", "unexpected_folder", folder=folder_name)
                continue
            if path.suffix not in DATA_SUFFIXES:
                self.log.add(path, 0, "", "wrong_extension", folder=folder_name)
                continue
            found.append(path)
        return found

    def whole(self, name: str, model: type[BaseModel], source: YamlSource | None = None) -> Any:
        """A file validated as one model (the calendar, the list of questions)."""
        source = source or self.read(name)
        return validate(model, source, self.log) if source is not None else None

    def keyed(self, name: str, model: type, check: Any = None) -> tuple[dict[str, Any], list[str]]:
        """A file whose top-level keys are ids (objectives, audiences, UI strings).

        Returns the valid entries and every id the file names, valid or not, so that one bad
        field in an audience does not also make its four messages "unknown audience". `check`,
        if given, is called with (source, id, entry) for every valid entry.
        """
        source = self.read(name)
        if source is None:
            return {}, []
        if not isinstance(source.data, dict):
            self.log.add(source.path, 1, "", "not_keyed_file")
            return {}, []
        out: dict[str, Any] = {}
        for key, value in source.data.items():
            item = validate(model, source, self.log, value, (key,))
            if item is not None:
                out[str(key)] = item
                if check is not None:
                    check(source, str(key), item)
        return out, [str(key) for key in source.data]


def load_guide(root: Path, data_dir: Path | None = None, docs_dir: Path | None = None) -> Guide:
    """Read and validate `data/`; raise DataError listing every problem found. With `docs_dir`,
    odd files and folders in the page trees (see files.py) are reported in the same list."""
    loading = _Loading(root, data_dir or root / "data")
    if docs_dir is not None:
        loading.log.problems += docs_problems(root, docs_dir).problems
    campaign_source = loading.read("campaign.yml")
    campaign = validate(Campaign, campaign_source, loading.log) if campaign_source else None
    objectives, objective_ids = loading.keyed("objectives.yml", Objective)
    audiences, audience_ids = loading.keyed("audiences.yml", Audience)
    ui, _ = loading.keyed("ui.yml", Text, lambda source, key, text: _check_placeholders(loading, source, key, text))
    messages = _load_messages(loading, objective_ids, audience_ids)
    glossary, glossary_ids = loading.keyed("glossary.yml", GlossaryEntry)
    contributors = _load_contributors(loading, glossary_ids)
    calendar = _load_calendar(loading, objective_ids)
    questions = loading.whole("questions.yml", Questions)
    activities = _load_activities(loading)
    worksheets = _load_worksheets(loading, len(questions.root) if questions else 0)
    case_studies = _load_case_studies(loading, len(questions.root) if questions else 0)
    examples = _load_examples(loading, objective_ids, audience_ids)
    posts = _load_posts(loading, messages, objective_ids, audience_ids, campaign)
    letters = _load_letters(loading, messages, objective_ids, audience_ids)
    representatives = loading.whole("representatives.yml", Representatives)
    loading.log.raise_if_any()
    assert campaign and contributors and calendar and questions and representatives
    guide = Guide(
        loading.root,
        campaign,
        objectives,
        audiences,
        messages,
        ui,
        contributors,
        glossary,
        calendar,
        list(questions.root),
        activities,
        worksheets,
        case_studies,
        examples,
        posts,
        letters,
        representatives,
    )
    _check_graphic_alts(loading, guide)
    loading.log.raise_if_any()
    return guide


def _check_graphic_alts(loading: _Loading, guide: Guide) -> None:
    """A message's share graphics carry an alt text of at most 250 characters: the words they show."""
    from .graphics import ALT_LIMIT, message_graphic

    for key, entry in guide.posts.items():
        for lang in LANGUAGES:
            alt = message_graphic(guide, key, lang).alt
            if len(alt) > ALT_LIMIT:
                loading.log.add(
                    loading.root / entry.path,
                    entry.lines.get(f"graphic.{lang}", 1),
                    f"graphic.{lang}",
                    "graphic_alt_too_long",
                    count=len(alt),
                    limit=ALT_LIMIT,
                    over=len(alt) - ALT_LIMIT,
                )


def _check_placeholders(loading: _Loading, source: YamlSource, key: str, text: Text) -> None:
    check_ui_text(
        key,
        {lang: text[lang] for lang in LANGUAGES},
        loading.log,
        source.path,
        {lang: source.line((key, lang)) for lang in LANGUAGES},
    )


def _load_examples(loading: _Loading, objectives: list[str], audiences: list[str]) -> dict[str, str]:
    """The commented example message shown on the Contribute page, one file per language (its
    comments are in that language). It is checked like a real message, and both files must hold
    the same data, so the example can never teach something the check refuses."""
    texts: dict[str, str] = {}
    data: dict[str, Any] = {}
    for lang in LANGUAGES:
        source = loading.read(f"{EXAMPLES_DIR}/message.{lang}.yml")
        if source is None:
            continue
        if validate(Message, source, loading.log) is not None:
            _check_id(loading.log, source, "objective", source.data.get("objective"), objectives)
            _check_id(loading.log, source, "audience", source.data.get("audience"), audiences)
        texts[lang], data[lang] = source.path.read_text(encoding="utf-8"), source.data
    if len(data) == len(LANGUAGES) and data["fr"] != data["en"]:
        loading.log.add(loading.data_dir / EXAMPLES_DIR / "message.en.yml", 1, "", "examples_differ")
    return texts


def _per_message_files(
    loading: _Loading, folder_name: str, model: type[BaseModel], objectives: list[str], audiences: list[str]
) -> tuple[Path | None, dict[tuple[str, str], Entry], set[tuple[str, str]], list[Path]]:
    """Files that go with one message each, at data/<folder>/<objective>/<audience>.yml (post drafts,
    letters): each read and validated. Returns the folder (None when it is odd or absent), the valid
    entries by (objective, audience), every pair a file was found for (valid or not), and the files
    that name no message, for the caller to report under its own problem code."""
    entries: dict[tuple[str, str], Entry] = {}
    tried: set[tuple[str, str]] = set()
    unknown: list[Path] = []
    folder = loading.folder(folder_name)
    if folder is None or not folder.is_dir():  # odd (said once already), or absent
        return None, entries, tried, unknown
    for path in loading.files_in(folder, folder_name, recursive=True):
        key = (path.parent.name, path.stem)
        if (
            path.parent.parent != folder
            or (objectives and key[0] not in objectives)
            or (audiences and key[1] not in audiences)
        ):
            unknown.append(path)
            continue
        tried.add(key)
        source = read_yaml(path, loading.log)
        item = validate(model, source, loading.log) if source is not None else None
        if source is not None and item is not None:
            entries[key] = Entry(f"{key[0]}/{key[1]}", item, loading.log.relative(path), _field_lines(source))
    return folder, entries, tried, unknown


def _load_posts(
    loading: _Loading,
    messages: dict[tuple[str, str], MessageEntry],
    objectives: list[str],
    audiences: list[str],
    campaign: Campaign | None,
) -> dict[tuple[str, str], Entry]:
    """Post drafts, one file per message at data/posts/<objective>/<audience>.yml, each draft within
    its platform's limit (with the hashtag added) and giving no figure its message lacks. Every
    message needs its file."""
    folder, posts, tried, unknown = _per_message_files(loading, POSTS_DIR, Posts, objectives, audiences)
    for path in unknown:
        loading.log.add(
            path, 0, "", "posts_unknown_pair", objectives=", ".join(objectives), audiences=", ".join(audiences)
        )
    for key, entry in posts.items():
        if campaign and key in messages:
            check_drafts(
                entry.data, messages[key].data, campaign.hashtag, loading.log, loading.root / entry.path, entry.lines
            )
    folder = folder or loading.data_dir / POSTS_DIR
    for key in messages:
        expected = folder / key[0] / f"{key[1]}.yml"
        if key not in tried and not loading.odd.skips(expected):  # an odd path there is said once, by the survey
            loading.log.add(expected, 0, "", "posts_missing", message=messages[key].path)
    return posts


def _load_letters(
    loading: _Loading, messages: dict[tuple[str, str], MessageEntry], objectives: list[str], audiences: list[str]
) -> dict[tuple[str, str], Entry]:
    """Letters to decision makers, at most one per message, at data/letters/<objective>/<audience>.yml;
    a message without one has no letter on its card. A letter gives no figure its message lacks."""
    _, letters, _, unknown = _per_message_files(loading, LETTERS_DIR, Letter, objectives, audiences)
    for path in unknown:
        loading.log.add(
            path, 0, "", "letters_unknown_pair", objectives=", ".join(objectives), audiences=", ".join(audiences)
        )
    for key, entry in letters.items():
        if key in messages:
            check_letter(entry.data, messages[key].data, loading.log, loading.root / entry.path, entry.lines)
    return letters


def _load_calendar(loading: _Loading, objectives: list[str]) -> Calendar | None:
    source = loading.read("calendar.yml")
    calendar = loading.whole("calendar.yml", Calendar, source)
    if calendar is None or source is None:
        return None
    for index, week in enumerate(calendar.weeks):
        _check_id(loading.log, source, "objective", week.objective, objectives, ("weeks", index, "objective"))
    return calendar


def _one_file_each(loading: _Loading, folder_name: str, model: type[BaseModel]) -> list[Entry]:
    """Items kept one per file (a new activity or worksheet is one new file)."""
    folder = loading.folder(folder_name)
    if folder is None:
        return []
    entries: list[Entry] = []
    for path in loading.files_in(folder, folder_name):
        source = read_yaml(path, loading.log)
        if source is None:
            continue
        item = validate(model, source, loading.log)
        if item is not None:
            entries.append(Entry(path.stem, item, loading.log.relative(path), _field_lines(source)))
    if not entries and not loading.log.problems:
        loading.log.add(folder, 0, "", "folder_empty")
    return entries


def _load_activities(loading: _Loading) -> list[Entry]:
    return _by_position(loading, _one_file_each(loading, ACTIVITIES_DIR, Activity))


def _by_position(loading: _Loading, entries: list[Entry]) -> list[Entry]:
    """Entries in their `position:` order; two with the same position are a problem (which first?)."""
    by_position: dict[int, Entry] = {}
    for entry in entries:
        other = by_position.get(entry.data.position)
        if other:
            loading.log.add(
                loading.root / entry.path,
                entry.lines.get("position", 1),
                "position",
                "duplicate_position",
                other=other.path,
                position=entry.data.position,
            )
        by_position[entry.data.position] = entry
    return sorted(entries, key=lambda e: (e.data.position, e.id))


def _load_case_studies(loading: _Loading, question_count: int) -> list[Entry]:
    studies = _by_position(loading, _one_file_each(loading, CASE_STUDIES_DIR, CaseStudy))
    expected = [f"question-{n}" for n in range(1, question_count + 1)]
    for entry in studies if question_count else []:  # no questions loaded: that file's problem is reported
        given = list(entry.data.questions)
        path, line = loading.root / entry.path, entry.lines.get("questions", 1)
        for key in given:
            if key not in expected:
                loading.log.add(
                    path,
                    entry.lines.get(f"questions.{key}", line),
                    f"questions.{key}",
                    "case_question_unknown",
                    value=key,
                    choices=", ".join(expected),
                )
        for key in expected:
            if key not in given:
                loading.log.add(path, line, f"questions.{key}", "case_question_missing", key=key)
    return studies


def _load_worksheets(loading: _Loading, question_count: int) -> list[Entry]:
    worksheets = _one_file_each(loading, WORKSHEETS_DIR, Worksheet)
    slots = worksheet_slots(question_count)
    for entry in worksheets:
        ids = [f.id for f in entry.data.fields]
        for index, field_id in enumerate(ids):
            if field_id in ids[:index]:
                loading.log.add(
                    loading.root / entry.path,
                    entry.lines.get(f"fields[{index}].id", 1),
                    f"fields[{index}].id",
                    "duplicate_field_id",
                    field_id=field_id,
                )
        if question_count and entry.data.used_on not in slots:
            loading.log.add(
                loading.root / entry.path,
                entry.lines.get("used_on", 1),
                "used_on",
                "unknown_slot",
                value=entry.data.used_on,
                choices=", ".join(slots),
            )
    order = {slot: index for index, slot in enumerate(slots)}
    return sorted(worksheets, key=lambda e: (order.get(e.data.used_on, len(order)), e.data.position or 0, e.id))


def _load_contributors(loading: _Loading, glossary: list[str]) -> Contributors | None:
    """`glossary`: every id data/glossary.yml names, valid or not (a bad entry is its own problem)."""
    source = loading.read("contributors.yml")
    if source is None:
        return None
    contributors = validate(Contributors, source, loading.log)
    if contributors is None:
        return None
    for key, org in contributors.organizations.items():
        if org.glossary and glossary and org.glossary not in glossary:  # no glossary: its own problem is reported
            loading.log.add(
                source.path,
                source.line(("organizations", key, "glossary")),
                f"organizations.{key}.glossary",
                "unknown_glossary",
                value=org.glossary,
                choices=", ".join(glossary),
            )
    known = list(contributors.organizations)
    for index, person in enumerate(contributors.people):
        if person.organization not in known:
            loading.log.add(
                source.path,
                source.line(("people", index, "organization")),
                f"people[{index}].organization",
                "unknown_organization",
                value=person.organization,
                choices=", ".join(known),
            )
    return contributors


def _load_messages(
    loading: _Loading, objectives: list[str], audiences: list[str]
) -> dict[tuple[str, str], MessageEntry]:
    log = loading.log
    folder = loading.folder(MESSAGES_DIR)
    if folder is None:
        return {}
    messages: dict[tuple[str, str], MessageEntry] = {}
    seen_in: dict[tuple[str, str], str] = {}

    # Files at their conventional place (<objective>/<audience>.yml) come first, so a stray copy is
    # the one reported as the duplicate.
    def conventional_first(path: Path) -> tuple[bool, str]:
        return (not (path.parent.name in objectives and path.stem in audiences), path.as_posix())

    for path in sorted(loading.files_in(folder, MESSAGES_DIR, recursive=True), key=conventional_first):
        source = read_yaml(path, log)
        if source is None:
            continue
        if not isinstance(source.data, dict):
            log.add(path, 1, "", "message_not_mapping")
            continue
        message = validate(Message, source, log)
        ids_ok = _check_id(log, source, "objective", source.data.get("objective"), objectives)
        ids_ok &= _check_id(log, source, "audience", source.data.get("audience"), audiences)
        if message is None or not ids_ok:
            continue
        entry = MessageEntry(message, log.relative(path), _field_lines(source))
        if entry.key in messages:
            log.add(
                path,
                source.line(("audience",)),
                "audience",
                "duplicate_pair",
                other=seen_in[entry.key],
                objective=message.objective,
                audience=message.audience,
            )
            continue
        messages[entry.key] = entry
        seen_in[entry.key] = entry.path
    if objectives and audiences:
        for objective in objectives:
            for audience in audiences:
                if (objective, audience) not in messages and (objective, audience) not in _failed_pairs(log):
                    log.add(
                        folder / objective / f"{audience}.yml",
                        0,
                        "",
                        "missing_pair",
                        objective=objective,
                        audience=audience,
                    )
    return messages


def _failed_pairs(log: ProblemLog) -> set[tuple[str, str]]:
    """Pairs whose file exists but failed, so we do not also call them missing."""
    out = set()
    for problem in log.problems:
        parts = problem.file.split("/")
        if len(parts) >= 2 and parts[-1].endswith((".yml", ".yaml")):
            out.add((parts[-2], parts[-1].rsplit(".", 1)[0]))
    return out


def _check_id(log: ProblemLog, source: YamlSource, name: str, value: Any, known: list[str], loc: tuple = ()) -> bool:
    if not isinstance(value, str) or not value.strip():
        return False  # reported by the model check
    if known and value not in known:
        choices = ", ".join(known)
        loc = loc or (name,)
        log.add(source.path, source.line(loc), dotted(loc), f"unknown_{name}", value=value, choices=choices)
        return False
    return True


def _field_lines(source: YamlSource) -> dict[str, int]:
    """Line of every field, by dotted name (message.fr, fields[2].id), for edit links and reports."""
    lines: dict[str, int] = {}

    def walk(value: Any, loc: tuple, name: str) -> None:
        if loc:
            lines[name] = source.line(loc)
        if isinstance(value, dict):
            for key, child in value.items():
                walk(child, loc + (key,), f"{name}.{key}" if name else str(key))
        elif isinstance(value, list):
            for index, child in enumerate(value):
                walk(child, loc + (index,), f"{name}[{index}]")

    walk(source.data, (), "")
    return lines
