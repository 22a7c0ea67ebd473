"""Share graphics: every message in each language as a square, a landscape and a story PNG, and a
link-preview card for every audience and objective page and for the site, each at its exact size, with
an alt text in its language of at most 250 characters; readable colours (WCAG AA); nothing fetched to
make them; cached by content; offered on every card in a closed panel whose preview loads lazily."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from bdw_guide.graphics import ALT_LIMIT, FORMATS, GraphicTemplates, all_graphics, message_graphic
from bdw_guide.loader import load_guide
from bdw_guide.posts import GRAPHIC_LINE_LIMIT
from bdw_guide.problems import DataError

from conftest import GUIDE, ROOT, make_graphics

GRAPHICS = all_graphics(GUIDE)


def files(site: Path):
    for graphic in GRAPHICS:
        root = site if graphic.lang == "fr" else site / graphic.lang
        for fmt in graphic.formats:
            yield graphic, fmt, root / graphic.path(fmt)


def test_every_message_has_three_formats_and_every_message_page_a_card():
    names = {(g.name, g.lang): g.formats for g in GRAPHICS}
    for lang in ("fr", "en"):
        for objective, audience in GUIDE.messages:
            assert names[(f"{objective}-{audience}", lang)] == ("square", "landscape", "story")
        for audience in GUIDE.audiences:
            assert names[(f"audience-{audience}", lang)] == ("landscape",)
        for objective in GUIDE.objectives:
            assert names[(f"objective-{objective}", lang)] == ("landscape",)
        assert names[("site", lang)] == ("landscape",)
    assert FORMATS == {"square": (1080, 1080), "landscape": (1200, 630), "story": (1080, 1920)}


def test_every_png_has_its_exact_size(site):
    from PIL import Image

    count = 0
    for _graphic, fmt, path in files(site):
        with Image.open(path) as image:
            assert image.format == "PNG" and image.size == FORMATS[fmt], path
        count += 1
    assert (
        count
        == sum(len(g.formats) for g in GRAPHICS)
        == len(GUIDE.messages) * 2 * 3 + (len(GUIDE.audiences) + len(GUIDE.objectives) + 1) * 2
    )


def test_every_graphic_has_an_alt_text_in_its_language():
    for graphic in GRAPHICS:
        other = "en" if graphic.lang == "fr" else "fr"
        alt = graphic.alt
        assert 0 < len(alt) <= ALT_LIMIT, (graphic.name, graphic.lang, len(alt))
        assert (
            graphic.headline in alt
            and graphic.tag == GUIDE.campaign.hashtag[graphic.lang]
            and alt.endswith(graphic.tag)
        )
        assert GUIDE.campaign.hashtag[other] not in alt
    for (objective, audience), entry in GUIDE.messages.items():
        for lang in ("fr", "en"):
            alt = message_graphic(GUIDE, (objective, audience), lang).alt
            assert entry.data.headline[lang].rstrip(".") in alt and GUIDE.audiences[audience].title[lang] in alt


def test_graphic_lines_are_short_and_give_only_the_message_s_figures():
    from bdw_guide.posts import figures, message_figures

    for key, entry in GUIDE.posts.items():
        for lang in ("fr", "en"):
            line = entry.data.graphic[lang]
            assert len(line) <= GRAPHIC_LINE_LIMIT
            assert figures(line) <= message_figures(GUIDE.messages[key].data, lang)
            for fact in GUIDE.messages[key].data.facts:  # a named source travels with its figure
                if fact.source and figures(fact.claim[lang]) & figures(line):
                    assert fact.source[lang] in line


def test_a_graphic_fetches_nothing_and_uses_no_outside_font():
    templates = GraphicTemplates(ROOT / "src" / "bdw_guide" / "templates")
    for graphic in GRAPHICS[:3] + GRAPHICS[-3:]:
        for fmt in graphic.formats:
            html = templates.html(graphic, fmt, "example.org")
            assert not re.search(r"\b(src|href)=|url\(|@import|@font-face|<script", html), (graphic.name, fmt)


def luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_every_text_colour_reaches_wcag_aa_on_the_background():
    css = (ROOT / "src/bdw_guide/templates/share-graphic.css").read_text(encoding="utf-8")
    palette = dict(re.findall(r"--g-([a-z]+):\s*(#[0-9a-fA-F]{6})", css))
    assert {"bg", "fg", "muted", "accent"} <= set(palette)
    for name in ("fg", "muted", "accent"):
        assert contrast(palette[name], palette["bg"]) >= 4.5, name
    # Every colour the graphic's text uses is one of those custom properties.
    assert set(re.findall(r"\bcolor:\s*([^;]+);", css)) == {"var(--g-fg)", "var(--g-muted)", "var(--g-accent)"}


def test_a_rebuild_with_nothing_changed_takes_every_graphic_from_the_cache(site):
    result = make_graphics(site)
    assert result.returncode == 0, result.stderr
    total = sum(len(g.formats) for g in GRAPHICS)
    assert f"{total} files (0 made, {total} from cache)" in result.stdout


# -- problems in a graphic's line are one line each -----------------------------------------------


@pytest.fixture
def root(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    return tmp_path


@pytest.mark.parametrize(
    "text, words",
    [
        (
            "Career support can ease stress, anxiety and depression, and it deserves funding from every level of government.",
            "over its limit of 100",
        ),
        ("90% of us agree: let’s fund career support.", "gives a figure its message does not (90)"),
    ],
)
def test_a_bad_graphic_line_is_one_line(root, text, words):
    path = root / "data/posts/funding/public.yml"
    source = path.read_text(encoding="utf-8")
    old = GUIDE.posts[("funding", "public")].data.graphic["en"]
    path.write_text(source.replace(f'en: "{old}"', f'en: "{text}"'), encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_guide(root)
    found = err.value.report("en").split("\n")[1:]
    line = GUIDE.posts[("funding", "public")].lines["graphic.en"]
    assert len(found) == 1 and found[0].startswith(f"data/posts/funding/public.yml:{line}: graphic.en: "), found
    assert words in found[0]


def test_an_alt_text_over_250_is_one_line(root):
    path = root / "data/messages/funding/public.yml"
    source = path.read_text(encoding="utf-8")
    old = GUIDE.messages[("funding", "public")].data.headline["en"]
    longer = old + ", and so much more than a pay cheque at the end of every month of every year"
    assert f'en: "{old}"' in source
    path.write_text(source.replace(f'en: "{old}"', f'en: "{longer}"'), encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_guide(root)
    found = err.value.report("en").split("\n")[1:]
    assert len(found) == 1 and "graphic.en" in found[0] and "over the 250 that platforms accept" in found[0], found


# -- on the cards ------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang, prefix", [("fr", ""), ("en", "en/")])
def test_every_card_offers_its_graphics_with_their_alt_text(site, lang, prefix):
    from bs4 import BeautifulSoup
    from PIL import Image

    for audience in GUIDE.audiences:
        html = site / prefix / "messages/audiences" / audience / "index.html"
        page = BeautifulSoup(html.read_text(), "lxml")
        for objective in GUIDE.objectives:
            graphic = message_graphic(GUIDE, (objective, audience), lang)
            panel = page.select_one(f"#card-{objective}-{audience} details.bdw-share")
            assert panel is not None and not panel.has_attr("open")
            assert panel.summary.get_text(strip=True) == GUIDE.t("share_title", lang)
            preview = panel.select_one("img")
            assert preview["loading"] == "lazy" and preview["alt"] == graphic.alt
            assert (preview["width"], preview["height"]) == ("1200", "630")
            assert graphic.alt in panel.select_one(".bdw-share__alt").get_text()
            links = panel.select(".bdw-share__files a[download]")
            assert len(links) == len(graphic.formats)
            for link, fmt in zip(links, graphic.formats, strict=False):
                target = (html.parent / link["href"]).resolve()
                with Image.open(target) as image:
                    assert image.size == FORMATS[fmt]
                assert link["download"].endswith(f"{graphic.name}-{FORMATS[fmt][0]}x{FORMATS[fmt][1]}.png")
            assert (html.parent / preview["src"]).resolve() == (html.parent / links[1]["href"]).resolve()
