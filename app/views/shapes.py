"""Reading a panel's nested objects whose kind a screen cannot be sure of.

The answers Sett acts on are checked (app.api.schemas) and the cache hands out rows shaped as a checked answer
(app.core.panel_text), but not every nested object is in those checks: billing_config's `tax` and `gateways`, a
product's `resources`, the cart's saved options, a preview's lists, and whatever a cache written by an older Sett
or from a hostile panel holds. A string or a list where an object belongs means "none", never an AttributeError
that leaves a screen half drawn.
"""
from __future__ import annotations

from typing import Any

from app.core.whole_numbers import whole

__all__ = ["items", "obj", "obj_at", "objs", "whole"]   # whole: a count or size, read as app.core reads one


def obj(value: Any) -> dict:
    """`value` when it is an object; an empty one for anything else (absent, null, a string, a number, a list)."""
    return value if isinstance(value, dict) else {}


def obj_at(value: Any, *keys: str) -> dict:
    """The object at `keys` inside `value` ("tax" of a billing config, "stripe" of its "gateways"); empty where any
    step is not an object."""
    found = obj(value)
    for key in keys:
        found = obj(found.get(key))
    return found


def objs(value: Any) -> list[dict]:
    """The objects of a list (a product's prices, a ticket's messages); empty where it is no list."""
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list | tuple) else []


def items(value: Any) -> list:
    """A list's items (ids, names); empty where it is no list (a string is not a list of its letters)."""
    return list(value) if isinstance(value, list | tuple | set | frozenset) else []
