"""The panel's error codes in the user's language: every code of the contract (shared/panel-api.md) and of the
panel's additions (docs/api.md), one sentence each. Pure, so the API layer words an error the panel sent without a
message and the sessions give every coded error a headline of Sett's own (the panel's message, often English,
stays as the detail). Marked for Qt's tools here, translated where used (`code_words`)."""
from __future__ import annotations

from app.core.text import QT_TRANSLATE_NOOP, translate

CODE_WORDS = {
    # the contract's codes
    "out_of_stock": QT_TRANSLATE_NOOP("Wording", "That is out of stock."),
    "coupon_invalid": QT_TRANSLATE_NOOP("Wording", "The panel did not accept this coupon."),
    "insufficient_credits": QT_TRANSLATE_NOOP("Wording", "Your credits do not cover this."),
    "invoice_not_payable": QT_TRANSLATE_NOOP("Wording", "This invoice cannot be paid now."),
    "idempotency_conflict": QT_TRANSLATE_NOOP("Wording", "The panel already took this request with other details."),
    "gateway_error": QT_TRANSLATE_NOOP("Wording", "The payment provider did not take the payment."),
    "billing_disabled": QT_TRANSLATE_NOOP("Wording", "Billing is switched off on this panel."),
    "order_not_cancellable": QT_TRANSLATE_NOOP("Wording", "This order can no longer be cancelled."),
    "tickets_disabled": QT_TRANSLATE_NOOP("Wording", "Support tickets are switched off on this panel."),
    "not_found": QT_TRANSLATE_NOOP("Wording", "The panel does not have this (any more)."),
    "unauthorized": QT_TRANSLATE_NOOP("Wording", "The panel did not accept these details."),
    "forbidden": QT_TRANSLATE_NOOP("Wording", "The panel refused this login."),
    "validation_error": QT_TRANSLATE_NOOP("Wording", "The panel did not accept what was entered."),
    "rate_limited": QT_TRANSLATE_NOOP("Wording", "Too many attempts. Try again soon."),
    # the panel's additions (docs/api.md)
    "conflict": QT_TRANSLATE_NOOP("Wording", "The panel refused this: it does not fit the current state of the "
                                             "record (it may have changed meanwhile)."),
    "invoice_not_cancellable": QT_TRANSLATE_NOOP("Wording", "This invoice can no longer be cancelled."),
    "invoice_not_refundable": QT_TRANSLATE_NOOP("Wording", "This invoice cannot be refunded."),
    "refund_in_progress": QT_TRANSLATE_NOOP("Wording", "A refund of this invoice is already under way."),
    "method_not_allowed": QT_TRANSLATE_NOOP("Wording", "The panel does not offer this action."),
    "payload_too_large": QT_TRANSLATE_NOOP("Wording", "What was sent is too large for the panel."),
    "bad_request": QT_TRANSLATE_NOOP("Wording", "The panel could not read the request."),
    "internal_error": QT_TRANSLATE_NOOP("Wording", "The panel ran into a problem."),
}


def _field_names() -> dict[str, str]:
    # The English "translation" of each is the panel's own field name, so English sentences read as before
    # ("payment_method: ..."); other languages name the field in words ("Zahlungsart: ..."). Call by call for
    # pyside6-lupdate.
    return {
        "body": translate("FieldNames", "body"), "subject": translate("FieldNames", "subject"),
        "reason": translate("FieldNames", "reason"), "code": translate("FieldNames", "code"),
        "coupon_code": translate("FieldNames", "coupon_code"), "company": translate("FieldNames", "company"),
        "address_lines": translate("FieldNames", "address_lines"), "country": translate("FieldNames", "country"),
        "tax_id": translate("FieldNames", "tax_id"), "email": translate("FieldNames", "email"),
        "password": translate("FieldNames", "password"), "amount": translate("FieldNames", "amount"),
        "payment_method": translate("FieldNames", "payment_method"), "type": translate("FieldNames", "type"),
        "department": translate("FieldNames", "department"), "invoice_id": translate("FieldNames", "invoice_id"),
        "invoice_ids": translate("FieldNames", "invoice_ids"), "service_id": translate("FieldNames", "service_id"),
        "items": translate("FieldNames", "items"), "quantity": translate("FieldNames", "quantity"),
        "billing_cycle": translate("FieldNames", "billing_cycle"), "product_id": translate("FieldNames", "product_id"),
        "config": translate("FieldNames", "config"), "memory": translate("FieldNames", "memory"),
        "disk": translate("FieldNames", "disk"), "cpu": translate("FieldNames", "cpu"),
        "use_credits": translate("FieldNames", "use_credits"), "return_url": translate("FieldNames", "return_url"),
        "cancel_url": translate("FieldNames", "cancel_url"), "name": translate("FieldNames", "name"),
    }


def field_name(path: object) -> str:
    """A field the panel names in a refusal ("payment_method", "items.0.config.memory") as the user's language
    says it: unchanged in English (scripts and support read the panel's names), "Zahlungsart" or
    "Positionen › 1 › Konfiguration › Arbeitsspeicher" in German. A field Sett has no words for keeps its name."""
    text_path = str(path)
    words = _field_names()
    parts = text_path.split(".")
    named = [str(int(p) + 1) if p.isdigit() else words.get(p, p) for p in parts]
    if all(n == p for n, p in zip(named, parts, strict=True) if not p.isdigit()):
        return text_path
    return " › ".join(named)


def code_words(code: str | None) -> str | None:
    """The sentence for a panel's error code, in the user's language; None for a code Sett does not know."""
    known = CODE_WORDS.get(code or "")
    return translate("Wording", known) if known else None


__all__ = ["CODE_WORDS", "code_words", "field_name"]
