"""The first-run hint: the articles shown are samples, and how to add one's own.

Every start without a file opens the shipped sample articles (the seeds), and nothing
said so: a first-time user could take them for their own study, or not know how to add
theirs (ux9's review, session 9, c1-first-run.png). A one-line note above the table says
it while the samples are all that is loaded. It goes for good (remembered in QSettings)
once the user closes it, or loads anything of their own: a file, a folder, a study.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QStyle, QToolButton, QWidget

from desktop import qt_settings

if TYPE_CHECKING:
    from desktop.qt_main_window import MainWindow
    from models.features import ArticleAnalysis

DISMISSED_KEY = "hints/samples_dismissed"
OWN_FILES_KEY = "hints/own_files_loaded"

_NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight",
                 "nine", "ten", "eleven", "twelve")


def hint_text(count: int, make_room: bool = True) -> str:
    """What the hint says for ``count`` sample articles; ``make_room``: whether the user's
    own files would take their place (MainWindow.samples_make_room). Once she has edited
    the samples (renamed an outlet, excluded an article) or opened them herself, they stay
    and her files join them, where the hint still said they would take the samples' place
    (ux4's walkthrough, session 33)."""
    number = _NUMBER_WORDS[count] if count < len(_NUMBER_WORDS) else str(count)
    articles = "article" if count == 1 else "articles"
    if not make_room:
        # No longer than the other text: one line on a 1024 px screen (test_small_screen).
        return (f"These are {number} sample {articles} on one story. Files you add now join "
                "them; to compare only yours, first use File ▸ Clear All.")
    return (f"These are {number} sample {articles} on one story. "
            "Drag your own files here or use File ▸ Open (Ctrl+O): they take the samples' place.")


def only_samples(analyses: Sequence[ArticleAnalysis]) -> bool | None:
    """True when every article is a shipped sample, False when one is not, None for none."""
    if not analyses:
        return None
    # Ends at the first article of the user's own: this runs after every change to the
    # table, and a pass over 10,000 paths held the window 75-100 ms at a run's end.
    checked: set[str] = set()  # one per folder or corpus
    for analysis in analyses:
        folder = os.path.dirname(analysis.article.source)
        if folder in checked:
            continue
        if not qt_settings.is_shipped(Path(folder)):
            return False
        checked.add(folder)
    return True


def _flag(key: str) -> bool:
    return bool(qt_settings.settings().value(key, False, type=bool))


class SampleHint(QFrame):
    """A discreet, dismissable line above the article table, shown while only the sample
    articles are loaded and the user has neither closed it nor loaded anything of theirs."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("sample_hint")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName("Sample articles hint")
        self._window = window
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 2, 2)
        layout.setSpacing(6)
        icon = QLabel()
        size = self.fontMetrics().height()
        icon.setPixmap(self.style().standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxInformation).pixmap(size, size))
        layout.addWidget(icon)
        self.label = QLabel()
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        # Wrapped: on one line it made the window at least 830 px wide (ux25).
        self.label.setWordWrap(True)
        layout.addWidget(self.label, 1)
        self.close_button = QToolButton()
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip("Close this hint (it will not be shown again)")
        self.close_button.setAccessibleName("Close the sample articles hint")
        self.close_button.clicked.connect(self.dismiss)
        layout.addWidget(self.close_button)
        self.hide()
        window.analyses_changed.connect(self.refresh)
        # An edit decides whether her files will take the samples' place: the hint says which.
        window.project.modified_changed.connect(self._reword)
        window.project.project_opened.connect(self._own_study_opened)

    @classmethod
    def install(cls, window: MainWindow) -> SampleHint:
        """A hint above the window's filter box and table."""
        hint = cls(window)
        parent = window.filter_edit.parentWidget()
        layout: Any = parent.layout() if parent is not None else None
        if layout is not None:
            layout.insertWidget(0, hint)
        return hint

    def refresh(self) -> None:
        """Show or hide the hint for what is loaded now."""
        if _flag(DISMISSED_KEY) or _flag(OWN_FILES_KEY):
            self.hide()  # gone for good: nothing to look at
            return
        analyses = self._window.analyses()
        samples = only_samples(analyses)
        if samples is False:
            qt_settings.settings().setValue(OWN_FILES_KEY, True)
        show = bool(samples) and not _flag(DISMISSED_KEY) and not _flag(OWN_FILES_KEY)
        if show:
            self.label.setText(hint_text(len(analyses), self._window.samples_make_room()))
            self._order_tab_stops()
        self.setVisible(show)

    def _reword(self, _modified: bool = False) -> None:
        """Shown, it says again what her files will do (an edit decides it); whether it
        shows is :meth:`refresh`'s, after a load or a change to the articles."""
        if self.isVisible():
            self.label.setText(hint_text(len(self._window.analyses()),
                                         self._window.samples_make_room()))

    def _order_tab_stops(self) -> None:
        """Its close button in the Tab order where it is on screen, before the filter box:
        made after the other widgets, it came between the tab bar and the Chart box (ux25).
        Each setTabOrder moves its second widget (with its children) after its first."""
        window = self._window
        chain = [self.close_button, window.filter_edit, window.table, window.tabs]
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)

    def dismiss(self) -> None:
        """Closed by the user: not shown again."""
        qt_settings.settings().setValue(DISMISSED_KEY, True)
        self.hide()

    def _own_study_opened(self, _where: str) -> None:
        qt_settings.settings().setValue(OWN_FILES_KEY, True)
        self.hide()
