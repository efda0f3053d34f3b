"""支出经济分类科目 — economic classification codes (部门预算 ``3xx``/``3xxxx``, 政府预算 ``5xx``/``5xxxx``).

>>> code = EconomicCode("30217")
>>> code.system, code.name(2021), code.basic_expense_part
(<EconomicSystem.DEPARTMENT: '部门预算支出经济分类'>, '公务接待费', <BasicExpensePart.PUBLIC: '公用经费'>)
>>> code.government_equivalent(2021)
EconomicCode(code='50206')
"""

from __future__ import annotations

import enum
from typing import ClassVar, Final, TypeGuard

import attrs

from budgetacct.codes._parse import INTERN_LIMIT, CodeSyntax, CodeText, exact_str, is_valid_code, validator
from budgetacct.codes.catalogue import (
    CatalogueEntry,
    CatalogueKind,
    _basic_expense_split,
    _dept_to_gov,
    catalogue,
)

__all__ = ["BasicExpensePart", "EconomicCode", "EconomicSystem", "is_valid_economic_code"]

_EXPECTED_ZH: Final = "以3或5开头的3位或5位数字的经济分类科目编码"
_EXPECTED_EN: Final = "a 3- or 5-digit economic classification code starting with 3 or 5"
_LENGTHS: Final = (3, 5)


class EconomicSystem(enum.Enum):
    """Which economic classification a code belongs to: 部门预算 (3xx) or 政府预算 (5xx).

    >>> EconomicSystem.DEPARTMENT.kind, EconomicSystem.GOVERNMENT.english
    ('economic_department', 'government-budget economic classification')
    """

    DEPARTMENT = "部门预算支出经济分类"
    GOVERNMENT = "政府预算支出经济分类"

    @property
    def kind(self) -> CatalogueKind:
        """The catalogue kind holding this system's codes."""
        return "economic_department" if self is EconomicSystem.DEPARTMENT else "economic_government"

    @property
    def english(self) -> str:
        """The English name used in messages."""
        if self is EconomicSystem.DEPARTMENT:
            return "department-budget economic classification"
        return "government-budget economic classification"


_SYSTEM_BY_DIGIT: Final = {"3": EconomicSystem.DEPARTMENT, "5": EconomicSystem.GOVERNMENT}


class BasicExpensePart(enum.Enum):
    """The two parts of 基本支出: 人员经费 (301, 303) and 公用经费 (302, 310, rarely 307/309/399).

    >>> BasicExpensePart("人员经费"), BasicExpensePart.PUBLIC.english
    (<BasicExpensePart.PERSONNEL: '人员经费'>, 'public (office) expenses')
    """

    PERSONNEL = "人员经费"
    PUBLIC = "公用经费"

    @property
    def english(self) -> str:
        """The English name used in messages."""
        return "personnel expenses" if self is BasicExpensePart.PERSONNEL else "public (office) expenses"


def _well_formed(value: object) -> TypeGuard[str]:
    return (
        isinstance(value, str)
        and len(value) in _LENGTHS
        and value.isascii()
        and value.isdigit()
        and value[0] in _SYSTEM_BY_DIGIT
    )


@attrs.frozen(order=True, hash=False)
class EconomicCode(CodeText):
    """An economic classification code (支出经济分类科目编码): 3 or 5 ASCII digits, kept as text.

    Codes starting with 3 are 部门预算支出经济分类, codes starting with 5 are 政府预算支出经济分类;
    any other first digit is invalid.

    >>> EconomicCode("30101").name(2021)
    '基本工资'
    >>> EconomicCode("401")
    Traceback (most recent call last):
    ...
    budgetacct.errors.InvalidValue: $：应为以3或5开头的3位或5位数字的经济分类科目编码，实际为 '401' | ...
    """

    code: str = attrs.field(
        converter=exact_str, validator=validator(_well_formed, _EXPECTED_ZH, _EXPECTED_EN)
    )

    _SYNTAX: ClassVar = CodeSyntax(
        _LENGTHS, _well_formed, "经济分类科目编码", "an economic classification code", "30217"
    )
    __hash__ = CodeText.__hash__  # attrs' eq would otherwise make the class unhashable

    @property
    def system(self) -> EconomicSystem:
        """部门预算 (3xx) or 政府预算 (5xx) economic classification.

        >>> EconomicCode("50101").system
        <EconomicSystem.GOVERNMENT: '政府预算支出经济分类'>
        """
        return _SYSTEM_BY_DIGIT[self.code[0]]

    @property
    def basic_expense_part(self) -> BasicExpensePart | None:
        """Whether spending under this 部门预算 code counts as 人员经费 or 公用经费 within 基本支出.

        ``None`` for 政府预算 codes and for 类 outside the split (311 对企业补助 and the like).  The
        split comes from the latest bundled ``basic_expense_split.csv``.

        >>> EconomicCode("30101").basic_expense_part
        <BasicExpensePart.PERSONNEL: '人员经费'>
        >>> EconomicCode("31002").basic_expense_part
        <BasicExpensePart.PUBLIC: '公用经费'>
        >>> EconomicCode("50101").basic_expense_part is None
        True
        """
        found = _PARTS.get(self.code, _UNKNOWN)
        if found is _UNKNOWN:
            part = (
                _basic_expense_split().get(self.code[:3])
                if self.system is EconomicSystem.DEPARTMENT
                else None
            )
            found = None if part is None else BasicExpensePart(part)
            if len(_PARTS) < INTERN_LIMIT:
                _PARTS[self.code] = found
        return found  # type: ignore[return-value]

    def government_equivalent(self, year: int) -> EconomicCode | None:
        """The 政府预算 economic 款 a 部门预算 款 maps to for 机关 (行政单位/参公) in ``year``.

        ``None`` for 类, for 政府预算 codes and for 款 the bundled mapping does not cover (事业单位
        spending maps to 505/506 instead).  Raises :class:`~budgetacct.errors.CatalogueError` if no
        mapping of that year is bundled.

        >>> EconomicCode("30101").government_equivalent(2021)
        EconomicCode(code='50101')
        >>> EconomicCode("30107").government_equivalent(2021) is None
        True
        """
        if self.system is not EconomicSystem.DEPARTMENT:
            return None
        target = _dept_to_gov(year).get(self.code)
        return None if target is None else EconomicCode(target)

    def entry(self, year: int) -> CatalogueEntry:
        """The catalogue entry of this code in the bundled catalogue of its system for exactly ``year``.

        Raises :class:`~budgetacct.errors.UnknownCode` if that catalogue lacks the code and
        :class:`~budgetacct.errors.CatalogueError` if no catalogue of that year is bundled.

        >>> EconomicCode("30217").entry(2021).parent
        '302'
        """
        return catalogue(self.system.kind, year).lookup(self.code)


def is_valid_economic_code(text: object, year: int | None = None) -> bool:
    """Whether ``EconomicCode(text)`` would succeed — and, given ``year``, whether that year's
    bundled catalogue of its system holds the code (no catalogue for the year gives ``False``).
    Never raises.

    >>> is_valid_economic_code("30217"), is_valid_economic_code("30217", 2021)
    (True, True)
    >>> is_valid_economic_code("401"), is_valid_economic_code(30217), is_valid_economic_code("30298", 2021)
    (False, False, False)
    """
    return _well_formed(text) and is_valid_code(text, year, _SYSTEM_BY_DIGIT[text[0]].kind, catalogue)


_UNKNOWN: Final = object()
# The split is fixed per code; ledgers ask for it once per line item.
_PARTS: dict[str, BasicExpensePart | object | None] = {}
