"""Logins and what they issue: sessions with rotating refresh tokens, two-factor challenges, the failed-login
limit and TOTP enrolment (API keys are in api_keys.py).

Every token and key is a random value stored only as its digest. A failure that must be remembered (a spent
refresh token, a wrong code) is committed first and raised afterwards: raising inside `db.write()` would roll
the record back with the transaction.
"""
from __future__ import annotations

import math
import sqlite3
from datetime import datetime, timedelta

import pyotp

from .clock import Clock
from .db import Database, new_id
from .errors import ApiError, conflict, invalid
from .security import digest, new_token, verify_password
from .timefmt import iso, parse_iso
from .users import user_out

ACCESS_TTL = timedelta(minutes=15)
REFRESH_TTL = timedelta(days=7)
CHALLENGE_TTL = timedelta(minutes=5)
FAILURE_LIMIT = 5
FAILURE_WINDOW = timedelta(minutes=15)
CHALLENGE_ATTEMPTS = 5
WRONG_LOGIN = "Email or password is incorrect."
WRONG_CODE = "The code is not correct."


def unauthorized(message: str) -> ApiError:
    return ApiError(401, "unauthorized", message, headers={"WWW-Authenticate": "Bearer"})


# -- failed logins ----------------------------------------------------------------------------------------
def _lockout(conn: sqlite3.Connection, email: str, now: datetime) -> ApiError | None:
    """429 while the email has FAILURE_LIMIT failures inside the window, else None."""
    conn.execute("DELETE FROM login_failures WHERE at <= ?", (iso(now - FAILURE_WINDOW),))
    # The lock lifts when the FAILURE_LIMIT-th most recent failure leaves the window.
    row = conn.execute("SELECT at FROM login_failures WHERE email = ? ORDER BY at DESC LIMIT 1 OFFSET ?",
                       (email, FAILURE_LIMIT - 1)).fetchone()
    if row is None:
        return None
    wait = max(1, math.ceil((parse_iso(row["at"]) + FAILURE_WINDOW - now).total_seconds()))
    return ApiError(429, "rate_limited", "Too many failed logins for this account; try again later.",
                    headers={"Retry-After": str(wait)})


def _record_failure(conn: sqlite3.Connection, email: str, now: datetime) -> int:
    return conn.execute("INSERT INTO login_failures (email, at) VALUES (?, ?)", (email, iso(now))).lastrowid


# -- sessions and tokens ----------------------------------------------------------------------------------
def _issue_pair(conn: sqlite3.Connection, session_id: str, now: datetime) -> dict:
    access, refresh = new_token(), new_token()
    conn.execute("INSERT INTO access_tokens (token_hash, session_id, expires_at) VALUES (?, ?, ?)",
                 (digest(access), session_id, iso(now + ACCESS_TTL)))
    conn.execute("INSERT INTO refresh_tokens (token_hash, session_id, expires_at) VALUES (?, ?, ?)",
                 (digest(refresh), session_id, iso(now + REFRESH_TTL)))
    return {"access_token": access, "refresh_token": refresh, "token_type": "Bearer",
            "expires_in": int(ACCESS_TTL.total_seconds())}


def _start_session(conn: sqlite3.Connection, user: sqlite3.Row, now: datetime) -> dict:
    # Logins that can no longer be refreshed are dead weight; dropping them here keeps the tables bounded.
    conn.execute("DELETE FROM auth_sessions WHERE user_id = ? AND (revoked = 1 OR NOT EXISTS (SELECT 1 FROM "
                 "refresh_tokens r WHERE r.session_id = auth_sessions.id AND r.expires_at > ?))",
                 (user["id"], iso(now)))
    session_id = new_id()
    conn.execute("INSERT INTO auth_sessions (id, user_id, created_at) VALUES (?, ?, ?)",
                 (session_id, user["id"], iso(now)))
    return {**_issue_pair(conn, session_id, now), "user": user_out(user)}


