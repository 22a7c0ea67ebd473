"""Faithful to the guide, in our own words: the facts that must never drift, and the words we use.

The guide's facts are pinned here once (figures, names, which claim has which source, the official
objective names, the pages of its table of contents); the tests read data/ and docs/ and compare.
Where the guide's own text is on this machine (../shared/seeds, or BDW_SEEDS), the pinned facts are
checked against it too, so the pins themselves cannot be wrong. Then the words: one inclusive-writing
convention in French, no anglicisms from our list, one English term per idea.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import BaseModel
from ruamel.yaml import YAML

from bdw_guide.models import Text
from bdw_guide.render import Renderer

from conftest import GUIDE, ROOT

SEEDS = Path(os.environ.get("BDW_SEEDS", ROOT.parent / "shared" / "seeds"))
OFFICIAL_NAMES = SEEDS.parent / "tools" / "official-names.txt"
OVERLAP_TOOL = SEEDS.parent / "tools" / "seed_overlap.py"
NBSP = "\u00a0"

# ---- The guide's facts, pinned ------------------------------------------------------------------

# Its table of contents: the page where each objective's key messages begin, and where the next
# part (the communication plan) begins. A claim's page lies between its section's first page and
# the next section's.
SECTION_PAGES = {"access": 9, "skills": 10, "integration": 11, "funding": 12}
AFTER_MESSAGES = 14  # "Création d'un plan de communication"
# The four objectives, as the guide names them (and as ../shared/tools/official-names.txt lists them).
OFFICIAL_OBJECTIVES = {
    "access": "Augmenter le nombre de personnes accédant à des services de développement de carrière",
    "skills": "Améliorer les compétences de la population en ce qui a trait au développement de carrière",
    "integration": "Intégrer le développement de carrière dans les systèmes actuels",
    "funding": "Accroître le financement et l'investissement dans les services de développement de carrière "
    "et le secteur en entier",
}
# The only source the guide names for a claim of its key messages, and the claim's figure.
NAMED_SOURCES = {("funding", "business"): ("Pew Research Center", "63")}
# Every figure the key messages state, by message (the guide gives no other).
MESSAGE_FIGURES = {("access", "public"): {"77"}, ("funding", "business"): {"63"}}
# The messages for which the guide gives no ask (its text ends on the claim).
NO_ASK = {("integration", "education")}
# The guide's hashtags: the campaign's own, and an example it gives for a hashtag campaign.
HASHTAG = "#Au-delàDuTravailDécent"
HASHTAG_EXAMPLE = "#HumainsDuSecteurDeL’emploi"
# The people who contributed, in the guide's order.
CONTRIBUTORS = [
    "Akosua Alagaratnam",
    "Adriano Magnifico",
    "Donnalee Bell",
    "Sarah Mitchell",
    "Trevor Buttrum",
    "Janet Morris-Reade",
    "Kay Castelle",
    "Kim Patel",
    "Jeannette Campbell",
    "Surranna Sandy",
    "Joanna Goode",
    "Lisa Taylor",
    "Candy Ho",
    "Janet Uchacz-Hart",
    "Sareena Hopkins",
    "Deanna Villella",
    "Annie Kidder",
    "Sue Watts",
]
# What each case study is (seed 001 a proposal in progress, 002 a two-day lab, 003 a campaign), in
# words its 'kind' must use, and the seed it is told from.
CASE_KINDS = {
    "savoie-facilitators": ("proposition en cours", "proposal in progress", "001"),
    "wapes-communication-lab": ("laboratoire de deux jours", "two-day lab", "002"),
    "j-aime-mon-metier": ("campagne", "campaign", "003"),
}


def seed(number: str) -> str | None:
    """The text of seed NNN, or None where the seeds are not on this machine."""
    found = sorted(SEEDS.glob(f"{number}_*.txt")) if SEEDS.is_dir() else []
    return found[0].read_text(encoding="utf-8") if found else None


def needs_seed(number: str) -> str:
    text = seed(number)
    if text is None:
        pytest.skip(f"the guide's text (seed {number}) is not on this machine: set BDW_SEEDS to check against it")
    return text


def same(text: str) -> str:
    """Text compared across typographies: one apostrophe, ordinary spaces, single spaces."""
    return " ".join(text.replace("’", "'").replace(NBSP, " ").replace("\u202f", " ").split())


NUMBER_WORDS = {
    "deux": "2",
    "trois": "3",
    "quatre": "4",
    "cinq": "5",
    "six": "6",
    "sept": "7",
    "huit": "8",
    "neuf": "9",
    "dix": "10",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "seven": "7",
    "eight": "8",
    "nine": "9",
    "ten": "10",
}


def numbers(text: str) -> set[str]:
    """The numbers of a text, digits only (860 000, 860,000 and 860.000 are all 860000), with the
    small ones written in words ("deux jours" and "two days" are 2)."""
    found = {re.sub(r"\D", "", n) for n in re.findall(r"\d+(?:[ ,.\u00a0\u202f]\d{3})*", text)}
    return found | {NUMBER_WORDS[w] for w in re.findall(r"\b(\w+)\b", text.lower()) if w in NUMBER_WORDS}


# ---- Every text a reader sees -------------------------------------------------------------------


def _walk(where: str, value: object) -> list[tuple[str, Text]]:
    if isinstance(value, Text):
        return [(where, value)]
    if isinstance(value, BaseModel):
        return [t for name, child in value for t in _walk(f"{where}.{name}", child)]
    if isinstance(value, dict):
        return [t for key, child in value.items() for t in _walk(f"{where}.{key}", child)]
    if isinstance(value, (list, tuple)):
        return [t for index, child in enumerate(value) for t in _walk(f"{where}[{index}]", child)]
    return []


def data_texts() -> list[tuple[str, Text]]:
    """Every text of data/, each with where it sits (every kind of file, new ones included)."""
    out = _walk("data/ui.yml", GUIDE.ui) + _walk("data/objectives.yml", GUIDE.objectives)
    out += _walk("data/audiences.yml", GUIDE.audiences) + _walk("data/campaign.yml", GUIDE.campaign)
    out += _walk("data/contributors.yml", GUIDE.contributors) + _walk("data/glossary.yml", GUIDE.glossary)
    out += _walk("data/calendar.yml", GUIDE.calendar) + _walk("data/questions.yml", GUIDE.questions)
    for entry in [*GUIDE.messages.values(), *GUIDE.activities, *GUIDE.worksheets, *GUIDE.case_studies]:
        out += _walk(entry.path, entry.data)
    assert len(out) > 500, "the walk did not reach every file"
    return out


def page_text(path: Path) -> str:
    """A docs page as readers read it: no markers, no code, link targets dropped."""
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"```.*?```", " ", text, flags=re.S)
    text = re.sub(r"<!--.*?-->", " ", text, flags=re.S)
    text = re.sub(r"`[^`]*`", " ", text)
    return re.sub(r"\]\([^)]*\)", "]", text)


def texts(lang: str) -> list[tuple[str, str]]:
    """(where, text) for every text readers see in one language: data, pages, and the commented
    example file shown on the Contribute page (its comments are in that language)."""
    out = [(where, text[lang]) for where, text in data_texts()]
    out += [(p.relative_to(ROOT).as_posix(), page_text(p)) for p in sorted((ROOT / "docs" / lang).rglob("*.md"))]
    out.append((f"data/examples/message.{lang}.yml", GUIDE.examples[lang]))
    return out


def official_passages() -> list[str]:
    """Names that may be quoted as they stand: the guide's objectives, the glossary's expansions,
    the contributors' organizations, and the official-names list where it is on this machine."""
    names = [*OFFICIAL_OBJECTIVES.values(), *(e.expansion.fr for e in GUIDE.glossary.values())]
    names += [org.name.fr for org in GUIDE.contributors.organizations.values() if org.name]
    if OFFICIAL_NAMES.is_file():
        names += [
            line
            for line in OFFICIAL_NAMES.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")
        ]
    return [same(n).lower() for n in names]


