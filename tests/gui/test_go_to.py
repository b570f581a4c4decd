"""View ▸ Go to… (Ctrl+K): a few typed letters find an invoice, a service, an order, a ticket, a screen or another
account, and Enter opens it. The finding is checked on the sample account's saved data; the opening in the real
window against the real panel."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.models.go_to import GoToIndex, entries
from app.views.go_to_dialog import GoToDialog

from .conftest import WAIT, add_account
from .samples import account_data
from .test_orders import leave_unpaid, shop_with_gateways

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

SCREENS = [("dashboard", "Dashboard"), ("invoices", "Invoices"), ("support", "Support")]


@pytest.fixture
def index(tmp_path) -> GoToIndex:
    data = account_data(tmp_path)
    return GoToIndex(entries(data, SCREENS, [("acct-2", "Reseller B")]), data.money)


def test_a_number_finds_its_invoice_first_and_drafts_are_never_listed(index, tmp_path):
    data = account_data(tmp_path)
    number = next(i["invoice_number"] for i in data.invoices if i["status"] == "overdue")
    found = index.find(number[-4:])
    assert (found[0].kind, found[0].title) == ("invoice", number)
    assert "Overdue" in found[0].detail and "€" in found[0].text(index.money)      # its total, in the account's money
    drafts = {str(i["id"]) for i in data.invoices if i["status"] == "draft"}
    assert drafts and not drafts & {e.target for e in index.entries if e.kind == "invoice"}


def test_every_word_must_match_in_any_case_and_the_title_ranks_before_the_detail(index):
    found = index.find("INVOICES")
    assert found[0][:4] == ("screen", "invoices", "Invoices", "Screen")      # the title starts with it
    assert all(entry.kind == "service" for entry in index.find("service active"))
    assert index.find("reseller b")[0].kind == "account"
    assert index.find("no such thing at all") == []


def test_an_empty_search_lists_the_screens_and_accounts_first(index):
    first = index.find("")
    assert [e.kind for e in first[:4]] == ["screen", "screen", "screen", "account"]
    assert len(first) <= 50


def test_the_dialog_lists_what_is_found_and_up_down_enter_choose(qtbot, index):
    dialog = GoToDialog(index)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert QApplication.focusWidget() is dialog.field            # it opens ready for typing
    qtbot.keyClicks(dialog.field, "inv")
    assert dialog.shown and all("inv" in f"{e.title} {e.detail}".casefold() for e in dialog.shown)
    assert dialog.shown[0].title == "Invoices"         # a title starting with it first: the screen
    assert any("€" in dialog.list.item(row).text() for row in range(dialog.list.count()))   # invoices' totals
    qtbot.keyClick(dialog.field, Qt.Key.Key_Down)
    assert dialog.list.currentRow() == 1 and QApplication.focusWidget() is dialog.field   # typing goes on
    with qtbot.waitSignal(dialog.chosen) as chosen:
        qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    assert chosen.args == [dialog.shown[1].kind, dialog.shown[1].target, ""]      # "": the account on screen
    assert not dialog.isVisible()


def test_nothing_found_says_so(qtbot, index):
    dialog = GoToDialog(index)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.field, "zzzz")
    assert dialog.list.count() == 0 and dialog.nothing.isVisible()
    assert "zzzz" in dialog.nothing.text()


def test_ctrl_k_in_the_window_opens_an_invoice_typed_by_its_number(make_app, shop, qtbot):
    shop_with_gateways(shop)
    product = shop.product(name="Go-to VPS", stock=3)
    user = shop.user()
    invoice = leave_unpaid(user, product["id"])["invoice"]
    app = make_app()
    add_account(qtbot, app, user.panel.url, user.user["email"])
    window = app.window
    qtbot.waitUntil(lambda: window.data is not None and bool(window.data.invoices), timeout=WAIT)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)

    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.go_to_dialog is not None and window.go_to_dialog.isVisible())
    dialog = window.go_to_dialog
    qtbot.keyClicks(dialog.field, invoice["invoice_number"].split("-")[-1])
    assert dialog.shown[0].title == invoice["invoice_number"]
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)

    invoices = window.sections["invoices"]
    qtbot.waitUntil(lambda: window.current_key == "invoices" and invoices.page_open, timeout=WAIT)
    assert invoice["invoice_number"] in invoices.page.title.text()

    # The product's name finds its order; Enter opens the order's page.
    window.go_to("screen", "dashboard")
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.go_to_dialog is not dialog and window.go_to_dialog.isVisible())
    dialog = window.go_to_dialog
    qtbot.keyClicks(dialog.field, "go-to vps order")
    assert dialog.shown and dialog.shown[0].kind == "order"
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    orders = window.sections["orders"]
    qtbot.waitUntil(lambda: window.current_key == "orders" and orders.page_open, timeout=WAIT)


def test_the_best_match_comes_first_however_far_down_the_list_it_is():
    from app.models.go_to import Entry

    rows = [Entry("ticket", f"t{n}", f"Question {n} about myvps", "Ticket · Open") for n in range(200)]
    rows += [Entry("service", "s1", "Cloud VPS S", "Service · Active"), Entry("invoice", "i1", "VPS", "Invoice"),
             Entry("service", "s2", "vps-large", "Service · Active"), Entry("order", "o1", "ORD-1", "Order · vps")]
    index = GoToIndex(rows)
    found = index.find("vps", limit=5)
    # exact title, title starting with it, a title word starting with it, then (past the limit) inside and detail
    assert [e.target for e in found[:3]] == ["i1", "s2", "s1"]
    assert [e.target for e in found[3:]] == ["t0", "t1"]
    assert index.find("ORD vps")[0].target == "o1"          # every word, title and detail together


def test_go_to_finds_another_accounts_invoice_and_opens_it_in_that_account(make_app, private_panel, qtbot):
    from tests.support.catalogue import Shop, buy

    from .conftest import admin_of

    proc = private_panel()
    shop = Shop(admin_of(proc))
    product = shop.product(name="Elsewhere VPS")
    ann, bob = shop.user(credits="10.00"), shop.user(credits="10.00")
    ann_invoice = buy(ann, product["id"])["invoice"]
    buy(bob, product["id"])
    app = make_app()
    ann_account = add_account(qtbot, app, proc.url, ann.user["email"], name="Ann")
    add_account(qtbot, app, proc.url, bob.user["email"], name="Bob")       # Bob's is the account on screen
    window = app.window
    qtbot.waitUntil(lambda: window.data is not None and bool(window.data.invoices), timeout=WAIT)

    window.open_go_to()
    dialog = window.go_to_dialog
    qtbot.keyClicks(dialog.field, ann_invoice["invoice_number"])
    # Ann's saved data is read on a worker: her invoice joins the list when it lands, named with her account
    qtbot.waitUntil(lambda: any(e.account == ann_account.id for e in dialog.shown), timeout=WAIT)
    found = next(e for e in dialog.shown if e.account == ann_account.id)
    assert found.title == ann_invoice["invoice_number"] and found.detail.endswith("· Ann")
    dialog.list.setCurrentRow(dialog.shown.index(found))
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)

    invoices = window.sections["invoices"]
    qtbot.waitUntil(lambda: app.current_id == ann_account.id and invoices.page_open, timeout=WAIT)
    assert ann_invoice["invoice_number"] in invoices.page.title.text()
    assert window.switcher.combo.currentText() == "Ann"


def test_other_accounts_records_follow_the_current_ones_named_and_in_their_own_money(tmp_path):
    import dataclasses

    data = account_data(tmp_path)
    other = dataclasses.replace(data, account_id="acct-2")
    again = dataclasses.replace(data)          # the current account as the all-accounts read has it: not twice
    listed = entries(data, SCREENS, [("acct-2", "Reseller B")], [("Me", again), ("Reseller B", other)])
    mine = [e for e in listed if e.kind == "invoice" and not e.account]
    theirs = [e for e in listed if e.kind == "invoice" and e.account == "acct-2"]
    assert mine and len(theirs) == len(mine)
    assert listed.index(mine[-1]) < listed.index(theirs[0])            # the account on screen first
    assert all(e.detail.endswith("· Reseller B") for e in theirs)
    index = GoToIndex(listed, data.money, {"acct-2": lambda amount: f"B${amount}"})
    assert index.money_for(theirs[0])("1") == "B$1" and index.money_for(mine[0]) == data.money
