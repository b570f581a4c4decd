"""Idempotency keys: one per checkout or payment attempt, sent again with every retry of that attempt so the panel
does the work once. A module of its own so the screens' features can make keys without loading the client.

`panel_may_have_acted(error)` is the one rule for how long a key lives, for every action that sends one (checkout,
pay, pay several, top-up, cancel an order or a top-up, a cancellation request, a new ticket, a reply, and the
outbox's replay of each): the key is dropped only after a success or a definite refusal, a 4xx answered in the
panel's own error shape with a code of the contract (or of docs/api.md), which the panel does not remember. After
anything else (no answer, a timeout, a reset after sending, a 5xx, an answer Sett cannot read, a 4xx without the
panel's code, an error of Sett's own after sending) the panel may have done it, so the same key goes with the next
attempt and the panel answers with what it did instead of doing it twice. An action Sett stopped before sending it
(`NothingSent`) was not done: nothing reached the panel."""
from __future__ import annotations

import uuid

from .errors import (
    ApiError,
    AuthRequired,
    Conflict,
    Forbidden,
    NetworkError,
    NotAPanel,
    NotFound,
    RateLimited,
    ServerError,
    ValidationFailed,
)

# The codes with which the panel refuses a request it did not carry out: the contract's (shared/panel-api.md) and
# the panel's additions (docs/api.md). `internal_error` is not among them: it is a failure, not a refusal.
REFUSAL_CODES = frozenset({
    "unauthorized", "forbidden", "not_found", "validation_error", "rate_limited", "billing_disabled",
    "out_of_stock", "coupon_invalid", "insufficient_credits", "invoice_not_payable", "idempotency_conflict",
    "gateway_error", "order_not_cancellable", "tickets_disabled", "conflict", "invoice_not_cancellable",
    "invoice_not_refundable", "refund_in_progress", "method_not_allowed", "payload_too_large", "bad_request",
})


class NothingSent(ApiError):
    """Sett stopped a keyed action before its request left (its key could not first be kept on this computer, say):
    the panel was never asked, so it did nothing. The explicit "not sent" case of the rule below: definite, whatever
    a subclass adds (app.session.operations.keeping.NotSent is also the cache's failure). No status: no answer."""


def new_idempotency_key() -> str:
    """A fresh key for one checkout or payment attempt; reuse it for every retry of that attempt."""
    return uuid.uuid4().hex


# The refusals a 4xx in the panel's error shape is read as (app.api.envelope): without a code, the status says it.
_REFUSALS = (AuthRequired, Forbidden, NotFound, ValidationFailed, Conflict, RateLimited)


def definite_refusal(error: BaseException) -> bool:
    """Whether `error` says for certain that the action was not done: the panel refused it with a 4xx in its own
    error shape, with a code it documents (or none, the status naming the refusal: 401, 403, 404, 409, 422, 429),
    or Sett refused it before sending (no status). A code no contract has, a 4xx the envelope could not place (a
    bare 400), a 5xx whatever code it names, and an answer that is not the panel's are not definite. An action
    that was never sent (`NothingSent`) was not done either."""
    if isinstance(error, NothingSent):
        return True
    if not isinstance(error, ApiError) or isinstance(error, NetworkError | NotAPanel | ServerError):
        return False
    if error.earlier_attempt_uncertain:       # a retry refused after an attempt the panel may have done
        return False
    if error.status is not None and not 400 <= error.status < 500:
        return False
    if error.code is not None:
        return error.code in REFUSAL_CODES
    return isinstance(error, _REFUSALS)


def panel_may_have_acted(error: BaseException) -> bool:
    """Whether an action that failed with `error` may still have been done by the panel, so its Idempotency-Key
    must be kept and sent again with the next attempt (Try again, Send again, the outbox's next replay)."""
    return not definite_refusal(error)
