"""The declarations the model shares: the “三公” counts, the code syntax, the panel builder and
the bilingual enums."""

from __future__ import annotations

import pickle
from decimal import Decimal

import attrs
import pytest

from budgetacct import Amount, InvalidValue, load_example
from budgetacct.codes import CodeLevel, EconomicCode, FunctionCode
from budgetacct.model.disclosure import ThreePublic, ThreePublicCounts
from budgetacct.model.evaluation import Outcome
from budgetacct.model.indicator_hierarchy import Direction
from budgetacct.model.ledger import ThreePublicAccount
from budgetacct.model.table_figures import PanelBuilder, rounded_cell
from budgetacct.model.table_specs import spec_for
from budgetacct.model.tables import DASH, Column, Line, Measure, StandardTable, TableKind

_COUNTS = (
    "foreign_included_in_domestic",
    "outbound_groups",
    "outbound_people",
    "vehicles_purchased",
    "vehicles_held",
    "domestic_batches",
    "domestic_people",
    "foreign_batches",
    "foreign_people",
)


@pytest.mark.parametrize("cls", [ThreePublic, ThreePublicAccount])
def test_both_three_public_documents_hold_the_same_counts(cls: type[ThreePublicCounts]) -> None:
    assert issubclass(cls, ThreePublicCounts)
    names = [field.name for field in attrs.fields(cls)]
    assert tuple(names[: len(_COUNTS)]) == _COUNTS


def test_counts_copy_from_an_account_into_the_narrative() -> None:
    account = ThreePublicAccount(
        outbound=Amount("1"), outbound_groups=2, outbound_people=7, domestic_batches=3
    )
    copied = ThreePublic(**account.counts())
    assert copied.counts() == account.counts()
    assert (copied.outbound_groups, copied.outbound_people, copied.domestic_batches) == (2, 7, 3)
    assert copied.vehicles_held is None and copied.foreign_included_in_domestic is False


def test_the_published_narrative_states_the_ledgers_counts() -> None:
    ledger = load_example("xiqu-2021", "ledger")
    assert ledger.three_public is not None
    published = ledger.publish().three_public
    assert published is not None
    assert published.counts() == ledger.three_public.counts()
    assert published.domestic_batches == 1 and published.domestic_people == 10


@pytest.mark.parametrize(
    ("cls", "text", "expected_zh"),
    [
        (FunctionCode, "201-03", "功能分类科目编码（如2010301、201 03 01、[2010301]或（201）（03）（01））"),
        (EconomicCode, "302-17", "经济分类科目编码（如30217、302 17、[30217]或（302）（17））"),
    ],
)
def test_parse_names_every_printed_form_it_reads(
    cls: type[FunctionCode] | type[EconomicCode], text: str, expected_zh: str
) -> None:
    with pytest.raises(InvalidValue) as info:
        cls.parse(text)
    assert info.value.expected_zh == expected_zh
    assert info.value.found == text


def test_each_code_class_shares_its_own_instances() -> None:
    function, economic = FunctionCode.of("301"), EconomicCode.of("301")
    assert type(function) is FunctionCode and type(economic) is EconomicCode
    assert FunctionCode.of("301") is function and EconomicCode.of("301") is economic
    assert FunctionCode("30101").ancestors == (FunctionCode("301"),)
    assert EconomicCode("30101").ancestors == (EconomicCode("301"),)


def test_a_cell_is_rounded_alone_and_a_dash_or_blank_stays() -> None:
    quantum = Decimal("0.01")
    assert rounded_cell(Amount("1.005"), quantum) == Amount("1.01")
    assert rounded_cell(Amount("1.005"), None) == Amount("1.005")
    assert rounded_cell(DASH, quantum) is DASH
    assert rounded_cell(None, quantum) is None


def test_a_panel_builder_without_a_year_names_no_code() -> None:
    (panel_spec,) = spec_for(TableKind.GENERAL_BUDGET).panels
    total = Column(Measure.TOTAL)
    rows = {FunctionCode("201"): {total: Amount("3.456")}, FunctionCode("205"): {total: Amount(0)}}
    unnamed = PanelBuilder(None, Decimal("0.01")).coded_rows(panel_spec, rows)
    named = PanelBuilder(2021, None).coded_rows(panel_spec, rows)
    assert [row.function for row in unnamed] == [FunctionCode("201")]  # the all-zero row is left out
    assert unnamed[0].name is None and named[0].name == "一般公共服务支出"
    assert unnamed[0].cells[panel_spec.column_keys().index(total)] == Amount("3.46")
    panel = PanelBuilder(None, None).panel(panel_spec, {Line.TOTAL: {total: Amount("3.456")}}, unnamed)
    assert panel.rows[0].line is Line.TOTAL and panel.rows[1] is unnamed[0]


@pytest.mark.parametrize(
    ("member", "value", "english"),
    [
        (CodeLevel.SECTION, "款", "section"),
        (Direction.LOWER_IS_BETTER, "反向", "lower is better"),
        (Outcome.NOT_MEASURABLE, "无法衡量", "not measurable"),
    ],
)
def test_bilingual_members_keep_their_chinese_value(
    member: CodeLevel | Direction | Outcome, value: str, english: str
) -> None:
    assert member.value == value and member.english == english
    assert type(member)(value) is member
    assert pickle.loads(pickle.dumps(member)) is member


def test_an_empty_table_gets_the_standard_note_for_its_kind() -> None:
    empty = StandardTable(TableKind.STATE_CAPITAL_EXPENDITURE, "国有资本经营预算财政拨款支出决算表")
    noted = empty.with_no_data_note(2021)
    assert noted.notes == ("本部门2021年度没有国有资本经营预算财政拨款支出，故本表无数据。",)
    assert attrs.evolve(noted, notes=()) == empty


def test_the_three_public_figures_keep_their_positions_in_the_constructor() -> None:
    from budgetacct.model.disclosure import BudgetedFigure, ThreePublic

    total = BudgetedFigure(actual=Amount("8"))
    assert ThreePublic(total).total is total
    assert ThreePublic(total, outbound_groups=2).outbound_groups == 2


def test_the_details_of_enum_members_are_constants() -> None:
    from budgetacct.codes import CodeLevel
    from budgetacct.money import Direction, Unit

    with pytest.raises(AttributeError, match="cannot be changed"):
        Unit.YUAN.in_wan_yuan = Amount("5").value  # type: ignore[misc]
    with pytest.raises(AttributeError, match="cannot be changed"):
        Direction.INCREASE.english = "up"  # type: ignore[misc]
    with pytest.raises(AttributeError, match="cannot be changed"):
        CodeLevel.CLASS.english = "kind"  # type: ignore[misc]
    assert (str(Unit.YUAN.in_wan_yuan), Direction.INCREASE.english) == ("0.0001", "increase")
