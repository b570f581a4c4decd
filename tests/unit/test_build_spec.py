"""build.spec registers the sett:// scheme in Sett.app's Info.plist (read here without PyInstaller)."""
from __future__ import annotations

import ast
from pathlib import Path

SPEC = Path(__file__).resolve().parents[2] / "build.spec"


def assigned(name: str):
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in node.targets):
            return ast.literal_eval(node.value)
    raise AssertionError(f"build.spec assigns no {name}")


def test_the_mac_bundle_claims_the_sett_scheme():
    (url_type,) = assigned("MACOS_URL_TYPES")
    assert url_type["CFBundleURLSchemes"] == ["sett"] and url_type["CFBundleTypeRole"] == "Viewer"
    assert '"CFBundleURLTypes": MACOS_URL_TYPES' in SPEC.read_text(encoding="utf-8")
