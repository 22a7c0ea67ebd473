"""Link previews: every page carries Open Graph and Twitter-card metadata in its own language, with an
absolute image that exists in the built site (an audience or objective page its own card, every other
page the site's card), and every value escaped, contributed titles and descriptions included."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from bdw_guide.graphics import ALT_LIMIT, page_graphic_for
from bdw_guide.text_rules import plain_text

from conftest import GUIDE, copy_repo, mkdocs_build

ROOT = Path(__file__).resolve().parent.parent
LOCALES = {"fr": "fr_CA", "en": "en_CA"}


def pages() -> list[tuple[str, str]]:
    """(language, page path in the site) of every page of both language trees."""
    out = []
    for lang, prefix in (("fr", ""), ("en", "en/")):
        for md in sorted((ROOT / "docs" / lang).rglob("*.md")):
            rel = md.relative_to(ROOT / "docs" / lang).with_suffix("").as_posix().removesuffix("index").rstrip("/")
            out.append((lang, prefix + (rel + "/" if rel else "")))
    return out


def marker(lang: str, path: str) -> tuple[str, str] | None:
    rel = path.removeprefix("en/").rstrip("/") or "index"
    source = ROOT / "docs" / lang / f"{rel}.md"
    if not source.is_file():
        source = ROOT / "docs" / lang / rel / "index.md"
    text = source.read_text(encoding="utf-8")
    for kind in ("audience", "objective"):
        if text.startswith(f"<!-- bdw:{kind} "):
            return kind, text.split()[2]
    return None


def meta(head, key: str) -> list[str]:
    return [tag["content"] for tag in head.find_all("meta", attrs={"property": key})] + [
        tag["content"] for tag in head.find_all("meta", attrs={"name": key})
    ]


@pytest.fixture(scope="module")
def site_url(site) -> str:
    from bs4 import BeautifulSoup

    home = BeautifulSoup((site / "index.html").read_text(), "lxml")
    return home.find("link", rel="canonical")["href"]


@pytest.mark.parametrize("lang, path", pages())
def test_every_page_has_its_link_preview_in_its_language(site, site_url, lang, path):
    from bs4 import BeautifulSoup

    head = BeautifulSoup((site / path / "index.html").read_text(), "lxml").head
    title = head.title.get_text()
    assert meta(head, "og:locale") == [LOCALES[lang]]
    assert meta(head, "og:locale:alternate") == [locale for other, locale in LOCALES.items() if other != lang]
    [og_title] = meta(head, "og:title")
    # The page's own title (the home page's is the guide's, where the tab shows only the site's name).
    h1 = BeautifulSoup((site / path / "index.html").read_text(), "lxml").select_one("article h1")
    assert (
        og_title
        and (og_title in title or og_title == h1.get_text().strip("¶ "))
        and meta(head, "twitter:title") == [og_title]
    )
    [description] = meta(head, "og:description")
    assert description and meta(head, "twitter:description") == [description]
    assert meta(head, "og:url") == [site_url + path]
    assert meta(head, "twitter:card") == ["summary_large_image"]
    [image] = meta(head, "og:image")
    graphic = page_graphic_for(GUIDE, marker(lang, path), lang)
    root = site_url + ("en/" if lang == "en" else "")
    assert image == root + graphic.path("landscape") and meta(head, "twitter:image") == [image]
    assert urlsplit(image).scheme == "https"
    assert meta(head, "og:image:width") == ["1200"] and meta(head, "og:image:height") == ["630"]
    assert (site / urlsplit(image).path.removeprefix(urlsplit(site_url).path)).is_file()
    [alt] = meta(head, "og:image:alt")
    assert alt == graphic.alt and len(alt) <= ALT_LIMIT and GUIDE.campaign.hashtag[lang] in alt
    assert meta(head, "twitter:image:alt") == [alt]


def test_message_pages_describe_their_audience_or_objective(site):
    from bs4 import BeautifulSoup

    for lang, prefix in (("fr", ""), ("en", "en/")):
        for audience, data in GUIDE.audiences.items():
            head = BeautifulSoup(
                (site / prefix / "messages/audiences" / audience / "index.html").read_text(), "lxml"
            ).head
            assert meta(head, "og:description") == [plain_text(data.description[lang])]
            assert meta(head, "og:image")[0].endswith(f"/share/audience-{audience}-1200x630.png")
        for objective in GUIDE.objectives:
            head = BeautifulSoup(
                (site / prefix / "messages/objectives" / objective / "index.html").read_text(), "lxml"
            ).head
            [description] = meta(head, "og:description")
            assert plain_text(GUIDE.objectives[objective].intro[lang]).startswith(description.rstrip("."))
            assert meta(head, "og:image")[0].endswith(f"/share/objective-{objective}-1200x630.png")


def test_contributed_titles_and_descriptions_are_escaped(tmp_path):
    import html as entities
    import re

    repo = copy_repo(tmp_path / "repo")
    title = "Conclusion: \"yes\" & 5 < 6 'maybe'"
    description = "Say \"yes\" & 5 < 6 > 4, then 'quote'"  # markup itself is refused by the check
    for lang in ("fr", "en"):
        page = repo / "docs" / lang / "conclusion.md"
        body = page.read_text(encoding="utf-8").split("\n", 1)[1]
        page.write_text(
            f"---\ndescription: '{description.replace(chr(39), chr(39) * 2)}'\n---\n\n# {title}\n{body}",
            encoding="utf-8",
        )
    site = tmp_path / "site"
    result = mkdocs_build(repo, site)
    assert result.returncode == 0, result.stderr
    html = (site / "en/conclusion/index.html").read_text()
    found = dict(re.findall(r'<meta (?:property|name)="((?:og|twitter):[a-z:]+)" content="([^"<>]*)">', html))
    assert entities.unescape(found["og:title"]) == entities.unescape(found["twitter:title"]) == title
    assert entities.unescape(found["og:description"]) == entities.unescape(found["twitter:description"]) == description
    assert 'content="Say &#34;yes&#34; &amp; 5 &lt; 6 &gt; 4, then &#39;quote&#39;"' in html
