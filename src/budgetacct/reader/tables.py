"""Tables inside a report's text: 绩效自评表 (Word tables), table rows pasted from a PDF, chart data.

Four encodings of tabular text are read:

* **Word-table text** (the seed's attachment): each cell starts on a new line with a tab, a line
  without a leading tab continues the cell above (``完成`` + ``指标`` → ``完成指标``), a blank line
  ends the row.  The 项目支出绩效自评表 are read from these rows: 主管部门及代码, 实施单位,
  预算数/执行数 (财政拨款/其他资金), 预期目标/实际完成, and the indicator rows with 一级/二级 labels
  carried down where their cells are blank.  The MoF form pasted one row per line is read too:
  its money block by column (全年预算数, 全年执行数, 分值, 得分) and 总分.
* **Rows pasted from a PDF or a spreadsheet**: one row per line, cells separated by tabs or by two
  or more spaces (``201  一般公共服务支出  614.00  570.00  44.00``).  A table is found by its title
  (:func:`~budgetacct.model.table_specs.find_spec`); its rows become a grid (code, name, then the
  figures in the order of the spec's columns) read by :mod:`budgetacct.reader.grid_tables` into a
  :class:`~budgetacct.model.tables.StandardTable` for ``Disclosure.tables``, as a PDF's ruled
  table is.  The rows of 收入决算表, 支出决算表 and 一般公共预算财政拨款支出决算表 also fill their
  sections.  收入支出决算总表, 财政拨款收入支出决算总表 (label, 行次, amounts on each side) and
  一般公共预算财政拨款基本支出决算表 (人员经费 and 公用经费 side by side) fill their sections by
  :mod:`~budgetacct.reader.table_summaries` and are kept as grids of their two sides too.  Under
  any other table title followed by its unit line, a row's bare numbers are reported unread.
* **Tables printed one cell per line** (a web page's table copied as text): under a table title
  and its unit line, the short lines are gathered as one stream of cells; 收入支出决算总表 is read
  from it as label–行次–amount pairs, any other table's figures are reported unread together.
* **Chart data** left behind by Word charts (``2020年	2021年	894	874.63``): the previous-year
  figure of a chart whose caption names a year-on-year chart (图1 收、支决算总计, 图4 财政拨款,
  图5 一般公共预算财政拨款支出) fills ``StatedChange.previous`` when exactly one data row matches
  the current figure the narrative states.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

import attrs

from budgetacct.errors import InvalidValue
from budgetacct.model.section_tables import REVENUE_ROW_FIELDS, SPENDING_FIELDS
from budgetacct.model.table_layout import ColumnSpec, Rows, TableSpec
from budgetacct.model.table_specs import find_spec
from budgetacct.model.tables import Column, Line, Measure, StandardTable, TableKind
from budgetacct.money import Amount, Unit
from budgetacct.paths import Path, parse_path
from budgetacct.reader.document import Box, TableGrid
from budgetacct.reader.document import Cell as GridCell
from budgetacct.reader.document import Line as DocumentLine
from budgetacct.reader.draft import Where, tidy_amount
from budgetacct.reader.grid_tables import GridTables, tables_from_grids
from budgetacct.reader.normalize import (
    Line as TextLine,
)
from budgetacct.reader.normalize import (
    is_part_heading,
    tabular_cells,
)
from budgetacct.reader.reading import Reader
from budgetacct.reader.table_cells import (
    FIGURE_CELL,
    NUMBER_CELL,
    SUBTITLE,
    Cell,
    Row,
    is_title_line,
    mark_blocks,
    unread_cells,
    unread_row,
    word_rows,
)
from budgetacct.reader.table_evaluation import read_evaluations
from budgetacct.reader.table_summaries import BasicTable, FiscalTable, Summary

__all__ = ["Cell", "PastedTables", "Row", "apply_charts", "mark_blocks", "read_tables", "word_rows"]


# --- financial tables pasted as rows: a grid read through the table's layout spec --------------------------------

_CODE_NAME = re.compile(r"^\[?(?P<code>\d{3}(?: ?\d{2}){0,2})\]?\s*(?P<name>[^\d.\s].*)?$")
# The tables pasted side by side (label, 行次, amount on each side), read by their own readers.
_SIDE_BY_SIDE: Final = {
    TableKind.SUMMARY: "summary",
    TableKind.FISCAL_SUMMARY: "fiscal",
    TableKind.GENERAL_BUDGET_BASIC: "basic",
}
# The Disclosure section a table's rows are read into, with the row field each column shows.
_SECTIONS: Final = {
    TableKind.GENERAL_BUDGET: ("general_budget", SPENDING_FIELDS),
    TableKind.EXPENDITURE: ("expenditure", SPENDING_FIELDS),
    TableKind.REVENUE: ("revenue", REVENUE_ROW_FIELDS),
}


def _table_kind(title: str) -> str | TableSpec | None:
    """What a table title names: a side-by-side table, the spec of a table read row by row,
    ``"other"`` (a 决算 table the reader does not place) or ``None`` (no 决算 table title)."""
    if "决算表" not in title and "决算总表" not in title:
        return None
    spec = find_spec(title)
    if spec is None or spec.kind.is_budget:
        return "other"
    if spec.kind in _SIDE_BY_SIDE:
        return _SIDE_BY_SIDE[spec.kind]
    if len(spec.panels) == 1 and spec.panels[0].rows is Rows.FUNCTION:
        return spec
    return "other"


def _split_row(cells: list[Cell], *, labelled: bool = False) -> tuple[str, str, list[Cell]] | None:
    """A 类/款/项 row (or the 合计 row) as (code, name, figure cells); ``None`` if it is not one.

    The code is printed in one cell (``2210201``), split into its parts (``221  02  01``) or with
    the name (``[201]一般公共服务支出``).  ``labelled``: a row with a label and no code is one too
    (the table's spec says whether it names such a line)."""
    texts = [c.value for c in cells]
    index = 0
    code_parts: list[str] = []
    name = ""
    if texts[0] in ("合计", "总计"):
        name, index = texts[0], 1
    else:
        while index < len(texts) and re.fullmatch(r"\d{2,3}", texts[index]) and len(code_parts) < 3:
            if (len(code_parts) == 0 and len(texts[index]) != 3) or (code_parts and len(texts[index]) != 2):
                break
            code_parts.append(texts[index])
            index += 1
        if not code_parts:
            m = _CODE_NAME.match(texts[0])
            if m is None and not (labelled and not NUMBER_CELL.match(texts[0])):
                return None
            code_parts = [m.group("code").replace(" ", "")] if m else []
            name = (m.group("name") or "").strip() if m else texts[0]
            index = 1
        if not name and index < len(texts) and not NUMBER_CELL.match(texts[index]):
            name = texts[index]
            index += 1
    numbers = cells[index:]
    if not numbers or not all(NUMBER_CELL.match(c.value) or c.value in ("-", "—") for c in numbers):
        return None
    return "".join(code_parts), name, numbers


def _flow_box(row: int, column: int) -> Box:
    """A pasted cell's place in flow coordinates: its row and column in the table."""
    return Box(1, column, row, column + 1, row + 1)


class _Pasted:
    """The rows of one table pasted one row per line, as a grid: code, name, then the figures in
    the order of the spec's columns (pasting loses a header's alignment, not the columns' order)."""

    def __init__(self, spec: TableSpec, title: str) -> None:
        self.spec, self.title = spec, title
        self.width = len(spec.panels[0].columns)
        self.rows: list[tuple[Cell, str, str, list[Cell]]] = []
        # A row with fewer figures than columns cannot say which columns are blank: its table is
        # not kept whole (its sums would fail on cells never read), only its first figure is read.
        self.incomplete = False

    def row(self, r: Reader, cells: list[Cell], *, under_unit: bool) -> bool:
        # A row named by its label alone is the table's only under its unit line: below a list of
        # table titles (a table of contents) it is chart data.
        split = _split_row(cells, labelled=under_unit)
        if split is None:
            return False
        code, name, numbers = split
        if len(numbers) != self.width:
            if len(numbers) > 1:
                r.draft.reject(
                    cells[0].where(),
                    f"{len(numbers)} amounts where the table has {self.width} columns: only the first is read",
                    f"该表应有{self.width}列金额，此行有{len(numbers)}个：只读取第一个",
                    [c.value for c in cells][:12],
                )
            numbers = numbers[:1]
            self.incomplete = True
        self.rows.append((cells[0], code, name, numbers))
        return True

    def grid(self) -> TableGrid:
        columns = [("科目编码",), ("科目名称",), *(_header(c) for c in self.spec.panels[0].columns)]
        rows = [(code, name, *(c.value for c in numbers)) for _, code, name, numbers in self.rows]
        return _flow_grid(self.title, columns, rows)

    def cell(self, box: tuple[float, float, float, float] | None) -> Cell:
        """The pasted cell at a grid box (a row's first cell for its code and name)."""
        head, _, _, numbers = self.rows[int(box[1]) if box else 0]
        column = int(box[0]) - 2 if box else -1
        return numbers[column] if 0 <= column < len(numbers) else head

    def read(self, r: Reader, unit: Unit) -> GridTables | None:
        """The table read through its spec (``None`` when incomplete); the rows of a table the
        Disclosure has a section for are put into the draft, each figure where it was printed."""
        if not self.rows:
            return None
        read = tables_from_grids([self.grid()], year=r.year, default_unit=unit)
        for unread in read.unread:
            where = self.cell(unread.box).where()
            r.draft.reject(where, unread.reason, unread.reason_zh, unread.text.split(" | ")[:12])
        if not read.tables:
            return None
        if self.spec.kind in _SECTIONS:
            boxes = {parse_path(source.path)[4:]: source.box for source in read.sources}
            self.put(r, read.tables[0], boxes)
        return None if self.incomplete else read

    def put(
        self, r: Reader, table: StandardTable, boxes: dict[Path, tuple[float, float, float, float]]
    ) -> None:
        section, fields = _SECTIONS[self.spec.kind]
        panel = table.panels[0]
        lead = fields[Column(Measure.TOTAL)]
        for index, row in enumerate(panel.rows):
            figures: dict[str, tuple[Amount, tuple[float, float, float, float]]] = {}
            for c, (column, value) in enumerate(zip(panel.columns, row.cells, strict=True)):
                box = boxes.get(("rows", index, "cells", c))
                if column in fields and isinstance(value, Amount) and value.value >= 0 and box:
                    figures[fields[column]] = (tidy_amount(value, table.unit), box)
            if lead not in figures:
                continue
            value, box = figures.pop(lead)
            if row.line is Line.TOTAL:
                r.draft.put((section, "total"), value, self.cell(box).where(), table.unit)
                continue
            if row.function is None:
                continue
            head = self.rows[int(box[1])][0].where()
            required: dict[str, tuple[object, Where, Unit | None]] = {
                "code": (row.function, head, None),
                lead: (value, self.cell(box).where(), table.unit),
            }
            if row.name:
                required["name"] = (row.name, head, None)
            item = r.draft.item((section, "rows"), row.function.code, required)
            if item is None:
                continue
            for field, (value, box) in figures.items():
                r.draft.put((section, "rows", item, field), value, self.cell(box).where(), table.unit)


def _header(column: ColumnSpec) -> tuple[str, ...]:
    """A column's header as the spec words it (under its group, if it has one)."""
    return (column.group, column.labels[0]) if column.group else (column.labels[0],)


def _flow_grid(title: str, columns: list[tuple[str, ...]], rows: Sequence[Sequence[str]]) -> TableGrid:
    """A pasted table as a grid in flow coordinates, under its title."""
    cells = [[GridCell(text, _flow_box(i, j)) for j, text in enumerate(row)] for i, row in enumerate(rows)]
    heading = DocumentLine((), title, _flow_box(0, 0))
    return TableGrid(cells, [Box(1, 0, 0, len(columns), len(rows))], [heading], columns=columns)


_ROW_NUMBER = re.compile(r"^\d{1,3}$")


def _groups(cells: list[Cell]) -> list[tuple[list[Cell], list[Cell]]] | None:
    """A row printed side by side as its groups, each its label cells (a code and a name, or a name
    and its 行次) then its figures; ``None`` when a group has no figure."""
    groups: list[tuple[list[Cell], list[Cell]]] = []
    for cell in cells:
        if FIGURE_CELL.match(cell.value) or cell.value in ("-", "—"):
            if not groups:
                return None
            groups[-1][1].append(cell)
        elif not groups or groups[-1][1]:
            groups.append(([cell], []))
        else:
            groups[-1][0].append(cell)
    return groups if groups and all(figures for _, figures in groups) else None


class _SideBySide:
    """A table printed in groups side by side on each row, as a grid: the 总表 with its 收入 and
    支出 panels, the 基本支出 table with its 人员经费 and 公用经费 halves.  Its figures go into the
    Disclosure's sections by their own readers (:mod:`~budgetacct.reader.table_summaries`); this
    keeps the table as printed."""

    def __init__(self, spec: TableSpec, title: str) -> None:
        self.spec, self.title = spec, title
        # each row's groups: each group's cells as (text, the pasted cell it comes from)
        self.rows: list[list[list[tuple[str, Cell]]]] = []
        self.incomplete = False

    def row(self, cells: list[Cell]) -> None:
        groups = _groups(cells)
        if groups is None:
            # a row of figures the grouping cannot place (a figure printed without decimals)
            self.incomplete |= any(FIGURE_CELL.match(c.value) for c in cells)
            return
        placed = []
        for index, (labels, figures) in enumerate(groups):
            panel = self.spec.panels[min(index, len(self.spec.panels) - 1)]
            if len(figures) != len(panel.columns) or index > 1:
                self.incomplete = True
                return
            if len(labels) > 1 and _ROW_NUMBER.match(labels[-1].value) and not labels[0].value.isdigit():
                labels = labels[:-1]  # the 行次
            coded = len(labels) > 1 and labels[0].value.isdigit()
            name = (" ".join(c.value for c in labels[coded:]), labels[0])
            code = (labels[0].value if coded else "", labels[0])
            heads = [name] if len(self.spec.panels) > 1 else [code, name]
            placed.append([*heads, *((c.value, c) for c in figures)])
        self.rows.append(placed)

    def parts(self) -> list[list[tuple[str, ...]]]:
        """The header paths of each group's columns."""
        panels = self.spec.panels
        if len(panels) > 1:  # 收入 | 支出: each side's 项目 and figures, under the side's name
            return [
                [(panel.side.value, "项目"), *((panel.side.value, *_header(c)) for c in panel.columns)]
                for panel in panels
            ]
        half = [("科目编码",), ("科目名称",), *(_header(c) for c in panels[0].columns)]
        return [half] * max(len(row) for row in self.rows)  # the halves repeat the one panel's columns

    def cells(
        self, row: list[list[tuple[str, Cell]]], parts: list[list[tuple[str, ...]]]
    ) -> list[tuple[str, Cell]]:
        blank = ("", self.rows[0][0][0][1])
        return [
            cell for i, part in enumerate(parts) for cell in (row[i] if i < len(row) else [blank] * len(part))
        ]

    def grid(self) -> TableGrid:
        parts = self.parts()
        rows = [[text for text, _ in self.cells(row, parts)] for row in self.rows]
        return _flow_grid(self.title, [path for part in parts for path in part], rows)

    def cell(self, box: tuple[float, float, float, float]) -> Cell:
        return self.cells(self.rows[int(box[1])], self.parts())[int(box[0])][1]

    def read(self, r: Reader, unit: Unit) -> GridTables | None:
        """The table as printed, ``None`` when a row was not placed (its sums would fail)."""
        if not self.rows or self.incomplete:
            return None
        read = tables_from_grids([self.grid()], year=r.year, default_unit=unit)
        return read if read.tables and not read.unread else None


# --- charts -----------------------------------------------------------------------------------------------------

_CHART_KEYS: Final = (
    ("财政拨款收、支决算总计", "fiscal", ("fiscal", "grand_total")),
    ("财政拨款收支决算总计", "fiscal", ("fiscal", "grand_total")),
    ("收、支决算总计", "overview", ("overview", "revenue_grand_total")),
    ("收支决算总计", "overview", ("overview", "revenue_grand_total")),
    ("一般公共预算财政拨款支出决算变动", "general_budget", ("general_budget", "total")),
)


def _chart_pair(r: Reader, cells: list[Cell]) -> tuple[Amount, Amount, Cell] | None:
    texts = [c.value for c in cells]
    prior, current = f"{r.year - 1}年", f"{r.year}年"
    for index in range(len(texts) - 3):
        if texts[index] == prior and texts[index + 1] == current:
            a, b = texts[index + 2], texts[index + 3]
            if (
                NUMBER_CELL.match(a)
                and NUMBER_CELL.match(b)
                and not a.startswith("-")
                and not b.startswith("-")
            ):
                try:
                    return Amount(a), Amount(b), cells[index + 2]
                except InvalidValue:
                    return None
    return None


ChartPair = tuple[Amount, Amount, Cell]


def _short_row(text: str) -> list[str] | None:
    """The two cells of a ``label<tab>number`` line, which alone is not recognisably tabular."""
    cells = [cell.strip() for cell in text.split("\t") if cell.strip()]
    if len(cells) == 2 and not NUMBER_CELL.match(cells[0]) and NUMBER_CELL.match(cells[1]):
        return cells
    return None


_MONEY_UNIT: Final = re.compile(r"单位：(?:万元|元|亿元)")
_SPACED_ROW: Final = re.compile(
    r"(?P<label>[^\s。，；！？]*[\u4e00-\u9fff][^。，；！？]*?[^\d\s.])\s+(?P<figures>-?\d+(?:\.\d+)?(?:\s+-?\d+(?:\.\d+)?)*)"
)


def _spaced_row(line: TextLine) -> tuple[Cell, list[str]] | None:
    """A table row printed as its label and its figures with single spaces between (“一、支出合计
    9.28”): the label's cell and the figures; ``None`` for any other line."""
    if line.kind not in ("prose", "heading"):
        return None
    found = _SPACED_ROW.fullmatch(line.cells.strip())
    if found is None:
        return None
    label = found.group("label")
    return Cell(label, line, label), found.group("figures").split()


def _wrapped_prose(text: str) -> bool:
    """A line of a sentence (wrapped at the page's width, as PDF text is): sentence punctuation
    inside it.  Table cells carry none; such a line ends the table before it."""
    return any(mark in text for mark in ("。", "，", "；", "！", "？"))


def _table_cell_line(text: str) -> bool:
    """A short line that can be one cell of a table printed one cell per line (a row's label
    “一、一般公共服务支出” looks like a heading; a part or a section of the narrative does not)."""
    return (
        len(text) <= 40
        and not _wrapped_prose(text)
        and not text.startswith("注")
        and not is_part_heading(text)
        and not any(word in text for word in ("决算表", "决算总表", "说明", "情况"))
    )


def _read_stream(
    r: Reader, kind: str | TableSpec | None, unit: Unit, cells: list[Cell], summary: Summary
) -> None:
    if kind == "summary":
        summary.stream(r, unit, cells)
    else:
        unread_cells(r, cells, "table printed one cell per line, not read", "逐格排印的表格，未读取")


@attrs.frozen
class PastedTables:
    """What the tables in a report's text gave besides the figures put into the draft: the chart
    data rows found, and the standard tables pasted one row per line."""

    charts: tuple[ChartPair, ...]
    tables: tuple[StandardTable, ...]


def read_tables(r: Reader, blocks: list[list[Row]]) -> PastedTables:
    """Read the Word-table blocks and the pasted table rows."""
    count = 0
    for rows in blocks:
        count = read_evaluations(r, rows, count)
    kind: str | TableSpec | None = None
    pasted: _Pasted | _SideBySide | None = None
    standard: list[StandardTable] = []
    unit = Unit.WAN_YUAN
    # A table title followed by its unit line (金额单位：万元): the rows below are a table's, not a
    # list of titles (a report's table of contents) with chart data after it.
    unit_line = False
    # A unit line with no 决算表 title above it: rows “label figure” printed with one space below it.
    loose = False
    summary = Summary()
    stream: list[Cell] = []
    fiscal = FiscalTable()
    basic = BasicTable()
    pairs: list[ChartPair] = []
    evaluation: list[Row] | None = None
    for line in r.document.lines:
        if line.kind == "furniture":
            continue  # a page number or running header inside a table: the table goes on past it
        if evaluation is not None:
            if line.kind == "tabular" or (line.kind != "word" and "\t" in line.raw.strip("\n\r ")):
                evaluation.append(_tab_row(line))
                line.kind = "word"
                continue
            if line.kind != "blank" and len(evaluation) == 1 and SUBTITLE.fullmatch(line.text):
                continue  # “（2023年度）” or the unit under the title
            if line.kind != "blank":
                count = read_evaluations(r, evaluation, count)
                evaluation = None
        if line.kind in ("prose", "heading") and is_title_line(line.text):
            evaluation = [Row([Cell(line.cells.strip(), line, line.raw.strip())], line)]
            line.kind = "word"
            continue
        if line.kind in ("prose", "heading") and unit_line and _short_row(line.cells):
            # “其他人员支出<tab>10.00” (“六、其他收入<tab><tab>12”, numbered like a heading) under a
            # table's title and unit: a row of two cells.
            line.kind = "tabular"
        if line.kind in ("prose", "heading") and unit_line and _table_cell_line(line.text):
            # A table printed one cell per line (a web page's table as text): gathered whole.
            stream.append(Cell(line.cells.strip(), line, line.raw.strip()))
            line.kind = "word"
            continue
        spaced = _spaced_row(line) if loose else None
        if spaced is not None:
            # “2、公务接待费 9.28” under “单位：万元” (a table no title names): its figures counted.
            r.draft.reject(spaced[0].where(), "table row not understood", "未能识别的表格行", spaced[1])
            line.kind = "word"
            continue
        if stream and line.kind != "blank":
            _read_stream(r, kind, unit, stream, summary)
            stream = []
        if line.kind in ("prose", "heading"):
            loose = loose and not _wrapped_prose(line.text) and not is_part_heading(line.text)
            if ("决算表" in line.text or "决算总表" in line.text) and len(line.text) <= 60:
                summary.close(r)
                fiscal.close(r)
                basic.close(r)
                _close(r, pasted, unit, standard)
                kind = _table_kind(line.text)
                pasted = _collector(kind, line.text)
                unit = Unit.WAN_YUAN
                unit_line = False
            elif "单位" in line.text and len(line.text) <= 40:
                unit_line = kind is not None
                loose = kind is None and _MONEY_UNIT.search(line.text) is not None
                if re.search(r"单位[：]?元", line.text):
                    unit = Unit.YUAN
                elif "万元" in line.text:
                    unit = Unit.WAN_YUAN
            elif len(line.text) > 60 or _wrapped_prose(line.text) or is_part_heading(line.text):
                _close(r, pasted, unit, standard)
                kind, pasted, unit_line = None, None, False
            continue
        if line.kind != "tabular":
            continue
        found = tabular_cells(line.cells) or _short_row(line.cells)
        if not found:
            continue
        if kind == "summary" and "\t" in line.cells:
            # The summary's rows with their blank cells: where a 行次 or an amount is left blank.
            found = [piece.strip() for piece in line.cells.strip("\n\r ").split("\t")]
        cells = [Cell(text, line, text) for text in found]
        pair = _chart_pair(r, cells)
        if pair is not None:
            pairs.append(pair)
            continue
        if re.match(r"^\d{4}年$", cells[0].value):
            continue
        if isinstance(pasted, _SideBySide):
            pasted.row(cells)
        if kind == "summary":
            if summary.row(r, unit, cells):
                continue
        elif kind == "fiscal":
            if fiscal.row(r, unit, cells):
                continue
        elif kind == "basic":
            if basic.row(r, unit, cells):
                continue
        elif isinstance(pasted, _Pasted):
            if pasted.row(r, cells, under_unit=unit_line):
                continue
        elif _split_row(cells) is not None:
            r.draft.reject(
                cells[0].where(), "row of a table the reader does not read", "未读取的表格行", found[:12]
            )
            continue
        unread_row(r, Row(cells, line), "table row not understood", "未能识别的表格行", in_table=unit_line)
    if stream:
        _read_stream(r, kind, unit, stream, summary)
    summary.close(r)
    fiscal.close(r)
    basic.close(r)
    _close(r, pasted, unit, standard)
    if evaluation is not None:
        read_evaluations(r, evaluation, count)
    return PastedTables(tuple(pairs), tuple(standard))


def _collector(kind: str | TableSpec | None, title: str) -> _Pasted | _SideBySide | None:
    """What gathers the rows of the table the title names, as the table is printed."""
    if isinstance(kind, TableSpec):
        return _Pasted(kind, title)
    spec = find_spec(title)
    return _SideBySide(spec, title) if spec is not None and spec.kind in _SIDE_BY_SIDE else None


def _close(r: Reader, pasted: _Pasted | _SideBySide | None, unit: Unit, tables: list[StandardTable]) -> None:
    """Keep the table gathered, each of its figures where it was printed."""
    read = pasted.read(r, unit) if pasted is not None else None
    if pasted is None or read is None:
        return
    for source in read.sources:
        r.draft.source(("tables", len(tables), *parse_path(source.path)[2:]), pasted.cell(source.box).where())
    tables.append(read.tables[0])


def _tab_row(line: TextLine) -> Row:
    """A row pasted on one line: cells split on tabs (empty cells kept) or on runs of 2+ spaces."""
    body = line.cells.strip("\n")
    pieces = body.split("\t") if "\t" in body else re.split(r" {2,}", body.strip())
    while pieces and not pieces[-1].strip():
        pieces.pop()
    return Row([Cell(piece.strip(), line, piece) for piece in pieces], line)


def apply_charts(r: Reader, pairs: Sequence[ChartPair]) -> None:
    """Fill ``change.previous`` from chart data rows matched to year-on-year chart captions."""
    if not pairs:
        return
    captioned: dict[str, Path] = {}
    for line in r.document.lines:
        text = line.text
        if not text.startswith("图") or "变动" not in text:
            continue
        for phrase, key, current in _CHART_KEYS:
            if phrase in text:
                captioned.setdefault(key, current)
                break
    claims: dict[str, list[int]] = {}
    for key, current_path in captioned.items():
        current = r.draft.get(current_path)
        if not isinstance(current, Amount) or r.draft.get((key, "change", "direction")) is None:
            continue
        claims[key] = [i for i, (_, cur, _) in enumerate(pairs) if cur == current]
    for key, matches in claims.items():
        shared = any(matches == other for k, other in claims.items() if k != key)
        if len(matches) != 1 or shared:
            if matches:
                r.draft.notes.append(f"chart data for {key} is ambiguous: previous-year figure left unset")
            continue
        previous, _, cell = pairs[matches[0]]
        r.draft.put((key, "change", "previous"), previous, cell.where(), Unit.WAN_YUAN)
