"""Creating users: one function for the CLI, the admin API and the demo seed."""
from __future__ import annotations

import re
import sqlite3

from .clock import Clock
from .db import new_id
from .errors import ApiError, invalid
from .security import hash_password
from .timefmt import iso

EMAIL_RE = re.compile(r"^[^@\s]{1,64}@[^@\s]{1,190}\.[^@\s.]{2,}$")
MIN_PASSWORD = 8


def create_user(conn: sqlite3.Connection, clock: Clock, *, email: str, password: str, role: str = "user",
                first_name: str = "", last_name: str = "", username: str | None = None) -> dict:
    email = email.strip()
    if not EMAIL_RE.match(email):
        raise invalid("email", "Enter a valid email address.")
    if len(password) < MIN_PASSWORD:
        raise invalid("password", f"The password must have at least {MIN_PASSWORD} characters.")
    if role not in ("user", "admin"):
        raise invalid("role", "role must be 'user' or 'admin'.")
    username = (username or email.split("@")[0]).strip()
    if not username or len(username) > 64:
        raise invalid("username", "The username must have 1 to 64 characters.")
    if conn.execute("SELECT 1 FROM users WHERE email = ?", (email,)).fetchone():
        raise ApiError(409, "conflict", "A user with this email already exists.", {"email": ["already taken"]})
    base, n = username, 1
    while conn.execute("SELECT 1 FROM users WHERE username = ?", (username,)).fetchone():
        n += 1
        username = f"{base}{n}"
    now = iso(clock.now())
    user = {"id": new_id(), "email": email, "username": username, "first_name": first_name,
            "last_name": last_name, "password_hash": hash_password(password), "role": role,
            "credit_balance": "0", "created_at": now, "updated_at": now}
    conn.execute(f"INSERT INTO users ({', '.join(user)}) VALUES ({', '.join('?' * len(user))})", list(user.values()))
    return user


def user_out(user: dict | sqlite3.Row) -> dict:
    """The contract's user: never the hash, the secret or the balance."""
    return {"id": user["id"], "email": user["email"], "username": user["username"],
            "first_name": user["first_name"], "last_name": user["last_name"], "role": user["role"],
            "two_factor_enabled": bool(user["totp_secret"]) if "totp_secret" in user.keys() else False}
