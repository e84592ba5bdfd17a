"""``run.json``: what produced a folder of ``framescope analyze`` tables, for a study's record.

A table of scores is only as citable as what made it: the version of Framescope,
its lexicon and shipped models, the libraries that compute with them, the
claim threshold, the custom dictionaries and the exact input files. The HTML and
PDF reports list these; ``run.json`` puts them beside the CSV files of every
run, with the sha256 of each input and of each file the run wrote, so that a
reader of a study can check that a table came from the inputs it names and
rerun it with the same software. It is JSON (``"format": "framescope-run/1"``);
keys are added in later versions, never renamed.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import subprocess
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

from models import __version__

RUN_FILE = "run.json"
RUN_FORMAT = "framescope-run/1"

#: Libraries whose versions can change a number in the tables or a chart.
COMPUTING_LIBRARIES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("vaderSentiment", ("vaderSentiment",)),
    ("numpy", ("numpy",)),
    ("scipy", ("scipy",)),
    ("scikit-learn", ("scikit-learn",)),
    ("matplotlib", ("matplotlib",)),
    ("trafilatura", ("trafilatura",)),
    ("charset-normalizer", ("charset-normalizer", "charset_normalizer")),
)


#: The folders (from the project root) whose files make the numbers: the code and the
#: lexicons. Hashed whole, every file but Python's caches, in sorted path order.
CODE_FOLDERS: tuple[str, ...] = ("models", "desktop", "resources/lexicons")


def _code_files(root: Path) -> list[tuple[str, Path]]:
    """(path from ``root`` in POSIX form, path) of each file under :data:`CODE_FOLDERS`,
    sorted by the first: the same order on every machine and file system."""
    files = []
    for folder in CODE_FOLDERS:
        base = root / folder
        if not base.is_dir():
            continue
        for path in base.rglob("*"):
            if ("__pycache__" in path.parts or path.suffix in (".pyc", ".pyo")
                    or not path.is_file()):
                continue
            files.append((path.relative_to(root).as_posix(), path))
    return sorted(files)


def code_sha256(root: Path) -> tuple[str | None, int]:
    """The sha256 of the code under ``root`` (each file's path, a NUL, its length, a NUL
    and its bytes, in sorted path order), and how many files it covers; None when no
    Python source is there to hash (a frozen app keeps its modules compiled)."""
    files = _code_files(root)
    if not any(name.endswith(".py") for name, _ in files):
        return None, 0
    digest = hashlib.sha256()
    for name, path in files:
        data = path.read_bytes()
        digest.update(name.encode("utf-8") + b"\0" + str(len(data)).encode("ascii") + b"\0")
        digest.update(data)
    return digest.hexdigest(), len(files)


def _git(root: Path, *arguments: str) -> str | None:
    """``git arguments`` run in ``root``'s checkout: its stdout, or None when git is
    missing, fails or takes more than 10 s."""
    try:
        done = subprocess.run(
            ["git", "-C", str(root), *arguments], capture_output=True, text=True,
            timeout=10, check=False, stdin=subprocess.DEVNULL)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def git_state(root: Path) -> tuple[str | None, bool | None]:
    """The commit checked out at ``root`` and whether the files under
    :data:`CODE_FOLDERS` differ from it (changed, added or untracked): (None, None) when
    ``root`` is no git checkout (no ``.git`` there: a frozen app, an installed wheel,
    an unpacked archive) or git cannot tell."""
    if not (root / ".git").exists():  # a folder, or a file in a worktree
        return None, None
    head = _git(root, "rev-parse", "--verify", "HEAD")
    if head is None or not head.strip():
        return None, None
    status = _git(root, "status", "--porcelain", "--", *CODE_FOLDERS)
    return head.strip(), (None if status is None else bool(status.strip()))


#: The file a frozen build carries at its top (beside ``resources/``): the ``code`` record
#: of the source it was built from, written by packaging/framescope.spec with
#: :func:`write_build_code`. The frozen app has no source left to hash.
BUILD_CODE_FILE = "framescope-code.json"


def measure_code(root: Path) -> dict[str, Any]:
    """The ``code`` record of the tree at ``root`` as it is now (see :func:`code_record`)."""
    digest, files = code_sha256(root)
    commit, dirty = git_state(root)
    return {"sha256": digest, "files": files, "folders": list(CODE_FOLDERS),
            "commit": commit, "dirty": dirty}


def write_build_code(root: Path, target: Path) -> dict[str, Any]:
    """Write to ``target`` the ``code`` record of the source at ``root`` that a build
    freezes, marked ``"recorded": "build"``, and return it. The frozen app reads it
    (:func:`code_record`): its run.json names the same code as a run from that
    checkout. ValueError when ``root`` holds no source to hash."""
    record = {**measure_code(root), "recorded": "build"}
    if record["sha256"] is None:
        raise ValueError(f"no Python source under {root} to record as the build's code")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    return record


def read_build_code(path: Path) -> dict[str, Any] | None:
    """The record :func:`write_build_code` wrote to ``path``; None when the file is
    missing or is not such a record (a sha256 of 64 hex digits and a file count)."""
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    if not isinstance(record, dict):
        return None
    digest, files = record.get("sha256"), record.get("files")
    if (not isinstance(digest, str) or len(digest) != 64
            or any(c not in "0123456789abcdef" for c in digest)
            or not isinstance(files, int) or isinstance(files, bool) or files <= 0):
        return None
    commit, dirty = record.get("commit"), record.get("dirty")
    return {"sha256": digest, "files": files,
            "folders": list(record.get("folders") or CODE_FOLDERS),
            "commit": commit if isinstance(commit, str) else None,
            "dirty": dirty if isinstance(dirty, bool) else None,
            "recorded": "build"}


@cache
def code_record(root: Path | None = None) -> dict[str, Any]:
    """run.json's ``code``: which code produced the numbers. ``sha256`` of the files under
    :data:`CODE_FOLDERS` (``files`` of them), the git ``commit`` of the checkout and
    whether the tree is ``dirty`` there (both None outside a checkout). Where no source
    is there to hash (a frozen app, whose modules are compiled), the record its build
    wrote (:data:`BUILD_CODE_FILE` at ``root`` or in the bundle; ``"recorded": "build"``,
    its commit and dirty as they were at the build), else sha256 None.
    ``root``: the project root (default: the folder holding ``models/``). Computed once a
    process: the code that runs is the code loaded."""
    from models.resources import bundle_root, project_root

    root = root if root is not None else project_root()
    measured = measure_code(root)
    if measured["sha256"] is None:
        places = [root, *([bundle] if (bundle := bundle_root()) is not None else [])]
        for folder in places:
            built = read_build_code(folder / BUILD_CODE_FILE)
            if built is not None:
                return built
    return measured


def describe_code(code: dict[str, Any]) -> str:
    """``code`` (:func:`code_record`) in one line for the report: "sha256 … of 131 files;
    git commit … (with uncommitted changes)"."""
    digest = code.get("sha256")
    built = code.get("recorded") == "build"
    parts = [f"sha256 {digest} of {code.get('files', 0)} files "
             f"({', '.join(code.get('folders', CODE_FOLDERS))})"
             + (", recorded when this app was built" if built else "") if digest
             else "source files not found (a frozen app: see the Framescope version)"]
    commit = code.get("commit")
    if commit:
        dirty = code.get("dirty")
        state = (" (with uncommitted changes)" if dirty else
                 "" if dirty is False else " (whether changed since: unknown)")
        parts.append(f"git commit {commit}{state}")
    else:
        parts.append("not a git checkout")
    return "; ".join(parts)


