"""The standard disclosure tables (MoF 公开01–09; the seed's 14-table Sichuan set) as objects.

A :class:`Table` holds its number, title, department, unit, header rows (:class:`Cell`, with
column spans) and body rows (:class:`Row`, whose cells are text, :class:`~budgetacct.money.Amount`
or ``None`` for a figure the disclosure does not state — printed as an empty cell).  Builders read
a :class:`~budgetacct.model.disclosure.Disclosure` (or a Ledger, through ``publish()``) and never
compute a figure the disclosure does not state.  A table with no figure at all carries the
standard note “本部门YYYY年度没有…，故本表无数据。”.

Renderers: :func:`to_text` (CJK-aware column widths), :func:`to_markdown`, :func:`to_html`
(also ``Table._repr_html_``) and :func:`to_xlsx` (needs the ``excel`` extra: openpyxl).
Amounts are written in :data:`~budgetacct.render.zh.TABLE` style: ``739.00``, ``1,234.56``.

>>> from budgetacct import load_example
>>> tables = standard_tables(load_example("xiqu-2021"))
>>> [t.number for t in tables][:3], len(tables)
(['公开01表', '公开02表', '公开03表'], 9)
>>> tables[8].note
'本部门2021年度没有国有资本经营预算财政拨款支出，故本表无数据。'
>>> len(standard_tables(load_example("xiqu-2021"), set="sichuan-14"))
14
"""

from __future__ import annotations

import html as _html
from collections.abc import Callable, Iterable, Mapping, Sequence
from os import PathLike
from typing import TYPE_CHECKING, Any, Final, Literal

import attrs

from budgetacct._text import display_width
from budgetacct.codes import BasicExpensePart, FunctionCode
from budgetacct.errors import BudgetAcctError, InvalidValue, MissingDependency
from budgetacct.model.disclosure import (
    BudgetedFigure,
    Disclosure,
    FunctionLine,
    FundSpending,
)
from budgetacct.model.enums import ExpenditureKind, Fund, RevenueSource
from budgetacct.money import Amount
from budgetacct.render.zh import TABLE, format_amount

if TYPE_CHECKING:  # pragma: no cover - typing only
    from budgetacct.model.ledger import Ledger

__all__ = [
    "TABLE_SETS",
    "Cell",
    "MissingDependency",
    "Row",
    "Table",
    "display_width",
    "standard_tables",
    "to_html",
    "to_markdown",
    "to_text",
    "to_xlsx",
]

Value = str | Amount | int | None
TableSet = Literal["mof-9", "sichuan-14"]


@attrs.frozen
class Cell:
    """A header cell; ``colspan`` columns wide."""

    text: str
    colspan: int = 1


@attrs.frozen
class Row:
    """A body row: cells (text, Amount, count or ``None`` = not stated) and its kind.

    ``kind`` is ``"total"`` (合计/总计 rows), ``"class"``/``"section"``/``"item"`` (类/款/项) or
    ``"line"``.
    """

    cells: tuple[Value, ...]
    kind: str = "line"


@attrs.frozen
class Table:
    """One disclosure table: number (公开01表 or 一), title, unit, department, header, rows, note."""

    number: str
    title: str
    department: str
    header_rows: tuple[tuple[Cell, ...], ...]
    rows: tuple[Row, ...]
    unit: str = "万元"
    note: str | None = None
    year: int | None = None

    @property
    def width(self) -> int:
        """Number of columns."""
        return len(self.rows[0].cells) if self.rows else sum(c.colspan for c in self.header_rows[-1])

    @property
    def has_data(self) -> bool:
        """Whether any stated figure is non-zero."""
        return any(isinstance(v, Amount) and v for row in self.rows for v in row.cells)

    def column(self, index: int) -> tuple[Value, ...]:
        return tuple(row.cells[index] for row in self.rows)

    def __str__(self) -> str:
        return to_text(self)

    def _repr_html_(self) -> str:
        return to_html(self)


# --- cell text and widths ---------------------------------------------------------------------


def _text(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, Amount):
        return format_amount(value, TABLE)
    return str(value)


