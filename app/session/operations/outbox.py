"""The outbox's operations: queueing, editing and removing entries on the account's local lane, and the replay on
its worker.

The replay sends pending entries in order, one at a time, each with the Idempotency-Key it got when it was
queued. Each entry is written `sending` (committed) before its request and `sent` after its answer, so a crash
or kill -9 in between leaves it `sending`: the next replay sends the same key again and the panel answers with
its first answer. The replay runs on the account's worker only, so two replays never overlap and the same key is
never in flight twice. Queueing, editing, removing and reading entries never ask the panel: they are `local`, run
on the account's local lane beside the worker (a held request does not hold them), each as one transaction, and
the replay takes an entry (`sending`) in one too, so an edit or removal lands wholly before or after it. Anything
after which the panel may have acted (a network failure, a 5xx, an answer Sett cannot read) stops the replay
where it is (the entry stays pending with its key; later ones wait, in order); what the panel definitely refuses
is marked `refused` with the reason in words, for the user to dismiss. An entry that cannot be read is set aside
with a message and never sent.

SENDERS is the extension point: a new kind (a support ticket, a reply) registers `sender(ctx, entry)` here and
its kind in app.core.outbox.QUEUEABLE.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from app.api import ApiError, AuthRequired, NetworkError, NotFound, RateLimited, panel_may_have_acted
from app.cache import CacheChanges, outbox_lock
from app.core import outbox as ob
from app.core.text import translate

from ..wording import explain
from . import Context, local, one_asked
from .keeping import within_window
from .support import keep_draft, with_message

OUTBOX = "outbox"        # the resource a change of the outbox names (screens that show it redraw)

Sender = Callable[[Context, ob.Entry], None]


def _send_cancel(ctx: Context, entry: ob.Entry) -> None:
    request = ctx.client.request_cancellation(entry.target, type=entry.args["type"], reason=entry.args["reason"],
                                              key=entry.id)
    _reread_service(ctx, entry.target, request)


def _send_withdraw(ctx: Context, entry: ob.Entry) -> None:
    try:
        ctx.client.withdraw_cancellation(entry.target)
    except NotFound:
        # DELETE carries no key: a `sending` withdrawal that finds nothing to withdraw is its own first answer,
        # lost on the way. A queued one finding nothing is refused (there was no request to withdraw).
        if entry.status != ob.SENDING:
            raise
    _reread_service(ctx, entry.target, None)


def _send_mark_read(ctx: Context, entry: ob.Entry) -> None:
    for uuid in entry.args["uuids"]:
        try:
            ctx.client.mark_notification_read(uuid)     # marking read twice is harmless
        except NotFound:
            # Gone from the panel meanwhile: nothing left to mark. Refusing the entry for it left every other
            # notification of a queued "Mark all read" unread at the panel, and said the panel refused it.
            continue
    wanted = set(entry.args["uuids"])
    ctx.save("notifications", [{**row, "read": True} for row in ctx.cache.notifications()
                               if row.get("uuid") in wanted])


def _send_reply(ctx: Context, entry: ob.Entry) -> None:
    message = ctx.client.reply_ticket(entry.target, entry.args["body"], key=entry.id)
    try:
        ticket = one_asked("ticket", entry.target, ctx.client.ticket(entry.target))
    except ApiError:
        # Sent: the ticket not read back is not the panel refusing the reply (which marked a reply the panel had
        # taken "refused", and dismissing it took it out of the conversation). The queued copy gives way to the
        # panel's message until the sync brings the ticket.
        ctx.touched("tickets")
        _show_sent_reply(ctx, entry.target, entry.id, message)
        return
    ctx.save("tickets", [ticket])


def _show_sent_reply(ctx: Context, ticket_id: str, key: str, message: dict) -> None:
    ticket = ctx.cache.ticket(ticket_id)
    if ticket is not None and isinstance(ticket.get("messages"), list):
        kept = {**ticket, "messages": [m for m in ticket["messages"]
                                       if not (isinstance(m, dict) and m.get("queued") == key)]}
        ctx.save("tickets", [with_message(kept, message)])


def _reread_service(ctx: Context, service_id: str, *sent: dict | None) -> None:
    """The service after its request was sent, saved; one the panel does not give back is left to the sync (the
    request itself was taken: a 404 here marked a request the panel had accepted "refused"). `sent`: the panel's
    answer to the request (None for a withdrawal), shown meanwhile instead of the request marked as queued."""
    try:
        service = one_asked("service", service_id, ctx.client.service(service_id))
    except ApiError:
        ctx.touched("services")
        cached = ctx.cache.service(service_id)
        shown = (cached or {}).get("cancellation")
        if sent and isinstance(shown, dict) and shown.get("queued"):
            ctx.save("services", [{**cached, "cancellation": sent[0]}])
        return
    ctx.save("services", [service])


SENDERS: dict[str, Sender] = {
    ob.CANCEL_SERVICE: _send_cancel,
    ob.WITHDRAW_CANCELLATION: _send_withdraw,
    ob.MARK_READ: _send_mark_read,
    ob.REPLY_TICKET: _send_reply,
}


def register(kind: str, sender: Sender) -> None:
    """A new queueable kind's sender (support tickets and replies, when they come)."""
    SENDERS[kind] = sender


