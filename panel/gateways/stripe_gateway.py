"""Stripe through the official library: PaymentIntents for what is due, confirmation with a card from the pay
page, reads, refunds, and webhook signature checks.

Every call here goes over the network, so callers make them outside the database's write lock.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import stripe

from ..settings import PanelSettings

STRIPE_JS = "https://js.stripe.com/v3/"


class GatewayError(RuntimeError):
    """A gateway could not be reached or refused a request for a reason that is not the card's."""

    def __init__(self, message: str) -> None:
        message = message.strip()
        super().__init__(message if message.endswith((".", "!", "?")) else message + ".")


class CardDeclined(RuntimeError):
    """The card was refused; the message is Stripe's words for the buyer."""


@dataclass(frozen=True)
class IntentState:
    id: str
    status: str  # Stripe's: requires_payment_method, requires_action, processing, succeeded, canceled, ...
    client_secret: str
    error: str | None = None


def minor_units(amount: Decimal, places: int) -> int:
    return int((amount * (10 ** places)).to_integral_value())


def js_url(s: PanelSettings) -> str:
    """localstripe serves its Stripe.js stand-in under the API base; real Stripe serves it from js.stripe.com."""
    return f"{s.stripe_api_base.rstrip('/')}/js.stripe.com/v3/" if s.stripe_api_base else STRIPE_JS


class StripeGateway:
    def __init__(self, s: PanelSettings) -> None:
        if not (s.stripe_enabled and s.stripe_secret_key):
            raise GatewayError("Stripe is not configured on this panel.")
        options = {"base_addresses": {"api": s.stripe_api_base}} if s.stripe_api_base else {}
        self.client = stripe.StripeClient(s.stripe_secret_key, max_network_retries=2, **options)
        self.places = s.currency_places

    def _call(self, fn, *args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except stripe.CardError as exc:
            raise CardDeclined(exc.user_message or "Your card was declined.") from None
        except stripe.StripeError as exc:
            raise GatewayError(exc.user_message or "Stripe could not process the request.") from None

    @staticmethod
    def _state(intent) -> IntentState:
        data = intent.to_dict()
        error = data.get("last_payment_error") or {}
        return IntentState(data["id"], data["status"], data.get("client_secret") or "", error.get("message"))

    def create_intent(self, payment_id: str, amount: Decimal, invoice_number: str, currency: str) -> IntentState:
        """An intent in `currency`, the invoice's own (which need not be the panel's current one)."""
        intent = self._call(self.client.v1.payment_intents.create, params={
            "amount": minor_units(amount, self.places), "currency": currency.lower(),
            "metadata": {"payment_id": payment_id, "invoice_number": invoice_number}})
        return self._state(intent)

    def confirm_with_card(self, intent_id: str, card_id: str) -> IntentState:
        """Attach the card the page tokenised and confirm; a refused card raises CardDeclined."""
        self._call(self.client.v1.payment_intents.update, intent_id, params={"payment_method": card_id})
        return self._state(self._call(self.client.v1.payment_intents.confirm, intent_id))

    def retrieve(self, intent_id: str) -> IntentState:
        return self._state(self._call(self.client.v1.payment_intents.retrieve, intent_id))

    def cancel(self, intent_id: str) -> None:
        try:
            self._call(self.client.v1.payment_intents.cancel, intent_id)
        except (GatewayError, CardDeclined):
            pass  # cancelling is a courtesy: an intent that cannot be cancelled cannot be paid either

    def refund(self, intent_id: str, amount: Decimal, payment_id: str) -> str:
        # Keyed by our payment, so an operator retrying after a lost answer cannot refund twice.
        refund = self._call(self.client.v1.refunds.create, params={
            "payment_intent": intent_id, "amount": minor_units(amount, self.places)},
            options={"idempotency_key": f"sett-refund-{payment_id}"})
        return refund.id


def verify_webhook(payload: bytes, signature: str | None, secret: str) -> dict:
    """The event if the signature is right and fresh (5 minutes), else ValueError."""
    if not secret:
        raise ValueError("no webhook secret is configured")
    try:
        event = stripe.Webhook.construct_event(payload, signature, secret, tolerance=300)
    except stripe.SignatureVerificationError as exc:
        raise ValueError(f"bad signature: {exc.user_message or exc}") from None
    except ValueError as exc:
        raise ValueError(f"bad payload: {exc}") from None
    return event.to_dict() if hasattr(event, "to_dict") else dict(event)
