"""A 429 whose Retry-After is infinite or absurd ("inf", "1e400", a date in the year 9999): the wait Sett reads is at
most a day. Before, "inf" was read as infinity, and the login dialog's words for the refusal ("Wait %n second(s)")
raised OverflowError on the UI thread; "1e300" asked the user to wait a 301-digit number of seconds."""
from __future__ import annotations

import pytest

from app.api import PanelClient, RateLimited
from app.api.retry import RETRY_AFTER_MAX, parse_retry_after
from app.session.wording import action_failed, in_words

from .hostile import HostilePanel, raw

REFUSAL = b'{"error": {"code": "rate_limited", "message": "Too many login attempts."}}'


@pytest.fixture
def panel():
    server = HostilePanel()
    yield server
    server.close()


@pytest.mark.parametrize("header", ["inf", "Infinity", "1e400", "1e300", "1e9", "Fri, 31 Dec 9999 23:59:59 GMT"])
def test_an_absurd_retry_after_on_a_login_is_a_day_at_most_in_words(panel, sleeps, header):
    panel.faults["/auth/login"] = raw(429, REFUSAL, {"Retry-After": header})
    with PanelClient(panel.url, sleep=sleeps) as client, pytest.raises(RateLimited) as caught:
        client.login("a@example.com", "secret")
    error = caught.value
    assert error.retry_after == RETRY_AFTER_MAX
    assert "86400" in in_words(error) and len(action_failed(error)) < 200
    assert sleeps == []          # a login is never repeated by itself


@pytest.mark.parametrize(("header", "seconds"), [("30", 30), ("-5", 0), ("-inf", 0), ("nan", None), ("", None)])
def test_ordinary_and_odd_retry_afters_read_as_before(header, seconds):
    assert parse_retry_after(header) == seconds
