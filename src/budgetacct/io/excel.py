"""Read the standard disclosure tables back from an .xlsx workbook into a Disclosure.

The reverse of :func:`budgetacct.render.tables.to_xlsx` (``pip install budgetacct[excel]``): a
department fills in the workbook of the standard tables (MoF 公开01–09表, or the Sichuan 14-table
set), and :func:`read_xlsx` turns it back into a :class:`~budgetacct.model.disclosure.Disclosure`
that :func:`budgetacct.audit` can check.  Sheets are recognised by the title in their first cell
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

import functools
import importlib
import math
import os
import re
from collections.abc import Callable, Sequence
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any, Final

import attrs

from budgetacct.codes import EconomicCode, FunctionCode
from budgetacct.errors import BudgetAcctError, InputError, InvalidValue, MissingDependency, Problem
from budgetacct.model.disclosure import (
    BasicExpenditure,
    BudgetedFigure,
    Disclosure,
    EconomicLine,
    Expenditure,
    Fiscal,
    FunctionLine,
    FundFlow,
    FundSpending,
    GeneralBudget,
    KindLine,
    Overview,
    Revenue,
    RevenueRow,
    SourceLine,
    ThreePublic,
)
from budgetacct.model.enums import FISCAL_FUNDS, ExpenditureKind, Fund, RevenueSource
from budgetacct.money import Amount, Unit

__all__ = ["XlsxImport", "load_xlsx", "read_xlsx"]

_CENT: Final = Decimal("0.01")
_NOTE: Final = re.compile(r"^本部门((?:19|20)\d{2})年度没有.*无数据。?$")
_YEAR_TEXT: Final = re.compile(r"((?:19|20)\d{2})\s*年")
_NUMERAL: Final = re.compile(r"^[一二三四五六七八九十]+[、.．]\s*")
_PLACEHOLDERS: Final = frozenset({"-", "—", "－", "--", "——", "/", "／"})


@attrs.frozen
class XlsxImport:
    """The Disclosure read from a workbook, the tables it came from and what the reader noticed.

    ``tables`` lists ``(sheet, number, title)`` of each table read; ``notes`` the disagreements
    between tables and the sheets or figures left out, in Chinese and English.
    """

    disclosure: Disclosure
    tables: tuple[tuple[str, str, str], ...] = ()
    notes: tuple[str, ...] = ()


# --- layouts ------------------------------------------------------------------------------------


@attrs.frozen
class _Layout:
    header_rows: int
    width: int
    header_texts: tuple[str, ...]


@functools.cache
def _layouts() -> dict[str, _Layout]:
    """Title → layout of every standard table, from the table builders themselves."""
    from budgetacct.render.tables import TABLE_SETS, standard_tables

    empty = Disclosure(year=2021, department="-")
    layouts: dict[str, _Layout] = {}
    for name in TABLE_SETS:
        for table in standard_tables(empty, set=name):  # type: ignore[arg-type]
            texts = tuple(cell.text for cell in table.header_rows[0] if cell.text)
            layouts[table.title] = _Layout(len(table.header_rows), table.width, texts)
    return layouts


def _identify(text: str) -> tuple[str, str] | None:
    """(number, title) of a sheet's title cell, or ``None`` for a sheet that is not a standard table."""
    compact = "".join(text.split())
    for title in sorted(_layouts(), key=len, reverse=True):
        if compact.endswith(title):
            return compact[: -len(title)], title
    return None


# --- the draft being filled ---------------------------------------------------------------------


