"""Search benchmark: ``services.search.find`` against the plain indexed SQL query.

``python -m benchmarks.bench_find --sizes 10000 1000000 [--queries 300]``

For each register size a database is generated (or reused from the cache directory, keyed
by size, seed, schema head and a fingerprint of the generator and the search keys), and
queries drawn from it are timed through the real service and through the baseline: the one
indexed SQL statement that fetches the same candidates with the stdlib ``sqlite3`` module,
with the lookup key computed before the clock starts. See ``benchmarks/README.md``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import importlib
import json
import math
import platform
import random
import sqlite3
import statistics
import sys
import time
import unicodedata
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import sqlalchemy
from sqlalchemy import event
from sqlalchemy.schema import CreateIndex, CreateTable

from benchmarks import generate as gen
from passapp.domain.name_index import LATIN, pair_key
from passapp.domain.names import latin_search_form, name_tokens
from passapp.models.database import head_revision, make_engine, open_database, to_url
from passapp.models.entities import Base
from passapp.services.context import ServiceContext
from passapp.services.search import PAGE

DEFAULT_CACHE = Path(__file__).resolve().parent / "results"
GOAL_RATIO = 2.0  # service within 2x of the baseline at the largest size
GOAL_SCALE = 3.0  # service median at the largest size / at the smallest size

CLASSES = ("exact", "typo", "translit", "prefix", "original", "pass")
RECALL_CLASSES = ("exact", "typo", "translit", "original")
GOAL_CLASSES = ("exact", "typo", "translit", "prefix", "pass")
DESCRIPTIONS = {
    "exact": "Family Given, as stored",
    "typo": "one typo in one token",
    "translit": "ü→ue/u, ß→ss, ł→l, ş→s …",
    "prefix": "first 3–5 letters of the family name",
    "original": "names in the original script",
    "pass": "valid pass number",
}

BASE_COLUMNS = "SELECT p.id, p.family_names, p.given_names, p.birth_date, pa.pass_number"
NAME_SQL = (
    f"{BASE_COLUMNS} FROM person_name_key k JOIN person p ON p.id = k.person_id "
    "LEFT JOIN pass pa ON pa.person_id = p.id AND pa.status = 'active' "
    "WHERE k.key = ? LIMIT 100"
)
PREFIX_SQL = NAME_SQL.replace("k.key = ?", "k.key > ? AND k.key < ?")
PASS_SQL = (
    f"{BASE_COLUMNS} FROM pass pa JOIN person p ON p.id = pa.person_id WHERE pa.pass_number = ?"
)

_PARTICLES = {"AL", "EL", "ABU", "BEN", "BIN", "DE", "DA", "DOS", "VON", "VAN", "DER", "HAJ"}


# --- Cached databases ------------------------------------------------------------------


def fingerprint() -> str:
    """Changes whenever a cached database would no longer be what the generator makes now:
    the generated content and search keys (see ``generate.content_fingerprint``) or the
    schema (the DDL of every table and index)."""
    digest = hashlib.sha256(gen.content_fingerprint().encode())
    dialect = make_engine("sqlite://").dialect
    for table in Base.metadata.sorted_tables:
        digest.update(str(CreateTable(table).compile(dialect=dialect)).encode())
        for index in sorted(table.indexes, key=lambda i: str(i.name)):
            digest.update(str(CreateIndex(index).compile(dialect=dialect)).encode())
    return digest.hexdigest()[:12]


def schema_head() -> str:
    return head_revision(make_engine("sqlite://"))


def ensure_database(
    size: int, seed: int, cache_dir: Path, workers: int | None, say: Callable[[str], None]
) -> tuple[Path, dict[str, Any]]:
    """The cached database for (size, seed, schema head, fingerprint), generated if missing."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    stem = f"persons-{size}-seed{seed}-{schema_head()}-{fingerprint()}"
    path, meta_path = cache_dir / f"{stem}.sqlite3", cache_dir / f"{stem}.json"
    if path.exists() and meta_path.exists():
        say(f"reusing {path.name}")
        return path, {**json.loads(meta_path.read_text()), "cached": True}
    for stale in cache_dir.glob(f"persons-{size}-seed{seed}-*"):
        say(f"removing stale {stale.name}")
        stale.unlink()
    partial = cache_dir / f"{stem}.partial.sqlite3"
    for leftover in cache_dir.glob(f"{partial.name}*"):
        leftover.unlink()
    say(f"generating {size:,} persons (seed {seed}) into {path.name}")
    report = gen.generate(partial, size, seed, workers=workers, progress=say)
    say(f"generated in {report.seconds:.1f} s, {report.bytes / 1e6:,.1f} MB; checking")
    check = gen.check_database(partial, samples=20, seed=seed)
    if not check.ok:
        raise SystemExit("generated database failed its check:\n" + "\n".join(check.problems))
    partial.rename(path)
    meta = {"generation": report.to_json(), "check": asdict(check)}
    meta["generation"]["path"] = str(path)
    meta_path.write_text(json.dumps(meta, indent=2))
    return path, {**meta, "cached": False}


