"""The server behind a service: where it runs (node), how it is reached (address), and the panel page that
manages it (`manage_url`, BadgerPanel's Server Management).

Addresses come from the documentation range 203.0.113.0/24 (RFC 5737): one address per node, a port per server,
so every (ip, port) is unique and nothing real is ever named. A service whose product takes no allocation
(`allocation_limit` 0, e.g. a one-off migration) gets no address.
"""
from __future__ import annotations

import json
import sqlite3

NODES = (("de-fra-1", "203.0.113.10"), ("nl-ams-1", "203.0.113.20"), ("us-nyc-1", "203.0.113.30"))
FIRST_PORT = 25565


def allocate(conn: sqlite3.Connection, resources: dict) -> tuple[str, str | None, int | None]:
    """(node, ip, port) for a new server, in turn over the nodes; call inside the creating write transaction."""
    count = conn.execute("SELECT COUNT(*) FROM servers").fetchone()[0]
    node, ip = NODES[count % len(NODES)]
    if not resources.get("allocation_limit"):
        return node, None, None
    return node, ip, FIRST_PORT + count


def manage_url(origin: str | None, server_id: str) -> str | None:
    return f"{origin}/servers/{server_id}" if origin else None


def server_out(row, origin: str | None = None) -> dict:
    """The contract's `server`; the address is gone once the server is terminated (its allocation is freed)."""
    has_address = row["ip"] is not None and row["status"] != "terminated"
    return {
        "id": row["id"], "name": row["name"], "status": row["status"],
        "address": {"ip": row["ip"], "port": row["port"]} if has_address else None,
        "node": row["node"] or None, "manage_url": manage_url(origin, row["id"]),
        "resources": json.loads(row["resources"]),
    }
