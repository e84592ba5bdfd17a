"""The command line's diagnostics log (desktop.log_file): a fault of Framescope's own is
said in plain words, its traceback kept in the log, and the log's place said (s33).
Before, a reader's or the analysis's traceback went to a logger nobody configured."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from desktop.cli import run_command
from desktop.log_file import current_log, log_folder, log_path
from models.engines import ANALYSIS_FAILED
from tests.e2e.test_cli import SEEDS, framescope

SEED_FILES = sorted(SEEDS.glob("*.txt"))


def _fail_on_the_third_seed(monkeypatch: pytest.MonkeyPatch) -> Path:
    """The analysis raises on the third seed, as a bug in a measure would; that seed."""
    import models.features

    real = models.features.analyze_article
    failing = SEED_FILES[2]

    def analyze_article(article: Any, finder: Any = None) -> Any:
        if Path(article.source).name == failing.name:
            raise KeyError("tone_mean")
        return real(article, finder)

    monkeypatch.setattr(models.features, "analyze_article", analyze_article)
    return failing


def test_a_fault_is_said_plainly_with_the_log_that_keeps_its_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    state = tmp_path / "state"
    monkeypatch.setenv("XDG_STATE_HOME", str(state))
    folder = tmp_path / "in"
    folder.mkdir()
    for seed in SEED_FILES:
        shutil.copy(seed, folder / seed.name)
    failing = _fail_on_the_third_seed(monkeypatch)
    out = tmp_path / "out"
    code = run_command(["analyze", str(folder), "--out", str(out), "--no-charts", "--jobs", "1"])
    assert code == 0
    log = state / "framescope" / "framescope.log"
    said = capsys.readouterr()
    assert said.err.splitlines() == [
        f"framescope: {folder / failing.name}: {ANALYSIS_FAILED}",
        f"framescope: the technical details of 1 fault (for a bug report) are in the log: {log}",
    ]
    assert "KeyError" not in said.err and "KeyError" not in (out / "errors.csv").read_text()
    text = log.read_text(encoding="utf-8")
    assert "started (analyze;" in text.splitlines()[0]
    assert f"ERROR framescope.engines: {folder / failing.name}: {ANALYSIS_FAILED}" in text
    assert "KeyError: 'tone_mean'\nTraceback (most recent call last):" in text
    assert "in analyze_article" in text  # the frame that raised
    # Never the article's text: a journalist's draft stays on her disk.
    body = [line for line in failing.read_text(encoding="utf-8").splitlines() if len(line) > 40]
    assert body and not any(line in text for line in body)
    assert current_log() is None  # the command's log is closed when it ends


def test_a_crash_of_the_command_leaves_its_traceback_in_the_log(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import desktop.cli

    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))

    def broken(*args: object, **kwargs: object) -> int:
        raise RuntimeError("a fault in the tables")

    monkeypatch.setattr(desktop.cli, "analyze", broken)
    with pytest.raises(RuntimeError):
        run_command(["analyze", str(SEED_FILES[0]), "--out", str(tmp_path / "out")])
    text = (tmp_path / "framescope" / "framescope.log").read_text(encoding="utf-8")
    assert "ERROR framescope: analyze stopped on a fault\nTraceback" in text
    assert "RuntimeError: a fault in the tables" in text


@pytest.mark.parametrize("blocked", ["a file in the folder's way", "a folder as the log"])
def test_a_log_that_cannot_be_written_never_breaks_a_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    blocked: str,
) -> None:
    # A read-only home, as a file in the way (the tests may run as root, whom no
    # permission stops): no log, nothing said of it, the run as without a log.
    if blocked == "a file in the folder's way":
        (tmp_path / "state").write_text("not a folder", encoding="utf-8")
    else:
        (tmp_path / "state" / "framescope" / "framescope.log").mkdir(parents=True)
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    _fail_on_the_third_seed(monkeypatch)
    out = tmp_path / "out"
    code = run_command(["analyze", str(SEEDS), "--out", str(out), "--no-charts", "--jobs", "1"])
    assert code == 0
    said = capsys.readouterr()
    assert said.err.splitlines() == [f"framescope: {SEED_FILES[2]}: {ANALYSIS_FAILED}"]
    assert "4 articles from 4 outlets analysed" in said.out
    assert (out / "scores.csv").is_file()


@pytest.mark.slow
def test_a_damaged_file_s_parser_words_are_in_the_log_of_a_command_run(tmp_path: Path) -> None:
    # A subprocess, as a user runs it: the parser's own words (for a developer) in the log
    # of the user's state folder (XDG_STATE_HOME, the session's here); the reason on stderr.
    from tests.models.test_damaged_files import damaged

    folder = tmp_path / "in"
    (tmp_path / "scratch").mkdir()
    folder.mkdir()
    shutil.copy(SEED_FILES[0], folder / SEED_FILES[0].name)
    damaged(folder / "half-xml.docx", tmp_path / "scratch")
    result = framescope("analyze", str(folder), "--out", str(tmp_path / "out"), "--no-charts")
    assert result.returncode == 0, result.stderr
    [said] = result.stderr.splitlines()  # a damaged file, not a fault: no word of the log
    reason = said.split(": ", 2)[2]
    text = log_path().read_text(encoding="utf-8")
    [logged] = [line for line in text.splitlines() if "half-xml.docx" in line]
    assert logged.split(": ", 1)[1].startswith(f"{folder / 'half-xml.docx'}: {reason} [")


def test_the_log_s_folder_follows_the_xdg_rule() -> None:
    assert log_folder({"XDG_STATE_HOME": "/s", "HOME": "/h"}) == Path("/s/framescope")
    if os.name == "posix" and os.uname().sysname == "Linux":
        # A relative XDG_STATE_HOME is ignored, as the XDG rule says.
        assert log_folder({"XDG_STATE_HOME": "rel", "HOME": "/h"}) == Path(
            "/h/.local/state/framescope")
        assert log_folder({"HOME": "/h"}) == Path("/h/.local/state/framescope")


@pytest.mark.slow
def test_a_fault_s_traceback_stays_in_the_log_not_on_the_command_s_stderr(
    tmp_path: Path,
) -> None:
    # Outside pytest no handler is on the root logger: the log's handler alone must not
    # put the fault's traceback on stderr (warnings still go there, as before the log).
    import subprocess
    import sys

    script = (
        "import logging, sys\n"
        "import models.features as f\n"
        "real = f.analyze_article\n"
        "def bad(a, finder=None):\n"
        "    if a.article_id.startswith('003_'):\n"
        "        raise KeyError('tone_mean')\n"
        "    return real(a, finder)\n"
        "f.analyze_article = bad\n"
        "from desktop.cli import run_command\n"
        "from desktop.log_file import start_log\n"
        "start_log('a test')\n"
        "logging.getLogger('framescope').warning('a warning, said as before')\n"
        "sys.exit(run_command(sys.argv[1:]))\n"
    )
    env = {**os.environ, "XDG_STATE_HOME": str(tmp_path / "state")}
    done = subprocess.run(
        [sys.executable, "-c", script, "analyze", str(SEEDS), "--out", str(tmp_path / "out"),
         "--no-charts", "--jobs", "1"],
        cwd=Path(__file__).resolve().parents[2], env=env, capture_output=True, text=True,
        timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    log = tmp_path / "state" / "framescope" / "framescope.log"
    assert done.stderr.splitlines() == [
        "a warning, said as before",
        f"framescope: {SEED_FILES[3]}: {ANALYSIS_FAILED}",
        f"framescope: the technical details of 1 fault (for a bug report) are in the log: {log}",
    ]
    assert "KeyError: 'tone_mean'\nTraceback" in log.read_text(encoding="utf-8")


@pytest.mark.slow
@pytest.mark.parametrize("crash", ["faulthandler._sigsegv()", "os.abort()"])
def test_a_worker_that_crashes_hard_leaves_its_stacks_in_the_log(
    tmp_path: Path, crash: str
) -> None:
    # A segfault in a C extension, or an abort, in the worker analysing one article: no
    # traceback comes back, but Python's fault handler writes the worker's stacks to the
    # log, and the article's problem says where they are (before: nothing anywhere).
    import signal
    import subprocess
    import sys

    from models.engines import ANALYSIS_CRASHED, MIN_ARTICLES_FOR_POOL

    folder = tmp_path / "in"
    folder.mkdir()
    for number in range(MIN_ARTICLES_FOR_POOL + 4):  # enough for the worker processes
        (folder / f"story-{number:03d}.txt").write_text(
            f"Council vote number {number} delayed\n\nThe council said on day {number} that "
            f"its vote on plan {number} would be delayed. Critics argued that plan "
            f"{number} was rushed, officials said.\n", encoding="utf-8")
    crashing = folder / "story-017.txt"
    # The crash comes wherever the article is analysed: a worker the pool forks, and the
    # fresh (spawned) one that retries the dead worker's chunk article by article. So the
    # hook is a sitecustomize module, run by every Python process of the command.
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(
        "import faulthandler, os\n"
        "import models.features as f\n"
        "real = f.analyze_article\n"
        "def crashing(a, finder=None):\n"
        "    if a.source.endswith('story-017.txt'):\n"
        f"        {crash}\n"
        "    return real(a, finder)\n"
        "f.analyze_article = crashing\n", encoding="utf-8")
    repo = Path(__file__).resolve().parents[2]
    state = tmp_path / "state"
    out = tmp_path / "out"
    done = subprocess.run(
        [sys.executable, "-m", "desktop", "analyze", str(folder), "--out", str(out),
         "--no-charts", "--jobs", "2"],
        cwd=repo,
        env={**os.environ, "XDG_STATE_HOME": str(state),
             "PYTHONPATH": os.pathsep.join([str(repo), str(hook)])},
        capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr
    log = state / "framescope" / "framescope.log"
    assert done.stderr.splitlines() == [
        f"framescope: {crashing}: {ANALYSIS_CRASHED}",
        f"framescope: the technical details of 1 fault (for a bug report) are in the log: {log}"
        ", or in an older copy (framescope.log.1 or framescope.log.2) if the log was rotated since",
    ]
    assert str(crashing) in (out / "errors.csv").read_text(encoding="utf-8")
    text = log.read_text(encoding="utf-8")
    assert "Fatal Python error" in text
    assert "in crashing" in text  # the worker's stack, down to the frame that crashed
    number = signal.SIGSEGV if "sigsegv" in crash else signal.SIGABRT
    assert (f"ERROR framescope.engines: {crashing}: {ANALYSIS_CRASHED}\n"
            f"the process analysing it ended abruptly (signal {int(number)}); its last "
            f"stack, if any, is in the log: {log}, or in an older copy (framescope.log.1 "
            "or framescope.log.2) if the log was rotated since") in text
