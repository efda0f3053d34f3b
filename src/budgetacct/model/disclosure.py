"""The figures of a 部门决算公开 report *as published*: rounded, possibly partial, possibly wrong.

A :class:`Disclosure` mirrors the sections of the 决算说明 and the standard tables.  Every
section is optional, because real reports omit sections; every figure is kept exactly as
printed (``Amount("739")`` and ``Amount("739.00")`` are the same number but keep their digits),
so that the audit can say which printed figure is wrong.  Nothing here checks cross-figure
identities: that is the job of :func:`~budgetacct.auditing.audit`.

>>> from budgetacct import Amount, Percent
>>> revenue = Revenue(
...     total=Amount("830.63"),
...     lines=(
...         SourceLine(RevenueSource.GENERAL_BUDGET, Amount("739"), Percent("88.96")),
...         SourceLine(RevenueSource.OTHER, Amount("0.13"), Percent("0.02")),
...     ),
... )
>>> revenue.get(RevenueSource.OTHER).amount
Amount('0.13')
>>> revenue.get(RevenueSource.STATE_CAPITAL) is None
True
"""

from __future__ import annotations

import html as _html
from typing import Any

import attrs

from budgetacct.codes import EconomicCode, FunctionCode
from budgetacct.model import _fields as v
from budgetacct.model.enums import ExpenditureKind, Fund, RevenueSource
from budgetacct.model.performance import Performance
from budgetacct.model.tables import StandardTable
from budgetacct.money import Amount, Change, Direction, Percent

__all__ = [
    "Assets",
    "BasicExpenditure",
    "BudgetedFigure",
    "Count",
    "Disclosure",
    "EconomicLine",
    "Expenditure",
    "Fiscal",
    "FiscalRevenueLine",
    "FunctionLine",
    "FundFlow",
    "FundSpending",
    "GeneralBudget",
    "KindLine",
    "OperatingCosts",
    "Overview",
    "PartChange",
    "Procurement",
    "Revenue",
    "RevenueRow",
    "SourceLine",
    "Staffing",
    "StatedChange",
    "ThreePublic",
    "ThreePublicCounts",
    "UnitStaffing",
]


# Field shorthands: the attrs mypy plugin reads these as defaults, attrs as field definitions.
def _percent() -> Any:
    return attrs.field(default=None, validator=v.optional_percent)


def change_field() -> Any:
    """A :class:`StatedChange`, or ``None`` (the default): a change as a report (决算 or budget) states it."""
    return v.optional_instance_field(StatedChange, "变动（StatedChange）", "a StatedChange")


@attrs.frozen
class StatedChange:
    """A change as the report words it: “减少19.37万元，下降2.17%”, “与2020年持平”.

    ``amount`` and ``rate`` are the printed magnitudes (reports print no minus sign: the word
    carries the direction).  ``previous`` is the comparison figure when the report (or its chart)
    states it; otherwise the audit infers it from ``amount``.
    """

    direction: Direction = attrs.field(validator=v.enum_of(Direction))
    amount: Amount | None = v.optional_amount_field()
    rate: Percent | None = _percent()
    previous: Amount | None = v.optional_amount_field()

    @classmethod
    def flat(cls, previous: Amount | None = None) -> StatedChange:
        """“持平”."""
        return cls(Direction.FLAT, previous=previous)

    @classmethod
    def between(cls, previous: Amount, current: Amount) -> StatedChange:
        """The change from ``previous`` to ``current`` as a report words it, from the two figures as
        printed: its direction, and the magnitudes of its difference and rate unless it is flat.

        >>> change = StatedChange.between(Amount("894"), Amount("874.63"))
        >>> change.direction, change.amount, change.rate
        (<Direction.DECREASE: '减少'>, Amount('19.37'), Percent('2.17'))
        """
        change = Change(previous, current)
        if change.direction is Direction.FLAT:
            return cls(Direction.FLAT, previous=previous)
        rate = change.rate
        return cls(
            change.direction, abs(change.difference), None if rate is None else abs(rate), previous=previous
        )


