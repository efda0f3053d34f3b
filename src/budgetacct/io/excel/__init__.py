"""Read the standard disclosure tables back from an .xlsx workbook into a Disclosure.

The reverse of :func:`budgetacct.render.tables.to_xlsx` (``pip install budgetacct[excel]``): a
department fills in the workbook of the standard tables (MoF 公开01–09表, or the Sichuan 14-table
set), and :func:`read_xlsx` turns it back into a :class:`~budgetacct.model.disclosure.Disclosure`
that :func:`~budgetacct.auditing.audit` can check.  Sheets are recognised by the title in their first cell
(``公开01表 收入支出决算总表``); the layout of each table is the one ``to_xlsx`` writes (title, 编制单位 /
金额单位 line, header rows, body rows, an optional note).

=====================================  ============================================================
table                                  goes to
=====================================  ============================================================
收入支出决算总表                        revenue lines and total, 本年支出合计, 类 rows, the overview's
                                       balances and grand totals
收入决算表                              revenue rows (and the source totals)
支出决算表                              expenditure total, kind lines, rows
财政拨款收入支出决算总表                fiscal totals and fund flows, 一般公共预算 类 rows
一般公共预算财政拨款支出决算表          general budget total and rows, 基本支出 total
一般公共预算财政拨款基本支出决算表      基本支出 economic lines, 人员经费 / 公用经费
一般公共预算财政拨款“三公”经费支出决算表  “三公” budgets and actuals
政府性基金 / 国有资本经营预算 …决算表     government fund / state capital spending
=====================================  ============================================================

A figure printed in two tables must agree: when it does not, the first table's figure is kept
and the disagreement is reported in :attr:`XlsxImport.notes` (the Disclosure has one place for
it).  Cells that cannot be read (text where an amount belongs, a malformed code, a negative
amount) raise one :class:`~budgetacct.errors.InputError` naming every bad cell (``公开03表!E6``).
Amounts are read exactly: numbers as written (floats through their shortest decimal text), text
such as ``1,234.56`` parsed; the sheet's 金额单位 (元, 万元, 亿元) is honoured.

The workbook does not state the fiscal year unless a table carries the note “本部门2021年度没有…”;
pass ``year=`` otherwise.

>>> import tempfile, pathlib
>>> from budgetacct import load_example
>>> from budgetacct.render.tables import standard_tables, to_xlsx
>>> seed = load_example("xiqu-2021")
>>> with tempfile.TemporaryDirectory() as tmp:
...     path = pathlib.Path(tmp) / "tables.xlsx"
...     to_xlsx(standard_tables(seed), path)
...     result = read_xlsx(path)
>>> result.disclosure.year, result.disclosure.revenue.total
(2021, Amount('830.63'))
>>> [str(t) for t in standard_tables(result.disclosure)] == [str(t) for t in standard_tables(seed)]
True
"""

from __future__ import annotations

import importlib
import os
import re
from pathlib import Path
from typing import Any, Final, TypeVar

import attrs

from budgetacct.codes import FunctionCode
from budgetacct.errors import BudgetAcctError, InputError, InvalidValue, MissingDependency
from budgetacct.io.excel.build import build, class_code
from budgetacct.io.excel.draft import Draft, cell_text
from budgetacct.io.excel.sections import fill
from budgetacct.io.excel.sheets import SheetTable, read_sheet, split_title
from budgetacct.model.disclosure import Disclosure
from budgetacct.model.table_specs import TABLE_SETS
from budgetacct.model.tables import StandardTable
from budgetacct.money import Unit

__all__ = ["XlsxImport", "load_xlsx", "read_xlsx"]

_NOTE: Final = re.compile(r"^本部门((?:19|20)\d{2})年度没有.*无数据。?$")
_YEAR_TEXT: Final = re.compile(r"((?:19|20)\d{2})\s*年")
_T = TypeVar("_T", int, str)


@attrs.frozen
class XlsxImport:
    """The Disclosure read from a workbook, the tables it came from and what the reader noticed.

    ``tables`` lists ``(sheet, number, title)`` of each table read; ``notes`` the disagreements
    between tables and the sheets or figures left out, in Chinese and English.
    """

    disclosure: Disclosure
    tables: tuple[tuple[str, str, str], ...] = ()
    notes: tuple[str, ...] = ()


# --- the workbook -------------------------------------------------------------------------------


def _openpyxl() -> Any:
    try:
        return importlib.import_module("openpyxl")
    except ImportError:
        raise MissingDependency("openpyxl", "excel") from None


def _unit(text: str) -> Unit | None:
    match = re.search(r"金额单位[:：]\s*(亿元|万元|元)", text)
    return Unit(match.group(1)) if match else None


def _tables(reader: Draft, sheets: list[tuple[str, str, SheetTable]], year: int) -> tuple[StandardTable, ...]:
    """The sheets' StandardTables, their 类 names coded, and the section figures they state."""
    for _, _, read in sheets:  # the 类 names the coded tables print
        for _, _, rows in read.panels:
            for row in rows:
                if isinstance(row.key, FunctionCode) and len(row.key.code) == 3 and row.name:
                    reader.names.setdefault(row.name, row.key.code)

    def code_of(name: str, where: str) -> FunctionCode | None:
        code = class_code(reader, name, year)
        if code is None:
            reader.notes.append(
                f"{where}：找不到“{name}”的科目编码，此行未导入 | no function code for {name!r}; row not imported"
            )
            return None
        return FunctionCode(code)

    printed = []
    for _, label, read in sheets:
        table, wheres = read.table(code_of)
        fill(reader, table, wheres, label)
        printed.append(table)
    return tuple(printed)


