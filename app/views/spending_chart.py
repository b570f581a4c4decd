"""Spending per month: paid invoices summed by the month they were paid, one bar set per currency (never added
across currencies), drawn with QtCharts."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import QEvent, QLocale, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen, QResizeEvent
from PySide6.QtWidgets import QWidget

from app.core import local_format
from app.core.account_data import AccountData
from app.core.text import translate

from .theme import colour

_COLOURS = ("#6d63ff", "#12b76a", "#f79009", "#f04438", "#2e90fa")


def last_months(today: date, count: int = 12) -> list[str]:
    """The `count` months up to and including today's, oldest first, as "YYYY-MM"."""
    year, month = today.year, today.month
    months = []
    for _ in range(count):
        months.append(f"{year:04d}-{month:02d}")
        month -= 1
        if month == 0:
            year, month = year - 1, 12
    return months[::-1]


def spending_by_month(accounts: Iterable[AccountData]) -> dict[str, dict[str, Decimal]]:
    """currency code -> month "YYYY-MM" -> the total of the invoices paid that month (refunds are not spending;
    top-ups buy credit that is spent, and counted, on later invoices): see app.core.invoice_facts."""
    totals: dict[str, dict[str, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    for data in accounts:
        for code, months in data.invoice_facts.paid_by_month.items():
            for month, amount in months.items():
                totals[code][month] += amount
    return {code: dict(months) for code, months in totals.items()}


def month_label(key: str, with_year: bool = True) -> str:
    """"2026-01" -> "Jan 2026" / "Jan. 2026" in the user's locale: a two-digit year ("Jan 26") reads as a day of
    the month. Without the year, the month alone ("Jan")."""
    year, month = key.split("-")
    return local_format.month_text(date(int(year), int(month), 1), with_year)


class SpendingChart(QChartView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("spendingChart")
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(240)
        self.series: QBarSeries | None = None
        self.months: list[str] = []
        self.totals: dict[str, dict[str, Decimal]] = {}
        chart = QChart()
        chart.setTitle(translate("SpendingChart", "Spending per month"))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.setBackgroundRoundness(8)
        # QChart draws its card 9 px inside the view: it stood in from the figures' cards above it on both sides.
        # One pixel keeps the whole border line inside the view.
        chart.layout().setContentsMargins(1, 1, 1, 1)
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        # The value axis writes its numbers as the user's locale does ("1.200" in German), like every amount.
        chart.setLocalizeNumbers(True)
        chart.setLocale(QLocale(local_format.current_locale()))
        self.setChart(chart)
        self.apply_theme()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._label_months()

    def _label_months(self) -> None:
        """"Jan 2026" under each bar when there is room; in a narrow chart the month alone ("Jan"), the years
        then said once in the axis title ("Jan 2026 – Dec 2026"), never a cut "Jan 2…"."""
        axis = next((a for a in self.chart().axes(Qt.Orientation.Horizontal) if isinstance(a, QBarCategoryAxis)),
                    None)
        if axis is None or not self.months:
            return
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() - 1))
        axis.setLabelsFont(font)
        room = self.chart().plotArea().width() / len(self.months)
        # QtCharts cuts a label ("Jan 2…") well before it touches the next one: measure with room to spare.
        widest = max((month_label(m) for m in self.months), key=QFontMetrics(font).horizontalAdvance)
        wide = room >= QFontMetrics(font).horizontalAdvance(widest) + 16
        labels = [month_label(m, wide) for m in self.months]
        if axis.categories() != labels:
            axis.clear()
            axis.append(labels)
        axis.setTitleText("" if wide else f"{month_label(self.months[0])} – {month_label(self.months[-1])}")
        axis.setTitleBrush(QColor(colour("muted")))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        # A theme switch sets a new application palette and style sheet: follow it at once, not at the next data.
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            self.apply_theme()

    def apply_theme(self) -> None:
        """The chart's colours from the current theme (QtCharts ignores palettes and style sheets)."""
        chart = self.chart()
        text, muted, border = QColor(colour("text")), QColor(colour("muted")), QColor(colour("border"))
        chart.setBackgroundBrush(QColor(colour("base")))
        # The card's line shows the keyboard focus (Tab stops at the chart, which reads out its totals): a style
        # sheet's :focus never reaches what QtCharts draws.
        chart.setBackgroundPen(QPen(QColor(colour("accent")), 2) if self.hasFocus() else QPen(border))
        chart.setPlotAreaBackgroundVisible(False)
        chart.setTitleBrush(text)
        chart.legend().setLabelColor(text)
        self.setBackgroundBrush(QColor(colour("window")))
        for axis in chart.axes():
            axis.setLabelsColor(muted)
            axis.setLinePenColor(border)
            axis.setGridLineColor(border)
            axis.setTitleBrush(muted)
        self.theme_text = text.name()

    def focusInEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().focusInEvent(event)
        self.apply_theme()

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().focusOutEvent(event)
        self.apply_theme()

    def set_spending(self, totals: dict[str, dict[str, Decimal]], symbols: dict[str, str], today: date,
                     months: int = 12) -> None:
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        self.totals = totals
        self.months = last_months(today, months)
        series = QBarSeries()
        highest = Decimal(0)
        for i, code in enumerate(sorted(totals)):
            bars = QBarSet(f"{symbols.get(code, '')} {code}".strip())
            bars.setColor(QColor(_COLOURS[i % len(_COLOURS)]))
            for month in self.months:
                value = totals[code].get(month, Decimal(0))
                highest = max(highest, value)
                bars.append(float(value))      # drawing only: the figures stay Decimal everywhere else
            series.append(bars)
        chart.addSeries(series)
        x_axis = QBarCategoryAxis()
        x_axis.append([month_label(m) for m in self.months])
        y_axis = QValueAxis()
        y_axis.setRange(0, float(highest) * 1.15 if highest else 10)
        y_axis.applyNiceNumbers()
        y_axis.setLabelFormat("%.0f")
        # Bare numbers on the value axis: one currency names it there (several are named by the legend).
        code = next(iter(totals)) if len(totals) == 1 else ""
        y_axis.setTitleText(f"{symbols.get(code, '')} {code}".strip())
        paid = any(totals[c].get(month) for c in totals for month in self.months)
        chart.setTitle(translate("SpendingChart", "Spending per month") if paid
                       else translate("SpendingChart", "Spending per month: nothing paid in these 12 months"))
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(x_axis)
        series.attachAxis(y_axis)
        self.apply_theme()
        self._label_months()
        chart.legend().setVisible(len(totals) > 1)
        self.series = series
        names = ", ".join(f"{code} {local_format.number(sum(v.values(), Decimal(0)))}"
                          for code, v in sorted(totals.items()))
        self.setAccessibleName(translate("SpendingChart", "Spending per month: {totals}").format(totals=names) if names
                               else translate("SpendingChart", "Spending per month: nothing paid yet"))