@attrs.frozen
class SourceLine:
    """One revenue source in the 收入 breakdown, with its printed share (“占88.96%”)."""

    source: RevenueSource = attrs.field(validator=v.enum_of(RevenueSource))
    amount: Amount = attrs.field(validator=v.non_negative_amount)
    share: Percent | None = _percent()


@attrs.frozen
class PartChange:
    """The change of one part of a total, printed after the total's own change: “其中：事业收入
    增加974.61万元” (a revenue source), “教育支出增加52,499.75万元” (a 类, with its ``code``)."""

    name: str = attrs.field(validator=v.text)
    change: StatedChange = attrs.field(
        validator=v.instance(StatedChange, "变动（StatedChange）", "a StatedChange")
    )
    code: FunctionCode | None = v.optional_field(
        v.instance(FunctionCode, "功能分类科目编码", "a FunctionCode")
    )


def _part_changes() -> Any:
    return v.tuple_field(PartChange, "分项变动（PartChange）", "a PartChange")


@attrs.frozen
class FiscalRevenueLine:
    """财政拨款收入 printed as one line of the 收入 breakdown (the three fiscal sources together)."""

    amount: Amount = attrs.field(validator=v.non_negative_amount)
    share: Percent | None = _percent()


@attrs.frozen
class KindLine:
    """One kind of spending in the 支出 breakdown (基本支出 …), with its printed share."""

    kind: ExpenditureKind = attrs.field(validator=v.enum_of(ExpenditureKind))
    amount: Amount = attrs.field(validator=v.non_negative_amount)
    share: Percent | None = _percent()


@attrs.frozen
class FunctionLine:
    """A row keyed by a 功能分类 code (类, 款 or 项), as in the narrative or a table.

    ``amount`` is the row's total (决算数).  The optional columns are the splits the various
    tables print: by kind (T3: 基本/项目/上缴上级/经营/对附属单位补助; T6: 基本/项目), the budget
    and 完成预算% of the narrative's item list, and the share in a structure sentence.
    ``versus_budget`` is the item's stated comparison with its budget (“决算数大于年初预算数”:
    ``Direction.INCREASE``; “小于”: ``DECREASE``; “等于/持平”: ``FLAT``), kept as worded so that
    the audit can test the word against the two printed figures (R99).
    ``name`` is the name *as printed*; ``parent_names`` the printed names of its 类 and 款
    (“一般公共服务（201）政府办公厅（室）及相关机构事务（03）: 行政运行（01）”).
    """

    code: FunctionCode = attrs.field(validator=v.instance(FunctionCode, "功能分类科目编码", "a FunctionCode"))
    amount: Amount = attrs.field(validator=v.non_negative_amount)
    name: str | None = v.optional_text_field()
    parent_names: tuple[str, ...] = v.tuple_field(str, "科目名称", "a name")
    share: Percent | None = _percent()
    budget: Amount | None = v.optional_amount_field()
    completion: Percent | None = _percent()
    basic: Amount | None = v.optional_amount_field()
    project: Amount | None = v.optional_amount_field()
    remittance: Amount | None = v.optional_amount_field()
    business: Amount | None = v.optional_amount_field()
    affiliate_subsidy: Amount | None = v.optional_amount_field()
    versus_budget: StatedChange | None = change_field()
    #: The change against last year's 决算数 (“比2022年度决算数增长0.39%”).
    change: StatedChange | None = change_field()

    def kind_split(self) -> dict[ExpenditureKind, Amount]:
        """The printed kind columns, without the ones not printed."""
        columns = {
            ExpenditureKind.BASIC: self.basic,
            ExpenditureKind.PROJECT: self.project,
            ExpenditureKind.REMITTANCE: self.remittance,
            ExpenditureKind.BUSINESS: self.business,
            ExpenditureKind.AFFILIATE_SUBSIDY: self.affiliate_subsidy,
        }
        return {kind: value for kind, value in columns.items() if value is not None}


