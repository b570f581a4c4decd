"""Running a server as a child process and learning its URL from the line it prints when it listens.

The panel (`python -m panel serve --port 0`) and localstripe both announce "... listening on http://host:port";
the desktop app's demo mode, the tests and the panel's own localstripe support start them through this class.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path

LISTENING = re.compile(r"listening on (http://\S+)", re.IGNORECASE)


def python_command(args: Sequence[str]) -> list[str]:
    """The command line for `python <args>`. A frozen Sett has no `python -m`: its executable runs the panel
    itself when given `--run-panel` (see app/__main__.py), so `-m panel ...` becomes `--run-panel ...`."""
    args = list(args)
    if getattr(sys, "frozen", False):
        if args[:2] != ["-m", "panel"]:
            raise RuntimeError(f"the bundled app can only start the panel, not {' '.join(args)}")
        return [sys.executable, "--run-panel", *args[2:]]
    return [sys.executable, *args]


class ListeningProcess:
    def __init__(self, args: Sequence[str], *, name: str, cwd: str | Path | None = None,
                 lifeline: bool = False) -> None:
        """`lifeline`: give the child a standard input that only this process holds open, so a child started with
        `--lifeline` (`serve_args(lifeline=True)`) stops when this process ends, even if it never calls `stop()`."""
        self.args = python_command(args)
        self.lifeline = lifeline
        self.name = name
        self.cwd = cwd
        self.proc: subprocess.Popen | None = None
        self.url = ""
        self.output: list[str] = []
        self._pump: threading.Thread | None = None

    def start(self, timeout: float = 60) -> ListeningProcess:
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        self.proc = subprocess.Popen(self.args, cwd=self.cwd, env=env, stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT, text=True,
                                     stdin=subprocess.PIPE if self.lifeline else None)
        found = threading.Event()

        def pump() -> None:
            assert self.proc and self.proc.stdout
            for line in self.proc.stdout:
                self.output.append(line)
                match = LISTENING.search(line)
                if match and not found.is_set():
                    self.url = match.group(1)
                    found.set()

        self._pump = threading.Thread(target=pump, daemon=True, name=f"{self.name}-output")
        self._pump.start()
        deadline = time.monotonic() + timeout
        while not found.wait(0.1):
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"{self.name} did not start:\n" + "".join(self.output[-30:]))
        return self

    def stop(self) -> None:
        if self.proc is None:
            return
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        if self.proc.stdout:
            # Close the pipe only after the reader drained it, or Python warns about an unclosed file.
            if self._pump:
                self._pump.join(5)
            self.proc.stdout.close()
        if self.proc.stdin:
            self.proc.stdin.close()
        self.proc = None

    def __enter__(self) -> ListeningProcess:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def serve_args(db_path: str | Path, *, port: int = 0, test_clock: bool = False, rate_limit: int | None = None,
               jobs_interval: float | None = None, seed: str | None = None, localstripe: bool = False,
               paypal_sandbox: bool = False, lifeline: bool = False, temporary_folder: str | Path | None = None,
               extra: Sequence[str] = ()) -> list[str]:
    """The `python -m panel serve` arguments for a panel on 127.0.0.1 (`lifeline`: start it with a
    `ListeningProcess(lifeline=True)`)."""
    args = ["-m", "panel", "serve", "--host", "127.0.0.1", "--port", str(port), "--db", str(db_path)]
    if rate_limit is not None:
        args += ["--rate-limit", str(rate_limit)]
    if jobs_interval is not None:
        args += ["--jobs-interval", str(jobs_interval)]
    if test_clock:
        args.append("--test-clock")
    if seed:
        args += ["--seed", seed]
    if localstripe:
        args.append("--localstripe")
    if paypal_sandbox:
        args.append("--paypal-sandbox")
    if lifeline:
        args.append("--lifeline")
    if temporary_folder:
        args += ["--temporary-folder", str(temporary_folder)]
    return [*args, *extra]
