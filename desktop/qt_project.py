"""Projects in the app: File ▸ New/Open/Save/Save As/Recent, autosave and crash recovery,
custom dictionaries, lexicon edits, report export and chart copying.

:class:`ProjectController` sits beside the :class:`~desktop.qt_main_window.MainWindow`
and owns what makes a loaded set of articles a study: the project file it came
from, whether it has unsaved changes (shown in the title), the custom
dictionaries, and the autosave. The window keeps the articles (its table
model); the controller reads them to save and fills them when opening.

Opening a project re-analyses its stored articles on the window's worker, so
a project opens the same with or without the original files. The user's
questions (unsaved changes, restore after a crash) go through
:func:`ask_unsaved_changes` and :func:`ask_restore_session`, which tests answer.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    QRunnable,
    QStandardPaths,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QGuiApplication, QImage, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from desktop import qt_settings
from desktop.outlet_order import OUTLET_ORDER_KEY, outlet_order_from_settings

if TYPE_CHECKING:
    from desktop.qt_compare_view import CompareView
    from desktop.qt_main_window import MainWindow
    from models.dictionaries import Dictionary
    from models.features import ArticleAnalysis
    from models.project import Project

# models.project and models.dictionaries (SQLite, JSON, hashing, the article model) are
# imported where a project or a dictionary is read or written, not before the window
# appears. Their file suffix is needed earlier (menus, dialogs): the same string as
# models.project.SUFFIX (tests/desktop/test_startup_lazy.py checks they agree).
SUFFIX = ".framescope"

PROJECT_FILTER = f"Framescope project (*{SUFFIX})"
DICTIONARY_FILTER = "Dictionaries (*.dic *.csv);;LIWC-format dictionary (*.dic);;CSV word list (*.csv)"
MAX_RECENT = 8
DEFAULT_AUTOSAVE_SECONDS = 60
#: How long closing (or a save that drops the autosave) waits for an autosave being
#: written on a thread (s); then it goes on without it (see AutosaveTurn).
AUTOSAVE_WAIT_SECONDS = 10.0
#: How long closing waits for the re-scoring worker (ms), and for a report being written (s).
RESCORE_CLOSE_WAIT_MS = 10000
REPORT_CLOSE_WAIT_SECONDS = 60.0
#: Past this many articles, the autosave is written in the background (a forked child).
BACKGROUND_AUTOSAVE_ARTICLES = 400
AUTOSAVE_NAME = f"autosave{SUFFIX}"

_RECENT_KEY = "projects/recent"
_AUTOSAVE_SECONDS_KEY = "projects/autosave_seconds"
_RUNNING_KEY = "session/running"  # true while an app instance runs; false after a clean exit
# Who ended the last session from outside with unsaved work autosaved (desktop.qt_ending).
_ENDED_BY_KEY = "session/ended_by"
#: The autosave's setting naming the files and folders of a load still under way when the
#: app was ended from outside (ProjectController.end_from_outside): read again at restore.
FILES_BEING_READ_KEY = "files_being_read"
#: How the log and the next start name the desktop session's end (logout, shutdown).
SESSION_END = "the desktop session's end (logout)"
_AUTOSAVE_FOR_KEY = "session/autosave_for"  # the project the autosave belongs to ('' untitled)
#: Reports still being written when the window last closed (their files), and the
#: temporary files they were being written to: said, and the latter removed, at the next
#: start (the process ended without them: see ProjectController.shutdown).
_UNFINISHED_REPORTS_KEY = "session/unfinished_reports"
_UNFINISHED_PARTS_KEY = "session/unfinished_report_parts"


# --------------------------------------------------------------- questions


def ask_unsaved_changes(parent: QWidget, name: str, *, empty: bool = False) -> str:
    """'save', 'discard' or 'cancel': what to do with unsaved changes to ``name``.

    ``empty``: the study now holds no articles (after Clear All, or every article
    removed). The box says so and Cancel is its default, not Save: Enter would otherwise
    write the empty study over the saved one (ux22, session 22)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Unsaved changes")
    box.setText(f"Save the changes to “{name}”?")
    if empty:
        box.setInformativeText(
            f"The study now holds no articles: saving would leave “{name}” empty. "
            "Cancel, then Edit ▸ Undo, brings removed articles back.")
    else:
        box.setInformativeText("Your changes will be lost if you don't save them.")
    box.setStandardButtons(
        QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel
    )
    box.setDefaultButton(QMessageBox.StandardButton.Cancel if empty
                         else QMessageBox.StandardButton.Save)
    box.setObjectName("unsaved_changes_box")
    answer = box.exec()
    if answer == QMessageBox.StandardButton.Save:
        return "save"
    if answer == QMessageBox.StandardButton.Discard:
        return "discard"
    return "cancel"


def ask_replace_beside(parent: QWidget, paths: Sequence[Path]) -> bool:
    """Whether an export may also replace ``paths``, files the Save dialog did not ask about."""
    names = " and ".join(p.name for p in paths)
    verb, it = ("is", "it") if len(paths) == 1 else ("are", "them")
    answer = QMessageBox.question(
        parent,
        "Replace files?",
        f"The export also writes {names}, which {verb} already there. Replace {it}?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Yes


def ask_restore_session(parent: QWidget, saved_at: str, name: str, ended_by: str = "") -> bool:
    """Whether to restore the session autosaved before Framescope last stopped unexpectedly,
    or was ended from outside (``ended_by``: a stop signal, the session's end)."""
    how = (f"Framescope was ended by {ended_by} last time, with unsaved changes."
           if ended_by else "Framescope did not close normally last time.")
    answer = QMessageBox.question(
        parent,
        "Restore unsaved work?",
        f"{how} Your work on “{name}” was "
        f"autosaved{(' at ' + saved_at) if saved_at else ''}.\n\nRestore it?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    return answer == QMessageBox.StandardButton.Yes


def folder_made(folder: Path) -> Path:
    """``folder``, made when missing; returned even when it cannot be made (a read-only
    home on a lab machine): then every load, autosave and close raised OSError
    (robust29). What needs it says why it could not write there (an autosave that
    failed); a lexicon folder that is not there means the shipped lexicon."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        _warn("Cannot make %s: %s", folder, error.strerror or error)
    return folder


def _warn(message: str, *args: object) -> None:
    import logging  # here: not among the window's first imports

    logging.getLogger("framescope").warning(message, *args)


def data_dir() -> Path:
    """The user's data folder for Framescope (autosaves); created when missing."""
    return folder_made(Path(
        QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)))


def config_dir() -> Path:
    """The user's configuration folder for Framescope (edited lexicon copies)."""
    return folder_made(Path(
        QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppConfigLocation)))


