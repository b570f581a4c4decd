"""One palette for every status on every screen, so "overdue" is the same red in a table, a chip and a card."""
from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette

STATUS_TONES: dict[str, str] = {
    "active": "success", "paid": "success", "running": "success", "succeeded": "success",
    "pending": "warning", "awaiting_approval": "warning", "processing": "warning", "installing": "warning",
    "overdue": "danger", "suspended": "danger", "failed": "danger", "offline": "danger",
    "terminated": "muted", "cancelled": "muted", "refunded": "muted", "draft": "muted", "withdrawn": "muted",
}
# The shell's themes use the same colours for their status chips (resources/styles/*.qss).
TONE_COLOURS: dict[str, str] = {"success": "#067647", "warning": "#b54708", "danger": "#b42318", "muted": "#475467"}
DARK_TONE_COLOURS: dict[str, str] = {"success": "#6ce9a6", "warning": "#fdb022", "danger": "#fda29b",
                                     "muted": "#aab1c0"}


def status_tone(status: str | None) -> str | None:
    return STATUS_TONES.get(status or "")


def _dark_palette() -> bool:
    return QGuiApplication.palette().color(QPalette.ColorRole.Base).lightness() < 128


def tone_colour(tone: str | None, alpha: int = 255) -> QColor | None:
    """The tone's colour for the palette in use: dark text on a light theme, light text on a dark one."""
    if not tone or tone not in TONE_COLOURS:
        return None
    colour = QColor((DARK_TONE_COLOURS if _dark_palette() else TONE_COLOURS)[tone])
    colour.setAlpha(alpha)
    return colour