@attrs.frozen
class RevenueRow:
    """A row of 收入决算表 (T2): one 功能分类 code with its income by source."""

    code: FunctionCode = attrs.field(validator=v.instance(FunctionCode, "功能分类科目编码", "a FunctionCode"))
    total: Amount = attrs.field(validator=v.non_negative_amount)
    name: str | None = v.optional_text_field()
    fiscal: Amount | None = v.optional_amount_field()
    superior_subsidy: Amount | None = v.optional_amount_field()
    operations: Amount | None = v.optional_amount_field()
    business: Amount | None = v.optional_amount_field()
    affiliated_remittance: Amount | None = v.optional_amount_field()
    other: Amount | None = v.optional_amount_field()

    def sources(self) -> tuple[Amount, ...]:
        """The printed source columns."""
        columns = (
            self.fiscal,
            self.superior_subsidy,
            self.operations,
            self.business,
            self.affiliated_remittance,
            self.other,
        )
        return tuple(c for c in columns if c is not None)


@attrs.frozen
class EconomicLine:
    """A 经济分类 row (T8 基本支出 by economic code)."""

    code: EconomicCode = attrs.field(
        validator=v.instance(EconomicCode, "经济分类科目编码", "an EconomicCode")
    )
    amount: Amount = attrs.field(validator=v.non_negative_amount)
    name: str | None = v.optional_text_field()


@attrs.frozen
class Overview:
    """§一 收入支出决算总体情况 and the bottom rows of 收入支出决算总表 (T1).

    “收、支总计各为874.63万元” gives both grand totals the same figure.
    """

    revenue_grand_total: Amount | None = v.optional_amount_field()
    expenditure_grand_total: Amount | None = v.optional_amount_field()
    change: StatedChange | None = change_field()
    non_fiscal_balance_used: Amount | None = v.optional_amount_field()
    opening_balance: Amount | None = v.optional_amount_field()
    surplus_distribution: Amount | None = v.optional_amount_field()
    closing_balance: Amount | None = v.optional_amount_field()


@attrs.frozen
class Revenue:
    """§二 收入决算情况: 本年收入合计 and its sources, plus 收入决算表 (T2) rows when published."""

    total: Amount | None = v.optional_amount_field()
    lines: tuple[SourceLine, ...] = v.tuple_field(SourceLine, "收入来源行", "a SourceLine")
    change: StatedChange | None = change_field()
    rows: tuple[RevenueRow, ...] = v.tuple_field(RevenueRow, "收入决算表行", "a RevenueRow")
    #: “财政拨款收入X，占Y%” printed as one line of the breakdown: the three 财政拨款 sources
    #: together, which the report does not split (their lines are then not in ``lines``).
    fiscal: FiscalRevenueLine | None = v.section_field(
        FiscalRevenueLine, "财政拨款收入行（FiscalRevenueLine）"
    )
    #: The change of each source, printed after the total's (“其中：财政拨款收入增加…”).
    part_changes: tuple[PartChange, ...] = _part_changes()

    def get(self, source: RevenueSource) -> SourceLine | None:
        """The line of ``source``, or ``None`` when the report does not state it."""
        return next((line for line in self.lines if line.source is source), None)


@attrs.frozen
class Expenditure:
    """§三 支出决算情况: 本年支出合计 by kind; T1's 类 rows (``classes``); T3 rows (``rows``)."""

    total: Amount | None = v.optional_amount_field()
    lines: tuple[KindLine, ...] = v.tuple_field(KindLine, "支出类型行", "a KindLine")
    change: StatedChange | None = change_field()
    classes: tuple[FunctionLine, ...] = v.tuple_field(FunctionLine, "功能分类行", "a FunctionLine")
    rows: tuple[FunctionLine, ...] = v.tuple_field(FunctionLine, "功能分类行", "a FunctionLine")
    #: The change of each 类, printed after the total's (“其中：教育支出增加…”).
    part_changes: tuple[PartChange, ...] = _part_changes()

    def get(self, kind: ExpenditureKind) -> KindLine | None:
        return next((line for line in self.lines if line.kind is kind), None)