def _revoke(conn: sqlite3.Connection, session_id: str) -> None:
    conn.execute("UPDATE auth_sessions SET revoked = 1 WHERE id = ?", (session_id,))
    conn.execute("DELETE FROM access_tokens WHERE session_id = ?", (session_id,))
    conn.execute("DELETE FROM refresh_tokens WHERE session_id = ?", (session_id,))


def login(db: Database, clock: Clock, email: str, password: str) -> dict:
    email = email.strip()
    with db.write() as conn:
        blocked = _lockout(conn, email, clock.now())
        # Count the attempt before checking the password, so parallel guesses cannot outrun the limit.
        reservation = None if blocked else _record_failure(conn, email, clock.now())
        user = conn.execute("SELECT id, password_hash FROM users WHERE email = ?", (email,)).fetchone()
    if blocked:
        raise blocked
    # argon2 is slow on purpose; it runs outside the write lock so a login never stalls other writers.
    if not verify_password(password, user["password_hash"] if user else None):
        raise unauthorized(WRONG_LOGIN)
    with db.write() as conn:
        now = clock.now()
        user = conn.execute("SELECT * FROM users WHERE id = ?", (user["id"],)).fetchone()
        if user is None:
            raise unauthorized(WRONG_LOGIN)
        if user["totp_secret"]:
            # The password alone does not clear earlier failures: wrong codes count too (see verify_2fa).
            conn.execute("DELETE FROM login_failures WHERE rowid = ?", (reservation,))
            return _new_challenge(conn, user["id"], now)
        conn.execute("DELETE FROM login_failures WHERE email = ?", (email,))
        return _start_session(conn, user, now)


def refresh(db: Database, clock: Clock, token: str) -> dict:
    now = clock.now()
    with db.write() as conn:
        row = conn.execute("SELECT r.*, s.revoked, s.user_id FROM refresh_tokens r JOIN auth_sessions s "
                           "ON s.id = r.session_id WHERE r.token_hash = ?", (digest(token),)).fetchone()
        if row is None or row["revoked"]:
            failure = unauthorized("The refresh token is not valid.")
        elif row["used"]:
            # A spent token came back: the client or a thief holds a copy and we cannot tell which, so the
            # whole login ends and its owner signs in again.
            _revoke(conn, row["session_id"])
            failure = unauthorized("The refresh token was already used; this login has been ended.")
        elif row["expires_at"] <= iso(now):
            failure = unauthorized("The refresh token has expired.")
        else:
            conn.execute("UPDATE refresh_tokens SET used = 1 WHERE token_hash = ?", (row["token_hash"],))
            conn.execute("DELETE FROM access_tokens WHERE session_id = ? AND expires_at <= ?",
                         (row["session_id"], iso(now)))
            user = conn.execute("SELECT * FROM users WHERE id = ?", (row["user_id"],)).fetchone()
            return {**_issue_pair(conn, row["session_id"], now), "user": user_out(user)}
    raise failure


def logout(db: Database, token: str) -> None:
    with db.write() as conn:
        row = conn.execute("SELECT session_id FROM refresh_tokens WHERE token_hash = ?",
                           (digest(token),)).fetchone()
        if row is not None:
            _revoke(conn, row["session_id"])


# -- two-factor -------------------------------------------------------------------------------------------
def totp_matches(secret: str, code: str, now: datetime) -> bool:
    # One step either side forgives a phone clock up to 30 seconds off.
    return pyotp.TOTP(secret).verify(code, for_time=now, valid_window=1)


def _new_challenge(conn: sqlite3.Connection, user_id: str, now: datetime) -> dict:
    conn.execute("DELETE FROM two_factor_challenges WHERE user_id = ? AND expires_at <= ?",
                 (user_id, iso(now)))
    token = new_token()
    conn.execute("INSERT INTO two_factor_challenges (token_hash, user_id, expires_at) VALUES (?, ?, ?)",
                 (digest(token), user_id, iso(now + CHALLENGE_TTL)))
    return {"requires_2fa": True, "two_factor_token": token, "expires_in": int(CHALLENGE_TTL.total_seconds())}


