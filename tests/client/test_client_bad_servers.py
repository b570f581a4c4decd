"""The client against servers that misbehave: real sockets on 127.0.0.1 with canned answers.

Each case is something a user would meet (a wrong address, a proxy page, a panel restarting, a dead host) and must
end in the typed error with a sentence that can be shown, after exactly the retries the rules allow.
"""
from __future__ import annotations

import logging
import time
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from email.utils import format_datetime

import pytest

from app import __version__
from app.api import (
    ApiError,
    AuthRequired,
    BillingDisabled,
    Conflict,
    CouponInvalid,
    Credentials,
    Forbidden,
    NetworkError,
    NotAPanel,
    NotFound,
    PanelClient,
    RateLimited,
    ServerError,
    ValidationFailed,
    error_from,
    parse_body,
    probe,
)
from app.api.retry import BACKOFF_CAP, backoff_delay, parse_retry_after

from .servers import Reply, closed_port

SETTINGS = {"panel_name": "Canned", "billing_enabled": True, "tickets_enabled": False, "support_url": None}
HTML = "<!doctype html><html><head><title>Welcome</title></head><body>Hello</body></html>"


def error_body(code: str, message: str, details: dict | None = None, success: bool = True) -> dict:
    body = {"error": {"code": code, "message": message, "details": details or {}}}
    return {"success": False, **body} if success else body


# -- not a panel ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("reply", "words"), [
    (Reply(200, HTML, content_type="text/html"), "web page"),
    (Reply(200, '{"data": {"panel_name": "x"', content_type="application/json"), "not JSON"),
    (Reply(200, "Hello, world", content_type="text/plain"), "not JSON"),
    (Reply(200, {"panel_name": "Canned", "billing_enabled": True}), "\"data\" envelope"),
    (Reply(200, b""), "empty body"),
    (Reply(200, [1, 2, 3]), "not an object"),
    (Reply(200, '{"data": {"price": NaN}}'), "not JSON"),
    (Reply(404, HTML, content_type="text/html"), "404 Not Found"),
])
def test_answers_that_are_not_a_panel_are_not_a_panel(canned, make_client, reply, words):
    server = canned(reply)
    client = make_client(server.url)
    with pytest.raises(NotAPanel) as caught:
        client.get("/settings/public")
    message = str(caught.value)
    assert f"{server.url}/api/v1/settings/public" in message and words in message
    assert len(server.seen) == 1


def test_probe_says_an_ordinary_website_is_not_a_panel(canned, sleeps):
    server = canned(Reply(200, HTML, content_type="text/html"))
    with pytest.raises(NotAPanel, match="web page"):
        probe(server.url, sleep=sleeps)
    # JSON in the envelope, but not a panel's settings
    other = canned(Reply(200, {"data": {"hello": "world"}}))
    with pytest.raises(NotAPanel, match="not with a billing panel's settings"):
        probe(other.url, sleep=sleeps)


def test_probe_accepts_a_panel_and_a_pasted_api_suffix(canned, sleeps):
    server = canned(Reply(200, {"data": SETTINGS}))
    assert probe(server.url + "/api/v1/", sleep=sleeps) == SETTINGS
    assert server.seen[0].path == "/api/v1/settings/public"


def test_a_redirect_to_a_login_page_is_not_followed(canned, make_client):
    server = canned(Reply(302, b"", {"Location": "/login?next=/api/v1/auth/me"}, content_type=""))
    client = make_client(server.url, Credentials.from_api_key("bp_secret"))
    with pytest.raises(NotAPanel) as caught:
        client.me()
    assert "redirects to /login?next=/api/v1/auth/me" in str(caught.value)
    assert f"{server.url}/api/v1/auth/me" in str(caught.value)
    assert [s.path for s in server.seen] == ["/api/v1/auth/me"]  # the login page was never asked


def test_an_address_that_is_not_a_url_is_refused_at_once():
    for typed in ("panel.example.com", "ftp://panel.example.com", "", "https://"):
        with pytest.raises(NotAPanel, match="not a panel address"):
            PanelClient(typed)


def test_no_content_where_data_is_expected(canned, make_client):
    server = canned(Reply(204, b"", content_type=""))
    client = make_client(server.url)
    with pytest.raises(NotAPanel, match="empty body"):
        client.get("/billing/config")
    assert client.delete("/account/api-keys/1") is None  # 204 is the answer a delete expects