def _pad(text: str, width: int, right: bool) -> str:
    gap = " " * max(0, width - display_width(text))
    return gap + text if right else text + gap


# --- renderers --------------------------------------------------------------------------------


def _caption(table: Table) -> list[str]:
    return [
        f"{table.number} {table.title}".strip(),
        f"编制单位：{table.department}    金额单位：{table.unit}",
    ]


def to_text(table: Table) -> str:
    """Plain text with columns aligned by display width (CJK counts 2); amounts right-aligned.

    Every header and body line has the same display width.
    """
    ncols = table.width
    body = [[_text(v) for v in row.cells] for row in table.rows]
    widths = [0] * ncols
    for texts in body:
        for i, text in enumerate(texts):
            widths[i] = max(widths[i], display_width(text))
    for header in table.header_rows:  # single cells first, then widen for spans
        col = 0
        for cell in header:
            if cell.colspan == 1:
                widths[col] = max(widths[col], display_width(cell.text))
            col += cell.colspan
    for header in table.header_rows:
        col = 0
        for cell in header:
            if cell.colspan > 1:
                span = sum(widths[col : col + cell.colspan]) + 3 * (cell.colspan - 1)
                need = display_width(cell.text) - span
                if need > 0:
                    widths[col + cell.colspan - 1] += need
            col += cell.colspan

    def line(cells: Sequence[tuple[str, int, bool]]) -> str:
        return "| " + " | ".join(_pad(text, width, right) for text, width, right in cells) + " |"

    rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    out = _caption(table)
    out.append(rule)
    for header in table.header_rows:
        cells: list[tuple[str, int, bool]] = []
        col = 0
        for cell in header:
            span = sum(widths[col : col + cell.colspan]) + 3 * (cell.colspan - 1)
            cells.append((cell.text, span, False))
            col += cell.colspan
        out.append(line(cells))
    out.append(rule)
    for row, row_texts in zip(table.rows, body, strict=True):
        out.append(
            line([(t, widths[i], isinstance(row.cells[i], Amount | int)) for i, t in enumerate(row_texts)])
        )
    out.append(rule)
    if table.note:
        out.append(table.note)
    return "\n".join(out)


def _md_escape(text: str) -> str:
    return text.replace("|", "\\|")


def to_markdown(table: Table) -> str:
    """A Markdown table; spanned header cells are repeated over the columns they cover."""
    out = [f"**{_md_escape(table.number)} {_md_escape(table.title)}**", ""]
    out.append(f"编制单位：{_md_escape(table.department)}　金额单位：{table.unit}")
    out.append("")
    headers: list[list[str]] = []
    for header in table.header_rows:
        flat: list[str] = []
        for cell in header:
            flat.extend([cell.text] * cell.colspan)
        headers.append(flat)
    # one Markdown header row: the levels joined (预算数 / 合计)
    merged = []
    for i in range(table.width):
        parts: list[str] = []
        for flat in headers:
            if flat[i] and (not parts or parts[-1] != flat[i]):
                parts.append(flat[i])
        merged.append(_md_escape(" / ".join(parts)))
    out.append("| " + " | ".join(merged) + " |")
    aligns = []
    for i in range(table.width):
        numeric = any(isinstance(v, Amount | int) for v in table.column(i))
        aligns.append("---:" if numeric else ":---")
    out.append("| " + " | ".join(aligns) + " |")
    for row in table.rows:
        out.append("| " + " | ".join(_md_escape(_text(v)) for v in row.cells) + " |")
    if table.note:
        out.extend(["", _md_escape(table.note)])
    return "\n".join(out) + "\n"


