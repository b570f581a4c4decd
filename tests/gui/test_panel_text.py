"""A panel's words are shown as the words they are, and fit the window whatever they are. A hostile or careless
panel must not restyle, spoof or break the screens of the account that trusts it:
- a product called "<b>Big</b> VPS", a ticket subject holding `<img src=...>` or a credit note with `<font>` read as
  typed on every screen, page and tooltip, never as markup that Qt renders (a QLabel or a tooltip treats text that
  looks like HTML as HTML unless told otherwise);
- a name of 300 letters without a space does not make the window wider than the screen (a layout gives a label
  at least its minimum width, and a window at least its layout's): the smallest window, 1000x650, still holds it.

The sample account (tests/gui/samples.py) with every free text the panel sends marked up, or made long, is put in
the app's cache; the app starts offline from it and every screen, record page and the notices are walked.
"""
from __future__ import annotations

import copy
import shutil
from types import SimpleNamespace

import pytest
from PySide6.QtGui import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel, QWidget

from app import paths
from app.api.auth import Credentials
from app.cache import AccountCache, CacheChanges
from app.models.plain_text import tooltip
from app.session.accounts import AccountStore
from app.views.main_window import MINIMUM_SIZE

from . import samples
from .conftest import close
from .screens import visit

pytestmark = [pytest.mark.qt_log_ignore("propagateSizeHints"), pytest.mark.usefixtures("utc")]

# The panel's own words: names, descriptions, notes, subjects, messages, numbers it makes up.
FREE_TEXT = {"name", "description", "note", "subject", "panel_name", "first_name", "last_name", "reason", "body",
             "message", "title", "product_name", "node", "invoice_number", "order_number", "ticket_number"}


def changed(value, how):
    """`value` (rows as the panel sends them) with every free text `how(text)`."""
    if isinstance(value, dict):
        return {key: (how(item) if key in FREE_TEXT and isinstance(item, str) and item else changed(item, how))
                for key, item in value.items()}
    if isinstance(value, list):
        return [changed(item, how) for item in value]
    return copy.deepcopy(value)


def marked(text: str) -> str:
    """Markup a QLabel would render."""
    return f"<b>{text}</b><img src='x'>"


def long(text: str) -> str:
    """One word ~4,000 px wide."""
    return text + "W" * 300


def cached_account(tmp_path, secrets, how):
    """The sample account, every free text `how(text)`, in the app's cache at a panel that cannot be reached."""
    account = AccountStore(paths.accounts_file()).add(name="Badger", panel_url="http://127.0.0.1:9",
                                                      email=samples.ME["email"], auth_kind="password")
    secrets.save(account.id, Credentials.from_tokens("access", "refresh"))
    cache = AccountCache(tmp_path / "changed.sqlite")
    try:
        cache.apply(CacheChanges(
            upserts={"categories": changed(samples.CATEGORIES, how), "products": changed(samples.PRODUCTS, how),
                     "services": changed(samples.SERVICES, how), "invoices": changed(samples.INVOICES, how),
                     "credit_transactions": changed(samples.CREDIT_TRANSACTIONS, how),
                     "orders": changed([samples.ORDER], how), "tickets": changed([samples.TICKET], how),
                     "notifications": changed([samples.NOTIFICATION], how)},
            config={"public_settings": changed(samples.PUBLIC_SETTINGS, how), "me": changed(samples.ME, how),
                    "billing_config": samples.BILLING_CONFIG, "dashboard": samples.DASHBOARD,
                    "credits": samples.CREDITS},
            sync_state={name: {"last_synced_at": samples.SYNCED_AT} for name in
                        ("services", "invoices", "credit_transactions", "products", "categories", "orders",
                         "tickets", "notifications")},
        ))
    finally:
        cache.close()
    target = paths.data_dir() / "accounts" / account.id / "cache.sqlite3"
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(tmp_path / "changed.sqlite", target)
    return account


@pytest.fixture
def marked_account(data_dir, secrets, tmp_path):
    return cached_account(tmp_path, secrets, marked)


@pytest.fixture
def long_account(data_dir, secrets, tmp_path):
    return cached_account(tmp_path, secrets, long)


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
    found: list[str] = []
    visit(app, qtbot, lambda window, where: found.extend(markup_shown(window, where)))
    # The data did reach the screens: the marked product name is on the store's cards, as typed.
    app.window.select_section("store")
    names = [label.text() for label in app.window.sections["store"].findChildren(QLabel)]
    assert any(name.startswith("<b>Minecraft Flex</b>") for name in names), names
    close(app)
    assert not found, "The panel's text rendered as markup:\n" + "\n".join(found)


