"""The README and docs/client-architecture.md against the tree they describe, without Qt (source text only):

- every path they name under app/, panel/, tests/, i18n/, bench/, packaging/ or docs/ exists, and so does every
  module they name by its file name alone (`column_fit.py`);
- every `make <target>` they name is a target of the Makefile;
- every key in the README's shortcut table is one the app defines, and every key of the window and its menus is in
  that table (so a user reading the README finds each shortcut, and finds none the app does not answer);
- the keys Help, Keyboard shortcuts lists besides the menus' own are in the README's table.
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCS = ("README.md", "docs/client-architecture.md")
TOP_FOLDERS = ("app", "panel", "tests", "i18n", "bench", "packaging", "docs")
# A path: one of the folders above, not itself the tail of a longer path (`tests/panel/x.py` is not `panel/x.py`).
PATH = re.compile(r"(?<![\w./-])(?:" + "|".join(TOP_FOLDERS) + r")/[\w./*<>-]*[\w*>]")
MODULE = re.compile(r"(?<![\w./-])([a-z_][a-z0-9_]*\.py)\b")

# What Qt's QKeySequence.StandardKey values are on Linux and Windows (the README names these).
STANDARD_KEYS = {"Copy": "Ctrl+C", "Undo": "Ctrl+Z", "Print": "Ctrl+P", "Find": "Ctrl+F", "Back": "Alt+Left"}
QT_KEYS = {"Key_Escape": "Escape", "Key_Return": "Enter", "Key_Enter": "Enter", "Key_Down": "Down",
           "Key_Up": "Up", "Key_Delete": "Delete", "Key_Space": "Space"}
# A key string in the source: F1..F12 alone, or a modifier with a letter, digit, page key, arrow, "," or "/".
MODIFIERS = r"(?:Ctrl|Alt|Shift)\+"
KEY_PATTERN = re.compile(rf"^(?:{MODIFIERS})*F\d{{1,2}}$|^(?:{MODIFIERS})+(?:[A-Z0-9,/]|PgUp|PgDown|Left|Right)$")


def text(name: str) -> str:
    return (ROOT / name).read_text(encoding="utf-8")


def source(*folders: str) -> str:
    return "\n".join(path.read_text(encoding="utf-8") for folder in folders
                     for path in sorted((ROOT / folder).rglob("*.py")))


# -- paths and modules -------------------------------------------------------------------------------------------
def named_paths(doc: str) -> set[str]:
    return {match.rstrip(".") for match in PATH.findall(text(doc))}


@pytest.mark.parametrize("doc", DOCS)
def test_every_path_named_exists(doc: str) -> None:
    missing = []
    assert len(named_paths(doc)) > 5, f"{doc}: hardly any path found; did the pattern break?"
    for path in sorted(named_paths(doc)):
        if "<" in path:                     # a template: i18n/pending/<branch>_de.ts -> its folder must exist
            path = path[:path.index("<")].rsplit("/", 1)[0]
        if "*" in path:                     # a glob may match nothing today (no pending translations): its folder
            path = path[:path.index("*")].rsplit("/", 1)[0]
        if not (ROOT / path).exists():
            missing.append(path)
    assert not missing, f"{doc} names paths that do not exist: {missing}"


@pytest.mark.parametrize("doc", DOCS)
def test_every_module_named_exists_somewhere(doc: str) -> None:
    """A bare `name.py` (docs/client-architecture.md names many inside a folder's paragraph) is a file of the tree."""
    files = {path.name for folder in TOP_FOLDERS for path in (ROOT / folder).rglob("*.py")}
    files |= {path.name for path in ROOT.glob("*.py")}
    named = {name for name in MODULE.findall(text(doc))}
    missing = sorted(named - files)
    assert not missing, f"{doc} names modules no file of the tree is: {missing}"


# -- make targets --------------------------------------------------------------------------------------------------
def make_targets() -> set[str]:
    return set(re.findall(r"^([a-z][\w-]*):", text("Makefile"), flags=re.MULTILINE))


@pytest.mark.parametrize("doc", DOCS)
def test_every_make_target_named_exists(doc: str) -> None:
    body = text(doc)
    named = set(re.findall(r"`make ([a-z][\w-]*)", body)) | set(re.findall(r"^make ([a-z][\w-]*)", body, re.M))
    if doc == "README.md":
        assert named, "no make target found in the README; did the pattern break?"
    missing = sorted(named - make_targets())
    assert not missing, f"{doc} names make targets the Makefile does not have: {missing}"


def test_readme_names_the_commands_users_run() -> None:
    body = text("README.md")
    for target in ("run", "test", "dist", "deb", "test-dist", "panel"):
        assert f"make {target}" in body, target


# -- keyboard shortcuts ------------------------------------------------------------------------------------------
def readme_shortcut_rows() -> list[tuple[str, str]]:
    lines = text("README.md").splitlines()
    start = lines.index("| Keys | What they do |")
    rows = []
    for line in lines[start + 2:]:
        if not line.startswith("|"):
            break
        keys, does = (cell.strip() for cell in line.strip("|").split("|", 1))
        rows.append((keys, does.strip(" |")))
    return rows


def split_keys(cell: str) -> set[str]:
    """"Ctrl+R or F5" -> {Ctrl+R, F5}; "Ctrl+1 … Ctrl+8" -> Ctrl+1..8; "Down, Enter in a search" -> {Down, Enter};
    "Menu key or Shift+F10" -> {Menu, Shift+F10}."""
    span = re.fullmatch(r"Ctrl\+(\d) … Ctrl\+(\d)", cell)
    if span:
        return {f"Ctrl+{n}" for n in range(int(span[1]), int(span[2]) + 1)}
    keys = set()
    for part in re.split(r"\s+or\s+|\s+/\s+|,\s+", cell):
        keys.add(part.split(" ")[0])
    return keys


def readme_keys() -> set[str]:
    return set().union(*(split_keys(keys) for keys, _ in readme_shortcut_rows()))


def window_keys() -> set[str]:
    """The keys of the main window's actions and the menu bar's (app/views/main_window.py, menus.py)."""
    code = text("app/views/main_window.py") + text("app/views/menus.py")
    keys = {key for key in re.findall(r'"([^"\s]+)"', code) if KEY_PATTERN.match(key)}
    if re.search(r'for number in range\(1, 10\):[^\n]*\n\s*add\(f"Section \{number\}", \[f"Ctrl\+\{number\}"\]', code):
        keys |= {f"Ctrl+{n}" for n in range(1, 10)}
    keys |= {STANDARD_KEYS[name] for name in re.findall(r"StandardKey\.(\w+)", text("app/views/menus.py"))}
    return keys


def app_keys() -> set[str]:
    """Every key the app answers, read from its source: literal key strings, standard keys, Qt key codes, and what
    Qt itself does for the widgets the app uses (Tab through the focus chain, the Menu key's context menu)."""
    code = source("app/views", "app/shell")
    keys = {key for key in re.findall(r'"([^"\s]+)"', code) if KEY_PATTERN.match(key)}
    keys |= window_keys()
    keys |= {STANDARD_KEYS[name] for name in re.findall(r"StandardKey\.(\w+)", code) if name in STANDARD_KEYS}
    keys |= {QT_KEYS[name] for name in re.findall(r"Qt\.Key\.(Key_\w+)", code) if name in QT_KEYS}
    if "QKeyCombination(Qt.KeyboardModifier.ControlModifier, key)" in code:
        keys.add("Ctrl+Enter")
    if "QContextMenuEvent.Reason.Keyboard" in code:      # the Menu key and Shift+F10 both send it
        keys |= {"Menu", "Shift+F10"}
    if "setTabOrder" in code:
        keys |= {"Tab", "Shift+Tab"}
    return keys


def test_readme_shortcut_table_is_found() -> None:
    rows = readme_shortcut_rows()
    assert len(rows) >= 15
    assert {"Ctrl+K", "Ctrl+R", "F5", "Ctrl+1", "Ctrl+8"} <= readme_keys()


def test_every_key_in_the_readme_is_one_the_app_defines() -> None:
    unknown = sorted(readme_keys() - app_keys())
    assert not unknown, f"the README lists keys the app does not define: {unknown}"


def test_every_key_of_the_window_and_its_menus_is_in_the_readme() -> None:
    # Ctrl+9 is kept for a ninth screen and hidden while there are eight (MenuBar.show_screens).
    unlisted = sorted(window_keys() - readme_keys() - {"Ctrl+9"})
    assert not unlisted, f"the app has shortcuts the README's table does not list: {unlisted}"


def dialog_other_keys() -> list[str]:
    """The keys column of shortcuts_dialog.OTHER_KEYS, read from the source (no Qt)."""
    tree = ast.parse(text("app/views/shortcuts_dialog.py"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "OTHER_KEYS" for t in node.targets):
            return [row.elts[0].args[1].value for row in node.value.elts]
    raise AssertionError("OTHER_KEYS not found in app/views/shortcuts_dialog.py")


def test_the_shortcuts_dialogs_own_keys_are_in_the_readme() -> None:
    listed = readme_keys()
    missing = sorted(key for cell in dialog_other_keys() for key in split_keys(cell) if key not in listed)
    assert not missing, f"Help, Keyboard shortcuts lists keys the README does not: {missing}"


def test_the_shortcuts_dialog_lists_search() -> None:
    keys = set().union(*(split_keys(cell) for cell in dialog_other_keys())) | window_keys()
    assert "Ctrl+F" in keys
