"""Budgets: the central property (a published budget audits clean), a mutation per budget rule,
the budget tables' layouts, and the budget model's serialization."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from budgetacct import audit
from budgetacct.auditing import REGISTRY
from budgetacct.model.budget import Budget
from budgetacct.model.budget_ledger import BudgetAccount
from budgetacct.model.budget_publish import publish_budget
from budgetacct.model.budget_sets import BUDGET_TABLE_SETS, budget_spec_for
from budgetacct.model.enums import Severity
from budgetacct.model.table_specs import find_spec, spec_for
from budgetacct.model.tables import TableKind
from budgetacct.money import Unit
from budgetacct.strategies.budget import BUDGET_MUTATIONS, budget_accounts, mutated_budgets
from budgetacct.strategies.ledger import ledgers

_SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _alarms(budget: Budget) -> set[str]:
    return {f.rule for f in audit(budget).findings if f.severity is not Severity.NOTE}


_SETS = st.sampled_from(tuple(BUDGET_TABLE_SETS))


@_SETTINGS
@given(
    _SETS.flatmap(lambda name: budget_accounts(name).map(lambda account: (name, account))),
    st.sampled_from((Unit.WAN_YUAN, Unit.YUAN)),
    st.sampled_from((2, None)),
)
def test_a_published_budget_audits_clean(
    case: tuple[str, BudgetAccount], unit: Unit, places: int | None
) -> None:
    name, account = case
    budget = publish_budget(account, tables=name, table_unit=unit, places=places)
    assert [f for f in audit(budget).findings if f.severity is not Severity.NOTE] == []


@_SETTINGS
@given(budget_accounts("jiangsu-budget-12"))
def test_a_jiangsu_budget_audits_clean(account: BudgetAccount) -> None:
    findings = [
        f
        for f in audit(publish_budget(account, tables="jiangsu-budget-12")).findings
        if f.severity is not Severity.NOTE
    ]
    assert findings == []


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ledgers())
def test_a_ledgers_budget_lines_publish_a_clean_budget(ledger) -> None:  # type: ignore[no-untyped-def]
    budget = ledger.publish_budget()
    assert _alarms(budget) == set()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_budgets())
def test_each_mutation_fires_its_rules_and_no_other(case) -> None:  # type: ignore[no-untyped-def]
    budget, mutation = case
    fired = _alarms(budget)
    assert mutation.expected <= fired, (mutation.name, fired)
    assert fired <= mutation.expected | mutation.collateral, (mutation.name, fired)


def test_every_budget_rule_has_a_mutation() -> None:
    budget_rules = {r.id for r in REGISTRY if r.subject == "budget"}
    assert budget_rules == {
        "R80",
        "R81",
        "R82",
        "R83",
        "R84",
        "R85",
        "R86",
        "R87",
        "R88",
        "R89",
        "R90",
        "R91",
        "R92",
    }
    assert budget_rules <= {r for m in BUDGET_MUTATIONS for r in m.expected}


def test_a_disclosure_audit_runs_no_budget_rule() -> None:
    from budgetacct import load_example

    run = set(audit(load_example()).rules_run)
    assert not run & {"R80", "R86", "R92"}
    assert {"R1", "R64"} <= run


def test_budget_sets_have_a_spec_for_every_table() -> None:
    for table_set in BUDGET_TABLE_SETS.values():
        for entry in table_set.entries:
            assert entry.kind.is_budget
            assert spec_for(entry.kind, table_set.name) is budget_spec_for(entry.kind, table_set.name)
    assert len(BUDGET_TABLE_SETS["jiangsu-budget-12"].entries) == 12
    assert len(BUDGET_TABLE_SETS["shanghai-budget-9"].entries) == 9
    assert len(BUDGET_TABLE_SETS["university-budget-4"].entries) == 4


def test_printed_budget_titles_find_their_spec() -> None:
    titles = {
        "2025年部门财务收支预算总表": TableKind.BUDGET_SUMMARY,
        "2024年预算单位收入预算总表": TableKind.BUDGET_REVENUE,
        "财政拨款支出预算表（功能科目）": TableKind.BUDGET_FISCAL_FUNCTION,
        "财政拨款基本支出预算表（经济科目）": TableKind.BUDGET_FISCAL_BASIC,
        "一般公共预算支出预算表（功能科目）": TableKind.BUDGET_GENERAL,
        "2025年部门一般公共预算基本支出部门预算经济分类预算表": TableKind.BUDGET_GENERAL_BASIC,
        "“三公”经费、会议费、培训费支出预算表": TableKind.BUDGET_THREE_PUBLIC,
        "一般公共预算机关运行经费支出预算表": TableKind.BUDGET_OPERATING_COSTS,
        "政府采购支出预算表": TableKind.BUDGET_PROCUREMENT,
        "西南大学财政拨款支出预算表": TableKind.BUDGET_FISCAL_FUNCTION,
        "收入支出决算总表": TableKind.SUMMARY,
    }
    for title, kind in titles.items():
        found = find_spec(title)
        assert found is not None and found.kind is kind, title


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(budget_accounts())
def test_a_budget_round_trips_through_json(account: BudgetAccount) -> None:
    from budgetacct.io import structure, unstructure

    budget = publish_budget(account, table_unit=Unit.YUAN)
    assert structure(unstructure(budget), Budget) == budget


def test_a_budget_account_is_audited_exactly() -> None:
    from budgetacct import Amount, load_example
    from budgetacct.model.enums import ExpenditureKind, Fund
    from budgetacct.model.ledger import ExpenditureItem

    account = BudgetAccount.from_ledger(load_example("xiqu-2021", "ledger"))
    report = audit(account)
    assert report.ok and "R80" in report.rules_run
    item = ExpenditureItem(
        account.items[0].function, Fund.GENERAL_BUDGET, ExpenditureKind.PROJECT, Amount("1")
    )
    overspent = audit(
        BudgetAccount(account.year, account.department, items=(*account.items, item), revenue=account.revenue)
    )
    assert [(f.rule, f.path) for f in overspent.findings] == [("R18", "$.items[fund=一般公共预算财政拨款]")]


def test_a_budget_account_holds_only_what_a_budget_plans() -> None:
    import pytest

    from budgetacct import Amount
    from budgetacct.codes import FunctionCode
    from budgetacct.errors import InvalidValue
    from budgetacct.model.enums import ExpenditureKind, Fund, RevenueSource
    from budgetacct.model.ledger import ExpenditureItem, RevenueItem

    with pytest.raises(InvalidValue) as source:
        BudgetAccount(2025, "示例局", revenue=(RevenueItem(RevenueSource.SUPERIOR_SUBSIDY, Amount("1")),))
    assert source.value.path == "$.revenue[0].source"
    remittance = ExpenditureItem(
        FunctionCode("2010601"), Fund.NON_FISCAL, ExpenditureKind.REMITTANCE, Amount("1")
    )
    with pytest.raises(InvalidValue) as kind:
        BudgetAccount(2025, "示例局", items=(remittance,))
    assert kind.value.path == "$.items[0].kind"


def test_publish_budget_names_the_sets_it_knows() -> None:
    import pytest

    from budgetacct.errors import InvalidValue

    account = BudgetAccount(2025, "示例局")
    with pytest.raises(InvalidValue) as unknown:
        publish_budget(account, tables="mof-9")
    assert "shanghai-budget-9" in str(unknown.value)
    assert publish_budget(account, tables=False).tables == ()
    assert publish_budget(account).table_set == "shanghai-budget-9"


def test_an_empty_budget_table_says_why() -> None:
    budget = publish_budget(BudgetAccount(2025, "示例局"), tables="shanghai-budget-9")
    fund_table = next(t for t in budget.tables if t.kind is TableKind.BUDGET_GOVERNMENT_FUND)
    assert fund_table.notes == ("注：本部门2025年无政府性基金预算财政拨款安排的预算，故本表为空表。",)
    assert "R70" not in audit(budget).fired()


def test_a_budget_change_of_nothing_needs_no_reason() -> None:
    # 合川区 2022 部门预算 prints “公务接待费…比上年减少0万元” with no reason: nothing changed, so
    # R91 has nothing to ask for; the same figure falling by 0.5万元 (50%) without a reason does.
    import attrs

    from budgetacct import load_example
    from budgetacct.money import Amount, Direction, Percent
    from budgetacct.model.disclosure import StatedChange

    budget = load_example("ptczj-2025", "budget")
    three_public = budget.three_public
    assert three_public is not None

    def with_reception_change(change: StatedChange) -> object:
        reception = attrs.evolve(three_public.reception, change=change, reason=None)
        return attrs.evolve(budget, three_public=attrs.evolve(three_public, reception=reception))

    nothing = with_reception_change(StatedChange(Direction.DECREASE, Amount("0"), None))
    assert [f.path for f in audit(nothing).by_rule("R91")] == []
    halved = with_reception_change(StatedChange(Direction.DECREASE, Amount("0.5"), Percent("50")))
    assert [f.path for f in audit(halved).by_rule("R91")] == ["$.three_public.reception.reason"]
