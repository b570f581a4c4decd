"""Cart: the items chosen in the store. Each line's cycle, sizes and quantity can be changed or the line removed; a
coupon field; the use-credits choice; totals computed here at once by the panel's rules (app.core.cart.local_quote),
then replaced by the panel's own `checkout/preview` whenever it can be reached, with a notice when the two differ.

This screen only shows and asks: the cart is the account session's model (app.session.cart), which app.features.cart
hands here through `show_cart` after every change; every edit here is a request to that model.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from app.core.account_data import AccountData
from app.core.cart import Cart, CartItem, compare, local_quote, places_of, problems
from app.core.credit import credits_spendable
from app.core.cycles import BILLING_CYCLES
from app.core.formatting import cycle_label, rate_text
from app.core.money import parse_money
from app.core.pricing import MAX_QUANTITY, RESOURCE_KEYS, Line, Quote, config_ranges, resolve_config
from app.core.reach import signed_out_text
from app.core.text import translate
from app.models.plain_text import PLAIN

from .empty_state import EmptyState
from .flow_layout import FlowLayout
from .labels import DataLabel, emphasise, heading, muted, styled
from .section import Section
from .size_fields import CoresSpinBox, SpinBox, cpu_hint

OFFLINE_MESSAGE = QT_TRANSLATE_NOOP("Messages", "Checkout needs a connection to the panel")
_SPIN_SUFFIX = {"memory": " MB", "disk": " MB"}
_LABELS = {"memory": QT_TRANSLATE_NOOP("CartLine", "Memory"), "disk": QT_TRANSLATE_NOOP("CartLine", "Disk"),
           "cpu": QT_TRANSLATE_NOOP("CartLine", "CPU")}
PREVIEW_DELAY_MS = 250     # edits in quick succession (a spin box held down) make one preview request


def _labelled(text: str, field: QWidget) -> QWidget:
    """A field and its label as one piece that wraps as a whole."""
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(6)
    label = QLabel(text, textFormat=PLAIN)
    label.setBuddy(field)
    row.addWidget(label)
    row.addWidget(field)
    return box


def _restyle(widget: QWidget, **properties) -> None:
    styled(widget, **properties)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class CartLine(QFrame):
    """One item: name and sizes, cycle, size spin boxes, quantity, amount, Remove."""

    edited = Signal(str, dict)       # item id, {billing_cycle?, config?, quantity?}
    removed = Signal(str)

    def __init__(self, item: CartItem, product: dict | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item_id = item.id
        self.setObjectName("cartLine")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        styled(self, card=True)
        self.name = emphasise(DataLabel((product or {}).get("name") or translate("CartLine", "Unknown product"),
                                        objectName="lineName"), 1.1)
        self.detail = muted(object_name="lineDetail", wrap=True)
        self.problem = styled(QLabel(objectName="lineProblem", wordWrap=True, textFormat=PLAIN), role="error")
        self.problem.hide()
        self.amount = emphasise(styled(QLabel(objectName="lineAmount", textFormat=PLAIN), role="price"), 1.1)
        self.amount.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setup = muted(object_name="lineSetup")
        self.setup.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.cycle = QComboBox(objectName="lineCycle")
        self.cycle.setAccessibleName(translate("CartLine", "Billing cycle"))
        rows = (product or {}).get("pricing") or ()
        for cycle in BILLING_CYCLES:
            if any(r.get("billing_cycle") == cycle for r in rows):
                self.cycle.addItem(cycle_label(cycle), cycle)
        if self.cycle.findData(item.billing_cycle) < 0:
            self.cycle.addItem(cycle_label(item.billing_cycle), item.billing_cycle)
        self.cycle.setCurrentIndex(self.cycle.findData(item.billing_cycle))
        self.cycle.currentIndexChanged.connect(lambda _i: self.edited.emit(self.item_id,
                                                                           {"billing_cycle": self.cycle.currentData()}))
        self.sizes: dict[str, QSpinBox] = {}
        # The controls wrap onto more rows when the line is narrow (a small window), never running off its edge.
        holder = QWidget(objectName="lineControls")
        controls = FlowLayout(holder, spacing=10, last_at_right=True)
        controls.addWidget(self.cycle)
        ranges = config_ranges(product or {})
        try:
            chosen = resolve_config(product, item.config) if product and ranges else dict(item.config)
        except ValueError:
            chosen = dict(item.config)
        for key in RESOURCE_KEYS:
            if key not in ranges:
                continue
            rng = ranges[key]
            spin = (CoresSpinBox if key == "cpu" else SpinBox)(objectName=f"line{key.title()}")
            spin.setRange(int(rng["min"]), int(rng["max"]))
            spin.setSingleStep(max(1, int(rng.get("step") or 1)))
            if key != "cpu":
                spin.setSuffix(_SPIN_SUFFIX[key])
            spin.setAccessibleName(translate("CartLine", _LABELS[key]))
            spin.setValue(int(chosen.get(key, rng["min"])))
            spin.setKeyboardTracking(False)      # a half-typed number is not a size
            spin.valueChanged.connect(lambda value, k=key: self.edited.emit(self.item_id, {"config": {k: value}}))
            if key == "cpu":
                spin.setToolTip(cpu_hint())
            controls.addWidget(_labelled(translate("CartLine", _LABELS[key]), spin))
            self.sizes[key] = spin
        self.quantity = SpinBox(objectName="lineQuantity")
        self.quantity.setRange(1, MAX_QUANTITY)
        self.quantity.setValue(item.quantity)
        self.quantity.setAccessibleName(translate("CartLine", "Quantity"))
        self.quantity.setKeyboardTracking(False)
        self.quantity.setMinimumWidth(80)
        self.quantity.valueChanged.connect(lambda value: self.edited.emit(self.item_id, {"quantity": value}))
        controls.addWidget(_labelled(translate("CartLine", "Quantity"), self.quantity))
        self.remove = styled(QPushButton(translate("CartLine", "Remove"), objectName="removeLine"), kind="ghost")
        self.remove.setAccessibleName(translate("CartLine", "Remove {product}").format(product=self.name.text()))
        self.remove.clicked.connect(lambda: self.removed.emit(self.item_id))
        controls.addWidget(self.remove)

        self.name.setWordWrap(True)
        grid = QGridLayout(self)
        grid.setContentsMargins(16, 12, 16, 12)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(6)
        grid.addWidget(self.name, 0, 0)
        grid.addWidget(self.amount, 0, 1)
        grid.addWidget(self.detail, 1, 0)
        grid.addWidget(self.setup, 1, 1)
        grid.addWidget(holder, 2, 0, 1, 2)
        grid.addWidget(self.problem, 3, 0, 1, 2)
        grid.setColumnStretch(0, 1)

    def focus_chain(self) -> list[QWidget]:
        """This line's controls in reading order, for the cart's tab order."""
        return [self.cycle, *self.sizes.values(), self.quantity, self.remove]

    def show_price(self, lines: list[Line], money, problem: str | None) -> None:
        recurring = next((ln for ln in lines if ln.kind == "recurring"), None)
        setup = next((ln for ln in lines if ln.kind == "setup"), None)
        self.amount.setText(money(recurring.amount) if recurring else "—")
        self.setup.setText(translate("CartLine", "+ {amount} setup").format(amount=money(setup.amount))
                           if setup else "")
        if recurring is not None:
            detail = recurring.description.split(": ", 1)[1] if ": " in recurring.description else ""
            each = (translate("CartLine", "{amount} each").format(amount=money(recurring.unit_price))
                    if recurring.quantity > 1 else "")
            self.detail.setText(" · ".join(p for p in (detail, each) if p))
        # An empty line under the name (a plan with no sizes to list, no setup fee) would leave a gap.
        self.detail.setVisible(bool(self.detail.text()))
        self.setup.setVisible(bool(self.setup.text()))
        self.problem.setText(problem or "")
        self.problem.setVisible(bool(problem))


class Totals(QFrame):
    ROWS = (("subtotal", QT_TRANSLATE_NOOP("Totals", "Subtotal")),
            ("discount", QT_TRANSLATE_NOOP("Totals", "Discount")),
            ("tax_amount", QT_TRANSLATE_NOOP("Totals", "Tax")),
            ("total", QT_TRANSLATE_NOOP("Totals", "Total")),
            ("credits_applied", QT_TRANSLATE_NOOP("Totals", "Credits applied")),
            ("due_now", QT_TRANSLATE_NOOP("Totals", "Due now")))

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cartTotals")
        styled(self, card=True)
        self.labels: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(20, 16, 20, 16)
        grid.setVerticalSpacing(6)
        for row, (key, text) in enumerate(self.ROWS):
            label = QLabel(translate("Totals", text), objectName=f"{key}Label", textFormat=PLAIN)
            value = QLabel(objectName=f"{key}Value", textFormat=PLAIN)
            value.setAlignment(Qt.AlignmentFlag.AlignRight)
            if key in ("total", "due_now"):
                emphasise(label, 1.05)
                emphasise(value, 1.15)
            grid.addWidget(label, row, 0)
            grid.addWidget(value, row, 1)
            self.labels[key], self.values[key] = label, value
        self.source = muted(object_name="totalsSource", wrap=True)
        grid.addWidget(self.source, len(self.ROWS), 0, 1, 2)
        grid.setColumnStretch(0, 1)

    def show_amounts(self, amounts: dict, money, *, tax_rate, tax_inclusive: bool, tax_enabled: bool) -> None:
        for key, _text in self.ROWS:
            value = amounts.get(key)
            shown = money(value)
            if key in ("discount", "credits_applied") and value is not None and money(value) != money(0):
                shown = money(-parse_money(value))     # taken off: the locale's minus, as the checkout shows it
            self.values[key].setText(shown)
        label = (translate("Totals", "Tax ({rate}, included)") if tax_inclusive
                 else translate("Totals", "Tax ({rate})"))
        self.labels["tax_amount"].setText(label.format(rate=rate_text(tax_rate)))     # "20%" / "7,5 %"
        for key in ("tax_amount",):
            self.labels[key].setVisible(tax_enabled)
            self.values[key].setVisible(tax_enabled)
        has_discount = money(amounts.get("discount") or 0) != money(0)
        self.labels["discount"].setVisible(has_discount)
        self.values["discount"].setVisible(has_discount)

    def value(self, key: str) -> str:
        return self.values[key].text()


class CartSection(Section):
    key = "cart"
    title = QT_TRANSLATE_NOOP("Sections", "Cart")
    edit_requested = Signal(str, dict)           # item id, {billing_cycle?, config?, quantity?}
    remove_requested = Signal(str)               # item id
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
        layout.setSpacing(12)
        layout.addWidget(self.heading)
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

    def show_cart(self, account_id: str, cart: Cart, options: dict, *, structure: bool = True) -> None:
        """The account's cart as its model holds it now; `structure` when lines came or went (rebuilt)."""
        if account_id != self.account_id:
            self.coupon_status.hide()
            self.coupon_edit.clear()
            self.account_id = account_id
            structure = True
        coupon = (options.get("coupon") or {}).get("code")
        if not coupon and (self.options.get("coupon") or {}).get("code"):
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
        coupon = self.options.get("coupon") or {}
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
            self.lines_layout.insertWidget(i, line)
            self.lines[item.id] = line
        self._set_tab_order()
        balance = (self._data.credits or {}).get("balance")
        self.use_credits.setVisible(credits_spendable(self._data))       # nothing to spend: no choice to offer
        if balance is not None:
            self.use_credits.setText(translate("CartSection", "Use my credit balance ({amount})").format(
                amount=self._data.money(balance)))
        else:
            self.use_credits.setText(translate("CartSection", "Use my credit balance"))
        self.use_credits.blockSignals(True)
        self.use_credits.setChecked(bool(self.options.get("use_credits", True)))
        self.use_credits.blockSignals(False)
        coupon = self.options.get("coupon") or {}
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
        config = data.billing_config or {}
        places = places_of(config)
        bad = problems(self.cart, products, places)
        balance = (data.credits or {}).get("balance") or 0
        credits_on = bool(config.get("credits_enabled", True)) and (data.credits or {}).get("enabled", True)
        self.local = local_quote(self.cart, products, config, balance if credits_on else 0,
                                 self.options.get("coupon"), use_credits=bool(self.options.get("use_credits", True)))
        by_item: dict[str, list[Line]] = {}
        pending = list(self.local.lines)      # item by item, each setup line right after its recurring one
        for item in self.cart:
            if item.id in bad:
                by_item[item.id] = []
                continue
            count = 2 if len(pending) > 1 and pending[1].kind == "setup" else 1
            by_item[item.id], pending = pending[:count], pending[count:]
        out_of_stock = set((self.preview or {}).get("out_of_stock") or [])
        for item in self.cart:
            line = self.lines.get(item.id)
            if line is None:
                continue
            problem = bad.get(item.id) or (translate("CartSection", "Not enough in stock for this quantity.")
                                           if item.product_id in out_of_stock else None)
            line.show_price(by_item.get(item.id, []), data.money, problem)
        tax = config.get("tax") or {}
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
            tax_rate, inclusive = self.preview.get("tax_rate", tax.get("rate", 0)), self.preview.get("tax_inclusive")
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
            tax_rate, inclusive = tax.get("rate", 0), bool(tax.get("inclusive"))
        self.totals.show_amounts(source, data.money, tax_rate=tax_rate or 0, tax_inclusive=bool(inclusive),
                                 tax_enabled=bool(tax.get("enabled")))
        has_coupon = bool((self.options.get("coupon") or {}).get("code"))
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
