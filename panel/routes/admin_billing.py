"""Operator endpoints: settings, licence, users and credits, approvals, refunds, cancellations, test clock."""
from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any, Literal

from fastapi import APIRouter, Body, Depends, Request
from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt

from app.core.money import round_money

from .. import settings as settings_store
from ..billing import cancellations, credits, lifecycle, provisioning, refunds
from ..billing.checkout import order_out
from ..deps import admin_user, get_panel
from ..errors import ApiError, invalid, not_found
from ..gateways.stripe_gateway import GatewayError
from ..json_guard import JsonRoute
from ..lists import one, paged
from ..schemas.account import AdminUserPublic, UserPublic
from ..schemas.admin import AdminSettingsPublic, ClockPublic, LicensePublic, SettingsChangesIn
from ..schemas.billing import CancellationPublic, CreditTransactionPublic, InvoiceDetailPublic, OrderPublic
from ..schemas.common import LIST_PARAMS, STATUS_PARAM, One, Page, errors, listed
from ..schemas.openapi import body_schema
from ..state import Panel
from ..timefmt import iso
from ..users import create_user, user_out
from .common import MoneyIn, status_filter

CANCELLATION_STATUSES = ("pending", "approved", "rejected", "withdrawn")

router = APIRouter(route_class=JsonRoute, prefix="/admin", dependencies=[Depends(admin_user)])


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


# The body of an operation the contract gives none (an action named by its path): none at all, or `{}`. Any field
# is 422 "Unknown field." on it, and anything but a JSON object 422 on `body`, before the operation runs. A body was
# ignored, so `{"dry_run": true}` ran the jobs all the same. The OpenAPI description shows these operations without
# a request body, as the contract does (panel.schemas.openapi.NO_BODY), and lists the 422.
class NoBody(Strict):
    """No body: send none, or an empty object. Any field is refused (422) and nothing is done."""


NO_BODY_422 = "`validation_error`: the operation takes no body (send none, or `{}`); nothing was done"


class LicenseBody(Strict):
    billing: StrictBool  # lax parsing would read "no" (or "off") as false and switch billing off


class UserBody(Strict):
    email: str = Field(max_length=254)
    password: str = Field(max_length=200)
    first_name: str = Field("", max_length=100)
    last_name: str = Field("", max_length=100)
    username: str | None = Field(None, max_length=64)
    role: Literal["user", "admin"] = "user"


class CreditBody(Strict):
    amount: MoneyIn  # not zero, at most the currency's places: checked by adjust_credits, in the panel's words
    note: str = Field("", max_length=500)


class RefundBody(Strict):
    to: Literal["credits", "gateway"]
    # Only for an invoice in another currency than the credits' that credits paid part of: what that part comes back
    # as, in the credits' currency (the operator's figure; the panel never converts). Checked by the route.
    credits_refund: MoneyIn | None = None


class ClockBody(Strict):
    days: StrictInt = Field(ge=1, le=3660)  # "3" or true is a mistake to report, not a number of days


@router.get("/billing/settings", response_model=One[AdminSettingsPublic], responses=errors(401, 403))
def get_settings(panel: Panel = Depends(get_panel)):
    return one(settings_store.admin_view(settings_store.load(panel.db.conn())))


@router.put("/billing/settings", response_model=One[AdminSettingsPublic], responses=errors(
                401, 403, 409, 422, e409="`conflict`: lowering `currency_places` would round, or changing "
                                         "`currency_code` would relabel, money that exists"),
            openapi_extra=body_schema(SettingsChangesIn, "Any subset of the settings; secrets are write-only."))
def put_settings(changes: dict[str, Any] = Body(...), panel: Panel = Depends(get_panel)):
    unknown = [k for k in changes if k not in settings_store.PanelSettings.model_fields or k == "license_billing"]
    if unknown:
        raise invalid(unknown[0], f"Unknown setting {unknown[0]!r}.")
    with panel.db.write() as conn:
        try:
            result = settings_store.update(conn, changes, iso(panel.clock.now()))
        except settings_store.SettingsUpdateError as exc:   # 422, or 409 when stored money forbids the change
            raise ApiError(exc.status, exc.code, str(exc), exc.details) from None
    return one(settings_store.admin_view(result))


@router.put("/license", response_model=One[LicensePublic], responses=errors(401, 403, 422))
def put_license(body: LicenseBody, panel: Panel = Depends(get_panel)):
    with panel.db.write() as conn:
        result = settings_store.update(conn, {"license_billing": body.billing})
    return one({"billing": result.license_billing})


@router.get("/users", response_model=Page[AdminUserPublic], responses=listed(), dependencies=[LIST_PARAMS])
def list_users(request: Request, panel: Panel = Depends(get_panel)):
    with panel.db.read() as conn:
        money = settings_store.load(conn).money  # a user never credited holds the column's default "0"
        return paged(request, conn, table="users", where=[], params=[], order_by="created_at, email",
                     serialize=lambda r: {**user_out(r), "credit_balance": money(Decimal(r["credit_balance"])),
                                          "created_at": r["created_at"], "updated_at": r["updated_at"]},
                     server_time=iso(panel.clock.now()))


@router.post("/users", status_code=201, response_model=One[UserPublic], responses=errors(401, 403, 409, 422))
def add_user(body: UserBody, panel: Panel = Depends(get_panel)):
    with panel.db.write() as conn:
        user = create_user(conn, panel.clock, email=body.email, password=body.password, role=body.role,
                           first_name=body.first_name, last_name=body.last_name, username=body.username)
    return one(user_out({**user, "totp_secret": None}), status=201)


