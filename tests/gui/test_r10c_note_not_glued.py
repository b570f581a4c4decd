"""A payment left mid-way is told in a note once its dialog has gone: the note glued the result's title to its
sentence, "Payment received Payment received: INV-000001 is paid.". It reads the sentence alone where that says
what the title does, and the title as a sentence of its own before one that does not."""
from __future__ import annotations

from tests.e2e.checkout_steps import pay_with
from tests.support.credits_checkout import invoice_checkout, paying_panel, signed_in_with_credits

from .test_drift_actions import canned_app, invoice, later, service, settle  # noqa: F401 - canned_app is the fixture


def money(value) -> str:
    return f"${value}"


def test_a_payment_closed_while_the_panel_took_it_is_told_once_in_the_note(canned_app, qtbot):  # noqa: F811
    app = canned_app
    unpaid = invoice(1, "pending", "10.00")
    client = paying_panel(unpaid, service=lambda _id: later(service(1, "pending"), status="active"))
    session = signed_in_with_credits(app, client, [unpaid])
    told: list[str] = []        # the note goes once the invoice shows paid: each text it had, as put up
    session.notes_changed.connect(lambda: "checkout" in session.notes and told.append(session.notes["checkout"].text))
    checkout = invoice_checkout(app, session, "i-1")
    pay_with(qtbot, checkout, "credits")        # "Starting the payment…"
    checkout.dialog.reject()                    # and closed before the panel's answer is back
    settle()
    settle()
    assert told and set(told) == {"Payment received: INV-000001 is paid."}


def test_a_sentence_that_does_not_say_the_title_follows_it_as_a_sentence():
    from app.session.payments import Outcome, in_one_line

    left = Outcome({"status": "pending"}, invoice={"invoice_number": "INV-1"})
    assert in_one_line("invoice", "left", left, money) == \
        "Payment left open. INV-1 stays payable from Invoices; nothing more was charged."
    pending = in_one_line("invoice", "returned", left, money)
    assert pending.startswith("Payment pending. The gateway has not confirmed the payment yet.")
    cancelled = Outcome({"status": "cancelled"}, invoice={"invoice_number": "INV-1"})
    assert in_one_line("invoice", "left", cancelled, money) == "Payment cancelled: INV-1 stays payable from Invoices."
    missing = Outcome({"status": "succeeded"}, invoice={"invoice_number": "INV-1"}, missing=["services"])
    assert in_one_line("invoice", "left", missing, money) == (
        "Payment received: INV-1 is paid. A service this payment covers could not be read from the panel just now; "
        "Services shows what the panel has after the next sync.")
