"""A stand-in for PayPal's REST API (OAuth, Orders v2, captures, refunds, webhook verification), for tests only.

It imitates PayPal's server, not ours: the panel's PayPalGateway talks to it exactly as to api-m.paypal.com when
the panel's `paypal_api_base` points here. It runs in a thread of the test process on a free loopback port,
records every request it receives (for assertions), and can be told to fail an operation.

Behaviour kept from PayPal: basic-auth client credentials for a bearer token; amounts as decimal strings;
`PayPal-Request-Id` makes a POST idempotent (the same id answers the first successful response again); an order
can be captured only after the buyer approved it (422 ORDER_NOT_APPROVED otherwise, ORDER_ALREADY_CAPTURED after);
a capture is never refunded beyond its amount (422 CAPTURE_FULLY_REFUNDED);
the approval page sends the buyer to the order's return_url with `token=<order id>&PayerID=...` added to its query.
"""
from __future__ import annotations

import base64
import json
import re
import secrets
import threading
from dataclasses import dataclass, field
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlsplit, urlunsplit

AMOUNT = re.compile(r"^(0|[1-9][0-9]{0,9})(\.[0-9]{2})?$")  # PayPal's value for a two-place currency


@dataclass
class Received:
    """One request as the stub saw it; `body` is the parsed JSON (or form fields), `raw` the bytes."""
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]  # lower-case names
    raw: bytes
    body: object = None

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())


@dataclass
class Failure:
    status: int
    body: bytes
    content_type: str
    times: int | None  # None: until cleared
    after: bool  # do the work first, then answer this (the reply was lost on the way back)


@dataclass
class Order:
    id: str
    custom_id: str | None
    amount: dict
    return_url: str
    cancel_url: str
    status: str = "CREATED"  # CREATED -> APPROVED -> COMPLETED
    capture_id: str | None = None
    refunds: list[dict] = field(default_factory=list)


def _with_query(url: str, params: dict[str, str]) -> str:
    parts = urlsplit(url)
    query = (parts.query + "&" if parts.query else "") + urlencode(params)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, parts.fragment))


def _new_id(length: int = 17) -> str:
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"
    return "".join(secrets.choice(alphabet) for _ in range(length))


