"""Spending per month: paid invoices summed by the month they were paid, one bar set per currency (never added
across currencies), drawn with QtCharts."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QWidget

from app.core.account_data import AccountData

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
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


def month_label(key: str) -> str:
    year, month = key.split("-")
    return f"{_MONTHS[int(month) - 1]} {year[2:]}"


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
        chart.setTitle("Spending per month")
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.setBackgroundRoundness(8)
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.setChart(chart)

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
        palette = self.palette()
        text = palette.color(palette.ColorRole.WindowText)
        chart.setBackgroundBrush(palette.color(palette.ColorRole.Base))
        chart.setTitleBrush(text)
        chart.legend().setLabelColor(text)
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
        x_axis.setLabelsColor(text)
        y_axis = QValueAxis()
        y_axis.setRange(0, float(highest) * 1.15 if highest else 10)
        y_axis.applyNiceNumbers()
        y_axis.setLabelFormat("%.0f")
        y_axis.setLabelsColor(text)
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(x_axis)
        series.attachAxis(y_axis)
        chart.legend().setVisible(len(totals) > 1)
        self.series = series
        names = ", ".join(f"{code} {sum(v.values(), Decimal(0))}" for code, v in sorted(totals.items()))
        self.setAccessibleName("Spending per month" + (f": {names}" if names else ": nothing paid yet"))
