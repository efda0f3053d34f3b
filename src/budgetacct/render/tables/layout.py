"""A :class:`~budgetacct.model.tables.StandardTable` laid out by its spec as a display :class:`Table`.

The header rows come from the spec's column wordings (:class:`~budgetacct.model.table_specs.ColumnSpec`:
the first label, under its ``group`` and, where a panel holds two bases, under 预算数 / 决算数); a
panel of 功能分类 rows gets 科目编码 (类 | 款 | 项, or one column as printed) and 科目名称; a panel of
经济分类 rows 科目编码 | 科目名称; a two-sided 总表 puts 收入 beside 支出, each with 项目 | 行次, their
total lines level at the bottom.  The 基本支出 table prints its 人员经费 and 公用经费 side by side.
Cells keep what was printed: a blank stays blank, a dash a dash, and a table printed in 元 is shown
in 元 with the digits it printed.

>>> from budgetacct import load_example
>>> table = load_example("xiqu-2021", "ledger").publish(tables="mof-9").tables[4]
>>> display = layout(table, department="示例单位", year=2021)
>>> [cell.text for cell in display.header_rows[0]]
['科目编码', '科目名称', '本年支出']
>>> display.rows[1].cells[:4]
('201', '', '', '一般公共服务支出')
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from budgetacct.codes import BasicExpensePart, EconomicCode, FunctionCode
from budgetacct.model.table_layout import PanelSpec, Rows, TableSpec
from budgetacct.model.table_specs import spec_for
from budgetacct.model.tables import DASH, Basis, Column, Line, Panel, RowRole, StandardTable, TableRow
from budgetacct.money import Amount, Unit
from budgetacct.render.labels import code_name
from budgetacct.render.tables.model import Cell, Row, Table, Value

__all__ = ["STUB_WORDS", "layout", "prints_stub"]

#: The header words over the columns left of the figures, the sides of a 总表 and the 基本支出 blocks.
STUB_WORDS: Final = frozenset(
    {"科目编码", "科目名称", "类", "款", "项", "项目", "行次", "收入", "支出"}
    | {part.value for part in BasicExpensePart}
)
_TOTAL_ROLES: Final = (RowRole.TOTAL, RowRole.GRAND_TOTAL, RowRole.SUBTOTAL)
_SHIFT: Final = {Unit.YUAN: 4, Unit.WAN_YUAN: 0, Unit.YI_YUAN: -4}


def _shown(cell: Amount | object, unit: Unit) -> Value:
    """A cell as the table printed it: an amount in the table's own unit, ``DASH``, or blank."""
    if isinstance(cell, Amount):
        shift = _SHIFT[unit]
        return cell if shift == 0 else Amount(cell.value.scaleb(shift))
    return DASH if cell is DASH else None


def _kind(row: TableRow) -> str:
    if row.role in _TOTAL_ROLES:
        return "total"
    if row.function is not None:
        return {3: "class", 5: "section", 7: "item"}.get(len(row.function.code), "line")
    return "line"


def _name(row: TableRow, spec: PanelSpec | None, year: int | None) -> str:
    """A row's printed name: as printed, else the spec's first wording, else the catalogue's."""
    if row.line is not None:
        line_spec = spec.line_spec(row.line) if spec is not None else None
        return row.name or (line_spec.labels[0] if line_spec is not None else row.line.value)
    code: FunctionCode | EconomicCode | None = row.function if row.function is not None else row.economic
    assert code is not None  # a row is keyed by a line or a code
    return code_name(code, row.name, year) if year is not None else (row.name or "")


# --- headers ------------------------------------------------------------------------------------


def _value_levels(panel: Panel, spec: PanelSpec | None) -> list[list[Cell]]:
    """The header rows over a panel's value columns: [basis,] [group,] label."""
    wordings = {c.column: c for c in spec.columns} if spec is not None else {}

    def words(column: Column) -> tuple[str, str | None]:
        found = wordings.get(column)
        return (found.labels[0], found.group) if found is not None else (column.label, None)

    bases = {column.basis for column in panel.columns}
    grouped = any(words(column)[1] for column in panel.columns)
    levels: list[list[str]] = []
    if len(bases) > 1:
        levels.append([column.basis.value for column in panel.columns])
    if grouped:
        levels.append([words(column)[1] or words(column)[0] for column in panel.columns])
        levels.append(["" if words(column)[1] is None else words(column)[0] for column in panel.columns])
    else:
        levels.append([words(column)[0] for column in panel.columns])
    return [_merge(level, panel.columns) for level in levels]


def _merge(texts: Sequence[str], columns: Sequence[Column]) -> list[Cell]:
    """Neighbouring cells of the same text (and basis) become one spanned cell; blanks stay single."""
    cells: list[Cell] = []
    keys: list[tuple[str, Basis]] = []
    for text, column in zip(texts, columns, strict=True):
        key = (text, column.basis)
        if cells and text and keys[-1] == key:
            cells[-1] = Cell(text, cells[-1].colspan + 1)
        else:
            cells.append(Cell(text))
            keys.append(key)
    return cells


