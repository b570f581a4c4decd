"""What a screen reader is told about Sett's own clickable widgets: a card on the Dashboard or in the Store is a
QFrame that opens something on a click, Enter or Space, and was announced as a plain frame (Qt's default role for
a widget it does not know), so nothing said it could be pressed. Such a widget declares `accessible_role` (a
QAccessible.Role, or a method returning one when it changes, as the compact account switcher's) and `press()`;
Qt then asks `ButtonLike` for it, which gives it that role and the standard Press action that assistive
technology offers ("press button"), calling `press()` as a click does."""
from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleActionInterface
from PySide6.QtWidgets import QAccessibleWidget

_installed = False


class ButtonLike(QAccessibleWidget):
    """The accessible face of a widget that acts as a button (see the module's docstring)."""

    def role(self) -> QAccessible.Role:
        role = getattr(self.widget(), "accessible_role", QAccessible.Role.Button)
        return role() if callable(role) else role

    def actionNames(self) -> list[str]:  # noqa: N802 - Qt's name
        names = list(super().actionNames())
        if self.widget().isEnabled() and self.role() != QAccessible.Role.Client:
            names.insert(0, QAccessibleActionInterface.pressAction())
        return names

    def doAction(self, name: str) -> None:  # noqa: N802 - Qt's name
        if name == QAccessibleActionInterface.pressAction() and self.widget().isEnabled():
            self.widget().press()
            return
        super().doAction(name)


def _factory(_key: str, obj) -> ButtonLike | None:
    if hasattr(obj, "accessible_role") and callable(getattr(obj, "press", None)) and obj.isWidgetType():
        return ButtonLike(obj, QAccessible.Role.Button)
    return None


def acts_as_button() -> None:
    """Called by each such widget as it is made: Qt asks the factory before its own for every widget."""
    global _installed
    if not _installed:
        QAccessible.installFactory(_factory)
        _installed = True
