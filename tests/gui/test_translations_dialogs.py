"""The German build shows no English in Sett's dialogs either: each dialog (adding and managing accounts, the login
prompt, Preferences, the billing profile, Save all PDFs, a new ticket, a cancellation, a top-up's checkout, the notices
and outbox lists, About, the crash box) is opened on the same cached account once in English and once in German, and
every text of its widgets -- hidden pages too, such as the add-account dialog's two-factor step -- is compared, as
test_translations.py does for the main screens.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QLabel, QMenu, QWidget

from app.core import local_format
from app.shell import language

from .conftest import WAIT, close
from .test_translations import (
    NAMES,
    WORD,
    cached_account,  # noqa: F401 - the fixture
    compiled_qm,
    data_words,
    plain,
    same_in_german,
    widget_texts,
)

pytestmark = [pytest.mark.qt_log_ignore("propagateSizeHints"), pytest.mark.usefixtures("utc")]


def all_texts(widget: QWidget) -> Iterator[str]:
    """Every text of a dialog and its children, shown or not (a dialog's later pages are hidden at first)."""
    yield widget.windowTitle()
    for child in [widget, *widget.findChildren(QWidget)]:
        yield from widget_texts(child)
        if isinstance(child, QMenu):
            yield from (action.text() for action in child.actions())


DIALOGS = ("add account", "manage accounts", "login prompt", "preferences", "billing profile", "save all PDFs",
           "new ticket", "cancellation", "top-up", "notices", "outbox", "about", "crash")


def ours_in_any_language() -> set[str]:
    """Texts no translation changes: the languages by their own names, the example address, the dependencies' names
    and licences in About, and the countries German names as English does ("Portugal"; their names come from CLDR)."""
    from app.views.about import dependencies
    from app.views.country_names import countries_by_name

    local_format.set_locale("de_DE")
    try:
        countries = {name for name, _code in countries_by_name()}
    finally:
        local_format.set_locale(local_format.DEFAULT_LOCALE)
    return ({"English", "Deutsch", "https://panel.example.com", "bp_…"} | countries
            | {text for d in dependencies() for text in (d.name, d.version, d.licence)} - {"see its distribution"})


def dialog_texts(make_app, qtbot) -> dict[str, set[str]]:
    """The texts of every dialog Sett opens, by name."""
    from app.views.about import AboutDialog
    from app.views.crash_dialog import CrashDialog
    from app.views.exports import PdfBatchDialog

    app = make_app()
    qtbot.waitUntil(lambda: app.sessions.current is not None and app.sessions.current.data is not None, timeout=WAIT)
    qtbot.waitUntil(lambda: app.window.status.state == "offline", timeout=WAIT)
    window, session = app.window, app.sessions.current
    seen: dict[str, set[str]] = {}

    def look(name: str, dialog: QWidget) -> None:
        QApplication.processEvents()
        seen[name] = {plain(t) for t in all_texts(dialog) if plain(t)}
        dialog.close()

    look("add account", app.dialogs.open_add_dialog())
    look("manage accounts", app.dialogs.open_manage_dialog())
    look("login prompt", app.dialogs._login_prompt(session))
    look("preferences", app.preferences.open_dialog())
    look("billing profile", app.features["billing_profile"].open())
    look("save all PDFs", PdfBatchDialog(window, all_accounts=True))
    window.select_section("support")
    look("new ticket", window.sections["support"].open_new_ticket())
    window.select_section("services")
    assert window.sections["services"].open_service("svc-flex")
    page = window.sections["services"].page
    cancel = page.open_cancel_dialog()
    if cancel is not None:                              # offline without an outbox, cancelling is refused
        look("cancellation", cancel)
    checkout = app.features["checkout"].start(session.id, "top_up", {"amount": "10.00"})
    look("top-up", checkout.dialog)
    look("notices", app.notices.open_dialog())
    look("outbox", app.features["outbox"].open())
    look("about", AboutDialog(window))
    look("crash", CrashDialog("RuntimeError: boom", "/tmp/sett.log", window))
    close(app)
    return seen


def test_the_german_build_shows_no_english_in_the_dialogs(make_app, qapp, qtbot, cached_account):  # noqa: F811
    compiled_qm()
    english = dialog_texts(make_app, qtbot)
    translators = language.install("de", qapp)
    local_format.set_locale("de_DE")
    try:
        german = dialog_texts(make_app, qtbot)
    finally:
        language.uninstall(translators, qapp)
        local_format.set_locale(local_format.DEFAULT_LOCALE)
    same = same_in_german() | ours_in_any_language()
    allowed = data_words() | NAMES | {w for text in same for w in WORD.findall(text)}
    left = {}
    for name, texts in german.items():
        untranslated = sorted(t for t in texts if t in english[name] and t not in same
                              and not set(WORD.findall(t)) <= allowed)
        if untranslated:
            left[name] = untranslated
    assert set(german) == set(english) == set(DIALOGS), sorted(german)
    assert german["preferences"] != english["preferences"]
    assert "Guthaben aufladen" in german["top-up"] and "Bestellung prüfen" not in german["top-up"]
    assert not left, "English left in the German dialogs:\n" + "\n".join(f"{k}: {v}" for k, v in left.items())


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

    compiled_qm()
    english = pdf_words(tmp_path / "en")
    translators = language.install("de", qapp)
    local_format.set_locale("de_DE")
    try:
        german = pdf_words(tmp_path / "de")
    finally:
        language.uninstall(translators, qapp)
        local_format.set_locale(local_format.DEFAULT_LOCALE)
    same = same_in_german()
    allowed = data_words() | NAMES | {w for text in same for w in WORD.findall(text)} | {"Ada"}
    own = {INVOICE["lines"][0]["description"], INVOICE["payments"][0]["reference"]}      # the panel's own text
    left = sorted(t for t in german & english if t not in same | own and not set(WORD.findall(t)) <= allowed)
    assert "Rechnung" in " ".join(german)
    assert not left, f"English left in the German invoice PDF: {left}"


def test_the_german_status_bar_fits_the_smallest_window_while_syncing(make_app, qapp, qtbot, cached_account):  # noqa: F811
    """German words are longer: connecting, syncing with its progress bar, "Am 24.11.2026 um 09:30 synchronisiert",
    who is signed in and the Outbox button share 1000 pixels; who is signed in gives way ("Ada Lov…")."""
    compiled_qm()
    translators = language.install("de", qapp)
    local_format.set_locale("de_DE")
    try:
        app = make_app()
        window = app.window
        qtbot.waitUntil(lambda: app.sessions.current is not None and app.sessions.current.data is not None,
                        timeout=WAIT)
        window.resize(1000, 650)
        window.status.set_connection("unknown", "127.0.0.1:9")
        window.status.start_progress()
        QApplication.processEvents()
        shown = [w for w in window.status.findChildren(QWidget) if w.isVisible() and w.width() > 0]
        outside = [w.objectName() or type(w).__name__ for w in shown
                   if w.mapTo(window, w.rect().topRight()).x() > window.width()]
        assert "Postausgang" in {getattr(w, "text", str)() for w in shown}
        assert not outside, f"off the window's right edge: {outside}"
        assert window.who.toolTip() == window.who.text() and "Ada Lovelace" in window.who.text()
        close(app)
    finally:
        language.uninstall(translators, qapp)
        local_format.set_locale(local_format.DEFAULT_LOCALE)


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
            seen[f"{cls.key}/{name}"] = {plain(t) for t in all_texts(section) if plain(t)}
    page = BillingDisabledPage()
    qtbot.addWidget(page)
    page.set_reason("Badger Hosting", None)
    seen["billing disabled"] = {plain(t) for t in all_texts(page) if plain(t)}
    seen["welcome"] = {plain(welcome_text())}
    return seen


def test_the_german_empty_screens_show_no_english(qapp, qtbot):
    compiled_qm()
    english = empty_screen_texts(qtbot)
    translators = language.install("de", qapp)
    local_format.set_locale("de_DE")
    try:
        german = empty_screen_texts(qtbot)
    finally:
        language.uninstall(translators, qapp)
        local_format.set_locale(local_format.DEFAULT_LOCALE)
    same = same_in_german() | ours_in_any_language()
    allowed = data_words() | NAMES | {w for text in same for w in WORD.findall(text)}
    left = {name: sorted(t for t in texts if t in english[name] and t not in same
                         and not set(WORD.findall(t)) <= allowed) for name, texts in german.items()}
    left = {name: texts for name, texts in left.items() if texts}
    assert not left, "English left on the empty German screens:\n" + "\n".join(f"{k}: {v}" for k, v in left.items())


def test_a_tax_rate_is_written_as_german_writes_it(qapp, qtbot):
    """The cart's and the checkout's tax row: "Steuer (7,5 %)", never "7.5 %" or the panel's "20.00"."""
    from app.features.checkout import _breakdown
    from app.views.cart import Totals

    compiled_qm()
    translators = language.install("de", qapp)
    local_format.set_locale("de_DE")
    try:
        totals = Totals()
        qtbot.addWidget(totals)
        totals.show_amounts({"subtotal": "10.00", "tax_amount": "0.75", "total": "10.75"}, str, tax_rate="7.5",
                            tax_inclusive=False, tax_enabled=True)
        assert totals.labels["tax_amount"].text() == "Steuer (7,5\u00a0%)"
        rows = _breakdown({"subtotal": "10.00", "tax_amount": "2.00", "tax_rate": "20.00", "tax_inclusive": True}, str)
        assert rows[-1] == ("Steuer (20\u00a0%, enthalten)", "2.00")
    finally:
        language.uninstall(translators, qapp)
        local_format.set_locale(local_format.DEFAULT_LOCALE)


def notice_texts() -> list[str]:
    """The desktop notifications Sett words itself: a reminder for each due date, and the summary of many."""
    from datetime import date

    from app.session.notices import due_reminders, summary_notice

    invoices = [{"id": f"i{days}", "invoice_number": f"INV-{days}", "status": "pending" if days >= 0 else "overdue",
                 "due_date": date(2026, 12, 10 + days).isoformat(), "balance_due": "5.00"} for days in (-2, 0, 1, 3)]
    notices = [*due_reminders(invoices, date(2026, 12, 10)), summary_notice(7)]
    return [text for notice in notices for text in (notice["title"], notice["message"])]


def test_the_german_desktop_notifications_have_no_english(qapp):
    compiled_qm()
    english = notice_texts()
    translators = language.install("de", qapp)
    local_format.set_locale("de_DE")
    try:
        german = notice_texts()
    finally:
        language.uninstall(translators, qapp)
        local_format.set_locale(local_format.DEFAULT_LOCALE)
    assert len(german) == len(english) == 10
    assert [g for g, e in zip(german, english, strict=True) if g == e] == []
    assert "Rechnung INV-3 ist in 3 Tagen fällig" in german and "7 neue Mitteilungen" in german


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
    compiled_qm()
    english = error_headlines()
    translators = language.install("de", qapp)
    try:
        german = error_headlines()
    finally:
        language.uninstall(translators, qapp)
    assert [g for g, e in zip(german, english, strict=True) if g == e] == []
    assert "Das Panel war nicht erreichbar." in german or any("nicht erreichbar" in g for g in german), german


class FailingDemo:
    """A demo panel that cannot start (the note it leaves is what is checked)."""

    def start_and_login(self):
        raise RuntimeError("port 0")

    def stop(self) -> None:
        pass


def banner_texts(make_app, qtbot) -> list[str]:
    """The banners and the status line of an offline account with no keyring, a demo that did not start and a sync
    under way."""
    from app.secrets import SecretStore

    app = make_app()
    qtbot.waitUntil(lambda: app.window.status.state == "offline", timeout=WAIT)
    app._keyring_checked(SecretStore.memory_only().note)
    app.start_demo(FailingDemo())
    qtbot.waitUntil(lambda: any("port 0" in text for text in app.window.banner_texts()), timeout=WAIT)
    app.window.status.start_progress()
    QApplication.processEvents()
    status = [w.text() for w in app.window.status.findChildren(QLabel) if w.isVisible()]
    texts = [plain(t) for t in [*app.window.banner_texts(), *status] if plain(t)]
    close(app)
    return texts


def test_the_german_banners_and_status_line_have_no_english(make_app, qapp, qtbot, cached_account):  # noqa: F811
    compiled_qm()
    english = banner_texts(make_app, qtbot)
    translators = language.install("de", qapp)
    local_format.set_locale("de_DE")
    try:
        german = banner_texts(make_app, qtbot)
    finally:
        language.uninstall(translators, qapp)
        local_format.set_locale(local_format.DEFAULT_LOCALE)
    same = same_in_german()
    allowed = data_words() | NAMES | {w for text in same for w in WORD.findall(text)}
    left = [t for t in german if t in english and t not in same and not set(WORD.findall(t)) <= allowed]
    assert any("Schlüsselbund" in t for t in german) and any("Demo-Panel" in t for t in german), german
    assert not left, f"English left in the German banners: {left}"


def order_and_ticket_texts(qtbot, tmp_path) -> dict[str, set[str]]:
    """An order's page (pending, with its items and invoice) and a ticket's (about an invoice, staff and customer
    messages): record pages the main-screen test cannot open, its sample account having no orders or tickets."""
    from app.views.orders import OrdersSection
    from app.views.support import SupportSection

    from . import samples

    order = {"id": "ord-1", "order_number": "ORD-0001", "status": "pending", "total": "30.00", "subtotal": "25.00",
             "tax_amount": "5.00", "discount": "0.00", "invoice_id": "inv-4", "created_at": "2026-11-01T10:00:00Z",
             "payment_method": "stripe",
             "items": [{"product_name": "Rust Premium", "billing_cycle": "monthly", "quantity": 1, "amount": "25.00",
                        "service_id": "svc-rust"}]}
    ticket = {"id": "t-1", "ticket_number": "TKT-000001", "subject": "Why twice?", "status": "answered",
              "department": "billing", "related": {"invoice_id": "inv-4", "service_id": None},
              "created_at": "2026-11-20T10:00:00Z", "last_reply_at": "2026-11-21T10:00:00Z",
              "updated_at": "2026-11-21T10:00:00Z",
              "messages": [{"id": "m1", "author": {"name": "Ada", "staff": False}, "body": "Why was I billed twice?",
                            "created_at": "2026-11-20T10:00:00Z"},
                           {"id": "m2", "author": {"name": "Eve", "staff": True}, "body": "Sorry, fixed.",
                            "created_at": "2026-11-21T10:00:00Z"}]}
    data = samples.account_data(tmp_path, orders=[order], tickets=[ticket])
    seen = {}
    orders = OrdersSection()
    qtbot.addWidget(orders)
    orders.show_data(data)
    assert orders.open_order("ord-1")
    seen["order"] = {plain(t) for t in all_texts(orders.page) if plain(t)}
    support = SupportSection()
    qtbot.addWidget(support)
    support.show_data(data)
    assert support.open_ticket("t-1")
    seen["ticket"] = {plain(t) for t in all_texts(support.page) if plain(t)}
    return seen


def test_the_german_order_and_ticket_pages_have_no_english(qapp, qtbot, tmp_path):
    compiled_qm()
    english = order_and_ticket_texts(qtbot, tmp_path / "en")
    translators = language.install("de", qapp)
    local_format.set_locale("de_DE")
    try:
        german = order_and_ticket_texts(qtbot, tmp_path / "de")
    finally:
        language.uninstall(translators, qapp)
        local_format.set_locale(local_format.DEFAULT_LOCALE)
    same = same_in_german()
    allowed = data_words() | NAMES | {w for text in same for w in WORD.findall(text)} | {
        "Why twice?", "Why was I billed twice?", "Sorry, fixed.", "Eve", "Ada"}
    left = {name: sorted(t for t in texts if t in english[name] and t not in same | allowed
                         and not set(WORD.findall(t)) <= allowed) for name, texts in german.items()}
    left = {name: texts for name, texts in left.items() if texts}
    assert "Bestellung ORD-0001" in german["order"], sorted(german["order"])
    assert not left, "English left on the German record pages:\n" + "\n".join(f"{k}: {v}" for k, v in left.items())
