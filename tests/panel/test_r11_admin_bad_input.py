"""Bad input on the operator's routes is the contract's error shape in the panel's words and changes nothing.

Found by this audit: `PUT /admin/billing/settings` told a money setting too large to be an amount (`tax_rate` of
10^30, a 61-digit `top_up_max`) that it 'Must be a decimal number such as "12.5" (... no exponent)', which it was;
and a `top_up_min`/`top_up_max` of ten whole digits got pydantic's own words ("Decimal input should have no more
than 9 digits before the decimal point"), which docs/api.md promises never reach a client. Now the field's own
bounds say what it may be. The rest pins what already held: repeated query parameters, huge numbers and wrong
types on the admin routes are 422 on the field, and a refusal changes nothing."""
from __future__ import annotations

import pytest

from tests.panel.helpers import assert_error
from tests.panel.test_money_number_forms import FOREIGN_WORDS, send

HUGE = "1" + "0" * 60


@pytest.mark.parametrize(("body", "field", "message"), [
    ('{"tax_rate": 1000000000000000000000000000000}', "tax_rate", "Must have at most 6 digits."),
    (f'{{"tax_rate": "{HUGE}"}}', "tax_rate", "Must have at most 6 digits."),
    ('{"tax_rate": 101}', "tax_rate", "Must be at most 100."),
    (f'{{"top_up_max": "{HUGE}"}}', "top_up_max", "Must have at most 12 digits."),
    (f'{{"top_up_max": {HUGE}}}', "top_up_max", "Must have at most 12 digits."),
    ('{"top_up_max": "9999999999"}', "top_up_max", "Must have at most 9 digits before the decimal point."),
    ('{"top_up_min": 9999999999.5}', "top_up_min", "Must have at most 9 digits before the decimal point."),
    ('{"top_up_max": 1e30}', "top_up_max",
     'Must be a decimal number such as "12.5" (a string or a JSON number; no exponent).'),
    (f'{{"auto_suspend_days": {HUGE}}}', "auto_suspend_days", "Must be at most 365."),
    ('{"currency_places": "2"}', "currency_places", "Must be a whole number (a JSON integer)."),
])
def test_a_setting_out_of_range_is_told_what_it_may_be_and_nothing_changes(admin, body, field, message):
    before = admin.data("GET", "/admin/billing/settings")
    error = assert_error(send(admin, "PUT", "/admin/billing/settings", body), 422, "validation_error", body)
    assert error["details"] == {field: [message]}, error
    assert error["message"] == f"{field}: {message}", error
    assert not any(word in str(error) for word in FOREIGN_WORDS), error
    assert admin.data("GET", "/admin/billing/settings") == before


def test_bad_input_on_the_admin_routes_is_422_on_the_field_and_changes_nothing(admin, shop):
    buyer = shop.user(credits="5.00")
    user_id = buyer.user["id"]
    settings = admin.data("GET", "/admin/billing/settings")
    tried = [
        ("GET", "/admin/users?page=1&page=2", None, "page"),
        ("GET", f"/admin/users?per_page={HUGE}", None, "per_page"),
        ("GET", "/admin/users?page=-1", None, "page"),
        ("GET", "/admin/billing/cancellations?status=pending&status=approved", None, "status"),
        ("GET", "/admin/billing/cancellations?status=", None, "status"),
        ("GET", "/admin/support/tickets?user_id=a&user_id=b", None, "user_id"),
        ("POST", f"/admin/users/{user_id}/credits", f'{{"amount": {HUGE}}}', "amount"),
        ("POST", f"/admin/users/{user_id}/credits", f'{{"amount": "{HUGE}"}}', "amount"),
        ("POST", f"/admin/users/{user_id}/credits", '{"amount": true}', "amount"),
        ("POST", f"/admin/users/{user_id}/credits", '{"amount": "5", "note": 5}', "note"),
        ("POST", f"/admin/users/{user_id}/credits", '{"amount": "5", "amount": "900"}', "body"),
        ("POST", "/admin/clock/advance", f'{{"days": {HUGE}}}', "days"),
        ("POST", "/admin/clock/advance", '{"days": "1"}', "days"),
        ("PUT", "/admin/license", '{"billing": "no"}', "billing"),
        ("POST", "/admin/users", '{"email": 5, "password": "password-1"}', "email"),
        ("POST", "/admin/billing/cancellations/no-such-request/maybe", None, "decision"),
    ]
    for method, path, body, field in tried:
        response = send(admin, method, path, body) if body is not None else admin.request(method, path)
        error = assert_error(response, 422, "validation_error", f"{method} {path} {body}")
        assert field in error["details"], (method, path, body, error)
        assert not any(word in str(error) for word in FOREIGN_WORDS), error
    assert buyer.data("GET", "/billing/credits")["balance"] == "5.00"
    assert admin.data("GET", "/admin/billing/settings") == settings
