"""An invoice as one HTML document for QTextDocument: seller (from the invoice's own copy, as it was at issue),
bill-to, items, totals and payments. The same document is saved as a PDF and printed (invoice_pdf).

Amounts arrive formatted by the account's `money()`, so the document shows the same figures as the screen. Every
text is escaped; long words (an address or a tax id without spaces) may break anywhere, so nothing runs past the
page's margin (the document's text option, set in invoice_pdf).
"""
from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from html import escape
from typing import Any

from app.core.formatting import cycle_label, format_date, format_datetime
from app.core.formatting import rate_text as format_rate
from app.core.money import parse_money
from app.core.status_words import status_word
from app.core.text import translate

from .country_names import country_name
from .shapes import items, objs

Money = Callable[[Any], str]

STYLE = """
body { font-family: sans-serif; font-size: 10pt; color: #101828; }
h1 { font-size: 18pt; margin: 0; }
h2 { font-size: 12pt; margin-top: 18px; }
.muted { color: #667085; }
table.grid { border-collapse: collapse; width: 100%; }
table.grid th { background: #f2f4f7; text-align: left; padding: 6px; border-bottom: 1px solid #d0d5dd; }
table.grid td { padding: 6px; border-bottom: 1px solid #eaecf0; }
td.num, th.num { text-align: right; }
table.totals td { padding: 3px 6px; }
.strong { font-weight: bold; }
"""


def _amount(value: Any) -> Decimal:
    try:
        return parse_money(value if value is not None else 0)
    except (TypeError, ValueError):
        return Decimal(0)


def _nonzero(value: Any) -> bool:
    return _amount(value) != 0


def gateway_paid(invoice: dict) -> Decimal:
    """What was paid by card or PayPal: the panel's amount_paid counts every succeeded payment, credits included,
    and credits_applied is the credits part of it (docs/api.md, Invoices and payments)."""
    return max(_amount(invoice.get("amount_paid")) - _amount(invoice.get("credits_applied")), Decimal(0))


def _lines(*texts: str) -> str:
    return "<br/>".join(escape(t) for t in texts if t)


def party_lines(party: dict | None) -> list[str]:
    """A seller's or buyer's details as printed, one line each: name (or company, then the person), address,
    country, tax id, email."""
    if not party:
        return []
    heads = [str(party.get(k) or "") for k in ("company", "name")]
    out = [h for h in heads if h]
    out += [str(line) for line in items(party.get("address_lines")) if line]
    out.append(country_name(str(party.get("country") or "")))
    if party.get("tax_id"):
        out.append(translate("InvoiceDocument", "Tax ID: {tax_id}").format(tax_id=party["tax_id"]))
    if party.get("email"):
        out.append(str(party["email"]))
    return [line for line in out if line]


def line_cycle(line: dict) -> str:
    """The cycle a priced line bills: a setup fee is charged once, whatever the cycle of the plan it sets up (the
    panel sends that plan's cycle on the setup line too)."""
    if line.get("kind") == "setup":
        return cycle_label("one_time")
    return cycle_label(line.get("billing_cycle")) if line.get("billing_cycle") else ""


def _seller_block(invoice: dict, panel_name: str) -> str:
    lines = party_lines(invoice.get("seller"))
    if not lines:      # an invoice issued before the panel kept its seller, or a panel without one
        title = panel_name or translate("InvoiceDocument", "Invoice")
        return f"<h1>{escape(title)}</h1>"
    return f"<h1>{escape(lines[0])}</h1><p class='muted'>{_lines(*lines[1:])}</p>"


def _buyer_block(invoice: dict, customer: str) -> str:
    lines = party_lines(invoice.get("buyer")) or ([customer] if customer else [])
    if not lines:
        return ""
    title = translate("InvoiceDocument", "Bill to")
    return (f"<h2>{escape(title)}</h2><p><span class='strong'>{escape(lines[0])}</span>"
            f"{'<br/>' if len(lines) > 1 else ''}{_lines(*lines[1:])}</p>")


