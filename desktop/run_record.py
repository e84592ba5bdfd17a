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

import json
import platform
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
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
    shipped = shipped_dir()
    return {
        "format": RUN_FORMAT,
        "framescope": __version__,
        "created": when.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "command": ["framescope", *command],
        "python": platform.python_version(),
        "platform": platform.platform(),
        "frozen": bool(getattr(sys, "frozen", False)),
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
        "files_not_read": sum(1 for e in errors if not e.notice and not e.partial),
        "files_read_in_part": sum(1 for e in errors if not e.notice and e.partial),
        "inputs": [{"file": f, "sha256": h} for f, h in inputs.items()],
        "outputs": [
            {"file": p.relative_to(out).as_posix(), "sha256": file_sha256(p)}
            for p in sorted(set(outputs)) if p.is_file()
        ],
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
