"""The site in a real headless Chromium: switcher, search, copy, overview filter, no outside requests.

Skipped only where no Chromium exists and never under CI=true.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlparse

import pytest

from bdw_guide.render import Renderer
from bdw_guide.text_rules import plain_text

from conftest import GUIDE, LANGS

GUIDE_WORKSHEETS = {entry.id: entry for entry in GUIDE.worksheets}

pytestmark = pytest.mark.browser


def status_says(page, text: str | None = None) -> None:
    """Wait for the worksheet tools' status line (locator waits: a string predicate would be
    refused by the pages' own security policy, which forbids eval)."""
    status = page.locator(".bdw-tools__status")
    if text is None:
        status.filter(has_text=re.compile(r"\S")).wait_for()
    else:
        status.filter(has_text=text).wait_for()


def expect(locator):
    from playwright.sync_api import expect as playwright_expect

    return playwright_expect(locator)


def test_switcher_keeps_the_page(page, server):
    page.goto(f"{server}/messages/audiences/government/")
    page.locator('.md-select__link[hreflang="en"]').click()
    page.wait_for_url(f"{server}/en/messages/audiences/government/")
    assert page.locator("html").get_attribute("lang") == "en"
    page.locator('.md-select__link[hreflang="fr"]').evaluate("a => a.click()")
    page.wait_for_url(f"{server}/messages/audiences/government/")
    assert page.locator("html").get_attribute("lang") == "fr"


def test_switcher_from_the_home_page(page, server):
    page.goto(f"{server}/en/")
    page.locator('.md-select__link[hreflang="fr"]').evaluate("a => a.click()")
    page.wait_for_url(f"{server}/")


def _search(page, query: str) -> list[str]:
    """Search once and read the results. The theme reads the query on a key release, or when its
    search worker has loaded the index if that comes later, and sends only that one full query: the
    first result to appear belongs to it, and the first ten render together."""
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    box.press("End")  # a key release without changing the text
    results = page.locator(".md-search-result__item a")
    results.first.wait_for()
    return results.evaluate_all("links => links.map(a => a.getAttribute('href'))")


def test_french_search_returns_french_pages_only(page, server):
    page.goto(f"{server}/messages/")
    hrefs = _search(page, "carrière")
    assert hrefs
    assert all("/en/" not in urlparse(h).path for h in hrefs), hrefs


def test_english_search_returns_english_pages_only(page, server):
    page.goto(f"{server}/en/messages/")
    hrefs = _search(page, "career")
    assert hrefs
    assert all(urlparse(h).path.startswith("/en/") for h in hrefs), hrefs


def test_french_search_uses_french_stemming(page, server):
    loaded: list[str] = []
    page.context.on("request", lambda request: loaded.append(urlparse(request.url).path))
    page.goto(f"{server}/")
    # The French index makes the search worker load lunr's French pipeline (stemmer, stop words).
    hrefs = _search(page, "financement")
    assert any("messages/objectives/funding/" in h for h in hrefs), hrefs
    assert any(path.endswith("/lunr/min/lunr.fr.min.js") for path in loaded), loaded


def test_english_search_does_not_load_french_stemming(page, server):
    loaded: list[str] = []
    page.context.on("request", lambda request: loaded.append(urlparse(request.url).path))
    page.goto(f"{server}/en/")
    assert _search(page, "funding")
    assert not any("lunr.fr" in path or "lunr.multi" in path for path in loaded), loaded


@pytest.mark.parametrize("lang, prefix", LANGS.items())
def test_copy_puts_the_exact_text_on_the_clipboard(page, server, guide, lang, prefix):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server)
    page.goto(f"{server}/{prefix}messages/audiences/business/")
    expected = Renderer(guide).copy_text(guide.message("funding", "business"), lang)
    card = page.locator("#card-funding-business")
    button = card.locator("button.bdw-copy")
    button.click()
    status = card.locator(".bdw-copy__status")
    status.filter(has_text=guide.t("copy_done", lang)).wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == expected
    assert expected.startswith(plain_text(guide.message("funding", "business").data.headline[lang]) + "\n")


