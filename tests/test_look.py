"""The site's own look and the places it keeps (issue 15): both colour schemes, a header that fits a
phone with the language link at the top right, a footer in the page's language, the switcher that
keeps the reader's place, message cards titled by their headline, activities as a library, pages
that fit a phone, visible worksheet fields, and one 404 for both languages.

Built HTML is parsed with BeautifulSoup; the rest runs in Chromium (skipped only without it, never
under CI=true).
"""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from conftest import GUIDE, ROOT

LANGS = {"fr": "", "en": "en/"}


def soup(site, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "lxml")


# -- identity ---------------------------------------------------------------------------------


@pytest.mark.parametrize("lang, prefix", LANGS.items())
def test_header_has_our_mark_the_language_link_last_and_no_repository_widget(site, lang, prefix):
    page = soup(site, prefix + "messages/overview")
    header = page.select_one("header.md-header")
    assert header.select_one(".md-logo svg.bdw-logo") is not None
    assert header.select(".md-source, .md-header__source") == []
    assert page.select(".md-source") == []  # nor in the phone's menu
    last = header.select_one("nav.md-header__inner").find_all(recursive=False)[-1]
    link = last.select_one("a[hreflang]")
    other = "en" if lang == "fr" else "fr"
    assert link["hreflang"] == other and link.span["lang"] == other
    assert link.get_text(strip=True) == {"en": "English", "fr": "Français"}[other]


@pytest.mark.parametrize("lang, prefix", LANGS.items())
def test_footer_speaks_the_page_language_only(site, lang, prefix):
    footer = soup(site, prefix + "background").select_one("footer.md-footer")
    text = footer.get_text(" ", strip=True)
    assert "Made with" not in text and "Material for MkDocs" not in text
    assert ("CERIC, 2024" in text) and (("Contenu adapté" in text) == (lang == "fr"))


@pytest.mark.parametrize("lang, prefix", LANGS.items())
def test_both_colour_schemes_with_toggles_named_in_the_page_language(site, lang, prefix):
    page = soup(site, prefix)
    options = page.select("form[data-md-component=palette] input.md-option")
    assert [o["data-md-color-media"] for o in options] == [
        "(prefers-color-scheme: light)",
        "(prefers-color-scheme: dark)",
    ]
    names = [o["aria-label"] for o in options]
    assert names == [GUIDE.t("scheme_to_dark", lang), GUIDE.t("scheme_to_light", lang)]
    icon = page.select_one('link[rel="icon"]')
    assert icon["href"].endswith("assets/images/favicon.svg")
    assert (site / "assets/images/favicon.svg").is_file() and (site / "assets/images/logo.svg").is_file()


# -- message cards ----------------------------------------------------------------------------


@pytest.mark.parametrize("lang, prefix", LANGS.items())
def test_each_card_is_titled_by_its_headline_in_the_page_the_contents_and_search(site, lang, prefix):
    import json

    from bdw_guide.text_rules import plain_text

    index = json.loads((site / prefix / "search/search_index.json").read_text(encoding="utf-8"))
    titles = {d["location"]: d["title"] for d in index["docs"]}
    for kind, ids in (("audiences", GUIDE.audiences), ("objectives", GUIDE.objectives)):
        for id_ in ids:
            page = soup(site, f"{prefix}messages/{kind}/{id_}")
            cards = page.select("article.bdw-card")
            assert len(cards) == (len(GUIDE.objectives) if kind == "audiences" else len(GUIDE.audiences))
            # The theme's table of contents turns no-break spaces into spaces.
            toc = [
                " ".join(a.get_text(" ", strip=True).split())
                for a in page.select("nav.md-nav--secondary a.md-nav__link")
            ]
            headlines = []
            for card in cards:
                entry = GUIDE.message(card["data-objective"], card["data-audience"])
                headline = plain_text(entry.data.headline[lang])
                title = page.find(id=card["aria-labelledby"])
                assert title.name == "h2" and title.find_next_sibling() is card
                assert title.get_text(" ", strip=True).rstrip("¶").strip() == headline
                assert " ".join(headline.split()) in toc
                assert titles[f"messages/{kind}/{id_}/#{entry.anchor}"] == headline
                headlines.append(headline)
            assert len(set(headlines)) == len(headlines)


