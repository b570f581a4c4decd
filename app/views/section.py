"""The contract between the main window and the screens in its sidebar."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from app.core.account_data import AccountData
from app.core.text import translate


def section_title(cls: type) -> str:
    """A screen's sidebar label in the user's language (its `title` is marked with QT_TRANSLATE_NOOP("Sections"))."""
    return translate("Sections", cls.title) if cls.title else cls.key.title()


class Section(QWidget):
    """One sidebar entry's screen. The shell calls `show_data` with everything the account has cached."""

    key = ""            # "dashboard", "store", "cart", "services", "invoices", "credits"
    title = ""          # the sidebar label
    billing = True      # hidden (with the billing-disabled page shown instead) when the panel has no billing
    # The screen asks the shell to show another section, filtered: ("invoices", {"status": "overdue"}).
    navigate = Signal(str, dict)

    def show_data(self, data: AccountData) -> None:
        raise NotImplementedError

    def apply_filter(self, filters: dict) -> None:
        """Called after `navigate` brought the user here with a filter; screens without filters ignore it."""
