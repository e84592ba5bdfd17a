"""The command line's messages on bad input: the file (or folder, or command) named with
the reason, the documented exit code, no traceback (ux8, session 8)."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

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


@pytest.mark.parametrize("blocked", ["report.html", "scores.csv"])
def test_an_output_that_cannot_be_written_is_named_without_a_traceback(
    tmp_path: Path, blocked: str
) -> None:
    # A folder where an output file goes: the write fails after the analysis (as a full
    # disk would); the file is named with the reason, the files read are still said.
    out = tmp_path / "out"
    (out / blocked).mkdir(parents=True)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = framescope("analyze", str(ONE_SEED), str(empty), "--out", str(out),
                        "--no-charts", "--report", "html")
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 2
    assert f"framescope: {empty}: empty file\n" in result.stderr
    assert result.stderr.endswith(
        f"framescope: {out / blocked}: could not be written (Is a directory)\n")
    assert (out / blocked).is_dir()
    assert not list(out.glob(".*.part"))  # no half-written file left behind


def test_a_full_disk_names_the_file_being_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import errno
    import os

    from desktop.__main__ import main
    from models import export

    real = export.csv_line

    def full(row: Any) -> str:
        if row and row[0] == "article_id":  # scores.csv's header
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real(row)

    monkeypatch.setattr(export, "csv_line", full)
    out = tmp_path / "out"
    code = main(["analyze", str(ONE_SEED), "--out", str(out), "--no-charts", "--jobs", "1",
                 "--quiet"])
    err = capsys.readouterr().err
    assert code == 2
    assert err == f"framescope: {out / 'scores.csv'}: could not be written (No space left on device)\n"


def test_a_table_the_second_process_cannot_write_is_named_once(tmp_path: Path) -> None:
    # spans.csv is written by a forked child when there are 40 articles or more
    # (models.corpus_tables): its failure is said once, by the parent, with no traceback.
    folder = tmp_path / "many"
    folder.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))
    for copy in range(9):
        for seed in seeds:
            text = seed.read_text(encoding="utf-8").replace(" the ", f" the {copy} ", 1)
            (folder / f"{copy}-{seed.name}").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    (out / "spans.csv").mkdir(parents=True)
    result = framescope("analyze", str(folder), "--out", str(out), "--no-charts",
                        "--jobs", "2")
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 2
    assert result.stderr == f"framescope: {out / 'spans.csv'}: could not be written (Is a directory)\n"


def test_a_file_named_with_a_line_break_is_one_line_of_stderr(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "two\nlines.txt").write_bytes(b"")
    (folder / "tab\there 😀.txt").write_bytes(b"")
    result = framescope("analyze", str(folder), str(ONE_SEED), "--out", str(tmp_path / "out"),
                        "--no-charts", "--quiet")
    assert result.returncode == 0
    assert result.stderr.splitlines() == [
        f"framescope: {folder}/tab\\there 😀.txt: empty file",
        f"framescope: {folder}/two\\nlines.txt: empty file",
    ]
    with (tmp_path / "out" / "errors.csv").open(newline="", encoding="utf-8") as handle:
        assert {row["file"] for row in csv.DictReader(handle)} == {
            str(folder / "two\nlines.txt"), str(folder / "tab\there 😀.txt")}


def test_python_m_desktop_cli_runs_the_command(tmp_path: Path) -> None:
    import subprocess
    import sys

    from tests.e2e.test_cli import REPO

    out = tmp_path / "out"
    result = subprocess.run(
        [sys.executable, "-m", "desktop.cli", "analyze", str(ONE_SEED), "--out", str(out),
         "--no-charts"], cwd=REPO, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("1 article from 1 outlet analysed")
    assert (out / "scores.csv").is_file()


def _corpus_csv(path: Path) -> bytes:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["text", "outlet"])
        for seed in sorted(SEEDS.glob("*.txt"))[:2]:
            writer.writerow([seed.read_text(encoding="utf-8"), seed.stem])
    return path.read_bytes()


@pytest.mark.parametrize("given", ["the file", "its folder"])
def test_an_input_the_outputs_would_replace_is_kept_and_said(tmp_path: Path, given: str) -> None:
    # Her corpus file named sources.csv, analysed with --out its own folder, was replaced
    # by the sources table without a word (robust29).
    mine = tmp_path / "sources.csv"
    before = _corpus_csv(mine)
    source = str(mine) if given == "the file" else str(tmp_path)
    result = framescope("analyze", source, "--out", str(tmp_path), "--no-charts")
    assert result.returncode == 2
    assert result.stderr == (
        f"framescope: {mine}: is read by this analysis and would be replaced by its "
        "sources.csv: choose another --out folder\n")
    assert mine.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sources.csv"]


@pytest.mark.parametrize("name", ["report.html", "scores.xlsx"])
def test_a_file_named_like_an_output_not_asked_for_is_kept_without_refusing(
    tmp_path: Path, name: str
) -> None:
    # Analysing her folder into itself was refused because it held a report.html (an
    # article she saved) or a scores.xlsx, though this run writes neither.
    for seed in sorted(SEEDS.glob("*.txt"))[:2]:
        (tmp_path / seed.name).write_bytes(seed.read_bytes())
    mine = tmp_path / name
    mine.write_bytes(b"<html><head><title>Council votes</title></head><body><p>The council "
                     b"voted on Tuesday to approve the budget, officials said.</p></body></html>"
                     if name.endswith(".html") else b"PK\x03\x04 her own workbook")
    before = mine.read_bytes()
    result = framescope("analyze", str(tmp_path), "--out", str(tmp_path), "--no-charts")
    assert result.returncode == 0, result.stderr
    assert mine.read_bytes() == before


def test_an_earlier_runs_report_not_asked_for_again_is_kept_and_never_read(
    tmp_path: Path
) -> None:
    folder = tmp_path / "study"
    folder.mkdir()
    for seed in sorted(SEEDS.glob("*.txt"))[:2]:
        (folder / seed.name).write_bytes(seed.read_bytes())
    first = framescope("analyze", str(folder), "--out", str(folder), "--no-charts",
                       "--report", "html", "--xlsx")
    assert first.returncode == 0, first.stderr
    kept = {n: (folder / n).read_bytes() for n in ("report.html", "scores.xlsx")}
    for _ in range(2):  # the second run's run.json must still mark them as outputs
        again = framescope("analyze", str(folder), "--out", str(folder), "--no-charts")
        assert again.returncode == 0, again.stderr
        assert again.stdout.startswith("2 articles from 2 outlets analysed"), again.stdout
        assert {n: (folder / n).read_bytes() for n in kept} == kept


def test_sentences_does_not_replace_its_input(tmp_path: Path) -> None:
    source = tmp_path / "sentences.csv"
    source.write_text('text\n"Officials may resign, sources said."\n', encoding="utf-8")
    result = framescope("sentences", str(source), "--out", str(source))
    assert result.returncode == 2
    assert result.stderr == (f"framescope: {source}: is the input and would be replaced by "
                             "the sentences' scores: choose another --out file\n")
    assert source.read_text(encoding="utf-8") == 'text\n"Officials may resign, sources said."\n'


def test_outlet_names_with_dollar_signs_are_drawn_as_written(tmp_path: Path) -> None:
    # Between two '$', matplotlib reads TeX: '$\frac{1$ News' ended analyze with a
    # traceback at the charts (ParseSyntaxException), and '$5 Deals $' was drawn in
    # italic maths without its spaces.
    folder = tmp_path / "in"
    folder.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))[:3]
    for name, seed in zip("abc", seeds, strict=True):
        (folder / f"{name}.txt").write_bytes(seed.read_bytes())
    (folder / "manifest.csv").write_text(
        "file,outlet\na.txt,Money$Talk\nb.txt,$\\frac{1$ News\nc.txt,$5 Deals $\n",
        encoding="utf-8")
    out = tmp_path / "out"
    result = framescope("analyze", str(folder), "--out", str(out), "--chart-format", "svg")
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    assert result.returncode == 0
    svgs = list((out / "charts").glob("*.svg"))
    assert svgs
    drawn = "".join(p.read_text(encoding="utf-8") for p in svgs)
    assert "$\\frac{1$ News" in drawn and "$5 Deals $" in drawn


def test_characters_the_chart_font_lacks_are_said_once(tmp_path: Path) -> None:
    # Each chart warned for each character of an outlet name its font has no glyph for:
    # 102 lines of 'UserWarning: Glyph 25991 (...) missing from font(s) DejaVu Sans' for
    # two outlets, the files not read lost among them.
    folder = tmp_path / "in"
    folder.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))[:2]
    (folder / "中文报_2024-01-01_a.txt").write_bytes(seeds[0].read_bytes())
    (folder / "plain_2024-01-01_b.txt").write_bytes(seeds[1].read_bytes())
    (folder / "empty.txt").write_bytes(b"")
    result = framescope("analyze", str(folder), "--out", str(tmp_path / "out"), "--quiet")
    assert result.returncode == 0
    assert "Warning" not in result.stderr, result.stderr[:2000]
    assert result.stderr.splitlines() == [
        f"framescope: {folder / 'empty.txt'}: empty file",
        "framescope: charts: the chart font has no glyph for 中, 文, 报 (drawn as boxes); "
        "the tables hold the names as written",
    ]


def test_a_second_run_into_the_folder_it_reads_skips_the_first_run_s_files(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "study"
    folder.mkdir()
    for seed in sorted(SEEDS.glob("*.txt"))[:2]:
        (folder / seed.name).write_bytes(seed.read_bytes())
    first = framescope("analyze", str(folder), "--out", str(folder), "--no-charts")
    assert first.returncode == 0, first.stderr
    second = framescope("analyze", str(folder), "--out", str(folder), "--no-charts")
    assert second.returncode == 0, second.stderr
    assert second.stdout == first.stdout  # the same 2 articles, not the tables as articles
    assert second.stderr.startswith(f"framescope: {folder / 'run.json'}: skipped: ")


def test_a_manifest_with_a_repeated_row_is_read_in_part_not_unread(tmp_path: Path) -> None:
    # Its other rows gave the article its outlet: the summary said "1 file not read"
    # (robust29's open finding); the manifest was read in part.
    folder = tmp_path / "study"
    folder.mkdir()
    (folder / "story.txt").write_bytes(ONE_SEED.read_bytes())
    (folder / "manifest.csv").write_text(
        "file,outlet\nstory.txt,First Daily\nstory.txt,Second Daily\n", encoding="utf-8")
    out = tmp_path / "out"
    result = framescope("analyze", str(folder), "--out", str(out), "--no-charts")
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        f"1 article from 1 outlet analysed, 0 files not read, 1 read in part; 0 chart files; "
        f"wrote {out}\n")
    assert "row 3 lists story.txt again" in result.stderr
