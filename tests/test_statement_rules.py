"""Statements about the figures (R99, R100), and the completion rate printed against a budget of 0.

The first case is one real reports print: “决算数大于预算数” of 1,511.89 against a 年初预算 of
1,560.05 — right figures, wrong word.
"""

from __future__ import annotations

import attrs
import pytest

from budgetacct import Amount, Disclosure, Percent, audit, load_example
from budgetacct.auditing import REGISTRY, run_rules
from budgetacct.auditing.check import Checker
from budgetacct.codes import FunctionCode
from budgetacct.io import converter
from budgetacct.io.json import dump
from budgetacct.model import (
    Assets,
    Budget,
    BudgetedFigure,
    FunctionLine,
    GeneralBudget,
    StatedChange,
    ThreePublic,
)
from budgetacct.model.enums import Severity
from budgetacct.model.tables import Column, Line, Measure, Panel, StandardTable, TableKind, TableRow
from budgetacct.money import Direction
from budgetacct.render.narrative import render_narrative

A = Amount
_INCREASE, _DECREASE, _FLAT = Direction.INCREASE, Direction.DECREASE, Direction.FLAT


def _item(
    amount: str,
    budget: str | None,
    direction: Direction | None,
    completion: str | None = None,
) -> FunctionLine:
    return FunctionLine(
        FunctionCode("2010301"),
        A(amount),
        name="行政运行",
        budget=None if budget is None else A(budget),
        completion=None if completion is None else Percent(completion),
        versus_budget=None if direction is None else StatedChange(direction),
    )


def _with_items(*items: FunctionLine, year: int = 2021) -> Disclosure:
    return Disclosure(year=year, department="示例部门", general_budget=GeneralBudget(items=items))


def _exact(d: Disclosure, rule_id: str) -> tuple[Severity, ...]:
    return tuple(f.severity for f in run_rules(Checker(d, exact=True), [REGISTRY[rule_id]]).findings)


def _r99(d: Disclosure) -> tuple[tuple[Severity, str], ...]:
    return tuple((f.severity, f.path) for f in audit(d, rules=["R99"]).findings)


# --- R99: 大于/小于/持平 against 年初预算 and 决算 ------------------------------------------------


def test_above_the_budget_of_a_smaller_final_figure_is_an_error() -> None:
    (finding,) = audit(_with_items(_item("1511.89", "1560.05", _INCREASE)), rules=["R99"]).findings
    assert finding.severity is Severity.ERROR
    assert finding.path == "$.general_budget.items[0].versus_budget"
    assert "1511.89" in finding.message.zh and "1560.05" in finding.message.zh
    assert "大于" in finding.message.zh


@pytest.mark.parametrize(
    ("amount", "budget", "direction"),
    [("1511.89", "1560.05", _DECREASE), ("1560.05", "1511.89", _INCREASE), ("100.00", "100.00", _FLAT)],
)
def test_the_right_word_is_no_finding(amount: str, budget: str, direction: Direction) -> None:
    assert _r99(_with_items(_item(amount, budget, direction))) == ()


@pytest.mark.parametrize(
    ("amount", "budget", "direction"),
    [("1560.05", "1511.89", _DECREASE), ("100.01", "100.00", _FLAT), ("99.99", "100.00", _FLAT)],
)
def test_a_word_the_printed_figures_rule_out_is_an_error(
    amount: str, budget: str, direction: Direction
) -> None:
    assert _r99(_with_items(_item(amount, budget, direction))) == (
        (Severity.ERROR, "$.general_budget.items[0].versus_budget"),
    )


def test_a_difference_of_one_printed_cent_settles_above_or_below() -> None:
    # 100.01 stands for [100.005, 100.015), 100.00 for [99.995, 100.005): they cannot meet.
    assert _r99(_with_items(_item("100.01", "100.00", _INCREASE), _item("100.00", "100.01", _DECREASE))) == ()


@pytest.mark.parametrize("direction", [_INCREASE, _DECREASE])
def test_above_or_below_of_equal_printed_figures_is_a_warning_saying_why(direction: Direction) -> None:
    (finding,) = audit(_with_items(_item("100.00", "100.00", direction)), rules=["R99"]).findings
    assert finding.severity is Severity.WARNING
    assert "四舍五入以内相等" in finding.message.zh and "持平" in finding.message.zh