class _Reader:
    def __init__(self, year: int | None) -> None:
        self.year = year
        self.problems: list[Problem] = []
        self.notes: list[str] = []
        self.values: dict[tuple[str, ...], tuple[Any, str]] = {}
        # function rows by section, keyed by code text: field → (value, where)
        self.rows: dict[str, dict[str, dict[str, tuple[Any, str]]]] = {}
        self.pending_classes: dict[str, list[tuple[str, Amount, str]]] = {}
        self.names: dict[str, str] = {}  # 类 name → code, from the coded tables
        self.economic: list[EconomicLine] = []
        self.unit: Unit = Unit.WAN_YUAN
        self.with_balances: set[str] = set()  # fund sections read from a table with carry-forward columns

    # figures stated once or more

    def put(self, key: tuple[str, ...], value: Any, where: str) -> None:
        if value is None:
            return
        known = self.values.get(key)
        if known is None:
            self.values[key] = (value, where)
        elif known[0] != value:
            self.notes.append(
                f"{where} 为 {value}，与 {known[1]} 的 {known[0]} 不一致，采用后者 | "
                f"{where} states {value}, {known[1]} states {known[0]}; the latter is kept"
            )

    def get(self, *key: str) -> Any:
        found = self.values.get(key)
        return found[0] if found is not None else None

    def has(self, prefix: str) -> bool:
        return any(key[0] == prefix for key in self.values)

    def row(self, section: str, code: str, fields: dict[str, Any], where: str) -> None:
        row = self.rows.setdefault(section, {}).setdefault(code, {})
        for name, value in fields.items():
            if value is None:
                continue
            known = row.get(name)
            if known is None:
                row[name] = (value, where)
            elif known[0] != value:
                self.notes.append(
                    f"{where}（{code} {name}）为 {value}，与 {known[1]} 的 {known[0]} 不一致，采用后者 | "
                    f"{where} ({code} {name}) states {value}, {known[1]} states {known[0]}; the latter is kept"
                )

    def problem(self, where: str, zh: str, en: str, found: object) -> None:
        self.problems.append(Problem(where, zh, en, found))

    # cells

    def amount(self, value: object, where: str) -> Amount | None:
        if value is None:
            return None
        number: Decimal
        try:
            if isinstance(value, bool):
                raise InvalidValue("金额", "an amount", value)
            if isinstance(value, str):
                text = value.strip()
                if not text or text in _PLACEHOLDERS:
                    return None
                number = Amount.parse(text, default_unit=self.unit).value
                return self._checked(number, where, value, scaled=True)
            if isinstance(value, float):
                if not math.isfinite(value):
                    raise InvalidValue("有限的金额", "a finite amount", value)
                number = Decimal(repr(value))
                exponent = number.as_tuple().exponent
                if isinstance(exponent, int) and exponent < -6:  # binary noise (0.30000000000000004)
                    number = number.quantize(Decimal("0.000001"), ROUND_HALF_UP)
            elif isinstance(value, int | Decimal):
                number = Decimal(value)
            else:
                raise InvalidValue("金额", "an amount", value)
            return self._checked(number, where, value, scaled=False)
        except InvalidValue:
            self.problem(where, "金额（数字，如 874.63）", "an amount (a number such as 874.63)", value)
            return None

    def _checked(self, number: Decimal, where: str, found: object, *, scaled: bool) -> Amount | None:
        if not scaled and self.unit is not Unit.WAN_YUAN:
            number = number.scaleb(4 if self.unit is Unit.YI_YUAN else -4)
        if number < 0:
            self.problem(where, "非负金额", "a non-negative amount", found)
            return None
        exponent = number.as_tuple().exponent
        if isinstance(exponent, int) and exponent > -2:  # the tables print 0.01 万元
            number = number.quantize(_CENT)
        try:
            return Amount(number)
        except InvalidValue:
            self.problem(where, "金额（数字，如 874.63）", "an amount (a number such as 874.63)", found)
            return None

    def function_code(self, cells: Sequence[object], where: str) -> FunctionCode | None:
        parts = []
        for index, cell in enumerate(cells):
            if cell is None or (isinstance(cell, str) and not cell.strip()):
                break
            if isinstance(cell, int) and not isinstance(cell, bool):
                parts.append(str(cell) if index == 0 else f"{cell:02d}")
            else:
                parts.append(str(cell).strip())
        text = "".join(parts)
        try:
            return FunctionCode(text)
        except InvalidValue:
            self.problem(
                where,
                "功能分类科目编码（类3位、款2位、项2位）",
                "a function code (类 3, 款 2, 项 2 digits)",
                text,
            )
            return None

    def economic_code(self, cell: object, where: str) -> EconomicCode | None:
        text = str(cell).strip() if cell is not None else ""
        try:
            return EconomicCode(text)
        except InvalidValue:
            self.problem(where, "经济分类科目编码（3或5位）", "an economic code (3 or 5 digits)", cell)
            return None


