"""Rounding-aware rules on small hand-built disclosures: exact → silent, within rounding → note,
beyond → error; partial reports are checked on what they state."""

from __future__ import annotations

import attrs
import pytest

from budgetacct import Amount, Disclosure, Percent, Severity, StatedChange, audit
from budgetacct.auditing import REGISTRY
from budgetacct.codes import FunctionCode
from budgetacct.errors import InvalidValue, InvariantError
from budgetacct.model import (
    BudgetedFigure,
    ExpenditureKind,
    FunctionLine,
    GeneralBudget,
    KindLine,
    OperatingCosts,
    Overview,
    Procurement,
    Revenue,
    RevenueSource,
    SourceLine,
    Staffing,
    ThreePublic,
    UnitStaffing,
)
from budgetacct.model.disclosure import Count, Expenditure
from budgetacct.money import Direction

A = Amount
P = Percent


def disclosure(**sections: object) -> Disclosure:
    return Disclosure(year=2021, department="测试部门", **sections)  # type: ignore[arg-type]


def severities(d: Disclosure, rule: str) -> list[Severity]:
    return [f.severity for f in audit(d).by_rule(rule)]


def revenue(total: str, *parts: str, shares: tuple[str, ...] = ()) -> Revenue:
    sources = list(RevenueSource)
    lines = tuple(SourceLine(sources[i], A(p), P(shares[i]) if shares else None) for i, p in enumerate(parts))
    return Revenue(total=A(total), lines=lines)


@pytest.mark.parametrize(
    ("total", "parts", "expected"),
    [
        ("100", ("60", "40"), []),
        ("100.01", ("60", "40"), [Severity.NOTE]),
        ("100.02", ("60", "40"), [Severity.ERROR]),
        ("830.63", ("739", "91.5", "0.13"), []),
        ("830.65", ("739", "91.5", "0.13"), [Severity.NOTE]),
        ("830.66", ("739", "91.5", "0.13"), [Severity.ERROR]),
    ],
)
def test_sum_rule_tolerance_grows_with_parts(
    total: str, parts: tuple[str, ...], expected: list[Severity]
) -> None:
    assert severities(disclosure(revenue=revenue(total, *parts)), "R1") == expected


def test_partial_report_is_checked_on_what_it_states() -> None:
    partial = disclosure(revenue=Revenue(total=A("10")), overview=Overview(revenue_grand_total=A("12")))
    assert audit(partial).findings == ()


def test_shares_forced_to_100_are_a_note_other_slips_an_error() -> None:
    seed_like = revenue("830.63", "739", "91.5", "0.13", shares=("88.96", "11.02", "0.02"))
    assert severities(disclosure(revenue=seed_like), "R37") == [Severity.NOTE]
    # A 0.01 move that does not make the group total 100.00 is not an adjustment: an error.
    wrong = revenue("830.63", "739", "91.5", "0.13", shares=("88.97", "11.01", "0.03"))
    assert Severity.ERROR in severities(disclosure(revenue=wrong), "R37")
    off_by_two = revenue("830.63", "739", "91.5", "0.13", shares=("88.95", "11.03", "0.02"))
    assert Severity.ERROR in severities(disclosure(revenue=off_by_two), "R37")


def test_share_outside_0_100_is_an_error() -> None:
    bad = revenue("10", "10", shares=("120",))
    assert severities(disclosure(revenue=bad), "R37") == [Severity.ERROR]


def grand(current: str, change: StatedChange) -> Disclosure:
    return disclosure(
        overview=Overview(revenue_grand_total=A(current), expenditure_grand_total=A(current), change=change)
    )


@pytest.mark.parametrize(
    ("current", "change", "expected"),
    [
        ("874.63", StatedChange(Direction.DECREASE, A("19.37"), P("2.17")), []),
        ("874.63", StatedChange(Direction.DECREASE, A("19.37"), P("2.17"), A("894")), []),
        ("874.63", StatedChange(Direction.INCREASE, A("19.37"), P("2.17"), A("894")), [Severity.ERROR]),
        ("874.63", StatedChange(Direction.DECREASE, A("19.37"), P("2.27")), [Severity.ERROR]),
        ("874.63", StatedChange(Direction.DECREASE, A("19.38"), None, A("894")), [Severity.NOTE]),
        ("874.63", StatedChange(Direction.DECREASE, A("20.37"), None, A("894")), [Severity.ERROR]),
        ("74.27", StatedChange(Direction.INCREASE, A("5.05"), P("7.3")), []),
        # 7.29% is within what the printed figures allow (prior year 69.22 ± 0.01): no finding.
        ("74.27", StatedChange(Direction.INCREASE, A("5.05"), P("7.29")), []),
        ("74.27", StatedChange(Direction.INCREASE, A("5.05"), P("7.4")), [Severity.ERROR]),
        ("5", StatedChange(Direction.INCREASE, A("5"), P("100")), [Severity.ERROR]),
        ("5", StatedChange(Direction.INCREASE, A("5"), None, A("0")), []),
        ("0.07", StatedChange(Direction.FLAT), []),
        ("0.07", StatedChange(Direction.FLAT, previous=A("0.07")), []),
        ("0.07", StatedChange(Direction.FLAT, previous=A("0.09")), [Severity.ERROR]),
        ("0.07", StatedChange(Direction.FLAT, amount=A("1")), [Severity.ERROR]),
    ],
)
def test_yoy_changes(current: str, change: StatedChange, expected: list[Severity]) -> None:
    assert severities(grand(current, change), "R38") == expected


