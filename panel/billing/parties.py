"""Who sells and who buys: the operator's legal details, a customer's billing profile, and the copy of both
that an invoice keeps from the moment it is issued (so a later move or rename never rewrites an old invoice).

Runs inside the caller's transaction. Profiles and snapshots are stored as JSON text; an invoice issued
before this existed has no snapshot (NULL) and answers null for both.
"""
from __future__ import annotations

import json
import sqlite3

from ..settings import PanelSettings

EMPTY_PROFILE = {"company": "", "address_lines": [], "country": "", "tax_id": ""}


def seller_of(s: PanelSettings) -> dict | None:
    """The operator's details for `billing/config` and new invoices; None until the operator names a seller."""
    if not s.seller_name:
        return None
    return {"name": s.seller_name, "address_lines": list(s.seller_address_lines), "country": s.seller_country,
            "tax_id": s.seller_tax_id, "email": s.seller_email}


def profile_of(conn: sqlite3.Connection, user_id: str) -> dict:
    row = conn.execute("SELECT company, address_lines, country, tax_id FROM billing_profiles WHERE user_id = ?",
                       (user_id,)).fetchone()
    if row is None:
        return dict(EMPTY_PROFILE, address_lines=[])
    return {"company": row["company"], "address_lines": json.loads(row["address_lines"]),
            "country": row["country"], "tax_id": row["tax_id"]}


def save_profile(conn: sqlite3.Connection, user_id: str, profile: dict, now: str) -> dict:
    """Replace the caller's profile with `profile` (already validated); answers what is stored."""
    conn.execute(
        "INSERT INTO billing_profiles (user_id, company, address_lines, country, tax_id, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(user_id) DO UPDATE SET company = excluded.company, "
        "address_lines = excluded.address_lines, country = excluded.country, tax_id = excluded.tax_id, "
        "updated_at = excluded.updated_at",
        (user_id, profile["company"], json.dumps(profile["address_lines"]), profile["country"],
         profile["tax_id"], now))
    return profile_of(conn, user_id)


def buyer_of(conn: sqlite3.Connection, user_id: str) -> dict:
    """The buyer as an invoice records them: the profile plus the account's name and email, so an invoice to a
    person without a company still names someone."""
    user = conn.execute("SELECT first_name, last_name, email FROM users WHERE id = ?", (user_id,)).fetchone()
    name = " ".join(p for p in (user["first_name"], user["last_name"]) if p)
    return {**profile_of(conn, user_id), "name": name, "email": user["email"]}


def snapshot(conn: sqlite3.Connection, s: PanelSettings, user_id: str) -> dict[str, str | None]:
    """The invoice columns that freeze seller and buyer at issue."""
    seller = seller_of(s)
    return {"seller": json.dumps(seller) if seller else None, "buyer": json.dumps(buyer_of(conn, user_id))}


def parties_out(row: sqlite3.Row) -> dict:
    """An invoice's own copy, for its detail answer (null on invoices issued before snapshots existed)."""
    return {"seller": json.loads(row["seller"]) if row["seller"] else None,
            "buyer": json.loads(row["buyer"]) if row["buyer"] else None}