# -- reading and editing ---------------------------------------------------------------------------------------
def _put(ctx: Context, row: dict) -> None:
    ctx.write(CacheChanges(upserts={"outbox": [row]}), OUTBOX)


def _put_if(ctx: Context, row: dict, new: dict) -> bool:
    """`new` in place of `row` only if the entry is still `row` (checked and written in one transaction): the other
    lane (the replay on the worker, queueing and edits on the local lane) may have changed it since it was read."""
    with ctx.cache.transaction():
        if _current(ctx, str(row.get("id"))) != row:
            return False
        _put(ctx, new)
        return True


@local
def entries(ctx: Context) -> list[dict]:
    """Every entry for the Outbox view, in order; an unreadable one is set aside (written so) on the way."""
    rows = []
    for row in ctx.cache.outbox():
        try:
            rows.append(ob.parse(row).to_row())
        except ob.OutboxRowInvalid as exc:
            aside = ob.set_aside_row(row, str(exc))
            _put_if(ctx, row, aside)
            rows.append(aside)
    return rows


def enqueue(ctx: Context, kind: str, target: str, label: str, args: dict, key: str) -> dict:
    """Queue an action; its key is `key` from now on. Raises NotQueueable for what must not wait. Read and written
    in one transaction: its place after the last entry holds whatever the worker writes meanwhile."""
    with ctx.cache.transaction():
        rows = ctx.cache.outbox()
        if any(r.get("id") == key for r in rows):
            raise ob.NotQueueable(translate("Outbox", "This action is already in the outbox."))
        position = max([r["position"] for r in rows if isinstance(r.get("position"), int)], default=0) + 1
        entry = ob.new_entry(kind, target, label, args, key, position)
        _put(ctx, entry.to_row())
    return entry.to_row()


@local
def queue_cancellation(ctx: Context, service_id: str, kind: str, reason: str, key: str, label: str) -> dict:
    """Queue "Request cancellation" offline; the service shows the request as queued until the panel answers."""
    return _queue_service(ctx, ob.CANCEL_SERVICE, service_id, {"type": kind, "reason": reason.strip()}, key, label,
                          {"type": kind, "reason": reason.strip(), "status": "pending", "queued": True})


@local
def queue_withdrawal(ctx: Context, service_id: str, key: str, label: str) -> dict:
    with ctx.cache.transaction():
        service = ctx.cache.service(service_id) or {}
        request = service.get("cancellation") or {}
        return _queue_service(ctx, ob.WITHDRAW_CANCELLATION, service_id, {}, key, label,
                              {**request, "status": "withdrawn", "queued": True})


