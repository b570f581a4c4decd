"""A credit transaction that belongs to an invoice (a top-up's, the one credit paid, the one refunded to credit) opens
that invoice's page on Enter and on a double-click, and its row's menu (right click, Menu key, Shift+F10) offers
"Open invoice" beside Copy; a row with nothing to open (an adjustment, an invoice the cache does not list) opens
nothing and its menu only copies. In the All-accounts scope a row opens the invoice of its own account, though
another account has an invoice of the same id. Widget tests on the sample account, then the whole window."""
from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QContextMenuEvent, QMouseEvent
from PySide6.QtWidgets import QApplication

from app.api import Credentials
from app.cache import CacheChanges, open_account_cache
from app.models.all_accounts import gather
from app.views.credits import CreditsSection

from . import samples
from .menu_steps import use_menu
from .test_drift_actions import (  # noqa: F401 - canned_app is the fixture
    CONFIG,
    LISTS,
    SYNCED,
    Panel,
    canned_app,
    credit,
    invoice,
    settle,
)
from .test_keyboard_rows import active

# The offscreen platform can neither raise a pop-up menu nor let it grab the keyboard, and says so.
pytestmark = [pytest.mark.qt_log_ignore("propagateSizeHints", r"support raise\(\)", "grabbing the keyboard"),
              pytest.mark.usefixtures("utc")]

NONE = Qt.KeyboardModifier.NoModifier


def row_of(section: CreditsSection, note: str, account_id: str | None = None) -> int:
    """The row shown whose Note is `note` (of that account, in the All-accounts scope)."""
    model = section.model
    return next(r for r in range(model.rowCount()) if model.row(r).get("note") == note
                and (account_id is None or model.row(r).get("account_id") == account_id))


def on_row(section: CreditsSection, row: int) -> None:
    section.table.setCurrentIndex(section.model.index(row, 0))
    section.table.setFocus()


def asked(section: CreditsSection) -> list[tuple]:
    """What the section asks the window for: `navigate` (this account) and `record_chosen` (All accounts)."""
    seen: list[tuple] = []
    section.navigate.connect(lambda key, filters: seen.append(("navigate", key, filters)))
    chosen = getattr(section, "record_chosen", None)       # (a section without it asks for nothing there)
    if chosen is not None:
        chosen.connect(lambda account_id, kind, rid: seen.append(("record", account_id, kind, rid)))
    return seen


def right_click(section: CreditsSection, row: int) -> Callable[[], None]:
    table = section.table
    where = table.visualRect(section.model.index(row, 0)).center()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, where, table.viewport().mapToGlobal(where))
    return lambda: QApplication.sendEvent(table.viewport(), event)


def double_click(qtbot, section: CreditsSection, row: int) -> None:
    """A click, then the double-click event (QTest's mouseDClick sends no double-click a table acts on)."""
    viewport = section.table.viewport()
    where = section.table.visualRect(section.model.index(row, 2)).center()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, NONE, where)
    QApplication.sendEvent(viewport, QMouseEvent(QEvent.Type.MouseButtonDblClick, QPointF(where),
                                                 viewport.mapToGlobal(QPointF(where)), Qt.MouseButton.LeftButton,
                                                 Qt.MouseButton.LeftButton, NONE))


def key(qtbot, section: CreditsSection, pressed: Qt.Key, modifiers=NONE) -> Callable[[], None]:
    return lambda: qtbot.keyClick(section.table, pressed, modifiers)


# -- this account -------------------------------------------------------------------------------------------------
def test_enter_and_a_double_click_open_the_invoice_a_transaction_belongs_to(qtbot, tmp_path):
    section = active(qtbot, CreditsSection, tmp_path)
    seen = asked(section)
    on_row(section, row_of(section, "Paid INV-2026-0002"))
    qtbot.keyClick(section.table, Qt.Key.Key_Return, NONE)
    double_click(qtbot, section, row_of(section, "Refund of INV-2026-0006"))
    assert seen == [("navigate", "invoices", {"invoice": "inv-2"}), ("navigate", "invoices", {"invoice": "inv-6"})]


def test_a_row_with_nothing_to_open_opens_nothing_and_its_menu_only_copies(qtbot, tmp_path):
    section = active(qtbot, CreditsSection, tmp_path)
    seen = asked(section)
    # An adjustment names no invoice; the top-up names one the cache does not hold (Invoices could not show it).
    for note in ("Welcome credit", "Top-up"):
        row = row_of(section, note)
        on_row(section, row)
        qtbot.keyClick(section.table, Qt.Key.Key_Return, NONE)
        assert use_menu(right_click(section, row)) == ["Copy"]
        assert use_menu(key(qtbot, section, Qt.Key.Key_Menu)) == ["Copy"]
    assert seen == []


