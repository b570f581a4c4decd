"""The table models and their filter proxy: Qt's model tester, sorting by value, filters, big tables."""
from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QItemSelectionModel, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QTableView

from app.core.account_data import AccountData
from app.core.formatting import cpu_text, format_date, size_text
from app.models.invoices import SEARCH_KEYS, InvoiceTableModel, invoice_proxy
from app.models.services import ServiceTableModel, service_proxy
from app.models.table import BADGE_ROLE, ID_ROLE, SORT_ROLE, TONE_COLOURS
from app.models.transactions import TransactionTableModel

from . import samples

# Qt's model tester reports through qWarning: a warning is a failed check, not noise.
pytestmark = [pytest.mark.qt_log_level_fail("WARNING"), pytest.mark.qt_log_ignore("propagateSizeHints")]

EUR = AccountData(account_id="t", billing_config=samples.BILLING_CONFIG)
ASC, DESC = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder
DISPLAY = Qt.ItemDataRole.DisplayRole


def invoice_model(rows=None) -> InvoiceTableModel:
    model = InvoiceTableModel()
    model.set_invoices(samples.invoice_rows(30) if rows is None else rows, EUR.money)
    return model


def column(model, key: str, proxy=None) -> list[str]:
    shown = proxy or model
    index = model.column_of(key)
    return [shown.index(r, index).data() for r in range(shown.rowCount())]


def compact(invoices: list[dict]) -> list[dict]:
    """Panel invoices as AccountCache.invoice_rows() returns them."""
    from app.cache import INVOICE_ROW_COLUMNS, minor_units
    return [{**{k: i.get(k) for k in INVOICE_ROW_COLUMNS}, "total_minor": minor_units(i["total"], 2),
             "balance_due_minor": minor_units(i["balance_due"], 2), "has_detail": 0} for i in invoices]


MODELS = {
    "invoices": (InvoiceTableModel, lambda m, rows: m.set_invoices(rows, EUR.money),
                 lambda: compact(samples.INVOICES)),
    "services": (ServiceTableModel, lambda m, rows: m.set_services(rows, EUR.money), lambda: samples.SERVICES),
    "transactions": (TransactionTableModel, lambda m, rows: m.set_transactions(rows, EUR.money),
                     lambda: samples.CREDIT_TRANSACTIONS),
}


# -- Qt's model tester ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", MODELS)
def test_models_pass_the_model_tester_through_load_sort_and_reset(qtmodeltester, name):
    cls, feed, rows = MODELS[name]
    model = cls()
    qtmodeltester.check(model)                 # empty
    feed(model, rows())                        # with rows
    assert model.rowCount() >= 5
    for col in range(model.columnCount()):
        model.sort(col, DESC)
        model.sort(col, ASC)
    feed(model, [])                            # reset to empty
    assert model.rowCount() == 0
    feed(model, rows())                        # reset again, sorted as last asked
    model.sort(-1, ASC)
    assert model.rowCount() >= 5


def test_proxy_passes_the_model_tester_with_rows_empty_reset_and_filters(qtbot, qtmodeltester):
    model = InvoiceTableModel()
    proxy = invoice_proxy()
    proxy.setSourceModel(model)
    view = QTableView()                        # a view holds persistent indexes across every change
    qtbot.addWidget(view)
    view.setModel(proxy)
    qtmodeltester.check(proxy)
    model.set_invoices(samples.invoice_rows(60), EUR.money)
    view.selectRow(3)
    proxy.sort(4, DESC)
    proxy.set_statuses({"overdue", "pending"})
    assert proxy.rowCount() == 24
    proxy.set_search("inv-00001")
    assert {r["invoice_number"] for r in proxy.rows()} == {"INV-000011", "INV-000012", "INV-000016",
                                                           "INV-000017"}
    proxy.sort(2, ASC)
    model.set_invoices(samples.invoice_rows(45), EUR.money)     # reset while filtered
    assert proxy.rowCount() == 4
    proxy.clear_filters()
    assert proxy.rowCount() == 45
    model.set_invoices([], EUR.money)
    assert proxy.rowCount() == 0
    proxy.set_statuses({"paid"})
    model.set_invoices(samples.invoice_rows(10), EUR.money)
    assert proxy.rowCount() == 2


# -- sorting -------------------------------------------------------------------------------------------------

def _invoice(number: str, total: str, issued: str, status: str = "paid") -> dict:
    return compact([{"id": number, "invoice_number": number, "status": status, "kind": "order",
                     "issue_date": issued, "due_date": issued, "paid_at": None, "currency": "EUR", "total": total,
                     "balance_due": total if status in ("pending", "overdue") else "0.00",
                     "updated_at": f"{issued}T00:00:00Z"}])[0]


