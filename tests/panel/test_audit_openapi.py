"""Contract audit of "GET /api/v1/openapi.json documents every operation's request body, its success body, and each
error status it can answer in the error shape above", read off the live document of the shared panel, and checked
against what a few operations really answer."""
from __future__ import annotations

import json

import pytest
import requests

from tests.panel.helpers import assert_error

BODY_METHODS = {"post", "put", "patch"}
# Operations that take no body by design (a POST that names its action in its path).
NO_BODY = {("post", "/api/v1/account/2fa/setup"), ("post", "/api/v1/notifications/{uuid}/read"),
           ("post", "/api/v1/admin/billing/orders/{order_id}/approve"),
           ("post", "/api/v1/admin/billing/cancellations/{request_id}/{decision}"),
           ("post", "/api/v1/admin/billing/jobs/run"), ("post", "/api/v1/billing/orders/{order_id}/cancel"),
           ("post", "/api/v1/billing/invoices/{invoice_id}/cancel"),
           ("post", "/api/v1/support/tickets/{ticket_id}/close")}


@pytest.fixture(scope="module")
def spec(panel) -> dict:
    response = requests.get(panel.api_url + "/openapi.json", timeout=30)
    assert response.status_code == 200 and response.headers["content-type"].startswith("application/json")
    return response.json()


def operations(spec: dict):
    for path, ops in spec["paths"].items():
        for method, op in ops.items():
            yield method, path, op


def resolve(spec: dict, schema: dict) -> dict:
    while "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        schema = spec["components"]["schemas"][name]
    return schema


def test_every_operation_documents_its_request_success_and_errors(spec):
    problems = []
    for method, path, op in operations(spec):
        where = f"{method.upper()} {path}"
        responses = op.get("responses", {})
        successes = [code for code in responses if code.startswith("2")]
        if len(successes) != 1:
            problems.append(f"{where}: success statuses {successes}")
        for code in successes:
            if code != "204" and "application/json" not in responses[code].get("content", {}):
                problems.append(f"{where}: {code} has no JSON body described")
        for code, answer in responses.items():
            if code[0] in "45":
                schema = answer.get("content", {}).get("application/json", {}).get("schema", {})
                if "ErrorBody" not in json.dumps(schema):
                    problems.append(f"{where}: {code} is not described in the error shape")
        if method in BODY_METHODS and (method, path) not in NO_BODY and "requestBody" not in op:
            problems.append(f"{where}: no request body described")
        if path != "/api/v1/health" and "429" not in responses:
            problems.append(f"{where}: 429 not described")
        if "{" in path and path.startswith("/api/v1/") and "404" not in responses:
            problems.append(f"{where}: names a row but describes no 404")
    assert not problems, "\n".join(problems)


def test_the_error_shape_is_the_contracts(spec):
    body = resolve(spec, spec["components"]["schemas"]["ErrorBody"])
    error = resolve(spec, body["properties"]["error"])
    assert {"code", "message", "details"} <= set(error["properties"])
    assert {"code", "message", "details"} <= set(error.get("required", []))


def test_lists_describe_paging_updated_since_and_304(spec):
    lists = [(path, op) for method, path, op in operations(spec)
             if method == "get" and "meta" in json.dumps(resolve(spec, op["responses"]["200"]["content"]
                                                                  ["application/json"]["schema"]))]
    assert len(lists) >= 15, [p for p, _ in lists]
    for path, op in lists:
        names = {p["name"] for p in op.get("parameters", [])}
        assert {"page", "per_page", "updated_since"} <= names, path
        assert "304" in op["responses"], path


@pytest.mark.parametrize("method,path,needs", [
    ("post", "/api/v1/billing/checkout", {"401", "403", "409", "422"}),
    ("post", "/api/v1/billing/invoices/{invoice_id}/pay", {"401", "403", "404", "409", "422"}),
    ("post", "/api/v1/billing/invoices/pay", {"401", "403", "409", "422"}),
    ("post", "/api/v1/billing/orders/{order_id}/cancel", {"401", "403", "404", "409"}),
    ("post", "/api/v1/billing/services/{service_id}/cancel", {"401", "403", "404", "409", "422"}),
    ("post", "/api/v1/support/tickets", {"401", "403", "409", "422"}),
    ("post", "/api/v1/support/tickets/{ticket_id}/replies", {"401", "403", "404", "409", "422"}),
    ("post", "/api/v1/auth/login", {"401", "422", "429"}),
    ("get", "/api/v1/sync/state", {"304", "401"}),
])
def test_the_statuses_the_contract_names_are_described(spec, method, path, needs):
    assert needs <= set(spec["paths"][path][method]["responses"])


def test_a_described_error_is_answered_in_the_described_shape(spec, shop):
    """Spot checks: what the document says an operation answers, it answers, in the error shape."""
    buyer = shop.user(credits="50.00")
    assert "409" in spec["paths"]["/api/v1/billing/checkout"]["post"]["responses"]
    product = shop.product(stock=0)
    refused = buyer.post("/billing/checkout", {"items": [{"product_id": product["id"], "billing_cycle": "monthly"}],
                                               "payment_method": "credits"})
    assert_error(refused, 409, "out_of_stock")
    assert_error(buyer.post("/billing/checkout", {"items": []}), 422, "validation_error")
    assert_error(buyer.get("/billing/orders/no-such-order"), 404, "not_found")


KEYED = ["/api/v1/billing/checkout", "/api/v1/billing/invoices/{invoice_id}/pay", "/api/v1/billing/invoices/pay",
         "/api/v1/billing/orders/{order_id}/cancel", "/api/v1/billing/services/{service_id}/cancel",
         "/api/v1/support/tickets", "/api/v1/support/tickets/{ticket_id}/replies"]


@pytest.mark.parametrize("path", KEYED)
def test_every_exactly_once_action_declares_its_idempotency_key(spec, path):
    operation = spec["paths"][path]["post"]
    headers = {p["name"] for p in operation.get("parameters", []) if p.get("in") == "header"}
    assert "Idempotency-Key" in headers and "409" in operation["responses"]
