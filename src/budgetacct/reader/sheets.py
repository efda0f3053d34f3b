"""Read a published workbook of the standard tables (.xlsx, .xls) into a :class:`Document`.

:func:`budgetacct.io.excel.read_xlsx` reads back the workbook layout budgetacct writes; a
department's own workbook is laid out as its tables are printed, and :func:`read_workbook` reads
it like a printed report instead: every visible sheet is one page, its cells one
:class:`~budgetacct.reader.document.TableGrid` (merged cells span; the rows above the header —
the table's name, “公开01表”, “部门：… 单位：万元” — are its title lines; “注：” rows under it are
lines below it), and :func:`~budgetacct.reader.published.read_document` maps the grids onto the
standard tables through their layout specs.  Every figure's place is its cell (“工作表“表1” C5”).

A cell's text is what Excel shows: a number in its number format's decimals and grouping
(``#,##0.00`` → ``2,940.05``; floats through their shortest decimal text), a date as ISO text.

.xlsx needs the ``excel`` extra (openpyxl); .xls the ``xls`` extra (xlrd, BSD licence):
``pip install 'budgetacct[xls]'``.  Both are imported only when such a file is read.
"""

from __future__ import annotations

import datetime
import importlib
import io
import os
import re
import warnings
from collections.abc import Iterator
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any, Final

from budgetacct._files import OLE2_MAGIC, ole2_streams
from budgetacct.errors import MissingDependency
from budgetacct.reader.containers import (
    CorruptDocument,
    DocumentTooLarge,
    EncryptedDocument,
    OldOfficeDocument,
    load_bytes,
    open_package,
)
from budgetacct.reader.document import Document, SupportMissing
from budgetacct.reader.flow import FlowBuilder, Placed

__all__ = ["MAX_CELLS", "XlsSupportMissing", "cell_text", "read_workbook"]

#: Cells (rows × columns in use) one sheet may have.
MAX_CELLS: Final = 2_000_000

_DECIMALS = re.compile(r"0\.(0+)")
_QUOTED = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.')

Sheet = tuple[str, list[Placed]]


class XlsSupportMissing(SupportMissing):
    """xlrd is not installed: the message gives the one command that installs it."""

    package_needed = "xlrd"
    extra_needed = "xls"
    reading = ("读取旧版 Excel 工作簿（.xls）", "reading an old Excel workbook (.xls)")
    advice = ("，或在 Excel 中另存为 .xlsx", ", or save it from Excel as .xlsx")


def _number(value: float | int | Decimal, number_format: str) -> str:
    section = _QUOTED.sub("", (number_format or "General").split(";")[0])
    number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    if not number.is_finite():
        return str(value)
    percent = "%" in section
    if percent:
        number *= 100
    found = _DECIMALS.search(section)
    if found:
        number = number.quantize(Decimal(1).scaleb(-len(found.group(1))), ROUND_HALF_UP)
    elif "0" in section:
        number = number.quantize(Decimal(1), ROUND_HALF_UP)
    elif isinstance(value, float):
        # General shows at most about ten decimals: 0.1 + 0.2 is shown 0.3.
        number = number.quantize(Decimal("1e-10"), ROUND_HALF_UP).normalize()
    grouped = "#,##" in section or "#,#" in section
    text = f"{number:,f}" if grouped else f"{number:f}"
    return text + "%" if percent else text


