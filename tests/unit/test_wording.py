"""An error the contract names by code is said in Sett's words (and so translated), the panel's own message kept
as the detail; other errors keep their sentences."""
from app.api import ApiError, Conflict, CouponInvalid, NotFound
from app.session.wording import CODE_WORDS, action_failed, explain, in_words


def test_coded_errors_get_a_headline_of_their_own_and_keep_the_panel_s_words():
    assert explain(Conflict("Invoice INV-9 is already paid.", status=409, code="invoice_not_payable")) == (
        "This invoice cannot be paid now.", "Invoice INV-9 is already paid.")
    refused = CouponInvalid("This coupon has been used up.", reason="This coupon has been used up.")
    assert in_words(refused) == "The panel did not accept this coupon.\nThis coupon has been used up."
    assert action_failed(NotFound("No such ticket.", status=404, code="not_found")) == (
        "The panel does not have this (any more). No such ticket.")


def test_every_code_of_the_contract_that_reaches_a_person_has_words():
    assert set(CODE_WORDS) >= {"out_of_stock", "coupon_invalid", "insufficient_credits", "invoice_not_payable",
                               "idempotency_conflict", "gateway_error", "billing_disabled", "order_not_cancellable",
                               "tickets_disabled", "not_found"}


def test_an_unknown_code_keeps_the_panel_s_message():
    assert explain(ApiError("Something odd.", status=418, code="teapot")) == ("Something odd.", "")


def test_a_refused_field_that_repeats_the_panels_message_is_said_once():
    from app.api import ValidationFailed
    from app.session.payments import error_text

    same = ValidationFailed("Top-ups must be between 5.00 and 1000.00.", status=422, code="validation_error",
                            details={"amount": ["Top-ups must be between 5.00 and 1000.00."]})
    assert error_text(same, lambda ids: "") == "Top-ups must be between 5.00 and 1000.00."
    assert action_failed(same) == "Top-ups must be between 5.00 and 1000.00."
    assert in_words(same) == "Top-ups must be between 5.00 and 1000.00."
    more = ValidationFailed("The request is not valid.", status=422, code="validation_error",
                            details={"amount": ["Top-ups must be between 5.00 and 1000.00."],
                                     "payment_method": "Credit top-ups are paid through a gateway."})
    assert error_text(more, lambda ids: "") == (
        "The request is not valid. (amount: Top-ups must be between 5.00 and 1000.00.; payment_method: Credit "
        "top-ups are paid through a gateway.)")
    assert action_failed(more).startswith("The request is not valid. amount: Top-ups")