@local
def queue_mark_read(ctx: Context, uuids: list[str], key: str, label: str) -> int:
    """Queue "Mark all read" offline; the notifications show as read at once (marking read twice is harmless)."""
    with ctx.cache.transaction():
        enqueue(ctx, ob.MARK_READ, "", label, {"uuids": list(uuids)}, key)
        wanted = set(uuids)
        ctx.save("notifications", [{**row, "read": True} for row in ctx.cache.notifications()
                                   if row.get("uuid") in wanted])
    return len(uuids)


@local
def queue_reply(ctx: Context, ticket_id: str, body: str, key: str, label: str) -> dict:
    """Queue a ticket's reply offline, exactly as written; it is sent with `key` once the panel is back. The
    conversation shows it at once, marked as waiting, until the panel's own copy of the ticket replaces it."""
    with ctx.cache.transaction():
        entry = enqueue(ctx, ob.REPLY_TICKET, ticket_id, label, {"body": body}, key)
        ticket = ctx.cache.ticket(ticket_id)
        if ticket is not None and isinstance(ticket.get("messages"), list):
            waiting = {"id": f"outbox-{key}", "body": body, "created_at": entry["queued_at"],
                       "author": {"staff": False}, "queued": key}
            ctx.save("tickets", [{**ticket, "messages": [*ticket["messages"], waiting]}])
    return entry


def _unshow_reply(ctx: Context, ticket_id: str, key: str) -> None:
    """A queued reply removed unsent leaves the conversation (no sync would take it out: the panel never had it)."""
    ticket = ctx.cache.ticket(ticket_id)
    if ticket is not None and isinstance(ticket.get("messages"), list):
        kept = [m for m in ticket["messages"] if not (isinstance(m, dict) and m.get("queued") == key)]
        if len(kept) != len(ticket["messages"]):
            ctx.save("tickets", [{**ticket, "messages": kept}])


def _queue_service(ctx: Context, kind: str, service_id: str, args: dict, key: str, label: str,
                   shown: dict) -> dict:
    with ctx.cache.transaction():     # the service as read is the one written back, whatever the worker writes
        service = ctx.cache.service(service_id)
        if service is None:
            raise ob.NotQueueable(translate("Outbox", "That service is not on this computer; sync first."))
        # What the service showed before: put back if the entry is removed unsent (no sync would bring it back,
        # since the panel's row did not change).
        enqueue(ctx, kind, service_id, label, {**args, "before": service.get("cancellation")}, key)
        shown_service = {**service, "cancellation": shown}
        ctx.save("services", [shown_service])
    return shown_service


def _pending_entry(ctx: Context, key: str) -> ob.Entry:
    row = next((r for r in ctx.cache.outbox() if r.get("id") == key), None)
    if row is None:
        raise ob.NotQueueable(translate("Outbox", "That entry is no longer in the outbox."))
    entry = ob.parse(row)
    if entry.status not in ob.EDITABLE:
        raise ob.NotQueueable(translate("Outbox", "That entry is being sent or was sent: it can no longer be changed."))
    return entry


@local
def edit_reason(ctx: Context, key: str, reason: str) -> dict:
    """A waiting cancellation request's new reason. Checked and written in one transaction, which the replay's
    taking of the entry (`sending`, also one) cannot split: the edit is either sent or refused as too late."""
    with ctx.cache.transaction():
        entry = _pending_entry(ctx, key)
        if entry.kind != ob.CANCEL_SERVICE:
            raise ob.NotQueueable(translate("Outbox", "Only a cancellation request has a reason to edit."))
        changed = ob.Entry(**{**entry.to_row(), "args": {**entry.args, "reason": reason.strip()}})
        try:
            ob.check_args(changed)
        except ob.OutboxRowInvalid as exc:
            why = str(exc).rstrip(".")       # a sentence of its own ends in one full stop, not two
            raise ob.NotQueueable(translate("Outbox", "Not changed: {reason}.").format(reason=why)) from None
        _put(ctx, changed.to_row())
        _show_reason(ctx, changed)
    return changed.to_row()


