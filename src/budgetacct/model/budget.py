"""The figures of a 部门预算 (or 单位预算) report *as published*: rounded, possibly partial.

A :class:`Budget` is to the spring budget report what :class:`~budgetacct.model.disclosure.Disclosure`
is to the 决算 a year later: the sections of the 预算编制说明 and the standard tables, every section
optional, every figure kept as printed.  Parts that mean the same thing in both reports are the
same classes (:class:`~budgetacct.model.disclosure.SourceLine`, ``EconomicLine``,
``BasicExpenditure``, ``OperatingCosts``, ``Procurement``, ``Assets``, ``StatedChange``,
:class:`~budgetacct.model.tables.StandardTable`).  Where the budget differs the types say so: a
budget prints no actuals and no completion rates, so its 三公 figures are :class:`PlannedFigure`
(an amount and its change against last year's budget) rather than ``BudgetedFigure``, and its
function rows are :class:`PlannedLine` (no 决算数, no 完成预算%).  Every change it states is
against the *previous year's budget* (“比2024年预算增加107.62万元”).

>>> from budgetacct import Amount
>>> b = Budget(year=2025, department="示例局", expenditure=BudgetExpenditure(
...     total=Amount("100"), basic=Amount("60"), project=Amount("40")))
>>> b.level
<BudgetLevel.DEPARTMENT: '部门预算'>
>>> b.expenditure.total
Amount('100')
"""

from __future__ import annotations

import enum
import html as _html
from typing import Any

import attrs

from budgetacct.codes import FunctionCode
from budgetacct.model import _fields as v
from budgetacct.model.disclosure import (
    Assets,
    BasicExpenditure,
    OperatingCosts,
    Procurement,
    SourceLine,
    StatedChange,
    change_field,
)
from budgetacct.model.enums import Fund, RevenueSource
from budgetacct.model.tables import StandardTable
from budgetacct.money import Amount, Direction

__all__ = [
    "BUDGET_SOURCES",
    "Budget",
    "BudgetExpenditure",
    "BudgetFiscal",
    "BudgetGeneral",
    "BudgetLevel",
    "BudgetOverview",
    "BudgetRevenue",
    "BudgetThreePublic",
    "ChangeFactor",
    "FundBudget",
    "PerformanceTargets",
    "PlannedFigure",
    "PlannedLine",
    "TargetedProject",
]

#: The revenue sources a budget plans (the 收入预算总表's columns): 财政拨款 by fund, 事业收入,
#: 事业单位经营收入 and 其他收入.  上级补助 and 附属单位上缴 are not budgeted in these templates.
BUDGET_SOURCES: tuple[RevenueSource, ...] = (
    RevenueSource.GENERAL_BUDGET,
    RevenueSource.GOVERNMENT_FUND,
    RevenueSource.STATE_CAPITAL,
    RevenueSource.OPERATIONS,
    RevenueSource.BUSINESS,
    RevenueSource.OTHER,
)


class BudgetLevel(enum.Enum):
    """Whose budget: a department's (部门预算, it and its units) or one unit's (单位预算)."""

    DEPARTMENT = "部门预算"
    UNIT = "单位预算"


@attrs.frozen
class PlannedFigure:
    """A budgeted figure with its change against the previous year's budget and the stated reason."""

    amount: Amount | None = v.optional_amount_field()
    change: StatedChange | None = change_field()
    reason: str | None = v.optional_text_field()


@attrs.frozen
class ChangeFactor:
    """A figure the reason for a change names, with its direction: “这一因素较上年减少部门支出
    1,653万元”, “增加部门预算1,464.3万元” (the factors need not add up to the change: a reason names
    the main ones)."""

    direction: Direction = attrs.field(validator=v.enum_of(Direction))
    amount: Amount = attrs.field(validator=v.non_negative_amount)
    #: The clause that names it, as printed.
    text: str = attrs.field(validator=v.text)


def _planned() -> Any:
    return v.nested_field(PlannedFigure, "预算数（PlannedFigure）", "a PlannedFigure")


@attrs.frozen
class PlannedLine:
    """A 功能分类 row of a budget (类, 款 or 项): the amount planned, split 基本 / 项目 where printed,
    and the change against last year's budget where the narrative states one."""

    code: FunctionCode = attrs.field(validator=v.instance(FunctionCode, "功能分类科目编码", "a FunctionCode"))
    amount: Amount = attrs.field(validator=v.non_negative_amount)
    name: str | None = v.optional_text_field()
    basic: Amount | None = v.optional_amount_field()
    project: Amount | None = v.optional_amount_field()
    #: The change against last year's budget printed with the line (“与上年相比增加2,915.22万元”).
    change: StatedChange | None = change_field()
    #: Last year's budget as executed, where the narrative states it (Shanghai: “2023年当年预算执行数为
    #: 54.60万元，2024年预算安排53.84万元”).
    executed: Amount | None = v.optional_amount_field()
    #: The figures the reason for the change names (Jiangsu: “主要原因是…这一因素较上年减少部门支出
    #: 1,653万元。同时，…增加部门预算1,464.3万元”).
    factors: tuple[ChangeFactor, ...] = v.tuple_field(ChangeFactor, "变动原因中的数字", "a ChangeFactor")


