"""Identities among printed figures written as the rule catalogue writes them.

``"$.fiscal.grand_total = $.fiscal.revenue_total + $.fiscal.opening_balance"``: each term is the
path of a figure, or of a breakdown's lines with ``[*]`` (``$.expenditure.classes[*].amount``:
every line's amount); a term ending in ``?`` is a figure the report may leave blank.
:meth:`budgetacct.auditing.check.Checker.adds_up` compares the two sides; this module parses an
identity once and sums a side over a disclosure.

>>> left, right = parse_identity("$.a.total = $.a.lines[*].amount + $.a.other?")
>>> [t.fields for t in left], [(t.fields, t.line_fields, t.blank_is_zero) for t in right]
([('a', 'total')], [(('a', 'lines'), ('amount',), False), (('a', 'other'), None, True)])
"""

from __future__ import annotations

import functools
from decimal import Decimal
from typing import Any, NamedTuple

from budgetacct.money import Amount

__all__ = ["IdentityTerm", "parse_identity", "sum_of_terms"]

_ZERO = Decimal(0)


class IdentityTerm(NamedTuple):
    """A term of an identity: ``$.a.b`` (``fields`` a, b) or ``$.a.lines[*].amount`` (``fields``
    a, lines; ``line_fields`` amount); ``blank_is_zero`` for one written ``…?``."""

    path: str
    fields: tuple[str, ...]
    line_fields: tuple[str, ...] | None
    blank_is_zero: bool


@functools.cache
def parse_identity(identity: str) -> tuple[tuple[IdentityTerm, ...], tuple[IdentityTerm, ...]]:
    """``"A + B = C + D?"`` → the terms of each side (parsed once per identity text)."""
    left, _, right = identity.partition(" = ")
    if not left or not right:
        raise ValueError(f"not an identity (“A + B = C”): {identity!r}")
    return _terms(left), _terms(right)


def sum_of_terms(
    root: Any, terms: tuple[IdentityTerm, ...], into: list[Amount] | None = None, blank: Amount | None = None
) -> Decimal | None:
    """The sum of one side of an identity over ``root`` (a disclosure), None when a figure of it is
    not printed (nor the section holding it) or a breakdown has no lines.  With ``into``, each
    figure is also appended to it — a blank ``?`` figure as ``blank``, the zero the caller compares
    without rounding allowance."""
    total = _ZERO
    for _, fields, line_fields, blank_is_zero in terms:
        node: Any = root
        for name in fields:
            node = getattr(node, name)
            if node is None:
                break
        if line_fields is None:
            if node is None:
                if not blank_is_zero:
                    return None
                if into is not None and blank is not None:
                    into.append(blank)
                continue
            total += node.value
            if into is not None:
                into.append(node)
        elif not node:  # a breakdown with no lines, or not printed at all
            return None
        else:
            for line in node:
                for name in line_fields:
                    line = getattr(line, name) if line is not None else None
                if line is None:
                    return None
                total += line.value
                if into is not None:
                    into.append(line)
    return total


def _terms(side: str) -> tuple[IdentityTerm, ...]:
    terms = []
    for written in side.split(" + "):
        path = written.removesuffix("?")
        head, each, tail = path.partition("[*]")
        terms.append(
            IdentityTerm(
                path, _fields(head), _fields(tail) if each else None, blank_is_zero=written.endswith("?")
            )
        )
    return tuple(terms)


def _fields(path: str) -> tuple[str, ...]:
    """The field names of ``$.a.b`` or ``.a.b``: ``("a", "b")``."""
    return tuple(path.removeprefix("$").removeprefix(".").split("."))
