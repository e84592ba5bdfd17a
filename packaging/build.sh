#!/usr/bin/env bash
# Build the frozen app: a one-folder PyInstaller bundle in dist/framescope/.
#
#   bash packaging/build.sh          # set up .venv if needed, render icons, freeze
#   dist/framescope/framescope --smoke-test
#   bash dist/framescope/install.sh  # put it in ~/.local and in the menu
#
# Uses the repository's .venv (packaging/setup.sh installs the "package" extra,
# PyInstaller). The bundle also carries share/ (the menu entry, icons, MIME
# types) and install.sh, so the dist/framescope folder can be copied elsewhere
# and installed from there.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"
say() { printf 'framescope build: %s\n' "$*" >&2; }

bash packaging/setup.sh build
py=.venv/bin/python
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}

say "rendering icons from resources/icons/framescope.svg"
rm -rf build/icons
"$py" packaging/make_icons.py build/icons >/dev/null

say "freezing with PyInstaller $("$py" -m PyInstaller --version)"
start=$(date +%s)
"$py" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller packaging/framescope.spec
bundle=dist/framescope

# What install.sh needs, inside the bundle.
bash packaging/bundle_share.sh "$bundle" build/icons

say "built $bundle ($(du -sh "$bundle" | cut -f1)) in $(( $(date +%s) - start )) s"
