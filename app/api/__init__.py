"""Talking to one billing panel over `panel-api.md`: no Qt here, only requests.

The names below are loaded from their modules when first asked for (PEP 562), so `from app.api import NetworkError`
loads the errors and nothing else: the session layer names the errors at start-up, while the client (requests,
urllib3, the schemas) loads on the worker that first talks to a panel, after the window is painted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.core.lazy_names import lazy_names

if TYPE_CHECKING:
    from .auth import Credentials, LoginResult
    from .cancel import Cancellation, Cancelled
    from .client import API_PREFIX, USER_AGENT, ApiResponse, Page, PanelClient, probe
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
    from .idempotency import NothingSent, definite_refusal, new_idempotency_key, panel_may_have_acted

_MODULES = {      # module: the names it gives this package
    "auth": ("Credentials", "LoginResult"),
    "cancel": ("Cancellation", "Cancelled"),
    "client": ("API_PREFIX", "USER_AGENT", "ApiResponse", "Page", "PanelClient", "probe"),
    "idempotency": ("NothingSent", "definite_refusal", "new_idempotency_key", "panel_may_have_acted"),
    "envelope": ("error_from", "parse_body"),
    "errors": (
        "AnswerTooLarge", "ApiError", "AuthRequired", "BadAnswer", "BillingDisabled", "Conflict", "CouponInvalid",
        "DeadlineExceeded", "Forbidden", "NetworkError", "NotAPanel", "NotFound", "RateLimited", "RetryBudgetSpent",
        "ServerError", "TicketsDisabled", "TooManyPages", "ValidationFailed",
    ),
}
__all__ = [
    "API_PREFIX", "USER_AGENT", "AnswerTooLarge", "ApiError", "ApiResponse", "AuthRequired", "BadAnswer",
    "BillingDisabled", "Cancellation", "Cancelled", "Conflict", "CouponInvalid", "Credentials", "DeadlineExceeded",
    "Forbidden", "LoginResult", "NetworkError", "NotAPanel", "NotFound", "NothingSent", "Page", "PanelClient",
    "RateLimited", "RetryBudgetSpent", "ServerError", "TicketsDisabled", "TooManyPages", "ValidationFailed",
    "error_from", "definite_refusal", "new_idempotency_key", "panel_may_have_acted", "parse_body", "probe",
]

__getattr__, __dir__ = lazy_names(__name__, _MODULES, globals())