def verify_2fa(db: Database, clock: Clock, token: str, code: str) -> dict:
    now = clock.now()
    with db.write() as conn:
        row = conn.execute("SELECT c.*, u.email, u.totp_secret FROM two_factor_challenges c JOIN users u "
                           "ON u.id = c.user_id WHERE c.token_hash = ?", (digest(token),)).fetchone()
        if row is None or row["expires_at"] <= iso(now) or not row["totp_secret"]:
            if row is not None:
                conn.execute("DELETE FROM two_factor_challenges WHERE token_hash = ?", (row["token_hash"],))
            failure = unauthorized("The two-factor challenge is not valid or has expired; log in again.")
        elif blocked := _lockout(conn, row["email"], now):
            failure = blocked
        elif totp_matches(row["totp_secret"], code, now):
            conn.execute("DELETE FROM two_factor_challenges WHERE token_hash = ?", (row["token_hash"],))
            conn.execute("DELETE FROM login_failures WHERE email = ?", (row["email"],))
            user = conn.execute("SELECT * FROM users WHERE id = ?", (row["user_id"],)).fetchone()
            return _start_session(conn, user, now)
        else:
            if row["attempts"] + 1 >= CHALLENGE_ATTEMPTS:
                conn.execute("DELETE FROM two_factor_challenges WHERE token_hash = ?", (row["token_hash"],))
            else:
                conn.execute("UPDATE two_factor_challenges SET attempts = attempts + 1 WHERE token_hash = ?",
                             (row["token_hash"],))
            # Someone holding the password could otherwise open fresh challenges and keep guessing codes.
            _record_failure(conn, row["email"], now)
            failure = unauthorized(WRONG_CODE)
    raise failure


def begin_totp_setup(db: Database, clock: Clock, user_id: str, issuer: str) -> dict:
    secret = pyotp.random_base32()
    with db.write() as conn:
        user = conn.execute("SELECT email, totp_secret FROM users WHERE id = ?", (user_id,)).fetchone()
        if user["totp_secret"]:
            raise conflict("conflict", "Two-factor authentication is already on; turn it off first.")
        conn.execute("UPDATE users SET totp_pending_secret = ?, updated_at = ? WHERE id = ?",
                     (secret, iso(clock.now()), user_id))
    uri = pyotp.TOTP(secret).provisioning_uri(name=user["email"], issuer_name=issuer)
    return {"secret": secret, "otpauth_uri": uri}


def enable_totp(db: Database, clock: Clock, user_id: str, code: str) -> None:
    with db.write() as conn:
        now = clock.now()  # read under the write lock: timestamps follow commit order
        user = conn.execute("SELECT totp_secret, totp_pending_secret FROM users WHERE id = ?",
                            (user_id,)).fetchone()
        if user["totp_secret"]:
            raise conflict("conflict", "Two-factor authentication is already on.")
        if not user["totp_pending_secret"]:
            raise conflict("conflict", "Start with POST /account/2fa/setup.")
        if not totp_matches(user["totp_pending_secret"], code, now):
            raise invalid("code", WRONG_CODE)
        conn.execute("UPDATE users SET totp_secret = totp_pending_secret, totp_pending_secret = NULL, "
                     "updated_at = ? WHERE id = ?", (iso(now), user_id))


def disable_totp(db: Database, clock: Clock, user_id: str, code: str) -> None:
    with db.write() as conn:
        now = clock.now()  # read under the write lock: timestamps follow commit order
        user = conn.execute("SELECT email, totp_secret FROM users WHERE id = ?", (user_id,)).fetchone()
        if not user["totp_secret"]:
            raise conflict("conflict", "Two-factor authentication is not on.")
        if blocked := _lockout(conn, user["email"], now):
            raise blocked
        if totp_matches(user["totp_secret"], code, now):
            conn.execute("UPDATE users SET totp_secret = NULL, totp_pending_secret = NULL, updated_at = ? "
                         "WHERE id = ?", (iso(now), user_id))
            return
        # Turning the second factor off is what a thief with a session wants most: guesses count as failures.
        _record_failure(conn, user["email"], now)
    raise invalid("code", WRONG_CODE)
