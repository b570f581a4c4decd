"""One module per resource; each exposes `router`. Paths inside are relative to /api/v1."""
from . import (
    account,
    admin_billing,
    admin_catalogue,
    auth,
    catalogue,
    checkout,
    credits,
    dashboard,
    health,
    invoices,
    notifications,
    orders,
    pay_pages,
    services,
    settings,
    sync,
    webhooks,
)

ALL_ROUTERS = [
    m.router
    for m in (health, settings, auth, account, catalogue, checkout, orders, invoices, services, credits,
              dashboard, notifications, sync, admin_catalogue, admin_billing)
]
# Outside /api/v1: gateway webhooks (the contract fixes /api/billing/webhooks/...) and the browser's pay pages.
WEBHOOK_ROUTERS = [webhooks.router, pay_pages.router]
