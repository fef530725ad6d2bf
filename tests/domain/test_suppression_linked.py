"""Tests for suppress_linked: tables that share totals, read together, give no small group away.

The attacker (tests/support/disclosure.py) reads all tables at once and knows which totals
are the same number; for every hidden cell it finds the least and greatest whole number
possible. The guarantee tested is the single table's, over the joint system:
greatest − least ≥ 1 for every hidden cell of every table.
"""

from __future__ import annotations

from collections.abc import Mapping

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from passapp.domain.errors import InputError
from passapp.domain.suppression import (
    THRESHOLD,
    CellState,
    LinkedTable,
    Margins,
    SuppressedTable,
    suppress,
    suppress_linked,
)
from tests.support.disclosure import Published, leaks

# Row totals skewed to the sizes where tables alone choose differently: small and middling.
row_totals = st.one_of(
    st.integers(0, 4), st.integers(5, 12), st.integers(5, 12), st.integers(13, 40)
)


def split(draw: st.DrawFn, total: int, parts: int) -> list[int]:
    """``total`` cut into ``parts`` whole numbers at random places (small parts are common)."""
    cuts = sorted(draw(st.integers(0, total)) for _ in range(parts - 1))
    return [high - low for low, high in zip([0, *cuts], [*cuts, total], strict=True)]


@st.composite
def linked_tables(draw: st.DrawFn) -> dict[str, LinkedTable]:
    """A margin M (rows r0, r1, …) adding up to the grand total G: tables split each row
    total into columns. Maybe a second margin N of the same G (another split into rows),
    with its own tables. Maybe tables that share only G."""
    totals = [draw(row_totals) for _ in range(draw(st.integers(1, 4)))]
    margins = {"M": totals}
    if draw(st.booleans()):
        margins["N"] = split(draw, sum(totals), draw(st.integers(1, 3)))
    tables = {}
    for margin, margin_totals in margins.items():
        keys = tuple(f"r{n}" for n in range(len(margin_totals)))
        for n in range(draw(st.integers(1, 3))):
            columns = draw(st.integers(1, 4))
            rows = [split(draw, total, columns) for total in margin_totals]
            tables[f"{margin}{n}"] = LinkedTable(rows, Margins("G", margin, keys))
    for n in range(draw(st.integers(0, 2))):
        rows, columns = draw(st.integers(1, 3)), draw(st.integers(1, 3))
        flat = split(draw, sum(totals), rows * columns)
        grid = [flat[r * columns : (r + 1) * columns] for r in range(rows)]
        tables[f"G{n}"] = LinkedTable(grid, Margins(total="G"))
    return tables


def read_together(
    tables: Mapping[str, LinkedTable], result: Mapping[str, SuppressedTable]
) -> list[Published]:
    published = []
    for name, table in tables.items():
        grid = result[name].grid()
        last_row, last_column = len(grid) - 1, len(grid[0]) - 1
        common: dict[tuple[int, int], tuple[str, ...]] = {}
        if table.margins.rows:
            for r, key in enumerate(table.margins.row_keys):
                common[(r, last_column)] = (table.margins.rows, key)
        if table.margins.total:
            common[(last_row, last_column)] = (table.margins.total,)
        published.append(Published(grid, common))
    return published


def alone(tables: Mapping[str, LinkedTable]) -> dict[str, SuppressedTable]:
    return {name: suppress(table.counts) for name, table in tables.items()}


# Childcare (yes, no) by municipality, and holders by municipality: the first alone
# publishes the first row's 11 and hides the second; the second alone hides the first row
# and publishes the second's 11: with the grand total of 23, the third row's 1 follows.
BY_TOWN = Margins(total="holders", rows="town", row_keys=("Dachau", "Karlsfeld", "Odelzhausen"))
CHILDCARE_AND_HOLDERS = {
    "childcare": LinkedTable([[5, 6], [3, 8], [0, 1]], BY_TOWN),
    "holders": LinkedTable([[11], [11], [1]], BY_TOWN),
}


def test_tables_suppressed_alone_give_a_small_group_away() -> None:
    tables = CHILDCARE_AND_HOLDERS
    found = leaks(read_together(tables, alone(tables)))
    assert found  # the single holder in Odelzhausen, among others
    assert leaks(read_together(tables, suppress_linked(tables))) == {}


def test_a_common_cell_hidden_anywhere_is_hidden_everywhere() -> None:
    result = suppress_linked(CHILDCARE_AND_HOLDERS)
    childcare, holders = result["childcare"], result["holders"]
    assert [c.text for c in childcare.row_totals] == [c.text for c in holders.row_totals]
    assert childcare.grand_total.text == holders.grand_total.text == "23"


def test_tables_without_margins_are_suppressed_alone() -> None:
    tables = {"a": LinkedTable([[3, 20], [10, 30]]), **CHILDCARE_AND_HOLDERS}
    assert suppress_linked(tables)["a"] == suppress([[3, 20], [10, 30]])


@pytest.mark.parametrize(
    ("tables", "message"),
    [
        (
            {"a": LinkedTable([[1], [2]], Margins(rows="m", row_keys=("x", "y")))},
            "needs a grand total",
        ),
        (
            {"a": LinkedTable([[1], [2]], Margins(total="t", rows="m", row_keys=("x", "x")))},
            "one distinct key per row",
        ),
        (
            {
                "a": LinkedTable([[1], [2]], Margins(total="t", rows="m", row_keys=("x", "y"))),
                "b": LinkedTable([[1], [2]], Margins(total="t", rows="m", row_keys=("x", "z"))),
            },
            "different rows",
        ),
        (
            {
                "a": LinkedTable([[1], [2]], Margins(total="t", rows="m", row_keys=("x", "y"))),
                "b": LinkedTable([[1], [2]], Margins(total="u", rows="m", row_keys=("x", "y"))),
            },
            "different rows or totals",
        ),
        (
            {
                "a": LinkedTable([[1], [2]], Margins(total="t")),
                "b": LinkedTable([[1], [3]], Margins(total="t")),
            },
            "differs between tables",
        ),
    ],
    ids=["rows without total", "keys twice", "different rows", "two totals", "different counts"],
)
def test_wrong_links_are_refused(tables: dict[str, LinkedTable], message: str) -> None:
    with pytest.raises(InputError, match=message) as refused:
        suppress_linked(tables)
    assert refused.value.message_de


@settings(derandomize=True, max_examples=200, deadline=None)
@given(linked_tables())
def test_no_hidden_cell_can_be_worked_out_from_all_tables_together(
    tables: dict[str, LinkedTable],
) -> None:
    result = suppress_linked(tables)
    assert leaks(read_together(tables, result)) == {}
    for table in result.values():
        for row in table.grid():
            for cell in row:
                assert (cell.state is CellState.PRIMARY) == (cell.count < THRESHOLD)
