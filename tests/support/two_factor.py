"""Two-factor sign-in for tests against the real panel: turn it on for a user, and make a code it must refuse.
Shared by the panel's auth tests, the API client's and the add-account dialog's."""
from __future__ import annotations

from datetime import UTC, datetime

import pyotp

from tests.support.panel import Api


def enable_2fa(api: Api) -> str:
    """Turn two-factor sign-in on for `api`'s user; returns the TOTP secret its authenticator app would hold."""
    secret = api.data("POST", "/account/2fa/setup")["secret"]
    api.data("POST", "/account/2fa/enable", {"code": pyotp.TOTP(secret).now()})
    return secret


def wrong_code(secret: str) -> str:
    """A well-formed code outside the panel's drift window (one step either side), with a step to spare."""
    totp = pyotp.TOTP(secret)
    near = {totp.at(datetime.now(UTC), counter_offset=i) for i in range(-2, 3)}
    return next(code for code in ("000000", "111111", "222222", "333333", "444444", "555555") if code not in near)