@attrs.frozen
class BudgetOverview:
    """收支总体情况: 收入总计 = 本年收入 + 使用非财政拨款结余 + 上年结转 = 支出总计 = 本年支出 + 结转下年."""

    revenue_grand_total: Amount | None = v.optional_amount_field()
    expenditure_grand_total: Amount | None = v.optional_amount_field()
    revenue_total: Amount | None = v.optional_amount_field()
    expenditure_total: Amount | None = v.optional_amount_field()
    non_fiscal_balance_used: Amount | None = v.optional_amount_field()
    carried_forward: Amount | None = v.optional_amount_field()
    carry_to_next: Amount | None = v.optional_amount_field()
    change: StatedChange | None = change_field()


@attrs.frozen
class BudgetRevenue:
    """收入预算: the year's planned income by source; ``fiscal`` is 财政拨款收入 (the funds together)."""

    total: Amount | None = v.optional_amount_field()
    fiscal: Amount | None = v.optional_amount_field()
    lines: tuple[SourceLine, ...] = v.tuple_field(SourceLine, "收入来源行", "a SourceLine")
    change: StatedChange | None = change_field()
    fiscal_change: StatedChange | None = change_field()
    #: The change of the 一般公共预算 revenue line (“一般公共预算收入预算…，与上年相比增加…”).
    general_budget_change: StatedChange | None = change_field()
    #: The change of the 其他收入 line (Jiangsu: “其他资金收入预算总计14.39万元。与上年相比减少0.61万元”).
    other_change: StatedChange | None = change_field()
    #: 财政专户管理资金收入: non-tax income (教育收费 and other fees) held in the treasury's special
    #: account, planned beside 财政拨款 and 其他收入 in the budgets of Jiangsu, Zhejiang, Guangdong and
    #: other provinces (“财政专户管理资金收入预算总计0万元，与上年相比无变化”), and its change.
    special_account: Amount | None = v.optional_amount_field()
    special_account_change: StatedChange | None = change_field()

    def get(self, source: RevenueSource) -> SourceLine | None:
        return next((line for line in self.lines if line.source is source), None)


@attrs.frozen
class BudgetExpenditure:
    """支出预算: the year's planned spending, 基本 + 项目, and its 功能分类 rows (支出预算总表)."""

    total: Amount | None = v.optional_amount_field()
    basic: Amount | None = v.optional_amount_field()
    project: Amount | None = v.optional_amount_field()
    change: StatedChange | None = change_field()
    rows: tuple[PlannedLine, ...] = v.tuple_field(PlannedLine, "功能分类行", "a PlannedLine")
    basic_change: StatedChange | None = change_field()
    project_change: StatedChange | None = change_field()
    #: 单位预留机动经费 (Jiangsu): spending held back for the year, beside 基本 and 项目.
    reserve: Amount | None = v.optional_amount_field()
    reserve_change: StatedChange | None = change_field()


@attrs.frozen
class FundBudget:
    """One fiscal fund's spending budget (一般公共预算拨款支出预算 …), with its change."""

    fund: Fund = attrs.field(validator=v.enum_of(Fund))
    amount: Amount | None = v.optional_amount_field()
    change: StatedChange | None = change_field()


@attrs.frozen
class BudgetFiscal:
    """财政拨款支出预算 by fund, its change against last year's budget and the stated reasons."""

    total: Amount | None = v.optional_amount_field()
    change: StatedChange | None = change_field()
    funds: tuple[FundBudget, ...] = v.tuple_field(FundBudget, "分资金预算（FundBudget）", "a FundBudget")
    reason: str | None = v.optional_text_field()
    #: 财政拨款基本支出 (人员经费 + 公用经费) where the report states it apart from the 一般公共预算's.
    basic: BasicExpenditure | None = v.section_field(BasicExpenditure, "财政拨款基本支出（BasicExpenditure）")
    #: 财政拨款支出 by 功能分类 where the narrative lists it (a university's “其中教育支出…”).
    rows: tuple[PlannedLine, ...] = v.tuple_field(PlannedLine, "功能分类行", "a PlannedLine")

    def get(self, fund: Fund) -> FundBudget | None:
        return next((line for line in self.funds if line.fund is fund), None)


@attrs.frozen
class BudgetGeneral:
    """一般公共预算支出: the total and the listed 项 (“1.“一般公共服务支出（类）…（项）”1,623.18万元”)."""

    total: Amount | None = v.optional_amount_field()
    change: StatedChange | None = change_field()
    items: tuple[PlannedLine, ...] = v.tuple_field(PlannedLine, "功能分类行", "a PlannedLine")
    items_complete: bool = attrs.field(default=True, validator=v.boolean)


