"""The public Hypothesis strategies, and the properties they prove about the library.

The central property: every ledger :func:`~budgetacct.strategies.ledgers` draws passes the audit —
exactly (``audit(ledger)``) and as published under both templates — with no error and no warning.
The converse: every :func:`~budgetacct.strategies.broken_disclosures` example makes its rules fire,
and nothing else complains.
"""

from __future__ import annotations

import importlib.metadata
import subprocess
import sys
import typing
import warnings
from decimal import Decimal

import attrs
import pytest
from hypothesis import find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument, NonInteractiveExampleWarning

from budgetacct import Amount, Disclosure, Ledger, audit
from budgetacct.auditing import REGISTRY, AuditReport
from budgetacct.codes import BasicExpensePart, CodeLevel, EconomicCode, EconomicSystem, FunctionCode
from budgetacct.io import dump, loads
from budgetacct.model import (
    ExpenditureItem,
    ExpenditureKind,
    Fund,
    Performance,
    Severity,
    ThreePublic,
)
from budgetacct.model.indicators import Outcome
from budgetacct.model.table_specs import TABLE_SETS
from budgetacct.model.tables import Column, Panel, StandardTable, TableKind, TableRow
from budgetacct.money import Percent
from budgetacct.strategies import (
    MUTATIONS,
    TEMPLATES,
    UNREACHABLE_RULES,
    Mutation,
    amounts,
    broken_disclosures,
    budgeted_figures,
    disclosures,
    economic_codes,
    function_codes,
    function_lines,
    fund_flows,
    indicator_values,
    indicators,
    ledgers,
    mutated_disclosures,
    percents,
    performances,
    procurement,
    project_evaluations,
    revenue_rows,
    staffing,
    standard_tables,
    stated_changes,
    table_rows,
    three_public,
)

# Generating and auditing a whole ledger takes milliseconds; on a loaded 2-core machine the
# default 200 ms deadline would make these tests flaky without testing anything.
SLOW = settings(deadline=None)


def serious(report: AuditReport) -> list[str]:
    """Errors and warnings, one line each (notes — legitimate 尾数误差 — are allowed)."""
    return [
        f"{f.rule} {f.severity.value} {f.path}: {f.message.en}"
        for f in report.findings
        if f.severity is not Severity.NOTE
    ]


# --- the central property ---------------------------------------------------------------------


@SLOW
@given(ledgers())
def test_every_generated_ledger_passes_the_audit_exactly_and_published(ledger: Ledger) -> None:
    assert serious(audit(ledger)) == []
    assert serious(audit(ledger.publish())) == []
    assert serious(audit(ledger.publish(template="all-lines"))) == []


@settings(deadline=None, max_examples=30)
@given(ledgers(places=4, min_items=10, max_items=30, max_amount=100))
def test_large_ledgers_in_yuan_pass_the_audit(ledger: Ledger) -> None:
    # Whole 元 and small amounts: the most rounding noise per figure, on every template.
    for template in TEMPLATES:
        assert serious(audit(ledger.publish(template=template))) == []


@SLOW
@given(
    ledgers(
        three_public=True,
        operating_costs=True,
        procurement=True,
        prior=True,
        budgets=True,
        performance=True,
        max_items=6,
    )
)
def test_ledgers_with_every_section_pass_the_audit(ledger: Ledger) -> None:
    assert ledger.three_public is not None and ledger.prior is not None and ledger.performance is not None
    assert serious(audit(ledger)) == []
    assert serious(audit(ledger.publish())) == []


@SLOW
@given(disclosures())
def test_every_generated_disclosure_passes_the_audit(disclosure: Disclosure) -> None:
    assert disclosure.template in TEMPLATES
    assert serious(audit(disclosure)) == []


