"""Exact money in 万元, percentages, year-on-year changes and share apportionment.

Everything here is exact :class:`~decimal.Decimal` arithmetic in private contexts; the global
decimal context is never read or changed.  Rounding happens only when asked for, half-up
(四舍五入).

>>> Amount("0.1") + Amount("0.2") == Amount("0.3")
True
>>> Amount.parse("1,234.56元")
Amount('0.123456')
>>> Amount("0.125").rounded()
Amount('0.13')
>>> [str(p) for p in shares([Amount("739"), Amount("91.5"), Amount("0.13")])]
['88.96', '11.02', '0.02']
>>> Change(Amount("69.22"), Amount("74.27")).rate
Percent('7.30')
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from decimal import (
    ROUND_DOWN,
    ROUND_HALF_UP,
    Context,
    Decimal,
    DivisionByZero,
    Inexact,
    InvalidOperation,
    Overflow,
)
from typing import Any, Final, Literal, Self, TypeVar, cast, final

from budgetacct._bilingual import Described
from budgetacct._codegen import slot_setter
from budgetacct.errors import InvalidValue
from budgetacct.paths import render_path

__all__ = [
    "MAX_MAGNITUDE",
    "Amount",
    "Change",
    "Direction",
    "Percent",
    "Unit",
    "parse_amount",
    "shares",
    "to_decimal",
]

#: The largest magnitude an :class:`Amount` may hold, in 万元 (10^12 万元 = 10^16 元).
MAX_MAGNITUDE: Final = Decimal(10) ** 12
#: Inputs with more decimal places than this are refused (0.01 分 is 10^-8 万元).
MAX_PLACES: Final = 12

# Exact arithmetic: any result that would need rounding raises instead of silently rounding.
_EXACT = Context(prec=60, rounding=ROUND_HALF_UP, traps=[InvalidOperation, DivisionByZero, Overflow, Inexact])
# Rounding on purpose (quantize) must not trap Inexact.
_ROUNDING = Context(prec=60, rounding=ROUND_HALF_UP, traps=[InvalidOperation, Overflow])
# Ratios are inexact by nature: 28 significant digits, half-up.
_RATIO = Context(prec=28, rounding=ROUND_HALF_UP, traps=[InvalidOperation, DivisionByZero, Overflow])
_HUNDRED: Final = Decimal(100)
_TEN_THOUSAND: Final = Decimal(10000)
_QUANTA: dict[int, Decimal] = {p: Decimal(1).scaleb(-p) for p in range(MAX_PLACES + 1)}


def _plain(number: Decimal) -> Decimal:
    """Write a Decimal without a positive exponent (``5E+3`` → ``5000``)."""
    exponent = number.as_tuple().exponent
    assert isinstance(exponent, int)
    return number.quantize(_QUANTA[0], context=_EXACT) if exponent > 0 else number


def _quantum(places: int) -> Decimal:
    if not isinstance(places, int) or isinstance(places, bool) or not 0 <= places <= MAX_PLACES:
        raise InvalidValue(
            f"0到{MAX_PLACES}之间的小数位数", f"a number of places from 0 to {MAX_PLACES}", places
        )
    return _QUANTA[places]


def to_decimal(
    value: object, *, what_zh: str = "金额", what_en: str = "an amount", path: str = "$"
) -> Decimal:
    """Turn ``str``, ``int`` or ``Decimal`` into a finite, bounded :class:`~decimal.Decimal`.

    Floats, bools, NaN, ±Infinity, malformed text, more than 12 decimal places and magnitudes
    above 10^12 are refused with :class:`~budgetacct.errors.InvalidValue`.

    >>> to_decimal("874.63")
    Decimal('874.63')
    >>> to_decimal(0.1)
    Traceback (most recent call last):
    ...
    budgetacct.errors.InvalidValue: $：应为金额（字符串、整数或Decimal，不接受浮点数），实际为 0.1 | $: expected an amount (str, int or Decimal; floats are not exact), found 0.1
    """
    if type(value) is Decimal:
        number = value
    elif type(value) is str:
        text = value.strip()
        if not _PLAIN_NUMBER.fullmatch(text):
            raise InvalidValue(
                f"{what_zh}（十进制数字，如 874.63）",
                f"{what_en} (a decimal number such as 874.63)",
                value,
                path=path,
            )
        number = Decimal(text)
    elif type(value) is int:
        number = Decimal(value) if -(10**13) < value < 10**13 else _too_big(value, what_zh, what_en, path)
    elif isinstance(value, (bool, float)):
        raise InvalidValue(
            f"{what_zh}（字符串、整数或Decimal，不接受浮点数）",
            f"{what_en} (str, int or Decimal; floats are not exact)",
            value,
            path=path,
        )
    elif isinstance(value, Decimal):  # subclasses
        number = Decimal(value)
    elif isinstance(value, int):  # int subclasses other than bool (IntEnum …)
        number = Decimal(int(value))
    else:
        raise InvalidValue(
            f"{what_zh}（字符串、整数或Decimal）", f"{what_en} (str, int or Decimal)", value, path=path
        )
    if not number.is_finite():
        raise InvalidValue(
            f"有限的{what_zh}（不接受NaN或无穷大）",
            f"a finite {what_en} (not NaN or Infinity)",
            value,
            path=path,
        )
    exponent = number.as_tuple().exponent
    assert isinstance(exponent, int)
    if exponent < -MAX_PLACES:
        raise InvalidValue(
            f"最多{MAX_PLACES}位小数的{what_zh}",
            f"{what_en} with at most {MAX_PLACES} decimal places",
            value,
            path=path,
        )
    if number.adjusted() >= 12 and number.copy_abs() > MAX_MAGNITUDE:
        _too_big(value, what_zh, what_en, path)
    return number


def _too_big(value: object, what_zh: str, what_en: str, path: str) -> Decimal:
    raise InvalidValue(
        f"绝对值不超过10^12的{what_zh}", f"{what_en} of magnitude at most 10^12", value, path=path
    )


_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d{1,6})?", re.ASCII)


class Unit(Described):
    """Money units seen in reports, with their size in 万元 (``in_wan_yuan``, exact) and the power
    of ten that turns an amount in the unit into 万元 (``shift``)."""

    __details__ = ("in_wan_yuan", "shift")
    in_wan_yuan: Decimal
    shift: int

    YUAN = "元", Decimal("0.0001"), -4
    WAN_YUAN = "万元", Decimal(1), 0
    YI_YUAN = "亿元", _TEN_THOUSAND, 4


# Full-width digits and punctuation as they appear in published reports.
_WIDTH = str.maketrans(
    {
        **{chr(0xFF10 + i): str(i) for i in range(10)},
        "．": ".",
        "，": ",",
        "－": "-",
        "−": "-",
        "—": "-",
        "＋": "+",
        "\u3000": " ",
        "\u00a0": " ",
    }
)
_PRINTED = re.compile(
    r"(?P<sign>[+-]?)\s*(?P<int>\d{1,3}(?:,\d{3})+|\d+)(?P<frac>\.\d+)?\s*(?P<unit>亿元|万元|元|万)?",
    re.ASCII,
)


def parse_amount(text: str, *, default_unit: Unit = Unit.WAN_YUAN, path: str = "$") -> tuple[Amount, Unit]:
    """Parse a printed amount and say which unit it was written in.

    >>> parse_amount("1,234.56元")
    (Amount('0.123456'), <Unit.YUAN: '元'>)
    >>> parse_amount("８７４.６３万元")
    (Amount('874.63'), <Unit.WAN_YUAN: '万元'>)
    """
    if not isinstance(text, str):
        raise InvalidValue("表示金额的文字", "text of an amount", text, path=path)
    normal = text.translate(_WIDTH).strip()
    match = _PRINTED.fullmatch(normal)
    if match is None:
        raise InvalidValue(
            "金额文字（如 874.63万元、1,234.56元、0.5亿元）",
            "a printed amount such as 874.63万元, 1,234.56元 or 0.5亿元",
            text,
            path=path,
        )
    digits = match["int"].replace(",", "") + (match["frac"] or "")
    if len(digits) > 40:
        raise InvalidValue(
            "绝对值不超过10^12万元的金额", "an amount of magnitude at most 10^12 万元", text, path=path
        )
    unit_text = match["unit"]
    unit = default_unit if unit_text is None else (Unit.WAN_YUAN if unit_text == "万" else Unit(unit_text))
    number = _plain(Decimal(match["sign"] + digits).scaleb(unit.shift, _EXACT))
    return Amount(to_decimal(number, path=path)), unit


_Number = TypeVar("_Number", bound="_ExactNumber")


def _operator(operation: Callable[[Decimal, Decimal], Decimal]) -> Callable[[_Number, _Number], _Number]:
    """``a + b`` or ``a - b`` of two numbers of one class, exact; any other operand is
    ``NotImplemented``.  The result is built inline (no call to ``_exact``): ledgers add up
    hundreds of thousands of amounts."""

    def apply(self: _Number, other: _Number) -> _Number:
        cls = type(self)
        if type(other) is cls:
            result = _new(cls)
            _set_value(result, operation(self.value, other.value))
            return result
        return cast(_Number, NotImplemented)

    return apply


class _ExactNumber:
    """What :class:`Amount` and :class:`Percent` share: one exact, immutable Decimal, compared,
    added and subtracted only with a value of the same class (an amount is never a percentage)."""

    # ``value`` is a slot, not a property: reading it is one attribute load with no Python call,
    # the one fast accessor that loops over many amounts (sums of line items, generated loaders
    # and writers) use.  Instances refuse every write after construction (``__setattr__``).
    __slots__ = {
        "value": "The exact :class:`~decimal.Decimal` (万元 for an amount, percent for a percentage)."
    }
    value: Decimal

    @classmethod
    def _exact(cls, value: Decimal) -> Self:
        # Internal fast path for values already known to be finite Decimals.
        obj = _new(cls)
        _set_value(obj, value)
        return obj

    def rounded(self, places: int = 2) -> Self:
        """Round half-up (四舍五入) to ``places`` decimals."""
        return self._exact(self.value.quantize(_quantum(places), ROUND_HALF_UP, _ROUNDING))

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    def __repr__(self) -> str:
        return f"{type(self).__name__}('{self.value}')"

    def __str__(self) -> str:
        return str(self.value)

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (str(self.value),))

    def __hash__(self) -> int:
        return hash(self.value)

    # ``type(other) is type(self)`` keeps Amount and Percent apart at the cost of a test against
    # a named class.
    def __eq__(self, other: object) -> bool:
        if type(other) is type(self):
            return self.value == other.value
        return NotImplemented

    def __lt__(self, other: Self) -> bool:
        if type(other) is type(self):
            return self.value < other.value
        return NotImplemented

    def __le__(self, other: Self) -> bool:
        if type(other) is type(self):
            return self.value <= other.value
        return NotImplemented

    def __gt__(self, other: Self) -> bool:
        if type(other) is type(self):
            return self.value > other.value
        return NotImplemented

    def __ge__(self, other: Self) -> bool:
        if type(other) is type(self):
            return self.value >= other.value
        return NotImplemented

    # One body for both: the closure reads its operation as fast as a global (no extra call).
    __add__ = _operator(_EXACT.add)

    def __radd__(self, other: object) -> Self:
        # ``sum()`` starts from the integer 0.
        if type(other) is int and other == 0:
            return self
        return NotImplemented

    __sub__ = _operator(_EXACT.subtract)

    def __neg__(self) -> Self:
        result = _new(type(self))
        _set_value(result, _EXACT.minus(self.value))
        return result

    def __abs__(self) -> Self:
        result = _new(type(self))
        _set_value(result, _EXACT.abs(self.value))
        return result

    def __bool__(self) -> bool:
        return bool(self.value)


_new: Final = object.__new__
# The slot's own setter: stores without looking the name up (arithmetic makes many amounts).
_set_value: Final = slot_setter(_ExactNumber, "value")


@final
class Amount(_ExactNumber):
    """An exact quantity of money in 万元 (10,000 CNY).

    Build it from ``str``, ``int`` or ``Decimal``; floats are refused because they are not exact.
    The digits given are kept (``str(Amount("739.00")) == "739.00"``) so round trips are exact,
    while equality and hashing follow the numeric value.

    >>> Amount("874.63") - Amount("5.05")
    Amount('869.58')
    >>> Amount.from_yuan(8746300)
    Amount('874.6300')
    >>> Amount("-0.125").rounded()
    Amount('-0.13')
    >>> sum([Amount("1"), Amount("2.5")])
    Amount('3.5')
    """

    __slots__ = ()

    def __init__(self, value: str | int | Decimal) -> None:
        _set_value(self, to_decimal(value))

    @classmethod
    def from_yuan(cls, value: str | int | Decimal) -> Amount:
        """An amount given in 元 (exact: 1 元 = 0.0001 万元)."""
        number = to_decimal(value, what_zh="以元计的金额", what_en="an amount in 元")
        return cls(number.scaleb(-4, _EXACT))

    @classmethod
    def parse(cls, text: str, *, default_unit: Unit = Unit.WAN_YUAN) -> Amount:
        """Parse printed forms: ``874.63万元``, ``874.63``, ``1,234.56元``, ``0.5亿元``, full-width digits.

        >>> Amount.parse("0.5亿元")
        Amount('5000')
        >>> Amount.parse("-5.05万元")
        Amount('-5.05')
        """
        return parse_amount(text, default_unit=default_unit)[0]

    @classmethod
    def zero(cls) -> Amount:
        return _ZERO

    def to_yuan(self) -> Decimal:
        """The exact value in 元."""
        return _plain(self.value.scaleb(4, _EXACT))

    def in_unit(self, unit: Unit) -> Decimal:
        """The exact value expressed in ``unit``."""
        return _plain(self.value.scaleb(-unit.shift, _EXACT))

    def places(self) -> int:
        """How many decimal places the value is written with."""
        exponent = self.value.as_tuple().exponent
        assert isinstance(exponent, int)
        return max(0, -exponent)

    def is_zero(self) -> bool:
        return not self.value

    def __mul__(self, factor: int | Decimal) -> Amount:
        if type(factor) is int or type(factor) is Decimal:
            number = (
                to_decimal(factor, what_zh="乘数", what_en="a multiplier")
                if type(factor) is Decimal
                else factor
            )
            return Amount._exact(_EXACT.multiply(self.value, Decimal(number)))
        return NotImplemented

    __rmul__ = __mul__

    def __truediv__(self, other: Amount) -> Decimal:
        """``Amount / Amount`` is a plain ratio (28 significant digits, half-up)."""
        if type(other) is Amount:
            if not other.value:
                raise InvalidValue("非零的除数金额", "a non-zero divisor", str(other))
            return _RATIO.divide(self.value, other.value)
        return NotImplemented

    def __pos__(self) -> Amount:
        return self


_ZERO: Final = Amount._exact(Decimal(0))


@final
class Percent(_ExactNumber):
    """A share or rate in percent (``Percent("88.96")`` is 88.96%), exact until rounded.

    >>> Percent.ratio(Amount("739"), Amount("830.63")).rounded()
    Percent('88.97')
    >>> Percent("7.3") == Percent("7.30")
    True
    """

    __slots__ = ()

    def __init__(self, value: str | int | Decimal) -> None:
        _set_value(self, to_decimal(value, what_zh="百分比", what_en="a percentage"))

    @classmethod
    def ratio(cls, part: Amount, whole: Amount) -> Percent:
        """``part / whole × 100`` to 28 significant digits (not rounded to 2 places)."""
        if not whole:
            raise InvalidValue("非零的基数", "a non-zero base", str(whole))
        return cls._exact(_RATIO.multiply(_RATIO.divide(part.value, whole.value), _HUNDRED))

    @classmethod
    def parse(cls, text: str) -> Percent:
        """``"88.96%"``, ``"88.96"``, full-width ``"８８.９６％"``."""
        if not isinstance(text, str):
            raise InvalidValue("百分比文字", "text of a percentage", text)
        normal = text.translate(_WIDTH).replace("％", "%").strip().removesuffix("%").strip()
        return cls(to_decimal(normal, what_zh="百分比", what_en="a percentage"))


_HUNDRED_PERCENT: Final = Decimal("100")


def _exact_sum(values: Iterable[Decimal]) -> Decimal:
    total = Decimal(0)
    for value in values:
        total = _EXACT.add(total, value)
    return total


ShareMethod = Literal["adjust_largest", "largest_remainder"]


def _largest_first(items: Sequence[Amount]) -> list[int]:
    """The indexes of ``items``, largest amount first (ties in order)."""
    # copy_negate and the explicit contexts keep the global decimal context out of the sort keys.
    return sorted(range(len(items)), key=lambda i: (items[i].value.copy_negate(), i))


def shares(
    parts: Sequence[Amount] | Iterable[Amount],
    *,
    method: ShareMethod = "adjust_largest",
    places: int = 2,
) -> tuple[Percent, ...]:
    """Each part's share of their total, rounded to ``places`` and summing to exactly 100.

    ``"adjust_largest"`` rounds each share half-up, then moves the residual (in steps of one unit
    of the last place) onto the largest items — what publishers do (the seed prints 88.96 where
    88.97 is the correctly rounded share).  ``"largest_remainder"`` truncates each share and hands
    the missing units to the largest remainders (Hamilton's method): every share is then within one
    unit of its exact value.

    >>> [str(p) for p in shares([Amount(1), Amount(1), Amount(1)], method="largest_remainder")]
    ['33.34', '33.33', '33.33']
    """
    items = tuple(parts)
    if not items:
        raise InvalidValue("至少一个组成部分", "at least one part", items)
    for index, part in enumerate(items):
        if type(part) is not Amount:
            raise InvalidValue("金额（Amount）", "an Amount", part, path=render_path((index,)))
        if part.value < 0:
            raise InvalidValue("非负金额", "a non-negative amount", str(part), path=render_path((index,)))
    total = _exact_sum(p.value for p in items)
    if not total:
        raise InvalidValue("合计不为零的组成部分", "parts whose total is not zero", [str(p) for p in items])
    quantum = _quantum(places)
    exact = [_RATIO.multiply(_RATIO.divide(p.value, total), _HUNDRED) for p in items]
    if method == "adjust_largest":
        rounded = [e.quantize(quantum, ROUND_HALF_UP, _ROUNDING) for e in exact]
        residual = _EXACT.subtract(_HUNDRED_PERCENT, _exact_sum(rounded))
        steps = int(_EXACT.divide(residual, quantum))
        if steps:  # mostly the rounded shares already total 100: nothing to order
            order = _largest_first(items)
            step = quantum if steps > 0 else quantum.copy_negate()
            for k in range(abs(steps)):
                index = order[k % len(order)]
                rounded[index] = _EXACT.add(rounded[index], step)
    elif method == "largest_remainder":
        rounded = [e.quantize(quantum, ROUND_DOWN, _ROUNDING) for e in exact]
        missing = int(_EXACT.divide(_EXACT.subtract(_HUNDRED_PERCENT, _exact_sum(rounded)), quantum))
        by_remainder = sorted(
            range(len(items)),
            key=lambda i: (_RATIO.subtract(rounded[i], exact[i]), items[i].value.copy_negate(), i),
        )
        for k in range(missing):
            index = by_remainder[k % len(items)]
            rounded[index] = _EXACT.add(rounded[index], quantum)
    else:
        raise InvalidValue(
            "分配方法 adjust_largest 或 largest_remainder",
            "method 'adjust_largest' or 'largest_remainder'",
            method,
        )
    return tuple(Percent._exact(r.quantize(quantum, ROUND_HALF_UP, _ROUNDING)) for r in rounded)


class Direction(Described):
    """Which way a figure moved: the value is the word used with amounts, ``rate_word`` the word
    used with rates (增长 / 下降 / 持平), ``english`` the word in English messages.

    >>> Direction("减少").rate_word, Direction.DECREASE.english
    ('下降', 'decrease')
    """

    __details__ = ("rate_word", "english")
    rate_word: str
    english: str

    INCREASE = "增加", "增长", "increase"
    DECREASE = "减少", "下降", "decrease"
    FLAT = "持平", "持平", "unchanged"


@final
class Change:
    """A year-on-year (or budget-to-final) change from ``previous`` to ``current``.

    >>> c = Change(Amount("894"), Amount("874.63"))
    >>> c.difference, c.rate, c.direction
    (Amount('-19.37'), Percent('-2.17'), <Direction.DECREASE: '减少'>)
    >>> Change(Amount("0"), Amount("5")).rate is None
    True
    """

    __slots__ = ("current", "previous")
    previous: Amount
    current: Amount

    def __init__(self, previous: Amount, current: Amount) -> None:
        for name, value in (("previous", previous), ("current", current)):
            if type(value) is not Amount:
                raise InvalidValue("金额（Amount）", "an Amount", value, path=render_path((name,)))
        object.__setattr__(self, "previous", previous)
        object.__setattr__(self, "current", current)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("Change is immutable")

    @property
    def difference(self) -> Amount:
        return self.current - self.previous

    @property
    def rate(self) -> Percent | None:
        """The change in percent of ``previous``, half-up to 2 places; ``None`` when previous is 0."""
        return self.exact_rate.rounded() if self.exact_rate is not None else None

    @property
    def exact_rate(self) -> Percent | None:
        if not self.previous:
            return None
        return Percent._exact(
            _RATIO.multiply(_RATIO.divide(self.difference.value, abs(self.previous).value), _HUNDRED)
        )

    @property
    def direction(self) -> Direction:
        diff = self.difference.value
        if diff > 0:
            return Direction.INCREASE
        if diff < 0:
            return Direction.DECREASE
        return Direction.FLAT

    def __repr__(self) -> str:
        return f"Change({self.previous!r}, {self.current!r})"

    def __eq__(self, other: object) -> bool:
        if type(other) is Change:
            return (self.previous, self.current) == (other.previous, other.current)
        return NotImplemented

    def __hash__(self) -> int:
        return hash((self.previous, self.current))

    def __reduce__(self) -> tuple[Any, ...]:
        return (Change, (self.previous, self.current))
