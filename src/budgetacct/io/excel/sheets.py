"""One sheet into a :class:`~budgetacct.model.tables.StandardTable`, through the table's spec.

The table is identified by its title (:func:`~budgetacct.model.table_specs.find_spec`), each
column by the header wordings over it (the spec's labels, groups and bases), each row by its
功能分类 or 经济分类 code or by its line's wording.  A 类 printed by name only (the 总表's 支出 side)
gets its code once every sheet is read (:meth:`SheetTable.table`).  A cell that is not an amount,
a dash or blank is a problem naming it (``公开03表!E6``); so is a header wording the spec does not
know.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Final

import attrs

from budgetacct.codes import EconomicCode, FunctionCode
from budgetacct.io.excel.draft import Draft, cell_name, cell_text
from budgetacct.model.table_layout import PanelSpec, Rows, TableSpec
from budgetacct.model.table_specs import UNIVERSITY_SPECS, find_spec
from budgetacct.model.tables import (
    DASH,
    Basis,
    Cell,
    Column,
    Line,
    Panel,
    RowKey,
    StandardTable,
    TableRow,
)
from budgetacct.money import Unit
from budgetacct.render.tables.layout import STUB_WORDS, prints_stub

__all__ = ["ReadKey", "SheetRow", "SheetTable", "read_sheet", "split_title"]

_NUMBERING: Final = re.compile(r"^[一二三四五六七八九十]+[、.．]\s*")
_TITLE: Final = re.compile(
    r"^\s*(公开\d+表|附表\s*\d+|表\s*\d+|表[一二三四五六七八九十]+|[一二三四五六七八九十]+)[\s:：、.．]*(.+)$"
)
_PLACEHOLDERS: Final = frozenset({"-", "—", "－", "--", "——", "/", "／"})
_BASES: Final = {basis.value: basis for basis in Basis}

#: A row's key as read: a code, a line, or a 类 name still to be coded.
ReadKey = FunctionCode | EconomicCode | Line | str


@attrs.define
class SheetRow:
    """A body row: its key, the name printed, its cells and where each cell is."""

    key: ReadKey
    name: str | None
    cells: list[Cell]
    wheres: list[str]


@attrs.define
class SheetTable:
    """What one sheet prints, before the 类 names are coded."""

    spec: TableSpec
    number: str | None
    title: str
    unit: Unit
    panels: list[tuple[PanelSpec, list[Column], list[SheetRow]]]
    notes: list[str]

    def table(
        self, code_of: Callable[[str, str], FunctionCode | None]
    ) -> tuple[StandardTable, dict[tuple[RowKey, Column], str]]:
        """The StandardTable and where each cell is; ``code_of(name, where)`` codes a 类 name."""
        panels = []
        wheres: dict[tuple[RowKey, Column], str] = {}
        for spec, columns, rows in self.panels:
            built: list[TableRow] = []
            for row in rows:
                key = row.key
                if isinstance(key, str):
                    found = code_of(key, row.wheres[0] if row.wheres else self.title)
                    if found is None:
                        continue
                    key = found
                cells = tuple(row.cells)
                built.append(TableRow.of_key(key, cells, name=row.name))
                for column, where in zip(columns, row.wheres, strict=True):
                    wheres[(key, column)] = where
            if spec.rows is Rows.ECONOMIC:  # printed in two blocks: put back in the spec's order
                built = _spec_order(spec, built)
            panels.append(Panel(tuple(columns), tuple(built), spec.side))
        table = StandardTable(
            self.spec.kind,
            self.title,
            tuple(panels),
            number=self.number,
            unit=self.unit,
            notes=tuple(self.notes),
        )
        return table, wheres


def _spec_order(spec: PanelSpec, rows: list[TableRow]) -> list[TableRow]:
    by_line = {row.line: row for row in rows if row.line is not None}
    coded = sorted((row for row in rows if row.line is None), key=lambda row: row.label)
    return [
        *(by_line[s.line] for s in spec.leading if s.line in by_line),
        *coded,
        *(by_line[s.line] for s in spec.trailing if s.line in by_line),
    ]


def split_title(text: str) -> tuple[str | None, str, TableSpec] | None:
    """``(number, title, spec)`` of a sheet's title cell (``公开01表 收入支出决算总表``), else ``None``."""
    spec = find_spec(text)
    if spec is None:
        return None
    match = _TITLE.match(text)
    if match is not None and find_spec(match.group(2)) is spec:
        return match.group(1).replace(" ", ""), match.group(2).strip(), spec
    return None, text.strip(), spec


# --- headers ------------------------------------------------------------------------------------


def _variants(spec: TableSpec) -> tuple[TableSpec, ...]:
    other = UNIVERSITY_SPECS.get(spec.kind)
    return (spec,) if other is None or other is spec else (spec, other)


def _fit(spec: TableSpec, texts: set[str]) -> int:
    """How many of a variant's lines a sheet prints (the 高等学校 总表 names its revenue lines its own way)."""
    return sum(
        any("".join(label.split()) in texts for label in line.labels)
        for panel in spec.panels
        for line in panel.lines
    )


