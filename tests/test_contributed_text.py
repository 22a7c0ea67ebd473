"""One rule for every text a contributor writes, wherever it lands: data of every kind, UI strings
and navigation titles, docs/ page bodies and their front matter. Hostile markup is refused with one
line (file, line, field, what is wrong, how to fix it), and it is detected by parsing, so its
variants (case, whitespace, entities, reference-style links, attribute lists) are caught too.

The payloads are grouped by class; `HOSTILE` counts them (the closing note of issue 13 reports it).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from bdw_guide.loader import load_guide
from bdw_guide.pages import Theme, check_page, safe_meta, safe_title
from bdw_guide.problems import DataError, ProblemLog
from bdw_guide.text_rules import MARKDOWN_EXTENSIONS, render_markdown, sanitize, text_problems, tooltip_safe
from bdw_guide.yaml_source import read_yaml

ROOT = Path(__file__).resolve().parent.parent
OUT = "elsewhere.example"

# class -> [(payload, expected problem code)]
HOSTILE: dict[str, list[tuple[str, str]]] = {
    "script": [
        ("<script>alert(1)</script>", "unsafe_script"),
        ("<SCRIPT >alert(1)</SCRIPT>", "unsafe_script"),
        ("<script\n>alert(1)</script>", "unsafe_script"),
        (f"<script src=//{OUT}/x.js></script>", "unsafe_script"),
        ("<scr<script>ipt>alert(1)</script>", "unsafe_script"),
        ("<svg><script>alert(1)</script></svg>", "unsafe_script"),
        ("Text <script>alert(1)</script> inside a sentence", "unsafe_script"),
    ],
    "event attribute": [
        ("<img src=x onerror=alert(1)>", "unsafe_event"),
        ("<IMG SRC=x OnErRoR=alert(1)>", "unsafe_event"),
        ("<svg/onload=alert(1)>", "unsafe_event"),
        ("<a href=https://ceric.ca onmouseover=alert(1)>x</a>", "unsafe_event"),
        ("<details open ontoggle=alert(1)>", "unsafe_event"),
        ("<input autofocus onfocus=alert(1)>", "unsafe_event"),
        ("<body onload=alert(1)>", "unsafe_event"),
    ],
    "embedding": [
        ("<iframe srcdoc='&lt;b&gt;x'></iframe>", "unsafe_iframe"),
        (f"<IFRAME src=https://{OUT}></IFRAME>", "unsafe_iframe"),
        (f"<object data=https://{OUT}/x.swf></object>", "unsafe_iframe"),
        (f"<embed src=https://{OUT}/x>", "unsafe_iframe"),
        ('<iframe srcdoc="<script>alert(1)</script>"></iframe>', "unsafe_script"),
    ],
    "style": [
        ('<span style="color:red">x</span>', "unsafe_style"),
        ('<div style="background:url(javascript:alert(1))">x</div>', "unsafe_style"),
    ],
    "other raw HTML": [
        (f'<meta http-equiv="refresh" content="0;url=https://{OUT}/">', "unsafe_html"),
        (f"<meta/http-equiv=refresh content='0;url=https://{OUT}'>", "unsafe_html"),
        (f"<base href=https://{OUT}/>", "unsafe_html"),
        (f"<form action=https://{OUT}><button>Go</button></form>", "unsafe_html"),
        ("Get a <b>career</b> check-up", "unsafe_html"),
        ("Line<br>break", "unsafe_html"),
        (f"<link rel=stylesheet href=https://{OUT}/x.css>", "unsafe_html"),
        ("<!-- hidden note -->", "unsafe_comment"),
        ("<!--><img src=x>-->", "unsafe_comment"),
        ("<javascript:alert(1)>", "unsafe_html"),
    ],
    "link scheme": [
        ("[x](javascript:alert(1))", "unsafe_js_link"),
        ("[x](JaVaScRiPt:alert(1))", "unsafe_js_link"),
        ("[x](  javascript:alert(1) )", "unsafe_js_link"),
        ("[x](<java\tscript:alert(1)>)", "unsafe_js_link"),
        ("[x](&#106;avascript:alert(1))", "unsafe_js_link"),
        ("[x](&#x6A;avascript&colon;alert(1))", "unsafe_js_link"),
        ("[x](java&#x09;script:alert(1))", "unsafe_js_link"),
        ("[x](data:text/html,<script>alert(1)</script>)", "unsafe_scheme"),
        ("[x](DATA:text/html;base64,PHNjcmlwdD4=)", "unsafe_scheme"),
        ("[x](vbscript:msgbox(1))", "unsafe_scheme"),
        ("[x](file:///etc/passwd)", "unsafe_scheme"),
        ("[x][1]\n\n[1]: javascript:alert(1)", "unsafe_js_link"),
        ('[x][ref]\n\n[ref]: <data:text/html,x> "title"', "unsafe_scheme"),
        ("[1]\n\n[1]: vbscript:x", "unsafe_scheme"),
        ("![x](javascript:alert(1))", "unsafe_image"),
    ],
    "attribute list": [
        ('A paragraph.\n{: onclick="alert(1)" }', "unsafe_event"),
        ('A paragraph.\n{: style="position:fixed;top:0" }', "unsafe_style"),
        ('A paragraph.\n{: href="javascript:alert(1)" }', "unsafe_attribute"),
        ('A paragraph.\n{: data-md-component="search" }', "unsafe_attribute"),
        ('[x](https://ceric.ca){: target="_blank" }', "unsafe_attribute"),
        ('[x](https://ceric.ca){: href="javascript:alert(1)" }', "unsafe_js_link"),
        ("A paragraph.\n{: #__config }", "unsafe_id"),
        ('A paragraph.\n{: formaction="javascript:alert(1)" }', "unsafe_attribute"),
        ('## Heading {: onmouseover="alert(1)" }', "unsafe_event"),
    ],
    "outside image": [
        (f"![x](https://{OUT}/pixel.png)", "unsafe_image"),
        (f"![x](HTTP://{OUT}/pixel.png)", "unsafe_image"),
        (f"![x](//{OUT}/pixel.png)", "unsafe_image"),
        (f"![x](/\\{OUT}/pixel.png)", "unsafe_image"),
        ("![x](data:image/svg+xml,<svg onload=alert(1)>)", "unsafe_image"),
        (f"![x][i]\n\n[i]: https://{OUT}/pixel.png", "unsafe_image"),
        ("![x](/absolute/from/the/host.png)", "unsafe_image"),
    ],
    "tooltip markup": [
        ('[x](https://ceric.ca "<img src=x onerror=alert(1)>")', "unsafe_html"),
        ("CERIC\n\n*[CERIC]: <b>bold</b>", "unsafe_html"),
    ],
}
SAFE = [
    "[CERIC](https://ceric.ca), [plain](http://example.org), [mail](mailto:info@ceric.ca), [phone](tel:+15555550123)",
    "[another page](../planning/question-1.md), [a section](#in-practice), <https://ceric.ca>",
    "![a photo](../assets/photo.png)",
    "`<script>` in code, and in a block:\n\n```html\n<script>alert(1)</script>\n```",
    "Entities are text: &lt;script&gt; &amp; &#60;b&#62;",
    "A paragraph.\n{: .bdw-lead #my-id }",
    "| a | b |\n|:--|--:|\n| 1 | 2 |",
    "Objective {n} – {title}",
    "Le but\u00a0: « avancer »; *italique* et **gras**.",
]


def cases():
    for group, payloads in HOSTILE.items():
        for payload, code in payloads:
            yield pytest.param(payload, code, id=f"{group}: {payload[:40]!r}")


def test_the_hostile_cases_cover_every_class():
    counts = {group: len(payloads) for group, payloads in HOSTILE.items()}
    assert all(count >= 2 for count in counts.values()) and sum(counts.values()) >= 60, counts


@pytest.mark.parametrize("payload, code", list(cases()))
def test_a_hostile_text_breaks_the_rule_with_its_own_words(payload, code):
    breaches = text_problems(payload)
    assert breaches, payload
    assert breaches[0].code == code, breaches


@pytest.mark.parametrize("payload, code", list(cases()))
def test_whatever_the_check_says_the_sanitized_html_is_harmless(payload, code):
    """The wall behind the check: the one rendering path leaves nothing that runs or loads."""
    assert harmless(str(render_markdown(payload))) == []


def harmless(html: str) -> list[str]:
    """What in `html` could run, load or redirect; [] when nothing can."""
    from bs4 import BeautifulSoup

    found = []
    for element in BeautifulSoup(html, "html.parser").find_all(True):
        if element.name in ("script", "iframe", "object", "embed", "meta", "base", "link", "form", "style", "svg"):
            found.append(element.name)
        for name, value in element.attrs.items():
            value = " ".join(value) if isinstance(value, list) else value
            plain = re.sub(r"[\t\n\r]", "", value).strip("\x00\x20").lower()  # as a browser reads a URL
            if name.startswith("on") or name in ("style", "srcdoc", "formaction", "action", "data"):
                found.append(f"{element.name}[{name}]")
            if name in ("href", "src") and plain.startswith(("javascript:", "data:", "vbscript:", "file:")):
                found.append(f"{element.name}[{name}={value}]")
            if name == "src" and (OUT in value or plain.startswith(("//", "/", "http"))):
                found.append(f"{element.name}[src={value}]")
            if name == "title" and "<" in value:
                found.append(f"{element.name}[title={value}]")  # shown as HTML by the theme's tooltips
            if name == "id" and value.startswith("__"):
                found.append(f"{element.name}[id={value}]")
    return found


@pytest.mark.parametrize("text", SAFE)
def test_markdown_the_guide_uses_stays_allowed(text):
    assert text_problems(text) == []


def test_the_check_converts_with_the_extensions_of_mkdocs_yml():
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    block = config.split("\nmarkdown_extensions:\n", 1)[1].split("\n\n", 1)[0]
    names = re.findall(r"^  - ([\w.]+)", block, re.M)
    assert names == MARKDOWN_EXTENSIONS


def test_sanitize_keeps_what_markdown_writes_and_nothing_else():
    kept = sanitize(
        '<h2 id="x">T<a class="headerlink" href="#x" title="Link">¶</a></h2>'
        '<table><tr><td style="text-align: right;">1</td></tr></table><abbr title="A">A</abbr>'
        '<img alt="a" src="../a.png"><a href="tel:+1">t</a>'
    )
    for piece in (
        'id="x"',
        'class="headerlink"',
        'style="text-align:right"',
        'title="A"',
        'src="../a.png"',
        'href="tel:+1"',
    ):
        assert piece in kept.replace("; ", ";").replace(": ", ":"), (piece, kept)
    dropped = sanitize(
        f'<p id="__search" onclick="x" data-x="y">p</p><img src="https://{OUT}/p.png">'
        '<a href="javascript:x">j</a><form><input></form>'
    )
    assert "__search" not in dropped and "onclick" not in dropped and "data-x" not in dropped
    assert OUT not in dropped and "javascript" not in dropped and "<form" not in dropped and "<input" not in dropped


def test_titles_shown_as_html_by_the_theme_tooltips_are_escaped_again():
    page = (
        '<a href="x" title="&lt;img src=x onerror=alert(1)&gt;">a</a><abbr title="Education &amp; Research">'
        "E</abbr><a href='y' title='<b>'>b</a>"
    )
    safe = tooltip_safe(page)
    assert 'title="&amp;lt;img src=x onerror=alert(1)&amp;gt;"' in safe
    assert 'title="Education &amp; Research"' in safe  # the site's own titles are left exactly as they are
    assert 'title="&amp;lt;b&amp;gt;"' in safe


def test_page_settings_reach_the_theme_escaped_and_only_the_known_ones():
    theme = Theme.of(ROOT)
    meta = safe_meta(
        {
            "title": "<script>x</script>",
            "description": 'a" http-equiv="refresh',
            "author": "<b>",
            "template": "../../etc/passwd",
            "icon": "../../x",
            "hide": ["toc", "<b>"],
            "status": "new",
        },
        theme,
    )
    assert meta == {
        "title": "&lt;script&gt;x&lt;/script&gt;",
        "description": "a&quot; http-equiv=&quot;refresh",
        "hide": ["toc"],
    }
    assert safe_meta({"template": "main.html", "icon": "material/school"}, theme) == {
        "template": "main.html",
        "icon": "material/school",
    }
    assert safe_title("Q &amp; A &lt;/title&gt;&lt;script&gt;") == "Q &amp; A &lt;/title&gt;&lt;script&gt;"
    assert safe_title('A <span>"quoted"</span>') == "A &quot;quoted&quot;"


# Data of every kind ---------------------------------------------------------------------------

DATA_FIELDS = [  # (file, location of a text) over every kind of file, including texts that go straight into Markdown
    ("data/activities/decision-maker-meetings.yml", ("summary", "en")),
    ("data/activities/decision-maker-meetings.yml", ("steps", 1, "fr")),
    ("data/activities/decision-maker-meetings.yml", ("tip", "en")),
    ("data/audiences.yml", ("public", "description", "fr")),
    ("data/objectives.yml", ("access", "intro", "en")),
    ("data/questions.yml", (2, "summary", "fr")),
    ("data/ui.yml", ("key_messages", "en")),  # a navigation title
    ("data/ui.yml", ("propose_edit_hint", "fr")),  # a UI string shown as a tooltip
    ("data/glossary.yml", ("ceric", "expansion", "en")),
    ("data/case-studies/savoie-facilitators.yml", ("sections", 0, "body", "en")),
    ("data/worksheets/question-2.yml", ("fields", 0, "label", "fr")),
    ("data/messages/access/public.yml", ("facts", 0, "claim", "en")),
    ("data/calendar.yml", ("event", "en")),
    ("data/campaign.yml", ("title", "fr")),
]
DATA_PAYLOADS = [  # one of each class
    ("<script>alert(1)</script>", "unsafe_script"),
    ("<img src=x onerror=alert(1)>", "unsafe_event"),
    ("[x][1]\n\n[1]: &#106;avascript:alert(1)", "unsafe_js_link"),
    ('Text.\n{: onclick="alert(1)" }', "unsafe_event"),
    (f"![x](https://{OUT}/p.png)", "unsafe_image"),
    ("[x](vbscript:x)", "unsafe_scheme"),
    (f"<meta http-equiv=refresh content='0;url=https://{OUT}'>", "unsafe_html"),
]


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("data")
    shutil.copytree(ROOT / "data", root / "data")
    return root


def set_text(path: Path, loc: tuple, value: str) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    holder = data
    for part in loc[:-1]:
        holder = holder[part]
    holder[loc[-1]] = value
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=200), encoding="utf-8")


@pytest.mark.parametrize("rel, loc", DATA_FIELDS, ids=lambda v: v if isinstance(v, str) else ".".join(map(str, v)))
def test_every_kind_of_data_text_is_held_to_the_rule(rel, loc, pristine, tmp_path):
    for payload, code in DATA_PAYLOADS:
        shutil.rmtree(tmp_path / "data", ignore_errors=True)
        shutil.copytree(pristine / "data", tmp_path / "data")
        path = tmp_path / rel
        set_text(path, loc, f"Before. {payload}\n\nAfter.")
        with pytest.raises(DataError) as err:
            load_guide(tmp_path)
        found = [p for p in err.value.problems if p.file == rel]
        assert len(found) == 1, err.value.report("en")
        problem = found[0]
        source = read_yaml(path, ProblemLog(tmp_path))
        first, last = source.span(loc)
        assert problem.code == code and first <= problem.line <= last, (payload, str(problem))
        field = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in loc).lstrip(".")
        assert problem.field == field, str(problem)
        for lang in ("fr", "en"):
            line = problem.render(lang)
            assert line.startswith(f"{rel}:{problem.line}: {field}: ") and "{" not in line.split(": ", 2)[2]


# docs/ pages: body and front matter -------------------------------------------------------------


@pytest.fixture(scope="module")
def guide():
    return load_guide(ROOT)


def page_lines(path: Path, guide) -> list:
    log = ProblemLog(path.parent)
    check_page(path, guide, Theme.of(ROOT), log)
    return log.problems


@pytest.mark.parametrize("payload, code", list(cases()))
def test_a_hostile_page_body_is_one_line_at_its_line(payload, code, guide, tmp_path):
    page = tmp_path / "page.md"
    page.write_text(f"# Title\n\nA first paragraph.\n\n{payload}\n\nA last paragraph.\n", encoding="utf-8")
    problems = page_lines(page, guide)
    assert problems, payload
    first = problems[0]
    assert first.code == code and first.file.endswith("page.md"), problems
    assert first.line == 5 or (first.line > 5 and "\n" in payload), problems
    assert first.render("en").startswith(f"{first.file}:{first.line}: (file): ")


def test_a_page_may_hold_its_markers_and_the_guide_pages_are_clean(guide):
    log = ProblemLog(ROOT)
    for page in sorted((ROOT / "docs").rglob("*.md")):
        check_page(page, guide, Theme.of(ROOT), log)
    assert log.problems == []


MARKER_CASES = [
    ("<!-- bdw:overveiw -->", "marker_unknown", "Unknown marker 'bdw:overveiw'"),
    ("<!-- bdw:audience publik -->", "marker_audience", "'bdw:audience publik' names no known audience"),
    ("<!-- bdw:question 9 -->", "marker_question", "'bdw:question 9' needs a question number from 1 to 8"),
    ("<!-- bdw:worksheet role-play -->", "marker_worksheet", "'bdw:worksheet role-play' names no file"),
    ("<!-- bdw:case-study nowhere -->", "marker_case_study", "'bdw:case-study nowhere' names no file"),
    ("<!-- bdw:worksheets question-9 -->", "marker_slot", "names no page that shows worksheets"),
    ("<!-- bdw:Audience Public -->", "marker_malformed", "looks like a marker of the site"),
    ("<!-- bdw-slot 3 -->", "marker_malformed", "looks like a marker of the site"),
]


@pytest.mark.parametrize("marker, code, words", MARKER_CASES)
def test_a_bad_marker_is_one_line_at_its_line(marker, code, words, guide, tmp_path):
    page = tmp_path / "page.md"
    page.write_text(f"# Title\n\nText.\n\n{marker}\n", encoding="utf-8")
    [problem] = page_lines(page, guide)
    assert (problem.code, problem.line) == (code, 5)
    assert words in problem.render("en")


FRONT_MATTER = {  # front matter lines -> (line, key, code)
    "titel: Conclusion": (2, "titel", "front_matter_unknown_close"),
    "author: Someone": (2, "author", "front_matter_unknown"),
    "title: Ok\nstatus: new": (3, "status", "front_matter_unknown"),
    "title: 2024": (2, "title", "front_matter_not_text"),
    "title: NO": (2, "title", "front_matter_not_text"),
    "title:": (2, "title", "front_matter_not_text"),
    "title: [a, b]": (2, "title", "front_matter_not_text"),
    "description: 2026-11-23": (2, "description", "front_matter_not_text"),
    "template: custom.html": (2, "template", "front_matter_template"),
    "template: ../../../../etc/passwd": (2, "template", "front_matter_template"),
    "icon: material/no-such-icon-here": (2, "icon", "front_matter_icon"),
    "icon: ../../../x": (2, "icon", "front_matter_icon"),
    "hide: toc": (2, "hide", "front_matter_hide"),
    "hide:\n  - toc\n  - sidebar": (2, "hide", "front_matter_hide"),
    "title: <script>alert(1)</script>": (2, "title", "unsafe_script"),
    "subtitle: '[x](javascript:alert(1))'": (2, "subtitle", "unsafe_js_link"),
    "description: |\n  Line one.\n  <img src=x onerror=alert(1)>": (4, "description", "unsafe_event"),
    "title: A\ntitle: B": (3, "title", "duplicate_key"),
    "title: [unclosed": (2, "", "front_matter_yaml"),
    "title: a: b": (2, "", "front_matter_yaml"),
    "\ttitle: tab": (2, "", "front_matter_yaml"),
    "- title": (2, "", "front_matter_not_mapping"),
    "just a sentence": (2, "", "front_matter_not_mapping"),
    "title: &a x\ndescription: *a": (2, "", "front_matter_alias"),
    "title: '*bold*'\ndescription: '&amp;'": None,  # quoted, they are plain texts
}


@pytest.mark.parametrize("front", FRONT_MATTER)
def test_front_matter_accepts_only_the_site_settings_one_line_each(front, guide, tmp_path):
    page = tmp_path / "page.md"
    page.write_text(f"---\n{front}\n---\n\n# Title\n\nText.\n", encoding="utf-8")
    problems = page_lines(page, guide)
    if FRONT_MATTER[front] is None:
        assert problems == []
        return
    line, key, code = FRONT_MATTER[front]
    assert len(problems) == 1, problems
    [problem] = problems
    assert (problem.line, problem.field, problem.code) == (line, key, code), problem
    for lang in ("fr", "en"):
        assert problem.render(lang).startswith(f"{problem.file}:{line}: ")


def test_the_site_settings_with_good_values_pass(guide, tmp_path):
    page = tmp_path / "page.md"
    page.write_text(
        '---\ntitle: Questions & réponses\ndescription: "Un résumé : court"\nsubtitle: Pour commencer\n'
        "icon: material/school\nhide:\n  - toc\n  - footer\ntemplate: main.html\n---\n\n# Titre\n",
        encoding="utf-8",
    )
    assert page_lines(page, guide) == []


def test_a_first_line_mkdocs_would_read_as_a_setting_is_pointed_out(guide, tmp_path):
    page = tmp_path / "page.md"
    page.write_text("Note: this line would vanish from the page.\n\n# Title\n", encoding="utf-8")
    [problem] = page_lines(page, guide)
    assert (problem.line, problem.code, problem.field) == (1, "front_matter_meta_lines", "note")


def test_a_page_that_is_not_utf8_is_one_line(guide, tmp_path):
    page = tmp_path / "page.md"
    page.write_bytes("# Titre\n\nDéjà.\n".encode("latin-1"))
    [problem] = page_lines(page, guide)
    assert (problem.line, problem.code) == (3, "not_utf8")


def test_the_check_of_every_page_stays_fast(guide):
    import time

    start = time.perf_counter()
    log = ProblemLog(ROOT)
    for page in sorted((ROOT / "docs").rglob("*.md")):
        check_page(page, guide, Theme.of(ROOT), log)
    assert time.perf_counter() - start < 1.0
