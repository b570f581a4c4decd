"""What View ▸ Go to… (Ctrl+K) can open, and which of it a typed text finds: the screens, the other accounts, and the
current account's invoices, services, orders and tickets, each by its number, name or subject and what its row says
(status, total, product). Pure: the dialog shows the entries, the window opens the one chosen.

At 50,000 invoices the entries and their index take about half a second to work out: `index_in_batches` does it a
batch at a time (a generator, as the tables' sort keys are: app/models/table.py), so the window can spread it over
turns of the event loop; `entries` and `GoToIndex` do the same work at once."""
from __future__ import annotations

import heapq
import re
from bisect import bisect_left
from collections.abc import Callable, Collection, Generator, Iterable, Iterator, Mapping
from itertools import islice
from typing import Any, NamedTuple, TypeVar

from app.core.account_data import AccountData
from app.core.formatting import NO_VALUE
from app.core.status_words import service_status, status_word
from app.core.text import translate

from .batches import BATCH_ROWS
from .invoices import visible_invoices
from .orders import products_text
from .row_money import row_money

SHOWN = 50        # entries listed at once: enough to scroll through, few enough to build at every key press
_PADDING = re.compile(r"(?<![\d.,])0+(?=\d)")            # "000017" of INV-000017; never an amount's "0.50" or "10.05"
_TYPED_PADDING = re.compile(r"(?<=[^\d.,\s])0+(?=\d)")   # "inv-0017"; "0017" typed alone stays as typed
_APART = "\0"      # between a text and its numbers unpadded: no typed word holds it, so none matches across
# Entries folded between two yields: folding one costs about 6 µs (its texts, twice with numbers unpadded), so a
# batch stays near 3 ms, well inside the event loop's budget (batches.BUDGET_S).
FOLD_ROWS = BATCH_ROWS // 4
KINDS = ("invoice", "service", "order", "ticket")      # what records are, all of them by default

T = TypeVar("T")


def unpadded(text: str) -> str:
    """`text` with its numbers written without leading zeros: "inv-000017" as "inv-17"."""
    return _PADDING.sub("", text) if "0" in text else text


def finished(job: Generator[None, None, T]) -> T:
    """What a job of batches returns, worked out at once."""
    while True:
        try:
            next(job)
        except StopIteration as end:
            return end.value


class Entry(NamedTuple):
    kind: str       # "screen" | "account" | "invoice" | "service" | "order" | "ticket"
    target: str     # the screen's key, the account's or the record's id
    title: str
    detail: str
    amount: Any = None   # an invoice's total as the panel sent it: written in its account's money only when listed
    account: str = ""    # the record's account when it is not the current one (opening it switches there)
    currency: Any = None     # the currency the invoice names: its amount is written in it, not the account's

    def text(self, money: Callable[[Any], str] | None = None) -> str:
        """The detail as listed: "Invoice · Overdue · €14.40"."""
        if self.amount is None or money is None:
            return self.detail
        return f"{self.detail} · {row_money(money)({'currency': self.currency, 'amount': self.amount}, 'amount')}"


def entries(data: AccountData | None, screens: list[tuple[str, str]], accounts: list[tuple[str, str]],
            others: Iterable[tuple[str, AccountData]] = ()) -> list[Entry]:
    """Every entry, in the order an empty search lists them: screens (key, title), accounts (id, name) to switch to,
    then the current account's records as its lists order them, then those of the `others` ((name, data) of the
    other accounts, each record's detail naming its account)."""
    return finished(_entries(data, screens, accounts, others, KINDS))


def _entries(data: AccountData | None, screens: list[tuple[str, str]], accounts: list[tuple[str, str]],
             others: Iterable[tuple[str, AccountData]], kinds: Collection[str]) -> Generator[None, None, list[Entry]]:
    """entries() a batch of records at a time, only the records of `kinds` (returned)."""
    out = [Entry("screen", key, title, translate("GoTo", "Screen")) for key, title in screens]
    out += [Entry("account", account_id, name, translate("GoTo", "Switch to this account"))
            for account_id, name in accounts]
    if data is not None:
        out += yield from _records(data, kinds=kinds)
    for name, other in others:
        if (data is None or other.account_id != data.account_id) and not other.never_synced:
            out += yield from _records(other, account=other.account_id, where=name, kinds=kinds)
    return out


def records(data: AccountData, *, account: str = "", where: str = "") -> list[Entry]:
    """An account's invoices, services, orders and tickets; `where` (its name) ends each detail when it is not the
    account on screen."""
    return finished(_records(data, account=account, where=where))


def record_count(data: AccountData | None, others: Iterable[tuple[str, AccountData]] = ()) -> int:
    """About how many records entries() lists (drafts and disabled kinds counted): how much work an index is."""
    return sum(len(d.invoices) + len(d.services) + len(d.orders) + len(d.tickets)
               for d in [*([data] if data is not None else []), *(other for _name, other in others)])


