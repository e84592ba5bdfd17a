"""``framescope analyze --engine dask``: a real LocalCluster started here, worker processes.

The scores must be the local engine's, byte for byte. Needs the ``cluster``
extra (part of ``dev``, so CI runs it).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from models.features import texts_to_articles

distributed = pytest.importorskip("distributed")

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"

pytestmark = pytest.mark.slow


def framescope(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        cwd=REPO, env={**os.environ, **(env or {})}, capture_output=True, text=True, timeout=600,
    )


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    with distributed.LocalCluster(
        n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None,
    ) as local:
        yield local.scheduler_address


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds and 60 more articles, so the cluster gets many chunks."""
    folder = tmp_path_factory.mktemp("corpus")
    for seed in SEEDS.iterdir():
        (folder / seed.name).write_bytes(seed.read_bytes())
    phrases = [a.text for a in texts_to_articles([
        "Officials said the plan could raise taxes, according to two sources.",
        "The minister reportedly warned that talks may collapse.",
        "Critics called the deal a disaster; analysts insisted it will certainly work.",
    ])]
    for i in range(60):
        body = " ".join(phrases[(i + k) % 3] for k in range(2 + i % 4))
        (folder / f"wire-{i:02d}.txt").write_text(
            f"Talks on the budget, take {i}\n\n{body}\n\nStory {i}.\n", encoding="utf-8"
        )
    return folder


def test_dask_scores_equal_the_local_engines_byte_for_byte(
    cluster: str, corpus: Path, tmp_path: Path
) -> None:
    dask = framescope("analyze", str(corpus), "--out", str(tmp_path / "dask"), "--no-charts",
                      "--engine", "dask", "--scheduler", cluster)
    assert dask.returncode == 0, dask.stderr
    assert "65 articles" in dask.stdout
    local = framescope("analyze", str(corpus), "--out", str(tmp_path / "local"), "--no-charts")
    assert local.returncode == 0, local.stderr
    for name in ("scores.csv", "spans.csv", "outlets.csv", "errors.csv"):
        assert (tmp_path / "dask" / name).read_bytes() == (tmp_path / "local" / name).read_bytes()


def test_an_unreachable_scheduler_is_a_usage_error_without_traceback(tmp_path: Path) -> None:
    done = framescope("analyze", str(SEEDS), "--out", str(tmp_path), "--no-charts",
                      "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9")
    assert done.returncode == 2
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in done.stderr
    assert "Traceback" not in done.stderr


def test_without_dask_installed_the_message_says_what_to_install(tmp_path: Path) -> None:
    # A site hook that hides the distributed package, as on an install without the extra.
    hide = tmp_path / "hide"
    hide.mkdir()
    (hide / "sitecustomize.py").write_text(
        "import sys\n"
        "class _Hide:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'distributed' or name.startswith('distributed.'):\n"
        "            raise ImportError('hidden for the test')\n"
        "sys.meta_path.insert(0, _Hide())\n",
        encoding="utf-8",
    )
    done = framescope("analyze", str(SEEDS), "--out", str(tmp_path / "out"), "--no-charts",
                      "--engine", "dask", "--scheduler", "tcp://127.0.0.1:8786",
                      env={"PYTHONPATH": str(hide)})
    assert done.returncode == 2
    assert "pip install 'framescope[cluster]'" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "out").exists()


def test_dask_engine_needs_a_scheduler(tmp_path: Path) -> None:
    done = framescope("analyze", str(SEEDS), "--out", str(tmp_path), "--engine", "dask")
    assert done.returncode == 2
    assert "--scheduler ADDRESS" in done.stderr