@router.post("/users/{user_id}/credits", status_code=201, response_model=One[CreditTransactionPublic],
             responses=errors(401, 403, 404, 409, 422))
def adjust_credits(user_id: str, body: CreditBody, panel: Panel = Depends(get_panel)):
    s = settings_store.load(panel.db.conn())
    if body.amount == 0:
        raise invalid("amount", "The amount must not be zero.")
    if round_money(body.amount, s.currency_places) != body.amount:
        raise invalid("amount", f"The amount may have at most {s.currency_places} decimal places.")
    with panel.db.write() as conn:
        if conn.execute("SELECT 1 FROM users WHERE id = ?", (user_id,)).fetchone() is None:
            raise not_found("User")
        tx = credits.change(conn, user_id, body.amount, type="adjustment", note=body.note or "Adjustment by staff",
                            now=iso(panel.clock.now()), places=s.currency_places)
    return one(credits.transaction_out(tx), status=201)


@router.post("/billing/orders/{order_id}/approve", response_model=One[OrderPublic],
             responses=errors(401, 403, 404, 409, 422, e422=NO_BODY_422))
def approve(order_id: str, body: NoBody | None = None, panel: Panel = Depends(get_panel)):
    with panel.db.write() as conn:
        now = panel.clock.now()
        provisioning.approve_order(conn, order_id, today=now.date(), now=iso(now))
        return one(order_out(conn, order_id))


@router.post("/billing/invoices/{invoice_id}/refund", response_model=One[InvoiceDetailPublic],
             responses=errors(
                 401, 403, 404, 409, 422, 502,
                 e409="`invoice_not_refundable`: the invoice is not paid; `refund_in_progress`: another refund of "
                      "it is under way; `insufficient_credits`: the credit a top-up bought has been spent",
                 e422="`validation_error` on `to`: `gateway` for an invoice paid with credits only (refund it to "
                      "credits), or paid together with others in one gateway payment; `credits` for a top-up or for "
                      "gateway money in another currency than the credits'; on `credits_refund` when it is missing "
                      "or not wanted (see docs/api.md); nothing is changed",
                 e502="`gateway_error`: the gateway refused the refund; nothing was changed"))
def refund(invoice_id: str, body: RefundBody, panel: Panel = Depends(get_panel)):
    given = body.credits_refund
    if given is not None:
        places = settings_store.load(panel.db.conn()).currency_places
        if given < 0:
            raise invalid("credits_refund", "The amount must not be negative.")
        if round_money(given, places) != given:
            raise invalid("credits_refund", f"The amount may have at most {places} decimal places.")
    if body.to == "gateway":
        try:
            return one(refunds.refund_to_gateways(panel.db, panel.clock, invoice_id, given))
        except GatewayError as exc:
            raise ApiError(502, "gateway_error", f"The gateway refused the refund: {exc}") from None
    with panel.db.write() as conn:
        s = settings_store.load(conn)
        return one(refunds.refund(conn, s, invoice_id, "credits", iso(panel.clock.now()), credits_refund=given))


@router.get("/billing/cancellations", response_model=Page[CancellationPublic], responses=listed(),
            dependencies=[LIST_PARAMS])
def list_cancellations(request: Request, status: str | None = STATUS_PARAM, panel: Panel = Depends(get_panel)):
    """Every request, newest first; `?status=pending` (one or a comma list) finds those still to decide."""
    wanted = status_filter(status, CANCELLATION_STATUSES) or list(CANCELLATION_STATUSES)
    with panel.db.read() as conn:
        return paged(request, conn, table="cancellation_requests",
                     where=[f"status IN ({','.join('?' * len(wanted))})"], params=wanted,
                     order_by="created_at DESC, rowid DESC", serialize=cancellations.request_out,
                     server_time=iso(panel.clock.now()))


@router.post("/billing/cancellations/{request_id}/{decision}", response_model=One[CancellationPublic],
             responses=errors(401, 403, 404, 409, 422,
                              e422="`validation_error`: the decision is not `approve` or `reject`, or a body was "
                                   "sent (the operation takes no body; send none, or `{}`); nothing was done"))
def decide_cancellation(request_id: str, decision: Literal["approve", "reject"], body: NoBody | None = None,
                        panel: Panel = Depends(get_panel)):
    with panel.db.write() as conn:
        return one(cancellations.decide(conn, request_id, decision == "approve", iso(panel.clock.now())))


@router.post("/billing/jobs/run", response_model=One[dict[str, int]],
             responses=errors(401, 403, 422, e422=NO_BODY_422))
def run_jobs(body: NoBody | None = None, panel: Panel = Depends(get_panel)):
    return one(lifecycle.run_all(panel))


@router.post("/clock/advance", response_model=One[ClockPublic], responses=errors(401, 403, 404, 422))
def advance_clock(body: ClockBody, panel: Panel = Depends(get_panel)):
    """Move a test clock forward a day at a time, running the jobs each day as a real panel would."""
    if not panel.clock.adjustable:
        raise not_found("Test clock")
    totals: dict[str, int] = {}
    for _ in range(body.days):
        panel.clock.advance(timedelta(days=1))
        for key, count in lifecycle.run_all(panel).items():
            totals[key] = totals.get(key, 0) + count
    with panel.db.write() as conn:
        conn.execute("INSERT INTO meta (key, value) VALUES ('clock_offset_seconds', ?) "
                     "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                     (str(panel.clock.offset.total_seconds()),))
    return one({"now": iso(panel.clock.now()), "jobs": totals})
