"""Money sent as a JSON number is judged as the same amount sent as a string, on every money field:

- a number written with an exponent (`1E1`, `1.5e1`, `1e-2`) is refused as the string "1e3" is (422
  `validation_error` naming the field, with the message that field gives a string with an exponent); plain
  numbers (`10`, `10.5`) keep working;
- too many decimal places get the panel's own message for both forms, never pydantic's "no more than 3 decimal
  places";
- no body refusal anywhere speaks pydantic's or FastAPI's words ("Field required", "Input should be a valid
  integer", "Extra inputs are not permitted"): every one is the contract's error shape with a field path.

The bodies are sent as raw text: Python's json module never writes a number with an exponent for these values.
"""
from __future__ import annotations

from decimal import Decimal

import pytest

from tests.panel.gateways import URLS
from tests.panel.helpers import assert_error
from tests.support.catalogue import Shop
from tests.support.fixtures import admin_of
from tests.support.panel import Api, PanelProcess

EXPONENT_NUMBERS = ["1E1", "1.5e1", "1e-2", "2.5E+1"]
# What pydantic and FastAPI say in their own words; none of it may reach a client.
FOREIGN_WORDS = ("Input should", "Field required", "Extra inputs", "String should", "List should", "Decimal input",
                 "Value error", "valid dictionary", "valid integer", "valid string")


@pytest.fixture(scope="module")
def own_panel(tmp_path_factory) -> PanelProcess:
    """A private panel: these tests change settings (PayPal on, the settings they try to write)."""
    proc = PanelProcess(tmp_path_factory.mktemp("money-forms")).start()
    yield proc
    proc.stop()


@pytest.fixture(scope="module")
def own_admin(own_panel) -> Api:
    return admin_of(own_panel)


@pytest.fixture(scope="module")
def own_shop(own_admin) -> Shop:
    shop = Shop(own_admin)
    shop.settings(paypal_enabled=True, credits_enabled=True)
    return shop


@pytest.fixture(scope="module")
def buyer(own_shop) -> Api:
    return own_shop.user()


@pytest.fixture(scope="module")
def product(own_shop) -> dict:
    return own_shop.product()


def send(api: Api, method: str, path: str, text: str):
    return api.request(method, path, data=text.encode(), headers={"Content-Type": "application/json"})


def money_fields(admin: Api, buyer: Api, product: dict) -> list[tuple[str, Api, str, str, str]]:
    """(name, caller, method, path, body with {} where the amount goes) for every money field of the API, and the
    field path a refusal names."""
    user_id = buyer.user["id"]
    product_path = f"/admin/billing/products/{product['id']}"
    return [
        ("tax_rate", admin, "PUT", "/admin/billing/settings", '{"tax_rate": %s}'),
        ("top_up_min", admin, "PUT", "/admin/billing/settings", '{"top_up_min": %s}'),
        ("top_up_max", admin, "PUT", "/admin/billing/settings", '{"top_up_max": %s}'),
        ("amount", buyer, "POST", "/billing/credits/top-up",
         '{"amount": %s, "payment_method": "paypal", "return_url": "' + URLS["return_url"] + '", "cancel_url": "'
         + URLS["cancel_url"] + '"}'),
        ("amount", admin, "POST", f"/admin/users/{user_id}/credits", '{"amount": %s}'),
        ("pricing.0.price", admin, "PUT", product_path, '{"pricing": [{"billing_cycle": "monthly", "price": %s}]}'),
        ("pricing.0.setup_fee", admin, "PUT", product_path,
         '{"pricing": [{"billing_cycle": "monthly", "price": "10.00", "setup_fee": %s}]}'),
        ("config_ranges.memory.unit_price", admin, "PUT", product_path,
         '{"pricing_type": "configurable", "pricing": [{"billing_cycle": "monthly", "price": "0"}], "config_ranges":'
         ' {"memory": {"min": 1024, "max": 4096, "step": 1024, "unit_price": %s}}}'),
        ("value", admin, "POST", "/admin/billing/coupons", '{"code": "NUM-%s", "type": "fixed", "value": %%s}'),
    ]


def _body(template: str, amount: str, n: list[int]) -> str:
    if "NUM-%s" in template:   # a fresh coupon code for every request
        n[0] += 1
        template = template % f"{n[0]:05d}"
    return template % amount


