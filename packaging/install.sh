#!/usr/bin/env bash
# Install Framescope for the current user: the app, its menu entry, its icons
# and the file types it opens. No root needed.
#
#   bash install.sh                 # from a built bundle (dist/framescope/install.sh),
#                                   # or from the repo after bash packaging/build.sh
#   bash packaging/install.sh --venv    # no bundle: the menu entry runs .venv/bin/framescope
#   bash install.sh --uninstall     # remove everything install.sh put in place
#
# Where things go (the XDG base directories):
#   $PREFIX/lib/framescope/        the frozen app (PREFIX defaults to ~/.local)
#   $PREFIX/bin/framescope         a link to it
#   $XDG_DATA_HOME/applications/framescope.desktop      (XDG_DATA_HOME: ~/.local/share)
#   $XDG_DATA_HOME/icons/hicolor/{16x16..512x512,scalable}/apps/framescope.{png,svg}
#   $XDG_DATA_HOME/mime/packages/framescope.xml         (the .framescope project type)
#   $XDG_CONFIG_HOME/mimeapps.list: Framescope as the default for .framescope files,
#                                   when xdg-mime is installed (uninstall takes it out)
# then update-desktop-database, update-mime-database and gtk-update-icon-cache
# run when they are installed, so the menu and file managers see the change.
set -euo pipefail

say() { printf 'framescope install: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

mode=install
source=auto
for arg in "$@"; do
    case "$arg" in
        --uninstall) mode=uninstall ;;
        --venv) source=venv ;;
        -h|--help) sed -n '2,${/^#/!q;p}' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown option '$arg' (use --venv, --uninstall or --help)" ;;
    esac
done

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
prefix=${PREFIX:-$HOME/.local}
data=${XDG_DATA_HOME:-$HOME/.local/share}
appdir=$prefix/lib/framescope
bindir=$prefix/bin
applications=$data/applications
icons=$data/icons/hicolor
mimedir=$data/mime
desktop_file=$applications/framescope.desktop
sizes=(16 24 32 48 64 128 256 512)

refresh() {
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$applications" 2>/dev/null || say "update-desktop-database failed (ignored)"
    fi
    if command -v update-mime-database >/dev/null 2>&1 && [ -d "$mimedir/packages" ]; then
        update-mime-database "$mimedir" >/dev/null 2>&1 || say "update-mime-database failed (ignored)"
    fi
    touch "$icons" 2>/dev/null || true
    if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$icons/index.theme" ]; then
        gtk-update-icon-cache -q -t -f "$icons" 2>/dev/null || true
    fi
}

# install_menu made Framescope the default program for its project files with
# `xdg-mime default`, which writes $XDG_CONFIG_HOME/mimeapps.list. Take out only our
# entries (framescope.desktop in any list), keep every other association, and remove
# the file only when nothing but section headers is left in it.
forget_associations() {
    local list=${XDG_CONFIG_HOME:-$HOME/.config}/mimeapps.list
    [ -f "$list" ] || return 0
    grep -q 'framescope\.desktop' "$list" || return 0
    awk '
        /^[^#[][^=]*=/ {
            key = substr($0, 1, index($0, "=") - 1)
            n = split(substr($0, index($0, "=") + 1), items, ";")
            kept = ""
            for (i = 1; i <= n; i++)
                if (items[i] != "" && items[i] != "framescope.desktop") kept = kept items[i] ";"
            if (kept == "") next
            if (substr($0, length($0)) != ";") kept = substr(kept, 1, length(kept) - 1)
            print key "=" kept
            next
        }
        { print }
    ' "$list" >"$list.tmp"
    if grep -qv '^[[:space:]]*\(\[.*\]\)\{0,1\}[[:space:]]*$' "$list.tmp"; then
        cat "$list.tmp" >"$list"  # keeps the file itself (its mode, a link to it)
    else
        rm -f "$list"
    fi
    rm -f "$list.tmp"
}

uninstall() {
    rm -f "$desktop_file" "$mimedir/packages/framescope.xml"
    forget_associations
    rm -f "$icons/scalable/apps/framescope.svg"
    for n in "${sizes[@]}"; do rm -f "$icons/${n}x${n}/apps/framescope.png"; done
    # The link and the app folder only when they are ours.
    if [ -L "$bindir/framescope" ]; then
        case "$(readlink "$bindir/framescope")" in
            "$appdir"/*|*/.venv/bin/framescope) rm -f "$bindir/framescope" ;;
        esac
    fi
    if [ -f "$appdir/.installed-by-framescope" ]; then rm -rf "$appdir"; fi
    refresh
    say "removed Framescope from $prefix and $data"
}

