"""Audit a thousand random, valid department reports — and, with ``--broken``, broken ones.

    python examples/random_audit.py [--count 1000] [--seed 0] [--broken]

``budgetacct.strategies.disclosures()`` draws reports the way a department would publish them
(``Ledger.publish()`` of a generated ledger), so the audit must find no error and no warning in
any of them — only 尾数误差 notes.  With ``--broken``, ``broken_disclosures()`` draws reports with
one figure broken on purpose together with the rules that must catch it, and the script counts
how often they did.  Generation is seeded, so a run is repeatable.  The exit status is 1 when
the audit and the generator disagree (a false alarm, or a broken figure no named rule caught).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st

from budgetacct import Disclosure, Severity, audit
from budgetacct.strategies import broken_disclosures, disclosures


def run(strategy: st.SearchStrategy[Any], count: int, random_seed: int, check: Callable[[Any], None]) -> None:
    """Call ``check`` on ``count`` generated examples (generation only: no shrinking, no database)."""

    @seed(random_seed)
    @settings(
        max_examples=count,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def each(example: Any) -> None:
        check(example)

    each()


def audit_valid(count: int, random_seed: int) -> int:
    seen = 0
    severities: Counter[Severity] = Counter()
    rules: Counter[str] = Counter()
    alarms: list[str] = []

    def check(disclosure: Disclosure) -> None:
        nonlocal seen
        seen += 1
        report = audit(disclosure)
        severities.update(f.severity for f in report)
        rules.update(f.rule for f in report)
        for finding in (*report.errors, *report.warnings):
            alarms.append(f"{report.subject}: {finding.rule} {finding.path} {finding.message.en}")

    started = time.perf_counter()
    run(disclosures(), count, random_seed, check)
    elapsed = time.perf_counter() - started
    print(f"valid disclosures audited: {seen} in {elapsed:.1f} s")
    print("findings: " + ", ".join(f"{severities[s]} {s.value}" for s in Severity))
    if rules:
        print("rules with findings: " + ", ".join(f"{rule} ×{n}" for rule, n in rules.most_common(8)))
    print(f"false alarms (error or warning on a valid report): {len(alarms)}")
    for alarm in alarms[:5]:
        print("  " + alarm)
    return len(alarms)


def audit_broken(count: int, random_seed: int) -> int:
    seen = 0
    caught = 0
    missed: Counter[str] = Counter()
    expected_rules: Counter[str] = Counter()

    def check(case: tuple[Disclosure, frozenset[str]]) -> None:
        nonlocal seen, caught
        disclosure, expected = case
        seen += 1
        expected_rules.update(expected)
        fired = audit(disclosure).fired()
        if expected <= fired:
            caught += 1
        else:
            missed.update(expected - fired)

    started = time.perf_counter()
    run(broken_disclosures(), count, random_seed, check)
    elapsed = time.perf_counter() - started
    print(
        f"broken disclosures audited: {seen} in {elapsed:.1f} s, {len(expected_rules)} different rules expected"
    )
    print(f"caught by the rules named: {caught} of {seen}")
    if missed:
        print("missed: " + ", ".join(f"{rule} ×{n}" for rule, n in missed.most_common()))
    return seen - caught


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000, help="how many reports to draw (default 1000)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("--broken", action="store_true", help="also audit as many broken reports")
    args = parser.parse_args(argv)
    if args.count < 1:
        parser.error("--count must be at least 1")

    disagreements = audit_valid(args.count, args.seed)
    if args.broken:
        print()
        disagreements += audit_broken(args.count, args.seed)
    # Exit 1 when the audit and the generator disagree: that would be a bug in one of them.
    return 1 if disagreements else 0


if __name__ == "__main__":
    sys.exit(main())
