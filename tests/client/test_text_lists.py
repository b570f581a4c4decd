"""Numbers in a list of text (a billing profile's or a seller's address lines, the billing cycles) come back from the
client as text, as a number in a single text field does: the profile dialog, the invoice's Bill to and the product
page join and show these lines as text, and an int there raised TypeError while they were drawn (canned answers
through the real client: no panel, no network)."""
from __future__ import annotations

import pytest

from app.api import BadAnswer, PanelClient

from .canned_session import Canned, CannedSession


def answering(text: str) -> PanelClient:
    session = CannedSession(lambda sent: Canned(200, b'{"data": ' + text.encode() + b"}"))
    return PanelClient("https://panel.example", session=session, sleep=lambda s: None)


def test_a_billing_profiles_address_lines_sent_as_numbers_are_text():
    with answering('{"company": 7, "address_lines": ["Main Street", 12, 4.5, 10000000000000000000001], '
                   '"country": "DE", "tax_id": ""}') as client:
        profile = client.billing_profile()
    assert profile["address_lines"] == ["Main Street", "12", "4.5", "10000000000000000000001"]
    assert profile["company"] == "7"            # as a single text field already was


def test_the_profile_the_panel_stored_comes_back_as_text_too():
    with answering('{"company": "", "address_lines": [221, "Baker St"], "country": "GB", "tax_id": ""}') as client:
        saved = client.save_billing_profile(company="", address_lines=["221", "Baker St"], country="GB", tax_id="")
    assert saved["address_lines"] == ["221", "Baker St"]


def test_the_billing_cycles_and_the_sellers_lines_of_the_config_are_text():
    with answering('{"billing_cycles": ["monthly", 12], "seller": {"name": "Host", "address_lines": [1, "Road"]}}'
                   ) as client:
        config = client.billing_config()
    assert config["billing_cycles"] == ["monthly", "12"]
    assert config["seller"]["address_lines"] == ["1", "Road"]


def test_an_invoices_seller_and_buyer_lines_are_text():
    with answering('{"id": "i1", "seller": {"address_lines": [5]}, "buyer": {"address_lines": ["Flat", 3]}}'
                   ) as client:
        invoice = client.invoice("i1")
    assert invoice["seller"]["address_lines"] == ["5"]
    assert invoice["buyer"]["address_lines"] == ["Flat", "3"]


def test_direction_controls_leave_a_list_of_text_as_they_leave_a_single_field():
    with answering('{"company": "\\u202eAcme", "address_lines": ["\\u202eMain 1"], "country": "DE", "tax_id": ""}'
                   ) as client:
        profile = client.billing_profile()
    assert profile["company"] == "Acme" and profile["address_lines"] == ["Main 1"]


@pytest.mark.parametrize("line", ["true", "{\"a\": 1}", "[1]"])
def test_what_is_not_text_in_such_a_list_is_still_refused(line):
    with answering('{"company": "", "address_lines": [' + line + '], "country": "DE", "tax_id": ""}') as client:
        with pytest.raises(BadAnswer):
            client.billing_profile()


def test_every_list_of_text_the_schemas_declare_is_one_the_cache_reads_back_as_text():
    from app.api import validate
    from app.core.panel_text import LIST_FIELDS

    assert validate._text_list_keys() <= LIST_FIELDS


def test_a_cache_written_before_reads_a_list_of_text_back_as_text(tmp_path):
    from app.cache import AccountCache, CacheChanges

    with AccountCache(tmp_path / "cache.sqlite3") as cache:
        cache.apply(CacheChanges(config={"billing_config": {"billing_cycles": ["monthly", 12],
                                                            "seller": {"address_lines": [1, "Road"]}}}))
        config = cache.config("billing_config")
    assert config["billing_cycles"] == ["monthly", "12"] and config["seller"]["address_lines"] == ["1", "Road"]
