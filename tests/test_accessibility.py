"""WCAG 2.1 AA in a real Chromium: axe-core on every written page and on samples of each family of
generated pages (see page_urls) in both languages, on a phone and in the dark scheme, the keyboard on
one page of each type, visible focus, reduced motion and 200 % zoom.

axe-core comes from node_modules (`npm ci` from the committed lockfile). Like every browser test,
these skip only where no Chromium or axe exists, and never under CI=true.
"""

from __future__ import annotations

import json
import os
import re

import pytest

from conftest import GUIDE, ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]

pytestmark = pytest.mark.browser


# Pages made from one template and one kind of data file: the sweep takes some of each, in turn by
# language, instead of all (each costs about half a second of Chromium on two cores).
FAMILIES = ("messages/audiences", "messages/objectives", "activities", "case-studies", "worksheets")


def _worksheet_shape(worksheet_id: str) -> tuple:
    """What changes a worksheet page's markup: its kinds of fields, ticked columns, named boxes."""
    entry = next((w for w in GUIDE.worksheets if w.id == worksheet_id), None)
    if entry is None:  # the index, my plan
        return (worksheet_id,)
    fields = entry.data.fields
    return (
        tuple(sorted({f.kind for f in fields})),
        any(c.tick for f in fields for c in f.columns or []),
        any(f.cells for f in fields),
    )


