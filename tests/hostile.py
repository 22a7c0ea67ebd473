"""A hostile contributor's pull request, and a build that skips the check.

`plant(repo)` writes into a copy of the repository every kind of markup a contributor could try,
each leaving a trace (`window.__planted_<name>`, an outside address) if it ever ran or loaded:
front matter, a page body, UI strings and navigation titles, data texts that go straight into
Markdown, a glossary expansion shown as a tooltip. `build_unchecked` builds that copy with the
contributed-text rules switched off, as if the check had been skipped: whatever the page shows
must then still be harmless, because the build sanitizes and escapes on its own.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ELSEWHERE = "elsewhere.example"

FRONT_MATTER = f"""---
title: <script>window.__planted_title=1</script>Conclusion
description: 'x" http-equiv="refresh" content="0;url=https://{ELSEWHERE}/'
subtitle: <img src=x onerror="window.__planted_subtitle=1">
author: <script>window.__planted_author=1</script>
template: ../../../../etc/passwd
icon: ../../x
hide: [navigation, "<b>"]
---
"""

BODY = f"""# Conclusion &lt;/title&gt;&lt;script&gt;window.__planted_h1=1&lt;/script&gt;

<script>window.__planted_body=1</script>

<iframe srcdoc="<script>parent.__planted_iframe=1</script>"></iframe>

A [link](javascript:window.__planted_link=1) and a [reference][1] and <JaVaScRiPt:window.__planted_auto=1>.

[1]: &#106;avascript:window.__planted_ref=1

A paragraph with an attribute list.
{{: onclick="window.__planted_attr=1" style="position:fixed" data-md-component="search" id="__config" }}

![outside](https://{ELSEWHERE}/pixel.png) ![data](data:image/svg+xml,<svg onload=alert(1)>)

<meta http-equiv="refresh" content="0;url=https://{ELSEWHERE}/">

[with a title](https://ceric.ca "<img src=x onerror=window.__planted_tooltip=1>")

<!-- bdw-slot 0 -->

"""

# (file, text to replace, replacement): data texts of every kind.
DATA_EDITS = [
    ("data/ui.yml", '  en: "Key messages"', '  en: "<script>window.__planted_nav=1</script>Key messages"'),
    (
        "data/ui.yml",
        '  en: "Copy message"',
        f'  en: \'<meta http-equiv="refresh" content="0;url=https://{ELSEWHERE}/">Copy\'',
    ),
    (
        "data/ui.yml",
        '  en: "Opens this message’s file in GitHub’s editor"',
        "  en: '<img src=x onerror=\"window.__planted_hint=1\">'",
    ),
    (
        "data/glossary.yml",
        "    en: Canadian Education and Research Institute for Counselling",
        "    en: '<img src=x onerror=\"window.__planted_abbr=1\">'",
    ),
    (
        "data/activities/decision-maker-meetings.yml",
        "summary:\n",
        "summary:\n  en: |-\n    Read [this][x] first.\n"
        '    {: onclick="window.__planted_summary=1" }\n\n    [x]: javascript:window.__planted_summary_link=1\n'
        "  fr: Lisez ceci.\n"
        "summary_old:\n",
    ),
]


def plant(repo: Path) -> None:
    page = repo / "docs/en/conclusion.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(FRONT_MATTER + BODY + text.split("\n", 1)[1], encoding="utf-8")
    for rel, old, new in DATA_EDITS:
        path = repo / rel
        content = path.read_text(encoding="utf-8")
        assert old in content, (rel, old)
        path.write_text(content.replace(old, new, 1), encoding="utf-8")
    _drop_old_summary(repo / "data/activities/decision-maker-meetings.yml")


def _drop_old_summary(path: Path) -> None:
    """The activity's own summary, renamed by the edit above, is removed with its lines."""
    lines = path.read_text(encoding="utf-8").split("\n")
    start = lines.index("summary_old:")
    end = start + 1
    while end < len(lines) and lines[end].startswith("  "):
        end += 1
    path.write_text("\n".join(lines[:start] + lines[end:]), encoding="utf-8")


_UNCHECKED = """
import sys
import bdw_guide.models, bdw_guide.site_check, bdw_guide.text_rules
# The check, switched off: no text rule, no page rule.
bdw_guide.models.unsafe_text_problem = lambda text: None
bdw_guide.text_rules.text_problems = lambda text, **kw: []
bdw_guide.site_check.page_problems = lambda *args, **kw: None
if sys.argv[2] == "policy-only":
    # And every other wall down too (sanitizing, escaping, settings), as if they had all failed:
    # what is left is the Content-Security-Policy alone.
    import bdw_guide.site_build as build
    build.sanitize = lambda html: html
    build.tooltip_safe = lambda html: html
    build.BuildSession.page_meta = lambda self, meta: meta
    build.BuildSession.escape_titles = lambda self, page: None
    build.BuildSession.nav_titles = lambda self, lang: {key: text[lang] for key, text in self.guide.ui.items()}
from mkdocs.__main__ import cli
sys.argv = ["mkdocs", "build", "--site-dir", sys.argv[1]]
cli()
"""


def build_unchecked(repo: Path, site: Path, policy_only: bool = False) -> subprocess.CompletedProcess[str]:
    """Build `repo` without the check (and, with `policy_only`, without any wall but the policy)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "BDW_LANG": "en"}
    mode = "policy-only" if policy_only else "unchecked"
    return subprocess.run(
        [sys.executable, "-c", _UNCHECKED, str(site), mode],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


# Planted scripts only (no redirect: a policy cannot stop one, only escaping can), for `policy_only`.
SCRIPTS_FRONT_MATTER = "---\ntitle: <script>window.__planted_title=1</script>Conclusion\n---\n"
SCRIPTS_BODY = "<script>window.__planted_body=1</script>\n\n"
SCRIPTS_DATA = [DATA_EDITS[0]]


def plant_scripts(repo: Path) -> None:
    page = repo / "docs/en/conclusion.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(SCRIPTS_FRONT_MATTER + SCRIPTS_BODY + text, encoding="utf-8")
    for rel, old, new in SCRIPTS_DATA:
        path = repo / rel
        path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
