"""The pay pages as browser pages (docs/api.md, "Pay pages and gateways").

A pay page refuses a parameter it reads given more than once, as the API refuses a repeated query parameter
("Query parameters").

`/pay/{id}?token=<right>&token=<wrong>` was read as its last token (Starlette's reading), the first dropped without a
word, so the page answered for a link other than the one sent. Now every pay page (and the forms they post) answers
an HTML page with 400 for a `token` (or PayPal's return's `t`, the finished page's `cancelled`) given twice, before
the payment is looked up and without changing it. A parameter the page does not read (PayPal's own `token` on its
return) is still left alone.
"""
from __future__ import annotations

import pytest
import requests

from tests.panel.helpers import paypal_shop


@pytest.fixture(scope="module")
def paying(tmp_path_factory):
    """A private panel taking PayPal on its sandbox page, a buyer and the body of an order paid by PayPal."""
    from tests.support.panel import PanelProcess
    proc = PanelProcess(tmp_path_factory.mktemp("pay-token-once")).start()
    shop, buyer, order = paypal_shop(proc)
    yield proc, buyer, order
    proc.stop()


def _started(paying) -> tuple[str, str, str, object]:
    """A new PayPal payment: its page's URL without the query, its token, its id, and the buyer."""
    _, buyer, order = paying
    payment = buyer.data("POST", "/billing/checkout", order, expect=201)["payment"]
    page, _, query = payment["checkout_url"].partition("?")
    assert query.startswith("token=")
    return page, query.removeprefix("token="), payment["id"], buyer


def _refused_page(response: requests.Response, name: str = "token") -> None:
    assert response.status_code == 400, (response.status_code, response.text[:300])
    assert response.headers["content-type"].startswith("text/html"), response.headers
    assert "This payment link is not valid" in response.text
    assert f"&#x27;{name}&#x27; was given 2 times" in response.text, response.text[-600:]
    assert response.headers["cache-control"] == "no-store"


@pytest.mark.parametrize("tokens", ["right,wrong", "wrong,right", "right,right"])
def test_the_pay_page_refuses_a_token_given_twice(paying, tokens):
    page, token, _, _ = _started(paying)
    values = [token if t == "right" else "not-the-token" for t in tokens.split(",")]
    query = "&".join(f"token={v}" for v in values)
    _refused_page(requests.get(f"{page}?{query}", allow_redirects=False, timeout=30))
    assert requests.head(f"{page}?{query}", allow_redirects=False, timeout=30).status_code == 400
    assert requests.get(f"{page}?token={token}", allow_redirects=False, timeout=30).status_code == 200


def test_the_return_and_finished_pages_refuse_it_too(paying):
    page, token, _, _ = _started(paying)
    _refused_page(requests.get(f"{page}/return?token={token}&token={token}", allow_redirects=False, timeout=30))
    _refused_page(requests.get(f"{page}/paypal/return?t={token}&t={token}&token=EC-1", allow_redirects=False,
                               timeout=30), "t")
    _refused_page(requests.get(f"{page}/cancel-return?t={token}&t=x", allow_redirects=False, timeout=30), "t")
    origin = page.rsplit("/pay/", 1)[0]
    _refused_page(requests.get(f"{origin}/pay/finished?cancelled=1&cancelled=1", allow_redirects=False, timeout=30),
                  "cancelled")


def test_a_form_sending_its_token_twice_changes_nothing(paying):
    page, token, payment_id, buyer = _started(paying)
    for action in ("paypal/approve", "cancel"):
        response = requests.post(f"{page}/{action}", data=[("token", "not-the-token"), ("token", token)],
                                 allow_redirects=False, timeout=30)
        _refused_page(response)
    assert buyer.data("GET", f"/billing/payments/{payment_id}")["status"] == "pending"
    approved = requests.post(f"{page}/paypal/approve", data={"token": token}, allow_redirects=False, timeout=30)
    assert approved.status_code == 303, approved.text
    assert buyer.data("GET", f"/billing/payments/{payment_id}")["status"] == "succeeded"


def test_a_wrong_or_missing_token_is_an_html_page_not_the_apis_json(paying):
    """A browser page answers a browser: an unknown payment or a wrong token was the API's JSON error in the buyer's
    web view. Now an HTML 404, as an unknown server page is; the card form's script still reads JSON."""
    page, token, payment_id, buyer = _started(paying)
    origin = page.rsplit("/pay/", 1)[0]
    for response in (requests.get(f"{page}?token=not-the-token", timeout=30),
                     requests.get(page, timeout=30),
                     requests.get(f"{origin}/pay/00000000-0000-0000-0000-000000000000?token={token}", timeout=30),
                     requests.get(f"{page}/return?token=x", allow_redirects=False, timeout=30),
                     requests.get(f"{page}/paypal/return?t=x&token=EC-1", allow_redirects=False, timeout=30),
                     requests.post(f"{page}/cancel", data={"token": "x"}, allow_redirects=False, timeout=30),
                     requests.post(f"{page}/paypal/approve", data={"token": "x"}, allow_redirects=False, timeout=30)):
        assert response.status_code == 404, (response.request.url, response.status_code)
        assert response.headers["content-type"].startswith("text/html"), (response.request.url, response.text[:200])
        assert "Payment not found" in response.text
    confirm = requests.post(f"{page}/stripe/confirm", json={"token": "x", "card_id": "card_1"}, timeout=30)
    assert confirm.status_code == 404 and confirm.json()["error"]["code"] == "not_found"
    assert buyer.data("GET", f"/billing/payments/{payment_id}")["status"] == "pending"


@pytest.mark.parametrize("action", ["approve", "cancel"])
def test_the_buyer_lands_with_one_payment_parameter_the_panels(paying, action):
    """The contract's landing is `return_url?payment=<id>`. A return or cancel URL that already held a `payment`
    landed with two (`?payment=mine&payment=<id>`), and a client reading the first read its own. The panel's replaces
    it; the rest of the client's query is kept as written."""
    proc, buyer, order = paying
    urls = {"return_url": "http://127.0.0.1:9/return?payment=stale&keep=a%20b",
            "cancel_url": "http://127.0.0.1:9/cancel?Payment=other&payment=stale"}
    payment = buyer.data("POST", "/billing/checkout", {**order, **urls}, expect=201)["payment"]
    page, _, query = payment["checkout_url"].partition("?")
    token = query.removeprefix("token=")
    path = "paypal/approve" if action == "approve" else "cancel"
    landed = requests.post(f"{page}/{path}", data={"token": token}, allow_redirects=False, timeout=30)
    assert landed.status_code == 303, landed.text[:300]
    expected = (f"http://127.0.0.1:9/return?keep=a%20b&payment={payment['id']}" if action == "approve" else
                f"http://127.0.0.1:9/cancel?Payment=other&payment={payment['id']}")
    assert landed.headers["location"] == expected