def test_copy_says_it_once_keeps_the_row_and_copies_the_headline_first(page, server):
    from bdw_guide.render import Renderer

    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server)
    page.goto(f"{server}/messages/audiences/government/")
    card = page.locator("#card-integration-government")
    button, link = card.locator("button.bdw-copy"), card.locator("a.bdw-card__permalink")
    before = (button.bounding_box(), link.bounding_box())
    label = button.inner_text()
    button.click()
    status = card.locator(".bdw-copy__status")
    status.filter(has_text=GUIDE.t("copy_done", "fr")).wait_for()
    assert button.inner_text() == label, "the button keeps its label: the status line says it once"
    assert card.get_by_text(GUIDE.t("copy_done", "fr")).count() == 1
    assert page.locator("[role=status]:has-text('" + GUIDE.t("copy_done", "fr") + "')").count() == 1
    after = (button.bounding_box(), link.bounding_box())

    def middle(box):
        return box["y"] + box["height"] / 2

    assert abs(middle(before[0]) - middle(before[1])) < 1, "copy and link share one row on a laptop"
    assert abs(middle(after[0]) - middle(after[1])) < 1, "the next button stays on the copy button's row"
    assert (after[0]["width"], after[1]["x"] - after[0]["x"]) == (before[0]["width"], before[1]["x"] - before[0]["x"])
    copied = page.evaluate("navigator.clipboard.readText()")
    entry = GUIDE.message("integration", "government")
    assert copied == Renderer(GUIDE, ROOT / "overrides" / "bdw").copy_text(entry, "fr")
    assert copied.splitlines()[0] == page.locator("#integration-government").inner_text().rstrip("¶").strip()


def test_an_audience_page_prints_its_cards_compactly_with_citations_and_its_address(page, server, tmp_path):
    pypdf = pytest.importorskip("pypdf")
    page.goto(f"{server}/en/messages/audiences/business/")
    out = tmp_path / "cards.pdf"
    page.pdf(path=str(out), format="Letter")
    reader = pypdf.PdfReader(str(out))
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    cards = len(GUIDE.objectives)
    assert len(reader.pages) <= (cards + 1) // 2, "at least two cards to a Letter page"
    assert "This page’s address: https://" in text and "/en/messages/audiences/business/" in text
    assert sum(text.count(cited) for cited in ("Source:", "Reference:")) >= cards  # each fact's citation
    for objective in GUIDE.objectives:
        headline = " ".join(GUIDE.message(objective, "business").data.headline["en"].split())
        assert headline.replace("*", "") in text
    assert "Copy message" not in text and GUIDE.t("posts_title", "en") not in text


# -- pages that fit: words, worksheet fields, tables on a phone ----------------------------------

BROKEN_WORDS_JS = """(root) => {
    // Every word (a run of letters) laid out on two lines, with the styles that allow the break.
    const found = [];
    const walker = document.createTreeWalker(document.querySelector(root), NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const style = getComputedStyle(node.parentElement);
        for (const match of node.data.matchAll(/[\\p{L}\\p{M}’']+/gu)) {
            const range = document.createRange();
            range.setStart(node, match.index);
            range.setEnd(node, match.index + match[0].length);
            const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
            if (tops.size > 1) found.push({word: match[0], hyphens: style.hyphens,
                                           wrap: style.overflowWrap, wordBreak: style.wordBreak});
        }
    }
    return found;
}"""


