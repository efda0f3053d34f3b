"""The standard table as an object: :class:`Table`, its header :class:`Cell` and body :class:`Row`."""

from __future__ import annotations

from typing import Literal

import attrs

from budgetacct.model.tables import Mark
from budgetacct.money import Amount

__all__ = ["Cell", "Row", "Table", "TableSet", "Value"]

#: A body cell: text, an amount (in the table's unit), a count (行次), a printed dash, or blank.
Value = str | Amount | int | Mark | None
#: The name of a table set (:data:`~budgetacct.model.table_specs.TABLE_SETS`).
TableSet = Literal["mof-9", "sichuan-14", "shanghai-2024", "university-4"]


@attrs.frozen
class Cell:
    """A header cell; ``colspan`` columns wide."""

    text: str
    colspan: int = 1


@attrs.frozen
class Row:
    """A body row: cells (text, Amount, count, ``DASH`` or ``None`` = blank) and its kind.

    ``kind`` is ``"total"`` (合计/总计 rows), ``"class"``/``"section"``/``"item"`` (类/款/项) or
    ``"line"``.
    """

    cells: tuple[Value, ...]
    kind: str = "line"


@attrs.frozen
class Table:
    """One disclosure table: number (公开01表 or 一), title, unit, department, header, rows, note.

    Amounts are in ``unit`` (the unit the table printed in); ``note`` is the table's notes, one a line.
    """

    number: str
    title: str
    department: str
    header_rows: tuple[tuple[Cell, ...], ...]
    rows: tuple[Row, ...]
    unit: str = "万元"
    note: str | None = None
    year: int | None = None

    @property
    def width(self) -> int:
        """Number of columns."""
        return len(self.rows[0].cells) if self.rows else sum(c.colspan for c in self.header_rows[-1])

    @property
    def has_data(self) -> bool:
        """Whether any stated figure is non-zero."""
        return any(isinstance(v, Amount) and v for row in self.rows for v in row.cells)

    def column(self, index: int) -> tuple[Value, ...]:
        return tuple(row.cells[index] for row in self.rows)

    # the renderers take a Table: imported when called
    def __str__(self) -> str:
        from budgetacct.render.tables.renderers import to_text

        return to_text(self)

    def _repr_html_(self) -> str:
        from budgetacct.render.tables.renderers import to_html

        return to_html(self)
