"""Removing an account or signing out of it while its sync runs: a refresh that sync made rotates the tokens after
the login left the keyring. Before, the rotated pair was saved back, so a removed account's login stayed in the
keyring (and a signed-out one's came back). Fast glue tests: canned sessions, no panel."""
from __future__ import annotations

from app.api import Credentials
from app.secrets import SERVICE
from app.session import Sessions

from .test_session_glue import sessions, settle  # noqa: F401 - the fixture


def _add(sessions: Sessions):  # noqa: F811
    account = sessions.add(name="Tokens", panel_url="http://127.0.0.1:9", email="t@example.test",
                           auth_kind="password", credentials=Credentials.from_tokens("access-1", "refresh-1"))
    settle()
    return sessions.get(account.id)


ROTATED = Credentials.from_tokens("access-2", "refresh-2")


def test_a_refresh_after_the_account_was_removed_leaves_no_secret(sessions, keyring_backend):  # noqa: F811
    session = _add(sessions)
    client = session.open_client()                  # what the running sync holds
    try:
        assert (SERVICE, session.id) in keyring_backend.store
        sessions.remove(session.id)
        settle()
        client.on_credentials(ROTATED)              # its refresh ends after the removal
        settle()
        assert (SERVICE, session.id) not in keyring_backend.store
        assert sessions.secrets.load(session.id) is None
    finally:
        client.close()


def test_a_refresh_after_signing_out_does_not_sign_back_in(sessions, keyring_backend):  # noqa: F811
    session = _add(sessions)
    client = session.open_client()
    try:
        sessions.sign_out(session.id)
        settle()
        client.on_credentials(ROTATED)
        assert (SERVICE, session.id) not in keyring_backend.store
        assert session.needs_login
    finally:
        client.close()


def test_a_refresh_of_a_live_login_is_kept(sessions, keyring_backend):  # noqa: F811
    session = _add(sessions)
    client = session.open_client()
    try:
        client.on_credentials(ROTATED)
        kept = sessions.secrets.load(session.id)
        assert kept.access_token == "access-2" and kept.refresh_token == "refresh-2"
    finally:
        client.close()


def test_work_that_arrives_after_removing_an_account_leaves_no_cache_behind(sessions):  # noqa: F811
    """An operation or a read of the account's data that runs after its removal (queued behind a sync, a read a
    sync's end asked for) opened the cache, which made the file and its folder again: the account was gone from
    the list, its cache was back on disk."""
    from app import paths
    from app.cache import CacheChanges

    session = _add(sessions)
    session.run(lambda ctx: ctx.write(CacheChanges(config={"me": {"id": "u-1"}}), "me"))
    settle()
    folder = paths.account_cache(session.id).parent
    assert folder.exists()
    sessions.remove(session.id)
    settle()
    assert not folder.exists()
    session.run(lambda ctx: ctx.cache.config("me"))          # queued behind the removal
    session.reload()
    settle()
    assert not folder.exists()


def test_a_refresh_while_quitting_is_still_kept(sessions, keyring_backend):  # noqa: F811
    """Quitting is not removing: a sync that refreshed the tokens as Sett quit must save the new pair, or the next
    start refreshes with the spent one, which the panel answers by ending the whole login."""
    session = _add(sessions)
    client = session.open_client()
    try:
        sessions.shutdown()
        client.on_credentials(ROTATED)
        kept = sessions.secrets.load(session.id)
        assert kept is not None and kept.refresh_token == "refresh-2"
    finally:
        client.close()


def test_work_queued_before_quitting_still_writes(sessions):  # noqa: F811
    """A write queued just before quitting (a cart edit written behind) still happens: only a removed account's
    queued work is dropped."""
    from app.cache import CacheChanges, open_account_cache

    session = _add(sessions)
    session.close()                                      # what quitting does to every session first
    session.run(lambda ctx: ctx.write(CacheChanges(config={"me": {"id": "u-9"}}), "me"))
    settle()
    with open_account_cache(session.id) as cache:
        assert cache.config("me") == {"id": "u-9"}
