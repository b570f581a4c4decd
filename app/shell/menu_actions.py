"""What the menu bar's requests do: print the open invoice (the print dialog, then its PDF's document), open the
log folder, report a problem at the panel's support address (`support_url` from /settings/public, else the panel
itself), pay everything due. Shared by the tray menu. `open_url` and `open_folder` are replaceable so tests see
what would open."""
from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices

from app import paths
from app.core.text import translate
from app.session import Sessions
from app.shell.crash import open_folder
from app.shell.panel_actions import PanelActions, paying_reason
from app.views.due_words import due_elsewhere_amounts

log = logging.getLogger(__name__)


def support_address(sessions: Sessions) -> str | None:
    """Where "Report a problem" goes: the current panel's support_url when it is a web address, else the panel."""
    session = sessions.current
    if session is None:
        return None
    url = str(((session.data.public_settings if session.data else None) or {}).get("support_url") or "").strip()
    parts = urlsplit(url)
    if parts.scheme in ("https", "http") and parts.netloc:
        return url
    return session.account.panel_url


class MenuActions(QObject):
    def __init__(self, sessions: Sessions, window, pay_all_due: Callable[..., None] | None = None) -> None:
        super().__init__(window)
        self.sessions, self.window = sessions, window
        self.pay_all_due = pay_all_due
        self.open_url: Callable[[str], object] = lambda url: QDesktopServices.openUrl(QUrl(url))
        self.open_folder: Callable[[Path], object] = open_folder
        menus = window.menus
        menus.print_requested.connect(self.print_page)
        menus.open_log_folder_requested.connect(self.open_log_folder)
        menus.report_problem_requested.connect(self.report_problem)
        menus.pay_due_requested.connect(self.pay_due)
        # Account ▸ Pay all due… is off while the current account's panel cannot be asked, saying why.
        self.panel_actions = PanelActions(sessions, lambda: [menus.actions["pay_due"]], self)

    def print_page(self, key: str) -> None:
        page = getattr(self.window.sections.get(key), "page", None)
        if page is not None and hasattr(page, "ask_print"):
            page.ask_print()             # the invoice page's own Print… (the same document as its PDF)

    def open_log_folder(self) -> None:
        self.open_folder(paths.log_dir())

    def report_problem(self) -> None:
        url = support_address(self.sessions)
        if url is None:
            self.window.statusBar().showMessage(
                translate("MenuActions", "Add an account first: problems are reported to its panel."), 5000)
            return
        log.info("opening the support address %s", url)
        self.open_url(url)

    def pay_due(self) -> None:
        """Pay all due of the current account, from the Invoices screen (where its bar shows the result)."""
        session = self.sessions.current
        data = session.data if session is not None else None
        why_not = paying_reason(self.sessions)
        if why_not:             # the tray's Pay due… as its menu opened before the panel went away
            self.window.statusBar().showMessage(why_not, 8000)
            return
        if data is None or not data.payable_ids:
            elsewhere = due_elsewhere_amounts(data) if data is not None else ""
            if elsewhere:
                # Not "nothing is due": invoices in another currency are owed, and each is paid from its page.
                self.window.statusBar().showMessage(translate(
                    "MenuActions", "Nothing is due in this account's currency; {amounts} is due in other currencies: "
                                   "pay those invoices one at a time from Invoices.").format(amounts=elsewhere), 8000)
                return
            self.window.statusBar().showMessage(translate("MenuActions", "Nothing is due on this account."), 5000)
            return
        self.window.select_section("invoices")
        if self.pay_all_due is not None:
            self.pay_all_due(self.window.sections["invoices"])