def to_html(table: Table) -> str:
    """An HTML ``<table>`` with ``<caption>``, spanned header cells and right-aligned amounts."""
    esc = _html.escape
    out = ['<table class="budgetacct-table">']
    out.append(
        f"<caption>{esc(table.number)} {esc(table.title)}<br>"
        f"<small>编制单位：{esc(table.department)}　金额单位：{esc(table.unit)}</small></caption>"
    )
    out.append("<thead>")
    for header in table.header_rows:
        cells = "".join(
            f'<th colspan="{c.colspan}">{esc(c.text)}</th>' if c.colspan > 1 else f"<th>{esc(c.text)}</th>"
            for c in header
        )
        out.append(f"<tr>{cells}</tr>")
    out.append("</thead><tbody>")
    for row in table.rows:
        cells = "".join(
            f'<td style="text-align:right">{esc(_text(v))}</td>'
            if isinstance(v, Amount | int)
            else f"<td>{esc(_text(v))}</td>"
            for v in row.cells
        )
        out.append(f'<tr class="{row.kind}">{cells}</tr>')
    out.append("</tbody></table>")
    if table.note:
        out.append(f'<p class="budgetacct-note">{esc(table.note)}</p>')
    return "\n".join(out)


_SHEET_FORBIDDEN: Final = str.maketrans(dict.fromkeys("[]:*?/\\", "_"))


def to_xlsx(tables: Table | Iterable[Table], path: str | PathLike[str]) -> None:
    """Write the tables to an .xlsx workbook, one sheet each (needs ``pip install budgetacct[excel]``).

    Amounts are written as numbers (Decimal) with the format ``#,##0.00``; header cells are merged
    over their spans.
    """
    try:
        from openpyxl import Workbook  # type: ignore[import-untyped,unused-ignore]
        from openpyxl.styles import Alignment, Font  # type: ignore[import-untyped,unused-ignore]
    except ImportError:
        raise MissingDependency("openpyxl", "excel") from None
    items = [tables] if isinstance(tables, Table) else list(tables)
    book: Any = Workbook()
    book.remove(book.active)
    used: set[str] = set()
    for index, table in enumerate(items, start=1):
        base = f"{index:02d} {table.title}".translate(_SHEET_FORBIDDEN)[:31]
        name, n = base, 1
        while name in used:
            n += 1
            name = f"{base[:28]}~{n}"
        used.add(name)
        sheet: Any = book.create_sheet(name)
        sheet.cell(row=1, column=1, value=f"{table.number} {table.title}").font = Font(bold=True)
        sheet.cell(row=2, column=1, value=f"编制单位：{table.department}")
        sheet.cell(row=2, column=max(2, table.width), value=f"金额单位：{table.unit}")
        r = 3
        for header in table.header_rows:
            col = 1
            for cell in header:
                target = sheet.cell(row=r, column=col, value=cell.text)
                target.font = Font(bold=True)
                target.alignment = Alignment(horizontal="center")
                if cell.colspan > 1:
                    sheet.merge_cells(
                        start_row=r, start_column=col, end_row=r, end_column=col + cell.colspan - 1
                    )
                col += cell.colspan
            r += 1
        for row in table.rows:
            for col, value in enumerate(row.cells, start=1):
                if isinstance(value, Amount):
                    target = sheet.cell(row=r, column=col, value=value.rounded(2).value)
                    target.number_format = "#,##0.00"
                elif value is not None:
                    sheet.cell(row=r, column=col, value=value)
            r += 1
        if table.note:
            sheet.cell(row=r + 1, column=1, value=table.note)
    book.save(path)


# --- builders ---------------------------------------------------------------------------------

_CODE_HEADER: Final = (Cell("科目编码", 3), Cell("科目名称"))
_CODE_SUBHEADER: Final = (Cell("类"), Cell("款"), Cell("项"), Cell(""))
_ZERO: Final = Amount(0)


def _code_cells(code: FunctionCode, name: str | None, year: int) -> tuple[str, str, str, str]:
    text = code.code
    if not name:
        try:
            name = code.name(year)
        except BudgetAcctError:
            name = ""
    return (text[:3], text[3:5], text[5:7], name)


def _kind_of(code: FunctionCode) -> str:
    return {3: "class", 5: "section", 7: "item"}.get(len(code.code), "line")


def _function_rows(
    lines: Iterable[FunctionLine], columns: Sequence[Callable[[FunctionLine], Value]], year: int
) -> tuple[Row, ...]:
    return tuple(
        Row((*_code_cells(line.code, line.name, year), *(col(line) for col in columns)), _kind_of(line.code))
        for line in sorted(lines, key=lambda line: line.code.code)
    )


