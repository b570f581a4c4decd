"""Envelopes, pagination, `updated_since` and ETags: the same for every list the client syncs."""
from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from fastapi import Request, Response
from fastapi.responses import JSONResponse

from .errors import ApiError
from .timefmt import iso, parse_iso

MAX_PER_PAGE = 100
DEFAULT_PER_PAGE = 25


def one(data: Any, status: int = 200) -> JSONResponse:
    return JSONResponse({"success": True, "data": data}, status_code=status)


@dataclass(frozen=True)
class ListQuery:
    page: int
    per_page: int
    updated_since: str | None


def _refused(name: str, text: str) -> ApiError:
    """A refused query parameter in the words and shape of every other refusal (errors.panel_message)."""
    return ApiError(422, "validation_error", f"{name}: {text}", {name: [text]})


def _int_param(request: Request, name: str, default: int, low: int, high: int) -> int:
    """A paging parameter: plain ASCII digits only. Python's int() also reads "1_0", " 2", "+2" and other scripts'
    digits, none of which a client means as a page number."""
    raw = request.query_params.get(name)
    if raw is None:
        return default
    if not raw.isascii() or not raw.isdigit():
        raise _refused(name, "Must be a whole number.")
    value = int(raw)
    if value < low:
        raise _refused(name, f"Must be at least {low}.")
    if value > high:
        raise _refused(name, f"Must be at most {high}.")
    return value


# `...T10:00:00 01:00`: a `+01:00` offset written into a URL unescaped, whose `+` the query decoding made a space.
_PLUS_AS_SPACE = re.compile(r"(T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?) (\d{2}:?\d{2})$")


def list_query(request: Request) -> ListQuery:
    since = request.query_params.get("updated_since")
    normalised = None
    if since:  # `updated_since=` (empty) is read as no filter, as when the parameter is left out
        try:
            normalised = iso(parse_iso(_PLUS_AS_SPACE.sub(r"\1+\2", since)))
        except ValueError:
            raise _refused("updated_since", 'Must be an ISO-8601 time such as "2026-11-24T02:55:40Z", in years '
                                            "1 to 9999.") from None
    return ListQuery(
        page=_int_param(request, "page", 1, 1, 1_000_000),
        per_page=_int_param(request, "per_page", DEFAULT_PER_PAGE, 1, MAX_PER_PAGE),
        updated_since=normalised,
    )


def etag_for(payload: Any) -> str:
    body = json.dumps(payload, sort_keys=True, separators=(",", ":"), default=str)
    return '"' + hashlib.sha256(body.encode()).hexdigest()[:32] + '"'


def tag_matches(header: str, tag: str) -> bool:
    """Whether an If-None-Match header names `tag`. GET compares weakly (RFC 9110): `W/"x"` matches `"x"`, and
    clients may send the tag bare; `*` matches whatever is current."""
    bare = tag.strip('"')
    sent = [t.strip().removeprefix("W/").strip('"') for t in header.split(",")]
    return bare in sent or "*" in sent


def respond_list(request: Request, data: list, meta: dict, server_time: str) -> Response:
    """A list envelope with an ETag; 304 when the client already holds the same content.

    The tag covers data and paging but not server_time, which changes on every call.
    """
    tag = etag_for({"data": data, "meta": meta})
    if tag_matches(request.headers.get("if-none-match", ""), tag):
        return Response(status_code=304, headers={"ETag": tag})
    body = {"success": True, "data": data, "meta": {**meta, "server_time": server_time}}
    return JSONResponse(body, headers={"ETag": tag})


def paged(
    request: Request,
    conn: sqlite3.Connection,
    *,
    table: str,
    where: Sequence[str],
    params: Sequence[Any],
    order_by: str,
    serialize: Callable[[sqlite3.Row], dict],
    server_time: str,
    updated_column: str = "updated_at",
) -> Response:
    """Run a filtered, paginated list query and answer it in the contract's list shape.

    `table`, `where` and `order_by` are written by the routes, never taken from the request.
    """
    query = list_query(request)
    clauses = list(where)
    values = list(params)
    if query.updated_since:
        clauses.append(f"{updated_column} >= ?")
        values.append(query.updated_since)
    where_sql = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    total = conn.execute(f"SELECT COUNT(*) FROM {table}{where_sql}", values).fetchone()[0]
    rows = conn.execute(
        f"SELECT * FROM {table}{where_sql} ORDER BY {order_by} LIMIT ? OFFSET ?",
        [*values, query.per_page, (query.page - 1) * query.per_page],
    ).fetchall()
    meta = {
        "current_page": query.page,
        "per_page": query.per_page,
        "total": total,
        "total_pages": max(1, -(-total // query.per_page)),
    }
    return respond_list(request, [serialize(r) for r in rows], meta, server_time)
