"""Check a 决算说明 against its standard tables: the finding names both places.

    python examples/narrative_against_tables.py

The 上海市普陀区财政局 2024 决算说明 says “财政拨款收入支出总计0.3万元” (``putuo-2024/report.txt``)
while its 财政拨款收入支出决算总表 prints a 总计 of 2,961.68万元 (the table as printed is in
``putuo-2024/disclosure.json``).  The script reads the text, puts the table beside it, audits, and
prints the findings as ``budgetacct audit`` does: rule R68 names the sentence (line and section)
and the table cell (table, row, column), then both figures by their paths.  It exits 0 once it
has printed them (``budgetacct audit`` is the command whose exit status reports errors).
"""

from __future__ import annotations

import sys
from pathlib import Path

import attrs

from budgetacct import Disclosure, audit
from budgetacct.cli import report_table
from budgetacct.io import load
from budgetacct.paths import resolve_path
from budgetacct.reader import read_report

HERE = Path(__file__).resolve().parent / "putuo-2024"


def main() -> int:
    read = read_report((HERE / "report.txt").read_text(encoding="utf-8"), department="上海市普陀区财政局")
    printed = load(HERE / "disclosure.json")
    assert isinstance(printed, Disclosure)
    # The narrative as read from the text, the tables as printed: one disclosure holds both.
    disclosure = attrs.evolve(read.disclosure, tables=printed.tables, table_set=printed.table_set)
    sources = {source.path: (source.line, source.sentence) for source in read.sources}
    report = audit(disclosure)
    print(report_table(report, sources, disclosure), end="")
    for finding in report.by_rule("R68"):
        print(f"\n{finding.rule}: 说明 narrative {finding.path} = {resolve_path(disclosure, finding.path)}")
        for path in finding.related:
            print(f"{finding.rule}: 表 table {path} = {resolve_path(disclosure, path)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