def page_urls() -> list[str]:
    """Every page of both language trees, as site paths ("", "planning/question-1/", "en/..."), and
    404, except that of each family of generated pages (FAMILIES) French takes the first and the last
    and English the second and the middle one; of worksheets, one of each shape per language."""
    urls = []
    for lang, prefix in (("fr", ""), ("en", "en/")):
        pages = []
        for md in sorted((ROOT / "docs" / lang).rglob("*.md")):
            rel = md.relative_to(ROOT / "docs" / lang).with_suffix("").as_posix()
            rel = rel.removesuffix("index").rstrip("/")
            pages.append(rel)
        for rel in pages:
            family = next((f for f in FAMILIES if rel.startswith(f + "/")), None)
            if family == "worksheets":
                shape = _worksheet_shape(rel.split("/")[-1])
                same = [p for p in pages if p.startswith("worksheets/") and _worksheet_shape(p.split("/")[-1]) == shape]
                if rel != (same[0] if lang == "fr" else same[-1]):
                    continue
            elif family:
                members = [p for p in pages if p.startswith(family + "/")]
                picks = (
                    {members[0], members[-1]}
                    if lang == "fr"
                    else {members[min(1, len(members) - 1)], members[len(members) // 2]}
                )
                if rel not in picks:
                    continue
            urls.append(prefix + (rel + "/" if rel else ""))
    return urls + ["404.html"]


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.exists():
        if os.environ.get("CI") == "true":
            pytest.fail("node_modules/axe-core is missing under CI=true: .ci/run must run npm ci")
        pytest.skip("axe-core is not installed (run npm ci)")
    return AXE.read_text(encoding="utf-8")


SETTLED = """Promise.race([new Promise(done => setTimeout(done, 2000)),
  Promise.all(document.getAnimations().map(a => a.finished)).then(() => new Promise(done => {
    const at = () => [...document.querySelectorAll('.md-sidebar__scrollwrap')].map(e => e.scrollTop).join();
    let last = at(), still = 0;
    const tick = () => { const now = at(); still = now === last ? still + 1 : 0; last = now;
                         if (still >= 3) done(); else requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  }))])"""


def axe_violations(page, axe_source: str | None, context: str = "document") -> list[str]:
    # Evaluated through the DevTools protocol, so the pages' own policy (no eval, no inline
    # script) does not stop the checker itself. None: the page already has it (see axe_page).
    if axe_source is not None:
        page.evaluate(axe_source)
    # Colours are judged once the page is still: the theme's transitions (navigation, search
    # results) ended and the sidebar done scrolling to the current page.
    page.evaluate(SETTLED)
    # resultTypes: only violations are read, so axe skips collecting the passes (half its time).
    found = page.evaluate(f"""axe.run({context}, {{runOnly: {{type: 'tag', values: {json.dumps(TAGS)}}},
                                                  resultTypes: ['violations']}})
        .then(r => r.violations.map(v => v.id + ' (' + v.impact + '): ' +
              v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')))""")
    return found


@pytest.fixture(scope="module")
def axe_context(browser, axe_source):
    """One context for the every-page sweep, with axe-core loaded into each document as it opens
    (the browser's own init script, which the pages' policy does not govern)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(axe_source)
    yield context
    context.close()


@pytest.fixture
def axe_page(axe_context):
    """A fresh page of that context; policy violations it reports fail the test."""
    page = axe_context.new_page()
    page.set_default_timeout(10_000)
    violations: list[str] = []
    page.on("console", lambda msg: violations.append(msg.text) if "Content Security Policy" in msg.text else None)
    page.csp_violations = violations
    yield page
    page.close()


@pytest.mark.parametrize("path", page_urls())
def test_axe_finds_nothing_on_any_page(axe_page, server, path):
    axe_page.goto(f"{server}/{path}")
    assert axe_violations(axe_page, None) == [], path
    assert axe_page.csp_violations == [], path


@pytest.mark.parametrize(
    "path",
    ["", "en/messages/overview/", "planning/question-2/", "en/worksheets/swot/", "case-studies/j-aime-mon-metier/"],
)
def test_axe_finds_nothing_on_a_phone(browser, server, axe_source, path):
    """The narrow layout shows parts the wide one hides (the drawer navigation, the search button)."""
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(f"{server}/{path}")
    found = axe_violations(page, axe_source)
    context.close()
    assert found == [], path


# One page of each type, in the dark scheme the system asks for and in the scheme the toggle sets
# (the light pages above follow the test browser's default, light).
DARK_PAGES = [
    "",
    "en/messages/audiences/public/",
    "messages/objectives/skills/",
    "en/messages/overview/",
    "planning/question-2/",
    "en/worksheets/swot/",
    "getting-started/",
    "en/activities/op-ed/",
    "case-studies/j-aime-mon-metier/",
    "en/partnership/",
    "404.html",
]


@pytest.mark.parametrize("path", DARK_PAGES)
def test_axe_finds_nothing_in_the_dark_scheme(browser, server, axe_source, path):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="dark")
    page = context.new_page()
    page.goto(f"{server}/{path}")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    found = axe_violations(page, axe_source)
    context.close()
    assert found == [], path


def test_axe_finds_nothing_after_the_toggle_on_a_phone(browser, server, axe_source):
    """The toggle switches scheme whatever the system says; its choice is kept from page to page."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(f"{server}/en/messages/audiences/business/")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "default"
    page.locator("label[for=__palette_1]").click()
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    assert axe_violations(page, axe_source) == []
    page.goto(f"{server}/en/messages/overview/")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    found = axe_violations(page, axe_source)
    context.close()
    assert found == []


def test_axe_finds_nothing_with_search_results_open(page, server, axe_source):
    page.goto(f"{server}/en/")
    page.keyboard.press("/")
    page.keyboard.type("funding")
    page.locator(".md-search-result__item").first.wait_for()
    assert axe_violations(page, axe_source) == []


def test_axe_finds_nothing_on_a_filtered_overview_and_a_filled_worksheet(page, server, axe_source):
    page.goto(f"{server}/messages/overview/")
    page.locator('[data-filter="audience"][data-value="government"]').click()
    assert axe_violations(page, axe_source) == []
    page.goto(f"{server}/en/worksheets/question-1/")
    page.wait_for_selector(".bdw-tools__actions:not([hidden])")
    page.locator("textarea").first.fill("More people in Manitoba use career services.")
    page.locator(".bdw-tools__status").filter(has_text="aved").wait_for()
    assert axe_violations(page, axe_source) == []


# -- keyboard --------------------------------------------------------------------------------------


def focus_is_visible(page) -> bool:
    """The focused element shows a focus ring: an outline or a box shadow, not hidden."""
    return page.evaluate("""(() => {
        let el = document.activeElement;
        if (!el || el === document.body) return false;
        // The colour-scheme toggle is a radio button drawn by its label: the ring is on the label.
        if (el.matches('input.md-option')) el = el.nextElementSibling;
        const s = getComputedStyle(el);
        const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
        const r = el.getBoundingClientRect();
        return ring && r.width > 0 && r.height > 0;
    })()""")


def tab_to(page, predicate_js: str, limit: int = 200) -> list[str]:
    """Press Tab until the focused element matches; every stop on the way must show its focus.
    Returns the order of the stops (tag#id.class), so tests can check it is a sensible one."""
    stops = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        info = page.evaluate(f"""(() => {{ const el = document.activeElement;
            return {{hit: !!el && ({predicate_js}), name: el ? el.tagName + '.' + el.className : ''}}; }})()""")
        stops.append(info["name"])
        assert focus_is_visible(page), f"no visible focus on {info['name']}"
        if info["hit"]:
            return stops
    raise AssertionError(f"Tab never reached an element where {predicate_js}")


def test_keyboard_search_from_any_page(page, server):
    page.goto(f"{server}/en/background/")
    tab_to(
        page, "el.matches('label.md-search__icon, .md-header__button[for=__search]') || el.matches('.md-search__input')"
    )
    if not page.evaluate("document.activeElement.matches('.md-search__input')"):
        page.keyboard.press("Enter")  # the magnifier (narrow screens) opens the search box
    assert page.evaluate("document.activeElement.matches('.md-search__input')")
    page.keyboard.type("hashtag")
    page.locator(".md-search-result__item").first.wait_for()
    page.keyboard.press("ArrowDown")  # the theme moves through results with the arrow keys
    assert page.evaluate("document.activeElement.matches('.md-search-result__link')")
    assert focus_is_visible(page)
    target = page.evaluate("document.activeElement.href")
    page.keyboard.press("Enter")
    page.wait_for_url(target)
    assert "/en/" in page.url and page.url != f"{server}/en/background/"


def test_keyboard_overview_filter_and_copy(page, server):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(f"{server}/en/messages/overview/")
    tab_to(page, "el.matches('[data-filter=objective][data-value=funding]')")
    page.keyboard.press("Enter")
    visible = page.locator("table.bdw-grid tbody td:visible")
    assert all(cell.get_attribute("data-objective") == "funding" for cell in visible.all())
    page.goto(f"{server}/en/messages/audiences/education/")
    tab_to(page, "el.matches('button.bdw-copy')")
    page.keyboard.press("Enter")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert "career" in copied.lower() and len(copied) > 100
    page.evaluate("navigator.clipboard.writeText('')")
    page.keyboard.press(" ")  # Space works on the same button
    page.locator(".bdw-copy__status").first.filter(has_text=re.compile(r"\S")).wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == copied


def test_keyboard_worksheet_fields_paper_export_and_import(page, server, tmp_path):
    page.goto(f"{server}/en/worksheets/question-7/")
    page.wait_for_selector(".bdw-tools__actions:not([hidden])")
    stops = tab_to(page, "el.matches('input[name=bdw-paper][value=letter]')")
    page.keyboard.press("ArrowRight")  # radio group: arrows move the choice
    assert page.evaluate("document.documentElement.dataset.paper") == "a4"
    tab_to(page, "el.matches('[data-action=export]')")
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    saved = tmp_path / "answers.json"
    download.value.save_as(saved)
    tab_to(page, "el.matches('[data-action=import]')")
    reached = page.evaluate_handle("document.activeElement")  # the field Tab reached, pressed as a key
    with page.expect_file_chooser() as chooser:
        reached.as_element().press(" ")
    chooser.value.set_files(str(saved))
    page.locator(".bdw-tools__status").filter(has_text="mport").wait_for()
    tab_to(page, "el.matches('textarea, input[type=text]')")
    page.keyboard.type("Reach 500 clients by June")
    assert page.evaluate("document.activeElement.value") == "Reach 500 clients by June"
    # The order follows the page: the paper choice comes before the actions, both before the form.
    assert stops[-1].startswith("INPUT")


def test_keyboard_language_switcher_on_a_case_study(page, server):
    page.goto(f"{server}/case-studies/j-aime-mon-metier/")
    tab_to(page, "el.matches('.md-select__link[hreflang=en]')")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{server}/en/case-studies/j-aime-mon-metier/")


# -- motion and zoom -------------------------------------------------------------------------------

PAGE_TYPES = [
    "",
    "en/messages/audiences/public/",
    "messages/overview/",
    "en/planning/question-2/",
    "worksheets/communication-plan/",
    "en/case-studies/j-aime-mon-metier/",
    "partnership/",
]


@pytest.mark.parametrize("path", PAGE_TYPES)
def test_no_horizontal_scrolling_at_200_percent_zoom(browser, server, path):
    """A 1280 px window at 200 % zoom lays pages out in 640 CSS pixels."""
    context = browser.new_context(viewport={"width": 640, "height": 450}, device_scale_factor=2)
    page = context.new_page()
    page.goto(f"{server}/{path}")
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    context.close()
    assert overflow <= 0, f"{path}: {overflow}px of horizontal scrolling"


def test_reduced_motion_is_honoured(browser, server):
    context = browser.new_context(reduced_motion="reduce")
    page = context.new_page()
    page.goto(f"{server}/en/messages/overview/")
    durations = page.evaluate("""[...document.querySelectorAll('a, button, .md-header, .md-search__inner, .md-nav__link')]
        .slice(0, 200).map(el => getComputedStyle(el).transitionDuration.split(',').map(parseFloat))
        .flat()""")
    behaviour = page.evaluate("getComputedStyle(document.documentElement).scrollBehavior")
    context.close()
    assert max(durations) < 0.001 and behaviour == "auto"