def test_a_draft_invoice_is_never_opened_from_the_history(qtbot, tmp_path):
    data = samples.account_data(tmp_path)
    paid_draft = {**data.credit_transactions[0], "id": "tx-draft", "note": "Paid a draft", "invoice_id": "inv-8"}
    section = active(qtbot, CreditsSection, tmp_path)
    section.show_data(dataclasses.replace(data, credit_transactions=[paid_draft, *data.credit_transactions]))
    seen = asked(section)
    row = row_of(section, "Paid a draft")
    on_row(section, row)
    qtbot.keyClick(section.table, Qt.Key.Key_Return, NONE)
    assert use_menu(right_click(section, row)) == ["Copy"] and seen == []


def test_the_rows_menu_offers_open_invoice_by_mouse_menu_key_and_shift_f10(qtbot, tmp_path):
    section = active(qtbot, CreditsSection, tmp_path)
    seen = asked(section)
    row = row_of(section, "Paid INV-2026-0009")
    assert use_menu(right_click(section, row), "Open invoice") == ["Open invoice", "Copy"]
    assert section.table.currentIndex().row() == row            # the row clicked is the row chosen
    on_row(section, row_of(section, "Refund of INV-2026-0006"))
    assert use_menu(key(qtbot, section, Qt.Key.Key_Menu), "Open invoice") == ["Open invoice", "Copy"]
    on_row(section, row_of(section, "Paid INV-2026-0002"))
    assert use_menu(key(qtbot, section, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier),
                    "Open invoice") == ["Open invoice", "Copy"]
    assert [filters["invoice"] for _what, _key, filters in seen] == ["inv-9", "inv-6", "inv-2"]


# -- all accounts -------------------------------------------------------------------------------------------------
def test_an_all_accounts_row_opens_the_invoice_of_its_own_account(qtbot, tmp_path):
    euros = samples.account_data(tmp_path)
    # The second panel numbers its records alike: its inv-2 is another invoice than the first account's inv-2.
    other = dataclasses.replace(
        euros, account_id="acct-2", invoices=[{**r, "invoice_number": "OTHER-0002"} for r in euros.invoices
                                              if r["id"] == "inv-2"],
        credit_transactions=[{**t, "note": "Other paid"} for t in euros.credit_transactions
                             if t["invoice_id"] in ("inv-2", "inv-9")])
    section = active(qtbot, CreditsSection, tmp_path)
    section.set_scope_available(True)
    section.apply_filter({"scope": "all"})
    section.show_all(gather([("Euros", euros), ("Other", other)]))
    seen = asked(section)
    row = row_of(section, "Paid INV-2026-0002", "acct-1")
    assert use_menu(right_click(section, row)) == ["Open invoice", "Copy"]
    on_row(section, row)
    qtbot.keyClick(section.table, Qt.Key.Key_Return, NONE)
    others = [r for r in range(section.model.rowCount()) if section.model.row(r).get("account_id") == "acct-2"]
    opened = [r for r in others if section.model.row(r).get("invoice_id") == "inv-2"]
    not_listed = [r for r in others if section.model.row(r).get("invoice_id") == "inv-9"]   # not in acct-2's cache
    assert use_menu(right_click(section, opened[0]), "Open invoice") == ["Open invoice", "Copy"]
    assert use_menu(right_click(section, not_listed[0])) == ["Copy"]
    on_row(section, not_listed[0])
    qtbot.keyClick(section.table, Qt.Key.Key_Return, NONE)
    assert seen == [("record", "acct-1", "invoice", "inv-2"), ("record", "acct-2", "invoice", "inv-2")]


# -- the whole window ---------------------------------------------------------------------------------------------
def account(app, name: str, port: int, **rows: list[dict]):
    """An account of its own panel whose cache holds `rows` and $6.00 of credit, synced once (test_drift_actions'
    signed_in, for one of several accounts)."""
    added = app.sessions.add(name=name, panel_url=f"http://127.0.0.1:{port}", email="ada@example.test",
                             auth_kind="api_key", credentials=Credentials.from_api_key("bp_canned"))
    session = app.sessions.get(added.id)
    session.open_client = lambda cancellation=None: Panel({})
    with open_account_cache(added.id) as cache:
        cache.apply(CacheChanges(upserts=rows, config={**CONFIG, "credits": {"enabled": True, "balance": "6.00",
                                                                              "currency": "USD"}},
                                 sync_state={name: {"last_synced_at": SYNCED, "server_time": SYNCED}
                                             for name in LISTS}))
    session.reload()
    settle()
    return added


