"""Tests for passapp.domain.suppression: no published table lets a small group be worked out.

The attacker of these tests knows every published number (cells and totals), that every row
and column adds up to its total, that a "<5" cell holds 0 to 4, that a "•" cell holds at
least 0. For every suppressed cell (inner cell or total) a linear program finds the least
and the greatest value the cell can take under this knowledge; the guarantee tested is

    greatest − least ≥ 1 for every suppressed cell,

that is, at least two whole numbers remain possible. The constraint matrix of a table with
its margins is totally unimodular, so the linear program's bounds are whole numbers and
equal the bounds over whole-number tables: the relaxation neither hides nor invents a range.
Not tested (not promised): a wide range. A "<5" cell may be known to be, say, 3 or 4.
"""

from __future__ import annotations

import math
import random
import time
from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import linprog

from passapp.domain.errors import InputError
from passapp.domain.suppression import (
    SECONDARY_MARK,
    THRESHOLD,
    Cell,
    CellState,
    SuppressedTable,
    suppress,
)

Grid = Sequence[Sequence[Cell]]

# Counts skewed towards the small ones: most tables get small cells and small totals.
counts = st.one_of(st.integers(0, 4), st.integers(0, 4), st.integers(5, 12), st.integers(13, 200))


@st.composite
def tables(draw: st.DrawFn, max_rows: int = 8, max_columns: int = 8) -> list[list[int]]:
    rows = draw(st.integers(1, max_rows))
    columns = draw(st.integers(1, max_columns))
    return [[draw(counts) for _ in range(columns)] for _ in range(rows)]


def ranges_known_to_attacker(
    grid: Grid, threshold: int = THRESHOLD, least_small: int = 0
) -> dict[tuple[int, int], float]:
    """For every suppressed cell of ``grid`` (totals last): greatest − least possible value."""
    last_row, last_column = len(grid) - 1, len(grid[0]) - 1
    positions = [(r, c) for r in range(last_row + 1) for c in range(last_column + 1)]
    index = {p: n for n, p in enumerate(positions)}
    # Each row's cells minus its total are 0; each column's likewise (totals row and column too).
    equations = [
        [(-1.0 if p[1] == last_column else 1.0) if p[0] == r else 0.0 for p in positions]
        for r in range(last_row + 1)
    ] + [
        [(-1.0 if p[0] == last_row else 1.0) if p[1] == c else 0.0 for p in positions]
        for c in range(last_column + 1)
    ]
    bounds = [_bounds(grid[r][c], threshold, least_small) for r, c in positions]
    spans = {}
    for p in positions:
        if grid[p[0]][p[1]].suppressed:
            objective = [0.0] * len(positions)
            objective[index[p]] = 1.0
            least = _solve(objective, equations, bounds)
            greatest = -_solve([-x for x in objective], equations, bounds)
            spans[p] = greatest - least
    return spans


def _bounds(cell: Cell, threshold: int, least_small: int) -> tuple[float, float | None]:
    if cell.state is CellState.PUBLISHED:
        return (cell.count, cell.count)
    if cell.state is CellState.PRIMARY:
        return (least_small, threshold - 1)
    return (0, None)


def _solve(objective: list[float], equations: list[list[float]], bounds: list) -> float:
    result = linprog(objective, A_eq=equations, b_eq=[0.0] * len(equations), bounds=bounds)
    if result.status == 3:  # unbounded: a "•" cell can be as large as one likes
        return -math.inf
    assert result.status == 0, result.message
    return float(result.fun)


def naive(table: list[list[int]]) -> SuppressedTable:
    """Primary suppression only: what the check must catch."""

    def cell(count: int) -> Cell:
        if count < THRESHOLD:
            return Cell(count, CellState.PRIMARY, "<5")
        return Cell(count, CellState.PUBLISHED, str(count))

    return SuppressedTable(
        cells=tuple(tuple(cell(n) for n in row) for row in table),
        row_totals=tuple(cell(sum(row)) for row in table),
        column_totals=tuple(cell(sum(column)) for column in zip(*table, strict=True)),
        grand_total=cell(sum(map(sum, table))),
        threshold=THRESHOLD,
    )


def texts(result: SuppressedTable) -> list[list[str]]:
    return [[cell.text for cell in row] for row in result.grid()]


def test_the_check_catches_primary_suppression_alone() -> None:
    # A 3 hidden in a row of total 23 next to a published 20: the reader subtracts.
    table = [[3, 20], [10, 30]]
    assert ranges_known_to_attacker(naive(table).grid()) == {(0, 0): pytest.approx(0.0)}
    result = suppress(table)
    assert texts(result) == [["<5", "•", "23"], ["•", "•", "40"], ["13", "50", "63"]]
    assert min(ranges_known_to_attacker(result.grid()).values()) >= 1 - 1e-7


