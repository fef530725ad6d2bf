"""Demand figures on a generated district (benchmark generator: profiles, ten entries per
holder, exams, corrections of nothing): the service's tables equal the benchmark's
hand-written SQL, and every holder's level row is the profile's own rule."""

from __future__ import annotations

import sqlite3
import uuid
from collections import Counter
from pathlib import Path

import pytest
from benchmarks import bench_demand
from benchmarks import generate as gen

from passapp.models.database import open_database, to_url
from passapp.services.context import ServiceContext
from passapp.services.demand import UNKNOWN, DemandFilters, demand_report
from passapp.services.profile import learner_profile


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("generated") / "district.sqlite3"
    report = gen.generate(path, 700, seed=3, workers=0, entries_per_holder=10)
    assert report.profiles > 100
    assert report.entries > 2000
    check = gen.check_database(path, samples=20, seed=3)
    assert check.ok, check.problems
    assert check.profiles_compared > 0
    return path


def test_service_equals_hand_written_sql(generated: Path) -> None:
    db = open_database(to_url(str(generated)))
    ctx = ServiceContext(db=db, clerk="test", today=lambda: bench_demand.MADE_ON)
    connection = sqlite3.connect(generated)
    try:
        service = bench_demand.service_counts(demand_report(ctx, DemandFilters()))
        baseline, _ = bench_demand.run_baseline(connection)
    finally:
        connection.close()
        db.dispose()
    assert service == baseline
    levels = service["level_by_course_wish"]
    # The generated district reaches every part of the table: all levels, all columns.
    assert {row for row, _ in levels} >= {"A0", "A1", "A2", "B1", "B2", UNKNOWN}
    assert {column for _, column in levels} == set(bench_demand.demand.COURSE_WISH_COLUMNS)


def test_level_rows_follow_the_profile_rule(generated: Path) -> None:
    db = open_database(to_url(str(generated)))
    ctx = ServiceContext(db=db, clerk="test", today=lambda: bench_demand.MADE_ON)
    connection = sqlite3.connect(generated)
    try:
        holders = [
            uuid.UUID(hex=row[0])
            for row in connection.execute(
                "SELECT DISTINCT person_id FROM pass WHERE status = 'active'"
            )
        ]
        by_rule = Counter(
            UNKNOWN if (best := learner_profile(ctx, pid).highest_level) is None else best.level
            for pid in holders
        )
        levels = demand_report(ctx, DemandFilters()).tables[-1]
        totals = {
            row: total.count
            for row, total in zip(levels.row_labels, levels.table.row_totals, strict=True)
            if total.count
        }
    finally:
        connection.close()
        db.dispose()
    assert totals == dict(by_rule)