def test_in_the_window_a_transaction_opens_its_invoice_in_its_own_account(canned_app, qtbot):  # noqa: F811
    app = canned_app
    spent = {**credit(1, "-4.00", "6.00", "payment"), "note": "Paid INV-000001", "invoice_id": "i-1"}
    added = credit(2, "10.00", "10.00")
    first = account(app, "Ann", 9, invoices=[invoice(1, "paid", "0.00")], credit_transactions=[spent, added])
    # Bob's panel has an invoice of the same id, numbered otherwise.
    second = account(app, "Bob", 10, invoices=[{**invoice(1, "paid", "0.00"), "invoice_number": "BOB-000001"}],
                     credit_transactions=[{**spent, "note": "Bob paid"}])
    settle()
    window = app.window
    credits, invoices = window.sections["credits"], window.sections["invoices"]
    assert app.sessions.current_id == second.id

    # This account (Bob's): Enter on the payment opens Bob's invoice.
    window.select_section("credits")
    on_row(credits, row_of(credits, "Bob paid"))
    qtbot.keyClick(credits.table, Qt.Key.Key_Return, NONE)
    qtbot.waitUntil(lambda: window.current_key == "invoices" and invoices.page_open)
    assert "BOB-000001" in invoices.page.title.text()

    # All accounts: Ann's payment opens Ann's invoice, in Ann's account.
    invoices.show_list()
    window.select_section("credits")
    credits.scope_toggle.all_button.click()
    qtbot.waitUntil(lambda: credits.everything is not None and credits.model.rowCount() == 3)
    row = row_of(credits, "Paid INV-000001", first.id)
    assert use_menu(right_click(credits, row), "Open invoice") == ["Open invoice", "Copy"]
    qtbot.waitUntil(lambda: app.sessions.current_id == first.id and invoices.page_open)
    assert window.current_key == "invoices" and "INV-000001" in invoices.page.title.text()
    assert window.switcher.combo.currentText() == "Ann"

    # Back in Credits, an adjustment opens nothing.
    window.select_section("credits")
    credits.set_scope("account")
    on_row(credits, row_of(credits, "credit 2"))
    qtbot.keyClick(credits.table, Qt.Key.Key_Return, NONE)
    settle()
    assert window.current_key == "credits"


@pytest.mark.slow
def test_against_a_real_panel_a_credit_payment_opens_its_invoice_in_its_account(make_app, private_panel, qtbot):
    from tests.support.catalogue import Shop, buy

    from .conftest import WAIT, add_account, admin_of

    proc = private_panel()
    shop = Shop(admin_of(proc))
    product = shop.product(name="Credited VPS")
    ann, bob = shop.user(credits="50.00"), shop.user(credits="50.00")
    ann_invoice, bob_invoice = buy(ann, product["id"])["invoice"], buy(bob, product["id"])["invoice"]
    app = make_app()
    ann_account = add_account(qtbot, app, proc.url, ann.user["email"], name="Ann")
    bob_account = add_account(qtbot, app, proc.url, bob.user["email"], name="Bob")     # Bob's is on screen
    window = app.window
    window.select_section("credits")
    credits, invoices = window.sections["credits"], window.sections["invoices"]
    qtbot.waitUntil(lambda: credits.model.rowCount() == 2, timeout=WAIT)     # the admin's credit, the payment

    def paid_row(account_id: str | None = None) -> int:
        model = credits.model
        return next(r for r in range(model.rowCount()) if model.row(r).get("type") == "payment"
                    and account_id in (None, model.row(r).get("account_id")))

    def credit_row() -> int:
        return next(r for r in range(credits.model.rowCount()) if credits.model.row(r).get("type") != "payment")

    assert use_menu(right_click(credits, credit_row())) == ["Copy"]
    on_row(credits, paid_row())
    qtbot.keyClick(credits.table, Qt.Key.Key_Return, NONE)
    qtbot.waitUntil(lambda: window.current_key == "invoices" and invoices.page_open, timeout=WAIT)
    assert bob_invoice["invoice_number"] in invoices.page.title.text()

    window.select_section("credits")
    credits.scope_toggle.all_button.click()
    qtbot.waitUntil(lambda: credits.model.rowCount() == 4, timeout=WAIT)
    assert use_menu(right_click(credits, paid_row(ann_account.id)), "Open invoice") == ["Open invoice", "Copy"]
    qtbot.waitUntil(lambda: app.current_id == ann_account.id and invoices.page_open
                    and ann_invoice["invoice_number"] in invoices.page.title.text(), timeout=WAIT)
    assert window.current_key == "invoices" and window.switcher.combo.currentText() == "Ann"
    assert app.current_id != bob_account.id
