"""The domain model: what a department's final account is made of.

Two kinds of account and one bridge (see ``docs/concepts.md``):

* :class:`Ledger` — the exact account, line items in any precision, totals derived;
* :class:`Disclosure` — the figures as published, rounded, possibly partial, possibly wrong;
* :meth:`Ledger.publish` — rounds, apportions shares and words changes the way publishers do.

The spring budget report has the same three: :class:`BudgetAccount` (the exact budget),
:class:`Budget` (the 部门预算 / 单位预算 as published) and :func:`publish_budget`.
"""

from __future__ import annotations

from budgetacct.model.budget import (
    Budget,
    BudgetExpenditure,
    BudgetFiscal,
    BudgetGeneral,
    BudgetLevel,
    BudgetOverview,
    BudgetRevenue,
    BudgetThreePublic,
    FundBudget,
    PerformanceTargets,
    PlannedFigure,
    PlannedLine,
    TargetedProject,
)
from budgetacct.model.budget_ledger import BudgetAccount, PriorBudget, ThreePublicBudget
from budgetacct.model.budget_publish import publish_budget
from budgetacct.model.disclosure import (
    Assets,
    BasicExpenditure,
    BudgetedFigure,
    Count,
    Disclosure,
    EconomicLine,
    Expenditure,
    Fiscal,
    FiscalRevenueLine,
    FunctionLine,
    FundFlow,
    FundSpending,
    GeneralBudget,
    KindLine,
    OperatingCosts,
    Overview,
    PartChange,
    Procurement,
    Revenue,
    RevenueRow,
    SourceLine,
    Staffing,
    StatedChange,
    ThreePublic,
    UnitStaffing,
)
from budgetacct.model.enums import FISCAL_FUNDS, ExpenditureKind, Fund, RevenueSource, Severity
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

__all__ = [
    "FISCAL_FUNDS",
    "Assets",
    "BasicExpenditure",
    "Budget",
    "BudgetAccount",
    "BudgetExpenditure",
    "BudgetFiscal",
    "BudgetGeneral",
    "BudgetLevel",
    "BudgetLine",
    "BudgetOverview",
    "BudgetRevenue",
    "BudgetThreePublic",
    "BudgetedFigure",
    "Count",
    "Disclosure",
    "EconomicLine",
    "Expenditure",
    "ExpenditureItem",
    "ExpenditureKind",
    "Fiscal",
    "FiscalRevenueLine",
    "FunctionLine",
    "Fund",
    "FundAmount",
    "FundBudget",
    "FundFlow",
    "FundSpending",
    "FundingSplit",
    "GeneralBudget",
    "Indicator",
    "KindLine",
    "Ledger",
    "OperatingCosts",
    "Overview",
    "PartChange",
    "Performance",
    "PerformanceTargets",
    "PlannedFigure",
    "PlannedLine",
    "PriorBudget",
    "PriorYear",
    "Procurement",
    "ProcurementAccount",
    "ProjectEvaluation",
    "Revenue",
    "RevenueItem",
    "RevenueRow",
    "RevenueSource",
    "Severity",
    "SourceLine",
    "Staffing",
    "StatedChange",
    "TargetedProject",
    "ThreePublic",
    "ThreePublicAccount",
    "ThreePublicBudget",
    "UnitStaffing",
    "publish_budget",
]
