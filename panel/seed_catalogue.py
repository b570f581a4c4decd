"""The demo panel's settings, shop window and coupons, written through the same validators the admin API uses.

Everything here is an admin API body, so the demo catalogue is exactly what an operator could have typed in;
`create_catalogue` checks each body with catalogue_rules / coupon_rules before writing it.
"""
from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta

from .billing.catalogue import insert_row, validate_category_body, validate_product_body
from .billing.coupon_rules import validate_coupon_body
from .db import new_id
from .timefmt import iso

SETTINGS = {
    "panel_name": "Sett Demo Hosting",
    "support_url": "https://support.sett.test",
    "tickets_enabled": True,
    "license_billing": True,
    "billing_enabled": True,
    "currency_code": "USD",
    "currency_symbol": "$",
    "currency_places": 2,
    "tax_enabled": True,
    "tax_rate": "20",
    "tax_inclusive": False,
    "credits_enabled": True,
    "auto_activate": True,
    "auto_suspend_days": 3,
    "auto_terminate_days": 14,
    "renewal_days_before": 7,
    # PayPal on without credentials: buyers approve on the panel's own sandbox page, so every demo offers it.
    # Stripe needs a Stripe to talk to: `serve --localstripe` (the demo from source) turns it on with localstripe's
    # keys; without it cards stay off. So the demo from source offers cards, PayPal and credits.
    "stripe_enabled": False,
    "paypal_enabled": True,
    # The seller every demo invoice prints (invented details; the tax id is in Germany's format).
    "seller_name": "Sett Demo Hosting GmbH",
    "seller_address_lines": ["Musterstraße 12", "10115 Berlin"],
    "seller_country": "DE",
    "seller_tax_id": "DE999999999",
    "seller_email": "billing@sett.test",
}

CATEGORIES = [
    {"name": "Game Servers", "slug": "game-servers", "sort_order": 1,
     "description": "Low-latency game servers with instant setup, DDoS protection and daily backups."},
    {"name": "VPS", "slug": "vps", "sort_order": 2,
     "description": "KVM virtual servers on NVMe storage, with full root access."},
    {"name": "Web Hosting", "slug": "web-hosting", "sort_order": 3,
     "description": "Managed hosting for websites and shops, with free TLS certificates."},
    {"name": "Services", "slug": "services", "sort_order": 4,
     "description": "One-off work done by our team."},
]


def _res(memory: int, disk: int, cpu: int, **more: int) -> dict:
    return {"memory": memory, "disk": disk, "cpu": cpu, **more}


def _prices(*rows: tuple) -> list[dict]:
    """(cycle, price) or (cycle, price, setup_fee) rows."""
    return [{"billing_cycle": r[0], "price": r[1], "setup_fee": r[2] if len(r) > 2 else "0.00"} for r in rows]


