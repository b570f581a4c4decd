"""The account's billing profile: read from the panel (kept in the cache's config for offline reading) and saved
to it. Saving goes to the panel or fails with the panel's words: it is not queued in the outbox, because the
profile only matters on the next invoice the panel issues, which needs the panel anyway.
"""
from __future__ import annotations

from app.cache import CacheChanges

from . import Context

PROFILE_KEY = "billing_profile"      # the cache's config key (and the ChangeSet resource)


def cached_billing_profile(ctx: Context) -> dict | None:
    return ctx.cache.config(PROFILE_KEY)


def fetch_billing_profile(ctx: Context) -> dict:
    profile = ctx.client.billing_profile()
    ctx.write(CacheChanges(config={PROFILE_KEY: profile}), PROFILE_KEY)
    return profile


def save_billing_profile(ctx: Context, profile: dict) -> dict:
    """`profile`: `{company, address_lines, country, tax_id}`; -> what the panel stored (also cached)."""
    stored = ctx.client.save_billing_profile(company=profile["company"], address_lines=profile["address_lines"],
                                             country=profile["country"], tax_id=profile["tax_id"])
    ctx.write(CacheChanges(config={PROFILE_KEY: stored}), PROFILE_KEY)
    return stored