# ==== Fidelity ===================================================================================


def test_the_pinned_facts_are_the_guides():
    """The pins above, against the guide's own text: table of contents, names, sources, hashtags."""
    guide = same(needs_seed("000"))
    toc = {same(title): int(page) for title, page in re.findall(r"^(.+?)\t(\d+)\s*$", seed("000"), re.M)}
    for objective, name in OFFICIAL_OBJECTIVES.items():
        assert toc[same(name)] == SECTION_PAGES[objective], objective
    assert toc["Création d'un plan de communication"] == AFTER_MESSAGES
    for (_objective, _audience), (source, figure) in NAMED_SOURCES.items():
        assert f"Selon le {source}, [{figure} %" in guide
    assert len(re.findall(r"Pew Research Center|Statistique Canada|selon (?:une|l')étude", guide)) == 1
    assert HASHTAG in guide and same(HASHTAG_EXAMPLE) in guide
    for name in CONTRIBUTORS:
        assert name in guide, name
    assert [guide.index(name) for name in CONTRIBUTORS] == sorted(guide.index(name) for name in CONTRIBUTORS)
    if OFFICIAL_NAMES.is_file():
        listed = {same(line) for line in OFFICIAL_NAMES.read_text(encoding="utf-8").splitlines()}
        assert {same(n) for n in OFFICIAL_OBJECTIVES.values()} <= listed


