"""Where tests put the screenshots they take: a temporary folder, or docs/ when asked to refresh them.

`SETT_UPDATE_SCREENSHOTS=1 make test` rewrites the pictures in docs/; a plain test run leaves the tree clean.
"""
from __future__ import annotations

import os
from pathlib import Path

DOCS = Path(__file__).resolve().parents[2] / "docs"


def screenshot_path(name: str, tmp_path: Path) -> Path:
    return (DOCS if os.environ.get("SETT_UPDATE_SCREENSHOTS") == "1" else tmp_path) / name
