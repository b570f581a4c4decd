"""The caller's own security settings: two-factor enrolment and API keys (/account/...)."""
from __future__ import annotations

import ipaddress
from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response
from pydantic import AfterValidator, Field, StringConstraints

from .. import api_keys, auth
from .. import settings as settings_store
from ..deps import current_user, get_panel
from ..errors import ApiError
from ..json_guard import JsonRoute
from ..lists import one, paged
from ..ratelimit import credential_key
from ..schemas.account import ApiKeyPublic, NewApiKeyPublic, TotpSetupPublic, TwoFactorStatePublic
from ..schemas.common import LIST_PARAMS, One, Page, errors, listed
from ..state import Panel
from ..timefmt import iso
from .auth import Body, Code

router = APIRouter(route_class=JsonRoute, prefix="/account", tags=["account"])


def _normalize_ip_entry(entry: str) -> str:
    """An address stays an address, a range becomes its network ("10.1.2.3/8" -> "10.0.0.0/8")."""
    text = entry.strip()
    try:
        return str(ipaddress.ip_network(text, strict=False) if "/" in text else ipaddress.ip_address(text))
    except ValueError:
        raise ValueError(f"{entry!r} is not an IP address or CIDR range.") from None


KeyName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]
IpEntry = Annotated[str, StringConstraints(max_length=64), AfterValidator(_normalize_ip_entry)]
IpList = Annotated[list[IpEntry], Field(max_length=50)]


def session_user(user: dict = Depends(current_user)) -> dict:
    """A leaked API key must not be able to mint more keys, lift its own allowlist or turn off 2FA."""
    if user["auth"] != "token":
        raise ApiError(403, "forbidden", "Account security settings need a login session, not an API key.")
    return user


class CodeBody(Body):
    code: Code


class NewKeyBody(Body):
    name: KeyName
    allowed_ips: IpList = []
    active: bool = True  # a key may be made switched off, to turn on later (PATCH), as PATCH can switch it off


class KeyChanges(Body):
    # Defaults are not validated, so an omitted field stays None while an explicit null is a type error:
    # null never silently means "leave as is".
    name: KeyName = None
    active: bool = None
    allowed_ips: IpList = None


@router.post("/2fa/setup", response_model=One[TotpSetupPublic], responses=errors(401, 403, 409))
def setup_2fa(user: dict = Depends(session_user), panel: Panel = Depends(get_panel)):
    issuer = settings_store.load(panel.db.conn()).panel_name
    return one(auth.begin_totp_setup(panel.db, panel.clock, user["id"], issuer))


@router.post("/2fa/enable", response_model=One[TwoFactorStatePublic], responses=errors(401, 403, 409, 422))
def enable_2fa(body: CodeBody, user: dict = Depends(session_user), panel: Panel = Depends(get_panel)):
    auth.enable_totp(panel.db, panel.clock, user["id"], body.code)
    return one({"two_factor_enabled": True})


@router.post("/2fa/disable", response_model=One[TwoFactorStatePublic], responses=errors(401, 403, 409, 422))
def disable_2fa(body: CodeBody, user: dict = Depends(session_user), panel: Panel = Depends(get_panel)):
    auth.disable_totp(panel.db, panel.clock, user["id"], body.code)
    return one({"two_factor_enabled": False})


@router.get("/api-keys", response_model=Page[ApiKeyPublic], responses=listed(), dependencies=[LIST_PARAMS])
def list_keys(request: Request, user: dict = Depends(session_user), panel: Panel = Depends(get_panel)):
    with panel.db.read() as conn:
        return paged(request, conn, table="api_keys", where=["user_id = ?"], params=[user["id"]],
                     order_by="created_at DESC, id", serialize=api_keys.key_out,
                     server_time=iso(panel.clock.now()))


@router.post("/api-keys", status_code=201, response_model=One[NewApiKeyPublic],
             responses=errors(401, 403, 409, 422))
def create_key(body: NewKeyBody, user: dict = Depends(session_user), panel: Panel = Depends(get_panel)):
    created = api_keys.create_key(panel.db, panel.clock, user["id"], body.name, body.allowed_ips, body.active)
    panel.limiter.vouch(credential_key(f"Bearer {created['key']}"))     # its own rate-limit allowance at once
    return one(created, status=201)


@router.patch("/api-keys/{key_id}", response_model=One[ApiKeyPublic], responses=errors(401, 403, 404, 422))
def update_key(key_id: str, body: KeyChanges, user: dict = Depends(session_user),
               panel: Panel = Depends(get_panel)):
    changes = body.model_dump(include=body.model_fields_set)
    return one(api_keys.update_key(panel.db, panel.clock, user["id"], key_id, changes))


@router.delete("/api-keys/{key_id}", status_code=204, response_class=Response, responses=errors(401, 403, 404))
def delete_key(key_id: str, user: dict = Depends(session_user), panel: Panel = Depends(get_panel)):
    api_keys.delete_key(panel.db, user["id"], key_id)
    return Response(status_code=204)