def _slices(rows: list[T], size: int = BATCH_ROWS) -> Iterator[list[T]]:
    for start in range(0, len(rows), size):
        yield rows[start:start + size]


def _records(data: AccountData, *, account: str = "", where: str = "",
             kinds: Collection[str] = KINDS) -> Generator[None, None, list[Entry]]:
    """records() a batch at a time (returned): an entry costs a few µs, 2,000 of them a few milliseconds."""
    def detail(*words: str) -> str:
        return " · ".join([*words, where] if where else words)

    out: list[Entry] = []
    if not data.billing_enabled:    # billing hidden there (what it saved before too): only its tickets are found
        return out + (yield from _tickets(data, detail, account, kinds))
    if "invoice" in kinds:
        invoice_word = translate("GoTo", "Invoice")
        # 50,000 invoices: each amount formatted only when its row is listed (formatting them all took 1.5 s)
        for batch in _slices(data.invoices):       # drafts left out a batch at a time, as visible_invoices does
            out += [Entry("invoice", str(invoice.get("id")), str(invoice.get("invoice_number") or NO_VALUE),
                          detail(invoice_word, status_word(invoice.get("status"))), invoice.get("total"), account,
                          invoice.get("currency"))
                    for invoice in visible_invoices(batch)]
            yield
    for batch in _slices(data.services) if "service" in kinds else ():
        for service in batch:
            server = (service.get("server") or {}) if isinstance(service.get("server"), dict) else {}
            words = [translate("GoTo", "Service"), service_status(service, compact=True)]
            if server.get("name"):
                words.append(str(server["name"]))
            out.append(Entry("service", str(service.get("id")),
                             str((service.get("product") or {}).get("name") or NO_VALUE), detail(*words), None,
                             account))
        yield
    for batch in _slices(data.orders) if "order" in kinds else ():
        for order in batch:
            words = [translate("GoTo", "Order"), status_word(order.get("status"))]
            products = products_text(order)
            if products:
                words.append(products)
            out.append(Entry("order", str(order.get("id")), str(order.get("order_number") or NO_VALUE),
                             detail(*words), None, account))
        yield
    return out + (yield from _tickets(data, detail, account, kinds))


def _tickets(data: AccountData, detail: Callable[..., str], account: str,
             kinds: Collection[str]) -> Generator[None, None, list[Entry]]:
    out: list[Entry] = []
    if not data.tickets_enabled or "ticket" not in kinds:    # a panel without tickets has no Support page
        return out
    for batch in _slices(data.tickets):
        out += [Entry("ticket", str(ticket.get("id")), str(ticket.get("subject") or NO_VALUE),
                      detail(translate("GoTo", "Ticket"), str(ticket.get("ticket_number") or NO_VALUE),
                             status_word(ticket.get("status"))), None, account)
                for ticket in batch]
        yield
    return out


def index_in_batches(data: AccountData | None, screens: list[tuple[str, str]], accounts: list[tuple[str, str]],
                     others: Iterable[tuple[str, AccountData]] = (), kinds: Collection[str] = KINDS,
                     money: Callable[[Any], str] | None = None,
                     money_of: Mapping[str, Callable[[Any], str]] | None = None
                     ) -> Generator[None, None, GoToIndex]:
    """GoToIndex(entries(data, screens, accounts, others) but the records of `kinds` only, money, money_of), a few
    milliseconds between two yields; the index is the generator's return value. The same entries, the same
    index: what a typed text finds does not depend on how it was built."""
    found = yield from _entries(data, screens, accounts, others, kinds)
    return (yield from GoToIndex.in_batches(found, money, money_of))


def _merging(runs: list[list[tuple[str, int]]]) -> Generator[None, None, list[tuple[str, int]]]:
    """The sorted runs merged into one sorted list, BATCH_ROWS keys at a time (returned). 50,000 titles sorted at
    once took up to 100 ms (in an order far from sorted): each batch of the index sorts its own keys, and they are
    merged here. Every key holds its entry's number, so no two are equal and the order is sorted()'s exactly."""
    if len(runs) <= 1:
        return runs[0] if runs else []
    merged = heapq.merge(*runs)
    out: list[tuple[str, int]] = []
    while True:
        batch = list(islice(merged, BATCH_ROWS))
        out += batch
        if len(batch) < BATCH_ROWS:
            return out
        yield