def test_the_rectangle_that_hides_least_is_chosen() -> None:
    result = suppress([[3, 20, 40], [10, 30, 50], [60, 70, 80]])
    assert texts(result) == [
        ["<5", "•", "40", "63"],
        ["•", "•", "50", "90"],
        ["60", "70", "80", "210"],
        ["73", "120", "170", "363"],
    ]


def test_one_column_is_the_one_dimensional_case() -> None:
    result = suppress([[2], [40], [7], [90]])
    # The 2 and its total hide; so does the smallest other group, so the total of 139 does
    # not give the 2 away.
    assert texts(result) == [
        ["<5", "<5"],
        ["40", "40"],
        [SECONDARY_MARK, SECONDARY_MARK],
        ["90", "90"],
        ["139", "139"],
    ]


def test_zero_is_suppressed_like_any_small_count() -> None:
    result = suppress([[1, 1, 1, 1, 0]])
    assert texts(result)[0] == ["<5"] * 6
    assert min(ranges_known_to_attacker(result.grid()).values()) >= 1 - 1e-7


def test_published_zeros_would_give_small_groups_away() -> None:
    # Were zeros published, "<5" would mean 1 to 4: four "<5" adding up to a "<5" total
    # would each be exactly 1, however much else were hidden.
    grid = [
        [Cell(n, CellState.PRIMARY, "<5") for n in (1, 1, 1, 1, 4)],
        [Cell(n, CellState.PRIMARY, "<5") for n in (1, 1, 1, 1, 4)],
    ]
    spans = ranges_known_to_attacker(grid, least_small=1)
    assert spans[(0, 0)] == pytest.approx(0.0)


def test_a_total_under_the_threshold_is_hidden_and_protected() -> None:
    result = suppress([[2, 2], [30, 40]])
    assert result.row_totals[0].state is CellState.PRIMARY
    assert all(span >= 1 - 1e-7 for span in ranges_known_to_attacker(result.grid()).values())


@pytest.mark.parametrize("table", [[], [[]], [[1, 2], [3]], [[-1]], [[1.5]], [[True]]], ids=repr)
def test_bad_tables_are_refused(table: list[list[int]]) -> None:
    with pytest.raises(InputError) as refused:
        suppress(table)
    assert refused.value.message_de


@settings(derandomize=True, max_examples=300, deadline=None)
@given(tables())
def test_no_suppressed_cell_can_be_worked_out(table: list[list[int]]) -> None:
    spans = ranges_known_to_attacker(suppress(table).grid())
    assert all(span >= 1 - 1e-7 for span in spans.values()), spans


@settings(derandomize=True, max_examples=300, deadline=None)
@given(tables())
def test_nothing_under_the_threshold_is_published(table: list[list[int]]) -> None:
    for row in suppress(table).grid():
        for cell in row:
            if cell.count < THRESHOLD:
                assert cell.state is CellState.PRIMARY
                assert cell.text == "<5"
            elif cell.state is CellState.PUBLISHED:
                assert cell.text == str(cell.count)
            else:
                assert cell.state is CellState.SECONDARY
                assert cell.text == SECONDARY_MARK


@settings(derandomize=True, max_examples=100, deadline=None)
@given(tables(), st.integers(0, 100))
def test_a_table_without_small_cells_is_published_whole(table: list[list[int]], lift: int) -> None:
    lifted = [[n + THRESHOLD + lift for n in row] for row in table]
    result = suppress(lifted)
    assert all(cell.state is CellState.PUBLISHED for row in result.grid() for cell in row)
    assert [[cell.count for cell in row] for row in result.cells] == lifted


@settings(derandomize=True, max_examples=200, deadline=None)
@given(tables())
def test_same_table_same_result_and_transposed_table_transposed_result(
    table: list[list[int]],
) -> None:
    result = suppress(table)
    assert suppress([list(row) for row in table]) == result
    transposed = suppress([list(column) for column in zip(*table, strict=True)])
    assert [list(row) for row in transposed.grid()] == [
        list(column) for column in zip(*result.grid(), strict=True)
    ]


@pytest.mark.parametrize("small_share", [0.05, 0.5], ids=["few small cells", "half small cells"])
def test_a_table_of_sixty_by_thirty_is_suppressed_in_seconds(small_share: float) -> None:
    # The report's largest tables (e.g. countries × offers); few small cells need the most
    # searching, since each one needs its own secondary cells.
    chooser = random.Random(11)

    def count() -> int:
        return chooser.randint(0, 4) if chooser.random() < small_share else chooser.randint(5, 300)

    table = [[count() for _ in range(30)] for _ in range(60)]
    started = time.perf_counter()
    result = suppress(table)
    assert time.perf_counter() - started < 2.0  # about 0.3 s measured; room for a busy machine
    if small_share < 0.1:  # the linear programs of the check take a minute for the other
        assert min(ranges_known_to_attacker(result.grid()).values()) >= 1 - 1e-7