def test_equal_within_rounding_of_figures_printed_to_different_places_is_a_note() -> None:
    assert _r99(_with_items(_item("100.002", "100.00", _FLAT))) == (
        (Severity.NOTE, "$.general_budget.items[0].versus_budget"),
    )


def test_exact_figures_allow_no_rounding() -> None:
    assert _exact(_with_items(_item("100.00", "100.00", _INCREASE)), "R99") == (Severity.ERROR,)
    assert _exact(_with_items(_item("100.00", "100.00", _FLAT)), "R99") == ()


@pytest.mark.parametrize(
    ("completion", "direction", "wrong"),
    [
        ("96.91", _INCREASE, True),
        ("96.91", _DECREASE, False),
        ("103.2", _DECREASE, True),
        ("103.2", _INCREASE, False),
        ("99.5", _FLAT, True),
        ("100", _FLAT, False),
    ],
)
def test_without_a_budget_the_word_is_checked_against_the_completion_rate(
    completion: str, direction: Direction, wrong: bool
) -> None:
    found = _r99(_with_items(_item("1511.89", None, direction, completion)))
    assert found == (((Severity.ERROR, "$.general_budget.items[0].versus_budget"),) if wrong else ())


def test_an_item_without_a_stated_comparison_is_not_checked() -> None:
    assert _r99(_with_items(_item("1511.89", "1560.05", None))) == ()


def test_a_three_public_comparison_of_equal_printed_figures_is_a_warning_not_r39s_error() -> None:
    figure = BudgetedFigure(
        actual=A("3.00"), budget=A("3.00"), versus_budget=StatedChange(_INCREASE, previous=A("3.00"))
    )
    d = Disclosure(year=2021, department="示例部门", three_public=ThreePublic(reception=figure))
    found = audit(d, rules=["R39", "R99"]).findings
    assert [(f.rule, f.severity, f.path) for f in found if f.severity is not Severity.NOTE] == [
        ("R99", Severity.WARNING, "$.three_public.reception.versus_budget")
    ]


def test_a_three_public_comparison_the_figures_rule_out_is_left_to_r39() -> None:
    figure = BudgetedFigure(actual=A("2.00"), budget=A("3.00"), versus_budget=StatedChange(_INCREASE))
    d = Disclosure(year=2021, department="示例部门", three_public=ThreePublic(reception=figure))
    assert audit(d, rules=["R99"]).findings == ()
    assert [f.severity for f in audit(d, rules=["R39"]).findings] == [Severity.ERROR]


# --- 完成年初预算X% when 年初预算 is 0 (R39) ------------------------------------------------------


def test_a_completion_rate_of_an_item_whose_budget_is_0_is_an_error() -> None:
    d = _with_items(_item("12.30", "0.00", None, "100"))
    (finding,) = audit(d, rules=["R39"]).findings
    assert finding.severity is Severity.ERROR
    assert finding.path == "$.general_budget.items[0].completion"
    assert "基数印为0" in finding.message.zh


def test_a_three_public_completion_rate_against_a_budget_of_0_is_an_error() -> None:
    figure = BudgetedFigure(actual=A("1.20"), budget=A("0"), completion=Percent("100"))
    d = Disclosure(year=2021, department="示例部门", three_public=ThreePublic(outbound=figure))
    (finding,) = audit(d, rules=["R39"]).findings
    assert (finding.severity, finding.path) == (Severity.ERROR, "$.three_public.outbound.completion")


def test_a_completion_rate_against_an_exact_budget_of_0_is_an_error() -> None:
    d = _with_items(_item("12.30", "0", None, "100"))
    (finding,) = run_rules(Checker(d, exact=True), [REGISTRY["R39"]]).findings
    assert finding.severity is Severity.ERROR
    assert "基数为0" in finding.message.zh


# --- R100: years ------------------------------------------------------------------------------


def _with_assets(as_of: str, year: int = 2021) -> Disclosure:
    return Disclosure(year=year, department="示例部门", assets=Assets(vehicles_total=3, as_of=as_of))


def test_assets_as_of_another_year_is_a_warning_naming_both_years() -> None:
    (finding,) = audit(_with_assets("2020年12月31日"), rules=["R100"]).findings
    assert (finding.severity, finding.path) == (Severity.WARNING, "$.assets.as_of")
    assert "2021年12月31日" in finding.message.zh and "2020" in finding.message.zh
    assert audit(_with_assets("2021年12月31日"), rules=["R100"]).findings == ()


