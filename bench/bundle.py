"""The installed app against the source: the bundle's size, and how long `--smoke-test` takes from the frozen
executable (dist/Sett/Sett) and from `python -m app`, the median of 3 runs each, interleaved in the same run, with the
ratio frozen / source. Run after `make dist`:

    .venv/bin/python bench/bundle.py

Prints a table and merges it into bench/results.json under "bundle" (other benchmarks own the other keys).
"""
from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUNDLE = ROOT / "dist" / "Sett"
EXECUTABLE = BUNDLE / ("Sett.exe" if sys.platform == "win32" else "Sett")
RESULTS = ROOT / "bench" / "results.json"
RUNS = 3
CASES = {"smoke test": ["--smoke-test"], "demo smoke test": ["--demo", "--smoke-test"]}


def bundle_size() -> tuple[float, int]:
    """(MB of 10^6 bytes, number of files); symbolic links count once, as links."""
    total, count = 0, 0
    for path in BUNDLE.rglob("*"):
        if path.is_file() or path.is_symlink():
            total += path.lstat().st_size
            count += 1
    return total / 1e6, count


def timed(command: list[str]) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    with tempfile.TemporaryDirectory(prefix="sett-bench-") as data:
        args = command if "--demo" in command else [*command, "--data-dir", data]
        start = time.perf_counter()
        result = subprocess.run(args, cwd=data, env=env, capture_output=True, text=True, timeout=300)
        elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{result.stderr[-2000:]}")
    return elapsed


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def measure() -> dict:
    if not EXECUTABLE.exists():
        raise SystemExit(f"no bundle at {BUNDLE}: run `make dist` first")
    size_mb, files = bundle_size()
    times: dict[str, dict[str, list[float]]] = {case: {"frozen": [], "source": []} for case in CASES}
    for _ in range(RUNS):
        for case, args in CASES.items():
            times[case]["frozen"].append(timed([str(EXECUTABLE), *args]))
            times[case]["source"].append(timed([sys.executable, "-m", "app", *args]))
    starts = {}
    for case, runs in times.items():
        frozen, source = statistics.median(runs["frozen"]), statistics.median(runs["source"])
        starts[case] = {"frozen_s": round(frozen, 3), "source_s": round(source, 3),
                        "ratio": round(frozen / source, 2), "runs": {k: [round(t, 3) for t in v]
                                                                     for k, v in runs.items()}}
    return {"size_mb": round(size_mb, 1), "files": files, "start": starts,
            "machine": {"nproc": os.cpu_count(), "cpu": cpu_model(), "platform": platform.platform(),
                        "python": platform.python_version()},
            "measured_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}


def save(result: dict) -> None:
    """Merge under "bundle", re-reading the file just before writing so other benchmarks' keys survive."""
    try:
        existing = json.loads(RESULTS.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        existing = {}
    existing["bundle"] = result
    partial = RESULTS.with_suffix(f".{os.getpid()}.tmp")
    partial.write_text(json.dumps(existing, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    os.replace(partial, RESULTS)


def table(result: dict) -> str:
    machine = result["machine"]
    lines = [f"Machine: {machine['nproc']} cores, {machine['cpu']}, {machine['platform']}, Python {machine['python']}",
             "", f"Bundle dist/Sett/: {result['size_mb']} MB in {result['files']} files", "",
             f"| start to exit (median of {RUNS}) | frozen dist/Sett/Sett | source python -m app | frozen / source |",
             "|---|---|---|---|"]
    for case, row in result["start"].items():
        lines.append(f"| `{' '.join(CASES[case])}` | {row['frozen_s']:.2f} s | {row['source_s']:.2f} s "
                     f"| {row['ratio']:.2f} |")
    return "\n".join(lines)


def main() -> int:
    result = measure()
    save(result)
    print(table(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
