"""Registration with :func:`hypothesis.strategies.from_type`."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from budgetacct.codes import (
    EconomicCode,
    FunctionCode,
)
from budgetacct.model.disclosure import (
    Assets,
    BasicExpenditure,
    BudgetedFigure,
    Count,
    Disclosure,
    EconomicLine,
    Expenditure,
    Fiscal,
    FunctionLine,
    FundFlow,
    FundSpending,
    GeneralBudget,
    KindLine,
    OperatingCosts,
    Overview,
    Procurement,
    Revenue,
    RevenueRow,
    SourceLine,
    Staffing,
    StatedChange,
    ThreePublic,
    UnitStaffing,
)
from budgetacct.model.indicators import (
    DateBound,
    IndicatorValue,
    Qualitative,
    Quantity,
    ValueKind,
)
from budgetacct.model.ledger import (
    BudgetLine,
    ExpenditureItem,
    FundAmount,
    Ledger,
    PriorYear,
    ProcurementAccount,
    RevenueItem,
    ThreePublicAccount,
)
from budgetacct.model.performance import FundingSplit, Indicator, Performance, ProjectEvaluation
from budgetacct.money import Amount, Change, Percent
from budgetacct.strategies.codes import (
    economic_codes,
    function_codes,
)
from budgetacct.strategies.ledger import (
    disclosures,
    ledgers,
)
from budgetacct.strategies.ledger_parts import (
    assets,
    budget_lines,
    counts,
    expenditure_items,
    fund_amounts,
    prior_years,
    procurement,
    revenue_items,
    staffing,
    three_public,
    unit_staffing,
)
from budgetacct.strategies.money import amounts, changes, percents
from budgetacct.strategies.performance import (
    funding_splits,
    indicator_values,
    indicators,
    performances,
    project_evaluations,
)
from budgetacct.strategies.sections import (
    basic_expenditures,
    budgeted_figures,
    economic_lines,
    expenditures,
    fiscals,
    function_lines,
    fund_flows,
    fund_spendings,
    general_budgets,
    kind_lines,
    operating_costs,
    overviews,
    procurement_sections,
    revenue_rows,
    revenues,
    source_lines,
    stated_changes,
    three_public_sections,
)


def _from_type_strategies() -> dict[type[Any], SearchStrategy[Any]]:
    return {
        Amount: amounts(),
        Percent: percents(),
        Change: changes(),
        FunctionCode: function_codes(),
        EconomicCode: economic_codes(),
        RevenueItem: revenue_items(),
        ExpenditureItem: expenditure_items(),
        FundAmount: fund_amounts(),
        BudgetLine: budget_lines(),
        ThreePublicAccount: three_public(),
        ProcurementAccount: procurement(),
        PriorYear: prior_years(),
        Ledger: st.deferred(ledgers),
        Disclosure: st.deferred(disclosures),
        StatedChange: stated_changes(),
        SourceLine: source_lines(),
        KindLine: kind_lines(),
        FunctionLine: function_lines(),
        RevenueRow: revenue_rows(),
        EconomicLine: economic_lines(),
        FundFlow: fund_flows(),
        BudgetedFigure: budgeted_figures(),
        Count: counts(),
        UnitStaffing: unit_staffing(),
        Staffing: staffing(),
        Assets: assets(),
        Overview: st.deferred(overviews),
        Revenue: st.deferred(revenues),
        Expenditure: st.deferred(expenditures),
        Fiscal: st.deferred(fiscals),
        GeneralBudget: st.deferred(general_budgets),
        BasicExpenditure: st.deferred(basic_expenditures),
        ThreePublic: st.deferred(three_public_sections),
        FundSpending: st.deferred(fund_spendings),
        OperatingCosts: st.deferred(operating_costs),
        Procurement: st.deferred(procurement_sections),
        FundingSplit: funding_splits(),
        Indicator: indicators(),
        ProjectEvaluation: project_evaluations(),
        Performance: performances(),
        IndicatorValue: indicator_values(),
        Quantity: indicator_values(ValueKind.QUANTITATIVE),
        DateBound: indicator_values(ValueKind.DATE),
        Qualitative: indicator_values(ValueKind.QUALITATIVE),
    }


_REGISTERED: list[bool] = []


def _register_type_strategies() -> None:
    """Register every strategy above for ``st.from_type`` (once; later calls do nothing)."""
    if _REGISTERED:
        return
    _REGISTERED.append(True)
    for cls, strategy in _from_type_strategies().items():
        st.register_type_strategy(cls, strategy)
