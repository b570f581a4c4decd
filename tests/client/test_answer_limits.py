"""The body reader and the schemas on their own (canned answers, no sockets): packed answers within the limits,
cursors, and the words of a refused answer."""
from __future__ import annotations

import gzip
import json
import zlib
from datetime import UTC, datetime, timedelta

import pytest

from app.api import AnswerTooLarge, BadAnswer, PanelClient
from app.api.fields import aware_time
from app.sync.engine import CLOCK_TOLERANCE, usable_cursor

from .canned_session import Canned, CannedSession

SETTINGS = b'{"data": {"panel_name": "P", "billing_enabled": true}}'


def client_answering(body: bytes, **headers: str) -> PanelClient:
    session = CannedSession(lambda sent: Canned(200, body, {"Content-Type": "application/json", **headers}))
    return PanelClient("https://panel.example", session=session, sleep=lambda s: None)


@pytest.mark.parametrize(("packed", "encoding"), [
    (gzip.compress(SETTINGS, mtime=0), "gzip"),
    (zlib.compress(SETTINGS), "deflate"),
    (zlib.compress(SETTINGS)[2:-4], "deflate"),   # "deflate" as some servers send it: raw, no zlib header
    (SETTINGS, "identity"),
])
def test_packed_answers_are_unpacked(packed, encoding):
    with client_answering(packed, **{"Content-Encoding": encoding}) as client:
        assert client.public_settings() == {"panel_name": "P", "billing_enabled": True}


@pytest.mark.parametrize(("packed", "encoding", "words"), [
    (SETTINGS, "br", "'br'"),
    (gzip.compress(SETTINGS, mtime=0)[:-12], "gzip", "cannot be unpacked"),
    (b"not gzip at all", "gzip", "cannot be unpacked"),
])
def test_answers_that_cannot_be_unpacked_are_bad_answers(packed, encoding, words):
    with client_answering(packed, **{"Content-Encoding": encoding}) as client, \
            pytest.raises(BadAnswer, match=words) as caught:
        client.public_settings()
    assert caught.value.field == "Content-Encoding"


def test_a_small_bomb_is_refused_with_the_limit_in_words(monkeypatch):
    from app.api import body

    monkeypatch.setattr(body, "MAX_BODY_BYTES", 1000)
    monkeypatch.setattr(body.read_body, "__kwdefaults__", {"max_wire": body.MAX_WIRE_BYTES, "max_body": 1000})
    bomb = gzip.compress(b'{"data": {"panel_name": "' + b"x" * 100_000 + b'"}}')
    with client_answering(bomb, **{"Content-Encoding": "gzip"}) as client, \
            pytest.raises(AnswerTooLarge, match="unpacked"):
        client.public_settings()


def test_refusals_name_the_resource_and_field_in_words():
    answer = b'{"data": {"enabled": true, "currency": {"code": "USD", "places": 200000}}}'
    with client_answering(answer) as client, pytest.raises(BadAnswer) as caught:
        client.billing_config()
    error = caught.value
    assert (error.resource, error.field) == ("billing settings", "currency.places")
    assert str(error).startswith("The panel sent an answer Sett does not understand (billing settings.currency.places")


def test_times_need_a_zone_and_cursors_stay_near_this_clock():
    assert aware_time("2026-12-05T10:00:00+02:00") == datetime(2026, 12, 5, 8, tzinfo=UTC)
    for bad in ("2026-12-05T10:00:00", "yesterday", 17, None, "", "x" * 100):
        with pytest.raises(ValueError):
            aware_time(bad)
    now = datetime(2026, 12, 5, 12, tzinfo=UTC)
    assert usable_cursor("2026-12-05T12:00:00Z", now) == now
    assert usable_cursor((now + CLOCK_TOLERANCE).isoformat(), now) == now + CLOCK_TOLERANCE
    assert usable_cursor((now + CLOCK_TOLERANCE + timedelta(seconds=1)).isoformat(), now) is None
    assert usable_cursor("garbage", now) is None and usable_cursor(None, now) is None


def test_an_empty_answer_marked_packed_is_an_empty_answer():
    session = CannedSession(lambda sent: Canned(204, b"", {"Content-Encoding": "gzip"}))
    with PanelClient("https://panel.example", session=session, sleep=lambda s: None) as client:
        assert client.withdraw_cancellation("s1") is None


@pytest.mark.parametrize(("field", "value"), [
    ("updated_at", "yesterday"), ("updated_at", "2026-12-05T10:00:00"), ("created_at", {"at": 1}),
    ("due_date", "5 Dec"), ("due_date", "2026-13-40"), ("paid_at", 17),
])
def test_a_row_whose_time_is_not_a_time_is_refused_by_name(field, value):
    row = {"id": "inv-1", "invoice_number": "INV-1", "status": "pending", "updated_at": "2026-12-05T10:00:00Z",
           "due_date": "2026-12-10", field: value}
    with client_answering(json.dumps({"data": row}).encode()) as client, pytest.raises(BadAnswer) as caught:
        client.invoice("inv-1")
    assert caught.value.field == field


def test_rows_with_good_times_and_days_pass_as_sent():
    row = {"id": "inv-1", "status": "paid", "updated_at": "2026-12-05T10:00:00.123456Z",
           "created_at": "2026-12-05T10:00:00+01:00", "issue_date": "2026-12-01", "due_date": "2026-12-10",
           "paid_at": None}
    with client_answering(json.dumps({"data": row}).encode()) as client:
        assert client.invoice("inv-1") == row
