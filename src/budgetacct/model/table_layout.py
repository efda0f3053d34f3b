"""The vocabulary of a table's layout spec: columns, named lines, the sums inside a table, table sets.

The specs themselves — one per standard table, as data — are in :mod:`budgetacct.model.table_specs`
(决算) and :mod:`budgetacct.model.budget_specs` (预算); this module holds the classes they are made of.
"""

from __future__ import annotations

import enum

import attrs

from budgetacct.model.tables import Column, Line, Side, TableKind

__all__ = [
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
