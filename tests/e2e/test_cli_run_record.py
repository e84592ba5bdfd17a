"""`framescope analyze` writes run.json: what produced the folder's tables, for a study's
record (desktop/run_record.py). A real subprocess on the seeds, and the files it wrote
read back and hashed here."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from models import __version__
from models.cues import default_finder
from tests.e2e.test_cli import REPO, SEEDS, framescope
from tests.e2e.test_cli_dictionaries_report import RISK

pytestmark = pytest.mark.slow

TABLES = ("claims.csv", "codebook.csv", "distinctive_words.csv", "errors.csv", "off_story.csv",
          "outlets.csv", "reuse.csv", "scores.csv", "sources.csv", "spans.csv", "topics.csv")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[str, Any]]:
    folder = tmp_path_factory.mktemp("run")
    corpus = folder / "corpus"
    shutil.copytree(SEEDS, corpus)
    (corpus / "empty.txt").write_bytes(b"")  # a file not read
    (folder / "risk.dic").write_text(RISK, encoding="utf-8")
    out = folder / "out"
    (out / "charts").mkdir(parents=True)
    (out / "charts" / "from an earlier run.png").write_bytes(b"not this run's")
    done = framescope("analyze", str(corpus), "--out", str(out), "--no-charts",
                      "--claim-threshold", "0.4", "--dictionary", str(folder / "risk.dic"))
    assert done.returncode == 0, done.stderr
    return corpus, out, json.loads((out / "run.json").read_text(encoding="utf-8"))


def test_run_json_names_the_software_and_settings(run: tuple[Path, Path, dict[str, Any]]) -> None:
    corpus, out, record = run
    assert record["format"] == "framescope-run/1"
    assert record["framescope"] == __version__
    assert record["command"] == [
        "framescope", "analyze", str(corpus), "--out", str(out), "--no-charts",
        "--claim-threshold", "0.4", "--dictionary", str(out.parent / "risk.dic")]
    assert record["claim_threshold"] == 0.4
    assert record["lexicon_version"] == default_finder().lexicon.version
    shipped = Path(__file__).resolve().parents[2] / "models" / "shipped"
    assert record["models"] == {p.name: sha256(p) for p in sorted(shipped.glob("*.json"))}
    assert set(record["models"]) == {"sensational.json", "tone_news.json", "tone_news_cnn.json"}
    assert record["libraries"]["vaderSentiment"] not in ("", "not installed")
    assert record["libraries"]["scikit-learn"] not in ("", "not installed")
    [dictionary] = record["dictionaries"]
    assert dictionary["name"] == "risk"
    assert dictionary["sha256"] == sha256(out.parent / "risk.dic")
    assert (dictionary["entries"], dictionary["categories"]) == (6, 2)
    assert (record["articles"], record["outlets"], record["files_not_read"]) == (5, 5, 1)
    assert record["created"].endswith("Z") and len(record["created"]) == 20
    assert record["cwd"] == str(REPO)  # the folder it ran in: what relative paths are from
    from desktop.run_record import code_record  # the code this process runs, too

    assert record["code"] == code_record() and len(record["code"]["sha256"]) == 64


def test_run_json_hashes_every_input_and_the_manifest(
    run: tuple[Path, Path, dict[str, Any]]
) -> None:
    corpus, _, record = run
    inputs = {Path(i["file"]).name: i["sha256"] for i in record["inputs"]}
    expected = {p.name: sha256(p) for p in corpus.glob("*.txt") if p.stat().st_size}
    expected["manifest.csv"] = sha256(corpus / "manifest.csv")  # gives outlets and dates
    assert inputs == expected
    # The file not read is hashed apart (audit s34: run.json did not name it).
    assert record["inputs_not_analysed"] == [
        {"file": str(corpus / "empty.txt"), "sha256": sha256(corpus / "empty.txt")}]


def test_run_json_hashes_what_this_run_wrote_and_nothing_else(
    run: tuple[Path, Path, dict[str, Any]]
) -> None:
    _, out, record = run
    outputs = {o["file"]: o["sha256"] for o in record["outputs"]}
    assert sorted(outputs) == sorted(TABLES)  # not the earlier run's chart, not run.json
    for name, digest in outputs.items():
        assert digest == sha256(out / name), name
    assert (out / "charts" / "from an earlier run.png").exists()  # left alone
