"""B.2 收入决算表 / 支出决算表: the rows of the revenue and expenditure tables, and the roll-up of the
function classification in every classified table (R8, R9, R11–R13)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Context, Decimal

from budgetacct.auditing.check import Checker
from budgetacct.auditing.rules._common import fund_sections
from budgetacct.model.disclosure import FunctionLine
from budgetacct.model.enums import ExpenditureKind

# Subtraction of ≤ 12-decimal amounts below 10^12 is exact at this precision; never the global context.
_EXACT = Context(prec=60)


def revenue_rows_total_their_sources(c: Checker) -> None:
    revenue = c.d.revenue
    if revenue is None:
        return
    for i, row in enumerate(revenue.rows):
        sources = row.sources()
        if sources:
            c.equal(
                f"$.revenue.rows[{i}].total",
                row.total,
                list(sources),
                f"收入决算表{row.code}行合计与各来源之和不符",
                f"revenue table row {row.code}: total differs from its sources",
            )


def _rollup(c: Checker, path: str, lines: Sequence[FunctionLine], what_zh: str, what_en: str) -> None:
    """Within one list of rows at several levels: each 类/款 equals the sum of its children present."""
    # Keyed by code text: str hashes are cached by CPython, which matters over many rows.
    index: dict[str, int] = {}
    for i, line in enumerate(lines):
        index[line.code.code] = i
    # One pass sums every parent's children, column by column (amount, basic, project); a column
    # that some child leaves blank becomes None and is not compared.  Exact sums.
    add = _EXACT.add
    sums: dict[str, list[Decimal | None]] = {}
    for line in lines:
        code = line.code.code
        if len(code) > 3:
            parent = code[:-2]
            if parent in index:
                basic, project = line.basic, line.project
                found = sums.get(parent)
                if found is None:
                    sums[parent] = [
                        line.amount.value,
                        None if basic is None else basic.value,
                        None if project is None else project.value,
                    ]
                    continue
                found[0] = add(found[0], line.amount.value)  # type: ignore[arg-type]
                if found[1] is not None:
                    found[1] = None if basic is None else add(found[1], basic.value)
                if found[2] is not None:
                    found[2] = None if project is None else add(found[2], project.value)
    for parent, (amount_sum, basic_sum, project_sum) in sums.items():
        line = lines[index[parent]]
        if (
            line.amount.value == amount_sum
            and (basic_sum is None or line.basic is None or line.basic.value == basic_sum)
            and (project_sum is None or line.project is None or line.project.value == project_sum)
        ):
            continue
        _rollup_findings(c, path, lines, index[parent], parent, what_zh, what_en)


def _rollup_findings(
    c: Checker, path: str, lines: Sequence[FunctionLine], i: int, parent: str, what_zh: str, what_en: str
) -> None:
    """The findings of a parent row that differs from the sum of its children (the rare path)."""
    line = lines[i]
    kids = [kid for kid in lines if len(kid.code.code) > 3 and kid.code.code[:-2] == parent]
    c.equal(
        f"{path}[{i}].amount",
        line.amount,
        [kid.amount for kid in kids],
        f"{what_zh}{parent}与其下级科目之和不符",
        f"{what_en} {parent} differs from the sum of its sub-items",
    )
    for attribute in ("basic", "project"):
        value = getattr(line, attribute)
        parts = [getattr(kid, attribute) for kid in kids]
        if value is not None and all(p is not None for p in parts):
            c.equal(
                f"{path}[{i}].{attribute}",
                value,
                parts,
                f"{what_zh}{parent}的{'基本支出' if attribute == 'basic' else '项目支出'}与其下级科目之和不符",
                f"{what_en} {parent} {attribute} column differs from the sum of its sub-items",
            )


def function_codes_roll_up(c: Checker) -> None:
    d = c.d
    if d.expenditure is not None:
        _rollup(c, "$.expenditure.rows", d.expenditure.rows, "支出决算表", "expenditure table")
    if d.general_budget is not None:
        _rollup(
            c, "$.general_budget.rows", d.general_budget.rows, "一般公共预算支出表", "general budget table"
        )
        if d.general_budget.items_complete:
            _rollup(
                c,
                "$.general_budget.items",
                d.general_budget.items,
                "一般公共预算支出明细",
                "general budget items",
            )
    for name, _, section in fund_sections(d):
        _rollup(c, f"$.{name}.lines", section.lines, "基金/国资支出表", "fund table")


def basic_plus_project_equals_total(c: Checker) -> None:
    d = c.d
    sections = [("$.expenditure.rows", d.expenditure.rows if d.expenditure else ())]
    if d.general_budget is not None:
        sections.append(("$.general_budget.rows", d.general_budget.rows))
    sections += [(f"$.{name}.lines", section.lines) for name, _, section in fund_sections(d)]
    subtract = _EXACT.subtract
    for path, lines in sections:
        for i, line in enumerate(lines):
            # The printed kind columns, as FunctionLine.kind_split() gives them, subtracted from
            # the total in place (this runs for every row of every table).
            rest, listed = line.amount.value, False
            for value in (line.basic, line.project, line.remittance, line.business, line.affiliate_subsidy):
                if value is not None:
                    rest, listed = subtract(rest, value.value), True
            if listed and rest:
                c.equal(
                    f"{path}[{i}].amount",
                    line.amount,
                    list(line.kind_split().values()),
                    f"{line.code}行合计与各支出类型之和不符",
                    f"row {line.code}: total differs from the sum of its kind columns",
                )


def expenditure_table_agrees_with_summary(c: Checker) -> None:
    expenditure = c.d.expenditure
    if expenditure is None or not expenditure.rows:
        return
    class_rows = [(i, line) for i, line in enumerate(expenditure.rows) if len(line.code.code) == 3]
    c.equal_to_lines(
        "$.expenditure.total",
        expenditure.total,
        [line for _, line in class_rows],
        "支出决算表各类合计与本年支出合计不符",
        "the expenditure table's classes do not add up to the expenditure total",
    )
    summary = {line.code: line for line in expenditure.classes}
    for i, line in class_rows:
        other = summary.get(line.code)
        if other is not None:
            c.equal(
                f"$.expenditure.rows[{i}].amount",
                line.amount,
                [other.amount],
                f"支出决算表{line.code}类与总表同类不符",
                f"class {line.code} differs between the expenditure table and the summary table",
            )
    for kind, attribute in ((ExpenditureKind.BASIC, "basic"), (ExpenditureKind.PROJECT, "project")):
        stated = expenditure.get(kind)
        parts = [getattr(line, attribute) for _, line in class_rows]
        if stated is not None and class_rows and all(p is not None for p in parts):
            c.equal(
                f"$.expenditure.lines[{expenditure.lines.index(stated)}].amount",
                stated.amount,
                parts,
                f"{kind.value}与支出决算表该列合计不符",
                f"{kind.value} differs from the expenditure table's column total",
            )


def expenditure_total_is_sum_of_kinds(c: Checker) -> None:
    c.adds_up(
        "$.expenditure.total = $.expenditure.lines[*].amount",
        "本年支出合计与基本支出、项目支出等之和不符",
        "expenditure total differs from the sum of basic, project and other spending",
    )