def user_lexicon_dir() -> Path:
    return config_dir() / "lexicons"


def copy_chart_to_clipboard(view: CompareView, dpi: int = 150) -> QImage:
    """Render the current chart at export size and put it on the clipboard as an image,
    here and now (scripts and tests; the window's Copy Chart draws on a thread:
    :meth:`desktop.qt_compare_view.CompareView.start_copy`)."""
    import copy

    from desktop.qt_compare_view import copy_image

    chart = view.current_chart()
    if chart is None and view.chart_pending():
        chart = view.chart_now()  # being drawn off the GUI thread: taken now
    if chart is None:
        raise ValueError("no chart to copy")
    view.wait_drawn()  # one matplotlib drawing at a time (the view may draw on a thread)
    # A copy is plotted: the chart on screen stays bound to the figure it shows.
    image = copy_image([], copy.copy(chart), view.export_size(), dpi)
    QGuiApplication.clipboard().setImage(image)
    return image


# -------------------------------------------------------------- controller


class HeldRequests(QObject):
    """While the unsaved-changes box (and the Save dialog it may open) waits for the
    user: the application's quit requests are held, not delivered, and so are the
    window's close requests (see MainWindow.closeEvent). A quit delivered then (app.quit(),
    the platform's quit) closed the box as if Cancel were pressed, then ended the event
    loop with the window still open: the study unsaved, nothing shut down (session 16).
    Held, they go on once the user's answer lets the study go, and not after Cancel."""

    def __init__(self) -> None:
        super().__init__()
        self.quit = False
        self.close = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Quit:
            self.quit = True
            return True
        return False


