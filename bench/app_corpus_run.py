"""Drop a folder on the app's window and time it until the results are shown.

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python bench/app_corpus_run.py \
        /tmp/corpus --baseline /tmp/corpus-txt --screenshot /tmp/corpus-app.png

The folder is dropped with real drag-enter, drag-move and drop events, as a
file manager would; a column dialog that opens (a corpus file with an unclear
header) is answered with its guess by clicking OK, or with Skip File when
no column holds text. Time runs from the drop to
the window's ``load_finished`` (articles in the table, charts drawn).
``--baseline`` first drops another folder (the same texts as .txt) on a
fresh app in a child process, for a ratio measured in the same run. Settings go to a
temporary folder, never the user's.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def drop_and_wait(app: object, folder: Path, screenshot: Path | None) -> tuple[float, int, int, str]:
    from PySide6.QtCore import QEventLoop, QMimeData, QPoint, QPointF, Qt, QTimer, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QDialogButtonBox

    from desktop.qt_column_dialog import ColumnDialog
    from desktop.qt_main_window import MainWindow

    window = MainWindow()
    window.resize(1400, 880)
    window.show()
    QTest.qWaitForWindowExposed(window)
    asked: list[str] = []

    def answer_dialogs() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, ColumnDialog) and dialog.isVisible():
            ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
            # The guess when there is one, else Skip File (no column holds text).
            button = ok if ok.isEnabled() else dialog.skip_button
            asked.append(f"{dialog.windowTitle()}: {button.text()}")
            QTest.mouseClick(button, Qt.MouseButton.LeftButton)
        QTimer.singleShot(50, answer_dialogs)

    QTimer.singleShot(0, answer_dialogs)
    loop = QEventLoop()
    summary: list[str] = []
    window.load_finished.connect(lambda text: (summary.append(text), loop.quit()))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(folder))])
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    started = time.perf_counter()
    QApplication.sendEvent(window, QDragEnterEvent(QPoint(200, 200), Qt.DropAction.CopyAction, mime, buttons, modifiers))
    QApplication.sendEvent(window, QDragMoveEvent(QPoint(210, 210), Qt.DropAction.CopyAction, mime, buttons, modifiers))
    QApplication.sendEvent(window, QDropEvent(QPointF(210.0, 210.0), Qt.DropAction.CopyAction, mime, buttons, modifiers))
    loop.exec()
    QApplication.processEvents()
    elapsed = time.perf_counter() - started
    if asked:
        summary.append(f"dialogs answered: {', '.join(asked)}")
    if screenshot is not None:
        QTest.qWait(500)  # let the charts and the Load Problems panel settle
        window.grab().save(str(screenshot))
    articles, problems = len(window.analyses()), len(window.load_problems())
    window.runner.shutdown()
    # hide(), not close(): closing asks about the unsaved project in a modal dialog.
    window.hide()
    window.deleteLater()
    return elapsed, articles, problems, " | ".join(summary)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--baseline", type=Path)
    parser.add_argument("--screenshot", type=Path)
    parser.add_argument("--seconds-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    config = tempfile.mkdtemp(prefix="framescope-bench-config-")
    os.environ["XDG_CONFIG_HOME"] = config
    from desktop.qt_app import create_application

    if args.baseline:
        # The baseline runs first, in its own process: one window per process, as a
        # user runs the app (a second window in one process would share the first's
        # background work).
        import subprocess

        output = subprocess.run(
            [sys.executable, __file__, str(args.baseline), "--seconds-only"],
            capture_output=True, text=True, check=True,
        ).stdout.split()
        base_s, base_n = float(output[0]), int(output[1])
        print(f"app, .txt baseline: {base_n} articles shown {base_s:.1f} s after the drop")
    app = create_application()
    if args.seconds_only:
        seconds, articles, _, _ = drop_and_wait(app, args.folder, None)
        print(f"{seconds:.3f} {articles}")
        return
    seconds, articles, problems, summary = drop_and_wait(app, args.folder, args.screenshot)
    print(f"app, mixed corpus:  {articles} articles shown {seconds:.1f} s after the drop; "
          f"{problems} rows in Load Problems; status: {summary}")
    if args.baseline:
        print(f"ratio mixed / baseline (per article): {(seconds / articles) / (base_s / base_n):.2f}")
    if args.screenshot:
        print(f"screenshot: {args.screenshot}")


if __name__ == "__main__":
    main()
