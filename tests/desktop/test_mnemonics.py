"""Keyboard access: Alt+letter opens the menu it names on every tab, and no two entries of
one menu share their underlined letter (ux8, session 8: on the Claims tab with Find Claims
shown, Alt+F moved focus to that button instead of opening File; File had three R and two
D entries)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu

from tests.desktop.conftest import copy_seeds, load


def mnemonic(text: str) -> str:
    found = re.search(r"&([^&])", text.replace("&&", ""))
    return found.group(1).lower() if found else ""


def test_alt_f_opens_the_file_menu_on_the_claims_tab_with_find_claims_shown(
    qtbot: Any, window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop import qt_claims_view

    monkeypatch.setattr(qt_claims_view, "AUTO_ALIGN_MAX_ARTICLES", 1)  # claims found on request
    load(qtbot, window, copy_seeds(tmp_path / "corpus", 2))
    window.tabs.setCurrentWidget(window.claims_view)
    button = window.claims_view.find_button
    qtbot.waitUntil(button.isVisible)
    window.table.setFocus()
    QTest.keyClick(window.table, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(window.file_menu.isVisible)
    assert QApplication.activePopupWidget() is window.file_menu
    assert not button.hasFocus() and button.isVisible()  # not pressed: no alignment started
    window.file_menu.close()
    # The button keeps a key of its own, which no menu title uses.
    assert mnemonic(button.text()) not in {mnemonic(a.text()) for a in window.menuBar().actions()}


def test_no_two_entries_of_a_menu_share_a_mnemonic(window: Any) -> None:
    window.build_rest()
    menus = [a.menu() for a in window.menuBar().actions()]
    assert len(menus) == 4  # File, Edit, View, Help
    for menu in menus:
        assert isinstance(menu, QMenu)
        letters = [mnemonic(a.text()) for a in menu.actions() if not a.isSeparator()]
        used = [x for x in letters if x]
        assert len(used) == len(set(used)), (menu.title(), letters)
