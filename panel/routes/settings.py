"""What a client may know about the panel before and after login; never a secret.

Both answers are built field by field from the settings rather than by filtering a dump, so a setting added
later (a gateway secret, say) cannot leak here by default.
"""
from __future__ import annotations

from fastapi import APIRouter, Depends

from app.core.cycles import BILLING_CYCLES

from .. import settings as settings_store
from ..billing import parties
from ..deps import billing_user, get_panel
from ..json_guard import JsonRoute
from ..lists import one
from ..schemas.catalogue import BillingConfigPublic, PublicSettingsPublic
from ..schemas.common import One, errors
from ..state import Panel

router = APIRouter(route_class=JsonRoute)


@router.get("/settings/public", response_model=One[PublicSettingsPublic], responses=errors())
def public_settings(panel: Panel = Depends(get_panel)):
    s = settings_store.load(panel.db.conn())
    return one({
        "panel_name": s.panel_name,
        "billing_enabled": s.billing_available,
        "tickets_enabled": s.tickets_enabled,
        # null rather than "" so a client can test for a link without knowing our storage.
        "support_url": s.support_url or None,
    })


@router.get("/billing/config", dependencies=[Depends(billing_user)], response_model=One[BillingConfigPublic],
            responses=errors(401, 403))
def billing_config(panel: Panel = Depends(get_panel)):
    s = settings_store.load(panel.db.conn())
    return one({
        "enabled": s.billing_available,
        "currency": {"code": s.currency_code, "symbol": s.currency_symbol, "places": s.currency_places},
        "tax": {"enabled": s.tax_enabled, "rate": format(s.tax_rate, "f"), "inclusive": s.tax_inclusive},
        "credits_enabled": s.credits_enabled,
        "gateways": {
            "stripe": {"enabled": s.stripe_enabled, "publishable_key": s.stripe_publishable_key or None},
            "paypal": {"enabled": s.paypal_enabled},
        },
        "billing_cycles": list(BILLING_CYCLES),
        "auto_activate": s.auto_activate,
        "seller": parties.seller_of(s),
    })
