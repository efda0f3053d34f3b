"""Standard tables from table grids: a published grid of cells → a typed :class:`StandardTable`.

A :class:`~budgetacct.reader.document.TableGrid` (from a PDF's ruling, a Word table, a sheet, a web
page's ``<table>``) is mapped onto the layout spec of the standard table it is
(:mod:`budgetacct.model.table_specs`): the title identifies the spec, header texts identify each
column's measure and basis, the code columns (类|款|项, or one 7-digit column) or the row's label
identify each row, and every cell becomes an amount in the table's own unit, a blank or a dash.
A grid with no title of its own on the page after a recognized table continues it (pages break
tables; the continuation's columns are matched to the table's by their horizontal position).

Nothing is guessed: a column, row or cell the spec does not explain is reported in
:attr:`GridTables.unread` with its page, and a table-like grid no spec matches is counted, so the
read's coverage can say how much of the tables it understood.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache
from typing import Final

import attrs

from budgetacct.codes import EconomicCode, FunctionCode, nearest_catalogue
from budgetacct.errors import BudgetAcctError
from budgetacct.model.table_layout import ColumnSpec, LineSpec, PanelSpec, Rows, TableSpec
from budgetacct.model.table_specs import spec_for
from budgetacct.model.tables import (
    DASH,
    Basis,
    Cell,
    Column,
    Line,
    Panel,
    Side,
    StandardTable,
    TableRow,
)
from budgetacct.money import Amount, Unit, parse_amount
from budgetacct.paths import render_path
from budgetacct.reader.document import Box, TableGrid
from budgetacct.reader.document import Cell as GridCell
from budgetacct.reader.grid_titles import (
    DASH_TEXTS,
    LEADING_CODE,
    NUMBERING,
    identify,
    is_number,
    norm,
    printed_department,
    printed_unit,
    row_label,
)

__all__ = ["CellSource", "GridTables", "UnreadCell", "tables_from_grids"]


@attrs.frozen
class CellSource:
    """Where a table cell was read: its path in the Disclosure, the page, its box, the text printed."""

    path: str
    page: int
    box: tuple[float, float, float, float]
    printed: str


@attrs.frozen
class UnreadCell:
    """A printed figure (or a whole row, or a table) the mapping could not place, and why."""

    page: int
    text: str
    reason: str
    reason_zh: str
    box: tuple[float, float, float, float] | None = None


@attrs.frozen
class GridTables:
    """The standard tables read from grids, with their cells' sources and what was left unread.

    ``grids`` counts the table-like grids seen, ``recognized`` those mapped to a standard table
    (continuations included), ``cells_read`` the figures placed and ``figures_unread`` the printed
    figures not placed.
    """

    tables: tuple[StandardTable, ...]
    sources: tuple[CellSource, ...] = ()
    unread: tuple[UnreadCell, ...] = ()
    grids: int = 0
    recognized: int = 0
    cells_read: int = 0
    figures_unread: int = 0
    #: For each table, the index of the last grid it was read from (its notes print under it).
    grid_of_table: tuple[int, ...] = ()


def _box(box: Box | None) -> tuple[float, float, float, float] | None:
    return None if box is None else (box.x0, box.top, box.x1, box.bottom)


# --- columns -----------------------------------------------------------------------------------

_BUDGET_WORDS: Final = ("预算数", "年初预算", "全年预算", "预算")
_ACTUAL_WORDS: Final = ("决算数", "决算", "实际", "执行数")
_BASIS_WORDS: Final = frozenset({"预算数", "决算数", "年初预算数", "全年预算数", "决算"})
_SIDE_WORDS: Final = {"收入": Side.REVENUE, "支出": Side.EXPENDITURE}
_CODE_WORDS: Final = ("科目编码", "编码", "科目代码", "功能分类", "经济分类")
_NAME_WORDS: Final = ("科目名称", "项目", "名称", "品目大类")  # 采购品目大类: a 政府采购预算表's rows
_OF_WHICH: Final = re.compile(r"^其中[：:]?")


#: A header naming last year's figures (“上年数”, “上年决算数”, “上年预算数”): no column of the
#: year's own figures, whatever basis word it prints.
_PRIOR_YEAR = re.compile(r"(?:上年度?|上一年度?|去年)(?:预算|决算|实际|执行)?数")
#: Headers of a column that numbers the rows.
_ROW_NUMBERS: Final = frozenset({"行次", "栏次", "序号"})


def _basis(path: Sequence[str]) -> Basis | None:
    for element in path:
        if _PRIOR_YEAR.search(element):
            return Basis.PRIOR_BUDGET
        if any(word in element for word in _ACTUAL_WORDS):
            return Basis.ACTUAL
        if any(word in element for word in _BUDGET_WORDS) and "预算财政拨款" not in element:
            return Basis.BUDGET
    return None


def _similar(a: str, b: str) -> bool:
    return a == b or (len(a) >= 4 and len(b) >= 4 and a[:4] == b[:4])


def _score(spec: ColumnSpec, path: Sequence[str], default: Basis = Basis.ACTUAL) -> int:
    """How well a header path names ``spec``'s column (0: not at all).

    A header that names no basis is the table's own: 决算 figures in a 决算 table, the planned
    figures in a 预算 table (whose “金额” column is the budget)."""
    labels = {norm(label) for label in spec.labels}
    named = [element for element in path if element not in _BASIS_WORDS]
    leaf = named[-1] if named else ""
    basis = _basis(path) or default
    if basis is not spec.column.basis:
        return 0
    hits = [element for element in path if element in labels]
    if not hits:
        return 0
    score = 2 + (leaf in labels)
    if spec.group is not None:
        group = norm(spec.group)
        if any(_similar(group, element) for element in path):
            score += 2
        elif len(named) > 1 and all(len(hit) <= 2 or hit in ("小计", "合计") for hit in hits):
            return 0  # 小计/合计 under another group (a lone 合计 is the table's own total column)
    return score


@attrs.frozen
class _Layout:
    """Which grid columns hold codes, names and which typed columns, per panel."""

    code_columns: tuple[int, ...]
    name_column: int | None
    values: tuple[tuple[int, Column], ...]


def _paths(grid: TableGrid, width: int) -> tuple[list[tuple[str, ...]], int]:
    """Each column's header path, and how many body rows were header rows the grid did not count."""
    paths = [
        tuple(norm(text) for text in (grid.columns[j] if j < len(grid.columns) else ()) if text)
        for j in range(width)
    ]
    absorbed = 0
    # Header rows the grid did not count as such (no figure in them) extend the paths.
    for row in grid.body[:3]:
        texts = [norm(cell.text) for cell in row]
        if any(is_number(text) for text in texts) or not any(texts):
            break
        if not any(text and not text.isdigit() for text in texts):
            break
        if any(row_label(text) in ("合计", "总计") for text in texts):
            break
        for j, text in enumerate(texts[:width]):
            if text and (not paths[j] or paths[j][-1] != text):
                paths[j] = (*paths[j], text)
        absorbed += 1
    return paths, absorbed


