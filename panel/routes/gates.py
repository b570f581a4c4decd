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


@router.api_route("/billing/{rest:path}", methods=METHODS, operation_id="unknown_billing_path",
                  dependencies=[Depends(billing_user)])
def unknown_billing_path(request: Request, rest: str) -> Response:
    return _nothing_here(request)


# The section's own root (`/billing`, `/support`, which the routes above do not match) is behind its gate too.
@router.api_route("/billing", methods=METHODS, operation_id="billing_root", dependencies=[Depends(billing_user)])
def billing_root(request: Request) -> Response:
    return _nothing_here(request)


@router.api_route("/support/{rest:path}", methods=METHODS, operation_id="unknown_support_path",
                  dependencies=[Depends(support_user)])
def unknown_support_path(request: Request, rest: str) -> Response:
    return _nothing_here(request)


@router.api_route("/support", methods=METHODS, operation_id="support_root", dependencies=[Depends(support_user)])
def support_root(request: Request) -> Response:
    return _nothing_here(request)


@router.api_route("/admin/{rest:path}", methods=METHODS, operation_id="unknown_admin_path",
                  dependencies=[Depends(admin_user)])
def unknown_admin_path(request: Request, rest: str) -> Response:
    return _nothing_here(request)


@router.api_route("/admin", methods=METHODS, operation_id="admin_root", dependencies=[Depends(admin_user)])
def admin_root(request: Request) -> Response:
    return _nothing_here(request)
