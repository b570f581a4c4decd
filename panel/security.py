"""Secrets at rest: password hashes (argon2), and SHA-256 digests of high-entropy tokens and API keys.

Tokens are random 256-bit values, so a fast digest is enough to make a stolen table useless; passwords are
low-entropy and get argon2.
"""
from __future__ import annotations

import hashlib
import hmac
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher()
API_KEY_PREFIX = "bp_"
# A well-formed hash to verify against when the email is unknown, so timing does not reveal which emails exist.
_DUMMY_HASH = _hasher.hash("not-a-real-password")


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password: str, stored: str | None) -> bool:
    try:
        return _hasher.verify(stored or _DUMMY_HASH, password) and stored is not None
    except (VerificationError, InvalidHashError):
        return False


def new_token() -> str:
    """A login's token. Never one that starts like an API key: `Authorization: Bearer bp_...` is looked up as an API
    key (deps.current_user), so about one login in 262,144 got an access token every request refused."""
    while (token := secrets.token_urlsafe(32)).startswith(API_KEY_PREFIX):
        pass
    return token


def new_api_key() -> str:
    return API_KEY_PREFIX + secrets.token_urlsafe(32)


def digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def same(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode(), b.encode())
