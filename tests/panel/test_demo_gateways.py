"""Issue 13: the demo from source offers all three ways to pay. The panel is started as the desktop app's demo
starts it from source (`serve --seed demo --localstripe`): cards through localstripe, PayPal through the panel's
own sandbox page, and credits."""
from __future__ import annotations

import pytest
import requests

from panel.launcher import ListeningProcess, serve_args
from panel.seed import DEMO_LOGINS
from tests.panel.gateways import URLS
from tests.support.panel import ROOT

EMAIL, PASSWORD = next((e, p) for role, e, p in DEMO_LOGINS if role == "customer")


@pytest.fixture(scope="module")
def demo_url(tmp_path_factory) -> str:
    args = serve_args(tmp_path_factory.mktemp("demo-gateways") / "panel.db", seed="demo", test_clock=True,
                      localstripe=True)
    with ListeningProcess(args, name="demo panel", cwd=ROOT) as proc:
        yield proc.url + "/api/v1"


@pytest.fixture(scope="module")
def auth(demo_url) -> dict:
    token = requests.post(f"{demo_url}/auth/login", json={"email": EMAIL, "password": PASSWORD},
                          timeout=30).json()["data"]["access_token"]
    return {"Authorization": f"Bearer {token}"}


def checkout(demo_url: str, auth: dict, method: str) -> dict:
    products = requests.get(f"{demo_url}/billing/products", headers=auth, timeout=30).json()["data"]
    starter = next(p for p in products if p["slug"] == "minecraft-starter")
    body = {"items": [{"product_id": starter["id"], "billing_cycle": "monthly"}], "payment_method": method,
            "use_credits": False, **URLS}
    answer = requests.post(f"{demo_url}/billing/checkout", json=body, headers=auth, timeout=30)
    assert answer.status_code == 201, answer.text
    return answer.json()["data"]["payment"]


def test_the_demo_from_source_offers_cards_paypal_and_credits(demo_url, auth):
    config = requests.get(f"{demo_url}/billing/config", headers=auth, timeout=30).json()["data"]
    assert config["credits_enabled"] is True
    assert config["gateways"]["paypal"]["enabled"] is True
    assert config["gateways"]["stripe"]["enabled"] is True and config["gateways"]["stripe"]["publishable_key"]


@pytest.mark.parametrize(("method", "page_says"), [("paypal", "sandbox"), ("stripe", "card")])
def test_each_gateway_of_the_demo_opens_its_pay_page(demo_url, auth, method, page_says):
    payment = checkout(demo_url, auth, method)
    assert payment["status"] == "requires_action"
    page = requests.get(payment["checkout_url"], timeout=30)
    assert page.status_code == 200 and page_says in page.text.lower()
