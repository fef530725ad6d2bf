"""Importing big sync bundles at the district, against plain SQLite inserts of the same rows.

``python -m benchmarks.bench_sync [--sizes 100000 1000000]``

Service: ``passapp.services.sync.import_bundle`` on a real SQLite district database: the
bundle file is checked whole (signature, recipient, every byte), decrypted, decompressed
and parsed as a stream, and every change applied in one transaction with the sync
bookkeeping (versions, parents, search keys, relay log).

The bundle is what an enrolled office would send: the change payloads are made from the
very payloads the services record for one registration, its eligibility checks, a pass,
its card and two entries (taken from a real office database in the same run), with fresh
ids, invented names (``benchmarks.names``), valid pass numbers and varied dates. Seven
changes per person. It is written with ``passapp.sync.bundle.write_bundle``, signed with
the office's enrolled key and encrypted to the district's.

Baseline, measured in the same run: a copy of the same empty district database, and
plain ``sqlite3`` ``executemany`` inserts, in one transaction, of exactly the rows the
import wrote to the record tables (person, eligibility_check, pass, pass_card, entry),
read back from the imported database. A second baseline adds the person search keys
(``person_name_key``), which any writer of a searchable register has to write too.

Each import and each baseline runs in a child process of its own, so its peak memory
(``ru_maxrss``) is its own. Reported: changes per second, the ratio import / baseline
(goal ≥ 1/3) and peak memory (goal: 1M within 1.3× of 100k, under 200 MB).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import multiprocessing
import random
import resource
import shutil
import sqlite3
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import select

from benchmarks.names import draw_origin, draw_weighted
from passapp.domain.dates import PartialDate
from passapp.domain.entries import EntryKind
from passapp.domain.ids import new_uuid, pass_id_for
from passapp.domain.names import latin_search_form, normalize_name
from passapp.domain.pass_number import PassNumber
from passapp.models.database import open_database, to_url
from passapp.models.entities import ChangeRecord, Installation
from passapp.services.context import ServiceContext
from passapp.services.entries import EntryInput, add_entry
from passapp.services.keystore import private_key_of
from passapp.services.offices import init_office, local_office
from passapp.services.passes import issue_pass
from passapp.services.people import PersonInput, register_person
from passapp.services.sync import import_bundle
from passapp.services.trust import (
    active_key,
    enrol_office,
    init_district,
    install_file,
    write_request,
)
from passapp.sync.bundle import BundleHeader, write_bundle

RESULTS = Path(__file__).parent / "results"
GOAL_RATIO = 1 / 3
GOAL_MEMORY_GROWTH = 1.3
GOAL_MEMORY_MB = 200
RECORD_TABLES = ("person", "eligibility_check", "pass", "pass_card", "entry")
OFFICE = "EWDAH"
SEXES = (("f", 0.45), ("m", 0.53), (None, 0.02))


# --- the world: a district and one enrolled office ---------------------------------------


def make_world(folder: Path) -> tuple[Path, dict[str, dict[str, Any]], dict[str, Any]]:
    """The empty district database, one payload per record type from a real office, and
    what writing a bundle needs (office key, district key, office database id)."""
    district = ServiceContext(
        db=open_database(to_url(str(folder / "district.sqlite3"))), passphrase=None
    )
    init_district(district, name="Landkreis Dachau", code="LRADAH")
    office = ServiceContext(
        db=open_database(to_url(str(folder / "office.sqlite3"))),
        passphrase=None,
        output_folder=folder / "pdf",
    )
    init_office(
        office,
        code=OFFICE,
        name="Einwohnermeldeamt Dachau",
        kind="einwohnermeldeamt",
        municipality="Dachau",
    )
    write_request(office, folder / "request.json")
    enrol_office(district, folder / "request.json", folder / "package.json")
    install_file(office, folder / "package.json")
    person = register_person(
        office,
        PersonInput(
            family_names="Ahmadi",
            given_names="Zahra",
            birth_date=PartialDate(1990, 3, 4),
            moved_from_abroad=True,
            nationalities=("AFG",),
            languages=("prs",),
            municipality="Dachau",
            consent=True,
            consent_notice_version="2026-11",
        ),
    ).person
    issued = issue_pass(office, person.id)
    add_entry(office, issued.pass_number, EntryInput(EntryKind.SPRACHKURS, dt.date(2026, 11, 2)))
    add_entry(office, issued.pass_number, EntryInput(EntryKind.BERATUNG, dt.date(2026, 11, 9)))
    templates: dict[str, dict[str, Any]] = {}
    with office.db.reading() as session:
        for change in session.scalars(select(ChangeRecord).order_by(ChangeRecord.seq)):
            key = change.entity_type
            if key in templates and key in ("eligibility_check", "entry"):
                key += "2"
            templates[key] = dict(change.payload)
        setup = session.get(Installation, 1)
        assert setup is not None
        own = local_office(session)
        signing = active_key(session, own.id)
        assert signing is not None
        keys = {
            "office_database_id": str(setup.database_id),
            "office_key_id": signing.key_id,
            "office_private_key": private_key_of(office, signing),
        }
    with district.db.reading() as session:
        own = local_office(session)
        district_key = active_key(session, own.id)
        assert district_key is not None
        keys["district_public_der"] = district_key.public_der
    office.db.dispose()
    district.db.dispose()
    return folder / "district.sqlite3", templates, keys


# --- the bundle ----------------------------------------------------------------------------


def _iso_day(rng: random.Random, first: dt.date, days: int) -> str:
    return (first + dt.timedelta(days=rng.randrange(days))).isoformat()


def person_changes(
    rng: random.Random, templates: dict[str, dict[str, Any]], sequence: int
) -> list[tuple[str, dict[str, Any]]]:
    """The seven changes of one invented person: registration, two checks, pass, card,
    two entries; each a real payload with new ids and varied values."""
    origin = draw_origin(rng)
    sex = draw_weighted(rng, SEXES)
    family_raw, given_raw, family_orig, given_orig = origin.draw_names(rng, sex or "x")
    family = normalize_name(family_raw)
    given = normalize_name(given_raw) if given_raw else ""
    year = rng.randint(1955, 2009)
    birth = (
        PartialDate(year, rng.randint(1, 12), rng.randint(1, 28))
        if rng.random() > 0.1
        else PartialDate(year)
    )
    person_id = str(new_uuid())
    person = {
        **templates["person"],
        "id": person_id,
        "family_names": family,
        "given_names": given,
        "family_names_original": family_orig,
        "given_names_original": given_orig,
        "family_names_latin": latin_search_form(family),
        "given_names_latin": latin_search_form(given),
        "birth_date": birth.iso(),
        "birth_year": year,
        "sex": sex,
        "nationalities": list(draw_weighted(rng, origin.nationalities)),
        "languages": list(draw_weighted(rng, origin.languages)),
        "arrival_date": _iso_day(rng, dt.date(2020, 1, 1), 2000),
    }
    checks = []
    for name in ("eligibility_check", "eligibility_check2"):
        checks.append({**templates[name], "id": str(new_uuid()), "person_id": person_id})
    number = PassNumber(OFFICE, sequence)
    pass_id = str(pass_id_for(str(number)))
    issued_on = _iso_day(rng, dt.date(2021, 1, 1), 2100)
    pass_ = {
        **templates["pass"],
        "id": pass_id,
        "pass_number": str(number),
        "sequence": sequence,
        "person_id": person_id,
        "issued_on": issued_on,
        "eligibility_check_id": checks[1]["id"],
    }
    card = {
        **templates["pass_card"],
        "id": str(new_uuid()),
        "pass_id": pass_id,
        "issued_on": issued_on,
    }
    entries = [
        {
            **templates[name],
            "id": str(new_uuid()),
            "pass_id": pass_id,
            "start_date": _iso_day(rng, dt.date(2021, 1, 1), 2100),
        }
        for name in ("entry", "entry2")
    ]
    return [
        ("person", person),
        ("eligibility_check", checks[0]),
        ("eligibility_check", checks[1]),
        ("pass", pass_),
        ("pass_card", card),
        ("entry", entries[0]),
        ("entry", entries[1]),
    ]


def write_big_bundle(
    path: Path, changes: int, templates: dict[str, dict[str, Any]], keys: dict[str, Any], seed: int
) -> float:
    """Write a bundle of ``changes`` changes (whole persons, so rounded up to 7)."""
    rng = random.Random(seed)
    persons = -(-changes // 7)
    total = persons * 7
    database_id = keys["office_database_id"]
    counts = {
        "person": persons,
        "eligibility_check": 2 * persons,
        "pass": persons,
        "pass_card": persons,
        "entry": 2 * persons,
    }
    header = BundleHeader(
        bundle_id=str(uuid.uuid4()),
        sender=OFFICE,
        sender_key_id=keys["office_key_id"],
        recipient="LRADAH",
        created_at=dt.datetime.now(dt.UTC),
        counter_ranges={database_id: (1, total)},
        counts=counts,
    )
    recorded_at = dt.datetime(2026, 11, 20, 9, tzinfo=dt.UTC).isoformat()

    def records() -> Iterator[dict[str, Any]]:
        yield {"type": "ack", "vector": {}}
        counter = 0
        for sequence in range(1, persons + 1):
            for entity_type, payload in person_changes(rng, templates, sequence):
                counter += 1
                yield {
                    "type": "change",
                    "database_id": database_id,
                    "counter": counter,
                    "origin_office": OFFICE,
                    "entity_type": entity_type,
                    "entity_id": payload["id"],
                    "operation": "insert",
                    "recorded_at": recorded_at,
                    "payload": payload,
                }

    started = time.perf_counter()
    write_bundle(
        path,
        header,
        records(),
        sender_key=keys["office_private_key"],
        recipient_public_der=keys["district_public_der"],
    )
    return time.perf_counter() - started


# --- the two measurements, each in a child process -------------------------------------


def _child_import(database: str, bundle: str, queue: Any) -> None:
    ctx = ServiceContext(db=open_database(to_url(database)), passphrase=None, clerk="bench")
    started = time.perf_counter()
    report = import_bundle(ctx, Path(bundle))
    elapsed = time.perf_counter() - started
    ctx.db.dispose()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    queue.put({"seconds": elapsed, "peak_mb": peak, "report": report.to_json()})


def _child_plain(source: str, target: str, tables: tuple[str, ...], queue: Any) -> None:
    """Plain executemany of the rows the import wrote, into a fresh copy of the schema."""
    reader = sqlite3.connect(source)
    rows = {t: reader.execute(f"SELECT * FROM {t}").fetchall() for t in tables}
    columns = {t: len(reader.execute(f"SELECT * FROM {t} LIMIT 0").description) for t in tables}
    reader.close()
    writer = sqlite3.connect(target, isolation_level=None)
    writer.execute("PRAGMA journal_mode=WAL")
    writer.execute("PRAGMA foreign_keys=ON")
    started = time.perf_counter()
    writer.execute("BEGIN IMMEDIATE")
    for table in tables:
        marks = ",".join("?" * columns[table])
        writer.executemany(f"INSERT INTO {table} VALUES ({marks})", rows[table])
    writer.execute("COMMIT")
    elapsed = time.perf_counter() - started
    writer.close()
    queue.put({"seconds": elapsed, "rows": sum(len(r) for r in rows.values())})


def _in_child(target: Any, *args: Any) -> dict[str, Any]:
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    process = context.Process(target=target, args=(*args, queue))
    process.start()
    result: dict[str, Any] = queue.get()
    process.join()
    if process.exitcode != 0:
        raise RuntimeError(f"child failed with exit code {process.exitcode}")
    return result


def measure(size: int, folder: Path, seed: int) -> dict[str, Any]:
    empty, templates, keys = make_world(folder)
    pristine = folder / "district-empty.sqlite3"
    shutil.copyfile(empty, pristine)
    bundle = folder / f"bundle-{size}.passapp"
    write_seconds = write_big_bundle(bundle, size, templates, keys, seed)
    changes = -(-size // 7) * 7
    imported = _in_child(_child_import, str(empty), str(bundle))
    report = imported["report"]
    assert report["applied"] == changes, report
    baselines = {}
    for name, tables in (
        ("rows", RECORD_TABLES),
        ("rows+keys", (*RECORD_TABLES, "person_name_key")),
    ):
        target = folder / f"plain-{name}.sqlite3"
        shutil.copyfile(pristine, target)
        baselines[name] = _in_child(_child_plain, str(empty), str(target), tables)
        target.unlink()
    import_rate = changes / imported["seconds"]
    result = {
        "changes": changes,
        "bundle_mb": bundle.stat().st_size / 1e6,
        "write_seconds": write_seconds,
        "import_seconds": imported["seconds"],
        "import_changes_per_s": import_rate,
        "import_peak_mb": imported["peak_mb"],
        "report": report,
    }
    for name, plain in baselines.items():
        plain_rate = changes / plain["seconds"]
        result[f"plain_{name}_seconds"] = plain["seconds"]
        result[f"plain_{name}_rows"] = plain["rows"]
        result[f"plain_{name}_changes_per_s"] = plain_rate
        result[f"ratio_vs_{name}"] = import_rate / plain_rate
    return result


def render(results: list[dict[str, Any]]) -> str:
    lines = [
        "| changes | bundle | import | changes/s | plain rows/s | ratio | plain+keys/s | ratio | peak MB |",
        "|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for r in results:
        lines.append(
            f"| {r['changes']:,} | {r['bundle_mb']:.0f} MB | {r['import_seconds']:.1f} s "
            f"| {r['import_changes_per_s']:,.0f} | {r['plain_rows_changes_per_s']:,.0f} "
            f"| {r['ratio_vs_rows']:.2f} | {r['plain_rows+keys_changes_per_s']:,.0f} "
            f"| {r['ratio_vs_rows+keys']:.2f} | {r['import_peak_mb']:.0f} |"
        )
    if len(results) >= 2:
        growth = results[-1]["import_peak_mb"] / results[0]["import_peak_mb"]
        lines.append("")
        lines.append(
            f"Peak memory {results[-1]['changes']:,} / {results[0]['changes']:,}: {growth:.2f}× "
            f"(goal ≤ {GOAL_MEMORY_GROWTH}×, under {GOAL_MEMORY_MB} MB)"
        )
    lines.append(f"Goal for the ratio: ≥ {GOAL_RATIO:.2f} of plain inserts.")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    args = parser.parse_args(argv)
    results = []
    for size in args.sizes:
        folder = (
            args.keep / str(size) if args.keep else Path(tempfile.mkdtemp(prefix="bench-sync-"))
        )
        folder.mkdir(parents=True, exist_ok=True)
        try:
            results.append(measure(size, folder, args.seed))
        finally:
            if not args.keep:
                shutil.rmtree(folder, ignore_errors=True)
        print(render(results[-1:]), flush=True)
    text = render(results)
    print(text)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "sync.md").write_text(text + "\n", encoding="utf-8")
    (RESULTS / "sync.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