# -- the network ------------------------------------------------------------------------------------------------
def test_a_closed_port_is_a_network_error_after_the_retries(make_client, sleeps):
    port = closed_port()
    client = make_client(f"http://127.0.0.1:{port}", max_retries=2)
    with pytest.raises(NetworkError) as caught:
        client.public_settings()
    assert str(caught.value) == f"Could not reach 127.0.0.1:{port}: the connection was refused."
    assert len(sleeps) == 2


def test_a_post_without_a_key_is_never_resent_after_a_connection_error(make_client, sleeps):
    client = make_client(f"http://127.0.0.1:{closed_port()}", max_retries=3)
    with pytest.raises(NetworkError, match="refused"):
        client.post("/billing/checkout", {"items": []})
    assert sleeps == []


def test_a_server_that_never_answers_times_out(silent, make_client, sleeps):
    client = make_client(silent.url, timeout=0.2, max_retries=1)
    started = time.monotonic()
    with pytest.raises(NetworkError) as caught:
        client.public_settings()
    assert time.monotonic() - started < 3
    assert str(caught.value) == f"Could not reach {silent.url.removeprefix('http://')}: no answer within 0.2 seconds."
    assert len(sleeps) == 1  # a read is tried again once, then given up


def test_an_unknown_host_is_a_network_error(make_client):
    client = make_client("http://sett-no-such-panel.invalid", max_retries=0, timeout=5)
    with pytest.raises(NetworkError, match=r"^Could not reach sett-no-such-panel.invalid: the name could not"):
        client.public_settings()


def test_tls_to_a_plain_http_server_is_a_network_error_and_not_retried(canned, make_client, sleeps):
    server = canned(Reply(200, {"data": SETTINGS}))
    client = make_client(server.url.replace("http://", "https://"), max_retries=3, timeout=2)
    with pytest.raises(NetworkError, match="secure connection"):
        client.public_settings()
    assert sleeps == []


# -- retries ----------------------------------------------------------------------------------------------------
def test_a_500_then_200_read_is_retried_once(canned, make_client, sleeps):
    server = canned(Reply(500, error_body("internal_error", "The panel hit an internal error.")),
                    Reply(200, {"data": SETTINGS}))
    assert make_client(server.url).public_settings() == SETTINGS
    assert len(server.seen) == 2 and len(sleeps) == 1 and 0.25 <= sleeps[0] <= 0.5


def test_a_read_is_retried_on_503_with_growing_backoff_then_gives_up(canned, make_client, sleeps):
    server = canned(Reply(503, "<html>Service Unavailable</html>", {"Retry-After": "1"}, "text/html"))
    client = make_client(server.url, max_retries=3)
    with pytest.raises(ServerError) as caught:
        client.public_settings()
    assert str(caught.value) == f"{server.url}/api/v1/settings/public failed with 503 Service Unavailable; try " \
                                "again later."
    assert caught.value.status == 503
    assert len(server.seen) == 4 and len(sleeps) == 3
    for attempt, waited in enumerate(sleeps):
        ceiling = 0.5 * 2 ** attempt
        assert ceiling / 2 <= waited <= ceiling


def test_backoff_is_capped():
    assert all(BACKOFF_CAP / 2 <= backoff_delay(20) <= BACKOFF_CAP for _ in range(50))


def test_a_post_without_a_key_is_not_retried_on_503(canned, make_client, sleeps):
    server = canned(Reply(503, error_body("unavailable", "Down for maintenance.")), Reply(201, {"data": {"id": 1}}))
    with pytest.raises(ServerError, match="^Down for maintenance.$"):
        make_client(server.url).post("/billing/checkout", {"items": []})
    assert len(server.seen) == 1 and sleeps == []


def test_a_post_with_a_key_is_retried_with_the_same_key_and_body(canned, make_client, sleeps):
    server = canned(Reply(502, "<html>Bad Gateway</html>", content_type="text/html"),
                    Reply(504, "<html>Gateway Timeout</html>", content_type="text/html"),
                    Reply(201, {"success": True, "data": {"order": {"id": "o1"}}}))
    placed = make_client(server.url).post("/billing/checkout", {"total": Decimal("12.50")}, idempotency_key="k-1")
    assert placed == {"order": {"id": "o1"}}
    assert [s.headers["Idempotency-Key"] for s in server.seen] == ["k-1"] * 3
    assert {s.body for s in server.seen} == {b'{"total": "12.50"}'}  # Decimal goes out as the contract's string
    assert len(sleeps) == 2