class GoToIndex:
    """The entries with their text folded once, so a key press only compares strings (50,000 invoices are 50,000
    entries). Best first: the title is the text typed, then titles starting with it (both found in a sorted list
    of titles), then a title with a word starting with the first word typed ("0017" finds INV-000017, "vps" finds
    "Cloud VPS S"), then one with that word inside, then a match in the detail only; in the list's order within
    each. A number is found as written or without its padding ("inv-17" and "17" find INV-000017). `money` writes
    the current account's amounts when listed, `money_of` (account id -> money) the others'."""

    def __init__(self, all_entries: list[Entry], money: Callable[[Any], str] | None = None,
                 money_of: Mapping[str, Callable[[Any], str]] | None = None) -> None:
        self._start(all_entries, money, money_of)
        finished(self._folding())

    @classmethod
    def in_batches(cls, all_entries: list[Entry], money: Callable[[Any], str] | None = None,
                   money_of: Mapping[str, Callable[[Any], str]] | None = None) -> Generator[None, None, GoToIndex]:
        """GoToIndex(all_entries, money, money_of), worked out a batch at a time: the index is returned."""
        index = cls.__new__(cls)
        index._start(all_entries, money, money_of)
        yield from index._folding()
        return index

    def _start(self, all_entries: list[Entry], money: Callable[[Any], str] | None,
               money_of: Mapping[str, Callable[[Any], str]] | None) -> None:
        self.entries = all_entries
        self.money = money
        self.money_of = dict(money_of or {})
        self._titles: list[str] = []
        self._spaced: list[str] = []
        self._texts: list[str] = []
        self._sorted: list[tuple[str, int]] = []
        self._sorted_unpadded: list[tuple[str, int]] = []

    def _folding(self) -> Generator[None, None, None]:
        # The titles sorted (as written, and with numbers unpadded where that differs), a sorted run per batch
        title_runs: list[list[tuple[str, int]]] = []
        bare_runs: list[list[tuple[str, int]]] = []
        for first in range(0, len(self.entries), FOLD_ROWS):
            batch = self.entries[first:first + FOLD_ROWS]
            titles = [entry.title.casefold() for entry in batch]
            details = [entry.detail.casefold() for entry in batch]
            # Numbers are zero-padded (INV-000017) and typed without (inv-17): each text is kept with its numbers
            # unpadded too (after a separator no typed word holds), folded once here, so a key press still makes
            # one substring test per entry.
            bare_titles = [unpadded(title) for title in titles]
            bare_details = [unpadded(detail) for detail in details]
            folded = [title if bare == title else f"{title}{_APART}{bare}"
                      for title, bare in zip(titles, bare_titles, strict=True)]
            self._titles += folded
            # " inv 000017": a word start is a space before it, found by one substring test
            self._spaced += [" " + title.replace("-", " ") for title in folded]
            self._texts += [f"{title} {detail} {entry.amount or ''}".casefold()
                            + ("" if bare == title and bare_detail == detail else f"{_APART}{bare} {bare_detail}")
                            for title, detail, bare, bare_detail, entry
                            in zip(titles, details, bare_titles, bare_details, batch, strict=True)]
            numbers = range(first, first + len(batch))
            title_runs.append(sorted(zip(titles, numbers, strict=True)))
            bare_runs.append(sorted((bare, n) for n, title, bare in zip(numbers, titles, bare_titles, strict=True)
                                    if bare != title))
            yield
        self._sorted = yield from _merging(title_runs)
        self._sorted_unpadded = yield from _merging([run for run in bare_runs if run])

    def money_for(self, entry: Entry) -> Callable[[Any], str] | None:
        return self.money_of.get(entry.account) if entry.account else self.money

    def _prefixed(self, query: str) -> list[tuple[int, int]]:
        """(0 or 1, n) of the titles that are the query or start with it, as written or with numbers unpadded."""
        exact: set[int] = set()
        starting: set[int] = set()
        for keys in (self._sorted, self._sorted_unpadded):
            for title, n in keys[bisect_left(keys, (query, -1)):]:
                if not title.startswith(query):
                    break
                (exact if title == query else starting).add(n)
        return [(0, n) for n in sorted(exact)] + [(1, n) for n in sorted(starting - exact)]

    def find(self, text: str, limit: int = SHOWN) -> list[Entry]:
        """The entries `text` finds (every word of it, in any case, in the title or detail), best first; with no
        text, the first `limit` as listed."""
        words = text.casefold().split()
        if not words:
            return self.entries[:limit]
        # "inv-0017" typed finds INV-000017 as "inv-17" does (a number typed alone, "0017", is kept as typed)
        words = [_TYPED_PADDING.sub("", word) if "0" in word else word for word in words]
        query, first = " ".join(words), words[0]
        best = self._prefixed(query)
        taken = {n for _rank, n in best}
        starts: list[int] = []
        inside: list[int] = []
        detail: list[int] = []
        texts, spaced, titles = self._texts, self._spaced, self._titles
        candidates = [n for n, body in enumerate(texts) if first in body]
        for word in words[1:]:      # a pass per word: each a tight loop, not a test per word per entry
            candidates = [n for n in candidates if word in texts[n]]
        for n in candidates:
            if n in taken:
                continue
            if " " + first in spaced[n]:
                starts.append(n)
                if len(best) + len(starts) >= limit:
                    break          # nothing later can rank above these
            elif first in titles[n]:
                inside.append(n)
            else:
                detail.append(n)
        ranked = [n for _rank, n in best] + starts + inside + detail
        return [self.entries[n] for n in ranked[:limit]]
