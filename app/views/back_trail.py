"""Where a record's page returns to. A page opened from its own list goes back to that list; one opened from
elsewhere (a Credits row's invoice, a service's invoice, the Dashboard's recent orders, Go to…, a notice, a
checkout's next step) goes back to the place it was opened from, as a browser's Back does: the screen as it was
(its scope, filters and scroll), or the record page that was shown there, which in turn returns where it came from.
Its Back button names that place ("← Credits"), so it never promises the list and takes the user elsewhere.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtWidgets import QWidget

from app.core.text import translate

from .labels import literal

MAX_DEPTH = 20          # a longer trail (invoice, order, invoice, order, ...) forgets its oldest places
TITLE_CHARS = 40        # a place's name on the Back button: a long service name ends in "…"


@dataclass(frozen=True)
class ReturnPoint:
    """A place to return to: the screen `key`, named `title`; with `kind` and `record_id`, the record page that
    was shown there (of `account_id`), which itself returns to `came_from`."""

    key: str
    title: str
    kind: str = ""
    record_id: str = ""
    account_id: str = ""
    came_from: ReturnPoint | None = None

    def trimmed(self, depth: int = MAX_DEPTH) -> ReturnPoint:
        if self.came_from is None:
            return self
        if depth <= 1:
            return replace(self, came_from=None)
        return replace(self, came_from=self.came_from.trimmed(depth - 1))


def back_text(place: str) -> str:
    """"← Credits": the Back button of a page opened from `place` (a screen's name or a record page's title)."""
    place = " ".join(place.split())
    if len(place) > TITLE_CHARS:
        place = place[:TITLE_CHARS - 1].rstrip() + "…"
    return translate("RecordPage", "← {place}").format(place=literal(place))


def record_id_of(page: QWidget, kind: str) -> str:
    """The id of the record `page` shows (its `invoice_id`, `service_id`, ...), "" when it shows none."""
    value = getattr(page, f"{kind}_id", "") if kind else ""
    return str(value or "")