def test_each_objective_is_named_as_the_guide_names_it():
    assert list(GUIDE.objectives) == list(OFFICIAL_OBJECTIVES)  # the guide's order
    for objective_id, objective in GUIDE.objectives.items():
        assert same(objective.title.fr) == OFFICIAL_OBJECTIVES[objective_id], objective_id
        assert objective.short.fr != objective.title.fr  # our short title is ours, shown beside it
    assert [w.objective for w in GUIDE.calendar.weeks] == list(OFFICIAL_OBJECTIVES)  # week N, objective N


def test_figures_in_the_key_messages_are_the_guides():
    for key, entry in GUIDE.messages.items():
        m = entry.data
        for lang in ("fr", "en"):
            shown = " ".join(t[lang] for t in [m.headline, m.message, m.ask] if t)  # the guide's words
            shown += " " + " ".join(f.claim[lang] for f in m.facts)
            shown = shown.replace("K–12", "")  # "de la maternelle au secondaire", not a figure
            assert numbers(shown) == MESSAGE_FIGURES.get(key, set()), (entry.path, lang)
    guide = needs_seed("000")
    for figures in MESSAGE_FIGURES.values():
        for figure in figures:
            assert f"[{figure} %" in guide


def test_only_the_sources_the_guide_names_are_named():
    named = {
        key: (f.source.fr, f.source.en) for key, entry in GUIDE.messages.items() for f in entry.data.facts if f.source
    }
    assert named == {key: (source, source) for key, (source, _) in NAMED_SOURCES.items()}
    for key, (_source, figure) in NAMED_SOURCES.items():
        fact = next(f for f in GUIDE.messages[key].data.facts if f.source)
        assert figure in fact.claim.fr and figure in fact.claim.en  # the source goes with its own claim
    for entry in GUIDE.messages.values():  # a source is named in a fact, never slipped into the text
        for lang in ("fr", "en"):
            words = entry.data.message[lang] + (entry.data.ask[lang] if entry.data.ask else "")
            for source, _ in NAMED_SOURCES.values():
                if source in words:
                    assert entry.key in NAMED_SOURCES, entry.path


def test_every_fact_cites_the_page_of_the_guide_where_its_claim_appears():
    ends = list(SECTION_PAGES.values())[1:] + [AFTER_MESSAGES]
    span = {objective: (first, end) for (objective, first), end in zip(SECTION_PAGES.items(), ends, strict=False)}
    for entry in GUIDE.messages.values():
        first, end = span[entry.data.objective]
        for fact in entry.data.facts:
            last = fact.guide_page_end or fact.guide_page
            assert first <= fact.guide_page <= last <= end, (entry.path, fact.guide_page, last)


