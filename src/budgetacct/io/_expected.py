"""What the serialized form expects of each type, and how a refused value is shown.

Shared by the converter's checking walk (:mod:`budgetacct.io.converter`), the JSON reader and
the JSON Schema generator, so that every problem names the expected form in the same words.
"""

from __future__ import annotations

import enum
import reprlib
from decimal import Decimal
from typing import Any, Final

from budgetacct.io._types import optional_inner, tuple_element

__all__ = [
    "EXPECTED_AMOUNT",
    "EXPECTED_BOOL",
    "EXPECTED_CELL",
    "EXPECTED_DECIMAL",
    "EXPECTED_ECONOMIC_CODE",
    "EXPECTED_FUNCTION_CODE",
    "EXPECTED_INT",
    "EXPECTED_PERCENT",
    "EXPECTED_STR",
    "MISSING",
    "Refused",
    "Shown",
    "describe",
    "shown",
]

# --------------------------------------------------------------------------------------------
# How found values are shown in problems


class Shown:
    """A value shown by a fixed text (a summarized container, a JSON literal, “missing”)."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return self.text


MISSING: Final = Shown("(missing)")

_REPR = reprlib.Repr()
_REPR.maxlevel = 3
_REPR.maxstring = 60
_REPR.maxother = 60


def shown(value: object) -> object:
    """``value`` itself for JSON scalars; a short, recursion-safe summary for containers."""
    if value is None or value.__class__ in (str, int, bool, Shown):
        return value
    if isinstance(value, (list, tuple, dict)):
        return Shown(_REPR.repr(value))
    return Shown(repr(value)[:80]) if value.__class__.__module__.startswith("budgetacct") else value


# --------------------------------------------------------------------------------------------
# What each type expects, in both languages


def describe(tp: Any) -> tuple[str, str]:
    """The expected form of ``tp`` in serialized data, as (zh, en).

    >>> describe(int)
    ('JSON整数', 'a JSON integer')
    """
    from budgetacct.codes import EconomicCode, FunctionCode
    from budgetacct.model.tables import Cell
    from budgetacct.money import Amount, Percent

    if tp == Cell:
        return EXPECTED_CELL
    leaf = {
        Amount: EXPECTED_AMOUNT,
        Percent: EXPECTED_PERCENT,
        Decimal: EXPECTED_DECIMAL,
        FunctionCode: EXPECTED_FUNCTION_CODE,
        EconomicCode: EXPECTED_ECONOMIC_CODE,
        str: EXPECTED_STR,
        bool: EXPECTED_BOOL,
        int: EXPECTED_INT,
    }.get(tp)
    if leaf is not None:
        return leaf
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        values = [str(member.value) for member in tp]
        return f"以下之一：{'、'.join(values)}", "one of " + ", ".join(repr(v) for v in values)
    inner = optional_inner(tp)
    if inner is not None:
        zh, en = describe(inner)
        return f"{zh}或null", f"{en} or null"
    element = tuple_element(tp)
    if element is not None:
        zh, en = describe(element)
        return f"JSON数组（元素为{zh}）", f"a JSON array (of {en})"
    name = getattr(tp, "__name__", str(tp))
    return f"JSON对象（{name}）", f"a JSON object ({name})"


EXPECTED_AMOUNT: Final = (
    '十进制数字字符串（金额，万元，如 "739.00"）',
    'a decimal string such as "739.00" (an amount in 万元)',
)
EXPECTED_CELL: Final = (
    '表格单元格：十进制数字字符串（万元，如 "739.00"）、"-"（横线）或null（空白）',
    'a table cell: a decimal string such as "739.00" (万元), "-" (a dash) or null (blank)',
)
EXPECTED_PERCENT: Final = (
    '十进制数字字符串（百分数，如 "88.96"）',
    'a decimal string such as "88.96" (a percentage)',
)
EXPECTED_DECIMAL: Final = ('十进制数字字符串（如 "10.5"）', 'a decimal string such as "10.5"')
EXPECTED_FUNCTION_CODE: Final = (
    '功能分类科目编码字符串（3、5或7位数字，如 "2010301"）',
    'a function classification code string of 3, 5 or 7 digits such as "2010301"',
)
EXPECTED_ECONOMIC_CODE: Final = (
    '经济分类科目编码字符串（以3或5开头的3或5位数字，如 "30217"）',
    'an economic classification code string of 3 or 5 digits starting with 3 or 5, such as "30217"',
)
EXPECTED_STR: Final = ("JSON字符串", "a JSON string")
EXPECTED_INT: Final = ("JSON整数", "a JSON integer")
EXPECTED_BOOL: Final = ("JSON布尔值（true 或 false）", "a JSON boolean (true or false)")


class Refused(Exception):
    """A value of the wrong JSON type (cheap: formatted only if it becomes a :class:`Problem`)."""

    def __init__(self, expected: tuple[str, str], found: object) -> None:
        super().__init__()
        self.expected = expected
        self.found = found
