"""An open Go to… (Ctrl+K) kept what it found when it opened: an invoice a sync brought meanwhile could not be found
until it was closed and opened again, and after a switch of account it still offered the other account's records
(opening them in the wrong one). It follows now: new data is indexed again (in batches on a large account), the
text typed and the record chosen kept, the list where it was, the keyboard in the field."""
from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from app.core.account_data import AccountData

from .test_r11_goto_window import BIG, account, invoices, make_window

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")



def open_go_to(window, qtbot):
    window.open_go_to()
    dialog = window.go_to_dialog
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.waitUntil(lambda: not dialog.reading, timeout=60_000)
    return dialog


def with_more(data: AccountData, count: int, **changes) -> AccountData:
    """The data a sync brings: invoices up to `count`, and `changes` ({invoice id: status}) to those there were."""
    rows = [dict(row, status=changes.get(row["id"], row["status"])) for row in data.invoices]
    return dataclasses.replace(data, invoices=[*rows, *invoices(count)[len(rows):]])


def test_an_invoice_a_sync_brings_is_found_in_the_go_to_already_open(qtbot):
    window = make_window(qtbot, 20)
    dialog = open_go_to(window, qtbot)
    qtbot.keyClicks(dialog.field, "inv-25")
    assert dialog.shown == [] and dialog.nothing.text() == "Nothing here matches “inv-25”."

    window.show_account_data(with_more(window.data, 30))
    assert [e.title for e in dialog.shown][:1] == ["INV-000025"] and dialog.list.currentRow() == 0
    assert dialog.isVisible() and dialog.field.text() == "inv-25" and not dialog.nothing.isVisible()
    assert QApplication.focusWidget() is dialog.field


def test_a_large_accounts_new_data_is_read_again_keeping_the_text_the_choice_and_the_list_still(qtbot):
    window = make_window(qtbot, BIG)
    dialog = open_go_to(window, qtbot)
    dialog.resize(520, 420)
    qtbot.keyClicks(dialog.field, "inv-12")
    for _ in range(12):                       # a record far enough down that the list scrolled to it
        dialog.list.setCurrentRow(dialog.list.currentRow() + 1)
    chosen = dialog.shown[dialog.list.currentRow()]
    scrolled = dialog.list.verticalScrollBar().value()
    listed, height = list(dialog.shown), dialog.list.height()
    assert scrolled > 0

    # A sync: one invoice more, and the one chosen refunded (or paid) meanwhile: its line reads differently now
    status, word = ("paid", "Paid") if "Refunded" in chosen.detail else ("refunded", "Refunded")
    window.show_account_data(with_more(window.data, BIG + 1, **{chosen.target: status}))
    QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)      # laid out as it is shown
    assert dialog.reading and window.go_to_batches.busy
    assert dialog.nothing.isVisible() and dialog.nothing.text() == "Still reading…"
    # Meanwhile the list stays as it was: not emptied, not scrolled back, not shorter for the line under it
    assert dialog.shown == listed and dialog.shown[dialog.list.currentRow()] == chosen
    assert dialog.list.verticalScrollBar().value() == scrolled and dialog.list.height() == height

    qtbot.waitUntil(lambda: not dialog.reading, timeout=60_000)
    now = dialog.shown[dialog.list.currentRow()]
    QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    assert (now.kind, now.target) == (chosen.kind, chosen.target) and now != chosen     # the same record
    assert word in now.detail
    assert dialog.list.verticalScrollBar().value() == scrolled and dialog.list.height() == height
    assert dialog.field.text() == "inv-12" and QApplication.focusWidget() is dialog.field
    assert dialog.index.find("inv-50000")[0].title == "INV-050000"          # the new invoice is found


def test_switching_accounts_while_go_to_is_open_never_offers_the_account_before_as_this_one(qtbot):
    window = make_window(qtbot, BIG)
    dialog = open_go_to(window, qtbot)
    qtbot.keyClicks(dialog.field, "17")
    assert dialog.shown[0].title == "INV-000017" and not dialog.shown[0].account

    # The switch tells the window the account first, its data after (read from its cache meanwhile)
    window.set_accounts([account("a", "Ann"), account("b", "Bob")], "b")
    assert dialog.isVisible() and dialog.reading
    assert not [e for e in dialog.shown if e.kind == "invoice"]      # Ann's, as if Bob's: never
    window.show_account_data(AccountData("b", invoices=invoices(BIG, "BOB")))
    qtbot.waitUntil(lambda: not dialog.reading, timeout=60_000)
    assert dialog.field.text() == "17" and dialog.shown[0].title == "BOB-000017"
    assert "INV-000017" not in [e.title for e in dialog.index.entries]
    assert [e.title for e in dialog.index.entries if e.kind == "account"] == ["Ann"]


def test_an_enter_waiting_for_an_accounts_records_is_forgotten_when_another_account_is_shown(qtbot):
    window = make_window(qtbot, BIG)
    window.open_go_to()
    dialog = window.go_to_dialog
    opened: list[tuple] = []
    dialog.chosen.connect(lambda *args: opened.append(args))
    qtbot.keyClicks(dialog.field, "bob-17")
    dialog.field.returnPressed.emit()
    assert dialog.reading and dialog.enter_waiting

    window.set_accounts([account("a", "Ann"), account("b", "Bob")], "b")
    window.show_account_data(AccountData("b", invoices=invoices(BIG, "BOB")))
    assert not dialog.enter_waiting and dialog.nothing.text() == "Still reading…"
    qtbot.waitUntil(lambda: not dialog.reading, timeout=60_000)
    assert opened == [] and dialog.isVisible() and dialog.shown[0].title == "BOB-000017"


def test_go_to_closes_when_no_account_is_left(qtbot):
    window = make_window(qtbot, 10)
    dialog = open_go_to(window, qtbot)
    window.set_accounts([], None)
    assert not dialog.isVisible()


def test_billing_turned_off_while_go_to_is_open_takes_its_invoices_away(qtbot):
    window = make_window(qtbot, 10)
    dialog = open_go_to(window, qtbot)
    qtbot.keyClicks(dialog.field, "inv")
    assert "INV-000001" in [e.title for e in dialog.shown]
    window.set_billing(False, "billing_disabled", "Panel")
    assert dialog.isVisible() and not [e for e in dialog.shown if e.kind == "invoice"]
    assert dialog.field.text() == "inv"