def _stub(rows: Rows, two_sided: bool, split_codes: bool) -> tuple[list[Cell], list[Cell]]:
    """The first and the last header row over the columns left of the figures."""
    if rows is Rows.FUNCTION:
        if split_codes:
            return [Cell("科目编码", 3), Cell("科目名称")], [Cell("类"), Cell("款"), Cell("项"), Cell("")]
        return [Cell("科目编码"), Cell("科目名称")], [Cell(""), Cell("")]
    if rows is Rows.ECONOMIC:
        return [Cell("科目编码"), Cell("科目名称")], [Cell(""), Cell("")]
    if two_sided:
        return [Cell("项目"), Cell("行次")], [Cell(""), Cell("")]
    return [Cell("项目")], [Cell("")]


def _blank(cells: Sequence[Cell]) -> list[Cell]:
    return [Cell("", c.colspan) for c in cells]


def _panel_header(
    panel: Panel, spec: PanelSpec | None, two_sided: bool, split_codes: bool, depth: int
) -> list[list[Cell]]:
    """``depth`` header rows of one panel, stub then values."""
    levels = _value_levels(panel, spec)
    rows = spec.rows if spec is not None else Rows.NONE
    first, last = _stub(rows, two_sided, split_codes) if _has_stub(panel, spec, two_sided) else ([], [])
    out: list[list[Cell]] = []
    for index in range(depth):
        values = levels[index] if index < len(levels) else _blank(levels[-1])
        if index == 0:
            stub = first
        elif index == depth - 1:
            stub = last
        else:
            stub = _blank(first)
        out.append([*stub, *values])
    return out


def prints_stub(spec: PanelSpec, two_sided: bool = False) -> bool:
    """Whether a panel prints columns left of its figures: the “三公” table (one named line and
    nothing else) prints its figures alone."""
    return two_sided or spec.rows is not Rows.NONE or len(spec.lines) != 1


def _has_stub(panel: Panel, spec: PanelSpec | None, two_sided: bool) -> bool:
    if spec is None:
        return True
    return prints_stub(spec, two_sided) or len(panel.rows) != 1


def _depth(panel: Panel, spec: PanelSpec | None, split_codes: bool) -> int:
    levels = len(_value_levels(panel, spec))
    coded = spec is not None and spec.rows is Rows.FUNCTION and split_codes
    return max(levels, 2) if coded else levels


# --- bodies -------------------------------------------------------------------------------------


def _stub_cells(row: TableRow, spec: PanelSpec | None, year: int | None, split_codes: bool) -> list[Value]:
    rows = spec.rows if spec is not None else Rows.NONE
    name = _name(row, spec, year)
    if rows is Rows.FUNCTION:
        if row.function is None:
            return [name, "", "", ""] if split_codes else [name, ""]
        code = row.function.code
        return [code[:3], code[3:5], code[5:7], name] if split_codes else [code, name]
    if rows is Rows.ECONOMIC:
        return [row.economic.code, name] if row.economic is not None else [name, ""]
    return [name or row.label]


def _one_panel(table: StandardTable, spec: TableSpec, year: int | None, split_codes: bool) -> list[Row]:
    (panel,) = table.panels
    panel_spec = spec.panels[0] if spec.panels else None
    stub = _has_stub(panel, panel_spec, False)
    return [
        Row(
            (
                *(_stub_cells(row, panel_spec, year, split_codes) if stub else ()),
                *(_shown(cell, table.unit) for cell in row.cells),
            ),
            _kind(row),
        )
        for row in panel.rows
    ]


def _two_blocks(table: StandardTable, spec: PanelSpec, year: int | None) -> list[Row]:
    """基本支出: 人员经费 rows beside 公用经费 rows, their 合计 lines level, then 合计."""
    (panel,) = table.panels
    blocks: dict[BasicExpensePart, list[tuple[Value, ...]]] = {part: [] for part in BasicExpensePart}
    totals: dict[Line, tuple[Value, ...]] = {}
    for row in panel.rows:
        cells = (_stub_cells(row, spec, year, True)[0], _stub_cells(row, spec, year, True)[1])
        shown = (*cells, *(_shown(cell, table.unit) for cell in row.cells))
        if row.line is not None:
            totals[row.line] = shown
        else:
            part = row.economic.basic_expense_part if row.economic is not None else None
            blocks[part or BasicExpensePart.PERSONNEL].append(shown)
    blank: tuple[Value, ...] = ("", "", *(None for _ in panel.columns))
    left, right = blocks[BasicExpensePart.PERSONNEL], blocks[BasicExpensePart.PUBLIC]
    height = max(len(left), len(right))
    rows = [
        Row((*(left[i] if i < len(left) else blank), *(right[i] if i < len(right) else blank)))
        for i in range(height)
    ]
    personnel, public = totals.get(Line.PERSONNEL_TOTAL), totals.get(Line.PUBLIC_TOTAL)
    if personnel is not None or public is not None:
        rows.append(Row((*(personnel or blank), *(public or blank)), "total"))
    if Line.TOTAL in totals:
        rows.append(Row((*totals[Line.TOTAL], *blank), "total"))
    return rows


