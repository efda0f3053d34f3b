"""What the two code classes share (:class:`~budgetacct.codes.FunctionCode` and
:class:`~budgetacct.codes.EconomicCode`): reading codes as they are printed in published reports,
validation, one shared instance per code, and the methods that work on the code text alone."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar, Final, Self, TypeGuard, TypeVar

import attrs

from budgetacct.errors import BudgetAcctError, InvalidValue

if TYPE_CHECKING:  # pragma: no cover - typing only
    from budgetacct.codes.catalogue import Catalogue, CatalogueEntry, CatalogueKind, CodeLevel

__all__ = [
    "INTERN_LIMIT",
    "CodeSyntax",
    "CodeText",
    "exact_str",
    "is_valid_code",
    "printed_code",
    "read_printed",
    "shared",
    "validator",
]

C = TypeVar("C", bound="CodeText")

# Distinct codes number in the hundreds; the cap only guards against adversarial input.
INTERN_LIMIT: Final = 100_000

_OPENING: Final = "[［【"
_CLOSING: Final = "]］】"
_GROUP: Final = re.compile(r"\s*[(（]\s*([^()（）\s]+)\s*[)）]\s*")


def printed_code(text: str) -> str | None:
    """The code text of a printed form, or ``None`` when the layout is not one we know.

    Known layouts: ``2010301``, ``201 03 01`` (first group 3 or 5 characters, then groups of 2),
    ``[2010301]`` (also ``［…］`` / ``【…】``) and ``(201)(03)(01)`` / ``（201）（03）（01）``.  The
    characters are not checked here: the code constructor does that.

    >>> printed_code("（201）（03）（01）"), printed_code("[201 03 01]"), printed_code("20 103")
    ('2010301', '2010301', None)
    """
    body = text.strip()
    if len(body) >= 2 and body[0] in _OPENING and body[-1] in _CLOSING:
        body = body[1:-1].strip()
    parts: list[str] = []
    if body[:1] in ("(", "（"):
        position = 0
        while position < len(body):
            match = _GROUP.match(body, position)
            if match is None:
                return None
            parts.append(match.group(1))
            position = match.end()
    else:
        parts = body.split()
    if not parts:
        return None
    if len(parts) > 1 and (len(parts[0]) not in (3, 5) or any(len(part) != 2 for part in parts[1:])):
        return None
    return "".join(parts)


def exact_str(value: str) -> str:
    """A ``str`` subclass (``numpy.str_``, a ``StrEnum`` member …) becomes a plain ``str``; the rest
    passes through for the validator to reject."""
    return str.__str__(value) if isinstance(value, str) else value


def validator(
    well_formed: Callable[[object], TypeGuard[str]], expected_zh: str, expected_en: str
) -> Callable[[object, attrs.Attribute[str], str], None]:
    """The attrs validator of a code field: ``well_formed`` or :class:`InvalidValue`."""

    def validate(_instance: object, _attribute: attrs.Attribute[str], value: str) -> None:
        if not well_formed(value):
            raise InvalidValue(expected_zh, expected_en, value)

    return validate


def read_printed(
    cls: Callable[[str], C],
    text: str,
    well_formed: Callable[[object], TypeGuard[str]],
    expected_zh: str,
    expected_en: str,
) -> C:
    """The code ``cls`` printed as ``text`` (see :func:`printed_code`), or :class:`InvalidValue`."""
    digits = printed_code(text) if isinstance(text, str) else None
    if digits is None or not well_formed(digits):
        raise InvalidValue(expected_zh, expected_en, text)
    return cls(digits)


def shared(cls: Callable[[str], C], code: str, table: dict[str, C]) -> C:
    """The one instance of ``cls`` for ``code`` kept in ``table`` (made and kept on first use,
    while the table holds fewer than :data:`INTERN_LIMIT` codes)."""
    if type(code) is str:
        found = table.get(code)
        if found is not None:
            return found
    made = cls(code)
    if len(table) < INTERN_LIMIT:
        table[made.code] = made
    return made


def is_valid_code(
    text: str, year: object, kind: CatalogueKind, catalogue: Callable[[CatalogueKind, int], Catalogue]
) -> bool:
    """Whether the well-formed code ``text`` is in the ``kind`` catalogue of ``year`` (any code
    when ``year`` is ``None``; ``False`` for a year that is not an integer or has no catalogue)."""
    from budgetacct.codes.catalogue import available_years

    if year is None:
        return True
    if isinstance(year, bool) or not isinstance(year, int):
        return False
    try:
        return year in available_years(kind) and text in catalogue(kind, year)
    except BudgetAcctError:  # pragma: no cover - broken bundled data
        return False


@attrs.frozen
class CodeSyntax:
    """How the codes of one code class are written: the lengths of each level's codes (from the
    类 down), the test of a well-formed code, and the name and an example that the error of
    :meth:`CodeText.parse` shows in each printed form it reads."""

    lengths: tuple[int, ...]
    well_formed: Callable[[object], TypeGuard[str]]
    name_zh: str
    #: With its article: “a function classification code”.
    name_en: str
    example: str

    def printed(self) -> tuple[str, str]:
        """What :meth:`CodeText.parse` expects, in Chinese and English: the example in each layout.

        >>> CodeSyntax((3, 5), str.isdigit, "经济分类科目编码", "an economic code", "30217").printed()
        ('经济分类科目编码（如30217、302 17、[30217]或（302）（17））', 'an economic code such as 30217, 302 17, [30217] or (302)(17)')
        """
        code = self.example
        groups = [code[:3], *(code[start : start + 2] for start in range(3, len(code), 2))]
        spaced = " ".join(groups)
        zh = "".join(f"（{group}）" for group in groups)
        en = "".join(f"({group})" for group in groups)
        return (
            f"{self.name_zh}（如{code}、{spaced}、[{code}]或{zh}）",
            f"{self.name_en} such as {code}, {spaced}, [{code}] or {en}",
        )


class CodeText:
    """The methods of a code class that need only the code text and its :class:`CodeSyntax`:
    reading a printed code, the shared instance, the level, the parent chain and the 类.

    A code class is an attrs class with a ``code`` field and a ``_SYNTAX``; it sets
    ``__hash__ = CodeText.__hash__`` itself, since attrs' ``eq`` would otherwise remove it.
    """

    __slots__ = ()
    code: str
    _SYNTAX: ClassVar[CodeSyntax]
    #: The shared instance of each code (see :meth:`of`).
    _INTERNED: ClassVar[dict[str, Any]]
    #: Each code's ancestors, once computed (ledgers ask for them once per line item).
    _ANCESTORS: ClassVar[dict[str, tuple[Any, ...]]]

    if TYPE_CHECKING:  # pragma: no cover - each code class looks it up in its own catalogue

        def entry(self, year: int) -> CatalogueEntry: ...

    def __init_subclass__(cls, **kwargs: Any) -> None:
        # Each code class keeps its own tables (a FunctionCode and an EconomicCode may share text).
        super().__init_subclass__(**kwargs)
        cls._INTERNED = {}
        cls._ANCESTORS = {}

    @classmethod
    def parse(cls, text: str) -> Self:
        """Read a code as printed: ``2010301``, ``201 03 01``, ``[2010301]``, ``(201)(03)(01)``.

        Full-width brackets (``（201）（03）（01）``, ``［2010301］``) are accepted; the digits must be
        ASCII.

        >>> from budgetacct.codes import EconomicCode, FunctionCode
        >>> FunctionCode.parse("（201）（03）（01）"), FunctionCode.parse(" 208 05 ")
        (FunctionCode(code='2010301'), FunctionCode(code='20805'))
        >>> EconomicCode.parse("［302 17］")
        EconomicCode(code='30217')
        """
        return read_printed(cls, text, cls._SYNTAX.well_formed, *cls._SYNTAX.printed())

    @classmethod
    def of(cls, code: str) -> Self:
        """A shared instance for ``code``: codes are immutable values, so bulk loads reuse one object
        per distinct code (less memory, no repeated validation).

        >>> from budgetacct.codes import EconomicCode, FunctionCode
        >>> FunctionCode.of("2010301") is FunctionCode.of("2010301"), EconomicCode.of("30101") is EconomicCode.of("30101")
        (True, True)
        """
        interned: dict[str, Self] = cls._INTERNED
        found = interned.get(code) if type(code) is str else None  # the common case, without a call
        return found if found is not None else shared(cls, code, interned)

    def __str__(self) -> str:
        return self.code

    def name(self, year: int) -> str:
        """The catalogue name of this code in ``year`` (see the code class's ``entry`` for the errors).

        >>> from budgetacct.codes import EconomicCode, FunctionCode
        >>> FunctionCode("20103").name(2021), EconomicCode("310").name(2021)
        ('政府办公厅（室）及相关机构事务', '资本性支出')
        """
        return self.entry(year).name

    def __hash__(self) -> int:
        # Equal codes have equal text; hashing the text alone is cheaper than attrs' tuple hash.
        return hash(self.code)

    @property
    def level(self) -> CodeLevel:
        """类 (3 digits), 款 (5) or 项 (7).

        >>> from budgetacct.codes import EconomicCode, FunctionCode
        >>> FunctionCode("20103").level, EconomicCode("302").level
        (<CodeLevel.SECTION: '款'>, <CodeLevel.CLASS: '类'>)
        """
        from budgetacct.codes.catalogue import CodeLevel

        return CodeLevel.of(self.code)

    @property
    def parent(self) -> Self | None:
        """The code one level up, or ``None`` for a 类.

        >>> from budgetacct.codes import EconomicCode, FunctionCode
        >>> FunctionCode("2010301").parent, EconomicCode("30217").parent, FunctionCode("201").parent
        (FunctionCode(code='20103'), EconomicCode(code='302'), None)
        """
        return None if len(self.code) == 3 else self.of(self.code[:-2])

    @property
    def ancestors(self) -> tuple[Self, ...]:
        """The codes above this one, from the 类 down to the parent (empty for a 类).

        >>> from budgetacct.codes import EconomicCode, FunctionCode
        >>> FunctionCode("2010301").ancestors, EconomicCode("30217").ancestors
        ((FunctionCode(code='201'), FunctionCode(code='20103')), (EconomicCode(code='302'),))
        """
        found = self._ANCESTORS.get(self.code)
        if found is None:
            found = tuple(
                self.of(self.code[:length]) for length in self._SYNTAX.lengths if length < len(self.code)
            )
            if len(self._ANCESTORS) < INTERN_LIMIT:
                self._ANCESTORS[self.code] = found
        return found

    @property
    def class_code(self) -> Self:
        """The 3-digit 类 this code belongs to.

        >>> from budgetacct.codes import EconomicCode, FunctionCode
        >>> FunctionCode("2210201").class_code, EconomicCode("31002").class_code
        (FunctionCode(code='221'), EconomicCode(code='310'))
        """
        return self if len(self.code) == 3 else self.of(self.code[:3])

    def is_ancestor_of(self, other: Self) -> bool:
        """Whether ``other`` (a code of the same class) lies strictly below this code.

        >>> from budgetacct.codes import EconomicCode, FunctionCode
        >>> FunctionCode("201").is_ancestor_of(FunctionCode("2010301")), EconomicCode("302").is_ancestor_of(EconomicCode("30217"))
        (True, True)
        >>> FunctionCode("2010301").is_ancestor_of(FunctionCode("2010301"))
        False
        """
        return (
            other.__class__ is self.__class__
            and len(other.code) > len(self.code)
            and other.code.startswith(self.code)
        )
