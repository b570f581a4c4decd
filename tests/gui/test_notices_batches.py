"""A big account's reminders are first written a batch at a time between turns of the event loop, so the window
never stalls on them; a small account's at once, as before. Fakes stand in for the sessions and the window: the
real-panel tests (test_notices.py) cover what the user sees end to end."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QObject, Signal

from app import settings as keys
from app.core.account_data import AccountData
from app.features.notices import REMINDERS_AT_ONCE, Notices

TODAY = date(2026, 3, 10)


class FakeSessions(QObject):
    changed = Signal(str, object)
    sync_failed = Signal(str, object)
    current_changed = Signal(object)
    accounts_changed = Signal()

    def __init__(self, data: AccountData) -> None:
        super().__init__()
        self.current_id, self._data = data.account_id, data
        self.shut_down = self.starting = False
        self.settings = {keys.NOTICE_DAYS_AHEAD: 3}

    def data(self, account_id):
        return self._data if account_id == self.current_id else None

    def get(self, _account_id):
        return None          # no session to load the announced ids with: the check stops after the bell


class Sidebar(QObject):
    notices_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.counts: list[int] = []

    def set_notice_count(self, count: int) -> None:
        self.counts.append(count)


class Window(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.sidebar = Sidebar()


def account(unpaid: int) -> AccountData:
    due = (TODAY - timedelta(days=5)).isoformat()
    return AccountData(account_id="acc", invoices=[
        {"id": f"inv-{n}", "invoice_number": f"INV-{n:06d}", "status": "overdue", "due_date": due, "issue_date": due,
         "total": f"{n % 97}.50", "balance_due": f"{n % 97}.50"} for n in range(unpaid)])


@pytest.fixture
def notices_of(qapp):
    made = []

    def make(unpaid: int) -> tuple[Notices, Window]:
        window = Window()
        notices = Notices(FakeSessions(account(unpaid)), window)
        notices.today = lambda: TODAY
        made.append((notices, window))
        return notices, window
    yield make


def test_a_big_accounts_reminders_are_written_between_turns_of_the_event_loop(notices_of, qtbot):
    notices, window = notices_of(20 * REMINDERS_AT_ONCE)
    notices.refresh()
    assert window.sidebar.counts == []                   # not yet: the window went on meanwhile
    assert notices._writing["acc"].waiting
    qtbot.waitUntil(lambda: window.sidebar.counts == [20 * REMINDERS_AT_ONCE], timeout=10_000)
    notices.refresh()                                    # written: now at once
    assert window.sidebar.counts == [20 * REMINDERS_AT_ONCE] * 2


def test_a_small_accounts_reminders_are_written_at_once(notices_of):
    notices, window = notices_of(10)
    notices.refresh()
    assert window.sidebar.counts == [10]
    titles = {n["title"] for n in notices.notices_for("acc")}
    assert "Invoice INV-000003 is overdue" in titles
