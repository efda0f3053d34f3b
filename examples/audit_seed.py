"""Audit the bundled seed report and print its findings, grouped by severity and by rule group.

    python examples/audit_seed.py [--example xiqu-2021] [--en]

The seed (攀枝花市西区人民政府办公室, 2021 部门决算) has slips as published, so errors are expected;
the script exits 0 once it has printed them (``budgetacct audit`` is the command whose exit
status reports errors).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from budgetacct import Severity, audit, load_example
from budgetacct.auditing import REGISTRY, Finding


def describe(finding: Finding, english: bool) -> list[str]:
    rule = REGISTRY[finding.rule]
    title = rule.title_en if english else rule.title_zh
    figures = ", ".join(
        f"{name} {value}"
        for name, value in (
            ("expected", finding.expected),
            ("printed", finding.actual),
            ("difference", finding.difference),
            ("tolerance", finding.tolerance),
        )
        if value is not None
    )
    message = finding.message.en if english else finding.message.zh
    return [f"    {finding.rule} {title}", f"      at {finding.path}: {figures}", f"      {message}"]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--example", default="xiqu-2021", help="bundled example name")
    parser.add_argument("--en", action="store_true", help="titles and messages in English")
    args = parser.parse_args(argv)

    report = audit(load_example(args.example))
    counts = ", ".join(f"{n} {severity.value}" for severity, n in report.counts.items())
    print(f"{report.subject}: {len(report)} findings ({counts}) from {len(report.rules_run)} rules")
    print("ok (no error finding)" if report.ok else "not ok: the report has error findings")
    for severity in Severity:
        findings = report.by_severity(severity)
        if not findings:
            continue
        print(f"\n{severity.zh} {severity.value} ({len(findings)})")
        groups: dict[str, list[Finding]] = {}
        for finding in findings:
            groups.setdefault(REGISTRY[finding.rule].group or "其他", []).append(finding)
        for group, members in groups.items():
            print(f"  [{group}]")
            for finding in members:
                print("\n".join(describe(finding, args.en)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