def _is_number(value: object) -> bool:
    return isinstance(value, int | float | Decimal) and not isinstance(value, bool)


def _header_count(spec: TableSpec, rows: Sequence[tuple[object, ...]]) -> int:
    """How many rows under the title lines are header rows."""
    stub = any(prints_stub(panel, len(spec.panels) == 2) for panel in spec.panels)
    labels = {label for panel in spec.panels for line in panel.lines for label in line.labels}
    count = 0
    for row in rows:
        texts = [cell_text(c) for c in row]
        if not any(texts) or any(_is_number(c) for c in row) or any(t in _PLACEHOLDERS for t in texts):
            break
        if stub:
            first = texts[0] if texts else ""
            if (first in labels - STUB_WORDS) or first.isdigit():
                break
        count += 1
    return count


def _grid(rows: Sequence[tuple[object, ...]], width: int) -> list[list[str]]:
    """The header texts; a spanned cell (read as blank right of its text) filled in, but in the last row."""
    grid = []
    for index, row in enumerate(rows):
        texts = [cell_text(c) for c in (*row, *(None,) * width)[:width]]
        if index < len(rows) - 1:
            for i in range(1, width):
                if not texts[i] and (i >= len(row) or row[i] is None):
                    texts[i] = texts[i - 1]
        grid.append(texts)
    return grid


@attrs.define
class _Part:
    """The columns of one panel (or one 基本支出 block): code parts, name, figures."""

    spec: PanelSpec
    code: list[int] = attrs.field(factory=list)
    name: int | None = None
    values: list[tuple[int, Column]] = attrs.field(factory=list)


def _match(path: list[str], panel: PanelSpec, used: set[Column]) -> Column | None:
    leaf = path[-1]
    candidates = [c for c in panel.columns if leaf in c.labels and c.column not in used]
    grouped = [c for c in candidates if c.group is not None and c.group in path]
    candidates = grouped or candidates
    if len({c.column.basis for c in panel.columns}) > 1:
        stated = [_BASES[t] for t in path if t in _BASES]
        candidates = [c for c in candidates if not stated or c.column.basis is stated[0]]
    return candidates[0].column if candidates else None


def _parts(spec: TableSpec, grid: list[list[str]], width: int) -> tuple[list[_Part] | None, list[str]]:
    """The panels' columns by their header wordings; the wordings not understood otherwise."""
    two_sided = len(spec.panels) == 2
    top = grid[0] if grid else []
    blocks = spec.panels[0].rows is Rows.ECONOMIC and any(t == "人员经费" for t in top)
    parts: list[_Part] = []
    owner: list[int] = []
    if two_sided or blocks:
        keys: list[str] = []
        for c in range(width):
            if top[c] not in keys and top[c]:
                keys.append(top[c])
            owner.append(keys.index(top[c]) if top[c] in keys else -1)
        for index in range(len(keys)):
            parts.append(_Part(spec.panels[min(index, len(spec.panels) - 1)]))
        rows = grid[1:]
    else:
        parts.append(_Part(spec.panels[0]))
        owner = [0] * width
        rows = grid
    unknown: list[str] = []
    used: list[set[Column]] = [set() for _ in parts]
    for c in range(width):
        path: list[str] = []
        for row in rows:
            if row[c] and (not path or path[-1] != row[c]):
                path.append(row[c])
        if not path or owner[c] < 0:
            continue
        part = parts[owner[c]]
        if "行次" in path:
            continue
        if "科目编码" in path:
            part.code.append(c)
        elif "科目名称" in path or path == ["项目"]:
            part.name = c
        else:
            column = _match(path, part.spec, used[owner[c]])
            if column is None:
                unknown.append(" / ".join(path))
                continue
            used[owner[c]].add(column)
            part.values.append((c, column))
    return (parts if not unknown else None), unknown


# --- rows ---------------------------------------------------------------------------------------


def _cell(r: Draft, value: object, where: str) -> Cell:
    if isinstance(value, str) and value.strip() in _PLACEHOLDERS:
        return DASH
    return r.amount(value, where)


class _Lines:
    """Line wordings matched in the spec's order (``一般公共预算财政拨款`` is printed twice in a 总表)."""

    def __init__(self, spec: PanelSpec) -> None:
        self.lines = spec.lines
        self.at = 0

    def match(self, text: str) -> Line | None:
        bare = _NUMBERING.sub("", "".join(text.split()))
        if not bare:
            return None
        for offset in (*range(self.at, len(self.lines)), *range(self.at)):
            if bare in ("".join(label.split()) for label in self.lines[offset].labels):
                self.at = offset + 1
                line: Line = self.lines[offset].line
                return line
        return None