@attrs.frozen
class BudgetThreePublic:
    """“三公”经费预算: 因公出国（境）费, 公务用车购置及运行费 (购置 + 运行), 公务接待费."""

    total: PlannedFigure = _planned()
    outbound: PlannedFigure = _planned()
    vehicles: PlannedFigure = _planned()
    vehicle_purchase: PlannedFigure = _planned()
    vehicle_operation: PlannedFigure = _planned()
    reception: PlannedFigure = _planned()


@attrs.frozen
class TargetedProject:
    """A project with 绩效目标 and the money it plans."""

    name: str = attrs.field(validator=v.text)
    amount: Amount = attrs.field(validator=v.non_negative_amount)


@attrs.frozen
class PerformanceTargets:
    """绩效目标设置情况: “编报绩效目标的项目共4个，涉及项目预算资金598.46万元。其中：…”."""

    projects: int | None = v.optional_field(v.count)
    amount: Amount | None = v.optional_amount_field()
    lines: tuple[TargetedProject, ...] = v.tuple_field(
        TargetedProject, "绩效目标项目（TargetedProject）", "a TargetedProject"
    )
    #: The money under the department's 整体支出绩效目标 (targets for the whole budget, not per
    #: project): “本部门实行整体支出绩效目标管理，涉及财政性资金合计37188.34万元” (Jiangsu 2019).
    overall_amount: Amount | None = v.optional_amount_field()


@attrs.frozen
class Budget:
    """A published budget report (部门预算公开 or 单位预算公开), section by section.

    ``previous_year`` is the year the stated changes compare with (the previous year's budget).
    ``tables`` holds the standard tables as printed and ``table_set`` names the set
    (:data:`~budgetacct.model.budget_specs.BUDGET_TABLE_SETS`); ``asset_purchases`` is what the
    budget plans to buy (vehicles by use, large equipment), ``assets`` what is held.
    """

    year: int = attrs.field(validator=v.year)
    department: str = attrs.field(validator=v.text)
    level: BudgetLevel = attrs.field(default=BudgetLevel.DEPARTMENT, validator=v.enum_of(BudgetLevel))
    template: str | None = v.optional_text_field()
    overview: BudgetOverview | None = v.section_field(BudgetOverview, "收支预算总体情况（BudgetOverview）")
    revenue: BudgetRevenue | None = v.section_field(BudgetRevenue, "收入预算（BudgetRevenue）")
    expenditure: BudgetExpenditure | None = v.section_field(
        BudgetExpenditure, "支出预算（BudgetExpenditure）"
    )
    fiscal: BudgetFiscal | None = v.section_field(BudgetFiscal, "财政拨款支出预算（BudgetFiscal）")
    general_budget: BudgetGeneral | None = v.section_field(BudgetGeneral, "一般公共预算支出（BudgetGeneral）")
    basic_expenditure: BasicExpenditure | None = v.section_field(
        BasicExpenditure, "基本支出（BasicExpenditure）"
    )
    three_public: BudgetThreePublic | None = v.section_field(
        BudgetThreePublic, "“三公”经费预算（BudgetThreePublic）"
    )
    operating_costs: OperatingCosts | None = v.section_field(OperatingCosts, "机关运行经费（OperatingCosts）")
    procurement: Procurement | None = v.section_field(Procurement, "政府采购预算（Procurement）")
    assets: Assets | None = v.section_field(Assets, "国有资产（Assets）")
    asset_purchases: Assets | None = v.section_field(Assets, "预算安排购置资产（Assets）")
    targets: PerformanceTargets | None = v.section_field(PerformanceTargets, "绩效目标（PerformanceTargets）")
    #: 会议费 and 培训费 budgeted from the 一般公共预算 (Jiangsu prints them beside 三公).
    meeting_costs: PlannedFigure | None = v.section_field(PlannedFigure, "会议费（PlannedFigure）")
    training_costs: PlannedFigure | None = v.section_field(PlannedFigure, "培训费（PlannedFigure）")
    units: tuple[str, ...] = v.tuple_field(str, "金额单位", "a unit name")
    tables: tuple[StandardTable, ...] = v.tuple_field(
        StandardTable, "标准表（StandardTable）", "a StandardTable"
    )
    table_set: str | None = v.optional_text_field()

    @property
    def previous_year(self) -> int:
        return self.year - 1

    def _repr_html_(self) -> str:
        """The 预算编制说明 rendered from this budget (Jupyter's rich display)."""
        # Imported here: rendering sits above the model, and only a notebook asks for HTML.
        from budgetacct.render.budget_narrative import render_budget_narrative

        kind = "单位预算" if self.level is BudgetLevel.UNIT else "部门预算"
        title = f"<h1>{_html.escape(self.department)} {self.year}年{kind}</h1>"
        return title + render_budget_narrative(self).html()

    def check(self) -> tuple[Any, ...]:
        """Every finding of every budget rule on this budget (see :func:`budgetacct.audit`)."""
        from budgetacct.auditing import audit

        return audit(self).findings

    def validated(self) -> Budget:
        """This budget, or :class:`~budgetacct.errors.InvariantError` listing every error finding."""
        from budgetacct.auditing import audit

        audit(self).raise_for_errors()
        return self
