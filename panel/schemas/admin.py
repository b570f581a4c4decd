"""Operators' answers: the settings view (built from PanelSettings, so a new setting is described at once)."""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from pydantic import BaseModel, create_model

from ..settings import SECRET_KEYS, PanelSettings


def _settings_fields() -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for name, info in PanelSettings.model_fields.items():
        if name in SECRET_KEYS:
            fields[f"{name}_set"] = (bool, ...)
        elif info.annotation is Decimal:
            fields[name] = (str, ...)
        else:
            fields[name] = (info.annotation, ...)
    fields["secrets_encrypted"] = (bool, ...)
    fields["secrets_note"] = (str | None, ...)
    return fields


AdminSettingsPublic = create_model("AdminSettingsPublic", **_settings_fields())

# PUT takes any subset of the settings (secrets included, write-only); unknown keys are 422.
SettingsChangesIn = create_model(
    "SettingsChangesIn", __config__={"extra": "forbid"},
    **{name: (info.annotation | None, None) for name, info in PanelSettings.model_fields.items()
       if name != "license_billing"})


class LicensePublic(BaseModel):
    billing: bool


class ClockPublic(BaseModel):
    now: str
    jobs: dict[str, int]
