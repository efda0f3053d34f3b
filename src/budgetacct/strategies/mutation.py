"""What a mutation is (:class:`Mutation`), and the helpers every family of mutations uses."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

import attrs
from hypothesis import strategies as st

from budgetacct.codes import BasicExpensePart
from budgetacct.model.disclosure import BasicExpenditure, Disclosure, EconomicLine, StatedChange
from budgetacct.money import Amount, Percent
from budgetacct.strategies._helpers import T, _amount_of, _stated_change

Apply = Callable[[st.DrawFn, Disclosure], Disclosure]
A = TypeVar("A", bound=attrs.AttrsInstance)


@attrs.frozen
class Mutation:
    """One way of breaking a valid disclosure, and what the audit must then say.

    ``expected`` rules must fire with their own severity; ``collateral`` rules may fire as well
    (``why`` says why); any other error or warning would be a false alarm.
    """

    name: str
    expected: frozenset[str]
    description: str
    apply: Apply = attrs.field(repr=False)
    collateral: frozenset[str] = frozenset()
    why: str = ""


def _mutation(
    name: str,
    expected: Iterable[str],
    description: str,
    apply: Apply,
    collateral: Iterable[str] = (),
    why: str = "",
) -> Mutation:
    return Mutation(name, frozenset(expected), description, apply, frozenset(collateral), why)


def _delta(draw: st.DrawFn) -> Amount:
    """A change clearly larger than rounding: 1.00 to 50.00 万元."""
    return _amount_of(draw(st.integers(100, 5_000)), 2)


def _need(value: T | None) -> T:
    # The ledgers drawn for broken disclosures always have these figures; a None here is a bug.
    assert value is not None
    return value


def _restate(change: StatedChange | None, current: Amount) -> StatedChange | None:
    return None if change is None else _stated_change(_need(change.previous), current)


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


def _bump_basic_line(
    draw: st.DrawFn, basic: BasicExpenditure, part: BasicExpensePart, delta: Amount
) -> tuple[EconomicLine, ...]:
    """Raise one economic 款 row of 基本支出 of the given part (人员经费 or 公用经费)."""
    lines = basic.lines
    index = draw(st.sampled_from([i for i, line in enumerate(lines) if line.code.basic_expense_part is part]))
    return _raised_at(lines, index, delta, "amount")
