"""Contract audit of auth: API keys ("stored hashed, shown once, may be inactive (rejected at once) and may carry an IP
allowlist"), refresh rotation and the end of a whole login on reuse, and the user `GET /auth/me` shows. Shared
panel."""
from __future__ import annotations

import sqlite3

from tests.panel.helpers import assert_error
from tests.support.panel import Api

USER_FIELDS = {"id", "email", "username", "first_name", "last_name"}


def test_a_key_made_inactive_is_refused_at_once_until_switched_on(shop):
    user = shop.user()
    made = user.data("POST", "/account/api-keys", {"name": "later", "active": False}, expect=201)
    assert made["active"] is False and made["key"].startswith("bp_")
    key = Api(user.panel, token=made["key"])
    assert_error(key.get("/auth/me"), 401, "unauthorized")
    user.data("PATCH", f"/account/api-keys/{made['id']}", {"active": True})
    assert key.data("GET", "/auth/me")["id"] == user.user["id"]
    user.data("PATCH", f"/account/api-keys/{made['id']}", {"active": False})
    assert_error(key.get("/billing/invoices"), 401, "unauthorized")


def test_a_key_is_shown_once_and_stored_only_as_a_digest(shop, panel):
    user = shop.user()
    made = user.data("POST", "/account/api-keys", {"name": "once"}, expect=201)
    secret = made["key"]
    listed = user.data("GET", "/account/api-keys")
    assert [k["id"] for k in listed] == [made["id"]] and "key" not in listed[0]
    assert listed[0]["prefix"] == secret[:8]
    with sqlite3.connect(f"file:{panel.db_path}?mode=ro", uri=True) as db:
        row = db.execute("SELECT * FROM api_keys WHERE id = ?", (made["id"],)).fetchone()
    assert row is not None and all(secret not in str(value) for value in row)


def test_a_key_outside_its_allowlist_is_forbidden_inside_it_works(shop):
    user = shop.user()
    made = user.data("POST", "/account/api-keys", {"name": "office", "allowed_ips": ["10.9.8.0/24"]}, expect=201)
    key = Api(user.panel, token=made["key"])
    assert_error(key.get("/auth/me"), 403, "forbidden")  # the tests come from 127.0.0.1
    user.data("PATCH", f"/account/api-keys/{made['id']}", {"allowed_ips": ["10.9.8.0/24", "127.0.0.0/8"]})
    assert key.data("GET", "/auth/me")["id"] == user.user["id"]
    user.data("PATCH", f"/account/api-keys/{made['id']}", {"allowed_ips": []})  # empty: every address
    assert key.get("/auth/me").status_code == 200


def test_a_deleted_key_stops_working_and_is_gone(shop):
    user = shop.user()
    made = user.data("POST", "/account/api-keys", {"name": "bye"}, expect=201)
    key = Api(user.panel, token=made["key"])
    assert key.get("/auth/me").status_code == 200
    assert user.delete(f"/account/api-keys/{made['id']}").status_code == 204
    assert_error(key.get("/auth/me"), 401, "unauthorized")
    assert_error(user.delete(f"/account/api-keys/{made['id']}"), 404, "not_found")


def test_refresh_rotates_and_reusing_the_spent_token_ends_every_token_of_that_login(shop, panel):
    user = shop.user()
    other_login = Api(panel).login(*user._login)
    first_access, first_refresh = user.token, user.refresh_token
    anon = Api(panel)
    pair = anon.data("POST", "/auth/refresh", {"refresh_token": first_refresh})
    assert pair["token_type"] == "Bearer" and pair["expires_in"] == 900
    assert pair["refresh_token"] != first_refresh and pair["access_token"] != first_access
    fresh = Api(panel, token=pair["access_token"])
    assert fresh.get("/auth/me").status_code == 200

    assert_error(anon.post("/auth/refresh", {"refresh_token": first_refresh}), 401, "unauthorized")
    # The reuse ended the whole login: the pair the rotation handed out is dead too...
    assert_error(anon.post("/auth/refresh", {"refresh_token": pair["refresh_token"]}), 401, "unauthorized")
    assert_error(fresh.get("/auth/me"), 401, "unauthorized")
    assert_error(Api(panel, token=first_access).get("/auth/me"), 401, "unauthorized")
    # ...and only that login: the user's other one keeps working.
    assert other_login.get("/auth/me").status_code == 200


def test_me_shows_the_contracts_user_and_logout_ends_the_login(shop, panel):
    user = shop.user()
    me = user.data("GET", "/auth/me")
    assert USER_FIELDS <= set(me) and me["email"] == user._login[0]
    assert not {"password", "password_hash", "totp_secret"} & set(me)
    assert user.post("/auth/logout", {"refresh_token": user.refresh_token}).status_code == 204
    assert_error(user.get("/auth/me"), 401, "unauthorized")
    assert_error(Api(panel).post("/auth/refresh", {"refresh_token": user.refresh_token}), 401, "unauthorized")
    assert Api(panel).post("/auth/logout", {"refresh_token": user.refresh_token}).status_code == 204
