"""Performance indicators (绩效指标): the hierarchy, typed indicator values, evaluation and scoring.

A 项目支出绩效自评表 lists indicators as 一级 / 二级 / 三级 labels with a target (预期指标值) and an
actual value (实际完成指标值), both free text in the published form.  These modules read them:

* :class:`Hierarchy` — the 一级/二级 labels as *data* (Sichuan 2021 forms, central forms after
  财预〔2021〕101号), mapping printed labels (“完成\\n指标”, “社会效益  指标”) to canonical names and to
  the :class:`Direction` in which an indicator is better;
* :func:`parse_indicator_value` — text to a typed :class:`IndicatorValue`: a :class:`Quantity`
  (``≥95%``, ``3次以上``, ``83万元``), a :class:`DateBound` (``2021年春节前``) or a
  :class:`Qualitative` statement (``已完成``); it never raises on text and never loses it;
* :func:`evaluate` — met / not met / not measurable, with the reason in Chinese and English;
* scoring per 财预〔2020〕10号: :func:`score_quantitative`, :func:`score_qualitative`,
  :func:`execution_rate_score`, :func:`grade`.

Each lives in its own module — :mod:`~budgetacct.model.indicator_hierarchy`,
:mod:`~budgetacct.model.indicator_values` (with the vocabulary in
:mod:`~budgetacct.model.indicator_text`), :mod:`~budgetacct.model.evaluation` and
:mod:`~budgetacct.model.scoring` — and all are importable from here.

Chinese legal convention (《民法典》第一千二百五十九条): 以上、以下、以内 *include* the stated number,
so ``3次以上`` is met by 3.

>>> v = parse_indicator_value("3次以上")
>>> v.operator, v.number, v.unit, str(v)
(<Operator.GE: '≥'>, Decimal('3'), '次', '3次以上')
>>> evaluate("3次以上", "3次").outcome
<Outcome.MET: '达成'>
>>> evaluate("≥95%", "≥95%").outcome
<Outcome.NOT_MEASURABLE: '无法衡量'>
>>> evaluate("83万元", "65.79万元").outcome
<Outcome.MET: '达成'>
>>> DEFAULT_HIERARCHY.classify("效益\\n指标", "社会效益  指标").known
True
>>> c = DEFAULT_HIERARCHY.classify("完成\\n指标", "成本指标")
>>> c.level1, c.level2, c.direction, c.known
('产出指标', '成本指标', <Direction.LOWER_IS_BETTER: '反向'>, True)
"""

from __future__ import annotations

from budgetacct.model.evaluation import Evaluation, Outcome, evaluate, infer_direction
from budgetacct.model.indicator_hierarchy import (
    CENTRAL_2021,
    DEFAULT_HIERARCHY,
    HIERARCHIES,
    SICHUAN_2021,
    Classification,
    Direction,
    Hierarchy,
    IndicatorLevel1,
    IndicatorLevel2,
    normalise_label,
)
from budgetacct.model.indicator_text import UNITS, Operator
from budgetacct.model.indicator_values import (
    DateBound,
    IndicatorValue,
    Qualitative,
    Quantity,
    ValueKind,
    parse_indicator_value,
)
from budgetacct.model.scoring import (
    DEFAULT_WEIGHTS,
    QualitativeBand,
    execution_rate_score,
    grade,
    score_qualitative,
    score_quantitative,
)

__all__ = [
    "CENTRAL_2021",
    "DEFAULT_HIERARCHY",
    "DEFAULT_WEIGHTS",
    "HIERARCHIES",
    "SICHUAN_2021",
    "UNITS",
    "Classification",
    "DateBound",
    "Direction",
    "Evaluation",
    "Hierarchy",
    "IndicatorLevel1",
    "IndicatorLevel2",
    "IndicatorValue",
    "Operator",
    "Outcome",
    "Qualitative",
    "QualitativeBand",
    "Quantity",
    "ValueKind",
    "evaluate",
    "execution_rate_score",
    "grade",
    "infer_direction",
    "normalise_label",
    "parse_indicator_value",
    "score_qualitative",
    "score_quantitative",
]
