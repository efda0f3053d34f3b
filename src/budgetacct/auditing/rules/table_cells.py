"""What the table rules share: where a printed figure is in the standard tables, and one comparison.

A :class:`Printed` is a figure found in a disclosure — its path, its value as a sum term and how a
finding names it (``公开04表“总计”行“金额”列``).  Every comparison goes through :func:`compare`,
which names the other printings in the finding's ``related`` paths.  A blank or dashed cell counts
as zero without a rounding allowance; a cell printed in 元 keeps the allowance of a 元 figure.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal
from typing import Final

import attrs

from budgetacct.auditing.check import Checker
from budgetacct.model.table_layout import PanelSpec
from budgetacct.model.table_specs import spec_for
from budgetacct.model.tables import Column, Panel, RowKey, StandardTable, TableKind
from budgetacct.money import Amount
from budgetacct.paths import render_path

_ZERO = Decimal(0)

__all__ = [
    "CellRef",
    "Printed",
    "Restated",
    "compare",
    "find",
    "narrative_against_cells",
    "panels",
    "printed_cell",
    "table_name",
]


@attrs.frozen
class CellRef:
    """A cell of a standard table, by meaning: table kind, row key, column."""

    kind: TableKind
    key: RowKey
    column: Column


# --- where a figure is ---------------------------------------------------------------------------


class Printed:
    """A cell found in the disclosure's tables: its value as a sum term, its path and its name.

    The path and the names are made only when a finding needs them.
    """

    __slots__ = ("amount", "col", "p", "r", "t", "table")

    def __init__(self, amount: Amount, t: int, table: StandardTable, p: int, r: int, col: int) -> None:
        self.amount = amount
        self.t, self.table, self.p, self.r, self.col = t, table, p, r, col

    @property
    def path(self) -> str:
        return render_path(("tables", self.t, "panels", self.p, "rows", self.r, "cells", self.col))

    @property
    def zh(self) -> str:
        panel = self.table.panels[self.p]
        row = panel.rows[self.r]
        return f"{table_name(self.table)}“{row.name or row.label}”行“{panel.columns[self.col].label}”列"

    @property
    def en(self) -> str:
        panel = self.table.panels[self.p]
        return f"{table_name(self.table)}, row {panel.rows[self.r].label}, column {panel.columns[self.col].label}"


def table_name(table: StandardTable) -> str:
    """The table as a reader finds it in the report: its number and title as printed, the number
    once (a title printed as “表 2：高等学校收入决算表” already carries it), a bare numeral as 表N."""
    number, title = table.number, table.title
    if not number or "".join(title.split()).startswith("".join(number.split())):
        return title
    if all(ch in _NUMERALS for ch in number):
        number = f"表{number}"
    return f"{number}{title}"


_NUMERALS: Final = frozenset("一二三四五六七八九十0123456789")


_Index = dict[tuple[TableKind, RowKey, Column], tuple[int, int, int, int]]


def _index(c: Checker) -> _Index:
    """Where each (table kind, row key, column) is printed first: (table, panel, row, column)."""
    found = c.memo.get("table_cells")
    if not isinstance(found, dict):
        index: _Index = {}
        for t, table in enumerate(c.d.tables):
            for p, panel in enumerate(table.panels):
                for r, row in enumerate(panel.rows):
                    key = row.key
                    for col, column in enumerate(panel.columns):
                        index.setdefault((table.kind, key, column), (t, p, r, col))
        c.memo["table_cells"] = found = index
    return found


def find(c: Checker, ref: CellRef) -> Printed | None:
    """The printing of ``ref`` in the disclosure's tables, or ``None`` when no table prints it."""
    where = _index(c).get((ref.kind, ref.key, ref.column))
    if where is None:
        return None
    t, p, r, col = where
    return printed_cell(c, t, c.d.tables[t], p, r, col)


def compare(
    c: Checker,
    total: Printed,
    parts: Sequence[Printed],
    zh: str,
    en: str,
    *,
    at_most: bool = False,
    minus: Sequence[Printed] = (),
    name_parts: bool = False,
) -> None:
    """``total`` = Σ ``parts`` − Σ ``minus`` (or ≤ Σ ``parts``), within every printing's rounding.

    The message is the total's name followed by ``zh`` / ``en`` (and the parts' names with
    ``name_parts``); it is made only when the identity does not hold exactly.
    """
    value = total.amount.value
    expected = sum((p.amount.value for p in parts), _ZERO) - sum((m.amount.value for m in minus), _ZERO)
    if value == expected or (at_most and value <= expected):
        return  # holds exactly: nothing to report, no message to make
    related = tuple(p.path for p in (*parts, *minus))
    message_zh, message_en = f"{total.zh}{zh}", f"{total.en}{en}"
    if name_parts:
        message_zh += "与".join(p.zh for p in parts)
        message_en += " + ".join(p.en for p in parts)
    if at_most:
        whole = c.sum_of([p.amount for p in parts])
        c.not_above(total.path, total.amount, whole, message_zh, message_en, related=related)
        return
    made = c.sum_of([p.amount for p in parts], [p.amount for p in minus])
    c.equal(total.path, total.amount, [made], message_zh, message_en, related=related)


#: A narrative figure: its path, its printed amount (``None`` where not printed) and the cell that
#: prints it again.
Restated = tuple[str, Amount | None, CellRef]


def narrative_against_cells(
    c: Checker, figures: Iterable[Restated], message: Callable[[Printed, Amount], tuple[str, str]]
) -> None:
    """Each narrative figure equals the cell that prints it again, each within its own rounding.

    A figure not printed, or printed in no table, is not compared.  ``message`` gives the finding's
    words (Chinese, English) for a cell and the narrative's amount, only when the two differ.
    """
    for path, amount, ref in figures:
        if amount is None:
            continue
        cell = find(c, ref)
        if cell is None or cell.amount.value == amount.value:
            continue
        zh, en = message(cell, amount)
        c.equal(path, amount, [cell.amount], zh, en, related=(cell.path,))


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
    cell = table.panels[p].rows[r].cells[col]
    return Printed(cell if isinstance(cell, Amount) else c.printed_or_nothing(None), t, table, p, r, col)
