"""The Methods and About dialogs: they show the HTML of :mod:`desktop.methods_text`."""

from __future__ import annotations

from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.methods_text import APP_NAME, about_html, methods_html
from desktop.qt_focus_ring import FocusRing


class MethodsDialog(QDialog):
    """Non-modal, resizable window with the Methods text; links open in the browser."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"{APP_NAME}: methods")
        self.setModal(False)
        self.setSizeGripEnabled(True)
        self.resize(800, 600)
        self._browser = QTextBrowser(self)
        self._browser.setOpenExternalLinks(True)
        self._browser.setHtml(methods_html())
        self._browser.setAccessibleName("Methods")
        self._focus = FocusRing(self._browser, "methods_focus")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self._browser)
        layout.addWidget(buttons)

    def browser(self) -> QTextBrowser:
        return self._browser

    def show_measure(self, key: str) -> None:
        """Scroll to the measure with CSV column ``key`` (anchors are the keys)."""
        self._browser.scrollToAnchor(key)


class AboutDialog(QDialog):
    """Name, version, purpose, licence, library versions and credits."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"About {APP_NAME}")
        self.resize(520, 480)
        self._browser = QTextBrowser(self)
        self._browser.setOpenExternalLinks(True)
        # The Qt libraries loaded at run time can differ from the wheel's version.
        self._browser.setHtml(about_html([("Qt runtime", qVersion())]))
        self._browser.setAccessibleName(f"About {APP_NAME}")
        self._focus = FocusRing(self._browser, "about_focus")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self._browser)
        layout.addWidget(buttons)

    def browser(self) -> QTextBrowser:
        return self._browser


def show_about(parent: QWidget | None = None) -> AboutDialog:
    """Open the About dialog window-modally without blocking; returns it (deleted on close)."""
    dialog = AboutDialog(parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def show_methods(parent: QWidget | None = None, key: str = "") -> MethodsDialog:
    """Open (non-modally) the Methods window, scrolled to measure ``key`` if given."""
    dialog = MethodsDialog(parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    if key:
        dialog.show_measure(key)
    return dialog
