"""Post drafts for social platforms: every draft of every message fits its platform, counted as that
platform counts (the rules, and where they are published, are in src/bdw_guide/posts.py); a draft
that does not is a data problem on its own line; the campaign hashtag is shown as each platform links
it, with the form that survives everywhere; every card offers its six drafts."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bdw_guide.loader import load_guide
from bdw_guide.posts import (
    PLATFORMS,
    draft_text,
    figures,
    linked_hashtag,
    message_figures,
    opening,
    post_length,
    surviving_hashtag,
)
from bdw_guide.problems import DataError
from bdw_guide.render import number

from conftest import GUIDE, ROOT, kit_style_gzip

POSTS = "data/posts/access/public.yml"
HASHTAG = GUIDE.campaign.hashtag


def drafts():
    for key, entry in GUIDE.posts.items():
        for platform in PLATFORMS.values():
            for lang in ("fr", "en"):
                yield key, entry, platform, lang, getattr(entry.data, platform.id)[lang]


# -- the drafts in data/ ------------------------------------------------------------------------


def test_every_message_has_its_six_drafts_in_both_languages():
    assert set(GUIDE.posts) == set(GUIDE.messages)
    assert len(list(drafts())) == len(GUIDE.messages) * len(PLATFORMS) * 2


def test_every_draft_fits_its_platform_as_the_platform_counts_it():
    over = []
    for _key, entry, platform, lang, draft in drafts():
        count = post_length(draft_text(draft, HASHTAG[lang]), platform.id)
        if not 0 < count <= platform.limit:
            over.append(f"{entry.path}: {platform.id}.{lang}: {count} > {platform.limit}")
    assert not over, "\n".join(over)


def test_folding_platforms_show_the_first_line_whole():
    """LinkedIn, Instagram and Facebook fold a post after its opening: the first line, the point, fits in it."""
    folded = [p for p in PLATFORMS.values() if p.visible]
    assert {p.id for p in folded} == {"linkedin", "instagram", "facebook"}
    for _key, entry, platform, lang, draft in drafts():
        if platform.visible:
            assert len(opening(draft)) <= platform.visible, (entry.path, platform.id, lang)
            assert "\n" in draft, (entry.path, platform.id, lang)  # the point stands alone on its line


def test_drafts_give_no_figure_and_no_hashtag_of_their_own():
    for key, entry, platform, lang, draft in drafts():
        message = GUIDE.messages[key].data
        assert figures(draft) <= message_figures(message, lang), (entry.path, platform.id, lang)
        assert HASHTAG[lang] not in draft and surviving_hashtag(HASHTAG[lang]) not in draft


def test_the_named_source_travels_with_its_figure():
    """The one fact whose source the guide names (Pew Research Center) is credited wherever its figure is."""
    for key, entry, platform, lang, draft in drafts():
        for fact in GUIDE.messages[key].data.facts:
            if fact.source and figures(fact.claim[lang]) & figures(draft):
                assert fact.source[lang] in draft, (entry.path, platform.id, lang)


# -- how each platform counts -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, counts",
    [
        # X: a link is 23 whatever its length, with or without https://; an emoji (even a sequence) is 2;
        # CJK and the ellipsis … are 2; Latin letters, accents, ’ « » and the no-break space are 1.
        ("https://example.org/a/very/long/path/that/goes/on", {"x": 23, "bluesky": 49, "mastodon": 23, "linkedin": 49}),
        ("ceric.ca", {"x": 23, "bluesky": 8, "mastodon": 8, "linkedin": 8}),
        ("👩🏽‍💻", {"x": 2, "bluesky": 1, "mastodon": 1, "linkedin": 7}),
        ("🇨🇦", {"x": 2, "bluesky": 1, "mastodon": 1, "linkedin": 4}),
        ("日本", {"x": 4, "bluesky": 2, "mastodon": 2, "linkedin": 2}),
        ("…", {"x": 2, "bluesky": 1, "mastodon": 1, "linkedin": 1}),
        ("« élève »", {"x": 9, "bluesky": 9, "mastodon": 9, "linkedin": 9}),
        ("e\u0301", {"x": 1, "bluesky": 1, "mastodon": 1, "linkedin": 2}),  # X normalizes (NFC) first
        ("@alice@mastodon.social", {"mastodon": 6, "bluesky": 22}),  # Mastodon counts the name only
    ],
)
def test_each_platform_counts_as_it_publishes(text, counts):
    for platform, expected in counts.items():
        assert post_length(text, platform) == expected, platform
    if "linkedin" in counts:
        assert post_length(text, "instagram") == post_length(text, "facebook") == counts["linkedin"]


def test_the_x_count_follows_the_weighted_ranges():
    # One code point on each side of each range of twitter-text's config v3.
    inside = ["\u10ff", "\u2000", "\u200d", "\u2010", "\u201f", "\u2032", "\u2037"]
    outside = ["\u1100", "\u200e", "\u2020", "\u2038", "\u202f"]
    assert [post_length(c, "x") for c in inside] == [1] * len(inside)
    assert [post_length(c, "x") for c in outside] == [2] * len(outside)


# -- the hashtag, honestly ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "tag, survivor",
    [
        ("#Au-delàDuTravailDécent", "#AuDelàDuTravailDécent"),
        ("#HumainsDuSecteurDeL'emploi", "#HumainsDuSecteurDeLEmploi"),
        ("#HumainsDuSecteurDeL’emploi", "#HumainsDuSecteurDeLEmploi"),
        ("#BeyondDecentWork", "#BeyondDecentWork"),
        ("#Mois-de-la-carrière", "#MoisDeLaCarrière"),
        ("#café_2024", "#café_2024"),
    ],
)
def test_the_surviving_form_drops_what_ends_a_hashtag(tag, survivor):
    assert surviving_hashtag(tag) == survivor
    for platform in PLATFORMS:
        assert linked_hashtag(survivor, platform) == survivor, platform  # every platform links it whole


def test_what_each_platform_links_of_the_campaign_hashtag():
    linked = {platform: linked_hashtag(HASHTAG["fr"], platform) for platform in PLATFORMS}
    assert HASHTAG["fr"] == "#Au-delàDuTravailDécent"
    assert linked == {
        "x": "#Au",
        "mastodon": "#Au",
        "linkedin": "#Au",
        "instagram": "#Au",
        "facebook": "#Au",
        "bluesky": "#Au-delàDuTravailDécent",
    }  # Bluesky ends a tag at a space only
    assert {linked_hashtag(HASHTAG["en"], platform) for platform in PLATFORMS} == {HASHTAG["en"]}


# -- a draft that does not fit is one line of the report ----------------------------------------


@pytest.fixture
def root(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    return tmp_path


def replace_draft(root: Path, rel: str, platform: str, lang: str, text: str) -> int:
    """Put `text` in place of one draft; return the line of its `fr:`/`en:` key."""
    path = root / rel
    lines = path.read_text(encoding="utf-8").split("\n")
    start = lines.index(f"{platform}:")
    key = next(i for i in range(start + 1, len(lines)) if lines[i] == f"  {lang}: |-")
    end = next(i for i in range(key + 1, len(lines)) if not lines[i].startswith("    ") and lines[i])
    lines[key + 1 : end] = ["    " + line if line else "" for line in text.split("\n")]
    path.write_text("\n".join(lines), encoding="utf-8")
    return key + 1


def problems(root: Path, lang: str) -> list[str]:
    with pytest.raises(DataError) as err:
        load_guide(root)
    return err.value.report(lang).split("\n")[1:]


def test_a_draft_over_its_limit_is_one_line_naming_file_line_and_field(root):
    draft = GUIDE.posts[("access", "public")].data.x["fr"]
    longer = draft + " Encore une phrase pour dépasser la limite de X."
    line = replace_draft(root, POSTS, "x", "fr", longer)
    count = post_length(draft_text(longer, HASHTAG["fr"]), "x")
    assert count > PLATFORMS["x"].limit
    fr, en = problems(root, "fr"), problems(root, "en")
    assert fr == [
        f"{POSTS}:{line}: x.fr: Cette publication pour X compte {count} caractères selon le décompte de X, "
        f"au-delà de sa limite de 280 (le mot-clic ajouté à la fin compte aussi). Raccourcissez-la d’au moins "
        f"{count - 280}, en gardant l’idée, la demande et les chiffres tels que le message les donne."
    ]
    assert en == [
        f"{POSTS}:{line}: x.fr: This X draft is {count} long as X counts it, over its limit of 280 (the "
        f"hashtag added at the end counts too). Shorten it by at least {count - 280}, keeping its point, its "
        f"ask and its figures as the message gives them."
    ]


def test_a_link_counts_23_on_x_whatever_its_length(root):
    """A draft that looks too long on paper fits X once its link counts 23, as X counts it."""
    draft = GUIDE.posts[("access", "public")].data.x["en"]
    link = "https://example.org/" + "a" * 200
    shorter = draft.rsplit(" ", 6)[0] + " " + link
    assert len(draft_text(shorter, HASHTAG["en"])) > 280 >= post_length(draft_text(shorter, HASHTAG["en"]), "x")
    replace_draft(root, POSTS, "x", "en", shorter)
    load_guide(root)  # no problem


@pytest.mark.parametrize(
    "platform, lang, text, code_words",
    [
        (
            "linkedin",
            "en",
            "A first line that goes on and on " * 6 + "\n\nThen the rest.",
            "The first line of this LinkedIn draft",
        ),
        (
            "bluesky",
            "fr",
            "Rejoignez #Au-delàDuTravailDécent dès aujourd’hui.",
            "campaign hashtag #Au-delàDuTravailDécent",
        ),
        (
            "mastodon",
            "en",
            "Worried about your job? So are 90% of workers.",
            "gives a figure its message does not (90)",
        ),
    ],
)
def test_other_draft_problems_are_one_line_each(root, platform, lang, text, code_words):
    line = replace_draft(root, POSTS, platform, lang, text)
    found = problems(root, "en")
    assert len(found) == 1 and found[0].startswith(f"{POSTS}:{line}: {platform}.{lang}: "), found
    assert code_words in found[0]


def test_a_message_without_drafts_and_drafts_without_a_message(root):
    (root / POSTS).rename(root / "data/posts/access/publik.yml")
    assert problems(root, "en") == [
        f"{POSTS}: (file): The message data/messages/access/public.yml has no post drafts. Create this file with one "
        "draft per platform (x, bluesky, mastodon, linkedin, instagram, facebook), each with fr: and en:; copy another "
        "file of data/posts and rewrite it.",
        "data/posts/access/publik.yml: (file): This file matches no message: post drafts go in "
        "data/posts/<objective>/<audience>.yml. Rename it after its message's objective (access, skills, integration, "
        "funding) and audience (public, business, government, education).",
    ]


def test_a_missing_platform_is_named(root):
    text = (root / POSTS).read_text(encoding="utf-8")
    (root / POSTS).write_text(text.replace("facebook:", "facebok:"), encoding="utf-8")
    found = problems(root, "en")
    assert len(found) == 1 and "facebok" in found[0] and "facebook" in found[0], found


# -- on the cards ---------------------------------------------------------------------------------


@pytest.mark.parametrize("lang, prefix", [("fr", ""), ("en", "en/")])
def test_every_card_offers_its_six_drafts_in_a_closed_details(site, lang, prefix):
    from bs4 import BeautifulSoup

    for audience in GUIDE.audiences:
        page = BeautifulSoup((site / prefix / "messages/audiences" / audience / "index.html").read_text(), "lxml")
        for objective in GUIDE.objectives:
            card = page.select_one(f"#card-{objective}-{audience}")
            kit = card.select_one("details.bdw-posts")
            assert kit is not None and not kit.has_attr("open")
            assert kit.summary.get_text(strip=True) == GUIDE.t("posts_title", lang)
            boxes = kit.select("[data-platform]")
            assert [b["data-platform"] for b in boxes] == list(PLATFORMS)
            for box in boxes:
                platform = PLATFORMS[box["data-platform"]]
                assert int(box["data-limit"]) == platform.limit
                area = box.select_one("textarea")
                expected = draft_text(
                    getattr(GUIDE.posts[(objective, audience)].data, platform.id)[lang], HASHTAG[lang]
                )
                assert area.get_text() == expected
                label = kit.select_one(f"label[for='{area['id']}']")
                assert platform.name in label.get_text()
                count = box.select_one(f"#{area['aria-describedby'].split()[0]}")
                written = number(post_length(expected, platform.id), lang)
                assert count.get_text() == GUIDE.t("post_count", lang).format(
                    count=written, limit=number(platform.limit, lang)
                )


def test_the_hashtag_choice_shows_what_each_platform_links(site):
    from bs4 import BeautifulSoup

    page = BeautifulSoup((site / "messages/audiences/public/index.html").read_text(), "lxml")
    kit = page.select_one("#card-access-public details.bdw-posts")
    links = [li.get_text(" ", strip=True) for li in kit.select(".bdw-posts__links li")]
    assert links == [
        f"{p.name} : {linked_hashtag(HASHTAG['fr'], p.id)}".replace(" :", "\u00a0:") for p in PLATFORMS.values()
    ]
    values = [radio["value"] for radio in kit.select(".bdw-posts__choice input[type=radio]")]
    assert values == [HASHTAG["fr"], surviving_hashtag(HASHTAG["fr"])]
    english = BeautifulSoup((site / "en/messages/audiences/public/index.html").read_text(), "lxml")
    assert not english.select(".bdw-posts__choice")  # #BeyondDecentWork is linked whole everywhere: nothing to choose


def test_drafts_script_and_style_load_only_where_there_are_cards(site):
    for path, expected in (
        ("messages/audiences/public/index.html", True),
        ("en/messages/objectives/funding/index.html", True),
        ("planning/question-1/index.html", False),
        ("en/index.html", False),
    ):
        html = (site / path).read_text()
        assert ("bdw-posts.js" in html) is expected, path


def test_every_way_of_counting_is_explained_in_both_languages():
    for platform in PLATFORMS.values():
        rule = GUIDE.ui[f"post_rule_{platform.counting}"]
        assert rule.fr and rule.en


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_drafts_add_little_to_a_message_page(site, prefix):
    """Drafts, their script and their style together stay under 10 KB gzip on a message page (the page
    budget for everything we add beyond stock Material is 15 KB)."""
    import gzip
    import re

    assets = len(gzip.compress((site / "assets" / "javascripts" / "bdw-posts.js").read_bytes())) + kit_style_gzip()
    for audience in GUIDE.audiences:
        html = (site / prefix / "messages/audiences" / audience / "index.html").read_text()
        bare = re.sub(r'<details class="bdw-posts".*?</details>', "", html, flags=re.S)
        assert bare != html
        added = len(gzip.compress(html.encode())) - len(gzip.compress(bare.encode())) + assets
        assert added < 10_000, (audience, added)
