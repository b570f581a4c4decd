"""Logging in over real HTTP: token pairs, the failed-login limit, refresh rotation, logout, two-factor, expiry."""
from __future__ import annotations

from datetime import datetime

import pyotp
import pytest

from tests.panel.conftest import admin_of
from tests.panel.helpers import assert_error
from tests.support.catalogue import Shop
from tests.support.panel import ADMIN_EMAIL, ADMIN_PASSWORD, USER_PASSWORD, Api, unique_email
from tests.support.two_factor import enable_2fa, wrong_code

WRONG_LOGIN = "Email or password is incorrect."


def login(panel, email: str, password: str = USER_PASSWORD):
    return Api(panel).post("/auth/login", {"email": email, "password": password})


def me_status(panel, token: str) -> int:
    return Api(panel, token).get("/auth/me").status_code


# -- logging in ---------------------------------------------------------------------------------------------
def test_login_returns_a_token_pair_and_the_user(panel, shop):
    user = shop.user()
    r = login(panel, user.user["email"])
    assert r.status_code == 200, r.text
    data = r.json()["data"]
    assert data["token_type"] == "Bearer" and data["expires_in"] == 900
    assert data["access_token"] != data["refresh_token"]
    assert data["user"]["email"] == user.user["email"]
    assert not {"password_hash", "totp_secret", "credit_balance"} & set(data["user"])
    me = Api(panel, data["access_token"]).data("GET", "/auth/me", expect=200)
    assert {k: me[k] for k in ("id", "email", "username", "first_name", "last_name")} == \
        {k: data["user"][k] for k in ("id", "email", "username", "first_name", "last_name")}


def test_wrong_password_and_unknown_email_get_the_same_answer(panel, shop):
    user = shop.user()
    wrong = login(panel, user.user["email"], "not-the-password")
    unknown = login(panel, unique_email("nobody"))
    assert assert_error(wrong, 401, "unauthorized")["message"] == WRONG_LOGIN
    assert wrong.json() == unknown.json()


def test_five_failures_lock_the_email_even_for_the_right_password(panel, shop):
    email = shop.user().user["email"]
    for _ in range(5):
        assert login(panel, email, "wrong-password").status_code == 401
    locked = login(panel, email.upper())  # the limit is per email, whatever its case
    assert_error(locked, 429, "rate_limited")
    assert 1 <= int(locked.headers["Retry-After"]) <= 15 * 60


def test_an_unknown_email_is_locked_the_same_way(panel):
    email = unique_email("ghost")
    answers = [login(panel, email, "guess").status_code for _ in range(6)]
    assert answers == [401] * 5 + [429]


def test_a_successful_login_clears_the_failures(panel, shop):
    email = shop.user().user["email"]
    for _ in range(2):
        for _ in range(4):
            assert login(panel, email, "wrong-password").status_code == 401
        assert login(panel, email).status_code == 200


def test_bad_login_bodies_are_422_and_do_not_count_as_failures(panel, shop):
    email = shop.user().user["email"]
    api = Api(panel)
    bodies = [{"email": email}, {"email": email, "password": 12345678}, {"email": None, "password": "x"},
              {"email": email, "password": "x", "otp": 1}, {"email": email, "password": "x" * 2000},
              [email, "pw"]]
    for body in bodies:
        assert_error(api.post("/auth/login", body), 422, "validation_error")
    missing = api.post("/auth/login", {"email": email}).json()["error"]
    assert missing["details"]["password"]
    malformed = api.post("/auth/login", data=b'{"email": ', headers={"Content-Type": "application/json"})
    assert assert_error(malformed, 422, "validation_error")["details"]["body"]
    assert login(panel, email).status_code == 200


# -- refresh, logout, me ------------------------------------------------------------------------------------
def test_refresh_rotates_the_pair(panel, shop):
    first = login(panel, shop.user().user["email"]).json()["data"]
    r = Api(panel).post("/auth/refresh", {"refresh_token": first["refresh_token"]})
    assert r.status_code == 200, r.text
    second = r.json()["data"]
    assert second["token_type"] == "Bearer" and second["expires_in"] == 900
    assert {second["access_token"], second["refresh_token"]}.isdisjoint(
        {first["access_token"], first["refresh_token"]})
    assert me_status(panel, second["access_token"]) == 200
    third = Api(panel).data("POST", "/auth/refresh", {"refresh_token": second["refresh_token"]}, expect=200)
    assert me_status(panel, third["access_token"]) == 200


