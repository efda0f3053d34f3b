"""Scoring a 项目支出绩效自评表 per 财预〔2020〕10号 《项目支出绩效评价管理办法》.

:func:`score_project` turns one :class:`~budgetacct.model.performance.ProjectEvaluation` into a
:class:`ProjectScore`: the evaluation of every indicator, its weight and score, the 预算执行率 score
and the total with its grade (优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 < 60).

Weights are never invented.  They come, in this order, from

1. ``indicator_weights`` — one weight per indicator, in table order;
2. ``weights`` — a mapping 一级 → weight (``{"产出指标": 50, "效益指标": 30, "满意度指标": 10,
   "预算执行率": 10}``, i.e. :data:`DEFAULT_WEIGHTS`), each 一级 weight
   split equally among that 一级's indicators *in cents*, the remainder cents going to the first
   indicators, so the split adds up exactly.  成本指标 printed as a 一级 (central forms after
   财预〔2021〕101号) shares the 产出指标 weight — its place in the Sichuan forms and in
   :data:`DEFAULT_WEIGHTS` — unless the mapping gives it its own;
3. the weights printed in the table (every indicator must print one).

With none of these the score is not computable (``computable=False``, reason
“表中未列权重，不计算得分”); the indicator evaluations are still given.  The 预算执行率 weight is the
given one (``weights["预算执行率"]``), else the printed one, else what is left of 100.

Scores (财预〔2020〕10号, DOMAIN.md §E.5):

* 预算执行率: ``执行数 / 预算数 × weight``, capped at the weight
  (:func:`execution_rate_score`);
* a quantitative indicator: met → the full weight, not met → proportional
  (:func:`score_quantitative`);
* a qualitative or date indicator: met → 达成 band, not met → 部分达成 when the actual value says
  “部分”, otherwise 未达成 — each at the band's upper bound
  (:func:`score_qualitative`);
* an indicator that cannot be measured (a restated target such as ``≥95%``, ``已完成`` against
  ``100%``) is scored in the ``unmeasurable`` band, 部分达成 by default: the table claims a result
  but shows no measurement.  ``unmeasurable=None`` drops such indicators instead;
* a weight that cannot be applied (a 一级 without indicators, no 预算数 for the execution rate, a
  dropped indicator) is left out and the total is rescaled to 100 over the weights applied.

>>> from budgetacct import load_example
>>> seed = load_example("xiqu-2021").performance.evaluations[2]
>>> score_project(seed).reason_zh
'表中未列权重，不计算得分'
>>> s = score_project(seed, weights=DEFAULT_WEIGHTS)
>>> s.execution_score, s.total, s.grade
(Decimal('6.36'), Decimal('93.69'), '优')
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from decimal import ROUND_DOWN, ROUND_HALF_UP, Context, Decimal
from types import MappingProxyType
from typing import Final

import attrs

from budgetacct.errors import InvalidValue
from budgetacct.model.evaluation import Evaluation, Outcome, _comparable, evaluate
from budgetacct.model.indicator_hierarchy import DEFAULT_HIERARCHY, Classification, Direction, Hierarchy
from budgetacct.model.indicator_values import DateBound, IndicatorValue, Qualitative, Quantity, _value
from budgetacct.model.performance import FundingSplit, Indicator, ProjectEvaluation
from budgetacct.money import Amount, to_decimal

__all__ = [
    "DEFAULT_WEIGHTS",
    "EXECUTION",
    "GRADES",
    "ProjectScore",
    "QualitativeBand",
    "ScoreLine",
    "execution_rate_score",
    "grade",
    "normalise_grade",
    "score_project",
    "score_qualitative",
    "score_quantitative",
]

#: The key of the 预算执行率 weight in a weights mapping.
EXECUTION: Final = "预算执行率"
#: Printed grade words and the grade they mean (优/良/中/差, 财预〔2020〕10号).
GRADES: Final[Mapping[str, str]] = {
    "优": "优",
    "优秀": "优",
    "良": "良",
    "良好": "良",
    "中": "中",
    "中等": "中",
    "差": "差",
    "较差": "差",
}

_CTX: Final = Context(prec=28, rounding=ROUND_HALF_UP)
_CENT: Final = Decimal("0.01")
_HUNDRED: Final = Decimal(100)
_ZERO: Final = Decimal(0)

_COST: Final = "成本指标"
_OUTPUT: Final = "产出指标"
_NOT_COMPUTABLE_ZH: Final = "表中未列权重，不计算得分"
_NOT_COMPUTABLE_EN: Final = "the table prints no weights; no score is computed"


# --- the scores of 财预〔2020〕10号 ---------------------------------------------------------------

#: 一级 weights of a project self-evaluation (R51): 产出 50, 效益 30, 满意度 10, 预算执行率 10.
DEFAULT_WEIGHTS: Final[Mapping[str, Decimal]] = MappingProxyType(
    {"产出指标": Decimal(50), "效益指标": Decimal(30), "满意度指标": Decimal(10), "预算执行率": Decimal(10)}
)


def _number(value: object, what_zh: str, what_en: str, path: str) -> Decimal:
    number = to_decimal(value, what_zh=what_zh, what_en=what_en, path=path)
    if number < 0:
        raise InvalidValue(f"非负的{what_zh}", f"a non-negative {what_en}", value, path=path)
    return number


def _cents(value: Decimal) -> Decimal:
    return value.quantize(_CENT, ROUND_HALF_UP, _CTX)


def score_quantitative(
    weight: Decimal,
    target: IndicatorValue | str,
    actual: IndicatorValue | str,
    direction: Direction | None = None,
) -> Decimal:
    """Score of a quantitative indicator: the full weight when met, otherwise proportional.

    Not met: ``weight × actual / target`` when higher is better, ``weight × target / actual`` when
    lower is better (成本); capped at the weight, never negative, half-up to 0.01.  An indicator that
    cannot be measured (:class:`Outcome` ``NOT_MEASURABLE``) or is not quantitative raises
    :class:`~budgetacct.errors.InvalidValue` — call :func:`evaluate` first to report it.

    >>> score_quantitative(Decimal(10), "≥95%", "85.5%")
    Decimal('9.00')
    >>> score_quantitative(Decimal(10), "83万元", "100万元", Direction.LOWER_IS_BETTER)
    Decimal('8.30')
    >>> score_quantitative(Decimal(5), "3次以上", "3次")
    Decimal('5.00')
    """
    w = _number(weight, "分值", "weight", "$.weight")
    t = _value(target, "target")
    a = _value(actual, "actual")
    if not isinstance(t, Quantity) or not isinstance(a, Quantity):
        raise InvalidValue("定量的目标值和实际值", "a quantitative target and actual value", f"{t} / {a}")
    result = evaluate(t, a, direction=direction)
    if result.outcome is Outcome.NOT_MEASURABLE:
        raise InvalidValue("可以衡量的实际值", "a measurable actual value", result.reason_zh)
    if result.outcome is Outcome.MET:
        return _cents(w)
    scaled = _comparable(t, a)
    assert scaled is not None
    target_number, actual_number, _ = scaled
    if result.direction is Direction.LOWER_IS_BETTER:
        ratio = _CTX.divide(target_number, actual_number) if actual_number > 0 else Decimal(0)
    else:
        ratio = _CTX.divide(actual_number, target_number) if target_number > 0 else Decimal(0)
    return _cents(min(max(_CTX.multiply(w, ratio), Decimal(0)), w))


class QualitativeBand(enum.Enum):
    """The three bands for qualitative indicators: share of the weight, in percent.

    >>> QualitativeBand.PARTIAL.upper, QualitativeBand.PARTIAL.lower
    (Decimal('80'), Decimal('60'))
    """

    ACHIEVED = "达成"
    PARTIAL = "部分达成"
    NOT_ACHIEVED = "未达成"

    @property
    def upper(self) -> Decimal:
        return {"达成": Decimal(100), "部分达成": Decimal(80), "未达成": Decimal(60)}[self.value]

    @property
    def lower(self) -> Decimal:
        return {"达成": Decimal(80), "部分达成": Decimal(60), "未达成": Decimal(0)}[self.value]

    @property
    def description_zh(self) -> str:
        return {
            "达成": "达成年度指标",
            "部分达成": "部分达成年度指标并具有一定效果",
            "未达成": "未达成年度指标且效果较差",
        }[self.value]


def score_qualitative(
    weight: Decimal, band: QualitativeBand | str, *, percent: Decimal | None = None
) -> Decimal:
    """Score of a qualitative indicator in a band (100–80%, 80–60%, 60–0% of the weight).

    By default the band's upper bound is taken (达成 → 100%, 部分达成 → 80%, 未达成 → 60%); pass
    ``percent`` (within the band) for the assessor's own judgement.  Half-up to 0.01.

    >>> score_qualitative(Decimal(10), QualitativeBand.ACHIEVED)
    Decimal('10.00')
    >>> score_qualitative(Decimal(10), "部分达成", percent=Decimal(70))
    Decimal('7.00')
    """
    w = _number(weight, "分值", "weight", "$.weight")
    if isinstance(band, str):
        try:
            band = QualitativeBand(band)
        except ValueError:
            raise InvalidValue(
                "达成、部分达成或未达成", "达成, 部分达成 or 未达成", band, path="$.band"
            ) from None
    if type(band) is not QualitativeBand:
        raise InvalidValue("定性评价档次（QualitativeBand）", "a QualitativeBand", band, path="$.band")
    share = band.upper if percent is None else _number(percent, "百分比", "percentage", "$.percent")
    if not band.lower <= share <= band.upper:
        raise InvalidValue(
            f"{band.lower}%到{band.upper}%之间的比例",
            f"a percentage from {band.lower} to {band.upper}",
            percent,
            path="$.percent",
        )
    return _cents(_CTX.divide(_CTX.multiply(w, share), _HUNDRED))


def grade(total: Decimal) -> str:
    """The grade of a total score (R52): 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 < 60.

    >>> [grade(Decimal(x)) for x in ("90", "89.99", "80", "60", "59.99")]
    ['优', '良', '良', '中', '差']
    """
    score = _number(total, "总分", "total score", "$.total")
    if score > _HUNDRED:
        raise InvalidValue("0到100之间的总分", "a total score from 0 to 100", total, path="$.total")
    if score >= 90:
        return "优"
    if score >= 80:
        return "良"
    if score >= 60:
        return "中"
    return "差"


def execution_rate_score(executed: Amount, budget: Amount, weight: Decimal = Decimal(10)) -> Decimal:
    """预算执行率 score: ``执行数 / 预算数 × weight``, capped at the weight, half-up to 0.01.

    The rate is not rounded before multiplying.  A zero budget raises
    :class:`~budgetacct.errors.InvalidValue`.

    >>> execution_rate_score(Amount("20.36"), Amount("32"))
    Decimal('6.36')
    >>> execution_rate_score(Amount("4.85"), Amount("4.85"))
    Decimal('10.00')
    """
    for name, value in (("executed", executed), ("budget", budget)):
        if type(value) is not Amount:
            raise InvalidValue("金额（Amount）", "an Amount", value, path=f"$.{name}")
    w = _number(weight, "分值", "weight", "$.weight")
    if budget.value <= 0:
        raise InvalidValue("大于零的预算数", "a budget above zero", str(budget), path="$.budget")
    score = _CTX.multiply(_CTX.divide(executed.value, budget.value), w)
    return _cents(min(max(score, Decimal(0)), w))


# --- a project's score ------------------------------------------------------------------------


def normalise_grade(printed: str) -> str | None:
    """The grade (优/良/中/差) a printed grade word means, or ``None`` if it is not one.

    >>> normalise_grade(" 良好 "), normalise_grade("合格")
    ('良', None)
    """
    return GRADES.get("".join(printed.split()))


@attrs.frozen
class ScoreLine:
    """One indicator of a scored project: its reading, evaluation, weight and score.

    ``method`` says how the score was found: ``"定量"`` (proportional), ``"定性"`` or ``"时间"`` (a band),
    ``"无法衡量"`` (the ``unmeasurable`` band), ``"不计分"`` (dropped) or ``""`` (not scored).
    """

    index: int
    indicator: Indicator
    classification: Classification
    evaluation: Evaluation
    weight: Decimal | None = None
    score: Decimal | None = None
    method: str = ""


@attrs.frozen
class ProjectScore:
    """The score of one project self-evaluation (see :func:`score_project`).

    ``execution_rate`` is 执行数 / 预算数 in percent (half-up, 2 places).  ``total`` and ``grade``
    are ``None`` when ``computable`` is false; ``reason_zh``/``reason_en`` say why, or how the
    score was found.
    """

    project: str
    computable: bool
    lines: tuple[ScoreLine, ...]
    execution_rate: Decimal | None
    execution_weight: Decimal | None
    execution_score: Decimal | None
    total: Decimal | None
    grade: str | None
    reason_zh: str
    reason_en: str


def _weight(value: object, path: str) -> Decimal:
    number = to_decimal(value, what_zh="权重", what_en="a weight", path=path)
    if number < 0 or number > _HUNDRED:
        raise InvalidValue("0到100之间的权重", "a weight from 0 to 100", value, path=path)
    return number


def _split(total: Decimal, count: int) -> list[Decimal]:
    """``total`` in ``count`` shares of whole cents that add up to it exactly."""
    cents = (total / _CENT).to_integral_value(ROUND_DOWN)
    base, extra = divmod(int(cents), count)
    rest = total - cents * _CENT  # sub-cent part of the total, kept on the first share
    shares = [Decimal(base + (1 if k < extra else 0)) * _CENT for k in range(count)]
    shares[0] += rest
    return shares


def _executed_and_budget(e: ProjectEvaluation) -> tuple[Amount | None, Amount | None]:
    def total(split: FundingSplit) -> Amount | None:
        if split.total is not None:
            return split.total
        parts = [p for p in (split.fiscal, split.other) if p is not None]
        return sum(parts, Amount(0)) if parts else None

    return total(e.executed), total(e.budget)


def _canonical_weights(weights: Mapping[str, object], hierarchy: Hierarchy) -> dict[str, Decimal]:
    result: dict[str, Decimal] = {}
    for key, value in weights.items():
        if not isinstance(key, str):
            raise InvalidValue("一级指标名称", "a 一级 indicator name", key, path="$.weights")
        if "".join(key.split()) == EXECUTION:
            name = EXECUTION
        else:
            level = hierarchy.level1(key)
            if level is None:
                raise InvalidValue(
                    "已知的一级指标名称或“预算执行率”",
                    "a known 一级 indicator or “预算执行率”",
                    key,
                    path="$.weights",
                )
            name = level.name
        if name in result:
            raise InvalidValue("不重复的一级指标", "each 一级 once", key, path="$.weights")
        result[name] = _weight(value, f"$.weights[{key!r}]")
    if sum(result.values(), _ZERO) > _HUNDRED:
        raise InvalidValue("合计不超过100的权重", "weights totalling at most 100", dict(weights))
    return result


def _line_score(
    weight: Decimal, evaluation: Evaluation, unmeasurable: QualitativeBand | None
) -> tuple[Decimal | None, str]:
    t, a = evaluation.target, evaluation.actual
    if evaluation.outcome is Outcome.NOT_MEASURABLE:
        if unmeasurable is None:
            return None, "不计分"
        return score_qualitative(weight, unmeasurable), "无法衡量"
    quantitative = isinstance(t, Quantity) and isinstance(a, Quantity)
    method = "定量" if quantitative else "时间" if isinstance(t, DateBound) else "定性"
    if evaluation.outcome is Outcome.MET:
        return _cents(weight), method
    if quantitative:
        assert t is not None
        assert a is not None
        return score_quantitative(weight, t, a, evaluation.direction), method
    partial = isinstance(a, Qualitative) and "部分" in a.statement
    band = QualitativeBand.PARTIAL if partial else QualitativeBand.NOT_ACHIEVED
    return score_qualitative(weight, band), method


def score_project(
    evaluation: ProjectEvaluation,
    *,
    weights: Mapping[str, object] | None = None,
    indicator_weights: Sequence[object] | None = None,
    unmeasurable: QualitativeBand | None = QualitativeBand.PARTIAL,
    hierarchy: Hierarchy = DEFAULT_HIERARCHY,
) -> ProjectScore:
    """Score one project self-evaluation per 财预〔2020〕10号 (see the module documentation).

    ``weights`` maps 一级 names (or aliases such as 完成指标) and ``"预算执行率"`` to weights;
    every 一级 present in the table needs one (a 一级 成本指标 falls back on 产出指标).  ``indicator_weights`` gives one weight per
    indicator instead.  Neither given and none printed: ``computable=False``.

    >>> from budgetacct.model.performance import FundingSplit, Indicator, ProjectEvaluation
    >>> from budgetacct import Amount
    >>> p = ProjectEvaluation(
    ...     "示例项目",
    ...     budget=FundingSplit(Amount("10")),
    ...     executed=FundingSplit(Amount("9")),
    ...     indicators=(
    ...         Indicator("产出指标", "数量指标", "培训", "≥10次", "8次"),
    ...         Indicator("效益指标", "社会效益指标", "效果", "效果明显", "效果明显"),
    ...         Indicator("满意度指标", "满意度指标", "满意度", "≥90%", "95%"),
    ...     ),
    ... )
    >>> s = score_project(p, weights={"产出指标": 50, "效益指标": 30, "满意度指标": 10, "预算执行率": 10})
    >>> [str(line.score) for line in s.lines], s.execution_score, s.total, s.grade
    (['40.00', '30.00', '10.00'], Decimal('9.00'), Decimal('89.00'), '良')
    """
    if not isinstance(evaluation, ProjectEvaluation):
        raise InvalidValue("项目自评表（ProjectEvaluation）", "a ProjectEvaluation", evaluation)
    if unmeasurable is not None and type(unmeasurable) is not QualitativeBand:
        raise InvalidValue("定性评价档次（QualitativeBand）或None", "a QualitativeBand or None", unmeasurable)
    indicators = evaluation.indicators
    readings: list[tuple[Classification, Evaluation]] = []
    for ind in indicators:
        c = hierarchy.classify(ind.level1, ind.level2)
        readings.append((c, evaluate(ind.target, ind.actual or "", direction=c.direction)))

    def bare(reason_zh: str, reason_en: str) -> ProjectScore:
        lines = tuple(
            ScoreLine(k, ind, c, ev)
            for k, (ind, (c, ev)) in enumerate(zip(indicators, readings, strict=True))
        )
        return ProjectScore(
            evaluation.name, False, lines, _rate(evaluation), None, None, None, None, reason_zh, reason_en
        )

    line_weights: list[Decimal | None]
    execution_weight: Decimal | None
    if indicator_weights is not None:
        if len(indicator_weights) != len(indicators):
            raise InvalidValue(
                f"{len(indicators)}个指标权重",
                f"{len(indicators)} indicator weights",
                len(indicator_weights),
                path="$.indicator_weights",
            )
        line_weights = [_weight(w, f"$.indicator_weights[{k}]") for k, w in enumerate(indicator_weights)]
        given = _canonical_weights(weights, hierarchy) if weights is not None else {}
        execution_weight = given.get(EXECUTION, evaluation.execution_weight)
        source_zh, source_en = "调用方给出的指标权重", "the indicator weights given"
    elif weights is not None:
        given = _canonical_weights(weights, hierarchy)
        groups: dict[str, list[int]] = {}
        for k, (c, _) in enumerate(readings):
            name = c.level1
            if name == _COST and _COST not in given and _OUTPUT in given:
                name = _OUTPUT  # 成本指标 as a 一级 (central forms) shares the 产出 weight
            groups.setdefault(name, []).append(k)
        missing = [name for name in groups if name not in given]
        if missing:
            raise InvalidValue(
                "覆盖表中每个一级指标的权重",
                "a weight for every 一级 in the table",
                "、".join(missing),
                path="$.weights",
            )
        line_weights = [None] * len(indicators)
        for name, members in groups.items():
            for k, share in zip(members, _split(given[name], len(members)), strict=True):
                line_weights[k] = share
        execution_weight = given.get(EXECUTION, evaluation.execution_weight)
        if execution_weight is None:
            execution_weight = _HUNDRED - sum((w for n, w in given.items() if n != EXECUTION), _ZERO)
        source_zh, source_en = "一级指标权重在其下各指标间平均分配", "一级 weights split equally"
    else:
        printed = [ind.weight for ind in indicators]
        if not indicators or all(w is None for w in printed):
            return bare(_NOT_COMPUTABLE_ZH, _NOT_COMPUTABLE_EN)
        if any(w is None for w in printed):
            return bare(
                "表中仅部分指标列有权重，不计算得分",
                "only some indicators print a weight; no score is computed",
            )
        line_weights = list(printed)
        execution_weight = evaluation.execution_weight
        source_zh, source_en = "表中所列权重", "the printed weights"
    for k, w in enumerate(line_weights):
        if w is not None and (w < 0 or w > _HUNDRED):
            return bare(
                f"第{k + 1}个指标权重{w}不在0到100之间", f"indicator {k + 1} has weight {w} outside 0–100"
            )
    indicator_total = sum((w for w in line_weights if w is not None), _ZERO)
    if execution_weight is None:
        execution_weight = _HUNDRED - indicator_total
    if execution_weight < 0 or indicator_total + execution_weight > _HUNDRED:
        return bare(
            f"权重合计{indicator_total + max(execution_weight, _ZERO)}超过100，不计算得分",
            "the weights total more than 100; no score is computed",
        )

    lines: list[ScoreLine] = []
    raw = _ZERO
    applied = _ZERO
    for k, (ind, (c, ev)) in enumerate(zip(indicators, readings, strict=True)):
        w = line_weights[k]
        assert w is not None
        score, method = _line_score(w, ev, unmeasurable)
        lines.append(ScoreLine(k, ind, c, ev, w, score, method))
        if score is not None:
            raw += score
            applied += w
    executed, budget = _executed_and_budget(evaluation)
    execution_score: Decimal | None = None
    notes_zh: list[str] = []
    notes_en: list[str] = []
    if executed is not None and budget is not None and budget.value > 0:
        execution_score = execution_rate_score(executed, budget, execution_weight)
        raw += execution_score
        applied += execution_weight
    elif execution_weight:
        notes_zh.append("无预算数，预算执行率不计分")
        notes_en.append("no budget, so the execution rate is not scored")
    if applied <= 0:
        return bare("没有可计分的指标，不计算得分", "nothing can be scored; no score is computed")
    total = _cents(_CTX.divide(raw * _HUNDRED, applied)) if applied != _HUNDRED else _cents(raw)
    total = min(total, _HUNDRED)
    if applied != _HUNDRED:
        notes_zh.append(f"可计分权重合计{applied.normalize():f}，得分按100折算")
        notes_en.append(f"the weights applied total {applied.normalize():f}; the score is rescaled to 100")
    reason_zh = "按财预〔2020〕10号计分（" + source_zh + "）" + "".join("；" + n for n in notes_zh)
    reason_en = f"scored per 财预〔2020〕10号 ({source_en})" + "".join("; " + n for n in notes_en)
    return ProjectScore(
        evaluation.name,
        True,
        tuple(lines),
        _rate(evaluation),
        execution_weight,
        execution_score,
        total,
        grade(total),
        reason_zh,
        reason_en,
    )


def _rate(evaluation: ProjectEvaluation) -> Decimal | None:
    executed, budget = _executed_and_budget(evaluation)
    if executed is None or budget is None or budget.value <= 0:
        return None
    return _cents(_CTX.divide(executed.value * _HUNDRED, budget.value))
