"""The light and the dark theme: Fusion, a matching palette, and a style sheet from resources/styles/.

Screens style themselves through a small vocabulary of object names and dynamic properties that both style
sheets define, so no screen hard-codes a colour:

- `QLabel[role=title|subtitle|heading|muted|error|success|metric|price]`
- `QFrame[card="true"]` a raised surface; `QPushButton[kind=primary|ghost|danger]`
- `QFrame[banner=info|warning|error|success]`; `QLabel[chip=<status>]` (active, pending, overdue, paid, ...)
- `#Sidebar`, `QPushButton[nav="true"]`, `#AccountSwitcher`, `#EmptyState`, `#Illustration`

`set_role(widget, "kind", "primary")` sets such a property and re-polishes the widget so the change shows.
"""
from __future__ import annotations

from PySide6.QtCore import QByteArray, QDir, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication, QWidget

from app.paths import resource_dir

RESOURCES = resource_dir()   # beside the sources, or inside the frozen bundle
STYLES = RESOURCES / "styles"
ICONS = RESOURCES / "icons"
FONT_FAMILIES = ["Inter", "Segoe UI", "SF Pro Text", "Helvetica Neue", "Cantarell", "Noto Sans", "DejaVu Sans"]

# The few colours code needs (the palette for widgets the style sheet does not reach).
COLOURS = {
    "light": {"window": "#f4f5f8", "base": "#ffffff", "alt": "#f9fafb", "text": "#101828", "muted": "#667085",
              "accent": "#4f46e5", "accent_text": "#ffffff", "border": "#e4e7ec", "bright": "#ffffff",
              "accent_strong": "#4338ca"},
    "dark": {"window": "#0f1117", "base": "#171a22", "alt": "#1c2029", "text": "#e8eaf0", "muted": "#98a2b3",
             "accent": "#6d63ff", "accent_text": "#ffffff", "border": "#2a2f3a", "bright": "#ffffff",
             "accent_strong": "#a5a0ff"},
}


def resolve(name: str) -> str:
    """"light" or "dark"; "system" follows the desktop's colour scheme where Qt can tell."""
    if name in ("light", "dark"):
        return name
    hints = QGuiApplication.styleHints()
    scheme = hints.colorScheme() if hints is not None else Qt.ColorScheme.Unknown
    return "dark" if scheme == Qt.ColorScheme.Dark else "light"


def stylesheet(name: str) -> str:
    return (STYLES / f"{resolve(name)}.qss").read_text(encoding="utf-8")


def palette(name: str) -> QPalette:
    c = COLOURS[resolve(name)]
    pal = QPalette()
    roles = {
        QPalette.ColorRole.Window: c["window"], QPalette.ColorRole.WindowText: c["text"],
        QPalette.ColorRole.Base: c["base"], QPalette.ColorRole.AlternateBase: c["alt"],
        QPalette.ColorRole.Text: c["text"], QPalette.ColorRole.Button: c["base"],
        QPalette.ColorRole.ButtonText: c["text"], QPalette.ColorRole.Highlight: c["accent"],
        QPalette.ColorRole.HighlightedText: c["accent_text"], QPalette.ColorRole.ToolTipBase: c["base"],
        QPalette.ColorRole.ToolTipText: c["text"], QPalette.ColorRole.PlaceholderText: c["muted"],
        QPalette.ColorRole.Link: c["accent"], QPalette.ColorRole.BrightText: c["bright"],
        QPalette.ColorRole.Mid: c["border"],
    }
    for role, colour in roles.items():
        pal.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, role, QColor(c["muted"]))
    return pal


def apply_theme(app: QApplication, name: str) -> str:
    """Style the whole application; returns the theme actually used ("light" or "dark")."""
    used = resolve(name)
    # The style sheets draw arrows and check marks from url(controls:...), wherever the resources are installed.
    QDir.setSearchPaths("controls", [str(ICONS / "controls")])
    app.setProperty("theme", used)     # first: widgets that redraw on the palette change below read it
    app.setStyle("Fusion")
    font = QFont(app.font())
    font.setFamilies(FONT_FAMILIES)
    font.setPointSizeF(10)
    app.setFont(font)
    app.setPalette(palette(used))
    app.setStyleSheet(stylesheet(used))
    return used


def current(app: QApplication | None = None) -> str:
    app = app or QApplication.instance()
    value = app.property("theme") if app is not None else None
    return value if value in ("light", "dark") else "light"


def set_role(widget: QWidget, name: str, value: str | bool | None) -> None:
    """Set a style property (`role`, `kind`, `banner`, `chip`, ...) and make the style sheet see the change."""
    widget.setProperty(name, value)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()


def _pixmap(name: str, tint: str, size: int) -> QPixmap | None:
    path = ICONS / f"{name}.svg"
    if not path.exists():
        return None
    svg = path.read_text(encoding="utf-8").replace("currentColor", tint)
    renderer = QSvgRenderer(QByteArray(svg.encode()))
    ratio = 2  # drawn at twice the size so it stays crisp on high-density screens
    pixmap = QPixmap(QSize(size * ratio, size * ratio))
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    renderer.render(painter, QRectF(0, 0, size * ratio, size * ratio))
    painter.end()
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


def icon(name: str, tint: str | None = None, *, checked_tint: str | None = None, size: int = 20) -> QIcon:
    """A line icon from resources/icons/ in `tint` (default: the theme's muted colour); `checked_tint` for the
    checked state of a checkable button."""
    result = QIcon()
    normal = _pixmap(name, tint or colour("muted"), size)
    if normal is None:
        return result
    result.addPixmap(normal, QIcon.Mode.Normal, QIcon.State.Off)
    if checked_tint:
        result.addPixmap(_pixmap(name, checked_tint, size), QIcon.Mode.Normal, QIcon.State.On)
    return result


def colour(name: str) -> str:
    return COLOURS[current()][name]
