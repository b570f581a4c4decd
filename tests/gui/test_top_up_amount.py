"""The top-up amount as it is typed: Top up is on only for an amount the panel can take in the account's places,
and otherwise the reason is said under it (and taken back once mended), never left to guess."""
from __future__ import annotations

import pytest

from app.views.credits import CreditsSection

from .samples import account_data

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def credits(qtbot, tmp_path):
    section = CreditsSection()
    qtbot.addWidget(section)
    section.resize(1240, 800)
    section.show_data(account_data(tmp_path))
    section.show()
    return section


@pytest.mark.parametrize(("typed", "said"), [
    ("0", "Enter an amount above zero."),
    ("0.001", "Use at most 2 decimal places."),
    ("12.5", ""),
    ("12,50", ""),
    ("", ""),
])
def test_an_amount_that_cannot_be_topped_up_says_why(credits, typed, said):
    credits.top_up_amount.setText(typed)
    assert credits.top_up_message.text() == said
    assert credits.top_up_button.isEnabled() == (typed not in ("", "0", "0.001"))
    if said:
        assert credits.top_up_button.toolTip() == said


def test_the_reason_goes_once_the_amount_is_mended_and_offline_says_offline(credits):
    credits.top_up_amount.setText("7.125")
    assert credits.top_up_message.text() == "Use at most 2 decimal places."
    credits.top_up_amount.setText("7.12")
    assert credits.top_up_message.text() == "" and credits.top_up_button.isEnabled()
    credits.top_up_amount.setText("0")
    credits.set_online(False)
    assert credits.top_up_message.text() == "Offline: topping up needs a connection to the panel."
    credits.set_online(True)
    assert credits.top_up_message.text() == "Enter an amount above zero."


def test_a_top_up_waiting_for_payment_is_said_with_the_way_to_it(credits, qtbot, tmp_path):
    """The sample account has one top-up left unpaid (INV-2026-0007, €20.00): Credits says so where one would top
    up again, and its button opens that invoice (where it is paid or cancelled)."""
    assert credits.waiting_row.isVisible()
    assert credits.waiting.text() == ("A top-up of €20.00 is waiting for payment: pay it, or cancel it, on its "
                                      "invoice's page.")
    assert credits.waiting_button.text() == "Open INV-2026-0007"
    with qtbot.waitSignal(credits.navigate) as went:
        credits.waiting_button.click()
    assert went.args == ["invoices", {"invoice": "inv-7"}]

    data = account_data(tmp_path)
    second = {**next(r for r in data.invoices if r["id"] == "inv-7"), "id": "inv-10", "invoice_number": "INV-10"}
    credits.show_data(account_data(tmp_path, invoices=[*data.invoices, second]))
    assert credits.waiting.text().startswith("2 top-ups are waiting for payment")
    with qtbot.waitSignal(credits.navigate) as went:
        credits.waiting_button.click()
    assert went.args == ["invoices", {"status": "pending"}]

    paid = [r for r in data.invoices if r.get("kind") != "top_up"]
    credits.show_data(account_data(tmp_path, invoices=paid))
    assert not credits.waiting_row.isVisible()