def test_three_public_identities_and_completion() -> None:
    ok = ThreePublic(
        total=BudgetedFigure(
            actual=A("0.07"), budget=A("0.07"), completion=P("100"), versus_budget=StatedChange.flat()
        ),
        outbound=BudgetedFigure(actual=A("0")),
        vehicles=BudgetedFigure(actual=A("0")),
        vehicle_purchase=BudgetedFigure(actual=A("0")),
        vehicle_operation=BudgetedFigure(actual=A("0")),
        reception=BudgetedFigure(actual=A("0.07")),
        domestic_reception=BudgetedFigure(actual=A("0.07")),
        foreign_reception=BudgetedFigure(actual=A("0")),
        domestic_batches=1,
        domestic_people=10,
    )
    assert audit(disclosure(three_public=ok)).findings == ()
    wrong_total = ThreePublic(
        total=BudgetedFigure(actual=A("1.07")),
        outbound=BudgetedFigure(actual=A("0")),
        vehicles=BudgetedFigure(actual=A("0")),
        reception=BudgetedFigure(actual=A("0.07")),
    )
    assert severities(disclosure(three_public=wrong_total), "R27") == [Severity.ERROR]
    contradiction = ThreePublic(
        total=BudgetedFigure(
            actual=A("0.07"), budget=A("0.10"), completion=P("100"), versus_budget=StatedChange.flat()
        )
    )
    assert Severity.ERROR in severities(disclosure(three_public=contradiction), "R39")
    no_batches = ThreePublic(
        domestic_reception=BudgetedFigure(actual=A("2")), domestic_batches=0, domestic_people=0
    )
    assert severities(disclosure(three_public=no_batches), "R31") == [Severity.WARNING]


def test_function_roll_up_and_names() -> None:
    gb = GeneralBudget(
        total=A("100"),
        classes=(FunctionLine(FunctionCode("201"), A("100"), name="一般公共服务支出"),),
        items=(
            FunctionLine(FunctionCode("2010301"), A("60"), name="行政运行"),
            FunctionLine(FunctionCode("2010302"), A("41"), name="一般行政管理事物"),
        ),
    )
    report = audit(disclosure(general_budget=gb))
    assert {f.severity for f in report.by_rule("R40")} == {Severity.ERROR}
    names = report.by_rule("R56")
    assert [(f.severity, f.expected) for f in names] == [(Severity.WARNING, "一般行政管理事务")]


def test_an_incomplete_item_list_is_checked_item_by_item_but_not_summed() -> None:
    items = (
        FunctionLine(FunctionCode("20103"), A("100"), name="政府办公厅（室）及相关机构事务"),
        FunctionLine(FunctionCode("2010301"), A("60"), name="行政运行", budget=A("60"), completion=P("90")),
    )
    gb = GeneralBudget(
        total=A("100"),
        structure_total=A("100"),
        classes=(FunctionLine(FunctionCode("201"), A("100"), name="一般公共服务支出"),),
        detail_total=A("100"),
        items=items,
    )
    complete = audit(disclosure(general_budget=gb))
    # As a complete list: 60 is not 100 (R40, the total and class 201) nor 20103's only child (R9).
    assert {f.path for f in complete.by_rule("R40")} == {
        "$.general_budget.detail_total",
        "$.general_budget.classes[0].amount",
    }
    assert [f.path for f in complete.by_rule("R9")] == ["$.general_budget.items[0].amount"]
    partial = audit(disclosure(general_budget=attrs.evolve(gb, items_complete=False)))
    assert not partial.by_rule("R40") and not partial.by_rule("R9")
    # Each item is still checked on its own: 60 of 60 is 100%, not the 90% printed.
    assert [f.path for f in partial.by_rule("R39")] == ["$.general_budget.items[1].completion"]
    # The classes are still checked against the total.
    wrong_classes = attrs.evolve(gb, items_complete=False, structure_total=A("90"))
    assert [f.path for f in audit(disclosure(general_budget=wrong_classes)).by_rule("R40")] == [
        "$.general_budget.structure_total"
    ]


def test_items_complete_must_be_a_bool() -> None:
    with pytest.raises(InvalidValue):
        GeneralBudget(items_complete="no")  # type: ignore[arg-type]


