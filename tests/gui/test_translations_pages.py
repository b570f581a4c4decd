"""The German build shows no English on what test_translations.py cannot reach through the main screens: the invoice
PDF, empty screens (nothing synced, nothing bought), the welcome and billing-disabled pages, an order's and a ticket's
page, the desktop notifications Sett words itself, the error headlines, and tax rates written as German writes them.
"""
from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication

from .test_translations import plain
from .test_translations_dialogs import english_left, german, texts_of

pytestmark = [pytest.mark.qt_log_ignore("propagateSizeHints"), pytest.mark.usefixtures("utc")]


def pdf_words(tmp_path) -> set[str]:
    """The words of an invoice's PDF (as the HTML it is painted from), part-paid with credits and a discount, so
    every row of the totals shows."""
    from app.views.invoice_pdf import invoice_html

    from . import samples
    from .test_invoice_pdf_layout import INVOICE

    data = samples.account_data(tmp_path)
    invoice = dict(INVOICE, status="pending", discount="2.00", credits_applied="3.00", balance_due="9.40",
                   amount_paid="5.00", billing_address={"company": "Badger Ltd", "country": "DE"})
    document = QTextDocument()
    document.setHtml(invoice_html(invoice, data.money, "Badger Hosting", "Ada"))
    return {plain(cell) for cell in re.split(r"[\n\t\u2029]", document.toPlainText()) if plain(cell)}


def test_the_german_invoice_pdf_has_no_english(qapp, tmp_path):
    from .test_invoice_pdf_layout import INVOICE

    english = pdf_words(tmp_path / "en")
    with german(qapp):
        in_german = pdf_words(tmp_path / "de")
    assert "Rechnung" in " ".join(in_german)
    own = {INVOICE["lines"][0]["description"], INVOICE["payments"][0]["reference"], "Ada"}     # the panel's own text
    left = english_left(in_german, english, own)
    assert not left, f"English left in the German invoice PDF: {left}"


def empty_screen_texts(qtbot) -> dict[str, set[str]]:
    """Each main screen given an account with nothing in it yet (synced, and never synced), the welcome page and the
    billing-disabled page: their empty states, shown or waiting hidden."""
    from app.core.account_data import AccountData
    from app.views.billing_disabled import BillingDisabledPage
    from app.views.main_window import welcome_text
    from app.views.sections import section_classes

    from . import samples

    seen: dict[str, set[str]] = {}
    synced = AccountData("a", public_settings=dict(samples.PUBLIC_SETTINGS), billing_config=samples.BILLING_CONFIG,
                         me=samples.ME, last_synced_at=samples.SYNCED_AT)
    for name, data in (("synced", synced), ("never synced", AccountData("a"))):
        for cls in section_classes():
            section = cls()
            qtbot.addWidget(section)
            section.show_data(data)
            QApplication.processEvents()
            seen[f"{cls.key}/{name}"] = texts_of(section)
    page = BillingDisabledPage()
    qtbot.addWidget(page)
    page.set_reason("Badger Hosting", None)
    seen["billing disabled"] = texts_of(page)
    seen["welcome"] = {plain(welcome_text())}
    return seen


def test_the_german_empty_screens_show_no_english(qapp, qtbot):
    english = empty_screen_texts(qtbot)
    with german(qapp):
        in_german = empty_screen_texts(qtbot)
    left = {name: english_left(texts, english[name]) for name, texts in in_german.items()}
    left = {name: texts for name, texts in left.items() if texts}
    assert not left, "English left on the empty German screens:\n" + "\n".join(f"{k}: {v}" for k, v in left.items())


def order_and_ticket_texts(qtbot, tmp_path) -> dict[str, set[str]]:
    """An order's page (pending, with its items and invoice) and a ticket's (about an invoice, staff and customer
    messages): record pages the main-screen test cannot open, its sample account having no orders or tickets."""
    from app.views.orders import OrdersSection
    from app.views.support import SupportSection

    from . import samples

    data = samples.account_data(tmp_path, orders=[samples.ORDER], tickets=[samples.TICKET])
    seen = {}
    orders = OrdersSection()
    qtbot.addWidget(orders)
    orders.show_data(data)
    assert orders.open_order("ord-1")
    seen["order"] = texts_of(orders.page)
    support = SupportSection()
    qtbot.addWidget(support)
    support.show_data(data)
    assert support.open_ticket("t-1")
    seen["ticket"] = texts_of(support.page)
    return seen


