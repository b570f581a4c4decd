"""Two rules that each had two homes now have one.

A currency code's one spelling: where it sits (a row's `currency`, billing_config's `currency.code`) is
`app.core.panel_text.spell_currency`, which both walks follow: `app.api.validate` over the panel's answers and
`app.core.panel_text.as_text` over rows a cache kept from before. So an answer and an old cache's copy of it come
out alike. And an action Sett never sent is its own case of the key rule (`app.api.NothingSent`), which the
cache's failure to keep a key (`NotSent`) is, rather than passing as a refusal of the panel's."""
from __future__ import annotations

import copy

import pytest

from app.api import ApiError, NothingSent, ValidationFailed, definite_refusal, panel_may_have_acted
from app.api.validate import checked, checked_rows
from app.cache import CacheError
from app.core.panel_text import as_text, spell_currency
from app.session.operations.keeping import NotSent
from app.session.wording import action_failed

ROWS = [
    {"id": "1", "status": "pending", "currency": "usd", "total": "1.00"},
    {"id": "2", "status": "paid", "currency": " Eur\u202e", "total": "2.00"},
    {"id": "3", "status": "paid", "currency": 978, "total": "3.00"},
    {"id": "4", "status": "paid", "currency": "zł", "total": "4.00"},
    {"id": "5", "status": "paid", "currency": None, "total": "5.00"},
]
CONFIGS = [
    {"currency": {"code": "usd", "symbol": "kr", "places": 2}},
    {"currency": {"code": 840, "symbol": "$", "places": 2}},
    {"currency": {"code": None, "symbol": "$", "places": 2}},
]


@pytest.mark.parametrize("row", ROWS, ids=lambda r: repr(r["currency"]))
def test_an_answer_and_an_old_caches_copy_of_it_read_the_same(row):
    assert checked_rows("invoices", "Invoice", [copy.deepcopy(row)]) == as_text([copy.deepcopy(row)])


@pytest.mark.parametrize("config", CONFIGS, ids=lambda c: repr(c["currency"]["code"]))
def test_billing_configs_code_reads_the_same_from_an_answer_and_a_cache(config):
    assert checked("billing_config", "BillingConfig", copy.deepcopy(config)) == as_text(copy.deepcopy(config))


def test_the_rule_says_where_a_code_sits():
    row = {"currency": " usd "}
    assert spell_currency(row) is True and row == {"currency": "USD"}
    config = {"currency": {"code": "gbp", "symbol": "£"}}
    assert spell_currency(config) is False and config == {"currency": {"code": "GBP", "symbol": "£"}}
    for odd in ({}, {"currency": None}, {"currency": True}, {"currency": ["usd"]}):
        before = copy.deepcopy(odd)
        assert spell_currency(odd) is False and odd == before     # left to each walk's own handling


def test_an_action_never_sent_is_definite_without_posing_as_the_panels_refusal():
    error = NotSent("Could not write the cache for this account: disk full.")
    assert isinstance(error, NothingSent) and isinstance(error, CacheError) and isinstance(error, ApiError)
    assert not isinstance(error, ValidationFailed)
    assert definite_refusal(error) and not panel_may_have_acted(error)
    assert action_failed(error).startswith("Nothing was sent")
    assert not panel_may_have_acted(NothingSent("stopped before sending"))
