"""Strategies for the sections and lines of a published disclosure."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import SearchStrategy

from budgetacct.codes import CodeLevel, FunctionCode, nearest_catalogue
from budgetacct.model import disclosure as dm
from budgetacct.model.enums import FISCAL_FUNDS, ExpenditureKind, Fund, RevenueSource
from budgetacct.model.ledger import Ledger
from budgetacct.money import Amount, Percent
from budgetacct.strategies._helpers import _amount_of, _completion
from budgetacct.strategies.codes import _basic_codes, function_codes
from budgetacct.strategies.ledger import disclosures, ledgers
from budgetacct.strategies.money import _amounts, amounts, percents

E = TypeVar("E", RevenueSource, ExpenditureKind)
L = TypeVar("L")


def _section(name: str, ledgers_: SearchStrategy[Ledger] | None = None, **flags: Any) -> SearchStrategy[Any]:
    source = ledgers_ if ledgers_ is not None else ledgers(max_items=6, **flags)
    return disclosures(ledgers=source).map(lambda d: getattr(d, name))


def overviews() -> SearchStrategy[dm.Overview]:
    """§一 收入支出决算总体情况 of a published valid ledger."""
    return _section("overview")


def revenues() -> SearchStrategy[dm.Revenue]:
    """§二 收入决算情况 of a published valid ledger."""
    return _section("revenue")


def expenditures() -> SearchStrategy[dm.Expenditure]:
    """§三 支出决算情况 (with the T1 class rows and the T3 rows) of a published valid ledger."""
    return _section("expenditure")


def fiscals() -> SearchStrategy[dm.Fiscal]:
    """§四 财政拨款收入支出决算总体情况 (T4) of a published valid ledger."""
    return _section("fiscal")


def general_budgets() -> SearchStrategy[dm.GeneralBudget]:
    """§五 一般公共预算财政拨款支出 of a published valid ledger."""
    return _section("general_budget", budgets=True)


def basic_expenditures() -> SearchStrategy[dm.BasicExpenditure]:
    """§六 一般公共预算财政拨款基本支出 of a published valid ledger."""
    return _section("basic_expenditure")


def three_public_sections() -> SearchStrategy[dm.ThreePublic]:
    """§七 “三公”经费 of a published valid ledger."""
    return _section("three_public", three_public=True)


def fund_spendings(fund: Fund = Fund.GOVERNMENT_FUND) -> SearchStrategy[dm.FundSpending]:
    """§八 政府性基金 (default) or §九 国有资本经营 spending of a published valid ledger."""
    if fund not in (Fund.GOVERNMENT_FUND, Fund.STATE_CAPITAL):
        raise InvalidArgument("fund must be Fund.GOVERNMENT_FUND or Fund.STATE_CAPITAL")
    return _section("government_fund" if fund is Fund.GOVERNMENT_FUND else "state_capital")


def operating_costs() -> SearchStrategy[dm.OperatingCosts]:
    """§十(一) 机关运行经费 of a published valid ledger."""
    return _section("operating_costs", operating_costs=True)


def procurement_sections() -> SearchStrategy[dm.Procurement]:
    """§十(二) 政府采购 of a published valid ledger."""
    return _section("procurement", procurement=True)


@st.composite
def _stated(
    draw: st.DrawFn, previous: SearchStrategy[Amount], current: SearchStrategy[Amount]
) -> dm.StatedChange:
    return dm.StatedChange.between(draw(previous), draw(current))


def stated_changes(
    *, previous: SearchStrategy[Amount] | None = None, current: SearchStrategy[Amount] | None = None
) -> SearchStrategy[dm.StatedChange]:
    """A change as a report words it (direction, amount, rate, previous) between two printed figures."""
    return _stated(
        previous if previous is not None else amounts(), current if current is not None else amounts()
    )


def _share_line(
    line: Callable[[E, Amount, Percent | None], L], kinds: type[E], amounts: SearchStrategy[Amount] | None
) -> SearchStrategy[L]:
    return st.builds(
        line,
        st.sampled_from(tuple(kinds)),
        amounts if amounts is not None else _amounts(),
        st.none() | percents(),
    )


def source_lines(*, amounts: SearchStrategy[Amount] | None = None) -> SearchStrategy[dm.SourceLine]:
    """One revenue source with its printed share (or none)."""
    return _share_line(dm.SourceLine, RevenueSource, amounts)


def kind_lines(*, amounts: SearchStrategy[Amount] | None = None) -> SearchStrategy[dm.KindLine]:
    """One kind of spending with its printed share (or none)."""
    return _share_line(dm.KindLine, ExpenditureKind, amounts)


@st.composite
def _function_line(draw: st.DrawFn, codes: SearchStrategy[FunctionCode], year: int) -> dm.FunctionLine:
    code = draw(codes)
    basic, project = draw(st.integers(0, 10**6)), draw(st.integers(0, 10**6))
    cat = nearest_catalogue("function", year)[0]
    entry = cat.get(code.code)
    return dm.FunctionLine(
        code=code,
        amount=_amount_of(basic + project, 2),
        name=entry.name if entry is not None else None,
        parent_names=tuple(e.name for e in (cat.get(a.code) for a in code.ancestors) if e is not None),
        basic=_amount_of(basic, 2),
        project=_amount_of(project, 2),
    )


def function_lines(
    year: int = 2021, *, level: CodeLevel | str | int | None = None
) -> SearchStrategy[dm.FunctionLine]:
    """A 功能分类 row with its catalogue name and parents' names; 合计 = 基本支出 + 项目支出 (R11)."""
    return _function_line(function_codes(year, level=level), year)


