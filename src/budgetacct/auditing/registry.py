"""The rule registry: every check is a named, documented entry.

A rule has a stable id (R1–R60 follow ``DOMAIN.md``; R61 and up are budgetacct's own), a title
in Chinese and English, its formula, its severity when the identity cannot hold, the tolerance
it uses, and the function that runs it.  The documentation's rule catalogue is generated from
this registry, so no rule exists only in prose.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

import attrs

from budgetacct.model.enums import Severity

if TYPE_CHECKING:  # pragma: no cover
    from budgetacct.auditing.check import Checker

__all__ = ["REGISTRY", "Rule", "RuleRegistry", "rule"]

RuleFunction = Callable[["Checker"], None]


@attrs.frozen
class Rule:
    """One audit rule, as documented in the rule catalogue."""

    id: str
    title_zh: str
    title_en: str
    formula: str
    severity: Severity
    tolerance: str
    function: RuleFunction = attrs.field(repr=False, eq=False)
    group: str = ""
    #: What the rule checks: a 决算 (``"disclosure"``), a 预算 (``"budget"``) or a budget against
    #: the same year's 决算 (``"pair"``).
    subject: str = "disclosure"

    @property
    def number(self) -> int:
        return int(self.id.lstrip("R"))


class RuleRegistry:
    """An ordered collection of rules, looked up by id."""

    def __init__(self) -> None:
        self._rules: dict[str, Rule] = {}
        # In number order, kept as rules are added: every audit iterates the registry, and
        # sorting a hundred rules on each call cost about 3 % of auditing a department.
        self._ordered: tuple[Rule, ...] = ()

    def add(self, new: Rule) -> Rule:
        if new.id in self._rules:
            raise ValueError(f"rule {new.id} is registered twice")
        self._rules[new.id] = new
        ordered = list(self._ordered)
        bisect.insort(ordered, new, key=lambda r: r.number)
        self._ordered = tuple(ordered)
        return new

    def __getitem__(self, rule_id: str) -> Rule:
        return self._rules[rule_id]

    def __contains__(self, rule_id: object) -> bool:
        return rule_id in self._rules

    def __iter__(self) -> Iterator[Rule]:
        return iter(self._ordered)

    def __len__(self) -> int:
        return len(self._rules)

    def ids(self) -> tuple[str, ...]:
        return tuple(r.id for r in self)


REGISTRY = RuleRegistry()

_TOLERANCE_ROUNDED = "每个印刷数 ±0.005 万元（四舍五入区间）；精确账目为 0 | ±0.005 万元 per printed figure; 0 for exact ledgers"


def rule(
    rule_id: str,
    *,
    zh: str,
    en: str,
    formula: str,
    severity: Severity = Severity.ERROR,
    tolerance: str = _TOLERANCE_ROUNDED,
    group: str = "",
    subject: str = "disclosure",
) -> Callable[[RuleFunction], RuleFunction]:
    """Register the decorated function as rule ``rule_id`` (checking a ``subject``)."""

    def register(function: RuleFunction) -> RuleFunction:
        REGISTRY.add(Rule(rule_id, zh, en, formula, severity, tolerance, function, group, subject))
        return function

    return register
