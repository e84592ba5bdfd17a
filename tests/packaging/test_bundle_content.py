"""packaging/bundle_content.py: the spec leaves Qt's GTK theme out with what only it
needs, and the check of a built bundle fails on GTK and on a library the bundle
links to but lacks (check_frozen.sh runs it first, in CI)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import PySide6
import pytest

from tests.packaging.conftest import PACKAGING, load_script

content = load_script("bundle_content")

PLUGIN = "PySide6/Qt/plugins/platformthemes/libqgtk3.so"
QT_PLUGINS = Path(PySide6.__file__).parent / "Qt" / "plugins"
OFFSCREEN = QT_PLUGINS / "platforms" / "libqoffscreen.so"
linux_only = pytest.mark.skipif(
    not sys.platform.startswith("linux") or shutil.which("readelf") is None,
    reason="ELF linking is read with readelf on Linux",
)


def _binaries() -> list[tuple[str, str, str]]:
    """A TOC as PyInstaller's Analysis leaves it on a build machine with GTK 3."""
    return [
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/site/PySide6/Qt/lib/libQt6Gui.so.6", "BINARY"),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/site/libqxcb.so", "BINARY"),
        (PLUGIN, "/site/libqgtk3.so", "BINARY"),
        ("libgtk-3.so.0", "/usr/lib/libgtk-3.so.0", "BINARY"),
        ("libcairo.so.2", "/usr/lib/libcairo.so.2", "BINARY"),
        ("libglib-2.0.so.0", "/usr/lib/libglib-2.0.so.0", "BINARY"),
        ("libxcb-cursor.so.0", "/usr/lib/libxcb-cursor.so.0", "BINARY"),
        ("libpython3.11.so.1.0", "/usr/lib/libpython3.11.so.1.0", "BINARY"),
        ("libQt6Gui.so.6", "PySide6/Qt/lib/libQt6Gui.so.6", "SYMLINK"),
        ("libgtk-3.so", "libgtk-3.so.0", "SYMLINK"),
    ]


NEEDS = {
    "/site/libqgtk3.so": ["libgtk-3.so.0", "libQt6Gui.so.6", "libglib-2.0.so.0", "libc.so.6"],
    "/usr/lib/libgtk-3.so.0": ["libcairo.so.2", "libglib-2.0.so.0"],
    "/site/PySide6/Qt/lib/libQt6Gui.so.6": ["libglib-2.0.so.0"],
    "/site/libqxcb.so": ["libQt6Gui.so.6", "libxcb-cursor.so.0"],
}


def _needs(source: str) -> list[str]:
    return NEEDS.get(source, [])


def test_the_gtk_theme_and_the_libraries_only_it_needs_are_left_out() -> None:
    kept, left_out = content.without_gtk_theme(_binaries(), _needs)
    assert left_out == [PLUGIN, "libgtk-3.so.0", "libcairo.so.2", "libgtk-3.so"]
    # Qt links to glib too; the xcb platform's library and libpython are no concern of GTK's.
    assert [entry[0] for entry in kept] == [
        "PySide6/Qt/lib/libQt6Gui.so.6",
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "libglib-2.0.so.0",
        "libxcb-cursor.so.0",
        "libpython3.11.so.1.0",
        "libQt6Gui.so.6",
    ]


def test_a_library_the_theme_shares_with_something_kept_stays() -> None:
    needs = dict(NEEDS, **{"/site/libqxcb.so": ["libQt6Gui.so.6", "libcairo.so.2"]})
    kept, left_out = content.without_gtk_theme(_binaries(), lambda source: needs.get(source, []))
    assert "libcairo.so.2" in [entry[0] for entry in kept]
    assert left_out == [PLUGIN, "libgtk-3.so.0", "libgtk-3.so"]


def test_a_bundle_without_the_theme_is_left_as_it_is() -> None:
    binaries = [entry for entry in _binaries() if entry[0] != PLUGIN]
    assert content.without_gtk_theme(binaries, _needs) == (binaries, [])


def _bundle(root: Path, *files: str) -> Path:
    for name in files:
        path = root / "_internal" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"not an ELF file")
    return root


def test_the_check_names_every_gtk_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bundle = _bundle(tmp_path / "b", PLUGIN, "libgtk-3.so.0", "libpango-1.0.so.0", "libQt6Gui.so.6")
    assert content.main(["check", str(bundle)]) == 1
    err = capsys.readouterr().err
    assert "holds GTK" in err
    for name in (PLUGIN, "libgtk-3.so.0", "libpango-1.0.so.0"):
        assert f"_internal/{name}" in err
    assert "libQt6Gui" not in err


def test_the_check_passes_a_bundle_without_gtk(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bundle = _bundle(tmp_path / "b", "libQt6Gui.so.6", "PySide6/Qt/plugins/platforms/libqxcb.so")
    assert content.main(["check", str(bundle)]) == 0
    assert "bundle check passed" in capsys.readouterr().out


@linux_only
def test_links_are_read_from_the_elf_file(tmp_path: Path) -> None:
    assert "libQt6Gui.so.6" in content.needed_libraries(OFFSCREEN)
    text = tmp_path / "a.txt"
    text.write_text("text", encoding="utf-8")
    assert content.needed_libraries(text) == []


@linux_only
def test_a_library_the_bundle_links_to_but_lacks_fails_the_check(tmp_path: Path) -> None:
    """A real Qt plugin copied alone: the Qt libraries it links to are missing; once
    they are there, only system libraries (glibc, OpenGL: never bundled) remain."""
    bundle = tmp_path / "b"
    plugin = bundle / "_internal" / "platforms" / OFFSCREEN.name
    plugin.parent.mkdir(parents=True)
    shutil.copy2(OFFSCREEN, plugin)
    found = content.problems(bundle, check_links=True)
    assert any(
        "libQt6Gui.so.6 is needed by _internal/platforms/libqoffscreen.so" in m for m in found
    ), found
    own = [n for n in content.needed_libraries(OFFSCREEN) if not content._is_system_library(n)]
    assert "libc.so.6" not in own and "libQt6Gui.so.6" in own
    for name in own:
        (bundle / "_internal" / name).write_bytes(b"placeholder")
    assert content.problems(bundle, check_links=True) == []


def test_check_frozen_stops_on_gtk_before_running_the_app(tmp_path: Path) -> None:
    bundle = _bundle(tmp_path / "framescope", PLUGIN, "libgtk-3.so.0")
    ran = tmp_path / "app-ran"
    app = bundle / "framescope"
    app.write_text(f"#!/bin/sh\ntouch '{ran}'\necho 'smoke test passed'\n", encoding="utf-8")
    app.chmod(0o755)
    result = subprocess.run(
        ["bash", str(PACKAGING / "check_frozen.sh"), str(bundle)],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHON": sys.executable},
    )
    assert result.returncode == 1
    assert "holds GTK" in result.stderr and "_internal/libgtk-3.so.0" in result.stderr
    assert "frozen check FAILED: the bundle's content is wrong" in result.stderr
    assert not ran.exists(), "the app ran although the bundle's content is wrong"
