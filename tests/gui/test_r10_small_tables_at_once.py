"""A small table's work is done before the call that asked for it returns, however slow the machine: with the
time budget passed by the first amounts formatted (a loaded machine), a search of eight invoices landed a turn of
the event loop after the typing, and what a person (or a test) read at once was the unfiltered list."""
from __future__ import annotations

from PySide6.QtCore import Qt

from app.models.batches import SMALL_ROWS

from . import samples
from .test_models import big_table  # a zero time budget: every batch past it, as on the slowest machine


def test_a_small_table_is_fed_searched_and_sorted_at_once(qtbot):
    model, proxy = big_table(qtbot, 8)
    assert proxy.rowCount() == 8 and not proxy.busy
    proxy.set_search(samples.invoice_rows(8)[3]["invoice_number"])
    assert not proxy.busy and proxy.rowCount() == 1
    proxy.set_search("")
    proxy.sort(model.column_of("total"), Qt.SortOrder.DescendingOrder)
    assert not proxy.busy
    totals = [proxy.row(r)["total_minor"] for r in range(proxy.rowCount())]
    assert totals == sorted(totals, reverse=True)


def test_a_table_past_the_small_size_still_works_between_turns(qtbot):
    model, proxy = big_table(qtbot, SMALL_ROWS + 1)
    proxy.set_search("INV")
    assert proxy.busy           # the window stays responsive: the rest comes in later turns of the event loop
    qtbot.waitUntil(lambda: not proxy.busy)
    assert proxy.rowCount() == SMALL_ROWS + 1