def test_unknown_code_is_a_warning_naming_the_catalogue() -> None:
    gb = GeneralBudget(total=A("1"), items=(FunctionLine(FunctionCode("2019998"), A("1")),))
    (finding,) = audit(disclosure(general_budget=gb)).by_rule("R56")
    assert finding.severity is Severity.WARNING
    assert "2021" in finding.message.zh


def test_catalogue_of_another_year_is_named() -> None:
    d = Disclosure(
        year=2023,
        department="测试部门",
        general_budget=GeneralBudget(total=A("1"), items=(FunctionLine(FunctionCode("2019998"), A("1")),)),
    )
    (finding,) = audit(d).by_rule("R56")
    assert "无2023年目录" in finding.message.zh


def test_procurement_and_operating_costs() -> None:
    p = Procurement(total=A("10"), goods=A("5"), works=A("3"), services=A("1"), sme=A("11"))
    report = audit(disclosure(procurement=p))
    assert {f.rule for f in report.errors} == {"R44"}
    assert len(report.by_rule("R44")) == 2
    oc = disclosure(
        operating_costs=OperatingCosts(amount=A("80")),
        basic_expenditure=__import__("budgetacct.model", fromlist=["BasicExpenditure"]).BasicExpenditure(
            total=A("100"), personnel=A("25"), public=A("75")
        ),
    )
    assert severities(oc, "R43") == [Severity.ERROR]


def test_staffing_counts_are_exact() -> None:
    staffing = Staffing(
        units=(
            UnitStaffing("办公室", actual=15, actual_by_category=(Count("公务员", 8), Count("工勤人员", 7))),
            UnitStaffing("中心", actual=12),
        ),
        total_actual=28,
    )
    report = audit(disclosure(staffing=staffing))
    assert [(f.path, f.severity) for f in report.by_rule("R46")] == [
        ("$.staffing.total_actual", Severity.ERROR)
    ]


def test_kind_lines_and_business_note() -> None:
    e = Expenditure(
        total=A("10"),
        lines=(KindLine(ExpenditureKind.BASIC, A("8")), KindLine(ExpenditureKind.BUSINESS, A("2"))),
    )
    report = audit(disclosure(expenditure=e))
    assert [f.severity for f in report.by_rule("R7")] == [Severity.NOTE]
    assert report.ok


def test_validated_raises_invariant_error_with_every_error() -> None:
    bad = disclosure(revenue=revenue("100.5", "60", "40"))
    with pytest.raises(InvariantError) as info:
        bad.validated()
    assert [f.rule for f in info.value.findings] == ["R1"]
    assert isinstance(info.value, ValueError)
    good = disclosure(revenue=revenue("100", "60", "40"))
    assert good.validated() is good
    assert good.check() == ()


def test_audit_refuses_other_objects() -> None:
    with pytest.raises(InvalidValue):
        audit("not a report")  # type: ignore[arg-type]


def test_registry_entries_are_documented() -> None:
    assert len(REGISTRY) >= 35
    for entry in REGISTRY:
        assert entry.id.startswith("R")
        assert entry.title_zh and entry.title_en and entry.formula and entry.tolerance
    with pytest.raises(ValueError, match="twice"):
        REGISTRY.add(next(iter(REGISTRY)))


def test_model_constructors_reject_bad_values_with_paths() -> None:
    with pytest.raises(InvalidValue, match=r"\$\.amount"):
        SourceLine(RevenueSource.OTHER, A("-1"))
    with pytest.raises(InvalidValue, match=r"\$\.amount"):
        SourceLine(RevenueSource.OTHER, "1")  # type: ignore[arg-type]
    with pytest.raises(InvalidValue, match=r"\$\.lines\[1\]"):
        Revenue(lines=(SourceLine(RevenueSource.OTHER, A("1")), "x"))  # type: ignore[arg-type]
    with pytest.raises(InvalidValue, match=r"\$\.lines"):
        Revenue(lines=[SourceLine(RevenueSource.OTHER, A("1"))])  # type: ignore[arg-type]
    with pytest.raises(InvalidValue, match=r"\$\.year"):
        Disclosure(year=1800, department="x")
    with pytest.raises(InvalidValue, match=r"\$\.count"):
        Count("公务员", -1)
    with pytest.raises(InvalidValue):
        Count("公务员", True)  # type: ignore[arg-type]


def test_audit_results_do_not_depend_on_the_global_decimal_context() -> None:
    import decimal

    from budgetacct import load_example

    expected = [(f.rule, f.severity, f.path, f.expected) for f in audit(load_example("xiqu-2021")).findings]
    with decimal.localcontext() as ctx:
        ctx.prec = 3
        ctx.rounding = decimal.ROUND_DOWN
        found = [(f.rule, f.severity, f.path, f.expected) for f in audit(load_example("xiqu-2021")).findings]
        assert ctx.prec == 3
    assert found == expected
