"""The panel's own page for a server (`manage_url`, opened in the customer's system browser): outside /api/v1.

The link is opened without the app's credentials, so the server's unguessable id is its key, as a pay page's
token is; an unknown id is 404. It shows what the API already shows its owner (status, address, node,
resources) and never a secret: no passwords, tokens or keys exist for it to show.
"""
from __future__ import annotations

import json

from fastapi import APIRouter, Depends
from fastapi.responses import HTMLResponse

from .. import settings as settings_store
from ..deps import get_panel
from ..pages import Markup, page, render
from ..state import Panel

router = APIRouter()
STATUS_LABELS = {"installing": "Installing", "running": "Running", "suspended": "Suspended (unpaid invoice)",
                 "offline": "Offline", "terminated": "Terminated"}
UNITS = {"memory": "MB", "disk": "MB", "cpu": "%", "swap": "MB"}
HEADERS = {"Cache-Control": "no-store", "Referrer-Policy": "no-referrer", "X-Robots-Tag": "noindex",
           "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'"}


def _html(panel: Panel, title: str, content: Markup, status: int = 200) -> HTMLResponse:
    name = settings_store.load(panel.db.conn()).panel_name
    return HTMLResponse(page(title, name, content), status_code=status, headers=HEADERS)


@router.get("/servers/{server_id}", response_class=HTMLResponse, include_in_schema=False)
def server_page(server_id: str, panel: Panel = Depends(get_panel)):
    row = panel.db.conn().execute(
        "SELECT s.*, v.product_name FROM servers s JOIN services v ON v.id = s.service_id WHERE s.id = ?",
        (server_id,)).fetchone()
    if row is None:
        return _html(panel, "Server not found", render("message", heading="Server not found",
                                                        message="There is no server at this address.",
                                                        link=Markup("")), 404)
    resources = json.loads(row["resources"])
    lines = "".join(render("resource_row", label=key.replace("_", " ").capitalize(),
                           value=f"{value} {UNITS.get(key, '')}".strip())
                    for key, value in resources.items() if value is not None)
    shown = row["status"] != "terminated" and row["ip"] is not None
    note = {"suspended": "This server is suspended until its overdue invoice is paid.",
            "terminated": "This server has been terminated; its address was released."}.get(row["status"], "")
    content = render("server", server_name=row["name"], product=row["product_name"],
                     status_label=STATUS_LABELS.get(row["status"], row["status"]),
                     address=f"{row['ip']}:{row['port']}" if shown else "none", node=row["node"] or "unknown",
                     resources=Markup(lines), note=note)
    return _html(panel, row["name"], content)