def _total_row(values: Sequence[Value], label: str = "合计") -> Row:
    return Row((label, "", "", "", *values), "total")


def _function_table(
    number: str,
    title: str,
    d: Disclosure,
    value_headers: Sequence[Sequence[Cell]],
    total: Sequence[Value],
    lines: Iterable[FunctionLine],
    columns: Sequence[Callable[[FunctionLine], Value]],
    empty: str,
    zero: bool,
) -> Table:
    """合计 row + 类/款/项 rows, 科目编码 (类|款|项) + 科目名称 + value columns."""
    header = [(*_CODE_HEADER, *value_headers[0])]
    for extra in value_headers[1:]:
        header.append((Cell("", 3), Cell(""), *extra))
    header.append((*_CODE_SUBHEADER, *(Cell("") for _ in columns)))
    rows = (_total_row(total), *_function_rows(lines, columns, d.year))
    return _finish(Table(number, title, d.department, tuple(header), rows, year=d.year), empty, d.year, zero)


def _stated_zero(*values: Value) -> bool:
    """Whether the disclosure states these figures and all are zero (a missing figure proves nothing)."""
    amounts = [v for v in values if v is not None]
    return len(amounts) == len(values) > 0 and not any(amounts)


def _finish(table: Table, empty: str, year: int, zero: bool) -> Table:
    """Add “本部门YYYY年度没有…，故本表无数据。” when the disclosure states that there is nothing."""
    if table.has_data or not zero:
        return table
    return attrs.evolve(table, note=f"本部门{year}年度没有{empty}，故本表无数据。")


def _attr(name: str) -> Callable[[FunctionLine], Value]:
    def get(line: FunctionLine) -> Value:
        value: Value = getattr(line, name)
        return value

    return get


def _amount(line: FunctionLine) -> Value:
    return line.amount


def _t1(d: Disclosure, number: str) -> Table:
    """收入支出决算总表: 收入 (项目 | 行次 | 金额) beside 支出 (项目 | 行次 | 金额)."""
    o, r, e = d.overview, d.revenue, d.expenditure
    left: list[tuple[str, Value]] = []
    numerals = "一二三四五六七八"
    for i, source in enumerate(RevenueSource):
        line = r.get(source) if r is not None else None
        left.append((f"{numerals[i]}、{source.value}", line.amount if line is not None else None))
    left.append(("本年收入合计", r.total if r is not None else None))
    left.append(("使用非财政拨款结余", o.non_fiscal_balance_used if o is not None else None))
    left.append(("年初结转和结余", o.opening_balance if o is not None else None))
    left.append(("总计", o.revenue_grand_total if o is not None else None))
    classes: Sequence[FunctionLine] = ()
    if e is not None:
        classes = e.classes or tuple(row for row in e.rows if len(row.code.code) == 3)
    right: list[tuple[str, Value]] = [
        (c.name or _code_cells(c.code, None, d.year)[3] or c.code.code, c.amount)
        for c in sorted(classes, key=lambda c: c.code.code)
    ]
    right.append(("本年支出合计", e.total if e is not None else None))
    right.append(("结余分配", o.surplus_distribution if o is not None else None))
    right.append(("年末结转和结余", o.closing_balance if o is not None else None))
    right.append(("总计", o.expenditure_grand_total if o is not None else None))
    # totals line up at the bottom: pad the shorter side before its 合计 rows
    left_body, left_tail = left[:8], left[8:]
    right_body, right_tail = right[:-4], right[-4:]
    height = max(len(left_body), len(right_body))
    left_body += [("", None)] * (height - len(left_body))
    right_body += [("", None)] * (height - len(right_body))
    rows = []
    for i, ((ln, lv), (rn, rv)) in enumerate(
        zip(left_body + left_tail, right_body + right_tail, strict=True)
    ):
        tail = i >= height
        rows.append(
            Row(
                (ln, i + 1 if ln else "", lv, rn, i + 1 + len(left_body + left_tail) if rn else "", rv),
                "total" if tail else "line",
            )
        )
    header = (
        (Cell("收入", 3), Cell("支出", 3)),
        (Cell("项目"), Cell("行次"), Cell("金额"), Cell("项目"), Cell("行次"), Cell("金额")),
    )
    table = Table(number, "收入支出决算总表", d.department, header, tuple(rows), year=d.year)
    zero = o is not None and _stated_zero(o.revenue_grand_total, o.expenditure_grand_total)
    return _finish(table, "收入和支出", d.year, zero)


