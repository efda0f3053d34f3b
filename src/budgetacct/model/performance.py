"""Performance management as published: 项目支出绩效自评表 and the department's claims.

Indicator values are kept as the printed text (``target="3次以上"``); their typed reading is
:func:`budgetacct.model.indicators.parse_indicator_value`, applied by the audit and by
:meth:`Indicator.evaluation`, so that nothing printed is ever lost or normalised away.

>>> from budgetacct import Amount
>>> ind = Indicator("完成指标", "数量指标", "参加业务培训", "3次以上", "3次")
>>> ind.evaluation().outcome.value
'达成'
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

from budgetacct.model import _fields as v
from budgetacct.money import Amount

if TYPE_CHECKING:  # pragma: no cover
    from budgetacct.model.evaluation import Evaluation

__all__ = ["FundingSplit", "Indicator", "Performance", "ProjectEvaluation"]


@attrs.frozen
class FundingSplit:
    """预算数 or 执行数 of a project: the total and its 财政拨款 / 其他资金 parts (R47)."""

    total: Amount | None = v.optional_field(v.non_negative_amount)
    fiscal: Amount | None = v.optional_field(v.non_negative_amount)
    other: Amount | None = v.optional_field(v.non_negative_amount)


@attrs.frozen
class Indicator:
    """One row of 年度绩效指标完成情况: 一级, 二级, 三级 (name), target, actual, optional scoring.

    Labels are stored as printed (“完成指标”, “社会效益  指标”); the hierarchy maps them.
    """

    level1: str = attrs.field(validator=v.text)
    level2: str = attrs.field(validator=v.text)
    name: str = attrs.field(validator=v.text)
    target: str = attrs.field(validator=v.text)
    actual: str | None = v.optional_text_field()
    weight: Decimal | None = v.optional_field(v.decimal_number)
    score: Decimal | None = v.optional_field(v.decimal_number)
    deviation_reason: str | None = v.optional_text_field()

    def evaluation(self) -> Evaluation:
        """Met / not met / not measurable, by the direction the indicator's 二级 label implies."""
        from budgetacct.model.evaluation import evaluate
        from budgetacct.model.indicator_hierarchy import DEFAULT_HIERARCHY

        direction = DEFAULT_HIERARCHY.classify(self.level1, self.level2).direction
        return evaluate(self.target, self.actual if self.actual is not None else "", direction=direction)


@attrs.frozen
class ProjectEvaluation:
    """A 项目支出绩效自评表 (one project's self-evaluation)."""

    name: str = attrs.field(validator=v.text)
    department: str | None = v.optional_text_field()
    implementing_unit: str | None = v.optional_text_field()
    budget: FundingSplit = v.nested_field(FundingSplit, "资金构成（FundingSplit）", "a FundingSplit")
    executed: FundingSplit = v.nested_field(FundingSplit, "资金构成（FundingSplit）", "a FundingSplit")
    goal_expected: str | None = v.optional_text_field()
    goal_actual: str | None = v.optional_text_field()
    indicators: tuple[Indicator, ...] = v.tuple_field(Indicator, "绩效指标（Indicator）", "an Indicator")
    execution_weight: Decimal | None = v.optional_field(v.decimal_number)
    execution_score: Decimal | None = v.optional_field(v.decimal_number)
    total_score: Decimal | None = v.optional_field(v.decimal_number)
    grade: str | None = v.optional_text_field()


@attrs.frozen
class Performance:
    """§十(四) 预算绩效管理情况 and the attachments: counts, claims, and the self-evaluation tables.

    The claims are the narrative's statements that can be checked against the tables:
    “预算能够全部完成” (``claims_fully_executed``), “资金无结余” (``claims_no_balance``),
    “预算无动态调整” (``claims_no_adjustment``).
    """

    projects_assessed: int | None = v.optional_field(v.count)
    projects_with_targets: int | None = v.optional_field(v.count)
    projects_monitored: int | None = v.optional_field(v.count)
    projects_self_evaluated: int | None = v.optional_field(v.count)
    evaluations: tuple[ProjectEvaluation, ...] = v.tuple_field(
        ProjectEvaluation, "项目自评表（ProjectEvaluation）", "a ProjectEvaluation"
    )
    claims_fully_executed: bool | None = v.optional_field(v.boolean)
    claims_no_balance: bool | None = v.optional_field(v.boolean)
    claims_no_adjustment: bool | None = v.optional_field(v.boolean)
    overall_rating: str | None = v.optional_text_field()
    #: The budget those projects involve (“编报绩效目标的项目4个，涉及预算金额598.42万元”).
    targets_amount: Amount | None = v.optional_amount_field()
    monitored_amount: Amount | None = v.optional_amount_field()
    self_evaluated_amount: Amount | None = v.optional_amount_field()
