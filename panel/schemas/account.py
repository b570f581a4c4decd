"""Users, logins, two-factor and API keys as the panel answers them."""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel

from .common import Money, Timestamp


class UserPublic(BaseModel):
    id: str
    email: str
    username: str
    first_name: str
    last_name: str
    role: Literal["user", "admin"]
    two_factor_enabled: bool


class AdminUserPublic(UserPublic):
    credit_balance: Money
    created_at: Timestamp
    updated_at: Timestamp  # the list filters on it (updated_since), so its rows show it


class TokensPublic(BaseModel):
    access_token: str
    refresh_token: str
    token_type: Literal["Bearer"]
    expires_in: int
    user: UserPublic


class TwoFactorChallengePublic(BaseModel):
    requires_2fa: Literal[True]
    two_factor_token: str
    expires_in: int


class TotpSetupPublic(BaseModel):
    secret: str
    otpauth_uri: str


class TwoFactorStatePublic(BaseModel):
    two_factor_enabled: bool


class ApiKeyPublic(BaseModel):
    id: str
    name: str
    prefix: str
    active: bool
    allowed_ips: list[str]
    last_used_at: Timestamp | None
    created_at: Timestamp
    updated_at: Timestamp


class NewApiKeyPublic(ApiKeyPublic):
    key: str  # shown once, in the answer to POST


class SyncStatePublic(BaseModel):
    version: str
    server_time: Timestamp


class HealthPublic(BaseModel):
    status: Literal["ok"]
