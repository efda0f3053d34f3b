"""One parser per standard table: the body rows of a sheet into the :class:`~.draft.Draft`.

The layout of every table (its header rows, its width and the texts of its first header row) is
taken from the table builders themselves, and the titles, columns and row labels from
:mod:`budgetacct.render.tables.columns`, so that what ``to_xlsx`` writes is what is read back.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from typing import Any, Final

import attrs

from budgetacct.io.excel.draft import Draft, cell_name, cell_text
from budgetacct.model.disclosure import Disclosure, EconomicLine
from budgetacct.model.enums import FISCAL_FUNDS, ExpenditureKind, Fund, RevenueSource
from budgetacct.render.tables import columns as C

__all__ = ["PARSERS", "Body", "Layout", "Parser", "identify", "layouts"]

#: The body rows of a sheet: (row number, cells cut to the table's width).
Body = list[tuple[int, tuple[object, ...]]]
Parser = Callable[[Draft, str, Body], None]

_NUMERAL: Final = re.compile(r"^[一二三四五六七八九十]+[、.．]\s*")
_TOTAL_LABELS: Final = ("合计", "总计")


# --- layouts ------------------------------------------------------------------------------------


@attrs.frozen
class Layout:
    """Where a table's body starts and how wide it is: what a sheet is checked against."""

    header_rows: int
    width: int
    header_texts: tuple[str, ...]


@functools.cache
def layouts() -> dict[str, Layout]:
    """Title → layout of every standard table, from the table builders themselves."""
    from budgetacct.render.tables import TABLE_SETS, standard_tables

    empty = Disclosure(year=2021, department="-")
    found: dict[str, Layout] = {}
    for name in TABLE_SETS:
        for table in standard_tables(empty, set=name):  # type: ignore[arg-type]
            texts = tuple(cell.text for cell in table.header_rows[0] if cell.text)
            found[table.title] = Layout(len(table.header_rows), table.width, texts)
    return found


def identify(text: str) -> tuple[str, str] | None:
    """(number, title) of a sheet's title cell, or ``None`` for a sheet that is not a standard table."""
    compact = "".join(text.split())
    for title in sorted(layouts(), key=len, reverse=True):
        if compact.endswith(title):
            return compact[: -len(title)], title
    return None


# --- pieces shared by the parsers ---------------------------------------------------------------


def _put(
    r: Draft, key: tuple[str, ...], sheet: str, number: int, cells: tuple[object, ...], index: int
) -> None:
    """State the figure of one cell under ``key``."""
    where = cell_name(sheet, number, index)
    r.put(key, r.amount(cells[index], where), where)


def _function_rows(
    r: Draft,
    sheet: str,
    body: Body,
    section: str,
    columns: Mapping[str, int],
    totals: Sequence[tuple[tuple[str, ...], int]] = (),
) -> None:
    """Rows 合计 + 类/款/项 (类 | 款 | 项 | 名称 | values…).

    ``columns`` maps a row field to its column index, ``totals`` a figure of the 合计 row to its.
    """
    for number, cells in body:
        if cell_text(cells[0]) in _TOTAL_LABELS:
            for key, index in totals:
                _put(r, key, sheet, number, cells, index)
            continue
        if all(cell_text(c) == "" for c in cells[: C.CODE_COLUMNS]) and all(
            c is None for c in cells[C.CODE_COLUMNS :]
        ):
            continue
        code = r.function_code(cells[:3], cell_name(sheet, number, 0))
        fields: dict[str, Any] = {
            name: r.amount(cells[index], cell_name(sheet, number, index)) for name, index in columns.items()
        }
        name = cell_text(cells[3]) or None
        if code is None:
            continue
        fields["name"] = name
        r.row(section, code.code, fields, f"{sheet}!{number}")
        if name and len(code.code) == 3:
            r.names.setdefault(name, code.code)


def _value_columns(fields: Sequence[str | None], start: int = C.CODE_COLUMNS) -> dict[str, int]:
    """Field → column index of the value columns that start at ``start`` (``None``: not read)."""
    return {field: start + i for i, field in enumerate(fields) if field is not None}


def _coded(
    section: str, fields: Sequence[str | None], totals: Sequence[tuple[tuple[str, ...], int]] = ()
) -> Parser:
    """A table of 类/款/项 rows whose value columns are ``fields`` (in order) and whose 合计 row
    states ``totals`` (figure key, column index)."""
    columns = _value_columns(fields)

    def parse(r: Draft, sheet: str, body: Body) -> None:
        _function_rows(r, sheet, body, section, columns, totals)

    return parse


