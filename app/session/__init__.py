"""Account sessions (Qt, but no views): one `AccountSession` per account owning its link, login, data on screen,
cart and notes; `Sessions` holding them; and the operations every user action runs as. The only road from Qt
code to the panel (app.api) and the cache (app.cache)."""
from .account import AccountSession
from .accounts import Account, AccountError, AccountStore, host_of
from .notes import GLOBAL, Note
from .sessions import Sessions
from .wording import (
    OFFLINE_ACTION,
    SIGNED_OUT_ACTION,
    action_failed,
    cannot_reach,
    current_reach,
    explain,
    in_words,
    signed_out,
)

__all__ = ["GLOBAL", "OFFLINE_ACTION", "SIGNED_OUT_ACTION", "Account", "AccountError", "AccountSession", "AccountStore",
           "Note", "Sessions", "action_failed", "cannot_reach", "current_reach", "explain", "host_of", "in_words",
           "signed_out"]