def _text(value: object) -> str:
    return "" if value is None else " ".join(str(value).split())


def _cell(sheet: str, row: int, column: int) -> str:
    from openpyxl.utils import get_column_letter  # type: ignore[import-untyped,unused-ignore]

    return f"{sheet}!{get_column_letter(column + 1)}{row}"


# --- one parser per table -----------------------------------------------------------------------

Body = list[tuple[int, tuple[object, ...]]]


def _function_rows(
    r: _Reader,
    sheet: str,
    body: Body,
    section: str,
    columns: dict[str, int],
    *,
    total: Callable[[tuple[object, ...], int], None] | None = None,
) -> None:
    """Rows 合计 + 类/款/项 (类 | 款 | 项 | 名称 | values…); ``columns`` maps field → column index."""
    for number, cells in body:
        if _text(cells[0]) in ("合计", "总计"):
            if total is not None:
                total(cells, number)
            continue
        if all(_text(c) == "" for c in cells[:4]) and all(c is None for c in cells[4:]):
            continue
        code = r.function_code(cells[:3], _cell(sheet, number, 0))
        fields: dict[str, Any] = {
            name: r.amount(cells[index], _cell(sheet, number, index)) for name, index in columns.items()
        }
        name = _text(cells[3]) or None
        if code is None:
            continue
        fields["name"] = name
        r.row(section, code.code, fields, f"{sheet}!{number}")
        if name and len(code.code) == 3:
            r.names.setdefault(name, code.code)


def _t1(r: _Reader, sheet: str, body: Body) -> None:
    sources = {source.value: source for source in RevenueSource}
    left = {
        "本年收入合计": ("revenue", "total"),
        "使用非财政拨款结余": ("overview", "non_fiscal_balance_used"),
        "年初结转和结余": ("overview", "opening_balance"),
        "总计": ("overview", "revenue_grand_total"),
    }
    right = {
        "本年支出合计": ("expenditure", "total"),
        "结余分配": ("overview", "surplus_distribution"),
        "年末结转和结余": ("overview", "closing_balance"),
        "总计": ("overview", "expenditure_grand_total"),
    }
    for number, cells in body:
        label = _NUMERAL.sub("", _text(cells[0]))
        value = r.amount(cells[2], _cell(sheet, number, 2))
        where = _cell(sheet, number, 2)
        if label in sources:
            r.put(("revenue_line", sources[label].name), value, where)
        elif label in left:
            r.put(left[label], value, where)
        elif label or value is not None:
            r.notes.append(f"{where}：未识别的收入项目 {label!r} | unknown revenue row {label!r}")
        label = _text(cells[3])
        value = r.amount(cells[5], _cell(sheet, number, 5))
        where = _cell(sheet, number, 5)
        if label in right:
            r.put(right[label], value, where)
        elif label and value is not None:
            r.pending_classes.setdefault("expenditure.classes", []).append((label, value, where))
        elif value is not None:
            r.notes.append(f"{where}：支出金额没有项目名称 | an expenditure amount without a row name")


_T2_SOURCES: Final = (
    RevenueSource.SUPERIOR_SUBSIDY,
    RevenueSource.OPERATIONS,
    RevenueSource.BUSINESS,
    RevenueSource.AFFILIATED_REMITTANCE,
    RevenueSource.OTHER,
)


