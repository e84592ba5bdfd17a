#!/usr/bin/env bash
# Put what install.sh needs into a bundle folder: share/ (menu entry, icons,
# MIME types) and install.sh itself. build.sh runs it after PyInstaller.
#
#   bash packaging/bundle_share.sh BUNDLE ICONS    # ICONS: make_icons.py's output folder
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bundle=$1
icons=$2
py=${PYTHON:-$here/.venv/bin/python}
share=$bundle/share
rm -rf "$share"
mkdir -p "$share/applications" "$share/mime/packages" "$share/icons"
"$py" "$here/packaging/desktop_entry.py" desktop "$here/packaging/framescope.desktop" \
    "$share/applications/framescope.desktop"
cp "$here/packaging/framescope-mime.xml" "$share/mime/packages/framescope.xml"
cp -r "$icons/hicolor" "$share/icons/"
cp "$here/packaging/install.sh" "$bundle/install.sh"
chmod +x "$bundle/install.sh"
