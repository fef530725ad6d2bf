"""Small-number suppression for published tables: the one rule, pure, without I/O.

A table of counts (rows × columns; one column is the 1-D case) is published with its row
totals, column totals and grand total. Every one of these numbers is a cell:

- **primary**: a count under the threshold (0 to 4 for the threshold 5) shows as "<5";
  zero included, see docs/DESIGN-NOTES.md ("Small-number suppression (issue 11)");
- **secondary**: a count suppressed only so that no primary cell can be worked out from the
  published numbers and the totals; it shows as "•";
- **published**: its number.

Secondary suppression is the network (shortest-path) method of Cox (1980), as in τ-ARGUS:
in the table extended by its totals, a hidden cell can be neither worked out nor pinned
down exactly if it lies on a cycle of hidden cells (alternating along rows and columns)
whose numbers can move, +1, -1, +1, ... with every row and column sum kept and every bound
the reader knows respected ("<5" is 0 to 4, "•" is at least 0). This is exact: the reader's
least and greatest value of a cell differ if and only if such a cycle exists. For each
primary cell without one, the cheapest cycle is added: the smallest sum of newly hidden
counts, then the fewest new cells, then the cells nearest the top left corner. Cells are
handled in an order that does not depend on the table's orientation, and exact ties are all
taken, so the transposed table gets the transposed result.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from passapp.domain.errors import InputError

THRESHOLD = 5
SECONDARY_MARK = "•"

Position = tuple[int, int]


class CellState(Enum):
    PUBLISHED = "published"
    PRIMARY = "primary"
    SECONDARY = "secondary"


@dataclass(frozen=True)
class Cell:
    """One number of the table. Show ``text``; ``count`` is the true count, never to print."""

    count: int
    state: CellState
    text: str

    @property
    def suppressed(self) -> bool:
        return self.state is not CellState.PUBLISHED


@dataclass(frozen=True)
class SuppressedTable:
    cells: tuple[tuple[Cell, ...], ...]
    row_totals: tuple[Cell, ...]
    column_totals: tuple[Cell, ...]
    grand_total: Cell
    threshold: int

    def grid(self) -> tuple[tuple[Cell, ...], ...]:
        """The table as printed: each row with its total, then the row of column totals."""
        rows = tuple((*row, total) for row, total in zip(self.cells, self.row_totals, strict=True))
        return (*rows, (*self.column_totals, self.grand_total))


def suppress(table: Sequence[Sequence[int]], threshold: int = THRESHOLD) -> SuppressedTable:
    """What may be published of ``table`` (rows of counts) with its totals."""
    _check(table, threshold)
    grid = _Grid(table, threshold)
    for group in _groups_in_order(grid):
        grid.protect(group)
    return grid.result()


def _check(table: Sequence[Sequence[int]], threshold: int) -> None:
    if threshold < 1:
        raise InputError(
            "The threshold must be at least 1.", "Die Schwelle muss mindestens 1 sein."
        )
    if not table or not table[0]:
        raise InputError(
            "A table needs at least one row and one column.",
            "Eine Tabelle braucht mindestens eine Zeile und eine Spalte.",
        )
    if any(len(row) != len(table[0]) for row in table):
        raise InputError(
            "All rows of a table need the same number of columns.",
            "Alle Zeilen einer Tabelle brauchen gleich viele Spalten.",
        )
    if any(isinstance(n, bool) or not isinstance(n, int) or n < 0 for row in table for n in row):
        raise InputError(
            "A table holds whole numbers of at least 0.",
            "Eine Tabelle enthält ganze Zahlen ab 0.",
        )


class _Grid:
    """The table extended by its totals: the last row and the last column are the totals.

    With the signs of the totals flipped (``_sign``), every row and every column of the
    extended table sums to zero; moving +d, -d, +d, ... around a cycle keeps all sums.
    """

    def __init__(self, table: Sequence[Sequence[int]], threshold: int) -> None:
        rows = [[*row, sum(row)] for row in table]
        rows.append([sum(column) for column in zip(*rows, strict=True)])
        self.counts = rows
        self.threshold = threshold
        self.last_row = len(rows) - 1
        self.last_column = len(rows[0]) - 1
        self.states = [
            [CellState.PRIMARY if n < threshold else CellState.PUBLISHED for n in row]
            for row in rows
        ]
        self._weights = _weights(rows)

    def positions(self) -> list[Position]:
        return [(r, c) for r in range(self.last_row + 1) for c in range(self.last_column + 1)]

    def is_total(self, position: Position) -> bool:
        return position[0] == self.last_row or position[1] == self.last_column

    def _sign(self, position: Position) -> int:
        row_sign = -1 if position[0] == self.last_row else 1
        column_sign = -1 if position[1] == self.last_column else 1
        return row_sign * column_sign

    def _can_move(self, position: Position, step: int) -> bool:
        """Whether the count may change by ``step`` (±1 direction) within the reader's bounds."""
        r, c = position
        count = self.counts[r][c]
        if step < 0:
            return count > 0
        return self.states[r][c] is not CellState.PRIMARY or count < self.threshold - 1

    def is_suppressed(self, position: Position) -> bool:
        return self.states[position[0]][position[1]] is not CellState.PUBLISHED

    def _arc_weight(self, position: Position, z_step: int) -> int | None:
        """The cost of moving this cell by ``z_step`` on a cycle; None if it cannot move so."""
        if not self.is_suppressed(position):
            return self._weights[position[0]][position[1]]
        return 0 if self._can_move(position, z_step * self._sign(position)) else None

    def _arcs(
        self, node: int, skip: Position, reverse: bool, hidden_only: bool = False
    ) -> list[tuple[int, int, Position]]:
        """Arcs (weight, next node, cell) leaving ``node`` (entering it, if ``reverse``).

        Nodes are the rows 0..last_row and then the columns. An arc row → column moves the
        cell by +1 (in the signed table), column → row by -1.
        """
        from_row = node <= self.last_row
        z_step = 1 if from_row != reverse else -1
        arcs = []
        for other in range(self.last_column + 1) if from_row else range(self.last_row + 1):
            cell = (node, other) if from_row else (other, node - self.last_row - 1)
            if hidden_only and not self.is_suppressed(cell):
                continue
            weight = None if cell == skip else self._arc_weight(cell, z_step)
            if weight is not None:
                arcs.append((weight, other + self.last_row + 1 if from_row else other, cell))
        return arcs

    def _distances(self, source: int, skip: Position, reverse: bool) -> dict[int, int]:
        distances = {source: 0}
        queue = [(0, source)]
        while queue:
            distance, node = heapq.heappop(queue)
            if distance > distances[node]:
                continue
            for weight, nxt, _cell in self._arcs(node, skip, reverse):
                if distance + weight < distances.get(nxt, distance + weight + 1):
                    distances[nxt] = distance + weight
                    heapq.heappush(queue, (distance + weight, nxt))
        return distances

    def _ends(self, position: Position, z_step: int) -> tuple[int, int]:
        """Where the path back starts and ends: after the cell's own arc, back before it."""
        row, column = position[0], position[1] + self.last_row + 1
        return (column, row) if z_step > 0 else (row, column)

    def _cheapest_path(self, position: Position, z_step: int) -> tuple[int, dict[int, int]] | None:
        """The cost of the cheapest cycle moving ``position`` by ``z_step``, and the distances."""
        if not self._can_move(position, z_step * self._sign(position)):
            return None
        start, goal = self._ends(position, z_step)
        forward = self._distances(start, position, reverse=False)
        return (forward[goal], forward) if goal in forward else None

    def _cells_on_cheapest_paths(
        self, position: Position, z_step: int, forward: dict[int, int]
    ) -> set[Position]:
        """The published cells on any cheapest path back (all, so exact ties stay symmetric)."""
        goal = self._ends(position, z_step)[1]
        backward = self._distances(goal, position, reverse=True)
        best = forward[goal]
        return {
            cell
            for node, distance in forward.items()
            for weight, nxt, cell in self._arcs(node, position, reverse=False)
            if weight > 0 and distance + weight + backward.get(nxt, best + 1) == best
        }

    def is_protected(self, position: Position) -> bool:
        """Whether ``position`` already lies on a movable cycle of hidden cells."""
        row, column = position[0], position[1] + self.last_row + 1
        return any(
            self._can_move(position, z_step * self._sign(position))
            and self._reaches(*((column, row) if z_step > 0 else (row, column)), position)
            for z_step in (1, -1)
        )

    def _reaches(self, start: int, goal: int, skip: Position) -> bool:
        """Whether a path of hidden cells (not ``skip``) leads from ``start`` to ``goal``."""
        seen, frontier = {start}, [start]
        while frontier:
            node = frontier.pop()
            for _weight, nxt, _cell in self._arcs(node, skip, reverse=False, hidden_only=True):
                if nxt == goal:
                    return True
                if nxt not in seen:
                    seen.add(nxt)
                    frontier.append(nxt)
        return False

    def cheapest_cells(self, position: Position) -> set[Position]:
        """The published cells to hide so that ``position`` lies on a movable cycle."""
        options = {z: found for z in (1, -1) if (found := self._cheapest_path(position, z))}
        if not options:  # not met in the property tests; a bug of this rule if ever raised
            raise AssertionError(f"no cycle can protect the cell {position}")
        best = min(cost for cost, _forward in options.values())
        return {
            cell
            for z_step, (cost, forward) in options.items()
            if cost == best
            for cell in self._cells_on_cheapest_paths(position, z_step, forward)
        }

    def protect(self, group: list[Position]) -> None:
        """Protect every unprotected cell of ``group``, all against the same state."""
        needy = [p for p in group if not self.is_protected(p)]
        for r, c in {cell for p in needy for cell in self.cheapest_cells(p)}:
            self.states[r][c] = CellState.SECONDARY

    def result(self) -> SuppressedTable:
        grid = [
            [self._cell(r, c) for c in range(self.last_column + 1)]
            for r in range(self.last_row + 1)
        ]
        return SuppressedTable(
            cells=tuple(tuple(row[:-1]) for row in grid[:-1]),
            row_totals=tuple(row[-1] for row in grid[:-1]),
            column_totals=tuple(grid[-1][:-1]),
            grand_total=grid[-1][-1],
            threshold=self.threshold,
        )

    def _cell(self, r: int, c: int) -> Cell:
        count, state = self.counts[r][c], self.states[r][c]
        text = {
            CellState.PUBLISHED: str(count),
            CellState.PRIMARY: f"<{self.threshold}",
            CellState.SECONDARY: SECONDARY_MARK,
        }[state]
        return Cell(count=count, state=state, text=text)


