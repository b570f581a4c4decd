"""What a person typed, checked before it is sent (or queued in the outbox) the way the panel checks it: the panel
answers 422 for text holding NUL (U+0000) or a lone surrogate (half of a UTF-16 pair, which a faulty paste can
leave), for a one-line field holding a line break, tab or other control character, and past each field's length.
Saying so here, naming the field, keeps the words on the form and changes nothing on either side.

Pure: the field names are the caller's (translated) words; `field_label` has the words of the fields the panel's
bodies hold, for answers and refusals that name a field by its JSON name (`body`, `address_lines.1`).
"""
from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Mapping
from typing import Any

from app.core.countries import is_country
from app.core.formatting import number_text
from app.core.text import translate

NUL = "\x00"
# The panel's limits on what a person types (docs/api.md): a coupon code in a preview, check or checkout, a
# cancellation's reason, the billing profile's fields, a login's email and password.
MAX_COUPON_CODE = 64
MAX_REASON = 2000
MAX_COMPANY = 200
MAX_ADDRESS_LINES = 6
MAX_ADDRESS_LINE = 200
MAX_TAX_ID = 40
MAX_EMAIL = 254
MAX_PASSWORD = 1024
MAX_API_KEY = 8 * 1024          # app.api.auth.MAX_TOKEN: what a header can carry


def has_lone_surrogate(text: str) -> bool:
    """Whether `text` holds a surrogate that is not part of a pair (it cannot be written as UTF-8)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def character_problem(field: str, text: str) -> str | None:
    """Why `text` holds a character no panel takes (NUL, a lone surrogate), naming `field`; None when it has none."""
    if NUL in text:
        return translate("Input", "“{field}” holds a NUL character (U+0000), which the panel refuses; remove "
                                  "it.").format(field=field)
    if has_lone_surrogate(text):
        return translate("Input", "“{field}” holds a broken character (half of a character pair, as a faulty "
                                  "copy and paste leaves), which the panel refuses; type that part again.").format(
            field=field)
    return None


def has_control(text: str) -> bool:
    """Whether `text` holds a line break, tab or other control character (what a one-line field may not hold)."""
    return any(unicodedata.category(char) == "Cc" or char in "\u2028\u2029\x85" for char in text)


def text_problem(field: str, text: object, *, limit: int | None = None, required: bool = False,
                 one_line: bool = False, trimmed: bool = False) -> str | None:
    """The first reason the panel would refuse `text` for `field` (a translated name), in words; None when it would
    take it. `limit` counts characters as the panel does (after trimming, when the panel trims: `trimmed`)."""
    value = text if isinstance(text, str) else "" if text is None else str(text)
    problem = character_problem(field, value)
    if problem:
        return problem
    if one_line and has_control(value.strip() if trimmed else value):
        return translate("Input", "“{field}” must be one line: remove its line breaks and tabs.").format(field=field)
    counted = value.strip() if trimmed else value
    if required and not value.strip():
        return translate("Input", "“{field}” is empty.").format(field=field)
    if limit is not None and len(counted) > limit:
        return translate("Input", "“{field}” is {length} characters long; at most {limit} are allowed.").format(
            field=field, length=number_text(len(counted)), limit=number_text(limit))
    return None


def coupon_problem(code: object) -> str | None:
    """Why a coupon code typed into the cart cannot be checked with the panel; None when it can."""
    return text_problem(translate("Input", "Coupon code"), code, limit=MAX_COUPON_CODE, required=True,
                        one_line=True, trimmed=True)


def reason_problem(reason: object) -> str | None:
    """Why a cancellation's reason cannot be sent (1 to 2,000 characters besides white space); None when it can."""
    return text_problem(translate("Input", "Reason"), reason, limit=MAX_REASON, required=True, trimmed=True)


def profile_problem(profile: Mapping[str, Any]) -> str | None:
    """The first thing the panel would refuse in a billing profile `{company, address_lines, country, tax_id}`
    (docs/api.md, "Seller and buyer on invoices"), naming the field; None when it takes it."""
    problem = text_problem(translate("Input", "Company"), profile.get("company"), limit=MAX_COMPANY,
                           one_line=True, trimmed=True)
    if problem:
        return problem
    lines = profile.get("address_lines") or []
    lines = list(lines) if isinstance(lines, list | tuple) else [lines]
    address = translate("Input", "Address")
    for number, line in enumerate(lines, 1):
        label = translate("Input", "{field}, line {number}").format(field=address, number=number)
        problem = text_problem(label, line, limit=MAX_ADDRESS_LINE, required=True, one_line=True, trimmed=True)
        if problem:
            return problem
    if len(lines) > MAX_ADDRESS_LINES:
        return translate("Input", "“{field}” can have at most %n line(s).", None, MAX_ADDRESS_LINES).format(
            field=address)
    country = profile.get("country")
    country = "" if country is None else str(country)
    problem = character_problem(translate("Input", "Country"), country)
    if problem:
        return problem
    if country.strip() and not is_country(country.strip()):
        return translate("Input", "“{field}” must be a country from the list.").format(
            field=translate("Input", "Country"))
    tax_label = translate("Input", "Tax ID")
    problem = text_problem(tax_label, profile.get("tax_id"), limit=MAX_TAX_ID, one_line=True, trimmed=True)
    if problem:
        return problem
    # The tax id's pattern (letters, digits and . - /) is left to the panel, whose refusal names the field.
    return None


