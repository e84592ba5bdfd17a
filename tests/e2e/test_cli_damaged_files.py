"""`framescope analyze` on the seeds beside damaged files of every format it reads (session
32's audit): an empty file, the first half of a real one, random bytes, a real file of
another format under this one's extension, text in cp1252 and in UTF-16, and a corpus file
with a 10 MB cell. The seeds and the good files are analysed (exit 0); every damaged file is
named in errors.csv and on stderr with a reason in words, never a traceback; the run ends.
The readers' side: tests/models/test_damaged_files.py."""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.test_cli import REPO, SEEDS, rows
from tests.models.test_damaged_files import write_corpus_with_a_book_cell, write_valid

pytestmark = pytest.mark.slow

FORMATS = [".txt", ".md", ".html", ".pdf", ".docx", ".odt", ".rtf", ".csv", ".json",
           ".xlsx"]
# A real file of another format under each extension.
OTHER = {".txt": ".pdf", ".md": ".docx", ".html": ".pdf", ".pdf": ".docx", ".docx": ".pdf",
         ".odt": ".docx", ".rtf": ".html", ".csv": ".xlsx", ".json": ".csv", ".xlsx": ".csv"}
JARGON = ("Traceback", "NoneType", "Errno", "line 1 column", "(char ", "Exception", "Error)",
          "XML")


# Runs the command as its child and writes the largest resident size (kB) of the processes
# under it: this pytest process's own RUSAGE_CHILDREN also holds every earlier test's
# children (a full run reached 3.4 GB there before this command started).
PEAK = ("import resource, subprocess, sys\n"
        "done = subprocess.run(sys.argv[2:], capture_output=True, text=True)\n"
        "open(sys.argv[1], 'w').write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))\n"
        "sys.stdout.write(done.stdout); sys.stderr.write(done.stderr)\n"
        "sys.exit(done.returncode)\n")


def framescope(*args: str, peak_to: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-c", PEAK, str(peak_to), sys.executable, "-m", "desktop", *args],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=600, check=False)


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, object]:
    root = tmp_path_factory.mktemp("damaged")
    inputs = root / "in"
    shutil.copytree(SEEDS, inputs / "seeds")
    bad = inputs / "bad"
    bad.mkdir()
    scratch = root / "scratch"
    scratch.mkdir()
    for suffix in FORMATS:
        name = suffix[1:]
        whole = write_valid(scratch / f"whole{suffix}").read_bytes()
        (bad / f"empty-{name}{suffix}").write_bytes(b"")
        (bad / f"cut-{name}{suffix}").write_bytes(whole[: len(whole) // 2])
        (bad / f"noise-{name}{suffix}").write_bytes(random.Random(suffix).randbytes(4096))
        other = write_valid(scratch / f"other-{name}{OTHER[suffix]}").read_bytes()
        (bad / f"misnamed-{name}{suffix}").write_bytes(other)
    good = inputs / "good"
    good.mkdir()
    # A story no other file holds (text files in cp1252 and UTF-16 with a byte-order mark).
    for encoding in ("cp1252", "utf-16"):
        (good / f"{encoding}.txt").write_bytes(
            f"Café owners say the pool closure hurts trade\n\nOwners of the café by the "
            f"pool said on Monday that the closure ({encoding}) would cost them customers, "
            "the chamber of commerce said.\n".encode(encoding))
    write_corpus_with_a_book_cell(good / "corpus.csv")
    out = root / "out"
    peak = root / "peak-kb"
    result = framescope("analyze", str(inputs), "--out", str(out), "--no-charts", "--jobs", "2",
                        peak_to=peak)
    return inputs, out, (result, int(peak.read_text()))


def test_the_seeds_and_the_good_files_are_analysed(run: tuple[Path, Path, object]) -> None:
    _inputs, out, (result, _peak) = run  # type: ignore[misc]
    assert result.returncode == 0, result.stderr
    analysed = {Path(r["file"]).name for r in rows(out / "scores.csv")}
    assert {p.name for p in SEEDS.glob("*.txt")} <= analysed
    assert {"cp1252.txt", "utf-16.txt", "corpus.csv"} <= analysed
    # Read as the characters they are: "Café", not "CafÃ©" nor "C\x00a\x00f".
    headlines = {r["headline"] for r in rows(out / "scores.csv")}
    assert "Café owners say the pool closure hurts trade" in headlines
    assert "Library hours cut" in headlines and "A book in a cell" not in headlines


def test_every_damaged_file_is_named_with_a_reason_in_words(
    run: tuple[Path, Path, object],
) -> None:
    inputs, out, (result, _peak) = run  # type: ignore[misc]
    errors = {Path(r["file"]).name: r["reason"] for r in rows(out / "errors.csv")}
    analysed = {Path(r["file"]).name for r in rows(out / "scores.csv")}
    for path in sorted((inputs / "bad").iterdir()):
        reason = errors.get(path.name)
        if path.name in analysed:
            # Half a text, web page or CSV is read as far as it goes (a CSV cut inside a
            # row says so, in errors.csv as a file read in part).
            assert path.name in {"cut-txt.txt", "cut-md.md", "cut-html.html", "cut-rtf.rtf",
                                 "cut-csv.csv"}, path.name
            if path.suffix == ".csv":
                assert reason and "may be cut short" in reason
            continue
        assert reason, f"{path.name} neither analysed nor in errors.csv"
        assert f"framescope: {path}: {reason}\n" in result.stderr
        assert not any(word in reason for word in JARGON), reason
    for suffix in (".pdf", ".docx", ".odt", ".xlsx", ".json"):
        assert "incomplete: it stops before its end" in errors[f"cut-{suffix[1:]}{suffix}"]
    for path in (inputs / "bad").glob("empty-*"):
        assert errors[path.name] == "empty file"
    for path in (inputs / "bad").glob("misnamed-*"):
        assert "rename it to end in" in errors[path.name], errors[path.name]
    assert errors["corpus.csv"].startswith("line 3 too long to be one article (")
    assert "Traceback" not in result.stderr


def test_the_run_stays_within_bounds(run: tuple[Path, Path, object]) -> None:
    # A 10 MB cell was scored as one article: the run sat on it for minutes. framescope()
    # gives up after 600 s; the memory of the largest process stays below 2 GB.
    _inputs, _out, (_result, peak_kb) = run  # type: ignore[misc]
    assert peak_kb < 2 * 1024 * 1024
    assert peak_kb > 50 * 1024  # the command itself was measured (python + numpy alone: ~100 MB)
