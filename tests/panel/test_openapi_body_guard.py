"""Every operation that can be sent a body under /api/v1 may answer 422 from the JSON guard (a repeated key, deep
nesting, NaN, NUL, a lone surrogate), also one that reads no body: the OpenAPI document lists that answer for each,
as the contract asks ("each error status it can answer"). It left out ten bodiless POSTs and DELETEs."""
from __future__ import annotations

import requests

from tests.panel.test_audit_openapi import operations, spec  # noqa: F401 - the fixture


def test_every_operation_the_guard_checks_lists_its_422(spec, panel):  # noqa: F811
    missing = [(method, path) for method, path, op in operations(spec)
               if method in ("post", "put", "patch", "delete") and path.startswith("/api/v1/")
               and "422" not in op.get("responses", {})]
    assert not missing


def test_a_bodiless_operation_answers_that_422_to_a_hostile_body(panel):
    r = requests.post(panel.api_url + "/admin/billing/jobs/run", data=b'{"a": 1, "a": 2}',
                      headers={"Content-Type": "application/json"}, timeout=30)
    assert r.status_code == 422 and r.json()["error"]["code"] == "validation_error"
