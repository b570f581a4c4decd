"""An answer packed in a way Sett did not ask for (it sends `Accept-Encoding: gzip, deflate`): stacked encodings
such as "gzip, gzip", Brotli, or a header full of junk. The sync stops with a sentence that quotes the header as a
person can read it (printable, short) and in the user's language, and the cache is left as it was."""
from __future__ import annotations

import sqlite3

import pytest

from app.api import BadAnswer, body

from .hostile import hostile_panel_fixture, raw, synced  # noqa: F401 - the `panel` fixture

BODY = b'{"data": [], "meta": {"current_page": 1, "per_page": 100, "total": 0, "total_pages": 1}}'


def invoices(path) -> list:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT id, data FROM invoices ORDER BY id").fetchall()
    finally:
        conn.close()


@pytest.mark.parametrize(("header", "shown"), [
    ("gzip, gzip", "'gzip, gzip'"),
    ("br", "'br'"),
    ("x" * 500, "'" + "x" * 39 + "…'"),
    ("gzip\x1b[31m", "'gzip?[31m'"),
])
def test_an_answer_packed_as_sett_did_not_ask_is_refused_in_words(panel, tmp_path, sleeps, header, shown):
    path = tmp_path / "cache.sqlite"
    synced(panel, path, sleeps)
    before = invoices(path)
    panel.faults["/billing/invoices"] = raw(200, BODY, {"Content-Encoding": header})
    with pytest.raises(BadAnswer) as caught:
        synced(panel, path, sleeps)
    message = str(caught.value)
    assert f"packed as {shown}, which Sett did not ask for and cannot read." in message
    assert caught.value.field == "Content-Encoding"
    assert invoices(path) == before


def test_the_refusal_goes_through_the_translator(panel, tmp_path, sleeps, monkeypatch):
    monkeypatch.setattr(body, "translate", lambda context, source, *args, **kwargs: "ÜBERSETZT " + source)
    panel.faults["/billing/invoices"] = raw(200, BODY, {"Content-Encoding": "gzip, gzip"})
    with pytest.raises(BadAnswer) as caught:
        synced(panel, tmp_path / "cache.sqlite", sleeps)
    assert str(caught.value).startswith("ÜBERSETZT ")