def _t2(d: Disclosure, number: str) -> Table:
    r = d.revenue
    heads = (
        "本年收入合计",
        "财政拨款收入",
        "上级补助收入",
        "事业收入",
        "经营收入",
        "附属单位上缴收入",
        "其他收入",
    )
    total: list[Value] = [None] * 7
    if r is not None:
        fiscal = [line.amount for line in r.lines if line.source.is_fiscal]
        total[0] = r.total
        total[1] = sum(fiscal, _ZERO) if fiscal else None
        for i, source in enumerate(
            (
                RevenueSource.SUPERIOR_SUBSIDY,
                RevenueSource.OPERATIONS,
                RevenueSource.BUSINESS,
                RevenueSource.AFFILIATED_REMITTANCE,
                RevenueSource.OTHER,
            ),
            start=2,
        ):
            line = r.get(source)
            total[i] = line.amount if line is not None else None
    header = [(*_CODE_HEADER, *(Cell(h) for h in heads)), (*_CODE_SUBHEADER, *(Cell("") for _ in heads))]
    rows = [_total_row(total)]
    for row in sorted(r.rows if r is not None else (), key=lambda row: row.code.code):
        rows.append(
            Row(
                (
                    *_code_cells(row.code, row.name, d.year),
                    row.total,
                    row.fiscal,
                    row.superior_subsidy,
                    row.operations,
                    row.business,
                    row.affiliated_remittance,
                    row.other,
                ),
                _kind_of(row.code),
            )
        )
    table = Table(number, "收入决算表", d.department, tuple(header), tuple(rows), year=d.year)
    return _finish(table, "收入", d.year, r is not None and _stated_zero(r.total))


_KIND_ATTRS: Final = {
    ExpenditureKind.BASIC: "basic",
    ExpenditureKind.PROJECT: "project",
    ExpenditureKind.REMITTANCE: "remittance",
    ExpenditureKind.BUSINESS: "business",
    ExpenditureKind.AFFILIATE_SUBSIDY: "affiliate_subsidy",
}


def _t3(d: Disclosure, number: str) -> Table:
    e = d.expenditure
    total: list[Value] = [e.total if e is not None else None]
    for kind in ExpenditureKind:
        line = e.get(kind) if e is not None else None
        total.append(line.amount if line is not None else None)
    heads = [Cell("本年支出合计"), *(Cell(k.value) for k in ExpenditureKind)]
    return _function_table(
        number,
        "支出决算表",
        d,
        [heads],
        total,
        e.rows if e is not None else (),
        [_amount, *(_attr(a) for a in _KIND_ATTRS.values())],
        "支出",
        e is not None and _stated_zero(e.total),
    )


def _class_amounts(f: FundSpending | None) -> dict[str, Amount]:
    if f is None:
        return {}
    return {line.code.code: line.amount for line in f.lines if len(line.code.code) == 3}