def test_a_money_number_written_with_an_exponent_is_refused_like_the_string(own_admin, own_shop, buyer, product):
    before = own_admin.data("GET", "/admin/billing/settings")
    counter = [0]
    for field, api, method, path, template in money_fields(own_admin, buyer, product):
        as_string = assert_error(send(api, method, path, _body(template, '"1e1"', counter)), 422,
                                 "validation_error", f"{field} '1e1'")
        for number in EXPONENT_NUMBERS:
            refused = assert_error(send(api, method, path, _body(template, number, counter)), 422,
                                   "validation_error", f"{field} {number}")
            assert list(refused["details"]) == [field], (field, number, refused)
            assert refused["details"][field] == as_string["details"][field], (field, number, refused, as_string)
    # Nothing was stored: the settings are as they were, the product still fixed at its price.
    assert own_admin.data("GET", "/admin/billing/settings") == before
    assert own_admin.data("GET", f"/admin/billing/products/{product['id']}")["pricing"] == product["pricing"]


def test_plain_money_numbers_still_work_everywhere(own_admin, own_shop, buyer, product):
    counter = [100]
    for field, api, method, path, template in money_fields(own_admin, buyer, product):
        for number in ("10", "10.5"):
            body = _body(template, number, counter)
            answer = send(api, method, path, body)
            assert answer.status_code in (200, 201), (field, number, answer.text)
            if path == "/admin/billing/settings":
                assert answer.json()["data"][field] == number   # shown back as given
                own_admin.data("PUT", path, {"tax_rate": "0", "top_up_min": "5", "top_up_max": "1000"})
    settings = own_admin.data("PUT", "/admin/billing/settings",
                              {"tax_rate": 12.5, "top_up_min": 5, "top_up_max": 1000})
    assert (settings["tax_rate"], settings["top_up_min"], settings["top_up_max"]) == ("12.5", "5", "1000")
    own_admin.data("PUT", "/admin/billing/settings", {"tax_rate": "0"})


@pytest.mark.parametrize("form", ["number", "string"])
def test_too_many_places_get_the_panels_own_words_as_a_number_and_as_a_string(own_admin, own_shop, buyer, product,
                                                                              form):
    counter = [200 if form == "number" else 300]
    expected = {"tax_rate": "Must have at most 3 decimal places.",
                "top_up_min": "Must have at most 3 decimal places.",
                "top_up_max": "Must have at most 3 decimal places.",
                "amount": "The amount may have at most 2 decimal places.",
                "pricing.0.price": "Must have at most 2 decimal places.",
                "pricing.0.setup_fee": "Must have at most 2 decimal places.",
                "config_ranges.memory.unit_price": "Must have at most 4 decimal places.",
                "value": "Must have at most 2 decimal places."}
    for field, api, method, path, template in money_fields(own_admin, buyer, product):
        places = 4 if field == "config_ranges.memory.unit_price" else 3 if field in (
            "tax_rate", "top_up_min", "top_up_max") else 2
        amount = "1." + "0" * places + "1"   # one place more than the field allows
        text = amount if form == "number" else f'"{amount}"'
        refused = assert_error(send(api, method, path, _body(template, text, counter)), 422, "validation_error",
                               f"{field} {text}")
        assert refused["details"] == {field: [expected[field]]}, (field, text, refused)
        assert not any(word in refused["message"] for word in FOREIGN_WORDS), refused


def test_a_json_guard_number_keeps_how_it_was_written():
    from panel.amounts import ExponentNumber
    from panel.json_guard import _read

    refusal, parsed = _read(b'{"a": 1.5e1, "b": 10.5, "c": 10, "d": 1E1}')
    assert refusal is None
    assert parsed == {"a": Decimal(15), "b": Decimal("10.5"), "c": 10, "d": Decimal(10)}
    assert isinstance(parsed["a"], ExponentNumber) and parsed["a"].written == "1.5e1"
    assert isinstance(parsed["d"], ExponentNumber) and parsed["d"].written == "1E1"
    assert type(parsed["b"]) is Decimal and type(parsed["c"]) is int


