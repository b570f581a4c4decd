"""app.api against the real panel over HTTP: logins, refresh, two-factor, API keys, lists with ETags, every typed
error the panel can send, rate limits, and an idempotent checkout that survives a lost answer."""
from __future__ import annotations

import threading

import pyotp
import pytest

from app.api import (
    AuthRequired,
    BillingDisabled,
    Conflict,
    CouponInvalid,
    Credentials,
    Forbidden,
    NotAPanel,
    RateLimited,
    ServerError,
    ValidationFailed,
    new_idempotency_key,
    probe,
)
from tests.support.catalogue import Shop
from tests.support.clock import advance_clock
from tests.support.fixtures import admin_of
from tests.support.panel import USER_PASSWORD, Api, PanelProcess
from tests.support.two_factor import enable_2fa, wrong_code

from .conftest import pair_of
from .servers import FlakyProxy

SESSION_EXPIRED = "Your session has expired; log in again."


def make_key(api: Api, name: str = "Sync") -> dict:
    return api.data("POST", "/account/api-keys", {"name": name}, expect=201)


def order_body(product: dict, quantity: int = 1) -> dict:
    return {"items": [{"product_id": product["id"], "billing_cycle": "monthly", "quantity": quantity}],
            "payment_method": "credits"}


@pytest.fixture(scope="module")
def private(tmp_path_factory):
    """A private panel with the billing licence off and a clock the tests move (one start saves seconds).

    Each test logs in (the admin too) afresh, as a moved clock expires earlier access tokens.
    """
    proc = PanelProcess(tmp_path_factory.mktemp("private")).start()
    admin_of(proc).data("PUT", "/admin/license", {"billing": False})
    yield proc
    proc.stop()


# -- logging in -----------------------------------------------------------------------------------------------
def test_login_me_settings_and_probe(panel, shop, make_client):
    user = shop.user()
    client = make_client(panel)
    settings = client.public_settings()
    assert settings["billing_enabled"] is True and settings["panel_name"]
    assert probe(panel.url) == settings
    result = client.login(user.user["email"], USER_PASSWORD)
    assert result.credentials is not None and result.two_factor_token is None and not result.requires_2fa
    assert result.user["email"] == user.user["email"] and result.expires_in == 900
    assert client.credentials == result.credentials and result.credentials.kind == "tokens"
    me = client.me()
    assert (me["id"], me["email"]) == (user.user["id"], user.user["email"])


def test_a_wrong_password_is_auth_required_with_the_panels_words(panel, shop, make_client):
    client = make_client(panel)
    with pytest.raises(AuthRequired, match="^Email or password is incorrect.$"):
        client.login(shop.user().user["email"], "not-the-password")
    assert client.credentials is None


def test_billing_config(panel, shop, make_client):
    client = make_client(panel, pair_of(shop.user()))
    config = client.billing_config()
    assert config["enabled"] is True and config["currency"]["code"] == "USD"
    assert config["currency"]["places"] == 2 and "monthly" in config["billing_cycles"]


def test_logout_ends_the_login_for_every_client_of_it(panel, shop, make_client):
    user = shop.user()
    client = make_client(panel)
    pair = client.login(user.user["email"], USER_PASSWORD).credentials
    other = make_client(panel, pair)
    client.logout()
    assert client.credentials is None
    with pytest.raises(AuthRequired):
        client.me()
    # Another worker of the same login: its refresh fails, so it asks for a login.
    with pytest.raises(AuthRequired, match=f"^{SESSION_EXPIRED}$"):
        other.me()
    assert other.credentials is None


# -- lists, pagination, ETags ---------------------------------------------------------------------------------
def test_list_pages_and_etag_304(panel, shop, make_client):
    user = shop.user()
    made = [make_key(user, f"Key {i}")["id"] for i in range(3)]
    client = make_client(panel, pair_of(user))
    first = client.list_page("/account/api-keys", per_page=2)
    assert len(first.data) == 2 and first.has_next and not first.not_modified and first.etag
    assert (first.meta["current_page"], first.meta["total"], first.meta["total_pages"]) == (1, 3, 2)
    second = client.list_page("/account/api-keys", page=2, per_page=2)
    assert len(second.data) == 1 and not second.has_next
    assert sorted(k["id"] for k in first.data + second.data) == sorted(made)

    same = client.list_page("/account/api-keys", per_page=2, etag=first.etag)
    assert (same.not_modified, same.data, same.meta, same.etag) == (True, [], {}, first.etag)
    assert client.delete(f"/account/api-keys/{made[0]}") is None
    changed = client.list_page("/account/api-keys", per_page=2, etag=first.etag)
    assert not changed.not_modified and changed.meta["total"] == 2 and changed.etag != first.etag


