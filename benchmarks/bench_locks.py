"""How long a big import and the export after it keep other clerks from writing.

``python -m benchmarks.bench_locks [--changes 200000]``

The district imports one office bundle of ``--changes`` changes (``bench_sync``'s bundle:
real payloads, signed and encrypted) and then exports a bundle back to the office, while a
second process, a clerk at the same database, registers a person every 0.2 s through the
services. Measured in the importing process: how long each write transaction held the lock
(SQLAlchemy ``begin``/``commit`` events on its engine); in the clerk's process: how long
each registration took, waiting included, and whether any failed.

Two runs in the same session, on copies of the same empty district database:

* **steps** — the import as it is: steps of ``IMPORT_STEP_SECONDS``, export from a snapshot;
* **one transaction** — the baseline: the same import with one step for the whole bundle
  (``IMPORT_STEP_SECONDS`` set to infinity), the way imports were before issue 9.

Reported: the longest lock hold, the clerk's longest wait and failures, and the import
time of steps / one transaction (what the pauses between steps cost).
"""

from __future__ import annotations

import argparse
import json
import math
import multiprocessing
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

from sqlalchemy import event

from benchmarks.bench_sync import make_world, write_big_bundle
from passapp.domain.dates import PartialDate
from passapp.models.database import open_database, to_url
from passapp.services import sync as sync_service
from passapp.services.context import ServiceContext
from passapp.services.people import PersonInput, register_person

RESULTS = Path(__file__).parent / "results"
CLERK_EVERY_SECONDS = 0.2
GOAL_HOLD_SECONDS = 3.0


def _child_import_and_export(
    database: str, bundle: str, out: str, one_transaction: bool, queue: Any
) -> None:
    if one_transaction:
        sync_service.IMPORT_STEP_SECONDS = math.inf
    ctx = ServiceContext(db=open_database(to_url(database)), passphrase=None, clerk="bench")
    holds: list[float] = []
    began: dict[int, float] = {}

    @event.listens_for(ctx.db.engine, "begin")
    def on_begin(connection: object) -> None:
        began[id(connection)] = time.perf_counter()

    @event.listens_for(ctx.db.engine, "commit")
    def on_commit(connection: object) -> None:
        holds.append(time.perf_counter() - began.pop(id(connection), time.perf_counter()))

    started = time.perf_counter()
    report = sync_service.import_bundle(ctx, Path(bundle))
    imported = time.perf_counter() - started
    import_holds = list(holds)
    holds.clear()
    started = time.perf_counter()
    sync_service.export_bundles(ctx, Path(out))  # a folder: one bundle per office
    exported = time.perf_counter() - started
    ctx.db.dispose()
    queue.put(
        {
            "import_seconds": imported,
            "export_seconds": exported,
            "import_steps": len(import_holds),
            "longest_import_hold": max(import_holds),
            "longest_export_hold": max(holds) if holds else 0.0,
            "applied": report.applied,
        }
    )


def _letters(number: int) -> str:
    """A name part for the n-th registration (names take no digits)."""
    text = ""
    while number:
        number, digit = divmod(number, 26)
        text += "abcdefghijklmnopqrstuvwxyz"[digit]
    return text


def _child_clerk(database: str, stop: Any, queue: Any) -> None:
    ctx = ServiceContext(db=open_database(to_url(database)), passphrase=None, clerk="schalter")
    waits: list[float] = []
    failures: list[str] = []
    number = 0
    while not stop.is_set():
        number += 1
        started = time.perf_counter()
        try:
            register_person(
                ctx,
                PersonInput(
                    family_names="Schalter" + _letters(number),
                    given_names="Kundin",
                    birth_date=PartialDate(1990, 5, 5),
                    moved_from_abroad=True,
                ),
            )
        except Exception as error:  # a failed registration is what is measured here
            failures.append(f"{type(error).__name__}: {error}"[:200])
        waits.append(time.perf_counter() - started)
        time.sleep(CLERK_EVERY_SECONDS)
    ctx.db.dispose()
    queue.put({"registrations": len(waits), "longest_wait": max(waits), "failures": failures})


def run(database: Path, bundle: Path, out: Path, one_transaction: bool) -> dict[str, Any]:
    context = multiprocessing.get_context("spawn")
    results, clerk_results = context.Queue(), context.Queue()
    stop = context.Event()
    clerk = context.Process(target=_child_clerk, args=(str(database), stop, clerk_results))
    clerk.start()
    time.sleep(2.0)  # the clerk is at work before the import starts
    importer = context.Process(
        target=_child_import_and_export,
        args=(str(database), str(bundle), str(out), one_transaction, results),
    )
    importer.start()
    result: dict[str, Any] = results.get()
    importer.join()
    stop.set()
    result.update(clerk_results.get())
    clerk.join()
    return result


def measure(changes: int, folder: Path, seed: int) -> dict[str, Any]:
    empty, templates, keys = make_world(folder)
    bundle = folder / "bundle.passapp"
    write_big_bundle(bundle, changes, templates, keys, seed)
    runs = {}
    for name, one_transaction in (("steps", False), ("one transaction", True)):
        database = folder / f"district-{name.replace(' ', '-')}.sqlite3"
        shutil.copyfile(empty, database)
        out = folder / f"back-{name.replace(' ', '-')}"
        out.mkdir()
        runs[name] = run(database, bundle, out, one_transaction)
        print(f"{name}: {json.dumps(runs[name])}", flush=True)
    return {"changes": -(-changes // 7) * 7, "runs": runs}


def render(result: dict[str, Any]) -> str:
    lines = [
        f"District import of {result['changes']:,} changes, then an export to the office, "
        f"while a clerk registers a person every {CLERK_EVERY_SECONDS} s:",
        "",
        "| import | steps | longest hold (import) | longest hold (export) | import | export "
        "| clerk: registrations | longest wait | failed |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for name, r in result["runs"].items():
        lines.append(
            f"| {name} | {r['import_steps']} | {r['longest_import_hold']:.2f} s "
            f"| {r['longest_export_hold']:.2f} s | {r['import_seconds']:.1f} s "
            f"| {r['export_seconds']:.1f} s | {r['registrations']} | {r['longest_wait']:.2f} s "
            f"| {len(r['failures'])} |"
        )
    steps, single = result["runs"]["steps"], result["runs"]["one transaction"]
    lines += [
        "",
        f"Import time, steps / one transaction: "
        f"{steps['import_seconds'] / single['import_seconds']:.2f}×. "
        f"Goal: no write holds the lock longer than {GOAL_HOLD_SECONDS:.0f} s.",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=200_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="bench-locks-"))
    try:
        result = measure(args.changes, folder, args.seed)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    text = render(result)
    print(text)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "locks.md").write_text(text + "\n", encoding="utf-8")
    (RESULTS / "locks.json").write_text(json.dumps(result, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
