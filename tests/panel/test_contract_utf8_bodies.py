"""JSON bodies are UTF-8 (RFC 8259 8.1), as docs/api.md says: "malformed JSON is 422 with `details.body`, and so is
a body that is not UTF-8 (every path, not only auth)".

Python's json.loads detects UTF-16 and UTF-32 from the bytes and read them as JSON, so such a body was taken
(a login in UTF-16 logged in), while a proxy or log reading UTF-8 sees other bytes than the panel does. UTF-8
with a byte order mark stays accepted (RFC 8259 lets a parser ignore it).
"""
from __future__ import annotations

import json

import pytest

from tests.panel.helpers import assert_error
from tests.support.panel import USER_PASSWORD


def _login(api, encoding: str):
    body = json.dumps({"email": api.user["email"], "password": USER_PASSWORD}).encode(encoding)
    return api.request("POST", "/auth/login", data=body, headers={"Content-Type": "application/json"})


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le"])
def test_a_body_that_is_not_utf8_is_refused_on_body(shop, encoding):
    user = shop.user()
    error = assert_error(_login(user, encoding), 422, "validation_error", encoding)
    assert list(error["details"]) == ["body"]
    assert "UTF-8" in error["message"]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig"])
def test_utf8_with_or_without_a_byte_order_mark_is_read(shop, encoding):
    user = shop.user()
    r = _login(user, encoding)
    assert r.status_code == 200, r.text
