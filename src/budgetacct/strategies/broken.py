"""Broken disclosures: a valid disclosure with one figure broken on purpose, and the rules that
must fire (:func:`broken_disclosures`, :func:`mutated_disclosures`, :data:`MUTATIONS`)."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Final

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import SearchStrategy

from budgetacct.auditing import REGISTRY
from budgetacct.model.disclosure import Disclosure
from budgetacct.strategies import (
    broken_narrative,
    broken_performance,
    broken_standard_tables,
    broken_statements,
    broken_tables,
)
from budgetacct.strategies._helpers import _drawn
from budgetacct.strategies.ledger import TEMPLATES, _rich_ledgers
from budgetacct.strategies.mutation import Mutation

# Hypothesis draws a mutation as an index into this tuple: the families keep the order of the one
# list they were cut from, so that a saved example still replays the same mutation; a new family
# (the standard tables as published, R64–R71; statements about the figures, R99–R100) is
# appended at the end.
MUTATIONS: Final[tuple[Mutation, ...]] = (
    *broken_tables.MUTATIONS,
    *broken_narrative.MUTATIONS,
    *broken_performance.MUTATIONS,
    *broken_standard_tables.MUTATIONS,
    *broken_statements.MUTATIONS,
)


# Rules no single change to a disclosure can trigger, each with the reason.
UNREACHABLE_RULES: Final[dict[str, str]] = {
    "R72": "judges how much of a published file a read understood, which no disclosure states: "
    "audit(disclosure, coverage=...) with a Coverage, tested in tests/test_coverage.py",
}


def mutated_disclosures(
    rules: Iterable[str] | None = None, *, names: Iterable[str] | None = None
) -> SearchStrategy[tuple[Disclosure, Mutation]]:
    """Like :func:`broken_disclosures`, but gives the whole :class:`Mutation` (with its collateral);
    ``names`` keeps only the mutations of those names."""
    wanted = None if rules is None else frozenset(rules)
    if wanted is not None:
        unknown = sorted(wanted - set(REGISTRY.ids()))
        if unknown:
            raise InvalidArgument(f"unknown rule ids: {', '.join(unknown)}")
        missing = sorted(wanted - {r for m in MUTATIONS for r in m.expected})
        if missing:
            reasons = "; ".join(f"{r}: {UNREACHABLE_RULES.get(r, 'no mutation')}" for r in missing)
            raise InvalidArgument(f"no mutation triggers {', '.join(missing)} ({reasons})")
    kept = None if names is None else frozenset(names)
    if kept is not None and not kept <= {m.name for m in MUTATIONS}:
        raise InvalidArgument(f"unknown mutations: {sorted(kept - {m.name for m in MUTATIONS})}")
    chosen = [
        m for m in MUTATIONS if (wanted is None or m.expected & wanted) and (kept is None or m.name in kept)
    ]
    if not chosen:
        raise InvalidArgument("no mutation matches both rules and names")
    return _mutated(tuple(chosen))


@functools.cache
def _mutated(chosen: tuple[Mutation, ...]) -> SearchStrategy[tuple[Disclosure, Mutation]]:
    mutations, ledgers_, templates = st.sampled_from(chosen), _rich_ledgers(), st.sampled_from(TEMPLATES)

    def mutated(draw: st.DrawFn) -> tuple[Disclosure, Mutation]:
        mutation = draw(mutations)
        ledger = draw(ledgers_)
        valid = ledger.publish(template=draw(templates))
        if mutation.reprint is not None:
            valid = mutation.reprint(draw, ledger, valid)
        return mutation.apply(draw, valid), mutation

    return _drawn(mutated)


def broken_disclosures(
    rules: Iterable[str] | None = None,
) -> SearchStrategy[tuple[Disclosure, frozenset[str]]]:
    """A valid disclosure with one figure broken, and the ids of the rules that must fire.

    Each example applies one of :data:`MUTATIONS` (only those that trigger one of ``rules``, when
    given) to a published valid ledger, by clearly more than rounding (≥ 1.00 万元, a flipped word,
    a count off by one or more).  Every rule returned fires with its own severity (error, or
    warning/note for the rules registered so); no other rule gives an error or a warning, except
    a mutation's documented ``collateral``.

    >>> from hypothesis import given, settings
    >>> from budgetacct import audit
    >>> @settings(max_examples=5, database=None, deadline=None)
    ... @given(broken_disclosures(rules=["R1", "R44"]))
    ... def check(case):
    ...     disclosure, expected = case
    ...     assert expected <= audit(disclosure).fired()
    >>> check()
    """
    return mutated_disclosures(rules).map(lambda pair: (pair[0], pair[1].expected))