def test_the_german_order_and_ticket_pages_have_no_english(qapp, qtbot, tmp_path):
    english = order_and_ticket_texts(qtbot, tmp_path / "en")
    with german(qapp):
        in_german = order_and_ticket_texts(qtbot, tmp_path / "de")
    assert "Bestellung ORD-0001" in in_german["order"], sorted(in_german["order"])
    own = {"Why twice?", "Why was I billed twice?", "Sorry, fixed.", "Eve", "Ada"}      # the ticket's own words
    left = {name: english_left(texts, english[name], own) for name, texts in in_german.items()}
    left = {name: texts for name, texts in left.items() if texts}
    assert not left, "English left on the German record pages:\n" + "\n".join(f"{k}: {v}" for k, v in left.items())


def notice_texts() -> list[str]:
    """The desktop notifications Sett words itself: a reminder for each due date, and the summary of many."""
    from datetime import date

    from app.session.notices import due_reminders, summary_notice

    invoices = [{"id": f"i{days}", "invoice_number": f"INV-{days}", "status": "pending" if days >= 0 else "overdue",
                 "due_date": date(2026, 12, 10 + days).isoformat(), "balance_due": "5.00"} for days in (-2, 0, 1, 3)]
    notices = [*due_reminders(invoices, date(2026, 12, 10)), summary_notice(7)]
    return [text for notice in notices for text in (notice["title"], notice["message"])]


def test_the_german_desktop_notifications_have_no_english(qapp):
    english = notice_texts()
    with german(qapp):
        in_german = notice_texts()
    assert len(in_german) == len(english) == 10
    assert [g for g, e in zip(in_german, english, strict=True) if g == e] == []
    assert "Rechnung INV-3 ist in 3 Tagen fällig" in in_german and "7 neue Benachrichtigungen" in in_german


def error_headlines() -> list[str]:
    """What Sett says first about each kind of failure (app.session.wording), the panel's own words left as detail."""
    from app.api import (
        BadAnswer,
        Conflict,
        Forbidden,
        NetworkError,
        NotAPanel,
        RateLimited,
        ServerError,
    )
    from app.cache import CacheError
    from app.core.text import translate
    from app.session.wording import CODE_WORDS, OFFLINE_ACTION, action_failed, explain

    errors = [BadAnswer("x"), NotAPanel("x"), NetworkError("x"), RateLimited("x", retry_after=5), RateLimited("x"),
              Forbidden("x"), ServerError("x"), CacheError("x"), RuntimeError("x"),
              *(Conflict("x", code=code) for code in CODE_WORDS)]
    return ([explain(error)[0] for error in errors] + [action_failed(NetworkError("x"))]
            + [translate("Wording", OFFLINE_ACTION)])


def test_the_german_error_headlines_have_no_english(qapp):
    english = error_headlines()
    with german(qapp):
        in_german = error_headlines()
    assert [g for g, e in zip(in_german, english, strict=True) if g == e] == []
    assert any("nicht erreichbar" in g for g in in_german), in_german


def test_a_tax_rate_is_written_as_german_writes_it(qapp, qtbot):
    """The cart's and the checkout's tax row: "Steuer (7,5 %)", never "7.5 %" or the panel's "20.00"."""
    from app.features.checkout import _breakdown
    from app.views.cart_totals import Totals

    with german(qapp):
        totals = Totals()
        qtbot.addWidget(totals)
        totals.show_amounts({"subtotal": "10.00", "tax_amount": "0.75", "total": "10.75"}, str, tax_rate="7.5",
                            tax_inclusive=False, tax_enabled=True)
        assert totals.labels["tax_amount"].text() == "Steuer (7,5\u00a0%)"
        rows = _breakdown({"subtotal": "10.00", "tax_amount": "2.00", "tax_rate": "20.00", "tax_inclusive": True}, str)
        assert rows[-1] == ("Steuer (20\u00a0%, enthalten)", "2.00")


def test_an_answer_sett_does_not_understand_is_explained_in_german(qapp):
    """The detail under "Das Panel hat eine Antwort geschickt, die Sett nicht versteht": Sett's own checks and the
    common kinds of mistake in German; only the field's name stays as the panel spells it."""
    from app.api import BadAnswer
    from app.api.validate import model

    def problem(schema: str, data: dict) -> str:
        with pytest.raises(BadAnswer) as caught:
            model("me", schema, data)
        return str(caught.value)

    with german(qapp):
        wrong_id = problem("Me", {"id": ["x"]})
        wrong_kind = problem("PublicSettings", {"billing_enabled": [1]})
    assert "eine ID muss Text oder eine ganze Zahl sein, nicht eine Liste" in wrong_id, wrong_id   # (5d3af90)
    assert "(me.billing_enabled: nicht die erwartete Art von Wert)" in wrong_kind, wrong_kind
