"""Errors in words a person can act on, saying which side failed: the panel's answer, the network, or the data
saved on this computer. Screens get these sentences, never exception objects (views import no api or cache)."""
from __future__ import annotations

from app.api import (
    ApiError,
    AuthRequired,
    BadAnswer,
    Conflict,
    Forbidden,
    NetworkError,
    NotAPanel,
    NotFound,
    RateLimited,
    ServerError,
    ValidationFailed,
)
from app.cache import CacheError
from app.core import error_words
from app.core.formatting import time_text
from app.core.reach import OFFLINE_ACTION, SIGNED_OUT_ACTION, unreachable_text  # noqa: F401 (also named here)
from app.core.text import translate

from .accounts import AccountError
from .operations.keeping import NotSent


def cannot_reach(session) -> str:
    """Why an action that needs the panel cannot go now: a missing login, or no connection."""
    return unreachable_text(session.needs_login)


def current_reach(sessions) -> tuple[bool, bool]:
    """(online, signed out) of the current account, as the screens' `set_online(online, signed_out)` takes them; an
    account not known to be offline yet counts as online."""
    return sessions.is_online(sessions.current_id) is not False, signed_out(sessions.current)


def signed_out(session) -> bool:
    """Whether the account's panel cannot be asked because its login ended (the user must sign in again), rather
    than the connection: what the screens get beside `online` (`set_online(online, signed_out)`)."""
    return session is not None and bool(session.needs_login)


# The contract's error codes (shared/panel-api.md and docs/api.md's additions) in the user's language; the panel's
# own message, in its words (often English), stays as the detail.
CODE_WORDS = error_words.CODE_WORDS


def field_problems(error: ValidationFailed) -> str:
    """The panel's word on each field it refused ("quantity: must be at least 1"), leaving out what only repeats
    its message: a refusal of one field often says the same sentence twice (message and field), and a person
    should read it once."""
    said = str(error).strip()
    parts = []
    for name, problems in (error.details or {}).items():
        listed = problems if isinstance(problems, list) else [problems]
        fresh = [str(p) for p in listed if str(p).strip() and str(p).strip() != said]
        if fresh:
            parts.append(f"{error_words.field_name(name)}: {', '.join(fresh)}")
    return "; ".join(parts)


def explain(error: BaseException) -> tuple[str, str]:
    """A headline and a detail sentence for an error."""
    detail = str(error)
    if isinstance(error, AccountError):
        return detail, ""
    if isinstance(error, NotSent):      # before the panel's refusals: it is Sett's, and nothing reached the panel
        return translate("Wording", "Nothing was sent: Sett could not first save this attempt on this computer, so "
                                    "the panel was not asked and nothing changed there."), detail
    if isinstance(error, BadAnswer):
        return translate("Wording", "The panel sent an answer Sett does not understand."), detail
    if isinstance(error, NotAPanel):
        return translate("Wording", "That address is not a billing panel."), detail
    if isinstance(error, NetworkError):
        return translate("Wording", "The panel could not be reached."), detail
    if isinstance(error, RateLimited):
        if error.retry_after:
            seconds = int(error.retry_after)
            return translate("Wording", "Too many attempts. Wait %n second(s) and try again.", None, seconds), detail
        return translate("Wording", "Too many attempts. Try again soon."), detail
    if isinstance(error, AuthRequired):
        refused = translate("Wording", "The panel did not accept these details.")
        if error.said_by_panel and detail and detail != refused:
            return refused, detail        # the panel's own words ("Email or password is incorrect.") follow
        return detail or refused, ""
    if isinstance(error, ValidationFailed) and error.code in (None, "validation_error"):
        return detail, field_problems(error)
    if isinstance(error, ApiError) and error.code in CODE_WORDS:
        return error_words.code_words(error.code), ("" if detail == error_words.code_words(error.code) else detail)
    if isinstance(error, ValidationFailed):
        return detail, field_problems(error)
    if isinstance(error, Forbidden):
        return translate("Wording", "The panel refused this login."), detail
    if isinstance(error, ServerError):
        return translate("Wording", "The panel ran into a problem."), detail
    # A code Sett does not know yet: the status still says what kind of refusal it is, in Sett's words.
    if isinstance(error, Conflict):
        return translate("Wording", CODE_WORDS["conflict"]), detail
    if isinstance(error, NotFound):
        return translate("Wording", CODE_WORDS["not_found"]), detail
    if isinstance(error, ApiError):
        return detail or translate("Wording", "The panel refused the request."), ""
    if isinstance(error, CacheError):
        return translate("Wording", "The data saved on this computer could not be used."), detail
    return translate("Wording", "Something went wrong."), detail


def in_words(error: BaseException | str) -> str:
    """`explain` as one text: the headline, and the detail on a line of its own when it adds something."""
    if isinstance(error, str):
        return error
    headline, detail = explain(error)
    return headline + (f"\n{detail}" if detail and detail != headline else "")


def action_failed(error: BaseException) -> str:
    """Why an action did not happen, as one sentence."""
    if isinstance(error, NetworkError):
        return translate("Wording", "The panel could not be reached, so nothing was changed. {reason}").format(
            reason=error)
    headline, detail = explain(error)
    return f"{headline} {detail}".strip() if detail and detail != headline else headline


def link_state(session, syncing: bool) -> str:
    """One account's state in words: "Syncing…", "Online", "Offline since 14:02", "Needs a login" (the status
    bar's line and the account switcher's tooltips)."""
    if session.needs_login:
        return translate("Wording", "Needs a login")
    if syncing:
        return translate("Wording", "Syncing…")
    if session.link.offline:
        since = session.link.since
        if since is not None:
            return translate("Wording", "Offline since {time}").format(time=time_text(since))
        return translate("Wording", "Offline")
    return translate("Wording", "Online") if session.link.online else translate("Wording", "Connecting…")
