"""The table builders: one :class:`~budgetacct.render.tables.model.Table` per standard table.

A builder reads a :class:`~budgetacct.model.disclosure.Disclosure` and never computes a figure the
disclosure does not state; the titles, columns and row labels come from
:mod:`budgetacct.render.tables.columns`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Final, TypeVar

import attrs

from budgetacct.codes import BasicExpensePart, FunctionCode
from budgetacct.errors import InvalidValue
from budgetacct.model.disclosure import BudgetedFigure, Disclosure, FunctionLine, FundSpending, RevenueRow
from budgetacct.model.enums import FISCAL_FUNDS, ExpenditureKind, Fund, RevenueSource
from budgetacct.money import Amount
from budgetacct.render.labels import code_name
from budgetacct.render.tables import columns as C
from budgetacct.render.tables.model import Cell, Row, Table, TableSet, Value

if TYPE_CHECKING:  # pragma: no cover - typing only
    from budgetacct.model.ledger import Ledger

__all__ = ["TABLE_SETS", "TableBuilder", "standard_tables"]

_CODE_HEADER: Final = (Cell("科目编码", 3), Cell("科目名称"))
_CODE_SUBHEADER: Final = (Cell("类"), Cell("款"), Cell("项"), Cell(""))
_ZERO: Final = Amount(0)
_NUMERALS: Final = "一二三四五六七八"

_Left = TypeVar("_Left")
_Right = TypeVar("_Right")


# --- pieces shared by the builders ----------------------------------------------------------------


def _code_cells(code: FunctionCode, name: str | None, year: int) -> tuple[str, str, str, str]:
    text = code.code
    return (text[:3], text[3:5], text[5:7], code_name(code, name, year))


def _kind_of(code: FunctionCode) -> str:
    return {3: "class", 5: "section", 7: "item"}.get(len(code.code), "line")


def _figure(owner: object, field: str) -> Value:
    """``owner.field``, or ``None`` (not stated) when the section is missing."""
    value: Value = getattr(owner, field) if owner is not None else None
    return value


def _stated(d: Disclosure, key: tuple[str, str]) -> Value:
    """The figure ``(section, field)`` of the disclosure (``None`` when not stated)."""
    return _figure(getattr(d, key[0]), key[1])


def _function_rows(
    lines: Iterable[FunctionLine | RevenueRow], fields: Sequence[str | None], year: int
) -> tuple[Row, ...]:
    """类/款/项 rows: the code cells, then the line's ``fields`` (``None``: a column it does not state)."""
    return tuple(
        Row(
            (*_code_cells(line.code, line.name, year), *(_figure(line, f) if f else None for f in fields)),
            _kind_of(line.code),
        )
        for line in sorted(lines, key=lambda line: line.code.code)
    )


def _function_table(
    number: str,
    title: str,
    d: Disclosure,
    value_headers: Sequence[Sequence[Cell]],
    total: Sequence[Value],
    lines: Iterable[FunctionLine | RevenueRow],
    fields: Sequence[str | None],
    empty: str,
    zero: bool,
) -> Table:
    """合计 row + 类/款/项 rows, 科目编码 (类|款|项) + 科目名称 + value columns."""
    header = [(*_CODE_HEADER, *value_headers[0])]
    for extra in value_headers[1:]:
        header.append((Cell("", 3), Cell(""), *extra))
    header.append((*_CODE_SUBHEADER, *(Cell("") for _ in fields)))
    rows = (Row(("合计", "", "", "", *total), "total"), *_function_rows(lines, fields, d.year))
    return _finish(Table(number, title, d.department, tuple(header), rows, year=d.year), empty, d.year, zero)


def _spending_headers(first: str) -> list[list[Cell]]:
    """本年支出 over (小计 or 合计 | 基本支出 | 项目支出)."""
    return [[Cell("本年支出", 3)], [Cell(first), Cell("基本支出"), Cell("项目支出")]]


def _side_by_side(
    left: Sequence[_Left],
    left_tail: Sequence[_Left],
    right: Sequence[_Right],
    right_tail: Sequence[_Right],
    blank: tuple[_Left, _Right],
) -> list[tuple[_Left, _Right, bool]]:
    """Two sides of a table, row by row, with whether the row is a total row.

    The bodies are padded at their end and the total rows (tails) line up at the bottom: the
    shorter tail is padded at its start.
    """
    height = max(len(left), len(right))
    tail = max(len(left_tail), len(right_tail))
    lefts = [*left, *[blank[0]] * (height - len(left) + tail - len(left_tail)), *left_tail]
    rights = [*right, *[blank[1]] * (height - len(right) + tail - len(right_tail)), *right_tail]
    return [(a, b, i >= height) for i, (a, b) in enumerate(zip(lefts, rights, strict=True))]