@SLOW
@given(ledgers())
def test_generated_ledgers_are_valid_by_construction(ledger: Ledger) -> None:
    for fund in Fund:
        assert ledger.closing_balance(fund) >= Amount(0)
    for item in ledger.expenditure:
        assert item.amount >= Amount(0)
        if item.fund.is_fiscal:
            assert item.kind in (ExpenditureKind.BASIC, ExpenditureKind.PROJECT)
        if item.fund is Fund.GENERAL_BUDGET and item.kind is ExpenditureKind.BASIC:
            assert item.economic is not None and item.economic.basic_expense_part is not None
        assert (item.project is not None) == (item.kind is ExpenditureKind.PROJECT)
    assert None not in ledger.basic_split()
    gpb = ledger.expenditure_total(funds=(Fund.GENERAL_BUDGET,))
    account = ledger.three_public
    if account is not None:
        assert account.total <= gpb
        for amount, count in (
            (account.outbound, account.outbound_groups),
            (account.vehicle_purchase, account.vehicles_purchased),
            (account.vehicle_operation, account.vehicles_held),
            (account.domestic_reception, account.domestic_batches),
            (account.foreign_reception, account.foreign_batches),
        ):
            assert (count or 0) >= 1 if amount else count == 0
    if ledger.operating_costs is not None:
        public = ledger.basic_split().get(BasicExpensePart.PUBLIC, Amount(0))
        assert ledger.operating_costs <= public
    for line in ledger.budgets:
        assert line.amount >= Amount(0)


# --- broken disclosures --------------------------------------------------------------------------


def _check_mutation(disclosure: Disclosure, mutation: Mutation) -> None:
    report = audit(disclosure)
    for rule_id in mutation.expected:
        severity = REGISTRY[rule_id].severity
        fired = [f for f in report.findings if f.rule == rule_id and f.severity is severity]
        assert fired, f"{mutation.name}: {rule_id} did not fire as {severity.value}; got {serious(report)}"
    allowed = mutation.expected | mutation.collateral
    unrelated = [line for line in serious(report) if line.split()[0] not in allowed]
    assert unrelated == [], f"{mutation.name}: unrelated findings"


@pytest.mark.parametrize("mutation", MUTATIONS, ids=[m.name for m in MUTATIONS])
def test_each_mutation_fires_its_rules_and_nothing_else(mutation: Mutation) -> None:
    @settings(deadline=None, max_examples=8)
    @given(mutated_disclosures(names=[mutation.name]))
    def check(case: tuple[Disclosure, Mutation]) -> None:
        disclosure, drawn = case
        assert drawn is mutation
        _check_mutation(disclosure, drawn)

    check()


@SLOW
@given(broken_disclosures())
def test_broken_disclosures_name_rules_that_fire(case: tuple[Disclosure, frozenset[str]]) -> None:
    disclosure, expected = case
    assert expected and expected <= set(REGISTRY.ids())
    report = audit(disclosure)
    for rule_id in expected:
        assert any(f.rule == rule_id and f.severity is REGISTRY[rule_id].severity for f in report.findings)


@settings(deadline=None, max_examples=20)
@given(broken_disclosures(rules=["R38"]))
def test_broken_disclosures_can_target_rules(case: tuple[Disclosure, frozenset[str]]) -> None:
    assert "R38" in case[1]


def test_every_registered_rule_has_a_mutation_or_a_reason() -> None:
    covered = {rule_id for mutation in MUTATIONS for rule_id in mutation.expected}
    # the budget rules have their own mutations (strategies.budget.BUDGET_MUTATIONS, tests/test_budget.py)
    registered = {r.id for r in REGISTRY if r.subject == "disclosure"}
    assert registered - covered - set(UNREACHABLE_RULES) == set()
    assert set(UNREACHABLE_RULES) <= registered
    assert not set(UNREACHABLE_RULES) & covered
    assert all(reason.strip() for reason in UNREACHABLE_RULES.values())
    for mutation in MUTATIONS:
        assert mutation.expected <= registered and mutation.collateral <= registered
        assert not mutation.expected & mutation.collateral
        assert mutation.description
        assert not mutation.collateral or mutation.why or mutation.collateral <= {"R37"}
        if len(mutation.expected) > 1:
            assert mutation.why, f"{mutation.name} expects two rules without saying why"
    assert len({m.name for m in MUTATIONS}) == len(MUTATIONS)


