"""The caller's billing profile (/account/billing-profile): what new invoices print about the buyer."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends
from pydantic import Field, StringConstraints

from ..billing import parties
from ..deps import current_user, get_panel
from ..json_guard import JsonRoute
from ..lists import one
from ..schemas.common import One, errors
from ..schemas.parties import BillingProfilePublic
from ..settings import AddressLines, Country, TaxId
from ..state import Panel
from ..timefmt import iso
from .auth import Body

router = APIRouter(route_class=JsonRoute, prefix="/account", tags=["account"])


class ProfileBody(Body):
    # The whole profile every time (PUT): a field left out is an error, not "keep the old one".
    company: Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)]
    address_lines: AddressLines = Field(description="At most 6 non-empty lines of at most 200 characters.")
    country: Country = Field(description="ISO 3166-1 alpha-2 in capitals (\"DE\"), or \"\" for none.")
    tax_id: TaxId = Field(description="VAT or tax number; letters, digits, spaces and . - / (at most 40).")


@router.get("/billing-profile", response_model=One[BillingProfilePublic], responses=errors(401, 403))
def get_profile(user: dict = Depends(current_user), panel: Panel = Depends(get_panel)):
    return one(parties.profile_of(panel.db.conn(), user["id"]))


@router.put("/billing-profile", response_model=One[BillingProfilePublic], responses=errors(401, 403, 422))
def put_profile(body: ProfileBody, user: dict = Depends(current_user), panel: Panel = Depends(get_panel)):
    with panel.db.write() as conn:
        return one(parties.save_profile(conn, user["id"], body.model_dump(), iso(panel.clock.now())))
