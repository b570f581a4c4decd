"""Refusals a person can act on: a value refused by a field's pattern is told what it must be ("Must be a
three-letter currency code in capitals such as USD."), never the regex ("Must match the pattern ^[A-Z]{3}$."), and a
method a path does not have is told which ones it has ("PUT is not allowed here; use GET."), not FastAPI's "Method
Not Allowed". Both keep the contract's error shape, field path and code."""
from __future__ import annotations

import pydantic
import pytest

from panel.errors import PATTERN_MESSAGES, panel_message
from panel.routes.pay_pages import ConfirmBody
from panel.settings import PanelSettings
from tests.panel.helpers import assert_error


def _patterns(node: object) -> set[str]:
    if isinstance(node, dict):
        found = {node["pattern"]} if isinstance(node.get("pattern"), str) else set()
        return found.union(*(_patterns(value) for value in node.values()))
    if isinstance(node, list):
        return set().union(*(_patterns(value) for value in node))
    return set()


def test_every_pattern_a_value_is_checked_against_has_words(admin):
    spec = admin.get("/openapi.json").json()
    patterns = (_patterns(spec) | _patterns(PanelSettings.model_json_schema())
                | _patterns(ConfirmBody.model_json_schema()))
    assert patterns, "no pattern found; did the walk break?"
    assert not patterns - set(PATTERN_MESSAGES), patterns - set(PATTERN_MESSAGES)
    for message in PATTERN_MESSAGES.values():
        assert message.startswith("Must be ") and message.endswith("."), message


def _plain(error: dict, field: str, message: str) -> None:
    assert error["details"][field] == [message], error
    assert error["message"] == f"{field}: {message}", error
    assert "pattern" not in str(error) and "^" not in str(error), error


def test_a_currency_code_refusal_says_what_a_currency_code_is(admin):
    before = admin.data("GET", "/admin/billing/settings")
    error = assert_error(admin.put("/admin/billing/settings", json={"currency_code": "usd"}), 422, "validation_error")
    _plain(error, "currency_code", "Must be a three-letter currency code in capitals such as USD.")
    assert admin.data("GET", "/admin/billing/settings") == before


def test_a_tax_number_refusal_says_what_a_tax_number_may_hold(admin, shop):
    words = ("Must be a tax number of letters, digits, spaces and . - / that starts with a letter or digit, such as "
             "DE123456789, or empty.")
    _plain(assert_error(admin.put("/admin/billing/settings", json={"seller_tax_id": "DE<script>"}), 422,
                        "validation_error"), "seller_tax_id", words)
    body = {"company": "", "address_lines": [], "country": "", "tax_id": "-12"}
    _plain(assert_error(shop.user().put("/account/billing-profile", json=body), 422, "validation_error"),
           "tax_id", words)


def test_a_country_refusal_reads_like_the_others(admin, shop):
    words = "Must be a two-letter country code in capitals (ISO 3166-1) such as DE or US, or empty."
    _plain(assert_error(admin.put("/admin/billing/settings", json={"seller_country": "de"}), 422,
                        "validation_error"), "seller_country", words)
    body = {"company": "", "address_lines": [], "country": "UK", "tax_id": ""}
    _plain(assert_error(shop.user().put("/account/billing-profile", json=body), 422, "validation_error"),
           "country", words)


@pytest.mark.parametrize("card_id", ["tok_123", "card_12 3", "pm_"])
def test_a_pay_page_card_id_refusal_names_what_stripe_gives(card_id):
    with pytest.raises(pydantic.ValidationError) as refused:
        ConfirmBody(token="t", card_id=card_id)
    assert [panel_message(e) for e in refused.value.errors()] == [
        "Must be a card id from Stripe (card_..., pm_... or src_...)."]


def test_405_says_which_methods_the_path_has(admin, shop):
    r = admin.request("PATCH", "/admin/billing/products")
    error = assert_error(r, 405, "method_not_allowed")
    assert r.headers["Allow"] == "GET, POST"
    assert error["message"] == "PATCH is not allowed here; use GET or POST.", error
    r = admin.request("POST", "/admin/billing/products/some-id")
    assert assert_error(r, 405, "method_not_allowed")["message"] == "POST is not allowed here; use DELETE, GET or PUT."
    assert r.headers["Allow"] == "DELETE, GET, PUT"
    # The billing catch-all's 405 (a real /billing/* path asked with a method it lacks) reads the same.
    r = shop.user().request("PUT", "/billing/orders")
    assert assert_error(r, 405, "method_not_allowed")["message"] == "PUT is not allowed here; use GET."
    assert r.headers["Allow"] == "GET"