def _t4(d: Disclosure, number: str) -> Table:
    """财政拨款收入支出决算总表: 收入 (项目 | 金额) beside 支出 (项目 | 合计 | 三种财政拨款)."""
    f, r, g = d.fiscal, d.revenue, d.general_budget

    def flow(fund: Fund, name: str) -> Value:
        got = f.get(fund) if f is not None else None
        value = getattr(got, name) if got is not None else None
        if value is None and name == "revenue" and r is not None and fund.revenue_source is not None:
            line = r.get(fund.revenue_source)
            value = line.amount if line is not None else None
        return value if isinstance(value, Amount) else None

    funds = (Fund.GENERAL_BUDGET, Fund.GOVERNMENT_FUND, Fund.STATE_CAPITAL)
    left: list[tuple[str, Value]] = [
        ("一、一般公共预算财政拨款", flow(Fund.GENERAL_BUDGET, "revenue")),
        ("二、政府性基金预算财政拨款", flow(Fund.GOVERNMENT_FUND, "revenue")),
        ("三、国有资本经营预算财政拨款", flow(Fund.STATE_CAPITAL, "revenue")),
    ]
    tail_left: list[tuple[str, Value]] = [
        ("本年收入合计", f.revenue_total if f is not None else None),
        ("年初财政拨款结转和结余", f.opening_balance if f is not None else None),
        ("一般公共预算财政拨款", flow(Fund.GENERAL_BUDGET, "opening")),
        ("政府性基金预算财政拨款", flow(Fund.GOVERNMENT_FUND, "opening")),
        ("国有资本经营预算财政拨款", flow(Fund.STATE_CAPITAL, "opening")),
        ("总计", f.grand_total if f is not None else None),
    ]
    by_fund = {
        Fund.GENERAL_BUDGET: {c.code.code: c.amount for c in (g.classes if g is not None else ())},
        Fund.GOVERNMENT_FUND: _class_amounts(d.government_fund),
        Fund.STATE_CAPITAL: _class_amounts(d.state_capital),
    }
    names: dict[str, str | None] = {}
    for c in g.classes if g is not None else ():
        names[c.code.code] = c.name
    for spending in (d.government_fund, d.state_capital):
        for line in spending.lines if spending is not None else ():
            if len(line.code.code) == 3:
                names.setdefault(line.code.code, line.name)
    right: list[tuple[str, tuple[Value, ...]]] = []
    for code in sorted(names):
        values = tuple(by_fund[fund].get(code) for fund in funds)
        present = [v for v in values if v is not None]
        single = present[0] if len(present) == 1 else None
        right.append(
            (names[code] or _code_cells(FunctionCode(code), None, d.year)[3] or code, (single, *values))
        )
    tail_right: list[tuple[str, tuple[Value, ...]]] = [
        (
            "本年支出合计",
            (f.expenditure_total if f is not None else None, *(flow(x, "expenditure") for x in funds)),
        ),
        (
            "年末财政拨款结转和结余",
            (f.closing_balance if f is not None else None, *(flow(x, "closing") for x in funds)),
        ),
        ("总计", (f.grand_total if f is not None else None, None, None, None)),
    ]
    height = max(len(left), len(right))
    left += [("", None)] * (height - len(left))
    right += [("", (None,) * 4)] * (height - len(right))
    tail_right = [("", (None,) * 4)] * (len(tail_left) - len(tail_right)) + tail_right
    rows = []
    for i, ((ln, lv), (rn, rv)) in enumerate(zip(left + tail_left, right + tail_right, strict=True)):
        rows.append(Row((ln, lv, rn, *rv), "total" if i >= height else "line"))
    header = (
        (Cell("收入", 2), Cell("支出", 5)),
        (
            Cell("项目"),
            Cell("金额"),
            Cell("项目"),
            Cell("合计"),
            Cell("一般公共预算财政拨款"),
            Cell("政府性基金预算财政拨款"),
            Cell("国有资本经营预算财政拨款"),
        ),
    )
    table = Table(number, "财政拨款收入支出决算总表", d.department, header, tuple(rows), year=d.year)
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


def _t6(d: Disclosure, number: str, title: str = "一般公共预算财政拨款支出决算表") -> Table:
    g, b = d.general_budget, d.basic_expenditure
    total = (g.total if g is not None else None, b.total if b is not None else None, None)
    return _function_table(
        number,
        title,
        d,
        [[Cell("本年支出", 3)], [Cell("小计"), Cell("基本支出"), Cell("项目支出")]],
        total,
        _gpb_lines(d),
        [_amount, _attr("basic"), _attr("project")],
        "一般公共预算财政拨款支出",
        g is not None and _stated_zero(g.total),
    )