def _side_of(path: Sequence[str]) -> Side:
    for element in path[:1]:
        for word, side in _SIDE_WORDS.items():
            if element.startswith(word):
                return side
    return Side.WHOLE


def _layouts(
    spec: PanelSpec, columns: Sequence[tuple[int, tuple[str, ...]]], default: Basis = Basis.ACTUAL
) -> list[_Layout]:
    """The panel's layout; two when the table prints it in two halves side by side (基本支出表)."""
    halves: list[_Layout] = []
    codes: list[int] = []
    name: int | None = None
    values: list[tuple[int, Column]] = []
    taken: set[Column] = set()
    for j, path in columns:
        leaf = path[-1] if path else ""
        is_code = leaf in ("类", "款", "项") or any(
            word in element for element in path for word in _CODE_WORDS
        )
        if values and (is_code or (name is not None and not codes and _names(path))):
            halves.append(_Layout(tuple(codes), name, tuple(values)))
            codes, name, values, taken = [], None, [], set()
        best, best_score = None, 0
        for column_spec in spec.columns:
            if column_spec.column in taken:
                continue
            score = _score(column_spec, path, default)
            if score > best_score:
                best, best_score = column_spec.column, score
        if best is not None and not is_code:
            values.append((j, best))
            taken.add(best)
        elif is_code:
            codes.append(j)
        elif name is None and (not path or _names(path)):
            name = j
    halves.append(_Layout(tuple(codes), name, tuple(values)))
    return halves


