"""The cheap change check (GET /sync/state): one request tells a client whether an incremental sync is worth it."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Request, Response

from .. import change_counter
from ..deps import current_user, get_panel
from ..json_guard import JsonRoute
from ..lists import one, tag_matches
from ..schemas.account import SyncStatePublic
from ..schemas.common import One, errors
from ..state import Panel
from ..timefmt import iso

router = APIRouter(route_class=JsonRoute)


@router.get("/sync/state", response_model=One[SyncStatePublic], responses=errors(401, 403, not_modified=True))
def sync_state(request: Request, panel: Panel = Depends(get_panel), user: dict = Depends(current_user)):
    with panel.db.read() as conn:
        version = change_counter.version(conn, user["id"])
    headers = {"ETag": f'"{version}"', "Cache-Control": "no-cache"}
    # The tag as sent ("v"), the bare version from the body, or its weak form W/"v" all match.
    if tag_matches(request.headers.get("if-none-match", ""), version):
        return Response(status_code=304, headers=headers)
    response = one({"version": version, "server_time": iso(panel.clock.now())})
    response.headers.update(headers)
    return response
