"""A worker thread reaches a Qt object on the GUI thread through the app's relay, which
outlives the object: the call arrives while the object lives and is dropped once it is
deleted.

CI (session 21) segfaulted in test_chart_drawn_elsewhere: a Compare view deleted by the
test's teardown while its chart-scene thread emitted one of the view's own signals.
"""

from __future__ import annotations

import threading
from typing import Any

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

from desktop.qt_chart_job import call_on_gui_thread, gui_relay


class _Receiver(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.calls: list[tuple[Any, ...]] = []
        self.threads: list[threading.Thread] = []

    def take(self, *args: Any) -> None:
        self.calls.append(args)
        self.threads.append(threading.current_thread())


def _from_a_thread(receiver: QObject, *args: Any) -> None:
    relay = gui_relay()  # made on the GUI thread, as the views do before their thread
    thread = threading.Thread(
        target=call_on_gui_thread, args=(relay, receiver, "take", *args))
    thread.start()
    thread.join()


def test_a_live_receiver_is_called_on_the_gui_thread(qtbot: Any) -> None:
    receiver = _Receiver()
    _from_a_thread(receiver, 1, "two")
    assert receiver.calls == []  # queued: nothing runs on the worker thread
    qtbot.waitUntil(lambda: receiver.calls == [(1, "two")])
    assert receiver.threads == [threading.main_thread()]


def test_a_receiver_deleted_before_the_call_arrives_is_left_alone(qtbot: Any) -> None:
    deleted = _Receiver()
    live = _Receiver()
    _from_a_thread(deleted, "late")
    shiboken6.delete(deleted)  # its C++ object goes; the Python wrapper stays
    _from_a_thread(live, "after")
    qtbot.waitUntil(lambda: live.calls == [("after",)])  # posted after: delivered after
    QApplication.processEvents()
    assert deleted.calls == []
    assert not shiboken6.isValid(deleted)
