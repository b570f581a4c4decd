"""The API describes itself truthfully: Schemathesis generates requests from /api/v1/openapi.json for every
operation and sends them to the live panel, as the demo customer and then as the admin. No answer may be a 5xx,
have a status the operation does not document, or break the documented body schema (issue 15).

Bounded: a few examples per operation, derandomised (the same requests every run), no shrinking; well under a
minute on 2 cores. Failures are collected over all operations, so one run shows every untruthful answer.
"""
from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from panel.seed import DEMO_LOGINS
from tests.support.panel import ROOT, Api, PanelProcess

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
# A deeper run when hunting: SETT_FUZZ_EXAMPLES=100 (the default keeps `make test` bounded).
EXAMPLES = int(os.environ.get("SETT_FUZZ_EXAMPLES", "8"))
LOGINS = {role: (email, password) for role, email, password in DEMO_LOGINS}


@pytest.fixture(scope="module")
def demo_panel(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("fuzz")
    subprocess.run([sys.executable, "-m", "panel", "seed", "demo", "--db", str(workdir / "panel.db")], cwd=ROOT,
                   check=True, capture_output=True, timeout=120)
    # No test clock: /admin/clock/advance answers its documented 404 instead of running years of jobs.
    proc = PanelProcess(workdir, test_clock=False).start()
    yield proc
    proc.stop()


def _first(api: Api, path: str, field: str = "id") -> str | None:
    r = api.get(path)
    rows = r.json().get("data") if r.status_code == 200 else None
    return rows[0][field] if rows else None


def known_ids(api: Api) -> dict:
    """Ids of real rows the caller may see, so detail answers are checked too, not only 404s for random ids."""
    api.data("POST", "/account/api-keys", {"name": "fuzz"}, expect=201)
    ids = {"order_id": _first(api, "/billing/orders"), "invoice_id": _first(api, "/billing/invoices"),
           "service_id": _first(api, "/billing/services"), "uuid": _first(api, "/notifications", "uuid"),
           "id_or_slug": _first(api, "/billing/products", "slug"), "key_id": _first(api, "/account/api-keys"),
           "category_id": _first(api, "/admin/billing/categories"),
           "product_id": _first(api, "/admin/billing/products"), "coupon_id": _first(api, "/admin/billing/coupons"),
           "user_id": _first(api, "/admin/users"), "request_id": _first(api, "/admin/billing/cancellations"),
           # The customer's own ticket; the admin has none of their own, so every customer's.
           "ticket_id": _first(api, "/support/tickets") or _first(api, "/admin/support/tickets")}
    products = api.get("/billing/products").json().get("data") or []
    fixed = [p for p in products if p["pricing_type"] == "fixed" and p["in_stock"]]
    if fixed:  # not a path parameter: what _real_bodies puts in a cart
        ids["cart_product"], ids["cart_cycle"] = fixed[0]["id"], fixed[0]["pricing"][0]["billing_cycle"]
    invoices = api.get("/billing/invoices", params={"per_page": 100}).json()["data"]
    due = [i["id"] for i in invoices if i["status"] in ("pending", "overdue") and i["kind"] != "top_up"]
    if due:  # not a path parameter: what _real_bodies pays together
        ids["due_invoices"] = due
    for invoice in invoices:
        payments = api.data("GET", f"/billing/invoices/{invoice['id']}")["payments"]
        if payments:
            ids["payment_id"] = payments[0]["id"]
            break
    return {name: value for name, value in ids.items() if value}


def _with_known_ids(ids: dict):
    def fill(case):
        for name in list(case.path_parameters or {}):
            if name in ids:
                case.path_parameters[name] = ids[name]
        return case
    return fill


def _fuzz(proc: PanelProcess, token: str) -> tuple[list[str], dict[str, Counter]]:
    schema = schemathesis.openapi.from_url(proc.api_url + "/openapi.json")
    headers = {"Authorization": f"Bearer {token}"}
    ids = known_ids(Api(proc, token=token))
    failures: list[str] = []
    answers: dict[str, Counter] = {}  # operation -> statuses seen, so the run proves it reached the operations
    with requests.Session() as session:
        for result in schema.get_all_operations():
            operation = result.ok()

            generated = operation.as_strategy()
            invalid = operation.as_strategy(generation_mode=GenerationMode.NEGATIVE)

            # Valid requests, valid ones aimed at real rows (when the path has ids), and invalid ones.
            @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                      phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck))
            @given(case=st.one_of(generated, generated.map(_with_known_ids(ids)), invalid))
            def check(case) -> None:
                response = case.call_and_validate(base_url=proc.url, session=session, headers=headers, checks=CHECKS)
                # Run within this iteration, so the loop variable is the right one.
                answers.setdefault(operation.label, Counter())[response.status_code] += 1  # noqa: B023

            try:
                check()
            except Exception as exc:  # noqa: BLE001 - every operation's failure is collected and reported
                failures.append(f"{operation.label}: {exc}".strip()[:1500])
        # Bodies Hypothesis cannot make valid (a cart needs a real product): sent as written, checked the same way.
        for (method, path), body in _real_bodies(ids, proc.url).items():
            case = schema[path][method].Case(body=body)
            try:
                response = case.call_and_validate(base_url=proc.url, session=session, headers=headers, checks=CHECKS)
                answers.setdefault(f"{method} {path} (real body)", Counter())[response.status_code] += 1
            except Exception as exc:  # noqa: BLE001
                failures.append(f"{method} {path} with a real body: {exc}".strip()[:1500])
    return failures, answers


