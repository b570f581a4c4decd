"""The Qt binding keeps Python's books: PySide6 6.12.0 on Python 3.11 dropped a reference to None on every call of a
Qt method that returns nothing, and one to True on every emit of a signal declared in Python, so a long session (or
one that had shown the pay page) aborted with "Fatal Python error: none_dealloc" or "bool_dealloc". pyproject.toml
keeps that version out; these tests fail on it."""
from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel


def test_calling_qt_does_not_leak_references_to_none(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(2_000):
        label.setText("a")
    assert sys.getrefcount(None) >= before - 100     # other code may drop a few; 6.12.0 dropped 2,000


class _Emitter(QObject):
    said = Signal(str)


def test_emitting_a_signal_does_not_leak_references_to_true(qtbot):
    emitter = _Emitter()
    heard: list[str] = []
    emitter.said.connect(heard.append)
    before = sys.getrefcount(True)
    for _ in range(2_000):
        emitter.said.emit("a")
    assert len(heard) == 2_000
    assert sys.getrefcount(True) >= before - 100     # 6.12.0 dropped one per emit