def test_an_unnamed_source_reads_as_a_citation_of_the_guide_on_the_card_and_in_the_copied_text():
    renderer = Renderer(GUIDE)
    unnamed = [(e, f) for e in GUIDE.messages.values() for f in e.data.facts if not f.source]
    assert unnamed  # the guide leaves some sources unnamed
    for entry, fact in unnamed:
        for lang, says in (
            ("fr", "Le guide cite une source sans la nommer"),
            ("en", "The playbook cites a source without naming it"),
        ):
            copied, card = renderer.copy_text(entry, lang), renderer.card(entry, lang)
            page = f"p.{NBSP if lang == 'fr' else ' '}{fact.guide_page}"
            for shown in (copied, card):
                assert says in shown and GUIDE.campaign.title.fr in shown and page in shown, (entry.path, lang)
                assert "not named in the text we have" not in shown and "dont nous disposons" not in shown


def test_make_sources_keeps_the_editors_report_with_each_page(capsys):
    from bdw_guide.cli import sources

    assert sources(ROOT, "en") == 0
    report = capsys.readouterr().out
    unnamed = [(e, f) for e in GUIDE.messages.values() for f in e.data.facts if not f.source]
    assert f"{len(unnamed)} claim{'' if len(unnamed) == 1 else 's'}." in report
    for entry, fact in unnamed:
        assert f"| `{entry.path}` | {fact.guide_page}" in report


def test_the_example_file_teaches_a_real_claim_and_its_real_source():
    """The Contribute page's example: its facts are a real message's, word for word, source and page."""
    yaml = YAML(typ="safe")
    for lang in ("fr", "en"):
        example = yaml.load(GUIDE.examples[lang])
        real = GUIDE.message(example["objective"], example["audience"]).data
        facts = [
            {k: (v.model_dump() if isinstance(v, BaseModel) else v) for k, v in f.model_dump().items() if v is not None}
            for f in real.facts
        ]
        assert example["facts"] == facts, lang
        assert any("source" in f for f in example["facts"])  # it shows how a named source is written


def test_where_the_guide_gives_no_ask_the_card_shows_none_and_labels_our_suggestion():
    renderer = Renderer(GUIDE)
    for key, entry in GUIDE.messages.items():
        m = entry.data
        if key in NO_ASK:
            assert m.ask is None, entry.path
            for lang in ("fr", "en"):
                card = renderer.card(entry, lang)
                assert GUIDE.t("the_ask", lang) not in card
                if m.our_suggestion:  # ours, under its own label, with a line saying whose it is
                    assert GUIDE.t("our_suggestion", lang) in card and GUIDE.t("our_suggestion_note", lang) in card
        else:
            assert m.ask is not None and m.our_suggestion is None, entry.path
    assert "ours" in GUIDE.t("our_suggestion_note", "en") and "nôtre" in GUIDE.t("our_suggestion_note", "fr")


def test_a_suggestion_of_ours_is_never_copied_as_the_guides_words():
    renderer = Renderer(GUIDE)
    for entry in GUIDE.messages.values():
        if entry.data.our_suggestion:
            for lang in ("fr", "en"):
                first = renderer.copy_text(entry, lang).split("\n")[0]
                assert " ".join(entry.data.our_suggestion[lang].split()[:6]) not in first


def test_elected_representatives_at_every_level_not_only_mps():
    ask = GUIDE.message("funding", "public").data.ask
    assert "élues et élus" in ask.fr and "tous les ordres de gouvernement" in ask.fr
    assert "elected representatives at every level" in ask.en
    for where, text in texts("en"):
        assert not re.search(r"\bMPs?\b", text), where


