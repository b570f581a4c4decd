"""Checking an answer against its schema (`schemas`, named here by class name): the answer itself back when it
fits, else one `BadAnswer` that names the resource and the first field that does not, in words.

pydantic (~120 ms to import) loads with the first answer checked, on the worker that talks to the panel, never
on the UI thread at start-up: `app.api` is imported there.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Any, get_args, get_origin

from app.core.panel_text import BOOL_FIELDS, as_bool, spell_currency
from app.core.text import QT_TRANSLATE_NOOP, translate

from .errors import BadAnswer
from .fields import BIDI_PATTERN, without_direction_controls
from .once import nested_once


def _schema(name: str) -> Any:
    from . import schemas  # here, not at the top: see the module's docstring

    return getattr(schemas, name)


def _field(location: tuple) -> str:
    text = ""
    for part in location:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def bad_answer(resource: str, field: str | None, problem: str) -> BadAnswer:
    where = f"{resource}.{field}" if field and not field.startswith("[") else f"{resource}{field or ''}"
    return BadAnswer(translate("Validate", "The panel sent an answer Sett does not understand ({where}: {problem}). "
                               "Sett kept what it had; the panel's operator may need to look at this.").format(
        where=where, problem=problem), resource=resource, field=field)


def _refused(resource: str, exc: Any, prefix: tuple = ()) -> BadAnswer:
    first = exc.errors(include_url=False, include_input=False)[0]
    kind = str(first.get("type") or "")
    if kind == "value_error":           # Sett's own checks (fields.py), already in the user's language
        message = str(first.get("msg") or "").removeprefix("Value error, ")
    elif kind == "missing":
        message = translate("Validate", "missing")
    elif kind.endswith(("_type", "_parsing")):
        message = translate("Validate", "not the expected kind of value")
    else:                               # pydantic's words for the rest
        message = str(first.get("msg") or translate("Validate", "not understood")).lower()
    return bad_answer(resource, _field(prefix + tuple(first.get("loc") or ())) or None, message)


def model(resource: str, schema: str, data: Any, *, at: str | None = None) -> Any:
    """`data` read as the schema called `schema`; `BadAnswer` when it is not an object of that shape. `at` names
    where `data` sits in the answer (e.g. "meta")."""
    from pydantic import ValidationError

    if not isinstance(data, dict):
        raise bad_answer(resource, at, translate("Validate", "expected an object, got {kind}").format(kind=_kind(data)))
    try:
        return _schema(schema).model_validate(data)
    except ValidationError as exc:
        raise _refused(resource, exc, (at,) if at else ()) from None


_TEXT_KEYS: tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]] | None = None


def _text_keys() -> frozenset[str]:
    """The names of every field some schema reads as text (`schemas.Text`, `schemas.CurrencyText`)."""
    return _keys()[0]


def _text_list_keys() -> frozenset[str]:
    """The names of every field some schema reads as a list of text (`list[Text]`: an address's lines, the billing
    cycles)."""
    return _keys()[1]


def _keys() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """(text keys, text list keys, id keys, id list keys), from the schemas' field types."""
    global _TEXT_KEYS
    if _TEXT_KEYS is None:
        from pydantic import BaseModel

        from . import schemas
        from .fields import check_currency, check_id, check_text

        texts = (schemas.Text, schemas.CurrencyText)
        checks = (check_text, check_currency)
        keys, list_keys, id_keys, id_list_keys = set(), set(), set(), set()
        for item in vars(schemas).values():
            if isinstance(item, type) and issubclass(item, BaseModel):
                for name, field in item.model_fields.items():
                    if any(t is field.annotation or t in getattr(field.annotation, "__args__", ()) for t in texts):
                        keys.add(name)
                    # A required one (`body: Text`) is `str` to pydantic, its check moved into the metadata: a
                    # ticket message's body sent as 1 reached the ticket page as an int.
                    elif any(getattr(check, "func", None) in checks for check in field.metadata):
                        keys.add(name)
                    elif _holds_text_list(field.annotation, texts):
                        list_keys.add(name)
                    elif schemas.Id is field.annotation or schemas.Id in getattr(field.annotation, "__args__", ()) \
                            or any(getattr(check, "func", None) is check_id for check in field.metadata):
                        id_keys.add(name)
                    elif _holds_text_list(field.annotation, (schemas.Id,)):
                        id_list_keys.add(name)
        _TEXT_KEYS = (frozenset(keys), frozenset(list_keys), frozenset(id_keys), frozenset(id_list_keys))
    return _TEXT_KEYS


