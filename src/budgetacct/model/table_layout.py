"""The vocabulary of a table's layout spec: columns, named lines, the sums inside a table, table sets.

The specs themselves — one per standard table, as data — are in :mod:`budgetacct.model.table_specs`
(决算) and :mod:`budgetacct.model.budget_specs` (预算); this module holds the classes they are made of
and the constructors both write them with (a 决算 table and its 预算 counterpart are laid out alike).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import Any

import attrs

from budgetacct.model.tables import Column, Line, Side, TableKind

__all__ = [
    "TOTAL_LINE",
    "CellSum",
    "ColumnSpec",
    "Group",
    "LineSpec",
    "LineSum",
    "PanelSpec",
    "RowSum",
    "Rows",
    "TableEntry",
    "TableSet",
    "TableSpec",
    "balanced_table",
    "coded_table",
    "expenditure_panel",
    "line_spec",
    "numbered",
    "revenue_panel",
    "sets_by_name",
    "specs_by_kind",
    "total_across",
    "vary_panel",
]


class Rows(enum.Enum):
    """How the rows between a panel's leading and trailing lines are keyed."""

    NONE = "无编码行"
    FUNCTION = "功能分类类款项"
    FUNCTION_CLASSES = "功能分类类"
    ECONOMIC = "经济分类"


class Group(enum.Enum):
    """A set of coded rows a :class:`LineSum` adds up."""

    CLASSES = "功能分类各类"
    PERSONNEL_CLASSES = "人员经费各科目（按经济分类的人员经费/公用经费划分）"
    PUBLIC_CLASSES = "公用经费各科目（按经济分类的人员经费/公用经费划分）"


@attrs.frozen
class ColumnSpec:
    """A column and the header wordings it is printed under (the first is the one we print)."""

    column: Column
    labels: tuple[str, ...]
    group: str | None = None


@attrs.frozen
class LineSpec:
    """A named row and its printed wordings (the first is the one we print)."""

    line: Line
    labels: tuple[str, ...]


@attrs.frozen
class RowSum:
    """In every row of the panel: ``total`` = Σ ``parts`` − Σ ``minus`` (where the row prints them).

    With ``when_any``, only rows that print at least one of those columns are checked (a fund
    table prints 年初/收入/年末 on some rows only).
    """

    total: Column
    parts: tuple[Column, ...]
    minus: tuple[Column, ...] = ()
    when_any: tuple[Column, ...] = ()


@attrs.frozen
class LineSum:
    """In every column of the panel (or ``columns``): row ``total`` = Σ rows ``parts``."""

    total: Line
    parts: tuple[Line | Group, ...]
    columns: tuple[Column, ...] | None = None


@attrs.frozen
class PanelSpec:
    """A panel's columns, its rows and the sums inside it."""

    columns: tuple[ColumnSpec, ...]
    rows: Rows = Rows.NONE
    leading: tuple[LineSpec, ...] = ()
    trailing: tuple[LineSpec, ...] = ()
    side: Side = Side.WHOLE
    row_sums: tuple[RowSum, ...] = ()
    line_sums: tuple[LineSum, ...] = ()
    rolls_up: bool = False
    #: The columns that add down the rows (None: all).  A fund table's 年初/本年收入/年末 are
    #: printed on its 合计 row only, so they do not add up over its 功能分类 rows.
    down: tuple[Column, ...] | None = None

    @property
    def lines(self) -> tuple[LineSpec, ...]:
        return (*self.leading, *self.trailing)

    def column_keys(self) -> tuple[Column, ...]:
        return tuple(spec.column for spec in self.columns)

    def line_spec(self, line: Line) -> LineSpec | None:
        return next((spec for spec in self.lines if spec.line is line), None)


@attrs.frozen
class CellSum:
    """Across the panels of one table: cell ``total`` = Σ ``parts`` − Σ ``minus`` (each a line × column)."""

    total: tuple[Line, Column]
    parts: tuple[tuple[Line, Column], ...]
    minus: tuple[tuple[Line, Column], ...] = ()


@attrs.frozen
class TableSpec:
    """One standard table: its kind, title wordings, panels and the sums that hold inside it."""

    kind: TableKind
    titles: tuple[str, ...]
    panels: tuple[PanelSpec, ...]
    cell_sums: tuple[CellSum, ...] = ()

    @property
    def title(self) -> str:
        return self.titles[0]

    def columns(self) -> tuple[Column, ...]:
        return tuple(spec.column for panel in self.panels for spec in panel.columns)


