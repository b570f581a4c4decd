"""API keys over real HTTP: shown once, stored hashed, inactive and allowlisted keys refused, owners only."""
from __future__ import annotations

import hashlib
import sqlite3

import pyotp

from tests.panel.conftest import admin_of
from tests.panel.helpers import assert_error
from tests.support.catalogue import Shop
from tests.support.panel import Api

KEY_FIELDS = {"id", "name", "prefix", "active", "allowed_ips", "last_used_at", "created_at", "updated_at"}


def make_key(api: Api, **body) -> dict:
    return api.data("POST", "/account/api-keys", {"name": "Build server", **body}, expect=201)


def with_key(api: Api, key: str) -> Api:
    return Api(api.panel, key)


def keys_of(api: Api) -> list[dict]:
    return api.data("GET", "/account/api-keys?per_page=100", expect=200)


def test_a_new_key_is_shown_once_and_works(shop):
    user = shop.user()
    created = make_key(user, allowed_ips=["127.0.0.1"])
    key = created["key"]
    assert key.startswith("bp_") and created["prefix"] == key[:8]
    assert set(created) == KEY_FIELDS | {"key"}
    assert created["active"] is True and created["allowed_ips"] == ["127.0.0.1"] and created["last_used_at"] is None
    me = with_key(user, key).data("GET", "/auth/me", expect=200)
    assert me["id"] == user.user["id"]
    listed = keys_of(user)
    assert [k["id"] for k in listed] == [created["id"]]
    assert set(listed[0]) == KEY_FIELDS and key not in str(listed)
    assert listed[0]["last_used_at"] is not None


def test_keys_and_tokens_are_stored_only_as_digests(fresh_panel):
    proc = fresh_panel()
    user = Shop(admin_of(proc)).user()
    key = make_key(user)["key"]
    with sqlite3.connect(proc.db_path) as db:
        stored = db.execute("SELECT key_hash, prefix FROM api_keys").fetchall()
    assert stored == [(hashlib.sha256(key.encode()).hexdigest(), key[:8])]
    raw = b"".join(p.read_bytes() for p in proc.workdir.glob("panel.db*") if p.is_file())
    for secret in (key, key[8:], user.token, user.refresh_token):
        assert secret.encode() not in raw


def test_an_inactive_key_is_refused_at_once(shop):
    user = shop.user()
    created = make_key(user)
    holder = with_key(user, created["key"])
    assert holder.get("/auth/me").status_code == 200
    assert user.data("PATCH", f"/account/api-keys/{created['id']}", {"active": False})["active"] is False
    assert_error(holder.get("/auth/me"), 401, "unauthorized")
    user.data("PATCH", f"/account/api-keys/{created['id']}", {"active": True})
    assert holder.get("/auth/me").status_code == 200


def test_the_allowlist_refuses_other_addresses(shop):
    user = shop.user()
    created = make_key(user, allowed_ips=["10.0.0.0/8"])
    holder = with_key(user, created["key"])
    assert_error(holder.get("/auth/me"), 403, "forbidden")
    changed = user.data("PATCH", f"/account/api-keys/{created['id']}", {"allowed_ips": ["10.0.0.0/8", "127.0.0.0/8"]})
    assert changed["allowed_ips"] == ["10.0.0.0/8", "127.0.0.0/8"]
    assert holder.get("/auth/me").status_code == 200
    user.data("PATCH", f"/account/api-keys/{created['id']}", {"allowed_ips": ["192.168.1.7"]})
    assert_error(holder.get("/auth/me"), 403, "forbidden")
    user.data("PATCH", f"/account/api-keys/{created['id']}", {"allowed_ips": []})  # empty: any address
    assert holder.get("/auth/me").status_code == 200


def test_a_deleted_key_is_refused(shop):
    user = shop.user()
    created = make_key(user)
    r = user.delete(f"/account/api-keys/{created['id']}")
    assert r.status_code == 204 and r.content == b""
    assert_error(with_key(user, created["key"]).get("/auth/me"), 401, "unauthorized")
    assert keys_of(user) == []
    assert_error(user.delete(f"/account/api-keys/{created['id']}"), 404, "not_found")


