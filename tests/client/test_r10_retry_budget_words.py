"""When the waits a panel asks for pass what Sett waits for one sync or call, the words say how long the panel
asked for: it said 60 seconds (the longest single wait Sett makes) when the panel had asked for a day, so the
person was told the panel wanted a minute, tried again at once and met the same refusal. Real sockets on
127.0.0.1 (tests/client/hostile.py); the waits are recorded, not slept."""
from __future__ import annotations

import pytest

from app.api import PanelClient, RetryBudgetSpent
from app.api.retry import RETRY_AFTER_CAP

from .hostile import HostilePanel, raw

LIMITED = b'{"error": {"code": "rate_limited", "message": "Slow down."}}'


@pytest.fixture
def panel():
    server = HostilePanel()
    yield server
    server.close()


@pytest.mark.parametrize(("header", "asked"), [("100000", "86,400 seconds"), ("3600", "3,600 seconds"),
                                               ("1e400", "86,400 seconds")])
def test_the_refusal_names_the_wait_the_panel_asked_for(panel, sleeps, header, asked):
    panel.faults["/billing/credits"] = raw(429, LIMITED, {"Retry-After": header})
    with PanelClient(panel.url, sleep=sleeps) as client, pytest.raises(RetryBudgetSpent) as caught:
        client.credits()
    assert asked in str(caught.value)
    assert all(wait <= RETRY_AFTER_CAP for wait in sleeps) and sum(sleeps) <= 120
