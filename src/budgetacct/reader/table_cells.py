"""Cells and rows of tabular text, and the Word-table blocks of a document (a cell per tab-led line)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

import attrs

from budgetacct.errors import InvalidValue
from budgetacct.money import Amount, Unit, parse_amount
from budgetacct.reader.draft import Where, tidy_amount
from budgetacct.reader.normalize import (
    AMOUNT_TOKEN,
    PERCENT_TOKEN,
    Document,
    Line,
    clean_label,
    clean_value,
    normalize_line,
)
from budgetacct.reader.reading import Reader

__all__ = [
    "FIGURE_CELL",
    "MAX_TEXT",
    "NUMBER_CELL",
    "SUBTITLE",
    "Cell",
    "Row",
    "cell_amount",
    "is_evaluation_title",
    "is_title_line",
    "mark_blocks",
    "row_label",
    "unread_cells",
    "unread_row",
    "word_rows",
]

MAX_TEXT: Final = 10_000


class Cell:
    """A table cell: its normalized text (whitespace kept), the line it starts on, and its
    ``label`` (all whitespace removed) and ``value`` (whitespace squeezed) forms."""

    __slots__ = ("_label", "_value", "line", "piece", "text")

    def __init__(self, text: str, line: Line, piece: str = "") -> None:
        self.text = text
        self.line = line
        self.piece = piece
        self._label: str | None = None
        self._value: str | None = None

    def extend(self, more: str) -> None:
        if (
            self.text[-1:].isascii()
            and self.text[-1:].isalnum()
            and more[:1].isascii()
            and more[:1].isalnum()
        ):
            self.text += " "
        self.text += more
        self._label = self._value = None

    @property
    def label(self) -> str:
        if self._label is None:
            self._label = clean_label(self.text)
        return self._label

    @property
    def value(self) -> str:
        if self._value is None:
            self._value = clean_value(self.text)
        return self._value

    def where(self) -> Where:
        start, end = self.line.cell_absolute(self.piece or self.text)
        return Where(self.line.number, start, end, self.value[:500])


@attrs.define(slots=True)
class Row:
    cells: list[Cell]
    line: Line

    def labels(self) -> list[str]:
        return [c.label for c in self.cells]

    def empty(self) -> bool:
        return not any(c.label for c in self.cells)


# --- Word-table blocks -----------------------------------------------------------------------------------------


def _blank(raw: str) -> bool:
    return not raw.strip() and "\t" not in raw


def mark_blocks(document: Document) -> list[list[Row]]:
    """Find Word-table blocks (lines starting with a tab, their continuations and blank row breaks),
    mark their lines ``word`` so that the prose reader leaves them alone, and return their rows."""
    blocks: list[list[Row]] = []
    lines = document.lines
    index = 0
    while index < len(lines):
        if not lines[index].raw.startswith("\t"):
            index += 1
            continue
        start = index
        previous_blank = False
        index += 1
        while index < len(lines):
            raw = lines[index].raw
            if raw.startswith("\t"):
                previous_blank = False
            elif _blank(raw):
                previous_blank = True
            elif previous_blank:
                break
            index += 1
        block = lines[start:index]
        filled = [ln for ln in block if ln.raw.strip()]
        if sum(1 for ln in filled if "\t" in ln.raw.lstrip("\t").rstrip()) * 2 > len(filled):
            continue  # one row per line (cells separated by tabs): read as pasted rows
        rows = word_rows(block)
        if sum(1 for row in rows if sum(1 for c in row.cells if c.label) >= 2) >= 2:
            for line in block:
                line.kind = "word"
            blocks.append(rows)
    return blocks


def word_rows(lines: Iterable[Line]) -> list[Row]:
    """Rows of cells from Word-table text (see the module documentation)."""
    rows: list[Row] = []
    cells: list[Cell] = []
    first: Line | None = None

    def close() -> None:
        nonlocal first
        if cells and first is not None:
            rows.append(Row(list(cells), first))
        cells.clear()
        first = None

    for line in lines:
        raw = line.raw
        if _blank(raw):
            close()
            continue
        if first is None:
            first = line
        pieces = raw.split("\t")
        head, rest = pieces[0], pieces[1:]
        if head.strip() or not rest:
            text = normalize_line(head, squeeze=False).text
            if cells:
                cells[-1].extend(text.strip())
            else:
                cells.append(Cell(text.strip(), line, head))
        for piece in rest:
            cells.append(Cell(normalize_line(piece, squeeze=False).text.strip(), line, piece))
    close()
    return rows


NUMBER_CELL = re.compile(r"^-?\d+(?:\.\d+)?$")


FIGURE_CELL = re.compile(r"^-?\d+\.\d+$|^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$")


SUBTITLE = re.compile(r"（?\d{4}年度?）?|（?(?:金额)?单位[：:]?(?:万元|元)）?")


def is_evaluation_title(label: str) -> bool:
    """A cell or line naming a 绩效自评表."""
    return "自评" in label and "绩效" in label and len(label) < 300


def is_title_line(text: str) -> bool:
    """A prose line that titles a self-evaluation table pasted below it as rows."""
    return len(text) <= 100 and "。" not in text and "，" not in text and is_evaluation_title(text)


def row_label(label: str) -> str:
    return label.removeprefix("其中").lstrip("：:").rstrip("：:")


def cell_amount(r: Reader, cell: Cell, unit: Unit) -> tuple[Amount, Unit] | None:
    text = cell.value
    if not text or text in ("-", "—", "/", "无"):
        return None
    try:
        value, used = parse_amount(text, default_unit=unit)
        return tidy_amount(value, used), used
    except InvalidValue:
        r.draft.reject(cell.where(), "table cell is not an amount", "表格单元格不是金额", (text[:40],))
        return None


def unread_cells(r: Reader, cells: list[Cell], reason: str, reason_zh: str) -> None:
    """The figures of a table printed one cell per line that is not read, reported together."""
    figures = [c for c in cells if FIGURE_CELL.match(c.value) or AMOUNT_TOKEN.search(c.value)]
    if figures:
        r.draft.reject(figures[0].where(), reason, reason_zh, [c.value for c in figures])


def unread_row(r: Reader, row: Row, reason: str, reason_zh: str, *, in_table: bool = False) -> None:
    # Under a 决算表 title a bare number is a figure too (its unit is the table's): a row of
    # numbers the reader does not place is reported, never passed over in silence.  Elsewhere
    # (the data Word leaves behind for a chart) only figures with their unit are.
    texts = [
        c.value
        for c in row.cells
        if AMOUNT_TOKEN.search(c.value)
        or PERCENT_TOKEN.search(c.value)
        or (in_table and FIGURE_CELL.match(c.value))
    ]
    if texts:
        r.draft.reject(row.cells[0].where(), reason, reason_zh, texts)
