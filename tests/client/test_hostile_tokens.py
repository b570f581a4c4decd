"""A login answered with a token that cannot be sent back in a header (a line break, "€", 100 KB), and an API key
typed with such characters. Before, the login succeeded and was saved, and then every request failed: a line break
as "Could not reach the panel" (the account looked offline for good), "€" as a bare UnicodeEncodeError ("Sync
failed unexpectedly"), 100 KB as the panel's 431. Now the login is a BadAnswer and nothing is kept, and a key that
cannot be sent asks for a new sign-in, in words."""
from __future__ import annotations

import json

import pytest

from app.api import AuthRequired, BadAnswer, Credentials, PanelClient

from . import hostile
from .hostile import HostilePanel, raw


@pytest.fixture
def panel():
    server = HostilePanel()
    yield server
    server.close()


def login_answer(access: str, refresh: str = "refresh-1") -> hostile.Fault:
    pair = {"access_token": access, "refresh_token": refresh, "token_type": "Bearer", "expires_in": 900}
    return raw(200, json.dumps({"data": pair}).encode())


@pytest.mark.parametrize("token", ["abc\r\nX-Evil: 1", "tok€n", "a" * 100_000, "with space", ""])
def test_a_login_whose_token_cannot_be_sent_back_is_a_bad_answer_and_logs_nobody_in(panel, sleeps, token):
    panel.faults["/auth/login"] = login_answer(token)
    with PanelClient(panel.url, sleep=sleeps) as client:
        with pytest.raises(BadAnswer) as caught:
            client.login("a@example.com", "secret")
        assert caught.value.field == "access_token"
        assert client.credentials is None


def test_a_refresh_token_of_megabytes_is_no_pair(panel, sleeps):
    panel.faults["/auth/login"] = login_answer("good-token", "r" * 100_000)
    with PanelClient(panel.url, sleep=sleeps) as client, pytest.raises(BadAnswer):
        client.login("a@example.com", "secret")


def test_an_ordinary_token_logs_in(panel, sleeps):
    panel.faults["/auth/login"] = login_answer("eyJhbGciOi.eyJzdWIi-_~.sig+/=")
    with PanelClient(panel.url, sleep=sleeps) as client:
        assert client.login("a@example.com", "secret").credentials is not None
        client.me()


@pytest.mark.parametrize("key", ["bp_€uro", "bp_abc\ndef", "bp_ abc", "bp_" + "k" * 9000])
def test_a_key_that_cannot_be_sent_asks_for_a_new_sign_in_and_sends_nothing(panel, sleeps, key):
    panel.seen.clear()
    with PanelClient(panel.url, Credentials.from_api_key(key), sleep=sleeps) as client, \
            pytest.raises(AuthRequired, match="sign in again"):
        client.me()
    assert panel.seen == []
