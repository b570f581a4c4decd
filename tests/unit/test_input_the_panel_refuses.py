"""What a person types that the panel answers 422 for (NUL, a lone surrogate, a line break in a one-line field,
past a field's length) is refused before anything is sent or queued, in a sentence naming the field; German
when Sett is German."""
from __future__ import annotations

import pytest

from app.api import NotAPanel, ValidationFailed
from app.api.address import json_body, normalise_base_url
from app.core import input_text
from app.core import outbox as ob
from app.core.support import body_problem, subject_problem, ticket_problem
from tests.support.german import speaking_german

LONE = "\ud800"


@pytest.fixture
def german():
    with speaking_german() as words:
        yield words


@pytest.mark.parametrize("value, words", [
    ("Hello\x00", "NUL character"),
    (f"Hello {LONE} there", "broken character"),
    ("two\nlines", "must be one line"),
    ("x" * 65, "65 characters long; at most 64"),
    ("   ", "is empty"),
])
def test_a_coupon_code_the_panel_would_refuse_is_named_and_said(value, words):
    problem = input_text.coupon_problem(value)
    assert problem and words in problem and "Coupon code" in problem
    assert input_text.coupon_problem("SPRING-10") is None


def test_a_reason_and_a_ticket_are_checked_for_every_character_the_panel_refuses():
    assert "NUL" in input_text.reason_problem("Moving\x00 on")
    assert "broken character" in input_text.reason_problem("Moving on " + LONE)
    assert "2,001 characters" in input_text.reason_problem("x" * 2001)
    assert input_text.reason_problem("Too expensive") is None
    assert "broken character" in body_problem("Hello " + LONE)       # the NUL check was there; this one was not
    assert "Subject" in subject_problem("Card " + LONE + " declined")
    assert ticket_problem({"department": "billing", "subject": "Hi", "body": LONE}) is not None


def test_a_billing_profile_the_panel_would_refuse_names_the_field():
    good = {"company": "Acme", "address_lines": ["1 Main St"], "country": "DE", "tax_id": "DE123"}
    assert input_text.profile_problem(good) is None
    assert "Company" in input_text.profile_problem({**good, "company": "A" * 201})
    assert "Address, line 2" in input_text.profile_problem({**good, "address_lines": ["ok", "bad\x00"]})
    assert "6" in input_text.profile_problem({**good, "address_lines": [f"line {n}" for n in range(7)]})
    assert "Country" in input_text.profile_problem({**good, "country": "de"})
    assert "Tax ID" in input_text.profile_problem({**good, "tax_id": "DE" + LONE})


def test_logins_and_keys_that_cannot_be_sent_are_refused_in_words():
    assert "Email" in input_text.login_problem("a@b.c\x00", "pw")
    assert "Password" in input_text.login_problem("a@b.c", "x" * 1025)
    assert input_text.login_problem("a@b.c", "pässwörd") is None
    assert "API key" in input_text.api_key_problem("bp_abc def")
    assert "API key" in input_text.api_key_problem("bp_abc\x00")
    assert input_text.api_key_problem("bp_" + "a" * 40) is None


def test_nothing_the_panel_refuses_leaves_the_client_and_the_field_is_named():
    with pytest.raises(ValidationFailed) as caught:
        json_body({"company": "", "address_lines": ["ok", "bad" + LONE], "country": "", "tax_id": ""})
    assert caught.value.status is None and list(caught.value.details) == ["address_lines.1"]
    assert "Address, line 2" in str(caught.value)
    with pytest.raises(ValidationFailed, match="Coupon code"):
        json_body({"items": [], "coupon_code": "A\x00"})
    assert json_body({"body": "Grüße 👋 مرحبا"})          # other Unicode is text like any other


def test_an_address_with_a_broken_character_is_not_a_panel_address():
    with pytest.raises(NotAPanel, match="not a panel address"):
        normalise_base_url("https://panel.example.com/" + LONE)      # was a UnicodeEncodeError


def test_the_outbox_never_queues_what_the_panel_would_refuse():
    with pytest.raises(ob.OutboxRowInvalid, match="NUL"):
        ob.new_entry(ob.REPLY_TICKET, "t-1", "Reply", {"body": "Hi\x00"}, "key-1", 1)
    with pytest.raises(ob.OutboxRowInvalid, match="broken character"):
        ob.new_entry(ob.CANCEL_SERVICE, "s-1", "Cancel", {"type": "immediate", "reason": "Bye " + LONE}, "k-2", 1)
    row = ob.new_entry(ob.REPLY_TICKET, "t-1", "Reply", {"body": "Hi"}, "key-3", 1).to_row()
    row["args"] = {"body": "Hi\x00"}          # an entry saved by an older Sett is set aside, never sent
    with pytest.raises(ob.OutboxRowInvalid):
        ob.parse(row)


def test_the_refusals_are_german_in_a_german_sett(german):
    assert input_text.coupon_problem("A\x00") == (
        "„Gutscheincode“ enthält ein NUL-Zeichen (U+0000), das das Panel ablehnt; entfernen Sie es.")
    assert "„Adresse, Zeile 2“" in input_text.profile_problem(
        {"company": "", "address_lines": ["a", "b" * 201], "country": "", "tax_id": ""})
    assert "2.001 Zeichen" in input_text.reason_problem("x" * 2001)
    assert "höchstens 6 Zeilen" in input_text.profile_problem(
        {"company": "", "address_lines": ["a"] * 7, "country": "", "tax_id": ""})
