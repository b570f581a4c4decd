"""An invoice as a clean PDF document: HTML laid out by QTextDocument, written by QPdfWriter (Qt's own PDF writer).

Call on the UI thread (Qt's text layout needs the application's fonts). Amounts arrive formatted by the account's
`money()`, so the document shows the same figures as the screen.
"""
from __future__ import annotations

from collections.abc import Callable
from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, QStandardPaths
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument

from app.core.formatting import cycle_label, format_date, format_datetime, humanise
from app.core.formatting import rate_text as format_rate
from app.core.money import parse_money

Money = Callable[[Any], str]

_STYLE = """
body { font-family: sans-serif; font-size: 10pt; color: #101828; }
h1 { font-size: 20pt; margin: 0; }
h2 { font-size: 12pt; margin-top: 18px; }
.muted { color: #667085; }
table.grid { border-collapse: collapse; width: 100%; }
table.grid th { background: #f2f4f7; text-align: left; padding: 6px; border-bottom: 1px solid #d0d5dd; }
table.grid td { padding: 6px; border-bottom: 1px solid #eaecf0; }
td.num, th.num { text-align: right; }
table.totals td { padding: 3px 6px; }
.strong { font-weight: bold; }
"""


def _nonzero(value: Any) -> bool:
    try:
        return parse_money(value) != 0
    except (TypeError, ValueError):
        return False


def invoice_html(invoice: dict, money: Money, panel_name: str = "", customer: str = "") -> str:
    e = escape
    number = e(str(invoice.get("invoice_number") or invoice.get("id") or ""))
    status = e(humanise(invoice.get("status")))
    lines = "".join(
        f"<tr><td>{e(str(line.get('description') or ''))}</td>"
        f"<td>{e(cycle_label(line.get('billing_cycle')) if line.get('billing_cycle') else '')}</td>"
        f"<td class='num'>{e(str(line.get('quantity') or 1))}</td>"
        f"<td class='num'>{e(money(line.get('unit_price')))}</td>"
        f"<td class='num'>{e(money(line.get('amount')))}</td></tr>"
        for line in invoice.get("lines") or [])
    totals = [("Subtotal", money(invoice.get("subtotal")))]
    if _nonzero(invoice.get("discount")):
        code = invoice.get("coupon_code")
        totals.append((f"Discount{f' ({code})' if code else ''}", money(-parse_money(invoice.get("discount")))))
    rate = invoice.get("tax_rate")
    if rate not in (None, "") and _nonzero(rate):
        rate_text = format_rate(rate)
        label = f"Tax {rate_text} ({'included' if invoice.get('tax_inclusive') else 'added'})"
        totals.append((label, money(invoice.get("tax_amount"))))
    else:
        totals.append(("Tax", money(invoice.get("tax_amount") or "0")))
    totals.append(("Total", money(invoice.get("total"))))
    if _nonzero(invoice.get("credits_applied")):
        totals.append(("Credits applied", money(invoice.get("credits_applied"))))
    totals.append(("Amount paid", money(invoice.get("amount_paid") or "0")))
    totals.append(("Balance due", money(invoice.get("balance_due") or "0")))
    total_rows = "".join(
        f"<tr><td class='{'strong' if label == 'Total' else ''}'>{e(label)}</td>"
        f"<td class='num {'strong' if label == 'Total' else ''}'>{e(value)}</td></tr>" for label, value in totals)
    payments = invoice.get("payments") or []
    payment_rows = "".join(
        f"<tr><td>{e(format_datetime(p.get('created_at')))}</td><td>{e(humanise(p.get('method')))}</td>"
        f"<td>{e(humanise(p.get('status')))}</td><td>{e(str(p.get('reference') or ''))}</td>"
        f"<td class='num'>{e(money(p.get('amount')))}</td></tr>" for p in payments)
    payments_html = (
        "<table class='grid' width='100%'><tr><th>Date</th><th>Method</th><th>Status</th><th>Reference</th>"
        f"<th class='num'>Amount</th></tr>{payment_rows}</table>" if payments else "<p class='muted'>No payments.</p>")
    dates = [f"Issued {format_date(invoice.get('issue_date'))}", f"Due {format_date(invoice.get('due_date'))}"]
    if invoice.get("paid_at"):
        dates.append(f"Paid {format_date(invoice.get('paid_at'))}")
    return f"""<html><head><style>{_STYLE}</style></head><body>
<table width='100%'><tr>
<td><h1>{e(panel_name or 'Invoice')}</h1><p class='muted'>{e(customer)}</p></td>
<td align='right'><p class='strong'>Invoice {number}</p><p>Status: {status}</p>
<p class='muted'>{e(' · '.join(dates))}</p></td></tr></table>
<h2>Items</h2>
<table class='grid' width='100%'><tr><th>Description</th><th>Cycle</th><th class='num'>Qty</th>
<th class='num'>Unit price</th><th class='num'>Amount</th></tr>{lines}</table>
<table width='100%' cellspacing='0' cellpadding='0'><tr><td width='55%'></td>
<td width='45%'><table class='totals' width='100%'>{total_rows}</table></td></tr></table>
<h2>Payment history</h2>
{payments_html}
</body></html>"""


def _paint(document: QTextDocument, writer: QPdfWriter) -> None:
    """Lay the document out on the page's printable area, page by page. QTextDocument.print_() would add its own
    2 cm inside the page margins and let a right-aligned table run past the text's right edge."""
    page = writer.pageLayout().paintRectPixels(writer.resolution())     # inside the margins, in device pixels
    document.documentLayout().setPaintDevice(writer)                    # fonts measured at the writer's dpi
    document.setDocumentMargin(0)
    document.setPageSize(QSizeF(page.width(), page.height()))
    painter = QPainter(writer)
    try:
        for number in range(document.pageCount()):
            if number:
                writer.newPage()
            painter.save()
            painter.translate(0, -number * page.height())
            document.drawContents(painter, QRectF(0, number * page.height(), page.width(), page.height()))
            painter.restore()
    finally:
        painter.end()


def suggested_path(file_name: str) -> str:
    """Where the save dialog starts: the user's Documents folder (home when the platform has none), not the
    program's working folder."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) \
        or QStandardPaths.writableLocation(QStandardPaths.StandardLocation.HomeLocation)
    return str(Path(folder) / file_name) if folder else file_name


def write_invoice_pdf(path: str | Path, invoice: dict, money: Money, panel_name: str = "",
                      customer: str = "") -> Path:
    """Write the invoice to `path` as an A4 PDF; returns the path. Raises OSError when it cannot be written."""
    path = Path(path)
    writer = QPdfWriter(str(path))
    writer.setTitle(f"Invoice {invoice.get('invoice_number') or ''}".strip())
    writer.setCreator(panel_name or "Sett")
    writer.setResolution(300)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter))
    document = QTextDocument()
    document.setHtml(invoice_html(invoice, money, panel_name, customer))
    _paint(document, writer)
    del writer     # the file is complete once the writer is gone
    if not path.exists() or path.stat().st_size == 0:
        raise OSError(f"Could not write {path}.")
    return path
