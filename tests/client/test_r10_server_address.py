"""A service's server address is shown for the buyer to connect to (`203.0.113.5:25565`): a port outside TCP's
0..65535 (negative, a billion, a fraction) is no address, and was kept and shown as one. It is now refused by name
like every other field a page reads, the cache as it was. Canned answers through the real client, sync engine
and cache (no sockets)."""
from __future__ import annotations

import pytest

from app.api import BadAnswer
from app.cache import AccountCache

from . import hostile

SERVICE = {**hostile.LIST_ROWS["/billing/services"][0], "updated_at": "2026-03-01T00:00:00Z"}


def panel(services: list | None = None):
    return hostile.canned_panel({} if services is None else {"/billing/services": hostile.one_page(services)})


def sync(session, path):
    return hostile.canned_sync(session, path)


def dump(path) -> list:
    return hostile.cache_tables(path, "services", "sync_state")


def with_port(port) -> dict:
    return {**SERVICE, "server": {"id": "srv-1", "name": "mc", "status": "running",
                                  "address": {"ip": "203.0.113.5", "port": port}}}


@pytest.mark.parametrize("port", [-1, 65536, 10**9])
def test_a_port_no_server_listens_on_is_refused_by_name_and_changes_nothing(tmp_path, port):
    path = tmp_path / "cache.sqlite3"
    sync(panel(), path)
    before = dump(path)
    with pytest.raises(BadAnswer) as caught:
        sync(panel([with_port(port)]), path)
    assert caught.value.field == "[0].server.address.port"
    assert dump(path) == before


@pytest.mark.parametrize("port", [25565, 1, 65535, 0, "25565", None])
def test_ports_a_server_may_have_are_kept(tmp_path, port):
    path = tmp_path / "cache.sqlite3"
    sync(panel([with_port(port)]), path)
    with AccountCache(path) as cache:
        assert cache.services()[0]["server"]["address"]["port"] == port
