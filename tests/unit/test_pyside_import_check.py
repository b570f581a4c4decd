"""PySide6's import hook gets the same answer from a file's bytes, without filling linecache."""
import importlib
import linecache
import sys

import pytest

pytest.importorskip("PySide6.QtCore")

from app.shell import pyside_import_check  # noqa: E402


def feature():
    return sys.modules["shibokensupport.feature"]


def test_the_check_is_replaced_once_and_answers_as_pysides_own(tmp_path, monkeypatch):
    import PySide6.QtCore  # noqa: F401  (loads the hook)

    assert pyside_import_check.install()
    replaced = feature()._mod_uses_pyside
    assert pyside_import_check.install() and feature()._mod_uses_pyside is replaced
    original = replaced.__closure__[0].cell_contents if replaced.__closure__ else None
    assert callable(original) and original is not replaced

    (tmp_path / "sett_probe_uses.py").write_text("from PySide6.QtCore import QObject\n")
    (tmp_path / "sett_probe_plain.py").write_text("VALUE = 1\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    probes = [importlib.import_module(name) for name in ("sett_probe_uses", "sett_probe_plain")]
    others = [sys, linecache, importlib, pyside_import_check, PySide6.QtCore, pytest]
    for module in probes + others:
        assert replaced(module) == original(module), module
    assert [replaced(module) for module in probes] == [True, False]


def test_an_import_after_install_leaves_no_source_lines_behind(tmp_path, monkeypatch):
    import PySide6.QtCore  # noqa: F401

    pyside_import_check.install()
    probe = tmp_path / "sett_probe_lines.py"
    probe.write_text("# PySide6 is named here\nVALUE = 2\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    module = __import__("sett_probe_lines")   # through builtins.__import__, where PySide6's hook sits
    assert module.VALUE == 2
    assert str(probe) not in linecache.cache
    assert feature().pyside_feature_dict.get("sett_probe_lines") == 0   # seen as a PySide6 user, as before