# --- the tables ---------------------------------------------------------------------------------


def _t1(r: Draft, sheet: str, body: Body) -> None:
    sources = {source.value: source for source in RevenueSource}
    left = dict(C.SUMMARY_REVENUE_TOTALS)
    right = dict(C.SUMMARY_EXPENDITURE_TOTALS)
    for number, cells in body:
        label = _NUMERAL.sub("", cell_text(cells[0]))
        where = cell_name(sheet, number, 2)
        value = r.amount(cells[2], where)
        if label in sources:
            r.put(("revenue_line", sources[label].name), value, where)
        elif label in left:
            r.put(left[label], value, where)
        elif label or value is not None:
            r.notes.append(f"{where}：未识别的收入项目 {label!r} | unknown revenue row {label!r}")
        label = cell_text(cells[3])
        where = cell_name(sheet, number, 5)
        value = r.amount(cells[5], where)
        if label in right:
            r.put(right[label], value, where)
        elif label and value is not None:
            r.pending_classes.setdefault("expenditure.classes", []).append((label, value, where))
        elif value is not None:
            r.notes.append(f"{where}：支出金额没有项目名称 | an expenditure amount without a row name")


_FIRST_VALUE: Final = C.CODE_COLUMNS

_t2 = _coded(
    "revenue.rows",
    [field for _, field in C.REVENUE_COLUMNS],
    (
        (("revenue", "total"), _FIRST_VALUE),
        (("revenue_fiscal_total",), _FIRST_VALUE + 1),
        *(
            (("revenue_line", source.name), index)
            for index, source in enumerate(C.REVENUE_SOURCE_COLUMNS, start=_FIRST_VALUE + 2)
        ),
    ),
)

_t3 = _coded(
    "expenditure.rows",
    [field for _, field in C.EXPENDITURE_COLUMNS],
    (
        (("expenditure", "total"), _FIRST_VALUE),
        *(
            (("kind_line", kind.name), index)
            for index, kind in enumerate(ExpenditureKind, start=_FIRST_VALUE + 1)
        ),
    ),
)

_T4_FUNDS: Final = {fund.value: fund for fund in FISCAL_FUNDS}
_FUND_SECTIONS: Final = {
    Fund.GENERAL_BUDGET: "general_budget.classes",
    Fund.GOVERNMENT_FUND: "government_fund.lines",
    Fund.STATE_CAPITAL: "state_capital.lines",
}
_T4_EXPENDITURE_TOTALS: Final = {label: (field, flow) for label, field, flow in C.FISCAL_EXPENDITURE_TOTALS}


def _t4(r: Draft, sheet: str, body: Body) -> None:
    opening_part = False
    for number, cells in body:
        label = cell_text(cells[0])
        where = cell_name(sheet, number, 1)
        value = r.amount(cells[1], where)
        bare = _NUMERAL.sub("", label)
        if label == C.FISCAL_OPENING[0]:
            opening_part = True
            r.put(("fiscal", C.FISCAL_OPENING[1]), value, where)
        elif bare in _T4_FUNDS:
            fund = _T4_FUNDS[bare]
            r.put(("flow", fund.name, "opening" if opening_part else "revenue"), value, where)
        elif label == C.FISCAL_REVENUE_TOTAL[0]:
            r.put(("fiscal", C.FISCAL_REVENUE_TOTAL[1]), value, where)
        elif label == C.GRAND_TOTAL[0]:
            r.put(("fiscal", C.GRAND_TOTAL[1]), value, where)
        elif label or value is not None:
            r.notes.append(f"{where}：未识别的收入项目 {label!r} | unknown revenue row {label!r}")

        label = cell_text(cells[2])
        values = [r.amount(cells[i], cell_name(sheet, number, i)) for i in range(3, 7)]
        wheres = [cell_name(sheet, number, i) for i in range(3, 7)]
        if label in _T4_EXPENDITURE_TOTALS:
            field, flow = _T4_EXPENDITURE_TOTALS[label]
            r.put(("fiscal", field), values[0], wheres[0])
            for fund, value, at in zip(FISCAL_FUNDS, values[1:], wheres[1:], strict=True):
                r.put(("flow", fund.name, flow), value, at)
        elif label == C.GRAND_TOTAL[0]:
            r.put(("fiscal", C.GRAND_TOTAL[1]), values[0], wheres[0])
        elif label:
            for fund, value, at in zip(FISCAL_FUNDS, values[1:], wheres[1:], strict=True):
                if value is not None:
                    r.pending_classes.setdefault(_FUND_SECTIONS[fund], []).append((label, value, at))
        elif any(v is not None for v in values):
            r.notes.append(
                f"{sheet}!{number}：支出金额没有项目名称 | an expenditure amount without a row name"
            )


