"""A bench script times the checkout it sits in, not the one the environment installed."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.bench.conftest import REPO

# A bench script in a second checkout: where do its ``models`` and its children's come from?
PROBE = """
import json, os, subprocess, sys
import bench_common
import models
child = subprocess.run([sys.executable, "-c", "import models; print(models.__file__)"],
                       capture_output=True, text=True, check=True).stdout.strip()
print(json.dumps({"models": models.__file__, "child": child,
                  "marker": getattr(models, "MARKER", None)}))
"""


def test_a_bench_script_imports_its_own_checkouts_code_and_so_do_its_children(
    tmp_path: Path,
) -> None:
    import json

    other = tmp_path / "other-checkout"
    (other / "bench").mkdir(parents=True)
    shutil.copy(REPO / "bench" / "bench_common.py", other / "bench" / "bench_common.py")
    (other / "models").mkdir()
    (other / "models" / "__init__.py").write_text('MARKER = "the other checkout"\n',
                                                   encoding="utf-8")
    (other / "bench" / "probe.py").write_text(PROBE, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    done = subprocess.run([sys.executable, str(other / "bench" / "probe.py")], cwd=tmp_path,
                          env=env, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.splitlines()[-1])
    assert seen["marker"] == "the other checkout"
    assert Path(seen["models"]).parent == other / "models"
    assert Path(seen["child"]).parent == other / "models"
