"""Demand figures benchmark: ``services.demand.demand_report`` against plain SQL.

``python -m benchmarks.bench_demand --sizes 10k [100k] [--rounds 5]``

A size is a number of pass holders, with ten entries per holder on average (the sizes of
issue 11: 10k holders / 100k entries, 100k holders / 1M entries). The district is made by
``benchmarks.generate`` (learner profiles included) and cached in ``--cache-dir``.

The baseline is the same aggregation written by hand: for each of the report's twelve
tables one SQL statement (``BASELINE``, with the same "holder" and "current entry" rules as
common table expressions) run with the stdlib ``sqlite3`` module on the same file, plus the
few lines of Python that turn codes into the report's labels. Both give the true counts of
every cell; the benchmark requires them to be equal before it reports a time. The service
additionally builds its statements with SQLAlchemy, runs them through a session, and
suppresses small numbers in every table; that is what the ratio shows.

Service and baseline alternate round by round on a warm OS page cache; the medians are
compared. A separate, untimed pass records how long the service's statements spend in the
database (cursor execution and fetching), to tell SQL from Python.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import platform
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any

import sqlalchemy
from sqlalchemy import event

from benchmarks import generate as gen
from benchmarks.bench_find import fingerprint, schema_head, warm_file_cache
from passapp.models.database import open_database, to_url
from passapp.services import demand, demand_files
from passapp.services.context import ServiceContext

DEFAULT_CACHE = Path(__file__).resolve().parent / "results"
GOAL_RATIO = 2.0
ENTRIES_PER_HOLDER = 10.0
# Share of generated persons who hold an active pass (measured on the generator: 0.558 at
# 10k persons); sizes are asked for in holders.
HOLDER_SHARE = 0.5635
MADE_ON = gen.REFERENCE_DAY
SIZES = {"10k": 10_000, "100k": 100_000}

Counts = dict[tuple[str, str], int]

# --- The baseline: one statement per table -----------------------------------------------

HOLDER = """
holder AS (
    SELECT p.id, p.birth_year, p.arrival_date, p.municipality_key, p.nationalities,
           p.learner_profile
    FROM person p
    WHERE p.erased_at IS NULL AND p.merged_into_id IS NULL
      AND p.id IN (SELECT person_id FROM pass
                   WHERE status = 'active' AND person_id IS NOT NULL)
)"""
CURRENT_ENTRY = """
current_entry AS (
    SELECT e.id, e.kind, e.start_date, e.result, e.status, e.provider, e.offer_id, e.level,
           pa.person_id
    FROM entry e JOIN pass pa ON pa.id = e.pass_id JOIN holder h ON h.id = pa.person_id
    WHERE e.action != 'cancellation'
      AND e.id NOT IN (SELECT refers_to_id FROM entry WHERE refers_to_id IS NOT NULL)
)"""
WITH_HOLDER = f"WITH {HOLDER}\n"
WITH_ENTRIES = f"WITH {HOLDER},\n{CURRENT_ENTRY}\n"
TOWN = "holder h LEFT JOIN municipality m ON m.key = h.municipality_key"
MONTHS = "(CAST(substr({0}, 1, 4) AS INTEGER) * 12 + CAST(substr({0}, 6, 2) AS INTEGER))"
COURSE_KINDS = "('sprachkurs', 'integrationskurs', 'berufssprachkurs')"
WAIT = demand.WAIT_MONTHS
UNMET, MET, NO_WISH = demand.COURSE_WISH_COLUMNS


def _next_level() -> str:
    levels = [row for row in demand.LEVEL_ROWS if row != demand.UNKNOWN]
    steps = " ".join(f"WHEN '{low}' THEN '{high}'" for low, high in pairwise(levels))
    return f"CASE d.level {steps} WHEN 'C2' THEN 'C2' ELSE 'A1' END"


BASELINE: dict[str, str] = {
    "holders_by_municipality_age": WITH_HOLDER
    + f"""SELECT m.name, CASE WHEN :year - h.birth_year <= 17 THEN '0–17'
        WHEN :year - h.birth_year <= 26 THEN '18–26' WHEN :year - h.birth_year <= 44 THEN '27–44'
        WHEN :year - h.birth_year <= 64 THEN '45–64' ELSE '65+' END, count(*)
    FROM {TOWN} GROUP BY 1, 2""",
    "holders_by_arrival_year": WITH_HOLDER
    + "SELECT substr(arrival_date, 1, 4), 'Passinhaber', count(*) FROM holder GROUP BY 1",
    "holders_by_nationality": WITH_HOLDER
    + "SELECT json_extract(nationalities, '$[0]'), 'Passinhaber', count(*) FROM holder GROUP BY 1",
    "entries_by_kind_month": WITH_ENTRIES
    + "SELECT kind, substr(start_date, 1, 7), count(*) FROM current_entry GROUP BY 1, 2",
    "entries_by_provider": WITH_ENTRIES
    + """SELECT coalesce(e.provider, o.provider), 'Einträge', count(*)
    FROM current_entry e LEFT JOIN offer o ON o.id = e.offer_id GROUP BY 1""",
    "completion_by_kind": WITH_ENTRIES
    + """SELECT kind, CASE WHEN result IS NOT NULL AND result != '' THEN 'mit Ergebnis'
        ELSE 'ohne Ergebnis' END, count(*) FROM current_entry GROUP BY 1, 2""",
    "holders_and_offers": WITH_HOLDER
    + f"""SELECT coalesce(m.name, 'unbekannt') || ' (' || CASE WHEN h.municipality_key IS NULL
        THEN 0 ELSE (SELECT count(*) FROM offer o WHERE o.active
                     AND o.municipality_key = h.municipality_key) END || ' Angebote)',
        'Passinhaber', count(*)
    FROM {TOWN} GROUP BY h.municipality_key, m.name""",
    "language_course_after_issue": WITH_HOLDER
    + f""", issued AS (SELECT person_id, min(issued_on) AS issued_on FROM pass
        WHERE status = 'active' GROUP BY person_id),
    first_course AS (SELECT pa.person_id, min(e.start_date) AS start_date
        FROM pass pa JOIN entry e ON e.pass_id = pa.id
        WHERE e.kind IN {COURSE_KINDS} AND e.action != 'cancellation' GROUP BY pa.person_id)
    SELECT m.name, CASE WHEN {MONTHS.format("f.start_date")} - {MONTHS.format("i.issued_on")}
        <= {WAIT} THEN 'mit Sprachkurs binnen {WAIT} Monaten' ELSE 'ohne' END, count(*)
    FROM {TOWN} JOIN issued i ON i.person_id = h.id
        LEFT JOIN first_course f ON f.person_id = h.id
    WHERE {MONTHS.format("i.issued_on")} <= :months - {WAIT}
    GROUP BY 1, 2""",
    "literacy_by_municipality": WITH_HOLDER
    + f"""SELECT m.name, json_extract(h.learner_profile, '$.literacy'), count(*)
    FROM {TOWN} GROUP BY 1, 2""",
    "needs_childcare": WITH_HOLDER
    + f"""SELECT m.name, CASE WHEN instr(h.learner_profile, '"kinderbetreuung"') > 0
        THEN 'ja' ELSE 'nein oder unbekannt' END, count(*) FROM {TOWN} GROUP BY 1, 2""",
    "needs_evening": WITH_HOLDER
    + f"""SELECT m.name, CASE WHEN instr(h.learner_profile, '"abendkurs"') > 0
        THEN 'ja' ELSE 'nein oder unbekannt' END, count(*) FROM {TOWN} GROUP BY 1, 2""",
    "level_by_course_wish": WITH_ENTRIES
    + f""", assessed AS (
        SELECT h.id AS person_id, max(json_extract(a.value, '$.level')) AS level
        FROM holder h, json_each(CASE WHEN json_type(h.learner_profile, '$.assessments')
            = 'array' THEN h.learner_profile END, '$.assessments') a
        WHERE coalesce(json_extract(a.value, '$.skill'), 'overall') = 'overall'
        GROUP BY h.id),
    per_person AS (
        SELECT person_id,
            max(CASE WHEN kind = 'pruefung' AND status = 'abgeschlossen' THEN level END) AS exam,
            max(CASE WHEN kind IN {COURSE_KINDS} AND coalesce(status, '') != 'abgebrochen'
                THEN level END) AS course
        FROM current_entry GROUP BY person_id),
    d AS (
        SELECT CASE WHEN p.exam IS NULL THEN a.level WHEN a.level IS NULL THEN p.exam
                    WHEN p.exam > a.level THEN p.exam ELSE a.level END AS level,
               p.course, coalesce(h.learner_profile, '') AS profile
        FROM holder h LEFT JOIN assessed a ON a.person_id = h.id
            LEFT JOIN per_person p ON p.person_id = h.id)
    SELECT d.level, CASE
        WHEN instr(d.profile, '"sprachkurs"') + instr(d.profile, '"integrationskurs"')
            + instr(d.profile, '"berufssprachkurs"') = 0 THEN '{NO_WISH}'
        WHEN d.course >= {_next_level()} THEN '{MET}'
        ELSE '{UNMET}' END, count(*)
    FROM d GROUP BY 1, 2""",
}


def _label(value: object) -> str:
    return demand.UNKNOWN if value is None or value == "" else str(value)


def _top_nationalities(counts: Counts) -> Counts:
    """The report's rule: the 8 most frequent first nationalities, the rest as "andere"."""
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0][0]))
    named = [(key, n) for key, n in ranked if key[0] != demand.UNKNOWN][: demand.TOP_NATIONALITIES]
    result = dict(named)
    rest = sum(counts.values()) - sum(result.values())
    if rest:
        result[(demand.OTHER, demand.HOLDERS)] = rest
    return result