def _names(path: Sequence[str]) -> bool:
    return any(word in element for element in path for word in _NAME_WORDS)


# --- rows --------------------------------------------------------------------------------------


@cache
def _class_codes(year: int) -> dict[str, FunctionCode]:
    """类 names of the year's catalogue (or the nearest) → their codes."""
    found = nearest_catalogue("function", year)[0]
    names = {row_label(entry.name): FunctionCode(entry.code) for entry in found.roots()}
    # Names changed over the years; older and newer wordings of the same 类.
    for old, new in (
        ("文化体育与传媒支出", "文化旅游体育与传媒支出"),
        ("医疗卫生与计划生育支出", "卫生健康支出"),
    ):
        if new in names:
            names.setdefault(old, names[new])
    return names


def _code_of(texts: Sequence[str]) -> str | None:
    digits = "".join(norm(text) for text in texts)
    if not digits or not digits.isdigit():
        return None
    return digits


def _key(kind: Rows, code_texts: Sequence[str], name: str, year: int) -> FunctionCode | EconomicCode | None:
    code = _code_of(code_texts)
    if code is None:
        leading = LEADING_CODE.match(norm(name))
        code = leading.group(1) if leading else None
    try:
        if code is not None and kind in (Rows.FUNCTION, Rows.FUNCTION_CLASSES):
            return FunctionCode(code)
        if code is not None and kind is Rows.ECONOMIC:
            return EconomicCode(code)
    except BudgetAcctError:
        return None
    if kind is Rows.FUNCTION_CLASSES:
        return _class_codes(year).get(row_label(name))
    return None


def _match_line(lines: Sequence[LineSpec], label: str, start: int) -> tuple[Line | None, int]:
    """The first named line at or after ``start`` whose wordings include ``label``."""
    for index in range(start, len(lines)):
        if label in {row_label(wording) for wording in lines[index].labels}:
            return lines[index].line, index + 1
    for index in range(start):  # a line printed out of the usual order
        if label in {row_label(wording) for wording in lines[index].labels}:
            return lines[index].line, start
    return None, start


def _cell(text: str, unit: Unit) -> Cell | str:
    """A cell's figure, a blank, a dash — or the text back when it is none of them."""
    text = norm(text)
    if not text:
        return None
    if text in DASH_TEXTS:
        return DASH
    negative = text.startswith(("（", "(")) and text.endswith(("）", ")"))
    try:
        amount, _ = parse_amount(text.strip("（）()").replace("，", ","), default_unit=unit)
    except BudgetAcctError:
        return text
    return -amount if negative else amount


# --- one table ---------------------------------------------------------------------------------


