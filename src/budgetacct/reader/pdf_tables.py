"""Tables of a PDF page as cell grids: cells from the ruling lines, header paths, titles, continuations.

pdfplumber finds the cells from the (visible) ruling lines; the text of each cell is rebuilt here
from the characters inside it with the same line grouping as the page (:func:`build_lines`), so a
two-line cell reads as one text and the text is exactly what is printed ("1,234.50", "-", "" stay
apart). Tables printed without ruling are found from aligned columns (:func:`aligned_tables`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from budgetacct.reader.document import Box, Cell, Line, TableGrid
from budgetacct.reader.pdf_layout import Column, Glyph, build_lines, continues

__all__ = [
    "absorb_loose_rows",
    "aligned_tables",
    "attach_titles",
    "cell_grid",
    "column_map",
    "header_paths",
    "header_row_count",
    "join_continuations",
]

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
    if _CODE.match(texts[0]):
        return True
    # "合计" heads a column too (合计 | 基本支出 | 项目支出): only a total row with nothing but
    # figures or blanks after it is body.
    return bool(_TOTAL.match(texts[0])) and all(text in "-—－" for text in texts[1:])


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


def _inside(glyphs: Sequence[Glyph], x0: float, top: float, x1: float, bottom: float) -> list[Glyph]:
    return [g for g in glyphs if x0 <= (g.x0 + g.x1) / 2 <= x1 and top <= (g.top + g.bottom) / 2 <= bottom]


_TITLE_CELL = re.compile(r"^(?:(?:部\s*门|单\s*位|编制单位|金额单位)\s*[：:]|公开\s*\d+\s*表)")


def _is_title_row(row: Sequence[Cell], width: float) -> bool:
    """A leading row that belongs above the table: blank, one cell across, or "部门：… 单位：万元"."""
    texts = [cell.text for cell in row if cell.text.strip()]
    if not texts:
        return True
    starts = [cell.box for cell in row if cell.box is not None]
    if len(starts) == 1 and width and starts[0].width >= 0.8 * width:
        return True
    return any(_TITLE_CELL.match(text) for text in texts) and not any(_AMOUNT.match(t.strip()) for t in texts)


def _drop_blank_columns(rows: list[list[Cell]]) -> list[list[Cell]]:
    # Excel exports rule every sheet column, so a grid can hold columns that never carry text.
    width = max((len(row) for row in rows), default=0)
    keep = [j for j in range(width) if any(j < len(row) and row[j].text.strip() for row in rows)]
    return [[row[j] for j in keep if j < len(row)] for row in rows]


def cell_grid(
    raw_rows: Sequence[RawRow], glyphs: Sequence[Glyph], page: int, table_box: Box
) -> TableGrid | None:
    """A grid from pdfplumber's cell boxes and the page's characters (``None``: not a table).

    Leading rows that are the table's title (a frame drawn round it too) become title lines;
    columns that never hold text and rows that are only the continuation of merged cells are
    dropped. A grid of fewer than two columns is a frame round text, not a table.
    """
    rows: list[list[Cell]] = []
    for raw in raw_rows:
        row: list[Cell] = []
        for bbox in raw:
            if bbox is None:
                row.append(Cell(""))
                continue
            text = _cell_text(build_lines(_inside(glyphs, *bbox), page))
            row.append(Cell(text, Box(page, *bbox)))
        rows.append(row)
    titles: list[Line] = []
    while len(rows) > 1 and _is_title_row(rows[0], table_box.width):
        boxes = [cell.box for cell in rows[0] if cell.box is not None]
        if boxes:
            band = Box.enclosing(boxes)
            titles.extend(
                build_lines(_inside(glyphs, table_box.x0, band.top, table_box.x1, band.bottom), page)
            )
            table_box = Box(page, table_box.x0, band.bottom, table_box.x1, table_box.bottom)
        rows.pop(0)
    rows = [row for row in _drop_blank_columns(rows) if any(cell.box is not None for cell in row)]
    if max((len(row) for row in rows), default=0) < 2:
        return None
    header = header_row_count(rows)
    return TableGrid(rows, (table_box,), titles, header, header_paths(rows, header))


_TABLE_NAME = re.compile(r"^(?:公开\s*\d+\s*表|表\s*\d+|附表)|表$")


def _title_like(line: Line, column: Column) -> bool:
    """Set larger than the prose, or named like a table ("公开09表：…", "…预算表")."""
    if _TABLE_NAME.search(line.text.strip()):
        return True
    size = max((token.box.height for token in line.tokens), default=0.0)
    return size >= 1.15 * column.size and line.box.x1 < column.right - 2 * column.size


_TITLE_LINE = re.compile(r"(?:部\s*门|单\s*位|编制单位)(?:名称)?\s*[：:]|公开\s*\d+\s*表")


def absorb_loose_rows(grid: TableGrid, free_lines: Sequence[Line]) -> tuple[TableGrid, list[Line]]:
    """Rows printed above the first ruling line of a page (the border was on the page before).

    A line right above the table whose pieces each stand in one of its columns, one of them a
    figure, becomes the table's first row. Returns the grid and the lines taken.
    """
    if grid.header_rows or grid.title_lines:
        return grid, []
    spans = _column_spans(grid)
    page = grid.boxes[0].page
    taken: list[Line] = []
    rows: list[list[Cell]] = []
    edge = grid.boxes[0].top
    for line in sorted(
        (line for line in free_lines if line.box.bottom <= edge + 1), key=lambda line: -line.box.bottom
    ):
        if edge - line.box.bottom > line.box.height:
            break
        segments = _segments(line)
        if not any(_AMOUNT.match(text.strip()) for text, _ in segments):
            break
        cells = [
            Cell("", None if span is None else Box(page, span[0], line.box.top, span[1], edge))
            for span in spans
        ]
        for text, box in segments:
            overlaps = [
                (min(box.x1, span[1]) - max(box.x0, span[0]), j)
                for j, span in enumerate(spans)
                if span is not None
            ]
            best, j = max(overlaps, default=(0.0, -1))
            if best <= 0 or cells[j].text:
                return grid, []
            cells[j] = Cell(text, cells[j].box)
        rows.insert(0, cells)
        taken.append(line)
        edge = line.box.top
    if not rows:
        return grid, []
    box = grid.boxes[0]
    boxes = (Box(page, box.x0, edge, box.x1, box.bottom), *grid.boxes[1:])
    return TableGrid([*rows, *grid.rows], boxes, (), 0, grid.columns), taken


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
        full = line.box.x1 >= column.right - 1.5 * column.size
        prose = full and not (_title_like(line, column) or _TITLE_LINE.search(line.text))
        if any(_AMOUNT.match(text.strip()) for text, _ in _segments(line)):
            break  # a row of figures: part of a table, never its title
        higher = [other for other in free_lines if other.box.bottom <= line.box.top + 1]
        above_line = max(higher, key=lambda other: other.box.bottom, default=None)
        wrapped = above_line is not None and continues(above_line, column, line, column)
        if prose or (wrapped and above_line is not None and not _title_like(above_line, column)):
            break  # the tail of a wrapped paragraph, not a title
        taken.append(line)
        edge = line.box.top
    taken.reverse()
    return TableGrid(
        grid.rows, grid.boxes, [*taken, *grid.title_lines], grid.header_rows, grid.columns
    ), taken


def _column_spans(grid: TableGrid) -> list[tuple[float, float] | None]:
    spans: list[tuple[float, float] | None] = []
    for j in range(grid.column_count):
        # The span most cells of the column have (a header row may split or merge it).
        counts: dict[tuple[int, int], int] = {}
        for row in grid.rows:
            box = row[j].box if j < len(row) else None
            if box is not None:
                key = (round(box.x0), round(box.x1))
                counts[key] = counts.get(key, 0) + 1
        common = max(counts.items(), key=lambda item: item[1])[0] if counts else None
        spans.append((float(common[0]), float(common[1])) if common else None)  # x positions (points)
    return spans


def column_map(first: TableGrid, second: TableGrid) -> list[int] | None:
    """Which column of ``first`` each column of ``second`` stands under (``None``: they differ).

    Columns match by position (within 4 pt), so a continuation whose blank columns were dropped
    still lines up.
    """
    old, new = _column_spans(first), _column_spans(second)
    mapping: list[int] = []
    start = 0
    for span in new:
        if span is None:
            return None
        found = next(
            (
                k
                for k in range(start, len(old))
                if (o := old[k]) is not None and abs(o[0] - span[0]) <= 4 and abs(o[1] - span[1]) <= 4
            ),
            None,
        )
        if found is None:
            return None
        mapping.append(found)
        start = found + 1
    return mapping if mapping else None


def _spread(row: Sequence[Cell], mapping: Sequence[int], width: int) -> list[Cell]:
    cells = [Cell("") for _ in range(width)]
    for j, cell in enumerate(row):
        cells[mapping[j]] = cell
    return cells


def _carry_over(previous: list[list[Cell]], first: list[Cell]) -> bool:
    """Join a cell's text wrapped onto the next page ("十七、国土海洋气象等支" + "出")."""
    filled = [j for j, cell in enumerate(first) if cell.text.strip()]
    if len(filled) != 1 or not previous or any(_AMOUNT.match(cell.text.strip()) for cell in first):
        return False
    j = filled[0]
    above = previous[-1][j]
    if not above.text.strip() or _AMOUNT.match(above.text.strip()) or len(first[j].text) > 3:
        return False
    previous[-1][j] = Cell(above.text + first[j].text, above.box)
    return True


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
            mapping = column_map(previous, grid)
            if previous.boxes[-1].page + 1 == grid.boxes[0].page and mapping is not None:
                width = previous.column_count
                repeated = [[c.text for c in row] for row in previous.rows[: previous.header_rows]]
                rows = [_spread(row, mapping, width) for row in grid.rows]
                skip = 0
                while (
                    skip < len(repeated)
                    and skip < len(rows)
                    and [c.text for c in rows[skip]] == repeated[skip]
                ):
                    skip += 1
                merged = [list(row) for row in previous.rows]
                if skip < len(rows) and _carry_over(merged, rows[skip]):
                    skip += 1
                joined[-1] = TableGrid(
                    merged + rows[skip:],
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


# ----------------------------------------------------------------------------------------------
# Tables printed without ruling: columns of text aligned on the page.

#: A gap wider than this many character heights separates two cells of an unruled table.
CELL_GAP: Final = 1.5
#: At least this many consecutive aligned lines make an unruled table.
MIN_ALIGNED_ROWS: Final = 3


def _segments(line: Line) -> list[tuple[str, Box]]:
    """The line cut at wide gaps: (text, box) of each piece."""
    pieces: list[list[int]] = [[]]
    for i, token in enumerate(line.tokens):
        if i:
            previous = line.tokens[i - 1]
            if token.box.x0 - previous.box.x1 > CELL_GAP * max(token.box.height, previous.box.height):
                pieces.append([])
        pieces[-1].append(i)
    out: list[tuple[str, Box]] = []
    for piece in pieces:
        tokens = [line.tokens[i] for i in piece]
        start = line.text.find(tokens[0].text)
        end = line.text.find(tokens[-1].text, max(start, 0)) + len(tokens[-1].text)
        text = line.text[start:end] if 0 <= start < end else "".join(t.text for t in tokens)
        out.append((text, Box.enclosing([t.box for t in tokens])))
    return out


def _tabular(segments: Sequence[tuple[str, Box]]) -> bool:
    if len(segments) >= 3:
        return True
    return len(segments) == 2 and any(
        _AMOUNT.match(text.strip()) or text.strip() in "-—" for text, _ in segments
    )


def _columns(rows: Sequence[Sequence[tuple[str, Box]]]) -> list[tuple[float, float]]:
    """Columns as the unions of horizontally overlapping cells of all rows."""
    spans = sorted((box.x0, box.x1) for row in rows for _, box in row)
    merged: list[list[float]] = []
    for x0, x1 in spans:
        if merged and x0 <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], x1)
        else:
            merged.append([x0, x1])
    return [(x0, x1) for x0, x1 in merged]


