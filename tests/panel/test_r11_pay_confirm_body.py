"""The card form's script call, `POST /pay/{id}/stripe/confirm`, refuses a JSON body the API would refuse
(panel/json_guard.py): a key named twice, `NaN`, NUL in a string, each 422 `validation_error` in the error shape the
script reads, before the payment is looked up, nothing changed. `{"token": <right>, "token": <wrong>}` was read as
its last token (404) and the other order as the right one, so which token counted depended on the parser, as the
pay pages already refuse a token given twice in a query or a form."""
from __future__ import annotations

import pytest
import requests

from tests.panel.gateways import URLS, buy
from tests.panel.helpers import assert_error


@pytest.fixture
def started(gateway_shop) -> tuple[str, str, dict, object]:
    buyer = gateway_shop.user()
    bought = buy(buyer, gateway_shop.product(), "stripe")
    page, _, query = bought["payment"]["checkout_url"].partition("?")
    return page, query.removeprefix("token="), bought["payment"], buyer


def _post(url: str, text: str) -> requests.Response:
    return requests.post(url, data=text.encode(), headers={"Content-Type": "application/json"}, timeout=30)


def test_a_confirm_body_with_a_key_twice_is_refused_whichever_comes_last(started):
    page, token, payment, buyer = started
    before = buyer.data("GET", f"/billing/payments/{payment['id']}")
    assert before["status"] == "pending"
    for first, last in ((token, "not-the-token"), ("not-the-token", token), (token, token)):
        refused = _post(f"{page}/stripe/confirm",
                        f'{{"token": "{first}", "token": "{last}", "card_id": "card_1"}}')
        error = assert_error(refused, 422, "validation_error", (first, last))
        assert list(error["details"]) == ["body"], error
    for text in (f'{{"token": "{token}", "card_id": NaN}}', f'{{"token": "{token}\\u0000", "card_id": "card_1"}}'):
        assert_error(_post(f"{page}/stripe/confirm", text), 422, "validation_error", text)
    assert buyer.data("GET", f"/billing/payments/{payment['id']}") == before
    # The pages themselves still answer: a form post is not JSON and is left to the page.
    assert requests.get(f"{page}?token={token}", timeout=30).status_code == 200
    cancelled = requests.post(f"{page}/cancel", data={"token": token}, allow_redirects=False, timeout=30)
    assert cancelled.status_code == 303
    assert cancelled.headers["location"] == f"{URLS['cancel_url']}?payment={payment['id']}"
    assert buyer.data("GET", f"/billing/payments/{payment['id']}")["status"] == "cancelled"
