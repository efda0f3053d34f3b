"""Rules on a budget's own figures (R80–R85, R88–R91): totals, splits, inequalities, targets, changes.

Each rule reads the budget's 预算编制说明 sections and skips what the report does not state.
Where an identity holds only in some layouts it is stated as the inequality it is: a unit with
事业收入 plans 财政拨款 below its 总计, so 财政拨款 ≤ 总计, never 财政拨款 = 总计.
"""

from __future__ import annotations

from decimal import Decimal
from operator import attrgetter
from typing import Any, Final

import attrs

from budgetacct.auditing.check import Checker
from budgetacct.auditing.rules._common import BUDGET_THREE_PUBLIC_FIGURES
from budgetacct.auditing.rules.budget_common import budget_of
from budgetacct.codes import BasicExpensePart
from budgetacct.model.disclosure import StatedChange
from budgetacct.model.enums import FISCAL_FUNDS, RevenueSource, Severity
from budgetacct.money import Direction

_BUDGET: Final = "预算"


@attrs.frozen
class _Sum:
    """``whole`` = Σ ``parts``: fields (dotted where nested, ``total.amount``) of one budget section."""

    whole: str
    parts: tuple[str, ...]
    zh: str
    en: str


def _check_sums(c: Checker, section: str, sums: tuple[_Sum, ...]) -> Any:
    """Check ``sums`` on the budget's ``section``; give the section (``None`` where there is none)."""
    b = budget_of(c)
    found = None if b is None else getattr(b, section)
    if found is not None:
        for s in sums:
            parts = [attrgetter(part)(found) for part in s.parts]
            c.equal(f"$.{section}.{s.whole}", attrgetter(s.whole)(found), parts, s.zh, s.en)
    return found


_GRAND_TOTALS: Final = (
    _Sum(
        "expenditure_grand_total",
        ("revenue_grand_total",),
        "支出总计与收入总计不符",
        "the expenditure grand total differs from the revenue grand total",
    ),
    _Sum(
        "revenue_grand_total",
        ("revenue_total", "non_fiscal_balance_used", "carried_forward"),
        "收入总计与本年收入、使用非财政拨款结余、上年结转之和不符",
        "the revenue grand total differs from this year's revenue + non-fiscal balance used + carried forward",
    ),
    _Sum(
        "expenditure_grand_total",
        ("expenditure_total", "carry_to_next"),
        "支出总计与本年支出、结转下年之和不符",
        "the expenditure grand total differs from this year's spending + carried to next year",
    ),
)
_BASIC_PLUS_PROJECT: Final = (
    _Sum(
        "total",
        ("basic", "project"),
        "支出预算与基本支出、项目支出之和不符",
        "the spending budget differs from basic + project spending",
    ),
)
_PERSONNEL_PLUS_PUBLIC: Final = (
    _Sum(
        "total",
        ("personnel", "public"),
        "基本支出预算与人员经费、公用经费之和不符",
        "the basic spending budget differs from personnel + public costs",
    ),
)
_THREE_PUBLIC_SUMS: Final = (
    _Sum(
        "total.amount",
        ("outbound.amount", "vehicles.amount", "reception.amount"),
        "“三公”经费预算与三项之和不符",
        "the 三公 budget differs from the sum of its three parts",
    ),
    _Sum(
        "vehicles.amount",
        ("vehicle_purchase.amount", "vehicle_operation.amount"),
        "公务用车购置及运行费预算与购置费、运行费之和不符",
        "the vehicle budget differs from purchase + operation",
    ),
)


def budget_grand_totals(c: Checker) -> None:
    """收入总计 = 支出总计; 收入总计 = 本年收入 + 使用非财政拨款结余 + 上年结转; 支出总计 = 本年支出 + 结转下年."""
    _check_sums(c, "overview", _GRAND_TOTALS)


def budget_revenue_sources(c: Checker) -> None:
    """本年收入 = Σ 各来源 (the fiscal part as its funds, or as 财政拨款收入 where the funds are not
    listed); 财政拨款收入 = Σ 各财政拨款资金."""
    b = budget_of(c)
    if b is None or b.revenue is None or not b.revenue.lines:
        return
    r = b.revenue
    fiscal = [line for line in r.lines if line.source.is_fiscal]
    others = [line.amount for line in r.lines if not line.source.is_fiscal]
    parts = [line.amount for line in fiscal] if fiscal else [r.fiscal]
    # 财政专户管理资金收入 is a source of its own beside the lines (Jiangsu and other provinces).
    special = [r.special_account] if r.special_account is not None else []
    c.equal(
        "$.revenue.total",
        r.total,
        [*parts, *others, *special],
        "收入预算与各来源之和不符",
        "the revenue budget differs from its sources",
    )
    c.equal_to_lines(
        "$.revenue.fiscal",
        r.fiscal,
        fiscal,
        "财政拨款收入与各财政拨款资金之和不符",
        "fiscal revenue differs from the sum of its funds",
    )


