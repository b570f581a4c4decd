"""Product page: a product's details, its billing cycles with prices and setup fees, size controls for the
resources the buyer chooses (moving in the product's steps within its ranges), a live price computed locally by
the panel's own rules (app.core.pricing), and Add to Cart. Shown inside the store (see StoreSection)."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.core.account_data import AccountData
from app.core.cycles import BILLING_CYCLES, CYCLE_MONTHS
from app.core.formatting import cpu_text, cycle_label, cycle_suffix, line_resources_text, resources_text, size_text
from app.core.money import parse_money, round_money
from app.core.pricing import (
    MAX_QUANTITY,
    RESOURCE_KEYS,
    PricingError,
    config_ranges,
    cycle_price,
    price_item,
    resolve_config,
)
from app.core.text import translate
from app.models.plain_text import PLAIN

from .labels import DataLabel, emphasise, heading, muted, styled
from .page_parts import back_button
from .shapes import obj, objs, whole
from .size_fields import CoresSpinBox, SpinBox, cpu_hint
from .submit_keys import is_plain_enter
from .tab_order import tab_in_order
from .wheel_guard import GuardedComboBox, GuardedSlider

_RESOURCE_LABELS = {"memory": QT_TRANSLATE_NOOP("ProductPage", "Memory"),
                    "disk": QT_TRANSLATE_NOOP("ProductPage", "Disk"),
                    "cpu": QT_TRANSLATE_NOOP("ProductPage", "CPU")}
_PER_GB = {"per_gb_memory": "memory", "per_gb_disk": "disk"}
CONTROL_WIDTH = 420     # px: the billing cycle's field; a size's slider, box and words take at most 200 more


def io_priority(weight) -> str:
    """The panel's I/O weight (10..1000, 500 the default) in words."""
    value = int(weight)
    if value < 400:
        return translate("ProductPage", "low")
    return translate("ProductPage", "normal") if value <= 600 else translate("ProductPage", "high")


def is_one_time(product: dict) -> bool:
    cycles = {row.get("billing_cycle") for row in objs(product.get("pricing"))}
    return bool(cycles) and cycles <= {"one_time"}


def product_resources_text(product: dict, *, brief: bool = False) -> str:
    """What a product gives: "4 GB RAM · 20 GB disk · 2 cores" (and limits unless `brief`). A one-time service
    (a migration, a setup) gives no server, so it says so instead of "Unlimited RAM..."; a product without any
    resources says nothing."""
    res = obj(product.get("resources"))
    # Sizes are whole numbers (app.api.schemas.Size); anything else a saved row holds there is no size.
    sized = {k: whole(res.get(k)) for k in ("memory", "disk", "cpu") if whole(res.get(k)) is not None}
    if is_one_time(product) and not any(v > 0 for v in sized.values()):
        return translate("ProductPage", "One-time service, billed once")
    parts = [resources_text({k: v for k, v in sized.items()})] if sized else []
    if brief:
        return " · ".join(p for p in parts if p)
    extra = []
    swap = whole(res.get("swap"))        # a limit that is no whole number is left out, never int()'d
    if swap:
        extra.append(translate("ProductPage", "unlimited swap") if swap < 0
                     else translate("ProductPage", "{size} swap").format(size=size_text(swap)))
    count = whole(res.get("database_limit"))
    if count:
        extra.append(translate("ProductPage", "%n database(s)", None, count))
    count = whole(res.get("backup_limit"))
    if count:
        extra.append(translate("ProductPage", "%n backup(s)", None, count))
    count = whole(res.get("allocation_limit"))
    if count:
        extra.append(translate("ProductPage", "%n port allocation(s)", None, count))
    if whole(res.get("io_weight")):
        extra.append(translate("ProductPage", "I/O priority {priority}").format(priority=io_priority(res["io_weight"])))
    return " · ".join(p for p in parts + extra if p)


def saving_text(monthly, price, cycle: str) -> str:
    """"save 10%" when a longer cycle costs less than paying monthly for as long; "" otherwise."""
    months = CYCLE_MONTHS.get(cycle, 1)
    if cycle in ("monthly", "one_time") or monthly is None or monthly <= 0 or months <= 1:
        return ""
    full = monthly * months
    if price >= full:
        return ""
    percent = int(((full - price) * 100 / full).to_integral_value(rounding="ROUND_HALF_UP"))
    return translate("ProductPage", "save {percent}% against monthly").format(percent=percent) if percent >= 1 else ""


