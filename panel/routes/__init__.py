"""One module per resource; each exposes `router`. Paths inside are relative to /api/v1."""
from . import (
    account,
    admin_billing,
    admin_catalogue,
    admin_support,
    auth,
    billing_actions,
    billing_profile,
    catalogue,
    checkout,
    credits,
    dashboard,
    gates,
    health,
    invoices,
    notifications,
    orders,
    pay_pages,
    server_pages,
    services,
    settings,
    support,
    sync,
    webhooks,
)

ALL_ROUTERS = [
    m.router
    for m in (health, settings, auth, account, catalogue, checkout, orders, invoices, services, credits,
              dashboard, notifications, sync, admin_catalogue, admin_billing)
] + [
    # The contract's second version, in modules of their own.
    m.router
    for m in (billing_actions, support, admin_support, billing_profile)
] + [
    # Last: the licence, tickets and admin gates for /billing/*, /support/* and /admin/* paths no route above serves.
    gates.router,
]
# Outside /api/v1: gateway webhooks (the contract fixes /api/billing/webhooks/...) and the browser's pay pages.
WEBHOOK_ROUTERS = [webhooks.router, pay_pages.router, server_pages.router]
