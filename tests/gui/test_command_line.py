"""The command line users see: prog "sett", no developer flags in --help, which still work."""
from __future__ import annotations

import pytest

from app.__main__ import parse_args


def test_help_shows_sett_and_hides_the_developer_flags(capsys):
    with pytest.raises(SystemExit) as exit_:
        parse_args(["--help"])
    assert exit_.value.code == 0
    text = capsys.readouterr().out
    assert text.startswith("usage: sett ")
    assert "--data-dir" in text and "sett://invoice/<id>" in text
    for hidden in ("--smoke-test", "--screenshot", "--timeout", "--window-size", "--view"):
        assert hidden not in text
    args = parse_args(["--smoke-test", "--screenshot", "x.png", "--timeout", "5", "--window-size", "1000x650",
                       "--view", "invoices", "sett://invoice/3"])
    assert args.smoke_test and args.screenshot == "x.png" and args.timeout == 5.0
    assert args.window_size == (1000, 650) and args.view == "invoices" and args.links == ["sett://invoice/3"]


@pytest.mark.parametrize("inside", ["", "sub"])
def test_a_data_folder_that_is_a_file_is_refused_in_one_line(tmp_path, capsys, inside):
    """`--data-dir` naming a file (or a folder under one) is said before anything is written, not a traceback
    from the log file's folder."""
    from app import paths
    from app.__main__ import main

    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    try:
        assert main(["--data-dir", str(blocker / inside if inside else blocker), "--smoke-test"]) == 2
    finally:
        paths.use_data_dir(None)
    err = capsys.readouterr().err
    assert err.startswith("sett: cannot use the data folder: ") and "is a file, not a folder" in err
    assert blocker.read_text() == "not a folder"