def test_overview_filter_works_with_the_keyboard(page, server):
    page.goto(f"{server}/en/messages/overview/")
    total, per_audience, per_objective = len(GUIDE.messages), len(GUIDE.objectives), len(GUIDE.audiences)
    cells = page.locator("table.bdw-grid tbody td")
    assert cells.count() == total
    link = page.locator('[data-filter="audience"][data-value="government"]')
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/messages/overview/?audience=government")
    visible = page.locator("table.bdw-grid tbody td:visible")
    assert visible.count() == per_audience
    assert set(visible.evaluate_all("cells => cells.map(c => c.dataset.audience)")) == {"government"}
    assert link.get_attribute("aria-current") == "true"
    # the status is spoken a moment after the change (so screen readers hear it again): wait for it
    expect(page.locator(".bdw-filter__status")).to_contain_text(f"{per_audience} of {total}")

    page.keyboard.press("Tab")  # on to the next filter, then choose an objective
    objective = page.locator('[data-filter="objective"][data-value="funding"]')
    objective.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/messages/overview/?objective=funding")
    assert page.locator("table.bdw-grid tbody td:visible").count() == per_objective
    assert page.locator("table.bdw-grid tbody tr:visible").count() == 1

    page.reload()  # the choice is in the URL, so it survives a reload or a shared link
    assert page.locator("table.bdw-grid tbody td:visible").count() == per_objective

    page.locator("[data-filter-reset]").focus()
    page.keyboard.press("Enter")
    assert page.locator("table.bdw-grid tbody td:visible").count() == total
    assert "?" not in page.url


