"""Starting the real panel on loopback for a benchmark: `python -m panel serve` on 127.0.0.1, a free port, the
database the benchmark built, a rate limit no benchmark reaches and no lifecycle jobs (they would change rows
under a sync)."""
from __future__ import annotations

from pathlib import Path

from panel.launcher import ListeningProcess, serve_args

ROOT = Path(__file__).resolve().parents[1]
RATE_LIMIT = 100_000_000


def start_panel(db_path: Path) -> ListeningProcess:
    return ListeningProcess(serve_args(db_path, rate_limit=RATE_LIMIT, jobs_interval=0), name="panel",
                            cwd=ROOT).start()
