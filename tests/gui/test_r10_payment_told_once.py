"""A payment the checkout's result has just reported is not announced again: the sync after it brought the panel's
own "Payment received" about that invoice, and the window's banner (a desktop notification where there is a tray)
said it once more over the dialog that already said it. Those notifications stay listed under the bell; news
about other records is announced as before."""
from __future__ import annotations

from tests.e2e.checkout_steps import wait_result
from tests.support.credits_checkout import CREDITS, pay_all_due, pay_by_credits, signed_in_with_credits

from .test_drift_actions import CONFIG, Panel, canned_app, invoice, later, service  # noqa: F401 - the fixture
from .test_views2_banner_follows_notices import synced


def notification(number: int, title: str, invoice_id: str) -> dict:
    return {"uuid": f"n-{number}", "type": "billing", "title": title, "message": f"{title} for {invoice_id}.",
            "action_url": f"/billing/invoices/{invoice_id}", "read": False,
            "created_at": f"2026-12-06T10:{number:02d}:00Z"}


def test_the_panels_payment_received_for_what_the_result_said_is_not_announced_again(canned_app, qtbot):  # noqa: F811
    app = canned_app
    unpaid = invoice(1, "pending", "10.00")
    paid = later(unpaid, status="paid", balance_due="0.00", amount_paid="10.00")
    balance = [dict(CREDITS)]

    lists: dict[str, list[dict]] = {"notifications": []}

    def pay(ids, **_kwargs) -> dict:
        balance[0] = {**balance[0], "balance": "90.00"}
        # The panel notes it: the payment's own read-back brings it (its newest notifications), before the result.
        lists["notifications"] = [notification(1, "Payment received", "i-1")]
        return {"payment": {"id": "pay-1", "method": "credits", "status": "paid"}}

    client = Panel({"billing_config": CONFIG["billing_config"], "credits": lambda: balance[0],
                    "invoice": lambda _id: paid if balance[0]["balance"] == "90.00" else unpaid,
                    "pay_invoices": pay, "mark_notification_read": None,
                    "service": lambda sid: service(int(sid[-1]), "active", "2027-01-06"),
                    "payment": {"id": "pay-1", "status": "succeeded", "invoice_id": "i-1", "invoice_ids": ["i-1"]},
                    "dashboard": {"active_services": 0, "pending_invoices": 0, "total_due": "0.00",
                                  "credit_balance": "90.00"}}, lists)
    session = signed_in_with_credits(app, client, [unpaid])
    window = app.window
    checkout = pay_all_due(app)
    notifier = app.notifier
    before = len(notifier.fallback_shown)
    pay_by_credits(qtbot, checkout)
    assert "Payment received" in wait_result(qtbot, checkout)
    assert window.sidebar.notices_badge.text() == "1"                      # it came with the payment's read-back
    synced(session, [notification(1, "Payment received", "i-1")])      # and the sync after the payment has it
    assert len(notifier.fallback_shown) == before                          # the dialog has said it
    assert not [text for text in window.banner_texts() if "Payment received" in text]
    assert window.sidebar.notices_badge.text() == "1"                      # listed under the bell all the same

    synced(session, [notification(2, "Invoice overdue", "i-7")])            # news of another invoice
    assert [n["title"] for n in notifier.fallback_shown[before:]] == ["Invoice overdue"]
    checkout.dialog.reject()