def _t2(r: _Reader, sheet: str, body: Body) -> None:
    def total(cells: tuple[object, ...], number: int) -> None:
        r.put(("revenue", "total"), r.amount(cells[4], _cell(sheet, number, 4)), _cell(sheet, number, 4))
        fiscal = r.amount(cells[5], _cell(sheet, number, 5))
        if fiscal is not None:
            r.put(("revenue_fiscal_total",), fiscal, _cell(sheet, number, 5))
        for index, source in enumerate(_T2_SOURCES, start=6):
            where = _cell(sheet, number, index)
            r.put(("revenue_line", source.name), r.amount(cells[index], where), where)

    fields = (
        "total",
        "fiscal",
        "superior_subsidy",
        "operations",
        "business",
        "affiliated_remittance",
        "other",
    )
    _function_rows(
        r, sheet, body, "revenue.rows", {name: 4 + i for i, name in enumerate(fields)}, total=total
    )


_KIND_FIELDS: Final = ("basic", "project", "remittance", "business", "affiliate_subsidy")


def _t3(r: _Reader, sheet: str, body: Body) -> None:
    def total(cells: tuple[object, ...], number: int) -> None:
        r.put(("expenditure", "total"), r.amount(cells[4], _cell(sheet, number, 4)), _cell(sheet, number, 4))
        for index, kind in enumerate(ExpenditureKind, start=5):
            where = _cell(sheet, number, index)
            r.put(("kind_line", kind.name), r.amount(cells[index], where), where)

    columns = {"amount": 4, **{name: 5 + i for i, name in enumerate(_KIND_FIELDS)}}
    _function_rows(r, sheet, body, "expenditure.rows", columns, total=total)


_T4_FUNDS: Final = {
    "一般公共预算财政拨款": Fund.GENERAL_BUDGET,
    "政府性基金预算财政拨款": Fund.GOVERNMENT_FUND,
    "国有资本经营预算财政拨款": Fund.STATE_CAPITAL,
}
_FUND_SECTIONS: Final = {
    Fund.GENERAL_BUDGET: "general_budget.classes",
    Fund.GOVERNMENT_FUND: "government_fund.lines",
    Fund.STATE_CAPITAL: "state_capital.lines",
}


def _t4(r: _Reader, sheet: str, body: Body) -> None:
    opening_part = False
    for number, cells in body:
        label = _text(cells[0])
        where = _cell(sheet, number, 1)
        value = r.amount(cells[1], where)
        bare = _NUMERAL.sub("", label)
        if label == "年初财政拨款结转和结余":
            opening_part = True
            r.put(("fiscal", "opening_balance"), value, where)
        elif bare in _T4_FUNDS:
            fund = _T4_FUNDS[bare]
            r.put(("flow", fund.name, "opening" if opening_part else "revenue"), value, where)
        elif label == "本年收入合计":
            r.put(("fiscal", "revenue_total"), value, where)
        elif label == "总计":
            r.put(("fiscal", "grand_total"), value, where)
        elif label or value is not None:
            r.notes.append(f"{where}：未识别的收入项目 {label!r} | unknown revenue row {label!r}")

        label = _text(cells[2])
        values = [r.amount(cells[i], _cell(sheet, number, i)) for i in range(3, 7)]
        wheres = [_cell(sheet, number, i) for i in range(3, 7)]
        if label in ("本年支出合计", "年末财政拨款结转和结余"):
            field = "expenditure" if label == "本年支出合计" else "closing"
            r.put(
                ("fiscal", f"{field}_total" if field == "expenditure" else "closing_balance"),
                values[0],
                wheres[0],
            )
            for fund, value, at in zip(FISCAL_FUNDS, values[1:], wheres[1:], strict=True):
                r.put(("flow", fund.name, field), value, at)
        elif label == "总计":
            r.put(("fiscal", "grand_total"), values[0], wheres[0])
        elif label:
            for fund, value, at in zip(FISCAL_FUNDS, values[1:], wheres[1:], strict=True):
                if value is not None:
                    r.pending_classes.setdefault(_FUND_SECTIONS[fund], []).append((label, value, at))
        elif any(v is not None for v in values):
            r.notes.append(
                f"{sheet}!{number}：支出金额没有项目名称 | an expenditure amount without a row name"
            )


