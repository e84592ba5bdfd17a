"""Kill the app in the middle of saving a project, then reopen the project.

    .venv/bin/python bench/kill_during_save.py [--articles 3000] [--folder DIR]

1. An app process (the real MainWindow, offscreen) loads the seeds, corrects
   an outlet name, and saves ``study.framescope`` with the project controller
   (the code behind File ▸ Save).
2. A second app process opens that project, grows the study to ``--articles``
   articles (copies of the seeds' analyses, so the save is big and slow), and
   saves again; this script SIGKILLs it as soon as the temporary file of that
   save has grown past 1 MB, i.e. in the middle of the save.
3. The project file is checked (sha256 unchanged, ``PRAGMA integrity_check``)
   and reopened by a third app process, which reports what it shows.

A hand-run demonstration, not a test (tests/models/test_project.py has the test).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import bench_common  # noqa: F401  (this checkout's models and desktop, not the installed one)

REPO = Path(__file__).resolve().parents[1]

_APP = r"""
import os, sys, time
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from dataclasses import replace
from pathlib import Path
from PySide6.QtWidgets import QApplication
from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths
QStandardPaths.setTestModeEnabled(True)
app = QApplication([])
QCoreApplication.setOrganizationName("Framescope"); QCoreApplication.setApplicationName("Framescope")
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, sys.argv[3])
from desktop.qt_main_window import MainWindow
from desktop import qt_project
qt_project.data_dir = lambda: Path(sys.argv[3])
window = MainWindow()
window.show()
mode, path = sys.argv[1], Path(sys.argv[2])

def wait(signal):
    done = []
    signal.connect(lambda *a: done.append(1))
    while not done:
        app.processEvents(); time.sleep(0.01)

def report(label):
    m = window.table_model
    print(f"{label}: {m.rowCount()} articles in the table; first outlet "
          f"{m.analysis(0).outlet!r}; window title {window.windowTitle()!r}; "
          f"modified={window.isWindowModified()}", flush=True)

if mode == "make":
    window.open_paths([Path("seeds")])
    wait(window.runner.finished)
    window.table_model.setData(window.table_model.index(0, 0), "HLN (corrected)")
    assert window.project.save_to(path)
    report("saved")
elif mode == "bigsave":
    window.project.open_project(path)
    wait(window.project.project_opened)
    report("opened")
    base = window.analyses()
    copies = []
    for i in range(int(sys.argv[4])):
        a = base[i % len(base)]
        article = replace(a.article, article_id=f"{a.article_id}-copy{i}")
        copies.append(replace(a, article=article))
    window.table_model.append(copies)
    print(f"saving {window.table_model.rowCount()} articles", flush=True)
    window.project.save()
    print("save finished (should have been killed before this)", flush=True)
elif mode == "reopen":
    window.project.open_project(path)
    wait(window.project.project_opened)
    report("reopened by the app")
window.project.set_modified(False)
window.close()
"""


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def app(mode: str, path: Path, settings: Path, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", _APP, mode, str(path), str(settings), *extra],
        cwd=REPO, stdout=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--folder", type=Path, default=None)
    args = parser.parse_args()
    folder = args.folder or Path(tempfile.mkdtemp(prefix="framescope-kill-"))
    folder.mkdir(parents=True, exist_ok=True)
    settings = folder / "settings"
    settings.mkdir(exist_ok=True)
    path = folder / "study.framescope"
    path.unlink(missing_ok=True)

    from models.project import integrity_check, load_project

    child = app("make", path, settings)
    out, _ = child.communicate(timeout=600)
    sys.stdout.write(f"[1] {out.strip()}\n")
    before = sha256(path)
    sys.stdout.write(f"[1] {path} {path.stat().st_size} bytes, sha256 {before}\n")

    child = app("bigsave", path, settings, str(args.articles))
    assert child.stdout is not None
    for line in child.stdout:
        sys.stdout.write(f"[2] {line}")
        if line.startswith("saving"):
            break
    partial = folder / f".{path.name}.{child.pid}.saving"
    start = time.monotonic()
    while not (partial.exists() and partial.stat().st_size > 1_000_000):
        if child.poll() is not None:
            sys.stdout.write("[2] the save finished before it could be killed; use more "
                             "--articles\n")
            return 1
        time.sleep(0.005)
    size = partial.stat().st_size
    child.send_signal(signal.SIGKILL)
    code = child.wait()
    sys.stdout.write(
        f"[2] SIGKILL after {time.monotonic() - start:.2f} s of saving: the half-written "
        f"{partial.name} had {size} bytes; the app exited with {code}\n"
    )

    after = sha256(path)
    sys.stdout.write(
        f"[3] {path.name}: sha256 {after} ({'unchanged' if after == before else 'CHANGED'}); "
        f"integrity_check: {integrity_check(path)}\n"
    )
    project = load_project(path)
    sys.stdout.write(
        f"[3] load_project: {len(project.articles)} articles, first outlet "
        f"{project.articles[0].outlet!r}, saved {project.saved_at} by Framescope "
        f"{project.app_version}\n"
    )
    child = app("reopen", path, settings)
    out, _ = child.communicate(timeout=600)
    sys.stdout.write(f"[3] {out.strip()}\n")
    left = sorted(p.name for p in folder.glob(".*.saving"))
    sys.stdout.write(f"[3] leftover temporary files (removed by the next save): {left}\n")
    return 0 if after == before and integrity_check(path) == "ok" else 1


if __name__ == "__main__":
    sys.exit(main())
