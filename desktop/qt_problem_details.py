"""A load problem's technical detail, and the diagnostics log, for a bug report.

The Load Problems panel tells each problem in a user's words; what a developer
needs beyond them (a parser's own words, the traceback of a fault in Framescope:
:attr:`models.article.ReadError.detail`) is shown here, beside where the
diagnostics log is kept (:mod:`desktop.log_file`), with a way to copy it all and
to open the log's folder.
"""

from __future__ import annotations

import html
import sys
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.article import ReadError

#: Shown where a problem has no detail: the reason is all there is to know.
NO_DETAIL = "None: the reason above is all Framescope recorded of this problem."


def diagnostics_log() -> Path:
    """The diagnostics log this app writes (or would write: none could be made)."""
    from desktop.log_file import current_log, log_path

    return current_log() or log_path()


def open_log_folder(parent: QWidget | None = None) -> bool:
    """Open the diagnostics log's folder in the desktop's file manager; False (and the
    user told why) when there is none: the log could not be written there."""
    from desktop.qt_main_window import show_error

    folder = diagnostics_log().parent
    if folder.is_dir() and QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
        return True
    show_error(parent, "No Diagnostics Log",
               f"Framescope could not open the folder of its diagnostics log, {folder}: "
               "the log could not be written there, or no file manager is set up.")
    return False


def bug_report_text(problem: ReadError) -> str:
    """What a bug report needs of ``problem``: the version, the file, the reason, the
    detail, the log's path (no article text: the file is named, not quoted)."""
    import platform

    from models import __version__

    return "\n".join([
        f"Framescope {__version__}, Python {platform.python_version()} on {sys.platform}",
        f"File: {problem.file}",
        f"Reason: {problem.reason}",
        "Technical detail:",
        problem.detail or NO_DETAIL,
        f"Diagnostics log: {diagnostics_log()}",
    ])


class ProblemDetails(QDialog):
    """One load problem: its file, its reason, its technical detail; Copy Details, Open
    Log Folder, Close."""

    def __init__(self, problem: ReadError, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.problem = problem
        self.setWindowTitle("Problem Details")
        self.file_label = self._selectable(problem.file)
        self.reason_label = self._selectable(problem.reason)
        self.detail = QPlainTextEdit(problem.detail or NO_DETAIL)
        self.detail.setReadOnly(True)
        self.detail.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.detail.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.detail.setAccessibleName("Technical detail")
        log = diagnostics_log()
        self.log_label = self._selectable(
            f"{html.escape(str(log))}<br>Framescope's diagnostics log keeps the details of every problem "
            "and names files, but does not copy your articles (an error message in it is cut "
            "to 200 characters): attach it, with the file if you can, to a bug report.", rich=True)
        form = QFormLayout()
        form.addRow("File:", self.file_label)
        form.addRow("Reason:", self.reason_label)
        form.addRow("Technical detail:", self.detail)
        form.addRow("Log:", self.log_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton("&Copy Details")
        self.copy_button.setToolTip("Copy the file, the reason and the detail, for a bug report")
        self.open_button = QPushButton("Open &Log Folder")
        self.open_button.setToolTip(f"Show {log.name} in the file manager")
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.copy_button.clicked.connect(self.copy_details)
        self.open_button.clicked.connect(lambda: open_log_folder(self))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        # A traceback's lines are long (file paths, the source line): room for about
        # 100 characters of them, within the screen; 12 lines, the rest scrolled.
        fixed = self.detail.fontMetrics()
        self.detail.setMinimumHeight(12 * fixed.lineSpacing())
        width = self.sizeHint().width() + fixed.horizontalAdvance("x" * 100) - (
            self.detail.sizeHint().width())
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        if screen is not None:
            width = min(width, screen.width() * 9 // 10)
        self.resize(max(width, self.sizeHint().width()), self.sizeHint().height())

    @staticmethod
    def _selectable(text: str, *, rich: bool = False) -> QLabel:
        from PySide6.QtCore import Qt

        label = QLabel()
        if rich:
            label.setText(text)
        else:
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setText(text)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                      | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        return label

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(bug_report_text(self.problem))