_t6 = _coded(
    "general_budget.rows",
    C.SPENDING_FIELDS,
    ((("general_budget", "total"), _FIRST_VALUE), (("basic_expenditure", "total"), _FIRST_VALUE + 1)),
)


def _t8(r: Draft, sheet: str, body: Body) -> None:
    for number, cells in body:
        for block, (_, total_key) in enumerate(C.BASIC_BLOCKS):
            offset = 3 * block  # 科目编码 | 科目名称 | 决算数
            label = cell_text(cells[offset])
            where = cell_name(sheet, number, offset + 2)
            value = r.amount(cells[offset + 2], where)
            if label.endswith("合计"):
                r.put(("basic_expenditure", total_key), value, where)
            elif label:
                code = r.economic_code(cells[offset], cell_name(sheet, number, offset))
                if code is None:
                    continue
                if value is None:
                    r.problem(where, "金额", "an amount", None)
                    continue
                r.economic.append(EconomicLine(code, value, cell_text(cells[offset + 1]) or None))
            elif value is not None:
                r.notes.append(f"{where}：金额没有科目编码 | an amount without an economic code")


def _three_public(r: Draft, sheet: str, body: Body) -> None:
    width = len(C.THREE_PUBLIC_FIELDS)
    for number, cells in body:
        for block, (_, field) in enumerate(C.THREE_PUBLIC_BLOCKS):
            for i, name in enumerate(C.THREE_PUBLIC_FIELDS, start=block * width):
                _put(r, ("three_public", name, field), sheet, number, cells, i)


def _fund_with_balances(section: str) -> Parser:
    """政府性基金 / 国有资本经营 收入支出决算表: balances and 本年收入 on the 合计 row, 本年支出 by row."""
    opening, revenue, closing = (field for _, field in C.FUND_BALANCE_COLUMNS)
    at = _value_columns((opening, revenue, *C.SPENDING_FIELDS, closing))
    parse_rows = _coded(
        f"{section}.lines",
        (None, None, *C.SPENDING_FIELDS, None),
        tuple(
            ((section, name), at[field])
            for name, field in (
                (opening, opening),
                (revenue, revenue),
                ("total", "amount"),
                (closing, closing),
            )
        ),
    )

    def parse(r: Draft, sheet: str, body: Body) -> None:
        r.with_balances.add(section)
        parse_rows(r, sheet, body)

    return parse


def _fund_spending(section: str) -> Parser:
    return _coded(f"{section}.lines", C.SPENDING_FIELDS, (((section, "total"), _FIRST_VALUE),))


def _detail(key: tuple[str, str], section: str | None) -> Parser:
    """Sichuan 明细表: the 合计 column only (the economic columns are not in a Disclosure)."""
    if section is not None:
        return _coded(section, ("amount",), ((key, _FIRST_VALUE),))

    def parse(r: Draft, sheet: str, body: Body) -> None:
        for number, cells in body:
            if cell_text(cells[0]) not in _TOTAL_LABELS and any(
                c is not None for c in cells[C.CODE_COLUMNS :]
            ):
                r.notes.append(f"{sheet}!{number}：明细表的行未导入 | a detail row is not imported")
        for number, cells in body:
            if cell_text(cells[0]) in _TOTAL_LABELS:
                _put(r, key, sheet, number, cells, _FIRST_VALUE)

    return parse


def _no_data(what: str) -> Parser:
    def parse(r: Draft, sheet: str, body: Body) -> None:
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


PARSERS: Final[Mapping[str, Parser]] = {
    C.SUMMARY: _t1,
    C.REVENUE: _t2,
    C.EXPENDITURE: _t3,
    C.FISCAL_SUMMARY: _t4,
    C.GENERAL_BUDGET: _t6,
    C.BASIC: _t8,
    C.THREE_PUBLIC: _three_public,
    C.GOVERNMENT_FUND: _fund_with_balances("government_fund"),
    C.STATE_CAPITAL_WITH_BALANCES: _fund_with_balances("state_capital"),
    C.STATE_CAPITAL: _fund_spending("state_capital"),
    C.FISCAL_DETAIL: _detail(("fiscal", "expenditure_total"), None),
    C.GENERAL_BUDGET_DETAIL: _detail(("general_budget", "total"), "general_budget.rows"),
    C.PROJECTS: _coded("general_budget.rows", ("project",)),
    C.GOVERNMENT_FUND_THREE_PUBLIC: _no_data("政府性基金“三公”经费"),
}