class PayPalStub:
    """`with PayPalStub() as paypal:` or start()/stop(); `paypal.url` is the API base to configure."""

    def __init__(self, client_id: str = "stub-client-id", client_secret: str = "stub-client-secret",
                 webhook_id: str = "WH-STUB-1", valid_signature: str = "stub-valid-signature") -> None:
        self.client_id = client_id
        self.client_secret = client_secret
        self.webhook_id = webhook_id
        self.valid_signature = valid_signature  # the only transmission_sig verify-webhook-signature accepts
        self.requests: list[Received] = []
        self.orders: dict[str, Order] = {}
        self.captures: dict[str, str] = {}  # capture id -> order id
        self.failures: dict[str, Failure] = {}
        self._tokens: set[str] = set()
        self._replies: dict[tuple[str, str], tuple[int, dict]] = {}  # (path, PayPal-Request-Id) -> first reply
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self.url = ""

    # -- lifecycle ------------------------------------------------------------------------------------------
    def start(self) -> PayPalStub:
        stub = self

        class Handler(_Handler):
            pass

        Handler.stub = stub
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.1},
                                        daemon=True, name="paypal-stub")
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop listening: afterwards the port refuses connections, as an unreachable PayPal would."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            assert self._thread is not None
            self._thread.join(10)
        self._server = None

    def __enter__(self) -> PayPalStub:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    # -- what tests use ----------------------------------------------------------------------------------------
    def settings(self) -> dict:
        """The panel settings that point its PayPal gateway here."""
        return {"paypal_enabled": True, "paypal_client_id": self.client_id,
                "paypal_client_secret": self.client_secret, "paypal_api_base": self.url,
                "paypal_webhook_id": self.webhook_id}

    def fail(self, operation: str, status: int = 500, body: bytes | str = b"<html>Internal Server Error</html>",
             content_type: str = "text/html", times: int | None = None, after: bool = False) -> None:
        """Answer `operation` (token, create, capture, refund, verify) with this instead, `times` times.

        With `after`, PayPal does the work and only the answer is bad, as when a proxy garbles the reply."""
        data = body.encode() if isinstance(body, str) else body
        with self._lock:
            self.failures[operation] = Failure(status, data, content_type, times, after)

    def recover(self, operation: str | None = None) -> None:
        with self._lock:
            if operation is None:
                self.failures.clear()
            else:
                self.failures.pop(operation, None)

    def received(self, method: str, path_pattern: str) -> list[Received]:
        """Requests whose method matches and whose path matches the regular expression in full."""
        with self._lock:
            return [r for r in self.requests if r.method == method and re.fullmatch(path_pattern, r.path)]

    def order_for(self, custom_id: str) -> Order:
        with self._lock:
            found = [o for o in self.orders.values() if o.custom_id == custom_id]
        assert len(found) == 1, f"{len(found)} PayPal orders for {custom_id}"
        return found[0]

    def approve(self, order_id: str) -> None:
        """The buyer approves without a browser (what GET /approve does, minus the redirect)."""
        with self._lock:
            self.orders[order_id].status = "APPROVED"

    def capture_completed_event(self, payment_id: str, order_id: str | None = None,
                                capture_id: str | None = None, amount: str = "0.00") -> dict:
        """A PAYMENT.CAPTURE.COMPLETED webhook body as PayPal sends it (the resource is the capture)."""
        return {
            "id": "WH-" + _new_id(), "event_version": "1.0", "create_time": "2030-01-01T00:00:00Z",
            "resource_type": "capture", "resource_version": "2.0", "event_type": "PAYMENT.CAPTURE.COMPLETED",
            "summary": f"Payment completed for $ {amount} USD",
            "resource": {"id": capture_id or _new_id(), "status": "COMPLETED", "custom_id": payment_id,
                         "amount": {"currency_code": "USD", "value": amount}, "final_capture": True,
                         "supplementary_data": {"related_ids": {"order_id": order_id or _new_id()}}},
        }

    def webhook_headers(self, signature: str | None = None) -> dict[str, str]:
        """The transmission headers PayPal puts on a webhook; the stub verifies only `valid_signature`."""
        return {"PAYPAL-AUTH-ALGO": "SHA256withRSA", "PAYPAL-CERT-URL": f"{self.url}/v1/notifications/certs/X",
                "PAYPAL-TRANSMISSION-ID": _new_id(), "PAYPAL-TRANSMISSION-TIME": "2030-01-01T00:00:00Z",
                "PAYPAL-TRANSMISSION-SIG": self.valid_signature if signature is None else signature,
                "Content-Type": "application/json"}

    # -- PayPal's behaviour ------------------------------------------------------------------------------------
    def _failure(self, operation: str) -> Failure | None:
        with self._lock:
            failure = self.failures.get(operation)
            if failure and failure.times is not None:
                failure.times -= 1
                if failure.times <= 0:
                    del self.failures[operation]
            return failure

    def _authorised(self, req: Received) -> bool:
        auth = req.header("authorization") or ""
        return auth.startswith("Bearer ") and auth[7:] in self._tokens

    def handle(self, req: Received) -> tuple[int, dict | bytes, str]:
        """(status, JSON body or raw bytes, content type) for one request."""
        with self._lock:
            self.requests.append(req)
        path = req.path
        if req.method == "GET" and path == "/approve":
            return self._approve_page(req)
        if req.method != "POST":
            return 404, _error("RESOURCE_NOT_FOUND", "The specified resource does not exist."), ""
        if path == "/v1/oauth2/token":
            return self._guarded("token", req, self._token)
        if not self._authorised(req):
            return 401, {"error": "invalid_token", "error_description": "Token signature verification failed"}, ""
        routes = [(r"/v2/checkout/orders", "create", self._create),
                  (r"/v2/checkout/orders/([^/]+)/capture", "capture", self._capture),
                  (r"/v2/payments/captures/([^/]+)/refund", "refund", self._refund),
                  (r"/v1/notifications/verify-webhook-signature", "verify", self._verify)]
        for pattern, operation, handler in routes:
            match = re.fullmatch(pattern, path)
            if match:
                return self._guarded(operation, req, handler, *match.groups())
        return 404, _error("RESOURCE_NOT_FOUND", "The specified resource does not exist."), ""

    def _guarded(self, operation: str, req: Received, handler, *args) -> tuple[int, dict | bytes, str]:
        failure = self._failure(operation)
        if failure and not failure.after:
            return failure.status, failure.body, failure.content_type
        status, body = self._reply(req, handler, *args)
        if failure:
            return failure.status, failure.body, failure.content_type
        return status, body, ""

    def _reply(self, req: Received, handler, *args) -> tuple[int, dict]:
        request_id = req.header("paypal-request-id")
        if request_id:
            with self._lock:
                earlier = self._replies.get((req.path, request_id))
            if earlier:
                return earlier
        status, body = handler(req, *args)
        if request_id and status < 300:
            with self._lock:
                self._replies[(req.path, request_id)] = (status, body)
        return status, body

    def _token(self, req: Received) -> tuple[int, dict]:
        expected = base64.b64encode(f"{self.client_id}:{self.client_secret}".encode()).decode()
        form = req.body if isinstance(req.body, dict) else {}
        if req.header("authorization") != f"Basic {expected}":
            return 401, {"error": "invalid_client", "error_description": "Client Authentication failed"}
        if form.get("grant_type") != "client_credentials":
            return 400, {"error": "unsupported_grant_type", "error_description": "Grant Type is NULL"}
        token = "A21AA" + secrets.token_urlsafe(24)
        with self._lock:
            self._tokens.add(token)
        return 200, {"scope": "https://uri.paypal.com/services/payments/payment", "access_token": token,
                     "token_type": "Bearer", "app_id": "APP-STUB", "expires_in": 32400, "nonce": _new_id()}

    def _create(self, req: Received) -> tuple[int, dict]:
        body = req.body if isinstance(req.body, dict) else {}
        units = body.get("purchase_units")
        if body.get("intent") not in ("CAPTURE", "AUTHORIZE") or not isinstance(units, list) or not units:
            return 400, _error("INVALID_REQUEST", "Request is not well-formed, syntactically incorrect, or "
                               "violates schema.", "MISSING_REQUIRED_PARAMETER")
        amount = units[0].get("amount") or {}
        if not (isinstance(amount.get("value"), str) and AMOUNT.match(amount["value"])
                and isinstance(amount.get("currency_code"), str) and len(amount["currency_code"]) == 3):
            return 422, _error("UNPROCESSABLE_ENTITY", "The requested action could not be performed, semantically "
                               "incorrect, or failed business validation.", "DECIMAL_PRECISION")
        context = body.get("application_context") or \
            ((body.get("payment_source") or {}).get("paypal") or {}).get("experience_context") or {}
        order = Order(id=_new_id(), custom_id=units[0].get("custom_id"), amount=amount,
                      return_url=context.get("return_url", ""), cancel_url=context.get("cancel_url", ""))
        with self._lock:
            self.orders[order.id] = order
        return 201, {"id": order.id, "status": "CREATED", "links": [
            {"href": f"{self.url}/v2/checkout/orders/{order.id}", "rel": "self", "method": "GET"},
            {"href": f"{self.url}/approve?{urlencode({'order': order.id})}", "rel": "approve", "method": "GET"},
            {"href": f"{self.url}/v2/checkout/orders/{order.id}", "rel": "update", "method": "PATCH"},
            {"href": f"{self.url}/v2/checkout/orders/{order.id}/capture", "rel": "capture", "method": "POST"}]}

    def _approve_page(self, req: Received) -> tuple[int, dict | bytes, str]:
        """The buyer's approval: `?order=ID` approves and goes back; `&cancel=1` goes to the cancel URL."""
        order_id = (req.query.get("order") or [""])[0]
        with self._lock:
            order = self.orders.get(order_id)
            if order is None:
                return 404, b"<html>Unknown order</html>", "text/html"
            if (req.query.get("cancel") or [""])[0]:
                return 302, {"location": _with_query(order.cancel_url, {"token": order.id})}, "redirect"
            if order.status == "CREATED":
                order.status = "APPROVED"
            return 302, {"location": _with_query(order.return_url, {"token": order.id, "PayerID": "STUBPAYER1"})}, \
                "redirect"

    def _capture(self, req: Received, order_id: str) -> tuple[int, dict]:
        with self._lock:
            order = self.orders.get(order_id)
            if order is None:
                return 404, _error("RESOURCE_NOT_FOUND", "The specified resource does not exist.",
                                   "INVALID_RESOURCE_ID")
            if order.status == "CREATED":
                return 422, _error("UNPROCESSABLE_ENTITY", "The requested action could not be performed, "
                                   "semantically incorrect, or failed business validation.", "ORDER_NOT_APPROVED")
            if order.status == "COMPLETED":
                return 422, _error("UNPROCESSABLE_ENTITY", "The requested action could not be performed, "
                                   "semantically incorrect, or failed business validation.", "ORDER_ALREADY_CAPTURED")
            order.status = "COMPLETED"
            order.capture_id = _new_id()
            self.captures[order.capture_id] = order.id
        capture = {"id": order.capture_id, "status": "COMPLETED", "amount": order.amount,
                   "custom_id": order.custom_id, "final_capture": True}
        return 201, {"id": order.id, "status": "COMPLETED",
                     "purchase_units": [{"reference_id": "default", "payments": {"captures": [capture]}}],
                     "payer": {"payer_id": "STUBPAYER1"}}

    def _refund(self, req: Received, capture_id: str) -> tuple[int, dict]:
        body = req.body if isinstance(req.body, dict) else {}
        with self._lock:
            order = self.orders.get(self.captures.get(capture_id, ""))
            if order is None:
                return 404, _error("RESOURCE_NOT_FOUND", "The specified resource does not exist.",
                                   "INVALID_RESOURCE_ID")
            amount = body.get("amount") or order.amount
            if not (isinstance(amount.get("value"), str) and AMOUNT.match(amount["value"])):
                return 422, _error("UNPROCESSABLE_ENTITY", "The requested action could not be performed.",
                                   "DECIMAL_PRECISION")
            refunded = sum(Decimal(r["amount"]["value"]) for r in order.refunds)
            if refunded + Decimal(amount["value"]) > Decimal(order.amount["value"]):
                return 422, _error("UNPROCESSABLE_ENTITY", "The requested action could not be performed.",
                                   "CAPTURE_FULLY_REFUNDED" if refunded else "REFUND_AMOUNT_EXCEEDED")
            refund = {"id": _new_id(), "status": "COMPLETED", "amount": amount}
            order.refunds.append(refund)
        return 201, {**refund, "links": [{"href": f"{self.url}/v2/payments/refunds/{refund['id']}",
                                          "rel": "self", "method": "GET"}]}

    def _verify(self, req: Received) -> tuple[int, dict]:
        body = req.body if isinstance(req.body, dict) else {}
        required = ("auth_algo", "cert_url", "transmission_id", "transmission_sig", "transmission_time",
                    "webhook_id", "webhook_event")
        if any(not body.get(k) for k in required):
            return 400, _error("VALIDATION_ERROR", "Invalid request - see details", "MISSING_REQUIRED_PARAMETER")
        good = body["transmission_sig"] == self.valid_signature and body["webhook_id"] == self.webhook_id
        return 200, {"verification_status": "SUCCESS" if good else "FAILURE"}