# The program the menu entry runs, and where the desktop file, icons and MIME XML come from.
find_source() {
    if [ "$source" != venv ]; then
        for bundle in "$here" "$here/../dist/framescope"; do
            if [ -x "$bundle/framescope" ] && [ -d "$bundle/share" ]; then
                bundle=$(cd "$bundle" && pwd)
                return 0
            fi
        done
        [ "$source" = auto ] || die "no built bundle found"
        say "no built bundle next to install.sh or in dist/ (run bash packaging/build.sh); installing the .venv launcher"
    fi
    source=venv
    repo=$(cd "$here/.." && pwd)
    [ -x "$repo/.venv/bin/framescope" ] || die "$repo/.venv/bin/framescope is missing: run bash packaging/setup.sh setup"
}

install_bundle() {
    [ "$bundle" != "$(cd "$appdir" 2>/dev/null && pwd)" ] || die "already installed in $appdir"
    mkdir -p "$appdir" "$bindir"
    # Replace an older install wholesale, never leaving a mix of two versions.
    if [ -f "$appdir/.installed-by-framescope" ]; then rm -rf "$appdir"; mkdir -p "$appdir"; fi
    [ -z "$(ls -A "$appdir")" ] || die "$appdir exists and was not made by install.sh; remove it first"
    cp -a "$bundle/." "$appdir/"
    touch "$appdir/.installed-by-framescope"
    ln -sfn "$appdir/framescope" "$bindir/framescope"
    program=$appdir/framescope
    share=$appdir/share
}

install_venv() {
    mkdir -p "$bindir"
    ln -sfn "$repo/.venv/bin/framescope" "$bindir/framescope"
    program=$repo/.venv/bin/framescope
    share=$(mktemp -d)
    trap 'rm -rf "$share"' EXIT
    mkdir -p "$share/applications" "$share/mime/packages" "$share/icons"
    QT_QPA_PLATFORM=offscreen "$repo/.venv/bin/python" "$repo/packaging/make_icons.py" "$share/icons" >/dev/null
    "$repo/.venv/bin/python" "$repo/packaging/desktop_entry.py" desktop \
        "$repo/packaging/framescope.desktop" "$share/applications/framescope.desktop"
    cp "$repo/packaging/framescope-mime.xml" "$share/mime/packages/framescope.xml"
}

# Exec= and TryExec= name the installed program by its absolute path, so the
# menu entry works whether or not ~/.local/bin is on the session's PATH.
desktop_entry() {
    local exec=$program
    case "$program" in
        *[[:space:]\"\'\\\>\<~\|\&\;\$\*\?\#\(\)\`]*)
            exec=$(printf '%s' "$program" | sed -e 's/[\\"`$]/\\&/g' -e 's/\\/\\\\/g')
            exec="\"$exec\"" ;;
    esac
    # Through the environment: awk -v would interpret the backslashes.
    FS_EXEC=$exec FS_TRYEXEC=$program awk '
        /^TryExec=/ { next }
        /^Exec=/ {
            rest = $0; sub(/^Exec=[^ ]*/, "", rest)
            print "TryExec=" ENVIRON["FS_TRYEXEC"]; print "Exec=" ENVIRON["FS_EXEC"] rest; next
        }
        { print }
    ' "$share/applications/framescope.desktop" >"$desktop_file.tmp"
    mv "$desktop_file.tmp" "$desktop_file"
}

install_menu() {
    mkdir -p "$applications" "$mimedir/packages" "$icons"
    local hicolor=$share/icons/hicolor
    [ -d "$hicolor" ] || hicolor=$share/icons
    for n in "${sizes[@]}"; do
        local png=$hicolor/${n}x${n}/apps/framescope.png
        [ -f "$png" ] || die "icon $png is missing"
        mkdir -p "$icons/${n}x${n}/apps"
        cp "$png" "$icons/${n}x${n}/apps/framescope.png"
    done
    mkdir -p "$icons/scalable/apps"
    cp "$hicolor/scalable/apps/framescope.svg" "$icons/scalable/apps/framescope.svg"
    cp "$share/mime/packages/framescope.xml" "$mimedir/packages/framescope.xml"
    desktop_entry
    if command -v desktop-file-validate >/dev/null 2>&1; then
        desktop-file-validate "$desktop_file" || die "the installed $desktop_file does not validate"
    fi
    refresh
    # Framescope is the natural program for its own project files.
    if command -v xdg-mime >/dev/null 2>&1 && grep -q 'application/x-framescope;' "$desktop_file"; then
        xdg-mime default framescope.desktop application/x-framescope 2>/dev/null || true
    fi
}

if [ "$mode" = uninstall ]; then uninstall; exit 0; fi
find_source
if [ "$source" = venv ]; then install_venv; else install_bundle; fi
install_menu
say "installed: $program"
say "menu entry: $desktop_file"
case ":$PATH:" in *":$bindir:"*) ;; *) say "add $bindir to PATH to run 'framescope' from a terminal" ;; esac