@attrs.frozen
class FundFlow:
    """One fiscal fund's row of 财政拨款收入支出决算总表 (T4): 年初 + 本年收入 = 本年支出 + 年末."""

    fund: Fund = attrs.field(validator=v.enum_of(Fund))
    opening: Amount | None = v.optional_amount_field()
    revenue: Amount | None = v.optional_amount_field()
    expenditure: Amount | None = v.optional_amount_field()
    closing: Amount | None = v.optional_amount_field()


@attrs.frozen
class Fiscal:
    """§四 财政拨款收入支出决算总体情况 and T4 totals."""

    grand_total: Amount | None = v.optional_amount_field()
    change: StatedChange | None = change_field()
    revenue_total: Amount | None = v.optional_amount_field()
    expenditure_total: Amount | None = v.optional_amount_field()
    opening_balance: Amount | None = v.optional_amount_field()
    closing_balance: Amount | None = v.optional_amount_field()
    funds: tuple[FundFlow, ...] = v.tuple_field(FundFlow, "财政拨款分资金行", "a FundFlow")
    #: The 项 lines of a 财政拨款支出决算表说明 (every fiscal fund together, unlike
    #: ``GeneralBudget.items``): “1.小学教育（2050202），2023年度决算数为7,970.38万元，…”.
    items: tuple[FunctionLine, ...] = v.tuple_field(FunctionLine, "功能分类行", "a FunctionLine")
    #: The year's fiscal spending by kind (“财政拨款支出…，其中基本支出X，占Y%；项目支出…”).
    lines: tuple[KindLine, ...] = v.tuple_field(KindLine, "支出类型行", "a KindLine")

    def get(self, fund: Fund) -> FundFlow | None:
        return next((flow for flow in self.funds if flow.fund is fund), None)


@attrs.frozen
class GeneralBudget:
    """§五 一般公共预算财政拨款支出: 总体 (total, share, change), 结构 (by 类), 具体 (by 项), and T6.

    The total is quoted three times in the seed (§五(一), (二), (三)); each quote is kept so a
    mismatch between them can be reported (R59).

    ``items_complete`` is ``False`` when the report prints 具体情况 items that ``items`` lacks (a
    reader could not read them): each item is still checked on its own, but no sum is taken over
    the list (R9, R40), since a sum over part of it would be a false error.
    """

    total: Amount | None = v.optional_amount_field()
    share: Percent | None = _percent()
    change: StatedChange | None = change_field()
    structure_total: Amount | None = v.optional_amount_field()
    classes: tuple[FunctionLine, ...] = v.tuple_field(FunctionLine, "功能分类行", "a FunctionLine")
    detail_total: Amount | None = v.optional_amount_field()
    detail_budget: Amount | None = v.optional_amount_field()
    detail_completion: Percent | None = _percent()
    items: tuple[FunctionLine, ...] = v.tuple_field(FunctionLine, "功能分类行", "a FunctionLine")
    rows: tuple[FunctionLine, ...] = v.tuple_field(FunctionLine, "功能分类行", "a FunctionLine")
    items_complete: bool = attrs.field(default=True, validator=v.boolean)


@attrs.frozen
class BasicExpenditure:
    """§六 一般公共预算财政拨款基本支出 = 人员经费 + 公用经费, with T8's economic rows."""

    total: Amount | None = v.optional_amount_field()
    personnel: Amount | None = v.optional_amount_field()
    public: Amount | None = v.optional_amount_field()
    lines: tuple[EconomicLine, ...] = v.tuple_field(EconomicLine, "经济分类行", "an EconomicLine")


