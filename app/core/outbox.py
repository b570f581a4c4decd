"""The outbox's entries (pure): actions that can wait for the network, queued per account while its panel cannot
be reached and replayed in order when it can, each exactly once.

Every entry carries its Idempotency-Key (`id`) from the moment it is queued: a replay after a lost answer, a crash
or a kill -9 sends the same key again, and the panel answers with its first answer instead of acting twice. An
entry is marked `sending` before its request and `sent` after, so a `sending` entry found at start is one whose
answer was lost: it is sent again with the same key.

Only actions where waiting is what the user wants are queued: asking to cancel a service and withdrawing that
request, marking notifications read (support tickets and replies later: add their kind to QUEUEABLE and a sender
in app.session.operations.outbox). Nothing that moves money is ever queued (MONEY_KINDS is checked on queueing).
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import Any

from .input_text import character_problem
from .local_format import number
from .text import translate

CANCEL_SERVICE = "cancel_service"            # args: type (immediate|end_of_period), reason
WITHDRAW_CANCELLATION = "withdraw_cancellation"
MARK_READ = "mark_read"                      # args: uuids
REPLY_TICKET = "reply_ticket"                # target: the ticket; args: body
QUEUEABLE = frozenset({CANCEL_SERVICE, WITHDRAW_CANCELLATION, MARK_READ, REPLY_TICKET})
# Never queued, whatever a caller asks: a payment made hours later at another price or balance is not what anyone
# clicked, and a checkout needs the user at the pay page.
MONEY_KINDS = frozenset({"checkout", "pay_invoice", "pay_invoices", "top_up", "cancel_order",
                         "cancel_top_up"})

QUEUED, SENDING, SENT, REFUSED, SET_ASIDE = "queued", "sending", "sent", "refused", "set_aside"
STATUSES = (QUEUED, SENDING, SENT, REFUSED, SET_ASIDE)
PENDING = (QUEUED, SENDING)                  # still to be sent, in order
EDITABLE = (QUEUED,)                         # a `sending` entry may already have reached the panel
MAX_REASON = 2000                            # the panel's limit for a cancellation reason
MAX_BODY = 20_000                            # the panel's limit for a ticket's message
KEEP_SENT = timedelta(days=7)                # a sent entry stays listed this long (what happened while away)


class OutboxRowInvalid(ValueError):
    """A stored entry that cannot be read as one: it is set aside with this message, never sent."""


class NotQueueable(ValueError):
    """An action that must not wait (it moves money) or that the outbox does not know."""


def now_text() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


@dataclass(frozen=True)
class Entry:
    id: str                                  # the Idempotency-Key, fixed when queued
    kind: str
    target: str                              # the service id (or "" for notifications)
    label: str                               # what it does, in words
    position: int
    queued_at: str
    status: str = QUEUED
    args: dict[str, Any] = field(default_factory=dict)
    sent_at: str | None = None
    message: str = ""                        # why it was refused or set aside, or what the panel answered
    # When it was first sent (became `sending`): its key is sent again only within the panel's window for keys
    # (app.session.operations.keeping.KEY_WINDOW). None for an entry never sent, or stored by an older Sett.
    sending_since: str | None = None

    @property
    def pending(self) -> bool:
        return self.status in PENDING

    def to_row(self) -> dict:
        return asdict(self)

    def moved(self, status: str, message: str = "") -> Entry:
        return replace(self, status=status, message=message, sent_at=now_text() if status == SENT else self.sent_at,
                       sending_since=self.sending_since or (now_text() if status == SENDING else None))


def new_entry(kind: str, target: str, label: str, args: dict, key: str, position: int) -> Entry:
    if kind in MONEY_KINDS:
        raise NotQueueable(translate("Outbox", "Actions that move money are never queued: they need the panel now."))
    if kind not in QUEUEABLE:
        raise NotQueueable(translate("Outbox", "Sett cannot queue a {kind} action.").format(kind=repr(kind)))
    entry = Entry(id=key, kind=kind, target=str(target), label=label, position=position, queued_at=now_text(),
                  args=dict(args))
    check_args(entry)
    return entry


def check_args(entry: Entry) -> None:
    if entry.kind == CANCEL_SERVICE:
        if entry.args.get("type") not in ("immediate", "end_of_period"):
            raise OutboxRowInvalid(translate("Outbox", "the cancellation's type is neither immediate nor end of "
                                                       "period"))
        reason = entry.args.get("reason")
        if not isinstance(reason, str) or not reason.strip() or len(reason) > MAX_REASON:
            text = translate("Outbox", "a cancellation needs a reason of 1 to {limit} characters")
            raise OutboxRowInvalid(text.format(limit=number(MAX_REASON)))
        refused = character_problem(translate("Input", "Reason"), reason)
        if refused:      # the panel answers 422 for it: never queued, never sent
            raise OutboxRowInvalid(refused)
    elif entry.kind == MARK_READ:
        uuids = entry.args.get("uuids")
        if not isinstance(uuids, list) or not uuids or not all(isinstance(u, str) and u for u in uuids):
            raise OutboxRowInvalid(translate("Outbox", "marking read needs the notifications' ids"))
    elif entry.kind == WITHDRAW_CANCELLATION and not entry.target:
        raise OutboxRowInvalid(translate("Outbox", "a withdrawal needs the service's id"))
    elif entry.kind == REPLY_TICKET:
        body = entry.args.get("body")
        if not entry.target or not isinstance(body, str) or not body.strip() or len(body) > MAX_BODY:
            text = translate("Outbox", "a reply needs its ticket and a message of 1 to {limit} characters")
            raise OutboxRowInvalid(text.format(limit=number(MAX_BODY)))
        refused = character_problem(translate("Input", "Message"), body)
        if refused:
            raise OutboxRowInvalid(refused)


def parse(row: Any) -> Entry:
    """An entry from its stored row; OutboxRowInvalid for anything that is not one (never sent then)."""
    if not isinstance(row, dict):
        raise OutboxRowInvalid(translate("Outbox", "the stored entry is not an object"))
    if row.get("corrupt"):
        raise OutboxRowInvalid(str(row["corrupt"]))
    try:
        entry = Entry(id=_text(row, "id"), kind=_text(row, "kind"), target=str(row.get("target") or ""),
                      label=_text(row, "label"), position=int(row["position"]), queued_at=_text(row, "queued_at"),
                      status=_text(row, "status"), args=row.get("args") or {}, sent_at=row.get("sent_at"),
                      message=str(row.get("message") or ""),
                      sending_since=row.get("sending_since") if isinstance(row.get("sending_since"), str) else None)
    except (KeyError, TypeError, ValueError) as exc:
        text = translate("Outbox", "the stored entry is incomplete ({error})")
        raise OutboxRowInvalid(text.format(error=exc)) from None
    if entry.status not in STATUSES:
        raise OutboxRowInvalid(translate("Outbox", "unknown status {status}").format(status=repr(entry.status)))
    if not isinstance(entry.args, dict):
        raise OutboxRowInvalid(translate("Outbox", "its details are not an object"))
    if entry.status != SET_ASIDE and (entry.kind in MONEY_KINDS or entry.kind not in QUEUEABLE):
        raise OutboxRowInvalid(translate("Outbox", "Sett does not queue {kind} actions").format(kind=repr(entry.kind)))
    if entry.pending:
        check_args(entry)
    return entry


def _text(row: dict, key: str) -> str:
    value = row[key]
    if not isinstance(value, str) or not value:
        raise ValueError(f"{key} is not a text")
    return value


def set_aside_row(row: Any, message: str) -> dict:
    """What is kept of an entry that cannot be read: its id, a message, and what it held, never sent."""
    raw = row if isinstance(row, dict) else {}
    unreadable = translate("Outbox", "An unreadable outbox entry")
    return {"id": str(raw.get("id") or "unknown"), "kind": str(raw.get("kind") or "unknown"),
            "target": str(raw.get("target") or ""), "label": str(raw.get("label") or unreadable),
            "position": raw.get("position") if isinstance(raw.get("position"), int) else 0,
            "queued_at": str(raw.get("queued_at") or now_text()), "status": SET_ASIDE, "args": {},
            "sent_at": None, "raw": raw.get("raw"),
            "message": translate("Outbox", "Set aside, never sent: {message}.").format(message=message)}


def sent_long_ago(rows: list[Any], now: datetime | None = None) -> list[str]:
    """The ids of entries sent more than KEEP_SENT ago: forgotten (refused ones wait for the user)."""
    limit = (now or datetime.now(UTC)) - KEEP_SENT
    old = []
    for row in rows:
        if not isinstance(row, dict) or row.get("status") != SENT:
            continue
        try:
            sent = datetime.fromisoformat(str(row.get("sent_at")).replace("Z", "+00:00"))
        except ValueError:
            continue
        if sent.tzinfo is not None and sent < limit:
            old.append(str(row.get("id")))
    return old


def typed_text(row: Any) -> str:
    """What the user typed for an entry (a reply's message, a cancellation's reason), or "": what the Outbox lets
    them copy, send again, or (a reply) take back into its ticket's reply box, so a refusal never loses it."""
    args = row.get("args") if isinstance(row, dict) else None
    if not isinstance(args, dict):
        return ""
    kind = row.get("kind")
    text = args.get("body") if kind == REPLY_TICKET else args.get("reason") if kind == CANCEL_SERVICE else None
    return text if isinstance(text, str) else ""


