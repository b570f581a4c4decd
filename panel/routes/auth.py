"""Logging in and out: /auth/login, /auth/2fa/verify, /auth/refresh, /auth/logout, /auth/me."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Response
from pydantic import AfterValidator, BaseModel, ConfigDict, StringConstraints

from .. import auth
from ..deps import current_user, get_panel
from ..json_guard import JsonRoute
from ..lists import one
from ..ratelimit import credential_key
from ..schemas.account import TokensPublic, TwoFactorChallengePublic, UserPublic
from ..schemas.common import One, errors
from ..state import Panel
from ..users import user_out

router = APIRouter(route_class=JsonRoute, prefix="/auth", tags=["auth"])

# Tokens are 43 characters; the bound only keeps absurd bodies away from the database.
Token = Annotated[str, StringConstraints(min_length=1, max_length=200)]


def _normalize_code(code: str) -> str:
    """Authenticator apps show "123 456"; people type it so."""
    code = "".join(code.split())
    if len(code) != 6 or not code.isascii() or not code.isdigit():
        raise ValueError("The code must be 6 digits.")
    return code


Code = Annotated[str, StringConstraints(max_length=16), AfterValidator(_normalize_code)]


class Body(BaseModel):
    # strict: "active": "yes" or a number for a name is a mistake to report, not to coerce.
    model_config = ConfigDict(extra="forbid", strict=True)


class LoginBody(Body):
    email: Annotated[str, StringConstraints(min_length=1, max_length=254)]
    # A bound on the password keeps argon2 from being handed megabytes to hash.
    password: Annotated[str, StringConstraints(min_length=1, max_length=1024)]


class VerifyBody(Body):
    two_factor_token: Token
    code: Code


class RefreshBody(Body):
    refresh_token: Token


def issued(panel: Panel, answer: dict) -> dict:
    """A new access token has its own rate-limit allowance from its first request (panel.app._client_key)."""
    if answer.get("access_token"):
        panel.limiter.vouch(credential_key(f"Bearer {answer['access_token']}"))
    return answer


@router.post("/login", response_model=One[TokensPublic | TwoFactorChallengePublic], responses=errors(401, 422))
def login(body: LoginBody, panel: Panel = Depends(get_panel)):
    return one(issued(panel, auth.login(panel.db, panel.clock, body.email, body.password)))


@router.post("/2fa/verify", response_model=One[TokensPublic], responses=errors(401, 422))
def verify_2fa(body: VerifyBody, panel: Panel = Depends(get_panel)):
    return one(issued(panel, auth.verify_2fa(panel.db, panel.clock, body.two_factor_token, body.code)))


@router.post("/refresh", response_model=One[TokensPublic], responses=errors(401, 422))
def refresh(body: RefreshBody, panel: Panel = Depends(get_panel)):
    return one(issued(panel, auth.refresh(panel.db, panel.clock, body.refresh_token)))


@router.post("/logout", status_code=204, response_class=Response, responses=errors(422))
def logout(body: RefreshBody, panel: Panel = Depends(get_panel)):
    # 204 also for an unknown or already revoked token: logging out twice is not an error.
    auth.logout(panel.db, body.refresh_token)
    return Response(status_code=204)


@router.get("/me", response_model=One[UserPublic], responses=errors(401, 403))
def me(user: dict = Depends(current_user)):
    return one(user_out(user))
