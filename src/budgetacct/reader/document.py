"""A published file as a format-neutral :class:`Document`: pages, lines, paragraphs and tables.

Every piece of text keeps the place it was printed (:class:`Box`: the 1-based page number and a
bounding box in PDF points, origin at the top left of the page as a person sees it), so a figure
read from the narrative or from a table can be shown where it stands on the page. Word files, web
pages and workbooks have no printed pages: their boxes count paragraphs, table rows and columns
instead (see :class:`Box` and :attr:`Document.coordinates`), and :meth:`Document.place` names the
place as a reader finds it (“第12页”, “第3段”, “表2 第4行第3列”, “工作表“表1” C5”).

The readers of each format (:func:`budgetacct.reader.pdf.read_pdf`, …) build these objects; the
sentence reader takes :meth:`Document.narrative_text` and the table reader :attr:`Document.tables`.

>>> a = Box(1, 10, 20, 30, 32)
>>> token = Token("收入", a)
>>> line = Line((token, Token("874.63", Box(1, 34, 20, 60, 32))), "收入 874.63", a.union(Box(1, 34, 20, 60, 32)))
>>> line.box
Box(page=1, x0=10.0, top=20.0, x1=60.0, bottom=32.0)
>>> doc = Document((Page(1, 595, 842, 0, (line,), (Block((line,), line.text),), ()),))
>>> narrative = doc.narrative_text()
>>> narrative.text
'收入 874.63'
>>> narrative.box_at(3).x0
34.0
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import ClassVar, Final, Literal

import attrs

from budgetacct.errors import BudgetAcctError, MissingDependency

__all__ = [
    "Block",
    "Box",
    "Cell",
    "Coordinates",
    "Document",
    "Line",
    "Narrative",
    "Page",
    "SupportMissing",
    "TableGrid",
    "Token",
]


class SupportMissing(MissingDependency):
    """The package a format's reader needs is not installed: the message gives the one command
    that installs it.  A subclass says which package and extra, and what reading needs it."""

    package_needed: ClassVar[str]
    extra_needed: ClassVar[str]
    #: What needs the package, and any advice after the command: (Chinese, English) each.
    reading: ClassVar[tuple[str, str]]
    advice: ClassVar[tuple[str, str]] = ("", "")

    def __init__(self, package: str | None = None, extra: str | None = None) -> None:
        self.package = package or self.package_needed
        self.extra = extra or self.extra_needed
        command = f"pip install 'budgetacct[{self.extra}]'"
        BudgetAcctError.__init__(
            self,
            f"{self.reading[0]}需要可选依赖 {self.package}：请运行 {command}{self.advice[0]}",
            f"{self.reading[1]} needs the optional dependency {self.package}: {command}{self.advice[1]}",
        )


# Coordinates on a page (points), never money: figures stay the text printed until they are
# parsed into Amounts.
def _to_float(value: float) -> float:
    return float(value)


def _floats(values: Iterable[float]) -> tuple[float, ...]:
    return tuple(float(v) for v in values)


# Sequence fields take any iterable. A flat one's converter is ``tuple[X, ...]``: the builtin
# ``tuple``, called through its parametrized alias so that mypy types the argument ``Iterable[X]``
# (a generic function would leave it unbound). The nested ones, a grid's rows and its columns'
# header paths, convert here.
def _rows(values: Iterable[Iterable[Cell]]) -> tuple[tuple[Cell, ...], ...]:
    return tuple(tuple(row) for row in values)


def _paths(values: Iterable[Iterable[str]]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(path) for path in values)


@attrs.frozen
class Box:
    """Where something is printed: page number (1-based) and bounding box.

    The units depend on the document (:attr:`Document.coordinates`):

    ``"points"`` (PDF)
        PDF points; ``top`` and ``bottom`` are measured downwards from the top of the page as
        displayed.
    ``"flow"`` (Word, web pages)
        Nothing is laid out, so the box counts the document's flow instead. ``page`` is 1, or the
        page's number after the explicit page breaks before it (Word). ``top``/``bottom`` count
        flow rows over the whole document: every paragraph is one row high and so is every table
        row, in reading order (a paragraph at row 7 has ``top=7, bottom=8``). Across a paragraph,
        ``x0``/``x1`` are character offsets in its text; across a table, grid column indices (a
        cell spanning columns 2–3 and two rows of a table starting at row 20 has
        ``x0=2, x1=4, top=20, bottom=22``).
    ``"cells"`` (workbooks)
        ``page`` is the sheet's number (1-based, in the workbook's order); ``x0``/``x1`` and
        ``top``/``bottom`` are the sheet's 0-based column and row indices (cell B3 is
        ``x0=1, top=2, x1=2, bottom=3``; a merged cell spans more).

    Either way the boxes of one document compare and nest as on a page, so what is found by
    position (a merged header's columns, a table's continuation) works for every format.
    """

    page: int
    x0: float = attrs.field(converter=_to_float)
    top: float = attrs.field(converter=_to_float)
    x1: float = attrs.field(converter=_to_float)
    bottom: float = attrs.field(converter=_to_float)

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.bottom - self.top

    def union(self, other: Box) -> Box:
        """The smallest box holding both (on this box's page)."""
        return Box(
            self.page,
            min(self.x0, other.x0),
            min(self.top, other.top),
            max(self.x1, other.x1),
            max(self.bottom, other.bottom),
        )

    @staticmethod
    def enclosing(boxes: Sequence[Box]) -> Box:
        """The smallest box holding all of ``boxes`` (which must not be empty)."""
        first = boxes[0]
        return Box(
            first.page,
            min(b.x0 for b in boxes),
            min(b.top for b in boxes),
            max(b.x1 for b in boxes),
            max(b.bottom for b in boxes),
        )


@attrs.frozen
class Token:
    """A run of characters printed without a gap between them (a word, a figure, a CJK phrase).

    ``edges`` optionally holds the ``len(text) + 1`` x positions between its characters, so
    :meth:`char_box` can point at a single character.
    """

    text: str
    box: Box
    edges: tuple[float, ...] = attrs.field(default=(), converter=_floats)

    def char_box(self, index: int) -> Box:
        """The box of character ``index`` of :attr:`text` (the token's box if edges are unknown)."""
        if len(self.edges) != len(self.text) + 1 or not 0 <= index < len(self.text):
            return self.box
        return Box(self.box.page, self.edges[index], self.box.top, self.edges[index + 1], self.box.bottom)


@attrs.frozen
class Line:
    """Tokens printed on one line, left to right; ``text`` has a space only where the page has a gap."""

    tokens: tuple[Token, ...] = attrs.field(converter=tuple[Token, ...])
    text: str
    box: Box

    def char_boxes(self) -> tuple[Box, ...]:
        """One box per character of :attr:`text` (a space gets the gap between its tokens)."""
        boxes: list[Box] = []
        position = 0
        for token in self.tokens:
            start = self.text.find(token.text, position)
            if start < 0:  # text built differently from tokens: fall back to the line's box
                return tuple(self.box for _ in self.text)
            gap = Box(
                self.box.page,
                boxes[-1].x1 if boxes else self.box.x0,
                self.box.top,
                token.box.x0,
                self.box.bottom,
            )
            boxes.extend(gap for _ in range(start - position))
            boxes.extend(token.char_box(i) for i in range(len(token.text)))
            position = start + len(token.text)
        boxes.extend(self.box for _ in range(len(self.text) - position))
        return tuple(boxes)


@attrs.frozen
class Block:
    """A paragraph (or heading) outside tables: its printed lines and the reflowed text.

    ``text`` joins the lines without the breaks the layout put in (no space between CJK
    characters, one space between Latin words).
    """

    lines: tuple[Line, ...] = attrs.field(converter=tuple[Line, ...])
    text: str

    @property
    def box(self) -> Box:
        return Box.enclosing([line.box for line in self.lines])

    @property
    def pages(self) -> tuple[int, ...]:
        return tuple(sorted({line.box.page for line in self.lines}))


@attrs.frozen
class Cell:
    """One cell of a table grid, its text exactly as printed ("" for a blank cell, "-" kept).

    ``box`` is ``None`` where the position is covered by a neighbouring merged cell.
    """

    text: str
    box: Box | None = None

    @property
    def covered(self) -> bool:
        return self.box is None


_UNIT = re.compile(r"单\s*位\s*[：:]\s*([^\s，,；;（）()]+)")


@attrs.frozen
class TableGrid:
    """A table as a grid of cells, with its title lines and the header path of every column.

    ``title_lines`` are the lines printed just above the table (its name, "公开01表", "单位：万元");
    ``header_rows`` counts the leading rows that are column headers; ``columns[j]`` is the path of
    header texts above column ``j`` from top to bottom (merged header cells repeated for each column
    they span). A table continued across pages has one grid, several ``pages`` and ``boxes``.
    """

    rows: tuple[tuple[Cell, ...], ...] = attrs.field(converter=_rows)
    boxes: tuple[Box, ...] = attrs.field(converter=tuple[Box, ...])
    title_lines: tuple[Line, ...] = attrs.field(default=(), converter=tuple[Line, ...])
    header_rows: int = 0
    columns: tuple[tuple[str, ...], ...] = attrs.field(default=(), converter=_paths)

    @property
    def pages(self) -> tuple[int, ...]:
        return tuple(sorted({box.page for box in self.boxes}))

    @property
    def title(self) -> str:
        """The title lines joined by newlines ("" when the table has none)."""
        return "\n".join(line.text for line in self.title_lines)

    @property
    def unit(self) -> str | None:
        """The money unit its title lines print ("单位：万元" → "万元"), ``None`` if none.

        >>> TableGrid([], [], [Line([], "部门：示例 单位：万元", Box(1, 0, 0, 1, 1))]).unit
        '万元'
        """
        for line in self.title_lines:
            found = _UNIT.search(line.text)
            if found:
                return found.group(1)
        return None

    @property
    def column_count(self) -> int:
        return max((len(row) for row in self.rows), default=0)

    @property
    def body(self) -> tuple[tuple[Cell, ...], ...]:
        """The rows below the header rows."""
        return self.rows[self.header_rows :]

    def texts(self) -> list[list[str]]:
        """The grid as plain strings (covered cells as "")."""
        return [[cell.text for cell in row] for row in self.rows]


@attrs.frozen
class Page:
    """One page as displayed (rotation already applied): its lines, paragraphs and tables.

    ``lines`` are all text lines in reading order, tables included; ``blocks`` are the paragraphs
    outside tables (a paragraph carried over from the page before is listed on that page);
    ``furniture`` are the running headers, footers and page numbers left out of ``lines``,
    ``blocks`` and the document's narrative. ``label`` names the page where the format does (a
    workbook's sheet name), "" otherwise.
    """

    number: int
    width: float = attrs.field(converter=_to_float)
    height: float = attrs.field(converter=_to_float)
    rotation: int
    lines: tuple[Line, ...] = attrs.field(converter=tuple[Line, ...])
    blocks: tuple[Block, ...] = attrs.field(converter=tuple[Block, ...])
    tables: tuple[TableGrid, ...] = attrs.field(converter=tuple[TableGrid, ...])
    furniture: tuple[Line, ...] = attrs.field(default=(), converter=tuple[Line, ...])
    label: str = ""

    @property
    def has_text(self) -> bool:
        return bool(self.lines or self.furniture)

    @property
    def text(self) -> str:
        """All lines of the page, one per line."""
        return "\n".join(line.text for line in self.lines)


@attrs.frozen
class Narrative:
    """The reflowed text outside tables, with the place every character came from.

    Paragraphs are separated by one newline. ``starts[i]`` is the offset where ``pieces[i]``
    (a line, or the part of a line that a paragraph took) begins in :attr:`text`.
    """

    text: str
    starts: tuple[int, ...]
    pieces: tuple[Line, ...]

    def line_at(self, offset: int) -> Line | None:
        """The printed line character ``offset`` came from (``None`` for a paragraph break)."""
        index = bisect.bisect_right(self.starts, offset) - 1
        if index < 0 or not 0 <= offset < len(self.text):
            return None
        line = self.pieces[index]
        return line if offset - self.starts[index] < len(line.text) else None

    def box_at(self, offset: int) -> Box:
        """The box of the character at ``offset`` (a paragraph break gets its line's box)."""
        index = max(bisect.bisect_right(self.starts, offset) - 1, 0)
        line = self.pieces[index]
        boxes = line.char_boxes()
        within = offset - self.starts[index]
        return boxes[within] if 0 <= within < len(boxes) else line.box

    def boxes(self, start: int, end: int) -> tuple[Box, ...]:
        """The boxes covering ``text[start:end]``, one per printed line touched."""
        found: list[Box] = []
        for index, line_start in enumerate(self.starts):
            line = self.pieces[index]
            line_end = line_start + len(line.text)
            if line_end <= start or line_start >= end:
                continue
            boxes = line.char_boxes()
            lo, hi = max(start, line_start) - line_start, min(end, line_end) - line_start
            if hi > lo:
                found.append(Box.enclosing(boxes[lo:hi]))
        return tuple(found)


def paragraph_glue(left: str, right: str) -> str:
    """What goes between two pieces of one paragraph: a space only between Latin words."""
    if (
        left
        and right
        and left[-1].isascii()
        and left[-1].isalnum()
        and right[0].isascii()
        and right[0].isalnum()
    ):
        return " "
    return ""


#: How a document's boxes measure (see :class:`Box`).
Coordinates = Literal["points", "flow", "cells"]
_COORDINATES: Final = ("points", "flow", "cells")


def _column_letters(index: int) -> str:
    """A 0-based column index as a spreadsheet names it (0 → "A", 27 → "AB")."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


@attrs.frozen
class Document:
    """A published file: its pages, and the tables with continuations across pages joined.

    ``coordinates`` says what its boxes measure: ``"points"`` on a PDF's pages, ``"flow"`` rows
    and characters of a Word file or web page, ``"cells"`` of a workbook's sheets (:class:`Box`).
    """

    pages: tuple[Page, ...] = attrs.field(converter=tuple[Page, ...])
    tables: tuple[TableGrid, ...] = attrs.field(default=(), converter=tuple[TableGrid, ...])
    paragraphs: tuple[Block, ...] = attrs.field(default=(), converter=tuple[Block, ...])
    source: str | None = None
    coordinates: Coordinates = attrs.field(default="points", validator=attrs.validators.in_(_COORDINATES))

    def place(self, box: Box) -> tuple[str, str]:
        """Where ``box`` is, as a reader of the file finds it, in Chinese and English.

        >>> line = Line((), "收入合计", Box(1, 0, 3, 4, 4))
        >>> doc = Document((Page(1, 0, 0, 0, (line,), (Block((line,), line.text),), ()),), coordinates="flow")
        >>> doc.place(Box(1, 2, 3, 4, 4))
        ('第1段', 'paragraph 1')
        >>> Document((), coordinates="points").place(Box(12, 0, 0, 1, 1))
        ('第12页', 'page 12')
        """
        if self.coordinates == "points":
            return f"第{box.page}页", f"page {box.page}"
        if self.coordinates == "cells":
            page = next((p for p in self.pages if p.number == box.page), None)
            sheet = page.label if page is not None and page.label else str(box.page)
            cell = f"{_column_letters(int(box.x0))}{int(box.top) + 1}"
            return f"工作表“{sheet}” {cell}", f"sheet “{sheet}”, cell {cell}"
        grids = self.tables or tuple(grid for page in self.pages for grid in page.tables)
        for number, grid in enumerate(grids, 1):
            for frame in grid.boxes:
                if frame.page == box.page and frame.top <= box.top < frame.bottom:
                    row, column = int(box.top - frame.top) + 1, int(box.x0) + 1
                    return f"表{number} 第{row}行第{column}列", f"table {number}, row {row}, column {column}"
        framed = [frame for grid in grids for frame in grid.boxes]
        rows = sorted(
            {
                (line.box.page, line.box.top)
                for page in self.pages
                for line in page.lines
                if not any(f.page == line.box.page and f.top <= line.box.top < f.bottom for f in framed)
            }
        )
        number = bisect.bisect_left(rows, (box.page, box.top)) + 1
        return f"第{number}段", f"paragraph {number}"

    def iter_lines(self) -> Iterator[Line]:
        for page in self.pages:
            yield from page.lines

    @property
    def text(self) -> str:
        """Every line of every page (tables included), pages separated by a form feed."""
        return "\f".join(page.text for page in self.pages)

    def narrative_text(self) -> Narrative:
        """The paragraphs outside tables, reflowed, one per line, with offsets back to the page.

        A sentence broken across a page break (or a running header) is one paragraph.
        """
        paragraphs = self.paragraphs or tuple(block for page in self.pages for block in page.blocks)
        parts: list[str] = []
        starts: list[int] = []
        pieces: list[Line] = []
        offset = 0
        for number, block in enumerate(paragraphs):
            if number:
                parts.append("\n")
                offset += 1
            previous = ""
            for line in block.lines:
                glue = paragraph_glue(previous, line.text) if previous else ""
                parts.append(glue)
                offset += len(glue)
                starts.append(offset)
                pieces.append(line)
                parts.append(line.text)
                offset += len(line.text)
                previous = line.text
        return Narrative("".join(parts), tuple(starts), tuple(pieces))
