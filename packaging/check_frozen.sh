#!/usr/bin/env bash
# Check a frozen build end to end; exit non-zero when the frozen app fails.
#
#   bash packaging/check_frozen.sh [BUNDLE]     # default BUNDLE: dist/framescope
#
# 1. `framescope --smoke-test` with no display and QT_QPA_PLATFORM unset (the
#    app must choose offscreen itself): exit 0, "smoke test passed" on stdout,
#    nothing on stderr.
# 2. `framescope analyze` on a corpus with a file of every kind the readers take
#    (packaging/frozen_corpus.py: text, Markdown, web page, PDF, DOCX, ODT, RTF,
#    CSV, JSON Lines, XLSX, a Nexis export): exit 0, every file's articles in
#    scores.csv, no row in errors.csv.
# 3. The app itself, on that corpus, still running after 20 s
#    (packaging/keeps_running.py): on Linux with no display and no QT_QPA_PLATFORM
#    (Qt aborts at once when it cannot open a display), elsewhere offscreen.
# 4. The menu entry in the bundle passes desktop-file-validate (when installed).
# First, before the app runs: the bundle's content (packaging/bundle_content.py):
# no GTK library or plugin, and every library a bundled binary links to is in the
# bundle or is one the system always provides.
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
# Settings, autosaves and caches go to a fresh home: nothing from earlier runs
# (e.g. a crash-restore prompt) and nothing left in the user's.
export HOME=$tmp/home XDG_CONFIG_HOME=$tmp/home/.config XDG_DATA_HOME=$tmp/home/.local/share \
       XDG_CACHE_HOME=$tmp/home/.cache
mkdir -p "$HOME"

# A hung frozen app fails the check instead of hanging CI (when timeout exists).
# ${limit[@]+"${limit[@]}"}: an empty array is "unbound" to macOS's bash 3.2 under set -u.
limit=()
if command -v timeout >/dev/null 2>&1; then limit=(timeout 900); fi

# The development environment's Python: it checks the bundle and writes the test corpus.
py=${PYTHON:-}
if [ -z "$py" ]; then
    for candidate in "$here/.venv/bin/python" "$here/.venv/Scripts/python.exe" python3 python; do
        if command -v "$candidate" >/dev/null 2>&1; then py=$candidate; break; fi
    done
fi

echo "== bundle content (no GTK; every linked library in the bundle or the system's)"
"$py" "$here/packaging/bundle_content.py" check "$bundle" || fail "the bundle's content is wrong (see above)"

echo "== frozen --smoke-test (no display, QT_QPA_PLATFORM unset)"
rc=0
env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM ${limit[@]+"${limit[@]}"} \
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

echo "== frozen analyze (a corpus in every format the readers take)"
# Written with the development environment (real PDF/DOCX/XLSX producers).
articles=$("$py" "$here/packaging/frozen_corpus.py" "$tmp/corpus") || fail "could not write the test corpus"
rc=0
env -u DISPLAY -u WAYLAND_DISPLAY ${limit[@]+"${limit[@]}"} \
    "$app" analyze "$tmp/corpus" --out "$tmp/out" --no-charts >"$tmp/analyze.out" 2>"$tmp/analyze.err" || rc=$?
if [ "$rc" -ne 0 ]; then
    cat "$tmp/analyze.out" "$tmp/analyze.err" >&2
    fail "analyze exited with $rc"
fi
rows=$(( $(wc -l <"$tmp/out/scores.csv") - 1 ))
errors=$(( $(wc -l <"$tmp/out/errors.csv") - 1 ))
if [ "$errors" -ne 0 ]; then
    cat "$tmp/out/errors.csv" >&2
    fail "errors.csv lists $errors files"
fi
[ "$rows" -eq "$articles" ] || fail "scores.csv has $rows rows, expected $articles"
for file in "$tmp"/corpus/*; do
    grep -qF "$(basename "$file")," "$tmp/out/scores.csv" || fail "no article from $(basename "$file")"
done
grep -q 'Coastal Courier' "$tmp/out/scores.csv" || fail "the web page's outlet was not read"
# run.json names the versions that computed the tables: none may be unknown when frozen.
"$py" - "$tmp/out/run.json" <<'PY' || fail "run.json is missing, names a library as not installed or has no build's code"
import json, sys
record = json.load(open(sys.argv[1], encoding="utf-8"))
missing = [name for name, version in record["libraries"].items() if version == "not installed"]
assert record["frozen"] is True, "run.json says the app is not frozen"
code = record["code"]
assert code["recorded"] == "build" and len(code["sha256"]) == 64, f"run.json's code: {code}"
if missing:
    sys.exit(f"run.json: not installed: {', '.join(missing)}")
PY
echo "analyze passed: $rows articles from $(find "$tmp/corpus" -type f | wc -l) files" \
     "($(find "$tmp/corpus" -type f | sed 's/.*\.//' | sort -u | tr '\n' ' ' | sed 's/ $//')), no errors"

echo "== frozen app started on the corpus (it must keep running for 20 s)"
# Past where --smoke-test stops: the app's own start-up after the window opens.
if [ "$(uname -s)" = Linux ]; then
    # No display and no QT_QPA_PLATFORM: it must pick offscreen itself.
    gui_env=(env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM)
else
    # A Windows or macOS runner may have no desktop to draw on.
    gui_env=(env QT_QPA_PLATFORM=offscreen)
fi
"${gui_env[@]}" "$py" "$here/packaging/keeps_running.py" 20 "$tmp/gui" "$app" "$tmp/corpus" \
    || fail "the app did not keep running for 20 s (its output is above)"

desktop=$bundle/share/applications/framescope.desktop
if command -v desktop-file-validate >/dev/null 2>&1; then
    echo "== desktop-file-validate"
    desktop-file-validate "$desktop" || fail "$desktop does not validate"
    echo "$desktop is valid"
fi
echo "frozen check passed"
