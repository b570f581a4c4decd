"""The finished page's `cancelled` is a yes-or-no (docs/api.md, "Pay pages and gateways").

`GET /pay/finished?cancelled=0` said "Payment cancelled ... Nothing was charged": the page read any text at all as
yes, so `0`, `false`, `no` and an empty value told a buyer whose payment may have gone through that nothing was
charged. Now a word for no (or none) is the finished page, a word for yes the cancelled one, and anything else the
pay pages' HTML 400 for a link the panel did not make, as a repeated parameter is, never a crash.
"""
from __future__ import annotations

import pytest
import requests

CANCELLED = "Payment cancelled"
FINISHED = "Payment finished"


def _page(panel, query: str) -> requests.Response:
    return requests.get(f"{panel.url}/pay/finished{query}", allow_redirects=False, timeout=30)


@pytest.mark.parametrize("query", ["", "?cancelled=0", "?cancelled=false", "?cancelled=False", "?cancelled=no",
                                   "?cancelled=NO", "?cancelled=off", "?cancelled=", "?payment=p1&cancelled=0"])
def test_a_word_for_no_is_not_cancelled(panel, query):
    r = _page(panel, query)
    assert r.status_code == 200, (query, r.status_code, r.text[-400:])
    assert FINISHED in r.text and CANCELLED not in r.text and "Nothing was charged" not in r.text, query


@pytest.mark.parametrize("query", ["?cancelled=1", "?cancelled=true", "?cancelled=TRUE", "?cancelled=yes",
                                   "?cancelled=on", "?cancelled=1&payment=p1"])
def test_a_word_for_yes_is_cancelled(panel, query):
    r = _page(panel, query)
    assert r.status_code == 200, (query, r.status_code, r.text[-400:])
    assert CANCELLED in r.text and "Nothing was charged" in r.text and FINISHED not in r.text, query


@pytest.mark.parametrize("value", ["maybe", "2", "-1", "tru", " 1", "yes please", "%00", "%E2%9C%93"])
def test_anything_else_is_the_pay_pages_invalid_link_page(panel, value):
    r = _page(panel, f"?cancelled={value}")
    assert r.status_code == 400, (value, r.status_code, r.text[-400:])
    assert r.headers["content-type"].startswith("text/html") and r.headers["cache-control"] == "no-store"
    assert "This payment link is not valid" in r.text and "&#x27;cancelled&#x27;" in r.text
    # It says nothing about the payment either way: it cannot know how it ended.
    assert CANCELLED not in r.text and "Nothing was charged" not in r.text and "Traceback" not in r.text
    assert requests.head(f"{panel.url}/pay/finished?cancelled={value}", timeout=30).status_code == 400
