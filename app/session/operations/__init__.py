"""Operations: every user action is a small function run on the account's worker that talks to the panel through
a typed call (app.api) and writes the account's cache, and whose changes come back as a `ChangeSet`.

`op(ctx, *args) -> value`: `ctx.client` is the account's panel client (opened on first use, abandoned on quit),
`ctx.cache` its cache (opened on first use), and `ctx.save(...)`/`ctx.write(...)` write rows and note which
resources changed. The session then re-reads what the screens show and hands the change-set to every screen:
no operation tells a screen to redraw (see AccountSession.run).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from app.cache import CacheChanges, has_row_id
from app.core.changes import ChangeSet

if TYPE_CHECKING:
    from app.cache import AccountCache

# The cache table each synced resource lives in is named as the resource (app.sync.resources); config objects
# (billing_config, dashboard, credits, me, public_settings) are resources of their own.


def local(operation: Callable[..., Any]) -> Callable[..., Any]:
    """Marks an operation that reads and writes only the account's cache, never its panel (queueing an action in the
    outbox, editing or counting what waits there): the session runs it on the account's local lane, beside the
    worker (SyncController.run_local), so a request the worker waits on never holds it. Its context has no panel
    client (`NoPanelHere` if it asks), and a read-then-write of what the worker also writes is one transaction
    (`ctx.cache.transaction()`)."""
    operation.local = True      # type: ignore[attr-defined]
    return operation


def is_local(operation: Callable[..., Any]) -> bool:
    return getattr(operation, "local", False) is True


class NoPanelHere(RuntimeError):
    """A local operation asked for the panel: a mistake in Sett, never the panel's doing."""


@dataclass
class Done:
    """What an operation brought back: its value for the caller, what it changed for every screen, and, for a change
    the session can apply to the data on screen without reading the cache again, the fields to replace."""

    value: Any
    changes: ChangeSet
    patches: dict[str, Any] = field(default_factory=dict)


def one_asked(resource: str, asked: Any, record: Any) -> Any:
    """`record` when it is the one asked for and every currency it names is one, else a `BadAnswer`
    (app.api.validate.one_asked and app.api.currency_check, as a sync reads each row; loaded here on the worker,
    not with the operations at start-up)."""
    from app.api.currency_check import in_currency
    from app.api.validate import one_asked as checked

    return in_currency(resource, checked(resource, asked, record))


class Context:
    """An operation's view of its account, on the worker. Not thread-safe: one per operation run."""

    def __init__(self, account_id: str, open_client: Callable[[], Any], name: str) -> None:
        self.account_id = account_id
        self._open_client = open_client
        self._client = None
        self._cache: AccountCache | None = None
        self.changes = ChangeSet(source=name)
        self.patches: dict[str, Any] = {}

    @property
    def client(self):
        if self._client is None:
            self._client = self._open_client()
        return self._client

    @property
    def cache(self) -> AccountCache:
        if self._cache is None:
            from app.cache import open_account_cache

            self._cache = open_account_cache(self.account_id)
        return self._cache

    def save(self, table: str, rows: list[dict]) -> None:
        """Rows the panel just sent, written to the cache at once (a sync would write the same later). A row is
        kept by its table's own identity (a notification by its `uuid`): checking `id` alone dropped every
        notification marked read, so the bell went back to unread until the next sync."""
        rows = [row for row in rows if has_row_id(table, row)]
        if rows:
            self.cache.apply(CacheChanges(upserts={table: rows}))
            self.changes.resources.add(table)
            self.changes.counts[table] = self.changes.counts.get(table, 0) + len(rows)

    def write(self, changes: CacheChanges, *resources: str) -> None:
        """A change of the account's own data (its cart, what it has seen) in one transaction."""
        self.cache.apply(changes)
        self.changes.resources.update(resources)

    def patch(self, resource: str, **fields: Any) -> None:
        """`resource` changed only as `fields` of the data on screen say (AccountData's names): the session puts
        them in place instead of reading the whole cache again (a cart edit must not re-read 50,000 invoices)."""
        self.changes.resources.add(resource)
        self.patches.update(fields)

    def touched(self, *resources: str) -> None:
        """The panel changed these, but what changed is only known after the next sync (which the session starts)."""
        self.changes.resources.update(resources)

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
        if self._cache is not None:
            self._cache.close()


def execute(ctx: Context, operation: Callable[..., Any], args: tuple, kwargs: dict) -> Done:
    """Run `operation` with `ctx` on the worker; the context is closed whatever happens."""
    try:
        return Done(operation(ctx, *args, **kwargs), ctx.changes, ctx.patches)
    except BaseException as exc:
        # What it wrote before failing (a row it saved, a cart it emptied) still reaches the screens.
        try:
            exc.changes = ctx.changes   # type: ignore[attr-defined]
        except AttributeError:
            pass
        raise
    finally:
        ctx.close()