def test_money_sorts_by_value_not_by_text():
    rows = [_invoice("A", "100.00", "2026-01-01"), _invoice("B", "99.00", "2026-01-02"),
            _invoice("C", "1000.00", "2026-01-03"), _invoice("D", "9.50", "2026-01-04")]
    model = invoice_model(rows)
    proxy = invoice_proxy()
    proxy.setSourceModel(model)
    proxy.sort(model.column_of("total"), ASC)
    assert column(model, "total", proxy) == ["€9.50", "€99.00", "€100.00", "€1,000.00"]
    proxy.sort(model.column_of("total"), DESC)
    assert [r["invoice_number"] for r in proxy.rows()] == ["C", "A", "B", "D"]
    assert proxy.index(0, model.column_of("total")).data(SORT_ROLE) == 100000      # minor units, not text


def test_dates_sort_by_date_not_by_their_words():
    rows = [_invoice("A", "1.00", "2026-02-01"), _invoice("B", "1.00", "2025-12-31"),
            _invoice("C", "1.00", "2026-11-24")]
    model = invoice_model(rows)
    model.sort(model.column_of("issue_date"), ASC)
    assert column(model, "issue_date") == ["Dec 31, 2025", "Feb 1, 2026", "Nov 24, 2026"]
    model.sort(model.column_of("issue_date"), DESC)
    assert column(model, "issue_date") == ["Nov 24, 2026", "Feb 1, 2026", "Dec 31, 2025"]


def test_service_prices_and_signed_amounts_sort_by_value():
    services = ServiceTableModel()
    services.set_services(samples.SERVICES, EUR.money)
    services.sort(services.column_of("recurring_amount"), DESC)
    assert column(services, "recurring_amount")[:3] == ["€120.00 / year", "€60.00 / 6 months", "€49.00 one-time"]
    tx = TransactionTableModel()
    tx.set_transactions(samples.CREDIT_TRANSACTIONS, EUR.money)
    tx.sort(tx.column_of("amount"), ASC)
    assert column(tx, "amount") == ["-€15.00", "-€4.50", "+€5.00", "+€20.00", "+€20.00"]


def test_rows_without_a_value_sort_last_both_ways():
    model = ServiceTableModel()
    model.set_services(samples.SERVICES, EUR.money)
    due = model.column_of("next_due_date")
    for order in (ASC, DESC):
        model.sort(due, order)
        shown = column(model, "next_due_date")
        assert shown[-3:] == ["—", "—", "—"]          # one-time, terminated, cancelled: never due again
        assert "—" not in shown[:-3]
    model.sort(due, ASC)
    assert column(model, "next_due_date")[:2] == ["Nov 10, 2026", "Dec 1, 2026"]


def test_a_new_load_keeps_the_users_sort():
    model = invoice_model([_invoice("A", "5.00", "2026-01-01"), _invoice("B", "50.00", "2026-01-02")])
    model.sort(model.column_of("total"), DESC)
    model.set_invoices([_invoice("A", "5.00", "2026-01-01"), _invoice("B", "50.00", "2026-01-02"),
                        _invoice("C", "500.00", "2026-01-03")], EUR.money)
    assert [model.row(r)["invoice_number"] for r in range(3)] == ["C", "B", "A"]