def test_overview_without_javascript_is_plain_links(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{server}/messages/overview/")
    page.locator('[data-filter="audience"][data-value="education"]').click()
    page.wait_for_url(f"{server}/messages/audiences/education/")
    assert page.locator("article.bdw-card").count() == len(GUIDE.objectives)
    assert page.locator("button.bdw-copy:visible").count() == 0  # no dead buttons without JavaScript
    context.close()


def test_no_request_leaves_the_machine(page, server):
    for path in ("/", "/en/", "/messages/overview/", "/en/messages/audiences/public/", "/messages/objectives/funding/"):
        page.goto(server + path)
        page.wait_for_load_state("networkidle")
    _search(page, "funding")
    assert page.outside_requests == []


def _tab_to(page, predicate_js: str, limit: int = 120) -> None:
    """Press Tab until the focused element matches; fail if it never does."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(() => {{ const el = document.activeElement; return !!el && ({predicate_js}); }})()"):
            return
    raise AssertionError(f"Tab never reached an element where {predicate_js}")


def test_keyboard_from_home_to_question_8_then_english(page, server):
    """A keyboard-only reader goes from the French home page to question 8 through the navigation,
    then switches to English and lands on the same question."""
    page.goto(f"{server}/")
    _tab_to(page, "el.matches('nav.md-nav--primary a') && el.getAttribute('href').endsWith('planning/question-8/')")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{server}/planning/question-8/")
    assert page.locator("h1").inner_text().startswith("8.")
    _tab_to(page, "el.matches('.md-select__link[hreflang=en]')")
    assert page.locator('.md-select__link[hreflang="en"]').is_visible(), "the focused language link is shown"
    page.keyboard.press("Enter")
    page.wait_for_url(f"{server}/en/planning/question-8/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text().startswith("8. ")


def test_question_pages_link_to_their_neighbours(page, server):
    page.goto(f"{server}/en/planning/question-4/")
    page.locator(".bdw-question-nav a[rel=next]").click()
    page.wait_for_url(f"{server}/en/planning/question-5/")
    page.locator(".bdw-question-nav a[rel=prev]").click()
    page.wait_for_url(f"{server}/en/planning/question-4/")


# -- worksheets --------------------------------------------------------------------------------


def _worksheet(page, server, path="worksheets/question-1/"):
    page.goto(f"{server}/{path}")
    page.wait_for_selector(".bdw-tools__actions:not([hidden])")  # the script has started


def test_answers_survive_a_reload_and_show_on_the_question_page(page, server):
    _worksheet(page, server)
    page.fill("#ws-question-1-change", "Une politique provinciale d’orientation")
    page.fill("#ws-question-1-problem-2", "Deuxième formulation")
    status_says(page)
    page.reload()
    page.wait_for_selector(".bdw-tools__actions:not([hidden])")
    assert page.input_value("#ws-question-1-change") == "Une politique provinciale d’orientation"
    assert page.input_value("#ws-question-1-problem-2") == "Deuxième formulation"
    page.goto(f"{server}/planning/question-1/")
    assert page.input_value("#ws-question-1-change") == "Une politique provinciale d’orientation"


def test_answers_typed_in_french_appear_on_the_english_worksheet(page, server):
    """The answers are the reader's words, not the page's language: one store per worksheet."""
    _worksheet(page, server, "worksheets/question-1/")
    page.fill("#ws-question-1-change", "Une politique provinciale d’orientation")
    status_says(page)
    page.goto(f"{server}/en/worksheets/question-1/")
    page.wait_for_selector(".bdw-tools__actions:not([hidden])")
    assert page.input_value("#ws-question-1-change") == "Une politique provinciale d’orientation"
    page.fill("#ws-question-1-change", "A provincial guidance policy")
    status_says(page)
    page.goto(f"{server}/planning/question-1/")
    assert page.input_value("#ws-question-1-change") == "A provincial guidance policy"


def test_answers_saved_per_language_by_the_earlier_version_are_kept(page, server):
    """Before answers were shared, each language had its own entry: both move into the shared one
    (the page's language wins where both answered), and the old entries go."""
    _worksheet(page, server, "en/worksheets/question-1/")
    page.evaluate("""() => {
        localStorage.clear();
        localStorage.setItem('bdw-worksheet:v1:fr:question-1', JSON.stringify({'change': 'En français', 'problem.1': 'Problème'}));
        localStorage.setItem('bdw-worksheet:v1:en:question-1', JSON.stringify({'change': 'In English'}));
    }""")
    page.reload()
    page.wait_for_selector(".bdw-tools__actions:not([hidden])")
    assert page.input_value("#ws-question-1-change") == "In English"
    assert page.input_value("#ws-question-1-problem-1") == "Problème"
    keys = page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('bdw-worksheet'))")
    assert keys == ["bdw-worksheet:v2:question-1"]


def test_a_tick_box_is_saved_and_shared(page, server):
    _worksheet(page, server, "en/worksheets/funding-checklist/")
    boxes = page.locator("form.bdw-worksheet input[type=checkbox]")
    assert boxes.count() == len(
        next(f for f in GUIDE_WORKSHEETS["funding-checklist"].data.fields if f.kind == "table").row_labels
    )
    boxes.nth(2).check()
    status_says(page)
    page.goto(f"{server}/worksheets/funding-checklist/")
    page.wait_for_selector(".bdw-tools__actions:not([hidden])")
    assert page.locator("form.bdw-worksheet input[type=checkbox]").nth(2).is_checked()
    assert not page.locator("form.bdw-worksheet input[type=checkbox]").nth(1).is_checked()


def test_export_clear_then_import_restores_the_answers(page, server, tmp_path):
    _worksheet(page, server, "en/worksheets/question-7/")
    page.fill("#ws-question-7-smart-goals", "Two new school partnerships by June")
    page.fill("textarea[name='first-steps.1.2']", "Amira")
    status_says(page)
    with page.expect_download() as download:
        page.get_by_role("button", name="Export my answers").click()
    saved = tmp_path / "answers.json"
    download.value.save_as(saved)
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Clear my answers").click()
    assert page.input_value("#ws-question-7-smart-goals") == ""
    page.reload()
    assert page.input_value("#ws-question-7-smart-goals") == ""
    page.set_input_files(".bdw-tools input[type=file]", str(saved))
    expect(page.locator("#ws-question-7-smart-goals")).not_to_have_value("")
    assert page.input_value("textarea[name='first-steps.1.2']") == "Amira"
    status_says(page, "imported")
    page.reload()
    assert page.input_value("#ws-question-7-smart-goals") == "Two new school partnerships by June"


@pytest.mark.parametrize(
    "content, message",
    [
        ("{ not json", "not a readable answers file"),
        ('{"hello": "world"}', "does not come from this playbook"),
        (
            '{"format": "bdw-worksheet-answers", "version": 1, "lang": "en", "worksheets": {"question-1": {"change": "x"}}}',
            "no answers for this worksheet",
        ),
        (
            '{"format": "bdw-worksheet-answers", "version": 1, "lang": "en", "worksheets": {"question-6": {"strengths": 42}}}',
            "does not come from this playbook",
        ),
    ],
)
def test_a_bad_import_changes_nothing_and_says_why(page, server, tmp_path, content, message):
    _worksheet(page, server, "en/worksheets/question-6/")
    page.fill("#ws-question-6-strengths", "Strong partnerships")
    status_says(page)
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    page.set_input_files(".bdw-tools input[type=file]", str(bad))
    status_says(page, message)
    assert page.get_attribute(".bdw-tools__status", "role") == "alert"
    assert page.input_value("#ws-question-6-strengths") == "Strong partnerships"
    page.reload()
    assert page.input_value("#ws-question-6-strengths") == "Strong partnerships"


def test_an_export_from_one_language_imports_in_the_other(page, server, tmp_path):
    _worksheet(page, server, "worksheets/question-6/")
    page.fill("#ws-question-6-strengths", "Des partenariats solides")
    status_says(page)
    with page.expect_download() as download:
        page.get_by_role("button", name="Exporter mes réponses").click()
    saved = tmp_path / "fr.json"
    download.value.save_as(saved)
    page.evaluate("localStorage.clear()")
    _worksheet(page, server, "en/worksheets/question-6/")
    assert page.input_value("#ws-question-6-strengths") == ""
    page.set_input_files(".bdw-tools input[type=file]", str(saved))
    expect(page.locator("#ws-question-6-strengths")).to_have_value("Des partenariats solides")
    status_says(page, "imported")


def test_export_all_then_import_on_the_index(page, server, tmp_path):
    _worksheet(page, server, "worksheets/question-4/")
    page.fill("textarea[name='messengers.1.1']", "La présidente de l’association")
    status_says(page)
    page.goto(f"{server}/worksheets/")
    with page.expect_download() as download:
        page.get_by_role("button", name="Exporter les réponses de toutes les fiches").click()
    saved = tmp_path / "all.json"
    download.value.save_as(saved)
    data = saved.read_text(encoding="utf-8")
    assert '"lang": "fr"' in data and "La présidente" in data and '"question-8"' in data
    page.evaluate("localStorage.clear()")
    page.set_input_files(".bdw-tools input[type=file]", str(saved))
    status_says(page, "importées")
    page.goto(f"{server}/worksheets/question-4/")
    assert page.input_value("textarea[name='messengers.1.1']") == "La présidente de l’association"


HOSTILE_IDS = ["__proto__", "constructor", "toString", "hasOwnProperty", "no-such-worksheet"]


def _answers_file(tmp_path: Path, lang: str, worksheets: dict) -> Path:
    import json

    path = tmp_path / "answers.json"
    path.write_text(
        json.dumps({"format": "bdw-worksheet-answers", "version": 1, "lang": lang, "worksheets": worksheets}),
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize("lang, prefix", [("en", "en/"), ("fr", "")])
def test_import_skips_ids_that_are_not_real_and_keeps_the_valid_answer(page, server, tmp_path, lang, prefix):
    """Worksheet ids such as __proto__ or constructor, an unknown worksheet and an unknown field are
    skipped and named in the page's language; the one valid answer in the same file is imported."""
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    guide = GUIDE
    _worksheet(page, server, f"{prefix}worksheets/question-6/")
    hostile = {id: {"strengths": "planted", "polluted": "yes"} for id in HOSTILE_IDS}
    hostile["toString"] = "not even an object"
    file = _answers_file(
        tmp_path, lang, {**hostile, "question-6": {"strengths": "Strong local partners", "no-such-field": "x"}}
    )
    page.set_input_files(".bdw-tools input[type=file]", str(file))
    expect(page.locator("#ws-question-6-strengths")).to_have_value("Strong local partners")
    skipped = HOSTILE_IDS + ["question-6 › no-such-field"]
    status = page.locator(".bdw-tools__status")
    status.filter(has_text=guide.t("imported", lang).format(count=1)).wait_for()
    text = status.inner_text()
    expected = guide.t("import_skipped", lang).split("{count}")[1].split("{names}")[0]
    assert f"{len(skipped)}{expected}" in text, text
    for name in skipped[:5]:
        assert name in text, (name, text)
    assert status.get_attribute("role") == "status"
    assert errors == []
    assert page.evaluate("({}).polluted === undefined && ({}).strengths === undefined"), "no prototype was written"
    page.reload()
    assert page.input_value("#ws-question-6-strengths") == "Strong local partners"


def test_import_of_only_unknown_ids_changes_nothing_and_names_them(page, server, tmp_path):
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    _worksheet(page, server, "en/worksheets/question-6/")
    page.fill("#ws-question-6-strengths", "Kept as typed")
    status_says(page)
    file = _answers_file(tmp_path, "en", {"__proto__": {"strengths": "x"}, "constructor": {}, "valueOf": 3})
    page.set_input_files(".bdw-tools input[type=file]", str(file))
    status_says(page, "no answers for this worksheet")
    text = page.locator(".bdw-tools__status").inner_text()
    assert "3 item(s) skipped" in text and "__proto__" in text and "valueOf" in text, text
    assert page.get_attribute(".bdw-tools__status", "role") == "alert"
    assert page.input_value("#ws-question-6-strengths") == "Kept as typed"
    assert errors == []


def test_import_on_the_index_skips_unknown_worksheets(page, server, tmp_path):
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{server}/worksheets/")
    page.wait_for_selector(".bdw-tools__actions:not([hidden])")
    file = _answers_file(
        tmp_path,
        "fr",
        {"__proto__": {}, "constructor": {"x": "y"}, "question-4": {"messengers.1.1": "La mairesse", "__proto__": "z"}},
    )
    page.set_input_files(".bdw-tools input[type=file]", str(file))
    status_says(page, "importées")
    text = page.locator(".bdw-tools__status").inner_text()
    assert "3 élément(s) ignoré(s)" in text and "question-4 › __proto__" in text, text
    assert errors == []
    page.goto(f"{server}/worksheets/question-4/")
    assert page.input_value("textarea[name='messengers.1.1']") == "La mairesse"


def test_print_layout_shows_the_sheet_alone(page, server):
    _worksheet(page, server, "worksheets/question-2/")
    page.emulate_media(media="print")
    for hidden in [".md-header", ".md-sidebar--primary", ".md-footer", ".bdw-tools", ".bdw-eyebrow"]:
        assert not page.locator(hidden).first.is_visible(), hidden
    assert page.locator("article h1").is_visible()
    assert page.locator(".bdw-sheet table.bdw-table--grid").is_visible()
    line = page.evaluate(
        "parseFloat(getComputedStyle(document.querySelector('.bdw-worksheet')).getPropertyValue('--bdw-line'))"
    )
    assert line >= 8, "writing lines at least 8 mm apart"
    header = page.evaluate("getComputedStyle(document.querySelector('.bdw-table thead')).display")
    assert header == "table-header-group"


def test_paper_choice_defaults_to_letter_and_switches_to_a4(page, server):
    _worksheet(page, server, "en/worksheets/question-2/")
    assert page.get_attribute("html", "data-paper") == "letter"
    page.get_by_label("A4 (210 × 297 mm)").check()
    assert page.get_attribute("html", "data-paper") == "a4"
    page.emulate_media(media="print")
    pdf = page.pdf(prefer_css_page_size=True)
    from io import BytesIO

    from pypdf import PdfReader

    box = PdfReader(BytesIO(pdf)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)


def test_worksheet_without_javascript_shows_the_blank_sheet(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{server}/worksheets/question-3/")
    assert page.locator("form.bdw-worksheet textarea").first.is_visible()
    assert not page.locator(".bdw-tools__actions").is_visible()
    assert page.locator(".bdw-tools__pdf a").first.is_visible()
    context.close()


PAGE_TYPES = {
    "home": "/",
    "home (en)": "/en/",
    "audience": "/messages/audiences/education/",
    "objective (en)": "/en/messages/objectives/funding/",
    "overview": "/messages/overview/",
    "question": "/en/planning/question-3/",
    "worksheet": "/worksheets/question-2/",
    "worksheet index (en)": "/en/worksheets/",
    "activities": "/getting-started/",
    "404": "/404.html",
}


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_every_page_type_runs_under_its_security_policy(page, server, kind):
    page.goto(f"{server}{PAGE_TYPES[kind]}")
    policy = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
    assert "script-src 'self' 'sha256-" in policy and "unsafe-inline" not in policy and "http" not in policy
    # The theme's inline scripts ran (they were allowed by hash): its storage helper exists,
    # and its bundle wired the search box.
    assert page.evaluate("typeof __md_get") == "function"
    page.keyboard.press("/")  # Material's search shortcut
    page.keyboard.type("career" if "(en)" in kind or kind in ("question",) else "carrière")
    page.locator(".md-search-result__item").first.wait_for()
    assert page.csp_violations == []


def test_a_script_smuggled_into_the_content_does_not_run(page, server):
    """Stored XSS: a script in the page's content (where contributed text lands) is refused by the
    policy, while the theme's own inline scripts still run."""
    page.expects_csp_violation = True
    url = f"{server}/en/messages/audiences/public/"

    def inject(route) -> None:
        html = route.fetch().text()
        # After the first message card (an <article> inside the page's <article>): still content.
        html = html.replace(
            "</article>",
            '</article><script>window.__smuggled = true</script><img src="x" onerror="window.__smuggled_attr = true">',
            1,
        )
        route.fulfill(body=html, headers={"content-type": "text/html; charset=utf-8"})

    page.route(url, inject)
    with page.expect_console_message(lambda message: "Content Security Policy" in message.text):
        page.goto(url)
    assert page.evaluate("window.__smuggled") is None
    assert page.evaluate("window.__smuggled_attr") is None
    assert page.evaluate("typeof __md_get") == "function"
    assert any("inline script" in v or "event handler" in v for v in page.csp_violations), page.csp_violations