def _set_of(tables: tuple[StandardTable, ...]) -> str | None:
    """The table set whose numbers and tables the workbook prints, if one does."""
    printed = [(table.number, table.kind) for table in tables]
    for name, table_set in TABLE_SETS.items():
        if printed == [(entry.number, entry.kind) for entry in table_set.entries]:
            return name
    return None


def _chosen(given: _T | None, found: list[_T], path: str, zh: str, en: str, source: str) -> _T:
    """The value passed, else the first the workbook states; neither is an error at ``path``."""
    chosen = given or (found[0] if found else None)
    if not chosen:
        raise InputError.single(path, zh, en, None, source=source)
    return chosen


def read_xlsx(
    path: str | os.PathLike[str], *, year: int | None = None, department: str | None = None
) -> XlsxImport:
    """Read the standard tables of an .xlsx workbook into a Disclosure (see the module docs).

    ``year`` and ``department`` override what the workbook states (its 编制单位 line and notes).
    """
    openpyxl = _openpyxl()
    source = os.fspath(path)
    if year is not None and (type(year) is not int or not 1990 <= year <= 2100):
        raise InvalidValue("1990到2100之间的年度", "a fiscal year from 1990 to 2100", year, path="$.year")
    try:
        book = openpyxl.load_workbook(source, read_only=True, data_only=True)
    except FileNotFoundError as exc:
        raise InputError.single(
            "$", "存在的文件", "an existing file", exc.strerror or "missing", source=source
        ) from None
    except Exception as exc:  # not a zip, not a workbook, …
        raise InputError.single(
            "$", "xlsx工作簿", "an .xlsx workbook", f"{type(exc).__name__}: {exc}"[:200], source=source
        ) from None
    reader = Draft(year)
    sheets: list[tuple[str, str, SheetTable]] = []
    departments: list[str] = []
    years: list[int] = []
    try:
        for sheet in book.worksheets:
            rows = [tuple(row) for row in sheet.iter_rows(values_only=True)]
            title = cell_text(rows[0][0]) if rows and rows[0] else ""
            found = split_title(title) if title else None
            if found is None:
                reader.notes.append(
                    f"工作表“{sheet.title}”不是标准公开表，未读取 | sheet {sheet.title!r} is not a standard table"
                )
                continue
            label = found[0] or sheet.title
            info = " ".join(cell_text(c) for c in (rows[1] if len(rows) > 1 else ()) if c is not None)
            match = re.search(r"编制单位[:：]\s*(.+?)(?:\s+金额单位|$)", info)
            if match and match.group(1).strip():
                departments.append(match.group(1).strip())
            reader.unit = _unit(info) or Unit.WAN_YUAN
            for text in (title, info):
                found_year = _YEAR_TEXT.search(text)
                if found_year:
                    years.append(int(found_year.group(1)))
            read = read_sheet(reader, label, title, rows, reader.unit)
            if read is None:
                continue
            for note in read.notes:
                stated = _NOTE.match(note)
                if stated is not None:
                    years.append(int(stated.group(1)))
            sheets.append((sheet.title, label, read))
    finally:
        book.close()
    tables = [(name, read.number or "", read.title) for name, _, read in sheets]
    if not tables:
        raise InputError.single(
            "$",
            "至少一张标准公开表（如 公开01表 收入支出决算总表）",
            "at least one standard table",
            "none",
            source=source,
        )
    chosen_year = _chosen(
        year,
        years,
        "$.year",
        "年度（工作簿中未写明，请用 year= 或 --year 给出）",
        "the fiscal year (the workbook does not state it: pass year= or --year)",
        source,
    )
    if year is None and len(set(years)) > 1:
        reader.notes.append(
            f"工作簿中出现多个年度 {sorted(set(years))}，采用 {chosen_year} | several years found; {chosen_year} is used"
        )
    chosen_department = _chosen(
        department,
        departments,
        "$.department",
        "编制单位（工作簿中未写明，请用 department= 给出）",
        "the department (pass department=)",
        source,
    )
    if department is None and len(set(departments)) > 1:
        reader.notes.append(
            f"各表的编制单位不一致：{'、'.join(sorted(set(departments)))} | the tables name different departments"
        )
    if reader.problems:
        raise InputError(reader.problems, source=source)
    printed = _tables(reader, sheets, chosen_year)
    if reader.problems:
        raise InputError(reader.problems, source=source)
    try:
        disclosure = build(reader, chosen_year, chosen_department)
        disclosure = attrs.evolve(disclosure, tables=printed, table_set=_set_of(printed))
    except BudgetAcctError as exc:  # pragma: no cover - every cell is checked before
        raise InputError.single(
            "$", "可组成决算公开数据的表", "tables that make a Disclosure", str(exc), source=source
        ) from None
    if reader.problems:  # pragma: no cover - _build adds notes only
        raise InputError(reader.problems, source=source)
    return XlsxImport(disclosure, tuple(tables), tuple(dict.fromkeys(reader.notes)))


def load_xlsx(path: str | os.PathLike[str], *, year: int | None = None) -> Disclosure:
    """The Disclosure of :func:`read_xlsx` (the notes dropped)."""
    return read_xlsx(Path(path), year=year).disclosure