@attrs.frozen
class TableEntry:
    """A table of a set, with the number it prints under and, where it differs, its own title."""

    number: str
    kind: TableKind
    title: str | None = None


@attrs.frozen
class TableSet:
    """The tables a template publishes, in order."""

    name: str
    label: str
    entries: tuple[TableEntry, ...]

    def kinds(self) -> tuple[TableKind, ...]:
        return tuple(entry.kind for entry in self.entries)


# --- constructors the 决算 and 预算 specs share ---------------------------------------------------


def line_spec(line: Line, *labels: str) -> LineSpec:
    """A named row printed under ``labels`` (by default the line's own wording)."""
    return LineSpec(line, labels or (line.value,))


def total_across(columns: tuple[ColumnSpec, ...]) -> RowSum:
    """In every row, the first of ``columns`` (the 合计) = Σ the others."""
    return RowSum(columns[0].column, tuple(spec.column for spec in columns[1:]))


#: The 合计 line a coded table opens with.
TOTAL_LINE = line_spec(Line.TOTAL, "合计", "总计")


def coded_table(
    kind: TableKind,
    titles: tuple[str, ...],
    columns: tuple[ColumnSpec, ...],
    *row_sums: RowSum,
    rows: Rows = Rows.FUNCTION,
    down: tuple[Column, ...] | None = None,
) -> TableSpec:
    """One panel: a row per code (功能分类 类, 款, 项 or 经济分类 类, 款) under a 合计 line that adds up the 类."""
    panel = PanelSpec(
        columns,
        rows=rows,
        leading=(TOTAL_LINE,),
        row_sums=row_sums,
        line_sums=(LineSum(Line.TOTAL, (Group.CLASSES,)),),
        rolls_up=True,
        down=down,
    )
    return TableSpec(kind, titles, (panel,))


def revenue_panel(amount: ColumnSpec, leading: tuple[LineSpec, ...], *line_sums: LineSum) -> PanelSpec:
    """The 收入 side of a 收支总表: one amount column down the named revenue lines."""
    return PanelSpec((amount,), side=Side.REVENUE, leading=leading, line_sums=line_sums)


def expenditure_panel(
    columns: tuple[ColumnSpec, ...],
    trailing: tuple[LineSpec, ...],
    *line_sums: LineSum,
    row_sums: tuple[RowSum, ...] = (),
    rows: Rows = Rows.FUNCTION_CLASSES,
) -> PanelSpec:
    """The 支出 side of a 收支总表: a row per 功能分类 类 (unless ``rows`` says otherwise), then the named lines."""
    return PanelSpec(
        columns, side=Side.EXPENDITURE, rows=rows, trailing=trailing, row_sums=row_sums, line_sums=line_sums
    )


def balanced_table(
    kind: TableKind, titles: tuple[str, ...], revenue: PanelSpec, expenditure: PanelSpec, *cell_sums: CellSum
) -> TableSpec:
    """A 收支总表: 收入总计 = 支出总计, each in the first (total) column of its panel, then ``cell_sums``."""
    balance = CellSum(
        (Line.REVENUE_GRAND_TOTAL, revenue.columns[0].column),
        ((Line.EXPENDITURE_GRAND_TOTAL, expenditure.columns[0].column),),
    )
    return TableSpec(kind, titles, (revenue, expenditure), cell_sums=(balance, *cell_sums))


def vary_panel(spec: TableSpec, index: int, **changes: Any) -> TableSpec:
    """``spec`` with the panel at ``index`` changed as ``attrs.evolve`` would: a set's variant of a table."""
    panels = list(spec.panels)
    panels[index] = attrs.evolve(panels[index], **changes)
    return attrs.evolve(spec, panels=tuple(panels))


def numbered(numbers: tuple[str, ...], kinds: tuple[TableKind, ...]) -> tuple[TableEntry, ...]:
    """The entries printing ``kinds`` under ``numbers``, pairwise."""
    return tuple(TableEntry(number, kind) for number, kind in zip(numbers, kinds, strict=True))


def specs_by_kind(specs: Iterable[TableSpec]) -> dict[TableKind, TableSpec]:
    """The specs keyed by the table kind each lays out."""
    return {spec.kind: spec for spec in specs}


def sets_by_name(sets: Iterable[TableSet]) -> dict[str, TableSet]:
    """The table sets keyed by their names."""
    return {table_set.name: table_set for table_set in sets}
