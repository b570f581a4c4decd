"""An order's row names what it bought: the first products, each with its quantity when more than one, and how
many more there are (its page lists every line)."""
from app.models.orders import SEARCH_KEYS, products_text, with_invoices


def item(name: str, quantity: int = 1) -> dict:
    return {"product_name": name, "quantity": quantity, "billing_cycle": "monthly"}


def test_an_order_names_its_products_with_their_quantities():
    assert products_text({"items": [item("Cloud VPS S")]}) == "Cloud VPS S"
    assert products_text({"items": [item("Cloud VPS S"), item("Minecraft Flex", 2)]}) == \
        "Cloud VPS S, Minecraft Flex × 2"


def test_a_long_order_names_three_and_counts_the_rest():
    order = {"items": [item(f"Plan {n}") for n in range(1, 6)]}
    assert products_text(order) == "Plan 1, Plan 2, Plan 3 + 2 more"
    assert products_text({"items": [item(f"Plan {n}") for n in range(1, 5)]}) == "Plan 1, Plan 2, Plan 3 + 1 more"


def test_a_panel_answer_without_items_or_with_junk_gives_an_empty_name_not_an_error():
    assert products_text({}) == ""
    assert products_text({"items": None}) == ""
    assert products_text({"items": ["junk", 3, {"quantity": 1}]}) == "—"


def test_the_rows_carry_the_products_and_search_finds_an_order_by_them():
    rows = with_invoices([{"id": "o1", "invoice_id": "i1", "items": [item("Valheim Dedicated")]}],
                         [{"id": "i1", "invoice_number": "INV-000001", "status": "paid"}])
    assert rows[0]["products"] == "Valheim Dedicated" and rows[0]["invoice_number"] == "INV-000001"
    assert "products" in SEARCH_KEYS
