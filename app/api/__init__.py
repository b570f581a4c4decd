"""Talking to one billing panel over `panel-api.md`: no Qt here, only requests."""
from .auth import Credentials, LoginResult
from .cancel import Cancellation, Cancelled
from .client import API_PREFIX, USER_AGENT, ApiResponse, Page, PanelClient, new_idempotency_key, probe
from .envelope import error_from, parse_body
from .errors import (
    ApiError,
    AuthRequired,
    BillingDisabled,
    Conflict,
    CouponInvalid,
    Forbidden,
    NetworkError,
    NotAPanel,
    NotFound,
    RateLimited,
    ServerError,
    ValidationFailed,
)

__all__ = [
    "API_PREFIX", "USER_AGENT", "ApiError", "ApiResponse", "AuthRequired", "BillingDisabled", "Cancellation",
    "Cancelled", "Conflict", "CouponInvalid", "Credentials", "Forbidden", "LoginResult", "NetworkError", "NotAPanel",
    "NotFound", "Page", "PanelClient", "RateLimited", "ServerError", "ValidationFailed", "error_from",
    "new_idempotency_key", "parse_body", "probe",
]