class ProjectController(QObject):
    """The study around a window: its file, unsaved changes, dictionaries, autosave."""

    modified_changed = Signal(bool)
    #: A project finished opening (its articles analysed): its path.
    project_opened = Signal(str)
    saved = Signal(str)
    dictionaries_changed = Signal()
    report_finished = Signal(object)  # the files written
    report_failed = Signal(str)

    def __init__(self, window: MainWindow, autosave_seconds: int | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.path: Path | None = None
        self.dictionaries: list[Dictionary] = []
        self.sources: dict[str, str] = {}
        self.settings_extra: dict[str, Any] = {}
        self._modified = False
        self._opening: Project | None = None
        #: Why the last project given to :meth:`open_project` could not be opened ("" when
        #: it was, or when the user chose to keep the study).
        self.open_failure = ""
        self._opening_path: Path | None = None
        self._opening_restored = False
        self._clean_after_load = False
        self._closing_cleanly = False
        # What was answered for the study as it is now when the desktop session ended
        # (commit_data): '' (nothing yet), 'discard', 'save' or 'autosave'. The end that
        # follows asks nothing; after Discard it keeps nothing. An edit clears it.
        self._session_end_answer = ""
        # The restore question was closed unanswered by an end from outside (start_session).
        self._restore_unanswered = False
        self._asking: HeldRequests | None = None  # the unsaved-changes box is open
        self._report_tasks: list[ReportTask] = []
        self._reports_writing = 0  # started, not yet reported written or failed
        # Edited lexicon copies that did not load (read in the shipped files' place), and
        # the problems already told (in Load Problems once, not again at every load).
        self._unusable_copies: frozenset[str] = frozenset()
        self._lexicon_problems_told: set[str] = set()
        self.rescore_runner = self._make_rescore_runner()

        self._build_actions()
        self._install_menus()
        window.analysis_hooks.append(self._apply_dictionaries)
        model = window.table_model
        for signal in (model.rowsInserted, model.rowsRemoved, model.outlet_edited,
                       model.exclusion_changed, model.analysis_edited):
            signal.connect(self._on_study_edited)
        model.modelReset.connect(self._on_study_edited)
        window.runner.finished.connect(self._on_load_finished)
        window.runner.failed.connect(self._on_load_ended)
        window.runner.cancelled.connect(self._on_load_ended)

        self._autosave_job: Any = None  # a background autosave (desktop.qt_chart_job)
        # Whether a background autosave may still put its file in place (AutosaveTurn);
        # thread autosaves not waited for to the end (still writing, their file dropped).
        self._autosave_turn = AutosaveTurn()
        self._late_autosaves: list[Any] = []
        self.autosave_timer = QTimer(self)
        self.autosave_timer.timeout.connect(self.autosave)
        seconds = autosave_seconds
        if seconds is None:
            value = qt_settings.settings().value(_AUTOSAVE_SECONDS_KEY, DEFAULT_AUTOSAVE_SECONDS)
            try:
                seconds = int(value)  # type: ignore[call-overload]
            except (TypeError, ValueError):
                seconds = DEFAULT_AUTOSAVE_SECONDS
        if seconds > 0:
            self.autosave_timer.start(seconds * 1000)
        self._update_title()

    # --- construction ----------------------------------------------------

    def _make_rescore_runner(self) -> Any:
        from desktop.qt_worker import AnalysisRunner

        runner = AnalysisRunner(self)
        runner.finished.connect(self._on_rescored)
        runner.failed.connect(lambda message: self.window._on_failed(message))
        return runner

    def _action(self, text: str, slot: Any, shortcut: Any = None, tip: str = "") -> QAction:
        """An action of the window (its menus and shortcuts), made as the window makes its own."""
        return self.window._action(text, slot, shortcut, tip)

    def _build_actions(self) -> None:
        self.action_new = self._action("&New Project", self.new_project,
                                       QKeySequence.StandardKey.New, "Start an empty study")
        self.action_open = self._action("Open &Project…", self.open_project_dialog,
                                        "Ctrl+Shift+P", "Open a saved .framescope study")
        self.action_save = self._action("&Save Project", self.save,
                                        QKeySequence.StandardKey.Save,
                                        "Save the study (articles, edits, dictionaries)")
        self.action_save_as = self._action("Save Project &As…", self.save_as_dialog,
                                           QKeySequence.StandardKey.SaveAs,
                                           "Save the study under a new name")
        self.recent_menu = QMenu("Recent Pro&jects", self.window)
        self.recent_menu.setObjectName("recent_projects_menu")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.action_load_dictionary = self._action(
            "Load D&ictionary…", self.load_dictionary_dialog, "Ctrl+Shift+L",
            "Add a LIWC-format .dic dictionary or a CSV word list as extra measures",
        )
        self.action_remove_dictionaries = self._action(
            "Remo&ve Dictionaries", self.remove_dictionaries, None,
            "Remove every custom dictionary and its columns",
        )
        self.action_edit_lexicons = self._action(
            "Edit &Lexicons…", self.edit_lexicons, None,
            "Add or remove terms in your copies of the built-in lexicons",
        )
        self.action_export_report = self._action(
            "Export &Report (HTML, PDF)…", self.export_report_dialog, "Ctrl+Shift+R",
            "A report with every chart, the tables, the Methods text, versions and file hashes",
        )
        # The Recent Projects menu is filled as it opens (aboutToShow), not here.

    def _install_menus(self) -> None:
        menu = self.window.file_menu
        first = menu.actions()[0]
        for action in (self.action_new, self.action_open):
            menu.insertAction(first, action)
        menu.insertMenu(first, self.recent_menu)
        menu.insertAction(first, self.action_save)
        menu.insertAction(first, self.action_save_as)
        menu.insertSeparator(first)
        export_table = self.window.action_export_table
        actions = menu.actions()
        after = actions[actions.index(export_table) + 1] if export_table in actions else None
        if after is not None:
            menu.insertAction(after, self.action_export_report)
        else:
            menu.addAction(self.action_export_report)
        open_folder = self.window.action_open_folder
        actions = menu.actions()
        after = actions[actions.index(open_folder) + 1]
        for action in (self.action_load_dictionary, self.action_remove_dictionaries,
                       self.action_edit_lexicons):
            menu.insertAction(after, action)

    # --- state -----------------------------------------------------------

    @property
    def name(self) -> str:
        if self.path is None:  # as project_name(None) says, without importing it at start-up
            return "Untitled"
        from models.project import project_name

        return project_name(self.path)

    def is_modified(self) -> bool:
        return self._modified

    def set_modified(self, modified: bool) -> None:
        if modified:  # an edit after the session's end was answered is asked about again
            self._session_end_answer = ""
        if modified != self._modified:
            self._modified = modified
            self.modified_changed.emit(modified)
        self._update_title()

    def _update_title(self) -> None:
        self.window.setWindowTitle(f"{self.name}[*] — Framescope")
        self.window.setWindowModified(self._modified)

    def _on_study_edited(self, *_: Any) -> None:
        if self._opening is not None or self._clean_after_load:
            return
        self.set_modified(True)

    def mark_clean_after_load(self) -> None:
        """The load now starting is the session's starting point (e.g. the seeds on first
        run): it does not count as an unsaved change."""
        self._clean_after_load = True

    def finder(self) -> Any:
        """A cue finder with the user's lexicon copies, or None for the shipped lexicon."""
        folder = user_lexicon_dir()
        if not folder.is_dir() or not any(folder.glob("*.csv")):
            return None
        from models.cues import CueFinder
        from models.user_lexicons import load_usable_copies

        # A copy edited by hand or left by another version may not load: then every
        # drop failed in the drop handler, with no message (robust29). The shipped file
        # is used in its place, the copy is kept as it is, and she is told which and why.
        lexicon, problems = load_usable_copies(folder)
        self._unusable_copies = frozenset(Path(p.path).name for p in problems)
        self._tell_lexicon_problems(problems)
        return CueFinder(lexicon)

    def _tell_lexicon_problems(self, problems: Sequence[Any]) -> None:
        from models.article import ReadError

        new = [p for p in problems if str(p) not in self._lexicon_problems_told]
        if not new:
            return
        self._lexicon_problems_told.update(str(p) for p in new)
        self.window.problems_panel.add([ReadError(
            str(p.path),
            (f"line {p.line}: " if p.line else "") + p.message
            + f"; your edited {Path(p.path).name} was not used: the shipped one was, "
            "and your file is kept as it is (fix it, or reset it in Edit Lexicons)",
        ) for p in new])
        self.window.show_load_problems()

    def lexicon_version(self) -> tuple[str, bool]:
        """The version of the lexicon in use, and whether it includes the user's edits.
        From the files' bytes (models.lexicons.lexicon_version), not a cue finder: building
        one (parsing and compiling every form, ~25 ms) stalled the first autosave."""
        from models.lexicons import lexicon_version

        folder = user_lexicon_dir()
        if not folder.is_dir() or not any(folder.glob("*.csv")):  # as finder()
            return lexicon_version(), False
        from models.user_lexicons import EDITABLE, is_edited

        skipped = self._unusable_copies
        edited = any(is_edited(folder, n) for n in EDITABLE if n not in skipped)
        return lexicon_version(user_directory=folder, skip_user=skipped), edited

    def snapshot(self, *, build_views: bool = True) -> Project:
        """The study as it is now, for saving. ``build_views=False``: the chart and measure
        chosen are left out if the Compare view is not built yet (building it imports
        matplotlib and waits for the views' import: not while the app is being ended)."""
        from models.project import Project, source_hashes

        window = self.window
        articles = [a.article for a in window.analyses()]
        self.sources = source_hashes(articles, self.sources)
        settings = dict(self.settings_extra)
        settings[OUTLET_ORDER_KEY] = window.outlets_loaded()
        if build_views or window._compare_view is not None:
            view = window.compare_view
            settings.update({"chart": view.current_key(), "measure": view.current_measure()})
        return Project(
            articles=articles,
            excluded=window.table_model.excluded_ids(),
            dictionaries=list(self.dictionaries),
            settings=settings,
            sources=dict(self.sources),
            lexicon_version=self.lexicon_version()[0],
        )

    # --- new, open, save ----------------------------------------------------

    def confirm_discard(self) -> bool:
        """Before the study is replaced or the window closes: True to go on.

        Unsaved changes ask Save/Discard/Cancel; Save that fails or is cancelled
        stops, so nothing is lost.
        """
        return self._confirm(closing=False)

    def confirm_close(self) -> bool:
        ok = self._confirm(closing=True)
        if ok:
            self._closing_cleanly = True
        return ok

    def is_asking(self) -> bool:
        """Whether the unsaved-changes box (or the Save dialog after it) is open."""
        return self._asking is not None

    def hold_close(self) -> None:
        """A request to close the window while the box is open: done after the answer
        (unless it was Cancel, or the box was the close's own)."""
        assert self._asking is not None
        self._asking.close = True

    def _confirm(self, *, closing: bool) -> bool:
        if not self._modified:
            return True
        if self._asking is not None:  # never a second box inside the first
            return False
        app = QCoreApplication.instance()
        held = self._asking = HeldRequests()
        if app is not None:
            app.installEventFilter(held)
        try:
            answer = ask_unsaved_changes(self.window, self.name,
                                         empty=not self.window.analyses())
            ok = self.save() if answer == "save" else answer == "discard"
        finally:
            if app is not None:
                app.removeEventFilter(held)
            self._asking = None
        if ok:
            # What was asked meanwhile goes on now (after this close, or this New/Open).
            if held.close and not closing:
                QTimer.singleShot(0, self.window.close)
            if held.quit:
                QTimer.singleShot(0, QCoreApplication.quit)
        return ok

    def new_project(self) -> bool:
        if not self.confirm_discard():
            return False
        self.window.runner.cancel()
        self._opening = None
        self.window.clear_all()
        self.window.problems_panel.clear()
        self.window.set_outlet_order([])  # the next files' outlets in sorted-name order
        self.dictionaries = []
        self.sources = {}
        self.settings_extra = {}
        self._dictionaries_updated()
        self.path = None
        self.set_modified(False)
        return True

    def open_project_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window, "Open Project", qt_settings.last_directory(),
            f"{PROJECT_FILTER};;All files (*)",
        )
        if path:
            self.open_project(Path(path))

    def open_project(self, path: Path, *, restored_for: str | None = None) -> bool:
        """Open a project file: its articles are analysed again on the worker.

        A file that cannot be opened is reported and the current study is kept.
        ``restored_for`` (an autosave being restored): the project it belongs to
        ('' for an untitled study); the restored study has unsaved changes.
        """
        from models.dictionaries import register, unique_names
        from models.project import ProjectError, load_project

        as_untitled = restored_for is not None
        self.open_failure = ""
        if not self.confirm_discard():
            return False
        try:
            project = load_project(path)
        except ProjectError as error:
            from desktop.qt_main_window import show_error

            self.open_failure = error.reason
            show_error(self.window, "Could not open the project",
                       f"{error.path.name} could not be opened: {error.reason}",
                       str(error))
            if not path.exists():
                # Only a project that is gone leaves Open Recent: one saved by a newer
                # version, or unreadable for now, was dropped from it too (robust29).
                self._forget_recent(path)
            return False
        self.window.runner.cancel()
        self.window.clear_all()
        self.window.problems_panel.clear()
        # The colours its outlets had when it was saved (a project saved without them:
        # sorted-name order, as before).
        self.window.set_outlet_order(outlet_order_from_settings(project.settings))
        self.dictionaries = unique_names(project.dictionaries)
        register(self.dictionaries)
        self._dictionaries_updated(rescore=False)
        self.sources = dict(project.sources)
        self.settings_extra = {k: v for k, v in project.settings.items()
                               if k not in ("chart", "measure", OUTLET_ORDER_KEY)}
        self._opening = project
        self._opening_restored = as_untitled
        self._opening_path = (Path(restored_for) if restored_for else None) if as_untitled \
            else Path(path)
        if not as_untitled:
            self._remember_recent(Path(path))
            qt_settings.remember_directory(Path(path))
        if not project.articles:
            self._finish_open()
            return True
        self.window.runner.start([], articles=project.articles, finder=self.finder())
        return True

    def _finish_open(self) -> None:
        project = self._opening
        if project is None:
            return
        self._opening = None
        self.window.table_model.set_excluded_ids(project.excluded)
        view = self.window.compare_view
        for key, select in (("chart", view.select_chart), ("measure", view.select_measure)):
            value = project.settings.get(key)
            if isinstance(value, str):
                try:
                    select(value)
                except KeyError:
                    pass
        restored = self._opening_restored
        self.path = self._opening_path
        self.set_modified(restored)
        # Files still being read when the app was ended from outside (end_from_outside):
        # read again now, as File ▸ Open reads them (those already in the table are
        # duplicates, not added again). Only a restored autosave has them.
        reading = self.settings_extra.pop(FILES_BEING_READ_KEY, None) if restored else None
        where = str(self.path) if self.path is not None else "autosave"
        # The same count as after a load ("5 articles from 5 outlets").
        self.window._set_status(f"Opened {self.name}: {corpus_summary_text(self.window)}",
                                announce=True)
        self.project_opened.emit(where)
        if isinstance(reading, list) and reading:
            self.window.open_paths([Path(str(path)) for path in reading])

    def _on_load_finished(self, _corpus: Any) -> None:
        if self._opening is not None:
            self._finish_open()
        elif self._clean_after_load:
            self._clean_after_load = False
            self.set_modified(False)

    def _on_load_ended(self, *_: Any) -> None:
        if self._opening is not None:
            # Cancelled or failed: what did load is kept, as an unsaved study.
            self._opening = None
            self.path = self._opening_path
            self.set_modified(True)
        self._clean_after_load = False

    def save(self) -> bool:
        """Save to the project's file, or ask for one; True when saved."""
        if self.path is None:
            return self.save_as_dialog()
        return self.save_to(self.path)

    def save_as_dialog(self) -> bool:
        start = str(Path(qt_settings.last_directory()) / f"{self.name}{SUFFIX}")
        path, _ = QFileDialog.getSaveFileName(self.window, "Save Project", start, PROJECT_FILTER)
        if not path:
            return False
        target = Path(path)
        if target.suffix != SUFFIX:
            target = target.with_name(target.name + SUFFIX)
        return self.save_to(target)

    def save_to(self, path: Path) -> bool:
        from models.project import ProjectError, save_project

        try:
            save_project(path, self.snapshot())
        except ProjectError as error:
            from desktop.qt_main_window import show_error

            show_error(self.window, "Could not save the project",
                       f"{error.path.name} could not be saved: {error.reason}\n\n"
                       "Nothing was lost; the previous file is unchanged.", str(error))
            return False
        self.path = Path(path)
        self._remember_recent(self.path)
        qt_settings.remember_directory(self.path)
        self.set_modified(False)
        # The study is in its file: an autosave still being written is not waited for
        # (its file is dropped when it ends: AutosaveTurn).
        self._remove_autosave(wait=0)
        self.window.tell(f"Saved {self.path.name}", 5000)
        self.saved.emit(str(self.path))
        return True

    # --- recent projects ---------------------------------------------------

    def recent_projects(self) -> list[str]:
        value = qt_settings.settings().value(_RECENT_KEY, [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in value or []]

    def _remember_recent(self, path: Path) -> None:
        entry = str(Path(path).resolve())
        recent = [entry] + [p for p in self.recent_projects() if p != entry]
        qt_settings.settings().setValue(_RECENT_KEY, recent[:MAX_RECENT])
        self._fill_recent_menu()

    def _forget_recent(self, path: Path) -> None:
        entry = str(Path(path).resolve())
        qt_settings.settings().setValue(
            _RECENT_KEY, [p for p in self.recent_projects() if p != entry]
        )
        self._fill_recent_menu()

    def _fill_recent_menu(self) -> None:
        from models.project import project_name

        self.recent_menu.clear()
        recent = self.recent_projects()
        for number, entry in enumerate(recent, start=1):
            action = self.recent_menu.addAction(f"&{number} {project_name(entry)}")
            action.setToolTip(entry)
            action.setStatusTip(entry)
            action.setData(entry)
            action.triggered.connect(lambda _=False, p=entry: self.open_project(Path(p)))
        if not recent:
            empty = self.recent_menu.addAction("No recent projects")
            empty.setEnabled(False)
        else:
            self.recent_menu.addSeparator()
            clear = self.recent_menu.addAction("Clear Menu")
            clear.triggered.connect(self._clear_recent)

    def _clear_recent(self) -> None:
        qt_settings.settings().setValue(_RECENT_KEY, [])
        self._fill_recent_menu()

    # --- autosave and recovery -------------------------------------------------

    @staticmethod
    def autosave_path() -> Path:
        return data_dir() / AUTOSAVE_NAME

    def autosave(self) -> bool:
        """Write the study to the autosave file if it has unsaved changes (atomically).

        Not while files are being analysed (the load's end marks the study changed,
        so the next tick saves it). Past :data:`BACKGROUND_AUTOSAVE_ARTICLES`
        articles the file is written in the background (writing 10,000 articles
        takes seconds: the window must not freeze for them every minute): by a
        forked child, watched (one that crashes or is stuck is stopped and the save
        redone on a thread, with a message), or on a thread where no child can be
        forked safely."""
        from models.project import ProjectError, save_project

        if not self._modified or self._opening is not None or self.window.is_busy():
            return False
        if self._autosave_job is not None and self._autosave_job.is_running():
            return False
        # One not waited for still writes (its file is dropped): the next waits for its end
        # (the two would share the temporary file's name).
        self._late_autosaves = [job for job in self._late_autosaves if not job.wait(0)]
        if self._late_autosaves:
            return False
        try:
            if not self._autosave_in_background():
                save_project(self.autosave_path(), self.snapshot())
        except ProjectError as error:
            self.window.tell(f"Autosave failed: {error.reason}", 10000, error=True)
            return False
        settings = qt_settings.settings()
        settings.setValue(_AUTOSAVE_FOR_KEY, str(self.path) if self.path else "")
        settings.sync()
        return True

    def _autosave_in_background(self) -> bool:
        """Start writing the autosave off the GUI thread; False below
        :data:`BACKGROUND_AUTOSAVE_ARTICLES` articles (then it is written at once)."""
        from desktop.qt_chart_job import start_job, start_thread_job

        window = self.window
        if len(window.analyses()) <= BACKGROUND_AUTOSAVE_ARTICLES:
            return False
        # Everything that needs Qt is read here, on the GUI thread.
        view = window.compare_view
        settings = dict(self.settings_extra)
        settings.update({"chart": view.current_key(), "measure": view.current_measure(),
                         OUTLET_ORDER_KEY: window.outlets_loaded()})
        parts = (self.autosave_path(), [a.article for a in window.analyses()],
                 window.table_model.excluded_ids(), list(self.dictionaries), settings,
                 dict(self.sources), self.lexicon_version()[0], self._autosave_turn)
        job = start_job(write_autosave, [], *parts, parent=self, job="autosave") \
            or start_thread_job(write_autosave, [], *parts, parent=self, job="autosave")
        self._watch_autosave(job, parts)
        return True

    def _watch_autosave(self, job: Any, parts: tuple[Any, ...]) -> None:
        self._autosave_job = job
        job.done.connect(lambda _none, job=job: self._on_autosaved(job))
        job.failed.connect(lambda error, job=job: self._on_autosave_failed(job, error, parts))

    def _on_autosaved(self, job: Any) -> None:
        if job is self._autosave_job:
            self._autosave_job = None

    def _on_autosave_failed(self, job: Any, error: str, parts: tuple[Any, ...]) -> None:
        from desktop.qt_chart_job import report_problem, start_thread_job

        if job is not self._autosave_job:
            return
        reason = error.splitlines()[0] if error else "failed"
        if job.pid is not None:
            # The forked child crashed, failed or was stuck: said, then redone on a thread.
            report_problem(self.window, f"The autosave process {reason}; "
                                        "saving in the window's process instead.")
            self._watch_autosave(start_thread_job(write_autosave, [], *parts, parent=self,
                                                  job="autosave"), parts)
            return
        self._autosave_job = None
        report_problem(self.window, f"Autosave failed: {reason}")

    def _stop_autosave_child(self, wait: float = AUTOSAVE_WAIT_SECONDS) -> bool:
        """Stop a background autosave: a child is killed (the file it writes is replaced
        atomically: the last autosave stays whole), a thread is waited for, at most
        ``wait`` seconds. False if that thread still writes then: it goes on (a thread
        cannot be stopped inside sqlite), and a removal of the autosave after this still
        wins (AutosaveTurn)."""
        job, self._autosave_job = self._autosave_job, None
        if job is None or not job.is_running():
            return True
        if job.pid is not None:
            job.cancel()
            return True
        if job.wait(wait):
            return True
        self._late_autosaves.append(job)
        return False

    def _remove_autosave(self, wait: float = AUTOSAVE_WAIT_SECONDS) -> bool:
        """Drop the autosave (the study was saved, or the window closes cleanly); False if
        an autosave thread was still writing after ``wait`` s (its file is not put in
        place: AutosaveTurn)."""
        stopped = self._stop_autosave_child(wait)
        turn, self._autosave_turn = self._autosave_turn, AutosaveTurn()
        turn.remove(self.autosave_path())
        return stopped

    def _remember_unfinished(self, tasks: Sequence[ReportTask]) -> None:
        """Reports the user asked for and closing did not wait for: the next start says
        so (the window's status bar is gone by the time the process ends), and removes
        what they left (their temporary files: the process ends without their cleanup)."""
        from models.export import temporary_beside

        files = [task.stem.with_suffix(f".{fmt}") for task in tasks for fmt in task.formats]
        settings = qt_settings.settings()
        settings.setValue(_UNFINISHED_REPORTS_KEY, [str(path) for path in files])
        settings.setValue(_UNFINISHED_PARTS_KEY, [str(temporary_beside(path)) for path in files])
        settings.sync()

    def _say_unfinished_reports(self) -> None:
        settings = qt_settings.settings()
        files = [Path(p) for p in settings.value(_UNFINISHED_REPORTS_KEY, [], type=list)]
        parts = [Path(p) for p in settings.value(_UNFINISHED_PARTS_KEY, [], type=list)]
        settings.remove(_UNFINISHED_REPORTS_KEY)
        settings.remove(_UNFINISHED_PARTS_KEY)
        for part in parts:
            part.unlink(missing_ok=True)
        if files:
            from desktop.qt_chart_job import report_problem

            report_problem(self.window, "Framescope closed last time before it had written "
                           f"{', '.join(path.name for path in files)}: that report may be "
                           "missing or out of date; export it again (File ▸ Export Report).")

    def start_session(self) -> bool:
        """At start-up: say which reports the last close did not wait for, offer to
        restore an autosave left by a session that did not end cleanly, then mark this
        session as running. True if a session was restored."""
        from models.project import ProjectError, load_project, project_name

        self._say_unfinished_reports()
        settings = qt_settings.settings()
        crashed = settings.value(_RUNNING_KEY, False) in (True, "true")
        ended_by = str(settings.value(_ENDED_BY_KEY, "") or "")
        autosave = self.autosave_path()
        restored = False
        if crashed and autosave.is_file():
            owner = str(settings.value(_AUTOSAVE_FOR_KEY, "") or "")
            try:
                saved_at = load_project(autosave).saved_at
            except ProjectError as error:
                # Offered, it failed to open and was deleted, her unsaved work with it
                # (robust29: one written by a newer version she ran before this one).
                # Not offered: kept aside, where the next autosave does not replace it.
                self._keep_unrestorable(autosave, error.reason)
            else:
                answer = ask_restore_session(self.window, saved_at,
                                             project_name(owner or None), ended_by=ended_by)
                if answer:
                    restored = self.open_project(autosave, restored_for=owner)
                if self.window.ending is not None:
                    # Ended from outside while the question was open (closed unanswered,
                    # as No): the autosave and the marker stay for the start after this one.
                    self._restore_unanswered = True
                    return restored
                if answer and not restored:
                    self._keep_unrestorable(autosave, "")  # the open said why
                elif not restored:
                    autosave.unlink(missing_ok=True)
        settings.remove(_ENDED_BY_KEY)
        settings.setValue(_RUNNING_KEY, True)
        settings.sync()
        return restored

    def _keep_unrestorable(self, autosave: Path, reason: str) -> None:
        """Move an autosave that could not be restored aside ("autosave not restored
        <date time>.framescope", beside it) and say where; ``reason``: why it could not
        be opened, when no message has said it yet."""
        import os
        from datetime import datetime

        from desktop.qt_main_window import show_error

        kept = autosave.with_name(
            f"autosave not restored {datetime.now():%Y-%m-%d %H%M%S}{SUFFIX}")
        try:
            os.replace(autosave, kept)
        except OSError as error:
            kept = autosave
            where = (f"It is still at {autosave} ({error.strerror or error}), where the "
                     "next autosave replaces it: copy it elsewhere to keep it.")
        else:
            where = f"It is kept as {kept}."
        if reason:
            show_error(self.window, "Could not restore the last session",
                       "Framescope stopped unexpectedly last time, and the study it had "
                       f"saved could not be opened: {reason}\n\n{where}")
        else:
            self.window.tell(f"The last session was not restored. {where}", 0, error=True)

    def shutdown(self) -> list[str]:
        """A clean exit: stop autosaving, drop the autosave, and say the session ended.
        Every wait is bounded; what was still running after it is returned (named for
        the user: the window says it and ends the process without it)."""
        self.autosave_timer.stop()
        late = []
        if not self._stop_autosave_child():
            late.append("the autosave being written (the one before it stays whole)")
        if not self.rescore_runner.shutdown(RESCORE_CLOSE_WAIT_MS):
            late.append("re-scoring the articles")
        unwritten = [task for task in self._report_tasks
                     if not task.done.wait(REPORT_CLOSE_WAIT_SECONDS)]
        if unwritten:
            late.append(f"{len(unwritten)} report(s) still being written")
            self._remember_unfinished(unwritten)
        if self._closing_cleanly:
            self._remove_autosave()
            settings = qt_settings.settings()
            settings.setValue(_RUNNING_KEY, False)
            settings.sync()
        return late

    # --- ending from outside (desktop.qt_ending) -------------------------------

    def end_from_outside(self, reason: str) -> None:
        """The window closes with nobody to answer (``reason``: a stop signal, the session's
        end). Unsaved work is autosaved now, on this thread (even during a load: what the
        table holds, and the files or folders of the load still under way, which her
        restore reads again), and kept with the running marker, so the next start offers
        it as after a crash and says why; without unsaved work, the end is a clean one.
        Called from closeEvent instead of the Save/Discard question; shutdown follows."""
        import logging

        from models.project import ProjectError, save_project

        log = logging.getLogger("framescope")
        self.autosave_timer.stop()
        if self._restore_unanswered:  # the autosave it offered is offered again
            self._closing_cleanly = False
            return
        # A load she started is work of hers too, before its first articles are in the
        # table (the app's own first load, of the samples or its command line, is not).
        reading = [] if self._clean_after_load else self.window.files_being_read()
        if (not self._modified and not reading) or self._session_end_answer == "discard":
            self._closing_cleanly = True
            return
        self._closing_cleanly = False
        if self._opening is not None:
            # A project being opened (or an autosave being restored): its file holds it,
            # and what was there before it was answered for; nothing new to keep.
            return
        settings = qt_settings.settings()
        # A background autosave still writing is stopped (a child) or waited for (a thread),
        # bounded: this one writes the same file.
        if not self._stop_autosave_child() or any(not job.wait(0) for job in self._late_autosaves):
            log.warning("Ending: an autosave thread still writes; the study is not saved again.")
        else:
            project = self.snapshot(build_views=False)
            if reading:
                # Read again when she restores it: their articles were not in the table yet.
                project.settings[FILES_BEING_READ_KEY] = [str(path) for path in reading]
            try:
                save_project(self.autosave_path(), project,
                             replace=self._autosave_turn.put_in_place)
            except ProjectError as error:  # the last autosave, if any, stays whole
                log.warning("Ending: the autosave could not be written: %s", error.reason)
            else:
                settings.setValue(_AUTOSAVE_FOR_KEY, str(self.path) if self.path else "")
                log.warning("Ending: unsaved work autosaved to %s.", self.autosave_path())
        settings.setValue(_ENDED_BY_KEY, reason)
        settings.sync()

    def commit_data(self, manager: Any) -> None:
        """The desktop session ends (QGuiApplication.commitDataRequest: logout, shutdown).
        With unsaved work: if the session manager lets the app interact, the Save/Discard/
        Cancel box, as closing asks (Cancel, or a Save that fails, asks it to cancel the
        logout); otherwise the work is autosaved now and offered at the next start. The
        process is then ended by the session manager (a quit or a stop signal), which asks
        nothing more."""
        if not self._modified or self._opening is not None or self._asking is not None:
            return
        if manager.allowsInteraction():
            answer = ask_unsaved_changes(self.window, self.name,
                                         empty=not self.window.analyses())
            ok = self.save() if answer == "save" else answer == "discard"
            manager.release()
            if not ok:
                manager.cancel()
                return
            self._session_end_answer = answer
            return
        # No question allowed: kept as a stop signal keeps it. The logout may still be
        # cancelled (by another app): the app goes on, autosaving as before.
        self.end_from_outside(SESSION_END)
        self._closing_cleanly = False
        self._session_end_answer = "autosave"
        if self.autosave_timer.interval() > 0:
            self.autosave_timer.start()

    def answered_for_session_end(self) -> bool:
        """Whether the desktop session's end was answered for the study as it is now: the
        window's close that follows (the session's quit) asks nothing."""
        return bool(self._session_end_answer)

    @staticmethod
    def save_state(manager: Any) -> None:
        """QGuiApplication.saveStateRequest: Framescope does not restore itself at the next
        login (the autosave is offered when she starts it), so the session manager is told
        not to start it again."""
        from PySide6.QtGui import QSessionManager

        manager.setRestartHint(QSessionManager.RestartHint.RestartNever)

    # --- dictionaries ----------------------------------------------------------

    def _apply_dictionaries(self, analyses: list[ArticleAnalysis]) -> list[ArticleAnalysis]:
        from models.dictionaries import apply_dictionaries

        if not self.dictionaries:
            return analyses
        return apply_dictionaries(analyses, self.dictionaries)

    def _dictionaries_updated(self, rescore: bool = True) -> None:
        from models.dictionaries import apply_dictionaries, register

        window = self.window
        if rescore:
            window.table_model.replace_analyses(
                apply_dictionaries(window.analyses(), self.dictionaries)
            )
        register(self.dictionaries)
        measures = [m for d in self.dictionaries for m in d.measures()]
        window.compare_view.set_extra_measures(measures)
        window.table_dictionary_columns(measures)
        window.read_view_dictionaries(self.dictionaries)
        window._refresh_compare()
        self.action_remove_dictionaries.setEnabled(bool(self.dictionaries))
        self.dictionaries_changed.emit()

    def load_dictionary_dialog(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self.window, "Load Dictionary", qt_settings.last_directory(), DICTIONARY_FILTER
        )
        if files:
            self.load_dictionaries([Path(f) for f in files])

    def load_dictionaries(self, paths: Sequence[Path]) -> list[Dictionary]:
        """Add dictionaries; each one that cannot be read is reported (file, line, reason)
        and the others are added."""
        from models.article import ReadError
        from models.dictionaries import DictionaryError, load_dictionary, register, unique_names

        loaded, problems = [], []
        for path in paths:
            try:
                dictionary = load_dictionary(path)
            except DictionaryError as error:
                problems.append(ReadError(str(error.path), error.reason if not error.line
                                          else f"line {error.line}: {error.reason}"))
                continue
            problems.extend(ReadError(str(path), w) for w in dictionary.warnings)
            loaded.append(dictionary)
        if loaded:
            self.dictionaries = unique_names(
                [d for d in self.dictionaries if d.source not in {x.source for x in loaded}]
                + loaded
            )
            register(self.dictionaries)
            self._dictionaries_updated()
            self.set_modified(True)
            names = ", ".join(d.name for d in loaded)
            # With the count of what is loaded, as every other outcome in the status bar
            # says it: this message alone left the bar without it until the next change.
            self.window._set_status(f"Dictionary loaded: {names} · "
                                    f"{self.window.loaded_summary()}", announce=True)
        if problems:
            self.window.problems_panel.add(problems)
            self.window.show_load_problems()
        return loaded

    def remove_dictionaries(self) -> None:
        if not self.dictionaries:
            return
        self.dictionaries = []
        self._dictionaries_updated()
        self.set_modified(True)
        # The bar said "Dictionary loaded: …" still, after the dictionary had gone.
        self.window._set_status(f"Custom dictionaries removed · "
                                f"{self.window.loaded_summary()}", announce=True)

    @staticmethod
    def is_dictionary(path: Path) -> bool:
        return path.suffix.lower() == ".dic"

    # --- lexicon edits ---------------------------------------------------------

    def edit_lexicons(self) -> None:
        from desktop.qt_lexicon_editor import LexiconEditor

        editor = getattr(self, "_lexicon_editor", None)
        if editor is None:
            editor = LexiconEditor(user_lexicon_dir(), self.window)
            editor.lexicon_changed.connect(self.rescore)
            self._lexicon_editor = editor
        editor.show()
        editor.raise_()

    def rescore(self) -> None:
        """Analyse the loaded articles again with the lexicon now in use (on the worker)."""
        articles = [a.article for a in self.window.analyses()]
        if not articles:
            return
        from models.cues import CueFinder, default_finder

        finder = self.finder() or CueFinder(default_finder().lexicon)
        self.window._set_status("Re-scoring with the edited lexicon…")
        self.rescore_runner.start([], articles=articles, finder=finder)

    def _on_rescored(self, corpus: Any) -> None:
        analyses = self._apply_dictionaries(list(corpus.analyses))
        self.window.table_model.replace_analyses(analyses)
        self.window._after_removal()
        self.window._set_status("Re-scored with the lexicon now in use · "
                                f"{self.window.loaded_summary()}", announce=True)

    # --- report ----------------------------------------------------------------

    def report_data(self) -> Any:
        from desktop.report import ReportData
        from models.project import source_hashes

        window = self.window
        included = window.included_analyses()
        self.sources = source_hashes([a.article for a in window.analyses()], self.sources)
        version, edited = self.lexicon_version()
        return ReportData(
            included,
            # Every input file, excluded articles' too: the study read them all.
            sources={a.article.source: self.sources[a.article.source]
                     for a in window.analyses() if a.article.source in self.sources},
            lexicon_version=version,
            lexicon_edited=edited,
            dictionaries=list(self.dictionaries),
            errors=window.load_problems(),
            excluded=sorted(window.table_model.excluded_ids()),
            # The colours the window's charts give the outlets (an excluded one's too).
            outlets_loaded=window.outlets_loaded(),
            # The claim charts at the Claims view's threshold, as the window shows them.
            alignment=(window._compare_view.claim_alignment()
                       if window._compare_view is not None else None),
            title=f"Framescope report: {self.name}",
            project=str(self.path) if self.path else "",
        )

    def export_report_dialog(self) -> None:
        start = str(Path(qt_settings.last_directory()) / f"{self.name}-report.pdf")
        path, selected = QFileDialog.getSaveFileName(
            self.window, "Export Report", start,
            "PDF report (*.pdf);;HTML report (*.html);;Both HTML and PDF (*.pdf *.html)",
        )
        if not path:
            return
        target = Path(path)
        formats = ["html", "pdf"] if selected.startswith("Both") else (
            [target.suffix.lstrip(".").lower()] if target.suffix.lower() in (".pdf", ".html")
            else ["html" if selected.startswith("HTML") else "pdf"]
        )
        stem = target.with_suffix("")
        # The dialog asked about the file chosen only; "Both" (or a suffix the format
        # changes) also writes one beside it, which must not replace the user's unasked.
        unasked = [p for p in (stem.with_suffix(f".{f}") for f in formats)
                   if p != target and p.exists()]
        if unasked and not ask_replace_beside(self.window, unasked):
            return
        self.export_report(stem, formats)

    def update_report_action(self) -> None:
        """File ▸ Export Report is offered while articles are loaded and no report is being
        written (it stayed enabled after Clear All: ux16's review, session 16, finding 9)."""
        self.action_export_report.setEnabled(
            self.window.table_model.rowCount() > 0 and not self._reports_writing)

    def export_report(self, stem: Path, formats: Sequence[str]) -> ReportTask:
        """Write the report on a worker thread (charts take a while); ``report_finished``
        (the files written) or ``report_failed`` (a message) follows on the GUI thread."""
        task = ReportTask(stem, self.report_data(), list(formats))
        task.signals.finished.connect(self._on_report_written)
        task.signals.failed.connect(lambda message: self._on_report_failed(stem, message))
        self._report_tasks.append(task)
        self._reports_writing += 1
        self.action_export_report.setEnabled(False)
        self.window._set_status("Writing the report…")
        QThreadPool.globalInstance().start(task)
        return task

    def _on_report_written(self, written: list[Path]) -> None:
        self._report_tasks = [t for t in self._report_tasks if not t.done.is_set()]
        self._reports_writing = max(0, self._reports_writing - 1)
        self.update_report_action()
        if written:
            qt_settings.remember_directory(written[0].parent)
        self.window._set_status(corpus_summary_text(self.window))
        self.window.tell("Saved " + ", ".join(p.name for p in written), 8000)
        self.report_finished.emit(written)

    def _on_report_failed(self, stem: Path, message: str) -> None:
        self._report_tasks = [t for t in self._report_tasks if not t.done.is_set()]
        self._reports_writing = max(0, self._reports_writing - 1)
        self.update_report_action()
        self.window._set_status(corpus_summary_text(self.window))
        from desktop.qt_main_window import show_error

        show_error(self.window, "Could not write the report",
                   f"The report {stem.name} could not be written: "
                   f"{message.splitlines()[0] if message else 'unknown error'}\n\n"
                   "Nothing was lost; choose another place and try again.", message)
        self.report_failed.emit(message)


class _ReportSignals(QObject):
    finished = Signal(object)  # list of Paths written
    failed = Signal(str)


class ReportTask(QRunnable):
    """Writes a report (desktop.report) off the GUI thread; Qt-free work, signals back."""

    def __init__(self, stem: Path, data: Any, formats: list[str]) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.stem, self.data, self.formats = stem, data, formats
        self.signals = _ReportSignals()
        self.done = threading.Event()

    def run(self) -> None:
        from desktop.qt_worker import failure_message
        from desktop.report import write_report

        try:
            written = write_report(self.stem, self.data, self.formats)
        except OSError as error:
            # A file not written: which and why, as Export Chart says it (type and errno
            # stay in the details).
            where = f"{error.filename}: " if error.filename else ""
            reason = f"{where}{error.strerror}" if error.strerror else failure_message(error)
            self.signals.failed.emit(f"{reason.splitlines()[0]}\n\n{failure_message(error)}")
        except Exception as error:  # reported to the user by the controller, never swallowed
            self.signals.failed.emit(failure_message(error))
        else:
            self.signals.finished.emit(written)
        finally:
            self.done.set()


class AutosaveTurn:
    """Whether a background autosave may still put its file in place. The file is put in
    place, or removed, under one lock, so an autosave thread that ends after the autosave
    was removed (the study saved, the window closed: the wait for it is bounded) never
    brings the removed file back. Each removal ends a turn; later autosaves get a new one.
    Only the autosave file is concerned: the user's project file is never written here."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._removed = False

    def put_in_place(self, written: Path, path: Path) -> None:
        """On the writing thread (or child): ``written`` becomes ``path``, unless removed."""
        import os

        with self._lock:
            if not self._removed:
                os.replace(written, path)

    def remove(self, path: Path) -> None:
        """On the GUI thread: delete ``path``; a write of this turn still under way is dropped."""
        with self._lock:
            self._removed = True
            try:
                path.unlink(missing_ok=True)
            except OSError as error:  # a folder made read-only: the close goes on
                _warn("Cannot remove the autosave %s: %s", path, error.strerror or error)


def write_autosave(
    _analyses: Sequence[Any], path: Path, articles: list[Any], excluded: Any,
    dictionaries: list[Any], settings: dict[str, Any], known: dict[str, str], version: str,
    turn: AutosaveTurn,
) -> None:
    """Write the autosave ``path`` (in a forked child, or on a thread: no Qt here), put in
    place only if ``turn`` has not been removed meanwhile."""
    from models.project import Project, save_project, source_hashes

    save_project(path, Project(
        articles=articles, excluded=excluded, dictionaries=dictionaries, settings=settings,
        sources=source_hashes(articles, known), lexicon_version=version,
    ), replace=turn.put_in_place)


def corpus_summary_text(window: MainWindow) -> str:
    """What the status bar says of the articles, as after a load (outlets that are only file
    names included)."""
    from desktop.qt_main_window import file_name_outlets

    # With what the charts use when articles are excluded (a project keeps exclusions).
    return " · ".join([window.loaded_summary(), *file_name_outlets(window.analyses())])


def project_paths(paths: Sequence[Path]) -> tuple[list[Path], list[Path], list[Path]]:
    """Split dropped or given paths into projects, dictionaries and everything else."""
    projects = [p for p in paths if p.suffix.lower() == SUFFIX]
    dictionaries = [p for p in paths if p.suffix.lower() == ".dic"]
    rest = [p for p in paths if p not in projects and p not in dictionaries]
    return projects, dictionaries, rest