def test_unknown_or_unreachable_rules_are_refused() -> None:
    with pytest.raises(InvalidArgument, match="unknown rule"):
        broken_disclosures(rules=["R999"])
    with pytest.raises(InvalidArgument, match="unknown mutations"):
        mutated_disclosures(names=["no-such-mutation"])


# --- the smaller strategies ------------------------------------------------------------------------


@given(amounts(), amounts(places=4), amounts(min_value="-5", max_value="5"))
def test_amounts_are_whole_steps_within_bounds(cents: Amount, yuan: Amount, bounded: Amount) -> None:
    assert cents.value == cents.value.quantize(Decimal("0.01"))
    assert Amount(0) <= cents <= Amount(1_000_000)
    assert yuan.value == yuan.value.quantize(Decimal("0.0001"))
    assert Amount(-5) <= bounded <= Amount(5)


def test_amount_arguments_are_checked() -> None:
    with pytest.raises(InvalidArgument):
        amounts(min_value=5, max_value=1)
    with pytest.raises(InvalidArgument):
        amounts(places=13)
    with pytest.raises(InvalidArgument):
        amounts(max_value=10**13)


@given(percents(), percents(min_value=-10, max_value=10, places=1))
def test_percents(share: Percent, rate: Percent) -> None:
    assert Percent(0) <= share <= Percent(100)
    assert rate.value == rate.value.quantize(Decimal("0.1"))


@given(function_codes(), function_codes(level=CodeLevel.ITEM), function_codes(level="款", leaves=True))
def test_function_codes_come_from_the_catalogue(
    any_code: FunctionCode, item: FunctionCode, leaf: FunctionCode
) -> None:
    for code in (any_code, item, leaf):
        assert code.name(2021)
    assert item.level is CodeLevel.ITEM
    assert leaf.level is CodeLevel.SECTION


@given(
    economic_codes(),
    economic_codes(EconomicSystem.GOVERNMENT),
    economic_codes(level=5, classes=["301", "303"]),
)
def test_economic_codes(department: EconomicCode, government: EconomicCode, personnel: EconomicCode) -> None:
    assert department.system is EconomicSystem.DEPARTMENT and department.name(2021)
    assert government.system is EconomicSystem.GOVERNMENT and government.name(2021)
    assert personnel.basic_expense_part is BasicExpensePart.PERSONNEL


def test_code_arguments_are_checked() -> None:
    with pytest.raises(InvalidArgument):
        function_codes(level="章")
    with pytest.raises(InvalidArgument):
        economic_codes(classes=["999"])


@given(three_public(max_total=50), three_public(foreign_included_in_domestic=True, budgets=True))
def test_three_public_accounts_are_coherent(beside: object, inside: object) -> None:
    from budgetacct.model import ThreePublicAccount

    assert isinstance(beside, ThreePublicAccount) and isinstance(inside, ThreePublicAccount)
    assert beside.total <= Amount(50)
    assert inside.foreign_reception <= inside.domestic_reception
    assert inside.reception == inside.domestic_reception  # 外事 is counted once
    budgets = inside.budgets()
    assert budgets["reception"] == budgets["domestic_reception"]
    for account in (beside, inside):
        groups, people = account.outbound_groups or 0, account.outbound_people or 0
        assert (groups == 0) == (people == 0) and people >= groups


@given(procurement(), staffing())
def test_procurement_and_staffing_hold_together(account: object, staff: object) -> None:
    from budgetacct.model import ProcurementAccount, Staffing

    assert isinstance(account, ProcurementAccount) and isinstance(staff, Staffing)
    if account.sme is not None:
        assert account.sme <= account.total
    if account.small_micro is not None:
        assert account.sme is not None and account.small_micro <= account.sme
    for unit in staff.units:
        if unit.actual_by_category:
            assert unit.actual == sum(c.count for c in unit.actual_by_category)
        if unit.authorized_by_category:
            assert unit.authorized == sum(c.count for c in unit.authorized_by_category)


