"""The cattrs converter and the JSON form: exact round trips, strict types, every problem reported."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any, cast

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from budgetacct import Amount, Direction, InputError, Percent
from budgetacct.auditing.finding import Finding, Message
from budgetacct.codes import EconomicCode, FunctionCode
from budgetacct.examples import example_path, load_example
from budgetacct.io import dump, dump_to, load, loads, structure, structure_document, unstructure
from budgetacct.io.converter import describe
from budgetacct.model import (
    Assets,
    BasicExpenditure,
    BudgetedFigure,
    BudgetLine,
    Count,
    Disclosure,
    EconomicLine,
    Expenditure,
    ExpenditureItem,
    ExpenditureKind,
    Fiscal,
    FunctionLine,
    Fund,
    FundAmount,
    FundFlow,
    FundingSplit,
    FundSpending,
    GeneralBudget,
    Indicator,
    KindLine,
    Ledger,
    OperatingCosts,
    Overview,
    Performance,
    PriorYear,
    Procurement,
    ProcurementAccount,
    ProjectEvaluation,
    Revenue,
    RevenueItem,
    RevenueRow,
    RevenueSource,
    Severity,
    SourceLine,
    Staffing,
    StatedChange,
    ThreePublic,
    ThreePublicAccount,
    UnitStaffing,
)

A = Amount
P = Percent


def change(direction: Direction = Direction.DECREASE) -> StatedChange:
    return StatedChange(direction, A("19.37"), P("2.17"), A("894.00"))


def function_line(code: str = "2010301", amount: str = "423.59", **kw: Any) -> FunctionLine:
    return FunctionLine(FunctionCode(code), A(amount), **kw)


def full_disclosure() -> Disclosure:
    """Every section, every field type, digits that must survive (``739.00``, ``0.130``)."""
    figure = BudgetedFigure(
        A("5.20"), A("6"), P("86.67"), change(Direction.DECREASE), StatedChange.flat(A("5.2"))
    )
    evaluation = ProjectEvaluation(
        name="信息化建设",
        department="区政府办公室",
        implementing_unit="区政策研究中心",
        budget=FundingSplit(A("44"), A("44.00"), A("0")),
        executed=FundingSplit(A("44"), fiscal=A("44")),
        goal_expected="完成年度任务",
        goal_actual="已完成",
        indicators=(
            Indicator(
                "产出指标", "数量指标", "参加业务培训", "3次以上", "3次", Decimal("10"), Decimal("9.5"), "无"
            ),
            Indicator("效益指标", "社会效益指标", "群众满意度", "≥90%"),
        ),
        execution_weight=Decimal("10.0"),
        execution_score=Decimal("10"),
        total_score=Decimal("98.50"),
        grade="优",
    )
    return Disclosure(
        year=2021,
        department="攀枝花市西区人民政府办公室",
        template="sichuan-2021",
        overview=Overview(A("874.63"), A("874.63"), change(), A("0"), A("44"), A("0.00"), A("0.13")),
        revenue=Revenue(
            total=A("830.63"),
            lines=(
                SourceLine(RevenueSource.GENERAL_BUDGET, A("739.00"), P("88.96")),
                SourceLine(RevenueSource.OTHER, A("0.130"), P("0.02")),
            ),
            change=change(Direction.INCREASE),
            rows=(
                RevenueRow(
                    FunctionCode("201"),
                    A("614"),
                    "一般公共服务支出",
                    A("614"),
                    A("0"),
                    A("0"),
                    A("0"),
                    A("0"),
                    A("0"),
                ),
            ),
        ),
        expenditure=Expenditure(
            total=A("874.5"),
            lines=(KindLine(ExpenditureKind.BASIC, A("782.99"), P("89.54")),),
            change=change(),
            classes=(function_line("201", "614", name="一般公共服务支出", share=P("78.42")),),
            rows=(
                function_line(
                    "2010301",
                    "423.59",
                    name="行政运行",
                    parent_names=("一般公共服务", "政府办公厅（室）及相关机构事务"),
                    share=P("54.10"),
                    budget=A("423.59"),
                    completion=P("100"),
                    basic=A("423.59"),
                    project=A("0"),
                    remittance=A("0"),
                    business=A("0"),
                    affiliate_subsidy=A("0"),
                ),
            ),
        ),
        fiscal=Fiscal(
            A("874.5"),
            change(),
            A("830.5"),
            A("874.5"),
            A("44"),
            A("0"),
            (FundFlow(Fund.GENERAL_BUDGET, A("44"), A("739"), A("783"), A("0")),),
        ),
        general_budget=GeneralBudget(
            total=A("783"),
            share=P("89.54"),
            change=change(),
            structure_total=A("783"),
            classes=(function_line("201", "614", share=P("78.42")),),
            detail_total=A("783"),
            detail_budget=A("783"),
            detail_completion=P("100"),
            items=(function_line("2010301", "423.59", completion=P("100")),),
            rows=(function_line("2010302", "44"),),
        ),
        basic_expenditure=BasicExpenditure(
            A("739"),
            A("664.73"),
            A("74.27"),
            (
                EconomicLine(EconomicCode("30101"), A("200.5"), "基本工资"),
                EconomicLine(EconomicCode("50201"), A("1")),
            ),
        ),
        three_public=ThreePublic(
            total=figure,
            outbound=BudgetedFigure(A("0")),
            vehicles=BudgetedFigure(),
            vehicle_purchase=BudgetedFigure(budget=A("0")),
            vehicle_operation=BudgetedFigure(completion=P("0")),
            reception=figure,
            domestic_reception=figure,
            foreign_reception=BudgetedFigure(change=StatedChange.flat()),
            foreign_included_in_domestic=True,
            outbound_groups=0,
            outbound_people=0,
            vehicles_purchased=0,
            vehicles_held=1,
            domestic_batches=1,
            domestic_people=10,
            foreign_batches=0,
            foreign_people=0,
        ),
        government_fund=FundSpending(
            A("91.5"), change(), (function_line("2120803", "91.5"),), A("0"), A("91.5"), A("0")
        ),
        state_capital=FundSpending(total=A("0")),
        operating_costs=OperatingCosts(A("74.27"), change(Direction.INCREASE)),
        procurement=Procurement(A("10"), A("5"), A("0"), A("5"), A("10"), P("100"), A("10"), P("100.00")),
        assets=Assets(2, (Count("主要领导干部用车", 0), Count("一般公务用车", 2)), 0, 1, "2021年12月31日"),
        staffing=Staffing(
            units=(
                UnitStaffing(
                    "区政府办公室", 14, (Count("行政", 6), Count("事业", 8)), 15, (Count("行政", 7),), 11
                ),
                UnitStaffing("区政策研究中心"),
            ),
            total_authorized=14,
            total_actual=15,
            total_retired=11,
        ),
        performance=Performance(6, 6, 6, 6, (evaluation,), True, False, True, "优"),
    )


def full_ledger() -> Ledger:
    return Ledger(
        year=2021,
        department="示例部门",
        revenue=(
            RevenueItem(RevenueSource.GENERAL_BUDGET, A("739.00"), FunctionCode("2010301")),
            RevenueItem(RevenueSource.OTHER, A("0.130")),
        ),
        expenditure=(
            ExpenditureItem(
                FunctionCode("2010301"),
                Fund.GENERAL_BUDGET,
                ExpenditureKind.BASIC,
                A("423.5912"),
                EconomicCode("30101"),
                "人员",
            ),
            ExpenditureItem(
                FunctionCode("2120803"), Fund.GOVERNMENT_FUND, ExpenditureKind.PROJECT, A("91.5")
            ),
        ),
        opening_balances=(FundAmount(Fund.NON_FISCAL, A("44.00")),),
        non_fiscal_balance_used=A("0.00"),  # equal to the default 0 but written differently
        surplus_distribution=A("1.5"),
        budgets=(
            BudgetLine(FunctionCode("2010301"), A("500"), Fund.NON_FISCAL),
            BudgetLine(FunctionCode("201"), A("1")),
        ),
        three_public=ThreePublicAccount(
            outbound=A("0"),
            vehicle_purchase=A("0.000"),
            vehicle_operation=A("3.2"),
            domestic_reception=A("1"),
            foreign_reception=A("0"),
            budget_outbound=A("1"),
            budget_vehicle_purchase=A("0"),
            budget_vehicle_operation=A("4"),
            budget_domestic_reception=A("2"),
            budget_foreign_reception=A("0"),
            foreign_included_in_domestic=True,
            outbound_groups=1,
            outbound_people=2,
            vehicles_purchased=0,
            vehicles_held=1,
            domestic_batches=3,
            domestic_people=30,
            foreign_batches=0,
            foreign_people=0,
        ),
        operating_costs=A("74.27"),
        procurement=ProcurementAccount(A("5"), A("0.0"), A("5"), A("10"), A("2")),
        assets=Assets(vehicles_total=1),
        staffing=Staffing(total_actual=3),
        performance=Performance(claims_fully_executed=False),
        prior=PriorYear(
            A("894"),
            A("893.16"),
            A("800"),
            A("890"),
            A("797.02"),
            A("0"),
            A("0"),
            A("69.22"),
            ThreePublicAccount(outbound=A("1")),
        ),
    )


def decimal_texts(obj: object) -> list[str]:
    """str() of every Amount, Percent and Decimal inside ``obj``, in a fixed order."""
    import attrs

    found: list[str] = []
    if isinstance(obj, (Amount, Percent, Decimal)):
        found.append(str(obj))
    elif isinstance(obj, tuple):
        for item in obj:
            found += decimal_texts(item)
    elif attrs.has(type(obj)):
        for field in attrs.fields(cast(Any, type(obj))):
            found += decimal_texts(getattr(obj, field.name))
    return found


# --- round trips ------------------------------------------------------------------------------


@pytest.mark.parametrize("build", [full_disclosure, full_ledger], ids=["disclosure", "ledger"])
def test_round_trip_is_exact(build: Callable[[], Disclosure | Ledger]) -> None:
    original = build()
    data = unstructure(original)
    back = structure(data, type(original))
    assert back == original
    assert decimal_texts(back) == decimal_texts(original)
    text = dump(original)
    again = loads(text)
    assert again == original
    assert dump(again) == text
    assert decimal_texts(again) == decimal_texts(original)


def test_decimal_text_is_kept_verbatim() -> None:
    text = dump(full_disclosure())
    assert '"amount": "739.00"' in text
    assert '"amount": "0.130"' in text
    assert '"total_score": "98.50"' in text
    ledger = loads(dump(full_ledger()))
    assert isinstance(ledger, Ledger)
    assert str(ledger.non_fiscal_balance_used) == "0.00"
    assert ledger.three_public is not None
    assert str(ledger.three_public.vehicle_purchase) == "0.000"


def test_dump_conventions() -> None:
    small = Disclosure(year=2021, department="示例部门", revenue=Revenue(total=A("1.50")))
    text = dump(small)
    assert text.endswith("}\n")
    assert text == (
        "{\n"
        '  "type": "Disclosure",\n'
        '  "year": 2021,\n'
        '  "department": "示例部门",\n'
        '  "revenue": {\n'
        '    "total": "1.50"\n'
        "  }\n"
        "}\n"
    )
    assert (
        dump(small, indent=None)
        == '{"type":"Disclosure","year":2021,"department":"示例部门","revenue":{"total":"1.50"}}\n'
    )


def test_keys_follow_attribute_order_and_defaults_are_omitted() -> None:
    data = unstructure(full_disclosure())
    import attrs

    assert list(data) == [f.name for f in attrs.fields(Disclosure) if f.name in data]
    assert unstructure(Ledger(year=2021, department="x")) == {"year": 2021, "department": "x"}
    assert unstructure(ThreePublic()) == {}
    assert unstructure(BudgetLine(FunctionCode("201"), A("1"))) == {"function": "201", "amount": "1"}
    assert unstructure(BudgetLine(FunctionCode("201"), A("1"), Fund.NON_FISCAL))["fund"] == "非财政拨款"


def test_value_conventions() -> None:
    line = unstructure(function_line("2010301", "423.59", parent_names=("一般公共服务",), share=P("0.130")))
    assert line == {"code": "2010301", "amount": "423.59", "parent_names": ["一般公共服务"], "share": "0.130"}
    assert unstructure(StatedChange(Direction.FLAT)) == {"direction": "持平"}
    assert (
        unstructure(SourceLine(RevenueSource.GENERAL_BUDGET, A("739")))["source"]
        == "一般公共预算财政拨款收入"
    )
    finding = Finding("R1", Severity.WARNING, "$.revenue.total", "1", "2", "-1", None, Message("中", "en"))
    assert unstructure(finding) == {
        "rule": "R1",
        "severity": "warning",
        "path": "$.revenue.total",
        "expected": "1",
        "actual": "2",
        "difference": "-1",
        "tolerance": None,
        "message": {"zh": "中", "en": "en"},
    }
    assert structure(unstructure(finding), Finding) == finding
    assert unstructure(A("1.10")) == "1.10"
    assert unstructure(EconomicCode("30217")) == "30217"
    assert structure("30217", EconomicCode) == EconomicCode("30217")
    assert structure("一般公共预算财政拨款", Fund) is Fund.GENERAL_BUDGET


# --- bad documents ----------------------------------------------------------------------------


def base_document() -> dict[str, Any]:
    return {
        "type": "Disclosure",
        "year": 2021,
        "department": "示例部门",
        "revenue": {
            "total": "830.63",
            "lines": [
                {"source": "一般公共预算财政拨款收入", "amount": "739", "share": "88.96"},
                {"source": "其他收入", "amount": "0.13"},
            ],
        },
        "general_budget": {
            "total": "783",
            "items": [
                {"code": "2010301", "amount": "423.59"},
                {"code": "2010302", "amount": "44", "parent_names": ["一般公共服务"]},
                {"code": "2010350", "amount": "146.41"},
            ],
        },
        "three_public": {"reception": {"actual": "5.2"}, "domestic_batches": 1},
        "performance": {"claims_no_balance": True},
    }


def mutated(change: Callable[[dict[str, Any]], None]) -> str:
    doc = base_document()
    change(doc)
    return json.dumps(doc, ensure_ascii=False)


def set_at(*path_and_value: Any) -> Callable[[dict[str, Any]], None]:
    *path, value = path_and_value

    def change(doc: dict[str, Any]) -> None:
        target: Any = doc
        for part in path[:-1]:
            target = target[part]
        target[path[-1]] = value

    return change


def delete(*path: Any) -> Callable[[dict[str, Any]], None]:
    def change(doc: dict[str, Any]) -> None:
        target: Any = doc
        for part in path[:-1]:
            target = target[part]
        del target[path[-1]]

    return change


def raw_replace(old: str, new: str) -> str:
    text = json.dumps(base_document(), ensure_ascii=False)
    assert old in text
    return text.replace(old, new, 1)


DEEP = (
    '{"type": "Disclosure", "year": 2021, "department": "x", "revenue": {"lines": '
    + "[" * 10_000
    + "]" * 10_000
    + "}}"
)

BAD_DOCUMENTS: list[tuple[str, str | bytes, str]] = [
    ("float amount", mutated(set_at("revenue", "total", 830.63)), "$.revenue.total"),
    (
        "int amount",
        mutated(set_at("general_budget", "items", 1, "amount", 44)),
        "$.general_budget.items[1].amount",
    ),
    ("NaN text amount", mutated(set_at("revenue", "lines", 1, "amount", "NaN")), "$.revenue.lines[1].amount"),
    ("huge text amount", mutated(set_at("revenue", "total", "1e999999")), "$.revenue.total"),
    ("huge number amount", raw_replace('"total": "830.63"', '"total": 1e999999'), "$.revenue.total"),
    (
        "negative amount",
        mutated(set_at("general_budget", "items", 2, "amount", "-1")),
        "$.general_budget.items[2].amount",
    ),
    ("float percent", mutated(set_at("revenue", "lines", 0, "share", 88.96)), "$.revenue.lines[0].share"),
    (
        "bool for int",
        mutated(set_at("three_public", "domestic_batches", True)),
        "$.three_public.domestic_batches",
    ),
    (
        "float for int",
        mutated(set_at("three_public", "domestic_batches", 1.0)),
        "$.three_public.domestic_batches",
    ),
    ("text year", mutated(set_at("year", "2023")), "$.year"),
    ("year out of range", mutated(set_at("year", 1850)), "$.year"),
    (
        "int code",
        mutated(set_at("general_budget", "items", 0, "code", 2010301)),
        "$.general_budget.items[0].code",
    ),
    (
        "full-width code",
        mutated(set_at("general_budget", "items", 2, "code", "２０１")),
        "$.general_budget.items[2].code",
    ),
    (
        "short code",
        mutated(set_at("general_budget", "items", 1, "code", "20")),
        "$.general_budget.items[1].code",
    ),
    (
        "unknown enum value",
        mutated(set_at("revenue", "lines", 0, "source", "财政拨款")),
        "$.revenue.lines[0].source",
    ),
    ("enum by name", mutated(set_at("revenue", "lines", 1, "source", "OTHER")), "$.revenue.lines[1].source"),
    ("number for str", mutated(set_at("department", 42)), "$.department"),
    ("empty str", mutated(set_at("department", "  ")), "$.department"),
    ("number for optional str", mutated(set_at("template", 2021)), "$.template"),
    (
        "number for str in list",
        mutated(set_at("general_budget", "items", 1, "parent_names", [201])),
        "$.general_budget.items[1].parent_names[0]",
    ),
    (
        "text bool",
        mutated(set_at("performance", "claims_no_balance", "true")),
        "$.performance.claims_no_balance",
    ),
    ("int bool", mutated(set_at("performance", "claims_no_balance", 1)), "$.performance.claims_no_balance"),
    ("extra key at top", mutated(set_at("bogus", 1)), "$.bogus"),
    (
        "extra key nested",
        mutated(set_at("three_public", "reception", "actaul", "5")),
        "$.three_public.reception.actaul",
    ),
    ("missing required key", mutated(delete("department")), "$.department"),
    (
        "missing nested required key",
        mutated(delete("revenue", "lines", 1, "amount")),
        "$.revenue.lines[1].amount",
    ),
    ("dict for list", mutated(set_at("revenue", "lines", {})), "$.revenue.lines"),
    ("string for list", mutated(set_at("revenue", "lines", "")), "$.revenue.lines"),
    (
        "string for str list",
        mutated(set_at("general_budget", "items", 1, "parent_names", "一般公共服务")),
        "$.general_budget.items[1].parent_names",
    ),
    ("list for object", mutated(set_at("three_public", "reception", [])), "$.three_public.reception"),
    ("string for object", mutated(set_at("revenue", "total")), "$.revenue"),
    (
        "null for required",
        mutated(set_at("revenue", "lines", 0, "amount", None)),
        "$.revenue.lines[0].amount",
    ),
    ("duplicate key", raw_replace('"year": 2021', '"year": 2021, "year": 2022'), "$.year"),
    (
        "nested duplicate key",
        raw_replace('"total": "783"', '"total": "783", "total": "784"'),
        "$.general_budget.total",
    ),
    ("NaN literal", raw_replace('"total": "830.63"', '"total": NaN'), "$.revenue.total"),
    (
        "Infinity literal",
        raw_replace('"domestic_batches": 1', '"domestic_batches": -Infinity'),
        "$.three_public.domestic_batches",
    ),
    ("invalid UTF-8", raw_replace("示例部门", "X").encode().replace(b"X", b"\xff\xfe"), "$"),
    ("deeply nested arrays", DEEP, "$"),
    ("wrong type tag", mutated(set_at("type", "Report")), "$.type"),
    ("lower-case type tag", mutated(set_at("type", "disclosure")), "$.type"),
    ("missing type tag", mutated(delete("type")), "$.type"),
    ("top-level array", "[" + json.dumps(base_document(), ensure_ascii=False) + "]", "$"),
    ("top-level string", '"Disclosure"', "$"),
    ("empty text", "", "$"),
    ("whitespace", " \n\t", "$"),
    ("syntax error", '{"type": "Disclosure",}', "$"),
    ("truncated", json.dumps(base_document(), ensure_ascii=False)[:-5], "$"),
]


@pytest.mark.parametrize(("text", "path"), [pytest.param(t, p, id=name) for name, t, p in BAD_DOCUMENTS])
def test_bad_documents_give_one_input_error_naming_the_path(text: str | bytes, path: str) -> None:
    with pytest.raises(InputError) as info:
        loads(text)
    paths = [problem.path for problem in info.value.problems]
    assert path in paths
    for problem in info.value.problems:
        assert problem.expected_zh
        assert problem.expected_en
        assert "Traceback" not in str(info.value)


def test_json_numbers_for_amounts_are_refused_as_such() -> None:
    with pytest.raises(InputError) as info:
        loads(mutated(set_at("revenue", "total", 830.63)))
    (problem,) = info.value.problems
    assert "a decimal string" in problem.expected_en
    assert repr(problem.found) == "830.63"  # shown exactly as written, never as a binary float


def test_every_problem_in_a_document_is_reported() -> None:
    doc = base_document()
    doc["year"] = "2021"
    doc["revenue"]["lines"][0]["amount"] = 739.0
    doc["revenue"]["lines"][1]["zzz"] = 1
    doc["general_budget"]["items"][0]["code"] = "２０１"
    doc["general_budget"]["items"][2]["amount"] = "-1"
    doc["three_public"]["reception"]["actual"] = 5
    doc["three_public"]["domestic_batches"] = True
    doc["performance"]["claims_no_balance"] = "yes"
    del doc["department"]
    with pytest.raises(InputError) as info:
        loads(json.dumps(doc, ensure_ascii=False))
    assert {p.path for p in info.value.problems} == {
        "$.year",
        "$.department",
        "$.revenue.lines[0].amount",
        "$.revenue.lines[1].zzz",
        "$.general_budget.items[0].code",
        "$.general_budget.items[2].amount",
        "$.three_public.reception.actual",
        "$.three_public.domestic_batches",
        "$.performance.claims_no_balance",
    }


def test_all_validator_failures_of_one_object_are_reported() -> None:
    # The constructor stops at the first failing validator; the error path reports them all.
    doc = base_document()
    doc["general_budget"]["items"][1].update({"amount": "-1", "name": " ", "budget": "-2"})
    with pytest.raises(InputError) as info:
        loads(json.dumps(doc, ensure_ascii=False))
    assert [p.path for p in info.value.problems] == [
        "$.general_budget.items[1].amount",
        "$.general_budget.items[1].name",
        "$.general_budget.items[1].budget",
    ]


def test_validator_errors_are_rerooted_to_the_full_path() -> None:
    with pytest.raises(InputError) as info:
        loads(mutated(set_at("general_budget", "items", 2, "code", "2019")))
    (problem,) = info.value.problems
    assert problem.path == "$.general_budget.items[2].code"
    assert problem.found == "2019"
    assert "$.general_budget.items[2].code" in str(info.value)


def test_duplicate_keys_name_every_place() -> None:
    text = raw_replace('"year": 2021', '"year": 2021, "year": 2021').replace(
        '"domestic_batches": 1', '"domestic_batches": 1, "domestic_batches": 2'
    )
    with pytest.raises(InputError) as info:
        loads(text)
    assert [p.path for p in info.value.problems] == ["$.three_public.domestic_batches", "$.year"]


def test_bom_is_accepted() -> None:
    text = json.dumps(base_document(), ensure_ascii=False)
    expected = loads(text)
    assert loads("\ufeff" + text) == expected
    assert loads(b"\xef\xbb\xbf" + text.encode()) == expected
    assert load(b"\xef\xbb\xbf" + text.encode()) == expected


def test_missing_optional_sections_and_nulls_are_fine() -> None:
    doc = {"type": "Disclosure", "year": 2021, "department": "x", "revenue": None, "template": None}
    assert loads(json.dumps(doc)) == Disclosure(year=2021, department="x")


def test_structure_refuses_without_raw_exceptions() -> None:
    for data, cls in [
        (object(), Disclosure),
        ({"year": 2021, "department": "x", "revenue": {"total": object()}}, Disclosure),
        ({"fund": "非财政拨款", "amount": Decimal("1")}, FundAmount),
        ({"fund": ["非财政拨款"], "amount": "1"}, FundAmount),
        ([1, 2], FundAmount),
        ("abc", FunctionCode),
        ({"year": 2021, "department": "x", "revenue": {"lines": "abc"}}, Disclosure),
        ({"year": 2021, "department": "x", "revenue": {"total": "1"}, "type": "Disclosure"}, Disclosure),
    ]:
        with pytest.raises(InputError):
            structure(data, cls)


def test_structure_document_requires_the_tag_and_can_expect_a_type() -> None:
    with pytest.raises(InputError) as info:
        structure_document({"year": 2021, "department": "x"})
    assert info.value.problems[0].path == "$.type"
    ledger_text = dump(Ledger(year=2021, department="x"))
    with pytest.raises(InputError) as info:
        loads(ledger_text, expect=Disclosure)
    assert info.value.problems[0].path == "$.type"
    assert isinstance(loads(ledger_text, expect=Ledger), Ledger)


def test_load_accepts_paths_path_strings_text_and_bytes(tmp_path: Path) -> None:
    document = full_disclosure()
    file = tmp_path / "报告.json"
    dump_to(document, file)
    assert file.read_bytes().decode("utf-8") == dump(document)
    assert load(file) == document
    assert load(str(file)) == document
    assert load(file.read_text(encoding="utf-8")) == document
    assert load(file.read_bytes()) == document


def test_load_reports_unreadable_sources(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        load(tmp_path / "missing.json")
    assert info.value.source is not None
    assert "missing.json" in info.value.source
    with pytest.raises(InputError) as info:
        load("missing.json")
    assert info.value.problems[0].found == "missing.json"
    with pytest.raises(InputError):
        load(tmp_path)  # a directory
    with pytest.raises(InputError):
        load(12)  # type: ignore[arg-type]


def test_describe_names_every_leaf_type() -> None:
    assert "decimal string" in describe(Amount)[1]
    assert "decimal string" in describe(Percent)[1]
    assert describe(Severity)[1] == "one of 'error', 'warning', 'note'"
    assert "JSON array" in describe(tuple[str, ...])[1]


# --- property: generated figures survive exactly ------------------------------------------------

decimal_text = st.builds(
    lambda digits, places, sign: ("-" if sign else "") + str(Decimal(digits).scaleb(-places)),
    st.integers(min_value=0, max_value=10**14),
    st.integers(min_value=0, max_value=12),
    st.booleans(),
)
amount_text = decimal_text.filter(lambda t: not t.startswith("-")).filter(lambda t: Decimal(t) <= 10**12)
percent_text = decimal_text.filter(lambda t: abs(Decimal(t)) <= 10**12)
exotic_text = st.sampled_from(["1E+3", "0E-12", "1.5e2", "007", "0.000000000001", "-0", "-0.00"])
function_codes = st.from_regex(r"\A[0-9]{3}(?:[0-9]{2}){0,2}\Z")
economic_codes = st.from_regex(r"\A[35][0-9]{2}(?:[0-9]{2})?\Z")


@settings(max_examples=200, deadline=None)
@given(
    amounts=st.lists(amount_text, min_size=1, max_size=5),
    shares=st.lists(st.one_of(percent_text, exotic_text), min_size=1, max_size=5),
    codes=st.lists(function_codes, min_size=1, max_size=5),
    economic=st.lists(economic_codes, min_size=1, max_size=3),
)
def test_generated_figures_round_trip_exactly(
    amounts: list[str], shares: list[str], codes: list[str], economic: list[str]
) -> None:
    items = tuple(
        FunctionLine(FunctionCode(code), Amount(amount), share=Percent(share))
        for code, amount, share in zip(codes, amounts, shares, strict=False)
    )
    lines = tuple(
        EconomicLine(EconomicCode(code), Amount(amount))
        for code, amount in zip(economic, amounts, strict=False)
    )
    document = Disclosure(
        year=2021,
        department="示例部门",
        general_budget=GeneralBudget(total=Amount(amounts[0]), share=Percent(shares[0]), items=items),
        basic_expenditure=BasicExpenditure(lines=lines),
    )
    text = dump(document)
    back = loads(text)
    assert back == document
    assert dump(back) == text
    assert decimal_texts(back) == decimal_texts(document)
    assert structure(unstructure(document), Disclosure) == document


# --- examples ---------------------------------------------------------------------------------


def test_unknown_example_is_an_input_error() -> None:
    with pytest.raises(InputError) as info:
        load_example("nowhere")
    assert info.value.problems[0].found == "nowhere"
    with pytest.raises(InputError):
        load_example("xiqu-2021", "report")
    with pytest.raises(InputError):
        load_example("../xiqu-2021")


@pytest.mark.parametrize("kind", ["disclosure", "ledger"])
def test_bundled_examples_load_and_round_trip(kind: str) -> None:
    """The JSON documents (the third kind, ``text``, is the report's text: tests/test_examples.py)."""
    resource = example_path("xiqu-2021", kind)
    document = load_example("xiqu-2021", kind)
    assert type(document) is (Disclosure if kind == "disclosure" else Ledger)
    assert dump(loads(dump(document))) == dump(document)
    # The bundled file is written in the canonical form (regenerate it with
    # ``budgetacct example xiqu-2021 --kind KIND > FILE`` after checking the content).
    assert resource.read_text(encoding="utf-8") == dump(document), f"{kind}.json is not in canonical form"
    assert copy.deepcopy(document) == document


def test_validator_failures_are_reported_beside_structure_failures() -> None:
    doc = base_document()
    doc["general_budget"]["items"][1].update({"code": 2010302, "amount": "-1", "extra": 1})
    doc["general_budget"]["detail_budget"] = "-5"
    doc["general_budget"]["rows"] = {}
    with pytest.raises(InputError) as info:
        loads(json.dumps(doc, ensure_ascii=False))
    assert sorted(p.path for p in info.value.problems) == [
        "$.general_budget.detail_budget",
        "$.general_budget.items[1].amount",
        "$.general_budget.items[1].code",
        "$.general_budget.items[1].extra",
        "$.general_budget.rows",
    ]
