"""Panel addresses a person types or pastes, refused in words before anything is sent. Before, "http://[::1" raised
a bare ValueError and a 300-letter label or "a..b" a bare UnicodeError ("Something went wrong" in the add-account
dialog), a space, a line break or a port of 99999 failed as "the request could not be sent" (as if offline), and
"http://user:password@panel" was accepted: the password would be kept with the account's address (a secret in
the settings) and shown back in every "Could not reach user:password@..." sentence."""
from __future__ import annotations

import pytest

from app.api import NotAPanel, PanelClient, probe
from app.api.address import normalise_base_url

from .hostile import HostilePanel


@pytest.mark.parametrize("typed", [
    "http://[::1", "http://" + "a" * 300 + ".com", "http://a..b", "http://exa mple.com", "http://a\nb.com",
    "http://\u202eevil.com", "http://panel.example:99999", "http://127.0.0.1:9/\x00", "http:///x",
    "javascript:alert(1)", "file:///etc/passwd", "", None,
])
def test_an_address_no_resolver_takes_is_not_a_panel_address_in_words(typed):
    with pytest.raises(NotAPanel, match="not a panel address"):
        normalise_base_url(typed)


@pytest.mark.parametrize("typed", ["http://user:hunter2@127.0.0.1:9", "https://:hunter2@panel.example.com",
                                   "https://hunter2@panel.example.com/"])
def test_an_address_with_a_password_is_refused_without_repeating_it(typed, sleeps):
    with pytest.raises(NotAPanel) as caught:
        probe(typed, sleep=sleeps)
    assert "user name or password" in str(caught.value) and "hunter2" not in str(caught.value)
    with pytest.raises(NotAPanel):
        PanelClient(typed)


@pytest.mark.parametrize(("typed", "kept"), [
    ("https://panel.example.com/api/v1/", "https://panel.example.com"),
    ("  http://[::1]:8080 ", "http://[::1]:8080"),
    ("https://bücher.example/panel/", "https://bücher.example/panel"),
    ("http://localhost:8000", "http://localhost:8000"),
])
def test_ordinary_addresses_are_kept(typed, kept):
    assert normalise_base_url(typed) == kept


def test_a_real_address_still_probes():
    panel = HostilePanel()
    try:
        assert probe(panel.url + "/api/v1")["panel_name"] == "Hostile"
    finally:
        panel.close()
