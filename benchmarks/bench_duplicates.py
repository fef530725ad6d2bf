"""Possible duplicates at the district (issue 11, item 5) on a generated register.

``python -m benchmarks.bench_duplicates [--persons 100000] [--db FILE] [--runs 3]``

Generates the register (``benchmarks.generate``) unless ``--db`` names one, then times:

* **service** — ``services.duplicates.possible_duplicates``: the candidate pairs blocked on
  the name keys in SQL, the domain rule on each, the details of the best 200;
* **baseline** — the same candidate query alone, compiled once and run on the driver's
  cursor with every row fetched: what the database has to do anyway.

Reported (JSON on stdout): the median seconds of each, their ratio, and the counts
(candidates with fitting birth dates, pairs listed).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.generate import generate
from passapp.models.database import open_database, to_url
from passapp.services import duplicates
from passapp.services.context import ServiceContext


def _median_seconds(work: Any, runs: int) -> tuple[float, Any]:
    times, result = [], None
    for _run in range(runs):
        start = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def measure(path: Path, runs: int) -> dict[str, Any]:
    ctx = ServiceContext(db=open_database(to_url(str(path))), passphrase=None, clerk="bench")
    try:
        with ctx.db.engine.connect() as connection:
            compiled = duplicates._candidates().compile(dialect=connection.dialect)
            cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
            order = compiled.positiontup or ()
            parameters = tuple(compiled.params[name] for name in order)

            def baseline() -> int:
                cursor.execute(compiled.string, parameters)
                return len(cursor.fetchall())

            base_seconds, candidates = _median_seconds(baseline, runs)
        service_seconds, found = _median_seconds(lambda: duplicates.possible_duplicates(ctx), runs)
    finally:
        ctx.db.dispose()
    return {
        "database": str(path),
        "runs": runs,
        "baseline_seconds": round(base_seconds, 3),
        "service_seconds": round(service_seconds, 3),
        "ratio": round(service_seconds / base_seconds, 2),
        "candidates_with_fitting_birth_dates": candidates,
        "pairs_listed": found.total,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_duplicates")
    parser.add_argument("--persons", type=int, default=100_000)
    parser.add_argument("--db", type=Path, help="a generated register (else one is made)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    options = parser.parse_args(argv)
    path = options.db
    if path is None:
        path = Path(tempfile.mkdtemp(prefix="passapp-dup-")) / "register.sqlite3"
        print(f"generating {options.persons:,} persons into {path}", file=sys.stderr)
        generate(path, options.persons, seed=options.seed)
    print(json.dumps(measure(path, options.runs), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
