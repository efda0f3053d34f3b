"""Read a published PDF (部门决算 / 部门预算) into a :class:`~budgetacct.reader.document.Document`.

Needs the ``pdf`` extra (pdfplumber, MIT licence): ``pip install 'budgetacct[pdf]'``. pdfplumber is
imported only when a PDF is read, and only through the small facade below (it has no type hints).

Pages are processed one at a time and released (pdfplumber caches every parsed object of a page),
so memory stays flat over a long report. Limits on bytes, pages, characters per page and time keep
a hostile file from hanging the reader; each failure is a typed error (:class:`PdfError` and its
subclasses, all :class:`~budgetacct.errors.InputError` and so ``ValueError``).
"""

from __future__ import annotations

import importlib
import io
import os
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from typing import Any, Final

from budgetacct.errors import UnreadableFile
from budgetacct.reader.document import Block, Box, Document, Line, Page, SupportMissing, TableGrid
from budgetacct.reader.pdf_layout import Column, Glyph, build_lines, find_furniture, reflow, text_column
from budgetacct.reader.pdf_tables import (
    absorb_loose_rows,
    aligned_tables,
    attach_titles,
    cell_grid,
    join_continuations,
)

__all__ = [
    "MAX_BYTES",
    "MAX_CHARS_PER_PAGE",
    "MAX_PAGES",
    "MAX_STREAM_BYTES",
    "TIME_LIMIT",
    "CorruptPdf",
    "EncryptedPdf",
    "PdfError",
    "PdfSupportMissing",
    "PdfTooLarge",
    "PdfTooSlow",
    "ScannedPdf",
    "read_pdf",
]

MAX_BYTES: Final = 64 * 1024 * 1024
MAX_PAGES: Final = 1000
#: A page with more characters than this is not a report page (and would take minutes to lay out).
MAX_CHARS_PER_PAGE: Final = 100_000
#: Seconds; checked between pages.
TIME_LIMIT: Final = 300.0
#: Bytes one compressed stream may inflate to (a report page's content is a few hundred KiB).
MAX_STREAM_BYTES: Final = 32 * 1024 * 1024


class PdfSupportMissing(SupportMissing):
    """pdfplumber is not installed: the message gives the one command that installs it."""

    package_needed = "pdfplumber"
    extra_needed = "pdf"
    reading = ("读取 PDF ", "reading a PDF")


class PdfError(UnreadableFile):
    """A PDF could not be read (base of the errors below)."""


class CorruptPdf(PdfError):
    """Not a PDF, or a damaged / truncated one."""


class EncryptedPdf(PdfError):
    """The PDF is protected by a password."""


class ScannedPdf(PdfError):
    """No page has a text layer: the file is an image of the pages and needs OCR first."""


class PdfTooLarge(PdfError):
    """More bytes, pages or characters per page than the limits allow."""


class PdfTooSlow(PdfError):
    """Reading took longer than the time limit."""


# ----------------------------------------------------------------------------------------------
# The facade over pdfplumber: the only place that touches its untyped objects.


class _StreamTooLarge(Exception):
    pass


class _BoundedZlib:
    """pdfminer's ``zlib``, with ``decompress`` capped while this thread reads a PDF.

    pdfminer inflates every stream whole; a few KiB of deflated zeros (a "zip bomb") would
    otherwise become gigabytes. Outside :func:`read_pdf` (``limit`` unset) it is plain zlib.
    """

    def __init__(self, real: Any) -> None:
        self._real = real
        self._local = threading.local()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)

    @contextmanager
    def bounded(self, limit: int) -> Iterator[None]:
        previous = getattr(self._local, "limit", None)
        self._local.limit = limit
        try:
            yield
        finally:
            self._local.limit = previous

    def decompress(self, data: bytes, *args: Any, **kwargs: Any) -> bytes:
        limit = getattr(self._local, "limit", None)
        if limit is None:
            return bytes(self._real.decompress(data, *args, **kwargs))
        inflater = self._real.decompressobj(*args, **kwargs)
        out = bytes(inflater.decompress(data, limit + 1))
        if len(out) > limit or inflater.unconsumed_tail:
            raise _StreamTooLarge(limit)
        return out + bytes(inflater.flush())


def _reraise_bomb(exc: BaseException) -> None:
    """pdfplumber wraps pdfminer's errors: find a capped stream among the causes."""
    seen: BaseException | None = exc
    for _ in range(10):
        if seen is None:
            return
        if isinstance(seen, _StreamTooLarge):
            raise seen
        seen = seen.__cause__ or seen.__context__


_ZLIB: _BoundedZlib | None = None
_ZLIB_LOCK = threading.Lock()