# --- Queries -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Query:
    cls: str
    text: str
    target: str | None  # the intended person's id (hex), for recall
    sql: str
    params: tuple[Any, ...]


_QWERTZ = ("qwertzuiop", "asdfghjkl", "yxcvbnm")


def _neighbours(char: str) -> str:
    for row_index, row in enumerate(_QWERTZ):
        col = row.find(char)
        if col < 0:
            continue
        near = row[max(0, col - 1) : col] + row[col + 1 : col + 2]
        for other in (row_index - 1, row_index + 1):
            if 0 <= other < len(_QWERTZ) and col < len(_QWERTZ[other]):
                near += _QWERTZ[other][col]
        return near
    return ""


def make_typo(rng: random.Random, text: str) -> str | None:
    """One slip of the hand in one token: a neighbouring key, a dropped, doubled or
    swapped letter; never in the first letter, and the search form must change."""
    words = text.split(" ")
    candidates = [i for i, w in enumerate(words) if len(w) >= 4 and w.isalpha()]
    if not candidates:
        return None
    index = rng.choice(candidates)
    word = words[index]
    for _ in range(20):
        pos = rng.randrange(1, len(word))
        kind = rng.choice(("substitute", "delete", "double", "transpose"))
        if kind == "substitute":
            near = _neighbours(word[pos].lower())
            if not near:
                continue
            typo = word[:pos] + rng.choice(near) + word[pos + 1 :]
        elif kind == "delete":
            typo = word[:pos] + word[pos + 1 :]
        elif kind == "double":
            typo = word[:pos] + word[pos] + word[pos:]
        else:
            if pos + 1 >= len(word):
                continue
            typo = word[:pos] + word[pos + 1] + word[pos] + word[pos + 2 :]
        if latin_search_form(typo) and latin_search_form(typo) != latin_search_form(word):
            words[index] = typo
            return " ".join(words)
    return None


_TYPED = {
    "ä": ("ae", "a"),
    "ö": ("oe", "o"),
    "ü": ("ue", "u"),
    "Ä": ("Ae", "A"),
    "Ö": ("Oe", "O"),
    "Ü": ("Ue", "U"),
    "ß": ("ss",),
    "ı": ("i",),
    "İ": ("I",),
    "ł": ("l",),
    "Ł": ("L",),
    "đ": ("d", "dj"),
    "Đ": ("D", "Dj"),
}


def transliteration_variant(rng: random.Random, text: str) -> str | None:
    """The name as typed on a keyboard without its letters: ü as ue or u, ß as ss, ş as s."""
    out = []
    for char in text:
        if char in _TYPED:
            out.append(rng.choice(_TYPED[char]))
        elif ord(char) > 127 and char.isalpha():
            base = "".join(
                c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c)
            )
            out.append(base if base.isascii() else char)
        else:
            out.append(char)
    variant = "".join(out)
    return variant if variant != text else None


def _prefix(rng: random.Random, family: str) -> str | None:
    for word in family.replace("-", " ").split():
        if latin_search_form(word) in _PARTICLES or not word.isalpha() or len(word) < 4:
            continue
        return word[: rng.randint(3, min(5, len(word) - 1))]
    return None