def _t8(d: Disclosure, number: str) -> Table:
    """基本支出决算表: 人员经费 and 公用经费 blocks side by side (科目编码 | 科目名称 | 决算数)."""
    b = d.basic_expenditure
    blocks: dict[BasicExpensePart, list[tuple[str, str, Value]]] = {p: [] for p in BasicExpensePart}
    for line in b.lines if b is not None else ():
        part = line.code.basic_expense_part
        if part is None:
            continue
        name = line.name
        if not name:
            try:
                name = line.code.name(d.year)
            except BudgetAcctError:
                name = ""
        blocks[part].append((line.code.code, name, line.amount))
    personnel, public = blocks[BasicExpensePart.PERSONNEL], blocks[BasicExpensePart.PUBLIC]
    height = max(len(personnel), len(public))
    personnel += [("", "", None)] * (height - len(personnel))
    public += [("", "", None)] * (height - len(public))
    rows = [Row((*p, *q)) for p, q in zip(personnel, public, strict=True)]
    rows.append(
        Row(
            (
                "人员经费合计",
                "",
                b.personnel if b is not None else None,
                "公用经费合计",
                "",
                b.public if b is not None else None,
            ),
            "total",
        )
    )
    header = (
        (Cell("人员经费", 3), Cell("公用经费", 3)),
        (
            Cell("科目编码"),
            Cell("科目名称"),
            Cell("决算数"),
            Cell("科目编码"),
            Cell("科目名称"),
            Cell("决算数"),
        ),
    )
    table = Table(
        number, "一般公共预算财政拨款基本支出决算表", d.department, header, tuple(rows), year=d.year
    )
    return _finish(table, "一般公共预算财政拨款基本支出", d.year, b is not None and _stated_zero(b.total))


def _three_public_table(d: Disclosure, number: str, title: str, fund_empty: str, use_data: bool) -> Table:
    """“三公”经费 table; the GF version (``use_data=False``) has no figures in a Disclosure."""
    tp = d.three_public if use_data else None
    if use_data:
        zero = tp is not None and _stated_zero(tp.total.actual) and not tp.total.budget
    else:  # no government-fund spending at all means no government-fund 三公 either
        gf = d.government_fund
        zero = gf is not None and _stated_zero(gf.total)

    def block(get: Callable[[BudgetedFigure], Amount | None]) -> tuple[Value, ...]:
        if tp is None:
            return (None,) * 6
        return tuple(
            get(f)
            for f in (
                tp.total,
                tp.outbound,
                tp.vehicles,
                tp.vehicle_purchase,
                tp.vehicle_operation,
                tp.reception,
            )
        )

    header = (
        (Cell("预算数", 6), Cell("决算数", 6)),
        (
            *(
                Cell(h, s)
                for h, s in (
                    ("合计", 1),
                    ("因公出国（境）费", 1),
                    ("公务用车购置及运行维护费", 3),
                    ("公务接待费", 1),
                )
            ),
        )
        * 2,
        (Cell(""), Cell(""), Cell("小计"), Cell("公务用车购置费"), Cell("公务用车运行维护费"), Cell("")) * 2,
    )
    row = Row((*block(lambda f: f.budget), *block(lambda f: f.actual)))
    table = Table(number, title, d.department, header, (row,), year=d.year)
    return _finish(table, fund_empty, d.year, zero)


def _fund_table(
    d: Disclosure, number: str, title: str, f: FundSpending | None, empty: str, *, with_balances: bool
) -> Table:
    lines = f.lines if f is not None else ()
    if with_balances:
        heads = [
            [Cell("年初结转和结余"), Cell("本年收入"), Cell("本年支出", 3), Cell("年末结转和结余")],
            [Cell(""), Cell(""), Cell("小计"), Cell("基本支出"), Cell("项目支出"), Cell("")],
        ]
        total: tuple[Value, ...] = (
            f.opening_balance if f is not None else None,
            f.revenue if f is not None else None,
            f.total if f is not None else None,
            None,
            None,
            f.closing_balance if f is not None else None,
        )
        columns = [
            lambda _: None,
            lambda _: None,
            _amount,
            _attr("basic"),
            _attr("project"),
            lambda _: None,
        ]
    else:
        heads = [[Cell("本年支出", 3)], [Cell("合计"), Cell("基本支出"), Cell("项目支出")]]
        total = (f.total if f is not None else None, None, None)
        columns = [_amount, _attr("basic"), _attr("project")]
    zero = (
        f is not None and _stated_zero(f.total) and not (f.revenue or f.opening_balance or f.closing_balance)
    )
    return _function_table(number, title, d, heads, total, lines, columns, empty, zero)


