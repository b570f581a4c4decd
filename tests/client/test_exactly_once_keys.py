"""Exactly once, for every action that sends an Idempotency-Key: the key lives by one rule
(`app.api.panel_may_have_acted`). It is kept, and sent again by Try again or the outbox's next replay, whenever the
panel may have acted: no answer, a reset after the request was sent, a 5xx (even one naming a refusal's code), an
answer Sett cannot read (a proxy's HTML, a wrong shape, a 4xx without the panel's error shape or code). It is
dropped only after a success or a definite refusal: a 4xx in the panel's shape with a code of the contract.

Each action is asked of real sockets on 127.0.0.1, so the errors are the ones the client makes of these answers."""
from __future__ import annotations

import socket
import threading

import pytest

from app.api import ApiError, PanelClient, ValidationFailed, definite_refusal, panel_may_have_acted
from app.api.idempotency import REFUSAL_CODES
from app.core.error_words import CODE_WORDS

from .servers import Reply

ITEMS = [{"product_id": "p-1", "billing_cycle": "monthly", "config": {}, "quantity": 1}]
URLS = {"return_url": "sett://return", "cancel_url": "sett://cancel"}

# Every keyed action of the client, called with the key "k-1".
ACTIONS = {
    "checkout": lambda c: c.checkout(ITEMS, coupon_code=None, use_credits=True, payment_method="stripe", key="k-1",
                                     **URLS),
    "pay": lambda c: c.pay_invoice("i-1", payment_method="stripe", key="k-1", **URLS),
    "pay several": lambda c: c.pay_invoices(["i-1", "i-2"], payment_method="stripe", key="k-1", **URLS),
    "top-up": lambda c: c.top_up("10.00", payment_method="stripe", key="k-1", **URLS),
    "cancel order": lambda c: c.cancel_order("o-1", key="k-1"),
    "cancel top-up": lambda c: c.cancel_top_up("i-1", key="k-1"),
    "cancellation request": lambda c: c.request_cancellation("s-1", type="immediate", reason="Too slow", key="k-1"),
    "new ticket": lambda c: c.open_ticket(subject="Help", department="billing", body="Hello", key="k-1"),
    "reply": lambda c: c.reply_ticket("t-1", "Thanks", key="k-1"),
}


def _error(code: str, status: int, message: str = "Refused.") -> Reply:
    return Reply(status, {"error": {"code": code, "message": message, "details": {}}})


HTML = "<!doctype html><html><body>Bad gateway</body></html>"
# answer -> whether the panel may have acted on the action (the key is kept)
ANSWERS = {
    "proxy HTML page (200)": (Reply(200, HTML, content_type="text/html"), True),
    "wrong shape (201)": (Reply(201, {"data": "made"}), True),
    "no envelope (201)": (Reply(201, {"id": "x-1"}), True),
    "not JSON (201)": (Reply(201, "{made"), True),
    "500 in the panel's shape": (_error("internal_error", 500), True),
    "500 naming a refusal's code": (_error("validation_error", 500), True),
    "502 HTML": (Reply(502, HTML, content_type="text/html"), True),
    "404 HTML (a proxy's)": (Reply(404, HTML, content_type="text/html"), True),
    "400 without a code": (Reply(400, {"error": {"message": "Bad."}}), True),
    "409 with a code no contract has": (_error("weird_state", 409), True),
    "409 conflict": (_error("conflict", 409), False),
    "409 in the panel's shape without a code": (Reply(409, {"error": {"message": "Not now."}}), False),
    "409 order_not_cancellable": (_error("order_not_cancellable", 409), False),
    "422 validation_error": (_error("validation_error", 422), False),
    "404 not_found": (_error("not_found", 404), False),
    "403 billing_disabled": (_error("billing_disabled", 403), False),
}


@pytest.mark.parametrize("answer", list(ANSWERS))
@pytest.mark.parametrize("action", list(ACTIONS))
def test_every_keyed_action_keeps_its_key_while_the_panel_may_have_acted(action, answer, canned):
    reply, kept = ANSWERS[answer]
    server = canned(reply)
    with PanelClient(server.url, sleep=lambda s: None, max_retries=1) as client:
        with pytest.raises(ApiError) as caught:
            ACTIONS[action](client)
    assert server.seen and all(seen.headers.get("Idempotency-Key") == "k-1" for seen in server.seen)
    assert panel_may_have_acted(caught.value) is kept, repr(caught.value)
    assert definite_refusal(caught.value) is not kept


class ResetAfterReading:
    """Reads each request whole, then resets the connection: the panel may have acted, its answer never came."""

    def __init__(self) -> None:
        self.requests: list[bytes] = []
        self._sock = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self._sock.getsockname()[1]}"
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while True:
            try:
                connection, _ = self._sock.accept()
            except OSError:
                return
            with connection:
                received = b""
                while b"\r\n\r\n" not in received:
                    chunk = connection.recv(65536)
                    if not chunk:
                        break
                    received += chunk
                head, _, body = received.partition(b"\r\n\r\n")
                length = next((int(line.split(b":")[1]) for line in head.split(b"\r\n")
                               if line.lower().startswith(b"content-length:")), 0)
                while len(body) < length:
                    chunk = connection.recv(65536)
                    if not chunk:
                        break
                    body += chunk
                self.requests.append(head)
                connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")

    def close(self) -> None:
        self._sock.close()


@pytest.mark.parametrize("action", list(ACTIONS))
def test_a_reset_after_the_request_was_sent_keeps_the_key(action):
    server = ResetAfterReading()
    try:
        with PanelClient(server.url, sleep=lambda s: None, max_retries=1) as client:
            with pytest.raises(ApiError) as caught:
                ACTIONS[action](client)
    finally:
        server.close()
    assert server.requests and all(b"Idempotency-Key: k-1" in head for head in server.requests)
    assert panel_may_have_acted(caught.value)


def test_a_refusal_made_before_sending_is_definite():
    # Sett's own check of what was typed (NUL in a reply): nothing was sent, so nothing can have been done.
    with PanelClient("http://127.0.0.1:9", sleep=lambda s: None) as client:
        with pytest.raises(ValidationFailed) as caught:
            client.reply_ticket("t-1", "Hi\x00", key="k-1")
    assert not panel_may_have_acted(caught.value)


def test_an_error_of_setts_own_after_sending_keeps_the_key():
    assert panel_may_have_acted(RuntimeError("the cache could not be written"))


def test_the_refusal_codes_are_the_worded_codes_of_the_contract_and_docs():
    assert REFUSAL_CODES == set(CODE_WORDS) - {"internal_error"}


GATEWAY = Reply(502, HTML, content_type="text/html")
RETRIED = {   # what the retry of an attempt that may have reached the panel is refused with
    "a rate limit": _error("rate_limited", 429),
    "a login that ran out": _error("unauthorized", 401),
    "a validation error": _error("validation_error", 422),
}


@pytest.mark.parametrize("then", list(RETRIED))
@pytest.mark.parametrize("action", ["checkout", "top-up", "cancel order", "reply"])
def test_a_refusal_of_the_retry_after_an_attempt_the_panel_may_have_done_keeps_the_key(action, then, canned):
    # The first attempt's answer is a gateway's 502 (the panel may have done it); the client's own retry, with the
    # same key, is refused before the panel looks at the key: the action may still have been done by the first.
    server = canned(GATEWAY, RETRIED[then])
    with PanelClient(server.url, sleep=lambda s: None, max_retries=1) as client:
        with pytest.raises(ApiError) as caught:
            ACTIONS[action](client)
    assert len(server.seen) == 2
    assert panel_may_have_acted(caught.value), repr(caught.value)