def test_the_selected_invoice_stays_selected_when_the_table_is_sorted(qtbot):
    model = invoice_model()
    proxy = invoice_proxy()
    proxy.setSourceModel(model)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(proxy)
    view.selectionModel().select(proxy.index(7, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                                 | QItemSelectionModel.SelectionFlag.Rows)
    chosen = proxy.index(7, 0).data(ID_ROLE)
    kept = QPersistentModelIndex(proxy.index(7, 0))
    proxy.sort(model.column_of("total"), ASC)
    selected = view.selectionModel().selectedRows()
    assert [i.data(ID_ROLE) for i in selected] == [chosen]
    assert kept.data(ID_ROLE) == chosen


# -- filters -------------------------------------------------------------------------------------------------

def test_status_filter_shows_only_those_statuses():
    model = invoice_model(compact(samples.INVOICES))
    proxy = invoice_proxy()
    proxy.setSourceModel(model)
    proxy.set_statuses({"overdue"})
    assert column(model, "invoice_number", proxy) == ["INV-2026-0004", "INV-2026-0009"]
    proxy.set_statuses({"pending", "overdue"})
    assert proxy.rowCount() == 4
    proxy.set_statuses(None)
    assert proxy.rowCount() == 8                         # every status but the draft, which users never see
    assert "draft" not in {r["status"] for r in proxy.rows()}


def test_search_is_case_insensitive_over_the_chosen_columns():
    model = ServiceTableModel()
    model.set_services(samples.SERVICES, EUR.money)
    proxy = service_proxy()
    proxy.setSourceModel(model)
    proxy.set_search("RUST-eu")                                  # a server name
    assert column(model, "product", proxy) == ["Rust Premium"]
    proxy.set_search("minecraft")                                # a product name
    assert column(model, "product", proxy) == ["Minecraft Flex"]
    proxy.set_search("suspended")                                # a status as shown
    assert column(model, "product", proxy) == ["Rust Premium"]
    proxy.set_search("dec 2026")                                 # next due is not a searched column
    assert proxy.rowCount() == 0
    proxy.set_search("  ")
    assert proxy.rowCount() == len(samples.SERVICES)


def test_search_and_status_combine_and_survive_sorting():
    model = invoice_model(compact(samples.INVOICES))
    proxy = invoice_proxy()
    proxy.setSourceModel(model)
    proxy.set_statuses({"paid", "refunded"})
    proxy.set_search("inv-2026-000")
    proxy.sort(model.column_of("total"), DESC)
    assert column(model, "invoice_number", proxy) == ["INV-2026-0001", "INV-2026-0002", "INV-2026-0006"]


# -- what the roles say --------------------------------------------------------------------------------------

@pytest.mark.parametrize(("status", "tone"), [
    ("paid", "success"), ("pending", "warning"), ("overdue", "danger"), ("cancelled", "muted"),
    ("refunded", "muted"),
])
def test_invoice_status_badges(status, tone):
    model = invoice_model([_invoice("A", "1.00", "2026-01-01", status)])
    cell = model.index(0, model.column_of("status"))
    assert cell.data(BADGE_ROLE) == tone
    assert cell.data(Qt.ItemDataRole.ForegroundRole) == QColor(TONE_COLOURS[tone])
    assert cell.data(DISPLAY) == status.capitalize()


@pytest.mark.parametrize(("status", "tone"), [
    ("active", "success"), ("pending", "warning"), ("suspended", "danger"), ("terminated", "muted"),
    ("cancelled", "muted"),
])
def test_service_status_badges(status, tone):
    model = ServiceTableModel()
    model.set_services([r for r in samples.SERVICES if r["status"] == status], EUR.money)
    assert model.index(0, model.column_of("status")).data(BADGE_ROLE) == tone


def test_overdue_rows_are_tinted_red_and_others_are_not():
    model = invoice_model([_invoice("A", "1.00", "2026-01-01", "overdue"), _invoice("B", "1.00", "2026-01-01")])
    tint = model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole)
    assert tint is not None and tint.rgb() == QColor(TONE_COLOURS["danger"]).rgb() and 0 < tint.alpha() < 80
    assert model.index(1, 0).data(Qt.ItemDataRole.BackgroundRole) is None
    due = model.index(0, model.column_of("due_date")).data(Qt.ItemDataRole.ForegroundRole)
    assert due == QColor(TONE_COLOURS["danger"])


def test_money_is_right_aligned_and_headers_are_titled():
    model = invoice_model()
    total = model.column_of("total")
    assert model.index(0, total).data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())] == [
        "Invoice", "Status", "Issued", "Due", "Total", "Balance due"]


def test_display_helpers(monkeypatch):
    assert format_date("2026-11-24") == "Nov 24, 2026"
    assert format_date(None) == "—"
    monkeypatch.setenv("TZ", "JST-9")          # a payment at 20:00 UTC was made on the 25th in Tokyo
    time.tzset()
    try:
        assert format_date("2026-11-24T20:00:00.000000Z") == "Nov 25, 2026"
        assert format_date("2026-11-24") == "Nov 24, 2026"           # a due date is a day, not a moment
    finally:
        monkeypatch.undo()
        time.tzset()
    assert [size_text(v) for v in (512, 1024, 1536, 20480, 1048576, 0)] == [
        "512 MB", "1 GB", "1.5 GB", "20 GB", "1 TB", "Unlimited"]
    assert [cpu_text(v) for v in (50, 100, 150, 400)] == ["0.5 cores", "1 core", "1.5 cores", "4 cores"]


# -- a big account -------------------------------------------------------------------------------------------

