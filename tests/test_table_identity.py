"""Identifying a printed table: its whole title, its number, its headers — or "unidentified"."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from budgetacct.model import table_identity
from budgetacct.model.budget_specs import BUDGET_SPECS
from budgetacct.model.table_identity import identify_table, normalize_table_title, table_number_value
from budgetacct.model.table_layout import TableSpec
from budgetacct.model.table_specs import SPECS, find_spec
from budgetacct.model.tables import TableKind

# Tables other provinces publish whose titles end with a standard table's wording but are other
# tables: today's specs have none of them, so each is unidentified (the 机关运行经费 and 政府采购
# 决算 tables are theirs once a spec for them exists) — never the 支出决算表 or 财政拨款支出决算表.
_OTHER_TABLES: dict[str, set[TableKind | None]] = {
    "机关运行经费支出决算表": {None, TableKind.OPERATING_COSTS},
    "政府采购支出决算表": {None, TableKind.PROCUREMENT},
    "项目支出决算表": {None},
    "基本支出决算表": {None},
    "一般公共预算财政拨款收入支出决算表": {None},
    "政府性基金预算财政拨款支出决算表": {None},
    "“三公”经费及会议费、培训费支出决算表": {None},  # Shaanxi 2020: 会议费 and 培训费 columns too
    "收入支出决算表": {None},  # the internal 财决02表
    "支出决算明细表": {None},  # 财决05表
    "基本支出决算明细表": {None},
    "国有资产占用情况表": {None},
    "资产负债情况表": {None},
    "政府购买服务决算公开情况表": {None},
    "上海市XX局项目支出决算表": {None},
    "2024年度XX局机关运行经费支出决算表": {None, TableKind.OPERATING_COSTS},
}


@pytest.mark.parametrize("title", sorted(_OTHER_TABLES))
def test_a_title_naming_another_table_is_not_taken_for_a_standard_one(title: str) -> None:
    found = identify_table(title)
    assert found.kind in _OTHER_TABLES[title]
    if found.kind is None:
        assert "no standard table has this title" in found.reason
        assert "没有标准表式的表名" in found.reason_zh


@contextmanager
def _with_spec(kind: TableKind, layout: TableKind, *titles: str) -> Iterator[None]:
    """The specs with one more: ``kind`` printed under ``titles``, laid out as ``layout``."""
    spec = attrs.evolve(SPECS[layout], kind=kind, titles=titles)
    table_identity._wordings.cache_clear()
    table_identity._spec_wordings.cache_clear()
    try:
        with pytest.MonkeyPatch.context() as patch:
            patch.setitem(SPECS, kind, spec)
            yield
    finally:
        table_identity._wordings.cache_clear()
        table_identity._spec_wordings.cache_clear()


@pytest.fixture
def operating_costs_spec() -> Iterator[None]:
    """A 机关运行经费支出决算表 spec among the specs (its layout does not matter here)."""
    with _with_spec(TableKind.OPERATING_COSTS, TableKind.EXPENDITURE, "机关运行经费支出决算表"):
        yield


@pytest.mark.usefixtures("operating_costs_spec")
def test_a_spec_of_its_own_takes_the_longer_title_and_leaves_the_short_one() -> None:
    assert find_spec("2024年度XX局机关运行经费支出决算表") is SPECS[TableKind.OPERATING_COSTS]
    assert find_spec("公开10表 机关运行经费支出决算表（续表）") is SPECS[TableKind.OPERATING_COSTS]
    assert find_spec("支出决算表") is SPECS[TableKind.EXPENDITURE]
    assert find_spec("政府采购支出决算表") is SPECS[TableKind.PROCUREMENT]


@pytest.fixture
def a_shared_wording() -> Iterator[None]:
    """Two specs printed under the same wording 支出决算表 (the second with the 基本支出表's columns)."""
    with _with_spec(TableKind.OPERATING_COSTS, TableKind.GENERAL_BUDGET_BASIC, "支出决算表"):
        yield


@pytest.mark.usefixtures("a_shared_wording")
def test_a_title_two_specs_share_is_decided_by_the_number_or_the_headers_or_left_unidentified() -> None:
    found = identify_table("支出决算表")
    assert found.kind is None
    assert set(found.candidates) == {TableKind.EXPENDITURE, TableKind.OPERATING_COSTS}
    assert "nothing decides" in found.reason
    by_number = identify_table("公开03表 支出决算表", table_set="mof-9")
    assert by_number.kind is TableKind.EXPENDITURE
    assert "number" in by_number.reason and "表号" in by_number.reason_zh
    by_headers = identify_table(
        "支出决算表", headers=("合计", "基本支出", "项目支出", "上缴上级支出", "经营支出")
    )
    assert by_headers.kind is TableKind.EXPENDITURE
    assert "headers" in by_headers.reason and "表头" in by_headers.reason_zh


# The same tables as departments, units and years print them.
@pytest.mark.parametrize(
    ("printed", "kind"),
    [
        ("2024年度上海市普陀区财政局部门收支决算总表", TableKind.SUMMARY),
        ("上海市XX局2024年度部门决算表收入支出决算总表", TableKind.SUMMARY),
        ("上海市普陀区财政局 收入决算表（续表）", TableKind.REVENUE),
        ("《支出决算表》(续)", TableKind.EXPENDITURE),
        ("西南大学2023年度支出决算表", TableKind.EXPENDITURE),
        ("单位支出决算表", TableKind.EXPENDITURE),
        ("ＸＸ县ＸＸ镇人民政府财政拨款收入支出决算总表", TableKind.FISCAL_SUMMARY),
        ("表五 一般公共预算财政拨款支出决算表", TableKind.GENERAL_BUDGET),
        ("附表5：一般公共预算财政拨款支出决算表", TableKind.GENERAL_BUDGET),
        ("十一 政府性基金预算财政拨款收入支出决算表", TableKind.GOVERNMENT_FUND),
        ("政府性基金财政拨款收入支出决算表", TableKind.GOVERNMENT_FUND),
        ("第二部分2018年度部门预算表公开01表:收支预算总表", TableKind.BUDGET_SUMMARY),
        ("财政拨款政府性基金支出预算表", TableKind.BUDGET_GOVERNMENT_FUND),
        ("公开 09 表：一般公共预算“三公”经费、会议费、培训费支出预算表", TableKind.BUDGET_THREE_PUBLIC),
        ("4．2024年预算单位财政拨款收支预算总表", TableKind.BUDGET_FISCAL_SUMMARY),
        ("2019年政府采购预算表", TableKind.BUDGET_PROCUREMENT),
        ("收支预算总表 公开01表", TableKind.BUDGET_SUMMARY),
    ],
)
def test_printed_variants_of_a_title_identify_the_table(printed: str, kind: TableKind) -> None:
    assert identify_table(printed).kind is kind


_PREFIXES = st.sampled_from(
    (
        "",
        "上海市普陀区财政局",
        "西南大学",
        "江苏省人民检察院",
        "中共江苏省委办公厅",
        "重庆市交通委员会",
        "XX街道办事处",
    )
)
_SPECS = st.sampled_from([*SPECS.values(), *BUDGET_SPECS.values()])


@given(_SPECS, _PREFIXES, st.sampled_from(("", "2024年度", "2025年")), st.sampled_from(("", "部门", "单位")),
       st.sampled_from(("", "（续表）", "(续)", "续表")), st.sampled_from(("", " ", "　")), st.data())  # fmt: skip
def test_department_year_and_continuation_words_leave_the_table_as_it_is(
    spec: TableSpec, department: str, year: str, unit: str, continued: str, space: str, data: st.DataObject
) -> None:
    title = data.draw(st.sampled_from(spec.titles))
    printed = f"{department}{space}{year}{unit}{space}{title}{continued}"
    assert identify_table(printed).kind is spec.kind, printed


def test_a_table_of_contents_line_is_not_a_title() -> None:
    found = identify_table("1. 2025年部门财务收支预算总表 …………………… 3")
    assert found.kind is None
    assert "contents" in found.reason


def test_a_number_alone_is_not_a_title() -> None:
    assert identify_table("公开03表", headers=("基本支出", "项目支出")).kind is None


# --- numbers ---


@pytest.mark.parametrize(
    ("number", "value"),
    [("公开05表", 5), ("公开 10 表", 10), ("表五", 5), ("表 十四", 14), ("附表5", 5), ("十一", 11), ("二十", 20),
     ("3.", 3), ("（二）", 2), ("续表", None)],
)  # fmt: skip
def test_table_numbers_read_as_ordinals(number: str, value: int | None) -> None:
    assert table_number_value(number) == value


def test_the_number_is_split_from_the_title_wherever_it_is_printed() -> None:
    assert normalize_table_title("公开 05 表：财政拨款支出预算表（功能科目）") == (
        "财政拨款支出预算表功能科目",
        "公开05表",
    )
    assert normalize_table_title("表五一般公共预算财政拨款支出决算表") == (
        "一般公共预算财政拨款支出决算表",
        "表五",
    )
    assert normalize_table_title("财政拨款收入支出决算总表 公开04表") == (
        "财政拨款收入支出决算总表",
        "公开04表",
    )


def test_a_number_never_overrules_the_title() -> None:
    # 公开03表 is the 支出决算表 in the MoF set; the title says 收入决算表.
    assert identify_table("收入决算表", number="公开03表", table_set="mof-9").kind is TableKind.REVENUE
    assert identify_table("项目支出决算表", number="公开03表", table_set="mof-9").kind is None


# --- headers ---

_REVENUE_HEADERS = ("科目编码", "科目名称", "本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入",
                    "附属单位上缴收入", "其他收入")  # fmt: skip
_BASIC_PROJECT_HEADERS = ("科目编码", "科目名称", "合计", "基本支出", "项目支出")


def test_headers_alone_identify_a_table_only_one_spec_has() -> None:
    found = identify_table(None, headers=_REVENUE_HEADERS)
    assert found.kind is TableKind.REVENUE
    assert "no title" in found.reason


def test_headers_several_tables_share_leave_an_untitled_table_unidentified() -> None:
    found = identify_table("", headers=_BASIC_PROJECT_HEADERS)
    assert found.kind is None
    assert {TableKind.GENERAL_BUDGET, TableKind.FISCAL_DETAIL} <= set(found.candidates)
    assert "several" in found.reason


def test_the_number_in_the_reports_set_decides_between_tables_with_the_same_headers() -> None:
    def kind(number: str) -> TableKind | None:
        return identify_table("", number=number, headers=_BASIC_PROJECT_HEADERS, table_set="sichuan-14").kind

    assert kind("五") is TableKind.FISCAL_DETAIL
    assert kind("六") is TableKind.GENERAL_BUDGET
    assert kind("一") is None  # the 收入支出决算总表 has no such headers


def test_headers_never_overrule_the_title() -> None:
    assert identify_table("收入决算表", headers=_BASIC_PROJECT_HEADERS).kind is TableKind.REVENUE
    assert identify_table("政府采购支出决算表", headers=_BASIC_PROJECT_HEADERS).kind in (
        None,
        TableKind.PROCUREMENT,
    )


def test_no_title_and_no_headers_is_unidentified() -> None:
    found = identify_table(None)
    assert found.kind is None and found.reason == "no title"


# --- the kind of report ---


def test_the_kind_of_report_completes_a_title_without_决算_or_预算() -> None:
    assert identify_table("一般公共预算财政拨款支出表", document="final").kind is TableKind.GENERAL_BUDGET
    assert identify_table("一般公共预算支出表", document="budget").kind is TableKind.BUDGET_GENERAL
    assert identify_table("一般公共预算财政拨款支出表").kind is None
    assert identify_table("收入支出决算总表", document="budget").kind is None