def test_another_users_key_is_not_found(shop):
    owner, stranger = shop.user(), shop.user()
    created = make_key(owner)
    path = f"/account/api-keys/{created['id']}"
    assert_error(stranger.patch(path, {"active": False}), 404, "not_found")
    assert_error(stranger.delete(path), 404, "not_found")
    assert keys_of(stranger) == []
    assert with_key(owner, created["key"]).get("/auth/me").status_code == 200
    assert_error(owner.patch("/account/api-keys/no-such-key", {"name": "x"}), 404, "not_found")


def test_addresses_and_ranges_are_checked_and_normalised(shop):
    user = shop.user()
    created = make_key(user, allowed_ips=["10.1.2.3/8", " 2001:db8::1 ", "192.168.0.0/16"])
    assert created["allowed_ips"] == ["10.0.0.0/8", "2001:db8::1", "192.168.0.0/16"]
    for bad in (["300.1.1.1"], ["10.0.0.0/33"], ["localhost"], [""], "10.0.0.0/8", [10]):
        r = user.post("/account/api-keys", {"name": "bad", "allowed_ips": bad})
        assert assert_error(r, 422, "validation_error")["details"]
    assert [k["id"] for k in keys_of(user)] == [created["id"]]


def test_bad_bodies_are_422_and_change_nothing(shop):
    user = shop.user()
    created = make_key(user, allowed_ips=["127.0.0.1"])
    for body in ({}, {"name": 7}, {"name": "   "}, {"name": "x" * 101}, {"name": "ok", "key": "bp_mine"},
                 {"name": "ok", "active": "yes"}):
        error = assert_error(user.post("/account/api-keys", body), 422, "validation_error")
        assert all(isinstance(v, list) and v for v in error["details"].values())
    malformed = user.post("/account/api-keys", data=b"{name", headers={"Content-Type": "application/json"})
    assert assert_error(malformed, 422, "validation_error")["details"]["body"]
    path = f"/account/api-keys/{created['id']}"
    for body in ({"name": None}, {"active": None}, {"active": 1}, {"allowed_ips": ["nope"]}, {"allowed_ips": None},
                 {"name": "renamed", "user_id": "someone"}, [1]):
        assert_error(user.patch(path, body), 422, "validation_error")
    assert keys_of(user) == [{k: created[k] for k in KEY_FIELDS}]
    renamed = user.data("PATCH", path, {"name": "  Renamed  "})
    assert renamed["name"] == "Renamed" and renamed["allowed_ips"] == ["127.0.0.1"] and renamed["active"] is True


def test_an_api_key_cannot_manage_keys_or_two_factor(shop):
    user = shop.user()
    created = make_key(user)
    holder = with_key(user, created["key"])
    attempts = [holder.get("/account/api-keys"), holder.post("/account/api-keys", {"name": "another"}),
                holder.patch(f"/account/api-keys/{created['id']}", {"allowed_ips": []}),
                holder.delete(f"/account/api-keys/{created['id']}"), holder.post("/account/2fa/setup"),
                holder.post("/account/2fa/disable", {"code": pyotp.TOTP(pyotp.random_base32()).now()})]
    for r in attempts:
        assert_error(r, 403, "forbidden")
    assert [k["id"] for k in keys_of(user)] == [created["id"]]


def test_the_key_list_is_paged(shop):
    user = shop.user()
    made = [make_key(user, name=f"key {n}")["id"] for n in range(3)]
    r = user.get("/account/api-keys?per_page=2&page=2")
    assert r.status_code == 200
    body = r.json()
    assert body["meta"]["total"] == 3 and body["meta"]["total_pages"] == 2 and body["meta"]["per_page"] == 2
    first = user.data("GET", "/account/api-keys?per_page=2")
    assert {k["id"] for k in first + body["data"]} == set(made)
