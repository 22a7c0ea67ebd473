"""Share graphics in Chromium: a message page fetches none until its panel opens, then the preview shows
at its size; the open panel passes axe."""

from __future__ import annotations

import pytest
from test_accessibility import axe_source, axe_violations  # noqa: F401 (fixture)

pytestmark = pytest.mark.browser


def test_graphics_load_only_when_their_panel_opens(page, server):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{server}/en/messages/audiences/public/", wait_until="load")
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    assert not [url for url in requested if "/share/" in url]
    panel = page.locator("#bdw-share-access-public")
    panel.locator("summary").click()
    page.wait_for_function(
        "() => { const i = document.querySelector('#bdw-share-access-public img');"
        " return i.complete && i.naturalWidth === 1200 && i.naturalHeight === 630; }"
    )
    assert [url for url in requested if url.endswith("/en/share/access-public-1200x630.png")]
    assert not [url for url in requested if "1080x" in url]  # the other formats only when downloaded


def test_an_open_share_panel_passes_axe(page, server, axe_source):  # noqa: F811
    for path, card in (
        ("messages/objectives/funding/", "funding-business"),
        ("en/messages/audiences/government/", "skills-government"),
    ):
        page.goto(f"{server}/{path}")
        page.locator(f"#bdw-share-{card} summary").click()
        assert axe_violations(page, axe_source) == [], path
