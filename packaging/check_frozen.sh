#!/usr/bin/env bash
# Check a frozen build end to end; exit non-zero when the frozen app fails.
#
#   bash packaging/check_frozen.sh [BUNDLE]     # default BUNDLE: dist/framescope
#
# 1. `framescope --smoke-test` with no display and QT_QPA_PLATFORM unset (the
#    app must choose offscreen itself): exit 0, "smoke test passed" on stdout,
#    nothing on stderr.
# 2. `framescope analyze` on the seeds plus a web page written here (the frozen
#    HTML reader: trafilatura, lxml, justext, courlan and their data files):
#    exit 0, one scores.csv row per article, no row in errors.csv.
# 3. (Linux) The app itself, started with no display and no QT_QPA_PLATFORM:
#    still running after 20 s (Qt aborts at once when it cannot open a display).
# 4. The menu entry in the bundle passes desktop-file-validate (when installed).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bundle=${1:-$here/dist/framescope}
# The program: FRAMESCOPE_APP (e.g. dist/Framescope.app/Contents/MacOS/framescope),
# else the bundle's framescope (Linux, macOS) or framescope.exe (Windows).
app=${FRAMESCOPE_APP:-$bundle/framescope}
[ -e "$app" ] || [ ! -e "$bundle/framescope.exe" ] || app=$bundle/framescope.exe
fail() { printf 'frozen check FAILED: %s\n' "$*" >&2; exit 1; }
[ -x "$app" ] || fail "$app is missing or not executable (run bash packaging/build.sh)"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "== frozen --smoke-test (no display, QT_QPA_PLATFORM unset)"
rc=0
env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM HOME="$tmp/home" \
    "$app" --smoke-test >"$tmp/smoke.out" 2>"$tmp/smoke.err" || rc=$?
cat "$tmp/smoke.out"
if [ "$rc" -ne 0 ]; then
    cat "$tmp/smoke.err" >&2
    fail "--smoke-test exited with $rc"
fi
grep -q '^smoke test passed' "$tmp/smoke.out" || fail "--smoke-test did not report success"
if [ -s "$tmp/smoke.err" ]; then
    cat "$tmp/smoke.err" >&2
    fail "--smoke-test wrote to stderr"
fi

echo "== frozen analyze (seeds + a web page)"
mkdir -p "$tmp/corpus"
cp "$bundle"/_internal/seeds/*.txt "$tmp/corpus/" 2>/dev/null || cp "$here"/seeds/*.txt "$tmp/corpus/"
articles=$(find "$tmp/corpus" -name '*.txt' | wc -l)
cat >"$tmp/corpus/harbour.html" <<'EOF'
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Harbour bridge reopens after repairs - The Coastal Courier</title>
<meta property="og:site_name" content="The Coastal Courier">
<meta property="article:published_time" content="2023-05-12T08:00:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article>
<h1>Harbour bridge reopens after repairs</h1>
<p>The harbour bridge reopened to traffic on Friday after six weeks of repairs, the city council said.</p>
<p>Officials claimed the work had finished ahead of schedule, although residents reportedly complained about long detours during the closure.</p>
<p>"It is likely that the bridge will need further work within a decade," an engineer close to the project told reporters.</p>
<p>The council insisted the costs would probably stay within the original budget of 4 million pounds.</p>
</article>
<footer>Copyright 2023 The Coastal Courier</footer>
</body></html>
EOF
articles=$((articles + 1))
rc=0
env -u DISPLAY -u WAYLAND_DISPLAY HOME="$tmp/home" \
    "$app" analyze "$tmp/corpus" --out "$tmp/out" --no-charts >"$tmp/analyze.out" 2>"$tmp/analyze.err" || rc=$?
if [ "$rc" -ne 0 ]; then
    cat "$tmp/analyze.out" "$tmp/analyze.err" >&2
    fail "analyze exited with $rc"
fi
rows=$(( $(wc -l <"$tmp/out/scores.csv") - 1 ))
[ "$rows" -eq "$articles" ] || fail "scores.csv has $rows rows, expected $articles"
errors=$(( $(wc -l <"$tmp/out/errors.csv") - 1 ))
if [ "$errors" -ne 0 ]; then
    cat "$tmp/out/errors.csv" >&2
    fail "errors.csv lists $errors files"
fi
grep -q 'Coastal Courier' "$tmp/out/scores.csv" || fail "the web page's outlet was not read"
echo "analyze passed: $rows articles (one a web page), no errors"

if [ "$(uname -s)" = Linux ]; then
echo "== frozen app started with no display (it must pick offscreen itself and keep running)"
rc=0
env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM HOME="$tmp/home" \
    timeout 20 "$app" "$tmp/corpus" >"$tmp/gui.out" 2>"$tmp/gui.err" || rc=$?
if [ "$rc" -ne 124 ]; then
    cat "$tmp/gui.out" "$tmp/gui.err" >&2
    fail "the app exited with $rc within 20 s instead of running"
fi
echo "the app ran for 20 s without a display"
fi

desktop=$bundle/share/applications/framescope.desktop
if command -v desktop-file-validate >/dev/null 2>&1; then
    echo "== desktop-file-validate"
    desktop-file-validate "$desktop" || fail "$desktop does not validate"
    echo "$desktop is valid"
fi
echo "frozen check passed"
