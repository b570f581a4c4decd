"""The .deb's Depends (packaging/linux/shared_libraries.py): read from what the bundle's ELF files name, so a
desktop without libxcb-cursor0 gets it with Sett instead of Qt's "could not load the Qt platform plugin xcb"."""
from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import PySide6
import pytest

ROOT = Path(__file__).resolve().parents[2]
QT = Path(PySide6.__file__).parent / "Qt"
XCB_PLUGIN = QT / "plugins" / "platforms" / "libqxcb.so"
XCB_QPA = QT / "lib" / "libQt6XcbQpa.so.6"


def load():
    spec = importlib.util.spec_from_file_location("shared_libraries", ROOT / "packaging/linux/shared_libraries.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


libs = load()
needs_linux_qt = pytest.mark.skipif(not XCB_PLUGIN.is_file(), reason="PySide6's Linux xcb plugin reads as ELF")


@needs_linux_qt
def test_the_xcb_plugin_is_read_for_what_it_links():
    names = libs.needed(XCB_PLUGIN)
    assert "libxcb-cursor.so.0" in names and "libQt6Gui.so.6" in names


def test_a_file_that_is_not_elf_names_nothing(tmp_path):
    (tmp_path / "notes.txt").write_text("hello", encoding="utf-8")
    assert libs.needed(tmp_path / "notes.txt") == []


@pytest.fixture
def stand_in(tmp_path) -> Path:
    """A bundle holding Qt's real xcb plugin, its Qt library, and a copy of libxcb-cursor (as a build machine that
    has it would bundle it)."""
    if not XCB_PLUGIN.is_file() or not XCB_QPA.is_file():
        pytest.skip("PySide6's Linux xcb plugin reads as ELF")
    bundle = tmp_path / "Sett"
    (bundle / "_internal" / "platforms").mkdir(parents=True)
    shutil.copy(XCB_PLUGIN, bundle / "_internal" / "platforms" / XCB_PLUGIN.name)
    shutil.copy(XCB_QPA, bundle / "_internal" / XCB_QPA.name)
    (bundle / "_internal" / "libxcb-cursor.so.0").write_bytes(b"\x7fELF" + b"\0" * 60)
    for name in {*libs.needed(XCB_PLUGIN), *libs.needed(XCB_QPA)}:      # Qt's own, which the wheel carries
        if name.startswith(("libQt6", "libicu")):
            (bundle / "_internal" / name).write_bytes(b"")
    return bundle


def test_the_xcb_plugins_libraries_are_depended_on_even_when_bundled(stand_in):
    packages = [package.strip() for package in libs.depends(stand_in).split(",")]
    assert packages[0] == "libc6"
    for package in ("libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxkbcommon-x11-0"):
        assert package in packages
    assert len(packages) == len(set(packages))


def test_a_library_the_table_does_not_know_stops_the_build_in_words(stand_in, monkeypatch):
    monkeypatch.delitem(libs.PACKAGES, "libxcb-cursor.so.0")
    with pytest.raises(libs.UnknownLibrary, match="libxcb-cursor.so.0.*PACKAGES"):
        libs.depends(stand_in)


def test_a_bundle_of_no_elf_files_depends_on_the_base_alone(tmp_path):
    (tmp_path / "Sett").write_text("#!/bin/sh\n", encoding="utf-8")
    assert libs.depends(tmp_path) == ", ".join(libs.BASE)
