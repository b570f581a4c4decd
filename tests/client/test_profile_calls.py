"""The billing-profile calls (contract addition "Seller and buyer on invoices"): the contract's path and body, the
answer checked at the boundary, and an invoice's or config's seller/buyer of the wrong shape refused as BadAnswer
(canned answers: no panel, no network)."""
from __future__ import annotations

import pytest

from app.api import BadAnswer, PanelClient

from .canned_session import CannedSession, data

PROFILE = {"company": "Acme", "address_lines": ["1 High St"], "country": "GB", "tax_id": "GB1"}


def client_with(session: CannedSession) -> PanelClient:
    return PanelClient("https://panel.example", session=session, sleep=lambda s: None)


def test_read_and_save_use_the_contracts_path_and_whole_body():
    session = CannedSession(lambda sent: data(PROFILE))
    with client_with(session) as client:
        assert client.billing_profile() == PROFILE
        assert client.save_billing_profile(company="Acme", address_lines=("1 High St",), country="GB",
                                           tax_id="GB1") == PROFILE
    get, put = session.sent
    assert (get.method, get.path, get.body) == ("GET", "/account/billing-profile", None)
    assert (put.method, put.path, put.body) == ("PUT", "/account/billing-profile", PROFILE)


@pytest.mark.parametrize(("answer", "field"), [
    ({**PROFILE, "address_lines": "1 High St"}, "address_lines"),
    ({**PROFILE, "company": {"name": "x"}}, "company"),
    ({k: v for k, v in PROFILE.items() if k != "country"}, "country"),
])
def test_a_profile_of_the_wrong_shape_is_a_bad_answer(answer, field):
    with client_with(CannedSession(lambda sent: data(answer))) as client, pytest.raises(BadAnswer) as caught:
        client.billing_profile()
    assert field in str(caught.value)


@pytest.mark.parametrize("party", [{"name": ["x"]}, {"address_lines": [{"a": 1}]}, "Acme"])
def test_seller_and_buyer_of_the_wrong_shape_are_bad_answers(party):
    with client_with(CannedSession(lambda sent: data({"id": "i1", "buyer": party}))) as client:
        with pytest.raises(BadAnswer):
            client.invoice("i1")
    with client_with(CannedSession(lambda sent: data({"seller": party}))) as client:
        with pytest.raises(BadAnswer):
            client.billing_config()


def test_null_parties_are_fine():
    with client_with(CannedSession(lambda sent: data({"id": "i1", "seller": None, "buyer": None}))) as client:
        assert client.invoice("i1")["buyer"] is None
