"""Go to… (Ctrl+K) over 50,000 invoices: its index used to be built on the UI thread when the dialog opened, freezing
the window for over half a second. It is built in batches between turns of the event loop now: the dialog opens at
once, says it is still reading (listing the screens and accounts, or the same account's index of before), and lists
the invoices once they are read, never another account's after a switch."""
from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import QTimer

from app.core.account_data import AccountData
from app.core.accounts import Account
from app.models.go_to import GoToIndex, entries
from app.views.main_window import MainWindow
from app.views.sections import Screen

from .samples import invoice_rows

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

BIG = 50_000


def account(account_id: str, name: str) -> Account:
    return Account(account_id, name, "https://panel.example.com", f"{account_id}@example.com", "password",
                   "2026-01-01T00:00:00Z")


def invoices(count: int, prefix: str = "INV") -> list[dict]:
    rows = invoice_rows(count)
    for row in rows:
        row["invoice_number"] = row["invoice_number"].replace("INV", prefix)
    return rows


def make_window(qtbot, count: int) -> MainWindow:
    """A shown window of two screens and two accounts, Ann's (current) with `count` invoices."""
    window = MainWindow([Screen("cart", "Cart"), Screen("invoices", "Invoices")])
    qtbot.addWidget(window)
    window.go_to_batches.budget_s = 0.0       # every batch waits for the event loop, on any machine
    window.set_accounts([account("a", "Ann"), account("b", "Bob")], "a")
    window.show_account_data(AccountData("a", invoices=invoices(count)))
    window.show()
    return window


@pytest.fixture
def window(qtbot):
    return make_window(qtbot, BIG)


def open_go_to(window):
    window.open_go_to()
    dialog = window.go_to_dialog
    assert dialog is not None and dialog.isVisible()        # at once: the index is not built first
    return dialog


def listed(dialog) -> list[str]:
    return [e.title for e in dialog.shown]


def test_the_index_of_fifty_thousand_invoices_is_built_while_the_event_loop_turns(window, qtbot):
    ticks: list[bool] = []            # a timer of the event loop, and whether the index was being built each time
    timer = QTimer(window, interval=0)
    timer.timeout.connect(lambda: ticks.append(window.go_to_batches.busy))
    timer.start()

    dialog = open_go_to(window)
    assert dialog.reading and window.go_to_batches.busy
    assert not [e for e in dialog.index.entries if e.kind == "invoice"]      # screens and accounts meanwhile
    assert listed(dialog)[:3] == ["Cart", "Invoices", "Bob"]
    assert dialog.nothing.isVisible() and dialog.nothing.text() == "Still reading…"
    qtbot.keyClicks(dialog.field, "inv-17")         # typing goes on meanwhile
    assert listed(dialog) == [] and dialog.nothing.text() == "Still reading…"      # not "Nothing here matches"

    qtbot.waitUntil(lambda: not dialog.reading, timeout=60_000)
    timer.stop()
    assert ticks.count(True) >= 10        # the event loop turned many times while the index was being built
    assert dialog.field.text() == "inv-17" and listed(dialog)[0] == "INV-000017"     # found once ready
    assert dialog.list.currentRow() == 0 and not dialog.nothing.isVisible()
    # The same index as built at once, before: every text finds the same entries.
    at_once = GoToIndex([e for e in entries(window.data, [("cart", "Cart"), ("invoices", "Invoices")],
                                            [("b", "Bob")]) if e.kind in ("screen", "account", "invoice")],
                        window.data.money)
    assert dialog.index.entries == at_once.entries
    for typed in ("", "inv", "inv-4999", "paid 17", "overdue 123", "bob", "zzzz"):
        assert dialog.index.find(typed) == at_once.find(typed), typed

    dialog.close()
    again = open_go_to(window)            # nothing changed: the index is kept, and listed at once
    assert not again.reading and again.index is dialog.index and not window.go_to_batches.busy


def test_after_a_switch_go_to_never_lists_the_other_accounts_invoices_while_it_reads(window, qtbot):
    dialog = open_go_to(window)
    qtbot.waitUntil(lambda: not dialog.reading, timeout=60_000)
    ann = dialog.index
    dialog.close()

    window.set_accounts([account("a", "Ann"), account("b", "Bob")], "b")
    window.show_account_data(AccountData("b", invoices=invoices(BIG, "BOB")))
    dialog = open_go_to(window)
    assert dialog.reading and dialog.index is not ann
    assert not [e for e in dialog.index.entries if e.kind == "invoice"]
    assert listed(dialog)[:3] == ["Cart", "Invoices", "Ann"]          # the accounts as they are now
    qtbot.keyClicks(dialog.field, "inv-17")
    assert "INV-000017" not in listed(dialog)
    qtbot.waitUntil(lambda: not dialog.reading, timeout=60_000)
    assert listed(dialog) == []                  # Bob's invoices are BOB-…: Ann's were never listed
    assert dialog.nothing.text() == "Nothing here matches “inv-17”."
    dialog.field.setText("bob-17")
    assert listed(dialog)[0] == "BOB-000017"


def test_while_the_same_accounts_newer_data_is_read_go_to_lists_what_it_had(window, qtbot):
    dialog = open_go_to(window)
    qtbot.waitUntil(lambda: not dialog.reading, timeout=60_000)
    dialog.close()

    # A sync brought one more invoice: the index is built again, the one of before found from meanwhile.
    newer = dataclasses.replace(window.data, invoices=[*window.data.invoices, *invoices(BIG + 1)[BIG:]])
    window.show_account_data(newer)
    dialog = open_go_to(window)
    assert dialog.reading and dialog.nothing.text() == "Still reading…"
    qtbot.keyClicks(dialog.field, "inv-1234")
    assert listed(dialog)[0] == "INV-001234"
    dialog.list.setCurrentRow(1)
    chosen = dialog.shown[1]
    assert "INV-050000" not in [e.title for e in dialog.index.find("inv-50000")]
    qtbot.waitUntil(lambda: not dialog.reading, timeout=60_000)
    assert dialog.shown[dialog.list.currentRow()] == chosen          # the choice stays on its entry
    assert dialog.index.find("inv-50000")[0].title == "INV-050000"