def run_record(
    *,
    command: Sequence[str],
    analyses: Sequence[Any],
    errors: Sequence[Any],
    out: Path,
    outputs: Sequence[Path],
    claim_threshold: float,
    kept: Sequence[Path] = (),
    dictionaries: Sequence[Any] = (),
    created: datetime | None = None,
) -> dict[str, Any]:
    """The record of one ``analyze`` run that wrote ``outputs`` (files in ``out``; only
    those, not what an earlier run left in the folder). ``kept``: an earlier run's outputs
    this run did not write (a report not asked for again), left in place and listed, so
    that they are still never read as articles."""
    from desktop.methods_text import library_version
    from models.article import SKIPPED, read_counts
    from models.cues import default_finder
    from models.linear_text import shipped_dir
    from models.project import file_sha256, source_hashes
    from models.table_files import MANIFEST_NAME

    when = (created or datetime.now(UTC)).astimezone(UTC)
    inputs = source_hashes(a.article for a in analyses)
    # A folder's manifest gives its articles' outlets, dates and headlines.
    manifests = sorted({str(Path(f).parent / MANIFEST_NAME) for f in inputs})
    for manifest in manifests:
        if Path(manifest).is_file():
            inputs[manifest] = file_sha256(manifest)
    # A file given but not in the tables (empty, damaged, too long, the same text as
    # another) is hashed too, apart: which file's text was kept, and what a rerun would
    # meet, depend on it (audit s34: run.json named none of them).
    not_analysed: dict[str, str] = {}
    for error in errors:
        path = error.file
        if error.notice == SKIPPED or path in inputs or path in not_analysed:
            continue
        try:
            if Path(path).is_file():
                not_analysed[path] = file_sha256(path)
        except OSError:
            continue
    shipped = shipped_dir()
    return {
        "format": RUN_FORMAT,
        "framescope": __version__,
        "created": when.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "command": ["framescope", *command],
        # the folder it ran in: the command's relative paths, and the inputs' and
        # scores.csv's file names, are relative to it (audit s34: not recorded)
        "cwd": os.getcwd(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "frozen": bool(getattr(sys, "frozen", False)),
        "code": code_record(),
        "libraries": {label: library_version(names) for label, names in COMPUTING_LIBRARIES},
        "lexicon_version": default_finder().lexicon.version,
        "models": {p.name: file_sha256(p) for p in sorted(shipped.glob("*.json"))},
        "claim_threshold": claim_threshold,
        "dictionaries": [
            {"name": d.name, "entries": len(d.entries), "categories": len(d.categories),
             "sha256": d.sha256}
            for d in dictionaries
        ],
        "articles": len(analyses),
        "outlets": len({a.outlet for a in analyses}),
        # Each in errors.csv, as the command's summary counts them.
        "files_not_read": read_counts(errors)[0],
        "files_read_in_part": read_counts(errors)[1],
        "inputs": [{"file": f, "sha256": h} for f, h in inputs.items()],
        "outputs": [
            {"file": p.relative_to(out).as_posix(), "sha256": file_sha256(p)}
            for p in sorted(set(outputs)) if p.is_file()
        ],
        "inputs_not_analysed": [{"file": f, "sha256": h} for f, h in not_analysed.items()],
        "kept_outputs": [
            {"file": p.relative_to(out).as_posix()}
            for p in sorted(set(kept) - set(outputs)) if p.is_file()
        ],
    }


def write_run_json(path: Path, record: dict[str, Any]) -> None:
    """``record`` as indented UTF-8 JSON, replacing ``path`` whole (a temporary file beside
    it, then renamed: a reader never sees half a record)."""
    from models.export import temporary_beside

    tmp = temporary_beside(path)
    try:
        tmp.write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n",
                       encoding="utf-8")
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)
