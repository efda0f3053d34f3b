"""Numbers and phrases written the way Chinese officials write them in a 决算说明.

Every number is first rounded half-up (四舍五入) with our own exact Decimal arithmetic
(:meth:`Amount.rounded <budgetacct.money.Amount.rounded>`, :meth:`Percent.rounded
<budgetacct.money.Percent.rounded>`), and only then handed to babel, with an explicit pattern, to
write the digits, the decimal point and the grouping separator of the locale.  Babel never rounds
anything here (its own rounding is half-even and depends on the thread's decimal context); the
global decimal context is never changed.

Conventions (DOMAIN.md §F):

* prose drops trailing zeros and puts the unit right after the number: ``739万元``, ``91.5万元``,
  ``增长7.3%``, ``0万元``; tables keep two decimals with grouping and no unit: ``739.00``;
* an increase is ``增加…万元，增长…%``, a decrease ``减少…万元，下降…%``, no change ``持平``; the
  amount comes first, rates carry no sign, and no rate is written when the previous figure is 0;
* phrases are small building blocks without final punctuation; callers add ``；`` and ``。``;
* phrases compare exact values: pass figures as published (rounded to 0.01 万元) so that the words
  agree with the printed numbers;
* ``locale="en"`` (any ``en*`` locale) gives plain English with the same numbers:
  ``increase of 5.05 (10,000 yuan), up 7.3%``.

>>> format_amount(Amount("739.00"))
'739万元'
>>> format_amount(Amount("1234.56"), TABLE)
'1,234.56'
>>> change_phrase(Change(Amount("69.22"), Amount("74.27")))
'增加5.05万元，增长7.3%'
>>> rmb_uppercase(Amount("874.63"))
'捌佰柒拾肆万陆仟叁佰元整'
"""

from __future__ import annotations

import decimal
import functools
from decimal import ROUND_HALF_UP, Context, Decimal, Inexact, InvalidOperation, Overflow
from typing import Any, Final, Literal, TypeVar

import attrs
from babel import Locale, UnknownLocaleError
from babel.numbers import format_decimal

from budgetacct.errors import InvalidValue
from budgetacct.money import MAX_PLACES, Amount, Change, Direction, Percent, Unit
from budgetacct.render.labels import is_english, label

__all__ = [
    "PROSE",
    "TABLE",
    "NumberStyle",
    "budget_comparison_phrase",
    "change_phrase",
    "completion_phrase",
    "flat_phrase",
    "format_amount",
    "format_percent",
    "rmb_uppercase",
    "share_of_phrase",
    "share_phrase",
    "yoy_phrase",
    "yoy_sentence",
]

# Our own rounding, in a private context (the global one is neither read nor changed).
_ROUNDING: Final = Context(prec=80, rounding=ROUND_HALF_UP, traps=[InvalidOperation, Overflow])
# Babel calls Decimal methods that use the *current* context (normalize, quantize).  They run in a
# temporary copy of this context: wide enough for 10^16 元 with 12 decimals, and trapping Inexact so
# that babel can never round silently (the value it gets is already rounded to the pattern).
_BABEL: Final = Context(prec=80, rounding=ROUND_HALF_UP, traps=[InvalidOperation, Overflow, Inexact])

_UNIT_ZH: Final = {Unit.YUAN: "元", Unit.WAN_YUAN: "万元", Unit.YI_YUAN: "亿元"}
_UNIT_EN: Final = {Unit.YUAN: " yuan", Unit.WAN_YUAN: " (10,000 yuan)", Unit.YI_YUAN: " (100 million yuan)"}
# How many more decimal places of 万元 one decimal place of the unit needs (0.01 元 = 0.000001 万元).
_EXTRA_PLACES: Final = {Unit.YUAN: 4, Unit.WAN_YUAN: 0, Unit.YI_YUAN: -4}


# --- validation helpers ---------------------------------------------------------------------------


