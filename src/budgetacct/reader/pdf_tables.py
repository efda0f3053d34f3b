"""Tables of a PDF page as cell grids: cells from the ruling lines, header paths, titles, continuations.

pdfplumber finds the cells from the ruling lines; the text of each cell is rebuilt here from the
characters inside it with the same line grouping as the page (:func:`build_lines`), so a two-line
cell reads as one text and the text is exactly what is printed ("1,234.50", "-", "" stay apart).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from budgetacct.reader.document import Box, Cell, Line, TableGrid
from budgetacct.reader.pdf_layout import Column, Glyph, build_lines, continues

__all__ = ["attach_titles", "cell_grid", "header_paths", "join_continuations"]

_AMOUNT = re.compile(r"^[-−(（]?\d{1,3}(?:,\d{3})+(?:\.\d+)?[)）]?%?$|^[-−(（]?\d+\.\d+[)）]?%?$")
_CODE = re.compile(r"^\d{3,7}$")
_TOTAL = re.compile(r"^(?:合\s*计|总\s*计|小\s*计)")
#: At most this many leading rows are taken as column headers.
MAX_HEADER_ROWS: Final = 6

RawRow = Sequence[tuple[float, float, float, float] | None]


def _cell_text(lines: Sequence[Line]) -> str:
    text = ""
    for line in lines:
        if (
            text
            and text[-1].isascii()
            and text[-1].isalnum()
            and line.text[:1].isascii()
            and line.text[:1].isalnum()
        ):
            text += " "
        text += line.text
    return text


def _is_body_row(row: Sequence[Cell]) -> bool:
    texts = [cell.text.strip() for cell in row if cell.text.strip()]
    if not texts:
        return False
    if any(_AMOUNT.match(text) for text in texts):
        return True
    return bool(_TOTAL.match(texts[0]) or _CODE.match(texts[0]))


def header_row_count(rows: Sequence[Sequence[Cell]]) -> int:
    """Leading rows holding column headers: those before the first row with an amount, a total or a code."""
    for index, row in enumerate(rows[: MAX_HEADER_ROWS + 1]):
        if _is_body_row(row):
            return index
    return 1 if len(rows) > 1 else 0


def header_paths(rows: Sequence[Sequence[Cell]], header_rows: int) -> list[tuple[str, ...]]:
    """For every column, the texts of the header cells above it, top to bottom.

    A merged header cell counts for every column (and every header row) it covers, found by
    position: the cell whose box holds the column's centre at the row's height.
    """
    width = max((len(row) for row in rows), default=0)
    centres: list[float | None] = []
    for j in range(width):
        xs = [box for row in rows if j < len(row) and (box := row[j].box) is not None]
        narrowest = min(xs, key=lambda b: b.width, default=None)
        centres.append((narrowest.x0 + narrowest.x1) / 2 if narrowest else None)
    header_cells = [cell for row in rows[:header_rows] for cell in row if cell.box is not None]
    paths: list[tuple[str, ...]] = []
    for j in range(width):
        path: list[str] = []
        centre = centres[j]
        for row in rows[:header_rows]:
            boxes = [cell.box for cell in row if cell.box is not None]
            if centre is None or not boxes:
                continue
            lowest = min(boxes, key=lambda b: b.height)  # a cell of this row alone, not a merged one
            middle = (lowest.top + lowest.bottom) / 2
            for cell in header_cells:
                box = cell.box
                if box is not None and box.x0 <= centre <= box.x1 and box.top <= middle <= box.bottom:
                    text = re.sub(r"\s+", "", cell.text)
                    if text and (not path or path[-1] != text):
                        path.append(text)
                    break
        paths.append(tuple(path))
    return paths


def cell_grid(raw_rows: Sequence[RawRow], glyphs: Sequence[Glyph], page: int, table_box: Box) -> TableGrid:
    """A grid from pdfplumber's cell boxes and the page's characters."""
    rows: list[list[Cell]] = []
    for raw in raw_rows:
        row: list[Cell] = []
        for bbox in raw:
            if bbox is None:
                row.append(Cell(""))
                continue
            x0, top, x1, bottom = bbox
            inside = [
                g for g in glyphs if x0 <= (g.x0 + g.x1) / 2 <= x1 and top <= (g.top + g.bottom) / 2 <= bottom
            ]
            row.append(Cell(_cell_text(build_lines(inside, page)), Box(page, x0, top, x1, bottom)))
        rows.append(row)
    # A ruled frame drawn round the title too: leading rows of one cell across the whole table are
    # the title, not headers.
    titles: list[Line] = []
    while len(rows) > 1 and sum(cell.box is not None for cell in rows[0]) == 1 and len(rows[0]) > 1:
        box = next(cell.box for cell in rows[0] if cell.box is not None)
        inside = [
            g
            for g in glyphs
            if box.x0 <= (g.x0 + g.x1) / 2 <= box.x1 and box.top <= (g.top + g.bottom) / 2 <= box.bottom
        ]
        titles.extend(build_lines(inside, page))
        rows.pop(0)
        table_box = Box(page, table_box.x0, box.bottom, table_box.x1, table_box.bottom)
    header = header_row_count(rows)
    return TableGrid(rows, (table_box,), titles, header, header_paths(rows, header))


def attach_titles(
    grid: TableGrid, free_lines: Sequence[Line], column: Column
) -> tuple[TableGrid, list[Line]]:
    """Give the table the short lines printed right above it (name, "公开01表", "单位：万元").

    Returns the grid with its titles, and the lines taken.
    """
    top = grid.title_lines[0].box.top if grid.title_lines else grid.boxes[0].top
    above = sorted(
        (line for line in free_lines if line.box.bottom <= top + 1), key=lambda line: -line.box.bottom
    )
    taken: list[Line] = []
    edge = top
    for line in above:
        size = max(line.box.height, 6.0)
        if edge - line.box.bottom > 2.5 * size or len(taken) == 4:
            break
        prose = len(line.text) > 40 and line.box.x1 >= column.right - 1.5 * column.size
        higher = [other for other in free_lines if other.box.bottom <= line.box.top + 1]
        above_line = max(higher, key=lambda other: other.box.bottom, default=None)
        if prose or (above_line is not None and continues(above_line, column, line, column)):
            break  # the tail of a wrapped paragraph, not a title
        taken.append(line)
        edge = line.box.top
    taken.reverse()
    return TableGrid(
        grid.rows, grid.boxes, [*taken, *grid.title_lines], grid.header_rows, grid.columns
    ), taken


def _columns_match(first: TableGrid, second: TableGrid) -> bool:
    if first.column_count != second.column_count:
        return False
    left = [cell.box for cell in first.rows[-1]]
    right = [cell.box for cell in second.rows[0]]
    return all(
        a is None or b is None or (abs(a.x0 - b.x0) <= 4 and abs(a.x1 - b.x1) <= 4)
        for a, b in zip(left, right, strict=False)
    )


def join_continuations(pieces: Sequence[tuple[TableGrid, bool, bool]]) -> list[TableGrid]:
    """Join each table with its continuation on the next page.

    ``pieces`` are the page tables in reading order, each with whether it is the first thing on its
    page and whether it is the last. A table continues the previous one when it has no title, is
    first on its page, the previous one was last on the page before, and the columns line up;
    its leading rows that repeat the previous table's header rows are dropped.
    """
    joined: list[TableGrid] = []
    last_flag = False
    for grid, is_first, is_last in pieces:
        if joined and is_first and last_flag and not grid.title_lines:
            previous = joined[-1]
            if previous.boxes[-1].page + 1 == grid.boxes[0].page and _columns_match(previous, grid):
                repeated = [[c.text for c in row] for row in previous.rows[: previous.header_rows]]
                rows = list(grid.rows)
                skip = 0
                while (
                    skip < len(repeated)
                    and skip < len(rows)
                    and [c.text for c in rows[skip]] == repeated[skip]
                ):
                    skip += 1
                joined[-1] = TableGrid(
                    previous.rows + tuple(rows[skip:]),
                    previous.boxes + grid.boxes,
                    previous.title_lines,
                    previous.header_rows,
                    previous.columns,
                )
                last_flag = is_last
                continue
        joined.append(grid)
        last_flag = is_last
    return joined
