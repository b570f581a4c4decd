"""CacheChanges: everything one sync writes, applied by `AccountCache.apply` in one transaction."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class CacheChanges:
    """A change-set for one account's cache.

    - `upserts`: table -> rows in the panel's JSON shape. A row replaces the stored row with its id; a row
      flagged `"archived": true` deletes it instead. When an id repeats, the last row wins.
    - `deletes`: table -> ids to remove (ids that are not there are ignored). Deletes run after upserts.
    - `config`: key -> JSON value (`public_settings`, `billing_config`, `me`, `dashboard`, `credits`);
      None removes the key.
    - `sync_state`: resource -> any of `etag`, `server_time`, `last_synced_at`; the keys given replace the
      stored ones, and `last_synced_at` defaults to now.
    - `replace`: tables emptied before the upserts, for a full re-download of a list.
    """

    upserts: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    deletes: dict[str, list[str]] = field(default_factory=dict)
    config: dict[str, Any] = field(default_factory=dict)
    sync_state: dict[str, dict[str, Any]] = field(default_factory=dict)
    replace: set[str] = field(default_factory=set)

