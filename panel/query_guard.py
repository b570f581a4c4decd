"""Query parameters (and headers) an operation takes are each given at most once, and a filter is never given
empty.

`?status=paid&status=unpaid` and `?page=1&page=2` were answered with the last value (Starlette's reading), silently
dropping the others: a client that meant both statuses got one. No parameter of this API is repeatable (several
statuses go in one comma-separated value), so a parameter given twice is refused as 422 `validation_error` on that
parameter, in the shape every refusal has (docs/api.md, "Query parameters"). Parameters an operation does not take
are ignored, as before, given once or more.

The check is a dependency every JsonRoute adds after the operation's own (after the login and the gates, so a caller
without a login still gets 401 first, as for `?page=abc`), and before the operation looks anything up.
"""
from __future__ import annotations

import functools
import inspect
from collections import Counter
from collections.abc import Callable
from typing import Any

from fastapi import Depends, Request
from fastapi.dependencies.models import Dependant

from .errors import ApiError

# What a repeated parameter is told, beside the count; `status` also how to ask for several.
_ONCE = "Must be given once (it was given {count} times)."
_HINTS = {"status": " Several statuses go in one value, separated by commas: status=pending,overdue."}


def refused(name: str, text: str) -> ApiError:
    """A refused query parameter in the words and shape of every other refusal (errors.panel_message)."""
    return ApiError(422, "validation_error", f"{name}: {text}", {name: [text]})


def not_empty(name: str, value: str | None, what: str) -> str | None:
    """A filter as sent (None when left out); `?name=` (empty, or only spaces) is refused: it used to mean "no
    filter", which a client building the value from an empty choice did not mean. `what` says what to send."""
    if value is not None and not value.strip():
        raise refused(name, f"Must not be empty: {what}, or leave the parameter out.")
    return value


def declared(dependant: Dependant) -> frozenset[str]:
    """The query parameters an operation takes: its own and those of its dependencies (LIST_PARAMS' paging)."""
    names: set[str] = set()
    stack = [dependant]
    while stack:
        current = stack.pop()
        names.update(field.alias for field in current.query_params)
        stack.extend(current.dependencies)
    return frozenset(names)


# Headers HTTP lets a client send as several lines of one list (RFC 9110, 5.3): never refused for that.
_LIST_HEADERS = frozenset({"if-none-match", "if-match", "accept", "accept-encoding", "accept-language"})


def declared_headers(dependant: Dependant) -> frozenset[str]:
    """The headers an operation reads as parameters (Idempotency-Key), as they are spelled in the docs."""
    names: set[str] = set()
    stack = [dependant]
    while stack:
        current = stack.pop()
        names.update(field.alias for field in current.header_params if field.alias.lower() not in _LIST_HEADERS)
        stack.extend(current.dependencies)
    return frozenset(names)


class OnceEach:
    """The check for one operation: refuses any parameter it takes (`names`, filled in once FastAPI has read the
    operation) given more than once, naming each (the first in `message`); the same for the headers it reads
    (`headers`: an Idempotency-Key sent twice was read as its first, so a retry sending them in the other order
    was another request)."""

    def __init__(self) -> None:
        self.names: frozenset[str] = frozenset()
        self.headers: frozenset[str] = frozenset()

    def __call__(self, request: Request) -> None:
        counts = Counter(name for name, _ in request.query_params.multi_items() if name in self.names)
        counts.update({name: len(request.headers.getlist(name)) for name in self.headers})
        repeated = {name: [_ONCE.format(count=count) + _HINTS.get(name, "")]
                    for name, count in counts.items() if count > 1}
        if repeated:
            first = next(iter(repeated))
            raise ApiError(422, "validation_error", f"{first}: {repeated[first][0]}", repeated)


_PARAM = "sett_query_once"


def guarded(endpoint: Callable[..., Any], check: OnceEach) -> Callable[..., Any]:
    """`endpoint` with `check` as its last dependency: a keyword parameter FastAPI solves after the endpoint's own
    (the login and the gates among them), by the ordinary dependency injection, so it holds for an operation
    however its router is included. The endpoint itself is called without it."""
    signature = inspect.signature(endpoint)
    extra = inspect.Parameter(_PARAM, inspect.Parameter.KEYWORD_ONLY, default=Depends(check), annotation=None)
    params = list(signature.parameters.values())
    if any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params):
        return endpoint  # not written in this panel; left as it is rather than guessed at

    if inspect.iscoroutinefunction(endpoint):
        @functools.wraps(endpoint)
        async def call_async(*args: Any, **kwargs: Any) -> Any:
            kwargs.pop(_PARAM, None)
            return await endpoint(*args, **kwargs)
        wrapper: Callable[..., Any] = call_async
    else:
        @functools.wraps(endpoint)
        def call(*args: Any, **kwargs: Any) -> Any:
            kwargs.pop(_PARAM, None)
            return endpoint(*args, **kwargs)
        wrapper = call
    # FastAPI reads this signature; the endpoint's own annotations (strings under `from __future__ import
    # annotations`) are still resolved in the endpoint's module, which functools.wraps' __wrapped__ leads to.
    wrapper.__signature__ = signature.replace(parameters=[*params, extra])  # type: ignore[attr-defined]
    return wrapper
