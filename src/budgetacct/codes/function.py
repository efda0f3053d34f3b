"""支出功能分类科目 — function classification codes (类 ``201``, 款 ``20103``, 项 ``2010301``).

>>> code = FunctionCode("2010301")
>>> code.level, str(code.parent), code.name(2021)
(<CodeLevel.ITEM: '项'>, '20103', '行政运行')
>>> is_valid_function_code("２０１")
False
"""

from __future__ import annotations

from typing import Final, TypeGuard

import attrs

from budgetacct.codes._parse import printed_code
from budgetacct.codes.catalogue import CatalogueEntry, CodeLevel, available_years, catalogue
from budgetacct.errors import BudgetAcctError, InvalidValue

__all__ = ["FunctionCode", "is_valid_function_code"]

_KIND: Final = "function"
_EXPECTED_ZH: Final = "3、5或7位数字的功能分类科目编码"
_EXPECTED_EN: Final = "a 3-, 5- or 7-digit function classification code"
_LENGTHS: Final = (3, 5, 7)


def _well_formed(value: object) -> TypeGuard[str]:
    return isinstance(value, str) and len(value) in _LENGTHS and value.isascii() and value.isdigit()


def _exact_str(value: str) -> str:
    """A ``str`` subclass (``numpy.str_``, a ``StrEnum`` member …) becomes a plain ``str``; the rest
    passes through for the validator to reject."""
    return str.__str__(value) if isinstance(value, str) else value


def _validate(_instance: object, _attribute: attrs.Attribute[str], value: str) -> None:
    if not _well_formed(value):
        raise InvalidValue(_EXPECTED_ZH, _EXPECTED_EN, value)


# Distinct codes number in the hundreds; the cap only guards against adversarial input.
_INTERN_LIMIT: Final = 100_000


@attrs.frozen(order=True, hash=False)
class FunctionCode:
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

    code: str = attrs.field(converter=_exact_str, validator=_validate)

    @classmethod
    def parse(cls, text: str) -> FunctionCode:
        """Read a code as printed: ``2010301``, ``201 03 01``, ``[2010301]``, ``(201)(03)(01)``.

        Full-width brackets (``（201）（03）（01）``, ``［2010301］``) are accepted; the digits must be
        ASCII.

        >>> FunctionCode.parse("（201）（03）（01）")
        FunctionCode(code='2010301')
        >>> FunctionCode.parse(" 208 05 ")
        FunctionCode(code='20805')
        """
        digits = printed_code(text) if isinstance(text, str) else None
        if digits is None or not _well_formed(digits):
            raise InvalidValue(
                "功能分类科目编码（如2010301、201 03 01、[2010301]或（201）（03）（01））",
                "a function classification code such as 2010301, 201 03 01, [2010301] or (201)(03)(01)",
                text,
            )
        return cls(digits)

    @classmethod
    def of(cls, code: str) -> FunctionCode:
        """A shared instance for ``code``: codes are immutable values, so bulk loads reuse one object
        per distinct code (less memory, no repeated validation).

        >>> FunctionCode.of("2010301") is FunctionCode.of("2010301")
        True
        """
        if type(code) is str:
            found = _INTERNED.get(code)
            if found is not None:
                return found
        made = cls(code)
        if len(_INTERNED) < _INTERN_LIMIT:
            _INTERNED[made.code] = made
        return made

    def __str__(self) -> str:
        return self.code

    def __hash__(self) -> int:
        # Equal codes have equal text; hashing the text alone is cheaper than attrs' tuple hash.
        return hash(self.code)

    @property
    def level(self) -> CodeLevel:
        """类 (3 digits), 款 (5) or 项 (7).

        >>> FunctionCode("20103").level
        <CodeLevel.SECTION: '款'>
        """
        return CodeLevel.of(self.code)

    @property
    def parent(self) -> FunctionCode | None:
        """The code one level up, or ``None`` for a 类.

        >>> FunctionCode("2010301").parent
        FunctionCode(code='20103')
        >>> FunctionCode("201").parent is None
        True
        """
        return None if len(self.code) == 3 else FunctionCode.of(self.code[:-2])

    @property
    def ancestors(self) -> tuple[FunctionCode, ...]:
        """The codes above this one, from the 类 down to the parent (empty for a 类).

        >>> FunctionCode("2010301").ancestors
        (FunctionCode(code='201'), FunctionCode(code='20103'))
        """
        found = _ANCESTORS.get(self.code)
        if found is None:
            found = tuple(
                FunctionCode.of(self.code[:length]) for length in _LENGTHS if length < len(self.code)
            )
            if len(_ANCESTORS) < _INTERN_LIMIT:
                _ANCESTORS[self.code] = found
        return found

    @property
    def class_code(self) -> FunctionCode:
        """The 3-digit 类 this code belongs to.

        >>> FunctionCode("2210201").class_code
        FunctionCode(code='221')
        """
        return self if len(self.code) == 3 else FunctionCode.of(self.code[:3])

    def is_ancestor_of(self, other: FunctionCode) -> bool:
        """Whether ``other`` lies strictly below this code.

        >>> FunctionCode("201").is_ancestor_of(FunctionCode("2010301"))
        True
        >>> FunctionCode("2010301").is_ancestor_of(FunctionCode("2010301"))
        False
        """
        return (
            isinstance(other, FunctionCode)
            and len(other.code) > len(self.code)
            and other.code.startswith(self.code)
        )

    def entry(self, year: int) -> CatalogueEntry:
        """The catalogue entry of this code in the bundled catalogue of exactly ``year``.

        Raises :class:`~budgetacct.errors.UnknownCode` if that catalogue lacks the code and
        :class:`~budgetacct.errors.CatalogueError` if no catalogue of that year is bundled.

        >>> FunctionCode("21011").entry(2021).parent
        '210'
        """
        return catalogue(_KIND, year).lookup(self.code)

    def name(self, year: int) -> str:
        """The catalogue name of this code in ``year`` (see :meth:`entry` for the errors).

        >>> FunctionCode("20103").name(2021)
        '政府办公厅（室）及相关机构事务'
        """
        return self.entry(year).name


def is_valid_function_code(text: object, year: int | None = None) -> bool:
    """Whether ``FunctionCode(text)`` would succeed — and, given ``year``, whether that year's
    bundled catalogue holds the code (a year without a catalogue gives ``False``).  Never raises.

    >>> is_valid_function_code("2010301"), is_valid_function_code("2010301", 2021)
    (True, True)
    >>> is_valid_function_code("2099999", 2021), is_valid_function_code(201), is_valid_function_code("²01")
    (False, False, False)
    """
    if not _well_formed(text):
        return False
    if year is None:
        return True
    if isinstance(year, bool) or not isinstance(year, int):
        return False
    try:
        return year in available_years(_KIND) and text in catalogue(_KIND, year)
    except BudgetAcctError:  # pragma: no cover - broken bundled data
        return False


_INTERNED: dict[str, FunctionCode] = {}
_ANCESTORS: dict[str, tuple[FunctionCode, ...]] = {}
