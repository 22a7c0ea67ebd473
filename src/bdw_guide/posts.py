"""Post drafts for social platforms: each platform's limit, how it counts, and what it links as a hashtag.

A draft is data (`data/posts/<objective>/<audience>.yml`, one text per platform and language); the
campaign hashtag is added at its end by `draft_text`, so a contributor never retypes it and every
count includes it. A draft over its platform's limit is a data problem like any other.

How each platform counts a post (the same rules are ported to `bdw-posts.js` for the live count on
the cards; `tests/test_posts.py` checks both against these):

- **X**: the weighted length of X's open-source `twitter-text` library, configuration v3
  (https://github.com/twitter/twitter-text, `config/v3.json`; "Counting characters",
  https://docs.x.com/fundamentals/counting-characters): the text is NFC-normalized; every URL counts
  23 (`transformedURLLength`), with or without `https://`; an emoji, even a sequence of several code
  points, counts 2; code points in U+0000–U+10FF, U+2000–U+200D, U+2010–U+201F and U+2032–U+2037
  count 1 (Latin, accents, ’ « » –, no-break space), every other one 2 (CJK, and also … U+2026 and
  the narrow no-break space U+202F). Limit 280. Counted here by `twitter-text-parser`, a port of
  that library to Python.
- **Bluesky**: 300 graphemes (user-perceived characters, Unicode UAX #29), the `maxGraphemes` of the
  post record's text (lexicon `app.bsky.feed.post`, github.com/bluesky-social/atproto,
  `lexicons/app/bsky/feed/post.json`). A link
  counts in full, as the record holds it; the Bluesky app may show it shortened, so it can only
  count fewer than we do.
- **Mastodon**: 500 (the default of a Mastodon server; some allow more), counted as Mastodon's
  `StatusLengthValidator` does (app/validators/status_length_validator.rb): every link that starts
  with http:// or https:// counts 23, a mention `@name@server` counts as `@name`, and the rest is
  counted in graphemes.
- **LinkedIn** (3,000), **Instagram** (2,200): characters, as the platforms' help pages state the
  limits. They do not say how they count; we count as a browser measures a text (UTF-16 code units:
  an emoji counts 2), which is never less than the characters one sees. Both fold a post after its
  opening (about 140 characters on LinkedIn before "see more", about 125 on Instagram): the draft's
  first line carries the point and must fit in that opening (`visible`).
- **Facebook**: Meta publishes no limit; 63,206 characters is the ceiling widely reported for a
  post, counted like LinkedIn's. Like Instagram on a phone, the feed folds after about 125
  characters, so the same first-line rule applies, at 125.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import regex
from twitter_text import extract_urls_with_indices, parse_tweet

from .problems import ProblemLog

URL_LENGTH = 23  # X and Mastodon count every link as 23 characters
GRAPHIC_LINE_LIMIT = 100  # characters of the short line on a message's share graphics (graphics.py)


@dataclass(frozen=True)
class Platform:
    id: str  # data-platform on the card, the key in a posts file
    name: str  # the platform's own name, the same in both languages
    limit: int
    counting: str  # "x", "graphemes", "mastodon" or "utf16" (see the module's docstring)
    visible: int | None = None  # characters shown before the platform folds the post ("see more")
    hashtag: str = "word"  # which characters a hashtag may hold: "word" or "bluesky" (see linked_hashtag)


PLATFORMS: dict[str, Platform] = {
    p.id: p
    for p in (
        Platform("x", "X", 280, "x"),
        Platform("bluesky", "Bluesky", 300, "graphemes", hashtag="bluesky"),
        Platform("mastodon", "Mastodon", 500, "mastodon"),
        Platform("linkedin", "LinkedIn", 3000, "utf16", visible=140),
        Platform("instagram", "Instagram", 2200, "utf16", visible=125),
        Platform("facebook", "Facebook", 63206, "utf16", visible=125),
    )
}

_GRAPHEME = regex.compile(r"\X")
_MENTION = regex.compile(r"(?<![\w/@])@(\w+(?:[\w.-]*\w)?)@[\w.-]*\w", regex.UNICODE)


@lru_cache(maxsize=4096)  # a card is on two pages, and the check counts every draft too
def post_length(text: str, platform: str) -> int:
    """The length of `text` as `platform` counts it (see the module's docstring for the rules)."""
    counting = PLATFORMS[platform].counting
    if counting == "x":
        return parse_tweet(text).weightedLength
    if counting == "graphemes":
        return graphemes(text)
    if counting == "mastodon":
        return graphemes(_mastodon_countable(text))
    return utf16_length(text)


def graphemes(text: str) -> int:
    return len(_GRAPHEME.findall(text))


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _mastodon_countable(text: str) -> str:
    """The text as Mastodon measures it: each http(s) link as 23 characters, `@name@server` as `@name`."""
    out, last = [], 0
    for url in extract_urls_with_indices(text, False):
        start, end = url["indices"]
        out += [text[last:start], "x" * URL_LENGTH]
        last = end
    out.append(text[last:])
    return _MENTION.sub(lambda m: "@" + m.group(1), "".join(out))


def opening(text: str) -> str:
    """The first line of a draft: what a folding platform shows before "see more"."""
    return text.split("\n", 1)[0]


# -- hashtags --------------------------------------------------------------------------------------

# A hashtag goes on while its characters are letters, combining marks, digits or the underscore (and
# a few joiners): X's `twitter-text` (its hashtag pattern), Mastodon (`Tag::HASHTAG_RE`: word
# characters, with the separators _ · ・ and the zero-width non-joiner); LinkedIn, Instagram and
# Facebook publish no pattern but say a hashtag holds letters and numbers, no spaces, punctuation or
# symbols, and they end one at a hyphen or an apostrophe like the others. Bluesky's rule
# (atproto `packages/api/src/rich-text/util.ts`, TAG_REGEX) is the exception: a tag runs to the next
# space, then loses its trailing punctuation, so #Au-delàDuTravailDécent is linked whole there.
_WORD_TAG = regex.compile(r"#[\p{L}\p{M}\p{Nd}_\u00b7\u200c\u200d]*")
_BLUESKY_TAG = regex.compile(r"#[^\s\u00ad\u2060\u200a\u200b\u200c\u200d\u20e2]*")
_TRAILING_PUNCTUATION = regex.compile(r"\p{P}+$")
_BREAKS_TAG = regex.compile(r"[^\p{L}\p{M}\p{Nd}_]+")


def linked_hashtag(tag: str, platform: str) -> str:
    """The part of `tag` (written with its #) that `platform` turns into a hashtag link."""
    if PLATFORMS[platform].hashtag == "bluesky":
        found = _BLUESKY_TAG.match(tag)
        linked = _TRAILING_PUNCTUATION.sub("", found.group(0)[1:]) if found else ""
        return "#" + linked
    found = _WORD_TAG.match(tag)
    return found.group(0) if found else "#"


def surviving_hashtag(tag: str) -> str:
    """The form of `tag` that every platform links whole: the characters that end a hashtag (a hyphen,
    an apostrophe, any punctuation or space) are dropped and the next letter is capitalized, so the
    words stay readable: #Au-delàDuTravailDécent → #AuDelàDuTravailDécent,
    #HumainsDuSecteurDeL'emploi → #HumainsDuSecteurDeLEmploi. A tag that every platform already
    links whole is returned as it is."""
    body = unicodedata.normalize("NFC", tag.strip()).lstrip("#")
    parts = [part for part in _BREAKS_TAG.split(body) if part]
    if not parts:
        return "#"
    return "#" + parts[0] + "".join(part[0].upper() + part[1:] for part in parts[1:])


def draft_text(draft: str, hashtag: str) -> str:
    """A draft as offered: its text, a blank line, then the campaign hashtag."""
    return f"{draft.rstrip()}\n\n{hashtag}"


def adapted_text(
    message: str, ask: str, hashtag: str, organization: str = "", figure: str = "", signature: str = "— {organization}"
) -> str:
    """A message as its reader adapts it ("Adapt this message" on the cards, bdw-kit.js writes the same):
    the message, the reader's local figure if any, the ask, their organization's signature if given, then
    the campaign hashtag, paragraphs separated by a blank line."""
    paragraphs = [message.strip()]
    if figure.strip():
        paragraphs.append(figure.strip())
    paragraphs.append(ask.strip())
    if organization.strip():
        paragraphs.append(signature.replace("{organization}", organization.strip()))
    paragraphs.append(hashtag)
    return "\n\n".join(p for p in paragraphs if p)


_FIGURE = re.compile(r"\d+(?:[\u00a0\u202f ,.]\d{3}(?!\d))*")


def figures(text: str) -> set[str]:
    """The numbers a text gives, written without separators ("77 %" and "77%" → "77", "3 000" → "3000"),
    so a draft can be checked against its message: a draft never gives a figure its message lacks."""
    return {re.sub(r"[^\d]", "", match) for match in _FIGURE.findall(text)}


def message_figures(message, lang: str) -> set[str]:
    """Every figure a message gives in `lang`: headline, message, ask (or our labelled suggestion
    where the guide gives none), facts and their sources."""
    texts = [message.headline[lang], message.message[lang]]
    texts += [extra[lang] for extra in (message.ask, getattr(message, "our_suggestion", None)) if extra]
    for fact in message.facts:
        texts += [fact.claim[lang]] + ([fact.source[lang]] if fact.source else [])
    return set().union(*(figures(text) for text in texts))


def check_drafts(posts, message, hashtag, log: ProblemLog, path: Path, lines: dict[str, int]) -> None:
    """Log what is wrong with a message's drafts: a draft over its platform's limit (counted with the
    hashtag added), a first line longer than the opening a folding platform shows, the campaign
    hashtag typed into the text (it is added at the end), a figure the message does not give; and
    with the short line of its share graphics: too long, or a figure the message does not give."""
    for platform in PLATFORMS.values():
        for lang in ("fr", "en"):
            name, draft = f"{platform.id}.{lang}", getattr(posts, platform.id)[lang]
            line = lines.get(name, 1)
            count = post_length(draft_text(draft, hashtag[lang]), platform.id)
            if count > platform.limit:
                log.add(
                    path,
                    line,
                    name,
                    "post_too_long",
                    platform=platform.name,
                    count=count,
                    limit=platform.limit,
                    over=count - platform.limit,
                )
            first = utf16_length(opening(draft))
            if platform.visible and first > platform.visible:
                log.add(
                    path,
                    line,
                    name,
                    "post_opening_too_long",
                    platform=platform.name,
                    count=first,
                    visible=platform.visible,
                )
            if any(tag.casefold() in draft.casefold() for tag in (hashtag[lang], surviving_hashtag(hashtag[lang]))):
                log.add(path, line, name, "post_hashtag_typed", tag=hashtag[lang])
            extra = sorted(figures(draft) - message_figures(message, lang))
            if extra:
                log.add(path, line, name, "post_figure_unknown", figure=", ".join(extra))
    for lang in ("fr", "en"):
        name, text = f"graphic.{lang}", posts.graphic[lang]
        line = lines.get(name, 1)
        if utf16_length(text) > GRAPHIC_LINE_LIMIT:
            log.add(path, line, name, "graphic_line_too_long", count=utf16_length(text), limit=GRAPHIC_LINE_LIMIT)
        extra = sorted(figures(text) - message_figures(message, lang))
        if extra:
            log.add(path, line, name, "graphic_figure_unknown", figure=", ".join(extra))


def drafts_view(posts, hashtag: str, lang: str, number) -> dict:
    """What the card shows of a message's drafts in `lang`: each draft with the hashtag added and its
    count, and the hashtag's forms (what each platform links, the form that survives everywhere).
    `number` writes a number in the page's language."""
    survivor = surviving_hashtag(hashtag)
    drafts = []
    for platform in PLATFORMS.values():
        text = draft_text(getattr(posts, platform.id)[lang], hashtag)
        count = post_length(text, platform.id)
        drafts.append(
            {
                "platform": platform.id,
                "name": platform.name,
                "limit": platform.limit,
                "limit_text": number(platform.limit),
                "count_text": number(count),
                "counting": platform.counting,
                "visible": platform.visible,
                "rule": f"post_rule_{platform.counting}",
                "text": text,
                "rows": min(12, text.count("\n") + 2 + len(text) // 70),
            }
        )
    return {
        "tag": hashtag,
        "survivor": survivor,
        "choice": survivor != hashtag,
        "drafts": drafts,
        "links": [{"name": p.name, "linked": linked_hashtag(hashtag, p.id)} for p in PLATFORMS.values()],
    }
