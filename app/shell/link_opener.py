"""Opening `sett://` links in the window: those a second start handed over and those given at start.

An invoice or a service is looked for in the current account's data first, then in the other accounts' (the
account holding it is selected). A link that arrives before the data is read waits for it; one that names
nothing Sett knows is refused in a note that says so.

macOS hands a clicked link to the app as a QFileOpenEvent (to the running app, or to the one it starts), never as
an argument: the application's events are watched for those, and a `sett://` one takes the handed-over path.
"""
from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QFileOpenEvent, QGuiApplication

from app.core.links import Link, LinkError, is_link, parse_link
from app.core.text import translate
from app.session import Sessions

log = logging.getLogger(__name__)
NOTE_KEY = "link"


class LinkOpener(QObject):
    def __init__(self, sessions: Sessions, window) -> None:
        super().__init__(window)
        self.sessions, self.window = sessions, window
        self.pending: Link | None = None
        sessions.data_shown.connect(self._data_shown)
        if sys.platform == "darwin":
            self.watch_open_events()

    def watch_open_events(self) -> None:
        """Take sett:// links macOS delivers as QFileOpenEvents. Only there: a filter on the whole application runs
        Python for every event of every object, which costs start-up time and, on Linux, crashed QtWebEngine's
        JavaScript callbacks in the checkout tests; other systems hand links over as arguments."""
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)     # removed by Qt when this object goes

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            url = event.url().toString()
            if is_link(url):
                self.handle_args([url])
                return True
        return super().eventFilter(watched, event)

    def handle_args(self, args: list[str]) -> None:
        """What a (second) start was given: bring the window to the front, then open its links, the last one wins."""
        self.bring_to_front()
        for arg in args:
            if is_link(arg):
                self.open_text(arg)
            else:
                log.info("ignored a handed-over argument that is not a sett:// link")

    def bring_to_front(self) -> None:
        window = self.window
        if window.isMinimized():
            window.showNormal()
        elif not window.isVisible():
            window.show()             # hidden in the tray
        if QGuiApplication.platformName() != "offscreen":    # which can neither raise nor activate (and says so)
            window.raise_()
            window.activateWindow()

    def open_text(self, text: str) -> bool:
        try:
            link = parse_link(text)
        except LinkError as exc:
            self._refuse(str(exc))
            return False
        return self.open(link)

    def open(self, link: Link) -> bool:
        self.sessions.clear_note(NOTE_KEY)
        self.pending = None
        if link.kind == "account":
            if self.sessions.get(link.target) is None:
                self._refuse(translate("LinkOpener", "The link {link} names an account that is not in your accounts.")
                             .format(link=link))
                return False
            self.sessions.select(link.target)
            return True
        return self._open_item(link)

    def _holder(self, link: Link) -> str | None:
        """The account whose data holds the link's invoice or service: the current one first."""
        current = self.sessions.current
        others = [s for s in self.sessions.all() if s is not current]
        for session in ([current] if current else []) + others:
            rows = (getattr(session.data, link.kind + "s", None) or []) if session.data is not None else []
            if any(str(row.get("id")) == link.target for row in rows):
                return session.id
        return None

    def _open_item(self, link: Link) -> bool:
        holder = self._holder(link)
        if holder is None:
            if all(s.data is not None for s in self.sessions.all()):
                text = (translate("LinkOpener", "No invoice {id} is in your accounts' data (the link was {link}).")
                        if link.kind == "invoice" else
                        translate("LinkOpener", "No service {id} is in your accounts' data (the link was {link})."))
                self._refuse(text.format(id=link.target, link=link))
                return False
            self.pending = link        # not every account's data is read yet: try again when it is
            return False
        if holder != self.sessions.current_id:
            self.sessions.select(holder)
        if not self.window.open_record(link.kind, link.target):
            self.pending = link        # the account just selected shows its data soon
            return False
        return True

    def _data_shown(self, account_id: str, _data) -> None:
        if self.pending is not None:
            link, self.pending = self.pending, None
            self._open_item(link)

    def _refuse(self, text: str) -> None:
        log.warning("refused a link: %s", text)
        self.sessions.note(NOTE_KEY, "warning", text)
