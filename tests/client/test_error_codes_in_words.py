"""Every error code of the contract (shared/panel-api.md) and of the panel's additions (docs/api.md) reaches a person
as a sentence in Sett's words, translated, never as the raw code or a traceback: with the panel's message, without
one, for a code Sett does not know, and for answers that are no error envelope at all. Canned answers through the
real client (tests/client/canned_session.py)."""
from __future__ import annotations

import json

import pytest

from app.api import ApiError, PanelClient
from app.core.error_words import CODE_WORDS
from app.session.wording import explain, in_words
from tests.support.german import speaking_german

from .canned_session import Canned, CannedSession

CONTRACT = {"unauthorized": 401, "forbidden": 403, "not_found": 404, "validation_error": 422, "rate_limited": 429,
            "billing_disabled": 403, "out_of_stock": 409, "coupon_invalid": 422, "insufficient_credits": 409,
            "invoice_not_payable": 409, "idempotency_conflict": 409, "gateway_error": 502,
            "order_not_cancellable": 409, "tickets_disabled": 403}
ADDITIONS = {"conflict": 409, "invoice_not_refundable": 409, "refund_in_progress": 409,
             "invoice_not_cancellable": 409, "method_not_allowed": 405, "payload_too_large": 413,
             "bad_request": 400, "internal_error": 500}


def failure(status: int, body: bytes, content_type: str = "application/json") -> ApiError:
    session = CannedSession(lambda sent: Canned(status, body, {"Content-Type": content_type}))
    with PanelClient("https://panel.example", session=session, sleep=lambda s: None, max_retries=0) as client:
        with pytest.raises(ApiError) as caught:
            client.dashboard()
    return caught.value


def envelope(code, message=None, status=400) -> bytes:
    error = {"code": code} if message is None else {"code": code, "message": message}
    return json.dumps({"success": False, "error": error}).encode()


@pytest.fixture
def german():
    with speaking_german(numbers=False) as words:
        yield words


def test_every_code_the_panel_may_answer_has_words_of_sett():
    assert set(CODE_WORDS) >= set(CONTRACT) | set(ADDITIONS)


@pytest.mark.parametrize("code", sorted({**CONTRACT, **ADDITIONS}))
def test_a_coded_error_without_the_panel_s_message_is_a_sentence_not_a_code(code):
    status = {**CONTRACT, **ADDITIONS}[code]
    said = in_words(failure(status, envelope(code)))
    assert said.strip() and code not in said and "Traceback" not in said
    assert "(HTTP" not in said           # a known code gets its own words, not the status number


# A refused field leads with the panel's own sentence about it (what to correct), by design.
PANEL_LEADS = {"validation_error"}


@pytest.mark.parametrize("code", sorted((set(CONTRACT) | set(ADDITIONS)) - PANEL_LEADS))
def test_a_coded_error_is_german_in_a_german_sett(german, code):
    status = {**CONTRACT, **ADDITIONS}[code]
    headline, detail = explain(failure(status, envelope(code, "The panel's own English words.")))
    assert headline == german[("Wording", CODE_WORDS[code])][0] and headline != CODE_WORDS[code]
    assert detail == "The panel's own English words."
    bare = in_words(failure(status, envelope(code)))
    assert bare == headline           # without the panel's words: Sett's, once


def test_a_code_sett_does_not_know_keeps_the_panel_s_words_or_says_the_status():
    assert in_words(failure(409, envelope("brand_new_code", "Something else happened."))).startswith(
        "The panel refused this: it does not fit the current state")
    bare = in_words(failure(418, envelope("brand_new_code")))
    assert "brand_new_code" not in bare and "418" in bare and bare.startswith("The panel refused the request")
    assert in_words(failure(404, envelope("gone_elsewhere"))).startswith("The panel does not have this")


@pytest.mark.parametrize("status, body, content_type", [
    (500, b"<html><body>Internal Server Error</body></html>", "text/html"),
    (502, b"", "text/plain"),
    (400, b"<html>Bad Request</html>", "text/html"),
    (409, b'{"success": false, "error": 5}', "application/json"),
    (409, b'{"success": false, "error": {"code": 7, "message": ["not", "text"]}}', "application/json"),
    (422, b'{"error": {"code": "validation_error", "details": "not an object"}}', "application/json"),
    (403, b'{"error": {"code": "forbidden", "message": ', "application/json"),
    (429, b"slow down", "text/plain"),
])
def test_answers_that_are_no_error_envelope_are_said_in_words(status, body, content_type):
    said = in_words(failure(status, body, content_type))
    assert said.strip() and "Traceback" not in said and "{" not in said


def test_a_payment_refused_by_code_leads_with_sett_s_words():
    from app.session.payments import error_text

    refused = failure(409, envelope("invoice_not_payable", "Invoice INV-9 is already paid."))
    assert error_text(refused, lambda ids: "") == "This invoice cannot be paid now. Invoice INV-9 is already paid."
    replayed = failure(409, envelope("idempotency_conflict"))
    assert error_text(replayed, lambda ids: "") == "The panel already took this request with other details."


REFUSED_FIELDS = json.dumps({"error": {"code": "validation_error", "message": "The request is not valid.", "details": {
    "payment_method": ["This payment method is not enabled."],
    "items.0.config.memory": ["must be from 1024 to 8192"]}}}).encode()


def test_refused_fields_keep_the_panel_s_names_in_english():
    said = in_words(failure(422, REFUSED_FIELDS))
    assert "payment_method: This payment method" in said and "items.0.config.memory: must be" in said


def test_refused_fields_are_named_in_german(german):
    said = in_words(failure(422, REFUSED_FIELDS))
    assert "Zahlungsart: This payment method" in said
    assert "Positionen › 1 › Konfiguration › Arbeitsspeicher: must be" in said
    assert "payment_method" not in said and "config.memory" not in said


def test_a_refused_login_leads_with_sett_s_words_and_keeps_the_panel_s(german):
    refused = failure(401, envelope("unauthorized", "Email or password is incorrect."))
    assert in_words(refused) == "Das Panel hat diese Angaben nicht akzeptiert.\nEmail or password is incorrect."
    assert str(refused) == "Email or password is incorrect."      # the error itself is the panel's, as before