@pytest.mark.parametrize("prefix", LANGS.values())
def test_no_word_is_cut_without_a_hyphen_in_the_overview_grid_at_1280(browser, server, prefix):
    """A word may break across lines only by hyphenation (which shows a hyphen): never because the
    theme lets words break anywhere (« Compétenc|es »)."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(f"{server}/{prefix}messages/overview/")
    styles = page.eval_on_selector_all(
        ".bdw-grid th, .bdw-grid td, .bdw-grid a",
        """els => els.map(el => {
        const s = getComputedStyle(el); return [s.overflowWrap, s.wordBreak]; })""",
    )
    broken = page.evaluate(f"({BROKEN_WORDS_JS})('.bdw-grid')")
    context.close()
    assert styles and all(wrap in ("normal",) and brk == "normal" for wrap, brk in styles), set(map(tuple, styles))
    assert all(b["hyphens"] == "auto" and b["wrap"] == "normal" and b["wordBreak"] == "normal" for b in broken), broken


def _luminance(rgb):
    def channel(c):
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(a, b):
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


EDGES_JS = """() => {
    // For each worksheet field: the colour of its visible edge (its own border, or the table cell's
    // when the field has none) and the opaque colour behind it, both as rendered.
    const rgba = c => (c.match(/[\\d.]+/g) || []).map(Number);
    function behind(el) {
        const layers = [];
        for (let e = el; e; e = e.parentElement) {
            const c = rgba(getComputedStyle(e).backgroundColor);
            if (c.length && (c.length < 4 || c[3] > 0)) { layers.push(c); if (c.length < 4 || c[3] === 1) break; }
        }
        let base = [255, 255, 255];
        for (const c of layers.reverse()) {
            const a = c.length < 4 ? 1 : c[3];
            base = base.map((v, i) => Math.round(c[i] * a + v * (1 - a)));
        }
        return base;
    }
    return [...document.querySelectorAll('form.bdw-worksheet textarea, form.bdw-worksheet input[type=text]')]
        .map(field => {
            let edge = field, s = getComputedStyle(field);
            if (parseFloat(s.borderTopWidth) === 0) { edge = field.closest('td'); s = getComputedStyle(edge); }
            const c = rgba(s.borderTopColor);
            const bg = behind(edge.parentElement);
            const a = c.length < 4 ? 1 : c[3];
            return {name: field.name, edge: c.slice(0, 3).map((v, i) => Math.round(v * a + bg[i] * (1 - a))),
                    width: parseFloat(s.borderTopWidth), bg};
        });
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(
    "path",
    [
        "worksheets/communication-plan/",
        "en/worksheets/partnership-evaluation/",
        "en/worksheets/swot/",
        "worksheets/question-1/",
    ],
)
def test_worksheet_field_edges_contrast_3_to_1_with_what_is_behind_them(browser, server, scheme, path):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, color_scheme=scheme)
    page = context.new_page()
    page.goto(f"{server}/{path}")
    fields = page.evaluate(EDGES_JS)
    context.close()
    assert fields
    weak = [
        (f["name"], round(_contrast(f["edge"], f["bg"]), 2))
        for f in fields
        if f["width"] < 1 or _contrast(f["edge"], f["bg"]) < 3
    ]
    assert weak == []


def test_a_long_answer_grows_its_box_instead_of_scrolling_inside_it(page, server):
    page.goto(f"{server}/en/worksheets/question-1/")
    area = page.locator("form.bdw-worksheet textarea").first
    empty = area.bounding_box()["height"]
    area.fill("\n".join(f"Line {n} of a long answer about career services in Manitoba." for n in range(1, 16)))
    grown = area.bounding_box()["height"]
    inner = area.evaluate("a => a.scrollHeight - a.clientHeight")
    assert grown > empty * 1.5 and inner <= 1


@pytest.mark.parametrize("path", ["worksheets/communication-plan/", "en/worksheets/partnership-evaluation/"])
def test_worksheet_tables_stack_into_labelled_blocks_on_a_phone(browser, server, path):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(f"{server}/{path}")
    table = page.locator("table.bdw-table").first
    rows = table.evaluate("""t => [...t.tBodies[0].rows].map(r => ({display: getComputedStyle(r).display,
        width: r.getBoundingClientRect().width,
        labels: [...r.cells].filter(c => c.tagName === 'TD').map(c => getComputedStyle(c, '::before').content)}))""")
    columns = table.evaluate(
        "t => [...t.tHead.rows[0].cells].filter(c => c.tagName === 'TH').map(c => c.textContent.trim())"
    )
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    context.close()
    assert rows and all(r["display"] == "block" and r["width"] > 300 for r in rows)
    assert all([label.strip('"') for label in r["labels"]] == columns for r in rows)
    assert overflow <= 0


# -- the switcher keeps your place ---------------------------------------------------------------


