"""install.sh into a temporary HOME: the app, the menu entry, icons, MIME types; uninstall."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.packaging.conftest import PACKAGING, REPO, load_script, unquote_exec

pytestmark = pytest.mark.skipif(
    sys.platform != "linux", reason="install.sh installs into a freedesktop (Linux) menu"
)

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
# A stand-in for the frozen program: records its arguments, one a line.
FAKE_PROGRAM = '#!/bin/sh\nprintf "%s\\n" "$@" > "$FRAMESCOPE_TEST_ARGS"\n'


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A bundle laid out as build.sh leaves dist/framescope, around a fake program."""
    root = tmp_path_factory.mktemp("dist") / "framescope"
    (root / "_internal").mkdir(parents=True)
    program = root / "framescope"
    program.write_text(FAKE_PROGRAM, encoding="utf-8")
    program.chmod(0o755)
    icons = tmp_path_factory.mktemp("icons")
    load_script("make_icons").make_icons(icons)
    subprocess.run(
        ["bash", str(PACKAGING / "bundle_share.sh"), str(root), str(icons)],
        check=True, env={**os.environ, "PYTHON": sys.executable},
    )
    return root


def _env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"XDG_DATA_HOME", "PREFIX"}}
    return {**env, "HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config")}


def _run(script: Path, home: Path, *args: str, **extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", str(script), *args], env={**_env(home), **extra},
        capture_output=True, text=True, timeout=300,
    )


def _exec_line(desktop: Path) -> list[str]:
    lines = desktop.read_text(encoding="utf-8").splitlines()
    return unquote_exec(next(line for line in lines if line.startswith("Exec="))[5:])


def test_bundle_install_puts_app_menu_entry_icons_and_types_in_place(
    bundle: Path, tmp_path: Path
) -> None:
    home = tmp_path / "a home"  # a space in the path, as real homes can have
    result = _run(bundle / "install.sh", home)
    assert result.returncode == 0, result.stderr
    local = home / ".local"
    app = local / "lib" / "framescope" / "framescope"
    assert app.is_file() and os.access(app, os.X_OK)
    assert (local / "bin" / "framescope").resolve() == app.resolve()
    desktop = local / "share" / "applications" / "framescope.desktop"
    for size in SIZES:
        assert (local / "share/icons/hicolor" / f"{size}x{size}/apps/framescope.png").is_file()
    assert (local / "share/icons/hicolor/scalable/apps/framescope.svg").is_file()
    assert (local / "share/mime/packages/framescope.xml").is_file()

    # The menu entry runs the installed program with the files it is given.
    argv = _exec_line(desktop)
    assert argv == [str(app), "%F"]
    record = tmp_path / "args.txt"
    article = tmp_path / "an article.txt"
    subprocess.run(
        [argv[0], str(article)], check=True, env={**_env(home), "FRAMESCOPE_TEST_ARGS": str(record)}
    )
    assert record.read_text(encoding="utf-8").splitlines() == [str(article)]

    if shutil.which("desktop-file-validate"):
        check = subprocess.run(["desktop-file-validate", str(desktop)], capture_output=True, text=True)
        assert check.returncode == 0 and check.stdout == "", check.stdout
    if shutil.which("update-desktop-database"):
        cache = (local / "share/applications/mimeinfo.cache").read_text(encoding="utf-8")
        assert "text/plain=framescope.desktop;" in cache
        assert "text/html=framescope.desktop;" in cache
    if shutil.which("update-mime-database"):
        globs = (local / "share/mime/globs2").read_text(encoding="utf-8")
        assert "application/x-framescope:*.framescope" in globs


def test_xdg_data_home_and_prefix_are_honoured(bundle: Path, tmp_path: Path) -> None:
    home, data, prefix = tmp_path / "home", tmp_path / "data", tmp_path / "opt"
    result = _run(bundle / "install.sh", home, XDG_DATA_HOME=str(data), PREFIX=str(prefix))
    assert result.returncode == 0, result.stderr
    assert (data / "applications" / "framescope.desktop").is_file()
    assert (prefix / "lib" / "framescope" / "framescope").is_file()
    assert not (home / ".local").exists()


