"""Starting Sett again (Preferences ▸ Language ▸ Restart now): the same command line, once this Sett has quit.

The new process starts after this one has shut down and let go of the data folder's single-instance lock (else it
would hand its arguments to this one and exit). A throwaway demo (`--demo` without `--data-dir`) keeps its
temporary folder for the new process, which is given it with `--data-dir`: the language just chosen is saved
there, and the demo's accounts are replaced by the new demo panel's as at any demo start.
"""
from __future__ import annotations

import logging
import subprocess
import sys

log = logging.getLogger(__name__)


def restart_command(executable: str, original: list[str], kept_folder: str | None) -> list[str]:
    """The command that starts this Sett again. `original` is `sys.orig_argv`: the interpreter and its options
    (`-m app`, `-X ...`) from source, the bundle's executable when frozen; `kept_folder` is a throwaway demo's
    temporary folder, handed to the new process."""
    command = [executable, *original[1:]]
    if kept_folder is not None and "--data-dir" not in command:
        command += ["--data-dir", kept_folder]
    return command


def start_again(kept_folder: str | None) -> bool:
    """Start the new Sett, detached from this one; False (and logged) if it could not be started."""
    command = restart_command(sys.executable, list(sys.orig_argv), kept_folder)
    detached = ({"creationflags": subprocess.DETACHED_PROCESS | subprocess.CREATE_NEW_PROCESS_GROUP}
                if sys.platform == "win32" else {"start_new_session": True})
    try:
        subprocess.Popen(command, close_fds=True, stdin=subprocess.DEVNULL, **detached)
    except OSError as exc:
        log.error("could not start Sett again: %s", exc)
        return False
    log.info("starting Sett again for the new language")
    return True
