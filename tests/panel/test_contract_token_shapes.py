"""An access token is never mistaken for an API key.

The contract: API keys are `Authorization: Bearer bp_<random>`, and the panel tells them from access tokens by that
prefix. Access tokens were `secrets.token_urlsafe(32)`, whose alphabet holds `b`, `p` and `_`: about one login in
262,144 got an access token starting `bp_`, looked up as an API key on every request and refused (401) until
refreshed.
"""
from __future__ import annotations

from panel import security


def test_a_new_token_never_starts_like_an_api_key(monkeypatch):
    drawn = iter(["bp_looks-like-a-key", "bp_again", "an-ordinary-token"])
    monkeypatch.setattr(security.secrets, "token_urlsafe", lambda n: next(drawn))
    assert security.new_token() == "an-ordinary-token"


def test_api_keys_keep_their_prefix():
    assert security.new_api_key().startswith(security.API_KEY_PREFIX)
    assert not security.new_token().startswith(security.API_KEY_PREFIX)
