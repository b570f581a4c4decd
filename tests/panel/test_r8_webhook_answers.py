"""A webhook the panel accepts answers like every JSON answer (docs/api.md, "Every JSON answer carries `"success":
true|false`"): `{"success": true, "received": true}`, with the rate-limit headers, and OpenAPI says so; a refused
one is the contract's error shape. The accepted answer was `{"received": true}` alone."""
from __future__ import annotations

import json
import uuid

from tests.panel.helpers import assert_error
from tests.panel.test_gateway_stripe import post_webhook, setting, sign, succeeded_event
from tests.support.fixtures import admin_of
from tests.support.panel import Api

RATE = ("X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset")


def test_an_accepted_stripe_webhook_says_success(fresh_panel):
    proc = fresh_panel(extra_args=["--localstripe"])
    admin_of(proc)
    secret = setting(proc, "stripe_webhook_secret")
    for event in (succeeded_event("pi_unknown", str(uuid.uuid4()), 1000),   # for no payment of ours: nothing to do
                  {"id": f"evt_{uuid.uuid4().hex[:20]}", "object": "event", "type": "customer.created",
                   "data": {"object": {}}}):
        payload = json.dumps(event).encode()
        accepted = post_webhook(proc, payload, sign(payload, secret))
        assert accepted.status_code == 200, accepted.text
        assert accepted.json() == {"success": True, "received": True}
        assert all(h in accepted.headers for h in RATE)
    refused = post_webhook(proc, b"{}", sign(b"{}", "whsec_wrong"))
    assert_error(refused, 400, "bad_request")
    assert all(h in refused.headers for h in RATE)


def test_openapi_describes_the_answer(fresh_panel):
    spec = Api(fresh_panel()).get("/openapi.json").json()
    received = spec["components"]["schemas"]["WebhookReceivedPublic"]
    assert set(received["required"]) == {"success", "received"}
