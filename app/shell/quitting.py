"""Who asked Sett to quit. The user's own quit (the window's close button, Ctrl+Q, the tray's Quit) asks before
leaving a card payment open in the checkout dialog. A quit nobody asked for in the window (SIGTERM or Ctrl+C from
a terminal, the desktop session ending) must not: nobody is there to answer, and Sett kept running under a
"Leave the payment?" that the session's end then killed. Nothing is lost by leaving without asking: the panel holds
the payment, and the next start reads it (and the invoice or order it is for) from the panel.

Every quit reaches the QApplication as a Quit event (`QApplication.quit()`, the session manager's end, the system's
log-out), and Qt then closes each window, the checkout dialog with its question among them. `SettApplication`
runs `before_outside_quit` (the checkouts end without asking) first, unless the user's own quit is under way.
"""
from __future__ import annotations

import signal
from collections.abc import Callable

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication


class SettApplication(QApplication):
    def __init__(self, argv: list[str]) -> None:
        super().__init__(argv)
        self.before_outside_quit: Callable[[], None] = lambda: None
        self._users_quit = False

    def quit_as_asked(self) -> None:
        """The user's own quit (the tray's Quit): an open payment still asks, and "No" keeps Sett running."""
        self._users_quit = True
        try:
            QApplication.quit()       # the Quit event is sent at once, on this thread
        finally:
            self._users_quit = False

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Quit and not self._users_quit:
            self.before_outside_quit()
        return super().event(event)


def quit_as_asked() -> None:
    """What the user's own Quit outside the window calls (a plain QApplication in tests: its quit)."""
    app = QApplication.instance()
    if isinstance(app, SettApplication):
        app.quit_as_asked()
    else:
        QApplication.quit()


def quit_on_signals(app: QApplication) -> None:
    """SIGTERM (the session ending, `kill`), SIGHUP (the terminal closed) and SIGINT (Ctrl+C in the terminal,
    `make run`) quit cleanly, stopping the demo panel, as a quit from outside: without asking anyone. The caller
    keeps a timer running so that Python gets to see the signal while Qt waits for events."""
    for name in ("SIGTERM", "SIGINT", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is not None:
            signal.signal(number, lambda *_: app.quit())
