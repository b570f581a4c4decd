"""Driving a pop-up menu in a test: a menu runs its own event loop, so it is read and used from a timer."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMenu


def use_menu(show: Callable[[], None], choose: str | None = None, *, mark_off: bool = False) -> list[str]:
    """`show` pops up a menu; its entries (without their & marks; " (off)" after a disabled one when `mark_off`),
    the one named `choose` chosen, else the menu closed."""
    seen: list[str] = []
    tries = iter(range(100))

    def act() -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            if next(tries, None) is not None:      # no menu (yet): look again, for 2 s at most
                QTimer.singleShot(20, act)
            return
        actions = [a for a in menu.actions() if not a.isSeparator()]
        seen.extend(a.text().replace("&", "") + ("" if a.isEnabled() or not mark_off else " (off)")
                    for a in actions)
        wanted = next((a for a in actions if a.text().replace("&", "") == choose), None)
        menu.close()
        if wanted is not None:
            wanted.trigger()

    QTimer.singleShot(20, act)
    show()                # returns when the menu closes (it runs its own loop)
    return seen