def _name_query(cls: str, text: str, target: str) -> Query | None:
    tokens = name_tokens(text)
    if not tokens:
        return None
    # The key of the service's first stage (services.search.search_names).
    key = pair_key(tokens[0], tokens[1]) if len(tokens) >= 2 else None
    return Query(cls, text, target, NAME_SQL, (key or LATIN + tokens[0],))


def build_queries(
    path: Path, per_class: int, seed: int
) -> tuple[dict[str, list[Query]], dict[str, int]]:
    """``per_class`` queries of each class, drawn from persons sampled from the database."""
    rng = random.Random(f"bench-find-{seed}")
    rows = gen.sample_persons(path, min(40 * per_class, 60_000), seed + 1)
    made: dict[str, list[Query]] = {cls: [] for cls in CLASSES}
    for row in rows:
        target = row["id"]
        first_given = row["given_names"].split(" ")[0] if row["given_names"] else ""
        exact = f"{row['family_names']} {first_given}".strip()
        options: dict[str, Query | None] = {"exact": _name_query("exact", exact, target)}
        typo = make_typo(rng, exact)
        options["typo"] = _name_query("typo", typo, target) if typo else None
        variant = transliteration_variant(rng, exact)
        options["translit"] = _name_query("translit", variant, target) if variant else None
        prefix = _prefix(rng, row["family_names"])
        if prefix:
            token = LATIN + latin_search_form(prefix)
            options["prefix"] = Query("prefix", prefix, None, PREFIX_SQL, (token, token + "\x7f"))
        if row["family_names_original"]:
            given_original = (row["given_names_original"] or "").split(" ")[0]
            original = f"{row['family_names_original']} {given_original}".strip()
            options["original"] = _name_query("original", original, target)
        if row["pass_number"]:
            options["pass"] = Query(
                "pass", row["pass_number"], target, PASS_SQL, (row["pass_number"],)
            )
        for cls, query in options.items():
            if query and len(made[cls]) < per_class:
                made[cls].append(query)
    return made, {cls: len(queries) for cls, queries in made.items()}


def namesakes(connection: sqlite3.Connection, query: Query) -> int:
    """How many persons share the queried family name and first given name exactly."""
    row = connection.execute(
        "SELECT family_names_latin, given_names_latin FROM person WHERE id = ?", (query.target,)
    ).fetchone()
    family, given = row
    first = given.split(" ")[0] if given else ""
    return int(
        connection.execute(
            "SELECT count(*) FROM person WHERE family_names_latin = ? "
            "AND (given_names_latin = ? OR given_names_latin LIKE ?)",
            (family, first, f"{first} %"),
        ).fetchone()[0]
    )


# --- Measuring -----------------------------------------------------------------------------


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


@dataclass
class ClassResult:
    cls: str
    queries: int
    service_median_us: float
    service_p95_us: float
    baseline_median_us: float
    baseline_p95_us: float
    ratio: float
    mean_hits: float
    statements_per_find: float
    recall: float | None = None
    recall_resolvable: float | None = None
    not_resolvable: int | None = None
    baseline_mean_rows: float = 0.0


@dataclass
class SizeResult:
    size: int
    db_path: str
    db_bytes: int
    generation: dict[str, Any]
    cached: bool
    name_keys: int
    classes: dict[str, ClassResult] = field(default_factory=dict)
    baseline_plans: dict[str, list[str]] = field(default_factory=dict)
    service_plans: list[dict[str, Any]] = field(default_factory=list)


def explain(connection: sqlite3.Connection, sql: str, params: tuple[Any, ...]) -> list[str]:
    return [str(row[3]) for row in connection.execute(f"EXPLAIN QUERY PLAN {sql}", params)]


def _is_select(statement: str) -> bool:
    return statement.lstrip().upper().startswith("SELECT")


def uses_index(plan: list[str]) -> bool:
    """The driving table is searched through an index (not scanned)."""
    return bool(plan) and plan[0].startswith("SEARCH") and "INDEX" in plan[0]


