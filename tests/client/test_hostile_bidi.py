"""Direction controls in a panel's text (U+202A-202E overrides and embeddings, U+2066-2069 isolates) are dropped at
the boundary: inside a sentence Sett writes around the text they turned what followed backwards, an amount
included. Right-to-left scripts themselves, and the plain direction marks, are untouched."""
from app.api.validate import checked_rows

HEBREW, ARABIC = "שרת ענן", "خادم سحابي"


def service(name: str) -> dict:
    return {"id": "s-1", "product": {"id": "p-1", "name": name}, "status": "active", "billing_cycle": "monthly",
            "recurring_amount": "10.00", "currency": "USD", "next_due_date": None, "server": None, "config": {},
            "cancellation": None, "created_at": "2026-12-06T09:00:00Z", "updated_at": "2026-12-06T09:00:00Z"}


def test_direction_controls_are_dropped_from_what_is_kept_and_right_to_left_text_stays():
    rows = checked_rows("services", "Service", [service("Cloud VPS \u202eS\u202c"), service(HEBREW),
                                                service(f"\u2066{ARABIC}\u2069 mark \u200f stays")])
    assert [row["product"]["name"] for row in rows] == ["Cloud VPS S", HEBREW, f"{ARABIC} mark \u200f stays"]
