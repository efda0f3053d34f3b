"""Small helpers the strategy modules share: exact Decimal work, integers drawn cheaply, names,
figures of frozen values replaced or raised."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from decimal import ROUND_HALF_UP, Context, Decimal
from typing import Final, TypeVar

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import SearchStrategy

from budgetacct.errors import InvalidValue
from budgetacct.money import Amount, Percent

T = TypeVar("T")
A = TypeVar("A", bound=attrs.AttrsInstance)

# Decimal work never reads the global context.
_CTX: Final = Context(prec=60, rounding=ROUND_HALF_UP)
_ZERO: Final = Amount(0)
_MAX_PLACES: Final = 12

_PROJECTS: Final = (
    "政府业务经费",
    "政策研究咨询经费",
    "信息化建设经费",
    "全区老干部及一线工作人员慰问经费",
    "纪检监察工作经费",
    "疫情防控工作经费",
    "视频会议系统建设管理工作经费",
    "专项业务培训经费",
)


def _check_places(places: object) -> int:
    if type(places) is not int or not 0 <= places <= _MAX_PLACES:
        raise InvalidArgument(f"places must be an integer from 0 to {_MAX_PLACES}, not {places!r}")
    return places


def _amount_of(units: int, places: int) -> Amount:
    """``units`` × 10^-places 万元 (``_amount_of(1234, 2) == Amount("12.34")``)."""
    return Amount(Decimal(units).scaleb(-places, _CTX))


def _units(value: Amount | Decimal | int | str, places: int, rounding: str) -> int:
    try:
        number = value.value if isinstance(value, Amount) else Amount(value).value
    except InvalidValue as err:
        raise InvalidArgument(f"not a usable amount: {value!r} ({err.en})") from err
    return _scaled(number, places, rounding)


def _scaled(number: Decimal, places: int, rounding: str) -> int:
    """``number`` in steps of 10^-places, rounded to a whole number of steps."""
    return int(number.scaleb(places, _CTX).to_integral_value(rounding, _CTX))


def _floor_cents(units: int, places: int) -> int:
    """``units`` × 10^-places 万元 in whole cents (0.01 万元), rounded down."""
    if places >= 2:
        return units // int(10 ** (places - 2))
    return units * int(10 ** (2 - places))


def _maybe(draw: st.DrawFn, flag: bool | None) -> bool:
    return draw(st.booleans()) if flag is None else flag


def _drawn(function: Callable[[st.DrawFn], T]) -> SearchStrategy[T]:
    """The strategy that calls ``function(draw)``.

    The parts of a ledger are drawn by plain functions that take ``draw``: building a fresh
    strategy object inside every draw (a composite, a ``one_of``) costs Hypothesis more than the
    draw itself.
    """
    return st.composite(function)()


def _integer(draw: st.DrawFn, low: int, high: int) -> int:
    """An integer from ``low`` to ``high``, shrinking towards ``low``, for bounds that change on
    every draw: ``low`` plus a draw from one shared strategy, reduced modulo the width."""
    drawn = draw(_NATURALS)  # drawn even for an empty range: the shape of the draws stays the same
    return low if high <= low else low + drawn % (high - low + 1)


_NATURALS: Final = st.integers(0, 2**63 - 1)


def _split(draw: st.DrawFn, total: int, parts: int) -> list[int]:
    """``total`` (≥ 0) cut into ``parts`` non-negative integers, by drawn cut points."""
    if parts <= 1:
        return [total] * max(parts, 0)
    cuts = sorted(_integer(draw, 0, total) for _ in range(parts - 1))
    bounds = [0, *cuts, total]
    return [bounds[i + 1] - bounds[i] for i in range(parts)]


@functools.cache
def _choices(categories: tuple[str, ...], min_size: int, max_size: int) -> SearchStrategy[list[str]]:
    return st.lists(st.sampled_from(categories), min_size=min_size, max_size=max_size, unique=True)


def _strategy_of(value: T | SearchStrategy[T]) -> SearchStrategy[T]:
    return value if isinstance(value, SearchStrategy) else st.just(value)


def _plain_number(value: Decimal) -> Decimal:
    """``15.00`` → ``15``, ``6.90`` → ``6.9`` (how indicator values are printed)."""
    if value == value.to_integral_value(context=_CTX):
        return Decimal(int(value))
    return value.normalize(_CTX)


def _prior_figures(
    record: type[attrs.AttrsInstance], draw_figure: Callable[[], Amount | None], *, but: str
) -> dict[str, Amount | None]:
    """A previous year's optional figures: every field of ``record`` but ``but``, each drawn by
    ``draw_figure`` in the order the fields are declared."""
    return {field.name: draw_figure() for field in attrs.fields(record) if field.name != but}


def _completion(actual: Amount | None, budget: Amount | None) -> Percent | None:
    if actual is None or budget is None or not budget:
        return None
    return Percent.ratio(actual, budget).rounded()


def _need(value: T | None) -> T:
    # A figure the caller knows is there (a ledger drawn for broken disclosures has them all);
    # a None here is a bug.
    assert value is not None
    return value


def _replaced(items: Sequence[T], index: int, item: T) -> tuple[T, ...]:
    """``items`` with the one at ``index`` replaced by ``item``."""
    return (*items[:index], item, *items[index + 1 :])


def _raised(value: A, delta: Amount | Percent | int, *fields: str) -> A:
    """``value`` with each of its figures ``fields`` raised by ``delta``."""
    # The figures are named at run time, so mypy's per-class check of ``attrs.evolve`` cannot apply.
    evolve: Callable[..., A] = attrs.evolve
    return evolve(value, **{field: _need(getattr(value, field)) + delta for field in fields})


def _raised_at(items: Sequence[A], index: int, delta: Amount | Percent | int, *fields: str) -> tuple[A, ...]:
    """``items`` with the figures ``fields`` of the one at ``index`` raised by ``delta``."""
    return _replaced(items, index, _raised(items[index], delta, *fields))