def _show_reason(ctx: Context, edited: ob.Entry) -> None:
    """The service shows the queued request with its edited reason (its page and list said the old one until the
    request was sent), and a withdrawal queued after it puts back the request as now edited if it is removed."""
    reason = edited.args["reason"]
    service = ctx.cache.service(edited.target)
    shown = (service or {}).get("cancellation")
    if isinstance(shown, dict) and shown.get("queued"):
        ctx.save("services", [{**service, "cancellation": {**shown, "reason": reason}}])
    for row in ctx.cache.outbox():
        if (row.get("kind") == ob.WITHDRAW_CANCELLATION and row.get("status") == ob.QUEUED
                and str(row.get("target")) == edited.target and isinstance(row.get("args"), dict)
                and isinstance(row["args"].get("before"), dict) and row["args"]["before"].get("queued")):
            _put(ctx, {**row, "args": {**row["args"], "before": {**row["args"]["before"], "reason": reason}}})


@local
def remove(ctx: Context, key: str) -> str | None:
    """Take out a queued entry before it is sent, or dismiss a sent, refused or set-aside one. A reply that never
    reached the panel (refused, set aside) is not lost with its entry: its text goes back to its ticket as the reply
    box's draft; the ticket's id is returned then. One transaction: the replay cannot take the entry between the
    check and the removal."""
    with ctx.cache.transaction():
        return _remove(ctx, key)


def _remove(ctx: Context, key: str) -> str | None:
    row = next((r for r in ctx.cache.outbox() if r.get("id") == key), None)
    if row is None:
        return None
    if row.get("status") == ob.SENDING:
        raise ob.NotQueueable(translate("Outbox", "That entry is being sent: it can no longer be removed."))
    ctx.write(CacheChanges(deletes={"outbox": [key]}), OUTBOX)
    target, args = str(row.get("target") or ""), row.get("args") if isinstance(row.get("args"), dict) else {}
    if row.get("status") == ob.QUEUED and row.get("kind") in (ob.CANCEL_SERVICE, ob.WITHDRAW_CANCELLATION):
        service = ctx.cache.service(target)
        if service is not None and "before" in args:
            ctx.save("services", [{**service, "cancellation": args["before"]}])
    if row.get("status") != ob.SENT and row.get("kind") == ob.REPLY_TICKET:     # queued, refused or set aside
        _unshow_reply(ctx, target, key)
        text = ob.typed_text(row)
        if row.get("status") in (ob.REFUSED, ob.SET_ASIDE) and target and text.strip():
            keep_draft(ctx, target, text)
            return target
    return None


@local
def retry(ctx: Context, key: str, new_key: str) -> dict:
    """Send a refused entry again: queued anew, last, with a new Idempotency-Key (the panel refused the old one's
    request, so that key answers nothing it did), exactly as it was written; the refused entry goes (in the same
    transaction). Raises NotQueueable for an entry that is not refused (a set-aside one may have been done: the user
    checks first)."""
    with ctx.cache.transaction():
        return _retry(ctx, key, new_key)


def _retry(ctx: Context, key: str, new_key: str) -> dict:
    row = _current(ctx, key)
    if row is None:
        raise ob.NotQueueable(translate("Outbox", "That entry is no longer in the outbox."))
    entry = ob.parse(row)
    if entry.status != ob.REFUSED:
        raise ob.NotQueueable(translate("Outbox", "Only an entry the panel refused can be sent again."))
    args = {k: v for k, v in entry.args.items() if k != "before"}
    try:
        ob.check_args(replace(entry, args=args))
    except ob.OutboxRowInvalid as exc:
        why = str(exc).rstrip(".")
        raise ob.NotQueueable(translate("Outbox", "Not changed: {reason}.").format(reason=why)) from None
    if entry.kind == ob.CANCEL_SERVICE:
        queue_cancellation(ctx, entry.target, args["type"], args["reason"], new_key, entry.label)
    elif entry.kind == ob.WITHDRAW_CANCELLATION:
        queue_withdrawal(ctx, entry.target, new_key, entry.label)
    elif entry.kind == ob.REPLY_TICKET:
        queue_reply(ctx, entry.target, args["body"], new_key, entry.label)
    else:
        enqueue(ctx, entry.kind, entry.target, entry.label, args, new_key)
    # Queued anew before the refused entry goes: a failure in between leaves both listed, never neither.
    ctx.write(CacheChanges(deletes={"outbox": [key]}), OUTBOX)
    return _current(ctx, new_key) or {}