@attrs.frozen(kw_only=True)
class ThreePublicCounts:
    """What the report states beside the “三公” amounts: the 团组, 人次, 车辆 and 批次 counts, and
    ``foreign_included_in_domestic``, the form in which 外事接待 is reported inside 国内公务接待
    rather than beside it.  The narrative (:class:`ThreePublic`) and the ledger
    (:class:`~budgetacct.model.ledger.ThreePublicAccount`) hold the same counts.  They are
    keyword-only, so that the figures of those classes keep their positions in the constructor.
    """

    foreign_included_in_domestic: bool = attrs.field(default=False, validator=v.boolean)
    outbound_groups: int | None = v.optional_field(v.count)
    outbound_people: int | None = v.optional_field(v.count)
    vehicles_purchased: int | None = v.optional_field(v.count)
    vehicles_held: int | None = v.optional_field(v.count)
    domestic_batches: int | None = v.optional_field(v.count)
    domestic_people: int | None = v.optional_field(v.count)
    foreign_batches: int | None = v.optional_field(v.count)
    foreign_people: int | None = v.optional_field(v.count)

    def counts(self) -> dict[str, Any]:
        """These fields by name, to copy them into the other document's “三公” figures."""
        return {field.name: getattr(self, field.name) for field in attrs.fields(ThreePublicCounts)}


@attrs.frozen
class BudgetedFigure:
    """A 三公 figure: 决算数 with 预算数, 完成预算%, the comparison with budget and with last year."""

    actual: Amount | None = v.optional_amount_field()
    budget: Amount | None = v.optional_amount_field()
    completion: Percent | None = _percent()
    versus_budget: StatedChange | None = change_field()
    change: StatedChange | None = change_field()


def _figure() -> Any:
    return v.nested_field(BudgetedFigure, "三公经费数（BudgetedFigure）", "a BudgetedFigure")


@attrs.frozen
class ThreePublic(ThreePublicCounts):
    """§七 “三公”经费 and T10: 因公出国（境）费, 公务用车购置及运行维护费, 公务接待费, with the counts
    (:class:`ThreePublicCounts`).
    """

    total: BudgetedFigure = _figure()
    outbound: BudgetedFigure = _figure()
    vehicles: BudgetedFigure = _figure()
    vehicle_purchase: BudgetedFigure = _figure()
    vehicle_operation: BudgetedFigure = _figure()
    reception: BudgetedFigure = _figure()
    domestic_reception: BudgetedFigure = _figure()
    foreign_reception: BudgetedFigure = _figure()


@attrs.frozen
class FundSpending:
    """§八 政府性基金 / §九 国有资本经营: spending, its lines, and the T11/T13 carry-forward columns."""

    total: Amount | None = v.optional_amount_field()
    change: StatedChange | None = change_field()
    lines: tuple[FunctionLine, ...] = v.tuple_field(FunctionLine, "功能分类行", "a FunctionLine")
    opening_balance: Amount | None = v.optional_amount_field()
    revenue: Amount | None = v.optional_amount_field()
    closing_balance: Amount | None = v.optional_amount_field()


@attrs.frozen
class OperatingCosts:
    """§十(一) 机关运行经费, with its change from last year."""

    amount: Amount | None = v.optional_amount_field()
    change: StatedChange | None = change_field()


@attrs.frozen
class Procurement:
    """§十(二) 政府采购: total = 货物 + 工程 + 服务; contracts awarded to SMEs and small/micro firms."""

    total: Amount | None = v.optional_amount_field()
    goods: Amount | None = v.optional_amount_field()
    works: Amount | None = v.optional_amount_field()
    services: Amount | None = v.optional_amount_field()
    sme: Amount | None = v.optional_amount_field()
    sme_share: Percent | None = _percent()
    small_micro: Amount | None = v.optional_amount_field()
    small_micro_share: Percent | None = _percent()
    #: 面向中小企业（小微企业）预留政府采购项目预算金额: the budget of the projects reserved for them.
    sme_reserved: Amount | None = v.optional_amount_field()
    small_micro_reserved: Amount | None = v.optional_amount_field()
    #: Awarded to them (“由中小企业供应商中标或成交的，采购金额…”) in the reserved projects and,
    #: for SMEs, in the other projects.
    sme_reserved_awarded: Amount | None = v.optional_amount_field()
    small_micro_reserved_awarded: Amount | None = v.optional_amount_field()
    sme_other_awarded: Amount | None = v.optional_amount_field()