def _stated_zero(*values: Value) -> bool:
    """Whether the disclosure states these figures and all are zero (a missing figure proves nothing)."""
    amounts = [v for v in values if v is not None]
    return len(amounts) == len(values) > 0 and not any(amounts)


def _finish(table: Table, empty: str, year: int, zero: bool) -> Table:
    """Add “本部门YYYY年度没有…，故本表无数据。” when the disclosure states that there is nothing."""
    if table.has_data or not zero:
        return table
    return attrs.evolve(table, note=f"本部门{year}年度没有{empty}，故本表无数据。")


def _class_name(line: FunctionLine | None, code: FunctionCode, year: int) -> str:
    """A 类 printed by name only (T1, T4): the printed name, the catalogue's, else the code."""
    return code_name(code, line.name if line is not None else None, year) or code.code


# --- the tables -----------------------------------------------------------------------------------


def _t1(d: Disclosure, number: str) -> Table:
    """收入支出决算总表: 收入 (项目 | 行次 | 金额) beside 支出 (项目 | 行次 | 金额)."""
    o, r, e = d.overview, d.revenue, d.expenditure
    left: list[tuple[str, Value]] = []
    for numeral, source in zip(_NUMERALS, RevenueSource, strict=True):
        line = r.get(source) if r is not None else None
        left.append((f"{numeral}、{source.value}", line.amount if line is not None else None))
    classes: Sequence[FunctionLine] = ()
    if e is not None:
        classes = e.classes or tuple(row for row in e.rows if len(row.code.code) == 3)
    right: list[tuple[str, Value]] = [
        (_class_name(c, c.code, d.year), c.amount) for c in sorted(classes, key=lambda c: c.code.code)
    ]
    sides = _side_by_side(
        left,
        [(label, _stated(d, key)) for label, key in C.SUMMARY_REVENUE_TOTALS],
        right,
        [(label, _stated(d, key)) for label, key in C.SUMMARY_EXPENDITURE_TOTALS],
        (("", None), ("", None)),
    )
    rows = [
        Row(
            (ln, i + 1 if ln else "", lv, rn, i + 1 + len(sides) if rn else "", rv),
            "total" if tail else "line",
        )
        for i, ((ln, lv), (rn, rv), tail) in enumerate(sides)
    ]
    header = (
        (Cell("收入", 3), Cell("支出", 3)),
        (Cell("项目"), Cell("行次"), Cell("金额"), Cell("项目"), Cell("行次"), Cell("金额")),
    )
    table = Table(number, C.SUMMARY, d.department, header, tuple(rows), year=d.year)
    zero = o is not None and _stated_zero(o.revenue_grand_total, o.expenditure_grand_total)
    return _finish(table, "收入和支出", d.year, zero)


def _t2(d: Disclosure, number: str) -> Table:
    r = d.revenue
    total: list[Value] = [None] * len(C.REVENUE_COLUMNS)
    if r is not None:
        fiscal = [line.amount for line in r.lines if line.source.is_fiscal]
        total[0] = r.total
        total[1] = sum(fiscal, _ZERO) if fiscal else None
        for i, source in enumerate(C.REVENUE_SOURCE_COLUMNS, start=2):
            total[i] = _figure(r.get(source), "amount")
    return _function_table(
        number,
        C.REVENUE,
        d,
        [[Cell(header) for header, _ in C.REVENUE_COLUMNS]],
        total,
        r.rows if r is not None else (),
        [field for _, field in C.REVENUE_COLUMNS],
        "收入",
        r is not None and _stated_zero(r.total),
    )


def _t3(d: Disclosure, number: str) -> Table:
    e = d.expenditure
    total: list[Value] = [_figure(e, "total")]
    total.extend(_figure(e.get(kind) if e is not None else None, "amount") for kind in ExpenditureKind)
    return _function_table(
        number,
        C.EXPENDITURE,
        d,
        [[Cell(header) for header, _ in C.EXPENDITURE_COLUMNS]],
        total,
        e.rows if e is not None else (),
        [field for _, field in C.EXPENDITURE_COLUMNS],
        "支出",
        e is not None and _stated_zero(e.total),
    )


