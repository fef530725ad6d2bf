"""The attacker of the suppression tests, reading several published tables at once.

The attacker knows every published number of every table, that every row and column of a
table adds up to its total, that a "<5" cell holds 0 to 4 and a "•" cell at least 0, and
which numbers of different tables are the same number (common cells: a municipality's
holders as the row total of several tables, the grand total of all holders). For every
suppressed cell a mixed-integer program (scipy's HiGHS) finds the least and the greatest
whole number the cell can hold under all this at once. Whole numbers, not a linear
relaxation: tables joined by common cells are no longer totally unimodular, so the
relaxation's bounds could be wider than the truth and let a leak pass.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp

from passapp.domain.suppression import THRESHOLD, Cell, CellState

Grid = Sequence[Sequence[Cell]]
Position = tuple[int, int]


@dataclass(frozen=True)
class Published:
    """One table as printed (``SuppressedTable.grid()``: totals last) and its common cells."""

    grid: Grid
    common: Mapping[Position, Hashable] = field(default_factory=dict)


def narrowest_ranges(tables: Sequence[Published], threshold: int = THRESHOLD) -> dict:
    """For every suppressed cell (table index, position): greatest − least possible value."""
    index: dict[Hashable, int] = {}
    cells: list[Cell] = []

    def variable(t: int, position: Position) -> int:
        name = tables[t].common.get(position, (t, position))
        if name not in index:
            index[name] = len(cells)
            cells.append(tables[t].grid[position[0]][position[1]])
        assert cells[index[name]].count == tables[t].grid[position[0]][position[1]].count
        return index[name]

    rows = [equation for t in range(len(tables)) for equation in _equations(tables, t, variable)]
    matrix = np.zeros((len(rows), len(cells)))
    for n, equation in enumerate(rows):
        for column, factor in equation.items():
            matrix[n, column] += factor
    limit = 10 * sum(c.count for c in cells) + 10  # far above any true count: no help
    low = [_bounds(c, threshold, limit)[0] for c in cells]
    high = [_bounds(c, threshold, limit)[1] for c in cells]
    problem = {
        "constraints": LinearConstraint(matrix, 0, 0),
        "bounds": Bounds(low, high),
        "integrality": np.ones(len(cells)),
    }
    spans = {}
    for t, table in enumerate(tables):
        for r, row in enumerate(table.grid):
            for c, cell in enumerate(row):
                if cell.suppressed:
                    spans[(t, (r, c))] = _span(problem, variable(t, (r, c)), len(cells))
    return spans


def _equations(tables: Sequence[Published], t: int, variable) -> list[dict[int, float]]:
    grid = tables[t].grid
    last_row, last_column = len(grid) - 1, len(grid[0]) - 1
    equations = []
    for r in range(last_row + 1):
        equation: dict[int, float] = {}
        for c in range(last_column + 1):
            v = variable(t, (r, c))
            equation[v] = equation.get(v, 0.0) + (-1.0 if c == last_column else 1.0)
        equations.append(equation)
    for c in range(last_column + 1):
        equation = {}
        for r in range(last_row + 1):
            v = variable(t, (r, c))
            equation[v] = equation.get(v, 0.0) + (-1.0 if r == last_row else 1.0)
        equations.append(equation)
    return equations


def _bounds(cell: Cell, threshold: int, limit: int) -> tuple[float, float]:
    if cell.state is CellState.PUBLISHED:
        return (cell.count, cell.count)
    if cell.state is CellState.PRIMARY:
        return (0, threshold - 1)
    return (0, limit)


def _span(problem: dict, variable: int, size: int) -> float:
    objective = np.zeros(size)
    objective[variable] = 1.0
    least = milp(objective, **problem)
    greatest = milp(-objective, **problem)
    assert least.status == 0, least.message
    assert greatest.status == 0, greatest.message
    return -float(greatest.fun) - float(least.fun) if math.isfinite(greatest.fun) else math.inf


def leaks(tables: Sequence[Published], threshold: int = THRESHOLD) -> dict:
    """The suppressed cells the attacker pins down to one number (empty when safe)."""
    return {
        cell: span for cell, span in narrowest_ranges(tables, threshold).items() if span < 1 - 1e-7
    }
