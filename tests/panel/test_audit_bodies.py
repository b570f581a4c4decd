"""Contract audit of "JSON bodies": a JSON body sent without any Content-Type is read as JSON; one sent under a type
that is not JSON (text/plain, a form) is a 422 on `body` that says so, and changes nothing. Shared panel."""
from __future__ import annotations

import json

import pytest
import requests

from tests.panel.helpers import assert_error


def send(api, path: str, body: bytes, content_type: str | None) -> requests.Response:
    prepared = requests.Request("POST", api.panel.api_url + path, data=body,
                                headers={"Authorization": f"Bearer {api.token}"}).prepare()
    prepared.headers.pop("Content-Type", None)
    if content_type:
        prepared.headers["Content-Type"] = content_type
    with requests.Session() as session:
        return session.send(prepared, timeout=30)


def test_a_json_body_without_a_content_type_is_read_as_json(shop):
    buyer = shop.user(credits="20.00")
    product = shop.product()
    body = {"items": [{"product_id": product["id"], "billing_cycle": "monthly"}], "payment_method": "credits"}
    placed = send(buyer, "/billing/checkout", json.dumps(body).encode(), None)
    assert placed.status_code == 201, placed.text
    assert placed.json()["data"]["payment"]["status"] == "paid"
    login = requests.post(buyer.panel.api_url + "/auth/login", timeout=30,
                          data=json.dumps({"email": buyer._login[0], "password": buyer._login[1]}))
    assert login.status_code == 200 and login.json()["data"]["token_type"] == "Bearer"


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded", "text/html"])
def test_a_body_under_another_content_type_is_refused_in_words(shop, content_type):
    user = shop.user()
    refused = send(user, "/account/api-keys", b'{"name": "typed"}', content_type)
    error = assert_error(refused, 422, "validation_error")
    assert list(error["details"]) == ["body"] and "application/json" in error["details"]["body"][0]
    assert user.data("GET", "/account/api-keys") == []


@pytest.mark.parametrize("content_type", [None, "application/json"])
def test_a_body_that_is_not_json_is_refused_whatever_its_type(shop, content_type):
    user = shop.user()
    for raw in (b"{name: k}", b"\xff\xfe", b"[1, 2"):
        error = assert_error(send(user, "/account/api-keys", raw, content_type), 422, "validation_error")
        assert list(error["details"]) == ["body"], error
    assert user.data("GET", "/account/api-keys") == []
