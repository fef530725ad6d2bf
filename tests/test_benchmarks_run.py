"""Every benchmark still runs, at a tiny size: they are not part of the test run, and two
of them had broken unnoticed when the code they time moved (a module constant that became
a cached function, a class imported on first use). The figures themselves are the
benchmarks' business, not these tests'."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

TINY = {
    "bench_duplicates": ["--persons", "300", "--runs", "1"],
    "bench_issue": ["--batch", "3", "--single", "2"],
    "bench_locks": ["--changes", "300"],
    "bench_cipher": ["--rounds", "2", "--size", "300", "--queries", "3", "--opens", "1"],
    "bench_sync": ["--sizes", "300"],
    "bench_find": ["--sizes", "300", "--queries", "3", "--warmup", "1", "--cache-dir", "{tmp}"],
    "bench_demand": ["--sizes", "10k", "--rounds", "1", "--cache-dir", "{tmp}"],
    "bench_start": ["--rounds", "1"],
}


def test_every_benchmark_is_listed_here() -> None:
    found = {path.stem for path in (ROOT / "benchmarks").glob("bench_*.py")}
    assert found == set(TINY)


@pytest.mark.parametrize("name", sorted(TINY))
def test_the_benchmark_runs_at_a_tiny_size(name: str, tmp_path: Path) -> None:
    arguments = [argument.format(tmp=tmp_path) for argument in TINY[name]]
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TMPDIR": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", f"benchmarks.{name}", *arguments],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