def with_waiting_replies(ticket: dict, rows: list) -> dict:
    """The ticket's conversation as the user should see it: the panel's messages, then every reply still waiting
    in the outbox for this ticket, marked `queued` with its key, in the order they were queued.

    The waiting replies are laid over whichever copy of the ticket is at hand (the cache's, a sync's, the panel's
    answer) rather than kept inside it: a sync that brought a newer copy of the ticket before the reply was sent
    replaced its messages, and the reply, still in the outbox and sent later, left the conversation. A reply being
    sent (`sending`: its answer may have been lost) is taken for the panel's once the panel's copy holds a
    customer's message with the same text."""
    messages = ticket.get("messages")
    if not isinstance(messages, list):
        return ticket
    own = [m for m in messages if not (isinstance(m, dict) and m.get("queued"))]
    theirs = {str(m.get("body") or "").strip() for m in own
              if isinstance(m, dict) and not (isinstance(m.get("author"), dict) and m["author"].get("staff"))}
    waiting = []
    for row in rows:
        if not (isinstance(row, dict) and row.get("kind") == REPLY_TICKET and row.get("status") in PENDING
                and str(row.get("target") or "") == str(ticket.get("id")) and isinstance(row.get("args"), dict)
                and isinstance(row["args"].get("body"), str) and isinstance(row.get("id"), str)):
            continue
        body = row["args"]["body"]
        if row["status"] == SENDING and body.strip() in theirs:
            continue
        waiting.append({"id": f"outbox-{row['id']}", "body": body, "created_at": row.get("queued_at"),
                        "author": {"staff": False}, "queued": row["id"]})
    if not waiting and len(own) == len(messages):
        return ticket
    return {**ticket, "messages": [*own, *waiting]}
