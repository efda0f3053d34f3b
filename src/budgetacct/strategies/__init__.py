"""Hypothesis strategies: budgetacct as the reference specification for other projects' tests.

Every strategy builds its values *by construction*: leaves are drawn (amounts as integer numbers
of cents, codes from the year's bundled catalogue, so names are right) and every total is derived,
so nothing is filtered away and every example is valid.  The central one is :func:`ledgers`: each
ledger it draws is a department's exact account in which every fund's closing balance is ≥ 0,
基本支出 of 一般公共预算 carries 301/302/303/310 economic codes, “三公” counts agree with their
amounts, 机关运行经费 ≤ 公用经费 and so on, so that ``audit(ledger)`` and
``audit(ledger.publish())`` report no error and no warning.  :func:`disclosures` publishes them,
with the standard tables of the template's set (``Disclosure.tables``), which add up in themselves,
agree with each other and with the narrative; :func:`broken_disclosures` breaks one figure on
purpose and says which rules must fire.

Importing this module registers the strategies with :func:`hypothesis.strategies.from_type`
(``st.from_type(Disclosure)`` works); the ``hypothesis`` entry point of the package does the same
whenever Hypothesis is imported.  ``import budgetacct`` never imports Hypothesis.

Examples shrink to small, readable accounts: few lines, small round amounts, optional parts
absent, the first catalogue codes.

>>> from hypothesis import given, settings
>>> from budgetacct import audit
>>> @settings(max_examples=10, database=None, deadline=None)
... @given(ledgers(max_items=4))
... def check(ledger):
...     assert not audit(ledger.publish()).errors
>>> check()

Import the strategies from this package; each is written in the module of its kind: ``money``
(amounts, percentages, changes), ``codes`` (功能分类 and 经济分类 codes), ``ledger_parts`` (income,
spending lines, “三公”, 政府采购, staffing, assets, last year), ``performance`` (indicators and
project self-evaluations), ``ledger`` (:func:`ledgers`, :func:`disclosures`), ``sections`` (the
sections and lines of a disclosure), ``tables`` (the standard tables as published:
:func:`standard_tables`, :func:`panels`, :func:`table_rows`, :func:`columns`), ``budget``
(budgets: :func:`budget_accounts`, :func:`budgets`, :func:`broken_budgets`), ``broken``
(:func:`broken_disclosures` and :func:`mutated_disclosures`), whose mutations are in
``broken_tables``, ``broken_narrative``, ``broken_performance`` and ``broken_standard_tables`` by
the family of rules they break; ``registration`` maps model types to strategies for
``st.from_type``.
"""

# The entry-point hook is defined before Hypothesis is imported: importing the strategy modules
# below imports Hypothesis, which runs the entry points, which look the hook up in this
# (half-imported) package; the registration at the end is what the hook would have done.
# ruff: noqa: E402

from __future__ import annotations

from typing import Final


def _hypothesis_setup_hook() -> None:
    """The ``hypothesis`` entry point: register budgetacct's strategies for ``st.from_type``.

    Called by Hypothesis when it is imported.  When that import happens *while this package is
    being imported* the package registers them at its end, so the hook has nothing to do yet.
    """
    register = globals().get("_register_type_strategies")
    if register is not None:
        register()


from budgetacct.strategies import broken as _broken
from budgetacct.strategies import ledger as _ledger
from budgetacct.strategies.broken import broken_disclosures, mutated_disclosures
from budgetacct.strategies.budget import broken_budgets, budget_accounts, budgets, mutated_budgets
from budgetacct.strategies.codes import economic_codes, function_codes
from budgetacct.strategies.ledger import disclosures, ledgers
from budgetacct.strategies.ledger_parts import (
    assets,
    budget_lines,
    counts,
    expenditure_items,
    expenditure_lines,
    fund_amounts,
    prior_years,
    procurement,
    revenue_items,
    staffing,
    three_public,
    unit_staffing,
)
from budgetacct.strategies.money import amounts, changes, percents
from budgetacct.strategies.mutation import Apply as Apply
from budgetacct.strategies.mutation import Mutation
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
    meeting_and_training,
    operating_costs,
    overviews,
    procurement_sections,
    revenue_rows,
    revenues,
    source_lines,
    stated_changes,
    three_public_sections,
)
from budgetacct.strategies.tables import columns, panels, standard_tables, table_rows

# Bound here, not imported, so that the documentation finds their comments.
#: The templates :meth:`Ledger.publish` knows; :func:`disclosures` draws from both.
TEMPLATES: Final = _ledger.TEMPLATES
#: Every named mutation, with the rules it must trigger (see :class:`Mutation`).
MUTATIONS: Final = _broken.MUTATIONS
#: Rules of the registry that no mutation of a valid disclosure can trigger, and why.
UNREACHABLE_RULES: Final = _broken.UNREACHABLE_RULES

__all__ = [
    "MUTATIONS",
    "TEMPLATES",
    "UNREACHABLE_RULES",
    "Mutation",
    "amounts",
    "assets",
    "basic_expenditures",
    "broken_budgets",
    "broken_disclosures",
    "budget_accounts",
    "budget_lines",
    "budgeted_figures",
    "budgets",
    "changes",
    "columns",
    "counts",
    "disclosures",
    "economic_codes",
    "economic_lines",
    "expenditure_items",
    "expenditure_lines",
    "expenditures",
    "fiscals",
    "function_codes",
    "function_lines",
    "fund_amounts",
    "fund_flows",
    "fund_spendings",
    "funding_splits",
    "general_budgets",
    "indicator_values",
    "indicators",
    "kind_lines",
    "ledgers",
    "meeting_and_training",
    "mutated_budgets",
    "mutated_disclosures",
    "operating_costs",
    "overviews",
    "panels",
    "percents",
    "performances",
    "prior_years",
    "procurement",
    "procurement_sections",
    "project_evaluations",
    "revenue_items",
    "revenue_rows",
    "revenues",
    "source_lines",
    "staffing",
    "standard_tables",
    "stated_changes",
    "table_rows",
    "three_public",
    "three_public_sections",
    "unit_staffing",
]

from budgetacct.strategies.registration import _from_type_strategies as _from_type_strategies
from budgetacct.strategies.registration import _register_type_strategies

_register_type_strategies()
