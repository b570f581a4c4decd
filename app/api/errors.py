"""The one exception tree of the panel client: each error reads as a sentence a person can be shown.

`str(exc)` is the panel's own message when the panel sent one, else a sentence written here. The tree follows the
status codes, and the specific errors sit under the status they come with, so `except Forbidden` also sees a
`BillingDisabled`: catch the specific one first.
"""
from __future__ import annotations

from typing import Any


class ApiError(Exception):
    """Anything that went wrong talking to a panel."""

    # Whether `message` is the panel's own (its error envelope's, often English) rather than a sentence of Sett's:
    # the sessions then lead with Sett's words for the refusal and keep the panel's as the detail.
    said_by_panel = False
    # Whether an earlier attempt of the same keyed request may have reached the panel (it went unanswered, or a
    # gateway answered 5xx) before this error ended the retries: the action may have been done whatever this says.
    earlier_attempt_uncertain = False

    def __init__(self, message: str, *, status: int | None = None, code: str | None = None,
                 details: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.code = code
        self.details: dict[str, Any] = details or {}

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r}, status={self.status!r}, code={self.code!r})"


class NetworkError(ApiError):
    """The panel could not be reached (no connection, DNS, timeout, TLS): the app goes offline."""

    # Whether it was a timeout: the words are in the user's language, so nothing may read this from the message.
    timed_out = False


class NotAPanel(ApiError):
    """The address answers, but not as a panel: a web page, malformed JSON, no envelope, a redirect."""


class BadAnswer(NotAPanel):
    """The panel answered, but with something Sett does not understand: a wrong shape, a value out of range, an
    answer too large, too many pages. `.resource` and `.field` say where (the field as a dotted path, or None)."""

    def __init__(self, message: str, *, resource: str | None = None, field: str | None = None,
                 status: int | None = None, code: str | None = None, details: dict[str, Any] | None = None) -> None:
        super().__init__(message, status=status, code=code, details=details)
        self.resource = resource
        self.field = field


class AnswerTooLarge(BadAnswer):
    """The answer's body is larger than `limits.MAX_WIRE_BYTES` on the wire or `limits.MAX_BODY_BYTES` unpacked."""


class TooManyPages(BadAnswer):
    """A list claims more pages than `limits.MAX_PAGES`."""


class DeadlineExceeded(NetworkError):
    """One request took longer than its total deadline (`limits.REQUEST_DEADLINE_SECONDS`), however it trickled."""

    timed_out = True


class AuthRequired(ApiError):
    """A 401 that a refresh could not fix, or no credentials at all: the user has to log in."""


class Forbidden(ApiError):
    """403: the credentials are fine but may not do this."""


class BillingDisabled(Forbidden):
    """403 `billing_disabled`: no Billing Module licence, or billing switched off; hide the billing sections."""


class TicketsDisabled(Forbidden):
    """403 `tickets_disabled`: the panel's operator has switched support tickets off; hide the Support screen."""


class NotFound(ApiError):
    """404."""


class ValidationFailed(ApiError):
    """422: `.details` maps a field to a list of messages."""


class CouponInvalid(ValidationFailed):
    """422 `coupon_invalid`: `.reason` says why, in words a buyer can act on."""

    def __init__(self, message: str, *, reason: str | None = None, status: int | None = 422,
                 code: str | None = "coupon_invalid", details: dict[str, Any] | None = None) -> None:
        super().__init__(message, status=status, code=code, details=details)
        self.reason = reason or message


class Conflict(ApiError):
    """409: `.code` says which (`out_of_stock`, `insufficient_credits`, `idempotency_conflict`, ...)."""


class RateLimited(ApiError):
    """429: `.retry_after` is the panel's wait in seconds (None when it did not say)."""

    def __init__(self, message: str, *, retry_after: float | None = None, status: int | None = 429,
                 code: str | None = "rate_limited", details: dict[str, Any] | None = None) -> None:
        super().__init__(message, status=status, code=code, details=details)
        self.retry_after = retry_after


class RetryBudgetSpent(RateLimited):
    """The waits a panel asked for (429 Retry-After, backoff) would pass the budget of one sync
    (`limits.MAX_RETRY_WAIT_SECONDS`): Sett stops asking instead of waiting minutes."""


class ServerError(ApiError):
    """5xx: the panel (or a proxy in front of it) failed."""


__all__ = ["AnswerTooLarge", "ApiError", "AuthRequired", "BadAnswer", "BillingDisabled", "Conflict", "CouponInvalid",
           "DeadlineExceeded", "Forbidden", "NetworkError", "NotAPanel", "NotFound", "RateLimited",
           "RetryBudgetSpent", "ServerError", "TicketsDisabled", "TooManyPages", "ValidationFailed"]