@SLOW
@given(performances())
def test_performances_pass_the_audit(performance: Performance) -> None:
    for evaluation in performance.evaluations:
        assert evaluation.executed.total is not None and evaluation.budget.total is not None
        assert evaluation.executed.total <= evaluation.budget.total
        for indicator in evaluation.indicators:
            assert indicator.evaluation().outcome is Outcome.MET
    report = audit(Disclosure(year=2021, department="示例部门", performance=performance))
    assert serious(report) == []


@given(project_evaluations())
def test_cost_indicators_partition_the_project(evaluation: object) -> None:
    from budgetacct.model import ProjectEvaluation

    assert isinstance(evaluation, ProjectEvaluation)
    costs = [i for i in evaluation.indicators if "成本" in i.level1 + i.level2]
    assert costs
    total = sum((Amount(i.target.removesuffix("万元")) for i in costs), Amount(0))
    spent = sum((Amount((i.actual or "").removesuffix("万元")) for i in costs), Amount(0))
    assert total == evaluation.budget.total and spent == evaluation.executed.total
    for split in (evaluation.budget, evaluation.executed):
        assert split.fiscal is not None and split.other is not None
        assert split.total == split.fiscal + split.other


@given(indicator_values(), indicators())
def test_indicator_values_read_back(value: object, indicator: object) -> None:
    from budgetacct.model import Indicator
    from budgetacct.model.indicators import IndicatorValue, parse_indicator_value

    assert isinstance(value, IndicatorValue) and isinstance(indicator, Indicator)
    assert parse_indicator_value(str(value)) == value
    assert indicator.evaluation().outcome is Outcome.MET


@given(function_lines(), fund_flows(), revenue_rows(), budgeted_figures(), stated_changes())
def test_line_strategies_are_internally_consistent(
    line: object, flow: object, row: object, figure: object, change: object
) -> None:
    from budgetacct.model import BudgetedFigure, FunctionLine, FundFlow, RevenueRow, StatedChange

    assert isinstance(line, FunctionLine) and isinstance(flow, FundFlow) and isinstance(row, RevenueRow)
    assert isinstance(figure, BudgetedFigure) and isinstance(change, StatedChange)
    assert line.amount == (line.basic or Amount(0)) + (line.project or Amount(0))
    assert line.name == line.code.name(2021)
    assert flow.opening is not None and flow.revenue is not None
    assert flow.expenditure is not None and flow.closing is not None
    assert flow.opening + flow.revenue == flow.expenditure + flow.closing
    assert row.total == sum(row.sources(), Amount(0))
    report = audit(Disclosure(year=2021, department="示例部门", three_public=ThreePublic(total=figure)))
    assert serious(report) == []


# --- the standard tables ---------------------------------------------------------------------------

_INSIDE_A_TABLE = {"R64", "R65", "R66", "R70"}


@settings(deadline=None, max_examples=40)
@given(
    st.sampled_from(sorted(TABLE_SETS)).flatmap(
        lambda name: st.tuples(st.just(name), standard_tables(table_sets=[name]))
    )
)
def test_every_generated_table_adds_up_in_itself(case: tuple[str, StandardTable]) -> None:
    name, table = case
    assert table.kind in TABLE_SETS[name].kinds()
    assert table.has_data or table.notes
    report = audit(Disclosure(year=2021, department="示例部门", tables=(table,), table_set=name))
    assert [line for line in serious(report) if line.split()[0] in _INSIDE_A_TABLE] == []


@SLOW
@given(disclosures())
def test_generated_disclosures_print_every_table_of_their_set(disclosure: Disclosure) -> None:
    assert disclosure.table_set is not None
    assert [t.kind for t in disclosure.tables] == list(TABLE_SETS[disclosure.table_set].kinds())


@given(standard_tables(kinds=[TableKind.THREE_PUBLIC], table_sets=["mof-9"]), table_rows())
def test_table_strategies_take_kinds_and_sets(table: StandardTable, row: TableRow) -> None:
    assert table.kind is TableKind.THREE_PUBLIC and table.number == "公开07表"
    assert isinstance(row, TableRow)