def _detail_table(
    d: Disclosure, number: str, title: str, total: Amount | None, lines: Iterable[FunctionLine]
) -> Table:
    """Sichuan 明细表 (function × economic class): the 合计 column only — the disclosure has no cross-tab."""
    econ = (
        "工资福利支出",
        "商品和服务支出",
        "对个人和家庭的补助",
        "债务利息及费用支出",
        "资本性支出（基本建设）",
        "资本性支出",
        "对企业补助（基本建设）",
        "对企业补助",
        "对社会保障基金补助",
        "其他支出",
    )
    columns: list[Callable[[FunctionLine], Value]] = [_amount, *(lambda _: None for _ in econ)]
    return _function_table(
        number,
        title,
        d,
        [[Cell("合计"), *(Cell(h) for h in econ)]],
        (total, *(None for _ in econ)),
        lines,
        columns,
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
        "一般公共预算财政拨款项目支出决算表",
        d,
        [[Cell("项目支出")]],
        (None,),
        lines,
        [_attr("project")],
        "一般公共预算财政拨款项目支出",
        zero,
    )


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


def _gpb_rows(d: Disclosure) -> tuple[FunctionLine, ...]:
    return _gpb_lines(d)


TABLE_SETS: Final[Mapping[str, tuple[TableBuilder, ...]]] = {
    "mof-9": (
        _t1,
        _t2,
        _t3,
        _t4,
        _t6,
        _t8,
        lambda d, n: _three_public_table(d, n, "一般公共预算财政拨款“三公”经费支出决算表", _TP_EMPTY, True),
        lambda d, n: _fund_table(
            d, n, "政府性基金预算财政拨款收入支出决算表", d.government_fund, _GF_EMPTY, with_balances=True
        ),
        lambda d, n: _fund_table(
            d, n, "国有资本经营预算财政拨款支出决算表", d.state_capital, _SOE_EMPTY, with_balances=False
        ),
    ),
    "sichuan-14": (
        _t1,
        _t2,
        _t3,
        _t4,
        lambda d, n: _detail_table(
            d, n, "财政拨款支出决算明细表", d.fiscal.expenditure_total if d.fiscal is not None else None, ()
        ),
        _t6,
        lambda d, n: _detail_table(
            d,
            n,
            "一般公共预算财政拨款支出决算明细表",
            d.general_budget.total if d.general_budget is not None else None,
            _gpb_rows(d),
        ),
        _t8,
        _project_table,
        lambda d, n: _three_public_table(d, n, "一般公共预算财政拨款“三公”经费支出决算表", _TP_EMPTY, True),
        lambda d, n: _fund_table(
            d, n, "政府性基金预算财政拨款收入支出决算表", d.government_fund, _GF_EMPTY, with_balances=True
        ),
        lambda d, n: _three_public_table(
            d,
            n,
            "政府性基金预算财政拨款“三公”经费支出决算表",
            "使用政府性基金预算财政拨款安排的“三公”经费支出",
            False,
        ),
        lambda d, n: _fund_table(
            d,
            n,
            "国有资本经营预算财政拨款收入支出决算表",
            d.state_capital,
            "国有资本经营预算财政拨款收入，也没有使用国有资本经营预算财政拨款安排的支出",
            with_balances=True,
        ),
        lambda d, n: _fund_table(
            d, n, "国有资本经营预算财政拨款支出决算表", d.state_capital, _SOE_EMPTY, with_balances=False
        ),
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