@contextmanager
def statement_log(engine: sqlalchemy.Engine) -> Iterator[list[tuple[str, Any]]]:
    log: list[tuple[str, Any]] = []

    def record(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        log.append((statement, parameters))

    # The search runs its prebuilt statements on the driver's cursor (search._Raw), which
    # SQLAlchemy's events do not see: count those too.
    from passapp.services import search

    raw_rows = search._Raw.rows

    def counted(self: Any, name: str, values: dict[str, Any]) -> Any:
        sql, order, defaults = self._statements[name]
        merged = {**defaults, **values}
        log.append((sql, tuple(merged[key] for key in order) if order is not None else merged))
        return raw_rows(self, name, values)

    event.listen(engine, "before_cursor_execute", record)
    search._Raw.rows = counted  # type: ignore[method-assign]
    try:
        yield log
    finally:
        search._Raw.rows = raw_rows  # type: ignore[method-assign]
        event.remove(engine, "before_cursor_execute", record)


FindFunction = Callable[[ServiceContext, str], Any]


def load_find(spec: str) -> FindFunction:
    """``module:function``, by default the service itself (``passapp.services.search:find``).

    Another function with the same signature (a candidate patch) can be measured against
    the same baseline without touching the project's code.
    """
    module_name, _, attribute = spec.partition(":")
    function: FindFunction = getattr(importlib.import_module(module_name), attribute or "find")
    return function


def warm_file_cache(path: Path) -> float:
    """Read the database file once, so every size is measured with a warm OS page cache
    (a freshly generated or long-unused file is otherwise partly on disk, and random reads
    would dominate both sides). Returns the seconds it took."""
    started = time.perf_counter()
    with path.open("rb") as handle:
        while handle.read(8 << 20):
            pass
    return time.perf_counter() - started


def measure_size(
    size: int,
    path: Path,
    meta: dict[str, Any],
    queries: dict[str, list[Query]],
    warmup: int,
    say: Callable[[str], None],
    find: FindFunction | None = None,
) -> SizeResult:
    find = find or load_find("passapp.services.search:find")
    say(
        f"  warm OS cache: read {path.stat().st_size / 1e6:,.0f} MB in {warm_file_cache(path):.1f} s"
    )
    baseline = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    db = open_database(to_url(str(path)))
    ctx = ServiceContext(db=db, clerk="benchmark")
    try:
        name_keys = baseline.execute("SELECT count(*) FROM person_name_key").fetchone()[0]
        result = SizeResult(
            size=size,
            db_path=str(path),
            db_bytes=path.stat().st_size,
            generation=meta.get("generation", {}),
            cached=bool(meta.get("cached")),
            name_keys=int(name_keys),
        )
        for sql, label in ((NAME_SQL, "name"), (PREFIX_SQL, "prefix"), (PASS_SQL, "pass")):
            sample = next(q for qs in queries.values() for q in qs if q.sql == sql)
            result.baseline_plans[label] = explain(baseline, sql, sample.params)

        def run_service(query: Query) -> tuple[int, list[uuid.UUID]]:
            start = time.perf_counter_ns()
            hits = find(ctx, query.text).hits
            return time.perf_counter_ns() - start, [hit.id for hit in hits]

        def run_baseline(query: Query) -> tuple[int, int]:
            start = time.perf_counter_ns()
            rows = baseline.execute(query.sql, query.params).fetchall()
            return time.perf_counter_ns() - start, len(rows)

        for cls in CLASSES:
            selected = queries[cls]
            if len(selected) <= warmup:
                say(f"  {cls}: only {len(selected)} queries, skipped")
                continue
            warm, timed = selected[:warmup], selected[warmup:]
            for query in warm:
                run_service(query)
                run_baseline(query)
            service_ns: list[int] = []
            baseline_ns: list[int] = []
            baseline_rows: list[int] = []
            found: list[bool] = []
            hit_counts: list[int] = []
            for number, query in enumerate(timed):
                if number % 2 == 0:  # interleaved, alternating who goes first
                    s_ns, ids = run_service(query)
                    b_ns, b_rows = run_baseline(query)
                else:
                    b_ns, b_rows = run_baseline(query)
                    s_ns, ids = run_service(query)
                service_ns.append(s_ns)
                baseline_ns.append(b_ns)
                baseline_rows.append(b_rows)
                hit_counts.append(len(ids))
                if query.target:
                    found.append(uuid.UUID(query.target) in ids)
            with statement_log(db.engine) as log:
                counts = []
                for query in timed:
                    before = len(log)
                    find(ctx, query.text)
                    counts.append(sum(1 for sql, _ in log[before:] if _is_select(sql)))
            first_use: dict[str, Any] = {}
            for statement, parameters in log:
                first_use.setdefault(statement, parameters)
            for statement, parameters in first_use.items():
                if _is_select(statement) and not any(
                    plan["sql"] == statement for plan in result.service_plans
                ):
                    plan = explain(baseline, statement, tuple(parameters))
                    result.service_plans.append({"sql": statement, "plan": plan})
            service_median = statistics.median(service_ns) / 1000
            baseline_median = statistics.median(baseline_ns) / 1000
            entry = ClassResult(
                cls=cls,
                queries=len(timed),
                service_median_us=service_median,
                service_p95_us=percentile([n / 1000 for n in service_ns], 0.95),
                baseline_median_us=baseline_median,
                baseline_p95_us=percentile([n / 1000 for n in baseline_ns], 0.95),
                ratio=service_median / baseline_median if baseline_median else math.inf,
                mean_hits=statistics.fmean(hit_counts),
                statements_per_find=statistics.fmean(counts),
                baseline_mean_rows=statistics.fmean(baseline_rows),
            )
            if cls in RECALL_CLASSES and found:
                entry.recall = sum(found) / len(found)
                if cls in ("exact", "typo", "translit"):
                    crowds = [namesakes(baseline, q) for q in timed]
                    resolvable = [f for f, n in zip(found, crowds, strict=True) if n <= PAGE]
                    entry.not_resolvable = len(found) - len(resolvable)
                    if resolvable:
                        entry.recall_resolvable = sum(resolvable) / len(resolvable)
            result.classes[cls] = entry
            say(
                f"  {cls:<9} service {service_median:9.0f} µs   baseline {baseline_median:7.0f} µs"
                + (f"   recall {entry.recall:.1%}" if entry.recall is not None else "")
            )
        return result
    finally:
        baseline.close()
        db.dispose()


# --- Report --------------------------------------------------------------------------------


def _us(value: float) -> str:
    return f"{value:,.0f} µs" if value < 10_000 else f"{value / 1000:,.1f} ms"


def _mark(ok: bool) -> str:
    return "✓" if ok else "✗"


def render(results: list[SizeResult], find_spec: str = "passapp.services.search:find") -> str:
    lines: list[str] = [f"measured: {find_spec} against the plain indexed SQL query"]
    for result in results:
        generation = result.generation
        made = "cached" if result.cached else "generated now"
        lines.append("")
        lines.append(
            f"== {result.size:,} persons: database {result.db_bytes / 1e6:,.1f} MB, "
            f"{result.name_keys:,} name keys; generation {generation.get('seconds', 0):.1f} s "
            f"({made}) =="
        )
        for label, plan in result.baseline_plans.items():
            verdict = "uses an index" if uses_index(plan) else "DOES NOT USE AN INDEX"
            lines.append(f"baseline {label:<6} plan ({verdict}): " + " | ".join(plan))
        header = (
            f"{'class':<9} {'n':>4} {'service med':>12} {'p95':>10} {'baseline med':>13} "
            f"{'p95':>9} {'ratio':>7} {'recall':>7} {'recall*':>8} {'hits':>5} {'stmts':>5}"
        )
        lines.append(header)
        lines.append("-" * len(header))
        for cls, entry in result.classes.items():
            recall = "" if entry.recall is None else f"{entry.recall:.1%}"
            resolvable = "" if entry.recall_resolvable is None else f"{entry.recall_resolvable:.1%}"
            lines.append(
                f"{cls:<9} {entry.queries:>4} {_us(entry.service_median_us):>12} "
                f"{_us(entry.service_p95_us):>10} {_us(entry.baseline_median_us):>13} "
                f"{_us(entry.baseline_p95_us):>9} {entry.ratio:>6.1f}x {recall:>7} "
                f"{resolvable:>8} {entry.mean_hits:>5.1f} {entry.statements_per_find:>5.1f}"
            )
        lines.append(
            "ratio = service median / baseline median; recall = intended person in the result "
            f"list; recall* = the same, leaving out queries whose exact name more than {PAGE} "
            "persons share; hits = mean results; stmts = SELECT statements per find"
        )
    if len(results) >= 2:
        small, large = results[0], results[-1]
        lines.append("")
        lines.append(
            f"scale {large.size:,} / {small.size:,} (service medians; goal < {GOAL_SCALE:g}):"
        )
        for cls in CLASSES:
            if cls in small.classes and cls in large.classes:
                scale = large.classes[cls].service_median_us / small.classes[cls].service_median_us
                base = large.classes[cls].baseline_median_us / small.classes[cls].baseline_median_us
                goal = f"  {_mark(scale < GOAL_SCALE)}" if cls in GOAL_CLASSES else ""
                lines.append(f"  {cls:<9} {scale:6.2f}x{goal}   (baseline {base:.2f}x)")
    if results:
        large = results[-1]
        lines.append("")
        lines.append(
            f"goal at {large.size:,} persons: service within {GOAL_RATIO:g}x of the baseline"
        )
        for cls in GOAL_CLASSES:
            if cls in large.classes:
                ratio = large.classes[cls].ratio
                lines.append(f"  {cls:<9} {ratio:6.1f}x  {_mark(ratio <= GOAL_RATIO)}")
        for result in results:
            scans = [
                used["plan"]
                for used in result.service_plans
                if any(step.startswith("SCAN") for step in used["plan"])
            ]
            for steps in scans:
                lines.append(f"service statement at {result.size:,} scans a table: {steps}")
    return "\n".join(lines)


def to_json(results: list[SizeResult], args: argparse.Namespace) -> dict[str, Any]:
    scale: dict[str, float] = {}
    if len(results) >= 2:
        small, large = results[0], results[-1]
        for cls in CLASSES:
            if cls in small.classes and cls in large.classes:
                scale[cls] = (
                    large.classes[cls].service_median_us / small.classes[cls].service_median_us
                )
    return {
        "benchmark": "find",
        "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "find": args.find,
        "seed": args.seed,
        "queries_per_class": args.queries,
        "warmup_per_class": args.warmup,
        "schema_head": schema_head(),
        "fingerprint": fingerprint(),
        "environment": {
            "python": platform.python_version(),
            "sqlite": sqlite3.sqlite_version,
            "sqlalchemy": sqlalchemy.__version__,
            "machine": platform.machine(),
            "platform": platform.platform(),
        },
        "baseline_sql": {"name": NAME_SQL, "prefix": PREFIX_SQL, "pass": PASS_SQL},
        "goals": {"ratio_at_largest": GOAL_RATIO, "scale": GOAL_SCALE},
        "sizes": [
            {**asdict(r), "classes": {k: asdict(v) for k, v in r.classes.items()}} for r in results
        ],
        "scale_service_median": scale,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_find", description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000])
    parser.add_argument("--queries", type=int, default=300, help="timed queries per class")
    parser.add_argument("--warmup", type=int, default=50, help="untimed queries per class")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--cache-dir", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--workers", type=int, default=None, help="generator worker processes")
    parser.add_argument(
        "--find",
        default="passapp.services.search:find",
        help="module:function measured instead of the service (to try a patch)",
    )
    args = parser.parse_args(argv)

    def say(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    find = load_find(args.find)
    results = []
    for size in sorted(args.sizes):
        path, meta = ensure_database(size, args.seed, args.cache_dir, args.workers, say)
        queries, counts = build_queries(path, args.queries + args.warmup, args.seed)
        say(f"measuring {size:,}: " + ", ".join(f"{c} {n}" for c, n in counts.items()))
        results.append(measure_size(size, path, meta, queries, args.warmup, say, find))
    print(render(results, args.find))
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    out = args.cache_dir / f"find-{stamp}.json"
    out.write_text(json.dumps(to_json(results, args), indent=2, default=str))
    print(f"\nJSON: {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
