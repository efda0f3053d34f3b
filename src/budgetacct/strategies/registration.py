"""Registration with :func:`hypothesis.strategies.from_type`: the strategy each model type gets.

Each strategy is named by its module, so the table also says where to find it.
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from budgetacct import model
from budgetacct.codes import EconomicCode, FunctionCode
from budgetacct.model.indicators import DateBound, IndicatorValue, Qualitative, Quantity, ValueKind
from budgetacct.model.tables import Column, Panel, StandardTable, TableRow
from budgetacct.money import Amount, Change, Percent
from budgetacct.strategies import budget, codes, ledger, ledger_parts, money, performance, sections, tables


def _from_type_strategies() -> dict[type[Any], SearchStrategy[Any]]:
    return {
        Amount: money.amounts(),
        Percent: money.percents(),
        Change: money.changes(),
        FunctionCode: codes.function_codes(),
        EconomicCode: codes.economic_codes(),
        model.RevenueItem: ledger_parts.revenue_items(),
        model.ExpenditureItem: ledger_parts.expenditure_items(),
        model.FundAmount: ledger_parts.fund_amounts(),
        model.BudgetLine: ledger_parts.budget_lines(),
        model.ThreePublicAccount: ledger_parts.three_public(),
        model.ProcurementAccount: ledger_parts.procurement(),
        model.PriorYear: ledger_parts.prior_years(),
        model.Ledger: st.deferred(ledger.ledgers),
        model.Disclosure: st.deferred(sections.meeting_and_training),
        model.Budget: st.deferred(budget.budgets),
        model.BudgetAccount: st.deferred(budget.budget_accounts),
        model.StatedChange: sections.stated_changes(),
        model.SourceLine: sections.source_lines(),
        model.KindLine: sections.kind_lines(),
        model.FunctionLine: sections.function_lines(),
        model.RevenueRow: sections.revenue_rows(),
        model.EconomicLine: sections.economic_lines(),
        model.FundFlow: sections.fund_flows(),
        model.BudgetedFigure: sections.budgeted_figures(),
        model.Count: ledger_parts.counts(),
        model.UnitStaffing: ledger_parts.unit_staffing(),
        model.Staffing: ledger_parts.staffing(),
        model.Assets: ledger_parts.assets(),
        model.Overview: st.deferred(sections.overviews),
        model.Revenue: st.deferred(sections.revenues),
        model.Expenditure: st.deferred(sections.expenditures),
        model.Fiscal: st.deferred(sections.fiscals),
        model.GeneralBudget: st.deferred(sections.general_budgets),
        model.BasicExpenditure: st.deferred(sections.basic_expenditures),
        model.ThreePublic: st.deferred(sections.three_public_sections),
        model.FundSpending: st.deferred(sections.fund_spendings),
        model.OperatingCosts: st.deferred(sections.operating_costs),
        model.Procurement: st.deferred(sections.procurement_sections),
        model.FundingSplit: performance.funding_splits(),
        model.Indicator: performance.indicators(),
        model.ProjectEvaluation: performance.project_evaluations(),
        model.Performance: performance.performances(),
        IndicatorValue: performance.indicator_values(),
        Quantity: performance.indicator_values(ValueKind.QUANTITATIVE),
        DateBound: performance.indicator_values(ValueKind.DATE),
        Qualitative: performance.indicator_values(ValueKind.QUALITATIVE),
        StandardTable: st.deferred(tables.standard_tables),
        Panel: st.deferred(tables.panels),
        TableRow: st.deferred(tables.table_rows),
        Column: tables.columns(),
    }


_REGISTERED: list[bool] = []


def _register_type_strategies() -> None:
    """Register every strategy above for ``st.from_type`` (once; later calls do nothing)."""
    if _REGISTERED:
        return
    _REGISTERED.append(True)
    for cls, strategy in _from_type_strategies().items():
        st.register_type_strategy(cls, strategy)
