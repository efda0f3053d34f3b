"""Field validators shared by the model classes.

Each validator raises :class:`~budgetacct.errors.InvalidValue` naming the field, so a bad value
is reported as ``$.field`` (the serializer re-roots the path inside a document).
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from decimal import Decimal
from typing import Any, Final, TypeVar

import attrs

from budgetacct.errors import InvalidValue
from budgetacct.money import Amount, Percent, to_decimal
from budgetacct.paths import render_path

__all__ = [
    "amount",
    "count",
    "enum_of",
    "nested_field",
    "non_negative_amount",
    "optional",
    "optional_amount_field",
    "optional_field",
    "optional_instance_field",
    "percent",
    "text",
    "tuple_field",
    "tuple_of",
]

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]
T = TypeVar("T")
V = TypeVar("V", bound=Callable[..., None])

#: What a validator checks, told to the generated structuring code (``io/_structure_gen.py``)
#: so that it can leave out checks its own conversion already guarantees:
#:
#: * ``("type", T)`` — the value is exactly of type ``T`` (any value converted into ``T`` passes);
#: * ``("sign", T)`` — exactly ``T`` and not below zero (the generated code tests the sign and
#:   calls the validator only when it fails, so the message comes from here);
#: * ``("optional", inner)`` — ``None``, or a value ``inner`` accepts;
#: * ``("tuple", T)`` — a tuple of exactly ``T`` elements.
#:
#: A validator without the mark always runs.
IMPLIED: Final = "_budgetacct_checks"


def _checks(spec: tuple[str, Any]) -> Callable[[V], V]:
    def mark(validator: V) -> V:
        setattr(validator, IMPLIED, spec)
        return validator

    return mark


def _path(attribute: attrs.Attribute[Any]) -> str:
    return render_path((attribute.name,))


@_checks(("type", Amount))
def amount(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """An :class:`Amount` (any sign)."""
    if type(value) is not Amount:
        raise InvalidValue("金额（Amount）", "an Amount", value, path=_path(attribute))


@_checks(("sign", Amount))
def non_negative_amount(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """An :class:`Amount` ≥ 0 (published figures and ledger items never go negative)."""
    if type(value) is not Amount:
        raise InvalidValue("金额（Amount）", "an Amount", value, path=_path(attribute))
    if value.value < 0:
        raise InvalidValue("非负金额", "a non-negative amount", str(value), path=_path(attribute))


def optional_non_negative_amount(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """``None`` or an :class:`Amount` ≥ 0 (one call: these fields are the most numerous)."""
    if value is None:
        return
    if type(value) is not Amount:
        raise InvalidValue("金额（Amount）", "an Amount", value, path=_path(attribute))
    if value.value < 0:
        raise InvalidValue("非负金额", "a non-negative amount", str(value), path=_path(attribute))


def optional_percent(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """``None`` or a :class:`Percent`."""
    if value is not None and type(value) is not Percent:
        raise InvalidValue("百分比（Percent）", "a Percent", value, path=_path(attribute))


@_checks(("type", Percent))
def percent(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A :class:`Percent` (rates may be negative; the sign of printed rates is carried by words)."""
    if type(value) is not Percent:
        raise InvalidValue("百分比（Percent）", "a Percent", value, path=_path(attribute))


def count(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A non-negative whole number (people, vehicles, groups …)."""
    if type(value) is not int:
        raise InvalidValue("非负整数", "a non-negative integer", value, path=_path(attribute))
    if value < 0 or value > 10**9:
        raise InvalidValue("0到10^9之间的整数", "an integer from 0 to 10^9", value, path=_path(attribute))


def decimal_number(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A finite :class:`~decimal.Decimal` (weights, scores)."""
    if type(value) is not Decimal:
        raise InvalidValue("十进制数（Decimal）", "a Decimal", value, path=_path(attribute))
    to_decimal(value, what_zh="数值", what_en="a number", path=_path(attribute))


def text(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A non-empty string of at most 10,000 characters."""
    if type(value) is not str or not value.strip():
        raise InvalidValue("非空文字", "a non-empty string", value, path=_path(attribute))
    if len(value) > 10_000:
        raise InvalidValue(
            "不超过10000字的文字", "a string of at most 10,000 characters", value, path=_path(attribute)
        )


def year(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A fiscal year from 1990 to 2100."""
    if type(value) is not int or not 1990 <= value <= 2100:
        raise InvalidValue(
            "1990到2100之间的年度", "a fiscal year from 1990 to 2100", value, path=_path(attribute)
        )


@_checks(("type", bool))
def boolean(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not bool:
        raise InvalidValue("布尔值", "a boolean", value, path=_path(attribute))


def enum_of(cls: type[enum.Enum]) -> Validator:
    """A member of ``cls``."""
    names_zh = "、".join(str(m.value) for m in cls)

    def check(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if type(value) is not cls:
            raise InvalidValue(f"以下之一：{names_zh}", f"one of {names_zh}", value, path=_path(attribute))

    return _checks(("type", cls))(check)


def instance(cls: type[Any], zh: str, en: str) -> Validator:
    def check(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if type(value) is not cls:
            raise InvalidValue(zh, en, value, path=_path(attribute))

    return _checks(("type", cls))(check)


def optional(inner: Validator) -> Validator:
    """``None`` or a value accepted by ``inner``."""

    def check(obj: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None:
            inner(obj, attribute, value)

    return _checks(("optional", inner))(check)


def tuple_of(cls: type[Any], zh: str, en: str) -> Validator:
    """A tuple whose every element is exactly of type ``cls`` (paths name the bad index)."""

    def check(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if type(value) is not tuple:
            raise InvalidValue(f"由{zh}组成的元组", f"a tuple of {en}", value, path=_path(attribute))
        for index, element in enumerate(value):
            if type(element) is not cls:
                raise InvalidValue(zh, en, element, path=f"{_path(attribute)}[{index}]")

    return _checks(("tuple", cls))(check)


_checks(("optional", non_negative_amount))(optional_non_negative_amount)
_checks(("optional", percent))(optional_percent)


# Field shorthands: the attrs mypy plugin reads these as defaults, attrs as field definitions.


def optional_field(validator: Validator) -> Any:
    """A field that defaults to ``None`` and otherwise holds what ``validator`` accepts."""
    return attrs.field(default=None, validator=optional(validator))


def optional_text_field() -> Any:
    """Printed text, or ``None`` (the default)."""
    return optional_field(text)


def optional_amount_field() -> Any:
    """A non-negative :class:`~budgetacct.money.Amount`, or ``None`` (the default)."""
    return attrs.field(default=None, validator=optional_non_negative_amount)


def optional_instance_field(cls: type[Any], zh: str, en: str) -> Any:
    """A value of exactly type ``cls``, or ``None`` (the default)."""
    return attrs.field(default=None, validator=optional(instance(cls, zh, en)))


def section_field(cls: type[Any], zh: str) -> Any:
    """A report's section of type ``cls`` (``zh`` names it), or ``None`` where it is not printed."""
    return optional_instance_field(cls, zh, f"a {cls.__name__}")


def nested_field(cls: type[Any], zh: str, en: str) -> Any:
    """A value of exactly type ``cls``, by default an empty ``cls()`` (a figure not stated yet)."""
    return attrs.field(factory=cls, validator=instance(cls, zh, en))


def tuple_field(cls: type[Any], zh: str, en: str) -> Any:
    """A tuple of exactly ``cls`` values, empty by default."""
    return attrs.field(default=(), validator=tuple_of(cls, zh, en))