class _Builder:
    """Rows of one standard table, gathered over its grid and the grids that continue it."""

    def __init__(
        self, spec: TableSpec, number: str | None, title: str, unit: Unit, year: int, index: int
    ) -> None:
        self.spec, self.number, self.title, self.unit, self.year = spec, number, title, unit, year
        self.department: str | None = None
        self.index = index  # the table's position in Disclosure.tables
        self.panels = spec.panels
        self.rows: list[dict[int, list[TableRow]]] = [{} for _ in spec.panels]
        self.positions = [0 for _ in spec.panels]
        self.layouts: list[list[_Layout]] = [[] for _ in spec.panels]
        self.column_spans: list[tuple[float, float]] = []
        # (panel, half, row in half, column, page, box, text) of every cell placed
        self.placed: list[tuple[int, int, int, int, int, tuple[float, float, float, float], str]] = []
        self.unread: list[UnreadCell] = []
        self.cells_read = 0
        self.keys: list[set[object]] = [set() for _ in spec.panels]

    def columns(self) -> list[tuple[Column, ...]]:
        """Each panel's columns: those of its first half (a second half repeats them)."""
        return [tuple(column for _, column in halves[0].values) if halves else () for halves in self.layouts]

    def start(self, grid: TableGrid) -> None:
        width = grid.column_count
        paths, absorbed = _paths(grid, width)
        by_side: dict[int, list[tuple[int, tuple[str, ...]]]] = {}
        two_sided = len(self.panels) > 1
        for j, path in enumerate(paths):
            side = _side_of(path) if two_sided else Side.WHOLE
            stripped = path[1:] if two_sided and side is not Side.WHOLE else path
            panel = next((p for p, spec in enumerate(self.panels) if spec.side is side), None)
            if panel is None:
                # A column with no side of its own sits with the panel of the column before it.
                panel = max((p for p, cols in by_side.items() if any(k < j for k, _ in cols)), default=0)
            by_side.setdefault(panel, []).append((j, stripped))
        for p, columns in by_side.items():
            default = Basis.BUDGET if self.spec.kind.is_budget else Basis.ACTUAL
            self.layouts[p] = _layouts(self.panels[p], columns, default)
        body = grid.body[absorbed:]
        self.column_spans = _spans(body, width)
        self.add(grid, body)

    def continue_with(self, grid: TableGrid) -> None:
        """Rows of a continuation: its columns mapped onto the table's by horizontal position."""
        mapping = _map_positions(_spans(grid.rows, grid.column_count), self.column_spans)
        rows = [tuple(_pick(row, mapping, len(self.column_spans))) for row in grid.rows]
        self.add(grid, rows)

    def count_unnamed(self, grid: TableGrid) -> None:
        """Each figure of a column no layout names, counted unread (an upright table's columns are
        single figures: “上年数” beside 预算数 and 决算数 is one the table's layout has no place for)."""
        named = {j for layouts in self.layouts for layout in layouts for j, _ in layout.values}
        for row in grid.body:
            for j, cell in enumerate(row):
                if j not in named and is_number(cell.text):
                    reason = (
                        "a figure in a column the table's layout does not name",
                        "表式中没有的列中的数字",
                    )
                    self.unread.append(UnreadCell(_page(cell.box), cell.text, *reason, _box(cell.box)))

    @property
    def maps_values(self) -> bool:
        """Whether the header names any column of the table's figures."""
        return any(layout.values for layouts in self.layouts for layout in layouts)

    def add(self, grid: TableGrid, rows: Iterable[Sequence[object]]) -> None:
        for row in rows:
            for p, panel_spec in enumerate(self.panels):
                for half, layout in enumerate(self.layouts[p]):
                    self.add_row(p, half, panel_spec, layout, row)

    def add_row(self, p: int, half: int, spec: PanelSpec, layout: _Layout, row: Sequence[object]) -> None:
        texts = [getattr(cell, "text", "") if cell is not None else "" for cell in row]
        boxes = [getattr(cell, "box", None) if cell is not None else None for cell in row]
        code_texts = [
            texts[j] for j in layout.code_columns if j < len(texts) and texts[j] not in ("类", "款", "项")
        ]
        name = (
            texts[layout.name_column]
            if layout.name_column is not None and layout.name_column < len(texts)
            else ""
        )
        values = [
            (j, column, texts[j] if j < len(texts) else "", boxes[j] if j < len(boxes) else None)
            for j, column in layout.values
        ]
        printed = [(j, text) for j, _, text, _ in values if norm(text)]
        if code_texts and not _code_of(code_texts) and not norm(name):
            name, code_texts = " ".join(code_texts), []  # a label printed across the code columns
        label = row_label(name)
        if layout.name_column is None and not layout.code_columns and len(spec.lines) == 1:
            label = row_label(spec.lines[0].labels[0])  # a one-row table (“三公”) names its row nowhere
        if not label and not any(norm(t) for t in code_texts):
            if printed:
                self.unread_row(boxes, texts, "figures in a row without a label", "无行名的数字")
            return
        key: FunctionCode | EconomicCode | Line | None = None
        if spec.rows is not Rows.NONE:
            key = _key(spec.rows, code_texts, name, self.year)
        if key is None:
            line, self.positions[p] = _match_line(spec.lines, label, self.positions[p])
            key = line
        if key is None:
            if printed:
                self.unread_row(boxes, texts, "a row the table's layout does not name", "表式中没有的行")
            return
        if key in self.keys[p]:
            if printed:
                self.unread_row(boxes, texts, "a row printed twice", "重复的行")
            return
        self.keys[p].add(key)
        cells: list[Cell] = []
        rows = self.rows[p].setdefault(half, [])
        r = len(rows)
        for c, (_, _, text, box) in enumerate(values):
            value = _cell(text, self.unit)
            if isinstance(value, str):
                self.unread.append(
                    UnreadCell(_page(box), text, "a cell that is not a figure", "不是数字的单元格", _box(box))
                )
                value = None
            cells.append(value)
            if isinstance(value, Amount) or value is DASH:
                self.cells_read += 1
                self.placed.append((p, half, r, c, _page(box), _box(box) or (0.0, 0.0, 0.0, 0.0), text))
        clean_name = NUMBERING.sub("", name.strip()) or None
        rows.append(TableRow.of_key(key, tuple(cells), name=clean_name))

    def unread_row(self, boxes: Sequence[object], texts: Sequence[str], reason: str, reason_zh: str) -> None:
        box = next((b for b in boxes if isinstance(b, Box)), None)
        self.unread.append(
            UnreadCell(_page(box), " | ".join(t for t in texts if t), reason, reason_zh, _box(box))
        )

    def sources(self) -> list[CellSource]:
        """Every placed cell's source, its path counted in the table's final row order."""
        out = []
        for p, half, r, c, page, box, text in self.placed:
            before = sum(len(rows) for h, rows in self.rows[p].items() if h < half)
            path = render_path(("tables", self.index, "panels", p, "rows", before + r, "cells", c))
            out.append(CellSource(path, page, box, text))
        return out

    def table(self) -> StandardTable:
        panels = tuple(
            Panel(
                self.columns()[p],
                tuple(row for half in sorted(self.rows[p]) for row in self.rows[p][half]),
                spec.side,
            )
            for p, spec in enumerate(self.panels)
            if self.layouts[p]
        )
        return StandardTable(
            self.spec.kind, self.title, panels, number=self.number, unit=self.unit, department=self.department
        )


