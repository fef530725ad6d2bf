"""What SQLCipher costs: the same work on an encrypted and on a plain database.

``python -m benchmarks.bench_cipher [--rounds 40] [--size 10000] [--queries 200]``

1. **Counter round trip**: register a person, issue the pass (PDF written to a file), log an
   entry, find the person by name: four service calls, each its own transaction, on an
   enrolled office database; plain and encrypted (raw 256-bit key, as ``passapp database
   encrypt`` makes) side by side, interleaved round by round, alternating which goes first.
2. **Search**: the search benchmark's queries (``bench_find``: exact, typo, translit,
   prefix, original, pass) through ``services.search.find`` on its generated register of
   ``--size`` persons, and on an encrypted copy of that file (``cipher.encrypt_file``),
   interleaved query by query after a warm-up, warm OS page cache.
3. **Opening**: ``open_database`` and a first query: plain, raw key, passphrase (SQLCipher
   stretches a passphrase with PBKDF2-HMAC-SHA512, 256,000 rounds, per new connection).
4. **Sync export** of the round trips' changes, once per database.

Reported: medians (ms or µs) and the ratio encrypted / plain; the baseline is the plain
database in the same run, on the same machine and files. JSON in ``benchmarks/results``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.bench_find import CLASSES, DEFAULT_CACHE, build_queries, ensure_database
from passapp.domain.dates import PartialDate
from passapp.domain.entries import EntryKind
from passapp.models import cipher
from passapp.models.cipher import DatabaseKey
from passapp.models.database import open_database, to_url
from passapp.services.context import ServiceContext
from passapp.services.entries import EntryInput, add_entry
from passapp.services.offices import init_office
from passapp.services.passes import issue_pass
from passapp.services.people import PersonInput, register_person
from passapp.services.search import find
from passapp.services.sync import export_bundles
from passapp.services.trust import enrol_office, init_district, install_file, write_request

RESULTS = Path(__file__).parent / "results"
RAW_KEY = DatabaseKey("3c" * 32, "benchmark raw key")
PASSPHRASE = DatabaseKey("Schalter drei, Rathaus Dachau", "benchmark passphrase")
FAMILIES = ("Al-Hassan", "Melnyk", "Yılmaz", "Oyelaran", "Nguyễn", "Kowalska", "Tesfaye")
GIVEN = ("Amina", "Olena", "Mehmet", "Chinedu", "Lan", "Zofia", "Yonas")


def context(path: Path, key: DatabaseKey | None) -> ServiceContext:
    return ServiceContext(
        db=open_database(to_url(str(path)), key=key), clerk="benchmark", passphrase=None
    )


def enrolled_office(folder: Path, key: DatabaseKey | None, district: ServiceContext) -> Any:
    ctx = context(folder / "office.sqlite3", key)
    init_office(ctx, code="EWDAH", name="Einwohnermeldeamt Dachau", kind="einwohnermeldeamt")
    write_request(ctx, folder / "request.json")
    enrol_office(district, folder / "request.json", folder / "package.json")
    install_file(ctx, folder / "package.json")
    return ctx


def round_trip(ctx: ServiceContext, number: int, folder: Path) -> float:
    started = time.perf_counter()
    data = PersonInput(
        family_names=FAMILIES[number % len(FAMILIES)],
        given_names=GIVEN[number % len(GIVEN)],
        birth_date=PartialDate.parse(f"{1960 + number % 40}-0{1 + number % 9}-1{number % 10}"),
        arrival_date=PartialDate.parse("2023-04-01"),
        moved_from_abroad=True,
    )
    person = register_person(ctx, data).person
    issued = issue_pass(ctx, person.id, out_pdf=folder / f"pass-{number}.pdf")
    add_entry(
        ctx,
        issued.pass_number,
        EntryInput(kind=EntryKind.BERATUNG, start_date=dt.date(2026, 11, 20)),
    )
    find(ctx, f"{data.family_names} {data.given_names}")
    return time.perf_counter() - started


def measure_round_trips(rounds: int, say: Callable[[str], None]) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="bench-cipher-") as temporary:
        root = Path(temporary)
        sides: dict[str, ServiceContext] = {}
        for label, key in (("plain", None), ("encrypted", RAW_KEY)):
            (root / label).mkdir()
            # Each office its own district (the same office code twice at one district
            # would be refused); the district's own work is not measured.
            own = context(root / label / "district.sqlite3", None)
            init_district(own, name="Landkreis Dachau", code="LRADAH")
            sides[label] = enrolled_office(root / label, key, own)
            own.db.dispose()
        times: dict[str, list[float]] = {label: [] for label in sides}
        for number in range(rounds + 3):
            order = list(sides) if number % 2 == 0 else list(reversed(sides))
            for label in order:
                seconds = round_trip(sides[label], number, root / label)
                if number >= 3:  # the first rounds warm caches and the fonts
                    times[label].append(seconds)
        exports: dict[str, float] = {}
        for label, ctx in sides.items():
            started = time.perf_counter()
            export_bundles(ctx, root / label / "out")
            exports[label] = time.perf_counter() - started
            ctx.db.dispose()
        say(f"round trips: {rounds} per side")
    medians = {label: statistics.median(values) * 1000 for label, values in times.items()}
    return {
        "rounds": rounds,
        "median_ms": medians,
        "ratio": medians["encrypted"] / medians["plain"],
        "export_ms": {label: seconds * 1000 for label, seconds in exports.items()},
        "export_ratio": exports["encrypted"] / exports["plain"],
    }


def measure_search(size: int, per_class: int, seed: int, say: Callable[[str], None]) -> Any:
    warmup = 20
    path, _meta = ensure_database(size, seed, DEFAULT_CACHE, None, say)
    queries, _counts = build_queries(path, per_class + warmup, seed)
    with tempfile.TemporaryDirectory(prefix="bench-cipher-find-") as temporary:
        encrypted_path = Path(temporary) / "encrypted.sqlite3"
        shutil.copyfile(path, encrypted_path)
        started = time.perf_counter()
        cipher.encrypt_file(encrypted_path, RAW_KEY)
        say(f"encrypted a copy of {path.stat().st_size / 1e6:.0f} MB in "
            f"{time.perf_counter() - started:.1f} s")  # fmt: skip
        for file in (path, encrypted_path):
            file.read_bytes()  # warm OS page cache, both alike
        sides = {"plain": context(path, None), "encrypted": context(encrypted_path, RAW_KEY)}
        result: dict[str, Any] = {"size": size, "classes": {}}
        try:
            for cls in CLASSES:
                selected = queries[cls]
                if len(selected) <= warmup:
                    continue
                times: dict[str, list[float]] = {label: [] for label in sides}
                for number, query in enumerate(selected):
                    order = list(sides) if number % 2 == 0 else list(reversed(sides))
                    for label in order:
                        started_ns = time.perf_counter_ns()
                        find(sides[label], query.text)
                        if number >= warmup:
                            times[label].append((time.perf_counter_ns() - started_ns) / 1000)
                medians = {label: statistics.median(values) for label, values in times.items()}
                result["classes"][cls] = {
                    "queries": len(selected) - warmup,
                    "median_us": medians,
                    "ratio": medians["encrypted"] / medians["plain"],
                }
                say(f"  {cls:<9} plain {medians['plain']:8.0f} µs   encrypted "
                    f"{medians['encrypted']:8.0f} µs")  # fmt: skip
        finally:
            for ctx in sides.values():
                ctx.db.dispose()
    return result


def measure_opening(repeats: int) -> dict[str, float]:
    medians: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="bench-cipher-open-") as temporary:
        for label, key in (("plain", None), ("raw key", RAW_KEY), ("passphrase", PASSPHRASE)):
            path = Path(temporary) / f"{label.replace(' ', '-')}.sqlite3"
            context(path, key).db.dispose()  # created once
            times = []
            for _ in range(repeats):
                started = time.perf_counter()
                db = open_database(to_url(str(path)), create=False, key=key)
                with db.reading() as session:
                    session.connection().exec_driver_sql("SELECT count(*) FROM person").scalar()
                times.append(time.perf_counter() - started)
                db.dispose()
            medians[label] = statistics.median(times) * 1000
    return medians


def render(report: dict[str, Any]) -> str:
    trips = report["round_trip"]
    lines = [
        "SQLCipher against plain SQLite (the same work, same run; ratio = encrypted / plain)",
        "",
        f"counter round trip (register, issue + PDF, entry, find), median of {trips['rounds']}:",
        f"  plain {trips['median_ms']['plain']:.1f} ms   encrypted "
        f"{trips['median_ms']['encrypted']:.1f} ms   ratio {trips['ratio']:.2f}",
        f"sync export of those changes: plain {trips['export_ms']['plain']:.0f} ms   encrypted "
        f"{trips['export_ms']['encrypted']:.0f} ms   ratio {trips['export_ratio']:.2f}",
        "",
        f"search on {report['search']['size']:,} persons (bench_find's queries), medians:",
    ]
    for cls, entry in report["search"]["classes"].items():
        lines.append(
            f"  {cls:<9} plain {entry['median_us']['plain']:7.0f} µs   encrypted "
            f"{entry['median_us']['encrypted']:7.0f} µs   ratio {entry['ratio']:.2f}"
        )
    lines.append("")
    lines.append("opening (open_database + first query), median:")
    for label, value in report["opening_ms"].items():
        lines.append(f"  {label:<11} {value:7.1f} ms")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_cipher", description=__doc__)
    parser.add_argument("--rounds", type=int, default=40, help="timed round trips per side")
    parser.add_argument("--size", type=int, default=10_000, help="persons in the search register")
    parser.add_argument("--queries", type=int, default=200, help="timed queries per class")
    parser.add_argument("--opens", type=int, default=7, help="timed openings per kind")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)

    def say(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    report = {
        "benchmark": "cipher",
        "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "environment": {
            "python": platform.python_version(),
            "sqlcipher": cipher.dbapi().sqlite_version,
            "machine": platform.machine(),
        },
        "round_trip": measure_round_trips(args.rounds, say),
        "search": measure_search(args.size, args.queries, args.seed, say),
        "opening_ms": measure_opening(args.opens),
    }
    print(render(report))
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"cipher-{dt.datetime.now().strftime('%Y%m%d-%H%M%S')}.json"
    out.write_text(json.dumps(report, indent=2, ensure_ascii=False))
    print(f"\nJSON: {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
