"""Restart now starts the same command line again; a throwaway demo hands its folder to the new process."""
from app.shell.restart import restart_command


def test_from_source_the_interpreter_s_options_and_the_arguments_are_kept():
    original = ["python3", "-X", "utf8", "-m", "app", "--theme", "dark"]
    assert restart_command("/venv/bin/python", original, None) == [
        "/venv/bin/python", "-X", "utf8", "-m", "app", "--theme", "dark"]


def test_the_bundle_starts_its_own_executable():
    assert restart_command("/opt/Sett/Sett", ["Sett", "--data-dir", "/d"], None) == ["/opt/Sett/Sett", "--data-dir",
                                                                                    "/d"]


def test_a_throwaway_demo_gives_its_folder_to_the_new_process():
    assert restart_command("/venv/bin/python", ["python", "-m", "app", "--demo"], "/tmp/sett-demo-client-x") == [
        "/venv/bin/python", "-m", "app", "--demo", "--data-dir", "/tmp/sett-demo-client-x"]