def test_switching_language_keeps_the_filter_and_the_anchor(page, server):
    page.goto(f"{server}/messages/overview/")
    page.locator('[data-filter="audience"][data-value="business"]').click()
    assert page.url.endswith("/messages/overview/?audience=business")
    page.locator('.bdw-lang a[hreflang="en"]').click()
    page.wait_for_url(f"{server}/en/messages/overview/?audience=business")
    shown = page.locator("table.bdw-grid tbody td:visible")
    assert shown.count() == len(GUIDE.objectives)
    assert {cell.get_attribute("data-audience") for cell in shown.all()} == {"business"}
    page.goto(f"{server}/en/messages/audiences/public/#skills-public")
    page.locator('.bdw-lang a[hreflang="fr"]').click()
    page.wait_for_url(f"{server}/messages/audiences/public/#skills-public")
    assert page.evaluate("location.hash") == "#skills-public"
    # With neither, the link is the plain page again.
    page.goto(f"{server}/background/")
    page.locator('.bdw-lang a[hreflang="en"]').focus()
    assert page.locator('.bdw-lang a[hreflang="en"]').get_attribute("href") == "../en/background/"


# -- one 404 for both languages ---------------------------------------------------------------


def test_the_404_page_speaks_both_languages_and_has_no_language_menu(site):
    page = BeautifulSoup((site / "404.html").read_text(encoding="utf-8"), "lxml")
    parts = page.select("article section.bdw-404__part")
    assert [p["lang"] for p in parts] == ["fr", "en"]
    for part in parts:
        lang = part["lang"]
        assert GUIDE.t("not_found_text", lang) in part.get_text(" ", strip=True)
        home = part.select_one("a.md-button")["href"]
        assert home == ("/" if lang == "fr" else "/en/")
        assert all(a["href"].startswith("/") for a in part.select("a[href]"))
    assert {s["lang"] for s in page.select("h1 span[lang]")} == {"fr", "en"}
    assert page.select(".bdw-lang, .md-select, a[hreflang], link[hreflang]") == []
    assert page.select("nav.md-nav--primary") == [] and page.select("label.md-header__button[for=__drawer]") == []
    footer = page.select_one("footer").get_text(" ", strip=True)
    assert "Contenu adapté" in footer and "Content adapted" in footer


def test_the_404_page_from_a_deep_address_leads_home_in_each_language(browser, server):
    """Served as GitHub Pages serves it: the same file for any unknown address, at any depth."""
    import urllib.request

    html = urllib.request.urlopen(f"{server}/404.html").read()
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    deep = f"{server}/en/no/such/page/at/all/"
    page.route(deep, lambda route: route.fulfill(status=404, body=html, headers={"content-type": "text/html"}))
    page.goto(deep)
    assert (
        page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor") != "rgba(0, 0, 0, 0)"
    ), "the theme's stylesheets load from a deep address"
    assert page.locator(".bdw-logo").is_visible()
    page.locator('section[lang="en"] a.md-button').click()
    page.wait_for_url(f"{server}/en/")
    assert page.locator("html").get_attribute("lang") == "en"
    page.goto(deep)
    page.locator('section[lang="fr"] a.md-button').click()
    page.wait_for_url(f"{server}/")
    assert page.locator("html").get_attribute("lang") == "fr"
    context.close()


# -- activities as a library -------------------------------------------------------------------


def test_every_activity_needs_its_page_in_each_language(repo):
    from conftest import mkdocs_build

    (repo / "docs/en/activities/webinar.md").unlink()
    result = mkdocs_build(repo, repo / "site", lang="en")
    assert result.returncode != 0
    assert "data/activities/webinar.yml:1: (file): This activity has no page in docs/en/activities/" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_activity_index_filters_by_kind_with_the_choice_in_the_address(page, server):
    page.goto(f"{server}/en/getting-started/")
    cards = page.locator("li.bdw-activity-card")
    assert cards.count() == len(GUIDE.activities)
    page.locator('.bdw-filter a[data-value="online"]').click()
    online = [a.id for a in GUIDE.activities if a.data.kind == "online"]
    assert page.url.endswith("/en/getting-started/?kind=online")
    visible = page.locator("li.bdw-activity-card:visible h2")
    assert [h.get_attribute("id") for h in visible.all()] == online
    page.locator(".bdw-filter__status").filter(has_text=str(len(online))).wait_for()
    assert page.locator('.bdw-filter a[data-value="online"]').get_attribute("aria-current") == "true"
    # The address alone restores the choice, in the other language too.
    page.locator('.bdw-lang a[hreflang="fr"]').click()
    page.wait_for_url(f"{server}/getting-started/?kind=online")
    assert page.locator("li.bdw-activity-card:visible").count() == len(online)
    page.locator("[data-filter-reset]").click()
    assert page.locator("li.bdw-activity-card:visible").count() == len(GUIDE.activities)
    assert "kind=" not in page.url
    # A card opens its activity.
    page.locator(f"#{online[0]} a").click()
    page.wait_for_url(f"{server}/activities/{online[0]}/")


