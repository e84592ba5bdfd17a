"""What the frozen bundle may hold: decided by the spec, checked on the built bundle.

What goes into the bundle must not depend on what the build machine happens to
have installed. Two rules:

1. **No GTK.** PySide6's wheel carries Qt's GTK 3 platform-theme plugin
   (``plugins/platformthemes/libqgtk3.so``). PyInstaller follows the plugin's
   links to whatever the build machine has: on a machine with GTK 3 (session 17:
   Chromium brought it onto the CI machine) it bundled libgtk-3, libgdk-3, atk,
   pango, cairo and the X libraries they need (+11 MB); on a machine without GTK,
   the plugin and only part of what it needs. Either way, on the user's desktop
   the plugin would load a GTK built for another system alongside that system's
   GTK themes, modules and settings. Framescope draws with Qt's own style
   (Fusion) and file dialogs, so the spec leaves the plugin out, with every
   library that only it needs (:func:`without_gtk_theme`).
2. **Every library a bundled binary links to is in the bundle**, or is one of the
   system libraries PyInstaller never bundles (glibc, OpenGL/EGL, libdrm, libxcb,
   Wayland's client libraries: ``PyInstaller.depend.dylib``). A library left out
   because the build machine lacked it (e.g. libxcb-cursor0, which Qt's xcb
   platform needs) is found here, not on a user's machine.

    python packaging/bundle_content.py check BUNDLE   # exit 1 naming each problem

Linking is read from ELF files (``readelf -d``, binutils: Linux); rule 1 is
checked by file name on every system.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections.abc import Callable, Iterable
from pathlib import Path, PurePath

#: Qt's GTK 3 platform-theme plugin (PySide6/Qt/plugins/platformthemes/).
GTK_THEME_PLUGIN = "libqgtk3.so"

#: File names of GTK and of what only GTK brings: the toolkit itself, its
#: accessibility bridge, and the text and drawing libraries GTK draws with
#: (pango, cairo; matplotlib draws with its own Agg, Qt with its own raster
#: engine). A name here may come back only with a reason, and a change to this list.
GTK_FILES = re.compile(
    r"^(libqgtk3\.so"
    r"|libgtk-[34]\.so.*|libgdk-[34]\.so.*|libgdk_pixbuf-2\.0\.so.*"
    r"|libatk-1\.0\.so.*|libatk-bridge-2\.0\.so.*|libatspi\.so.*"
    r"|libpango(cairo|ft2|xft)?-1\.0\.so.*|libcairo(-gobject|-script-interpreter)?\.so.*)$"
)

#: The dynamic loader: always the system's, never bundled.
_LOADER = re.compile(r"^ld-linux.*\.so(\..*)?$|^ld64\.so.*$")

_NEEDED = re.compile(r"\(NEEDED\)\s+Shared library: \[(.+?)\]")


def is_elf(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(4) == b"\x7fELF"
    except OSError:
        return False


def needed_libraries(path: str | Path) -> list[str]:
    """The libraries an ELF file links to (its DT_NEEDED entries), by file name;
    [] for a file that is not ELF."""
    if not is_elf(Path(path)):
        return []
    result = subprocess.run(
        ["readelf", "-d", "--wide", str(path)], capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise RuntimeError(f"readelf could not read {path}: {result.stderr.strip()}")
    return _NEEDED.findall(result.stdout)


def without_gtk_theme(
    binaries: Iterable[tuple[str, str, str]],
    needed_by: Callable[[str], Iterable[str]] = needed_libraries,
) -> tuple[list[tuple[str, str, str]], list[str]]:
    """PyInstaller's binaries (destination, source, type code) without Qt's GTK
    theme plugin and without the libraries that only the plugin needs.

    ``needed_by(source)`` gives the library file names a binary links to. A library
    the plugin needs (directly or through another) stays when anything else kept
    needs it too (glib, for example, which Qt itself links to). Returns the kept
    entries and the destinations left out, in their original order.
    """
    entries = list(binaries)
    files = [e for e in entries if e[2] != "SYMLINK"]
    by_name: dict[str, list[tuple[str, str, str]]] = {}
    for entry in files:
        by_name.setdefault(PurePath(entry[0]).name, []).append(entry)
    plugins = [e for e in files if PurePath(e[0]).name == GTK_THEME_PLUGIN]
    if not plugins:
        return entries, []

    def reached_from(start: Iterable[tuple[str, str, str]]) -> set[tuple[str, str, str]]:
        seen: set[tuple[str, str, str]] = set()
        todo = list(start)
        while todo:
            entry = todo.pop()
            if entry in seen:
                continue
            seen.add(entry)
            for name in needed_by(entry[1]):
                todo.extend(by_name.get(name, ()))
        return seen

    theirs = reached_from(plugins)
    still_needed = reached_from(e for e in files if e not in theirs)
    dropped = (theirs - still_needed) | set(plugins)
    dropped_names = {PurePath(e[0]).name for e in dropped}
    kept: list[tuple[str, str, str]] = []
    left_out: list[str] = []
    for entry in entries:
        # A symbolic link (destination, target, "SYMLINK") goes with what it names.
        if entry in dropped or (
            entry[2] == "SYMLINK" and PurePath(entry[1]).name in dropped_names
        ):
            left_out.append(entry[0])
        else:
            kept.append(entry)
    return kept, left_out


def gtk_files(bundle: Path) -> list[str]:
    """Files in the bundle that are GTK's or only GTK's (:data:`GTK_FILES`), relative."""
    return sorted(
        path.relative_to(bundle).as_posix()
        for path in bundle.rglob("*")
        if GTK_FILES.match(path.name) and (path.is_file() or path.is_symlink())
    )


def _is_system_library(name: str) -> bool:
    """A library PyInstaller never bundles: the system provides it."""
    from PyInstaller.depend import dylib

    return bool(_LOADER.match(name)) or not dylib.include_library(name)


def unmet_links(
    bundle: Path,
    needed_by: Callable[[str], Iterable[str]] = needed_libraries,
    is_system_library: Callable[[str], bool] = _is_system_library,
) -> dict[str, list[str]]:
    """Library name -> the bundled files (relative) that link to it, for every
    library that is neither in the bundle (a file or link of that name anywhere in
    it) nor a system library."""
    paths = [p for p in sorted(bundle.rglob("*")) if p.is_file() or p.is_symlink()]
    present = {p.name for p in paths}
    unmet: dict[str, list[str]] = {}
    for path in paths:
        if path.is_symlink() or not is_elf(path):
            continue
        for name in needed_by(str(path)):
            if name not in present and not is_system_library(name):
                unmet.setdefault(name, []).append(path.relative_to(bundle).as_posix())
    return unmet


def problems(bundle: Path, *, check_links: bool | None = None) -> list[str]:
    """Every way the bundle breaks the two rules, one message each ([] when none).
    Links are checked on Linux unless ``check_links`` says otherwise."""
    found = []
    gtk = gtk_files(bundle)
    if gtk:
        found.append(
            f"{bundle} holds GTK, which the spec leaves out "
            f"(packaging/bundle_content.py, rule 1): {', '.join(gtk)}"
        )
    if check_links is None:
        check_links = sys.platform.startswith("linux")
    if check_links:
        for name, users in sorted(unmet_links(bundle).items()):
            shown = ", ".join(users[:3]) + (f" and {len(users) - 3} more" if len(users) > 3 else "")
            found.append(
                f"{bundle}: {name} is needed by {shown} but is not in the bundle "
                f"(the build machine lacked it? rule 2)"
            )
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="check a built bundle; exit 1 naming each problem")
    check.add_argument("bundle", type=Path)
    args = parser.parse_args(argv)
    if not args.bundle.is_dir():
        sys.stderr.write(f"bundle check: {args.bundle} is not a folder (run bash packaging/build.sh)\n")
        return 2
    found = problems(args.bundle)
    for message in found:
        sys.stderr.write(f"bundle check FAILED: {message}\n")
    if found:
        return 1
    sys.stdout.write(f"bundle check passed: {args.bundle} holds no GTK, and every library it links to is in it or the system's\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
