"""A ticket's unsent reply as the account's cache keeps it (`support_ops.save_draft` over the `reply_drafts` config):
the box's text replaces what the box held before, a refused reply taken back from the Outbox meanwhile is kept
after it (never lost to a save of the box), a sent reply leaves only that, and a ticket that is gone takes its draft
with it. Real cache files; no panel is asked."""
from __future__ import annotations

import pytest

from app import paths
from app.cache import CacheChanges, open_account_cache
from app.session.operations import Context, execute
from app.session.operations import support as support_ops

ACCOUNT = "acct-drafts"
Z = "2026-12-01T10:00:00Z"


def ticket(ticket_id: str) -> dict:
    return {"id": ticket_id, "ticket_number": f"TKT-{ticket_id}", "subject": "Down", "status": "answered",
            "department": "technical", "created_at": Z, "updated_at": Z, "messages": []}


def no_panel():
    raise AssertionError("a draft never asks the panel")


def run(operation, *args):
    done = execute(Context(ACCOUNT, no_panel, operation.__name__), operation, args, {})
    return done.value, done.changes


def stored() -> dict:
    with open_account_cache(ACCOUNT) as cache:
        return cache.config(support_ops.DRAFTS) or {}


@pytest.fixture(autouse=True)
def cache(tmp_path):
    paths.use_data_dir(tmp_path)
    with open_account_cache(ACCOUNT) as held:
        held.apply(CacheChanges(upserts={"tickets": [ticket("t-1"), ticket("t-2")]}))
    yield
    paths.use_data_dir(None)


def test_the_box_text_replaces_what_it_held_and_nothing_on_screen_is_redrawn():
    _rest, changes = run(support_ops.save_draft, "t-1", "Half a", "")
    assert stored() == {"t-1": "Half a"} and not changes       # no change-set: the box already shows it
    run(support_ops.save_draft, "t-1", "Half a reply", "Half a")
    run(support_ops.save_draft, "t-2", "Other", "")
    assert stored() == {"t-1": "Half a reply", "t-2": "Other"}
    assert run(support_ops.cached_ticket, "t-1")[0]["draft"] == "Half a reply"
    run(support_ops.save_draft, "t-1", "", "Half a reply")       # emptied, or sent
    assert stored() == {"t-2": "Other"}


def test_a_refused_reply_taken_back_meanwhile_stays_after_the_box_text():
    run(support_ops.save_draft, "t-1", "Being written", "")
    run(support_ops.keep_draft, "t-1", "Refused earlier")        # dismissed from the Outbox while typing
    rest, _ = run(support_ops.save_draft, "t-1", "Being written, more", "Being written")
    assert rest == "Refused earlier"
    assert stored() == {"t-1": "Being written, more\n\nRefused earlier"}
    run(support_ops.save_draft, "t-1", "", "Being written, more")    # the box's reply went: the rest waits
    assert stored() == {"t-1": "Refused earlier"}
    # A box that never held a saved draft keeps what is stored after its own text.
    run(support_ops.save_draft, "t-1", "New", "")
    assert stored() == {"t-1": "New\n\nRefused earlier"}


def test_a_draft_changed_elsewhere_is_kept_too_unless_the_box_holds_it():
    run(support_ops.save_draft, "t-1", "Mine", "")
    with open_account_cache(ACCOUNT) as cache:          # another Sett on the same folder rewrote it
        cache.apply(CacheChanges(config={support_ops.DRAFTS: {"t-1": "Theirs"}}))
    run(support_ops.save_draft, "t-1", "Mine, longer", "Mine")
    assert stored() == {"t-1": "Mine, longer\n\nTheirs"}
    with open_account_cache(ACCOUNT) as cache:
        cache.apply(CacheChanges(config={support_ops.DRAFTS: {"t-1": "Theirs"}}))
    run(support_ops.save_draft, "t-1", "Theirs, and mine", "Mine, longer")    # the box holds it: once
    assert stored() == {"t-1": "Theirs, and mine"}


def test_a_ticket_that_is_gone_takes_its_draft_with_it():
    run(support_ops.save_draft, "t-1", "For one", "")
    run(support_ops.save_draft, "t-2", "For two", "")
    with open_account_cache(ACCOUNT) as cache:          # a sync took the ticket out: the panel deleted it
        cache.apply(CacheChanges(deletes={"tickets": ["t-2"]}))
    assert run(support_ops.cached_ticket, "t-2")[0] is None
    run(support_ops.save_draft, "t-1", "For one, still", "For one")     # the next write drops it from the file
    assert stored() == {"t-1": "For one, still"}
    run(support_ops.save_draft, "t-2", "Typed as it went", "For two")   # the page was open on it: not kept
    run(support_ops.keep_draft, "t-2", "Refused")
    assert stored() == {"t-1": "For one, still"}
