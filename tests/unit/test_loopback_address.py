"""A panel on this computer typed without a scheme is reached over http, as a browser reaches it; anything else
typed bare is https, and plain http stays refused beyond this computer."""
from __future__ import annotations

import pytest

from app.core.accounts import AccountError, normalise_url


@pytest.mark.parametrize(("typed", "kept"), [
    ("127.0.0.1:8000", "http://127.0.0.1:8000"),
    ("localhost:8000", "http://localhost:8000"),
    ("LocalHost:8000/", "http://localhost:8000"),
    ("[::1]:8000", "http://[::1]:8000"),
    ("127.0.0.1", "http://127.0.0.1"),
    ("https://127.0.0.1:8443", "https://127.0.0.1:8443"),      # a scheme typed is kept
    ("panel.example.com:8443", "https://panel.example.com:8443"),
    ("127.0.0.2:8000", "https://127.0.0.2:8000"),             # not one of the names http is allowed for
    ("localhost.example.com", "https://localhost.example.com"),
])
def test_a_bare_address_on_this_computer_is_http(typed, kept):
    assert normalise_url(typed) == kept


@pytest.mark.parametrize("typed", ["[::1", "localhost:port", "http://panel.example.com"])
def test_what_was_refused_stays_refused(typed):
    with pytest.raises(AccountError):
        normalise_url(typed)
