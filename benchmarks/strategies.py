"""How fast budgetacct's Hypothesis strategies generate examples, at their default sizes.

    python benchmarks/strategies.py [--examples N] [--json]

For each strategy it runs a ``@given`` test that only counts its examples (generation phase only,
no database, no deadline) and prints examples per second, so the figure includes Hypothesis's own
engine overhead — what a test suite actually pays.  ``disclosures()`` includes ``Ledger.publish``;
the ``+ audit`` rows add the full audit of each example.  Target: ≥ 200 disclosures/s on one core.
This is a benchmark, not a test: it asserts nothing about time.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from typing import Any

from hypothesis import Phase, given, settings
from hypothesis import strategies as st

from budgetacct import audit
from budgetacct.strategies import broken_disclosures, disclosures, ledgers


def rate(
    strategy: st.SearchStrategy[Any], examples: int, work: Callable[[Any], object] | None = None
) -> float:
    """Examples per second of ``strategy`` (each passed to ``work`` when given)."""
    seen = 0

    @settings(
        max_examples=examples,
        phases=[Phase.generate],
        database=None,
        deadline=None,
        suppress_health_check=(),
    )
    @given(strategy)
    def run(value: Any) -> None:
        nonlocal seen
        seen += 1
        if work is not None:
            work(value)

    start = time.perf_counter()
    run()
    return seen / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=500, help="examples per strategy (default 500)")
    parser.add_argument("--json", action="store_true", help="print one JSON object as the last line")
    args = parser.parse_args()
    cases: list[tuple[str, st.SearchStrategy[Any], Callable[[Any], object] | None]] = [
        ("ledgers()", ledgers(), None),
        ("disclosures()", disclosures(), None),
        ("disclosures() + audit", disclosures(), audit),
        ("broken_disclosures() + audit", broken_disclosures(), lambda case: audit(case[0])),
    ]
    results: dict[str, float] = {}
    for name, strategy, work in cases:
        rate(strategy, min(50, args.examples), work)  # warm caches (catalogues, names)
        results[name] = rate(strategy, args.examples, work)
        print(f"{name:32} {results[name]:8.0f} examples/s")
    if args.json:
        print(json.dumps({"examples": args.examples, "per_second": results}, ensure_ascii=False))


if __name__ == "__main__":
    main()
