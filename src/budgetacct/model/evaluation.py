"""Evaluating an indicator: whether an actual value meets its target (R50), and why.

:func:`evaluate` answers met / not met / not measurable with the reason in Chinese and English;
:func:`infer_direction` gives the direction a target implies when the hierarchy gives none.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Final

import attrs

from budgetacct._bilingual import Bilingual
from budgetacct.errors import InvalidValue
from budgetacct.model import indicator_text as vocab
from budgetacct.model.indicator_hierarchy import Direction
from budgetacct.model.indicator_text import Operator
from budgetacct.model.indicator_values import DateBound, IndicatorValue, Qualitative, Quantity, _value
from budgetacct.money import Amount

__all__ = ["Evaluation", "Outcome", "evaluate", "infer_direction"]


class Outcome(Bilingual):
    """The result of comparing an actual value with its target.

    >>> Outcome.NOT_MEASURABLE.english
    'not measurable'
    """

    MET = "达成", "met"
    NOT_MET = "未达成", "not met"
    NOT_MEASURABLE = "无法衡量", "not measurable"


@attrs.frozen
class Evaluation:
    """The outcome of one indicator, why, and the direction actually used.

    >>> e = evaluate("100%", "已完成")
    >>> e.outcome.value, e.reason_en
    ('无法衡量', 'the target is a number but the actual value is a statement; it cannot be measured')
    """

    outcome: Outcome
    reason_zh: str
    reason_en: str
    direction: Direction | None = None
    target: IndicatorValue | None = attrs.field(default=None, repr=False)
    actual: IndicatorValue | None = attrs.field(default=None, repr=False)

    def __str__(self) -> str:
        return f"{self.outcome.value}：{self.reason_zh}"


_DONE: Final = frozenset(
    {
        "已完成", "完成", "全部完成", "已全部完成", "顺利完成", "圆满完成", "按时完成", "已按时完成", "按期完成",
        "如期完成", "按计划完成", "已按计划完成", "达成", "已达成", "达到", "已达到", "达到预期", "达成预期",
        "达到预期目标", "达成预期目标", "达到预期指标", "达成预期指标", "达到目标", "实现", "已实现",
        "实现预期目标", "落实", "已落实", "达标", "已达标", "合格", "是", "效果明显", "效果显著", "取得实效",
    }
)  # fmt: skip
_DONE_PREFIXES: Final = (
    "已完成", "全部完成", "顺利完成", "圆满完成", "按时完成", "按期完成", "如期完成", "按计划完成", "已按",
    "完成", "达成预期", "达到预期", "已实现",
)  # fmt: skip
_NOT_DONE: Final = (
    "未完成", "没有完成", "尚未", "未达", "未实现", "未能", "没有达到", "未落实", "部分完成", "延期", "推迟",
    "滞后", "未开展", "无法完成", "不达标", "不合格",
)  # fmt: skip


def _stance(statement: str) -> bool | None:
    """True for a statement of completion, False for one of failure, None otherwise."""
    key = vocab.compact(statement)
    if not key:
        return None
    if any(word in key for word in _NOT_DONE) or key.startswith("未"):
        return False
    if key in _DONE or key.startswith(_DONE_PREFIXES):
        return True
    return None


def infer_direction(target: IndicatorValue | str) -> Direction:
    """The direction a target implies when none is given (R50).

    An explicit ≥/> means higher is better and ≤/< lower; a money unit (万元/元) without operator is a
    cost (lower is better); a date is timeliness; anything else is higher-is-better.

    >>> infer_direction("83万元").value, infer_direction("≥95%").value, infer_direction("2021年").value
    ('反向', '正向', '时效')
    """
    value = _value(target, "target")
    if isinstance(value, DateBound):
        return Direction.EARLIER_IS_BETTER
    if isinstance(value, Quantity):
        if value.operator in (Operator.GE, Operator.GT):
            return Direction.HIGHER_IS_BETTER
        if value.operator in (Operator.LE, Operator.LT):
            return Direction.LOWER_IS_BETTER
        if value.unit in vocab.MONEY_UNITS and not value.approximate:
            return Direction.LOWER_IS_BETTER
    return Direction.HIGHER_IS_BETTER


def _scale(unit: str) -> tuple[str, Decimal]:
    unit = vocab.UNIT_SYNONYMS.get(unit, unit)
    if unit in vocab.MONEY_UNITS:
        return "元", Decimal(1)
    for prefix, factor in (("万", Decimal(10) ** 4), ("亿", Decimal(10) ** 8)):
        if unit.startswith(prefix) and len(unit) > 1:
            return unit[1:], factor
    return unit, Decimal(1)


def _money(number: Decimal, unit: str) -> Decimal:
    """A money figure in 万元, through :class:`Amount` so conversion is exact."""
    if unit == "元":
        return Amount.from_yuan(number).value
    if unit == "亿元":
        return (Amount(number) * 10000).value
    return Amount(number).value


def _comparable(target: Quantity, actual: Quantity) -> tuple[Decimal, Decimal, str] | None:
    """Both numbers on one scale, plus a note when a missing unit was assumed; ``None`` if incompatible."""
    t_unit, a_unit = target.unit, actual.unit
    note = ""
    if not t_unit or not a_unit:
        if t_unit == a_unit:
            return target.number, actual.number, ""
        note = t_unit or a_unit
        t_unit = a_unit = note
    if t_unit in vocab.MONEY_UNITS and a_unit in vocab.MONEY_UNITS:
        return _money(target.number, t_unit), _money(actual.number, a_unit), note
    t_base, t_factor = _scale(t_unit)
    a_base, a_factor = _scale(a_unit)
    if t_base != a_base:
        return None
    return target.number * t_factor, actual.number * a_factor, note


def _effective(target: Quantity, direction: Direction) -> tuple[Operator, Direction]:
    """The comparison a target asks for, and the direction that comparison rewards."""
    op = target.operator
    if op in (Operator.GE, Operator.GT):
        return op, Direction.HIGHER_IS_BETTER
    if op in (Operator.LE, Operator.LT):
        return op, Direction.LOWER_IS_BETTER
    if direction is Direction.EARLIER_IS_BETTER:
        # A time indicator written as a number: a duration is better shorter, a rate higher.
        duration = target.unit in vocab.DURATION_UNITS and not target.approximate
        direction = Direction.LOWER_IS_BETTER if duration else Direction.HIGHER_IS_BETTER
    # No operator, “=”, or “360余次” (at least about that number): the direction decides.
    if direction is Direction.LOWER_IS_BETTER:
        return Operator.LE, Direction.LOWER_IS_BETTER
    return Operator.GE, Direction.HIGHER_IS_BETTER


def _result(
    outcome: Outcome,
    zh: str,
    en: str,
    direction: Direction | None,
    target: IndicatorValue,
    actual: IndicatorValue,
) -> Evaluation:
    return Evaluation(outcome, zh, en, direction, target, actual)


def evaluate(
    target: IndicatorValue | str, actual: IndicatorValue | str, *, direction: Direction | None = None
) -> Evaluation:
    """Whether ``actual`` meets ``target`` (R50), with the reason in Chinese and English.

    ``direction`` (usually from :meth:`Hierarchy.classify`) decides targets without an operator:
    higher-is-better reads them as ≥, lower-is-better (成本) as ≤; ``None`` infers it
    (:func:`infer_direction`).  An explicit operator in the target always wins, and the direction it
    rewards is reported in :attr:`Evaluation.direction` (evaluation is monotone in that direction).

    >>> evaluate("95%以上", "95%以上").reason_zh
    '实际值只是重复目标值（95%以上），没有给出实测数'
    >>> evaluate("15万元", "6.95万元").outcome.value
    '达成'
    >>> evaluate("2021年春节前", "2021年春节前").outcome.value
    '达成'
    >>> evaluate("2021年", "已完成").reason_zh
    '定性判断：实际值“已完成”表示已完成'
    >>> evaluate("≥90%", "85%").outcome.value
    '未达成'
    >>> evaluate("83万元", "650000元").outcome.value
    '达成'
    """
    t = _value(target, "target")
    a = _value(actual, "actual")
    if direction is not None and type(direction) is not Direction:
        raise InvalidValue(
            "指标方向（Direction）或None", "a Direction or None", direction, path="$.direction"
        )
    chosen = direction if direction is not None else infer_direction(t)
    if isinstance(a, Qualitative) and not vocab.compact(a.statement):
        return _result(Outcome.NOT_MEASURABLE, "实际值为空", "the actual value is empty", chosen, t, a)
    if isinstance(t, Quantity):
        return _evaluate_quantity(t, a, chosen)
    if isinstance(t, DateBound):
        return _evaluate_date(t, a)
    assert isinstance(t, Qualitative)
    return _evaluate_statement(t, a, chosen)


def _evaluate_quantity(t: Quantity, a: IndicatorValue, direction: Direction) -> Evaluation:
    op, effective = _effective(t, direction)
    if not isinstance(a, Quantity):
        if isinstance(a, Qualitative):
            return _result(
                Outcome.NOT_MEASURABLE,
                f"目标值为定量（{t}），实际值为定性表述（“{a}”），无法衡量",
                "the target is a number but the actual value is a statement; it cannot be measured",
                effective,
                t,
                a,
            )
        return _result(
            Outcome.NOT_MEASURABLE,
            f"目标值为定量（{t}），实际值为日期（{a}），无法衡量",
            "the target is a number but the actual value is a date; it cannot be measured",
            effective,
            t,
            a,
        )
    if a.operator is not None:
        if a == t:
            zh, en = (
                f"实际值只是重复目标值（{a}），没有给出实测数",
                "the actual value merely repeats the target",
            )
        else:
            zh = f"实际值带有比较词（{a}），只是重复目标的写法，没有给出实测数"
            en = "the actual value carries an operator; it repeats the target's form instead of a measurement"
        return _result(Outcome.NOT_MEASURABLE, zh, en, effective, t, a)
    scaled = _comparable(t, a)
    if scaled is None:
        return _result(
            Outcome.NOT_MEASURABLE,
            f"单位不一致（目标值单位“{t.unit or '无'}”，实际值单位“{a.unit or '无'}”），无法比较",
            f"incompatible units (target '{t.unit}', actual '{a.unit}')",
            effective,
            t,
            a,
        )
    target_number, actual_number, assumed = scaled
    if a.approximate and effective is not Direction.HIGHER_IS_BETTER:
        return _result(
            Outcome.NOT_MEASURABLE,
            f"实际值为约数（{a}），无法判断是否不超过目标值",
            "the actual value is approximate; whether it stays below the target cannot be told",
            effective,
            t,
            a,
        )
    met = op.holds(actual_number, target_number)
    if t.operator is op:
        implied = ""
    elif t.approximate and t.operator is None:
        implied = "（目标为约数，按不低于该数）" if op is Operator.GE else "（目标为约数，按不超过该数）"
    elif t.operator is Operator.EQ:
        implied = "（目标写作“=”，按指标方向）"
    else:
        implied = "（目标未写比较符号，按指标方向）"
    notes = ""
    if assumed:
        notes += f"；一方未写单位，按“{assumed}”处理"
    if a.approximate:
        notes += "；实际值为约数，按该数计"
    if direction in (Direction.HIGHER_IS_BETTER, Direction.LOWER_IS_BETTER) and direction is not effective:
        notes += "；目标的比较符号与指标方向不一致，以比较符号为准"
    zh = f"实际值{a}{'满足' if met else '不满足'}{op.value}{t.number:f}{t.unit}{implied}{notes}"
    en = f"actual {a.number:f}{a.unit} {'satisfies' if met else 'does not satisfy'} {op.value} {t.number:f}{t.unit}"
    return _result(Outcome.MET if met else Outcome.NOT_MET, zh, en, effective, t, a)


def _evaluate_date(t: DateBound, a: IndicatorValue) -> Evaluation:
    e = Direction.EARLIER_IS_BETTER
    if isinstance(a, Qualitative):
        return _judge_statement(t, a, e)
    if not isinstance(a, DateBound):
        return _result(
            Outcome.NOT_MEASURABLE,
            f"目标值为时间（{t}），实际值为数值（{a}），无法衡量",
            "the target is a date but the actual value is a number; it cannot be measured",
            e,
            t,
            a,
        )
    same_point = (t.year, t.month, t.day, t.event) == (a.year, a.month, a.day, a.event)
    same = same_point and a.operator is t.operator
    t_period, a_period = t.period, a.period
    if same_point and t_period is None:
        # A festival without a known date: the same festival still compares with itself.
        t_period = a_period = (datetime.date(t.year, 1, 1), datetime.date(t.year, 1, 1))
    if t_period is None or a_period is None:
        return _result(
            Outcome.NOT_MEASURABLE,
            f"无法确定“{t if t_period is None else a}”对应的日期",
            "the calendar date of a festival cannot be determined",
            e,
            t,
            a,
        )
    a_start = datetime.date.min if a.operator is Operator.LE else a_period[0]
    a_end = datetime.date.max if a.operator is Operator.GE else a_period[1]
    if t.operator is Operator.GE:
        met, missed = a_start >= t_period[0], a_end < t_period[0]
    else:
        met, missed = a_end <= t_period[1], a_start > t_period[1]
    if met:
        zh = f"实际完成时间与目标时间表述相同（{a}）" if same else f"实际完成时间{a}在目标时间{t}之内"
        return _result(Outcome.MET, zh, "the actual date is within the target date", e, t, a)
    if missed:
        return _result(
            Outcome.NOT_MET,
            f"实际完成时间{a}晚于目标时间{t}",
            "the actual date is later than the target",
            e,
            t,
            a,
        )
    return _result(
        Outcome.NOT_MEASURABLE,
        f"实际完成时间{a}与目标时间{t}部分重叠，无法判断",
        "the actual period overlaps the target deadline; it cannot be told",
        e,
        t,
        a,
    )


def _judge_statement(t: IndicatorValue, a: Qualitative, direction: Direction) -> Evaluation:
    stance = _stance(a.statement)
    if stance is True:
        return _result(
            Outcome.MET,
            f"定性判断：实际值“{a}”表示已完成",
            "qualitative judgement: the actual value states completion",
            direction,
            t,
            a,
        )
    if stance is False:
        return _result(
            Outcome.NOT_MET,
            f"定性判断：实际值“{a}”表示未完成",
            "qualitative judgement: the actual value states non-completion",
            direction,
            t,
            a,
        )
    return _result(
        Outcome.NOT_MEASURABLE,
        f"实际值“{a}”为定性表述，不能判断是否达成",
        "the actual value is a statement that does not say whether the target was met",
        direction,
        t,
        a,
    )


def _evaluate_statement(t: Qualitative, a: IndicatorValue, direction: Direction) -> Evaluation:
    if isinstance(a, Qualitative):
        if vocab.compact(a.statement) == vocab.compact(t.statement):
            return _result(
                Outcome.MET,
                "定性判断：实际值与目标值表述相同，视为达成（未给出实际完成情况）",
                "qualitative: the actual value restates the target and is taken as met (no actual result given)",
                direction,
                t,
                a,
            )
        return _judge_statement(t, a, direction)
    return _result(
        Outcome.NOT_MEASURABLE,
        f"目标值为定性表述（“{t}”），实际值为{'数值' if isinstance(a, Quantity) else '日期'}（{a}），无法衡量",
        "the target is a statement but the actual value is a number or date; it cannot be measured",
        direction,
        t,
        a,
    )
