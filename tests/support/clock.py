"""Moving a test panel's clock (started with its test clock, as PanelProcess does by default), and what a test
needs after it: the buyer signed in again, as a month outlives every token."""
from __future__ import annotations

from tests.support.fixtures import admin_of
from tests.support.panel import USER_PASSWORD, Api, PanelProcess

# Past the first monthly renewal's due date and grace: its invoice is overdue and the service suspended.
A_MONTH_ON = 36


def advance_clock(proc: PanelProcess, days: int) -> dict:
    """Move the panel's clock on by `days` (its jobs run on the way); the panel's answer (its new `now`)."""
    # A new admin login each time: the clock outruns the last one's access token.
    return admin_of(proc).data("POST", "/admin/clock/advance", {"days": days}, expect=200)


def a_month_on(proc: PanelProcess, user: Api) -> Api:
    """The clock moved past `user`'s first monthly renewal; `user` signed in again, since their tokens expired."""
    advance_clock(proc, A_MONTH_ON)
    return Api(proc).login(user.user["email"], USER_PASSWORD)
