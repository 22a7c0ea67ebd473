"""Our own stylesheets and scripts, minified in the built site (Material ships its own minified).

The sources in `overrides/assets/` stay readable, with the comments that say why; readers download
them without comments and spaces, which keeps what we add to a page within its weight budget
(`make audit`: at most 15 KB gzip beyond stock Material). rcssmin and rjsmin only remove what the
languages ignore (comments, spaces), nothing a browser reads. The worksheets' generated print pages
(bdw-pages.css) are left as written: tests and readers of the print layout read them.
"""

from __future__ import annotations

from pathlib import Path

from rcssmin import cssmin  # type: ignore[import-untyped]  # ships no type information
from rjsmin import jsmin  # type: ignore[import-untyped]  # ships no type information

LEFT_AS_WRITTEN = {"bdw-pages.css"}


def minify_assets(site_dir: Path) -> int:
    """Minify each `bdw*.css` and `bdw*.js` of the built site in place; returns how many. Running
    it twice changes nothing more."""
    done = 0
    for folder, suffix, minify in (("stylesheets", ".css", cssmin), ("javascripts", ".js", jsmin)):
        for path in sorted((site_dir / "assets" / folder).glob(f"bdw*{suffix}")):
            if path.name in LEFT_AS_WRITTEN:
                continue
            text = path.read_text(encoding="utf-8")
            small = minify(text)
            if small != text:
                path.write_text(small, encoding="utf-8")
                done += 1
    return done