def test_reusing_a_spent_refresh_token_ends_that_login(panel, shop):
    email = shop.user().user["email"]
    first = login(panel, email).json()["data"]
    other_login = login(panel, email).json()["data"]
    second = Api(panel).data("POST", "/auth/refresh", {"refresh_token": first["refresh_token"]}, expect=200)
    reuse = Api(panel).post("/auth/refresh", {"refresh_token": first["refresh_token"]})
    assert_error(reuse, 401, "unauthorized")
    assert me_status(panel, second["access_token"]) == 401
    assert me_status(panel, first["access_token"]) == 401
    assert Api(panel).post("/auth/refresh", {"refresh_token": second["refresh_token"]}).status_code == 401
    # Only the login that leaked ends; the same user's other login carries on.
    assert me_status(panel, other_login["access_token"]) == 200


def test_unknown_refresh_token_is_401(panel):
    assert_error(Api(panel).post("/auth/refresh", {"refresh_token": "not-a-token"}), 401, "unauthorized")


def test_logout_ends_the_login_and_is_idempotent(panel, shop):
    pair = login(panel, shop.user().user["email"]).json()["data"]
    api = Api(panel)
    r = api.post("/auth/logout", {"refresh_token": pair["refresh_token"]})
    assert r.status_code == 204 and r.content == b""
    assert me_status(panel, pair["access_token"]) == 401
    assert api.post("/auth/refresh", {"refresh_token": pair["refresh_token"]}).status_code == 401
    assert api.post("/auth/logout", {"refresh_token": pair["refresh_token"]}).status_code == 204
    assert api.post("/auth/logout", {"refresh_token": "never-issued"}).status_code == 204
    assert_error(api.post("/auth/logout", {}), 422, "validation_error")


def test_me_needs_a_valid_bearer_token(panel):
    for headers in ({}, {"Authorization": "Bearer nonsense"}, {"Authorization": "Basic dXNlcjpwdw=="}):
        r = Api(panel).get("/auth/me", headers=headers)
        assert_error(r, 401, "unauthorized")
        assert r.headers["WWW-Authenticate"] == "Bearer"


# -- two-factor ---------------------------------------------------------------------------------------------
def test_two_factor_login_flow(panel, shop):
    user = shop.user()
    secret = enable_2fa(user)
    r = login(panel, user.user["email"])
    assert r.status_code == 200, r.text
    challenge = r.json()["data"]
    assert challenge["requires_2fa"] is True and "access_token" not in challenge
    token = challenge["two_factor_token"]
    api = Api(panel)
    wrong = api.post("/auth/2fa/verify", {"two_factor_token": token, "code": wrong_code(secret)})
    assert_error(wrong, 401, "unauthorized")
    pair = api.data("POST", "/auth/2fa/verify", {"two_factor_token": token, "code": pyotp.TOTP(secret).now()},
                    expect=200)
    assert pair["token_type"] == "Bearer" and pair["user"]["two_factor_enabled"] is True
    assert me_status(panel, pair["access_token"]) == 200
    # A challenge opens one login only.
    again = api.post("/auth/2fa/verify", {"two_factor_token": token, "code": pyotp.TOTP(secret).now()})
    assert_error(again, 401, "unauthorized")


def test_five_wrong_codes_burn_the_challenge(panel, shop):
    user = shop.user()
    secret = enable_2fa(user)
    token = login(panel, user.user["email"]).json()["data"]["two_factor_token"]
    api = Api(panel)
    for _ in range(5):
        r = api.post("/auth/2fa/verify", {"two_factor_token": token, "code": wrong_code(secret)})
        assert r.status_code == 401
    burnt = api.post("/auth/2fa/verify", {"two_factor_token": token, "code": pyotp.TOTP(secret).now()})
    assert_error(burnt, 401, "unauthorized")
    # Wrong codes count as failed logins, so fresh challenges cannot be used to keep guessing.
    assert_error(login(panel, user.user["email"]), 429, "rate_limited")


