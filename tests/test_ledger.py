"""Ledger: derived totals, per-fund balances, and the publish bridge."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from budgetacct import (
    Amount,
    ExpenditureItem,
    ExpenditureKind,
    Fund,
    Ledger,
    RevenueItem,
    RevenueSource,
    audit,
    strategies,
)
from budgetacct.codes import EconomicCode, FunctionCode
from budgetacct.errors import InvalidValue
from budgetacct.model import (
    BudgetLine,
    FundAmount,
    PriorYear,
    ProcurementAccount,
    Severity,
    ThreePublicAccount,
)
from budgetacct.money import Direction

A = Amount
GPB, GF = Fund.GENERAL_BUDGET, Fund.GOVERNMENT_FUND
BASIC, PROJECT = ExpenditureKind.BASIC, ExpenditureKind.PROJECT


def item(
    code: str, fund: Fund, kind: ExpenditureKind, amount: str, econ: str | None = None
) -> ExpenditureItem:
    return ExpenditureItem(FunctionCode(code), fund, kind, A(amount), EconomicCode(econ) if econ else None)


@pytest.fixture
def ledger() -> Ledger:
    return Ledger(
        year=2021,
        department="示例局",
        revenue=(
            RevenueItem(RevenueSource.GENERAL_BUDGET, A("300.004")),
            RevenueItem(RevenueSource.GOVERNMENT_FUND, A("50")),
            RevenueItem(RevenueSource.OTHER, A("1.2345")),
        ),
        expenditure=(
            item("2010301", GPB, BASIC, "200.004", "30101"),
            item("2010301", GPB, BASIC, "40", "30201"),
            item("2010302", GPB, PROJECT, "70"),
            item("2080505", GPB, BASIC, "10", "30108"),
            item("2120899", GF, PROJECT, "45"),
        ),
        opening_balances=(FundAmount(GPB, A("20")), FundAmount(Fund.NON_FISCAL, A("3"))),
        budgets=(
            BudgetLine(FunctionCode("2010301"), A("240.004")),
            BudgetLine(FunctionCode("2010302"), A("80")),
        ),
        three_public=ThreePublicAccount(
            domestic_reception=A("0.5"),
            budget_domestic_reception=A("0.6"),
            budget_outbound=A("0"),
            budget_vehicle_purchase=A("0"),
            budget_vehicle_operation=A("0"),
            budget_foreign_reception=A("0"),
            domestic_batches=3,
            domestic_people=20,
        ),
        operating_costs=A("35"),
        procurement=ProcurementAccount(goods=A("10"), services=A("5"), sme=A("12"), small_micro=A("6")),
        prior=PriorYear(grand_total=A("380"), operating_costs=A("35"), general_budget_expenditure=A("330")),
    )


def test_derived_totals(ledger: Ledger) -> None:
    assert ledger.revenue_total() == A("351.2385")
    assert ledger.expenditure_total() == A("365.004")
    assert ledger.expenditure_by_kind()[BASIC] == A("250.004")
    assert ledger.opening_balance() == A("23")
    assert ledger.closing_balance(GPB) == A("0")
    assert ledger.closing_balance(GF) == A("5")
    assert ledger.closing_balance(Fund.NON_FISCAL) == A("4.2345")
    assert ledger.grand_total() == ledger.expenditure_total() + ledger.closing_balance()
    assert ledger.fiscal_grand_total() == A("370.004")
    rows = ledger.by_function()
    assert [str(code) for code in rows][:3] == ["201", "20103", "2010301"]
    assert rows[FunctionCode("201")][BASIC] == A("240.004")


def test_publish_rounds_each_figure_independently(ledger: Ledger) -> None:
    d = ledger.publish()
    assert d.revenue is not None and d.expenditure is not None and d.overview is not None
    assert str(d.revenue.total) == "351.24"
    assert [(line.source.value, str(line.amount), str(line.share)) for line in d.revenue.lines] == [
        ("一般公共预算财政拨款收入", "300.00", "85.41"),
        ("政府性基金预算财政拨款收入", "50.00", "14.24"),
        ("其他收入", "1.23", "0.35"),
    ]
    assert str(d.overview.closing_balance) == "9.23"
    assert d.overview.change is not None
    assert d.overview.change.direction is Direction.DECREASE
    gb = d.general_budget
    assert gb is not None and gb.change is not None
    assert (str(gb.total), gb.change.direction, str(gb.change.amount)) == (
        "320.00",
        Direction.DECREASE,
        "10.00",
    )
    assert [str(i.completion) for i in gb.items] == ["100.00", "87.50", "None"]
    assert d.operating_costs is not None and d.operating_costs.change is not None
    assert d.operating_costs.change.direction is Direction.FLAT
    assert d.three_public is not None
    assert str(d.three_public.total.completion) == "83.33"
    assert d.procurement is not None
    assert (str(d.procurement.total), str(d.procurement.sme_share)) == ("15.00", "80.00")
    assert d.basic_expenditure is not None
    assert (str(d.basic_expenditure.personnel), str(d.basic_expenditure.public)) == ("210.00", "40.00")


def test_published_and_exact_audits_are_clean(ledger: Ledger) -> None:
    for report in (audit(ledger), audit(ledger.publish()), audit(ledger.publish(template="all-lines"))):
        assert not [f for f in report.findings if f.severity is not Severity.NOTE], report.findings


def test_all_lines_template_lists_zeros(ledger: Ledger) -> None:
    d = ledger.publish(template="all-lines")
    assert d.revenue is not None and d.expenditure is not None
    assert len(d.revenue.lines) == 8
    assert len(d.expenditure.lines) == 5
    with pytest.raises(InvalidValue):
        ledger.publish(template="nonexistent")


def test_exact_publish_keeps_every_digit(ledger: Ledger) -> None:
    d = ledger.publish(places=None)
    assert d.revenue is not None
    assert str(d.revenue.total) == "351.2385"


def test_a_ledger_that_overspends_a_fund_is_an_error() -> None:
    overspent = Ledger(
        year=2021,
        department="示例局",
        revenue=(RevenueItem(RevenueSource.GENERAL_BUDGET, A("10")),),
        expenditure=(item("2010301", GPB, BASIC, "12", "30101"),),
    )
    assert overspent.closing_balance(GPB) == A("-2")
    report = audit(overspent)
    assert [(f.rule, f.severity, f.actual) for f in report.findings] == [("R18", Severity.ERROR, "-2")]
    with pytest.raises(InvalidValue):
        overspent.publish()


def test_ledger_items_are_validated() -> None:
    with pytest.raises(InvalidValue, match=r"\$\.amount"):
        RevenueItem(RevenueSource.OTHER, A("-1"))
    with pytest.raises(InvalidValue, match=r"\$\.function"):
        ExpenditureItem("2010301", GPB, BASIC, A("1"))  # type: ignore[arg-type]
    with pytest.raises(InvalidValue, match=r"\$\.expenditure"):
        Ledger(year=2021, department="x", expenditure=[])  # type: ignore[arg-type]


# --- publish builds rows without running validators (model/_unchecked.py) ---------------------


def _validate_tree(obj: object, path: str = "$") -> int:
    """Run every attrs validator of ``obj`` and of everything inside it; the objects checked."""
    import attrs

    if isinstance(obj, tuple):
        return sum(_validate_tree(item, f"{path}[{i}]") for i, item in enumerate(obj))
    if not attrs.has(type(obj)):
        return 0
    attrs.validate(obj)  # type: ignore[arg-type]
    return 1 + sum(
        _validate_tree(getattr(obj, field.name), f"{path}.{field.name}") for field in attrs.fields(type(obj))
    )


@given(ledger=strategies.ledgers(), places=st.sampled_from([None, 2, 4]))
@settings(max_examples=60, deadline=None)
def test_published_objects_pass_every_validator(ledger: Ledger, places: int | None) -> None:
    # The publisher builds FunctionLine/EconomicLine rows with the unchecked constructor: the
    # validators must still accept every one of them.
    disclosure = ledger.publish(places=places)
    assert _validate_tree(disclosure) > 1


def test_unchecked_constructor_matches_init() -> None:
    from budgetacct.model import FunctionLine
    from budgetacct.model._unchecked import unchecked

    make = unchecked(FunctionLine)
    code = FunctionCode("2010301")
    args = {"name": "行政运行", "basic": Amount("1.00"), "project": Amount("2.00")}
    assert make(code, Amount("3.00"), **args) == FunctionLine(code, Amount("3.00"), **args)
    assert make(code, Amount("3.00")).parent_names == ()
    # No validation: that is the point, and why only the publisher may use it.
    assert make("not a code", "3").code == "not a code"


def test_unchecked_refuses_classes_it_would_shortchange() -> None:
    import attrs

    from budgetacct.model._unchecked import unchecked

    @attrs.frozen
    class WithHook:
        x: int

        def __attrs_post_init__(self) -> None:
            pass

    @attrs.define(slots=False)
    class NotSlotted:
        x: int

    @attrs.frozen
    class Computed:
        x: int
        y: int = attrs.field(init=False, default=0)

    @attrs.frozen
    class SelfDefault:
        x: int
        y: int = attrs.field(default=attrs.Factory(lambda self: self.x, takes_self=True))

    for cls in (WithHook, NotSlotted, Computed, SelfDefault, int):
        with pytest.raises(TypeError):
            unchecked(cls)


def test_unchecked_keyword_only_and_factory_defaults() -> None:
    import attrs

    from budgetacct.model._unchecked import unchecked

    @attrs.frozen(kw_only=True)
    class Item:
        a: int
        b: tuple[int, ...] = attrs.field(factory=tuple)
        c: str = "x"

    make = unchecked(Item)
    assert make(a=1) == Item(a=1)
    assert make(a=1, b=(2,), c="y") == Item(a=1, b=(2,), c="y")
    with pytest.raises(TypeError):
        make(1)  # keyword-only, as in __init__


@given(ledger=strategies.ledgers(places=4))
@settings(max_examples=60, deadline=None)
def test_table_rows_of_any_fund_set_equal_a_direct_roll_up(ledger: Ledger) -> None:
    # The totals roll each fund up once and merge; summing the items of the chosen funds into
    # every level of their codes, the plain way, must give the same rows and values.
    from decimal import Decimal

    totals = ledger._totals
    kinds = list(ExpenditureKind)
    fund_sets = [None, *(frozenset([fund]) for fund in Fund), frozenset(Fund), frozenset(list(Fund)[:2])]
    for funds in fund_sets:
        direct: dict[str, list[Decimal]] = {}
        for item in ledger.expenditure:
            if funds is not None and item.fund not in funds:
                continue
            for code in (*item.function.ancestors, item.function):
                row = direct.setdefault(code.code, [Decimal(0)] * (len(kinds) + 1))
                row[0] += item.amount.value
                row[1 + kinds.index(item.kind)] += item.amount.value
        shared = totals.rows(funds)
        assert list(shared) == sorted(direct)
        # Same digits too: "0 + each amount" keeps the most decimal places, both ways.
        assert {code: [str(v) for v in row] for code, row in shared.items()} == {
            code: [str(v) for v in row] for code, row in direct.items()
        }
