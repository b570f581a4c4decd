"""Whether a probe timed out is read from the error's kind, never from its words: a German Sett words the timeout
"keine Antwort innerhalb von 10 Sekunden", and the probe's one-retry grace must hold for it too."""
from __future__ import annotations

import pytest
import requests

from app.api import DeadlineExceeded, NetworkError
from app.api.network import network_error
from app.core import text
from app.session.probe import _timed_out


@pytest.fixture
def german_words():
    text.install(lambda context, source, disambiguation=None, n=-1: "Keine Verbindung zu {host}: {reason}."
                 if source.startswith("Could not reach") else "keine Antwort innerhalb von 10 Sekunden")
    yield
    text.install(None)


def test_a_timeout_in_german_words_is_still_a_timeout(german_words):
    error = network_error("panel.example", requests.exceptions.ReadTimeout("read timed out"), 10.0)
    assert "timed out" not in str(error) and "no answer within" not in str(error)
    assert error.timed_out and _timed_out(error)
    assert _timed_out(network_error("panel.example", requests.exceptions.ConnectTimeout("x"), 10.0))


def test_other_network_errors_are_not_timeouts(german_words):
    assert not _timed_out(network_error("panel.example", requests.exceptions.ConnectionError("refused"), 10.0))
    assert not _timed_out(NetworkError("the connection timed out"))       # the words alone decide nothing
    assert _timed_out(DeadlineExceeded("took too long"))
