"""With German chosen, what the client's data layer says about an answer it cannot use, a login answer without
tokens and an outbox entry set aside reaches the user in German, with German numbers: these sentences were
English f-strings ("expected a whole number, not dict") and limits raw digits ("20000")."""
from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

import pytest

from app.api import BadAnswer
from app.api.fields import aware_time, check_count, check_day
from app.api.validate import checked, checked_rows
from app.core import local_format, text
from app.core import outbox as ob

ROOT = Path(__file__).resolve().parents[2]


def _german() -> dict[tuple[str, str], str]:
    found = {}
    for path in [ROOT / "i18n" / "sett_de.ts", *sorted((ROOT / "i18n" / "pending").glob("*_de.ts"))]:
        for context in ElementTree.parse(path).getroot().iter("context"):
            for message in context.iter("message"):
                if message.get("numerus") != "yes":
                    found[(context.findtext("name") or "", message.findtext("source") or "")] = (
                        message.findtext("translation") or "")
    return found


@pytest.fixture
def german():
    words = _german()
    text.install(lambda context, source, _dis=None, _n=-1: words.get((context, source)) or source)
    before = local_format.current_locale()
    local_format.set_locale("de_DE")
    yield
    text.install(None)
    local_format.set_locale(before)


@pytest.mark.parametrize("check, value, german_text", [
    (check_count, {}, "eine ganze Zahl erwartet, nicht dict"),
    (check_count, "zwölf", "eine ganze Zahl erwartet"),
    (aware_time, "2026-12-06T10:00:00", "eine Zeit ohne Zeitzone"),
    (aware_time, "gestern", "keine Zeit nach ISO 8601"),
    (check_day, "2026-13-01", "kein Datum der Form JJJJ-MM-TT"),
])
def test_field_problems_are_german(german, check, value, german_text):
    with pytest.raises(ValueError) as raised:
        check(value)
    assert german_text in str(raised.value)


def test_an_answer_not_understood_names_its_kind_in_german(german):
    with pytest.raises(BadAnswer) as raised:
        checked("ticket", "TicketDetail", ["not", "an", "object"])
    assert "ein Objekt erwartet, erhalten: eine Liste" in str(raised.value)
    with pytest.raises(BadAnswer) as raised:
        checked_rows("tickets", "Ticket", {"id": 1})
    assert "eine Liste erwartet, erhalten: ein Objekt" in str(raised.value)


def test_an_outbox_entry_set_aside_says_its_limit_as_german_writes_numbers(german):
    row = ob.new_entry(ob.REPLY_TICKET, "t-1", "Antwort", {"body": "Hallo"}, "key-1", 1).to_row()
    row["args"] = {"body": "x" * (ob.MAX_BODY + 1)}
    with pytest.raises(ob.OutboxRowInvalid) as raised:
        ob.parse(row)
    assert "20.000" in str(raised.value) and "20000" not in str(raised.value)


def test_a_login_answer_without_tokens_is_said_in_german(german):
    from app.api import PanelClient

    client = PanelClient("http://127.0.0.1:9")
    try:
        with pytest.raises(BadAnswer) as raised:
            client._login_result({"requires_2fa": True}, "/auth/login")
        assert "fragte nach einem Code" in str(raised.value)
        with pytest.raises(BadAnswer) as raised:
            client._login_result({"user": {}}, "/auth/login")
        assert "ohne ein Token-Paar" in str(raised.value)
    finally:
        client.close()


def test_seconds_in_a_network_sentence_are_written_as_german_writes_numbers(german):
    import requests

    from app.api.network import network_error
    from app.core.formatting import seconds_text

    error = network_error("panel.example", requests.exceptions.ReadTimeout("slow"), 2.5)
    assert "2,5" in str(error) and "2.5" not in str(error)
    assert seconds_text(10) == "10" and seconds_text(1000) == "1.000"
