"""Layer rules import-linter cannot state (it sees PySide6 as one package): QtWebEngine stays in one place, and
the start-up path imports nothing that only talking to a panel needs."""
from __future__ import annotations

import ast
import subprocess
import sys
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


def runs_clean(code: str) -> None:
    """`code` in a fresh interpreter (what a start imports, nothing else loaded yet) exits 0; else its output."""
    done = subprocess.run([sys.executable, "-c", code], cwd=APP.parent, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr


def test_only_the_checkout_views_and_the_entry_point_import_qtwebengine():
    offenders = [str(path.relative_to(APP)) for path in APP.rglob("*.py")
                 if not str(path.relative_to(APP)).startswith(ALLOWED)
                 and any("QtWebEngine" in name for name in _imports(path))]
    assert offenders == []


def _project_imports(package: str) -> dict[str, set[str]]:
    """Each module of app/<package> with the modules of the project it imports, relative imports made absolute."""
    found: dict[str, set[str]] = {}
    for path in (APP / package).rglob("*.py"):
        parts = ["app", *path.relative_to(APP).with_suffix("").parts]
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = parts[:len(parts) - node.level] if node.level else []
                names.add(".".join([*base, node.module] if node.module else base))
        found[str(path.relative_to(APP))] = {n for n in names if n == "app" or n.startswith("app.")}
    return found


def test_core_imports_nothing_of_the_project_but_core():
    # import-linter's contract lists forbidden layers; this states the rule itself, so a new layer is covered too.
    offenders = {module: sorted(n for n in names if not n.startswith("app.core"))
                 for module, names in _project_imports("core").items()}
    assert {m: n for m, n in offenders.items() if n} == {}


def test_models_never_import_the_views():
    offenders = {module: sorted(n for n in names if n.startswith("app.views"))
                 for module, names in _project_imports("models").items()}
    assert {m: n for m, n in offenders.items() if n} == {}


def test_starting_the_app_imports_neither_requests_nor_keyring():
    # Both load on the worker that first talks to a panel or reads a secret (app/api/transport.py, app/secrets.py):
    # the UI thread's start-up, which imports everything below, would spend ~115 ms on them before the first paint.
    code = ("import sys, app.application, app.api, app.session.logins; "
            "from app.secrets import SecretStore; "
            "store = SecretStore.memory_only(); store.save('a', app.api.Credentials.from_api_key('k')); "
            "assert store.load('a').api_key == 'k' and store.note.startswith('No system keyring'); "
            "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('requests', 'urllib3', 'keyring')); "
            "print(loaded); sys.exit(1 if loaded else 0)")
    runs_clean(code)


def test_starting_the_app_does_not_load_qtwebengine():
    # Chromium's bindings load with the first checkout (app.features.checkout), never for the window's first paint.
    code = ("import sys, app.__main__, app.application; "
            "loaded = sorted(m for m in sys.modules if 'QtWebEngine' in m); print(loaded); "
            "sys.exit(1 if loaded else 0)")
    runs_clean(code)


def test_starting_the_app_leaves_the_client_the_sync_and_the_cache_store_to_the_workers():
    # app.api and app.cache hand out their names lazily (PEP 562): the session layer names errors at start-up, and
    # the client, the sync engine and the cache's store load on the worker that first needs them.
    code = ("import sys, app.__main__, app.application; "
            "heavy = ('app.api.client', 'app.api.transport', 'app.sync.engine', 'app.cache.store', 'sqlite_utils'); "
            "loaded = sorted(m for m in heavy if m in sys.modules); print(loaded); sys.exit(1 if loaded else 0)")
    runs_clean(code)


def test_a_start_loads_the_dashboard_but_neither_the_other_screens_nor_qtcharts():
    # The window is made from sections.SCREENS; a screen's module loads when it is first shown, and the dashboard's
    # chart (QtCharts) after its figures are painted.
    code = ("import sys, app.__main__, app.application, app.views.dashboard; "
            "others = ['app.views.' + k for k in ('store', 'cart', 'services', 'invoices', 'credits', 'orders', "
            "'support')] + ['PySide6.QtCharts', 'app.views.spending_chart']; "
            "loaded = sorted(m for m in others if m in sys.modules); print(loaded); sys.exit(1 if loaded else 0)")
    runs_clean(code)