def test_table_arguments_are_checked() -> None:
    with pytest.raises(InvalidArgument):
        standard_tables(table_sets=["no-such-set"])
    with pytest.raises(InvalidArgument):
        standard_tables(table_sets=["university-4"], kinds=[TableKind.THREE_PUBLIC])


# --- shrinking ------------------------------------------------------------------------------------


def test_ledgers_shrink_to_small_readable_accounts() -> None:
    ledger = find(ledgers(), lambda led: len(led.expenditure) >= 2, settings=settings(database=None))
    assert len(ledger.expenditure) == 2
    assert all(item.amount == Amount(0) for item in ledger.expenditure)
    assert ledger.three_public is None and ledger.prior is None and ledger.performance is None
    positive = find(
        ledgers(), lambda led: led.expenditure_total() > Amount(0), settings=settings(database=None)
    )
    # One line of 0.01 万元 (Hypothesis occasionally leaves a zero line or two beside it).
    [item] = [item for item in positive.expenditure if item.amount]
    assert (item.function, item.fund, item.kind, str(item.amount)) == (
        FunctionCode("2010101"),
        Fund.GENERAL_BUDGET,
        ExpenditureKind.BASIC,
        "0.01",
    )


def test_disclosures_shrink_too() -> None:
    found = find(
        disclosures(templates=["sichuan-2021"]),
        lambda d: d.revenue is not None and len(d.revenue.lines) >= 2,
        settings=settings(database=None),
    )
    assert found.revenue is not None and len(found.revenue.lines) == 2
    assert [str(line.amount) for line in found.revenue.lines] == ["0.01", "0.01"]


# --- registration, entry point, serialization -------------------------------------------------------


REGISTERED = [
    Amount,
    Percent,
    FunctionCode,
    EconomicCode,
    Ledger,
    Disclosure,
    ThreePublic,
    Performance,
    StandardTable,
    Panel,
    TableRow,
    Column,
]


@pytest.mark.parametrize("cls", REGISTERED, ids=lambda c: c.__name__)
def test_from_type_gives_instances(cls: type) -> None:
    @settings(deadline=None, max_examples=10)
    @given(st.from_type(cls))
    def check(value: object) -> None:
        assert isinstance(value, cls)

    check()


def test_every_model_class_is_registered() -> None:
    from budgetacct import strategies

    registered = strategies._from_type_strategies()
    for owner in (Disclosure, Ledger):
        for hint in typing.get_type_hints(owner).values():
            for cls in (
                hint,
                *typing.get_args(hint),
                *(a for h in typing.get_args(hint) for a in typing.get_args(h)),
            ):
                if isinstance(cls, type) and attrs.has(cls):
                    assert cls in registered, cls


def test_from_type_example_works_interactively() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", NonInteractiveExampleWarning)
        disclosure = st.from_type(Disclosure).example()
    assert isinstance(disclosure, Disclosure)
    assert serious(audit(disclosure)) == []


def test_entry_point_is_installed() -> None:
    hooks = [e.value for e in importlib.metadata.entry_points(group="hypothesis")]
    assert "budgetacct.strategies:_hypothesis_setup_hook" in hooks


@pytest.mark.parametrize(
    "code",
    [
        # The entry point registers the strategies when Hypothesis is imported …
        "import sys\nfrom hypothesis import strategies as st\nfrom budgetacct import Disclosure\n"
        "assert 'budgetacct.strategies' in sys.modules\nassert 'ledger' in repr(st.from_type(Disclosure)).lower()",
        # … and importing the strategies first (which imports Hypothesis, which runs the hook) works.
        "import budgetacct.strategies\nfrom hypothesis import strategies as st\nfrom budgetacct import Ledger\n"
        "assert 'ledger' in repr(st.from_type(Ledger)).lower()",
        # budgetacct itself never imports Hypothesis.
        "import sys\nimport budgetacct, budgetacct.auditing, budgetacct.io, budgetacct.model\n"
        "assert 'hypothesis' not in sys.modules, 'budgetacct imported hypothesis'",
    ],
    ids=["hypothesis-first", "strategies-first", "no-hypothesis"],
)
def test_imports_in_a_fresh_interpreter(code: str) -> None:
    subprocess.run([sys.executable, "-c", code], check=True)


