"""Two processes on one cache (two Sett windows, or Sett and a script): reads never see a torn file, and the
screen's reads inside `snapshot()` see one sync, never half of the next."""
from __future__ import annotations

import subprocess
import sys
import textwrap
import time

from app.cache import AccountCache, CacheChanges

from . import samples
from .crash import ROOT

ROUNDS = 150

# The writer: open, write a whole sync's worth of rows, close (the last connection to close checkpoints the
# log into the main file and deletes it, unless another connection still holds its lock on the file).
WRITER = """
import sys
from app.cache import AccountCache, CacheChanges
from tests.unit.cache import samples
path, rounds = sys.argv[1], int(sys.argv[2])
for n in range(rounds):
    with AccountCache(path) as cache:
        rows = [samples.invoice(i, total=f"{n}.00") for i in range(300)]
        cache.apply(CacheChanges(upserts={"invoices": rows}, config={"round": n}))
print("ok")
"""


def test_a_reader_that_opens_the_cache_again_meanwhile_never_sees_a_malformed_file(cache_path):
    with AccountCache(cache_path) as cache:
        cache.apply(CacheChanges(upserts={"invoices": [samples.invoice(i) for i in range(300)]}))
    writer = subprocess.Popen([sys.executable, "-c", textwrap.dedent(WRITER), str(cache_path), str(ROUNDS)],
                              cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    reader = AccountCache(cache_path)
    try:
        reads = 0
        while writer.poll() is None or reads < 20:
            with reader.snapshot():
                first = reader.invoices()
                # Opening (and closing) the file again while `reader` holds its locks, as the UI does when it
                # opens an account's cache: the header check must not drop `reader`'s locks.
                AccountCache(cache_path).close()
                for _ in range(3):
                    time.sleep(0.005)   # keep the snapshot open while the writer commits and closes
                    second = reader.invoices()
                    assert first == second, "one snapshot saw two different syncs"
                round_seen = reader.config("round")
            assert len(first) == 300
            assert len({row["total"] for row in first}) == 1, f"half of a sync seen (round {round_seen})"
            reads += 1
        out, err = writer.communicate(timeout=120)
        assert writer.returncode == 0 and out.strip() == "ok", err
    finally:
        reader.close()
        if writer.poll() is None:
            writer.kill()
            writer.wait()


def test_a_snapshot_does_not_see_a_commit_made_during_it(cache_path):
    with AccountCache(cache_path) as reader, AccountCache(cache_path) as writer:
        writer.apply(CacheChanges(upserts={"categories": [samples.category(1)]}))
        with reader.snapshot():
            assert [r["id"] for r in reader.categories()] == ["cat-1"]
            writer.apply(CacheChanges(upserts={"categories": [samples.category(2)]}))
            assert [r["id"] for r in reader.categories()] == ["cat-1"]
            with reader.snapshot():   # nested: the same snapshot
                assert reader.config("x") is None and len(reader.categories()) == 1
        assert [r["id"] for r in reader.categories()] == ["cat-1", "cat-2"]