def _page(box: object) -> int:
    return box.page if isinstance(box, Box) else 0


def _named_lines_only(spec: TableSpec) -> bool:
    """Whether the table's rows are only its named lines (no 科目 codes to key a row by)."""
    return all(panel.rows is Rows.NONE for panel in spec.panels)


def _item(label: str) -> str:
    """A row's label as a column's header names the item (“其中：公务用车购置费” → 公务用车购置费)."""
    return _OF_WHICH.sub("", row_label(label))


def upright(grid: TableGrid, spec: TableSpec) -> TableGrid:
    """A one-row table (“三公”) printed upright — its items as rows (合计 / 因公出国（境）费 / …)
    under 预算数 / 决算数 — as the grid its spec reads, the items across: each figure keeps its cell.
    Any other grid comes back as it is."""
    panel = spec.panels[0]
    if len(spec.panels) != 1 or panel.rows is not Rows.NONE or len(panel.lines) != 1 or grid.column_count < 2:
        return grid
    items = {norm(label) for column in panel.columns for label in column.labels}
    body = [row for row in grid.body if any(norm(cell.text) for cell in row)]
    if len(body) < 3 or any(_item(row[0].text) not in items for row in body):
        return grid
    header = [norm(cell.text) for cell in grid.rows[grid.header_rows - 1]] if grid.header_rows else []
    cells: list[GridCell] = []
    paths: list[tuple[str, ...]] = []
    for j in range(1, grid.column_count):
        above = (*grid.columns[j],) if j < len(grid.columns) and grid.columns[j] else tuple(header[j : j + 1])
        if _ROW_NUMBERS.intersection(above):
            continue  # the rows' numbers, no figures
        for row in body:
            if j < len(row):
                cells.append(row[j])
                paths.append((*above, _item(row[0].text)))
    return TableGrid([[GridCell(path[-1]) for path in paths], cells], grid.boxes, grid.title_lines, 1, paths)