def bad_bodies(admin: Api, buyer: Api, product: dict) -> list[tuple[Api, str, str, str, set[str]]]:
    """(caller, method, path, body, the fields its refusal must name) for body mistakes pydantic catches."""
    pid = product["id"]
    item = '{"product_id": "PID", "billing_cycle": "monthly"}'.replace("PID", pid)
    return [
        (Api(admin.panel), "POST", "/auth/login", "{}", {"email", "password"}),
        (Api(admin.panel), "POST", "/auth/login", '{"email": 1, "password": "x", "extra": 1}', {"email", "extra"}),
        (Api(admin.panel), "POST", "/auth/login", "[]", {"body"}),
        (Api(admin.panel), "POST", "/auth/refresh", '{"refresh_token": ""}', {"refresh_token"}),
        (buyer, "POST", "/billing/checkout/preview", '{"items": []}', {"items"}),
        (buyer, "POST", "/billing/checkout/preview",
         '{"items": [{"product_id": "PID", "billing_cycle": "weekly", "quantity": 0}]}'.replace("PID", pid),
         {"items.0.billing_cycle", "items.0.quantity"}),
        (buyer, "POST", "/billing/checkout/preview",
         '{"items": [{"product_id": "PID", "billing_cycle": "monthly", "quantity": 1.0, "config": {"memory": "1"}}],'
         ' "use_credits": "yes"}'.replace("PID", pid),
         {"items.0.quantity", "items.0.config.memory", "use_credits"}),
        (buyer, "POST", "/billing/checkout/preview", '{"items": "x", "currency": "USD"}', {"items", "currency"}),
        (buyer, "POST", "/billing/checkout", '{"items": [ITEM], "payment_method": "cash"}'.replace("ITEM", item),
         {"payment_method"}),
        (buyer, "POST", "/billing/credits/top-up", '{"payment_method": "paypal"}', {"amount"}),
        (buyer, "POST", "/billing/invoices/pay", '{"invoice_ids": [1], "payment_method": "paypal", "use_credits": 1}',
         {"invoice_ids.0", "use_credits"}),
        (buyer, "PUT", "/account/billing-profile", '{"company": 5}',
         {"company", "address_lines", "country", "tax_id"}),
        (buyer, "POST", "/account/api-keys", '{"name": "NAME", "allowed_ips": "x"}'.replace("NAME", "n" * 101),
         {"name", "allowed_ips"}),
        (admin, "POST", "/admin/users", '{"email": "a@b.c", "password": "x", "role": "god"}', {"role"}),
        (admin, "POST", "/admin/clock/advance", '{"days": "3"}', {"days"}),
        (admin, "POST", "/admin/clock/advance", '{"days": 0}', {"days"}),
        (admin, "PUT", "/admin/license", '{"billing": "yes"}', {"billing"}),
        (admin, "PUT", "/admin/billing/settings",
         '{"panel_name": "", "currency_code": "usd", "auto_suspend_days": 9999, "tax_rate": 101}',
         {"panel_name", "currency_code", "auto_suspend_days", "tax_rate"}),
        (admin, "PUT", "/admin/billing/settings", "[]", {"body"}),
        (admin, "POST", "/admin/billing/invoices/none/refund", '{"to": "bank"}', {"to"}),
    ]


def test_no_refusal_speaks_pydantics_words(own_admin, own_shop, buyer, product):
    for api, method, path, body, fields in bad_bodies(own_admin, buyer, product):
        refused = assert_error(send(api, method, path, body), 422, "validation_error", f"{path} {body}")
        assert set(refused["details"]) == fields, (path, body, refused)
        messages = [refused["message"], *(m for ms in refused["details"].values() for m in ms)]
        assert all(isinstance(m, str) and m for m in messages), refused
        foreign = [m for m in messages if any(word in m for word in FOREIGN_WORDS)]
        assert not foreign, (path, body, foreign)
        first_field, first = next(iter(refused["details"].items()))
        assert refused["message"] in (first[0], f"{first_field}: {first[0]}"), refused


def test_settings_refusals_name_the_first_problem_like_every_other_body(own_admin, own_shop):
    refused = assert_error(send(own_admin, "PUT", "/admin/billing/settings",
                                '{"tax_rate": 101, "auto_suspend_days": -1}'), 422, "validation_error")
    assert refused["details"] == {"auto_suspend_days": ["Must be at least 0."], "tax_rate": ["Must be at most 100."]} \
        or refused["details"] == {"tax_rate": ["Must be at most 100."], "auto_suspend_days": ["Must be at least 0."]}
    first_field, first = next(iter(refused["details"].items()))
    assert refused["message"] == f"{first_field}: {first[0]}"
    above = assert_error(send(own_admin, "PUT", "/admin/billing/settings", '{"top_up_min": "5000"}'), 422,
                         "validation_error")
    assert above["details"] == {"top_up_min": ["Must not be above top_up_max."]}
