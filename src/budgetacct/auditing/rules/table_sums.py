"""Rules inside one standard table: row totals, column totals and roll-ups, and a table's balance (R64–R66).

The sums come from the layout specs (:mod:`budgetacct.model.table_specs`): each rule is a loop
over the spec's data, so a table's identities are written down once, beside its layout.
"""

from __future__ import annotations

from collections.abc import Sequence

from budgetacct.auditing.check import Checker
from budgetacct.auditing.finding import Message
from budgetacct.auditing.rules.table_cells import Printed, compare, panels, printed_cell
from budgetacct.codes import BasicExpensePart, EconomicCode, FunctionCode
from budgetacct.model.table_layout import Group, TableSpec
from budgetacct.model.table_specs import spec_for
from budgetacct.model.tables import Column, Line, Panel, RowKey, StandardTable, cell_value


def table_row_totals(c: Checker) -> None:
    """Each row's total column = Σ its part columns (本年收入合计 = Σ sources; 合计 = 基本 + 项目 …)."""
    for t, table, p, panel, spec in panels(c):
        for row_sum in spec.row_sums:
            total_index = panel.column_index(row_sum.total)
            indices = [i for i in map(panel.column_index, row_sum.parts) if i is not None]
            minus = [i for i in map(panel.column_index, row_sum.minus) if i is not None]
            when = [i for i in map(panel.column_index, row_sum.when_any) if i is not None]
            if total_index is None or not indices or len(minus) != len(row_sum.minus):
                continue
            for r, row in enumerate(panel.rows):
                if all(row.cells[i] is None for i in (total_index, *indices, *minus)):
                    continue
                if row_sum.when_any and all(cell_value(row.cells[i]) is None for i in when):
                    continue
                total = printed_cell(c, t, table, p, r, total_index)
                compare(
                    c,
                    total,
                    [printed_cell(c, t, table, p, r, i) for i in indices],
                    "与本行各分项之和不符",
                    ": differs from the sum of the row's parts",
                    minus=[printed_cell(c, t, table, p, r, i) for i in minus],
                )


def _key_parent(key: RowKey) -> RowKey | None:
    if isinstance(key, FunctionCode | EconomicCode):
        return key.parent
    return None


def _top_rows(panel: Panel) -> list[int]:
    """Coded rows whose parent is not printed in the panel (the 类, or the highest level printed)."""
    keys = {row.key for row in panel.rows}
    return [
        r
        for r, row in enumerate(panel.rows)
        if row.line is None and all(a not in keys for a in _ancestors(row.key))
    ]


def _ancestors(key: RowKey) -> tuple[RowKey, ...]:
    if isinstance(key, FunctionCode | EconomicCode):
        return tuple(key.ancestors)
    return ()


def _group_rows(panel: Panel, group: Group) -> list[int]:
    top = _top_rows(panel)
    if group is Group.CLASSES:
        return top
    wanted = BasicExpensePart.PERSONNEL if group is Group.PERSONNEL_CLASSES else BasicExpensePart.PUBLIC
    return [r for r in top if (e := panel.rows[r].economic) is not None and e.basic_expense_part is wanted]


def _columns(panel: Panel, wanted: tuple[Column, ...] | None) -> Sequence[int]:
    if wanted is None:
        return range(len(panel.columns))
    return [i for i in map(panel.column_index, wanted) if i is not None]


_OF_ITS_ROWS = Message("与其组成行之和不符", ": differs from the sum of the rows it totals")
_OF_ITS_SUB_ITEMS = Message("与其下级科目之和不符", ": differs from the sum of its sub-items")


def _rows_add_up(
    c: Checker,
    t: int,
    table: StandardTable,
    p: int,
    total_row: int,
    part_rows: Sequence[int],
    columns: Sequence[int],
    message: Message,
) -> None:
    """In each of ``columns``, the cell of ``total_row`` = Σ the cells of ``part_rows``."""
    for col in columns:
        total = printed_cell(c, t, table, p, total_row, col)
        parts = [printed_cell(c, t, table, p, r, col) for r in part_rows]
        compare(c, total, parts, message.zh, message.en)


def table_column_totals(c: Checker) -> None:
    """In each column: 合计 = Σ 类, 类 = Σ 款, 款 = Σ 项; named totals = Σ their lines."""
    for t, table, p, panel, spec in panels(c):
        rows_by_key = {row.key: r for r, row in enumerate(panel.rows)}
        for line_sum in spec.line_sums:
            total_row = rows_by_key.get(line_sum.total)
            if total_row is None:
                continue
            part_rows: list[int] = []
            for part in line_sum.parts:
                if isinstance(part, Group):
                    part_rows.extend(_group_rows(panel, part))
                elif part in rows_by_key:
                    part_rows.append(rows_by_key[part])
            if not part_rows:
                continue
            columns = _columns(panel, line_sum.columns or spec.down)
            _rows_add_up(c, t, table, p, total_row, part_rows, columns, _OF_ITS_ROWS)
        if not spec.rolls_up:
            continue
        children: dict[int, list[int]] = {}
        for r, row in enumerate(panel.rows):
            parent = _key_parent(row.key)
            if parent is not None and parent in rows_by_key:
                children.setdefault(rows_by_key[parent], []).append(r)
        columns = _columns(panel, spec.down)
        for parent_row, child_rows in children.items():
            _rows_add_up(c, t, table, p, parent_row, child_rows, columns, _OF_ITS_SUB_ITEMS)


def _spec_cell(c: Checker, t: int, table: StandardTable, ref: tuple[Line, Column]) -> Printed | None:
    where = table.locate(*ref)
    if where is None:
        return None
    return printed_cell(c, t, table, *where)


def table_cross_panel_totals(c: Checker) -> None:
    """Across a table's panels: 收入总计 = 支出总计; each fund's 年末 = 年初 + 收入 − 支出."""
    for t, table in enumerate(c.d.tables):
        spec: TableSpec = spec_for(table.kind, c.d.table_set)
        for cell_sum in spec.cell_sums:
            total = _spec_cell(c, t, table, cell_sum.total)
            parts = [_spec_cell(c, t, table, ref) for ref in cell_sum.parts]
            minus = [_spec_cell(c, t, table, ref) for ref in cell_sum.minus]
            if total is None or any(x is None for x in (*parts, *minus)):
                continue
            compare(
                c,
                total,
                [x for x in parts if x is not None],
                "与表内对应数不符",
                ": differs from the figures it balances in the table",
                minus=[x for x in minus if x is not None],
            )
