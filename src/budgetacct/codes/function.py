"""支出功能分类科目 — function classification codes (类 ``201``, 款 ``20103``, 项 ``2010301``).

>>> code = FunctionCode("2010301")
>>> code.level, str(code.parent), code.name(2021)
(<CodeLevel.ITEM: '项'>, '20103', '行政运行')
>>> is_valid_function_code("２０１")
False
"""

from __future__ import annotations

from typing import ClassVar, Final, TypeGuard

import attrs

from budgetacct.codes._parse import CodeSyntax, CodeText, exact_str, is_valid_code, validator
from budgetacct.codes.catalogue import CatalogueEntry, catalogue

__all__ = ["FunctionCode", "is_valid_function_code"]

_KIND: Final = "function"
_EXPECTED_ZH: Final = "3、5或7位数字的功能分类科目编码"
_EXPECTED_EN: Final = "a 3-, 5- or 7-digit function classification code"
_LENGTHS: Final = (3, 5, 7)


def _well_formed(value: object) -> TypeGuard[str]:
    return isinstance(value, str) and len(value) in _LENGTHS and value.isascii() and value.isdigit()


@attrs.frozen(order=True, hash=False)
class FunctionCode(CodeText):
    """A function classification code (支出功能分类科目编码): 3, 5 or 7 ASCII digits, kept as text.

    The code alone gives the level and the parent chain; names need a fiscal year, because the
    catalogue changes every year.  Ordering is by code text, which is catalogue (pre-)order.

    >>> code = FunctionCode("2080505")
    >>> code
    FunctionCode(code='2080505')
    >>> [str(a) for a in code.ancestors]
    ['208', '20805']
    >>> code.name(2021)
    '机关事业单位基本养老保险缴费支出'
    >>> FunctionCode("２０１")
    Traceback (most recent call last):
    ...
    budgetacct.errors.InvalidValue: $：应为3、5或7位数字的功能分类科目编码，实际为 '２０１' | ...
    """

    code: str = attrs.field(
        converter=exact_str, validator=validator(_well_formed, _EXPECTED_ZH, _EXPECTED_EN)
    )

    _SYNTAX: ClassVar = CodeSyntax(
        _LENGTHS, _well_formed, "功能分类科目编码", "a function classification code", "2010301"
    )
    __hash__ = CodeText.__hash__  # attrs' eq would otherwise make the class unhashable

    def entry(self, year: int) -> CatalogueEntry:
        """The catalogue entry of this code in the bundled catalogue of exactly ``year``.

        Raises :class:`~budgetacct.errors.UnknownCode` if that catalogue lacks the code and
        :class:`~budgetacct.errors.CatalogueError` if no catalogue of that year is bundled.

        >>> FunctionCode("21011").entry(2021).parent
        '210'
        """
        return catalogue(_KIND, year).lookup(self.code)


def is_valid_function_code(text: object, year: int | None = None) -> bool:
    """Whether ``FunctionCode(text)`` would succeed — and, given ``year``, whether that year's
    bundled catalogue holds the code (a year without a catalogue gives ``False``).  Never raises.

    >>> is_valid_function_code("2010301"), is_valid_function_code("2010301", 2021)
    (True, True)
    >>> is_valid_function_code("2099999", 2021), is_valid_function_code(201), is_valid_function_code("²01")
    (False, False, False)
    """
    return _well_formed(text) and is_valid_code(text, year, _KIND, catalogue)
