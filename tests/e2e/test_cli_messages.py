"""The command line's messages on bad input: the file (or folder, or command) named with
the reason, the documented exit code, no traceback (ux8, session 8)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from tests.e2e.test_cli import SEEDS, framescope

pytestmark = pytest.mark.slow

ONE_SEED = sorted(SEEDS.glob("*.txt"))[0]


@pytest.mark.parametrize("where", ["under a file", "a file"])
def test_an_output_folder_that_cannot_be_made_is_said_before_any_analysis(
    tmp_path: Path, where: str
) -> None:
    blocker = tmp_path / "notes.txt"
    blocker.write_text("not a folder", encoding="utf-8")
    out = blocker / "out" if where == "under a file" else blocker
    result = framescope("analyze", str(ONE_SEED), "--out", str(out))
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    reason = ("cannot make the output folder (Not a directory)" if where == "under a file"
              else "not a folder: a file of that name is in the way")
    assert result.stderr == f"framescope: {out}: {reason}\n"
    assert result.stdout == ""  # nothing analysed, no summary
    assert blocker.read_text(encoding="utf-8") == "not a folder"


@pytest.mark.parametrize("typed", ["analyse", "Analyze", "sentence"])
def test_a_misspelt_command_is_named_with_the_one_meant(tmp_path: Path, typed: str) -> None:
    meant = "sentences" if typed == "sentence" else "analyze"
    out = tmp_path / "out"
    result = framescope(typed, str(SEEDS), "--out", str(out), cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == (
        f"framescope: unknown command '{typed}' (and no file of that name); "
        f"did you mean 'framescope {meant}'? See 'framescope {meant} --help'.\n"
    )
    assert not out.exists()
    # Without --out it does not open the app on a file named like the command either.
    assert framescope(typed, str(SEEDS), cwd=tmp_path).returncode == 2


@pytest.mark.parametrize(
    ("typed", "meant"),
    [(["--formats", "svg"], "--chart-format"), (["--format=svg"], "--chart-format"),
     (["--quite"], "--quiet"), (["--dictionaries", "x.dic"], "--dictionary"),
     (["--xyzzy"], None)],
)
def test_an_unknown_option_is_named_with_the_option_it_resembles(
    tmp_path: Path, typed: list[str], meant: str | None
) -> None:
    out = tmp_path / "out"
    result = framescope("analyze", str(ONE_SEED), "--out", str(out), *typed)
    assert result.returncode == 2
    hint = f"; did you mean {meant}?" if meant else ""
    assert result.stderr.endswith(
        f"framescope: error: unrecognized arguments: {' '.join(typed)}{hint}\n")
    assert not out.exists()

def test_folders_with_no_article_are_rows_of_errors_csv(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    pictures = tmp_path / "pictures"
    pictures.mkdir()
    (pictures / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    out = tmp_path / "out"
    result = framescope("analyze", str(empty), str(pictures), str(ONE_SEED), "--out", str(out),
                        "--no-charts")
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"1 article from 1 outlet analysed, 2 files not read; 0 chart files; wrote {out}\n"
    with (out / "errors.csv").open(newline="", encoding="utf-8") as handle:
        errors = {row["file"]: row["reason"] for row in csv.DictReader(handle)}
    assert set(errors) == {str(empty), str(pictures)}
    assert errors[str(empty)].startswith("no article in this folder: it holds no file of a type")
    assert errors[str(pictures)].startswith(
        "no article in this folder: its one file is not of a type Framescope reads (.csv, ")
    assert f"framescope: {empty}: no article in this folder" in result.stderr


@pytest.mark.parametrize("where", ["under a file", "a folder"])
def test_sentences_says_where_it_cannot_write(tmp_path: Path, where: str) -> None:
    source = tmp_path / "sentences.txt"
    source.write_text("Officials may resign, sources said.\n", encoding="utf-8")
    out = source / "out.csv" if where == "under a file" else tmp_path
    result = framescope("sentences", str(source), "--out", str(out))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr == (
        f"framescope: {source}: not a folder: a file of that name is in the way\n"
        if where == "under a file"
        else f"framescope: {tmp_path}: a folder, not a file name for the output CSV\n"
    )
    assert source.read_text(encoding="utf-8") == "Officials may resign, sources said.\n"


def test_every_argument_of_the_headless_commands_is_explained() -> None:
    import argparse

    from desktop.cli import _parser

    commands = next(a for a in _parser()._actions if isinstance(a, argparse._SubParsersAction))
    for name, parser in commands.choices.items():
        unexplained = [a.dest for a in parser._actions if not a.help]
        assert unexplained == [], (name, unexplained)
        shown = framescope(name, "--help")
        assert shown.returncode == 0 and "  --out " in shown.stdout
    assert "the folder to write into" in framescope("analyze", "--help").stdout