def login_problem(email: object, password: object) -> str | None:
    """Why an email and password cannot be sent to a panel's login; None when they can."""
    return (text_problem(translate("Input", "Email"), email, limit=MAX_EMAIL, one_line=True, trimmed=True)
            or text_problem(translate("Input", "Password"), password, limit=MAX_PASSWORD))


def api_key_problem(key: object) -> str | None:
    """Why a pasted API key cannot be a panel's key (it is sent in a header: visible ASCII only, at most 8 KiB);
    None when it can be."""
    text = key if isinstance(key, str) else ""
    label = translate("Input", "API key")
    problem = character_problem(label, text)
    if problem:
        return problem
    if not text or len(text) > MAX_API_KEY or not all("!" <= char <= "~" for char in text):
        return translate("Input", "“{field}” holds characters no panel key has (spaces, accents, line breaks); "
                                  "paste the key exactly as the panel showed it.").format(field=label)
    return None


def strings_in(value: Any, path: str = "") -> Iterator[tuple[str, str]]:
    """(dotted path, text) of every string in a JSON value, keys included (a key's path is its object's)."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            name = f"{path}.{key}" if path else str(key)
            if isinstance(key, str):
                yield (path or name), key
            yield from strings_in(item, name)
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from strings_in(item, f"{path}.{index}" if path else str(index))


def body_problem(value: Any) -> tuple[str, str] | None:
    """(field path, why) for the first text in a request body the panel refuses whatever the field (NUL, a lone
    surrogate): the last check before anything is sent. None when there is none."""
    for path, text in strings_in(value):
        problem = character_problem(field_label(path), text)
        if problem:
            return path or "body", problem
    return None


def _field_words() -> dict[str, str]:
    # Written out call by call so pyside6-lupdate collects each word.
    return {
        "body": translate("Input", "Message"),
        "subject": translate("Input", "Subject"),
        "reason": translate("Input", "Reason"),
        "code": translate("Input", "Code"),     # a coupon's code, or a sign-in's two-factor code
        "coupon_code": translate("Input", "Coupon code"),
        "company": translate("Input", "Company"),
        "address_lines": translate("Input", "Address"),
        "country": translate("Input", "Country"),
        "tax_id": translate("Input", "Tax ID"),
        "email": translate("Input", "Email"),
        "password": translate("Input", "Password"),
        "two_factor_token": translate("Input", "Sign-in step"),
        "name": translate("Input", "Name"),
        "refresh_token": translate("Input", "Saved login"),
        "amount": translate("Input", "Amount"),
        "payment_method": translate("Input", "Payment method"),
        "type": translate("Input", "Type"),
        "department": translate("Input", "Department"),
        "invoice_id": translate("Input", "Invoice"),
        "invoice_ids": translate("Input", "Invoices"),
        "service_id": translate("Input", "Service"),
        "items": translate("Input", "Cart"),
        "quantity": translate("Input", "Quantity"),
        "billing_cycle": translate("Input", "Billing cycle"),
        "product_id": translate("Input", "Product"),
        "config": translate("Input", "Configuration"),
        "memory": translate("Input", "Memory"),
        "disk": translate("Input", "Disk"),
        "cpu": translate("Input", "CPU"),
        "use_credits": translate("Input", "Use credits"),
        "return_url": translate("Input", "Return address"),
        "cancel_url": translate("Input", "Cancel address"),
    }


def field_label(path: str) -> str:
    """A field of a request body, by its JSON path, as words: "address_lines.1" -> "Address, line 2",
    "items.0.config.memory" -> "Cart, item 1: Memory"; a field Sett has no words for keeps its name."""
    words = _field_words()
    parts = [p for p in str(path or "").split(".") if p]
    if not parts:
        return translate("Input", "Request")
    out: list[str] = []
    index_of: str | None = None
    for part in parts:
        if part.isdigit() and out:
            position = int(part) + 1
            if index_of == "address_lines":
                out[-1] = translate("Input", "{field}, line {number}").format(field=out[-1], number=position)
            else:
                out[-1] = translate("Input", "{field}, item {number}").format(field=out[-1], number=position)
            continue
        index_of = part
        out.append(words.get(part, part))
    return ": ".join(out)


__all__ = ["MAX_COUPON_CODE", "MAX_REASON", "body_problem", "character_problem", "coupon_problem", "field_label",
           "has_control", "has_lone_surrogate", "login_problem", "profile_problem", "reason_problem", "strings_in",
           "text_problem"]