@attrs.frozen
class Count:
    """A counted category (“主要领导干部用车0辆”, “公务员8名”)."""

    category: str = attrs.field(validator=v.text)
    count: int = attrs.field(validator=v.count)


def _counts() -> Any:
    return v.tuple_field(Count, "计数（Count）", "a Count")


@attrs.frozen
class Assets:
    """§十(三) 国有资产占有使用: vehicles by category and high-value equipment counts."""

    vehicles_total: int | None = v.optional_field(v.count)
    vehicles: tuple[Count, ...] = _counts()
    general_equipment: int | None = v.optional_field(v.count)
    special_equipment: int | None = v.optional_field(v.count)
    as_of: str | None = v.optional_text_field()
    #: “单价100万元（含）以上设备（不含车辆）N台（套）”: equipment of any kind at or above the
    #: printed unit price (``equipment_threshold``), not split into 通用 and 专用.
    equipment: int | None = v.optional_field(v.count)
    equipment_threshold: Amount | None = v.optional_amount_field()


@attrs.frozen
class UnitStaffing:
    """编制 and 实有人数 of one unit, each with its printed breakdown, and retirees."""

    name: str = attrs.field(validator=v.text)
    authorized: int | None = v.optional_field(v.count)
    authorized_by_category: tuple[Count, ...] = _counts()
    actual: int | None = v.optional_field(v.count)
    actual_by_category: tuple[Count, ...] = _counts()
    retired: int | None = v.optional_field(v.count)


@attrs.frozen
class Staffing:
    """第一部分 机构设置: staffing of each unit and the department totals stated elsewhere."""

    units: tuple[UnitStaffing, ...] = v.tuple_field(
        UnitStaffing, "单位人员（UnitStaffing）", "a UnitStaffing"
    )
    total_authorized: int | None = v.optional_field(v.count)
    total_actual: int | None = v.optional_field(v.count)
    total_retired: int | None = v.optional_field(v.count)


# The fields of a Disclosure that are not one of its report sections.
_NOT_SECTIONS = frozenset({"year", "department", "template", "units", "tables", "table_set", "headings"})


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


