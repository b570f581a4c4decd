"""Notifications (GET /notifications, POST /notifications/{uuid}/read)."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Request, Response

from ..billing.notifications import notification_out
from ..deps import current_user, get_panel
from ..errors import invalid, not_found
from ..json_guard import JsonRoute
from ..lists import paged
from ..query_guard import not_empty
from ..schemas.billing import NotificationPublic
from ..schemas.common import LIST_PARAMS, Page, errors, filter_param, listed
from ..state import Panel
from ..timefmt import iso

router = APIRouter(route_class=JsonRoute)
UNREAD_PARAM = filter_param("`true` (or `1`) for unread ones only; `false` (or `0`, the default) for all.")


@router.get("/notifications", response_model=Page[NotificationPublic], responses=listed(), dependencies=[LIST_PARAMS])
def list_notifications(request: Request, unread_only: str | None = UNREAD_PARAM, panel: Panel = Depends(get_panel),
                       user: dict = Depends(current_user)):
    flag = (not_empty("unread_only", unread_only, "send true or false") or "false").lower()
    if flag not in ("true", "false", "1", "0"):
        raise invalid("unread_only", "unread_only must be true or false.")
    where = ["user_id = ?"] + (["read = 0"] if flag in ("true", "1") else [])
    with panel.db.read() as conn:
        return paged(request, conn, table="notifications", where=where, params=[user["id"]],
                     order_by="created_at DESC, rowid DESC", serialize=notification_out,
                     server_time=iso(panel.clock.now()))


@router.post("/notifications/{uuid}/read", status_code=204, response_class=Response,
             responses=errors(401, 403, 404))
def mark_read(uuid: str, panel: Panel = Depends(get_panel), user: dict = Depends(current_user)):
    """Idempotent by nature (the contract): marking a read notification again answers 204 and changes nothing,
    so neither its `updated_at` nor the caller's /sync/state version moves on a replay."""
    with panel.db.write() as conn:
        row = conn.execute("SELECT read FROM notifications WHERE uuid = ? AND user_id = ?",
                           (uuid, user["id"])).fetchone()
        if row is None:
            raise not_found("Notification")
        if not row["read"]:
            conn.execute("UPDATE notifications SET read = 1, updated_at = ? WHERE uuid = ? AND user_id = ?",
                         (iso(panel.clock.now()), uuid, user["id"]))
    return Response(status_code=204)