def _t6(r: _Reader, sheet: str, body: Body) -> None:
    def total(cells: tuple[object, ...], number: int) -> None:
        r.put(
            ("general_budget", "total"), r.amount(cells[4], _cell(sheet, number, 4)), _cell(sheet, number, 4)
        )
        where = _cell(sheet, number, 5)
        r.put(("basic_expenditure", "total"), r.amount(cells[5], where), where)

    _function_rows(
        r, sheet, body, "general_budget.rows", {"amount": 4, "basic": 5, "project": 6}, total=total
    )


def _t8(r: _Reader, sheet: str, body: Body) -> None:
    for number, cells in body:
        for offset, total_key in ((0, "personnel"), (3, "public")):
            label = _text(cells[offset])
            where = _cell(sheet, number, offset + 2)
            value = r.amount(cells[offset + 2], where)
            if label.endswith("合计"):
                r.put(("basic_expenditure", total_key), value, where)
            elif label:
                code = r.economic_code(cells[offset], _cell(sheet, number, offset))
                if code is None:
                    continue
                if value is None:
                    r.problem(where, "金额", "an amount", None)
                    continue
                r.economic.append(EconomicLine(code, value, _text(cells[offset + 1]) or None))
            elif value is not None:
                r.notes.append(f"{where}：金额没有科目编码 | an amount without an economic code")


_THREE_PUBLIC: Final = ("total", "outbound", "vehicles", "vehicle_purchase", "vehicle_operation", "reception")


def _three_public(r: _Reader, sheet: str, body: Body) -> None:
    for number, cells in body:
        for block, field in ((0, "budget"), (6, "actual")):
            for i, name in enumerate(_THREE_PUBLIC):
                where = _cell(sheet, number, block + i)
                r.put(("three_public", name, field), r.amount(cells[block + i], where), where)


def _fund_with_balances(section: str) -> Callable[[_Reader, str, Body], None]:
    def parse(r: _Reader, sheet: str, body: Body) -> None:
        r.with_balances.add(section)

        def total(cells: tuple[object, ...], number: int) -> None:
            for index, field in (
                (4, "opening_balance"),
                (5, "revenue"),
                (6, "total"),
                (9, "closing_balance"),
            ):
                where = _cell(sheet, number, index)
                r.put((section, field), r.amount(cells[index], where), where)

        _function_rows(
            r, sheet, body, f"{section}.lines", {"amount": 6, "basic": 7, "project": 8}, total=total
        )

    return parse


def _fund_spending(section: str) -> Callable[[_Reader, str, Body], None]:
    def parse(r: _Reader, sheet: str, body: Body) -> None:
        def total(cells: tuple[object, ...], number: int) -> None:
            where = _cell(sheet, number, 4)
            r.put((section, "total"), r.amount(cells[4], where), where)

        _function_rows(
            r, sheet, body, f"{section}.lines", {"amount": 4, "basic": 5, "project": 6}, total=total
        )

    return parse


def _detail(key: tuple[str, str], section: str | None) -> Callable[[_Reader, str, Body], None]:
    """Sichuan 明细表: the 合计 column only (the economic columns are not in a Disclosure)."""

    def parse(r: _Reader, sheet: str, body: Body) -> None:
        def total(cells: tuple[object, ...], number: int) -> None:
            where = _cell(sheet, number, 4)
            r.put(key, r.amount(cells[4], where), where)

        if section is None:
            for number, cells in body:
                if _text(cells[0]) not in ("合计", "总计") and any(c is not None for c in cells[4:]):
                    r.notes.append(f"{sheet}!{number}：明细表的行未导入 | a detail row is not imported")
            total_rows = [(n, c) for n, c in body if _text(c[0]) in ("合计", "总计")]
            for number, cells in total_rows:
                total(cells, number)
            return
        _function_rows(r, sheet, body, section, {"amount": 4}, total=total)

    return parse


def _projects(r: _Reader, sheet: str, body: Body) -> None:
    _function_rows(r, sheet, body, "general_budget.rows", {"project": 4})


