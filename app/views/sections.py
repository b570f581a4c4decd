"""The sidebar's screens, in sidebar order, and what each one shows (so a sync re-reads only what changed)."""
from __future__ import annotations

import importlib
from dataclasses import dataclass

from .section import Section

SIDEBAR_ORDER = ("dashboard", "store", "cart", "services", "invoices", "credits", "orders", "support")


@dataclass(frozen=True)
class Screen:
    """A sidebar screen before its module is loaded: what the sidebar and the navigation need to know of it (its
    class says the same: tests/gui/test_window.py checks). A start loads only the module of the screen it shows."""

    key: str
    title: str
    billing: bool = True      # see Section.billing

    def load(self) -> type[Section]:
        return section_class(self.key)


SCREENS = (Screen("dashboard", "Dashboard"), Screen("store", "Store"), Screen("cart", "Cart"),
           Screen("services", "Services"), Screen("invoices", "Invoices"), Screen("credits", "Credits"),
           Screen("orders", "Orders"), Screen("support", "Support", billing=False))

# The screen that lists each kind of record and opens its page (`open_<kind>(id)`, or `apply_filter({kind: id})`):
# what a link, a notice or a checkout's next step opens.
RECORD_SCREENS = {"invoice": "invoices", "service": "services", "order": "orders", "ticket": "support"}

# The synced resources (ChangeSet.resources) each screen draws on; a screen may declare its own `resources`.
# A credit balance is read from /billing/credits, else the dashboard, else the newest transaction
# (app.core.credit.credit_balance): each screen that words it redraws when any of the three changes.
SHOWS: dict[str, frozenset[str]] = {
    "dashboard": frozenset({"dashboard", "services", "invoices", "credits", "credit_transactions", "notifications",
                            "me", "billing_config", "public_settings", "orders"}),
    "store": frozenset({"categories", "products", "billing_config", "public_settings"}),
    "cart": frozenset({"products", "billing_config", "credits", "dashboard", "credit_transactions"}),
    "services": frozenset({"services", "products", "billing_config", "public_settings"}),   # a page's sizes
    "invoices": frozenset({"invoices", "billing_config", "orders", "public_settings"}),
    "credits": frozenset({"credits", "credit_transactions", "dashboard", "billing_config", "invoices"}),   # top-ups
    "orders": frozenset({"orders", "invoices", "services", "billing_config"}),
    "support": frozenset({"tickets", "public_settings", "invoices", "services"}),
}


def section_class(key: str) -> type[Section]:
    """The Section subclass in `app.views.<key>` whose `key` is `key` (imported when first asked for)."""
    module_name = f"app.views.{key}"
    module = importlib.import_module(module_name)
    found = [obj for obj in vars(module).values()
             if isinstance(obj, type) and issubclass(obj, Section) and obj is not Section and obj.key == key]
    if not found:
        raise ImportError(f"{module_name} defines no Section with key {key!r}")
    return found[0]


def section_classes() -> list[type[Section]]:
    """Each screen's class, in sidebar order (the window builds each one when it is first shown)."""
    return [section_class(key) for key in SIDEBAR_ORDER]


def screens() -> list[Screen]:
    """Each screen, in sidebar order, without loading its module (the window builds it when first shown)."""
    by_key = {screen.key: screen for screen in SCREENS}
    return [by_key[key] for key in SIDEBAR_ORDER]


def create_sections() -> list[Section]:
    """One instance of each screen, in sidebar order."""
    return [cls() for cls in section_classes()]


def shows(section: Section) -> frozenset[str]:
    declared = getattr(type(section), "resources", None)
    if isinstance(declared, set | frozenset | tuple | list) and declared:
        return frozenset(declared)
    return SHOWS.get(section.key, frozenset())