def _two_sided(table: StandardTable, spec: TableSpec, year: int | None) -> list[Row]:
    """收入 beside 支出: bodies from the top, total lines level at the bottom, 行次 down then across."""
    sides = []
    for p, panel in enumerate(table.panels):
        panel_spec = spec.panels[p] if p < len(spec.panels) else None
        entries = [
            # a 类 named nowhere (no catalogue for the year) is printed by its code
            (
                _name(row, panel_spec, year) or row.label,
                tuple(_shown(c, table.unit) for c in row.cells),
                row.role,
            )
            for row in panel.rows
        ]
        tail_at = next(
            (i for i, e in enumerate(entries) if e[2] in (RowRole.TOTAL, RowRole.GRAND_TOTAL)), None
        )
        cut = len(entries) if tail_at is None else tail_at
        sides.append((entries[:cut], entries[cut:], len(panel.columns)))
    height = max(len(body) for body, _, _ in sides)
    tail = max(len(tail) for _, tail, _ in sides)
    columns: list[list[tuple[str, tuple[Value, ...], bool]]] = []
    for body, tail_rows, width in sides:
        pad = ("", (None,) * width, False)
        column = [(n, c, False) for n, c, _ in body] + [pad] * (height - len(body))
        column += [pad] * (tail - len(tail_rows)) + [(n, c, True) for n, c, _ in tail_rows]
        columns.append(column)
    numbers: list[list[int | str]] = []
    counter = 0
    for column in columns:  # 行次 counts the named rows, down the 收入 side, then down the 支出 side
        numbered: list[int | str] = []
        for name, _, _ in column:
            counter += 1 if name else 0
            numbered.append(counter if name else "")
        numbers.append(numbered)
    rows = []
    for i in range(height + tail):
        cells: list[Value] = []
        for side, column in enumerate(columns):
            name, values, _ = column[i]
            cells.extend((name, numbers[side][i], *values))
        rows.append(Row(tuple(cells), "total" if i >= height else "line"))
    return rows


# --- the table ----------------------------------------------------------------------------------


def layout(
    table: StandardTable,
    *,
    department: str,
    year: int | None = None,
    set_name: str | None = None,
    split_codes: bool = True,
) -> Table:
    """``table`` laid out by its spec (``set_name`` picks a set's variant, e.g. ``university-4``).

    ``split_codes=False`` prints a 功能分类 code in one column, as some reports print it.
    """
    spec = spec_for(table.kind, set_name)
    if not table.panels:  # a table printed as a title and a note only
        return Table(
            table.number or "",
            table.title,
            department,
            ((Cell(""),),),
            (),
            unit=table.unit.value,
            note="\n".join(table.notes) or None,
            year=year,
        )
    two_sided = len(table.panels) == 2
    panel_specs = [spec.panels[p] if p < len(spec.panels) else None for p in range(len(table.panels))]
    basic_blocks = (
        not two_sided
        and len(table.panels) == 1
        and panel_specs[0] is not None
        and panel_specs[0].line_spec(Line.PERSONNEL_TOTAL) is not None
    )
    if basic_blocks:
        assert panel_specs[0] is not None
        inner = _panel_header(table.panels[0], panel_specs[0], False, split_codes, 1)[0]
        header: list[list[Cell]] = [[Cell(part.value, len(inner)) for part in BasicExpensePart], inner * 2]
        rows = _two_blocks(table, panel_specs[0], year)
    else:
        depth = max(_depth(panel, s, split_codes) for panel, s in zip(table.panels, panel_specs, strict=True))
        parts = [
            _panel_header(panel, s, two_sided, split_codes, depth)
            for panel, s in zip(table.panels, panel_specs, strict=True)
        ]
        header = [[cell for part in parts for cell in part[i]] for i in range(depth)]
        if two_sided:
            header.insert(
                0,
                [
                    Cell(panel.side.value, sum(c.colspan for c in part[0]))
                    for panel, part in zip(table.panels, parts, strict=True)
                ],
            )
            rows = _two_sided(table, spec, year)
        else:
            rows = _one_panel(table, spec, year, split_codes)
    return Table(
        table.number or "",
        table.title,
        department,
        tuple(tuple(row) for row in header),
        tuple(rows),
        unit=table.unit.value,
        note="\n".join(table.notes) or None,
        year=year,
    )