# (category slug, body without category_id). Longer cycles carry the usual discounts (about 5% quarterly,
# 10% semi-annual, 15% annual, 20% biennial).
PRODUCTS = [
    ("game-servers", {
        "name": "Minecraft Flex", "slug": "minecraft-flex", "sort_order": 1, "pricing_type": "per_gb_memory",
        "description": "Java or Bedrock edition; pick the memory your world needs, billed per GB.",
        "resources": _res(4096, 20480, 200, database_limit=1, backup_limit=2, allocation_limit=2),
        "pricing": _prices(("monthly", "2.50"), ("quarterly", "7.15"), ("semi_annual", "13.50"),
                           ("annual", "25.50"), ("biennial", "48.00")),
        "config_ranges": {"memory": {"min": 2048, "max": 16384, "step": 1024}}}),
    ("game-servers", {
        "name": "Minecraft Starter", "slug": "minecraft-starter", "sort_order": 2, "pricing_type": "fixed",
        "description": "2 GB for a small survival world with friends.",
        "resources": _res(2048, 10240, 100, backup_limit=1),
        "pricing": _prices(("monthly", "6.00"), ("quarterly", "17.10"), ("semi_annual", "32.40"),
                           ("annual", "61.20"), ("biennial", "115.20"))}),
    ("game-servers", {
        "name": "Valheim Dedicated", "slug": "valheim-dedicated", "sort_order": 3, "pricing_type": "fixed",
        "description": "A dedicated Valheim world for up to 10 Vikings, mods welcome.",
        "resources": _res(4096, 30720, 200, backup_limit=2),
        "pricing": _prices(("monthly", "12.00", "5.00"), ("quarterly", "34.20", "5.00"), ("annual", "122.40"))}),
    ("game-servers", {
        "name": "Rust Premium", "slug": "rust-premium", "sort_order": 4, "pricing_type": "fixed",
        "description": "High-clock hardware for a 200-player Rust server. Limited slots on this node.",
        "resources": _res(8192, 51200, 400, swap=1024, io_weight=800, backup_limit=3, allocation_limit=3),
        "pricing": _prices(("monthly", "24.00", "10.00"), ("quarterly", "68.40", "10.00"), ("annual", "244.80")),
        "stock": 4}),
    ("vps", {
        "name": "Cloud VPS S", "slug": "cloud-vps-s", "sort_order": 1, "pricing_type": "fixed",
        "description": "1 vCPU, 2 GB RAM and 40 GB NVMe: enough for a bot, a VPN or a small site.",
        "resources": _res(2048, 40960, 100, swap=512),
        "pricing": _prices(("monthly", "5.00"), ("quarterly", "14.25"), ("semi_annual", "27.00"),
                           ("annual", "51.00"), ("biennial", "96.00"))}),
    ("vps", {
        "name": "Cloud VPS M", "slug": "cloud-vps-m", "sort_order": 2, "pricing_type": "fixed",
        "description": "2 vCPU, 4 GB RAM and 80 GB NVMe for busier applications.",
        "resources": _res(4096, 81920, 200, swap=1024),
        "pricing": _prices(("monthly", "10.00", "2.00"), ("quarterly", "28.50"), ("semi_annual", "54.00"),
                           ("annual", "102.00"), ("biennial", "192.00"))}),
    ("vps", {
        "name": "Cloud VPS Custom", "slug": "cloud-vps-custom", "sort_order": 3, "pricing_type": "configurable",
        "description": "Choose memory, disk and cores; you pay for exactly what you pick.",
        "resources": _res(4096, 40960, 200, swap=1024),
        "pricing": _prices(("monthly", "2.00"), ("quarterly", "6.00"), ("semi_annual", "11.00"),
                           ("annual", "20.00")),
        "config_ranges": {"memory": {"min": 1024, "max": 32768, "step": 1024, "unit_price": "2.00"},
                          "disk": {"min": 20480, "max": 409600, "step": 10240, "unit_price": "0.05"},
                          "cpu": {"min": 100, "max": 800, "step": 100, "unit_price": "3.00"}}}),
    ("vps", {
        "name": "Storage VPS", "slug": "storage-vps", "sort_order": 4, "pricing_type": "per_gb_disk",
        "description": "Bulk storage for backups and media, billed per GB of disk.",
        "resources": _res(2048, 204800, 100),
        "pricing": _prices(("monthly", "0.03"), ("quarterly", "0.08"), ("annual", "0.30")),
        "config_ranges": {"disk": {"min": 102400, "max": 1024000, "step": 102400}}}),
    ("web-hosting", {
        "name": "Web Hosting Basic", "slug": "web-hosting-basic", "sort_order": 1, "pricing_type": "fixed",
        "description": "One website, 5 GB SSD, two databases.",
        "resources": _res(512, 5120, 50, database_limit=2, backup_limit=1),
        "pricing": _prices(("monthly", "3.00"), ("annual", "30.00"), ("biennial", "54.00"))}),
    ("web-hosting", {
        "name": "Web Hosting Pro", "slug": "web-hosting-pro", "sort_order": 2, "pricing_type": "fixed",
        "description": "Unlimited websites, 20 GB SSD, ten databases and daily backups.",
        "resources": _res(1024, 20480, 100, database_limit=10, backup_limit=3),
        "pricing": _prices(("monthly", "7.00"), ("semi_annual", "39.00"), ("annual", "72.00"),
                           ("biennial", "134.40"))}),
    ("services", {
        "name": "Server Migration", "slug": "server-migration", "sort_order": 1, "pricing_type": "fixed",
        "description": "We move your site or game world from another host, once.",
        "resources": _res(0, 0, 0, allocation_limit=0),
        "pricing": _prices(("one_time", "20.00"))}),
]

GAME_SERVERS = ("minecraft-flex", "minecraft-starter", "valheim-dedicated", "rust-premium")


def coupon_bodies(expired_at: datetime) -> list[dict]:
    """The demo coupons; LOYAL15's product ids are filled in from the slugs in `product_slugs`."""
    return [
        {"code": "WELCOME10", "type": "percent", "value": "10", "max_uses_per_user": 1},
        {"code": "FIXED5", "type": "fixed", "value": "5.00"},
        {"code": "LOYAL15", "type": "percent", "value": "15", "recurring": True, "product_slugs": GAME_SERVERS},
        {"code": "EXPIRED20", "type": "percent", "value": "20", "expires_at": iso(expired_at)},
        {"code": "USEDUP", "type": "percent", "value": "25", "max_uses": 1},
    ]


def create_catalogue(conn: sqlite3.Connection, now: datetime, places: int) -> dict[str, str]:
    """Categories, products and coupons; returns product ids by slug (coupons by code, too)."""
    stamp = iso(now)
    ids: dict[str, str] = {}
    for body in CATEGORIES:
        row = {"id": new_id(), **validate_category_body(conn, body), "created_at": stamp, "updated_at": stamp}
        insert_row(conn, "categories", row)
        ids[body["slug"]] = row["id"]
    for category, body in PRODUCTS:
        fields = validate_product_body(conn, {**body, "category_id": ids[category]}, places)
        row = {"id": new_id(), **fields, "created_at": stamp, "updated_at": stamp}
        insert_row(conn, "products", row)
        ids[body["slug"]] = row["id"]
    for body in coupon_bodies(now + timedelta(days=90)):
        slugs = body.pop("product_slugs", ())
        body["product_ids"] = [ids[s] for s in slugs]
        row = {"id": new_id(), **validate_coupon_body(conn, body, places), "created_at": stamp, "updated_at": stamp}
        insert_row(conn, "coupons", row)
        ids[body["code"]] = row["id"]
    return ids