def economic_lines(year: int = 2021) -> SearchStrategy[dm.EconomicLine]:
    """A 基本支出 row by economic 款 (301/302/303/310), with its catalogue name."""
    cat = nearest_catalogue("economic_department", year)[0]
    return st.builds(
        lambda code, amount: dm.EconomicLine(code, amount, cat.lookup(code.code).name),
        st.sampled_from(_basic_codes(year)),
        amounts(),
    )


@st.composite
def _fund_flow(draw: st.DrawFn, funds: tuple[Fund, ...]) -> dm.FundFlow:
    opening, revenue = draw(st.integers(0, 10**6)), draw(st.integers(0, 10**6))
    spent = draw(st.integers(0, opening + revenue))
    return dm.FundFlow(
        fund=draw(st.sampled_from(funds)),
        opening=_amount_of(opening, 2),
        revenue=_amount_of(revenue, 2),
        expenditure=_amount_of(spent, 2),
        closing=_amount_of(opening + revenue - spent, 2),
    )


def fund_flows() -> SearchStrategy[dm.FundFlow]:
    """One fiscal fund's T4 row: 年初 + 本年收入 = 本年支出 + 年末, every figure ≥ 0 (R18)."""
    return _fund_flow(FISCAL_FUNDS)


@st.composite
def _budgeted(draw: st.DrawFn) -> dm.BudgetedFigure:
    actual = draw(amounts(max_value=1_000))
    budget = draw(st.none() | amounts(max_value=1_000))
    previous = draw(st.none() | amounts(max_value=1_000))
    return dm.BudgetedFigure(
        actual=actual,
        budget=budget,
        completion=_completion(actual, budget),
        versus_budget=None if budget is None else dm.StatedChange.between(budget, actual),
        change=None if previous is None else dm.StatedChange.between(previous, actual),
    )


def budgeted_figures() -> SearchStrategy[dm.BudgetedFigure]:
    """A 三公 figure with its budget, 完成预算% and changes worded from the printed figures."""
    return _budgeted()


@st.composite
def _with_beside(draw: st.DrawFn, source: SearchStrategy[dm.Disclosure]) -> dm.Disclosure:
    d = draw(source)
    meeting, training = draw(st.none() | _budgeted()), draw(st.none() | _budgeted())
    return attrs.evolve(d, meeting_costs=meeting, training_costs=training)


def meeting_and_training(
    reports: SearchStrategy[dm.Disclosure] | None = None,
) -> SearchStrategy[dm.Disclosure]:
    """Published valid reports (``reports``, :func:`disclosures` by default) that sometimes state
    会议费 and 培训费 beside the “三公” (``meeting_costs``, ``training_costs``): each a
    :func:`budgeted_figures`, its comparisons worded from its printed figures, so that the report
    still audits without error or warning.  ``st.from_type(Disclosure)`` draws from this strategy."""
    return _with_beside(reports if reports is not None else disclosures())


@st.composite
def _revenue_row(draw: st.DrawFn, codes: SearchStrategy[FunctionCode]) -> dm.RevenueRow:
    parts = [draw(st.integers(0, 10**6)) for _ in range(6)]
    fiscal, subsidy, operations, business, remittance, other = (_amount_of(p, 2) for p in parts)
    return dm.RevenueRow(
        code=draw(codes),
        total=_amount_of(sum(parts), 2),
        fiscal=fiscal,
        superior_subsidy=subsidy,
        operations=operations,
        business=business,
        affiliated_remittance=remittance,
        other=other,
    )


def revenue_rows(year: int = 2021) -> SearchStrategy[dm.RevenueRow]:
    """A 收入决算表 (T2) row: 合计 = Σ its source columns (R8)."""
    return _revenue_row(function_codes(year))
