"""The 财政拨款“三公”经费支出决算表 against the 一般公共预算财政拨款基本支出决算表 (R67).

The 三公 table's 决算数 count 财政拨款 spending of every kind — 基本支出 and 项目支出, this year's
money and carry-over — so the 基本支出 booked on a 三公 款 (30212 因公出国（境）费用, 30217 公务接待费,
30231 公务用车运行维护费, 31013/30913 公务用车购置) is at most the matching 三公 决算数, never
necessarily equal to it.
"""

from __future__ import annotations

import pytest

from budgetacct import Amount, Disclosure, audit
from budgetacct.codes import EconomicCode
from budgetacct.model.enums import Severity
from budgetacct.model.table_figures import THREE_PUBLIC_MEASURES
from budgetacct.model.tables import Basis, Column, Line, Measure, Panel, StandardTable, TableKind, TableRow

A = Amount
#: The columns of each block, in the order of the table's spec.
_MEASURES = tuple(measure for _, measure in THREE_PUBLIC_MEASURES)


def _three_public(outbound: str, purchase: str, operation: str, reception: str) -> StandardTable:
    """The table with 预算数 = 决算数 (the budget block is not what is compared)."""
    o, p, op, r = A(outbound), A(purchase), A(operation), A(reception)
    block = (o + p + op + r, o, p + op, p, op, r)
    columns = tuple(Column(m, b) for b in (Basis.BUDGET, Basis.ACTUAL) for m in _MEASURES)
    row = TableRow.of_line(Line.THREE_PUBLIC, (*block, *block))
    return StandardTable(TableKind.THREE_PUBLIC, "财政拨款“三公”经费支出决算表", (Panel(columns, (row,)),))


def _basic(*lines: tuple[str, str]) -> StandardTable:
    """The 公用经费 side of the 基本支出 table: the given 款 (code, amount) and its total."""
    rows = [TableRow.of_economic(EconomicCode(code), (A(amount),)) for code, amount in lines]
    total = sum((A(amount) for _, amount in lines), A("0"))
    rows.append(TableRow.of_line(Line.PUBLIC_TOTAL, (total,)))
    return StandardTable(
        TableKind.GENERAL_BUDGET_BASIC,
        "一般公共预算财政拨款基本支出决算表",
        (Panel((Column(Measure.AMOUNT),), tuple(rows)),),
    )


def _disclosure(*tables: StandardTable) -> Disclosure:
    return Disclosure(year=2024, department="示例局", tables=tables)


def _r67(d: Disclosure) -> list[tuple[Severity, str, tuple[str, ...]]]:
    return [(f.severity, f.path, f.related) for f in audit(d).by_rule("R67")]


def test_basic_spending_within_the_three_public_figures_passes() -> None:
    # Project spending makes each 三公 figure larger than its basic part; equal is fine too.
    basic = _basic(("30212", "1.00"), ("30217", "0.50"), ("30231", "3.20"), ("31013", "0.00"))
    three_public = _three_public(outbound="2.00", purchase="0.00", operation="3.20", reception="0.75")
    assert _r67(_disclosure(basic, three_public)) == []


@pytest.mark.parametrize(
    ("code", "measure_column"),
    [("30212", 7), ("30217", 11), ("30231", 10), ("31013", 9), ("30913", 9)],
)
def test_basic_spending_above_its_three_public_figure_is_an_error_naming_both_cells(
    code: str, measure_column: int
) -> None:
    basic = _basic((code, "5.00"))
    three_public = _three_public(outbound="1.00", purchase="1.00", operation="1.00", reception="1.00")
    found = _r67(_disclosure(basic, three_public))
    assert found == [
        (
            Severity.ERROR,
            "$.tables[0].panels[0].rows[0].cells[0]",
            (f"$.tables[1].panels[0].rows[0].cells[{measure_column}]",),
        )
    ]
    (finding,) = audit(_disclosure(basic, three_public)).by_rule("R67")
    assert "一般公共预算财政拨款基本支出决算表" in finding.message.zh
    assert "财政拨款“三公”经费支出决算表" in finding.message.zh
    assert "不应超过" in finding.message.zh


def test_the_budget_block_of_the_three_public_table_is_not_compared() -> None:
    # 0.80 of 公务接待费 spent against a budget of 0.10: the 决算数 is what bounds the basic part.
    basic = _basic(("30217", "0.80"))
    columns = tuple(Column(m, b) for b in (Basis.BUDGET, Basis.ACTUAL) for m in _MEASURES)
    budget = (A("0.10"), A("0"), A("0"), A("0"), A("0"), A("0.10"))
    actual = (A("0.80"), A("0"), A("0"), A("0"), A("0"), A("0.80"))
    row = TableRow.of_line(Line.THREE_PUBLIC, (*budget, *actual))
    three_public = StandardTable(
        TableKind.THREE_PUBLIC, "财政拨款“三公”经费支出决算表", (Panel(columns, (row,)),)
    )
    assert _r67(_disclosure(basic, three_public)) == []


def test_a_difference_within_rounding_is_no_error() -> None:
    # 3.21 and 3.20 may both stand for 3.205: the excess is within the two printings' rounding.
    basic = _basic(("30231", "3.21"))
    three_public = _three_public(outbound="0", purchase="0", operation="3.20", reception="0")
    assert _r67(_disclosure(basic, three_public)) == []