def _holds_text_list(annotation: Any, texts: tuple) -> bool:
    """Whether `annotation` is (or, through `| None` and `Annotated`, wraps) a list whose items are text."""
    if get_origin(annotation) is list:
        return any(arg in texts for arg in get_args(annotation))
    return any(_holds_text_list(arg, texts) for arg in get_args(annotation) if arg is not annotation)


def _numbers_as_text(data: Any) -> None:
    """A number the panel sent where text belongs (a name, a status, an invoice number) turned into its text, in
    place: the checks let it through, but the screens write these with QLabel.setText, join and compare them as
    text, and an int there raised TypeError or OverflowError while a page was drawn. And text without direction
    controls (fields.BIDI_CONTROLS), which turned the rest of a sentence around it backwards. And a true/false
    sent as 1/0 or a word ("false") as the check read it (app.core.panel_text.as_bool). Nothing else is
    changed."""
    keys, list_keys, id_keys, id_list_keys = _keys()
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            for key, value in item.items():
                if key == _CURRENCY and spell_currency(item):    # the one rule (app.core.panel_text)
                    continue
                if key in id_keys or key in id_list_keys:
                    # Ids are text (the contract's string UUIDs): one sent as a JSON number is its digits, so an
                    # invoice's id 12 and a service's `invoice_id` "12" are one invoice to every comparison, cache
                    # key and signal downstream. The schema refused any id that is not text or a whole number.
                    if isinstance(value, int) and not isinstance(value, bool):
                        item[key] = str(value)
                    elif isinstance(value, list) and key in id_list_keys:
                        item[key] = [str(v) if isinstance(v, int) and not isinstance(v, bool) else v for v in value]
                    elif isinstance(value, dict | list):
                        stack.append(value)
                    continue
                if key in BOOL_FIELDS and not isinstance(value, bool | dict | list) and value is not None:
                    item[key] = as_bool(value)     # as the check read it: "false" is False, not a true text
                    continue
                if isinstance(value, list) and key in list_keys:
                    # A list of text (an address's lines) as its single fields are: a line sent as 12 is "12".
                    item[key] = [_as_text(line) for line in value]
                elif isinstance(value, dict | list):
                    stack.append(value)
                elif key not in keys:
                    continue
                elif isinstance(value, str):
                    if BIDI_PATTERN.search(value):
                        item[key] = without_direction_controls(value)
                elif isinstance(value, int | Decimal) and not isinstance(value, bool):
                    item[key] = str(value)
        elif isinstance(item, list):
            stack.extend(value for value in item if isinstance(value, dict | list))


_CURRENCY = "currency"


def _as_text(value: Any) -> Any:
    """An item of a list of text as text: a number as its digits, text without direction controls."""
    if isinstance(value, str):
        return without_direction_controls(value)
    if isinstance(value, int | Decimal) and not isinstance(value, bool):
        return str(value)
    return value


def checked(resource: str, schema: str, data: Any) -> dict:
    """`data` itself (as the panel sent it, numbers in text fields as text) once it fits the schema `schema`; the
    objects it and the records in it hold by id (a ticket's messages, an invoice's payments) each once
    (`once.nested_once`)."""
    model(resource, schema, data)
    _numbers_as_text(data)
    _records_once(data)
    return data