def _pdfplumber() -> Any:
    global _ZLIB
    try:
        import pdfplumber

        pdftypes: Any = importlib.import_module("pdfminer.pdftypes")
    except ImportError as exc:  # pragma: no cover - exercised by monkeypatching sys.modules
        raise PdfSupportMissing() from exc
    with _ZLIB_LOCK:
        if _ZLIB is None:
            current = pdftypes.zlib
            _ZLIB = current if isinstance(current, _BoundedZlib) else _BoundedZlib(current)
            pdftypes.zlib = _ZLIB
    return pdfplumber


@contextmanager
def _open(data: bytes, source: str | None) -> Iterator[Any]:
    pdfplumber = _pdfplumber()
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psexceptions import PSException

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except _StreamTooLarge:
        raise
    except PDFPasswordIncorrect as exc:
        raise EncryptedPdf(
            "未加密的 PDF（请先去掉密码）",
            "a PDF without a password (remove it first)",
            "encrypted",
            source=source,
        ) from exc
    except (PDFSyntaxError, PSException, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise CorruptPdf(
            "完整的 PDF 文件", "a complete PDF file", f"{type(exc).__name__}: {exc}", source=source
        ) from exc
    except Exception as exc:  # pdfminer raises bare exceptions of many kinds on damaged files
        _reraise_bomb(exc)
        if "password" in str(exc).lower() or "encrypt" in str(exc).lower():
            raise EncryptedPdf(
                "未加密的 PDF（请先去掉密码）",
                "a PDF without a password (remove it first)",
                str(exc),
                source=source,
            ) from exc
        raise CorruptPdf(
            "完整的 PDF 文件", "a complete PDF file", f"{type(exc).__name__}: {exc}", source=source
        ) from exc
    try:
        yield pdf
    finally:
        # Closing walks the page tree again; on a damaged file that fails too and would hide the
        # error already raised. The file is in memory, so nothing leaks.
        with suppress(Exception):
            pdf.close()


def _glyphs(page: Any) -> list[Glyph]:
    x0, top, x1, bottom = page.bbox
    glyphs: list[Glyph] = []
    for char in page.chars:
        # Characters outside the visible page (hidden text, crop marks) are not printed.
        if char["x1"] < x0 or char["x0"] > x1 or char["bottom"] < top or char["top"] > bottom:
            continue
        # Nor one whose middle is above or below the page: only a sliver of its line would show (a
        # line a Word export leaves above the page, 上海普陀区财政局 2025 page 8: top -14, bottom 0.01).
        # Across the page a character is kept while any of it shows: a last digit past the right
        # edge is still part of its figure, and dropping it would read another value.
        if not top <= (char["top"] + char["bottom"]) / 2 <= bottom:
            continue
        glyphs.append(
            Glyph(
                str(char["text"]),
                char["x0"] - x0,
                char["top"] - top,
                char["x1"] - x0,
                char["bottom"] - top,
                char["size"],
            )
        )
    return glyphs


def _white(color: Any) -> bool:
    if isinstance(color, int | float):
        return float(color) >= 0.99
    if isinstance(color, tuple | list) and color and all(isinstance(c, int | float) for c in color):
        values = [float(c) for c in color]
        return (
            all(v >= 0.99 for v in values) if len(values) in (1, 3) else len(values) == 4 and not any(values)
        )
    return False


def _invisible(edge: Any) -> bool:
    """An edge nobody sees: painted white (Excel exports paint cell backgrounds), or not painted."""
    stroke, fill = edge.get("stroke"), edge.get("fill")
    if stroke and not _white(edge.get("stroking_color")):
        return False
    if fill and not _white(edge.get("non_stroking_color")):
        return False
    return stroke is not None or fill is not None  # unknown paint (curves): take it as seen


def _raw_tables(page: Any) -> list[tuple[tuple[float, float, float, float], list[list[Any]]]]:
    x0, top, _, _ = page.bbox
    edges = page.edges
    visible = [edge for edge in edges if not _invisible(edge)]
    settings: dict[str, Any] = {}
    vertical = [e for e in visible if e.get("orientation") == "v"]
    horizontal = [e for e in visible if e.get("orientation") == "h"]
    if len(vertical) < 2 or len(horizontal) < 2:
        return []
    if len(visible) < len(edges):
        # Only the ruling a reader sees separates cells.
        settings = {
            "vertical_strategy": "explicit",
            "horizontal_strategy": "explicit",
            "explicit_vertical_lines": vertical,
            "explicit_horizontal_lines": horizontal,
        }
    found = []
    for table in page.find_tables(settings):
        bx0, btop, bx1, bbottom = table.bbox
        rows = [
            [None if c is None else (c[0] - x0, c[1] - top, c[2] - x0, c[3] - top) for c in row.cells]
            for row in table.rows
        ]
        found.append(((bx0 - x0, btop - top, bx1 - x0, bbottom - top), rows))
    return found


# ----------------------------------------------------------------------------------------------


def _load(source: str | os.PathLike[str] | bytes, max_bytes: int) -> tuple[bytes, str | None]:
    if isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
        name = None
    else:
        name = os.fspath(source)
        size = os.path.getsize(name)
        if size > max_bytes:
            raise PdfTooLarge(
                f"不超过 {max_bytes} 字节的文件", f"a file of at most {max_bytes} bytes", size, source=name
            )
        with open(name, "rb") as handle:
            # Read what the file holds (and one byte more, should it have grown), not max_bytes:
            # a read of n bytes first takes a buffer of n.
            data = handle.read(size + 1)
    if len(data) > max_bytes:
        raise PdfTooLarge(
            f"不超过 {max_bytes} 字节的文件", f"a file of at most {max_bytes} bytes", len(data), source=name
        )
    if not data.lstrip()[:1024].find(b"%PDF-") >= 0:
        raise CorruptPdf(
            "PDF 文件（以 %PDF- 开头）", "a PDF file (starting with %PDF-)", data[:16], source=name
        )
    return data, name


class _PageRead:
    __slots__ = ("glyph_count", "height", "lines", "number", "rotation", "tables", "width")

    def __init__(self, number: int, width: float, height: float, rotation: int) -> None:
        self.number = number
        self.width = width
        self.height = height
        self.rotation = rotation
        self.lines: list[Line] = []
        self.tables: list[TableGrid] = []
        self.glyph_count = 0


def _in_box(line: Line, box: Box) -> bool:
    cx = (line.box.x0 + line.box.x1) / 2
    cy = (line.box.top + line.box.bottom) / 2
    return box.x0 - 1 <= cx <= box.x1 + 1 and box.top - 1 <= cy <= box.bottom + 1


def _read_page(page: Any, number: int, source: str | None) -> _PageRead:
    x0, top, x1, bottom = page.bbox
    read = _PageRead(number, x1 - x0, bottom - top, int(page.rotation or 0) % 360)
    glyphs = _glyphs(page)
    if len(glyphs) > MAX_CHARS_PER_PAGE:
        raise PdfTooLarge(
            f"每页不超过 {MAX_CHARS_PER_PAGE} 个字符",
            f"at most {MAX_CHARS_PER_PAGE} characters per page",
            f"page {number}: {len(glyphs)}",
            source=source,
        )
    read.glyph_count = len(glyphs)
    read.lines = build_lines(glyphs, number)
    if glyphs:
        for table_box, rows in _raw_tables(page):
            grid = cell_grid(rows, glyphs, number, Box(number, *table_box))
            if grid is not None:
                read.tables.append(grid)
    return read


def read_pdf(
    source: str | os.PathLike[str] | bytes,
    *,
    pages: Iterable[int] | None = None,
    max_pages: int = MAX_PAGES,
    max_bytes: int = MAX_BYTES,
    time_limit: float = TIME_LIMIT,
) -> Document:
    """Read a PDF file (a path, or its bytes) into a :class:`Document`.

    ``pages`` limits the read to those page numbers (1-based); ``max_pages`` refuses longer files.

    Raises :class:`CorruptPdf`, :class:`EncryptedPdf`, :class:`ScannedPdf` (no text layer: run OCR
    first, e.g. ``ocrmypdf``), :class:`PdfTooLarge` or :class:`PdfTooSlow`; and
    :class:`PdfSupportMissing` when pdfplumber is not installed.
    """
    started = time.monotonic()
    data, name = _load(source, max_bytes)
    _pdfplumber()
    assert _ZLIB is not None
    try:
        with _ZLIB.bounded(MAX_STREAM_BYTES):
            reads, count = _read_pages(data, name, pages, max_pages, started, time_limit)
    except _StreamTooLarge as exc:
        raise PdfTooLarge(
            f"每个数据流解压后不超过 {MAX_STREAM_BYTES} 字节",
            f"streams that inflate to at most {MAX_STREAM_BYTES} bytes",
            "a larger stream (a compression bomb?)",
            source=name,
        ) from exc
    if count and not any(read.glyph_count for read in reads):
        raise ScannedPdf(
            "有文字层的 PDF（扫描件请先做 OCR，例如 ocrmypdf）",
            "a PDF with a text layer (a scanned file needs OCR first, e.g. ocrmypdf)",
            f"no text on any of {count} pages",
            source=name,
        )
    return _assemble(reads, name)


def _read_pages(
    data: bytes,
    name: str | None,
    pages: Iterable[int] | None,
    max_pages: int,
    started: float,
    time_limit: float,
) -> tuple[list[_PageRead], int]:
    reads: list[_PageRead] = []
    with _open(data, name) as pdf:
        try:
            count = len(pdf.pages)
        except _StreamTooLarge:
            raise
        except Exception as exc:
            _reraise_bomb(exc)
            raise CorruptPdf(
                "完整的 PDF 文件", "a complete PDF file", f"{type(exc).__name__}: {exc}", source=name
            ) from exc
        if count == 0:
            raise CorruptPdf(
                "至少有一页的完整 PDF 文件",
                "a complete PDF file with at least one page",
                "no pages",
                source=name,
            )
        if count > max_pages:
            raise PdfTooLarge(f"不超过 {max_pages} 页", f"at most {max_pages} pages", count, source=name)
        wanted = sorted({n - 1 for n in pages if 1 <= n <= count}) if pages is not None else range(count)
        for index in wanted:
            if time.monotonic() - started > time_limit:
                raise PdfTooSlow(
                    f"{time_limit} 秒内读完",
                    f"reading within {time_limit} s",
                    f"page {index + 1} of {count}",
                    source=name,
                )
            try:
                page = pdf.pages[index]
                try:
                    reads.append(_read_page(page, index + 1, name))
                finally:
                    page.close()  # drops pdfplumber's per-page caches
            except (PdfError, _StreamTooLarge):
                raise
            except Exception as exc:  # pdfminer fails on damaged files with exceptions of any kind
                _reraise_bomb(exc)
                raise CorruptPdf(
                    "完整的 PDF 文件",
                    "a complete PDF file",
                    f"page {index + 1}: {type(exc).__name__}: {exc}",
                    source=name,
                ) from exc
    return reads, count


def _assemble(reads: list[_PageRead], name: str | None) -> Document:
    furniture = find_furniture([read.lines for read in reads], [read.height for read in reads])
    # A table's header repeated at the top of every page it spans is the table's, not a running header.
    furniture = {
        (page_index, i)
        for page_index, i in furniture
        if not any(_in_box(reads[page_index].lines[i], grid.boxes[0]) for grid in reads[page_index].tables)
    }
    # The text column is the document's, per page width: a page with two short lines has no
    # margins of its own to measure.
    prose: dict[int, list[Line]] = {}
    for page_index, read in enumerate(reads):
        boxes = [grid.boxes[0] for grid in read.tables]
        prose.setdefault(round(read.width), []).extend(
            line
            for i, line in enumerate(read.lines)
            if (page_index, i) not in furniture and not any(_in_box(line, box) for box in boxes)
        )
    columns = {width: text_column(lines) for width, lines in prose.items()}
    pages: list[Page] = []
    runs: list[list[tuple[Line, Column]]] = [[]]
    pieces: list[tuple[TableGrid, bool, bool]] = []
    per_page_tables: list[list[TableGrid]] = []
    for page_index, read in enumerate(reads):
        kept = [line for i, line in enumerate(read.lines) if (page_index, i) not in furniture]
        dropped = [line for i, line in enumerate(read.lines) if (page_index, i) in furniture]
        table_boxes = [grid.boxes[0] for grid in read.tables]
        framed_titles = [line for grid in read.tables for line in grid.title_lines]
        free = [
            line
            for line in kept
            if not any(_in_box(line, box) for box in table_boxes) and line not in framed_titles
        ]
        column = columns[round(read.width)]
        grids = list(read.tables)
        for grid, used in aligned_tables(free):
            free = [line for line in free if not any(line is u for u in used)]
            grids.append(grid)
        grids.sort(key=lambda grid: grid.boxes[0].top)
        titled: list[TableGrid] = []
        for grid in grids:
            grid, loose = absorb_loose_rows(grid, free)
            free = [line for line in free if not any(line is t for t in loose)]
            with_title, taken = attach_titles(grid, free, column)
            free = [line for line in free if not any(line is t for t in taken)]
            titled.append(with_title)
        # Reading order: prose lines and tables by their top; a table cuts the paragraph flow.
        events: list[tuple[float, int, Line | TableGrid]] = [(line.box.top, 1, line) for line in free]
        events += [
            (grid.boxes[0].top - (grid.title_lines[0].box.height if grid.title_lines else 0), 0, grid)
            for grid in titled
        ]
        events.sort(key=lambda e: (e[0], e[1]))
        for position, (_, _, item) in enumerate(events):
            if isinstance(item, TableGrid):
                if runs[-1]:
                    runs.append([])
                pieces.append((item, position == 0, position == len(events) - 1))
            else:
                runs[-1].append((item, column))
        per_page_tables.append(titled)
        pages.append(Page(read.number, read.width, read.height, read.rotation, kept, (), titled, dropped))
    paragraphs = [block for run in runs for block in reflow(run)]
    by_page: dict[int, list[Block]] = {}
    for block in paragraphs:
        by_page.setdefault(block.lines[0].box.page, []).append(block)
    pages = [
        Page(
            p.number, p.width, p.height, p.rotation, p.lines, by_page.get(p.number, ()), p.tables, p.furniture
        )
        for p in pages
    ]
    return Document(pages, join_continuations(pieces), paragraphs, name)
