"""The five admin routes of one edited table (list, read, create, change, delete), shared by the catalogue and coupons.

A table is described once (`AdminRows`): how a body is validated, how a stored row reads back as a body (so PUT
is a partial update merged over it), how rows are shown, and which column retires a row, because DELETE never
removes what orders, services and syncing clients may still name. A table's own rules come in as hooks.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, Body, Depends, Path, Request, Response
from pydantic import BaseModel

from .. import settings as settings_store
from ..billing.catalogue import fetch_row, insert_row, merge_update, update_row
from ..db import new_id
from ..deps import get_panel
from ..errors import not_found
from ..lists import one, paged
from ..schemas.common import LIST_PARAMS, One, Page, errors, listed
from ..schemas.openapi import body_schema
from ..state import Panel
from ..timefmt import iso

Shown = Callable[[sqlite3.Row], dict]


def places(conn: sqlite3.Connection) -> int:
    return settings_store.load(conn).currency_places


@dataclass(frozen=True)
class AdminRows:
    table: str
    what: str  # "Category": names the row in 404 and 409 messages
    validate: Callable[..., dict]  # (conn, body, own_id=None) -> the columns to write; 422 on any problem
    as_body: Callable[[sqlite3.Row], dict]  # a stored row in the shape of a request body
    shown: Callable[[sqlite3.Connection], Shown]  # how rows read from `source` are shown, for one connection
    order_by: str
    retire: tuple[str, int]  # the column DELETE sets, and its value: ("archived", 1), ("active", 0)
    source: str = ""  # what lists and reads select from, when it is more than the table
    # (conn, row before, columns written, now) after a PUT has written, in its transaction
    after_update: Callable[[sqlite3.Connection, sqlite3.Row, dict, str], None] | None = None
    # (conn, row) before a DELETE retires the row: raise to refuse it
    before_delete: Callable[[sqlite3.Connection, sqlite3.Row], None] | None = None

    def show(self, conn: sqlite3.Connection, row_id: str) -> dict:
        row = conn.execute(f"SELECT * FROM {self.source or self.table} WHERE id = ?", (row_id,)).fetchone()
        if row is None:
            raise not_found(self.what)
        return self.shown(conn)(row)

    def page(self, request: Request, panel: Panel):
        with panel.db.read() as conn:
            return paged(request, conn, table=self.source or self.table, where=[], params=[],
                         order_by=self.order_by, serialize=self.shown(conn), server_time=iso(panel.clock.now()))

    def get(self, row_id: str, panel: Panel):
        with panel.db.read() as conn:
            return one(self.show(conn, row_id))

    def create(self, body: Any, panel: Panel):
        with panel.db.write() as conn:
            now = iso(panel.clock.now())  # read under the write lock: timestamps follow commit order
            row = {"id": new_id(), **self.validate(conn, body), "created_at": now, "updated_at": now}
            insert_row(conn, self.table, row)
            return one(self.show(conn, row["id"]), 201)

    def update(self, row_id: str, body: Any, panel: Panel):
        with panel.db.write() as conn:
            now = iso(panel.clock.now())  # read under the write lock: timestamps follow commit order
            current = fetch_row(conn, self.table, row_id, self.what, editable=True)
            changes = self.validate(conn, merge_update(self.as_body(current), body), own_id=row_id)
            update_row(conn, self.table, row_id, {**changes, "updated_at": now})
            if self.after_update:
                self.after_update(conn, current, changes, now)
            return one(self.show(conn, row_id))

    def delete(self, row_id: str, panel: Panel) -> Response:
        column, retired = self.retire
        with panel.db.write() as conn:
            current = fetch_row(conn, self.table, row_id, self.what)
            if self.before_delete:
                self.before_delete(conn, current)
            if current[column] != retired:
                update_row(conn, self.table, row_id, {column: retired, "updated_at": iso(panel.clock.now())})
        return Response(status_code=204)


def add_routes(router: APIRouter, path: str, rows: AdminRows, *, noun: str, nouns: str, public: type[BaseModel],
               body: type[BaseModel]) -> None:
    """GET and POST `path`, GET, PUT and DELETE `path/{<noun>_id}`, named like hand-written routes would be.

    `public` is what a row reads as (the response model), `body` what POST takes (PUT takes any part of it)."""
    id_name = f"{noun}_id"
    one_path = f"{path}/{{{id_name}}}"

    def list_rows(request: Request, panel: Panel = Depends(get_panel)):
        return rows.page(request, panel)

    def get_row(row_id: str = Path(alias=id_name), panel: Panel = Depends(get_panel)):
        return rows.get(row_id, panel)

    def create_row(body: Any = Body(...), panel: Panel = Depends(get_panel)):
        return rows.create(body, panel)

    def change_row(row_id: str = Path(alias=id_name), body: Any = Body(...), panel: Panel = Depends(get_panel)):
        return rows.update(row_id, body, panel)

    def delete_row(row_id: str = Path(alias=id_name), panel: Panel = Depends(get_panel)):
        return rows.delete(row_id, panel)

    router.add_api_route(path, list_rows, methods=["GET"], name=f"list_{nouns}", response_model=Page[public],
                         responses=listed(), dependencies=[LIST_PARAMS])
    router.add_api_route(one_path, get_row, methods=["GET"], name=f"get_{noun}", response_model=One[public],
                         responses=errors(401, 403, 404))
    router.add_api_route(path, create_row, methods=["POST"], status_code=201, name=f"create_{noun}",
                         response_model=One[public], responses=errors(401, 403, 422),
                         openapi_extra=body_schema(body))
    router.add_api_route(one_path, change_row, methods=["PUT"], name=f"update_{noun}", response_model=One[public],
                         responses=errors(401, 403, 404, 409, 422),
                         openapi_extra=body_schema(body, f"Any part of a {noun}: omitted fields keep their values."))
    router.add_api_route(one_path, delete_row, methods=["DELETE"], status_code=204, name=f"delete_{noun}",
                         response_class=Response, responses=errors(401, 403, 404, 409))
