"""Reading a list page after page, as a panel numbers them: how many pages to ask for, and what a page after the
first must be to be read on.

The first page's `total_pages` (at most `limits.MAX_PAGES`, `PanelClient.list_page` checks) is how many pages are
asked for: a total that grows with every page never adds requests. An empty page (or a 404) past the first is
the list's end, whatever the total said. A page that is not the one asked for is refused: a panel that ignores
`page` answers page 1 to every request, and asking on cost a request per page it claimed (up to 2,000) for a
sync that then kept one page's rows as if they were the whole list. So is a page as long as the first that brings
no row not read before, whatever `current_page` says or leaves out and however many pages the list has: that is a
page sent again, not rows shifted by a change meanwhile (which would take a whole page of rows added or changed
between two requests). A page holds at most `limits.MAX_PAGE_ROWS` rows (`list_page` checks) and a list
`limits.MAX_LIST_ROWS`.
"""
from __future__ import annotations

from typing import Any

from app.core.text import translate

from .errors import TooManyPages
from .limits import MAX_LIST_ROWS
from .validate import bad_answer

# Pages running that bring no row not read before, at which a panel is taken to send the same page under every
# page number. One can be real: rows added while a list is paged through shift the later pages, so a page may
# hold only rows read already. Three running would need hundreds added meanwhile (and a panel that numbers each
# page as asked while sending page 1 again is then stopped at page 4, not at the 2,000-page limit). A page as
# long as the first with no row not read before is refused at once (`PageCheck.take`): with this count alone, a
# list of two or three pages answered page 1 to each was read as page 1's rows, the rest of the list dropped.
REPEATED_PAGES = 3


class PageCheck:
    """The pages of one list read so far (its rows' ids, by `key`, and how many); `take(number, page)` refuses a
    page that is not the one asked for, or that brings the list past `limits.MAX_LIST_ROWS` rows. A page is a
    `client.Page` (or anything with its `data` and `current_page`)."""

    def __init__(self, resource: str, first: Any, *, key: str = "id") -> None:
        self.resource = resource
        self.key = key
        self.seen: set[str] = set()
        self.repeats = 0
        self.rows = len(first.data)
        self.first_rows = len(first.data)
        self._ids(first)

    def _ids(self, page: Any) -> bool:
        """Whether `page` brings a row not read before (a row without its key cannot be told, so it counts as
        new: the schema's check of the rows refuses it by name)."""
        ids = {str(row.get(self.key)) for row in page.data if isinstance(row, dict) and row.get(self.key) is not None}
        fresh = bool(ids - self.seen) or len(ids) < len(page.data) and any(
            not isinstance(row, dict) or row.get(self.key) is None for row in page.data)
        self.seen |= ids
        return fresh

    def take(self, number: int, page: Any) -> None:
        """`page` as the answer to page `number` (past the first, not empty); a `BadAnswer` in words when it
        says it is another page, when it is a page read before again (as long as the first with no row not read
        before, or `REPEATED_PAGES` running with none), or when the list's rows pass `MAX_LIST_ROWS`
        (`TooManyPages`)."""
        self.rows += len(page.data)
        if self.rows > MAX_LIST_ROWS:
            text = translate("Network", "{address} sent more than {limit} rows of one list; Sett reads at most that "
                                        "many, so it stopped at page {page}.")
            raise TooManyPages(text.format(address=self.resource, limit=MAX_LIST_ROWS, page=number),
                               resource=self.resource, field="data")
        current = getattr(page, "current_page", None)
        if current is not None and current != number:
            raise bad_answer(self.resource, "meta.current_page", translate(
                "Validate", "answered page {got} when Sett asked for page {asked}, so the list cannot be read "
                            "whole").format(got=current, asked=number))
        if self._ids(page):
            self.repeats = 0
            return
        self.repeats += 1
        if self.first_rows and len(page.data) >= self.first_rows:
            raise bad_answer(self.resource, "data", translate(
                "Validate", "sent page {asked} with only rows it had already sent, as many as a whole page, so the "
                            "list cannot be read whole").format(asked=number))
        if self.repeats >= REPEATED_PAGES:
            raise bad_answer(self.resource, "data", translate(
                "Validate", "sent {count} pages running with only rows it had already sent (up to page {asked}), so "
                            "the list cannot be read whole").format(count=self.repeats, asked=number))


__all__ = ["REPEATED_PAGES", "PageCheck"]