# -- refresh ----------------------------------------------------------------------------------------------------
def test_an_expired_access_token_is_refreshed_silently(private, make_client):
    proc = private
    user = Shop(admin_of(proc)).user()
    rotated: list[Credentials] = []
    client = make_client(proc, on_credentials=rotated.append)
    first = client.login(user.user["email"], USER_PASSWORD).credentials
    advance_clock(proc, 1)
    assert Api(proc, first.access_token).get("/auth/me").status_code == 401  # really expired
    assert client.me()["id"] == user.user["id"]
    assert len(rotated) == 1 and client.credentials == rotated[0]
    assert rotated[0].access_token != first.access_token and rotated[0].refresh_token != first.refresh_token
    client.me()
    assert len(rotated) == 1


def test_workers_sharing_one_login_refresh_it_once(private, make_client):
    proc = private
    user = Shop(admin_of(proc)).user()
    advance_clock(proc, 1)
    rotated: list[Credentials] = []
    clients = [make_client(proc, pair_of(user), on_credentials=rotated.append) for _ in range(4)]
    barrier = threading.Barrier(len(clients))
    results: list[object] = [None] * len(clients)

    def work(i: int) -> None:
        barrier.wait()
        try:
            results[i] = clients[i].me()["id"]
        except Exception as exc:  # reported by the assertion below
            results[i] = exc

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(clients))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert results == [user.user["id"]] * len(clients)
    # One refresh for all: a second use of the spent refresh token would have revoked the login.
    assert len(rotated) == 1 and {c.credentials for c in clients} == {rotated[0]}
    assert Api(proc, rotated[0].access_token).get("/auth/me").status_code == 200


def test_a_spent_refresh_token_ends_in_auth_required(panel, shop, make_client):
    user = shop.user()
    rotated: list[Credentials] = []
    client = make_client(panel, pair_of(user), on_credentials=rotated.append)
    assert client.me()["id"] == user.user["id"]
    # Someone else spent the refresh token, then it was used again: the panel revokes that whole login.
    Api(panel).data("POST", "/auth/refresh", {"refresh_token": user.refresh_token}, expect=200)
    assert Api(panel).post("/auth/refresh", {"refresh_token": user.refresh_token}).status_code == 401
    with pytest.raises(AuthRequired) as caught:
        client.me()
    assert str(caught.value) == SESSION_EXPIRED and rotated == [] and client.credentials is None


# -- two-factor -------------------------------------------------------------------------------------------------
def test_two_factor_login(panel, shop, make_client):
    user = shop.user()
    secret = enable_2fa(user)
    client = make_client(panel)
    challenge = client.login(user.user["email"], USER_PASSWORD)
    assert challenge.requires_2fa and challenge.credentials is None and challenge.two_factor_token
    assert client.credentials is None
    with pytest.raises(AuthRequired):
        client.verify_2fa(challenge.two_factor_token, wrong_code(secret))
    done = client.verify_2fa(challenge.two_factor_token, pyotp.TOTP(secret).now())
    assert done.credentials is not None and client.credentials == done.credentials
    assert client.me()["two_factor_enabled"] is True


# -- API keys ---------------------------------------------------------------------------------------------------
def test_api_key_client_and_a_key_switched_off(panel, shop, make_client):
    user = shop.user()
    created = make_key(user)
    rotated: list[Credentials] = []
    client = make_client(panel, Credentials.from_api_key(created["key"]), on_credentials=rotated.append)
    assert client.credentials.kind == "api_key" and client.me()["id"] == user.user["id"]
    user.data("PATCH", f"/account/api-keys/{created['id']}", {"active": False})
    with pytest.raises(AuthRequired, match="^The API key is inactive.$"):
        client.me()
    user.data("DELETE", f"/account/api-keys/{created['id']}")
    with pytest.raises(AuthRequired, match="^The API key is not valid.$"):
        client.me()
    assert rotated == []  # an API key is never "refreshed"


def test_an_api_key_may_not_manage_keys(panel, shop, make_client):
    user = shop.user()
    client = make_client(panel, Credentials.from_api_key(make_key(user)["key"]))
    with pytest.raises(Forbidden) as caught:
        client.post("/account/api-keys", {"name": "another"})
    assert not isinstance(caught.value, BillingDisabled) and "API key" in str(caught.value)