# -- the replay ------------------------------------------------------------------------------------------------
@dataclass
class Replayed:
    sent: list[str] = field(default_factory=list)            # labels
    refused: list[tuple[str, str]] = field(default_factory=list)   # (label, why)
    set_aside: list[tuple[str, str]] = field(default_factory=list)
    pending: int = 0
    expired: list[str] = field(default_factory=list)          # labels of entries not sent again (past the window)


def replay(ctx: Context) -> Replayed:
    """Send what waits, in order, each once; stops (raising) at the first network failure or ended login.

    Only while this process holds the account's outbox lock (app.cache.outbox_lock): a second Sett on the same
    data folder sending the same entries at the same time is what the lock keeps out; the replay it skips runs
    again after that account's next sync."""
    with outbox_lock(getattr(ctx.cache, "path", None)) as held:
        if not held:
            return Replayed(pending=pending_count(ctx))
        return _replay(ctx)


def _current(ctx: Context, key: str) -> dict | None:
    return next((r for r in ctx.cache.outbox() if r.get("id") == key), None)


def _replay(ctx: Context) -> Replayed:
    result = Replayed()
    rows = ctx.cache.outbox()
    old = ob.sent_long_ago(rows)
    if old:     # sent entries are shown for a while, then forgotten
        ctx.write(CacheChanges(deletes={"outbox": old}), OUTBOX)
    for row in rows:
        if row.get("id") in old:
            continue
        try:
            entry = ob.parse(row)
        except ob.OutboxRowInvalid as exc:
            if row.get("status") != ob.SET_ASIDE:
                aside = ob.set_aside_row(row, str(exc))
                if _put_if(ctx, row, aside):
                    result.set_aside.append((aside["label"], aside["message"]))
            continue
        if not entry.pending:
            continue
        taken = _take(ctx, row, entry, result)
        if taken is _STOP:
            break
        if taken is None:
            continue
        sending, sender = taken
        try:
            sender(ctx, entry)
        except ApiError as exc:
            if isinstance(exc, AuthRequired | RateLimited) or panel_may_have_acted(exc):
                # Not the panel's verdict on the action: no answer, a 5xx, a page that is not the panel's (a captive
                # portal's sign-in, a proxy's error page), an answer Sett cannot read (the panel may have done it:
                # refusing it there dropped its key, and sent again as new it was done twice), no login, a rate
                # limit. It stays `sending` with its key and waits, in order; the next replay sends the same key,
                # which the panel answers with what it did. Only a definite refusal (app.api.idempotency) ends it.
                if not isinstance(exc, NetworkError | AuthRequired | RateLimited):
                    _wait_uncertain(ctx, sending, exc)
                raise
            _refuse(ctx, sending, exc, result)
            continue
        _put(ctx, sending.moved(ob.SENT).to_row())
        result.sent.append(entry.label)
    return result


_STOP = object()