def _records_once(data: Any) -> None:
    """`nested_once` on `data` and on the records it holds (a payment's answer's invoice and invoices)."""
    nested_once(data)
    for value in data.values() if isinstance(data, dict) else ():
        if isinstance(value, dict):
            nested_once(value)
        elif isinstance(value, list):
            for item in value:
                nested_once(item)


def checked_rows(resource: str, schema: str, rows: Any) -> list[dict]:
    from pydantic import ValidationError

    if not isinstance(rows, list):
        raise bad_answer(resource, None, translate("Validate", "expected a list, got {kind}").format(kind=_kind(rows)))
    validate = _schema(schema).model_validate
    for index, row in enumerate(rows):
        if not isinstance(row, dict):
            raise bad_answer(resource, f"[{index}]", translate("Validate", "expected an object, got {kind}").format(
                kind=_kind(row)))
        try:
            validate(row)
        except ValidationError as exc:
            raise _refused(resource, exc, (index,)) from None
    _numbers_as_text(rows)
    for row in rows:
        nested_once(row)
    return rows


def one_asked(resource: str, asked: Any, record: Any, key: str = "id") -> Any:
    """`record` when it is the one asked for (its `key` is `asked`, as text), else a `BadAnswer` in words: a panel
    (or a cache on the way) that answers a read of invoice A with invoice B had the review show B's amount while A
    was paid, and B's copy saved over the row of A."""
    if isinstance(record, dict) and record.get(key) is not None and str(record.get(key)) != str(asked):
        raise bad_answer(resource, key, translate("Validate", "asked for {asked}, the panel answered with {got}")
                         .format(asked=repr(str(asked)[:40]), got=repr(str(record.get(key))[:40])))
    return record


# The amounts a review shows and charges, written with the currency's places by the contract: one with more places
# is no amount the panel can charge (a card is charged in whole cents), and shown rounded it was not what it said.
REVIEWED_AMOUNTS = ("subtotal", "discount", "tax_amount", "total", "credits_applied", "due_now", "balance_due",
                    "amount_paid")


def within_places(resource: str, data: Any, code: str, places: Any) -> None:
    """`BadAnswer` when an amount of `data` (a checkout preview, an invoice to pay) in the currency `code` has more
    decimal places than that currency's `places`; amounts in another currency (whose places Sett does not know),
    and places Sett cannot read, are left alone."""
    from app.core.money import MoneyError, currency_code, parse_money

    if not isinstance(data, dict) or type(places) is not int or not 0 <= places <= 8:
        return
    named = data.get("currency")
    if named not in (None, "") and currency_code(named) != currency_code(code):
        return
    fields = [(name, data.get(name)) for name in REVIEWED_AMOUNTS]
    lines = data.get("lines") if isinstance(data.get("lines"), list) else []
    fields += [(f"lines[{n}].amount", line.get("amount")) for n, line in enumerate(lines) if isinstance(line, dict)]
    for name, value in fields:
        if value is None:
            continue
        try:
            decimals = -parse_money(value).normalize().as_tuple().exponent
        except (MoneyError, ValueError, ArithmeticError):
            continue        # the schema judged it already
        if decimals > places:
            raise bad_answer(resource, name, translate(
                "Validate", "an amount with more decimal places than {currency} has ({places})").format(
                currency=currency_code(code) or code, places=places))


_KINDS = {type(None): QT_TRANSLATE_NOOP("Validate", "nothing (null)"), list: QT_TRANSLATE_NOOP("Validate", "a list"),
          dict: QT_TRANSLATE_NOOP("Validate", "an object"), str: QT_TRANSLATE_NOOP("Validate", "text"),
          bool: QT_TRANSLATE_NOOP("Validate", "true/false")}


def _kind(value: Any) -> str:
    """What a value is, in words ("a list", "text"), as a sentence about an answer not understood names it."""
    known = _KINDS.get(type(value))
    if known is None and (isinstance(value, int | float) or type(value).__name__ == "Decimal"):
        known = QT_TRANSLATE_NOOP("Validate", "a number")
    return translate("Validate", known) if known else type(value).__name__