@SLOW
@given(ledgers(), disclosures())
def test_serialization_round_trips_exactly(ledger: Ledger, disclosure: Disclosure) -> None:
    for value in (ledger, disclosure):
        text = dump(value)
        back = loads(text)
        assert back == value
        assert dump(back) == text  # compares every Decimal's digits, not only its value


# --- regressions: false alarms the generated ledgers found ---------------------------------------------


def _three_public(**figures: object) -> Disclosure:
    return Disclosure(year=2021, department="示例部门", three_public=ThreePublic(**figures))  # type: ignore[arg-type]


def test_a_rate_against_a_base_printed_as_zero_is_only_a_note() -> None:
    from budgetacct.model import BudgetedFigure, StatedChange

    # Budget 0.0049 万元 (49 元) prints as 0.00; 0 spent is 0% of it, and 持平 in print.
    tiny = BudgetedFigure(
        actual=Amount("0.00"),
        budget=Amount("0.00"),
        completion=Percent("0.00"),
        versus_budget=StatedChange.flat(Amount("0.00")),
    )
    report = audit(_three_public(foreign_reception=tiny))
    assert serious(report) == [] and report.by_rule("R39")
    # 1.00 万元 against at most 0.005 万元 is at least 19900%: 50% cannot be.
    impossible = BudgetedFigure(actual=Amount("1.00"), budget=Amount("0.00"), completion=Percent("50"))
    assert [f.severity for f in audit(_three_public(outbound=impossible)).by_rule("R39")] == [Severity.ERROR]


def test_completion_and_direction_are_compared_within_rounding() -> None:
    from budgetacct.model import BudgetedFigure, StatedChange
    from budgetacct.money import Direction

    # 1000.04 against 1000.00: “增加0.04万元” and 完成预算100.00% are both right.
    above = BudgetedFigure(
        actual=Amount("1000.04"),
        budget=Amount("1000.00"),
        completion=Percent("100.00"),
        versus_budget=StatedChange(Direction.INCREASE, Amount("0.04"), Percent("0.00"), Amount("1000.00")),
    )
    assert serious(audit(_three_public(outbound=above))) == []
    # “减少” with a completion above 100% contradicts itself whatever the figures.
    wrong = BudgetedFigure(completion=Percent("101.00"), versus_budget=StatedChange(Direction.DECREASE))
    assert [f.severity for f in audit(_three_public(outbound=wrong)).by_rule("R39")] == [Severity.ERROR]


def test_foreign_reception_included_in_domestic_is_counted_once() -> None:
    from budgetacct.model import RevenueItem, RevenueSource, ThreePublicAccount

    # Every budget is known: the “三公” table prints its 预算数 合计 only then, and a blank 合计
    # beside a printed part does not add up (R64).
    account = ThreePublicAccount(
        domestic_reception=Amount("3"),
        foreign_reception=Amount("1"),
        budget_outbound=Amount("0"),
        budget_vehicle_purchase=Amount("0"),
        budget_vehicle_operation=Amount("0"),
        budget_domestic_reception=Amount("4"),
        budget_foreign_reception=Amount("2"),
        foreign_included_in_domestic=True,
        domestic_batches=2,
        domestic_people=9,
        foreign_batches=1,
        foreign_people=3,
    )
    assert account.reception == Amount("3") and account.total == Amount("3")
    assert account.budgets()["reception"] == Amount("4") and account.budgets()["total"] == Amount("4")
    ledger = Ledger(
        year=2021,
        department="示例部门",
        revenue=(RevenueItem(RevenueSource.GENERAL_BUDGET, Amount("10")),),
        expenditure=(
            ExpenditureItem(
                FunctionCode("2010301"),
                Fund.GENERAL_BUDGET,
                ExpenditureKind.BASIC,
                Amount("10"),
                # Not 30217: R30 would rightly object to 10 of 公务接待费 against a 三公 figure of 3.
                EconomicCode("30201"),
            ),
        ),
        three_public=account,
    )
    assert serious(audit(ledger)) == [] and serious(audit(ledger.publish())) == []
