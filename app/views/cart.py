"""Cart: the items chosen in the store. Each line's cycle, sizes and quantity can be changed or the line removed; a
coupon field; the use-credits choice; totals computed here at once by the panel's rules (app.core.cart.local_quote),
then replaced by the panel's own `checkout/preview` whenever it can be reached, with a notice when the two differ.

This screen only shows and asks: the cart is the account session's model (app.session.cart), which app.features.cart
hands here through `show_cart` after every change; every edit here is a request to that model.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from app.core.account_data import AccountData
from app.core.cart import Cart, CartItem, compare, local_quote, places_of, problems, tax_rule_of
from app.core.credit import credits_spendable
from app.core.pricing import Line, Quote
from app.core.reach import signed_out_text
from app.core.text import translate
from app.models.plain_text import PLAIN

from .banner import Banner
from .cart_line import CartLine
from .cart_totals import Totals
from .empty_state import EmptyState
from .labels import heading, muted, styled
from .screen_margins import follow_width
from .section import Section
from .shapes import items, obj, obj_at

OFFLINE_MESSAGE = QT_TRANSLATE_NOOP("Messages", "Checkout needs a connection to the panel")
PREVIEW_DELAY_MS = 250     # edits in quick succession (a spin box held down) make one preview request


def _restyle(widget: QWidget, **properties) -> None:
    styled(widget, **properties)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class _UndoToCart(QObject):
    """Ctrl+Z in one of the cart's fields with nothing of its own to undo goes to the cart's Undo: Qt's text fields
    and spin boxes take the key even then, so Edit ▸ Undo never heard it while the coupon field had the focus."""

    def __init__(self, cart: CartSection) -> None:
        super().__init__(cart)
        self.cart = cart

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent)
                and event.matches(QKeySequence.StandardKey.Undo) and self.cart.can_undo):
            edit = watched.lineEdit() if isinstance(watched, QAbstractSpinBox) else watched
            if isinstance(edit, QLineEdit) and not edit.isUndoAvailable():
                return True        # not taken here: the window's Undo gets the key
        return False


class CartSection(Section):
    key = "cart"
    title = QT_TRANSLATE_NOOP("Sections", "Cart")
    edit_requested = Signal(str, dict)           # item id, {billing_cycle?, config?, quantity?}
    remove_requested = Signal(str)               # item id
    undo_remove_requested = Signal()             # the line removed last, back
    coupon_remove_requested = Signal()
    use_credits_requested = Signal(bool)
    coupon_apply_requested = Signal(str, list)   # code, the cart's api items
    preview_requested = Signal(dict)             # {items, coupon_code, use_credits}
    checkout_requested = Signal(dict)            # {items, coupon_code, use_credits}

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cartSection")
        self.account_id: str | None = None
        self.cart = Cart()
        self.options: dict = {"coupon": None, "use_credits": True}
        self._data: AccountData | None = None
        self.online: bool | None = None          # None: not known yet (a preview is tried)
        self.signed_out = False                  # not online because the account's login ended (not the connection)
        self.lines: dict[str, CartLine] = {}
        self.local: Quote | None = None
        self.preview: dict | None = None
        self._asked: dict | None = None          # the body of the preview in flight
        self._preview_timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.request_preview)

        self.heading = heading(translate("CartSection", "Cart"))
        # After a Remove, until the next line comes or goes: the line back where it stood (also Ctrl+Z).
        self.undo_bar = Banner("cart-undo", "info", "", (translate("CartSection", "Undo"),
                                                         lambda _checked=False: self.undo_remove_requested.emit()))
        self.undo_bar.setObjectName("cartUndo")
        self.undo_bar.dismissed.connect(self.undo_bar.hide)
        self.undo_bar.hide()
        self._undo_item: str | None = None       # the removed line the bar is about
        self.empty = EmptyState(self)
        self.empty.show_state(translate("CartSection", "Your cart is empty"),
                              translate("CartSection", "Plans you choose in the store will appear here."),
                              translate("CartSection", "Browse the store"))
        self.empty.action_clicked.connect(lambda: self.navigate.emit("store", {}))

        self.lines_host = QWidget(objectName="cartLines")
        self.lines_layout = QVBoxLayout(self.lines_host)
        self.lines_layout.setContentsMargins(0, 0, 8, 0)
        self.lines_layout.setSpacing(10)
        self.lines_layout.addStretch(1)
        # Lines shrink to the width there is (their controls wrap); a long cart scrolls, with a visible bar.
        scroll = QScrollArea(self, objectName="cartScroll")
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)      # Tab goes to the controls in it, not the frame
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.lines_host)
        self.lines_scroll = scroll

        self.coupon_edit = QLineEdit(objectName="couponField", placeholderText=translate("CartSection", "Coupon code"),
                                     clearButtonEnabled=True)
        self.coupon_edit.setAccessibleName(translate("CartSection", "Coupon code"))
        self.coupon_edit.setMinimumWidth(150)     # an applied code stays readable whole
        self.coupon_edit.returnPressed.connect(self._apply_coupon)
        self._undo_keys = _UndoToCart(self)
        self.coupon_edit.installEventFilter(self._undo_keys)
        self.coupon_edit.textChanged.connect(self._coupon_edited)
        self.coupon_apply = QPushButton(translate("CartSection", "Apply"), objectName="applyCoupon")
        self.coupon_apply.clicked.connect(self._apply_coupon)
        self.coupon_remove = styled(QPushButton(translate("CartSection", "Remove coupon"), objectName="removeCoupon"),
                                    kind="ghost")
        self.coupon_remove.clicked.connect(self.remove_coupon)
        self.coupon_status = QLabel(objectName="couponStatus", wordWrap=True, textFormat=PLAIN)
        self.coupon_status.hide()
        coupon_row = QHBoxLayout()
        coupon_row.addWidget(self.coupon_edit, 1)
        coupon_row.addWidget(self.coupon_apply)
        # "Remove coupon" sits under the field, beside what the panel said, so the field keeps its width.
        coupon_status_row = QHBoxLayout()
        coupon_status_row.addWidget(self.coupon_status, 1)
        coupon_status_row.addWidget(self.coupon_remove, 0, Qt.AlignmentFlag.AlignTop)
        self.use_credits = QCheckBox(translate("CartSection", "Use my credit balance"), objectName="useCredits")
        self.use_credits.setChecked(True)
        self.use_credits.toggled.connect(self._credits_toggled)
        self.totals = Totals(self)
        self.notice = styled(QLabel(objectName="priceNotice", wordWrap=True, textFormat=PLAIN), role="muted")
        self.notice.hide()
        self.checkout = styled(QPushButton(translate("CartSection", "Checkout"),
                                           objectName="checkoutButton"), kind="primary")
        self.checkout.clicked.connect(self._checkout)
        self.checkout_note = muted(object_name="checkoutNote", wrap=True)
        self.checkout_note.hide()

        side = QWidget(objectName="cartSide")
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 8, 0)
        side_layout.setSpacing(10)
        side_layout.addLayout(coupon_row)
        side_layout.addLayout(coupon_status_row)
        side_layout.addWidget(self.use_credits)
        side_layout.addWidget(self.totals)
        side_layout.addWidget(self.notice)
        side_layout.addWidget(self.checkout)
        side_layout.addWidget(self.checkout_note)
        side_layout.addStretch(1)

        self.filled = QWidget(self)
        row = QHBoxLayout(self.filled)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(24)
        row.addWidget(scroll, 1)
        # The summary scrolls on its own when a short window cannot hold it (a long price notice).
        side_scroll = QScrollArea(self, objectName="cartSideScroll")
        side_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)      # Tab goes to the controls in it, not the frame
        side_scroll.setWidgetResizable(True)
        side_scroll.setFrameShape(QFrame.Shape.NoFrame)
        side_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        side_scroll.setWidget(side)
        side_scroll.setFixedWidth(330)
        self.side_scroll = side_scroll
        row.addWidget(side_scroll)
        self.pages = QStackedLayout()
        self.pages.addWidget(self.empty)
        self.pages.addWidget(self.filled)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 24)
        follow_width(self)      # narrower sides in a small window: the room goes to the content
        layout.setSpacing(12)
        layout.addWidget(self.heading)
        undo_row = QHBoxLayout()
        undo_row.setContentsMargins(0, 0, 8, 0)      # its edge where the lines' and the totals' are
        undo_row.addWidget(self.undo_bar)
        layout.addLayout(undo_row)
        layout.addLayout(self.pages, 1)

    # -- what the shell and the feature tell it --------------------------------------------------------------------
    def show_data(self, data: AccountData) -> None:
        """The account's products, prices, tax and credits, which the lines and totals are worked out from."""
        if data.account_id != self.account_id:
            self.coupon_status.hide()
            self.coupon_edit.clear()
            self.account_id = data.account_id
            self.cart, self.options = Cart(), {"coupon": None, "use_credits": True}
        self._data = data
        self.preview = None
        self._rebuild()

    def show_cart(self, account_id: str, cart: Cart, options: dict, *, structure: bool = True,
                  removed: CartItem | None = None) -> None:
        """The account's cart as its model holds it now; `structure` when lines came or went (rebuilt); `removed`,
        the line the user removed last, while it can be put back."""
        if account_id != self.account_id:
            self.coupon_status.hide()
            self.coupon_edit.clear()
            self.account_id = account_id
            structure = True
        options = obj(options)
        coupon = obj_at(options, "coupon").get("code")
        if not coupon and obj_at(self.options, "coupon").get("code"):
            self.coupon_edit.clear()       # the coupon went (an order used it): so does its code and message
            self.coupon_status.hide()
        self.cart = Cart(list(cart.items))
        self.options = {"coupon": None, "use_credits": True, **options}
        self.preview = None
        if structure or set(self.lines) != {item.id for item in self.cart}:
            self._rebuild()
        else:
            self._show_totals()
            self._schedule_preview()
        self._show_undo(removed)

    def _show_undo(self, removed: CartItem | None) -> None:
        if removed is None:
            back = self.lines.get(self._undo_item) if self._undo_item else None
            undone_here = self.undo_bar.isAncestorOf(QApplication.focusWidget())
            self._undo_item = None
            self.undo_bar.hide()
            if back is not None and undone_here:
                back.focus_chain()[0].setFocus(Qt.FocusReason.OtherFocusReason)   # on from the line that came back
            return
        if removed.id == self._undo_item:
            return              # shown already (or dismissed): other changes of the cart leave it as it is
        name = (self._products().get(removed.product_id) or {}).get("name")
        self.undo_bar.label.setText(
            translate("CartSection", "Removed {product} from your cart.").format(product=name) if name else
            translate("CartSection", "Removed an item from your cart."))
        self._undo_item = removed.id
        self.undo_bar.show()
        focus = QApplication.focusWidget()
        if self.isVisible() and (focus is None or self.isAncestorOf(focus)) and self.undo_bar.action_button:
            # The Remove button pressed has gone with its line: the keyboard goes on from Undo, not from nowhere.
            self.undo_bar.action_button.setFocus(Qt.FocusReason.OtherFocusReason)

    @property
    def can_undo(self) -> bool:
        return self._undo_item is not None

    def undo(self) -> bool:
        """Edit ▸ Undo (Ctrl+Z) on this screen: the removed line back, when there is one to bring back."""
        if not self.can_undo:
            return False
        self.undo_remove_requested.emit()
        return True

    def set_online(self, online: bool | None, signed_out: bool = False) -> None:
        """`signed_out`: the panel cannot be asked because the account needs a login, not the connection."""
        changed = online != self.online or (signed_out and online is False) != self.signed_out
        self.online = online
        self.signed_out = signed_out and online is False
        if self._data is not None and self.cart.items:
            self._show_totals()
        self._update_actions()
        if changed and online is not False and self.cart.items and self.preview is None:
            self._preview_timer.start()

    def show_coupon_result(self, result: dict) -> None:
        """The panel's word on a coupon; a valid one is already in the model (the feature put it there)."""
        if result.get("valid"):
            self.coupon_edit.setText(str(result.get("code") or ""))
            self._coupon_message(translate("CartSection", "Coupon {code} applied.").format(code=result.get("code")),
                                 ok=True)
        else:
            self._coupon_message(str(result.get("reason") or translate("CartSection", "This coupon cannot be used.")),
                                 ok=False)

    def show_coupon_error(self, message: str) -> None:
        self._coupon_message(message, ok=False)

    def show_preview(self, asked: dict, preview: dict) -> None:
        if asked != self._asked or asked != self.request_body():
            return       # the cart changed while the panel answered; a newer preview is on its way
        self._asked = None
        self.preview = preview
        self._show_totals()

    def show_preview_error(self, asked: dict, error: BaseException, coupon_reason: str | None = None) -> None:
        if asked != self._asked:
            return
        self._asked = None
        if coupon_reason:
            # The coupon no longer fits this cart: say why in the panel's words; the model prices without it.
            self._coupon_message(coupon_reason, ok=False)
            self.coupon_remove_requested.emit()
            return
        self.preview = None
        self._show_totals(str(error))

    # -- editing -------------------------------------------------------------------------------------------------------
    def _edited(self, item_id: str, changes: dict) -> None:
        self.edit_requested.emit(item_id, changes)

    def _removed(self, item_id: str) -> None:
        self.remove_requested.emit(item_id)

    def remove_coupon(self) -> None:
        self.coupon_edit.clear()
        self.coupon_status.hide()
        self.coupon_remove_requested.emit()

    def _credits_toggled(self, checked: bool) -> None:
        if self.options.get("use_credits") != checked:
            self.use_credits_requested.emit(checked)

    def _coupon_edited(self, text: str) -> None:
        """An emptied field takes the last coupon message with it (it spoke of a code no longer there)."""
        if not text.strip():
            self.coupon_status.hide()

    def _apply_coupon(self) -> None:
        code = self.coupon_edit.text().strip()
        if not code or not self.cart.items:
            return
        if self.online is False:
            self._coupon_message(self._coupon_unreachable(), ok=False)
            return
        self._coupon_message(translate("CartSection", "Checking {code}…").format(code=code), ok=None)
        self.coupon_apply_requested.emit(code, self.cart.to_items())

    def _coupon_message(self, text: str, ok: bool | None) -> None:
        self.coupon_status.setText(text)
        _restyle(self.coupon_status, role={True: "success", False: "error", None: "muted"}[ok])
        self.coupon_status.show()

    def _checkout(self) -> None:
        if self.checkout.isEnabled():
            self.checkout_requested.emit(self.request_body())

    # -- showing -------------------------------------------------------------------------------------------------------
    def request_body(self) -> dict:
        coupon = obj_at(self.options, "coupon")
        return {"items": self.cart.to_items(), "coupon_code": coupon.get("code") or None,
                "use_credits": bool(self.options.get("use_credits", True)) and credits_spendable(self._data)}

    def _products(self) -> dict[str, dict]:
        return {str(p.get("id")): p for p in (self._data.products if self._data else [])}

    def _rebuild(self) -> None:
        for line in self.lines.values():
            self.lines_layout.removeWidget(line)
            line.hide()
            line.deleteLater()
        self.lines = {}
        if not self.cart.items or self._data is None:
            self.pages.setCurrentWidget(self.empty)
            self._update_actions()
            return
        self.pages.setCurrentWidget(self.filled)
        products = self._products()
        for i, item in enumerate(self.cart):
            line = CartLine(item, products.get(item.product_id), self.lines_host)
            line.edited.connect(self._edited)
            line.removed.connect(self._removed)
            for field in line.focus_chain():
                if isinstance(field, QAbstractSpinBox):
                    field.installEventFilter(self._undo_keys)
            self.lines_layout.insertWidget(i, line)
            self.lines[item.id] = line
        self._set_tab_order()
        balance = obj(self._data.credits).get("balance")
        self.use_credits.setVisible(credits_spendable(self._data))       # nothing to spend: no choice to offer
        if balance is not None:
            self.use_credits.setText(translate("CartSection", "Use my credit balance ({amount})").format(
                amount=self._data.money(balance)))
        else:
            self.use_credits.setText(translate("CartSection", "Use my credit balance"))
        self.use_credits.blockSignals(True)
        self.use_credits.setChecked(bool(self.options.get("use_credits", True)))
        self.use_credits.blockSignals(False)
        coupon = obj_at(self.options, "coupon")
        if coupon.get("code") and not self.coupon_edit.text():
            self.coupon_edit.setText(str(coupon["code"]))
        self._show_totals()
        self._schedule_preview()

    def _set_tab_order(self) -> None:
        """Tab visits the items first, line by line, then the coupon, credit choice and Checkout."""
        chain = [w for line in self.lines.values() for w in line.focus_chain()]
        chain += [self.coupon_edit, self.coupon_apply, self.coupon_remove, self.use_credits, self.checkout]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _schedule_preview(self) -> None:
        if self.cart.items and self.online is not False:
            self._preview_timer.start()

    def request_preview(self) -> None:
        if not self.cart.items or self.online is False:
            return
        self._asked = self.request_body()
        self.preview_requested.emit(self._asked)

    def _show_totals(self, error: str | None = None) -> None:
        if self._data is None:
            return
        data, products = self._data, self._products()
        config = obj(data.billing_config)
        places = places_of(config)
        bad = problems(self.cart, products, places)
        balance = obj(data.credits).get("balance") or 0
        credits_on = bool(config.get("credits_enabled", True)) and obj(data.credits).get("enabled", True)
        self.local = local_quote(self.cart, products, config, balance if credits_on else 0,
                                 obj_at(self.options, "coupon") or None,
                                 use_credits=bool(self.options.get("use_credits", True)))
        by_item: dict[str, list[Line]] = {}
        pending = list(self.local.lines)      # item by item, each setup line right after its recurring one
        for item in self.cart:
            if item.id in bad:
                by_item[item.id] = []
                continue
            count = 2 if len(pending) > 1 and pending[1].kind == "setup" else 1
            by_item[item.id], pending = pending[:count], pending[count:]
        out_of_stock = {i for i in items(obj(self.preview).get("out_of_stock")) if isinstance(i, str | int)}
        for item in self.cart:
            line = self.lines.get(item.id)
            if line is None:
                continue
            problem = bad.get(item.id) or (translate("CartSection", "Not enough in stock for this quantity.")
                                           if item.product_id in out_of_stock else None)
            line.show_price(by_item.get(item.id, []), data.money, problem)
        # A saved or sent `tax` that is no object ("20", a list) means no tax, as the cart's own totals read it.
        tax = tax_rule_of(config)
        if self.preview is not None:
            source = self.preview
            differences = compare(self.local, self.preview, places)
            self.totals.source.setText(
                translate("CartSection", "Checked with the panel before you were signed out.") if self.signed_out
                else translate("CartSection", "Checked with the panel before the connection was lost.")
                if self.online is False else translate("CartSection", "Updated from the panel."))
            if differences:
                self.notice.setText(translate("CartSection", "The panel's prices differ from the ones saved on this "
                                              "computer (they change at the next sync):\n{differences}").format(
                    differences="\n".join(differences)))
                _restyle(self.notice, role="error")
                self.notice.show()
            else:
                self.notice.hide()
            tax_rate, inclusive = self.preview.get("tax_rate", tax.rate), self.preview.get("tax_inclusive")
        else:
            source = {key: getattr(self.local, key) for key, _t in Totals.ROWS}
            if self.online is False:
                self.totals.source.setText(
                    translate("CartSection", "Estimated from the prices saved on this computer (signed out).")
                    if self.signed_out
                    else translate("CartSection", "Estimated from the prices saved on this computer (offline)."))
            elif error:
                self.totals.source.setText(translate("CartSection", "Estimated on this computer: the panel's prices "
                                                                    "could not be read ({error}).").format(error=error))
            else:
                self.totals.source.setText(translate("CartSection", "Estimated on this computer; checking with the "
                                                                    "panel…"))
            self.notice.hide()
            tax_rate, inclusive = tax.rate, tax.inclusive
        self.totals.show_amounts(source, data.money, tax_rate=tax_rate or 0, tax_inclusive=bool(inclusive),
                                 tax_enabled=tax.enabled, credits_used=self.request_body()["use_credits"])
        has_coupon = bool(obj_at(self.options, "coupon").get("code"))
        self.coupon_remove.setVisible(has_coupon)
        self._update_actions(bad, out_of_stock)

    def _update_actions(self, bad: dict | None = None, out_of_stock: set | None = None) -> None:
        if bad is None:
            bad = problems(self.cart, self._products()) if self._data else {}
        reason = ""
        if not self.cart.items:
            reason = translate("CartSection", "Your cart is empty.")
        elif self.online is False:
            reason = translate("CartSection", "{reason}; your cart is kept on this computer until then.").format(
                reason=signed_out_text() if self.signed_out else translate("Messages", OFFLINE_MESSAGE))
        elif bad:
            reason = translate("CartSection", "Fix or remove the items marked above first.")
        elif out_of_stock:
            reason = translate("CartSection", "Some items are out of stock in the quantity chosen.")
        self.checkout.setEnabled(not reason)
        self.checkout.setToolTip(reason)
        self.checkout_note.setText(reason)
        self.checkout_note.setVisible(bool(reason) and bool(self.cart.items))
        self.coupon_apply.setEnabled(self.online is not False)
        self.coupon_apply.setToolTip(self._coupon_unreachable() if self.online is False else "")

    def _coupon_unreachable(self) -> str:
        return signed_out_text() if self.signed_out else translate(
            "CartSection", "Applying a coupon needs a connection to the panel.")
