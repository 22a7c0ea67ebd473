"""Letters to decision makers: every government card, and every card whose ask is to press government,
offers a letter built on the guide's three elements of a message (an appeal to justice, an appeal to the
reader's own interest, a specific ask); it gives no figure its message lacks; it reads whole before
anything is filled in and opens in a mail app with its subject and body; it says where to find one's
elected representatives, at every level, and to write in the recipient's official language."""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from bdw_guide.letters import FIELDS, PARTS, letter_parts, letter_text, mailto
from bdw_guide.loader import load_guide
from bdw_guide.posts import figures, message_figures
from bdw_guide.problems import DataError

from conftest import GUIDE, ROOT

LETTER = "data/letters/funding/public.yml"
FILLED = {
    "recipient": "Jeanne Tremblay, députée",
    "riding": "Laurier–Sainte-Marie",
    "email": "j.tremblay@example.org",
    "sender": "Sam Lee",
    "organization": "Carrefour carrière",
    "fact": "Ici, 1 personne sur 3 attend (sondage).",
    "meeting": False,
}


def mail_parts(href: str) -> tuple[str, str, str]:
    """(address, subject, body) of a mailto: link, decoded as a mail app does."""
    split = urlsplit(href)
    assert split.scheme == "mailto"
    query = parse_qs(split.query, keep_blank_values=True)
    return unquote(split.path), query["subject"][0], query.get("body", [""])[0]


# -- which cards, what a letter says ---------------------------------------------------------------


def test_every_government_card_and_every_ask_to_press_government_has_a_letter():
    government = {key for key in GUIDE.messages if key[1] == "government"}
    assert government and government <= set(GUIDE.letters)
    # Beyond government, the messages whose ask is to contact or urge government (its word in the ask).
    press = {
        key
        for key, entry in GUIDE.messages.items()
        if key[1] != "government"
        and entry.data.ask is not None
        and any(word in entry.data.ask["en"] for word in ("government", " MP "))
    }
    assert press and set(GUIDE.letters) == government | press


def test_a_letter_holds_the_three_elements_of_a_message_in_both_languages():
    for _key, entry in GUIDE.letters.items():
        for lang in ("fr", "en"):
            parts = letter_parts(entry.data, GUIDE.ui, lang)
            text = letter_text(parts)
            for part in ("justice", "interest", "ask"):
                assert parts[part] in text, (entry.path, lang, part)
            assert text.index(parts["justice"]) < text.index(parts["interest"]) < text.index(parts["ask"])


def test_letters_give_no_figure_their_message_lacks():
    for key, entry in GUIDE.letters.items():
        for part in PARTS:
            for lang in ("fr", "en"):
                assert figures(getattr(entry.data, part)[lang]) <= message_figures(GUIDE.messages[key].data, lang)


def test_the_letter_says_elected_representatives_at_every_level_not_only_mps():
    for lang in ("fr", "en"):
        frame = " ".join(
            GUIDE.t(f"letter_{name}", lang) for name in ("find", "find_federal", "find_provincial", "find_municipal")
        )
        assert "MP" not in frame.split() and "député " not in frame
    assert len(GUIDE.representatives.legislatures) == 13  # ten provinces and three territories


# -- the letter as text and as a mailto: link --------------------------------------------------------


def test_blank_fields_show_what_to_fill_in_and_filled_ones_replace_them():
    parts = letter_parts(GUIDE.letters[("funding", "public")].data, GUIDE.ui, "fr")
    blank = letter_text(parts)
    for name in ("recipient", "riding", "sender"):
        assert parts[f"blank_{name}"] in blank
    assert parts["meeting_text"] in blank and parts["opening"] in blank
    filled = letter_text(parts, FILLED)
    for name in ("recipient", "riding", "sender", "organization", "fact"):
        assert FILLED[name] in filled, name
    assert not any(parts[f"blank_{name}"] in filled for name in ("recipient", "riding", "sender"))
    assert parts["meeting_text"] not in filled  # no meeting asked for
    assert parts["opening_org"].replace("{organization}", FILLED["organization"]) in filled
    assert "{" not in filled and FILLED["email"] not in filled  # the address goes in the mail, not the letter


def test_the_mailto_link_carries_the_subject_and_the_body():
    parts = letter_parts(GUIDE.letters[("access", "government")].data, GUIDE.ui, "en")
    body = letter_text(parts, FILLED)
    href = mailto("j.tremblay@example.org", parts["subject"], body)
    assert " " not in href and "\n" not in href and "%0D%0A" in href  # line breaks as CRLF (RFC 6068)
    address, subject, sent = mail_parts(href)
    assert (address, subject, sent.replace("\r\n", "\n")) == ("j.tremblay@example.org", parts["subject"], body)
    assert mail_parts(mailto("", "a & b?", "x=1&y=2#z"))[1:] == ("a & b?", "x=1&y=2#z")