def _take(ctx: Context, row: dict, entry: ob.Entry, result: Replayed) -> tuple[ob.Entry, Sender] | object | None:
    """The entry taken for sending, `sending` committed before its request (a crash leaves it so), with its
    sender; None to pass it over, `_STOP` to end the replay. Checked and written in ONE transaction: the local
    lane queues, edits and removes entries beside the replay (each in one transaction too), so an edit or a
    removal comes either before the entry is taken (and is seen here) or after (and is refused: it is being sent).
    """
    with ctx.cache.transaction():
        now = _current(ctx, entry.id)
        if now != row:
            # Changed since the replay read the outbox (removed, edited, or sent by another Sett that held the lock
            # before this one): the stale copy is neither sent nor written back over what is there now. A removed
            # entry is passed over; any other change ends this replay, and the next one reads it again, in order.
            if now is None:
                return None
            result.pending = pending_count(ctx)
            return _STOP
        if entry.status == ob.SENDING and entry.sending_since and not within_window(entry.sending_since):
            _expire(ctx, entry, result)
            return None
        sender = SENDERS.get(entry.kind)
        if sender is None:
            _put(ctx, entry.moved(ob.SET_ASIDE, translate("Outbox", "Set aside, never sent: Sett cannot send this kind "
                                                                    "of action."))
                 .to_row())
            return None
        sending = entry.moved(ob.SENDING) if entry.status == ob.QUEUED else entry
        if sending.sending_since is None:      # `sending` as an older Sett left it: its age counts from now
            sending = replace(sending, sending_since=ob.now_text())
        _put(ctx, sending.to_row())
    return sending, sender


def _expire(ctx: Context, entry: ob.Entry, result: Replayed) -> None:
    """An entry sent longer ago than the panel's window for keys without an answer (away or offline since): the
    panel may have forgotten its key, so sent again it could be done twice (a second reply). It is set aside, never
    sent again, saying so, for the user to check on the panel and dismiss; what waits behind it goes on."""
    _put(ctx, entry.moved(ob.SET_ASIDE, translate(
        "Outbox", "Not sent again: it was sent more than a day ago and no answer Sett could use came back. The "
                  "panel may no longer recognise it, so sending it again could do it twice. Check on the panel "
                  "whether it was done, then dismiss this entry.")).to_row())
    result.expired.append(entry.label)


def _wait_uncertain(ctx: Context, sending: ob.Entry, exc: ApiError) -> None:
    """An entry the panel may have done (an answer Sett cannot read, a 5xx) stays `sending` with its key, and says
    why in the Outbox, where it would otherwise only say "Sending…" for as long as the answers stay unreadable."""
    headline, detail = explain(exc)
    why = headline + (f" {detail}" if detail and detail != headline else "")
    _put(ctx, sending.moved(ob.SENDING, translate(
        "Outbox", "The panel may have done it, but its answer could not be used: {reason} Sett sends it again with "
                  "the same key after the next sync, so it is done once.").format(reason=why)).to_row())


def _refuse(ctx: Context, sending: ob.Entry, exc: ApiError, result: Replayed) -> None:
    """The panel's refusal, kept on the entry in words (until the user dismisses it) and told."""
    headline, detail = explain(exc)
    why = headline + (f" {detail}" if detail and detail != headline else "")
    _put(ctx, sending.moved(ob.REFUSED, translate("Outbox", "The panel refused it: {reason}").format(
        reason=why)).to_row())
    result.refused.append((sending.label, why))
    _reread_after_refusal(ctx, sending)


def _reread_after_refusal(ctx: Context, entry: ob.Entry) -> None:
    """A refused service action: the service as the panel has it now replaces what the queueing showed. When the
    panel does not give it back (gone from the panel: the 404 the action was refused with), what the service showed
    before the queueing is put back: the request stayed on its page and list as waiting, for good, since no sync
    brings a row the panel no longer lists (dismissing the refusal did not take it out either)."""
    if entry.kind not in (ob.CANCEL_SERVICE, ob.WITHDRAW_CANCELLATION) or not entry.target:
        return
    try:
        service = one_asked("service", entry.target, ctx.client.service(entry.target))
    except ApiError:
        ctx.touched("services")     # the next sync brings it, if the panel has it
        cached = ctx.cache.service(entry.target)
        shown = (cached or {}).get("cancellation")
        if cached is not None and isinstance(shown, dict) and shown.get("queued"):
            before = entry.args.get("before")
            ctx.save("services", [{**cached, "cancellation": None if isinstance(before, dict) and before.get("queued")
                                   else before}])
        return
    ctx.save("services", [service])


@local
def pending_count(ctx: Context) -> int:
    return sum(1 for r in ctx.cache.outbox() if r.get("status") in ob.PENDING)