def _no_data(what: str) -> Callable[[_Reader, str, Body], None]:
    def parse(r: _Reader, sheet: str, body: Body) -> None:
        if any(
            isinstance(c, int | float | Decimal) and not isinstance(c, bool) and c
            for _, cells in body
            for c in cells
        ):
            r.notes.append(
                f"{sheet}：{what}的数字未导入（Disclosure 中没有这一项）| "
                f"{sheet}: the figures of this table are not imported (a Disclosure has no place for them)"
            )

    return parse


_PARSERS: Final[dict[str, Callable[[_Reader, str, Body], None]]] = {
    "收入支出决算总表": _t1,
    "收入决算表": _t2,
    "支出决算表": _t3,
    "财政拨款收入支出决算总表": _t4,
    "一般公共预算财政拨款支出决算表": _t6,
    "一般公共预算财政拨款基本支出决算表": _t8,
    "一般公共预算财政拨款“三公”经费支出决算表": _three_public,
    "政府性基金预算财政拨款收入支出决算表": _fund_with_balances("government_fund"),
    "国有资本经营预算财政拨款收入支出决算表": _fund_with_balances("state_capital"),
    "国有资本经营预算财政拨款支出决算表": _fund_spending("state_capital"),
    "财政拨款支出决算明细表": _detail(("fiscal", "expenditure_total"), None),
    "一般公共预算财政拨款支出决算明细表": _detail(("general_budget", "total"), "general_budget.rows"),
    "一般公共预算财政拨款项目支出决算表": _projects,
    "政府性基金预算财政拨款“三公”经费支出决算表": _no_data("政府性基金“三公”经费"),
}


# --- from the draft to a Disclosure --------------------------------------------------------------


def _class_code(r: _Reader, label: str, year: int) -> str | None:
    """The 类 code of a row that T1/T4 print by name only."""
    if len(label) == 3 and label.isascii() and label.isdigit():
        return label
    if label in r.names:
        return r.names[label]
    from budgetacct.codes import nearest_catalogue

    key = "".join(label.split()).removesuffix("支出")
    for entry in nearest_catalogue("function", year)[0].roots():
        if "".join(entry.name.split()).removesuffix("支出") == key:
            return entry.code
    return None


def _lines(r: _Reader, section: str, year: int) -> tuple[FunctionLine, ...]:
    for label, value, where in r.pending_classes.get(section, ()):
        code = _class_code(r, label, year)
        if code is None:
            r.notes.append(
                f"{where}：找不到“{label}”的科目编码，此行未导入 | no function code for {label!r}; row not imported"
            )
            continue
        r.row(section, code, {"amount": value, "name": label}, where)
    lines = []
    for code, fields in r.rows.get(section, {}).items():
        values = {name: value for name, (value, _) in fields.items()}
        if "amount" not in values:
            where = next(iter(fields.values()))[1] if fields else section
            r.notes.append(f"{where}：{code} 没有金额，此行未导入 | {code} has no amount; row not imported")
            continue
        lines.append(FunctionLine(code=FunctionCode(code), **values))
    return tuple(sorted(lines, key=lambda line: line.code.code))


def _revenue_rows(r: _Reader) -> tuple[RevenueRow, ...]:
    rows = []
    for code, fields in r.rows.get("revenue.rows", {}).items():
        values = {name: value for name, (value, _) in fields.items()}
        if "total" not in values:
            r.notes.append(
                f"收入决算表 {code} 没有本年收入合计，此行未导入 | revenue row {code} has no total"
            )
            continue
        rows.append(RevenueRow(code=FunctionCode(code), **values))
    return tuple(sorted(rows, key=lambda row: row.code.code))


def _fields(r: _Reader, section: str, names: Sequence[str]) -> dict[str, Any]:
    return {name: r.get(section, name) for name in names if r.get(section, name) is not None}


_CARRIED: Final = (("opening_balance", "opening"), ("revenue", "revenue"), ("closing_balance", "closing"))


