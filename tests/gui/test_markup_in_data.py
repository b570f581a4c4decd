"""A panel's words are shown as the words they are: a product called "<b>Big</b> VPS", a ticket subject holding
`<img src=...>` or a credit note with `<font size=40>` read as typed, on every screen, page and tooltip, never as
markup that Qt renders (a QLabel or a tooltip treats text that looks like HTML as HTML unless told otherwise). A
hostile or careless panel must not restyle, spoof or break the screens of the account that trusts it.

The sample account (tests/gui/samples.py) with every free text the panel sends wrapped in markup is put in the
app's cache; the app starts offline from it and every screen, record page and the notices are walked.
"""
from __future__ import annotations

import copy
import shutil

import pytest
from PySide6.QtGui import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel, QWidget

from app import paths
from app.api.auth import Credentials
from app.cache import AccountCache, CacheChanges
from app.models.plain_text import tooltip
from app.session.accounts import AccountStore
from app.views.scope import ACCOUNT, ALL
from app.views.sections import SIDEBAR_ORDER

from . import samples
from .conftest import WAIT, close

pytestmark = [pytest.mark.qt_log_ignore("propagateSizeHints"), pytest.mark.usefixtures("utc")]

# The panel's own words: names, descriptions, notes, subjects, messages, numbers it makes up.
FREE_TEXT = {"name", "description", "note", "subject", "panel_name", "first_name", "last_name", "reason", "body",
             "message", "title", "product_name", "node", "invoice_number", "order_number", "ticket_number"}


def marked(value):
    """Every free text of `value` (rows as the panel sends them) wrapped in markup a QLabel would render."""
    if isinstance(value, dict):
        return {key: (f"<b>{item}</b><img src='x'>" if key in FREE_TEXT and isinstance(item, str) and item
                      else marked(item)) for key, item in value.items()}
    if isinstance(value, list):
        return [marked(item) for item in value]
    return copy.deepcopy(value)


ORDER = {"id": "ord-1", "order_number": "ORD-0001", "status": "pending", "total": "30.00", "subtotal": "25.00",
         "tax_amount": "5.00", "discount": "0.00", "invoice_id": "inv-4", "created_at": "2026-11-01T10:00:00Z",
         "updated_at": "2026-11-01T10:00:00Z", "payment_method": "stripe", "service_ids": ["svc-rust"],
         "items": [{"product_name": "Rust Premium", "billing_cycle": "monthly", "quantity": 1, "amount": "25.00",
                    "service_id": "svc-rust"}]}
TICKET = {"id": "t-1", "ticket_number": "TKT-000001", "subject": "Why twice?", "status": "answered",
          "department": "billing", "related": {"invoice_id": "inv-4", "service_id": "svc-rust"},
          "created_at": "2026-11-20T10:00:00Z", "last_reply_at": "2026-11-21T10:00:00Z",
          "updated_at": "2026-11-21T10:00:00Z",
          "messages": [{"id": "m1", "author": {"name": "Ada", "staff": False}, "body": "Why was I billed twice?",
                        "created_at": "2026-11-20T10:00:00Z"},
                       {"id": "m2", "author": {"name": "Eve", "staff": True}, "body": "Sorry, fixed.",
                        "created_at": "2026-11-21T10:00:00Z"}]}
NOTIFICATION = {"id": "n-1", "uuid": "n-1", "type": "billing", "title": "Invoice due",
                "message": "INV-2026-0004 is overdue", "action_url": "/billing/invoices/inv-4", "read": False,
                "created_at": "2026-11-21T10:00:00Z", "updated_at": "2026-11-21T10:00:00Z"}


@pytest.fixture
def marked_account(data_dir, secrets, tmp_path):
    """The sample account, every free text marked up, in the app's cache at a panel that cannot be reached."""
    account = AccountStore(paths.accounts_file()).add(name="Badger", panel_url="http://127.0.0.1:9",
                                                      email=samples.ME["email"], auth_kind="password")
    secrets.save(account.id, Credentials.from_tokens("access", "refresh"))
    cache = AccountCache(tmp_path / "marked.sqlite")
    try:
        cache.apply(CacheChanges(
            upserts={"categories": marked(samples.CATEGORIES), "products": marked(samples.PRODUCTS),
                     "services": marked(samples.SERVICES), "invoices": marked(samples.INVOICES),
                     "credit_transactions": marked(samples.CREDIT_TRANSACTIONS), "orders": marked([ORDER]),
                     "tickets": marked([TICKET]), "notifications": marked([NOTIFICATION])},
            config={"public_settings": marked(samples.PUBLIC_SETTINGS), "billing_config": samples.BILLING_CONFIG,
                    "me": marked(samples.ME), "dashboard": samples.DASHBOARD, "credits": samples.CREDITS},
            sync_state={name: {"last_synced_at": samples.SYNCED_AT} for name in
                        ("services", "invoices", "credit_transactions", "products", "categories", "orders",
                         "tickets", "notifications")},
        ))
    finally:
        cache.close()
    target = paths.data_dir() / "accounts" / account.id / "cache.sqlite3"
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(tmp_path / "marked.sqlite", target)
    return account


