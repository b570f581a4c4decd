"""Spin boxes: `SpinBox`, the app's number field, and the ones that show sizes in plain words: CPU as cores
("2 cores", not "200 %", the panel's unit)."""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QSpinBox, QWidget

from app.core.formatting import cpu_text
from app.core.text import translate

from .wheel_guard import WheelWhenFocused

_NUMBER = re.compile(r"\s*(\d+(?:[.,]\d+)?)\s*(%|cores?)?\s*$", re.IGNORECASE)
TEXT_INSET = 8      # px between a spin box's frame and its number, as the line edits' padding gives theirs


class SpinBox(WheelWhenFocused, QSpinBox):
    """A QSpinBox whose number does not touch its frame. Qt's style sheets ignore a spin box's left padding (the
    edit field starts at the border, so "1" sat on the rounded edge); the inset is set on the field itself. A mouse
    wheel changes it only once chosen (wheel_guard.py)."""

    def __init__(self, parent: QWidget | None = None, **kwargs) -> None:
        super().__init__(parent, **kwargs)
        self.lineEdit().setTextMargins(TEXT_INSET, 0, 0, 0)


class CoresSpinBox(SpinBox):
    """The value stays the panel's % of one core (100 = 1 core); the field reads and accepts cores ("1.5 cores"),
    or a percentage typed with "%"."""

    def textFromValue(self, value: int) -> str:  # noqa: N802 - Qt's name
        return cpu_text(value)

    def valueFromText(self, text: str) -> int:  # noqa: N802 - Qt's name
        parsed = _parse(text)
        return self.value() if parsed is None else parsed

    def validate(self, text: str, pos: int) -> object:
        parsed = _parse(text)
        if parsed is None:
            return QValidator.State.Intermediate, text, pos
        if not self.minimum() <= parsed <= self.maximum():
            return QValidator.State.Intermediate, text, pos
        return QValidator.State.Acceptable, text, pos


def _parse(text: str) -> int | None:
    match = _NUMBER.match(text or "")
    if match is None:
        return None
    try:
        number = Decimal(match.group(1).replace(",", "."))
    except InvalidOperation:
        return None
    return int(number) if match.group(2) == "%" else int(number * 100)


def cpu_hint() -> str:
    return translate("SizeFields", "CPU time: 1 core is one processor core's full time; 0.5 cores is half of it")