def _aligned_grid(run: Sequence[tuple[Line, list[tuple[str, Box]]]], page: int) -> TableGrid | None:
    rows_segments = [segments for _, segments in run]
    columns = _columns(rows_segments)
    if len(columns) < 2 or max(len(row) for row in rows_segments) > len(columns):
        return None
    rows: list[list[Cell]] = []
    for line, segments in run:
        texts: list[list[str]] = [[] for _ in columns]
        boxes: list[Box | None] = [None for _ in columns]
        for text, box in segments:
            j = next(k for k, (x0, x1) in enumerate(columns) if x0 <= box.x0 <= x1)
            texts[j].append(text)
            held = boxes[j]
            boxes[j] = box if held is None else held.union(box)
        row = []
        for j, (x0, x1) in enumerate(columns):
            box = boxes[j] or Box(page, x0, line.box.top, x1, line.box.bottom)
            row.append(Cell(" ".join(texts[j]), box))
        rows.append(row)
    # Most rows must fill more than one column, or this is a list of labelled lines, not a table.
    if sum(1 for row in rows if sum(1 for cell in row if cell.text) >= 2) < MIN_ALIGNED_ROWS:
        return None
    table_box = Box.enclosing([line.box for line, _ in run])
    header = header_row_count(rows)
    return TableGrid(rows, (table_box,), (), header, header_paths(rows, header))


def aligned_tables(lines: Sequence[Line]) -> list[tuple[TableGrid, list[Line]]]:
    """Tables printed without ruling lines: runs of lines whose wide gaps line up in columns.

    ``lines`` are a page's lines outside ruled tables, in reading order. Returns each table with
    the lines it took. Prose never has wide gaps inside a line, so it is never taken.
    """
    found: list[tuple[TableGrid, list[Line]]] = []
    run: list[tuple[Line, list[tuple[str, Box]]]] = []

    def close() -> None:
        if len(run) >= MIN_ALIGNED_ROWS:
            grid = _aligned_grid(run, run[0][0].box.page)
            if grid is not None:
                found.append((grid, [line for line, _ in run]))
        run.clear()

    for line in lines:
        segments = _segments(line)
        if _tabular(segments):
            if run:
                previous = run[-1][0]
                if line.box.top - previous.box.bottom > 2.5 * max(line.box.height, previous.box.height):
                    close()
            run.append((line, segments))
        else:
            close()
    close()
    return found