# repr=False: the attrs repr spells out every figure (some 18,000 characters for the seed); the
# short one names the report and what it holds, and budgetacct.io.dump writes everything.
@attrs.frozen(repr=False)
class Disclosure:
    """A published final-accounts report, section by section; every section may be missing.

    ``meeting_costs`` and ``training_costs`` hold 会议费 and 培训费 where the report states them (in or
    beside the “三公” section, as many do): each a :class:`BudgetedFigure` like a 三公 figure, with
    its budget, 完成预算% and changes, audited the same way but not part of the 三公 total.

    ``units`` lists the money units the report printed its figures in, when known (a reader of
    published text records them; amounts are always held in 万元).  More than one is a finding.

    ``tables`` holds the standard tables as published (:mod:`budgetacct.model.tables`), beside
    the narrative sections: a figure printed in both is held in both, and the audit compares
    the printings.  ``table_set`` names the set of tables the report's template publishes
    (``"mof-9"``, ``"sichuan-14"`` … — :data:`~budgetacct.model.table_specs.TABLE_SETS`).

    Its ``repr`` is one line naming the report and the sections and tables it holds;
    :func:`budgetacct.io.dump` writes every figure.

    >>> d = Disclosure(year=2021, department="示例部门")
    >>> d.revenue is None
    True
    >>> d
    <Disclosure 示例部门 2021 · no sections · no tables>
    """

    year: int = attrs.field(validator=v.year)
    department: str = attrs.field(validator=v.text)
    template: str | None = v.optional_text_field()
    overview: Overview | None = v.section_field(Overview, "收支总体情况（Overview）")
    revenue: Revenue | None = v.section_field(Revenue, "收入情况（Revenue）")
    expenditure: Expenditure | None = v.section_field(Expenditure, "支出情况（Expenditure）")
    fiscal: Fiscal | None = v.section_field(Fiscal, "财政拨款情况（Fiscal）")
    general_budget: GeneralBudget | None = v.section_field(GeneralBudget, "一般公共预算支出（GeneralBudget）")
    basic_expenditure: BasicExpenditure | None = v.section_field(
        BasicExpenditure, "基本支出（BasicExpenditure）"
    )
    three_public: ThreePublic | None = v.section_field(ThreePublic, "“三公”经费（ThreePublic）")
    government_fund: FundSpending | None = v.section_field(FundSpending, "政府性基金支出（FundSpending）")
    state_capital: FundSpending | None = v.section_field(FundSpending, "国有资本经营支出（FundSpending）")
    operating_costs: OperatingCosts | None = v.section_field(OperatingCosts, "机关运行经费（OperatingCosts）")
    procurement: Procurement | None = v.section_field(Procurement, "政府采购（Procurement）")
    assets: Assets | None = v.section_field(Assets, "国有资产（Assets）")
    staffing: Staffing | None = v.section_field(Staffing, "人员（Staffing）")
    performance: Performance | None = v.section_field(Performance, "绩效（Performance）")
    #: 会议费 and 培训费, which many reports state in or beside §七 (“会议费支出3.5万元，比上年减少
    #: 1.2万元”): the record of a 三公 figure, but no part of the 三公 total.
    meeting_costs: BudgetedFigure | None = v.section_field(BudgetedFigure, "会议费（BudgetedFigure）")
    training_costs: BudgetedFigure | None = v.section_field(BudgetedFigure, "培训费（BudgetedFigure）")
    units: tuple[str, ...] = v.tuple_field(str, "金额单位", "a unit name")
    tables: tuple[StandardTable, ...] = v.tuple_field(
        StandardTable, "标准表（StandardTable）", "a StandardTable"
    )
    table_set: str | None = v.optional_text_field()
    #: The headings the narrative prints with a year (“一、2024年度收入支出决算总体情况说明”),
    #: as printed: R100 checks that the year is the report's own.
    headings: tuple[str, ...] = v.tuple_field(str, "标题", "a heading")

    def __repr__(self) -> str:
        present = [f.name for f in attrs.fields(Disclosure) if f.name not in _NOT_SECTIONS]
        present = [name for name in present if getattr(self, name) is not None]
        if not present:
            sections = "no sections"
        else:
            names = ", ".join(present[:3]) + (", …" if len(present) > 3 else "")
            sections = f"{_plural(len(present), 'section')}: {names}"
        tables = _plural(len(self.tables), "table") if self.tables else "no tables"
        if self.table_set is not None:
            tables += f" ({self.table_set})"
        return f"<Disclosure {self.department} {self.year} · {sections} · {tables}>"

    def _repr_html_(self) -> str:
        """The 决算说明 rendered from this disclosure (Jupyter's rich display)."""
        # Imported here: rendering sits above the model, and only a notebook asks for HTML.
        from budgetacct.render.narrative import render_narrative

        title = f"<h1>{_html.escape(self.department)} {self.year}年度部门决算</h1>"
        return title + render_narrative(self).html()

    def check(self) -> tuple[Any, ...]:
        """Every finding of every registered rule on this disclosure (see :func:`~budgetacct.auditing.audit`)."""
        from budgetacct.auditing import audit

        return audit(self).findings

    def validated(self) -> Disclosure:
        """This disclosure, or :class:`~budgetacct.errors.InvariantError` listing every error finding."""
        from budgetacct.auditing import audit

        report = audit(self)
        report.raise_for_errors()
        return self
