"""Gateway webhooks at /api/billing/webhooks/{stripe,paypal} (outside /api/v1, as the contract fixes).

A missing or bad signature is 400 and changes nothing; an event seen before changes nothing.
"""
from __future__ import annotations

import json

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from .. import settings as settings_store
from ..deps import get_panel
from ..errors import error_response
from ..gateways import flow
from ..gateways.paypal_gateway import PayPalGateway, uses_sandbox_page
from ..gateways.stripe_gateway import GatewayError, verify_webhook
from ..schemas.billing import WebhookReceivedPublic
from ..schemas.common import errors
from ..state import Panel

router = APIRouter(prefix="/api/billing/webhooks", tags=["webhooks"])
# The gateway's signed event, read raw: its signature covers the exact bytes.
RAW_BODY = {"requestBody": {"required": True, "content": {"application/json": {"schema": {"type": "object"}}}}}


# Like every JSON answer, with `success` beside what it says (the BadgerPanel front end and docs/api.md).
RECEIVED = {"success": True, "received": True}


def _refused(message: str) -> JSONResponse:
    return error_response(400, "bad_request", f"Webhook refused: {message}")


def _stripe(panel: Panel, payload: bytes, signature: str | None) -> JSONResponse:
    s = settings_store.load(panel.db.conn())
    try:
        event = verify_webhook(payload, signature, s.stripe_webhook_secret)
    except ValueError as exc:
        return _refused(f"{exc}.")
    flow.stripe_event(panel, event)
    return JSONResponse(RECEIVED)


def _paypal(panel: Panel, payload: bytes, headers: dict[str, str]) -> JSONResponse:
    s = settings_store.load(panel.db.conn())
    if uses_sandbox_page(s) or not s.paypal_webhook_id:
        return _refused("PayPal webhooks are not configured on this panel.")
    try:
        event = json.loads(payload)
    except ValueError:
        event = None
    if not isinstance(event, dict):
        return _refused("the body is not a JSON object.")
    try:
        verified = PayPalGateway(s).verify_webhook(headers, event)
    except GatewayError:
        return error_response(502, "gateway_error", "PayPal could not verify the webhook; it will be retried.")
    if not verified:
        return _refused("bad signature.")
    flow.paypal_event(panel, event)
    return JSONResponse(RECEIVED)


@router.post("/stripe", response_model=WebhookReceivedPublic, responses=errors(400, 502),
             openapi_extra=RAW_BODY)
async def stripe_webhook(request: Request, panel: Panel = Depends(get_panel)):
    payload = await request.body()
    return await run_in_threadpool(_stripe, panel, payload, request.headers.get("stripe-signature"))


@router.post("/paypal", response_model=WebhookReceivedPublic, responses=errors(400, 502),
             openapi_extra=RAW_BODY)
async def paypal_webhook(request: Request, panel: Panel = Depends(get_panel)):
    payload = await request.body()
    headers = {k.lower(): v for k, v in request.headers.items()}
    return await run_in_threadpool(_paypal, panel, payload, headers)
