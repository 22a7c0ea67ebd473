#!/bin/sh
# Refresh the vendored Word (.docx) writer used by the letters on the message cards (bdw-kit.js loads it
# only when someone asks for a Word file). The site makes no outside request, so the library is served
# from the site itself: npm's `docx` package (MIT, https://github.com/dolanmiu/docx), its browser build
# dist/index.umd.cjs (global `docx`), minified with terser. Usage: sh scripts/vendor-docx.sh [version]
set -eu
VERSION="${1:-9.15.2}"
OUT="$(cd "$(dirname "$0")/.." && pwd)/overrides/assets/javascripts/vendor"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
npm pack --silent "docx@$VERSION" >/dev/null
tar xzf "docx-$VERSION.tgz"
npm install --silent --no-save --no-audit --no-fund terser@5.51.4 >/dev/null
{
  printf '/*! docx %s (MIT, https://github.com/dolanmiu/docx): dist/index.umd.cjs minified with terser; see scripts/vendor-docx.sh and docx.LICENSE.txt */\n' "$VERSION"
  npx terser package/dist/index.umd.cjs -c -m
} > "$OUT/docx.min.js"
cp package/LICENSE "$OUT/docx.LICENSE.txt"
echo "docx $VERSION -> $OUT/docx.min.js ($(wc -c < "$OUT/docx.min.js") bytes)"