def test_the_campaign_hashtag_is_the_guides_and_the_english_one_is_said_to_be_ours():
    assert GUIDE.campaign.hashtag.fr == HASHTAG
    assert "our English counterpart" in GUIDE.t("hashtag_other", "en")
    assert "nous proposons" in GUIDE.t("hashtag_other", "fr")
    for lang in ("fr", "en"):
        for where, text in texts(lang):
            if same(HASHTAG_EXAMPLE) in same(text):  # given as an example, never as something used
                assert re.search(r"exemple|example", text), where
                assert not re.search(r"\bused\b|a utilisé|utilisait", text), where
            if "#BeyondDecentWork" in text and where.startswith("data/activities/"):
                assert "our own counterpart" in text or "nous proposons" in text, where


def test_each_case_study_says_what_kind_of_effort_it_is_wherever_it_is_introduced():
    kinds = {entry.id: entry.data.kind for entry in GUIDE.case_studies}
    assert set(kinds) == set(CASE_KINDS)
    for case_id, (fr, en, _) in CASE_KINDS.items():
        assert fr in kinds[case_id].fr and en in kinds[case_id].en, case_id
    for lang, words in (
        ("fr", ("proposition en cours", "laboratoire de deux jours", "campagne")),
        ("en", ("proposal in progress", "two-day lab", "campaign")),
    ):
        for page in ("index.md", "case-studies/index.md"):
            text = page_text(ROOT / "docs" / lang / page)
            assert all(w in text for w in words), (lang, page)
        for key in ("case_study_questions_intro", "in_practice_intro"):  # shown for each of the three
            assert not re.search(r"campagne|campaign", GUIDE.t(key, lang)), key


def test_case_study_figures_are_their_sources():
    """Every number a case study states appears in the text it is told from."""
    for entry in GUIDE.case_studies:
        source = numbers(needs_seed(CASE_KINDS[entry.id][2]))
        for lang in ("fr", "en"):
            for where, text in _walk(entry.path, entry.data):
                found = numbers(text[lang]) - source
                assert not found, (where, lang, found)
        for figure in entry.data.figures:
            for n in (figure.value, figure.was, figure.to):
                assert n is None or str(n) in source, (entry.path, n)


def test_the_brussels_budget_rises_from_30_to_57_million():
    figure = next(f for e in GUIDE.case_studies if e.id == "j-aime-mon-metier" for f in e.data.figures if f.value == 57)
    assert (figure.was, figure.to) == (30, None)  # from 30 to 57, not a range of increases
    assert "de 30 à 57 millions d’euros" in needs_seed("003").replace("'", "’")


def test_non_marchand_is_the_non_market_sector_not_only_non_profits():
    case = next(e for e in GUIDE.case_studies if e.id == "j-aime-mon-metier")
    for where, text in _walk(case.path, case.data):
        if "non-profit" in text.en:
            assert "non-market" in text.en, where
        assert "sans but lucratif" not in text.fr, where


def test_contributors_are_the_guides_in_its_order():
    assert [p.name for p in GUIDE.contributors.people] == CONTRIBUTORS


