"""Keeping an account's cache in step with its panel (no Qt): pages, updated_since and ETags."""
from .engine import ChangeSet, SyncCancelled, SyncEngine

__all__ = ["ChangeSet", "SyncCancelled", "SyncEngine"]