# -- typed errors from the real panel -----------------------------------------------------------------------------
def test_billing_licence_off_is_billing_disabled(private, make_client):
    proc = private
    user = Shop(admin_of(proc)).user()
    client = make_client(proc, pair_of(user))
    assert client.public_settings()["billing_enabled"] is False
    with pytest.raises(BillingDisabled) as caught:
        client.billing_config()
    assert "licence" in str(caught.value) and caught.value.code == "billing_disabled"
    with pytest.raises(BillingDisabled):
        client.list_page("/billing/services")
    assert client.me()["id"] == user.user["id"]  # the account itself still works


def test_validation_error_carries_the_field_messages(panel, shop, make_client):
    client = make_client(panel, pair_of(shop.user()))
    with pytest.raises(ValidationFailed) as caught:
        client.post("/account/api-keys", {"name": "   "})
    error = caught.value
    assert error.status == 422 and error.code == "validation_error" and str(error)
    assert isinstance(error.details["name"], list) and error.details["name"]


def test_out_of_stock_is_a_conflict_with_its_code(panel, shop, make_client):
    product = shop.product(stock=1)
    client = make_client(panel, pair_of(shop.user(credits="100.00")))
    with pytest.raises(Conflict) as caught:
        client.post("/billing/checkout", order_body(product, quantity=2), idempotency_key=new_idempotency_key())
    assert caught.value.code == "out_of_stock" and caught.value.details["product_ids"] == [product["id"]]


def test_an_unknown_coupon_is_coupon_invalid_with_the_reason(panel, shop, make_client):
    product = shop.product()
    client = make_client(panel, pair_of(shop.user()))
    body = {"items": order_body(product)["items"], "coupon_code": "NO-SUCH-CODE"}
    with pytest.raises(CouponInvalid) as caught:
        client.post("/billing/checkout/preview", body)
    assert caught.value.reason == "This coupon code does not exist." and caught.value.code == "coupon_invalid"


def test_a_rate_limited_panel_is_waited_for_then_rate_limited(fresh_panel, make_client, sleeps):
    proc = fresh_panel(rate_limit=5)
    client = make_client(proc, max_retries=2)
    for _ in range(5):
        client.public_settings()
    with pytest.raises(RateLimited) as caught:
        client.public_settings()
    error = caught.value
    assert 1 <= error.retry_after <= 60 and str(error) == "Too many requests; try again shortly."
    # Each wait is the panel's Retry-After (the window's rest, counting down by at most a second meanwhile).
    assert len(sleeps) == 2 and all(error.retry_after <= s <= error.retry_after + 1 for s in sleeps)
    # A login is a POST without a key: never repeated, even after a 429.
    with pytest.raises(RateLimited):
        client.login("someone@example.test", "pw")
    assert len(sleeps) == 2


# -- an idempotent checkout whose answer is lost ------------------------------------------------------------------
def test_a_checkout_with_a_key_is_retried_and_makes_one_order(panel, shop, make_client, sleeps):
    product = shop.product()
    buyer = shop.user(credits="50.00")
    key = new_idempotency_key()
    with FlakyProxy(panel.url, lose_path="/api/v1/billing/checkout") as proxy:
        client = make_client(proxy.url, pair_of(buyer))
        placed = client.post("/billing/checkout", order_body(product), idempotency_key=key)
        attempts = proxy.seen_at("/api/v1/billing/checkout")
    assert proxy.lost == 1 and len(attempts) == 2 and len(sleeps) == 1
    assert {a.headers["Idempotency-Key"] for a in attempts} == {key} and attempts[0].body == attempts[1].body
    orders = buyer.data("GET", "/billing/orders")
    assert [o["id"] for o in orders] == [placed["order"]["id"]]
    assert buyer.data("GET", "/billing/credits")["balance"] == "40.00"  # charged once


def test_a_checkout_without_a_key_is_sent_once_even_when_its_answer_is_lost(panel, shop, make_client, sleeps):
    product = shop.product()
    buyer = shop.user(credits="50.00")
    with FlakyProxy(panel.url, lose_path="/api/v1/billing/checkout") as proxy:
        client = make_client(proxy.url, pair_of(buyer))
        with pytest.raises(ServerError, match="502 Bad Gateway"):
            client.post("/billing/checkout", order_body(product))
        assert len(proxy.seen_at("/api/v1/billing/checkout")) == 1 and sleeps == []
    assert len(buyer.data("GET", "/billing/orders")) == 1  # the panel did take it; the client must sync to see it


def test_probe_of_the_panels_web_root_is_not_a_panel(panel):
    # The panel's own pay pages are HTML: a URL one level off still must not be taken for the API.
    with pytest.raises(NotAPanel):
        probe(panel.url + "/api/v1/settings")
