"""What a mutation is (:class:`Mutation`), and the helpers every family of mutations uses."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import attrs
from hypothesis import strategies as st

from budgetacct.codes import BasicExpensePart
from budgetacct.model.disclosure import BasicExpenditure, Disclosure, EconomicLine, StatedChange
from budgetacct.model.ledger import Ledger
from budgetacct.model.tables import StandardTable, TableKind
from budgetacct.money import Amount
from budgetacct.strategies._helpers import _amount_of, _need, _raised_at, _replaced

Apply = Callable[[st.DrawFn, Disclosure], Disclosure]
#: What a mutation that needs the valid ledger does first (print a part from a ledger booked otherwise).
Reprint = Callable[[st.DrawFn, Ledger, Disclosure], Disclosure]


@attrs.frozen
class Mutation:
    """One way of breaking a valid disclosure, and what the audit must then say.

    ``expected`` rules must fire with their own severity; ``collateral`` rules may fire as well
    (``why`` says why); any other error or warning would be a false alarm.  ``reprint``, when
    given, is applied first, with the valid ledger the disclosure was published from: a slip that
    a publisher makes by printing one table from figures booked otherwise (a 基本支出 line booked as
    项目支出) is printed that way, so that the misprinted table still adds up in itself.
    """

    name: str
    expected: frozenset[str]
    description: str
    apply: Apply = attrs.field(repr=False)
    collateral: frozenset[str] = frozenset()
    why: str = ""
    reprint: Reprint | None = attrs.field(default=None, repr=False)


#: Why a slip of a narrative figure also breaks R68: the standard tables print the figure again.
RESTATED_WHY = (
    "the changed narrative figure is printed again in a standard table, which keeps the valid figure (R68)"
)


def _mutation(
    name: str,
    expected: Iterable[str],
    description: str,
    apply: Apply,
    collateral: Iterable[str] = (),
    why: str = "",
    reprint: Reprint | None = None,
    *,
    restated: bool = False,
) -> Mutation:
    """A :class:`Mutation`; ``restated``: the broken figure is a narrative one that a standard table
    prints again, so R68 is expected as well (and ``why`` ends with :data:`RESTATED_WHY`)."""
    if restated:
        expected = (*expected, "R68")
        why = f"{why}; {RESTATED_WHY}" if why else RESTATED_WHY
    return Mutation(name, frozenset(expected), description, apply, frozenset(collateral), why, reprint)


def _table_index(d: Disclosure, kind: TableKind) -> int:
    """Where the table of ``kind`` is in ``d.tables`` (a disclosure drawn for mutations prints it)."""
    return next(t for t, table in enumerate(d.tables) if table.kind is kind)


def _with_table(d: Disclosure, index: int, table: StandardTable) -> Disclosure:
    return attrs.evolve(d, tables=_replaced(d.tables, index, table))


def _delta(draw: st.DrawFn) -> Amount:
    """A change clearly larger than rounding: 1.00 to 50.00 万元."""
    return _amount_of(draw(st.integers(100, 5_000)), 2)


def _restate(change: StatedChange | None, current: Amount) -> StatedChange | None:
    return None if change is None else StatedChange.between(_need(change.previous), current)


def _bump_basic_line(
    draw: st.DrawFn, basic: BasicExpenditure, part: BasicExpensePart, delta: Amount
) -> tuple[EconomicLine, ...]:
    """Raise one economic 款 row of 基本支出 of the given part (人员经费 or 公用经费)."""
    lines = basic.lines
    index = draw(st.sampled_from([i for i, line in enumerate(lines) if line.code.basic_expense_part is part]))
    return _raised_at(lines, index, delta, "amount")
