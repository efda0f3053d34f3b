"""Documents without printed pages — Word files, web pages, workbooks — built as a :class:`Document`.

The readers of those formats (:mod:`~budgetacct.reader.docx`, :mod:`~budgetacct.reader.html`,
:mod:`~budgetacct.reader.sheets`) only say what the file holds, in order: paragraphs, page breaks
and tables of cells with their spans.  :class:`FlowBuilder` lays them out in the synthetic
coordinates :class:`~budgetacct.reader.document.Box` documents ("flow": one row per paragraph and
per table row, characters or grid columns across), takes a table's title from the short
paragraphs right before it and from title rows inside it, and works out its header rows and
column header paths as the PDF reader does — so :func:`~budgetacct.reader.published.read_document`
reads every format the same way.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

import attrs

from budgetacct.model.table_specs import find_spec
from budgetacct.reader.containers import DocumentTooLarge
from budgetacct.reader.document import Block, Box, Cell, Coordinates, Document, Line, Page, TableGrid, Token
from budgetacct.reader.page_lines import furniture_lines
from budgetacct.reader.pdf_tables import header_paths, header_row_count

__all__ = [
    "FlowBuilder",
    "Placed",
    "clean",
    "join_pieces",
    "place_row_groups",
    "place_spans",
    "sheet_grid",
    "text_line",
]

#: At most this many paragraphs right before a table are taken as its title.
MAX_TITLE_PARAGRAPHS: Final = 3
#: A paragraph longer than this is prose, never a table's title.
MAX_TITLE_LENGTH: Final = 60
#: Grid positions (rows × columns, spans included) one table or sheet may have.
MAX_GRID_CELLS: Final = 2_000_000

_SPACE = re.compile(r"[ \t\r\n\f\v\u00a0\u3000\u200b\u200c\u200d\ufeff]+")
_TITLE_CELL = re.compile(r"^(?:(?:部\s*门|单\s*位|编制单位|金额单位)(?:名称)?\s*[：:]|公开\s*\d+\s*表)")
_TABLE_NAME = re.compile(r"^(?:公开\s*\d+\s*表|表\s*\d+|附表)|表[)）]?$|单\s*位\s*[：:]")
_AMOUNT = re.compile(r"^[-−(（]?\d[\d,]*(?:\.\d+)?[)）]?%?$")
_NOTE = re.compile(r"^(?:注|说明|备注)\s*\d*\s*[：:]")
#: Full-width forms (“１２．５”, “（”, “％”, “－”) as their ASCII letters.
_HALF_WIDTH: Final = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FIGURE_END = re.compile(r"[0-9%)]$")
_FIGURE_START = re.compile(r"^[-−+(]?[0-9]")
#: A cell line that is only a dash: "nil", never the sign of the amount on the next line.
_NIL_DASH = re.compile(r"^[-−–—]+$")


def clean(text: str) -> str:
    """Runs of white space (no-break and full-width spaces, zero-width marks) as one space, trimmed."""
    return _SPACE.sub(" ", text).strip()


def join_pieces(pieces: Sequence[str]) -> str:
    """Lines of one table cell as one text: "决算" + "数" → "决算数", "1,234" + ".56" → "1,234.56".

    A space stays between two Latin words or numbers, full-width or not, and between two figures
    ("12%", "（34.5）", a nil dash "-" and an amount), so two lines of figures never read as one.

    >>> join_pieces(["本年收入", "合计", "Total", "2024", "１２", "３４．５", "-", "5"])
    '本年收入合计Total 2024 １２ ３４．５ - 5'
    """
    text = last = ""
    for piece in pieces:
        piece = clean(piece)
        if not piece:
            continue
        half = piece.translate(_HALF_WIDTH)
        if last and _apart(last, half):
            text += " "
        text += piece
        last = half
    return text


def _apart(before: str, after: str) -> bool:
    """Whether a space separates two lines of a cell (as half-width letters): words or figures."""
    if before[-1].isascii() and before[-1].isalnum() and after[0].isascii() and after[0].isalnum():
        return True
    ends_figure = _FIGURE_END.search(before) or _NIL_DASH.match(before)
    return bool(ends_figure and (_FIGURE_START.match(after) or _NIL_DASH.match(after)))


def text_line(text: str, box: Box) -> Line:
    """One line of text whose characters sit one unit apart across ``box`` (flow coordinates)."""
    edges = [box.x0 + i for i in range(len(text) + 1)] if box.width == len(text) else []
    return Line((Token(text, box, edges),), text, box)


@attrs.frozen
class Placed:
    """A table cell at its place in the grid: 0-based row and column, rows and columns it spans."""

    row: int
    column: int
    rows: int
    columns: int
    text: str


def place_spans(rows: Sequence[Sequence[tuple[str, int, int]]]) -> list[Placed]:
    """Cells listed row by row as ``(text, colspan, rowspan)`` placed as HTML places them.

    A cell goes to the first column of its row not yet taken by a cell spanning down from above;
    a cell spans down at most to the last row.

    >>> [(p.row, p.column) for p in place_spans([[("a", 1, 2), ("b", 1, 1)], [("c", 1, 1)]])]
    [(0, 0), (0, 1), (1, 1)]
    """
    busy_until: dict[int, int] = {}  # column → the first row a cell spanning down leaves free
    placed: list[Placed] = []
    for r, row in enumerate(rows):
        column = 0
        for text, colspan, rowspan in row:
            while busy_until.get(column, 0) > r:
                column += 1
            colspan, rowspan = max(colspan, 1), min(max(rowspan, 1), len(rows) - r)
            placed.append(Placed(r, column, rowspan, colspan, text))
            for j in range(colspan):
                busy_until[column + j] = r + rowspan
            column += colspan
    return placed


def place_row_groups(groups: Sequence[Sequence[Sequence[tuple[str, int, int]]]]) -> list[Placed]:
    """Row groups (a web table's ``thead``, each ``tbody``, ``tfoot``) placed one below the other.

    As in a browser, a cell spans down at most to the end of its group: the rows of the next group
    start again at the first column.

    >>> [(p.row, p.column, p.rows) for p in place_row_groups([[[("a", 1, 3), ("b", 1, 1)]], [[("c", 1, 1)]]])]
    [(0, 0, 1), (0, 1, 1), (1, 0, 1)]
    """
    placed: list[Placed] = []
    top = 0
    for rows in groups:
        placed += (attrs.evolve(cell, row=top + cell.row) for cell in place_spans(rows))
        top += len(rows)
    return placed


def _title_like(text: str) -> bool:
    return bool(_TABLE_NAME.search(text) or find_spec(text)) and len(text) <= MAX_TITLE_LENGTH


def _is_title_row(row: Sequence[Cell], width: int) -> bool:
    """A leading row that belongs above the table: blank, one cell across, or "部门：… 单位：万元"."""
    texts = [cell.text for cell in row if cell.text]
    if not texts:
        return True
    if any(_AMOUNT.match(text) for text in texts):
        return False
    spans = [cell.box for cell in row if cell.box is not None and cell.text]
    if len(spans) == 1 and (spans[0].width >= 0.8 * width or _title_like(texts[0])):
        return True
    return any(_TITLE_CELL.match(text) for text in texts)


def _is_note_row(row: Sequence[Cell]) -> bool:
    texts = [cell.text for cell in row if cell.text]
    return not texts or (len(texts) == 1 and bool(_NOTE.match(texts[0])))


def _row_line(row: Sequence[Cell], page: int, top: float, width: float) -> Line:
    """A row's filled cells as one line, from the first filled cell's column across the row."""
    text = " ".join(cell.text for cell in row if cell.text)
    first = next((cell.box.x0 for cell in row if cell.text and cell.box is not None), 0.0)
    return text_line(text, Box(page, first, top, max(width, first + 1), top + 1))


def _cells(placed: Sequence[Placed], page: int, top: float) -> list[list[Cell]]:
    """The full grid: each cell at its top-left position, positions it covers as box-less cells."""
    height = max((p.row + p.rows for p in placed), default=0)
    width = max((p.column + p.columns for p in placed), default=0)
    if height * width > MAX_GRID_CELLS:
        raise DocumentTooLarge(
            f"每张表格不超过 {MAX_GRID_CELLS} 个单元格",
            f"tables of at most {MAX_GRID_CELLS} cells",
            f"{height} rows × {width} columns",
        )
    grid: list[list[Cell | None]] = [[None] * width for _ in range(height)]
    for p in placed:
        if grid[p.row][p.column] is not None:
            continue  # overlapping spans in a malformed table: the first cell keeps the place
        box = Box(page, p.column, top + p.row, p.column + p.columns, top + p.row + p.rows)
        grid[p.row][p.column] = Cell(clean(p.text), box)
        for i in range(p.rows):
            for j in range(p.columns):
                if (i or j) and grid[p.row + i][p.column + j] is None:
                    grid[p.row + i][p.column + j] = Cell("")
    return [[cell if cell is not None else Cell("", Box(page, j, top + r, j + 1, top + r + 1))
             for j, cell in enumerate(row)] for r, row in enumerate(grid)]  # fmt: skip


def _drop_blank_columns(rows: list[list[Cell]]) -> list[list[Cell]]:
    # A column that never holds text (a spacer, a sheet's empty column A) would be taken for the
    # name column; the boxes keep every cell's real column, so places are still told right.
    width = max((len(row) for row in rows), default=0)
    keep = [j for j in range(width) if any(j < len(row) and row[j].text for row in rows)]
    return [[row[j] for j in keep if j < len(row)] for row in rows]


def _grid(rows: list[list[Cell]], frame: Box, titles: Sequence[Line]) -> TableGrid | None:
    rows = [row for row in _drop_blank_columns(rows) if any(cell.text for cell in row)]
    if max((len(row) for row in rows), default=0) < 2:
        return None
    header = header_row_count(rows)
    return TableGrid(rows, (frame,), titles, header, header_paths(rows, header))


def sheet_grid(
    placed: Sequence[Placed], page: int
) -> tuple[TableGrid | None, list[Line], list[Line], list[Line]]:
    """A sheet's cells as a table: the grid, its title rows, the note rows below it, loose rows.

    The rows above the header that are the table's name, “公开01表” or “部门：… 单位：万元” become
    title lines; note rows (“注：…”) after the last row of figures become lines under the table.
    A sheet no row of which has two filled cells holds text, not a table: its rows come back as
    loose lines (paragraphs), and the grid is ``None``.
    """
    rows = _cells(placed, page, 0)
    width = max((len(row) for row in rows), default=0)
    filled = [sum(1 for cell in row if cell.text) for row in rows]
    if not any(count >= 2 for count in filled):
        return (
            None,
            [],
            [],
            [_row_line(row, page, r, width) for r, row in enumerate(rows) if filled[r]],
        )
    start = 0
    while start < len(rows) - 1 and _is_title_row(rows[start], width):
        start += 1
    end = len(rows)
    while end > start + 1 and _is_note_row(rows[end - 1]):
        end -= 1
    titles = [_row_line(rows[r], page, r, width) for r in range(start) if filled[r]]
    notes = [_row_line(rows[r], page, r, width) for r in range(end, len(rows)) if filled[r]]
    frame = Box(page, 0, start, width, end)
    grid = _grid(rows[start:end], frame, titles)
    if grid is None:
        return None, [], [], [_row_line(row, page, r, width) for r, row in enumerate(rows) if filled[r]]
    return grid, titles, notes, []


class FlowBuilder:
    """Paragraphs, page breaks and tables in reading order, laid out as a flow :class:`Document`."""

    def __init__(self, source: str | None = None, coordinates: Coordinates = "flow") -> None:
        self.source = source
        self.coordinates: Coordinates = coordinates
        self.page = 1
        self.row = 0  # the next flow row
        self.pages: list[tuple[list[Line], list[Block], list[TableGrid]]] = [([], [], [])]
        self.paragraphs: list[Block] = []
        self.tables: list[TableGrid] = []
        self.labels: dict[int, str] = {}

    def paragraph(self, text: str) -> None:
        """A paragraph (white space collapsed; one that holds nothing is not counted)."""
        text = clean(text)
        if not text:
            return
        line = text_line(text, Box(self.page, 0, self.row, len(text), self.row + 1))
        self.row += 1
        lines, blocks, _ = self.pages[-1]
        block = Block((line,), text)
        lines.append(line)
        blocks.append(block)
        self.paragraphs.append(block)

    def page_break(self) -> None:
        """Following paragraphs and tables are on the next page."""
        self.page += 1
        self.pages.append(([], [], []))

    def _title_paragraphs(self, named_inside: bool) -> list[Block]:
        """The short paragraphs right before the table that name it (its name, 公开01表, 单位).

        The one right before it is taken even when it does not look like a table's name — unless
        the table names itself in its first rows, where that paragraph is a heading of the text.
        """
        _, blocks, _ = self.pages[-1]
        taken: list[Block] = []
        for block in reversed(blocks):
            if len(taken) == MAX_TITLE_PARAGRAPHS or block.lines[-1].box.bottom != self.row - len(taken):
                break
            text = block.text
            if len(text) > MAX_TITLE_LENGTH or text.endswith(("。", "；", ";", "：", ":")):
                break
            if not _title_like(text) and (taken or named_inside or _NOTE.match(text)):
                break
            taken.append(block)
        taken.reverse()
        return taken

    def table(self, placed: Sequence[Placed]) -> None:
        """A table of cells with their spans; the paragraphs naming it become its title lines."""
        if not placed:
            return
        lines, blocks, tables = self.pages[-1]
        top = self.row
        rows = _cells(placed, self.page, top)
        width = max((len(row) for row in rows), default=0)
        frame = Box(self.page, 0, top, max(width, 1), top + len(rows))
        inner: list[Line] = []
        start = 0
        while start < len(rows) - 1 and _is_title_row(rows[start], width):
            if any(cell.text for cell in rows[start]):
                inner.append(_row_line(rows[start], self.page, top + start, width))
            start += 1
        titles = self._title_paragraphs(named_inside=any(find_spec(line.text) for line in inner))
        self.row += len(rows)
        cell_lines = [
            text_line(cell.text, cell.box)
            for row in rows[start:]
            for cell in row
            if cell.text and cell.box is not None
        ]
        grid = _grid(rows[start:], frame, [block.lines[0] for block in titles] + inner)
        if grid is None:
            # A one-column table is a frame round text: its cells are paragraphs.
            for row in rows:
                for cell in row:
                    if cell.text and cell.box is not None:
                        line = text_line(
                            cell.text, Box(self.page, 0, cell.box.top, len(cell.text), cell.box.top + 1)
                        )
                        lines.append(line)
                        block = Block((line,), cell.text)
                        blocks.append(block)
                        self.paragraphs.append(block)
            return
        for block in titles:
            blocks.remove(block)
            self.paragraphs.remove(block)
        lines.extend(inner)
        lines.extend(cell_lines)
        tables.append(grid)
        self.tables.append(grid)

    def sheet(self, placed: Sequence[Placed], label: str) -> None:
        """One worksheet as one page (cell coordinates): its table, title rows and notes."""
        number = self.page
        grid, titles, notes, loose = sheet_grid(placed, number)
        lines, blocks, tables = self.pages[-1]
        lines.extend(titles)
        if grid is not None:
            lines.extend(
                text_line(cell.text, cell.box) for row in grid.rows for cell in row if cell.text and cell.box
            )
            tables.append(grid)
            self.tables.append(grid)
        lines.extend(notes)
        for line in loose:
            lines.append(line)
            block = Block((line,), line.text)
            blocks.append(block)
            self.paragraphs.append(block)
        self.labels[number] = label

    def document(self) -> Document:
        # Page numbers and running headers a text pasted from a PDF carries (“- 2 -”, the title
        # again) are no paragraphs of the narrative; they stay lines, so places are still counted.
        furniture = {
            id(self.paragraphs[i]) for i in furniture_lines([block.text for block in self.paragraphs])
        }
        # A break with nothing after it (or two in a row) makes no page anybody sees.
        pages = [
            Page(
                number,
                0,
                0,
                0,
                lines,
                [block for block in blocks if id(block) not in furniture],
                tables,
                label=self.labels.get(number, ""),
            )
            for number, (lines, blocks, tables) in enumerate(self.pages, 1)
            if lines or tables
        ]
        paragraphs = [block for block in self.paragraphs if id(block) not in furniture]
        return Document(pages, self.tables, paragraphs, self.source, self.coordinates)
