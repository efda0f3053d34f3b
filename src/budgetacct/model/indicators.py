"""Performance indicators (绩效指标): the hierarchy, typed indicator values, evaluation and scoring.

A 项目支出绩效自评表 lists indicators as 一级 / 二级 / 三级 labels with a target (预期指标值) and an
actual value (实际完成指标值), both free text in the published form.  This module reads them:

* :class:`Hierarchy` — the 一级/二级 labels as *data* (Sichuan 2021 forms, central forms after
  财预〔2021〕101号), mapping printed labels (“完成\\n指标”, “社会效益  指标”) to canonical names and to
  the :class:`Direction` in which an indicator is better;
* :func:`parse_indicator_value` — text to a typed :class:`IndicatorValue`: a :class:`Quantity`
  (``≥95%``, ``3次以上``, ``83万元``), a :class:`DateBound` (``2021年春节前``) or a
  :class:`Qualitative` statement (``已完成``); it never raises on text and never loses it;
* :func:`evaluate` — met / not met / not measurable, with the reason in Chinese and English;
* scoring per 财预〔2020〕10号: :func:`score_quantitative`, :func:`score_qualitative`,
  :func:`execution_rate_score`, :func:`grade`.

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

import datetime
import enum
import re
from collections.abc import Iterable, Mapping
from decimal import ROUND_HALF_UP, Context, Decimal, InvalidOperation
from types import MappingProxyType
from typing import Any, Final, NamedTuple

import attrs

from budgetacct.errors import InvalidValue
from budgetacct.money import Amount, to_decimal

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

# Ratios are inexact by nature: 28 significant digits, half-up (same as budgetacct.money).
_RATIO: Final = Context(prec=28, rounding=ROUND_HALF_UP, traps=[InvalidOperation])
_CENT: Final = Decimal("0.01")
_HUNDRED: Final = Decimal(100)


# --- enums ------------------------------------------------------------------------------------


class Direction(enum.Enum):
    """Which way an indicator is better (R50).  Not :class:`budgetacct.money.Direction` (增加/减少).

    >>> Direction.LOWER_IS_BETTER.value, Direction.LOWER_IS_BETTER.english
    ('反向', 'lower is better')
    """

    HIGHER_IS_BETTER = "正向"
    LOWER_IS_BETTER = "反向"
    EARLIER_IS_BETTER = "时效"

    @property
    def english(self) -> str:
        return _DIRECTION_EN[self]


_DIRECTION_EN: Final = {
    Direction.HIGHER_IS_BETTER: "higher is better",
    Direction.LOWER_IS_BETTER: "lower is better",
    Direction.EARLIER_IS_BETTER: "earlier is better",
}


class Operator(enum.Enum):
    """The comparison written in an indicator value (指标性质); the value is the symbol.

    >>> Operator.GE.holds(Decimal(3), Decimal(3)), Operator.GT.holds(Decimal(3), Decimal(3))
    (True, False)
    """

    GE = "≥"
    LE = "≤"
    EQ = "="
    GT = ">"
    LT = "<"

    def holds(self, left: Decimal, right: Decimal) -> bool:
        """Whether ``left <operator> right``."""
        if self is Operator.GE:
            return left >= right
        if self is Operator.LE:
            return left <= right
        if self is Operator.GT:
            return left > right
        if self is Operator.LT:
            return left < right
        return left == right


class Outcome(enum.Enum):
    """The result of comparing an actual value with its target.

    >>> Outcome.NOT_MEASURABLE.english
    'not measurable'
    """

    MET = "达成"
    NOT_MET = "未达成"
    NOT_MEASURABLE = "无法衡量"

    @property
    def english(self) -> str:
        return {"达成": "met", "未达成": "not met", "无法衡量": "not measurable"}[self.value]


class ValueKind(enum.Enum):
    """The three kinds of :class:`IndicatorValue`.

    >>> parse_indicator_value("2021年").kind
    <ValueKind.DATE: '时间'>
    """

    QUANTITATIVE = "定量"
    DATE = "时间"
    QUALITATIVE = "定性"


# --- hierarchy --------------------------------------------------------------------------------

_WHITESPACE: Final = re.compile(r"\s+")


def normalise_label(label: str) -> str:
    """A printed 一级/二级 label with every whitespace (spaces, line breaks, U+3000) and a trailing colon removed.

    >>> normalise_label("社会效益  指标"), normalise_label("满意\\n度指标")
    ('社会效益指标', '满意度指标')
    """
    if not isinstance(label, str):
        raise InvalidValue("指标名称文字", "the text of an indicator label", label)
    return _WHITESPACE.sub("", label).rstrip(":：")


def _label_keys(label: str) -> tuple[str, ...]:
    key = normalise_label(label)
    return (key,) if key.endswith("指标") or not key else (key, key + "指标")


def _name_validator(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not str or not value or normalise_label(value) != value:
        raise InvalidValue(
            "不含空白的非空指标名称",
            "a non-empty indicator name without whitespace",
            value,
            path=f"$.{attribute.name}",
        )


def _names_validator(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not tuple:
        raise InvalidValue("名称元组", "a tuple of names", value, path=f"$.{attribute.name}")
    for index, item in enumerate(value):
        if type(item) is not str or not item or normalise_label(item) != item:
            raise InvalidValue(
                "不含空白的非空指标名称",
                "a non-empty name without whitespace",
                item,
                path=f"$.{attribute.name}[{index}]",
            )


def _direction_validator(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not Direction:
        raise InvalidValue("指标方向（Direction）", "a Direction", value, path=f"$.{attribute.name}")


@attrs.frozen
class IndicatorLevel2:
    """A 二级指标 (数量指标, 社会效益指标 …) with its direction and accepted aliases.

    >>> IndicatorLevel2("时效指标", Direction.EARLIER_IS_BETTER).direction.value
    '时效'
    """

    name: str = attrs.field(validator=_name_validator)
    direction: Direction = attrs.field(validator=_direction_validator)
    aliases: tuple[str, ...] = attrs.field(default=(), validator=_names_validator)


def _children_validator(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not tuple or not all(type(c) is IndicatorLevel2 for c in value):
        raise InvalidValue("二级指标元组", "a tuple of IndicatorLevel2", value, path=f"$.{attribute.name}")


@attrs.frozen
class IndicatorLevel1:
    """A 一级指标 (产出指标, 效益指标, 满意度指标, 成本指标) and its 二级 children.

    ``direction`` is used for a 二级 label that is not one of the children.

    >>> SICHUAN_2021.level1("完成指标").name
    '产出指标'
    """

    name: str = attrs.field(validator=_name_validator)
    children: tuple[IndicatorLevel2, ...] = attrs.field(validator=_children_validator)
    direction: Direction = attrs.field(default=Direction.HIGHER_IS_BETTER, validator=_direction_validator)
    aliases: tuple[str, ...] = attrs.field(default=(), validator=_names_validator)

    def child(self, label: str) -> IndicatorLevel2 | None:
        """The child named (or aliased) by a printed label, ignoring whitespace and a missing “指标”."""
        for key in _label_keys(label):
            for child in self.children:
                if key == child.name or key in child.aliases:
                    return child
        return None


@attrs.frozen
class Classification:
    """The reading of a printed 一级/二级 label pair.

    ``level1``/``level2`` are the canonical names when known, otherwise the printed label with its
    whitespace removed; ``level1_label``/``level2_label`` keep the labels verbatim.  ``known`` is true
    only when both labels are known *and* the 二级 belongs to that 一级 (an unknown pair is reported
    by the audit, never rejected).
    """

    level1: str
    level2: str
    direction: Direction
    known: bool
    level1_known: bool
    level2_known: bool
    level1_label: str
    level2_label: str


def _level1_validator(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not tuple or not value or not all(type(c) is IndicatorLevel1 for c in value):
        raise InvalidValue(
            "非空的一级指标元组", "a non-empty tuple of IndicatorLevel1", value, path="$.levels"
        )
    seen: set[str] = set()
    for level in value:
        for key in (level.name, *level.aliases):
            if key in seen:
                raise InvalidValue(
                    "不重复的一级指标名称", "unique 一级 names and aliases", key, path="$.levels"
                )
            seen.add(key)


@attrs.frozen
class Hierarchy:
    """An indicator framework: the 一级 indicators, their 二级 children and directions.

    >>> c = CENTRAL_2021.classify("成本指标", "经济成本指标")
    >>> c.known, c.direction.value
    (True, '反向')
    >>> u = DEFAULT_HIERARCHY.classify("履职效能", "工作完成")
    >>> u.known, u.level1, u.direction.value
    (False, '履职效能', '正向')
    """

    name: str = attrs.field(validator=_name_validator)
    levels: tuple[IndicatorLevel1, ...] = attrs.field(validator=_level1_validator)

    def level1(self, label: str) -> IndicatorLevel1 | None:
        """The 一级 indicator a printed label names (canonical name or alias), or ``None``."""
        for key in _label_keys(label):
            for level in self.levels:
                if key == level.name or key in level.aliases:
                    return level
        return None

    def classify(self, level1_label: str, level2_label: str) -> Classification:
        """Canonical names, direction and whether the pair is known (see :class:`Classification`).

        >>> DEFAULT_HIERARCHY.classify("满意\\n度指标", "满意度\\n指标").level2
        '满意度指标'
        >>> DEFAULT_HIERARCHY.classify("产出指标", "时效指标").direction
        <Direction.EARLIER_IS_BETTER: '时效'>
        """
        level1 = self.level1(level1_label)
        child = level1.child(level2_label) if level1 is not None else None
        elsewhere = None
        if child is None:
            for level in self.levels:
                elsewhere = level.child(level2_label)
                if elsewhere is not None:
                    break
        if child is not None:
            direction = child.direction
        elif elsewhere is not None:
            direction = elsewhere.direction
        else:
            # An unknown 二级 label says more than its 一级 (成本指标 printed under 产出 in a central form).
            key2 = normalise_label(level2_label)
            named = self.level1(level2_label)
            if named is not None:
                direction = named.direction
            elif "成本" in key2 or "时效" in key2:
                direction = _guess_direction(key2)
            elif level1 is not None:
                direction = level1.direction
            else:
                direction = _guess_direction(normalise_label(level1_label))
        name2 = (
            child.name
            if child is not None
            else (elsewhere.name if elsewhere else normalise_label(level2_label))
        )
        return Classification(
            level1=level1.name if level1 is not None else normalise_label(level1_label),
            level2=name2,
            direction=direction,
            known=child is not None,
            level1_known=level1 is not None,
            level2_known=child is not None,
            level1_label=level1_label,
            level2_label=level2_label,
        )


def _guess_direction(key: str) -> Direction:
    if "成本" in key:
        return Direction.LOWER_IS_BETTER
    if "时效" in key:
        return Direction.EARLIER_IS_BETTER
    return Direction.HIGHER_IS_BETTER


_H, _L, _E = Direction.HIGHER_IS_BETTER, Direction.LOWER_IS_BETTER, Direction.EARLIER_IS_BETTER
_QUANTITY = IndicatorLevel2("数量指标", _H)
_QUALITY = IndicatorLevel2("质量指标", _H)
_TIMELINESS = IndicatorLevel2("时效指标", _E)
_COST2 = IndicatorLevel2("成本指标", _L)
_BENEFIT = IndicatorLevel1(
    "效益指标",
    (
        IndicatorLevel2("经济效益指标", _H),
        IndicatorLevel2("社会效益指标", _H),
        IndicatorLevel2("生态效益指标", _H, ("生态环境效益指标",)),
        IndicatorLevel2("可持续影响指标", _H, ("可持续性影响指标",)),
    ),
)
_SATISFACTION = IndicatorLevel1(
    "满意度指标", (IndicatorLevel2("服务对象满意度指标", _H), IndicatorLevel2("满意度指标", _H))
)
_COST1 = IndicatorLevel1(
    "成本指标",
    (
        IndicatorLevel2("经济成本指标", _L),
        IndicatorLevel2("社会成本指标", _L),
        IndicatorLevel2("生态环境成本指标", _L, ("生态成本指标",)),
    ),
    direction=_L,
)

#: Sichuan 2021 forms (the seed): 一级 产出指标 — printed “完成指标” — with 成本指标 as a 二级 under it.
SICHUAN_2021: Final = Hierarchy(
    "四川2021",
    (
        IndicatorLevel1("产出指标", (_QUANTITY, _QUALITY, _TIMELINESS, _COST2), aliases=("完成指标",)),
        _BENEFIT,
        _SATISFACTION,
    ),
)
#: Central forms after 财预〔2021〕101号: 成本指标 is a 一级 with 经济/社会/生态环境成本 below it.
CENTRAL_2021: Final = Hierarchy(
    "中央2021",
    (IndicatorLevel1("产出指标", (_QUANTITY, _QUALITY, _TIMELINESS)), _BENEFIT, _SATISFACTION, _COST1),
)
#: Accepts both: 完成指标 as an alias, 成本指标 as a 二级 under 产出 *and* as a 一级.
DEFAULT_HIERARCHY: Final = Hierarchy(
    "通用",
    (
        IndicatorLevel1("产出指标", (_QUANTITY, _QUALITY, _TIMELINESS, _COST2), aliases=("完成指标",)),
        _BENEFIT,
        _SATISFACTION,
        _COST1,
    ),
)
HIERARCHIES: Final[Mapping[str, Hierarchy]] = MappingProxyType(
    {h.name: h for h in (SICHUAN_2021, CENTRAL_2021, DEFAULT_HIERARCHY)}
)


# --- text normalisation and the vocabulary of values ------------------------------------------

# Full-width ASCII (！…～) to ASCII and the ideographic space to a space: one character for one,
# so positions in the translated text are positions in the original.
_HALF: Final = str.maketrans(
    {
        **{chr(0xFF01 + k): chr(0x21 + k) for k in range(94)},
        "\u3000": " ",
        "≧": "≥",
        "≦": "≤",
        "⩾": "≥",
        "⩽": "≤",
        "﹪": "%",
        "﹤": "<",
        "﹥": ">",
        "﹦": "=",
        "﹣": "-",
        "−": "-",
    }
)


def _collapse(text: str) -> str:
    return _WHITESPACE.sub(" ", text).strip()


def _compact(text: str) -> str:
    """The comparison key of a statement: half-width, no whitespace, no final full stop."""
    return _WHITESPACE.sub("", text.translate(_HALF)).rstrip("。.")


_BASE_UNITS: Final = (
    "%", "‰", "个百分点", "百分点", "元", "万元", "亿元", "次", "人次", "人", "名", "位", "册", "本", "台",
    "套", "个", "条", "批", "批次", "种", "类", "期", "项", "件", "份", "篇", "部", "张", "场", "所", "座",
    "处", "户", "家", "辆", "架", "艘", "栋", "间", "床", "棵", "株", "头", "只", "组", "队", "支", "轮",
    "门", "节", "章", "集", "卷", "幅", "块", "根", "盏", "路", "站", "村", "镇", "乡", "单位", "例", "起",
    "宗", "课时", "学时", "天", "日", "个工作日", "工作日", "小时", "分钟", "周", "个月", "月", "年",
    "吨", "公斤", "千克", "克", "斤", "亩", "公顷", "平方米", "平方公里", "立方米", "米", "千米", "公里",
    "千瓦", "千瓦时", "度", "分", "GB", "TB", "MB",
)  # fmt: skip
_COUNT_UNITS: Final = ("次", "人次", "人", "册", "条", "件", "份", "篇", "户", "吨", "亩", "套", "个", "张")
#: Units a :class:`Quantity` may carry (``""`` for none).  万/亿 before a count unit is a multiplier.
UNITS: Final[frozenset[str]] = frozenset(
    {"", "万", "亿", *_BASE_UNITS, *(p + u for p in ("万", "亿") for u in _COUNT_UNITS)}
)
_UNIT_SYNONYMS: Final = {"个工作日": "工作日", "日": "天", "个月": "月", "个百分点": "百分点", "千克": "公斤"}
_MONEY_UNITS: Final = frozenset({"元", "万元", "亿元"})
_DURATION_UNITS: Final = frozenset(
    {"天", "日", "个工作日", "工作日", "小时", "分钟", "周", "个月", "月", "年"}
)

# Operator words.  以上/以下/以内 include the number (民法典 第一千二百五十九条).
_SYMBOLS: Final = {
    ">=": "≥",
    "=>": "≥",
    "<=": "≤",
    "=<": "≤",
    "≥": "≥",
    "≤": "≤",
    "=": "=",
    ">": ">",
    "<": "<",
}
_PRE_WORDS: Final = {
    "不低于": Operator.GE, "不少于": Operator.GE, "不小于": Operator.GE, "至少": Operator.GE,
    "不超过": Operator.LE, "不高于": Operator.LE, "不多于": Operator.LE, "不大于": Operator.LE,
    "至多": Operator.LE, "最多": Operator.LE,
    "超过": Operator.GT, "高于": Operator.GT, "多于": Operator.GT, "大于": Operator.GT,
    "不满": Operator.LT, "不足": Operator.LT, "低于": Operator.LT, "少于": Operator.LT, "小于": Operator.LT,
}  # fmt: skip
_POST_WORDS: Final = {
    "及以上": Operator.GE, "或以上": Operator.GE, "以上": Operator.GE,
    "及以下": Operator.LE, "或以下": Operator.LE, "以下": Operator.LE, "以内": Operator.LE,
    "之内": Operator.LE, "内": Operator.LE,
}  # fmt: skip
_QUANTITY_STYLES: Final[Mapping[str, Operator | None]] = MappingProxyType(
    {"": None, **{s: Operator(s) for s in "≥≤=><"}, **_PRE_WORDS, **_POST_WORDS}
)
_DATE_STYLES: Final[Mapping[str, Operator | None]] = MappingProxyType(
    {
        "": None,
        "前": Operator.LE,
        "之前": Operator.LE,
        "以前": Operator.LE,
        "后": Operator.GE,
        "之后": Operator.GE,
        "以后": Operator.GE,
        "内": None,
        "以内": None,
        "之内": None,
    }
)
_APPROX: Final = "余"


def _alternation(words: Iterable[str]) -> str:
    items = sorted((w for w in words if w), key=lambda w: (-len(w), w))
    return "|".join(re.escape(w) for w in items)


_QUANTITY_RE: Final = re.compile(
    r"(?P<prefix>[^0-9]*?)"
    rf"(?:(?P<sym>{_alternation(_SYMBOLS)})|(?P<pre>{_alternation(_PRE_WORDS)}))?\s*"
    r"(?P<num>[+-]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?)\s*"
    r"(?P<approx>[余多])?\s*"
    rf"(?P<unit>{_alternation(UNITS)})?\s*"
    rf"(?P<post>{_alternation(_POST_WORDS)})?"
    r"(?P<suffix>[^0-9]*)",
    re.DOTALL,
)

# Periods named after a year (年底, 春节 …) and after a month (月底, 上旬 …).
_YEAR_EVENTS: Final = (
    "年底", "年末", "年终", "年初", "年中", "上半年", "下半年", "第一季度", "第二季度", "第三季度",
    "第四季度", "一季度", "二季度", "三季度", "四季度", "春节", "元旦", "国庆节", "国庆", "劳动节", "五一",
    "清明节", "清明", "端午节", "端午", "中秋节", "中秋",
)  # fmt: skip
_YEAR_EVENT_SHORT: Final = {"底": "年底", "末": "年末", "初": "年初", "中": "年中"}
_MONTH_EVENTS: Final = {
    "底": "月底",
    "末": "月末",
    "初": "月初",
    "中": "月中",
    "上旬": "上旬",
    "中旬": "中旬",
    "下旬": "下旬",
}
_MONTH_EVENT_NAMES: Final = frozenset(_MONTH_EVENTS.values())
_YEAR_RE: Final = re.compile(
    r"(?P<prefix>[^0-9]*?)(?<![0-9.])(?P<year>(?:19|20)[0-9]{2})\s*年(?:\s*度)?", re.DOTALL
)
_DOTTED_RE: Final = re.compile(
    r"(?P<prefix>[^0-9]*?)(?<![0-9.])(?P<year>(?:19|20)[0-9]{2})(?P<sep>[-./])(?P<month>[0-9]{1,2})(?P=sep)"
    r"(?P<day>[0-9]{1,2})(?![0-9])",
    re.DOTALL,
)
_MONTH_RE: Final = re.compile(r"\s*(?P<month>[0-9]{1,2})\s*月")
_DAY_RE: Final = re.compile(r"\s*(?P<day>[0-9]{1,2})\s*[日号]")
_YEAR_EVENT_RE: Final = re.compile(rf"\s*(?P<event>{_alternation(_YEAR_EVENTS)}|[底末初中])")
_MONTH_EVENT_RE: Final = re.compile(rf"\s*(?P<event>{_alternation(_MONTH_EVENTS)})")
_DATE_OP_RE: Final = re.compile(rf"\s*(?P<op>{_alternation(_DATE_STYLES)})")
_DIGIT: Final = re.compile(r"[0-9]")

# Spring Festival (春节) dates, [K] from the calendar; other years: only identical bounds compare.
_SPRING_FESTIVAL: Final = {
    2015: (2, 19), 2016: (2, 8), 2017: (1, 28), 2018: (2, 16), 2019: (2, 5), 2020: (1, 25), 2021: (2, 12),
    2022: (2, 1), 2023: (1, 22), 2024: (2, 10), 2025: (1, 29), 2026: (2, 17), 2027: (2, 6), 2028: (1, 26),
    2029: (2, 13), 2030: (2, 3),
}  # fmt: skip


# --- typed values -----------------------------------------------------------------------------


class _QuantityFields(NamedTuple):
    number: Decimal
    unit: str
    operator: Operator | None
    style: str
    approximate: bool
    subject: str
    subject_after: bool


class _DateFields(NamedTuple):
    year: int
    month: int | None
    day: int | None
    event: str | None
    operator: Operator | None
    style: str
    subject: str
    subject_after: bool


_Fields = _QuantityFields | _DateFields | None


def _str_field(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not str:
        raise InvalidValue("文字", "a string", value, path=f"$.{attribute.name}")


def _subject_validator(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not str or _collapse(value) != value or _DIGIT.search(value.translate(_HALF)):
        raise InvalidValue(
            "不含数字、首尾无空白的说明文字",
            "a label without digits or surrounding whitespace",
            value,
            path=f"$.{attribute.name}",
        )


def _bool_field(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not bool:
        raise InvalidValue("布尔值", "a boolean", value, path=f"$.{attribute.name}")


def _optional_operator(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and type(value) is not Operator:
        raise InvalidValue(
            "比较符号（Operator）或None", "an Operator or None", value, path=f"$.{attribute.name}"
        )


def _to_number(value: str | int | Decimal) -> Decimal:
    return to_decimal(value, what_zh="指标数值", what_en="an indicator number", path="$.number")


def _unit_validator(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not str or value not in UNITS:
        raise InvalidValue(
            "已知的度量单位（如 %、万元、次）", "a known unit (%, 万元, 次 …)", value, path="$.unit"
        )


@attrs.frozen(kw_only=True)
class IndicatorValue:
    """A typed indicator value: :class:`Quantity`, :class:`DateBound` or :class:`Qualitative`.

    ``text`` keeps the original text; it is not part of equality (``≥95%`` equals ``＞＝95％``).
    Every value reads back equal from its written form: ``parse_indicator_value(str(v)) == v``
    (checked at construction).

    >>> parse_indicator_value("＞＝95％") == parse_indicator_value("≥95%")
    True
    >>> parse_indicator_value("＞＝95％").text
    '＞＝95％'
    """

    text: str = attrs.field(default="", eq=False, validator=_str_field)

    @property
    def kind(self) -> ValueKind:
        # Unreachable for real values: the base class refuses construction in ``_fields``.
        raise InvalidValue("Quantity、DateBound 或 Qualitative", "a Quantity, DateBound or Qualitative", self)

    def _fields(self) -> _Fields:
        raise InvalidValue("Quantity、DateBound 或 Qualitative", "a Quantity, DateBound or Qualitative", self)

    def __attrs_post_init__(self) -> None:
        expected = self._fields()
        written = str(self)
        read = _read(_collapse(written))
        if type(read) is not type(expected) or read != expected:
            raise InvalidValue(
                "书写后能按原样读回的指标值",
                "an indicator value that reads back the same once written",
                written,
            )
        if not self.text:
            object.__setattr__(self, "text", written)


def _fill_operator(obj: Quantity | DateBound, styles: Mapping[str, Operator | None]) -> None:
    if obj.style not in styles:
        raise InvalidValue(
            "比较词或符号（如 ≥、以上、不低于、前）",
            "an operator word or symbol (≥, 以上, 不低于, 前 …)",
            obj.style,
            path="$.style",
        )
    implied = styles[obj.style]
    if obj.style and obj.operator is None:
        object.__setattr__(obj, "operator", implied)
    elif not obj.style and obj.operator is not None:
        default = (
            obj.operator.value
            if isinstance(obj, Quantity)
            else {Operator.LE: "前", Operator.GE: "后"}.get(obj.operator, "")
        )
        object.__setattr__(obj, "style", default)
    if styles[obj.style] is not obj.operator:
        raise InvalidValue(
            f"与比较符号{obj.operator.value if obj.operator else '（无）'}一致的写法",
            "a style consistent with the operator",
            obj.style,
            path="$.style",
        )
    if not obj.subject and obj.subject_after:
        object.__setattr__(obj, "subject_after", False)


@attrs.frozen(kw_only=True)
class Quantity(IndicatorValue):
    """A number with a unit and an optional comparison: ``≥95%``, ``3次以上``, ``360余次``, ``工作完成率100%``.

    ``style`` is how the operator was written (``≥`` for ``>=``/``＞＝``; words such as ``以上`` or
    ``不低于`` are kept) so the value is written back the same way.  ``approximate`` marks ``余``/``多``
    (read as “at least the number”).  ``subject`` is label text written before the number (or after it
    when ``subject_after``).

    >>> q = Quantity(number=Decimal("95"), unit="%", operator=Operator.GE)
    >>> str(q), q.style
    ('≥95%', '≥')
    >>> str(Quantity(number=Decimal(3), unit="次", style="以上"))
    '3次以上'
    >>> str(parse_indicator_value("工作完成率100%").subject)
    '工作完成率'
    """

    number: Decimal = attrs.field(converter=_to_number)
    unit: str = attrs.field(default="", validator=_unit_validator)
    operator: Operator | None = attrs.field(default=None, validator=_optional_operator)
    style: str = attrs.field(default="", validator=_str_field)
    approximate: bool = attrs.field(default=False, validator=_bool_field)
    subject: str = attrs.field(default="", validator=_subject_validator)
    subject_after: bool = attrs.field(default=False, validator=_bool_field)

    def __attrs_post_init__(self) -> None:
        _fill_operator(self, _QUANTITY_STYLES)
        super().__attrs_post_init__()

    @property
    def kind(self) -> ValueKind:
        return ValueKind.QUANTITATIVE

    def _fields(self) -> _Fields:
        return _QuantityFields(
            self.number,
            self.unit,
            self.operator,
            self.style,
            self.approximate,
            self.subject,
            self.subject_after,
        )

    def __str__(self) -> str:
        before = self.style if self.style not in _POST_WORDS else ""
        after = self.style if self.style in _POST_WORDS else ""
        core = f"{before}{self.number:f}{_APPROX if self.approximate else ''}{self.unit}{after}"
        if not self.subject:
            return core
        return core + self.subject if self.subject_after else self.subject + core


def _date_validator(obj: DateBound) -> None:
    if type(obj.year) is not int or not 1900 <= obj.year <= 2100:
        raise InvalidValue("1900到2100之间的年份", "a year from 1900 to 2100", obj.year, path="$.year")
    if obj.month is not None and (type(obj.month) is not int or not 1 <= obj.month <= 12):
        raise InvalidValue("1到12的月份", "a month from 1 to 12", obj.month, path="$.month")
    if obj.day is not None:
        if obj.month is None or type(obj.day) is not int:
            raise InvalidValue("有月份时的日期", "a day (with a month)", obj.day, path="$.day")
        try:
            datetime.date(obj.year, obj.month, obj.day)
        except ValueError:
            raise InvalidValue("存在的日期", "a day that exists", obj.day, path="$.day") from None
    if obj.event is not None:
        if type(obj.event) is not str:
            raise InvalidValue("时间节点文字或None", "a period name or None", obj.event, path="$.event")
        allowed = (
            frozenset()
            if obj.day is not None
            else (_MONTH_EVENT_NAMES if obj.month is not None else frozenset(_YEAR_EVENTS))
        )
        if obj.event not in allowed:
            raise InvalidValue(
                "已知的时间节点（如 春节、年底、上半年、月底）",
                "a known period (春节, 年底, 上半年, 月底 …)",
                obj.event,
                path="$.event",
            )


@attrs.frozen(kw_only=True)
class DateBound(IndicatorValue):
    """A completion date or period: ``2021年``, ``2021年春节前``, ``2021年12月31日前``, ``2021年6月底前``.

    ``operator`` is ``Operator.LE`` for 前/之前/以前 (by that time, inclusive), ``Operator.GE`` for
    后/之后/以后, ``None`` for the period itself (“2021年” = within 2021; also 年内).

    >>> d = parse_indicator_value("2021年年底前完成检举举报平台主体工程建设")
    >>> d.year, d.event, d.operator, d.subject
    (2021, '年底', <Operator.LE: '≤'>, '完成检举举报平台主体工程建设')
    >>> DateBound(year=2021, month=6, event="月底", operator=Operator.LE).period
    (datetime.date(2021, 6, 21), datetime.date(2021, 6, 30))
    """

    year: int = attrs.field()
    month: int | None = attrs.field(default=None)
    day: int | None = attrs.field(default=None)
    event: str | None = attrs.field(default=None)
    operator: Operator | None = attrs.field(default=None, validator=_optional_operator)
    style: str = attrs.field(default="", validator=_str_field)
    subject: str = attrs.field(default="", validator=_subject_validator)
    subject_after: bool = attrs.field(default=False, validator=_bool_field)

    def __attrs_post_init__(self) -> None:
        _date_validator(self)
        if self.operator is Operator.EQ or self.operator is Operator.GT or self.operator is Operator.LT:
            raise InvalidValue(
                "前（≤）、后（≥）或无", "≤ (前), ≥ (后) or none", self.operator, path="$.operator"
            )
        _fill_operator(self, _DATE_STYLES)
        super().__attrs_post_init__()

    @property
    def kind(self) -> ValueKind:
        return ValueKind.DATE

    def _fields(self) -> _Fields:
        return _DateFields(
            self.year,
            self.month,
            self.day,
            self.event,
            self.operator,
            self.style,
            self.subject,
            self.subject_after,
        )

    def __str__(self) -> str:
        core = f"{self.year}年"
        if self.month is not None:
            core += f"{self.month}月"
        if self.day is not None:
            core += f"{self.day}日"
        if self.event is not None:
            core += self.event[1:] if self.event.startswith("月") else self.event
        core += self.style
        if not self.subject:
            return core
        return core + self.subject if self.subject_after else self.subject + core

    @property
    def period(self) -> tuple[datetime.date, datetime.date] | None:
        """The first and last day the value names, or ``None`` when unknown (lunar festivals).

        >>> parse_indicator_value("2021年春节前").period
        (datetime.date(2021, 2, 12), datetime.date(2021, 2, 12))
        >>> parse_indicator_value("2021年").period
        (datetime.date(2021, 1, 1), datetime.date(2021, 12, 31))
        """
        y = self.year
        d = datetime.date
        if self.month is not None:
            if self.day is not None:
                return d(y, self.month, self.day), d(y, self.month, self.day)
            last = (d(y + 1, 1, 1) if self.month == 12 else d(y, self.month + 1, 1)) - datetime.timedelta(
                days=1
            )
            ranges = {
                None: (1, last.day),
                "月初": (1, 10),
                "上旬": (1, 10),
                "月中": (11, 20),
                "中旬": (11, 20),
                "下旬": (21, last.day),
                "月底": (21, last.day),
                "月末": (21, last.day),
            }
            first_day, last_day = ranges[self.event]
            return d(y, self.month, first_day), d(y, self.month, last_day)
        event = self.event
        if event is None:
            return d(y, 1, 1), d(y, 12, 31)
        if event in ("春节",):
            if y not in _SPRING_FESTIVAL:
                return None
            return d(y, *_SPRING_FESTIVAL[y]), d(y, *_SPRING_FESTIVAL[y])
        fixed = {
            "年底": ((12, 1), (12, 31)),
            "年末": ((12, 1), (12, 31)),
            "年终": ((12, 1), (12, 31)),
            "年初": ((1, 1), (1, 31)),
            "年中": ((6, 1), (7, 31)),
            "上半年": ((1, 1), (6, 30)),
            "下半年": ((7, 1), (12, 31)),
            "第一季度": ((1, 1), (3, 31)),
            "一季度": ((1, 1), (3, 31)),
            "第二季度": ((4, 1), (6, 30)),
            "二季度": ((4, 1), (6, 30)),
            "第三季度": ((7, 1), (9, 30)),
            "三季度": ((7, 1), (9, 30)),
            "第四季度": ((10, 1), (12, 31)),
            "四季度": ((10, 1), (12, 31)),
            "元旦": ((1, 1), (1, 1)),
            "劳动节": ((5, 1), (5, 1)),
            "五一": ((5, 1), (5, 1)),
            "国庆": ((10, 1), (10, 1)),
            "国庆节": ((10, 1), (10, 1)),
        }
        if event not in fixed:
            return None
        (m1, d1), (m2, d2) = fixed[event]
        return d(y, m1, d1), d(y, m2, d2)


def _statement(value: str) -> str:
    if not isinstance(value, str):
        raise InvalidValue("文字", "a string", value, path="$.statement")
    return _collapse(value)


@attrs.frozen(kw_only=True)
class Qualitative(IndicatorValue):
    """A statement that is neither a number nor a date: ``已完成``, ``完成重大节日走访慰问``, ``较上年提高``.

    ``statement`` has its whitespace collapsed; text that reads as a number or date is refused
    (use :func:`parse_indicator_value`).

    >>> str(Qualitative(statement="达成预期指标"))
    '达成预期指标'
    >>> Qualitative(statement="95%")
    Traceback (most recent call last):
    ...
    budgetacct.errors.InvalidValue: ...
    """

    statement: str = attrs.field(converter=_statement)

    @property
    def kind(self) -> ValueKind:
        return ValueKind.QUALITATIVE

    def _fields(self) -> _Fields:
        return None

    def __attrs_post_init__(self) -> None:
        if _structured(self.statement) is not None:
            raise InvalidValue(
                "不能读作数值或日期的定性表述",
                "a statement that does not read as a number or a date",
                self.statement,
            )
        if not self.text:
            object.__setattr__(self, "text", self.statement)

    def __str__(self) -> str:
        return self.statement


# --- parsing ----------------------------------------------------------------------------------


def _side(original: str, start: int, end: int) -> str:
    return _collapse(original[start:end])


def _subject(original: str, prefix_end: int, suffix_start: int) -> tuple[str, bool] | None:
    before = _side(original, 0, prefix_end)
    after = _side(original, suffix_start, len(original))
    if before and after:
        return None
    return (after, True) if after else (before, False)


def _read_quantity(original: str, half: str) -> _QuantityFields | None:
    match = _QUANTITY_RE.fullmatch(half)
    if match is None:
        return None
    sym, pre, post = match["sym"], match["pre"], match["post"]
    style = _SYMBOLS[sym] if sym else (pre or "")
    operator = _QUANTITY_STYLES[style]
    if post:
        if operator is None:
            style, operator = post, _POST_WORDS[post]
        elif operator is not _POST_WORDS[post]:
            return None  # “≥95%以下” contradicts itself
    subject = _subject(original, match.end("prefix"), match.start("suffix"))
    if subject is None:
        return None
    number = Decimal(match["num"].replace(",", ""))
    return _QuantityFields(number, match["unit"] or "", operator, style, bool(match["approx"]), *subject)


def _read_date(original: str, half: str) -> _DateFields | None:
    month: int | None = None
    day: int | None = None
    event: str | None = None
    dotted = _DOTTED_RE.match(half)
    if dotted is not None:
        match = dotted
        year, month, day = int(dotted["year"]), int(dotted["month"]), int(dotted["day"])
        pos = dotted.end()
    else:
        found = _YEAR_RE.match(half)
        if found is None:
            return None
        match = found
        year, pos = int(found["year"]), found.end()
        month_match = _MONTH_RE.match(half, pos)
        if month_match is not None:
            month, pos = int(month_match["month"]), month_match.end()
            day_match = _DAY_RE.match(half, pos)
            if day_match is not None:
                day, pos = int(day_match["day"]), day_match.end()
            else:
                event_match = _MONTH_EVENT_RE.match(half, pos)
                if event_match is not None:
                    event, pos = _MONTH_EVENTS[event_match["event"]], event_match.end()
        else:
            event_match = _YEAR_EVENT_RE.match(half, pos)
            if event_match is not None:
                word = event_match["event"]
                event, pos = _YEAR_EVENT_SHORT.get(word, word), event_match.end()
    style = ""
    op_match = _DATE_OP_RE.match(half, pos)
    if op_match is not None:
        style, pos = op_match["op"], op_match.end()
    if _DIGIT.search(half, pos):
        return None
    subject = _subject(original, match.end("prefix"), pos)
    if subject is None:
        return None
    return _DateFields(year, month, day, event, _DATE_STYLES[style], style, *subject)


def _read(text: str) -> _Fields:
    """The fields a collapsed text reads as, or ``None`` for a statement."""
    half = text.translate(_HALF)
    if not _DIGIT.search(half):
        return None
    return _read_date(text, half) or _read_quantity(text, half)


def _structured(text: str, original: str | None = None) -> Quantity | DateBound | None:
    fields = _read(text)
    if original is None:
        original = text
    try:
        if isinstance(fields, _QuantityFields):
            return Quantity(text=original, **fields._asdict())
        if isinstance(fields, _DateFields):
            return DateBound(text=original, **fields._asdict())
    except InvalidValue:
        return None  # out of range (month 13, 10^13 …) or not written back the same: a statement
    return None


def parse_indicator_value(text: str) -> IndicatorValue:
    """Read a printed target or actual value; never raises on a ``str``.

    >>> parse_indicator_value("不低于90%").operator
    <Operator.GE: '≥'>
    >>> str(parse_indicator_value("95%以上")), str(parse_indicator_value("＞＝95％"))
    ('95%以上', '≥95%')
    >>> q = parse_indicator_value("360余次")
    >>> q.number, q.approximate, q.operator
    (Decimal('360'), True, None)
    >>> parse_indicator_value("１，２３４.５万条").number
    Decimal('1234.5')
    >>> parse_indicator_value("2021年12月31日前").period
    (datetime.date(2021, 12, 31), datetime.date(2021, 12, 31))
    >>> parse_indicator_value("已完成")
    Qualitative(text='已完成', statement='已完成')
    """
    if not isinstance(text, str):
        raise InvalidValue("指标值文字", "the text of an indicator value", text)
    collapsed = _collapse(text)
    value = _structured(collapsed, text)
    return value if value is not None else Qualitative(statement=collapsed, text=text)


def _value(value: IndicatorValue | str, what: str) -> IndicatorValue:
    if isinstance(value, str):
        return parse_indicator_value(value)
    if isinstance(value, (Quantity, DateBound, Qualitative)):
        return value
    raise InvalidValue("指标值（IndicatorValue）或文字", "an IndicatorValue or text", value, path=f"$.{what}")


# --- evaluation -------------------------------------------------------------------------------


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
    key = _compact(statement)
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
        if value.unit in _MONEY_UNITS and not value.approximate:
            return Direction.LOWER_IS_BETTER
    return Direction.HIGHER_IS_BETTER


def _scale(unit: str) -> tuple[str, Decimal]:
    unit = _UNIT_SYNONYMS.get(unit, unit)
    if unit in _MONEY_UNITS:
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
    if t_unit in _MONEY_UNITS and a_unit in _MONEY_UNITS:
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
        duration = target.unit in _DURATION_UNITS and not target.approximate
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
    if isinstance(a, Qualitative) and not _compact(a.statement):
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
        if _compact(a.statement) == _compact(t.statement):
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


# --- scoring (财预〔2020〕10号) -----------------------------------------------------------------

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
    return value.quantize(_CENT, ROUND_HALF_UP, _RATIO)


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
        ratio = _RATIO.divide(target_number, actual_number) if actual_number > 0 else Decimal(0)
    else:
        ratio = _RATIO.divide(actual_number, target_number) if target_number > 0 else Decimal(0)
    return _cents(min(max(_RATIO.multiply(w, ratio), Decimal(0)), w))


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
    return _cents(_RATIO.divide(_RATIO.multiply(w, share), _HUNDRED))


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
    score = _RATIO.multiply(_RATIO.divide(executed.value, budget.value), w)
    return _cents(min(max(score, Decimal(0)), w))
