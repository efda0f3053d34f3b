"""Typed indicator values: text to a :class:`Quantity`, a :class:`DateBound` or a :class:`Qualitative`.

:func:`parse_indicator_value` reads a printed target or actual value (``≥95%``, ``3次以上``,
``83万元``, ``2021年春节前``, ``已完成``); it never raises on text and never loses it.

Chinese legal convention (《民法典》第一千二百五十九条): 以上、以下、以内 *include* the stated number,
so ``3次以上`` is ``≥ 3``.

>>> q = parse_indicator_value("3次以上")
>>> q.operator, q.number, q.unit, str(q)
(<Operator.GE: '≥'>, Decimal('3'), '次', '3次以上')
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, ClassVar, NamedTuple

import attrs

from budgetacct.errors import InvalidValue
from budgetacct.model import _fields as v
from budgetacct.model import indicator_text as vocab
from budgetacct.model.indicator_text import UNITS, Operator
from budgetacct.money import to_decimal

__all__ = ["DateBound", "IndicatorValue", "Qualitative", "Quantity", "ValueKind", "parse_indicator_value"]


class ValueKind(enum.Enum):
    """The three kinds of :class:`IndicatorValue`.

    >>> parse_indicator_value("2021年").kind
    <ValueKind.DATE: '时间'>
    """

    QUANTITATIVE = "定量"
    DATE = "时间"
    QUALITATIVE = "定性"


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


_str_field = v.instance(str, "文字", "a string")


def _subject_validator(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if (
        type(value) is not str
        or vocab.collapse(value) != value
        or vocab.DIGIT.search(value.translate(vocab.HALF))
    ):
        raise InvalidValue(
            "不含数字、首尾无空白的说明文字",
            "a label without digits or surrounding whitespace",
            value,
            path=f"$.{attribute.name}",
        )


_optional_operator = v.optional(v.instance(Operator, "比较符号（Operator）或None", "an Operator or None"))


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

    #: Each kind of value says what it is and the fields its written form must read back to
    #: (``None``: a statement, nothing to read back).
    _KIND: ClassVar[ValueKind | None] = None
    _READ_BACK: ClassVar[type[_QuantityFields] | type[_DateFields] | None] = None

    @property
    def kind(self) -> ValueKind:
        if self._KIND is None:
            # Unreachable for real values: the base class refuses construction in ``_fields``.
            raise InvalidValue(
                "Quantity、DateBound 或 Qualitative", "a Quantity, DateBound or Qualitative", self
            )
        return self._KIND

    def _fields(self) -> _Fields:
        if self._KIND is None:
            raise InvalidValue(
                "Quantity、DateBound 或 Qualitative", "a Quantity, DateBound or Qualitative", self
            )
        fields = self._READ_BACK
        return None if fields is None else fields(**{name: getattr(self, name) for name in fields._fields})

    def __attrs_post_init__(self) -> None:
        expected = self._fields()
        written = str(self)
        read = _read(vocab.collapse(written))
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
    approximate: bool = attrs.field(default=False, validator=v.boolean)
    subject: str = attrs.field(default="", validator=_subject_validator)
    subject_after: bool = attrs.field(default=False, validator=v.boolean)

    def __attrs_post_init__(self) -> None:
        _fill_operator(self, vocab.QUANTITY_STYLES)
        super().__attrs_post_init__()

    _KIND = ValueKind.QUANTITATIVE
    _READ_BACK = _QuantityFields

    def __str__(self) -> str:
        before = self.style if self.style not in vocab.POST_WORDS else ""
        after = self.style if self.style in vocab.POST_WORDS else ""
        core = f"{before}{self.number:f}{vocab.APPROX if self.approximate else ''}{self.unit}{after}"
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
            else (vocab.MONTH_EVENT_NAMES if obj.month is not None else frozenset(vocab.YEAR_EVENTS))
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
    subject_after: bool = attrs.field(default=False, validator=v.boolean)

    def __attrs_post_init__(self) -> None:
        _date_validator(self)
        if self.operator is Operator.EQ or self.operator is Operator.GT or self.operator is Operator.LT:
            raise InvalidValue(
                "前（≤）、后（≥）或无", "≤ (前), ≥ (后) or none", self.operator, path="$.operator"
            )
        _fill_operator(self, vocab.DATE_STYLES)
        super().__attrs_post_init__()

    _KIND = ValueKind.DATE
    _READ_BACK = _DateFields

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
            if y not in vocab.SPRING_FESTIVAL:
                return None
            return d(y, *vocab.SPRING_FESTIVAL[y]), d(y, *vocab.SPRING_FESTIVAL[y])
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
    return vocab.collapse(value)


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

    _KIND = ValueKind.QUALITATIVE

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
    return vocab.collapse(original[start:end])


def _subject(original: str, prefix_end: int, suffix_start: int) -> tuple[str, bool] | None:
    before = _side(original, 0, prefix_end)
    after = _side(original, suffix_start, len(original))
    if before and after:
        return None
    return (after, True) if after else (before, False)


def _read_quantity(original: str, half: str) -> _QuantityFields | None:
    match = vocab.QUANTITY_RE.fullmatch(half)
    if match is None:
        return None
    sym, pre, post = match["sym"], match["pre"], match["post"]
    style = vocab.SYMBOLS[sym] if sym else (pre or "")
    operator = vocab.QUANTITY_STYLES[style]
    if post:
        if operator is None:
            style, operator = post, vocab.POST_WORDS[post]
        elif operator is not vocab.POST_WORDS[post]:
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
    dotted = vocab.DOTTED_RE.match(half)
    if dotted is not None:
        match = dotted
        year, month, day = int(dotted["year"]), int(dotted["month"]), int(dotted["day"])
        pos = dotted.end()
    else:
        found = vocab.YEAR_RE.match(half)
        if found is None:
            return None
        match = found
        year, pos = int(found["year"]), found.end()
        month_match = vocab.MONTH_RE.match(half, pos)
        if month_match is not None:
            month, pos = int(month_match["month"]), month_match.end()
            day_match = vocab.DAY_RE.match(half, pos)
            if day_match is not None:
                day, pos = int(day_match["day"]), day_match.end()
            else:
                event_match = vocab.MONTH_EVENT_RE.match(half, pos)
                if event_match is not None:
                    event, pos = vocab.MONTH_EVENTS[event_match["event"]], event_match.end()
        else:
            event_match = vocab.YEAR_EVENT_RE.match(half, pos)
            if event_match is not None:
                word = event_match["event"]
                event, pos = vocab.YEAR_EVENT_SHORT.get(word, word), event_match.end()
    style = ""
    op_match = vocab.DATE_OP_RE.match(half, pos)
    if op_match is not None:
        style, pos = op_match["op"], op_match.end()
    if vocab.DIGIT.search(half, pos):
        return None
    subject = _subject(original, match.end("prefix"), pos)
    if subject is None:
        return None
    return _DateFields(year, month, day, event, vocab.DATE_STYLES[style], style, *subject)


def _read(text: str) -> _Fields:
    """The fields a collapsed text reads as, or ``None`` for a statement."""
    half = text.translate(vocab.HALF)
    if not vocab.DIGIT.search(half):
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
    collapsed = vocab.collapse(text)
    value = _structured(collapsed, text)
    return value if value is not None else Qualitative(statement=collapsed, text=text)


def _value(value: IndicatorValue | str, what: str) -> IndicatorValue:
    if isinstance(value, str):
        return parse_indicator_value(value)
    if isinstance(value, (Quantity, DateBound, Qualitative)):
        return value
    raise InvalidValue("指标值（IndicatorValue）或文字", "an IndicatorValue or text", value, path=f"$.{what}")