@pytest.mark.skipif(not OVERLAP_TOOL.is_file(), reason="the shared overlap tool is not on this machine")
def test_our_own_words_no_copied_or_near_copied_sentence():
    done = subprocess.run(
        [sys.executable, str(OVERLAP_TOOL), "--near"], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stdout[-3000:]


# ==== Words ======================================================================================

# French: one convention, doublets (« décideuses et décideurs ») or an epicene word (« la population
# étudiante », « les personnes salariées »). A masculine noun from this list, used for people of any
# gender, must stand beside its feminine form. Not listed on purpose: nouns that also name
# organizations here (acteurs, partenaires, employeurs, messagers) and epicene ones (spécialistes,
# bénévoles, jeunes, membres, élèves, responsables, fonctionnaires, journalistes).
FEMININE = {
    "décideur": "décideuse",
    "participant": "participante",
    "professionnel": "professionnelle",
    "salarié": "salariée",
    "étudiant": "étudiante",
    "invité": "invitée",
    "intervenant": "intervenante",
    "citoyen": "citoyenne",
    "travailleur": "travailleuse",
    "enseignant": "enseignante",
    "éducateur": "éducatrice",
    "formateur": "formatrice",
    "conseiller": "conseillère",
    "chercheur": "chercheuse",
    "candidat": "candidate",
    "dirigeant": "dirigeante",
    "usager": "usagère",
    "utilisateur": "utilisatrice",
    "abonné": "abonnée",
    "sympathisant": "sympathisante",
    "électeur": "électrice",
    "conférencier": "conférencière",
    "animateur": "animatrice",
    "agent": "agente",
    "expert": "experte",
    "lecteur": "lectrice",
    "facilitateur": "facilitatrice",
    "infirmier": "infirmière",
    "employé": "employée",
    "représentant": "représentante",
    "supérieur": "supérieure",
    "prescripteur": "prescriptrice",
    "communicant": "communicante",
    "élu": "élue",
    "député": "députée",
    "apprenant": "apprenante",
    "diplômé": "diplômée",
    "chômeur": "chômeuse",
    "demandeur": "demandeuse",
    "Canadien": "Canadienne",
    "coordonnateur": "coordonnatrice",
    "évaluateur": "évaluatrice",
}
DETERMINER = r"(?:\b(?:les|des|aux|ces|nos|vos|leurs|ses|de|du|un|le|au|chaque|ce|cet|votre|notre|son|plusieurs|certains|nombreux|quelques)\s+|\b[ld]’)"
BEFORE_NOUN = r"(?:(?:autres|futurs|nouveaux|jeunes|hauts|simples|anciens|principaux)\s+)?"  # "les futurs enseignants"


def masculine_generics(text: str, official: list[str]) -> list[str]:
    """Masculine nouns from FEMININE used for people, with no feminine form near them."""
    flat = re.sub(r"[*_]", "", same(text)).replace("'", "’")  # no Markdown emphasis in the way
    lowered = flat.lower()
    found = []
    for masc, fem in FEMININE.items():
        for match in re.finditer(rf"{DETERMINER}{BEFORE_NOUN}({masc}s?)\b", flat, re.I):
            window = lowered[max(0, match.start() - 60) : match.end() + 60]
            if fem.lower() in window:
                continue  # « décideuses et décideurs », « une conseillère ou un conseiller »
            if flat[match.end() :].startswith(" d’écran"):
                continue  # a screen reader (« lecteur d’écran ») is a program
            if any(match.group(1).lower() in name and name in lowered for name in official):
                continue  # inside an official name
            found.append(match.group(0).strip())
    return found


def test_the_masculine_generic_check_catches_what_it_should():
    assert masculine_generics("Écrivez aux décideurs et aux élèves.", []) == ["aux décideurs"]
    assert masculine_generics("Les décideuses et décideurs, les élèves.", []) == []
    assert masculine_generics("des objectifs professionnels et des professionnels", []) == ["des professionnels"]
    assert masculine_generics("une conseillère ou un conseiller", []) == []
    assert masculine_generics("les futurs enseignants", []) == ["les futurs enseignants"]
    assert masculine_generics("l’Association des employés", ["association des employés"]) == []
    assert masculine_generics("Parlez à l’expert.", []) == ["l’expert"]
    assert masculine_generics("Pensez aux **décideurs**, annoncé aux lecteurs d’écran.", []) == ["aux décideurs"]


def test_french_writes_people_inclusively_everywhere():
    official = official_passages()
    problems = [f"{where}: « {hit} »" for where, text in texts("fr") for hit in masculine_generics(text, official)]
    assert not problems, (
        "masculine generic without its feminine form (write « décideuses et décideurs », or "
        "an epicene word):\n" + "\n".join(problems)
    )


# French anglicisms and calques, with the word to use instead.
ANGLICISMS = {
    r"\brejoi(?:ndre|nt|gn\w*)\b": "toucher, atteindre, joindre (reach); correspondre (match)",
    r"\bpanels?\b": "table ronde, débat",
    r"\bopportunités?\b": "occasion",
    r"\bservices? publics? d[’']emploi\b": "services publics de l’emploi",
    r"\bfai\w* une différence\b": "changer les choses, avoir un effet",
    r"\ben charge de\b": "chargé de, responsable de",
    r"\bsur une base (?:régulière|quotidienne|hebdomadaire)\b": "régulièrement, chaque jour, chaque semaine",
    r"\bfai\w* du sens\b": "avoir du sens",
    r"\b(?:contenus?|publications?) engageante?s?\b": "captivant, mobilisateur",
    r"\bmots?-clés?\b": "mot-clic (hashtag)",
    r"\be-?mails?\b": "courriel",
    r"\bhashtags?\b": "mot-clic",
    r"\bpodcasts?\b": "balado",
    r"\bnewsletters?\b": "infolettre",
    r"\bfeedback\b": "rétroaction, commentaires",
    r"\bchecklist\b": "liste de vérification",
    r"\bbrainstorming\b": "remue-méninges",
    r"\bfocus\b": "accent, priorité",
    r"\bimplémente\w*\b": "mettre en œuvre",
    r"\badresser (?:un|le|les|ce|cet|ces) (?:problème|enjeu|défi)s?\b": "aborder, régler",
    r"\bprendre action\b": "agir",
    r"\bréalise\w* que\b": "se rendre compte que",
    r"\bsite web\b": "site Web",
}
ANGLICISMS_ALLOWED = ("Google Forms", "Tutoriel")  # product names left as they are


def test_french_has_none_of_our_listed_anglicisms():
    problems = []
    for where, text in texts("fr"):
        for pattern, instead in ANGLICISMS.items():
            for match in re.finditer(pattern, same(text)):
                problems.append(f"{where}: « {match.group(0)} » (écrivez plutôt : {instead})")
    assert not problems, "\n".join(problems)


# English: one term per idea, the Canadian usage.
ENGLISH_TERMS = {
    r"\bdecision-makers?\b": "decision maker",
    r"\bpolicy-?makers?\b": "policy maker",
    r"\bpress releases?\b": "news release",
    r"\bre-motivat\w*": "remotivate",
    r"\bpsycho-medical-social\b": "health, psychology and social-service professions",
    r"\bnonprofits?\b": "non-profit",
    r"\be-mails?\b": "email",
    r"\b(?:this|the|our) guide\b(?! Social)|\bguide[’']s\b": "the playbook (keep 'guide' for KEEP IN PACT's)",
}
KEEP_IN_PACT_PAGES = ("docs/en/partnership.md",)


def test_english_uses_one_term_per_idea():
    partnership = {e.path for e in GUIDE.worksheets if e.data.used_on == "partnership"}
    problems = []
    for where, text in texts("en"):
        for pattern, instead in ENGLISH_TERMS.items():
            if "guide" in pattern and (where in KEEP_IN_PACT_PAGES or where.split(".yml")[0] + ".yml" in partnership):
                continue  # the KEEP IN PACT cooperation guide is a guide
            for match in re.finditer(pattern, text, re.I):
                problems.append(f"{where}: '{match.group(0)}' (write: {instead})")
    assert not problems, "\n".join(problems)


def test_the_word_checks_catch_what_they_should():
    def hits(patterns: dict[str, str], text: str) -> int:
        return sum(len(re.findall(p, text, re.I)) for p in patterns)

    assert hits(ANGLICISMS, "rejoindre le public, des panels, une opportunité, les services publics d’emploi") == 4
    assert hits(ANGLICISMS, "toucher le public, des tables rondes, une occasion, les services publics de l’emploi") == 0
    assert hits(ENGLISH_TERMS, "Decision-makers read the press release in this guide") == 3
    assert hits(ENGLISH_TERMS, "Decision makers read the news release in this playbook; decision-making") == 0