def budget_basic_plus_project(c: Checker) -> None:
    """支出预算 合计 = 基本支出 + 项目支出, in total and on every 功能分类 row that prints the split."""
    e = _check_sums(c, "expenditure", _BASIC_PLUS_PROJECT)
    if e is None:
        return
    for i, row in enumerate(e.rows):
        c.equal(
            f"$.expenditure.rows[{i}].amount",
            row.amount,
            [row.basic, row.project],
            f"{row.code.code}{row.name or ''}：合计与基本支出、项目支出之和不符",
            f"{row.code.code}: the total differs from basic + project",
        )


def budget_personnel_plus_public(c: Checker) -> None:
    """基本支出 = 人员经费 + 公用经费; each equals its economic classes."""
    basic = _check_sums(c, "basic_expenditure", _PERSONNEL_PLUS_PUBLIC)
    if basic is None:
        return
    for part, path, value in (
        (BasicExpensePart.PERSONNEL, "personnel", basic.personnel),
        (BasicExpensePart.PUBLIC, "public", basic.public),
    ):
        lines = [line for line in basic.lines if line.code.basic_expense_part is part]
        c.equal_to_lines(
            f"$.basic_expenditure.{path}",
            value,
            lines,
            f"{part.value}与其经济分类科目之和不符",
            f"{path} costs differ from the sum of their economic classes",
        )


def budget_three_public_parts(c: Checker) -> None:
    """“三公” = 出国 + 车 + 接待; 车 = 购置 + 运行."""
    _check_sums(c, "three_public", _THREE_PUBLIC_SUMS)


def budget_fund_figures(c: Checker) -> None:
    """财政拨款支出预算 = Σ funds; the 一般公共预算 figure quoted twice agrees."""
    b = budget_of(c)
    if b is None or b.fiscal is None:
        return
    f = b.fiscal
    c.equal(
        "$.fiscal.total",
        f.total,
        [line.amount for line in f.funds] if f.funds else [None],
        "财政拨款支出预算与各资金之和不符",
        "the fiscal spending budget differs from the sum of its funds",
    )
    general = f.get(FISCAL_FUNDS[0])
    if b.general_budget is not None and general is not None:
        c.equal(
            "$.general_budget.total",
            b.general_budget.total,
            [general.amount],
            "一般公共预算支出与财政拨款中的一般公共预算拨款不符",
            "the general-budget spending differs from its figure among the fiscal funds",
        )


def budget_inequalities(c: Checker) -> None:
    """The parts that may fall short of their whole, but never exceed it."""
    b = budget_of(c)
    if b is None:
        return
    checks = []
    if b.revenue is not None:
        checks.append(("$.revenue.fiscal", b.revenue.fiscal, b.revenue.total, "财政拨款收入", "本年收入"))
    if b.fiscal is not None and b.expenditure is not None:
        checks.append(("$.fiscal.total", b.fiscal.total, b.expenditure.total, "财政拨款支出", "本年支出"))
    if b.basic_expenditure is not None and b.expenditure is not None:
        checks.append(
            (
                "$.basic_expenditure.total",
                b.basic_expenditure.total,
                b.expenditure.basic,
                "一般公共预算基本支出",
                "基本支出",
            )
        )
    if b.procurement is not None:
        p = b.procurement
        checks.append(("$.procurement.sme", p.sme, p.total, "面向中小企业预留", "政府采购预算"))
        checks.append(
            ("$.procurement.small_micro", p.small_micro, p.sme, "面向小微企业预留", "面向中小企业预留")
        )
    for path, part, whole, part_name, whole_name in checks:
        c.not_above(path, part, whole, f"{part_name}超过{whole_name}", f"{part_name} exceeds {whole_name}")


def budget_targets(c: Checker) -> None:
    """绩效目标 money ≤ 项目支出; the listed projects add up to it and number as stated."""
    b = budget_of(c)
    if b is None or b.targets is None:
        return
    t = b.targets
    project = b.expenditure.project if b.expenditure is not None else None
    c.not_above(
        "$.targets.amount",
        t.amount,
        project,
        "编报绩效目标的项目资金超过项目支出预算",
        "targeted money exceeds project spending",
    )
    if t.lines:
        c.equal_to_lines(
            "$.targets.amount",
            t.amount,
            t.lines,
            "绩效目标项目资金与所列项目之和不符",
            "targeted money differs from its projects",
        )
        if t.projects is not None and t.projects != len(t.lines):
            c.fail(
                "$.targets.projects",
                f"编报绩效目标的项目数为{t.projects}个，但列出{len(t.lines)}个",
                f"{t.projects} projects with targets stated, {len(t.lines)} listed",
                expected=len(t.lines),
                actual=t.projects,
            )


