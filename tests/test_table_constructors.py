"""The constructors the 决算 and 预算 table specs share, and the figures every table builder shares."""

from __future__ import annotations

from decimal import Decimal

import pytest

from budgetacct import Amount
from budgetacct.codes import FunctionCode
from budgetacct.model import table_layout as layout
from budgetacct.model.enums import ExpenditureKind, Fund
from budgetacct.model.ledger import ExpenditureItem, Ledger
from budgetacct.model.table_figures import fiscal_by_class, rounded_cell
from budgetacct.model.tables import Basis, Column, Line, Measure, Side, TableKind

_AMOUNT = layout.ColumnSpec(Column(Measure.AMOUNT), ("金额",))
_TOTAL = layout.ColumnSpec(Column(Measure.TOTAL, Basis.BUDGET), ("合计",))
_BASIC = layout.ColumnSpec(Column(Measure.BASIC, Basis.BUDGET), ("基本支出",))


def test_line_spec_prints_the_line_wording_unless_told() -> None:
    assert layout.line_spec(Line.TOTAL).labels == ("合计",)
    assert layout.line_spec(Line.TOTAL, "总计", "合计").labels == ("总计", "合计")


def test_coded_table_is_one_panel_of_code_rows_under_a_total_line() -> None:
    spec = layout.coded_table(
        TableKind.EXPENDITURE,
        ("支出决算表",),
        (_TOTAL, _BASIC),
        layout.RowSum(_TOTAL.column, (_BASIC.column,)),
    )
    (panel,) = spec.panels
    assert panel.rows is layout.Rows.FUNCTION
    assert [s.line for s in panel.leading] == [Line.TOTAL]
    assert panel.line_sums == (layout.LineSum(Line.TOTAL, (layout.Group.CLASSES,)),)
    assert panel.row_sums == (layout.RowSum(_TOTAL.column, (_BASIC.column,)),)
    assert panel.rolls_up
    assert panel.down is None
    economic = layout.coded_table(
        TableKind.BUDGET_FISCAL_BASIC, ("表",), (_TOTAL,), rows=layout.Rows.ECONOMIC
    )
    assert economic.panels[0].rows is layout.Rows.ECONOMIC
    assert economic.panels[0].row_sums == ()


def test_balanced_table_states_revenue_grand_total_equals_expenditure_grand_total() -> None:
    revenue = layout.revenue_panel(_AMOUNT, (layout.line_spec(Line.REVENUE_GRAND_TOTAL),))
    spent = layout.expenditure_panel((_TOTAL, _BASIC), (layout.line_spec(Line.EXPENDITURE_GRAND_TOTAL),))
    spec = layout.balanced_table(TableKind.SUMMARY, ("总表",), revenue, spent)
    assert (revenue.side, spent.side) == (Side.REVENUE, Side.EXPENDITURE)
    assert spent.rows is layout.Rows.FUNCTION_CLASSES
    (balance,) = spec.cell_sums
    assert balance.total == (Line.REVENUE_GRAND_TOTAL, Column(Measure.AMOUNT))
    assert balance.parts == ((Line.EXPENDITURE_GRAND_TOTAL, Column(Measure.TOTAL, Basis.BUDGET)),)
    assert balance.minus == ()


def test_vary_panel_changes_only_the_panel_named() -> None:
    revenue = layout.revenue_panel(_AMOUNT, (layout.line_spec(Line.REVENUE_GRAND_TOTAL),))
    spent = layout.expenditure_panel((_AMOUNT,), (layout.line_spec(Line.EXPENDITURE_GRAND_TOTAL),))
    spec = layout.balanced_table(TableKind.SUMMARY, ("总表",), revenue, spent)
    varied = layout.vary_panel(spec, 1, trailing=(), rows=layout.Rows.NONE)
    assert varied.panels[0] is spec.panels[0]
    assert (varied.panels[1].trailing, varied.panels[1].rows) == ((), layout.Rows.NONE)
    assert varied.panels[1].columns == spent.columns
    assert (varied.kind, varied.titles, varied.cell_sums) == (spec.kind, spec.titles, spec.cell_sums)


def test_numbered_entries_and_keyed_sets_and_specs() -> None:
    entries = layout.numbered(("表1", "表2"), (TableKind.SUMMARY, TableKind.REVENUE))
    assert [(e.number, e.kind, e.title) for e in entries] == [
        ("表1", TableKind.SUMMARY, None),
        ("表2", TableKind.REVENUE, None),
    ]
    with pytest.raises(ValueError, match="zip"):
        layout.numbered(("表1",), (TableKind.SUMMARY, TableKind.REVENUE))
    spec = layout.coded_table(TableKind.REVENUE, ("收入决算表",), (_TOTAL,))
    assert layout.specs_by_kind((spec,)) == {TableKind.REVENUE: spec}
    table_set = layout.TableSet("one", "一张表", entries[:1])
    assert layout.sets_by_name((table_set,)) == {"one": table_set}


def test_rounded_cell_rounds_half_up_on_its_own_and_keeps_blanks() -> None:
    quantum = Decimal("0.01")
    assert rounded_cell(Amount("1.005"), quantum) == Amount("1.01")
    assert rounded_cell(Amount("2.004"), quantum) == Amount("2.00")
    assert rounded_cell(Amount("1.005"), None) == Amount("1.005")
    assert rounded_cell(None, quantum) is None


def test_fiscal_by_class_adds_each_fund_and_their_total_per_class() -> None:
    ledger = Ledger(
        2021,
        "示例局",
        expenditure=(
            ExpenditureItem(FunctionCode("2010301"), Fund.GENERAL_BUDGET, ExpenditureKind.BASIC, Amount("3")),
            ExpenditureItem(
                FunctionCode("2010302"), Fund.GENERAL_BUDGET, ExpenditureKind.PROJECT, Amount("2")
            ),
            ExpenditureItem(
                FunctionCode("2080505"), Fund.GOVERNMENT_FUND, ExpenditureKind.PROJECT, Amount("4")
            ),
            ExpenditureItem(FunctionCode("2080505"), Fund.NON_FISCAL, ExpenditureKind.BASIC, Amount("9")),
        ),
    )
    rows = fiscal_by_class(ledger, Basis.BUDGET)
    general, fund, total = (
        Column(m, Basis.BUDGET) for m in (Measure.GENERAL_BUDGET, Measure.GOVERNMENT_FUND, Measure.TOTAL)
    )
    assert rows == {
        FunctionCode("201"): {total: Amount("5"), general: Amount("5")},
        FunctionCode("208"): {total: Amount("4"), fund: Amount("4")},
    }


def test_total_across_makes_the_first_column_the_sum_of_the_others() -> None:
    row_sum = layout.total_across((_TOTAL, _BASIC, _AMOUNT))
    assert row_sum == layout.RowSum(_TOTAL.column, (_BASIC.column, _AMOUNT.column))
    assert layout.total_across((_TOTAL,)) == layout.RowSum(_TOTAL.column, ())