def _class_lines(f: FundSpending | None) -> dict[str, FunctionLine]:
    return {line.code.code: line for line in (f.lines if f is not None else ()) if len(line.code.code) == 3}


def _t4(d: Disclosure, number: str) -> Table:
    """财政拨款收入支出决算总表: 收入 (项目 | 金额) beside 支出 (项目 | 合计 | 三种财政拨款)."""
    f, r, g = d.fiscal, d.revenue, d.general_budget

    def flow(fund: Fund, name: str) -> Value:
        value = _figure(f.get(fund) if f is not None else None, name)
        if value is None and name == "revenue" and r is not None and fund.revenue_source is not None:
            value = _figure(r.get(fund.revenue_source), "amount")
        return value if isinstance(value, Amount) else None

    left: list[tuple[str, Value]] = [
        (f"{numeral}、{fund.value}", flow(fund, "revenue"))
        for numeral, fund in zip(_NUMERALS, FISCAL_FUNDS, strict=False)
    ]
    tail_left: list[tuple[str, Value]] = [
        (C.FISCAL_REVENUE_TOTAL[0], _figure(f, C.FISCAL_REVENUE_TOTAL[1])),
        (C.FISCAL_OPENING[0], _figure(f, C.FISCAL_OPENING[1])),
        *((fund.value, flow(fund, "opening")) for fund in FISCAL_FUNDS),
        (C.GRAND_TOTAL[0], _figure(f, C.GRAND_TOTAL[1])),
    ]
    by_fund = {
        Fund.GENERAL_BUDGET: {c.code.code: c for c in (g.classes if g is not None else ())},
        Fund.GOVERNMENT_FUND: _class_lines(d.government_fund),
        Fund.STATE_CAPITAL: _class_lines(d.state_capital),
    }
    codes = sorted({code for lines in by_fund.values() for code in lines})
    right: list[tuple[str, tuple[Value, ...]]] = []
    for code in codes:
        found = [by_fund[fund].get(code) for fund in FISCAL_FUNDS]
        named = next((line for line in found if line is not None), None)  # the first fund names it
        values = tuple(line.amount if line is not None else None for line in found)
        present = [v for v in values if v is not None]
        right.append(
            (
                _class_name(named, FunctionCode(code), d.year),
                (present[0] if len(present) == 1 else None, *values),
            )
        )
    tail_right: list[tuple[str, tuple[Value, ...]]] = [
        (label, (_figure(f, field), *(flow(fund, flow_field) for fund in FISCAL_FUNDS)))
        for label, field, flow_field in C.FISCAL_EXPENDITURE_TOTALS
    ]
    tail_right.append((C.GRAND_TOTAL[0], (_figure(f, C.GRAND_TOTAL[1]), None, None, None)))
    sides = _side_by_side(left, tail_left, right, tail_right, (("", None), ("", (None,) * 4)))
    rows = [Row((ln, lv, rn, *rv), "total" if tail else "line") for (ln, lv), (rn, rv), tail in sides]
    header = (
        (Cell("收入", 2), Cell("支出", 5)),
        (
            Cell("项目"),
            Cell("金额"),
            Cell("项目"),
            Cell("合计"),
            *(Cell(fund.value) for fund in FISCAL_FUNDS),
        ),
    )
    table = Table(number, C.FISCAL_SUMMARY, d.department, header, tuple(rows), year=d.year)
    return _finish(table, "财政拨款收入和支出", d.year, f is not None and _stated_zero(f.grand_total))


def _gpb_lines(d: Disclosure) -> tuple[FunctionLine, ...]:
    """T6 rows: the published rows, else the 类 of the structure sentence and the 项 of the detail."""
    g = d.general_budget
    if g is None:
        return ()
    if g.rows:
        return g.rows
    seen: dict[str, FunctionLine] = {}
    for line in (*g.classes, *g.items):
        seen.setdefault(line.code.code, line)
    return tuple(seen.values())


def _t6(d: Disclosure, number: str) -> Table:
    g, b = d.general_budget, d.basic_expenditure
    return _function_table(
        number,
        C.GENERAL_BUDGET,
        d,
        _spending_headers("小计"),
        (_figure(g, "total"), _figure(b, "total"), None),
        _gpb_lines(d),
        C.SPENDING_FIELDS,
        "一般公共预算财政拨款支出",
        g is not None and _stated_zero(g.total),
    )


