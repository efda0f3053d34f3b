"""Strategies for money: amounts in 万元, percentages and year-on-year changes."""

from __future__ import annotations

import functools
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import SearchStrategy

from budgetacct.money import MAX_MAGNITUDE, Amount, Change, Percent
from budgetacct.strategies._helpers import _CTX, _amount_of, _check_places, _scaled, _units


def amounts(
    *,
    min_value: Amount | Decimal | int | str = 0,
    max_value: Amount | Decimal | int | str = 1_000_000,
    places: int = 2,
) -> SearchStrategy[Amount]:
    """Amounts in 万元 that are whole multiples of 10^-places 万元, from ``min_value`` to ``max_value``.

    ``places=2`` (the default) gives 0.01 万元 steps, the published precision; ``places=4`` gives
    whole 元.  Shrinks towards zero (or the bound nearest to it).

    >>> from hypothesis import find
    >>> find(amounts(places=4), lambda a: a > Amount("1.5"))
    Amount('1.5001')
    """
    places = _check_places(places)
    low = _units(min_value, places, ROUND_CEILING)
    high = _units(max_value, places, ROUND_FLOOR)
    limit = _units(Amount(MAX_MAGNITUDE), places, ROUND_FLOOR)
    if low > high:
        raise InvalidArgument(f"min_value={min_value!r} is above max_value={max_value!r}")
    if high > limit or low < -limit:
        raise InvalidArgument("amounts are limited to a magnitude of 10^12 万元")
    return st.integers(low, high).map(functools.partial(_amount_of, places=places))


_amounts = amounts  # for functions whose ``amounts`` parameter hides this one


@functools.cache
def _amount_strategy(high: int, places: int) -> SearchStrategy[Amount]:
    return st.integers(0, high).map(functools.partial(_amount_of, places=places))


def percents(
    *,
    min_value: Percent | Decimal | int | str = 0,
    max_value: Percent | Decimal | int | str = 100,
    places: int = 2,
) -> SearchStrategy[Percent]:
    """Percentages (``Percent("88.96")`` is 88.96%) in steps of 10^-places, shrinking towards 0.

    >>> from hypothesis import find
    >>> find(percents(), lambda p: p >= Percent("50"))
    Percent('50.00')
    """
    places = _check_places(places)

    def units(value: Percent | Decimal | int | str, rounding: str) -> int:
        return _scaled(value.value if isinstance(value, Percent) else Percent(value).value, places, rounding)

    low, high = units(min_value, ROUND_CEILING), units(max_value, ROUND_FLOOR)
    if low > high:
        raise InvalidArgument(f"min_value={min_value!r} is above max_value={max_value!r}")
    return st.integers(low, high).map(lambda n: Percent(Decimal(n).scaleb(-places, _CTX)))


def changes(
    *, previous: SearchStrategy[Amount] | None = None, current: SearchStrategy[Amount] | None = None
) -> SearchStrategy[Change]:
    """Year-on-year :class:`~budgetacct.money.Change` values between two drawn amounts."""
    return st.builds(
        Change,
        previous if previous is not None else amounts(),
        current if current is not None else amounts(),
    )
