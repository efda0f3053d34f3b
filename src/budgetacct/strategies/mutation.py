"""What a mutation is (:class:`Mutation`), and the helpers every family of mutations uses."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import attrs
from hypothesis import strategies as st

from budgetacct.codes import BasicExpensePart
from budgetacct.model.disclosure import BasicExpenditure, Disclosure, EconomicLine, StatedChange
from budgetacct.money import Amount
from budgetacct.strategies._helpers import _amount_of, _need, _raised_at, _stated_change

Apply = Callable[[st.DrawFn, Disclosure], Disclosure]


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


def _restate(change: StatedChange | None, current: Amount) -> StatedChange | None:
    return None if change is None else _stated_change(_need(change.previous), current)


def _bump_basic_line(
    draw: st.DrawFn, basic: BasicExpenditure, part: BasicExpensePart, delta: Amount
) -> tuple[EconomicLine, ...]:
    """Raise one economic 款 row of 基本支出 of the given part (人员经费 or 公用经费)."""
    lines = basic.lines
    index = draw(st.sampled_from([i for i, line in enumerate(lines) if line.code.basic_expense_part is part]))
    return _raised_at(lines, index, delta, "amount")