def _spans(rows: Sequence[Sequence[GridCell]], width: int) -> list[tuple[float, float]]:
    """Each column's horizontal extent, from its narrowest cells (merged header cells span more)."""
    spans: list[tuple[float, float]] = []
    for j in range(width):
        xs = [
            (cell.box.x0, cell.box.x1)
            for row in rows
            if j < len(row)
            for cell in (row[j],)
            if cell.box is not None
        ]
        spans.append(min(xs, key=lambda x: x[1] - x[0]) if xs else (0.0, 0.0))
    return spans


def _map_positions(
    spans: Sequence[tuple[float, float]], targets: Sequence[tuple[float, float]]
) -> list[int | None]:
    """For each continuation column, the table column it overlaps most (None: none)."""
    mapping: list[int | None] = []
    for x0, x1 in spans:
        best, overlap = None, 0.0
        for t, (a, b) in enumerate(targets):
            shared = min(x1, b) - max(x0, a)
            if shared > overlap:
                best, overlap = t, shared
        mapping.append(best)
    return mapping


def _pick(row: Sequence[object], mapping: Sequence[int | None], width: int) -> list[object]:
    out: list[object] = [None] * width
    for j, cell in enumerate(row):
        target = mapping[j] if j < len(mapping) else None
        if target is not None and out[target] is None:
            out[target] = cell
    return out


# --- all tables --------------------------------------------------------------------------------


def _is_table_like(grid: TableGrid) -> bool:
    """A grid that prints figures (a list of units or a contents page is not a table of figures)."""
    return sum(1 for row in grid.body for cell in row if is_number(cell.text)) >= 2


def tables_from_grids(
    grids: Iterable[TableGrid], *, year: int, table_set: str | None = None, default_unit: Unit = Unit.WAN_YUAN
) -> GridTables:
    """Map every grid onto the standard table it is; continuations join the table before them."""
    builders: list[_Builder] = []
    unread: list[UnreadCell] = []
    seen = recognized = figures_unread = 0
    current: _Builder | None = None
    last_grid: list[int] = []
    last_page = -1
    for index, grid in enumerate(grids):
        table_like = _is_table_like(grid) or bool(grid.title_lines)
        seen += table_like
        spec, number, title = identify(grid)
        first_page = grid.pages[0] if grid.pages else 0
        if spec is not None:
            spec = spec_for(spec.kind, table_set)
            turned = upright(grid, spec)
            current = _Builder(spec, number, title, printed_unit(grid) or default_unit, year, len(builders))
            current.department = printed_department(grid)
            current.start(turned)
            if turned is not grid:
                current.count_unnamed(turned)
            if not current.maps_values and _is_table_like(grid) and _named_lines_only(spec):
                # A table of named lines (“三公”) titled so, but no column its layout names: not
                # read as one, its figures counted, never an empty table for the audit.
                spec, current = None, None
        if current is not None and spec is not None:
            builders.append(current)
            last_grid.append(index)
            recognized += 1
        elif current is not None and not grid.title_lines and first_page - last_page in (0, 1):
            current.continue_with(grid)
            last_grid[-1] = index
            recognized += 1
        elif _is_table_like(grid):
            figures = [cell for row in grid.body for cell in row if is_number(cell.text)]
            figures_unread += len(figures)
            box = figures[0].box if figures else None
            unread.append(
                UnreadCell(
                    first_page,
                    grid.title or " | ".join(cell.text for cell in grid.rows[0] if cell.text)
                    if grid.rows
                    else "",
                    "a table no standard table's layout matches",
                    "无法对应到标准表式的表格",
                    _box(box),
                )
            )
            current = None
        if grid.pages:
            last_page = grid.pages[-1]
    tables = tuple(builder.table() for builder in builders)
    for builder in builders:
        unread.extend(builder.unread)
    figures_unread += sum(1 for u in unread if is_number(u.text) or u.reason.startswith("figures"))
    return GridTables(
        tables=tables,
        sources=tuple(s for builder in builders for s in builder.sources()),
        unread=tuple(unread),
        grids=seen,
        recognized=recognized,
        cells_read=sum(builder.cells_read for builder in builders),
        figures_unread=figures_unread,
        grid_of_table=tuple(last_grid),
    )
