"""An account whose panel lost its Billing Module licence (or switched billing off) keeps what it saved while it
had billing, but the app hides billing there and says why. All accounts does the same: none of that account's
services, invoices, credit transactions or orders are listed or added up, and the dashboard names it."""
from __future__ import annotations

import dataclasses

import pytest

from app.models.all_accounts import gather
from app.views.dashboard import DashboardSection
from app.views.invoices import InvoicesSection

from . import samples

pytestmark = [pytest.mark.usefixtures("utc")]


@pytest.fixture
def everything(tmp_path):
    billed = samples.account_data(tmp_path)
    unbilled = dataclasses.replace(
        billed, account_id="acct-off",
        public_settings={**billed.public_settings, "billing_enabled": False, "billing_reason": "not_licensed"},
        invoices=[{**row, "id": f"off-{row['id']}", "invoice_number": f"OFF-{row['invoice_number']}"}
                  for row in billed.invoices])
    return billed, gather([("Shop", billed), ("Lapsed", unbilled)])


def in_all_accounts(qtbot, cls, data, rows):
    """A screen showing `data`, switched to All accounts with `rows`."""
    section = cls()
    qtbot.addWidget(section)
    section.resize(1100, 720)
    section.show()
    section.show_data(data)
    section.set_scope_available(True)
    section.scope_toggle.all_button.click()
    section.show_all(rows)
    return section


def test_no_row_of_an_account_without_billing_is_gathered(everything):
    billed, rows = everything
    assert {r["account_id"] for r in rows.invoices + rows.services + rows.transactions + rows.orders} == {"acct-1"}
    assert [name for name, _data in rows.billed] == ["Shop"]


def test_invoices_in_all_accounts_leave_it_out_and_do_not_add_its_due(qtbot, everything):
    billed, rows = everything
    section = in_all_accounts(qtbot, InvoicesSection, billed, rows)
    model = section.table.model()
    numbers = [model.index(r, c).data() for r in range(model.rowCount()) for c in range(model.columnCount())]
    assert not any(str(text).startswith("OFF-") for text in numbers)
    alone = InvoicesSection()
    qtbot.addWidget(alone)
    alone.show_data(billed)
    # The unpaid figures are the billed account's alone (the lapsed one holds the same invoices again).
    due_alone = alone.summary.text().split(" · ")[-1]
    assert section.summary.text().endswith(due_alone), (section.summary.text(), due_alone)


def test_the_dashboard_names_the_account_without_billing_and_counts_nothing_of_it(qtbot, everything):
    billed, rows = everything
    board = in_all_accounts(qtbot, DashboardSection, billed, rows)
    lines = board.breakdown.text().splitlines()
    assert lines[-1] == "Lapsed: billing is not available on this panel"
    assert len(lines) == 2 and lines[0].startswith("Shop: ")
    alone = DashboardSection()
    qtbot.addWidget(alone)
    alone.show_data(billed)
    assert board.cards["due"].value.text() == alone.cards["due"].value.text()


def test_go_to_finds_no_billing_record_of_an_account_without_billing(everything):
    from app.models.go_to import entries

    billed, rows = everything
    lapsed = rows.accounts[1][1]
    found = entries(billed, [], [], rows.accounts)
    assert not [e for e in found if e.kind in ("invoice", "service", "order") and e.account == "acct-off"]
    assert [e for e in found if e.kind == "invoice" and not e.account]       # the billed account's own are there
    own = entries(lapsed, [], [])
    assert {e.kind for e in own} <= {"ticket"}


def test_a_billing_list_counts_only_the_accounts_it_shows(qtbot, everything):
    billed, rows = everything
    section = in_all_accounts(qtbot, InvoicesSection, billed, rows)
    assert section.summary.text().startswith("Across 1 account (of 2)"), section.summary.text()