# -- a problem in a letter is one line ------------------------------------------------------------


@pytest.fixture
def root(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    return tmp_path


def problems(root: Path, lang: str = "en") -> list[str]:
    with pytest.raises(DataError) as err:
        load_guide(root)
    return err.value.report(lang).split("\n")[1:]


def test_a_figure_the_message_lacks_is_one_line(root):
    path = root / LETTER
    path.write_text(
        path.read_text(encoding="utf-8").replace("I ask you to speak up", "I ask you, as 90% of us do, to speak up"),
        encoding="utf-8",
    )
    line = GUIDE.letters[("funding", "public")].lines["ask.en"]
    found = problems(root)
    assert len(found) == 1 and found[0].startswith(f"{LETTER}:{line}: ask.en: ") and "(90)" in found[0], found
    assert "Cette lettre donne un chiffre que son message ne donne pas (90)" in problems(root, "fr")[0]


def test_a_brace_in_a_letter_is_one_line(root):
    path = root / LETTER
    path.write_text(
        path.read_text(encoding="utf-8").replace("I ask you to speak up", "I ask {recipient} to speak up"),
        encoding="utf-8",
    )
    found = problems(root)
    assert len(found) == 1 and "ask.en" in found[0] and "{" in found[0], found


def test_a_letter_for_no_message_and_an_unsafe_address_are_named(root):
    (root / LETTER).rename(root / "data/letters/funding/publik.yml")
    reps = root / "data/representatives.yml"
    reps.write_text(
        reps.read_text(encoding="utf-8").replace("https://www.leg.bc.ca/members", "http://www.leg.bc.ca/members"),
        encoding="utf-8",
    )
    found = problems(root)
    assert len(found) == 2, found
    assert found[0].startswith("data/letters/funding/publik.yml: (file): This file matches no message")
    assert (
        found[1].startswith("data/representatives.yml:")
        and "legislatures[9].url" in found[1]
        and "https://" in found[1]
    )


# -- on the cards ----------------------------------------------------------------------------------


@pytest.mark.parametrize("lang, prefix", [("fr", ""), ("en", "en/")])
def test_cards_offer_their_letter_closed_readable_and_ready_to_mail(site, lang, prefix):
    from bs4 import BeautifulSoup

    seen = 0
    for audience in GUIDE.audiences:
        html = site / prefix / "messages/audiences" / audience / "index.html"
        page = BeautifulSoup(html.read_text(), "lxml")
        for objective in GUIDE.objectives:
            card = page.select_one(f"#card-{objective}-{audience}")
            letter = card.select_one("details.bdw-letter")
            if (objective, audience) not in GUIDE.letters:
                assert letter is None
                continue
            seen += 1
            assert not letter.has_attr("open") and letter.summary.get_text(strip=True) == GUIDE.t("letter_title", lang)
            parts = letter_parts(GUIDE.letters[(objective, audience)].data, GUIDE.ui, lang)
            text = letter.select_one("textarea.bdw-letter__text")
            assert text.get_text() == letter_text(parts) and text.has_attr("readonly")
            assert letter.find("label", attrs={"for": text["id"]})
            # Without the script, the mail app opens with the subject (the script adds the letter as its body).
            href = letter.select_one("a.bdw-letter__mail")["href"]
            assert href == mailto("", parts["subject"], "") and parse_qs(urlsplit(href).query)["subject"] == [
                parts["subject"]
            ]
            names = {field["name"] for field in letter.select(".bdw-kit__fields [name]")}
            assert names == set(FIELDS)
            for field in letter.select(".bdw-kit__fields [name]"):
                assert letter.find("label", attrs={"for": field["id"]}), field["name"]
            # Where to find one's representatives: federal by postal code in this language, every legislature.
            links = [a["href"] for a in letter.select(".bdw-letter__find a")]
            assert links[0] == GUIDE.representatives.federal.url[lang]
            assert len(links) == 1 + len(GUIDE.representatives.legislatures)
            # The same letter in the other official language, on the same card.
            other = letter.select_one(".bdw-kit__note a[hreflang]")
            target = (html.parent / other["href"].split("#")[0]).resolve() / "index.html"
            assert target.is_file() and f'id="{other["href"].split("#")[1]}"' in target.read_text()
    assert seen == len(GUIDE.letters)


def test_a_page_in_the_other_language_says_so(site):
    from bs4 import BeautifulSoup

    page = BeautifulSoup((site / "en/messages/audiences/government/index.html").read_text(), "lxml")
    quebec = page.select_one("#bdw-letter-funding-government .bdw-letter__find a[hreflang=fr]")
    assert quebec is not None and "(in French)" in quebec.parent.get_text()
