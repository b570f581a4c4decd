"""Request limiting on a private panel allowing 5 requests a minute per client."""
from __future__ import annotations

import sqlite3
import time

import pytest

from tests.panel.conftest import admin_of
from tests.support.panel import Api

LIMIT = 5


@pytest.fixture
def limited(fresh_panel):
    return fresh_panel(rate_limit=LIMIT)


def test_the_sixth_request_in_a_minute_is_429_with_retry_after(limited):
    anon = Api(limited)
    answers = [anon.get("/auth/me") for _ in range(LIMIT + 1)]
    assert [r.status_code for r in answers] == [401] * LIMIT + [429]
    # The headers are on every response, errors included, and count down.
    assert [r.headers["X-RateLimit-Remaining"] for r in answers] == ["4", "3", "2", "1", "0", "0"]
    for r in answers:
        assert r.headers["X-RateLimit-Limit"] == str(LIMIT)
        assert -1 < int(r.headers["X-RateLimit-Reset"]) - time.time() <= 61
    refused = answers[-1]
    assert 1 <= int(refused.headers["Retry-After"]) <= 60
    body = refused.json()
    assert body["success"] is False and body["error"]["code"] == "rate_limited" and body["error"]["message"]


def test_health_is_never_limited(limited):
    anon = Api(limited)
    for _ in range(LIMIT + 1):
        anon.get("/auth/me")
    assert anon.get("/auth/me").status_code == 429
    for _ in range(LIMIT * 2):
        r = anon.get("/health")
        assert r.status_code == 200 and r.json()["data"]["status"] == "ok"
        # The contract puts the headers on every response; here they show the allowance without using it.
        assert (r.headers["X-RateLimit-Limit"], r.headers["X-RateLimit-Remaining"]) == (str(LIMIT), "0")
        assert -1 < int(r.headers["X-RateLimit-Reset"]) - time.time() <= 61


def test_an_oversized_body_is_413_with_the_headers_and_not_counted(limited):
    anon = Api(limited)
    r = anon.request("POST", "/auth/login", data=b"x" * 1_000_001, headers={"Content-Type": "application/json"})
    assert r.status_code == 413 and r.json()["error"]["code"] == "payload_too_large"
    assert (r.headers["X-RateLimit-Limit"], r.headers["X-RateLimit-Remaining"]) == (str(LIMIT), str(LIMIT))
    assert anon.get("/auth/me").headers["X-RateLimit-Remaining"] == str(LIMIT - 1)


def test_each_credential_has_its_own_allowance(limited):
    admin = admin_of(limited)  # its login is one of the address's requests
    anon = Api(limited)
    for _ in range(LIMIT):
        anon.get("/auth/me")
    assert anon.get("/auth/me").status_code == 429
    # Users behind one address (the demo, an office) are limited per token, not together.
    r = admin.get("/auth/me")
    assert r.status_code == 200
    assert r.headers["X-RateLimit-Remaining"] == str(LIMIT - 1)


def test_an_internal_error_carries_the_headers_too(limited):
    """A 500 was answered outside the limiting middleware and went without the headers "every response" has.
    A table gone from under the running panel stands in for any unexpected failure."""
    admin = admin_of(limited)
    with sqlite3.connect(limited.db_path) as db:
        db.execute("ALTER TABLE notifications RENAME TO notifications_gone")
    r = admin.get("/notifications")
    assert r.status_code == 500 and r.json()["error"]["code"] == "internal_error"
    assert (r.headers["X-RateLimit-Limit"], r.headers["X-RateLimit-Remaining"]) == (str(LIMIT), str(LIMIT - 1))
    assert -1 < int(r.headers["X-RateLimit-Reset"]) - time.time() <= 61


def test_a_made_up_token_counts_against_the_address_not_an_allowance_of_its_own(limited):
    """A new invented token in every request had a fresh allowance each time, past the address's limit (also at
    /auth/login). Only a credential the panel accepted (issued at login or refresh, or used once) has its own."""
    import secrets as token_source

    admin = admin_of(limited)          # logged in: its token has its own allowance from the start
    anon = Api(limited)
    answers = [anon.get("/auth/me", headers={"Authorization": f"Bearer {token_source.token_hex(16)}"})
               for _ in range(LIMIT)]
    assert answers[-1].status_code == 429          # the login above was the address's first request
    login = anon.request("POST", "/auth/login", json={"email": "nobody@example.test", "password": "x" * 12},
                         headers={"Authorization": "Bearer made-up"})
    assert login.status_code == 429
    mine = admin.get("/auth/me")
    assert mine.status_code == 200 and mine.headers["X-RateLimit-Remaining"] == str(LIMIT - 1)
