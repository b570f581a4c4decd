"""Every typed call that carries what a person typed refuses text the panel answers 422 for (NUL, a lone
surrogate) before a byte is sent: a `ValidationFailed` naming the field in words, and no request at all. The forms
check their own fields first; this is the road every other caller (a replayed outbox entry, a script) takes too."""
from __future__ import annotations

import pytest

from app.api import PanelClient, ValidationFailed
from app.session.wording import in_words

from .canned_session import CannedSession, data

LONE = "\ud800"
ITEMS = [{"product_id": "p-1", "billing_cycle": "monthly", "config": {}, "quantity": 1}]


@pytest.mark.parametrize("call, field, words", [
    (lambda c, bad: c.open_ticket(subject="Help", department="billing", body=bad, key="k-1"), "body", "Message"),
    (lambda c, bad: c.reply_ticket("t-1", "Thanks" + bad, key="k-2"), "body", "Message"),
    (lambda c, bad: c.request_cancellation("s-1", type="immediate", reason=bad, key="k-3"), "reason", "Reason"),
    (lambda c, bad: c.validate_coupon("SAVE" + bad, ITEMS), "code", "Code"),
    (lambda c, bad: c.verify_2fa("challenge", "123" + bad), "code", "Code"),
    (lambda c, bad: c.preview_checkout(ITEMS, coupon_code=bad), "coupon_code", "Coupon code"),
    (lambda c, bad: c.save_billing_profile(company="Acme", address_lines=["1 Main St", bad], country="DE",
                                           tax_id=""), "address_lines.1", "Address, line 2"),
    (lambda c, bad: c.login("ada@example.com" + bad, "secret"), "email", "Email"),
])
@pytest.mark.parametrize("bad", ["\x00", LONE], ids=["nul", "lone-surrogate"])
def test_text_the_panel_refuses_never_leaves_the_client(call, field, words, bad):
    session = CannedSession(lambda sent: data({}))
    with PanelClient("https://panel.example", session=session, sleep=lambda s: None) as client:
        with pytest.raises(ValidationFailed) as caught:
            call(client, bad)
    assert session.sent == []                                   # nothing was asked
    assert list(caught.value.details) == [field]
    said = in_words(caught.value)
    assert f"“{words}”" in said and ("NUL" in said or "broken character" in said)
    assert "Traceback" not in said and "\\u" not in said


def test_a_subject_s_control_characters_become_spaces_but_a_broken_character_is_refused():
    session = CannedSession(lambda sent: data({}))
    with PanelClient("https://panel.example", session=session, sleep=lambda s: None) as client:
        with pytest.raises(ValidationFailed, match="“Subject”"):
            client.open_ticket(subject="Help " + LONE, department="billing", body="Hi", key="k-1")
        assert session.sent == []
        with pytest.raises(Exception):      # noqa: B017 - the canned answer is no ticket; what was sent matters
            client.open_ticket(subject="Help\x00me", department="billing", body="Hi", key="k-1")
    assert session.sent[0].body["subject"] == "Help me"       # one line, as the panel takes it