def test_a_post_with_a_key_is_not_retried_on_a_plain_500(canned, make_client, sleeps):
    server = canned(Reply(500, error_body("internal_error", "Nothing was changed.")), Reply(201, {"data": {}}))
    with pytest.raises(ServerError):
        make_client(server.url).post("/billing/checkout", {}, idempotency_key="k-2")
    assert len(server.seen) == 1


def test_429_waits_for_retry_after_then_succeeds(canned, make_client, sleeps):
    server = canned(Reply(429, error_body("rate_limited", "Slow down."), {"Retry-After": "7"}),
                    Reply(200, {"data": SETTINGS}))
    assert make_client(server.url).public_settings() == SETTINGS
    assert sleeps == [7.0]


def test_429_retry_after_is_capped_and_ends_in_rate_limited(canned, make_client, sleeps):
    server = canned(Reply(429, error_body("rate_limited", "Slow down."), {"Retry-After": "600"}))
    with pytest.raises(RateLimited) as caught:
        make_client(server.url, max_retries=2).me()
    assert sleeps == [60.0, 60.0]
    assert caught.value.retry_after == 600 and str(caught.value) == "Slow down." and len(server.seen) == 3


def test_429_retry_after_as_an_http_date(canned, make_client, sleeps):
    when = format_datetime(datetime.now(UTC) + timedelta(seconds=30), usegmt=True)
    server = canned(Reply(429, error_body("rate_limited", "Slow down."), {"Retry-After": when}),
                    Reply(200, {"data": SETTINGS}))
    make_client(server.url).public_settings()
    assert len(sleeps) == 1 and 27 <= sleeps[0] <= 30


def test_429_on_a_post_without_a_key_is_not_retried(canned, make_client, sleeps):
    server = canned(Reply(429, error_body("rate_limited", "Too many failed logins."), {"Retry-After": "900"}))
    with pytest.raises(RateLimited) as caught:
        make_client(server.url).login("a@example.test", "pw")
    assert caught.value.retry_after == 900 and sleeps == [] and len(server.seen) == 1


def test_retry_after_parsing():
    now = datetime(2025, 1, 1, 12, 0, tzinfo=UTC)
    assert parse_retry_after("5", now=now) == 5
    assert parse_retry_after("Wed, 01 Jan 2025 12:00:42 GMT", now=now) == 42
    assert parse_retry_after("Wed, 01 Jan 2025 11:00:00 GMT", now=now) == 0  # in the past: go now
    assert parse_retry_after("soon", now=now) is None and parse_retry_after(None) is None


# -- auth over a canned server ----------------------------------------------------------------------------------
def test_headers_user_agent_and_api_key(canned, make_client):
    server = canned(Reply(200, {"data": {"id": "u1"}}))
    make_client(server.url, Credentials.from_api_key("bp_abc123")).me()
    headers = server.seen[0].headers
    assert headers["User-Agent"] == f"Sett/{__version__}"
    assert headers["Authorization"] == "Bearer bp_abc123"
    assert headers["Accept"] == "application/json"


def test_a_rejected_api_key_is_auth_required_without_a_refresh(canned, make_client):
    server = canned(Reply(401, error_body("unauthorized", "The API key is inactive."),
                          {"WWW-Authenticate": "Bearer"}))
    with pytest.raises(AuthRequired, match="^The API key is inactive.$"):
        make_client(server.url, Credentials.from_api_key("bp_abc123")).me()
    assert [s.path for s in server.seen] == ["/api/v1/auth/me"]


def test_a_refresh_answered_with_a_web_page_is_not_a_panel(canned, make_client):
    server = canned(Reply(401, error_body("unauthorized", "The access token has expired.")),
                    Reply(200, HTML, content_type="text/html"))
    client = make_client(server.url, Credentials.from_tokens("access-canned-1", "refresh-canned-1"))
    with pytest.raises(NotAPanel, match="web page"):
        client.me()
    assert [s.path for s in server.seen] == ["/api/v1/auth/me", "/api/v1/auth/refresh"]
    assert "Authorization" not in server.seen[1].headers  # the refresh token travels in the body only


