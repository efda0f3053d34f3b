"""What the table rules share: where a printed figure is in the standard tables, and one comparison.

A :class:`Printed` is a figure found in a disclosure — its path, its value as a sum term and how a
finding names it (``公开04表“总计”行“金额”列``).  Every comparison goes through :func:`compare`,
which names the other printings in the finding's ``related`` paths.  A blank or dashed cell counts
as zero without a rounding allowance; a cell printed in 元 keeps the allowance of a 元 figure.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import attrs

from budgetacct.audit.check import Checker
from budgetacct.model.table_specs import PanelSpec, spec_for
from budgetacct.model.tables import Cell, Column, Panel, RowKey, StandardTable, TableKind, TableRow
from budgetacct.money import Amount

__all__ = ["CellRef", "Printed", "compare", "find", "panels", "printed_cell", "table_name"]


@attrs.frozen
class CellRef:
    """A cell of a standard table, by meaning: table kind, row key, column."""

    kind: TableKind
    key: RowKey
    column: Column


# --- where a figure is ---------------------------------------------------------------------------


@attrs.frozen
class Printed:
    """A figure found in the disclosure: its path, its value as a sum term, and how to name it."""

    path: str
    amount: Amount
    zh: str
    en: str


def table_name(table: StandardTable) -> str:
    return f"{table.number}{table.title}" if table.number else table.title


def _row_name(row: TableRow) -> str:
    if row.name:
        return row.name
    return row.label


def _cell_amount(c: Checker, cell: Cell) -> Amount:
    return cell if isinstance(cell, Amount) else c.printed_or_nothing(None)


def find(c: Checker, ref: CellRef) -> Printed | None:
    """The printing of ``ref`` in the disclosure's tables, or ``None`` when no table prints it."""
    for t, table in enumerate(c.d.tables):
        if table.kind is not ref.kind:
            continue
        where = table.locate(ref.key, ref.column)
        if where is None:
            continue
        p, r, col = where
        row = table.panels[p].rows[r]
        cell = row.cells[col]
        name = table_name(table)
        return Printed(
            f"$.tables[{t}].panels[{p}].rows[{r}].cells[{col}]",
            _cell_amount(c, cell),
            f"{name}“{_row_name(row)}”行“{ref.column.label}”列",
            f"{name}, row {row.label}, column {ref.column.label}",
        )
    return None


def compare(
    c: Checker,
    total: Printed,
    parts: Sequence[Printed],
    zh: str,
    en: str,
    *,
    at_most: bool = False,
    minus: Sequence[Printed] = (),
) -> None:
    related = tuple(p.path for p in (*parts, *minus))
    if at_most:
        whole = c.sum_of([p.amount for p in parts])
        c.not_above(total.path, total.amount, whole, zh, en, related=related)
        return
    expected = c.sum_of([p.amount for p in parts], [p.amount for p in minus])
    c.equal(total.path, total.amount, [expected], zh, en, related=related)


def panels(c: Checker) -> Iterator[tuple[int, StandardTable, int, Panel, PanelSpec]]:
    """Each printed panel with its spec (matched by side, or by position)."""
    for t, table in enumerate(c.d.tables):
        spec = spec_for(table.kind, c.d.table_set)
        for p, panel in enumerate(table.panels):
            panel_spec = next((s for s in spec.panels if s.side is panel.side), None)
            if panel_spec is None and p < len(spec.panels):
                panel_spec = spec.panels[p]
            if panel_spec is not None:
                yield t, table, p, panel, panel_spec


def printed_cell(c: Checker, t: int, table: StandardTable, p: int, r: int, col: int) -> Printed:
    row = table.panels[p].rows[r]
    column = table.panels[p].columns[col]
    name = table_name(table)
    return Printed(
        f"$.tables[{t}].panels[{p}].rows[{r}].cells[{col}]",
        _cell_amount(c, row.cells[col]),
        f"{name}“{_row_name(row)}”行“{column.label}”列",
        f"{name}, row {row.label}, column {column.label}",
    )
