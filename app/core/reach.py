"""Why an action that needs the panel cannot go now, in the words every screen shares.

Two different states, with different advice: OFFLINE (the panel cannot be reached; Sett reconnects by itself, the
user waits) and SIGNED OUT (the panel refused the account's login; nothing happens until the user signs in again).
The sessions know which (`AccountSession.needs_login`); features push it to the screens as `set_online(online,
signed_out)`, and the views pick their sentence here, so no screen says "reconnects by itself" to a signed-out user.
"""
from __future__ import annotations

from app.core.text import QT_TRANSLATE_NOOP, translate

# Context "Wording": these were app/session/wording.py's, where the headline messages use them (`cannot_reach`).
OFFLINE_ACTION = QT_TRANSLATE_NOOP("Wording", "Offline: this needs a connection to the panel. Sett reconnects by "
                                   "itself.")
SIGNED_OUT_ACTION = QT_TRANSLATE_NOOP("Wording", "Signed out: this needs the panel, which wants you to sign in again "
                                      "first (Sign in, in the account's note or from Sync).")


def unreachable_text(signed_out: bool) -> str:
    """The one sentence for an action that cannot go now: sign in again, or wait for the connection."""
    return translate("Wording", SIGNED_OUT_ACTION if signed_out else OFFLINE_ACTION)


def signed_out_text() -> str:
    """What a screen says instead of its own offline sentence while the account is signed out."""
    return translate("Wording", SIGNED_OUT_ACTION)


def paying_reason(online: bool, signed_out: bool = False) -> str:
    """Why paying cannot go now (a Pay button or action that is off says it on hover), or "" while it can."""
    if online:
        return ""
    return signed_out_text() if signed_out else translate("PayDueBar", "Offline: paying needs a connection to the "
                                                                       "panel.")


class Unreachable(str):
    """A failure sentence meaning the panel could not be reached at all (no connection, DNS, a timeout): not a
    refusal. The login service words its failures before a dialog gets them; this kind tells the sign-in prompt
    not to say the session ended when only the connection failed."""

    __slots__ = ()
