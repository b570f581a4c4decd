"""HEAD on every path a GET serves answers as that GET does, without the body (RFC 9110 9.3.2): same status and
headers, the same login and gates, the same ETag and 304. It was 405 everywhere."""
from __future__ import annotations

import socket
from urllib.parse import urlsplit

from tests.panel.helpers import assert_error
from tests.support.panel import Api

# Headers that may differ between two answers to the same request (the time, the rate-limit counters).
VARYING = {"date", "x-ratelimit-remaining", "x-ratelimit-reset"}


def same_headers(get, head) -> None:
    got = {k.lower(): v for k, v in get.headers.items() if k.lower() not in VARYING}
    headed = {k.lower(): v for k, v in head.headers.items() if k.lower() not in VARYING}
    assert headed == got, (got, headed)
    assert head.status_code == get.status_code, (get.status_code, head.status_code)
    assert head.content == b""


def raw_head(api: Api, path: str) -> bytes:
    """Everything the server sends for a HEAD on a connection it then closes: headers, and nothing after them."""
    parts = urlsplit(api.panel.api_url + path)
    with socket.create_connection((parts.hostname, parts.port), timeout=30) as sock:
        auth = f"Authorization: Bearer {api.token}\r\n" if api.token else ""
        sock.sendall(f"HEAD {parts.path} HTTP/1.1\r\nHost: {parts.hostname}\r\n{auth}Connection: close\r\n\r\n"
                     .encode())
        received = b""
        while chunk := sock.recv(65536):
            received += chunk
    return received


def test_head_of_public_reads_is_their_get_without_a_body(anon):
    for path in ("/health", "/settings/public", "/openapi.json"):
        same_headers(anon.get(path), anon.request("HEAD", path))
    assert int(anon.request("HEAD", "/settings/public").headers["Content-Length"]) == len(
        anon.get("/settings/public").content)
    # Nothing follows the headers on the wire (a body would be read as the start of the next answer).
    received = raw_head(anon, "/settings/public")
    head, _, rest = received.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 200") and rest == b"", received


def test_head_needs_the_same_login_and_meets_the_same_gates(shop, anon):
    buyer = shop.user()
    for path in ("/billing/invoices", "/billing/config", "/auth/me", "/notifications"):
        same_headers(buyer.get(path), buyer.request("HEAD", path))
        same_headers(anon.get(path), anon.request("HEAD", path))
        assert anon.request("HEAD", path).status_code == 401, path
    # A row that is not the caller's is 404 for HEAD as for GET; so is a path no operation serves.
    for path in ("/billing/invoices/no-such-invoice", "/billing/no-such-thing", "/no-such-thing"):
        same_headers(buyer.get(path), buyer.request("HEAD", path))
        assert buyer.request("HEAD", path).status_code == 404, path
    # Tickets are off on the shared panel: their gate answers HEAD as it answers GET.
    same_headers(buyer.get("/support/tickets"), buyer.request("HEAD", "/support/tickets"))
    assert buyer.request("HEAD", "/support/tickets").status_code == 403
    received = raw_head(buyer, "/billing/invoices")
    assert received.startswith(b"HTTP/1.1 200") and received.endswith(b"\r\n\r\n"), received


def test_head_of_a_list_sends_its_etag_and_honours_if_none_match(shop):
    buyer = shop.user(credits="50")
    product = shop.product()
    buyer.data("POST", "/billing/checkout", {"items": [{"product_id": product["id"], "billing_cycle": "monthly"}],
                                             "payment_method": "credits"}, expect=201)
    for path in ("/billing/orders", "/billing/invoices", "/billing/products", "/sync/state"):
        get, head = buyer.get(path), buyer.request("HEAD", path)
        same_headers(get, head)
        tag = head.headers["ETag"]
        again = buyer.request("HEAD", path, headers={"If-None-Match": tag})
        assert again.status_code == 304 and again.headers["ETag"] == tag and again.content == b"", path
        assert buyer.request("HEAD", path, headers={"If-None-Match": '"other"'}).status_code == 200, path


def test_head_of_a_detail_and_a_page(shop, anon):
    product = shop.product()
    for path in (f"/billing/products/{product['id']}", f"/billing/products/{product['slug']}"):
        buyer = shop.user()
        same_headers(buyer.get(path), buyer.request("HEAD", path))
    # The panel's own HTML pages (outside /api/v1) too.
    finished = anon.panel.url + "/pay/finished"
    same_headers(anon.get(finished), anon.request("HEAD", finished))


def test_head_where_no_get_is_served_stays_405(shop):
    buyer = shop.user()
    refused = buyer.request("HEAD", "/billing/checkout")
    assert refused.status_code == 405 and refused.headers["Allow"] == "POST"
    assert refused.content == b""
    assert_error(buyer.post("/billing/checkout", {}), 422, "validation_error")   # the path itself is a POST
