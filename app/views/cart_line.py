"""One line of the cart: its product and sizes, cycle, size fields, quantity, amount and Remove."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QWidget,
)

from app.core.cart import CartItem
from app.core.cycles import BILLING_CYCLES
from app.core.formatting import cycle_label, line_resources_text
from app.core.pricing import MAX_QUANTITY, RESOURCE_KEYS, Line, config_ranges, resolve_config
from app.core.text import translate
from app.models.plain_text import PLAIN

from .flow_layout import FlowLayout
from .labels import DataLabel, emphasise, muted, styled
from .shapes import obj, objs, whole
from .size_fields import CoresSpinBox, SpinBox, cpu_hint
from .wheel_guard import GuardedComboBox

_SPIN_SUFFIX = {"memory": " MB", "disk": " MB"}
_LABELS = {"memory": QT_TRANSLATE_NOOP("CartLine", "Memory"), "disk": QT_TRANSLATE_NOOP("CartLine", "Disk"),
           "cpu": QT_TRANSLATE_NOOP("CartLine", "CPU")}


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
        self.name = emphasise(DataLabel(str(obj(product).get("name") or "") or translate("CartLine", "Unknown product"),
                                        objectName="lineName"), 1.1)
        self.detail = muted(object_name="lineDetail", wrap=True)
        self.problem = styled(QLabel(objectName="lineProblem", wordWrap=True, textFormat=PLAIN), role="error")
        self.problem.hide()
        self.amount = emphasise(styled(QLabel(objectName="lineAmount", textFormat=PLAIN), role="price"), 1.1)
        self.amount.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setup = muted(object_name="lineSetup")
        self.setup.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.cycle = GuardedComboBox(objectName="lineCycle")
        self.cycle.setAccessibleName(translate("CartLine", "Billing cycle"))
        rows = objs(obj(product).get("pricing"))
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
            # A saved cart's size may be anything (an older Sett's, a hand-edited file): a word is the smallest size,
            # a number out of the product's range its nearest end (a spin box takes no int beyond 32 bits).
            saved = whole(chosen.get(key))
            low, high = int(rng["min"]), int(rng["max"])
            spin.setValue(low if saved is None else min(max(saved, low), high))
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
            detail = line_resources_text(recurring)     # worded as the store's resources lines
            each = (translate("CartLine", "{amount} each").format(amount=money(recurring.unit_price))
                    if recurring.quantity > 1 else "")
            self.detail.setText(" · ".join(p for p in (detail, each) if p))
        # An empty line under the name (a plan with no sizes to list, no setup fee) would leave a gap.
        self.detail.setVisible(bool(self.detail.text()))
        self.setup.setVisible(bool(self.setup.text()))
        self.problem.setText(problem or "")
        self.problem.setVisible(bool(problem))