@functools.lru_cache(maxsize=64)
def _locale(name: str) -> Locale:
    try:
        return Locale.parse(name.strip().replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        raise InvalidValue(
            "babel认识的语言区域（如 zh_CN、en）", "a locale babel knows (such as zh_CN or en)", name
        ) from None


def _check_places(value: object, path: str = "$.places") -> int:
    if type(value) is not int or not 0 <= value <= MAX_PLACES:
        raise InvalidValue(
            f"0到{MAX_PLACES}之间的小数位数", f"a number of places from 0 to {MAX_PLACES}", value, path=path
        )
    return value


def _check_locale(value: object, path: str = "$.locale") -> str:
    if not isinstance(value, str):
        raise InvalidValue(
            "语言区域名称（如 zh_CN、en）", "a locale name such as zh_CN or en", value, path=path
        )
    try:
        _locale(value)
    except InvalidValue as err:
        raise err.at(path) from None
    return value


def _check_bool(value: object, path: str) -> bool:
    if type(value) is not bool:
        raise InvalidValue("True 或 False", "True or False", value, path=path)
    return value


#: What each value type is called in an error message.
_VALUE_NAMES: Final[dict[type, tuple[str, str]]] = {
    Amount: ("金额（Amount）", "an Amount"),
    Percent: ("百分比（Percent）", "a Percent"),
    Change: ("增减变化（Change）", "a Change"),
}
_V = TypeVar("_V", Amount, Percent, Change)


def _check_value(value: object, kind: type[_V], path: str) -> _V:
    """``value`` itself when it is exactly a ``kind`` (Amount, Percent or Change)."""
    if type(value) is not kind:
        zh, en = _VALUE_NAMES[kind]
        raise InvalidValue(zh, en, value, path=path)
    return value


def _check_year(value: object, path: str = "$.prior_year") -> int:
    if type(value) is not int or not 1000 <= value <= 9999:
        raise InvalidValue("四位数的年份（如 2020）", "a four-digit year such as 2020", value, path=path)
    return value


def _check_text(value: object, path: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise InvalidValue("非空文字", "non-empty text", value, path=path)
    return value


def _validate_places(_instance: object, _attribute: attrs.Attribute[Any], value: object) -> None:
    _check_places(value)


def _validate_bool(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    _check_bool(value, f"$.{attribute.name}")


def _validate_unit(_instance: object, _attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, Unit):
        raise InvalidValue("金额单位（Unit）", "a Unit", value, path="$.unit")


def _validate_locale(_instance: object, _attribute: attrs.Attribute[Any], value: object) -> None:
    _check_locale(value)


# --- number styles ----------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class NumberStyle:
    """How to write an amount: decimal places, trailing zeros, grouping, unit and locale.

    ``places`` is counted in ``unit`` (2 places of 元 are 分).  ``trim_zeros`` drops trailing
    zeros after rounding (739.00 → 739, 91.50 → 91.5).  ``with_unit`` appends the unit (``万元``,
    or `` (10,000 yuan)`` in English).  ``locale`` chooses babel's digits and separators and the
    language of the unit and of the phrases.  The default style is :data:`PROSE`.

    >>> NumberStyle() == PROSE
    True
    >>> TABLE
    NumberStyle(places=2, trim_zeros=False, grouping=True, with_unit=False, unit=<Unit.WAN_YUAN: '万元'>, locale='zh_CN')
    >>> format_amount(Amount("1.5"), NumberStyle(unit=Unit.YUAN, grouping=True))
    '15,000元'
    >>> NumberStyle(places=13)
    Traceback (most recent call last):
    ...
    budgetacct.errors.InvalidValue: $.places：应为0到12之间的小数位数，实际为 13 | $.places: expected a number of places from 0 to 12, found 13
    """

    places: int = attrs.field(default=2, validator=_validate_places)
    trim_zeros: bool = attrs.field(default=True, validator=_validate_bool)
    grouping: bool = attrs.field(default=False, validator=_validate_bool)
    with_unit: bool = attrs.field(default=True, validator=_validate_bool)
    unit: Unit = attrs.field(default=Unit.WAN_YUAN, validator=_validate_unit)
    locale: str = attrs.field(default="zh_CN", validator=_validate_locale)


#: Prose (决算说明): trailing zeros dropped, no grouping, unit right after the number — ``91.5万元``.
PROSE: Final = NumberStyle()
#: Tables: two decimals, grouping, no unit (the table header says 单位：万元) — ``1,234.56``.
TABLE: Final = NumberStyle(trim_zeros=False, grouping=True, with_unit=False)


def _styled(style: object, locale: str | None) -> NumberStyle:
    if not isinstance(style, NumberStyle):
        raise InvalidValue("数字格式（NumberStyle）", "a NumberStyle", style, path="$.style")
    if locale is None or locale == style.locale:
        return style
    return attrs.evolve(style, locale=locale)


# --- digits ------------------------------------------------------------------------------------------


def _half_up(number: Decimal, places: int) -> Decimal:
    """The same half-up quantize as ``Amount.rounded``, for units an Amount cannot round in."""
    return number.quantize(Decimal((0, (1,), -places)), ROUND_HALF_UP, _ROUNDING)


def _rounded_in(amount: Amount, unit: Unit, places: int) -> Decimal:
    """``amount`` expressed in ``unit`` and rounded half-up to ``places`` decimals of that unit."""
    if unit is Unit.WAN_YUAN:
        return amount.rounded(places).value
    return _half_up(amount.in_unit(unit), places)


def _digits(number: Decimal, places: int, *, trim: bool, grouping: bool, locale: str) -> str:
    """Write an already-rounded number with babel; the sign is ours (``-``, never ``-0``)."""
    pattern = "#,##0" if grouping else "0"
    if places:
        pattern += "." + ("#" if trim else "0") * places
    with decimal.localcontext(_BABEL):
        text = format_decimal(number.copy_abs(), format=pattern, locale=_locale(locale))
    return "-" + text if number.is_signed() and number else text


def format_amount(amount: Amount, style: NumberStyle = PROSE, *, with_unit: bool | None = None) -> str:
    """Write an amount (held in 万元) in ``style``: rounded half-up in the style's unit, then babel.

    Rounding to ``style.places`` happens in the target unit, so a small amount can vanish in a big
    unit: 1.5万元 written in 亿元 with 2 places is ``0亿元`` (use more places to see it).  Negative
    amounts get a leading ``-``; a value that rounds to zero is written without sign.
    ``with_unit`` overrides ``style.with_unit``.

    >>> format_amount(Amount("739.00")), format_amount(Amount("91.50")), format_amount(Amount("0.07"))
    ('739万元', '91.5万元', '0.07万元')
    >>> format_amount(Amount("0.00")), format_amount(Amount("-0")), format_amount(Amount("-0.001"))
    ('0万元', '0万元', '0万元')
    >>> format_amount(Amount("874.625")), format_amount(Amount("-19.37"))
    ('874.63万元', '-19.37万元')
    >>> format_amount(Amount("739"), TABLE), format_amount(Amount("1234.56"), TABLE)
    ('739.00', '1,234.56')
    >>> format_amount(Amount("739"), TABLE, with_unit=True)
    '739.00万元'
    >>> format_amount(Amount("1.5"), NumberStyle(unit=Unit.YUAN))
    '15000元'
    >>> format_amount(Amount("1.5"), NumberStyle(unit=Unit.YI_YUAN))
    '0亿元'
    >>> format_amount(Amount("1.5"), NumberStyle(unit=Unit.YI_YUAN, places=5))
    '0.00015亿元'
    >>> format_amount(Amount("5.05"), NumberStyle(locale="en"))
    '5.05 (10,000 yuan)'
    """
    _check_value(amount, Amount, "$.amount")
    if not isinstance(style, NumberStyle):
        raise InvalidValue("数字格式（NumberStyle）", "a NumberStyle", style, path="$.style")
    show_unit = style.with_unit if with_unit is None else _check_bool(with_unit, "$.with_unit")
    number = _rounded_in(amount, style.unit, style.places)
    text = _digits(number, style.places, trim=style.trim_zeros, grouping=style.grouping, locale=style.locale)
    if show_unit:
        text += (_UNIT_EN if is_english(style.locale) else _UNIT_ZH)[style.unit]
    return text


def format_percent(p: Percent, *, places: int = 2, trim_zeros: bool = True, locale: str = "zh_CN") -> str:
    """Write a percentage rounded half-up to ``places``, trailing zeros dropped unless told not to.

    No grouping (so the text parses back with :meth:`Percent.parse`); a leading ``-`` when negative.

    >>> format_percent(Percent("88.96")), format_percent(Percent("7.30")), format_percent(Percent("7.295"))
    ('88.96%', '7.3%', '7.3%')
    >>> format_percent(Percent("100.00")), format_percent(Percent("0")), format_percent(Percent("-2.17"))
    ('100%', '0%', '-2.17%')
    >>> format_percent(Percent("7.3"), trim_zeros=False), format_percent(Percent("88.956"), places=1)
    ('7.30%', '89%')
    """
    _check_value(p, Percent, "$.p")
    _check_places(places)
    _check_bool(trim_zeros, "$.trim_zeros")
    _check_locale(locale)
    return _digits(p.rounded(places).value, places, trim=trim_zeros, grouping=False, locale=locale) + "%"


# --- phrases ------------------------------------------------------------------------------------


def _rate_text(change: Change, style: NumberStyle, rate_places: int) -> str | None:
    rate = change.exact_rate
    if rate is None:
        return None
    return format_percent(abs(rate), places=rate_places, trim_zeros=style.trim_zeros, locale=style.locale)


def change_phrase(
    change: Change, *, style: NumberStyle = PROSE, rate_places: int = 2, locale: str | None = None
) -> str:
    """The amount and rate of a change: ``增加5.05万元，增长7.3%`` / ``减少…，下降…`` / ``持平``.

    The amount is written in ``style`` and the rate is rounded half-up to ``rate_places`` (trailing
    zeros follow ``style.trim_zeros``); neither carries a sign.  When the previous figure is 0 there
    is no rate: ``增加5万元`` (never ``增长100%``).  The direction is that of the exact difference.

    English (``locale="en"``): ``increase of 5.05 (10,000 yuan), up 7.3%``,
    ``decrease of 19.37 (10,000 yuan), down 2.17%``, ``unchanged``.

    >>> change_phrase(Change(Amount("69.22"), Amount("74.27")))
    '增加5.05万元，增长7.3%'
    >>> change_phrase(Change(Amount("894"), Amount("874.63")))
    '减少19.37万元，下降2.17%'
    >>> change_phrase(Change(Amount("0.07"), Amount("0.07"))), change_phrase(Change(Amount(0), Amount(5)))
    ('持平', '增加5万元')
    >>> change_phrase(Change(Amount("894"), Amount("874.63")), style=TABLE)
    '减少19.37，下降2.17%'
    >>> change_phrase(Change(Amount("69.22"), Amount("74.27")), locale="en")
    'increase of 5.05 (10,000 yuan), up 7.3%'
    >>> change_phrase(Change(Amount("894"), Amount("874.63")), locale="en")
    'decrease of 19.37 (10,000 yuan), down 2.17%'
    """
    _check_value(change, Change, "$.change")
    style = _styled(style, locale)
    _check_places(rate_places, "$.rate_places")
    direction = change.direction
    english = is_english(style.locale)
    if direction is Direction.FLAT:
        return "unchanged" if english else Direction.FLAT.value
    amount = format_amount(abs(change.difference), style)
    rate = _rate_text(change, style, rate_places)
    if english:
        text = f"{direction.english} of {amount}"
        if rate is not None:
            text += f", {'up' if direction is Direction.INCREASE else 'down'} {rate}"
        return text
    text = f"{direction.value}{amount}"
    if rate is not None:
        text += f"，{direction.rate_word}{rate}"
    return text


def flat_phrase(prior_year: int, *, locale: str = "zh_CN") -> str:
    """``与2020年持平`` — no change from the prior year (English: ``unchanged from 2020``).

    >>> flat_phrase(2020), flat_phrase(2020, locale="en")
    ('与2020年持平', 'unchanged from 2020')
    """
    _check_year(prior_year)
    _check_locale(locale)
    return f"unchanged from {prior_year}" if is_english(locale) else f"与{prior_year}年持平"


def yoy_phrase(
    change: Change,
    *,
    prior_year: int,
    style: NumberStyle = PROSE,
    rate_places: int = 2,
    locale: str | None = None,
) -> str:
    """A change against the prior year, to follow a figure: ``比2020年增加5.05万元，增长7.3%``.

    No change gives :func:`flat_phrase`.  English: ``compared with 2020, increase of …``.

    >>> yoy_phrase(Change(Amount("69.22"), Amount("74.27")), prior_year=2020)
    '比2020年增加5.05万元，增长7.3%'
    >>> yoy_phrase(Change(Amount("0"), Amount("0")), prior_year=2020)
    '与2020年持平'
    >>> yoy_phrase(Change(Amount("69.22"), Amount("74.27")), prior_year=2020, locale="en")
    'compared with 2020, increase of 5.05 (10,000 yuan), up 7.3%'
    """
    _check_value(change, Change, "$.change")
    _check_year(prior_year)
    style = _styled(style, locale)
    if change.direction is Direction.FLAT:
        return flat_phrase(prior_year, locale=style.locale)
    words = change_phrase(change, style=style, rate_places=rate_places)
    if is_english(style.locale):
        return f"compared with {prior_year}, {words}"
    return f"比{prior_year}年{words}"


def _lower_first(text: str) -> str:
    """Lower-case a capitalised English word inside a sentence (but not an acronym like ``GDP``)."""
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        return text[0].lower() + text[1:]
    return text


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def yoy_sentence(
    subject: str,
    change: Change,
    *,
    prior_year: int,
    each: bool = False,
    style: NumberStyle = PROSE,
    rate_places: int = 2,
    locale: str | None = None,
) -> str:
    """The year-on-year clause of the 决算说明, without final punctuation.

    ``与2020年相比，{subject}{各}{change_phrase}``; with no change ``{subject}{均}与2020年持平``.
    ``each=True`` adds 各 (均 when flat), as in “收、支总计各减少…”.  In English the subject is
    translated with :func:`~budgetacct.render.labels.label` when it is a known label:
    ``Compared with 2020, total revenue and expenditure each: decrease of …``; flat:
    ``Total revenue and expenditure each: unchanged from 2020``.

    >>> drop = Change(Amount("894"), Amount("874.63"))
    >>> yoy_sentence("收、支总计", drop, prior_year=2020, each=True)
    '与2020年相比，收、支总计各减少19.37万元，下降2.17%'
    >>> yoy_sentence("一般公共预算财政拨款支出", Change(Amount("797.02"), Amount("783")), prior_year=2020)
    '与2020年相比，一般公共预算财政拨款支出减少14.02万元，下降1.76%'
    >>> yoy_sentence("因公出国（境）支出决算", Change(Amount(0), Amount(0)), prior_year=2020)
    '因公出国（境）支出决算与2020年持平'
    >>> yoy_sentence("收、支总计", drop, prior_year=2020, each=True, locale="en")
    'Compared with 2020, total revenue and expenditure each: decrease of 19.37 (10,000 yuan), down 2.17%'
    >>> yoy_sentence("机关运行经费", Change(Amount(1), Amount(1)), prior_year=2020, locale="en")
    'Agency operating expenses: unchanged from 2020'
    """
    _check_text(subject, "$.subject")
    _check_value(change, Change, "$.change")
    _check_year(prior_year)
    _check_bool(each, "$.each")
    style = _styled(style, locale)
    flat = change.direction is Direction.FLAT
    if is_english(style.locale):
        name = label(subject.strip(), style.locale) + (" each" if each else "")
        if flat:
            return f"{_upper_first(name)}: {flat_phrase(prior_year, locale=style.locale)}"
        words = change_phrase(change, style=style, rate_places=rate_places)
        return f"Compared with {prior_year}, {_lower_first(name)}: {words}"
    if flat:
        return f"{subject}{'均' if each else ''}{flat_phrase(prior_year)}"
    words = change_phrase(change, style=style, rate_places=rate_places)
    return f"与{prior_year}年相比，{subject}{'各' if each else ''}{words}"


def share_phrase(p: Percent, *, places: int = 2, trim_zeros: bool = True, locale: str = "zh_CN") -> str:
    """A share of the whole just listed: ``占88.96%`` (English: ``accounting for 88.96%``).

    >>> share_phrase(Percent("88.96")), share_phrase(Percent("0.00")), share_phrase(Percent("10.50"))
    ('占88.96%', '占0%', '占10.5%')
    >>> share_phrase(Percent("88.96"), locale="en")
    'accounting for 88.96%'
    """
    text = format_percent(p, places=places, trim_zeros=trim_zeros, locale=locale)
    return f"accounting for {text}" if is_english(locale) else f"占{text}"


def share_of_phrase(
    base_label: str, p: Percent, *, places: int = 2, trim_zeros: bool = True, locale: str = "zh_CN"
) -> str:
    """A share of a named whole: ``占本年支出合计的89.54%``.

    English translates a known label: ``accounting for 89.54% of total expenditure for the year``.

    >>> share_of_phrase("本年支出合计", Percent("89.54"))
    '占本年支出合计的89.54%'
    >>> share_of_phrase("本年支出合计", Percent("89.54"), locale="en")
    'accounting for 89.54% of total expenditure for the year'
    """
    _check_text(base_label, "$.base_label")
    text = format_percent(p, places=places, trim_zeros=trim_zeros, locale=locale)
    if is_english(locale):
        return f"accounting for {text} of {_lower_first(label(base_label.strip(), locale))}"
    return f"占{base_label}的{text}"


def completion_phrase(
    actual: Amount, budget: Amount, *, places: int = 2, trim_zeros: bool = True, locale: str = "zh_CN"
) -> str:
    """Budget execution: ``完成预算100%`` — actual / budget × 100, half-up to ``places``.

    A budget of 0 has no completion rate and raises :class:`~budgetacct.errors.InvalidValue`.
    English: ``completed 100% of the budget``.

    >>> completion_phrase(Amount("783"), Amount("783.00")), completion_phrase(Amount("44"), Amount("48"))
    ('完成预算100%', '完成预算91.67%')
    >>> completion_phrase(Amount("0.07"), Amount("0.07"), locale="en")
    'completed 100% of the budget'
    >>> completion_phrase(Amount("1"), Amount("0"))
    Traceback (most recent call last):
    ...
    budgetacct.errors.InvalidValue: $.budget：应为非零的预算数，实际为 '0' | $.budget: expected a non-zero budget, found '0'
    """
    _check_value(actual, Amount, "$.actual")
    _check_value(budget, Amount, "$.budget")
    if not budget:
        raise InvalidValue("非零的预算数", "a non-zero budget", str(budget), path="$.budget")
    text = format_percent(Percent.ratio(actual, budget), places=places, trim_zeros=trim_zeros, locale=locale)
    return f"completed {text} of the budget" if is_english(locale) else f"完成预算{text}"


def budget_comparison_phrase(actual: Amount, budget: Amount, *, locale: str = "zh_CN") -> str:
    """``决算数与预算数持平`` / ``决算数大于预算数`` / ``决算数小于预算数`` (exact comparison).

    English: ``the final figure equals the budget`` / ``… is above the budget`` /
    ``… is below the budget``.

    >>> budget_comparison_phrase(Amount("0.07"), Amount("0.070"))
    '决算数与预算数持平'
    >>> budget_comparison_phrase(Amount("48"), Amount("44")), budget_comparison_phrase(Amount("44"), Amount("48"))
    ('决算数大于预算数', '决算数小于预算数')
    >>> budget_comparison_phrase(Amount("44"), Amount("48"), locale="en")
    'the final figure is below the budget'
    """
    _check_value(actual, Amount, "$.actual")
    _check_value(budget, Amount, "$.budget")
    _check_locale(locale)
    english = is_english(locale)
    if actual == budget:
        return "the final figure equals the budget" if english else "决算数与预算数持平"
    if actual > budget:
        return "the final figure is above the budget" if english else "决算数大于预算数"
    return "the final figure is below the budget" if english else "决算数小于预算数"


# --- 人民币大写 --------------------------------------------------------------------------------------

_UPPER_DIGITS: Final = "零壹贰叁肆伍陆柒捌玖"
_SMALL_UNITS: Final = ("", "拾", "佰", "仟")


def _section(n: int) -> str:
    """0 < n < 10^4: one 零 for any run of inner zeros, nothing for trailing zeros; 10 is 壹拾."""
    words: list[str] = []
    gap = False
    for position in (3, 2, 1, 0):
        digit = n // 10**position % 10
        if not digit:
            gap = bool(words)
            continue
        if gap:
            words.append("零")
            gap = False
        words.append(_UPPER_DIGITS[digit] + _SMALL_UNITS[position])
    return "".join(words)


def _integer(n: int) -> str:
    """n > 0 in 元, read in groups of four: …亿…万…; 10^12 is 壹万亿, 10^16 is 壹亿亿."""
    if n < 10**4:
        return _section(n)
    size, unit = (10**8, "亿") if n >= 10**8 else (10**4, "万")
    high, low = divmod(n, size)
    text = _integer(high) + unit
    if low:
        # The lower part starts with a zero (千万位 or 千位 is 0): one 零 bridges the gap.
        if low < size // 10:
            text += "零"
        text += _integer(low)
    return text


def rmb_uppercase(amount: Amount, *, ending: Literal["整", "正"] = "整") -> str:
    """人民币大写金额 for an amount in 万元, as on bills and vouchers.

    The amount is converted to 元 and rounded half-up to 分 (0.000001 万元) first.  The rules follow
    《正确填写票据和结算凭证的基本规定》 (中国人民银行), choosing one form where the rules allow two:

    * ``ending`` (整, or 正) is written after 元 when there is neither 角 nor 分, never after 角 or 分:
      ¥1,409.50 → 壹仟肆佰零玖元伍角, ¥10.00 → 壹拾元整;
    * a run of zeros inside the number writes one 零 (¥6,007.14 → 陆仟零柒元壹角肆分); zeros at the
      end of a 万/亿 group write nothing, and the next group writes 零 only when it starts with a
      zero: ¥107,000.53 → 壹拾万柒仟元零伍角叁分, ¥1,000,010 → 壹佰万零壹拾元整;
    * when the 元 digit is 0 and 角 is not, 零 is written after 元 (¥1,680.32 → 壹仟陆佰捌拾元零叁角贰分);
      when 角 is 0 and 分 is not, 零 is always written after 元 (¥325.04 → 叁佰贰拾伍元零肆分);
    * 10–19 are written with 壹 (壹拾元整); below one 元 there is no 元 (¥0.05 → 伍分); 0 is 零元整;
      negative amounts get 负;
    * above 亿 the groups are read as ordinary Chinese numbers: 10^12 元 is 壹万亿, ¥1,2345,0000,0000 is
      壹万贰仟叁佰肆拾伍亿, and the largest amount (10^12 万元 = 10^16 元) is 壹亿亿元整.

    >>> rmb_uppercase(Amount("874.63"))
    '捌佰柒拾肆万陆仟叁佰元整'
    >>> rmb_uppercase(Amount.from_yuan("1409.50")), rmb_uppercase(Amount.from_yuan("1680.32"))
    ('壹仟肆佰零玖元伍角', '壹仟陆佰捌拾元零叁角贰分')
    >>> rmb_uppercase(Amount.from_yuan("107000.53")), rmb_uppercase(Amount.from_yuan("0.05"))
    ('壹拾万柒仟元零伍角叁分', '伍分')
    >>> rmb_uppercase(Amount.from_yuan(10), ending="正"), rmb_uppercase(Amount("0")), rmb_uppercase(Amount("-0.000505"))
    ('壹拾元正', '零元整', '负伍元零伍分')
    """
    _check_value(amount, Amount, "$.amount")
    if ending not in ("整", "正"):
        raise InvalidValue("结尾字“整”或“正”", "the ending '整' or '正'", ending, path="$.ending")
    fen_total = int(amount.rounded(6).value.scaleb(6, _ROUNDING))
    yuan, fen_part = divmod(abs(fen_total), 100)
    jiao, fen = divmod(fen_part, 10)
    words: list[str] = []
    if yuan:
        words.append(_integer(yuan) + "元")
    if jiao:
        if yuan and yuan % 10 == 0:
            words.append("零")
        words.append(_UPPER_DIGITS[jiao] + "角")
    if fen:
        if yuan and not jiao:
            words.append("零")
        words.append(_UPPER_DIGITS[fen] + "分")
    if not words:
        return "零元" + ending
    if not (jiao or fen):
        words.append(ending)
    return ("负" if fen_total < 0 else "") + "".join(words)
