"""The server behind a service, as `GET /billing/services` embeds it (`ServicePublic.server`)."""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel


class Address(BaseModel):
    ip: str
    port: int


class Server(BaseModel):
    id: str
    name: str
    status: Literal["installing", "running", "suspended", "offline", "terminated"]
    address: Address | None
    node: str | None
    manage_url: str | None
    resources: dict[str, int | None]