def _changes(c: Checker) -> list[tuple[str, object, StatedChange | None, str]]:
    b = budget_of(c)
    if b is None:
        return []
    found: list[tuple[str, object, StatedChange | None, str]] = []
    if b.revenue is not None:
        found.append(("$.revenue.change", b.revenue.total, b.revenue.change, "收入预算"))
        found.append(
            ("$.revenue.fiscal_change", b.revenue.fiscal, b.revenue.fiscal_change, "财政拨款收入预算")
        )
        general, other = (
            b.revenue.get(source) for source in (RevenueSource.GENERAL_BUDGET, RevenueSource.OTHER)
        )
        found += [
            (
                "$.revenue.general_budget_change",
                general.amount if general else None,
                b.revenue.general_budget_change,
                "一般公共预算收入预算",
            ),
            (
                "$.revenue.other_change",
                other.amount if other else None,
                b.revenue.other_change,
                "其他收入预算",
            ),
            (
                "$.revenue.special_account_change",
                b.revenue.special_account,
                b.revenue.special_account_change,
                "财政专户管理资金收入预算",
            ),
        ]
    if b.expenditure is not None:
        found.append(("$.expenditure.change", b.expenditure.total, b.expenditure.change, "支出预算"))
    if b.fiscal is not None:
        found.append(("$.fiscal.change", b.fiscal.total, b.fiscal.change, "财政拨款支出预算"))
        for i, fund in enumerate(b.fiscal.funds):
            found.append(
                (f"$.fiscal.funds[{i}].change", fund.amount, fund.change, f"{fund.fund.value}支出预算")
            )
    if b.general_budget is not None:
        found.append(
            ("$.general_budget.change", b.general_budget.total, b.general_budget.change, "一般公共预算支出")
        )
    if b.three_public is not None:
        for name in BUDGET_THREE_PUBLIC_FIGURES:
            figure = getattr(b.three_public, name)
            found.append(
                (f"$.three_public.{name}.change", figure.amount, figure.change, f"“三公”经费（{name}）")
            )
    if b.operating_costs is not None:
        found.append(
            (
                "$.operating_costs.change",
                b.operating_costs.amount,
                b.operating_costs.change,
                "机关运行经费预算",
            )
        )
    return found


def budget_changes(c: Checker) -> None:
    """Each change against last year's budget: amount, rate and direction word."""
    from budgetacct.money import Amount

    for path, current, stated, name in _changes(c):
        c.change(
            path,
            current if isinstance(current, Amount) else None,
            stated,
            f"{name}较上年预算的变动",
            f"{name}: the change against last year's budget",
        )


#: Templates that require the reasons of every change of the fiscal budget and of 三公 (Shanghai);
#: elsewhere a change of ``LARGE_CHANGE`` % or more needs its reason.
_EVERY_CHANGE_EXPLAINED: Final = frozenset({"shanghai-budget-9"})
LARGE_CHANGE: Final = Decimal(10)


def budget_change_reasons(c: Checker) -> None:
    """A change the template asks to explain carries its reason (主要原因是…)."""
    b = budget_of(c)
    if b is None:
        return
    every = (b.template or b.table_set) in _EVERY_CHANGE_EXPLAINED
    explained: list[tuple[str, StatedChange | None, str | None, str]] = []
    if b.fiscal is not None:
        explained.append(("$.fiscal.reason", b.fiscal.change, b.fiscal.reason, "财政拨款支出预算"))
    if b.three_public is not None:
        for name in ("outbound", "vehicle_purchase", "vehicle_operation", "reception"):
            figure = getattr(b.three_public, name)
            explained.append((f"$.three_public.{name}.reason", figure.change, figure.reason, "“三公”经费"))
    for path, change, reason, name in explained:
        if change is None or change.direction is Direction.FLAT or reason:
            continue
        if change.amount is not None and not change.amount.value:
            continue  # “比上年减少0万元”: nothing changed, so there is nothing to explain
        large = change.rate is None or change.rate.value >= LARGE_CHANGE
        if every or large:
            c.emit(
                Severity.WARNING,
                path,
                f"{name}较上年预算{change.direction.value}，未说明原因",
                f"{name} changed against last year's budget without a stated reason",
                expected="原因 / a reason",
                actual="无 / none",
            )