def _totals(invoice: dict, money: Money) -> list[tuple[str, str, bool]]:
    totals = [(translate("InvoiceDocument", "Subtotal"), money(invoice.get("subtotal")), False)]
    if _nonzero(invoice.get("discount")):
        code = invoice.get("coupon_code")
        label = (translate("InvoiceDocument", "Discount ({code})").format(code=code) if code
                 else translate("InvoiceDocument", "Discount"))
        totals.append((label, money(-parse_money(invoice.get("discount"))), False))
    rate = invoice.get("tax_rate")
    if rate not in (None, "") and _nonzero(rate):
        rate_text = format_rate(rate)
        label = (translate("InvoiceDocument", "Tax {rate} (included)") if invoice.get("tax_inclusive")
                 else translate("InvoiceDocument", "Tax {rate} (added)"))
        totals.append((label.format(rate=rate_text), money(invoice.get("tax_amount")), False))
    else:
        totals.append((translate("InvoiceDocument", "Tax"), money(invoice.get("tax_amount") or "0"), False))
    totals.append((translate("InvoiceDocument", "Total"), money(invoice.get("total")), True))
    # amount_paid counts credits too: its two parts, as the invoice page shows them, never credits beside an
    # equal "amount paid" as if paid twice
    credits, gateway = _amount(invoice.get("credits_applied")), gateway_paid(invoice)
    if credits:
        totals.append((translate("InvoiceDocument", "Paid with credits"), money(credits), False))
    if gateway or not credits:
        totals.append((translate("InvoiceDocument", "Paid by card or PayPal"), money(gateway), False))
    totals.append((translate("InvoiceDocument", "Balance due"), money(invoice.get("balance_due") or "0"), False))
    return totals


def _payments(invoice: dict, money: Money) -> str:
    payments = objs(invoice.get("payments"))
    if not payments:
        none = translate("InvoiceDocument", "No payments.")
        return f"<p class='muted'>{escape(none)}</p>"
    e = escape
    rows = "".join(
        f"<tr><td>{e(format_datetime(p.get('created_at')))}</td><td>{e(status_word(p.get('method')))}</td>"
        f"<td>{e(status_word(p.get('status')))}</td><td>{e(str(p.get('reference') or ''))}</td>"
        f"<td class='num'>{e(money(p.get('amount')))}</td></tr>" for p in payments)
    heads = (translate("InvoiceDocument", "Date"), translate("InvoiceDocument", "Method"),
             translate("InvoiceDocument", "Status"), translate("InvoiceDocument", "Reference"))
    amount = translate("InvoiceDocument", "Amount")
    return ("<table class='grid' width='100%'><tr>" + "".join(f"<th>{e(h)}</th>" for h in heads)
            + f"<th class='num'>{e(amount)}</th></tr>{rows}</table>")


def invoice_html(invoice: dict, money: Money, panel_name: str = "", customer: str = "") -> str:
    """The whole document. `panel_name` and `customer` stand in for an invoice without a seller or buyer copy."""
    e = escape
    number = str(invoice.get("invoice_number") or invoice.get("id") or "")
    lines = "".join(
        f"<tr><td>{e(str(line.get('description') or ''))}</td>"
        f"<td>{e(line_cycle(line))}</td>"
        f"<td class='num'>{e(str(line.get('quantity') or 1))}</td>"
        f"<td class='num'>{e(money(line.get('unit_price')))}</td>"
        f"<td class='num'>{e(money(line.get('amount')))}</td></tr>"
        for line in objs(invoice.get("lines")))
    total_rows = "".join(
        f"<tr><td class='{'strong' if strong else ''}'>{e(label)}</td>"
        f"<td class='num {'strong' if strong else ''}'>{e(value)}</td></tr>"
        for label, value, strong in _totals(invoice, money))
    dates = [translate("InvoiceDocument", "Issued {date}").format(date=format_date(invoice.get("issue_date"))),
             translate("InvoiceDocument", "Due {date}").format(date=format_date(invoice.get("due_date")))]
    if invoice.get("paid_at"):
        dates.append(translate("InvoiceDocument", "Paid {date}").format(date=format_date(invoice.get("paid_at"))))
    heads = "".join(f"<th{' class=num' if n >= 2 else ''}>{e(h)}</th>" for n, h in enumerate(
        (translate("InvoiceDocument", "Description"), translate("InvoiceDocument", "Cycle"),
         translate("InvoiceDocument", "Qty"), translate("InvoiceDocument", "Unit price"),
         translate("InvoiceDocument", "Amount"))))
    title = translate("InvoiceDocument", "Invoice {number}").format(number=number)
    status = translate("InvoiceDocument", "Status: {status}").format(status=status_word(invoice.get("status")))
    items = translate("InvoiceDocument", "Items")
    history = translate("InvoiceDocument", "Payment history")
    return f"""<html><head><style>{STYLE}</style></head><body>
<table width='100%' cellspacing='0' cellpadding='0'><tr>
<td width='60%'>{_seller_block(invoice, panel_name)}</td>
<td width='40%' align='right'><p class='strong'>{e(title)}</p>
<p>{e(status)}</p>
<p class='muted'>{_lines(*dates)}</p></td></tr></table>
{_buyer_block(invoice, customer)}
<h2>{e(items)}</h2>
<table class='grid' width='100%'><tr>{heads}</tr>{lines}</table>
<table width='100%' cellspacing='0' cellpadding='0'><tr><td width='55%'></td>
<td width='45%'><table class='totals' width='100%'>{total_rows}</table></td></tr></table>
<h2>{e(history)}</h2>
{_payments(invoice, money)}
</body></html>"""