def _weights(counts: list[list[int]]) -> list[list[int]]:
    """What hiding each cell costs: its count first, then one per cell, then its place.

    One number so that the shortest-path search compares sums lexicographically: the
    smallest sum of counts, then the fewest cells, then the cells nearest the top left
    corner. The place is the same for a cell and its mirror image across the diagonal.
    """
    size = len(counts) + len(counts[0])  # more than any index, and than the cells of a cycle
    per_cell = size**3  # more than the places of all cells of a cycle together
    per_count = per_cell * (size + 1)  # more than the cells and places of a cycle
    return [
        [n * per_count + per_cell + min(r, c) * size + max(r, c) for c, n in enumerate(row)]
        for r, row in enumerate(counts)
    ]


def _groups_in_order(grid: _Grid) -> list[list[Position]]:
    """Primary cells in groups that transposing the table does not change.

    Inner cells before totals, small counts first; a group holds a cell and its mirror
    image across the diagonal, which transposing swaps.
    """
    groups: dict[tuple[bool, int, int, int], list[Position]] = {}
    for r, c in grid.positions():
        if grid.states[r][c] is CellState.PRIMARY:
            key = (grid.is_total((r, c)), grid.counts[r][c], min(r, c), max(r, c))
            groups.setdefault(key, []).append((r, c))
    return [groups[key] for key in sorted(groups)]