def test_verify_rejects_unknown_tokens_and_malformed_codes(panel):
    api = Api(panel)
    unknown = api.post("/auth/2fa/verify", {"two_factor_token": "made-up", "code": "123456"})
    assert_error(unknown, 401, "unauthorized")
    for code in ("12345", "abcdef", 123456, "1234567"):
        r = api.post("/auth/2fa/verify", {"two_factor_token": "made-up", "code": code})
        assert assert_error(r, 422, "validation_error")["details"]["code"]


def test_enabling_and_disabling_two_factor_needs_the_right_code(panel, shop):
    user = shop.user()
    setup = user.data("POST", "/account/2fa/setup")
    secret = setup["secret"]
    assert pyotp.parse_uri(setup["otpauth_uri"]).secret == secret
    assert_error(user.post("/account/2fa/enable", {"code": wrong_code(secret)}), 422, "validation_error")
    assert "access_token" in login(panel, user.user["email"]).json()["data"]  # still off
    enabled = user.data("POST", "/account/2fa/enable", {"code": pyotp.TOTP(secret).now()})
    assert enabled == {"two_factor_enabled": True}
    assert user.data("GET", "/auth/me")["two_factor_enabled"] is True
    assert_error(user.post("/account/2fa/setup"), 409, "conflict")
    assert_error(user.post("/account/2fa/disable", {"code": wrong_code(secret)}), 422, "validation_error")
    assert login(panel, user.user["email"]).json()["data"]["requires_2fa"] is True
    user.data("POST", "/account/2fa/disable", {"code": pyotp.TOTP(secret).now()})
    assert "access_token" in login(panel, user.user["email"]).json()["data"]
    assert_error(user.post("/account/2fa/disable", {"code": pyotp.TOTP(secret).now()}), 409, "conflict")


# -- expiry, on a private panel whose clock may move ------------------------------------------------------
@pytest.fixture
def clocked(fresh_panel):
    proc = fresh_panel()
    return proc, Shop(admin_of(proc))


def advance(proc, days: int) -> datetime:
    """Move the private panel's clock; returns the panel's new now."""
    # A new admin login each time: the clock outruns the last one's access token.
    now = admin_of(proc).data("POST", "/admin/clock/advance", {"days": days}, expect=200)["now"]
    return datetime.fromisoformat(now.replace("Z", "+00:00"))


def test_access_token_expires_and_refresh_lasts_seven_days(clocked):
    proc, shop = clocked
    pair = login(proc, shop.user().user["email"]).json()["data"]
    advance(proc, 1)
    expired = Api(proc, pair["access_token"]).get("/auth/me")
    assert_error(expired, 401, "unauthorized")
    renewed = Api(proc).data("POST", "/auth/refresh", {"refresh_token": pair["refresh_token"]}, expect=200)
    assert me_status(proc, renewed["access_token"]) == 200
    advance(proc, 8)
    assert_error(Api(proc).post("/auth/refresh", {"refresh_token": renewed["refresh_token"]}), 401, "unauthorized")


def test_lockouts_and_challenges_expire(clocked):
    proc, shop = clocked
    locked = shop.user().user["email"]
    for _ in range(5):
        login(proc, locked, "wrong-password")
    assert login(proc, locked).status_code == 429
    two_factor = shop.user()
    secret = enable_2fa(two_factor)
    token = login(proc, two_factor.user["email"]).json()["data"]["two_factor_token"]
    panel_now = advance(proc, 1)
    assert login(proc, locked).status_code == 200
    # The code is right for the panel's time: only the challenge's age refuses it.
    late = Api(proc).post("/auth/2fa/verify", {"two_factor_token": token, "code": pyotp.TOTP(secret).at(panel_now)})
    assert_error(late, 401, "unauthorized")


def test_the_session_long_admin_of_the_tests_signs_in_again_once_its_token_expired(clocked):
    """The shared panel's admin serves a whole run, longer than its 15-minute access token on a slow machine; a
    plain login (any other test's) still meets its 401."""
    proc, _shop = clocked
    admin = admin_of(proc)
    plain = Api(proc).login(ADMIN_EMAIL, ADMIN_PASSWORD)
    admin.data("POST", "/admin/clock/advance", {"days": 1}, expect=200)
    assert plain.get("/auth/me").status_code == 401
    assert admin.data("GET", "/auth/me")["email"] == ADMIN_EMAIL