def amount_text(key: str, value: int) -> str:
    return cpu_text(value) if key == "cpu" else size_text(value)


def stock_text(product: dict) -> str | None:
    """"Out of stock", "Only 3 left", or None when stock is unlimited (the panel shows it only when limited)."""
    if product.get("in_stock") is False or (product.get("stock") is not None and int(product["stock"]) <= 0):
        return out_of_stock_text()
    if product.get("stock") is not None:
        left = int(product["stock"])
        return translate("ProductCard", "Only %n left", None, left)
    return None


def out_of_stock_text() -> str:
    return translate("ProductCard", "Out of stock")


class SizeControl(QWidget):
    """A slider and a spin box for one resource; both move in `step`s from `min` to `max`."""

    changed = Signal()

    def __init__(self, key: str, rng: dict, value: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.lo, self.hi, self.step = int(rng["min"]), int(rng["max"]), max(1, int(rng.get("step") or 1))
        self.slider = GuardedSlider(Qt.Orientation.Horizontal, objectName=f"{key}Slider")
        self.slider.setAccessibleName(translate("ProductPage", _RESOURCE_LABELS[key]))
        self.slider.setRange(0, (self.hi - self.lo) // self.step)     # slider positions are whole steps
        self.slider.setPageStep(max(1, self.slider.maximum() // 8))
        self.spin = (CoresSpinBox if key == "cpu" else SpinBox)(objectName=f"{key}Spin")
        self.spin.setRange(self.lo, self.hi)
        self.spin.setSingleStep(self.step)
        if key == "cpu":
            self.spin.setToolTip(cpu_hint())
        else:
            self.spin.setSuffix(" MB")
        self.spin.setAccessibleName(translate("ProductPage", "{resource} amount").format(
            resource=translate("ProductPage", _RESOURCE_LABELS[key])))
        self.words = muted(object_name=f"{key}Words")
        self.words.setMinimumWidth(80)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.slider, 1)
        # As wide as the cycle's field above it at most: a 1,100 px slider on a wide window moved 1 GB per 100 px.
        self.setMaximumWidth(CONTROL_WIDTH + 200)
        row.addWidget(self.spin)
        row.addWidget(self.words)
        self.set_value(value)
        self.slider.valueChanged.connect(lambda pos: self.set_value(self.lo + pos * self.step))
        self.spin.editingFinished.connect(lambda: self.set_value(self.spin.value()))
        self.spin.valueChanged.connect(self._spun)

    def _spun(self, value: int) -> None:
        # Arrow keys move in steps already; a typed value snaps to a step once it is whole (on editingFinished).
        if (value - self.lo) % self.step == 0:
            self.set_value(value)

    def value(self) -> int:
        return self.lo + self.slider.value() * self.step

    def set_value(self, value: int) -> None:
        steps = round((min(max(int(value), self.lo), self.hi) - self.lo) / self.step)
        value = self.lo + steps * self.step
        changed = value != getattr(self, "_value", None)
        self._value = value
        for widget in (self.slider, self.spin):
            widget.blockSignals(True)
        self.slider.setValue(steps)
        self.spin.setValue(value)
        for widget in (self.slider, self.spin):
            widget.blockSignals(False)
        self.words.setText("" if self.key == "cpu" else amount_text(self.key, value))
        if changed:
            self.changed.emit()


class ProductPage(QWidget):
    back_requested = Signal()
    add_requested = Signal(dict)          # {product_id, billing_cycle, config, quantity}
    cart_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("productPage")
        self.product: dict = {}
        self._data: AccountData | None = None
        self.controls: dict[str, SizeControl] = {}

        self.back = back_button(translate("ProductPage", "← All products"))
        self.back.clicked.connect(self.back_requested)
        self.name = heading("", "productName")
        self.category = muted(object_name="productCategory")
        self.description = DataLabel(objectName="productDescription", wordWrap=True)
        self.resources = DataLabel(objectName="productResources", wordWrap=True)
        self.stock = QLabel(objectName="productStock", textFormat=PLAIN)

        self.cycle = GuardedComboBox(objectName="cycleChoice")
        self.cycle.setAccessibleName(translate("ProductPage", "Billing cycle"))
        self.cycle.currentIndexChanged.connect(lambda _i: self._reprice())
        self.quantity = SpinBox(objectName="quantity")
        self.quantity.setRange(1, MAX_QUANTITY)
        self.quantity.setAccessibleName(translate("ProductPage", "Quantity"))
        self.quantity.valueChanged.connect(lambda _v: self._reprice())
        self.quantity.setMaximumWidth(120)
        self.cycle.setMaximumWidth(CONTROL_WIDTH)
        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        # The style's 6 px left a long label touching its field ("Abrechnungszeitraum" against the box); the cart's
        # lines keep 16.
        self.form.setHorizontalSpacing(14)
        self.form.addRow(translate("ProductPage", "Billing cycle"), self.cycle)
        # Quantity in the same form, last: its field lines up with the cycle's and the sizes' (a form of its own
        # put it further left); the size rows go in before it.
        self.form.addRow(translate("ProductPage", "Quantity"), self.quantity)

        self.price = emphasise(styled(QLabel(objectName="livePrice", textFormat=PLAIN), role="price"), 1.5)
        self.setup_fee = muted(object_name="liveSetupFee")
        self.breakdown = muted(object_name="priceBreakdown", wrap=True)
        self.add_button = styled(QPushButton(translate("ProductPage", "Add to Cart"),
                                             objectName="addToCart"), kind="primary")
        self.add_button.clicked.connect(self._add)
        self.added = QLabel(objectName="addedNote", textFormat=PLAIN)
        self.view_cart = styled(QPushButton(translate("ProductPage", "View cart"), objectName="viewCart"), kind="ghost")
        self.view_cart.clicked.connect(self.cart_requested)
        self.added.hide()
        self.view_cart.hide()

        buy = QFrame(objectName="buyPanel")
        styled(buy, card=True)
        buy_layout = QVBoxLayout(buy)
        buy_layout.setContentsMargins(20, 16, 20, 16)
        buy_layout.addLayout(self.form)
        buy_layout.addWidget(self.setup_fee)
        buy_layout.addWidget(self.breakdown)
        # The price and Add to Cart in a bar under the scrolled details, always on screen: at 1000x650 with the
        # keyring and notifications banners showing, the button sat below the fold of a product with sizes.
        footer = QFrame(objectName="productFooter")
        styled(footer, card=True)
        actions = QHBoxLayout(footer)
        actions.setContentsMargins(20, 10, 20, 10)
        actions.setSpacing(12)
        actions.addWidget(self.price, 0, Qt.AlignmentFlag.AlignVCenter)
        actions.addStretch(1)
        actions.addWidget(self.added)
        actions.addWidget(self.view_cart)
        actions.addWidget(self.add_button)
        self.footer = footer

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 8, 0)
        layout.setSpacing(10)
        layout.addWidget(self.back, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.name)
        layout.addWidget(self.category)
        layout.addWidget(self.description)
        layout.addWidget(self.resources)
        layout.addWidget(self.stock)
        layout.addWidget(buy)
        layout.addStretch(1)
        scroll = QScrollArea(self, objectName="productScrollArea")
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)      # Tab went to the frame before Back; its fields take it
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(8)
        outer.addWidget(scroll, 1)
        outer.addWidget(footer)

    # -- showing -------------------------------------------------------------------------------------------------
    def show_product(self, product: dict, data: AccountData) -> None:
        # Another account (on the same panel, the same product id) has its own cart: "Added (1 in cart)" was not said
        # to it, and its choice starts afresh.
        same = (product.get("id") == self.product.get("id") and self._data is not None
                and self._data.account_id == data.account_id)
        keep_cycle = self.cycle.currentData() if same else None
        keep_sizes = self.config() if same else {}
        self.product, self._data = product, data
        self.name.setText(product.get("name") or "")
        self.category.setText(str(obj(product.get("category")).get("name") or ""))
        self.description.setText(str(product.get("description") or ""))
        self.description.setVisible(bool(product.get("description")))
        self.resources.setText(product_resources_text(product))
        stock = stock_text(product)
        self.stock.setText(stock or "")
        styled(self.stock, role="error" if stock == out_of_stock_text() else "muted")
        self.stock.style().unpolish(self.stock)
        self.stock.style().polish(self.stock)
        self.stock.setVisible(stock is not None)
        if not same:
            self.added.hide()
            self.view_cart.hide()
            self.quantity.setValue(1)
        left = product.get("stock")
        limit = MAX_QUANTITY if left is None else max(1, min(MAX_QUANTITY, int(left)))
        self.quantity.setMaximum(limit)        # "Only 3 left": the field stops at 3
        self.quantity.setToolTip(translate("ProductPage", "{stock}: at most {limit}").format(stock=stock, limit=limit)
                                 if left is not None and stock else "")

        places = data.places
        self.cycle.blockSignals(True)
        self.cycle.clear()
        rows = sorted(objs(product.get("pricing")), key=lambda r: BILLING_CYCLES.index(r["billing_cycle"])
                      if r.get("billing_cycle") in BILLING_CYCLES else 99)
        try:
            monthly = cycle_price(product, "monthly")[0] if any(r.get("billing_cycle") == "monthly"
                                                                for r in rows) else None
        except (PricingError, ValueError):
            monthly = None
        for row in rows:
            cycle = row.get("billing_cycle")
            try:
                price, setup = cycle_price(product, cycle)
            except (PricingError, ValueError):
                continue
            saving = saving_text(monthly, price, cycle)
            amount = data.money(round_money(price, places))
            if product.get("pricing_type") in _PER_GB:
                text = translate("ProductPage", "{cycle}: {price} per GB")
            elif product.get("pricing_type") == "configurable" and price == 0:
                text = "{cycle}"
            elif product.get("pricing_type") == "configurable":
                text = translate("ProductPage", "{cycle}: {price} base")
            else:
                text = translate("ProductPage", "{cycle}: {price}")
            text = text.format(cycle=cycle_label(cycle), price=amount)
            if setup > 0:
                text = translate("ProductPage", "{choice} + {amount} setup").format(
                    choice=text, amount=data.money(round_money(setup, places)))
            if saving:
                text = translate("ProductPage", "{choice} ({saving})").format(choice=text, saving=saving)
            self.cycle.addItem(text, cycle)
        index = self.cycle.findData(keep_cycle) if keep_cycle else 0
        self.cycle.setCurrentIndex(max(0, index))
        self.cycle.blockSignals(False)
        self._build_controls(keep_sizes)
        self.add_button.setEnabled(stock != out_of_stock_text() and self.cycle.count() > 0)
        self.add_button.setToolTip(translate("ProductPage", "This product is out of stock.")
                                   if stock == out_of_stock_text() else "")
        self._reprice()

    def _build_controls(self, keep: dict) -> None:
        for control in self.controls.values():
            self.form.removeRow(control)
        self.controls = {}
        ranges = config_ranges(self.product)
        if not ranges:
            return
        try:
            defaults = resolve_config(self.product, keep)
        except PricingError:
            defaults = resolve_config(self.product, None)
        for key in RESOURCE_KEYS:
            if key in ranges:
                control = SizeControl(key, ranges[key], defaults[key], self)
                control.changed.connect(self._reprice)
                self.controls[key] = control
                self.form.insertRow(self.form.rowCount() - 1, translate("ProductPage", _RESOURCE_LABELS[key]), control)
        # One width for the sizes' boxes (a disk's "204800 MB" is wider than "2 cores"), so that the sliders end, and
        # the boxes start, on one line rather than at a ragged edge.
        boxes = [control.spin for control in self.controls.values()]
        widest = max((box.sizeHint().width() for box in boxes), default=0)
        for box in boxes:
            box.setMinimumWidth(widest)
        # The sizes are made after the rest of the page: Tab reached them after Add to Cart, below them.
        tab_in_order(self.back, self.cycle, *self.controls.values(), self.quantity, self.add_button, self.view_cart)

    def focus_first_field(self) -> None:
        """The keyboard on the page's first choice (its billing cycle), where Enter adds to the cart (README). Left to
        Qt, opening a product by the keyboard put it on "← All products", and Enter there went back to the
        catalogue. Only when opened by the keyboard: a focused field takes the mouse wheel (wheel_guard)."""
        for widget in (self.cycle, *self.controls.values(), self.quantity, self.add_button):
            target = widget.focusProxy() or widget
            if (target.isVisibleTo(self) and target.isEnabled()
                    and target.focusPolicy() & Qt.FocusPolicy.TabFocus == Qt.FocusPolicy.TabFocus):
                target.setFocus(Qt.FocusReason.OtherFocusReason)
                return

    def config(self) -> dict[str, int]:
        return {key: control.value() for key, control in self.controls.items()}

    def choice(self) -> dict:
        return {"product_id": str(self.product.get("id")), "billing_cycle": self.cycle.currentData(),
                "config": self.config(), "quantity": self.quantity.value()}

    def _reprice(self) -> None:
        if self._data is None or not self.product or self.cycle.currentData() is None:
            self.price.setText(translate("ProductPage", "Not available"))
            self.setup_fee.setText("")
            self._show_breakdown("")
            return
        data, cycle = self._data, self.cycle.currentData()
        places = data.places
        try:
            lines = price_item(self.product, cycle, self.config(), self.quantity.value(), places)
        except PricingError as exc:
            self.price.setText(translate("ProductPage", "Not available"))
            self._show_breakdown(exc.message)
            return
        recurring = lines[0]
        self.price.setText(f"{data.money(recurring.amount)} {cycle_suffix(cycle)}".strip())
        self.price.setAccessibleName(translate("ProductPage", "Price {price}").format(price=self.price.text()))
        setup = next((ln for ln in lines if ln.kind == "setup"), None)
        self.setup_fee.setText(translate("ProductPage", "+ {amount} setup fee, charged once").format(
            amount=data.money(setup.amount)) if setup else "")
        self.setup_fee.setVisible(setup is not None)
        detail = line_resources_text(recurring)     # worded as the resources line above ("2 Kerne", " · ")
        if self.quantity.value() > 1:
            times = f"{self.quantity.value()} × {data.money(recurring.unit_price)}"
            detail = f"{times} · {detail}" if detail else times
        self._show_breakdown(detail)

    def _show_breakdown(self, text: str) -> None:
        """The line under the options, only when it says something: a product without sizes bought once has
        none, and its empty line was empty space at the bottom of the options card. (Add to Cart is in the bar
        under the details, so a "2 × $6.00" appearing as the quantity goes up no longer moves it.)"""
        self.breakdown.setText(text)
        self.breakdown.setVisible(bool(text))

    def price_amount(self):
        """The shown recurring amount as a Decimal (tests and accessibility)."""
        text = self.price.text().split(" ")[0]
        return parse_money("".join(ch for ch in text if ch.isdigit() or ch in ".-"), bounded=False)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        """Enter in the billing cycle, a size or the quantity adds the product to the cart, as a form's main button
        (it did nothing); on a button, Enter is that button's (the window presses it)."""
        if is_plain_enter(event) and not isinstance(QApplication.focusWidget(), QAbstractButton):
            if self.add_button.isEnabled():
                self.add_button.click()
            event.accept()
            return
        super().keyPressEvent(event)

    def _add(self) -> None:
        if self.cycle.currentData() is None:
            return
        self.add_requested.emit(self.choice())

    def hideEvent(self, event) -> None:       # noqa: N802 (Qt's name)
        # "Added to your cart (1 in cart)" speaks of that moment: once the user has gone elsewhere (to the cart, to
        # pay it) it went stale and still showed on coming back, over an empty or changed cart.
        if not event.spontaneous():
            self.added.hide()
            self.view_cart.hide()
        super().hideEvent(event)

    def show_added(self, message: str, ok: bool = True) -> None:
        self.added.setText(message)
        styled(self.added, role="success" if ok else "error")
        self.added.style().unpolish(self.added)
        self.added.style().polish(self.added)
        self.added.show()
        self.view_cart.setVisible(ok)
