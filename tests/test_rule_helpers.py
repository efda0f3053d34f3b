"""What several rule families share (``auditing/rules/_common.py``, ``table_cells.narrative_against_cells``):
the 三公 figures and fund sections they walk, how a finding prints a figure, the missing-table check
of R69 and R92, and a narrative figure against the cell that prints it again (R68, R86)."""

from __future__ import annotations

import typing
from decimal import Decimal

import attrs
import pytest

from budgetacct import Amount, load_example
from budgetacct.auditing import REGISTRY
from budgetacct.auditing.check import Checker
from budgetacct.auditing.rules._common import (
    BUDGET_THREE_PUBLIC_FIGURES,
    THREE_PUBLIC_FIGURES,
    fund_sections,
    missing_tables,
    plain,
)
from budgetacct.auditing.rules.table_cells import CellRef, Printed, narrative_against_cells
from budgetacct.model import FundSpending
from budgetacct.model.budget import BudgetThreePublic, PlannedFigure
from budgetacct.model.disclosure import BudgetedFigure, Disclosure, ThreePublic
from budgetacct.model.enums import Fund, Severity
from budgetacct.model.table_specs import TABLE_SETS
from budgetacct.model.tables import Column, Line, Measure, TableKind


def _fields_of_type(cls: type, kind: type) -> tuple[str, ...]:
    hints = typing.get_type_hints(cls)
    return tuple(f.name for f in attrs.fields(cls) if hints[f.name] is kind)


def test_the_three_public_names_are_the_figures_of_each_model() -> None:
    assert _fields_of_type(ThreePublic, BudgetedFigure) == THREE_PUBLIC_FIGURES
    assert _fields_of_type(BudgetThreePublic, PlannedFigure) == BUDGET_THREE_PUBLIC_FIGURES


def _disclosure(
    government_fund: FundSpending | None = None, state_capital: FundSpending | None = None
) -> Disclosure:
    return Disclosure(
        year=2021, department="示例部门", government_fund=government_fund, state_capital=state_capital
    )


def test_fund_sections_give_the_printed_ones_in_order() -> None:
    fund, capital = FundSpending(total=Amount("1.00")), FundSpending(total=Amount("2.00"))
    assert list(fund_sections(_disclosure())) == []
    assert list(fund_sections(_disclosure(state_capital=capital))) == [
        ("state_capital", Fund.STATE_CAPITAL, capital)
    ]
    assert list(fund_sections(_disclosure(government_fund=fund, state_capital=capital))) == [
        ("government_fund", Fund.GOVERNMENT_FUND, fund),
        ("state_capital", Fund.STATE_CAPITAL, capital),
    ]


@pytest.mark.parametrize(
    ("value", "text"),
    [("1.500", "1.5"), ("-0.00", "0"), ("0", "0"), ("1E+2", "100"), ("-12.30", "-12.3"), ("0.005", "0.005")],
)
def test_plain_prints_every_digit_and_no_exponent(value: str, text: str) -> None:
    assert plain(Decimal(value)) == text


def _checker(d: Disclosure, rule: str) -> Checker:
    c = Checker(d, exact=False)
    c.rule = REGISTRY[rule]
    return c


def test_missing_tables_warn_for_each_table_of_the_set_not_printed() -> None:
    table_set = TABLE_SETS["mof-9"]
    printed = {entry.kind for entry in table_set.entries[1:]}
    c = _checker(_disclosure(), "R69")
    missing_tables(c, table_set, printed, "the set mof-9", " (a note)")
    first = table_set.entries[0]
    title = first.title or first.kind.value
    assert [(f.rule, f.severity, f.path, f.expected, f.actual) for f in c.findings] == [
        ("R69", Severity.WARNING, "$.tables", title, "缺 / missing")
    ]
    message = c.findings[0].message
    assert message.zh == f"缺少{table_set.label}中的{first.number}{title}（无数据的表也应公开并注明）"
    assert message.en == f"the set mof-9 has {first.number} {title}, which the report does not print (a note)"
    c = _checker(_disclosure(), "R69")
    missing_tables(c, table_set, set(table_set.kinds()), "the set mof-9")
    assert c.findings == []


_REVENUE_TOTAL = CellRef(TableKind.SUMMARY, Line.REVENUE_TOTAL, Column(Measure.AMOUNT))


def _words(cell: Printed, amount: Amount) -> tuple[str, str]:
    return f"说明{amount}与{cell.zh}", f"narrative {amount} against {cell.en}"


def test_a_narrative_figure_is_compared_with_its_cell_only_when_both_are_printed() -> None:
    d = load_example("xiqu-2021", "ledger").publish()  # its tables print 本年收入合计 830.63
    c = _checker(d, "R68")
    absent = CellRef(TableKind.SUMMARY, Line.REVENUE_TOTAL, Column(Measure.TOTAL))
    narrative_against_cells(
        c,
        [
            ("$.same", Amount("830.63"), _REVENUE_TOTAL),
            ("$.blank", None, _REVENUE_TOTAL),
            ("$.nowhere", Amount("1.00"), absent),
            ("$.rounded", Amount("830.630001"), _REVENUE_TOTAL),
            ("$.other", Amount("830.73"), _REVENUE_TOTAL),
        ],
        _words,
    )
    cell = "$.tables[0].panels[0].rows[8].cells[0]"
    assert [(f.path, f.severity, f.expected, f.actual, f.related) for f in c.findings] == [
        ("$.rounded", Severity.NOTE, "830.63", "830.630001", (cell,)),
        ("$.other", Severity.ERROR, "830.63", "830.73", (cell,)),
    ]
    assert c.findings[1].message.zh.startswith("说明830.73与表一收入支出决算总表“本年收入合计”行“金额”列")
    assert c.findings[1].message.en.startswith(
        "narrative 830.73 against 表一收入支出决算总表, row 本年收入合计"
    )