def _build(r: _Reader, year: int, department: str) -> Disclosure:
    overview = _fields(
        r,
        "overview",
        (
            "revenue_grand_total",
            "expenditure_grand_total",
            "non_fiscal_balance_used",
            "opening_balance",
            "surplus_distribution",
            "closing_balance",
        ),
    )
    source_lines = tuple(
        SourceLine(source, r.get("revenue_line", source.name))
        for source in RevenueSource
        if r.get("revenue_line", source.name) is not None
    )
    revenue_rows = _revenue_rows(r)
    fiscal_total = r.get("revenue_fiscal_total")
    stated = [line.amount for line in source_lines if line.source.is_fiscal]
    if fiscal_total is not None and stated and sum(stated, Amount(0)) != fiscal_total:
        r.notes.append(
            f"收入决算表的财政拨款收入 {fiscal_total} 与总表各项财政拨款收入之和 {sum(stated, Amount(0))} 不一致 | "
            "the fiscal revenue of 收入决算表 differs from the sum of the fiscal sources"
        )
    revenue = (
        Revenue(total=r.get("revenue", "total"), lines=source_lines, rows=revenue_rows)
        if r.has("revenue") or source_lines or revenue_rows
        else None
    )
    kind_lines = tuple(
        KindLine(kind, r.get("kind_line", kind.name))
        for kind in ExpenditureKind
        if r.get("kind_line", kind.name) is not None
    )
    exp_classes = _lines(r, "expenditure.classes", year)
    exp_rows = _lines(r, "expenditure.rows", year)
    expenditure = (
        Expenditure(total=r.get("expenditure", "total"), lines=kind_lines, classes=exp_classes, rows=exp_rows)
        if r.has("expenditure") or kind_lines or exp_classes or exp_rows
        else None
    )
    flows = []
    for fund in FISCAL_FUNDS:
        flow = {
            name: r.get("flow", fund.name, name) for name in ("opening", "revenue", "expenditure", "closing")
        }
        if any(v is not None for v in flow.values()):
            flows.append(FundFlow(fund, **flow))
    fiscal_fields = _fields(
        r,
        "fiscal",
        ("grand_total", "revenue_total", "expenditure_total", "opening_balance", "closing_balance"),
    )
    fiscal = Fiscal(**fiscal_fields, funds=tuple(flows)) if fiscal_fields or flows else None
    gb_classes = _lines(r, "general_budget.classes", year)
    gb_rows = _lines(r, "general_budget.rows", year)
    general_budget = (
        GeneralBudget(total=r.get("general_budget", "total"), classes=gb_classes, rows=gb_rows)
        if r.has("general_budget") or gb_classes or gb_rows
        else None
    )
    basic_fields = _fields(r, "basic_expenditure", ("total", "personnel", "public"))
    basic = BasicExpenditure(**basic_fields, lines=tuple(r.economic)) if basic_fields or r.economic else None
    three_public = None
    if r.has("three_public"):
        figures: dict[str, Any] = {
            name: BudgetedFigure(
                actual=r.get("three_public", name, "actual"), budget=r.get("three_public", name, "budget")
            )
            for name in _THREE_PUBLIC
        }
        three_public = ThreePublic(**figures)
    funds: dict[str, FundSpending | None] = {}
    for section in ("government_fund", "state_capital"):
        lines = _lines(r, f"{section}.lines", year)
        section_fields = _fields(r, section, ("total", "opening_balance", "revenue", "closing_balance"))
        if section_fields or lines:
            # Without its carry-forward columns (公开09表) they are read from 财政拨款收入支出决算总表.
            fund = Fund.GOVERNMENT_FUND if section == "government_fund" else Fund.STATE_CAPITAL
            carried = () if section in r.with_balances else _CARRIED
            for field, flow_field in carried:
                value = r.get("flow", fund.name, flow_field)
                if field not in section_fields and value is not None:
                    section_fields[field] = value
            funds[section] = FundSpending(**section_fields, lines=lines)
        else:
            funds[section] = None
    return Disclosure(
        year=year,
        department=department,
        overview=Overview(**overview) if overview else None,
        revenue=revenue,
        expenditure=expenditure,
        fiscal=fiscal,
        general_budget=general_budget,
        basic_expenditure=basic,
        three_public=three_public,
        government_fund=funds["government_fund"],
        state_capital=funds["state_capital"],
    )