def test_secrets_never_reach_the_log(canned, make_client, caplog):
    server = canned(Reply(401, error_body("unauthorized", "expired")),
                    Reply(200, {"data": {"access_token": "access-new-2", "refresh_token": "refresh-new-2"}}),
                    Reply(200, {"data": {"id": "u1"}}),
                    Reply(200, {"data": {"access_token": "access-login-3", "refresh_token": "refresh-login-3"}}))
    client = make_client(server.url, Credentials.from_tokens("access-old-2", "refresh-old-2"))
    with caplog.at_level(logging.DEBUG):
        client.me()
        client.login("someone@example.test", "hunter2-password")
    assert "GET /api/v1/auth/me -> 401" in caplog.text and "POST /api/v1/auth/refresh -> 200" in caplog.text
    secrets = ("access-old-2", "refresh-old-2", "access-new-2", "refresh-new-2", "hunter2-password", "access-login-3",
               "refresh-login-3")
    for secret in secrets:
        assert secret not in caplog.text
    assert client.credentials.access_token == "access-login-3"
    assert repr(client.credentials) == "Credentials(kind='tokens')"


# -- envelopes, errors, money ------------------------------------------------------------------------------------
@pytest.mark.parametrize("success", [True, False])
def test_both_envelopes_read_the_same(canned, make_client, success):
    body = {"data": SETTINGS, **({"success": True} if success else {})}
    assert make_client(canned(Reply(200, body)).url).public_settings() == SETTINGS


def test_an_error_envelope_sent_with_200_is_still_an_error(canned, make_client):
    server = canned(Reply(200, error_body("forbidden", "You may not see this.")))
    with pytest.raises(Forbidden, match="^You may not see this.$"):
        make_client(server.url).get("/billing/config")


def test_money_sent_as_json_numbers_arrives_as_exact_decimals(canned, make_client):
    server = canned(Reply(200, '{"data": {"price": 12.99, "total": 0.1, "tiny": 1e-2, "quantity": 3}}'))
    data = make_client(server.url).get("/billing/products/p1")
    assert data["price"] == Decimal("12.99") and isinstance(data["price"], Decimal)
    assert data["total"] == Decimal("0.1") and data["tiny"] == Decimal("0.01")
    assert data["quantity"] == 3 and isinstance(data["quantity"], int)


@pytest.mark.parametrize(("status", "code", "cls"), [
    (401, "unauthorized", AuthRequired), (403, "forbidden", Forbidden), (403, "billing_disabled", BillingDisabled),
    (404, "not_found", NotFound), (409, "out_of_stock", Conflict), (409, "insufficient_credits", Conflict),
    (409, "idempotency_conflict", Conflict), (422, "validation_error", ValidationFailed),
    (422, "coupon_invalid", CouponInvalid), (400, "bad_request", ApiError), (502, "gateway_error", ServerError),
])
@pytest.mark.parametrize("success", [True, False])
def test_each_error_code_has_its_type_and_the_panels_message(status, code, cls, success):
    details = {"field": ["Is wrong."]}
    error = error_from(status, error_body(code, f"Message for {code}.", details, success), {})
    assert type(error) is cls
    assert str(error) == f"Message for {code}." and error.code == code and error.status == status
    assert error.details == details


def test_error_details_reason_and_retry_after_are_kept():
    coupon = error_from(422, error_body("coupon_invalid", "This coupon has been used up.",
                                        {"coupon_code": ["This coupon has been used up."]}), {})
    assert isinstance(coupon, CouponInvalid) and isinstance(coupon, ValidationFailed)
    assert coupon.reason == "This coupon has been used up."
    limited = error_from(429, b'{"error": {"code": "rate_limited", "message": "Wait."}}', {"retry-after": "12"})
    assert isinstance(limited, RateLimited) and limited.retry_after == 12
    proxy = error_from(429, b"<html>Too Many Requests</html>", {"Retry-After": "3"})
    assert isinstance(proxy, RateLimited) and proxy.retry_after == 3 and str(proxy)


def test_parse_body_directly():
    assert parse_body(b'{"data": {"amount": 5.50}}') == {"data": {"amount": Decimal("5.50")}}
    for bad in (b"", b"   ", b"<html></html>", b"{", b"[]", b"\xff\xfe"):
        with pytest.raises(NotAPanel):
            parse_body(bad)