def _t8(d: Disclosure, number: str) -> Table:
    """基本支出决算表: 人员经费 and 公用经费 blocks side by side (科目编码 | 科目名称 | 决算数)."""
    b = d.basic_expenditure
    blocks: dict[BasicExpensePart, list[tuple[str, str, Value]]] = {p: [] for p, _ in C.BASIC_BLOCKS}
    for line in b.lines if b is not None else ():
        part = line.code.basic_expense_part
        if part is not None:
            blocks[part].append((line.code.code, code_name(line.code, line.name, d.year), line.amount))
    personnel, public = (blocks[part] for part, _ in C.BASIC_BLOCKS)
    rows = [Row((*p, *q)) for p, q, _ in _side_by_side(personnel, (), public, (), (("", "", None),) * 2)]
    totals = ((f"{part.value}合计", "", _figure(b, field)) for part, field in C.BASIC_BLOCKS)
    rows.append(Row(tuple(cell for block in totals for cell in block), "total"))
    header = (
        tuple(Cell(part.value, 3) for part, _ in C.BASIC_BLOCKS),
        (Cell("科目编码"), Cell("科目名称"), Cell("决算数")) * len(C.BASIC_BLOCKS),
    )
    table = Table(number, C.BASIC, d.department, header, tuple(rows), year=d.year)
    return _finish(table, "一般公共预算财政拨款基本支出", d.year, b is not None and _stated_zero(b.total))


def _three_public_table(d: Disclosure, number: str, title: str, fund_empty: str, use_data: bool) -> Table:
    """“三公”经费 table; the GF version (``use_data=False``) has no figures in a Disclosure."""
    tp = d.three_public if use_data else None
    if use_data:
        zero = tp is not None and _stated_zero(tp.total.actual) and not tp.total.budget
    else:  # no government-fund spending at all means no government-fund 三公 either
        gf = d.government_fund
        zero = gf is not None and _stated_zero(gf.total)
    cells: list[Value] = []
    for _, block in C.THREE_PUBLIC_BLOCKS:
        for field in C.THREE_PUBLIC_FIELDS:
            figure: BudgetedFigure | None = getattr(tp, field) if tp is not None else None
            cells.append(_figure(figure, block))
    header = (
        tuple(Cell(heading, len(C.THREE_PUBLIC_FIELDS)) for heading, _ in C.THREE_PUBLIC_BLOCKS),
        tuple(Cell(group, len(columns)) for group, columns in C.THREE_PUBLIC_GROUPS)
        * len(C.THREE_PUBLIC_BLOCKS),
        tuple(Cell(heading) for _, columns in C.THREE_PUBLIC_GROUPS for heading, _ in columns)
        * len(C.THREE_PUBLIC_BLOCKS),
    )
    table = Table(number, title, d.department, header, (Row(tuple(cells)),), year=d.year)
    return _finish(table, fund_empty, d.year, zero)


def _fund_table(
    d: Disclosure, number: str, title: str, f: FundSpending | None, empty: str, *, with_balances: bool
) -> Table:
    lines = f.lines if f is not None else ()
    if with_balances:
        (opening, _), (revenue, _), (closing, _) = C.FUND_BALANCE_COLUMNS
        heads = [
            [Cell(opening), Cell(revenue), Cell("本年支出", 3), Cell(closing)],
            [Cell(""), Cell(""), Cell("小计"), Cell("基本支出"), Cell("项目支出"), Cell("")],
        ]
        opening_value, revenue_value, closing_value = (
            _figure(f, field) for _, field in C.FUND_BALANCE_COLUMNS
        )
        total: tuple[Value, ...] = (
            opening_value,
            revenue_value,
            _figure(f, "total"),
            None,
            None,
            closing_value,
        )
        fields: tuple[str | None, ...] = (None, None, *C.SPENDING_FIELDS, None)
    else:
        heads = _spending_headers("合计")
        total = (_figure(f, "total"), None, None)
        fields = C.SPENDING_FIELDS
    zero = (
        f is not None and _stated_zero(f.total) and not (f.revenue or f.opening_balance or f.closing_balance)
    )
    return _function_table(number, title, d, heads, total, lines, fields, empty, zero)


def _detail_table(
    d: Disclosure, number: str, title: str, total: Value, lines: Iterable[FunctionLine]
) -> Table:
    """Sichuan 明细表 (function × economic class): the 合计 column only — the disclosure has no cross-tab."""
    econ = C.DETAIL_ECONOMIC_COLUMNS
    return _function_table(
        number,
        title,
        d,
        [[Cell("合计"), *(Cell(h) for h in econ)]],
        (total, *(None for _ in econ)),
        lines,
        ("amount", *(None for _ in econ)),
        title.removesuffix("决算明细表"),
        _stated_zero(total),
    )


