#!/usr/bin/env bash
# Set up Framescope on a Debian-like machine, then open the app or run the checks.
#
#   bash packaging/setup.sh app [FILE...]   set up, then open the app (on the seeds)
#   bash packaging/setup.sh test            set up, then run ruff, mypy, import-linter, pytest,
#                                           then build the frozen app and check it
#                                           (FRAMESCOPE_FROZEN_CHECK=0 skips the frozen part)
#   bash packaging/setup.sh setup           set up only
#   bash packaging/setup.sh build           set up for building the frozen app (build.sh runs it)
#
# Installs the Debian libraries Qt needs when they are missing (as root, or
# through sudo), creates .venv with Python >= 3.11 and installs the project
# into it. Running it again only redoes what changed.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"
mode=${1:-app}
[ $# -gt 0 ] && shift

# Libraries Qt's offscreen platform needs, plus a font (without one Qt draws
# empty boxes and says nothing).
qt_offscreen_pkgs=(libegl1 libgl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6
                   libglib2.0-0 libxkbcommon0 fonts-dejavu-core)
# What building and checking the frozen app needs (test and build modes): PyInstaller
# calls objdump and ldd, the bundle check readelf (binutils); the menu entry is checked
# with desktop-file-validate. A build also installs qt_window_pkgs: the bundle carries
# them for Qt's xcb platform plugin, and a build machine without them would leave them
# out (packaging/bundle_content.py then fails the build's check).
freeze_pkgs=(binutils desktop-file-utils)
# Extra libraries for a real window on X11 (the xcb platform plugin).
qt_window_pkgs=(libxkbcommon-x11-0 libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0
                libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xkb1)

say() { printf 'framescope setup: %s\n' "$*" >&2; }

apt_install() {
    local missing=()
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
            || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if ! command -v apt-get >/dev/null 2>&1; then
        say "not a Debian-like system; make sure these libraries are installed: ${missing[*]}"
        return 0
    fi
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1; then sudo=(sudo); else
            say "missing ${missing[*]}; run as root: apt-get install ${missing[*]}"
            return 0
        fi
    fi
    say "installing ${missing[*]}"
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
        "${missing[@]}" >/dev/null
}

find_python() {
    for py in python3.13 python3.12 python3.11 python3; do
        if command -v "$py" >/dev/null 2>&1 &&
           "$py" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
            echo "$py"; return 0
        fi
    done
    return 1
}

setup() {
    local pkgs=("${qt_offscreen_pkgs[@]}")
    case "$mode" in
        app) pkgs+=("${qt_window_pkgs[@]}") ;;
        test|build) pkgs+=("${freeze_pkgs[@]}" "${qt_window_pkgs[@]}") ;;
    esac
    apt_install "${pkgs[@]}"

    local py
    if ! py=$(find_python); then
        apt_install python3 python3-venv
        py=$(find_python) || { say "Python 3.11 or newer is needed"; exit 1; }
    fi
    if [ ! -x .venv/bin/python ]; then
        if ! "$py" -m venv .venv 2>/dev/null; then
            rm -rf .venv
            apt_install python3-venv
            "$py" -m venv .venv
        fi
    fi
    # Reinstall only when the declared dependencies changed.
    local stamp=.venv/.framescope-installed want
    want=$(sha256sum pyproject.toml | cut -d' ' -f1)
    if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
        say "installing Python packages into .venv"
        .venv/bin/python -m pip install -q --upgrade pip >/dev/null
        .venv/bin/python -m pip install -q -e ".[dev,package]"
        echo "$want" > "$stamp"
    fi
}

run_tests() {
    export QT_QPA_PLATFORM=offscreen
    local bin=.venv/bin
    echo "== ruff"; "$bin/ruff" check models desktop tests bench packaging
    echo "== mypy (strict on models/)"; "$bin/mypy" models desktop/charts desktop/cli.py
    echo "== import contracts"; "$bin/lint-imports"
    echo "== pytest"; "$bin/python" -m pytest "$@"
    # The frozen app, built and checked (CI fails when it fails); skip locally
    # with FRAMESCOPE_FROZEN_CHECK=0.
    if [ "${FRAMESCOPE_FROZEN_CHECK:-1}" != 0 ]; then
        echo "== frozen build"; bash packaging/build.sh
        echo "== frozen check"; env -u QT_QPA_PLATFORM bash packaging/check_frozen.sh
    fi
}

case "$mode" in
    setup|build) setup ;;
    test) setup; run_tests "$@" ;;
    app)
        setup
        if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
            say "no display found: the app will run offscreen (set DISPLAY to see the window)"
        fi
        exec .venv/bin/framescope "$@" ;;
    *) say "unknown mode '$mode' (use app, test, setup or build)"; exit 2 ;;
esac
