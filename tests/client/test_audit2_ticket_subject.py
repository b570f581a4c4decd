"""A subject pasted with line breaks, tabs or control characters reaches the real panel as one line: before, the
client sent it as typed and the panel, which takes one line of 1 to 200 characters, answered 422."""
from __future__ import annotations

from app.api import Credentials, PanelClient, new_idempotency_key


def test_a_multi_line_subject_is_sent_as_one_line(panel, shop, tickets_on):
    client = PanelClient(panel.url, Credentials.from_tokens(*_tokens(shop.user())), max_retries=0)
    ticket = client.open_ticket(subject="  Card declined\r\n\tagain\x00 (twice)\n", department="billing",
                                body="Hello", key=new_idempotency_key())
    assert ticket["subject"] == "Card declined again (twice)"


def _tokens(api) -> tuple[str, str]:
    return api.token, api.refresh_token