def test_without_javascript_the_activity_index_lists_all_and_hides_its_filter(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{server}/getting-started/?kind=online")
    assert page.locator("li.bdw-activity-card:visible").count() == len(GUIDE.activities)
    assert not page.locator(".bdw-filter").is_visible()
    context.close()


# -- screenshots for reviewers --------------------------------------------------------------------


def test_screenshots_cover_each_screen_language_and_scheme(site, browser, tmp_path):
    """`make screenshots` (scripts/screenshots.py): one PNG per page type, screen, language and scheme,
    as wide as its screen."""
    import importlib.util
    import struct

    spec = importlib.util.spec_from_file_location("screenshots", ROOT / "scripts" / "screenshots.py")
    shots = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(shots)
    written = shots.shoot(site, tmp_path, only={"audience", "404"}, max_height=900, browser=browser)
    names = sorted(p.name for p in written)
    expected = sorted(
        f"{kind}-{lang}-{scheme}-{screen}.png"
        for kind in ("audience", "404")
        for lang in LANGS
        for scheme in ("light", "dark")
        for screen in ("laptop", "phone")
    )
    assert names == expected
    for path in written:
        head = path.read_bytes()[:24]
        assert head[:8] == b"\x89PNG\r\n\x1a\n"
        width = struct.unpack(">I", head[16:20])[0]
        assert width == (1280 if "laptop" in path.name else 390), path.name


def test_every_kind_of_activity_is_named_in_both_languages():
    from bdw_guide.models import ACTIVITY_KINDS

    for kind in ACTIVITY_KINDS:
        assert GUIDE.ui[f"activity_kind_{kind}"]["fr"] and GUIDE.ui[f"activity_kind_{kind}"]["en"]
    assert {a.data.kind for a in GUIDE.activities} <= set(ACTIVITY_KINDS)


@pytest.mark.parametrize("prefix", LANGS.values())
def test_on_a_phone_the_header_shows_the_whole_name_and_the_language_link_top_right(browser, server, prefix):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(f"{server}/{prefix}messages/audiences/public/")
    name = page.locator(".md-header__topic:first-child .bdw-site-name")
    cut = name.evaluate("el => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1")
    link = page.locator(".bdw-lang a[hreflang]").bounding_box()
    header = page.locator(".md-header").bounding_box()
    context.close()
    assert not cut, "the site's name is not cut off"
    assert link["x"] + link["width"] <= 390 and link["x"] > 390 * 0.6, "the language link sits at the right"
    assert link["y"] >= header["y"] and link["y"] + link["height"] <= header["y"] + header["height"]


TITLE_CUT_JS = """() => {
    // The header's site name, and each name inside it (the 404 page has one per language): cut off
    // across (the theme's ellipsis) or below its lines (the phone's two-line clamp)?
    const name = document.querySelector('.md-header__topic:first-child .bdw-site-name');
    return [name, ...name.querySelectorAll('span[lang]')]
        .filter(el => el.scrollWidth > el.clientWidth || el.scrollHeight > el.clientHeight + 1)
        .map(el => ({text: el.textContent.trim(), scroll: [el.scrollWidth, el.scrollHeight],
                     client: [el.clientWidth, el.clientHeight]}));
}"""


@pytest.mark.parametrize("width", [360, 375])
def test_the_site_name_in_the_header_is_never_cut_off_on_a_phone(browser, server, width):
    """Both languages and the bilingual 404, light scheme (the dark one changes colours only)."""
    context = browser.new_context(viewport={"width": width, "height": 700}, is_mobile=True, has_touch=True)
    page = context.new_page()
    cut = {}
    for path in ("messages/overview/", "en/messages/overview/", "404.html"):
        page.goto(f"{server}/{path}")
        cut[path] = page.evaluate(TITLE_CUT_JS)
    context.close()
    assert cut == {path: [] for path in cut}
