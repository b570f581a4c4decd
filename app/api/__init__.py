"""Talking to one billing panel over `panel-api.md`: no Qt here, only requests."""
from .auth import Credentials, LoginResult
from .cancel import Cancellation, Cancelled
from .client import API_PREFIX, USER_AGENT, ApiResponse, Page, PanelClient, new_idempotency_key, probe
from .envelope import error_from, parse_body
from .errors import (
    AnswerTooLarge,
    ApiError,
    AuthRequired,
    BadAnswer,
    BillingDisabled,
    Conflict,
    CouponInvalid,
    DeadlineExceeded,
    Forbidden,
    NetworkError,
    NotAPanel,
    NotFound,
    RateLimited,
    RetryBudgetSpent,
    ServerError,
    TicketsDisabled,
    TooManyPages,
    ValidationFailed,
)

__all__ = [
    "API_PREFIX", "USER_AGENT", "AnswerTooLarge", "ApiError", "ApiResponse", "AuthRequired", "BadAnswer",
    "BillingDisabled", "Cancellation", "Cancelled", "Conflict", "CouponInvalid", "Credentials", "DeadlineExceeded",
    "Forbidden", "LoginResult", "NetworkError", "NotAPanel", "NotFound", "Page", "PanelClient", "RateLimited",
    "RetryBudgetSpent", "ServerError", "TicketsDisabled", "TooManyPages", "ValidationFailed", "error_from",
    "new_idempotency_key", "parse_body", "probe",
]
