"""Contract audit of the invoice's tax breakdown against the pricing rules, exclusive and inclusive: lines add up to
the subtotal, the discount falls on recurring lines only, tax is rounded half-up on what is taxable, the total
follows, the order, preview, invoice and payment agree, and `balance_due` is what is left. A private panel,
since tax is a global setting."""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pytest

from tests.support.catalogue import Shop
from tests.support.fixtures import admin_of
from tests.support.panel import PanelProcess

URLS = {"return_url": "http://127.0.0.1:9/r", "cancel_url": "http://127.0.0.1:9/c"}
CENT = Decimal("0.01")


@pytest.fixture(scope="module")
def shop(tmp_path_factory):
    proc = PanelProcess(tmp_path_factory.mktemp("audit-tax")).start()
    shop = Shop(admin_of(proc))
    shop.settings(paypal_enabled=True, tax_enabled=True, tax_rate="19.5")
    yield shop
    proc.stop()


def rounded(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


@pytest.mark.parametrize("inclusive", [False, True])
def test_the_breakdown_follows_the_pricing_rules(shop, inclusive):
    shop.settings(tax_inclusive=inclusive)
    product = shop.product(pricing=[{"billing_cycle": "monthly", "price": "10.99", "setup_fee": "3.33"}])
    coupon = shop.coupon(type="percent", value="12.5")
    buyer = shop.user(credits="5.00")
    items = [{"product_id": product["id"], "billing_cycle": "monthly", "quantity": 3}]
    quote = buyer.data("POST", "/billing/checkout/preview", {"items": items, "coupon_code": coupon["code"]})
    placed = buyer.data("POST", "/billing/checkout", {"items": items, "coupon_code": coupon["code"],
                                                      "payment_method": "paypal", **URLS}, expect=201)
    invoice = buyer.data("GET", f"/billing/invoices/{placed['invoice']['id']}")

    subtotal = Decimal("10.99") * 3 + Decimal("3.33") * 3
    discount = rounded(Decimal("10.99") * 3 * Decimal("12.5") / 100)  # recurring lines only
    net = subtotal - discount
    rate = Decimal("19.5")
    tax = rounded(net * rate / (100 + rate)) if inclusive else rounded(net * rate / 100)
    total = net if inclusive else net + tax
    assert sum(Decimal(line["amount"]) for line in invoice["lines"]) == subtotal
    assert [line["kind"] for line in invoice["lines"]] == ["recurring", "setup"]
    expected = {"subtotal": f"{subtotal}", "discount": f"{discount}", "tax_amount": f"{tax}", "total": f"{total}"}
    for shown in (quote, placed["order"], invoice):
        assert {k: shown[k] for k in expected} == expected, shown
    assert (invoice["tax_rate"], invoice["tax_inclusive"], quote["tax_rate"], quote["tax_inclusive"]) == \
        ("19.5", inclusive, "19.5", inclusive)
    assert invoice["coupon_code"] == coupon["code"]
    # Credits first, the gateway for the rest; the invoice says what is left.
    assert (invoice["credits_applied"], invoice["amount_paid"]) == ("5.00", "5.00")
    assert Decimal(invoice["balance_due"]) == total - 5 == Decimal(placed["payment"]["amount"])
    assert quote["due_now"] == invoice["balance_due"]
    assert [(p["method"], p["amount"], p["status"]) for p in invoice["payments"]] == \
        [("credits", "5.00", "succeeded"), ("paypal", invoice["balance_due"], "pending")]
