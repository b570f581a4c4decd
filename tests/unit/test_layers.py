"""Layer rules import-linter cannot state (it sees PySide6 as one package): QtWebEngine stays in one place."""
from __future__ import annotations

import ast
from pathlib import Path

APP = Path(__file__).resolve().parents[2] / "app"
# Qt needs QtWebEngine loaded before the QApplication exists, so the entry point imports it too.
ALLOWED = ("views/checkout/", "__main__.py")


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_only_the_checkout_views_and_the_entry_point_import_qtwebengine():
    offenders = [str(path.relative_to(APP)) for path in APP.rglob("*.py")
                 if not str(path.relative_to(APP)).startswith(ALLOWED)
                 and any("QtWebEngine" in name for name in _imports(path))]
    assert offenders == []
