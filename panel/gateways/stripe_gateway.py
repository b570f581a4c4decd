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
    amount: Decimal | None = None  # in major units of `currency`, as Stripe holds it
    currency: str | None = None  # upper case


# Stripe counts amounts in each currency's own minor unit, whatever places the panel writes its amounts with
# (https://docs.stripe.com/currencies): these take whole units, these three decimals (and only multiples of ten
# of them), ISK two decimals that must be 00; every other currency two decimals.
ZERO_DECIMAL = frozenset("BIF CLP DJF GNF JPY KMF KRW MGA PYG RWF UGX VND VUV XAF XOF XPF".split())
THREE_DECIMAL = frozenset("BHD JOD KWD OMR TND".split())
WHOLE_UNITS_ONLY = ZERO_DECIMAL | {"ISK"}


def exponent(currency: str) -> int:
    """How many decimals Stripe's minor unit of `currency` has."""
    code = currency.upper()
    return 0 if code in ZERO_DECIMAL else 3 if code in THREE_DECIMAL else 2


def minor_units(amount: Decimal, currency: str) -> int:
    """`amount` (major units) as Stripe's integer in `currency`; GatewayError when Stripe cannot take it exactly
    (10.50 JPY, 1.005 KWD): rounding it would charge or refund another amount than the invoice says."""
    code = currency.upper()
    step = Decimal(1) if code in WHOLE_UNITS_ONLY else Decimal("0.01")
    if amount % step:
        unit = "whole units" if code in WHOLE_UNITS_ONLY else "at most two decimals"
        raise GatewayError(f"Stripe takes {code} in {unit}, so {amount} {code} cannot be sent to it")
    return int(amount.scaleb(exponent(code)).to_integral_value())


def major_units(minor: int, currency: str) -> Decimal:
    """Stripe's integer amount in `currency` read back as major units (1000 JPY is 1000, 1000 USD cents 10)."""
    return Decimal(minor).scaleb(-exponent(currency))


def js_url(s: PanelSettings) -> str:
    """localstripe serves its Stripe.js stand-in under the API base; real Stripe serves it from js.stripe.com."""
    return f"{s.stripe_api_base.rstrip('/')}/js.stripe.com/v3/" if s.stripe_api_base else STRIPE_JS


class StripeGateway:
    def __init__(self, s: PanelSettings) -> None:
        if not (s.stripe_enabled and s.stripe_secret_key):
            raise GatewayError("Stripe is not configured on this panel.")
        options = {"base_addresses": {"api": s.stripe_api_base}} if s.stripe_api_base else {}
        self.client = stripe.StripeClient(s.stripe_secret_key, max_network_retries=2, **options)

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
        return IntentState(data["id"], data["status"], data.get("client_secret") or "", error.get("message"),
                           *read_amount(data))

    def create_intent(self, payment_id: str, amount: Decimal, invoice_number: str, currency: str) -> IntentState:
        """An intent in `currency`, the invoice's own (which need not be the panel's current one)."""
        intent = self._call(self.client.v1.payment_intents.create, params={
            "amount": minor_units(amount, currency), "currency": currency.lower(),
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

    def refund(self, intent_id: str, amount: Decimal, currency: str, key: str) -> str:
        """Refund `amount` of `currency` (the intent's, the invoice's) of the intent. `key` is our idempotency key
        (one per refund we mean), so a retry after a lost answer cannot refund twice: sent as Stripe's idempotency
        key (which Stripe keeps 24 hours) and kept in the refund's metadata, where a retry later than that (a panel
        that died after asking and came back the next day) finds the refund it made and answers with it."""
        units = minor_units(amount, currency)
        made = self._call(self.client.v1.refunds.list, params={"payment_intent": intent_id, "limit": 100})
        for refund in made.data:
            if (refund.to_dict().get("metadata") or {}).get("sett_key") == key:
                return refund.id
        refund = self._call(self.client.v1.refunds.create, params={
            "payment_intent": intent_id, "amount": units, "metadata": {"sett_key": key}},
            options={"idempotency_key": key})
        return refund.id


def read_amount(intent: dict) -> tuple[Decimal | None, str | None]:
    """A PaymentIntent's (or an event's intent's) amount in major units and its currency, None when absent."""
    amount, currency = intent.get("amount"), intent.get("currency")
    if not isinstance(currency, str) or not isinstance(amount, int) or isinstance(amount, bool):
        return None, None
    return major_units(amount, currency), currency.upper()


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
