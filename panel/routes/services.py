"""Services: list, detail, their invoices, and cancellation requests."""
from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Depends, Header, Request, Response
from pydantic import BaseModel, ConfigDict, Field, field_validator

from ..billing import cancellations, invoices, owned, shown
from ..billing.provisioning import service_out
from ..deps import billing_user, get_panel
from ..errors import not_found
from ..json_guard import JsonRoute
from ..lists import one, paged
from ..schemas.billing import CancellationPublic, InvoicePublic, ServicePublic
from ..schemas.common import LIST_PARAMS, STATUS_PARAM, One, Page, errors, listed
from ..state import Panel
from ..timefmt import iso
from .common import origin, own_with_status
from .once import run_once

router = APIRouter(route_class=JsonRoute)
STATUSES = ("pending", "active", "suspended", "terminated", "cancelled")


class CancelBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    type: Literal["immediate", "end_of_period"]
    reason: str = Field(min_length=1, max_length=2000)

    @field_validator("reason")
    @classmethod
    def _reason(cls, value: str) -> str:
        # It is stored trimmed: white space alone would reach the operator as an empty reason.
        if not value.strip():
            raise ValueError("The reason is empty; say why the service should be cancelled.")
        return value


@router.get("/billing/services", response_model=Page[ServicePublic], responses=listed(), dependencies=[LIST_PARAMS])
def list_services(request: Request, status: str | None = STATUS_PARAM, panel: Panel = Depends(get_panel),
                  user: dict = Depends(billing_user)):
    where, params = own_with_status(user["id"], status, STATUSES)
    with panel.db.read() as conn:
        return paged(request, conn, table="services", where=where, params=params,
                     order_by="created_at DESC, id",
                     serialize=lambda r: service_out(conn, r, origin(panel, request)),
                     server_time=iso(panel.clock.now()))


def _own_service(conn, service_id: str, user_id: str):
    row = conn.execute("SELECT * FROM services WHERE id = ? AND user_id = ?", (service_id, user_id)).fetchone()
    if row is None:
        raise not_found("Service")
    return row


@router.get("/billing/services/{service_id}", response_model=One[ServicePublic], responses=errors(401, 403, 404))
def get_service(service_id: str, request: Request, panel: Panel = Depends(get_panel),
                user: dict = Depends(billing_user)):
    with panel.db.read() as conn:
        return one(service_out(conn, _own_service(conn, service_id, user["id"]), origin(panel, request)))


@router.get("/billing/services/{service_id}/invoices", response_model=Page[InvoicePublic], responses=listed(404),
            dependencies=[LIST_PARAMS])
def service_invoices(service_id: str, request: Request, panel: Panel = Depends(get_panel),
                     user: dict = Depends(billing_user)):
    with panel.db.read() as conn:
        _own_service(conn, service_id, user["id"])
        now = shown.current(conn)
        return paged(request, conn, table="invoices",
                     where=["user_id = ?", "status != 'draft'",
                            "(service_id = ? OR id IN (SELECT invoice_id FROM invoice_lines WHERE service_id = ?) "
                            "OR order_id = (SELECT order_id FROM services WHERE id = ?))"],
                     params=[user["id"], service_id, service_id, service_id],
                     order_by="issue_date DESC, invoice_number DESC",
                     serialize=lambda r: invoices.invoice_out(r, now=now),
                     server_time=iso(panel.clock.now()))


@router.post("/billing/services/{service_id}/cancel", status_code=201, response_model=One[CancellationPublic],
             responses=errors(401, 403, 404, 409, 422, e409="`conflict` (not active or suspended, or a request is "
                                                            "open) or `idempotency_conflict`"))
def request_cancellation(service_id: str, body: CancelBody, panel: Panel = Depends(get_panel),
                         user: dict = Depends(billing_user),
                         idempotency_key: str | None = Header(None, alias="Idempotency-Key")):
    return run_once(panel, user, idempotency_key, f"service_cancel:{service_id}", body.model_dump(), 201,
                    lambda conn, now, service: cancellations.request(conn, user["id"], service_id, body.type,
                                                                     body.reason.strip(), iso(now), service=service),
                    named=lambda conn: owned.service(conn, user["id"], service_id))


@router.delete("/billing/services/{service_id}/cancel", status_code=204, response_class=Response,
               responses=errors(401, 403, 404))
def withdraw_cancellation(service_id: str, panel: Panel = Depends(get_panel), user: dict = Depends(billing_user)):
    with panel.db.write() as conn:
        cancellations.withdraw(conn, user["id"], service_id, iso(panel.clock.now()))
    return Response(status_code=204)