def test_fifty_thousand_invoices_load_sort_and_filter(qtbot):
    rows = samples.invoice_rows(50_000)
    model = InvoiceTableModel()
    proxy = invoice_proxy()
    proxy.setSourceModel(model)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(proxy)
    view.resize(900, 600)
    view.show()
    model.set_invoices(rows, EUR.money)
    assert proxy.rowCount() == 50_000
    total = model.column_of("total")
    proxy.sort(total, DESC)
    qtbot.waitUntil(lambda: not proxy.busy)          # the keys of 50,000 rows are worked out in batches
    top = max(r["total_minor"] for r in rows)
    assert proxy.index(0, total).data(SORT_ROLE) == top
    proxy.set_statuses({"overdue"})
    assert proxy.rowCount() == 10_000
    assert {proxy.row(r)["status"] for r in (0, 5_000, 9_999)} == {"overdue"}
    proxy.set_search("INV-04999")
    qtbot.waitUntil(lambda: not proxy.busy)          # the search text of 50,000 rows is worked out in batches
    assert sorted(r["invoice_number"] for r in proxy.rows()) == ["INV-049992", "INV-049997"]
    proxy.sort(model.column_of("issue_date"), ASC)
    qtbot.waitUntil(lambda: not proxy.busy)
    assert proxy.rowCount() == 2
    proxy.clear_filters()
    keys = [proxy.index(r, model.column_of("issue_date")).data(SORT_ROLE) for r in range(0, 50_000, 997)]
    assert keys == sorted(keys)


def big_table(qtbot, rows: int):
    """A model whose batches always wait for the event loop (a zero budget), its proxy, and a view on both."""
    model = InvoiceTableModel()
    model.batches.budget_s = 0.0
    proxy = invoice_proxy()
    proxy.setSourceModel(model)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(proxy)
    model.set_invoices(samples.invoice_rows(rows), EUR.money)
    return model, proxy


def test_a_search_over_a_big_table_keeps_the_rows_on_screen_until_its_text_is_ready(qtbot):
    model, proxy = big_table(qtbot, 9_000)
    with qtbot.waitSignal(proxy.busy_changed, check_params_cb=lambda busy: busy):
        proxy.set_search("INV-00899")
    assert proxy.busy and proxy.rowCount() == 9_000        # nothing hidden or emptied while it works
    qtbot.waitUntil(lambda: not proxy.busy)
    assert sorted(r["invoice_number"] for r in proxy.rows()) == [f"INV-00899{d}" for d in range(10)]
    proxy.set_statuses({"overdue"})                      # the text is kept: another filter applies at once
    assert not proxy.busy and {r["status"] for r in proxy.rows()} == {"overdue"}


def test_new_rows_replace_the_old_once_ready_and_a_newer_feed_wins(qtbot):
    model, proxy = big_table(qtbot, 6_000)
    proxy.sort(model.column_of("total"), DESC)
    proxy.set_search("inv")
    qtbot.waitUntil(lambda: not proxy.busy)
    model.set_invoices(samples.invoice_rows(7_000), EUR.money)
    assert model.batches.busy and proxy.rowCount() == 6_000     # the old rows stay while the new are prepared
    model.set_invoices(samples.invoice_rows(8_000), EUR.money)   # a sync came in meanwhile: the newest wins
    with qtbot.waitSignal(proxy.filtered):
        pass
    qtbot.waitUntil(lambda: not proxy.busy)
    assert proxy.rowCount() == 8_000
    totals = [proxy.index(r, model.column_of("total")).data(SORT_ROLE) for r in range(0, 8_000, 401)]
    assert totals == sorted(totals, reverse=True)             # sorted as before, with its keys prepared
    assert model.search_texts(SEARCH_KEYS) is not None


def test_sorting_a_big_table_works_out_its_keys_first(qtbot):
    model, proxy = big_table(qtbot, 5_000)
    first = proxy.row(0)["id"]
    total = model.column_of("total")
    with qtbot.waitSignal(proxy.busy_changed, check_params_cb=lambda busy: busy):
        proxy.sort(total, ASC)
    assert proxy.busy_doing == "Sorting" and proxy.row(0)["id"] == first     # unsorted until the keys are known
    qtbot.waitUntil(lambda: not proxy.busy)
    totals = [proxy.index(r, total).data(SORT_ROLE) for r in range(0, 5_000, 97)]
    assert totals == sorted(totals)
    keys = model.sort_keys(total)
    proxy.sort(total, DESC)
    qtbot.waitUntil(lambda: not proxy.busy)
    assert proxy.index(0, total).data(SORT_ROLE) == max(r["total_minor"] for r in model.all_rows())
    assert model.sort_keys(total) is keys                # worked out once, used both ways