LITERACY_LABELS = {str(code): label for code, label in demand.LITERACY_COLUMNS.items()}
COLUMN_LABELS: dict[str, Callable[[str], str]] = {
    "literacy_by_municipality": lambda code: LITERACY_LABELS.get(code, code),
}


def run_baseline(connection: sqlite3.Connection) -> tuple[dict[str, Counts], dict[str, float]]:
    """Every table's true counts by the hand-written SQL, and the seconds per table."""
    params = {"year": MADE_ON.year, "months": MADE_ON.year * 12 + MADE_ON.month}
    tables: dict[str, Counts] = {}
    seconds: dict[str, float] = {}
    for key, sql in BASELINE.items():
        started = time.perf_counter()
        rows = connection.execute(sql, params).fetchall()
        relabel = COLUMN_LABELS.get(key, str)
        counts: Counts = {}
        for row, column, n in rows:
            column_label = _label(column)
            if column_label != demand.UNKNOWN:
                column_label = relabel(column_label)
            cell = (_label(row), column_label)
            counts[cell] = counts.get(cell, 0) + n
        if key == "holders_by_nationality":
            counts = _top_nationalities(counts)
        tables[key] = counts
        seconds[key] = time.perf_counter() - started
    return tables, seconds


def service_counts(report: demand.DemandReport) -> dict[str, Counts]:
    return {
        table.key: {
            (row, column): cell.count
            for row, cells in zip(table.row_labels, table.table.cells, strict=True)
            for column, cell in zip(table.column_labels, cells, strict=True)
            if cell.count
        }
        for table in report.tables
    }


