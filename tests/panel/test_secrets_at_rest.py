"""Secrets at rest: pay-page tokens kept as digests, gateway secrets sealed with the operator's key (issue 15)."""
from __future__ import annotations

import hashlib
import json
import sqlite3
import subprocess
import sys

import requests
from cryptography.fernet import Fernet

from panel import db as db_module
from panel.db import Database
from panel.secret_box import SEALED
from tests.support.catalogue import Shop
from tests.support.fixtures import admin_of
from tests.support.panel import ROOT, PanelProcess

SECRETS = {"stripe_secret_key": "sk_test_sealed_1234", "stripe_webhook_secret": "whsec_sealed_5678",
           "paypal_client_secret": "paypal_sealed_9012"}
URLS = {"return_url": "http://127.0.0.1:9/done", "cancel_url": "http://127.0.0.1:9/cancel"}


def raw(proc: PanelProcess, sql: str, *params) -> list[tuple]:
    conn = sqlite3.connect(f"file:{proc.db_path}?mode=ro", uri=True, timeout=30)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def stored_settings(proc: PanelProcess) -> dict:
    return {k: json.loads(v) for k, v in raw(proc, "SELECT key, value FROM settings")}


def test_a_pay_page_token_is_stored_only_as_its_digest(fresh_panel):
    proc = fresh_panel(extra_args=["--paypal-sandbox"])
    shop = Shop(admin_of(proc))
    buyer = shop.user()
    cart = [{"product_id": shop.product()["id"], "billing_cycle": "monthly"}]
    payment = buyer.data("POST", "/billing/checkout", {"items": cart, "payment_method": "paypal", **URLS},
                         expect=201)["payment"]
    token = payment["checkout_url"].split("token=")[1]
    (stored,), = raw(proc, "SELECT checkout_token_hash FROM payments WHERE id = ?", payment["id"])
    assert stored == hashlib.sha256(token.encode()).hexdigest()
    with open(proc.db_path, "rb") as f:
        assert token.encode() not in f.read()
    assert requests.get(payment["checkout_url"], timeout=30).status_code == 200
    wrong = payment["checkout_url"].replace(token, token[:-2] + "xx")
    assert requests.get(wrong, timeout=30).status_code == 404
    assert requests.get(payment["checkout_url"].replace(token, stored), timeout=30).status_code == 404


def test_existing_pay_page_tokens_are_hashed_by_the_migration(tmp_path, monkeypatch):
    path = tmp_path / "panel.db"
    steps = db_module.MIGRATIONS
    monkeypatch.setattr(db_module, "MIGRATIONS", steps[:3])
    Database(path).close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO payments (id, invoice_id, user_id, method, amount, status, checkout_token, "
                 "created_at, updated_at) VALUES ('p1', 'i1', 'u1', 'stripe', '1.00', 'pending', 'tok-en', 'x', 'x')")
    conn.commit()
    conn.close()
    monkeypatch.setattr(db_module, "MIGRATIONS", steps)
    migrated = Database(path)
    row = migrated.conn().execute("SELECT checkout_token_hash FROM payments WHERE id = 'p1'").fetchone()
    assert row[0] == hashlib.sha256(b"tok-en").hexdigest()
    migrated.close()


def _panel(tmp_path, key_file=None) -> PanelProcess:
    extra = ["--secret-key-file", str(key_file)] if key_file else []
    return PanelProcess(tmp_path / "panel", extra_args=extra).start()


def test_gateway_secrets_are_sealed_with_the_operators_key(tmp_path):
    made = subprocess.run([sys.executable, "-m", "panel", "secret-key"], cwd=ROOT, check=True, capture_output=True,
                          text=True, timeout=60)
    key = made.stdout.strip().encode()
    key_file = tmp_path / "panel.key"
    key_file.write_bytes(key)
    proc = _panel(tmp_path, key_file)
    try:
        admin = admin_of(proc)
        shown = admin.data("PUT", "/admin/billing/settings", SECRETS)
        assert shown["secrets_encrypted"] is True and shown["secrets_note"] is None
        assert all(shown[f"{name}_set"] for name in SECRETS)
        stored = stored_settings(proc)
        for name, value in SECRETS.items():
            assert stored[name].startswith(SEALED)
            assert Fernet(key).decrypt(stored[name].removeprefix(SEALED).encode()).decode() == value
        with open(proc.db_path, "rb") as f:
            content = f.read()
        assert not any(value.encode() in content for value in SECRETS.values())
    finally:
        proc.stop()


def test_without_a_key_the_panel_says_so_and_a_later_key_seals_what_was_stored(tmp_path):
    proc = _panel(tmp_path)
    try:
        admin = admin_of(proc)
        shown = admin.data("PUT", "/admin/billing/settings", SECRETS)
        assert shown["secrets_encrypted"] is False and "SETT_PANEL_SECRET_KEY" in shown["secrets_note"]
        assert any("stored unencrypted" in line for line in proc.output)
        assert stored_settings(proc)["stripe_secret_key"] == SECRETS["stripe_secret_key"]
    finally:
        proc.stop()

    key = Fernet.generate_key()
    (tmp_path / "panel.key").write_bytes(key)
    proc = _panel(tmp_path, tmp_path / "panel.key")
    try:
        stored = stored_settings(proc)
        assert all(stored[name].startswith(SEALED) for name in SECRETS)
        shown = admin_of(proc).data("GET", "/admin/billing/settings")
        assert shown["secrets_encrypted"] is True and all(shown[f"{name}_set"] for name in SECRETS)
    finally:
        proc.stop()

    # Started again without the key: sealed secrets cannot be used, and the operator is told rather than misled.
    proc = _panel(tmp_path)
    try:
        shown = admin_of(proc).data("GET", "/admin/billing/settings")
        assert shown["secrets_encrypted"] is False and "cannot be opened" in shown["secrets_note"]
        assert not any(shown[f"{name}_set"] for name in SECRETS)
    finally:
        proc.stop()


def test_a_bad_key_stops_the_panel_with_a_clear_error(tmp_path):
    (tmp_path / "bad.key").write_text("not a key")
    proc = PanelProcess(tmp_path / "panel", extra_args=["--secret-key-file", str(tmp_path / "bad.key")])
    try:
        proc.start(timeout=30)
        raise AssertionError("the panel started with a bad key")
    except RuntimeError as exc:
        assert "Fernet key" in str(exc)