# --- the workbook -------------------------------------------------------------------------------


def _openpyxl() -> Any:
    try:
        return importlib.import_module("openpyxl")
    except ImportError:
        raise MissingDependency("openpyxl", "excel") from None


def _unit(text: str) -> Unit | None:
    match = re.search(r"金额单位[:：]\s*(亿元|万元|元)", text)
    return Unit(match.group(1)) if match else None


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
    reader = _Reader(year)
    tables: list[tuple[str, str, str]] = []
    departments: list[str] = []
    years: list[int] = []
    try:
        for sheet in book.worksheets:
            rows = [tuple(row) for row in sheet.iter_rows(values_only=True)]
            found = _identify(_text(rows[0][0])) if rows and rows[0] else None
            if found is None:
                reader.notes.append(
                    f"工作表“{sheet.title}”不是标准公开表，未读取 | sheet {sheet.title!r} is not a standard table"
                )
                continue
            number, title = found
            label = f"{number or sheet.title}"
            layout = _layouts()[title]
            info = " ".join(_text(c) for c in (rows[1] if len(rows) > 1 else ()) if c is not None)
            match = re.search(r"编制单位[:：]\s*(.+?)(?:\s+金额单位|$)", info)
            if match and match.group(1).strip():
                departments.append(match.group(1).strip())
            reader.unit = _unit(info) or Unit.WAN_YUAN
            for text in (_text(rows[0][0]), info):
                found_year = _YEAR_TEXT.search(text)
                if found_year:
                    years.append(int(found_year.group(1)))
            header = [_text(c) for c in rows[2]] if len(rows) > 2 else []
            if [t for t in header if t] != list(layout.header_texts):
                reader.problem(
                    f"{label}!3",
                    f"表头 {' '.join(layout.header_texts)}",
                    f"the header {' '.join(layout.header_texts)}",
                    " ".join(t for t in header if t),
                )
                continue
            body: Body = []
            for offset, row in enumerate(rows[2 + layout.header_rows :], start=3 + layout.header_rows):
                cells = (tuple(row) + (None,) * layout.width)[: layout.width]
                texts = [_text(c) for c in row]
                if not any(texts):
                    continue
                note = _NOTE.match("".join(texts))
                if note is not None:
                    years.append(int(note.group(1)))
                    continue
                if any(texts[layout.width :]):
                    reader.notes.append(
                        f"{label}!{offset}：表格右侧的内容未读取 | cells right of the table are ignored"
                    )
                body.append((offset, cells))
            tables.append((sheet.title, number, title))
            _PARSERS[title](reader, label, body)
    finally:
        book.close()
    if not tables:
        raise InputError.single(
            "$",
            "至少一张标准公开表（如 公开01表 收入支出决算总表）",
            "at least one standard table",
            "none",
            source=source,
        )
    chosen_year = year if year is not None else (years[0] if years else None)
    if chosen_year is None:
        raise InputError.single(
            "$.year",
            "年度（工作簿中未写明，请用 year= 或 --year 给出）",
            "the fiscal year (the workbook does not state it: pass year= or --year)",
            None,
            source=source,
        )
    if year is None and len(set(years)) > 1:
        reader.notes.append(
            f"工作簿中出现多个年度 {sorted(set(years))}，采用 {chosen_year} | several years found; {chosen_year} is used"
        )
    chosen_department = department or (departments[0] if departments else None)
    if not chosen_department:
        raise InputError.single(
            "$.department",
            "编制单位（工作簿中未写明，请用 department= 给出）",
            "the department (pass department=)",
            None,
            source=source,
        )
    if department is None and len(set(departments)) > 1:
        reader.notes.append(
            f"各表的编制单位不一致：{'、'.join(sorted(set(departments)))} | the tables name different departments"
        )
    if reader.problems:
        raise InputError(reader.problems, source=source)
    try:
        disclosure = _build(reader, chosen_year, chosen_department)
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
