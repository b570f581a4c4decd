"""What a person types as a panel's address: the origin Sett keeps, or a clear refusal before anything is sent."""
from __future__ import annotations

import pytest

from app.core.accounts import AccountError, normalise_url


@pytest.mark.parametrize(("typed", "kept"), [
    ("panel.example.com", "https://panel.example.com"),
    ("  https://panel.example.com/  ", "https://panel.example.com"),
    ("https://panel.example.com/clientarea/login", "https://panel.example.com"),
    ("https://panel.example.com:8443", "https://panel.example.com:8443"),
    ("http://127.0.0.1:8000", "http://127.0.0.1:8000"),
    ("http://localhost:8000", "http://localhost:8000"),
    ("http://[::1]:8000", "http://[::1]:8000"),
    ("https://203.0.113.10", "https://203.0.113.10"),
    ("https://bücher.example", "https://bücher.example"),
    ("https://my_panel.internal", "https://my_panel.internal"),
    ("https://panel.example.com.", "https://panel.example.com."),
    ("HTTPS://Panel.Example.COM:8443/", "https://panel.example.com:8443"),
])
def test_an_address_people_type_is_kept_as_its_origin(typed, kept):
    assert normalise_url(typed) == kept


@pytest.mark.parametrize("typed", [
    "", "   ", "not a url", "panel example.com", "https://panel.example.com:port", "https://panel.example.com:99999",
    "ftp://panel.example.com", "https://-panel.example.com", "https://panel..example.com", "https://pa!nel.com",
    "https://" + "a" * 64 + ".com", "https://[::1", "mailto:dana@example.com",
])
def test_what_is_no_address_is_refused_with_an_example(typed):
    with pytest.raises(AccountError, match="for example https://panel.example.com"):
        normalise_url(typed)


def test_plain_http_is_for_this_computer_only():
    with pytest.raises(AccountError, match="Use https://"):
        normalise_url("http://panel.example.com")


@pytest.mark.parametrize("typed", ["https://dana:secret@panel.example.com", "dana@panel.example.com"])
def test_a_login_in_the_address_is_refused_so_it_is_never_kept_with_the_account(typed):
    with pytest.raises(AccountError, match="without a login") as refused:
        normalise_url(typed)
    assert "secret" not in str(refused.value)
