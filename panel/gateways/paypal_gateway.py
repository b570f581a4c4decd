"""PayPal through its Orders API (v2), used when the operator configures credentials.

Without credentials the panel serves its own sandbox approval page instead (see routes/pay_pages.py), so the
demo and the tests can approve and cancel PayPal payments offline. Every call here goes over the network:
callers make them outside the database's write lock.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import requests

from app.core.money import money_str

from ..settings import PanelSettings
from .stripe_gateway import GatewayError

LIVE_API = "https://api-m.paypal.com"
TIMEOUT = 20


@dataclass(frozen=True)
class PayPalOrder:
    id: str
    approve_url: str


# PayPal's currencies without decimals (https://developer.paypal.com/reference/currency-codes/); every other
# currency it takes has two, whatever places the panel writes its amounts with.
NO_DECIMALS = frozenset({"HUF", "JPY", "TWD"})


def paypal_value(amount: Decimal, currency: str) -> str:
    """`amount` written as PayPal reads `currency`; GatewayError when it cannot be said exactly (10.50 JPY)."""
    places = 0 if currency.upper() in NO_DECIMALS else 2
    if amount % Decimal(1).scaleb(-places):
        raise GatewayError(f"PayPal takes {currency} with {places or 'no'} decimals, so {amount} {currency} "
                           "cannot be sent to it")
    return money_str(amount, places)


def uses_sandbox_page(s: PanelSettings) -> bool:
    return not (s.paypal_client_id and s.paypal_client_secret)


class PayPalGateway:
    def __init__(self, s: PanelSettings, session: requests.Session | None = None) -> None:
        if uses_sandbox_page(s):
            raise GatewayError("PayPal credentials are not configured on this panel.")
        self.base = (s.paypal_api_base or LIVE_API).rstrip("/")
        self.auth = (s.paypal_client_id, s.paypal_client_secret)
        self.webhook_id = s.paypal_webhook_id
        self.http = session or requests.Session()

    def _request(self, method: str, path: str, **kwargs) -> dict:
        try:
            response = self.http.request(method, self.base + path, timeout=TIMEOUT, **kwargs)
        except requests.RequestException as exc:
            raise GatewayError(f"PayPal could not be reached: {exc.__class__.__name__}") from None
        if response.status_code >= 400:
            try:
                message = response.json().get("message") or response.json().get("error_description")
            except ValueError:
                message = None
            raise GatewayError(f"PayPal refused the request ({response.status_code}): {message or 'no details'}")
        try:
            return response.json() if response.content else {}
        except ValueError:
            raise GatewayError("PayPal answered with something that is not JSON.") from None

    def _token(self) -> str:
        data = self._request("POST", "/v1/oauth2/token", auth=self.auth,
                             data={"grant_type": "client_credentials"})
        token = data.get("access_token")
        if not isinstance(token, str):
            raise GatewayError("PayPal did not issue an access token.")
        return token

    def _api(self, method: str, path: str, json: dict | None = None, request_id: str | None = None) -> dict:
        headers = {"Authorization": f"Bearer {self._token()}"}
        if request_id:
            headers["PayPal-Request-Id"] = request_id  # PayPal's idempotency key
        return self._request(method, path, json=json, headers=headers)

    def create_order(self, payment_id: str, amount: Decimal, currency: str, description: str, return_url: str,
                     cancel_url: str) -> PayPalOrder:
        """An order in `currency`, the invoice's own (which need not be the panel's current one)."""
        order = self._api("POST", "/v2/checkout/orders", request_id=f"sett-order-{payment_id}", json={
            "intent": "CAPTURE",
            "purchase_units": [{"custom_id": payment_id, "description": description[:127],
                                "amount": {"currency_code": currency,
                                           "value": paypal_value(amount, currency)}}],
            "application_context": {"return_url": return_url, "cancel_url": cancel_url,
                                    "user_action": "PAY_NOW", "shipping_preference": "NO_SHIPPING"},
        })
        approve = next((link["href"] for link in order.get("links", []) if link.get("rel") in ("approve",
                        "payer-action")), None)
        if not order.get("id") or not approve:
            raise GatewayError("PayPal did not return an approval link.")
        return PayPalOrder(order["id"], approve)

    def capture(self, order_id: str) -> tuple[str, str]:
        """(status, capture id) after capturing an approved order."""
        result = self._api("POST", f"/v2/checkout/orders/{order_id}/capture", request_id=f"sett-capture-{order_id}")
        units = result.get("purchase_units", [])
        captures = [c for unit in units for c in unit.get("payments", {}).get("captures", [])]
        capture_id = captures[0]["id"] if captures else ""
        return result.get("status", ""), capture_id

    def refund(self, capture_id: str, amount: Decimal, currency: str, request_id: str | None = None) -> str:
        """`currency` is the refunded invoice's: a refund is in the currency the capture was. The request id (one per
        refund we mean) makes a retry after a lost answer get the first refund back, not a refusal."""
        result = self._api("POST", f"/v2/payments/captures/{capture_id}/refund",
                           request_id=request_id or f"sett-refund-{capture_id}",
                           json={"amount": {"currency_code": currency,
                                            "value": paypal_value(amount, currency)}})
        return result.get("id", "")

    def verify_webhook(self, headers: dict[str, str], event: dict) -> bool:
        if not self.webhook_id:
            return False
        result = self._api("POST", "/v1/notifications/verify-webhook-signature", json={
            "auth_algo": headers.get("paypal-auth-algo"), "cert_url": headers.get("paypal-cert-url"),
            "transmission_id": headers.get("paypal-transmission-id"),
            "transmission_sig": headers.get("paypal-transmission-sig"),
            "transmission_time": headers.get("paypal-transmission-time"),
            "webhook_id": self.webhook_id, "webhook_event": event})
        return result.get("verification_status") == "SUCCESS"