def rendered_as_markup(text: str) -> bool:
    return "<b>" in text and Qt.mightBeRichText(text)


def markup_shown(window: QWidget, where: str) -> list[str]:
    """What a visible widget of `window` would render as HTML although the panel sent it as text."""
    QApplication.processEvents()
    found = []
    for widget in [window, *window.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        if rendered_as_markup(widget.toolTip()):
            found.append(f"{where}: tooltip of {type(widget).__name__} {widget.objectName()!r}: {widget.toolTip()!r}")
        if (isinstance(widget, QLabel) and widget.textFormat() != Qt.TextFormat.PlainText
                and rendered_as_markup(widget.text())):
            found.append(f"{where}: {type(widget).__name__} {widget.objectName()!r}: {widget.text()!r}")
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            for row in range(min(model.rowCount(), 30)):
                for column in range(40):          # a list model's columnCount is not public: up to the first gap
                    index = model.index(row, column)
                    if not index.isValid():
                        break
                    tip = str(index.data(Qt.ItemDataRole.ToolTipRole) or "")
                    if rendered_as_markup(tip):
                        found.append(f"{where}: cell tooltip ({row}, {column}) of {widget.objectName()!r}: {tip!r}")
    return found


def test_the_panels_words_are_never_rendered_as_markup(make_app, qtbot, marked_account):
    app = make_app()
    qtbot.waitUntil(lambda: app.sessions.current is not None and app.sessions.current.data is not None, timeout=WAIT)
    window = app.window
    found: list[str] = []
    for key in SIDEBAR_ORDER:
        window.select_section(key)
        found += markup_shown(window, key)
    for key, opener, record in (("services", "open_service", "svc-rust"), ("invoices", "open_invoice", "inv-4"),
                                ("store", "open_product", "cloud-vps-custom"), ("orders", "open_order", "ord-1"),
                                ("support", "open_ticket", "t-1")):
        window.select_section(key)
        assert getattr(window.sections[key], opener)(record), f"{opener}({record!r})"
        found += markup_shown(window, f"{key}/{record}")
    for key in ("dashboard", "invoices", "credits"):
        window.select_section(key)
        section = window.sections[key]
        if hasattr(section, "show_list"):
            section.show_list()
        section.set_scope(ALL)
        qtbot.waitUntil(lambda s=section: getattr(s, "everything", None) is not None, timeout=WAIT)
        found += markup_shown(window, f"{key}/all")
        section.set_scope(ACCOUNT)
    dialog = app.notices.open_dialog()
    found += markup_shown(dialog, "notices")
    dialog.close()
    # The data did reach the screens: the marked product name is on the store's cards, as typed.
    window.select_section("store")
    names = [label.text() for label in window.sections["store"].findChildren(QLabel)]
    assert any(name.startswith("<b>Minecraft Flex</b>") for name in names), names
    close(app)
    assert not found, "The panel's text rendered as markup:\n" + "\n".join(found)


def test_a_tooltip_that_looks_like_html_is_escaped_and_plain_text_passes_unchanged(qapp):
    assert tooltip("Plan <Pro> · 2 < 3") == "Plan <Pro> · 2 < 3"      # not taken for HTML: left as it is
    escaped = tooltip("<b>Big</b> VPS\nsecond line")
    assert "&lt;b&gt;Big&lt;/b&gt;" in escaped and "<b>" not in escaped and "<br" in escaped
    label = QLabel(textFormat=Qt.TextFormat.RichText)
    label.setText(escaped)
    assert label.text() == escaped         # shown as a tooltip shows it: the characters, not bold
    assert tooltip("") == ""


def test_a_question_shows_the_panels_order_number_as_typed(qapp, qtbot):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    from app.views.labels import ask

    seen = {}

    def answer() -> None:
        box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
        seen.update(text=box.text(), plain=box.textFormat() == Qt.TextFormat.PlainText,
                    default=box.defaultButton() is box.button(QMessageBox.StandardButton.No))
        box.button(QMessageBox.StandardButton.Yes).click()

    QTimer.singleShot(100, answer)
    assert ask(None, "Cancel the order?", "Cancel order <b>ORD-1</b><img src='x'>?") is True
    assert seen == {"text": "Cancel order <b>ORD-1</b><img src='x'>?", "plain": True, "default": True}
