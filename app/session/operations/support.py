"""Support tickets' operations: a ticket's conversation (the cache's at once, then the panel's, kept for offline),
opening a ticket, replying and closing. Opening and replying carry the caller's Idempotency-Key, so a retry after
a lost answer never makes a second ticket or message."""
from __future__ import annotations

from app.api import ApiError
from app.cache import CacheChanges
from app.core.outbox import with_waiting_replies
from app.core.support import one_line

from . import Context, one_asked

# config key: {ticket id: text}: each ticket's unsent reply as its reply box held it when last saved, followed (after
# a blank line) by the text of any refused reply taken back from the Outbox that the box has not shown yet. Only
# tickets the cache still holds keep one: a ticket that is gone takes its draft with it at the next write.
DRAFTS = "reply_drafts"


def shown(ctx: Context, ticket: dict | None) -> dict | None:
    """The ticket with the replies still waiting in the outbox laid over its conversation (a newer copy synced
    before they were sent holds none of them), and `draft`: the unsent reply kept for its reply box (what was
    typed there, and a refused reply's text taken back from the Outbox), when there is one."""
    if ticket is None:
        return None
    ticket = with_waiting_replies(ticket, ctx.cache.outbox())
    draft = drafts(ctx).get(str(ticket.get("id")))
    return {**ticket, "draft": draft} if draft else ticket


def drafts(ctx: Context) -> dict[str, str]:
    """The drafts kept, of tickets the cache still holds."""
    held = ctx.cache.config(DRAFTS)
    if not isinstance(held, dict):
        return {}
    texts = {str(k): v for k, v in held.items() if isinstance(v, str) and v}
    known = ctx.cache.versions("tickets", list(texts)) if texts else {}
    return {k: v for k, v in texts.items() if k in known}


def _keep(ctx: Context, held: dict[str, str], *resources: str) -> None:
    ctx.write(CacheChanges(config={DRAFTS: held or None}), *resources)


def keep_draft(ctx: Context, ticket_id: str, text: str) -> None:
    """A reply the panel refused, dismissed from the Outbox: its text waits as the ticket's draft (after any draft
    kept before, never over it) until the ticket's page puts it in its reply box (`take_draft`). Read and written
    in one transaction, as every change of the drafts is: the Outbox's removal runs on the local lane, the reply
    box's saves on the worker, and neither may write back drafts it read before the other's change."""
    with ctx.cache.transaction():
        held = drafts(ctx)
        if ticket_id not in ctx.cache.versions("tickets", [ticket_id]):
            return          # the ticket is gone: nowhere to write it again (the Outbox listed it until now)
        before = held.get(ticket_id, "")
        held[ticket_id] = text if not before or before == text else f"{before}\n\n{text}"
        _keep(ctx, held, "tickets")


def take_draft(ctx: Context, ticket_id: str, text: str) -> None:
    """The ticket's page holds the draft `text` now: it is no longer kept here (one kept meanwhile stays)."""
    with ctx.cache.transaction():
        held = drafts(ctx)
        if held.get(ticket_id) == text:
            del held[ticket_id]
            _keep(ctx, held)


def save_draft(ctx: Context, ticket_id: str, text: str, before: str) -> str:
    """The reply box of the ticket holds `text` now, where it held `before` when its draft was last saved or put
    there (empty: never). Kept as the ticket's draft, followed by whatever was kept since that the box has not
    shown (a refused reply taken back from the Outbox meanwhile): `text` "" after a reply went or was queued
    keeps only that. Returns what is kept besides the box's text. Written without a change-set: nothing on screen
    changes (the box already shows it). One transaction, as `keep_draft`."""
    with ctx.cache.transaction():
        return _save_draft(ctx, ticket_id, text, before)


def _save_draft(ctx: Context, ticket_id: str, text: str, before: str) -> str:
    held = drafts(ctx)
    stored = held.get(ticket_id, "")
    if stored.startswith(before):
        rest = stored[len(before):]
        rest = rest.removeprefix("\n\n") if before else rest
    else:           # changed elsewhere (another Sett on the same folder): kept too, unless the box holds it
        rest = "" if stored in text else stored
    kept = "\n\n".join(part for part in (text, rest) if part)
    if kept == stored:
        return rest
    if kept and ticket_id in ctx.cache.versions("tickets", [ticket_id]):
        held[ticket_id] = kept
    else:
        held.pop(ticket_id, None)
    _keep(ctx, held)
    return rest


def cached_ticket(ctx: Context, ticket_id: str) -> dict | None:
    return shown(ctx, ctx.cache.ticket(ticket_id))


def fetch_ticket(ctx: Context, ticket_id: str) -> dict:
    ticket = one_asked("ticket", ticket_id, ctx.client.ticket(ticket_id))
    ctx.save("tickets", [ticket])
    return shown(ctx, ticket)


def open_ticket(ctx: Context, fields: dict, key: str) -> dict:
    """`fields`: subject, department, body and optionally invoice_id / service_id."""
    ticket = ctx.client.open_ticket(subject=one_line(fields["subject"]), department=fields["department"],
                                    body=fields["body"],
                                    invoice_id=fields.get("invoice_id"), service_id=fields.get("service_id"),
                                    key=key)
    ctx.save("tickets", [ticket])
    return ticket


def reply(ctx: Context, ticket_id: str, body: str, key: str) -> dict:
    """The reply sent, then the ticket read back (its status moved; a closed one reopened).

    The reply is at the panel once it answered: a ticket the panel then does not give back (a 404, an answer Sett
    cannot read) is not the reply's failure, which had the user send it again. The conversation shows the cached
    ticket with the panel's message added until the sync brings the ticket."""
    message = ctx.client.reply_ticket(ticket_id, body, key=key)
    try:
        return fetch_ticket(ctx, ticket_id)
    except ApiError:
        ctx.touched("tickets")
        return shown(ctx, with_message(ctx.cache.ticket(ticket_id) or {"id": ticket_id}, message))


def with_message(ticket: dict, message: dict) -> dict:
    """`ticket` with the panel's answer to a reply at the end of its conversation (once), as the panel words a
    ticket just replied to (`customer_reply`)."""
    messages = [m for m in ticket.get("messages") or [] if isinstance(m, dict)]
    if isinstance(message, dict) and message.get("id") is not None \
            and all(str(m.get("id")) != str(message["id"]) for m in messages):
        messages.append(message)
    return {**ticket, "messages": messages, "status": "customer_reply"}


def close(ctx: Context, ticket_id: str) -> dict:
    ticket = ctx.client.close_ticket(ticket_id)
    ctx.save("tickets", [ticket])
    return shown(ctx, ticket)