# --- Databases ---------------------------------------------------------------------------


def persons_for(holders: int) -> int:
    return math.ceil(holders / HOLDER_SHARE)


def ensure_database(
    holders: int, seed: int, cache_dir: Path, say: Callable[[str], None]
) -> tuple[Path, dict[str, Any]]:
    """The cached district for ``holders`` (generated with profiles and 10 entries each)."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    prefix = f"demand-{holders}-seed{seed}-"
    stem = f"{prefix}{schema_head()}-{fingerprint()}"
    path, meta_path = cache_dir / f"{stem}.sqlite3", cache_dir / f"{stem}.json"
    if path.exists() and meta_path.exists():
        say(f"reusing {path.name}")
        return path, {**json.loads(meta_path.read_text()), "cached": True}
    for stale in cache_dir.glob(f"{prefix}*"):
        say(f"removing stale {stale.name}")
        stale.unlink()
    partial = cache_dir / f"{stem}.partial.sqlite3"
    persons = persons_for(holders)
    say(f"generating {persons:,} persons for ~{holders:,} holders into {path.name}")
    report = gen.generate(
        partial, persons, seed, progress=say, entries_per_holder=ENTRIES_PER_HOLDER
    )
    check = gen.check_database(partial, samples=20, seed=seed)
    if not check.ok:
        raise SystemExit("generated database failed its check:\n" + "\n".join(check.problems))
    partial.rename(path)
    meta = {"generation": report.to_json(), "check": asdict(check)}
    meta["generation"]["path"] = str(path)
    meta_path.write_text(json.dumps(meta, indent=2))
    return path, {**meta, "cached": False}


# --- Measuring ---------------------------------------------------------------------------


@dataclass
class SizeResult:
    size: str
    holders: int
    entries: int
    profiles: int
    persons: int
    generation_seconds: float
    cached: bool
    rounds: int
    service_s: list[float] = field(default_factory=list)
    baseline_s: list[float] = field(default_factory=list)
    service_sql_s: float = 0.0
    suppression_s: float = 0.0
    baseline_per_table_s: dict[str, float] = field(default_factory=dict)
    service_sql_per_statement_s: list[float] = field(default_factory=list)
    # Writing the computed report as each file format (issue 11: CSV, XLSX and PDF).
    files_s: dict[str, float] = field(default_factory=dict)
    file_bytes: dict[str, int] = field(default_factory=dict)

    @property
    def service_median(self) -> float:
        return statistics.median(self.service_s)

    @property
    def baseline_median(self) -> float:
        return statistics.median(self.baseline_s)

    @property
    def ratio(self) -> float:
        return self.service_median / self.baseline_median


@contextmanager
def sql_timer(engine: sqlalchemy.Engine) -> Iterator[list[float]]:
    """Seconds of each statement inside the driver's ``execute`` (for a GROUP BY, SQLite
    does the whole aggregation before the first row; fetching the few groups is left out)."""
    spans: list[float] = []
    started: list[float] = []

    def before(*_: object) -> None:
        started.append(time.perf_counter())

    def after(*_: object) -> None:
        spans.append(time.perf_counter() - started.pop())

    event.listen(engine, "before_cursor_execute", before)
    event.listen(engine, "after_cursor_execute", after)
    try:
        yield spans
    finally:
        event.remove(engine, "before_cursor_execute", before)
        event.remove(engine, "after_cursor_execute", after)


@contextmanager
def suppression_timer() -> Iterator[list[float]]:
    """Seconds spent suppressing all tables together inside ``demand_report`` (the linked
    suppression of ``services.demand._suppressed``, timed where the report calls it)."""
    spans: list[float] = []
    original = demand._suppressed

    def timed(counted: Any) -> Any:
        started = time.perf_counter()
        try:
            return original(counted)
        finally:
            spans.append(time.perf_counter() - started)

    demand._suppressed = timed
    try:
        yield spans
    finally:
        demand._suppressed = original


def measure(
    size: str, path: Path, meta: dict[str, Any], rounds: int, say: Callable[[str], None]
) -> SizeResult:
    generation = meta["generation"]
    result = SizeResult(
        size=size,
        holders=generation["holders"],
        entries=generation["entries"],
        profiles=generation["profiles"],
        persons=generation["persons"],
        generation_seconds=generation["seconds"],
        cached=bool(meta.get("cached")),
        rounds=rounds,
    )
    say(f"  warm OS cache: {path.stat().st_size / 1e6:,.0f} MB in {warm_file_cache(path):.1f} s")
    db = open_database(to_url(str(path)))
    ctx = ServiceContext(db=db, clerk="benchmark", today=lambda: MADE_ON)
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        report = demand.demand_report(ctx, demand.DemandFilters())  # warm-up, and the check
        baseline, result.baseline_per_table_s = run_baseline(connection)
        service = service_counts(report)
        differ = [key for key in BASELINE if service.get(key) != baseline.get(key)]
        if differ or set(service) != set(BASELINE):
            raise SystemExit(f"service and baseline figures differ in {differ or set(service)}")
        say(f"  figures agree in all {len(BASELINE)} tables")
        for number in range(rounds):
            pair: list[tuple[str, Callable[[], object]]] = [
                ("service", lambda: demand.demand_report(ctx, demand.DemandFilters())),
                ("baseline", lambda: run_baseline(connection)),
            ]
            for name, run in pair if number % 2 == 0 else reversed(pair):
                started = time.perf_counter()
                run()
                elapsed = time.perf_counter() - started
                (result.service_s if name == "service" else result.baseline_s).append(elapsed)
            say(
                f"  round {number + 1}: service {result.service_s[-1]:.2f} s, "
                f"baseline {result.baseline_s[-1]:.2f} s"
            )
        with sql_timer(db.engine) as spans, suppression_timer() as suppressing:
            demand.demand_report(ctx, demand.DemandFilters())
        result.service_sql_per_statement_s = spans
        result.service_sql_s = sum(spans)
        result.suppression_s = sum(suppressing)
        time_files(report, path.parent, result)
        say("  files: " + ", ".join(f"{k} {v:.2f} s" for k, v in result.files_s.items()))
    finally:
        connection.close()
        db.dispose()
    return result


def time_files(report: demand.DemandReport, folder: Path, result: SizeResult) -> None:
    """Each file format written once from the same report (not against a baseline: the
    figure says what a district admin waits for after the report)."""
    for file_format in ("csv", "xlsx", "pdf"):
        target = folder / f"demand-bench.{file_format}"
        started = time.perf_counter()
        demand_files.write_report(report, target, file_format)
        result.files_s[file_format] = time.perf_counter() - started
        result.file_bytes[file_format] = target.stat().st_size
        target.unlink()


# --- Output ------------------------------------------------------------------------------


def render(results: list[SizeResult]) -> str:
    lines = [
        "| holders | entries | profiles | service | plain SQL | ratio | service SQL | "
        "suppression | CSV / XLSX / PDF | generated |",
        "| --: | --: | --: | --: | --: | --: | --: | --: | --: | --: |",
    ]
    for r in results:
        mark = "✓" if r.ratio <= GOAL_RATIO else "✗"
        made = f"{r.generation_seconds:.0f} s" + (" (cached)" if r.cached else "")
        files = " / ".join(f"{r.files_s.get(k, 0):.2f} s" for k in ("csv", "xlsx", "pdf"))
        lines.append(
            f"| {r.holders:,} | {r.entries:,} | {r.profiles:,} | {r.service_median:.2f} s | "
            f"{r.baseline_median:.2f} s | {r.ratio:.2f}× {mark} | {r.service_sql_s:.2f} s | "
            f"{r.suppression_s:.2f} s | {files} | {made} |"
        )
    lines.append("")
    lines.append("Plain SQL per table (s, last round of the check):")
    for r in results:
        per = ", ".join(f"{k} {v:.2f}" for k, v in r.baseline_per_table_s.items())
        lines.append(f"- {r.holders:,} holders: {per}")
    return "\n".join(lines)


def to_json(results: list[SizeResult], args: argparse.Namespace) -> dict[str, Any]:
    return {
        "benchmark": "demand",
        "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "seed": args.seed,
        "rounds": args.rounds,
        "schema_head": schema_head(),
        "fingerprint": fingerprint(),
        "entries_per_holder": ENTRIES_PER_HOLDER,
        "environment": {
            "python": platform.python_version(),
            "sqlite": sqlite3.sqlite_version,
            "sqlalchemy": sqlalchemy.__version__,
            "machine": platform.machine(),
            "load_average": list(_load_average()),
        },
        "goal_ratio": GOAL_RATIO,
        "baseline_sql": BASELINE,
        "sizes": [
            {
                **asdict(r),
                "service_median_s": r.service_median,
                "baseline_median_s": r.baseline_median,
                "ratio": r.ratio,
            }
            for r in results
        ],
    }


def _load_average() -> tuple[float, ...]:
    try:
        return tuple(float(x) for x in Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return ()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_demand", description=__doc__)
    parser.add_argument("--sizes", nargs="+", choices=sorted(SIZES), default=["10k"])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--cache-dir", type=Path, default=DEFAULT_CACHE)
    args = parser.parse_args(argv)

    def say(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    results = []
    for size in sorted(args.sizes, key=SIZES.__getitem__):
        path, meta = ensure_database(SIZES[size], args.seed, args.cache_dir, say)
        say(f"measuring {size} ({meta['generation']['holders']:,} holders)")
        results.append(measure(size, path, meta, args.rounds, say))
    text = render(results)
    print(text)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    out = args.cache_dir / f"demand-{stamp}.json"
    out.write_text(json.dumps(to_json(results, args), indent=2, default=str))
    out.with_suffix(".md").write_text(text + "\n")
    print(f"\nJSON: {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
