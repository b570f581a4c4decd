"""An Idempotency-Key header sent twice is refused as 422 on it (panel/query_guard.py), as a query parameter given
twice is: it was read as its first value, so a retry that sent the two in the other order was another request.
A header HTTP lets a client send as several lines of one list (If-None-Match) is never refused for that."""
from __future__ import annotations

import http.client
import json
import uuid
from urllib.parse import urlsplit

from tests.panel.helpers import assert_error


def send(api, method: str, path: str, headers: list[tuple[str, str]]):
    """The request with `headers` as given, repeated lines included (requests folds a dict into one each)."""
    where = urlsplit(api.panel.url)
    conn = http.client.HTTPConnection(where.hostname, where.port, timeout=10)
    try:
        conn.putrequest(method, "/api/v1" + path)
        for name, value in [("Authorization", f"Bearer {api.token}"), ("Content-Type", "application/json"),
                            ("Content-Length", "2"), *headers]:
            conn.putheader(name, value)
        conn.endheaders(b"{}")
        answer = conn.getresponse()
        return answer.status, json.loads(answer.read() or b"null")
    finally:
        conn.close()


class Answer:
    """What assert_error reads of a requests.Response."""

    def __init__(self, status: int, body) -> None:
        self.status_code, self._body = status, body
        self.text = json.dumps(body)

    def json(self):
        return self._body


def test_an_idempotency_key_sent_twice_is_refused_on_it(shop):
    buyer = shop.user()
    path = f"/billing/orders/{uuid.uuid4()}/cancel"
    twice = send(buyer, "POST", path, [("Idempotency-Key", "k-one-1234"), ("Idempotency-Key", "k-two-1234")])
    error = assert_error(Answer(*twice), 422, "validation_error", "Idempotency-Key")
    assert error["details"]["Idempotency-Key"] == ["Must be given once (it was given 2 times)."]
    once = send(buyer, "POST", path, [("Idempotency-Key", "k-one-1234")])
    assert_error(Answer(*once), 404, "not_found")          # the same request with one key: as before


def test_a_list_header_on_several_lines_is_not_refused(shop):
    buyer = shop.user()
    status, body = send(buyer, "GET", "/billing/invoices", [("If-None-Match", '"a"'), ("If-None-Match", '"b"')])
    assert status == 200 and body["success"] is True
