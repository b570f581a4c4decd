"""The contract says *every* `/billing/*` path answers 403 `billing_disabled` while billing is unavailable, and
every `/support/*` path 403 `tickets_disabled` while tickets are off: that includes a path no operation serves
and a method a path does not have. These catch-alls, included after every real route, give such requests the
same gates in the same order as the real ones (401 first, then the gate) and only then their 404 or 405.

The contract's admin section reads the same way: "Role `admin` only; anyone else gets 403". So every `/admin/*`
path is behind the admin gate whatever the method: a signed-in non-admin gets 403 `forbidden` for OPTIONS, TRACE,
PATCH or a path no operation serves as for a real operation (it was a 405 naming the operator's methods, or a 404,
depending on what the operator's API has), an anonymous caller 401; only an admin learns of a 404 or a 405.

Starlette takes the first route that matches path and method, so a real operation always wins; a real path
asked with a method it lacks matches here, and the 405 names the methods it does have (errors.py).
"""
from __future__ import annotations

from fastapi import APIRouter, Depends, Request, Response
from fastapi.responses import RedirectResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..deps import admin_user, billing_user
from ..errors import allowed_methods
from ..json_guard import JsonRoute
from .support import support_user

router = APIRouter(route_class=JsonRoute, include_in_schema=False)
# No methods: a route with an empty method set matches every method (Starlette and FastAPI test `if methods and
# method not in methods`), so HEAD, OPTIONS or any other reaches the gates too, and _nothing_here answers 404 or a
# 405 naming the path's real methods. A list of methods would leave the others to Starlette's own 405, which skips
# the gates and names the list. (FastAPI makes an operation id from the methods, so the routes name their own.)
METHODS: list[str] = []


def _nothing_here(request: Request) -> Response:
    path = request.url.path
    if path.endswith("/") and allowed_methods(request, "", path.rstrip("/")):
        # What Starlette does for a trailing slash when no route matched (this one did): send to the real path.
        return RedirectResponse(str(request.url.replace(path=path.rstrip("/"))), status_code=307)
    if allowed_methods(request, ""):
        raise StarletteHTTPException(405)
    raise StarletteHTTPException(404)


def _any_path(request: Request, rest: str) -> Response:
    return _nothing_here(request)


def _section_root(request: Request) -> Response:
    return _nothing_here(request)


# Each section behind its gate: every path under it, and its own root (`/billing`, which `/billing/{rest:path}` does
# not match), in this order. The operation ids and names are the ones these routes always had.
SECTIONS = (("billing", billing_user), ("support", support_user), ("admin", admin_user))

for _section, _gate in SECTIONS:
    router.add_api_route(f"/{_section}/{{rest:path}}", _any_path, methods=METHODS, name=f"unknown_{_section}_path",
                         operation_id=f"unknown_{_section}_path", dependencies=[Depends(_gate)])
    router.add_api_route(f"/{_section}", _section_root, methods=METHODS, name=f"{_section}_root",
                         operation_id=f"{_section}_root", dependencies=[Depends(_gate)])