def cell_text(value: object, number_format: str = "General") -> str:
    """A cell's value as Excel shows it.

    >>> cell_text(2940.05, "#,##0.00"), cell_text(6.2, "0.00"), cell_text(0.1 + 0.2), cell_text(None)
    ('2,940.05', '6.20', '0.3', '')
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float | Decimal):
        try:
            return _number(value, number_format)
        except (InvalidOperation, ValueError):
            return str(value)
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat(" ")
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    return str(value)


def _corrupt(what_zh: str, what_en: str, exc: BaseException, source: str | None) -> CorruptDocument:
    return CorruptDocument(
        f"完整的{what_zh}（请重新下载或导出）",
        f"a complete {what_en} (download or export it again)",
        f"{type(exc).__name__}: {exc}",
        source=source,
    )


def _too_large(title: str, cells: int, source: str | None) -> DocumentTooLarge:
    return DocumentTooLarge(
        f"每张工作表不超过 {MAX_CELLS} 个单元格",
        f"at most {MAX_CELLS} cells per sheet",
        f"sheet {title!r}: {cells}",
        source=source,
    )


def _xlsx_sheets(data: bytes, source: str | None) -> Iterator[Sheet]:
    what_zh, what_en = " Excel 工作簿（.xlsx）", "Excel workbook (.xlsx)"
    open_package(data, what_zh, what_en, source).close()
    try:
        openpyxl: Any = importlib.import_module("openpyxl")
    except ImportError:
        raise MissingDependency("openpyxl", "excel") from None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns of features it drops (validation, styles)
            book = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on damaged packages
        raise _corrupt(what_zh, what_en, exc, source) from exc
    try:
        for sheet in book.worksheets:
            if sheet.sheet_state != "visible":
                continue
            rows, columns = sheet.max_row or 0, sheet.max_column or 0
            if rows * columns > MAX_CELLS:
                raise _too_large(sheet.title, rows * columns, source)
            spans: dict[tuple[int, int], tuple[int, int]] = {}
            covered: set[tuple[int, int]] = set()
            for merged in sheet.merged_cells.ranges:
                top, left = merged.min_row - 1, merged.min_col - 1
                height, width = merged.max_row - merged.min_row + 1, merged.max_col - merged.min_col + 1
                spans[(top, left)] = (height, width)
                covered.update((top + i, left + j) for i in range(height) for j in range(width) if i or j)
            placed: list[Placed] = []
            for r, row in enumerate(sheet.iter_rows(min_row=1, max_row=rows, max_col=columns)):
                for c, cell in enumerate(row):
                    if (r, c) in covered:
                        continue
                    text = cell_text(cell.value, cell.number_format)
                    height, width = spans.get((r, c), (1, 1))
                    if text or (height, width) != (1, 1):
                        placed.append(Placed(r, c, height, width, text))
            yield str(sheet.title), placed
    finally:
        book.close()


def _xlrd() -> Any:
    try:
        return importlib.import_module("xlrd")
    except ImportError:
        raise XlsSupportMissing() from None


def _xls_sheets(data: bytes, source: str | None) -> Iterator[Sheet]:
    what_zh, what_en = "旧版 Excel 工作簿（.xls）", "old Excel workbook (.xls)"
    xlrd = _xlrd()
    try:
        book = xlrd.open_workbook(
            file_contents=data, formatting_info=True, on_demand=True, logfile=io.StringIO()
        )
    except Exception as exc:  # xlrd raises XLRDError, struct errors, index errors on damaged files
        raise _corrupt(what_zh, what_en, exc, source) from exc
    try:
        for index in range(book.nsheets):
            try:
                sheet = book.sheet_by_index(index)
            except Exception as exc:
                raise _corrupt(what_zh, what_en, exc, source) from exc
            if sheet.visibility != 0:
                continue
            if sheet.nrows * sheet.ncols > MAX_CELLS:
                raise _too_large(sheet.name, sheet.nrows * sheet.ncols, source)
            spans: dict[tuple[int, int], tuple[int, int]] = {}
            covered: set[tuple[int, int]] = set()
            for top, bottom, left, right in sheet.merged_cells:
                spans[(top, left)] = (bottom - top, right - left)
                covered.update(
                    (r, c) for r in range(top, bottom) for c in range(left, right) if (r, c) != (top, left)
                )
            placed: list[Placed] = []
            for r in range(sheet.nrows):
                for c in range(sheet.ncols):
                    if (r, c) in covered:
                        continue
                    text = _xls_text(book, sheet, r, c, xlrd)
                    height, width = spans.get((r, c), (1, 1))
                    if text or (height, width) != (1, 1):
                        placed.append(Placed(r, c, height, width, text))
            yield str(sheet.name), placed
            book.unload_sheet(index)
    finally:
        book.release_resources()


def _xls_text(book: Any, sheet: Any, r: int, c: int, xlrd: Any) -> str:
    cell = sheet.cell(r, c)
    if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK, xlrd.XL_CELL_ERROR):
        return ""
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return cell_text(bool(cell.value))
    if cell.ctype == xlrd.XL_CELL_DATE:
        try:
            return cell_text(xlrd.xldate_as_datetime(cell.value, book.datemode))
        except Exception:  # a date out of Excel's range shows as its number
            return cell_text(cell.value)
    if cell.ctype == xlrd.XL_CELL_NUMBER:
        number_format = "General"
        xf = book.xf_list[cell.xf_index] if cell.xf_index is not None else None
        if xf is not None and xf.format_key in book.format_map:
            number_format = book.format_map[xf.format_key].format_str
        # An .xls stores numbers as binary doubles: shown with the cell's number format, as Excel
        # shows them, the text is what the report printed, and only that text becomes an Amount.
        return cell_text(float(cell.value), number_format)
    return cell_text(cell.value)


def read_workbook(source: str | os.PathLike[str] | bytes) -> Document:
    """Read a workbook (.xlsx, or .xls with xlrd; a path or its bytes) into a :class:`Document`.

    Raises :class:`~budgetacct.reader.containers.CorruptDocument`,
    :class:`~budgetacct.reader.containers.EncryptedDocument`,
    :class:`~budgetacct.reader.containers.OldOfficeDocument` (an OLE2 file that is no workbook),
    :class:`~budgetacct.reader.containers.DocumentTooLarge`, and :class:`XlsSupportMissing` /
    :class:`~budgetacct.errors.MissingDependency` when xlrd / openpyxl is not installed.
    """
    data, name = load_bytes(source)
    if data.startswith(OLE2_MAGIC):
        streams = ole2_streams(data)
        if "EncryptedPackage" in streams:
            raise EncryptedDocument(
                "未加密的工作簿（请先去掉密码）",
                "a workbook without a password (remove it first)",
                "encrypted",
                source=name,
            )
        if not streams & {"Workbook", "Book"}:
            raise OldOfficeDocument(
                "Excel 工作簿（.xlsx 或 .xls）",
                "an Excel workbook (.xlsx or .xls)",
                "an OLE2 compound file without a workbook (an old .doc?)",
                source=name,
            )
        sheets = _xls_sheets(data, name)
    else:
        sheets = _xlsx_sheets(data, name)
    builder = FlowBuilder(name, coordinates="cells")
    for number, (title, placed) in enumerate(sheets):
        if number:
            builder.page_break()
        builder.sheet(placed, title)
    return builder.document()