def _real_bodies(ids: dict, url: str) -> dict[tuple[str, str], dict]:
    bodies: dict[tuple[str, str], dict] = {
        ("POST", "/api/v1/support/tickets"): {"subject": "Fuzz", "department": "billing", "body": "Hello <b>"}}
    if "due_invoices" in ids:  # one gateway payment for them (left unpaid: the pay page is never opened)
        bodies["POST", "/api/v1/billing/invoices/pay"] = {
            "invoice_ids": ids["due_invoices"], "payment_method": "paypal", "return_url": f"{url}/done",
            "cancel_url": f"{url}/cancelled"}
    if "cart_product" in ids:
        cart = [{"product_id": ids["cart_product"], "billing_cycle": ids["cart_cycle"]}]
        bodies.update({("POST", "/api/v1/billing/checkout/preview"): {"items": cart},
                       ("POST", "/api/v1/billing/coupons/validate"): {"code": "NOSUCHCODE", "items": cart},
                       ("POST", "/api/v1/billing/checkout"): {"items": cart, "payment_method": "credits"}})
    return bodies


@pytest.mark.slow
@pytest.mark.parametrize("role", ["customer", "admin"])  # the customer first: the admin may switch billing off
def test_every_answer_matches_the_openapi_description(demo_panel, role):
    token = Api(demo_panel).login(*LOGINS[role]).token
    failures, answers = _fuzz(demo_panel, token)
    if os.environ.get("SETT_FUZZ_REPORT"):
        for label, statuses in sorted(answers.items()):
            print(label, dict(statuses))
    assert not failures, f"{len(failures)} operations answered outside their description:\n\n" + "\n\n".join(failures)
    # Proof of reach: most operations were called, and many answered with success (not only 4xx).
    assert len(answers) >= 60, sorted(answers)
    assert sum(1 for statuses in answers.values() if any(200 <= s < 300 for s in statuses)) >= 25, answers


def test_errors_are_documented_in_the_contracts_shape(panel):
    spec = requests.get(panel.api_url + "/openapi.json", timeout=30).json()
    assert "HTTPValidationError" not in str(spec)
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            answers = operation["responses"]
            success = [code for code in answers if code.startswith("2")]
            assert success, (method, path)
            for code in success:
                if code != "204":
                    assert answers[code]["content"]["application/json"]["schema"], (method, path, code)
            if path != "/api/v1/health":
                assert answers["429"]["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorBody")
            needs_login = "security" in operation or not path.startswith(("/api/v1/auth/", "/api/v1/settings/",
                                                                            "/api/billing/"))
            if needs_login and path != "/api/v1/health":
                assert {"401", "403"} <= set(answers), (method, path)
            if method in ("post", "put", "patch") and operation.get("requestBody"):
                assert "422" in answers or path.startswith("/api/billing/"), (method, path)
                assert answers["413"]["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorBody")


def test_413_is_documented_on_every_operation_because_any_can_answer_it(panel):
    """The 1 MB limit is checked before routing: an operation that takes no body (an order's cancel, a list) still
    answers 413 to a request that sends one, so its description must list 413 too."""
    for method, path in (("POST", "/billing/orders/some-order/cancel"), ("GET", "/billing/orders"),
                         ("POST", "/admin/billing/jobs/run")):
        r = requests.request(method, panel.api_url + path, data=b"x" * 1_000_001, timeout=30)
        assert r.status_code == 413 and r.json()["error"]["code"] == "payload_too_large", (method, path)
    spec = requests.get(panel.api_url + "/openapi.json", timeout=30).json()
    undocumented = [(method, path) for path, operations in spec["paths"].items()
                    for method, operation in operations.items() if "413" not in operation["responses"]]
    assert not undocumented


def test_405_names_every_method_of_the_path(admin):
    r = admin.request("PATCH", "/admin/billing/products")
    assert r.status_code == 405
    assert set(r.headers["Allow"].replace(" ", "").split(",")) == {"GET", "POST"}
    assert r.json()["error"]["code"] == "method_not_allowed"
    r = admin.request("POST", "/admin/billing/products/some-id")
    assert set(r.headers["Allow"].replace(" ", "").split(",")) == {"GET", "PUT", "DELETE"}