def test_reinstall_replaces_and_uninstall_removes_everything(bundle: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert _run(bundle / "install.sh", home).returncode == 0
    stale = home / ".local/lib/framescope/stale-file-from-an-old-version"
    stale.write_text("old", encoding="utf-8")
    assert _run(bundle / "install.sh", home).returncode == 0
    assert not stale.exists()

    result = _run(bundle / "install.sh", home, "--uninstall")
    assert result.returncode == 0, result.stderr
    left = sorted(
        str(p.relative_to(home)) for p in home.rglob("*")
        if p.is_file() or p.is_symlink()
    )
    # Only the caches the update tools rebuild remain, and they no longer name Framescope.
    assert all("/mime/" in p or p.endswith("mimeinfo.cache") for p in left), left
    for path in left:
        assert "framescope" not in (home / path).read_bytes().decode("utf-8", "replace"), path


def test_uninstall_takes_out_only_framescope_associations(bundle: Path, tmp_path: Path) -> None:
    """install.sh runs `xdg-mime default` where xdg-utils is installed, which writes
    ~/.config/mimeapps.list. Uninstall must take Framescope out of it and keep the user's
    other choices, whether or not xdg-utils is on this machine: so the file is written
    here as xdg-mime (and a user's earlier choices) leave it."""
    home = tmp_path / "home"
    assert _run(bundle / "install.sh", home).returncode == 0
    mimeapps = home / ".config" / "mimeapps.list"
    mimeapps.parent.mkdir(parents=True, exist_ok=True)
    mimeapps.write_text(
        "[Default Applications]\n"
        "text/plain=gedit.desktop\n"
        "application/x-framescope=framescope.desktop\n"
        "\n"
        "[Added Associations]\n"
        "application/x-framescope=framescope.desktop;org.other.App.desktop;\n"
        "text/csv=framescope.desktop;\n",
        encoding="utf-8",
    )
    result = _run(bundle / "install.sh", home, "--uninstall")
    assert result.returncode == 0, result.stderr
    assert mimeapps.read_text(encoding="utf-8") == (
        "[Default Applications]\n"
        "text/plain=gedit.desktop\n"
        "\n"
        "[Added Associations]\n"
        "application/x-framescope=org.other.App.desktop;\n"
    )
    # A list that named only Framescope goes with it.
    assert _run(bundle / "install.sh", home).returncode == 0
    mimeapps.write_text(
        "[Default Applications]\napplication/x-framescope=framescope.desktop\n", encoding="utf-8"
    )
    assert _run(bundle / "install.sh", home, "--uninstall").returncode == 0
    assert not mimeapps.exists()


def test_help_prints_the_header_only(tmp_path: Path) -> None:
    result = _run(PACKAGING / "install.sh", tmp_path / "home", "--help")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Install Framescope for the current user")
    assert "mimeapps.list" in result.stdout
    assert "set -euo" not in result.stdout


def test_a_foreign_folder_is_never_overwritten(bundle: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    foreign = home / ".local/lib/framescope"
    foreign.mkdir(parents=True)
    (foreign / "someone-elses-file").write_text("keep me", encoding="utf-8")
    result = _run(bundle / "install.sh", home)
    assert result.returncode != 0
    assert "was not made by install.sh" in result.stderr
    assert (foreign / "someone-elses-file").read_text(encoding="utf-8") == "keep me"
    # And uninstall leaves it alone too.
    assert _run(bundle / "install.sh", home, "--uninstall").returncode == 0
    assert (foreign / "someone-elses-file").is_file()


def test_venv_install_runs_the_checkout(tmp_path: Path) -> None:
    launcher = REPO / ".venv" / "bin" / "framescope"
    if not launcher.is_file():
        pytest.skip("no .venv in this checkout (packaging/setup.sh creates it)")
    home = tmp_path / "home"
    result = _run(PACKAGING / "install.sh", home, "--venv")
    assert result.returncode == 0, result.stderr
    desktop = home / ".local/share/applications/framescope.desktop"
    assert _exec_line(desktop) == [str(launcher), "%F"]
    assert (home / ".local/share/icons/hicolor/512x512/apps/framescope.png").is_file()
    assert _run(PACKAGING / "install.sh", home, "--uninstall").returncode == 0
    assert not desktop.exists()
    assert not (home / ".local/bin/framescope").exists()