def _row(
    r: Draft, label: str, number: int, cells: tuple[object, ...], part: _Part, lines: _Lines
) -> SheetRow | str | None:
    """A row of one part; ``None`` for a blank one, the text for a row of text only (a note)."""
    values = [cells[c] if c < len(cells) else None for c, _ in part.values]
    wheres = [cell_name(label, number, c) for c, _ in part.values]
    name = cell_text(cells[part.name]) if part.name is not None and part.name < len(cells) else ""
    code_cells = [cells[c] if c < len(cells) else None for c in part.code]
    code_text = "".join(cell_text(c) for c in code_cells)
    empty = all(v is None or cell_text(v) == "" for v in values)
    if not code_text and not name and empty:
        return None
    first = code_text or name
    line = lines.match(cell_text(code_cells[0]) if code_cells and cell_text(code_cells[0]) else name)
    if line is not None:
        figures = [_cell(r, v, w) for v, w in zip(values, wheres, strict=True)]
        return SheetRow(line, name or cell_text(code_cells[0]) if code_cells else name, figures, wheres)
    coded = bool(part.code) and code_text[:1].isdigit()
    if empty and not coded:
        return first  # a note or a heading under the table
    figures = [_cell(r, v, w) for v, w in zip(values, wheres, strict=True)]
    if part.spec.rows is Rows.FUNCTION and part.code:
        code = r.function_code(code_cells, cell_name(label, number, part.code[0]))
        return SheetRow(code, name or None, figures, wheres) if code is not None else None
    if part.spec.rows is Rows.ECONOMIC and part.code:
        economic = r.economic_code(code_cells[0], cell_name(label, number, part.code[0]))
        return SheetRow(economic, name or None, figures, wheres) if economic is not None else None
    if part.spec.rows is Rows.FUNCTION_CLASSES and name:
        return SheetRow(name, name, figures, wheres)
    r.notes.append(
        f"{cell_name(label, number, part.name or 0)}：未识别的行 {first!r}，未读取 | unknown row {first!r} is not read"
    )
    return None


def read_sheet(
    r: Draft, label: str, title: str, rows: Sequence[tuple[object, ...]], unit: Unit
) -> SheetTable | None:
    """The table a sheet prints (``rows`` from its title line on), or ``None`` with a problem noted."""
    found = split_title(title)
    if found is None:
        return None
    number, printed_title, spec = found
    width = max((len(row) for row in rows), default=0)
    body_rows = list(rows[2:])
    table: SheetTable | None = None
    unknown: list[str] = []
    texts = {_NUMBERING.sub("", "".join(cell_text(c).split())) for row in body_rows for c in row}
    for variant in sorted(_variants(spec), key=lambda v: -_fit(v, texts)):
        count = _header_count(variant, body_rows)
        parts, unknown = _parts(variant, _grid(body_rows[:count], width), width)
        if parts is None:
            continue
        table = SheetTable(variant, number, printed_title, unit, [], [])
        _body(r, label, table, parts, body_rows[count:], 3 + count)
        break
    if table is None:
        r.problem(
            f"{label}!3",
            f"表头为{spec.title}的列名（{'、'.join(c.labels[0] for p in spec.panels for c in p.columns)}）",
            f"the column headers of {spec.title}",
            "、".join(unknown),
        )
    return table


def _body(
    r: Draft,
    label: str,
    table: SheetTable,
    parts: list[_Part],
    rows: Sequence[tuple[object, ...]],
    first: int,
) -> None:
    panels: dict[int, tuple[PanelSpec, list[Column], list[SheetRow]]] = {}
    lines = {id(part.spec): _Lines(part.spec) for part in parts}
    for part in parts:
        panels.setdefault(id(part.spec), (part.spec, [column for _, column in part.values], []))
    numbered = list(enumerate(rows, start=first))
    alone = [part for part in parts if not prints_stub(part.spec, len(table.spec.panels) == 2)]
    if alone:  # the “三公” table: its one line is the first row under the header, blank or not
        part = alone[0]
        number, cells = numbered[0] if numbered else (first, ())
        wheres = [cell_name(label, number, c) for c, _ in part.values]
        figures = [
            _cell(r, cells[c] if c < len(cells) else None, w)
            for (c, _), w in zip(part.values, wheres, strict=True)
        ]
        panels[id(part.spec)][2].append(SheetRow(part.spec.lines[0].line, None, figures, wheres))
        table.notes.extend(
            text
            for _, cells in numbered[1:]
            if (text := " ".join(cell_text(c) for c in cells if cell_text(c)))
        )
        numbered = []
    seen: set[object] = set()
    for number, cells in numbered:
        texts = [cell_text(c) for c in cells]
        if not any(texts):
            continue
        for part in parts:
            read = _row(r, label, number, cells, part, lines[id(part.spec)])
            if isinstance(read, str):
                if all(not t for t in texts[1:]):
                    table.notes.append(read)
                    break
                continue
            if read is None:
                continue
            if read.key in seen:
                r.problem(f"{label}!{number}", "不重复的行", "a row not printed before", str(read.key))
                continue
            seen.add(read.key)
            panels[id(part.spec)][2].append(read)
    table.panels = [panels.get(id(spec), (spec, [], [])) for spec in table.spec.panels]