def test_long_words_from_the_panel_still_fit_the_smallest_window(make_app, qtbot, long_account):
    app = make_app()
    app.window.resize(*MINIMUM_SIZE)
    too_wide: list[str] = []

    def look(window: QWidget, where: str) -> None:
        QApplication.processEvents()
        if window is app.window and window.minimumSizeHint().width() > MINIMUM_SIZE[0]:
            def wide(widget: QWidget) -> bool:
                return widget.isVisible() and widget.minimumSizeHint().width() > MINIMUM_SIZE[0]

            # The widest widgets themselves, not the boxes around them.
            causes = [f"{type(w).__name__} {w.objectName()!r} ({w.minimumSizeHint().width()} px)"
                      for w in window.findChildren(QWidget) if wide(w) and not any(map(wide, w.findChildren(QWidget)))]
            too_wide.append(f"{where}: {window.minimumSizeHint().width()} px: {', '.join(causes)}")

    visit(app, qtbot, look)
    app.window.select_section("store")
    names = [label.text() for label in app.window.sections["store"].findChildren(QLabel)]
    assert any(name == long("Minecraft Flex") for name in names), names       # whole, cut only on screen
    store = app.window.sections["store"]
    assert store.open_product("cloud-vps-custom")
    QApplication.processEvents()
    title = store.product_page.name            # one line: it ends in "…" where the window ends
    assert title.text() == long("Cloud VPS Custom") and title.shown_text().endswith("…")
    assert title.fontMetrics().horizontalAdvance(title.shown_text()) <= title.contentsRect().width()
    close(app)
    assert not too_wide, "The panel's long words widen the window past 1000 px:\n" + "\n".join(too_wide)


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


def test_a_desktop_notification_never_carries_markup(qapp):
    from app.features.notices import SystemTray
    from app.models.plain_text import notification_text

    assert notification_text("Invoice <a href='x'>INV-1</a> & more") == \
        "Invoice \uff1ca href='x'\uff1eINV-1\uff1c/a\uff1e \uff06 more"
    assert notification_text("Payment received for INV-1") == "Payment received for INV-1"

    shown = []

    class Icon:
        def showMessage(self, title, body, *_rest):  # noqa: N802 - Qt's name
            shown.append((title, body))

    # The tray's own method with a stand-in icon (a real one warns where there is no tray, as offscreen).
    tray = SimpleNamespace(icon=Icon(), last=None)
    SystemTray.show_notice(tray, {"title": "<b>Due</b>", "message": "Pay <a href='https://evil.example'>here</a>"})
    assert shown and not any(c in "".join(shown[0]) for c in "<>&")


def test_the_checkout_review_of_an_overlong_product_name_stays_on_screen(qtbot):
    from app.views.checkout.dialog import CheckoutDialog

    dialog = CheckoutDialog("Checkout")
    qtbot.addWidget(dialog)
    dialog.set_review("Review your order", [(long("Cloud VPS") + " (Monthly)", "$10.00")],
                      [("Subtotal", "$10.00"), ("Total", "$10.00")])
    dialog.set_methods(["stripe", "credits"], credits_choice=True, use_credits=True)
    dialog.show_review()
    dialog.show()
    QApplication.processEvents()
    assert dialog.minimumSizeHint().width() <= MINIMUM_SIZE[0]


@pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise")     # the tooltip, offscreen
def test_a_button_naming_an_overlong_product_shows_its_start_and_ends_in_an_ellipsis(qtbot):
    """Qt centres a push button's text: narrower than its text, a button showed the middle of a product's name,
    cut at both ends. Now it shows the start, ends in "…", keeps its text whole, and says it all on hover."""
    from PySide6.QtCore import QEvent, QPoint
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QHBoxLayout, QToolTip

    from app.views.labels import DataButton, literal, styled

    box = QWidget()
    qtbot.addWidget(box)
    layout = QHBoxLayout(box)
    name = "Minecraft Flex R&D " + long("Premium") + " · Active"
    button = styled(DataButton(literal(name)), kind="ghost")
    short = styled(DataButton("ORD-000010"), kind="ghost")
    layout.addWidget(button)
    layout.addWidget(short)
    box.resize(420, 60)
    box.show()
    QApplication.processEvents()
    shown = button.shown_text()
    assert shown.startswith("Minecraft Flex R&D") and shown.endswith("…") and len(shown) < len(name)
    assert button.text() == literal(name) and button.minimumSizeHint().width() <= 160
    assert button.fontMetrics().horizontalAdvance(shown) <= button.width()
    assert short.shown_text() == "ORD-000010" and not short.elided()
    QApplication.sendEvent(button, QHelpEvent(QEvent.Type.ToolTip, QPoint(5, 5), button.mapToGlobal(QPoint(5, 5))))
    assert QToolTip.isVisible() and QToolTip.text() == name
    QToolTip.hideText()
