"""FastAPI dependencies: the panel, the caller (access token or API key), admins, and the billing gate."""
from __future__ import annotations

import ipaddress
import json
import sqlite3
from datetime import timedelta

from fastapi import Depends, Request

from . import settings as settings_store
from .errors import ApiError
from .ratelimit import credential_key
from .security import API_KEY_PREFIX, digest
from .state import Panel
from .timefmt import iso


def get_panel(request: Request) -> Panel:
    return request.app.state.panel


def bearer_token(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()


def _unauthorized(message: str = "Authentication required.") -> ApiError:
    return ApiError(401, "unauthorized", message, headers={"WWW-Authenticate": "Bearer"})


def _ip_allowed(client: str, allowlist: list[str]) -> bool:
    if not allowlist:
        return True
    try:
        address = ipaddress.ip_address(client)
    except ValueError:
        return False
    for entry in allowlist:
        try:
            if address in ipaddress.ip_network(entry, strict=False):
                return True
        except ValueError:
            continue
    return False


def _user_from_api_key(panel: Panel, conn: sqlite3.Connection, token: str, client: str) -> dict:
    row = conn.execute(
        "SELECT k.id AS key_id, k.active, k.allowed_ips, k.last_used_at AS key_last_used_at, u.* "
        "FROM api_keys k JOIN users u ON u.id = k.user_id "
        "WHERE k.key_hash = ?", (digest(token),)).fetchone()
    if row is None:
        raise _unauthorized("The API key is not valid.")
    if not row["active"]:
        raise _unauthorized("The API key is inactive.")
    if not _ip_allowed(client, json.loads(row["allowed_ips"])):
        raise ApiError(403, "forbidden", "The API key may not be used from this address.")
    now = panel.clock.now()
    # A minute's precision is enough to spot an unused key, and it spares most requests a write lock.
    if not row["key_last_used_at"] or row["key_last_used_at"] < iso(now - timedelta(minutes=1)):
        with panel.db.write():
            conn.execute("UPDATE api_keys SET last_used_at = ? WHERE id = ?", (iso(now), row["key_id"]))
    user = dict(row)
    user["auth"] = "api_key"
    return user


def _user_from_access_token(panel: Panel, conn: sqlite3.Connection, token: str) -> dict:
    row = conn.execute(
        "SELECT a.expires_at, s.revoked, s.id AS session_id, u.* FROM access_tokens a "
        "JOIN auth_sessions s ON s.id = a.session_id JOIN users u ON u.id = s.user_id WHERE a.token_hash = ?",
        (digest(token),)).fetchone()
    if row is None or row["revoked"]:
        raise _unauthorized("The access token is not valid.")
    if row["expires_at"] <= iso(panel.clock.now()):
        raise _unauthorized("The access token has expired.")
    user = dict(row)
    user["auth"] = "token"
    return user


def current_user(request: Request, panel: Panel = Depends(get_panel)) -> dict:
    token = bearer_token(request)
    if token is None:
        raise _unauthorized()
    client = request.client.host if request.client else ""
    conn = panel.db.conn()
    if token.startswith(API_KEY_PREFIX):
        user = _user_from_api_key(panel, conn, token, client)
    else:
        user = _user_from_access_token(panel, conn, token)
    # Accepted: from now on this credential has its own rate-limit allowance (see panel.app._client_key).
    panel.limiter.vouch(credential_key(request.headers.get("authorization", "")))
    return user


def admin_user(user: dict = Depends(current_user)) -> dict:
    if user["role"] != "admin":
        raise ApiError(403, "forbidden", "This needs an administrator.")
    return user


def billing_settings(panel: Panel) -> settings_store.PanelSettings:
    s = settings_store.load(panel.db.conn())
    if not s.license_billing:
        raise ApiError(403, "billing_disabled",
                       "Billing is not available: this panel has no Billing Module licence.")
    if not s.billing_enabled:
        raise ApiError(403, "billing_disabled", "Billing is switched off on this panel.")
    return s


def billing_user(user: dict = Depends(current_user), panel: Panel = Depends(get_panel)) -> dict:
    """The caller of a /billing/* path, after the licence gate."""
    billing_settings(panel)
    return user