def _project_table(d: Disclosure, number: str) -> Table:
    lines = [line for line in _gpb_lines(d) if line.project is not None]
    g, b = d.general_budget, d.basic_expenditure
    # no project spending is stated only as 一般公共预算支出 = 基本支出 (or a zero total)
    zero = g is not None and (
        _stated_zero(g.total)
        or (g.total is not None and b is not None and b.total is not None and g.total == b.total)
    )
    return _function_table(
        number,
        C.PROJECTS,
        d,
        [[Cell("项目支出")]],
        (None,),
        lines,
        ("project",),
        "一般公共预算财政拨款项目支出",
        zero,
    )


# --- the table sets -------------------------------------------------------------------------------

_MOF_NUMBERS: Final = tuple(f"公开{i:02d}表" for i in range(1, 10))
_SICHUAN_NUMBERS: Final = (
    "一",
    "二",
    "三",
    "四",
    "五",
    "六",
    "七",
    "八",
    "九",
    "十",
    "十一",
    "十二",
    "十三",
    "十四",
)

TableBuilder = Callable[[Disclosure, str], Table]

_GF_EMPTY: Final = "政府性基金预算财政拨款收入，也没有使用政府性基金预算财政拨款安排的支出"
_SOE_EMPTY: Final = "国有资本经营预算财政拨款支出"
_TP_EMPTY: Final = "使用一般公共预算财政拨款安排的“三公”经费支出"


def _three_public(d: Disclosure, n: str) -> Table:
    return _three_public_table(d, n, C.THREE_PUBLIC, _TP_EMPTY, True)


def _government_fund(d: Disclosure, n: str) -> Table:
    return _fund_table(d, n, C.GOVERNMENT_FUND, d.government_fund, _GF_EMPTY, with_balances=True)


def _state_capital(d: Disclosure, n: str) -> Table:
    return _fund_table(d, n, C.STATE_CAPITAL, d.state_capital, _SOE_EMPTY, with_balances=False)


TABLE_SETS: Final[Mapping[str, tuple[TableBuilder, ...]]] = {
    "mof-9": (_t1, _t2, _t3, _t4, _t6, _t8, _three_public, _government_fund, _state_capital),
    "sichuan-14": (
        _t1,
        _t2,
        _t3,
        _t4,
        lambda d, n: _detail_table(d, n, C.FISCAL_DETAIL, _figure(d.fiscal, "expenditure_total"), ()),
        _t6,
        lambda d, n: _detail_table(
            d, n, C.GENERAL_BUDGET_DETAIL, _figure(d.general_budget, "total"), _gpb_lines(d)
        ),
        _t8,
        _project_table,
        _three_public,
        _government_fund,
        lambda d, n: _three_public_table(
            d, n, C.GOVERNMENT_FUND_THREE_PUBLIC, "使用政府性基金预算财政拨款安排的“三公”经费支出", False
        ),
        lambda d, n: _fund_table(
            d,
            n,
            C.STATE_CAPITAL_WITH_BALANCES,
            d.state_capital,
            "国有资本经营预算财政拨款收入，也没有使用国有资本经营预算财政拨款安排的支出",
            with_balances=True,
        ),
        _state_capital,
    ),
}


def standard_tables(disclosure: Disclosure | Ledger, *, set: TableSet = "mof-9") -> tuple[Table, ...]:
    """The standard tables of ``disclosure`` (a Ledger is published first, ``sichuan-2021`` style).

    ``set="mof-9"`` gives 公开01表–公开09表; ``set="sichuan-14"`` the seed's 一–十四.
    """
    from budgetacct.model.ledger import Ledger

    if isinstance(disclosure, Ledger):
        disclosure = disclosure.publish()
    if not isinstance(disclosure, Disclosure):
        raise InvalidValue(
            "决算公开数据（Disclosure 或 Ledger）", "a Disclosure or a Ledger", disclosure, path="$"
        )
    if set not in TABLE_SETS:
        raise InvalidValue("表套 mof-9 或 sichuan-14", "table set 'mof-9' or 'sichuan-14'", set, path="$.set")
    numbers = _MOF_NUMBERS if set == "mof-9" else _SICHUAN_NUMBERS
    return tuple(build(disclosure, number) for build, number in zip(TABLE_SETS[set], numbers, strict=True))