def _error(name: str, message: str, issue: str | None = None) -> dict:
    out: dict = {"name": name, "message": message, "debug_id": _new_id(13).lower()}
    if issue:
        out["details"] = [{"issue": issue, "description": issue.replace("_", " ").capitalize() + "."}]
    return out


class _Handler(BaseHTTPRequestHandler):
    stub: PayPalStub

    def log_message(self, format, *args) -> None:
        pass

    def _serve(self) -> None:
        parts = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        headers = {k.lower(): v for k, v in self.headers.items()}
        body: object = None
        if "application/x-www-form-urlencoded" in headers.get("content-type", ""):
            body = {k: v[0] for k, v in parse_qs(raw.decode()).items()}
        elif raw:
            try:
                body = json.loads(raw)
            except ValueError:
                body = None
        req = Received(self.command, parts.path, parse_qs(parts.query), headers, raw, body)
        status, payload, content_type = self.stub.handle(req)
        if content_type == "redirect":
            assert isinstance(payload, dict)
            self.send_response(status)
            self.send_header("Location", payload["location"])
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        data = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type or "application/json")
        self.send_header("Content-Length", str(len(data)))
        if isinstance(payload, dict) and "debug_id" in payload:
            self.send_header("PayPal-Debug-Id", payload["debug_id"])
        self.end_headers()
        self.wfile.write(data)

    do_GET = _serve
    do_POST = _serve
