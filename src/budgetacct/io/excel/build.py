"""From the draft to a :class:`~budgetacct.model.disclosure.Disclosure`.

类 rows that the 总表s print by name only get their code from the coded tables, else from the
year's catalogue (:func:`class_code`); a row without a code or without an amount is left out and
noted.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any, Final, TypeVar

from budgetacct.codes import FunctionCode
from budgetacct.io.excel.draft import Draft
from budgetacct.model import disclosure as dm
from budgetacct.model.enums import FISCAL_FUNDS, ExpenditureKind, Fund, RevenueSource
from budgetacct.model.section_tables import THREE_PUBLIC_FIELDS
from budgetacct.money import Amount

__all__ = ["build", "class_code"]

_Row = TypeVar("_Row", dm.FunctionLine, dm.RevenueRow)


def class_code(r: Draft, label: str, year: int) -> str | None:
    """The 类 code of a row that the 总表s print by name only."""
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


def _lines(r: Draft, section: str, year: int) -> tuple[dm.FunctionLine, ...]:
    for label, value, where in r.pending_classes.get(section, ()):
        code = class_code(r, label, year)
        if code is None:
            r.notes.append(
                f"{where}：找不到“{label}”的科目编码，此行未导入 | no function code for {label!r}; row not imported"
            )
            continue
        r.row(section, code, {"amount": value, "name": label}, where)
    return _stated_rows(
        r,
        section,
        dm.FunctionLine,
        "amount",
        lambda where, code: f"{where}：{code} 没有金额，此行未导入 | {code} has no amount; row not imported",
    )


def _stated_rows(
    r: Draft, section: str, kind: type[_Row], required: str, missing: Callable[[str, str], str]
) -> tuple[_Row, ...]:
    """The rows of ``section`` that state ``required``; the others are noted (``missing(where, code)``)."""
    rows = []
    for code, fields in r.rows.get(section, {}).items():
        values = {name: value for name, (value, _) in fields.items()}
        if required not in values:
            where = next(iter(fields.values()))[1] if fields else section
            r.notes.append(missing(where, code))
            continue
        rows.append(kind(code=FunctionCode(code), **values))
    return tuple(sorted(rows, key=lambda row: row.code.code))


def _fields(r: Draft, section: str, names: Sequence[str]) -> dict[str, Any]:
    return {name: r.get(section, name) for name in names if r.get(section, name) is not None}


_CARRIED: Final = (("opening_balance", "opening"), ("revenue", "revenue"), ("closing_balance", "closing"))


def build(r: Draft, year: int, department: str) -> dm.Disclosure:
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
        dm.SourceLine(source, r.get("revenue_line", source.name))
        for source in RevenueSource
        if r.get("revenue_line", source.name) is not None
    )
    revenue_rows = _stated_rows(
        r,
        "revenue.rows",
        dm.RevenueRow,
        "total",
        lambda _, code: f"收入决算表 {code} 没有本年收入合计，此行未导入 | revenue row {code} has no total",
    )
    fiscal_total = r.get("revenue_fiscal_total")
    # compared only beside a full split: the 高等学校 总表 prints 财政拨款收入 with 其中：政府性基金 only
    full = any(line.source is RevenueSource.GENERAL_BUDGET for line in source_lines)
    stated = [line.amount for line in source_lines if line.source.is_fiscal] if full else []
    # each printed figure is rounded on its own: the sum may be off by half a cent a figure
    allowance = Decimal("0.005") * (len(stated) + 1)
    if fiscal_total is not None and stated and abs((sum(stated, Amount(0)) - fiscal_total).value) > allowance:
        r.notes.append(
            f"收入决算表的财政拨款收入 {fiscal_total} 与总表各项财政拨款收入之和 {sum(stated, Amount(0))} 不一致 | "
            "the fiscal revenue of 收入决算表 differs from the sum of the fiscal sources"
        )
    revenue = (
        dm.Revenue(total=r.get("revenue", "total"), lines=source_lines, rows=revenue_rows)
        if r.has("revenue") or source_lines or revenue_rows
        else None
    )
    kind_lines = tuple(
        dm.KindLine(kind, r.get("kind_line", kind.name))
        for kind in ExpenditureKind
        if r.get("kind_line", kind.name) is not None
    )
    exp_classes = _lines(r, "expenditure.classes", year)
    exp_rows = _lines(r, "expenditure.rows", year)
    expenditure = (
        dm.Expenditure(
            total=r.get("expenditure", "total"), lines=kind_lines, classes=exp_classes, rows=exp_rows
        )
        if r.has("expenditure") or kind_lines or exp_classes or exp_rows
        else None
    )
    flows = []
    for fund in FISCAL_FUNDS:
        flow = {
            name: r.get("flow", fund.name, name) for name in ("opening", "revenue", "expenditure", "closing")
        }
        if any(v is not None for v in flow.values()):
            flows.append(dm.FundFlow(fund, **flow))
    fiscal_fields = _fields(
        r,
        "fiscal",
        ("grand_total", "revenue_total", "expenditure_total", "opening_balance", "closing_balance"),
    )
    fiscal = dm.Fiscal(**fiscal_fields, funds=tuple(flows)) if fiscal_fields or flows else None
    gb_classes = _lines(r, "general_budget.classes", year)
    gb_rows = _lines(r, "general_budget.rows", year)
    general_budget = (
        dm.GeneralBudget(total=r.get("general_budget", "total"), classes=gb_classes, rows=gb_rows)
        if r.has("general_budget") or gb_classes or gb_rows
        else None
    )
    basic_fields = _fields(r, "basic_expenditure", ("total", "personnel", "public"))
    basic = (
        dm.BasicExpenditure(**basic_fields, lines=tuple(r.economic)) if basic_fields or r.economic else None
    )
    three_public = None
    if r.has("three_public"):
        figures: dict[str, Any] = {
            name: dm.BudgetedFigure(
                actual=r.get("three_public", name, "actual"), budget=r.get("three_public", name, "budget")
            )
            for name in THREE_PUBLIC_FIELDS.values()
        }
        three_public = dm.ThreePublic(**figures)
    funds: dict[str, dm.FundSpending | None] = {}
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
            funds[section] = dm.FundSpending(**section_fields, lines=lines)
        else:
            funds[section] = None
    return dm.Disclosure(
        year=year,
        department=department,
        overview=dm.Overview(**overview) if overview else None,
        revenue=revenue,
        expenditure=expenditure,
        fiscal=fiscal,
        general_budget=general_budget,
        basic_expenditure=basic,
        three_public=three_public,
        government_fund=funds["government_fund"],
        state_capital=funds["state_capital"],
    )
