"""localstripe's card form as a buyer meets it: the test card, and the scripts that wait for the form, type into it
and press Pay. One place for them, because three drivers use them: the panel tests' `Browser`, the end-to-end
tests in the client's embedded pay page, and the out-of-process `checkout_and_quit` run (which cannot wait in a
nested event loop and so sends these scripts itself).
"""
from __future__ import annotations

import json

# Stripe's test card that always succeeds; localstripe's Stripe.js stand-in names its five inputs by placeholder.
TEST_CARD = {"number": "4242424242424242", "exp_month": "12", "exp_year": "30", "cvc": "123", "postal_code": "12345"}
CARD_FIELDS = tuple(TEST_CARD)

FORM_READY = "document.querySelectorAll('#card input').length === 5"
PRESS_PAY = "document.querySelector('#pay').click() || true"


def field_selector(field: str) -> str:
    return f'#card input[placeholder="{field}"]'


def typing_script(selector: str, value: str) -> str:
    """Focus the element `selector` names, set its value and fire a bubbling 'input' event, as typing would.

    The expression is true when the element was there and null when it was not.
    """
    return (f"(function (e) {{ if (!e) return null; e.focus(); e.value = {json.dumps(value)};"
            f" e.dispatchEvent(new Event('input', {{bubbles: true}})); return true; }})"
            f"(document.querySelector({json.dumps(selector)}))")


def card_scripts(card: dict[str, str] = TEST_CARD) -> list[str]:
    """One typing script a field of the card form, in the form's order."""
    return [typing_script(field_selector(field), card[field]) for field in CARD_FIELDS]