def _titled(title: str) -> StandardTable:
    panel = Panel((Column(Measure.EXPENDITURE),), (TableRow.of_line(Line.TOTAL, (A("1.00"),)),))
    return StandardTable(TableKind.GOVERNMENT_FUND, title, (panel,))


@pytest.mark.parametrize(
    ("title", "wrong"),
    [
        ("2020年度政府性基金预算财政拨款收入支出决算表", True),
        ("2021年度政府性基金预算财政拨款收入支出决算表", False),
        ("政府性基金预算财政拨款收入支出决算表", False),
        ("2021年与2020年对比表", False),
    ],
)
def test_a_table_title_naming_another_year_is_a_warning(title: str, wrong: bool) -> None:
    d = Disclosure(year=2021, department="示例部门", tables=(_titled(title),))
    found = [(f.severity, f.path) for f in audit(d, rules=["R100"]).findings]
    assert found == ([(Severity.WARNING, "$.tables[0].title")] if wrong else [])


def test_the_seed_report_names_its_own_year() -> None:
    assert audit(load_example("xiqu-2021"), rules=["R100"]).findings == ()


# --- the model, JSON and the narrative --------------------------------------------------------


def test_the_stated_comparison_survives_a_json_round_trip() -> None:
    d = _with_items(_item("1511.89", "1560.05", _DECREASE))
    back = converter.structure(converter.unstructure(d), Disclosure)
    assert back == d
    assert back.general_budget is not None
    assert back.general_budget.items[0].versus_budget == StatedChange(_DECREASE)
    assert '"versus_budget"' in dump(d)


def _rendered(direction: Direction | None, template: str) -> str:
    item = _item("1511.89", "1560.05", direction)
    d = Disclosure(
        year=2021, department="示例部门", general_budget=GeneralBudget(total=A("1511.89"), items=(item,))
    )
    return render_narrative(d, template=template).text


@pytest.mark.parametrize(
    ("direction", "grouped", "paragraph"),
    [
        (_INCREASE, "决算数大于年初预算数", "决算数大于预算数的主要原因"),
        (_DECREASE, "决算数小于年初预算数", "决算数小于预算数的主要原因"),
        (_FLAT, "决算数与年初预算数持平", "决算数与预算数持平。"),
    ],
)
def test_the_narrative_prints_the_stated_word_even_where_the_figures_disagree(
    direction: Direction, grouped: str, paragraph: str
) -> None:
    assert grouped in _rendered(direction, "sichuan-2021")
    assert paragraph in _rendered(direction, "all-lines")


def test_without_a_stated_word_the_narrative_words_it_from_the_figures() -> None:
    assert "年初预算数" not in _rendered(None, "sichuan-2021")
    per_item = _rendered(None, "all-lines")
    assert "决算数小于预算数" in per_item and "决算数大于预算数" not in per_item


def test_an_item_without_the_field_reads_as_before() -> None:
    line = _item("1.00", "1.00", None)
    assert attrs.evolve(line, versus_budget=None) == line
    assert "versus_budget" not in converter.unstructure(line)


def _budget_with_assets(as_of: str) -> Budget:
    return attrs.evolve(
        load_example("ptczj-2025", kind="budget"), assets=Assets(vehicles_total=0, as_of=as_of)
    )


@pytest.mark.parametrize(
    ("as_of", "wrong"), [("2024年8月31日", False), ("2025年1月31日", False), ("2023年8月31日", True)]
)
def test_a_budget_states_its_assets_in_its_own_or_the_previous_year(as_of: str, wrong: bool) -> None:
    found = [(f.severity, f.path) for f in audit(_budget_with_assets(as_of), rules=["R100"]).findings]
    assert found == ([(Severity.WARNING, "$.assets.as_of")] if wrong else [])


def test_the_bundled_budget_names_its_own_year() -> None:
    assert audit(load_example("ptczj-2025", kind="budget"), rules=["R100"]).findings == ()


def test_a_budget_table_titled_with_last_year_is_a_warning() -> None:
    budget = load_example("ptczj-2025", kind="budget")
    table = attrs.evolve(budget.tables[0], title="2024年部门财务收支预算总表")
    moved = attrs.evolve(budget, tables=(table, *budget.tables[1:]))
    found = [(f.rule, f.severity, f.path) for f in audit(moved).findings if f.rule == "R100"]
    assert found == [("R100", Severity.WARNING, "$.tables[0].title")]
