"""The vocabulary of indicator values: units, comparison words, periods, and text normalisation.

Everything :mod:`budgetacct.model.indicator_values` reads a printed value with, and what
:mod:`budgetacct.model.evaluation` compares units and statements by.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import Final

__all__ = ["UNITS", "WHITESPACE", "Operator"]

WHITESPACE: Final = re.compile(r"\s+")


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


# Full-width ASCII (！…～) to ASCII and the ideographic space to a space: one character for one,
# so positions in the translated text are positions in the original.
HALF: Final = str.maketrans(
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


def collapse(text: str) -> str:
    return WHITESPACE.sub(" ", text).strip()


def compact(text: str) -> str:
    """The comparison key of a statement: half-width, no whitespace, no final full stop."""
    return WHITESPACE.sub("", text.translate(HALF)).rstrip("。.")


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
UNIT_SYNONYMS: Final = {"个工作日": "工作日", "日": "天", "个月": "月", "个百分点": "百分点", "千克": "公斤"}
MONEY_UNITS: Final = frozenset({"元", "万元", "亿元"})
DURATION_UNITS: Final = frozenset(
    {"天", "日", "个工作日", "工作日", "小时", "分钟", "周", "个月", "月", "年"}
)

# Operator words.  以上/以下/以内 include the number (民法典 第一千二百五十九条).
SYMBOLS: Final = {
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
POST_WORDS: Final = {
    "及以上": Operator.GE, "或以上": Operator.GE, "以上": Operator.GE,
    "及以下": Operator.LE, "或以下": Operator.LE, "以下": Operator.LE, "以内": Operator.LE,
    "之内": Operator.LE, "内": Operator.LE,
}  # fmt: skip
QUANTITY_STYLES: Final[Mapping[str, Operator | None]] = MappingProxyType(
    {"": None, **{s: Operator(s) for s in "≥≤=><"}, **_PRE_WORDS, **POST_WORDS}
)
DATE_STYLES: Final[Mapping[str, Operator | None]] = MappingProxyType(
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
APPROX: Final = "余"


def _alternation(words: Iterable[str]) -> str:
    items = sorted((w for w in words if w), key=lambda w: (-len(w), w))
    return "|".join(re.escape(w) for w in items)


QUANTITY_RE: Final = re.compile(
    r"(?P<prefix>[^0-9]*?)"
    rf"(?:(?P<sym>{_alternation(SYMBOLS)})|(?P<pre>{_alternation(_PRE_WORDS)}))?\s*"
    r"(?P<num>[+-]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?)\s*"
    r"(?P<approx>[余多])?\s*"
    rf"(?P<unit>{_alternation(UNITS)})?\s*"
    rf"(?P<post>{_alternation(POST_WORDS)})?"
    r"(?P<suffix>[^0-9]*)",
    re.DOTALL,
)

# Periods named after a year (年底, 春节 …) and after a month (月底, 上旬 …).
YEAR_EVENTS: Final = (
    "年底", "年末", "年终", "年初", "年中", "上半年", "下半年", "第一季度", "第二季度", "第三季度",
    "第四季度", "一季度", "二季度", "三季度", "四季度", "春节", "元旦", "国庆节", "国庆", "劳动节", "五一",
    "清明节", "清明", "端午节", "端午", "中秋节", "中秋",
)  # fmt: skip
YEAR_EVENT_SHORT: Final = {"底": "年底", "末": "年末", "初": "年初", "中": "年中"}
MONTH_EVENTS: Final = {
    "底": "月底",
    "末": "月末",
    "初": "月初",
    "中": "月中",
    "上旬": "上旬",
    "中旬": "中旬",
    "下旬": "下旬",
}
MONTH_EVENT_NAMES: Final = frozenset(MONTH_EVENTS.values())
YEAR_RE: Final = re.compile(
    r"(?P<prefix>[^0-9]*?)(?<![0-9.])(?P<year>(?:19|20)[0-9]{2})\s*年(?:\s*度)?", re.DOTALL
)
DOTTED_RE: Final = re.compile(
    r"(?P<prefix>[^0-9]*?)(?<![0-9.])(?P<year>(?:19|20)[0-9]{2})(?P<sep>[-./])(?P<month>[0-9]{1,2})(?P=sep)"
    r"(?P<day>[0-9]{1,2})(?![0-9])",
    re.DOTALL,
)
MONTH_RE: Final = re.compile(r"\s*(?P<month>[0-9]{1,2})\s*月")
DAY_RE: Final = re.compile(r"\s*(?P<day>[0-9]{1,2})\s*[日号]")
YEAR_EVENT_RE: Final = re.compile(rf"\s*(?P<event>{_alternation(YEAR_EVENTS)}|[底末初中])")
MONTH_EVENT_RE: Final = re.compile(rf"\s*(?P<event>{_alternation(MONTH_EVENTS)})")
DATE_OP_RE: Final = re.compile(rf"\s*(?P<op>{_alternation(DATE_STYLES)})")
DIGIT: Final = re.compile(r"[0-9]")

# Spring Festival (春节) dates, [K] from the calendar; other years: only identical bounds compare.
SPRING_FESTIVAL: Final = {
    2015: (2, 19), 2016: (2, 8), 2017: (1, 28), 2018: (2, 16), 2019: (2, 5), 2020: (1, 25), 2021: (2, 12),
    2022: (2, 1), 2023: (1, 22), 2024: (2, 10), 2025: (1, 29), 2026: (2, 17), 2027: (2, 6), 2028: (1, 26),
    2029: (2, 13), 2030: (2, 3),
}  # fmt: skip
