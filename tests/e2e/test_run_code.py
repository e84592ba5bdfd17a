"""run.json's ``code`` and the report's "Code" line: which code produced the numbers
(desktop/run_record.py). The hash of the code's files, the git commit of a checkout and
whether its code folders differ from it; no failure without git or without a checkout
(the frozen app)."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.report import ReportData, report_html
from desktop.run_record import (
    BUILD_CODE_FILE,
    CODE_FOLDERS,
    code_record,
    code_sha256,
    describe_code,
    git_state,
    read_build_code,
    run_record,
    write_build_code,
)

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def _tree(root: Path) -> Path:
    (root / "models" / "__pycache__").mkdir(parents=True)
    (root / "models" / "tone.py").write_text("SCALE = 1\n", encoding="utf-8")
    (root / "models" / "__pycache__" / "tone.cpython-311.pyc").write_bytes(b"compiled")
    (root / "desktop").mkdir()
    (root / "desktop" / "cli.py").write_text("pass\n", encoding="utf-8")
    (root / "resources" / "lexicons").mkdir(parents=True)
    (root / "resources" / "lexicons" / "hedges.csv").write_text("term\nmay\n", encoding="utf-8")
    (root / "seeds").mkdir()
    (root / "seeds" / "a.txt").write_text("not code\n", encoding="utf-8")
    return root


def test_the_code_hash_covers_the_code_and_lexicons_in_a_fixed_order(tmp_path: Path) -> None:
    root = _tree(tmp_path / "a")
    digest, files = code_sha256(root)
    assert files == 3  # the compiled cache and the seeds are not code
    expected = hashlib.sha256()
    for name in ("desktop/cli.py", "models/tone.py", "resources/lexicons/hedges.csv"):
        data = (root / name).read_bytes()
        expected.update(name.encode() + b"\0" + str(len(data)).encode() + b"\0" + data)
    assert digest == expected.hexdigest()
    # The same files elsewhere hash the same; a changed cache or seed changes nothing.
    (root / "models" / "__pycache__" / "tone.cpython-311.pyc").write_bytes(b"other")
    (root / "seeds" / "a.txt").write_text("changed\n", encoding="utf-8")
    other = shutil.copytree(root, tmp_path / "b")
    assert code_sha256(other) == (digest, 3)
    (other / "resources" / "lexicons" / "hedges.csv").write_text("term\nmight\n",
                                                                   encoding="utf-8")
    assert code_sha256(other)[0] != digest


def test_no_python_source_no_hash_and_no_checkout_no_commit(tmp_path: Path) -> None:
    # A frozen app: its modules are compiled into the bundle, its lexicons are files.
    (tmp_path / "resources" / "lexicons").mkdir(parents=True)
    (tmp_path / "resources" / "lexicons" / "hedges.csv").write_text("term\n", encoding="utf-8")
    assert code_sha256(tmp_path) == (None, 0)
    assert git_state(tmp_path) == (None, None)
    record = code_record(tmp_path)
    assert (record["sha256"], record["commit"], record["dirty"]) == (None, None, None)


def test_without_git_on_the_path_a_checkout_gives_no_commit_and_no_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _tree(tmp_path)
    (root / ".git").mkdir()
    monkeypatch.setenv("PATH", str(tmp_path / "no-bin"))
    assert git_state(root) == (None, None)


@needs_git
def test_a_checkout_gives_its_commit_and_whether_its_code_changed(tmp_path: Path) -> None:
    root = _tree(tmp_path)

    def git(*arguments: str) -> str:
        return subprocess.run(
            ["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@t",
             *arguments], check=True, capture_output=True, text=True).stdout.strip()

    git("init", "-q")
    git("add", "-A")
    git("commit", "-q", "-m", "first")
    head = git("rev-parse", "HEAD")
    assert git_state(root) == (head, False)
    (root / "seeds" / "b.txt").write_text("a new seed is not code\n", encoding="utf-8")
    assert git_state(root) == (head, False)
    (root / "models" / "tone.py").write_text("SCALE = 2\n", encoding="utf-8")
    assert git_state(root) == (head, True)
    git("checkout", "-q", "--", "models/tone.py")
    (root / "desktop" / "new.py").write_text("pass\n", encoding="utf-8")  # untracked code
    assert git_state(root) == (head, True)


def test_run_json_and_the_report_name_the_code_that_ran(tmp_path: Path) -> None:
    from models.resources import project_root

    record = run_record(command=["analyze"], analyses=[], errors=[], out=tmp_path,
                        outputs=[], claim_threshold=0.35)
    code = record["code"]
    assert code == code_record()
    assert code["folders"] == list(CODE_FOLDERS)
    assert (code["sha256"], code["files"]) == code_sha256(project_root())
    assert code["commit"] == git_state(project_root())[0]
    html = report_html(ReportData([]))
    assert "<td>Code</td>" in html and str(code["sha256"]) in html
    made = report_html(ReportData([], code={
        "sha256": "ab" * 32, "files": 7, "folders": list(CODE_FOLDERS),
        "commit": "c0ffee" * 6 + "abcd", "dirty": True}))
    assert f"sha256 {'ab' * 32} of 7 files" in made
    assert f"git commit {'c0ffee' * 6}abcd (with uncommitted changes)" in made


def test_a_build_records_its_code_and_the_frozen_app_reads_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = _tree(tmp_path / "checkout")
    # The bundle: compiled modules (no .py), the lexicons as files, the build's record.
    bundle = tmp_path / "bundle"
    shutil.copytree(source / "resources", bundle / "resources")
    written = write_build_code(source, bundle / BUILD_CODE_FILE)
    assert (written["sha256"], written["files"]) == code_sha256(source)
    assert written["recorded"] == "build"
    assert code_sha256(bundle) == (None, 0)
    assert code_record(bundle) == written
    assert describe_code(written).startswith(
        f"sha256 {written['sha256']} of 3 files (models, desktop, resources/lexicons), "
        "recorded when this app was built; ")
    # PyInstaller's one-folder app: the record is found in sys._MEIPASS.
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    assert code_record(tmp_path / "elsewhere") == written


def test_a_checkout_hashes_its_source_even_beside_a_build_record(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    write_build_code(root, root / BUILD_CODE_FILE)
    (root / "models" / "tone.py").write_text("SCALE = 2\n", encoding="utf-8")
    record = code_record(root)
    assert "recorded" not in record
    assert (record["sha256"], record["files"]) == code_sha256(root)


def test_no_source_no_build_record_and_no_broken_one_read(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="no Python source"):
        write_build_code(tmp_path, tmp_path / BUILD_CODE_FILE)
    assert not (tmp_path / BUILD_CODE_FILE).exists()
    for text in ("", "[]", "{not json", '{"sha256": null, "files": 3}',
                 '{"sha256": "' + "g" * 64 + '", "files": 3}',
                 '{"sha256": "' + "a" * 64 + '", "files": 0}'):
        (tmp_path / BUILD_CODE_FILE).write_text(text, encoding="utf-8")
        assert read_build_code(tmp_path / BUILD_CODE_FILE) is None, text
        assert code_record(tmp_path)["sha256"] is None
        code_record.cache_clear()
