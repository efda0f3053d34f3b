"""budgetacct.reader: published 决算说明 text → Disclosure, with sources, units and unread sentences.

The seed (攀枝花市西区人民政府办公室 2021) is read into exactly the bundled example, except for the
one garbled line of the seed (“支行政单位离退休（01）出决算为13.1万元”), which the reader reports
unread instead of guessing; the example holds the corrected line.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from budgetacct import (
    Amount,
    Disclosure,
    ExpenditureItem,
    ExpenditureKind,
    Fund,
    InputError,
    Ledger,
    Percent,
    RevenueItem,
    RevenueSource,
    Unit,
    audit,
    load_example,
    strategies,
)
from budgetacct.codes import EconomicCode, FunctionCode
from budgetacct.io.json import dump, loads
from budgetacct.model import BudgetLine, FundAmount, PriorYear, ProcurementAccount, ThreePublicAccount
from budgetacct.model.disclosure import FunctionLine
from budgetacct.money import Direction
from budgetacct.reader import ReadResult, read_report, read_report_bytes, read_text, resolve_path
from budgetacct.reader.normalize import Document, normalize_line
from budgetacct.render.narrative import render_narrative

DATA = Path(__file__).parent / "data"
GARBLED = "支行政单位离退休（01）出决算为"
CORRECTED = "行政单位离退休（01）支出决算为"
SECTIONS = tuple(f.name for f in attrs.fields(Disclosure))


def _seed_text() -> str:
    """The published text of the seed report, bundled with the package."""
    return load_example("xiqu-2021", "text")


@pytest.fixture(scope="module")
def seed_text() -> str:
    return _seed_text()


@pytest.fixture(scope="module")
def seed(seed_text: str) -> ReadResult:
    return read_report(seed_text)


@pytest.fixture(scope="module")
def example() -> Disclosure:
    disclosure = load_example("xiqu-2021")
    assert isinstance(disclosure, Disclosure)
    return disclosure


def _without_garbled_item(example: Disclosure) -> Disclosure:
    """The example as the seed text actually states it: item 2080501 is garbled in the text, so
    the items read are marked as an incomplete list."""
    gb = example.general_budget
    assert gb is not None
    items = tuple(i for i in gb.items if i.code != FunctionCode("2080501"))
    return attrs.evolve(example, general_budget=attrs.evolve(gb, items=items, items_complete=False))


def _findings(d: Disclosure) -> list[tuple[str, str, str]]:
    return [(f.rule, f.path, f.severity.value) for f in audit(d)]


# --- the seed ---------------------------------------------------------------------------------------------


def test_seed_equals_the_example_section_by_section_except_the_garbled_line(
    seed: ReadResult, example: Disclosure
) -> None:
    expected = _without_garbled_item(example)
    for name in SECTIONS:
        assert getattr(seed.disclosure, name) == getattr(expected, name), name
    assert seed.disclosure == expected
    assert seed.template == "sichuan-2021"


def test_seed_garbled_line_is_reported_not_guessed(seed: ReadResult) -> None:
    gb = seed.disclosure.general_budget
    assert gb is not None
    assert FunctionCode("2080501") not in {i.code for i in gb.items}
    garbled = [u for u in seed.unread if u.line == 76]
    assert len(garbled) == 1
    assert garbled[0].figures == ("13.1万元", "100%")
    assert "not understood" in garbled[0].reason
    # the rest of that line is read: 2080505 under the same 类/款
    item = next(i for i in gb.items if i.code == FunctionCode("2080505"))
    assert item.parent_names == ("社会保障和就业", "行政事业单位养老支出")


def test_seed_unread_lists_only_part_one_statistics_and_the_garbled_line(seed: ReadResult) -> None:
    assert [(u.line, u.figures) for u in seed.unread] == [
        (6, ("18%", "20%")),
        (9, ("100%",)),
        (76, ("13.1万元", "100%")),
    ]


def test_seed_with_the_line_corrected_equals_the_example(seed_text: str, example: Disclosure) -> None:
    fixed = seed_text.replace(GARBLED, CORRECTED)
    result = read_report(fixed)
    assert result.disclosure == example
    assert [u.line for u in result.unread] == [6, 9]


def test_seed_audit_gives_the_same_findings(seed_text: str, seed: ReadResult, example: Disclosure) -> None:
    fixed = read_report(seed_text.replace(GARBLED, CORRECTED))
    assert _findings(fixed.disclosure) == _findings(example)
    # as printed (garbled line unread) the findings are those of the example without that item
    assert _findings(seed.disclosure) == _findings(_without_garbled_item(example))


def test_an_item_left_unread_makes_no_false_sum_error(seed: ReadResult, example: Disclosure) -> None:
    # Summed over the items read, 2080501 (13.1) would be missing from class 208 and from the
    # total: R40 would report two errors the report does not have.  The list is marked incomplete.
    gb = seed.disclosure.general_budget
    assert gb is not None and not gb.items_complete
    assert "$.general_budget.items is incomplete" in seed.notes[0]
    read = audit(seed.disclosure)
    assert not [f for f in read if f.rule in ("R9", "R40") and f.severity.value == "error"]
    # The items read are still checked one by one (R39 completion rates, R56 names) …
    assert {f.rule for f in read} >= {"R56"}
    assert read.rules_run == audit(example).rules_run
    # … and the same list marked complete gives the false errors the flag prevents.
    marked_complete = attrs.evolve(seed.disclosure, general_budget=attrs.evolve(gb, items_complete=True))
    errors = [f.path for f in audit(marked_complete) if f.rule == "R40" and f.severity.value == "error"]
    assert errors == ["$.general_budget.classes[1].amount", "$.general_budget.detail_total"]


def test_seed_year_department_and_their_sources(seed: ReadResult, seed_text: str) -> None:
    d = seed.disclosure
    assert (d.year, d.department) == (2021, "攀枝花市西区人民政府办公室")
    year = seed.sources_for("$.year")[0]
    assert (year.line, seed_text[year.start : year.end]) == (15, "2021")
    department = seed.sources_for("$.department")[0]
    assert seed_text[department.start : department.end] == "攀枝花市西区人民政府办公室"


def test_seed_sources_point_at_the_printed_figures(seed: ReadResult, seed_text: str) -> None:
    share = seed.sources_for("$.revenue.lines[0].share")
    assert [(s.line, s.printed) for s in share] == [(26, "88.96%")]
    total = seed.sources_for("$.overview.revenue_grand_total")[0]
    assert total.printed == "874.63万元" and total.line == 17
    assert total.sentence.startswith("2021年度收、支总计874.63万元")
    previous = seed.sources_for("$.overview.change.previous")[0]
    assert (previous.line, previous.printed) == (833, "894")
    budget = seed.sources_for("$.performance.evaluations[2].executed.total")[0]
    assert (budget.line, budget.printed) == (387, "20.36")
    for source in seed.sources:
        assert seed_text[source.start : source.end] == source.printed
        value = resolve_path(seed.disclosure, source.path)
        if isinstance(value, Amount) and source.printed.endswith("元"):
            assert Amount.parse(source.printed) == value, source
        if isinstance(value, Percent):
            assert Percent.parse(source.printed) == value, source


def test_seed_figures_restated_elsewhere_have_several_sources(seed: ReadResult) -> None:
    # “874.5” is §四's 财政拨款收、支总计 and the attachment's 财政拨款收入/支出: one figure, three sources
    assert [s.line for s in seed.sources_for("$.fiscal.grand_total")] == [44, 144, 146]
    assert [s.line for s in seed.sources_for("$.three_public.domestic_reception.actual")] == [98, 98]


def test_every_source_path_resolves_to_a_figure(seed: ReadResult) -> None:
    for result in (seed, *(read_report(p.read_text(encoding="utf-8")) for p in sorted(DATA.glob("*.txt")))):
        for source in result.sources:
            assert resolve_path(result.disclosure, source.path) is not None, source.path
        for use in result.units:
            assert isinstance(resolve_path(result.disclosure, use.path), Amount), use.path


def test_units_are_recorded_for_every_amount(seed: ReadResult) -> None:
    amount_paths = {s.path for s in seed.sources if isinstance(resolve_path(seed.disclosure, s.path), Amount)}
    assert {u.path for u in seed.units} == amount_paths
    assert {u.unit for u in seed.units} == {Unit.WAN_YUAN}


def test_resolve_path_refuses_what_is_not_there(example: Disclosure) -> None:
    assert resolve_path(example, "$.staffing.units[2].actual") == 12
    for path in ("$.nope", "$.revenue.lines[9]", "revenue", "$.revenue.lines[x]"):
        with pytest.raises(LookupError):
            resolve_path(example, path)


# --- synthetic reports ------------------------------------------------------------------------------------


def test_central_layout_reads_every_section() -> None:
    text = (DATA / "central-2022.txt").read_text(encoding="utf-8")
    result = read_report(text)
    d = result.disclosure
    assert (d.year, d.department, result.template) == (2022, "示例县文化广电旅游局", "central")
    assert result.unread == ()
    assert d.overview is not None and d.overview.opening_balance == Amount("36.40")
    assert d.overview.change is not None and d.overview.change.rate == Percent("7.2")
    assert d.revenue is not None and len(d.revenue.lines) == 8
    assert [line.amount for line in d.revenue.lines if not line.amount] == [Amount(0)] * 4
    assert d.expenditure is not None and len(d.expenditure.lines) == 5
    gb = d.general_budget
    assert gb is not None
    assert (gb.detail_budget, gb.detail_completion) == (Amount("1080"), Percent("102.78"))
    first = gb.items[0]
    assert (first.code, first.budget, first.amount, first.completion) == (
        FunctionCode("2010301"),
        Amount("580"),
        Amount("600"),
        Percent("103.45"),
    )
    assert first.parent_names == ("一般公共服务支出", "政府办公厅（室）及相关机构事务")
    assert [c.name for c in gb.classes] == [
        "一般公共服务支出",
        "社会保障和就业支出",
        "卫生健康支出",
        "住房保障支出",
    ]
    tp = d.three_public
    assert tp is not None
    assert (tp.total.budget, tp.total.actual, tp.total.completion) == (
        Amount("12"),
        Amount("9.6"),
        Percent("80"),
    )
    assert tp.total.versus_budget is not None and tp.total.versus_budget.direction is Direction.DECREASE
    assert (tp.total.versus_budget.amount, tp.total.versus_budget.rate) == (Amount("2.4"), Percent("20"))
    assert tp.total.change is not None and tp.total.change.amount == Amount("1.2")
    assert tp.outbound.change is not None and tp.outbound.change.direction is Direction.FLAT
    assert (tp.vehicle_operation.actual, tp.vehicles_held) == (Amount("7.2"), 3)
    assert (tp.domestic_batches, tp.domestic_people, tp.foreign_batches) == (12, 150, 0)
    assert d.government_fund is not None and d.government_fund.change is not None
    assert d.government_fund.change.rate is None  # “较上年增加50.00万元”: no rate printed
    assert d.state_capital is None  # “本部门2022年度无…”
    assert d.procurement is not None and d.procurement.small_micro_share == Percent("69.36")
    assert d.assets is not None and d.assets.special_equipment == 1
    assert d.performance is not None and d.performance.overall_rating == "良好"
    evaluation = d.performance.evaluations[0]
    assert evaluation.executed.total == Amount("28")
    assert [i.level2 for i in evaluation.indicators] == [
        "数量指标",
        "数量指标",
        "成本指标",
        "服务对象满意度指标",
    ]
    assert d.staffing is not None and d.staffing.total_actual == 18
    assert not [f for f in audit(d) if f.severity.value == "error"]


def test_pdf_table_rows_are_read_under_their_titles() -> None:
    result = read_report((DATA / "pdf-tables-2021.txt").read_text(encoding="utf-8"))
    d = result.disclosure
    assert d.general_budget is not None and d.expenditure is not None
    rows = {r.code.code: r for r in d.general_budget.rows}
    assert (rows["201"].amount, rows["201"].basic, rows["201"].project) == (
        Amount("252.50"),
        Amount("222.50"),
        Amount("30.00"),
    )
    assert rows["2210201"].name == "住房公积金"  # split code cells “221  02  01”
    assert rows["2012650"].basic is None  # “30.00  30.00” under three columns: ambiguous
    assert d.general_budget.total == Amount("292.50")  # the 合计 row
    # 支出决算表 printed in 元: converted exactly, unit recorded
    assert d.expenditure.total == Amount("312.50")
    assert {u.unit for u in result.units if u.path.startswith("$.expenditure")} == {Unit.YUAN}
    assert [u.reason for u in result.unread] == [
        "2 amounts where the table has 3 columns: only the first is read",
    ]
    # every table is read through its layout spec, the 国有资本 table (no section of its own) too;
    # a table with a row of unplaced figures fills its section but is not kept as printed
    assert [t.kind.value for t in d.tables] == ["支出决算表", "国有资本经营预算财政拨款支出决算表"]
    assert not [f for f in audit(d) if f.severity.value == "error"]


# --- robustness features, one small test each -----------------------------------------------------------------

DEPT = "示例单位"


def test_full_width_digits_and_punctuation() -> None:
    text = (
        "２０２１年本年收入合计８３０．６３万元，其中：一般公共预算财政拨款收入７３９万元，占８８．９６％。"
    )
    d = read_report(text, department=DEPT).disclosure
    assert d.revenue is not None and d.revenue.total == Amount("830.63")
    assert d.revenue.lines[0].share == Percent("88.96")


def test_yuan_amounts_are_converted_and_the_unit_recorded() -> None:
    result = read_report(
        "2021年本年收入合计8,306,300元，其中：其他收入1,234.56元，占0.01%。", department=DEPT
    )
    assert result.disclosure.revenue is not None
    assert result.disclosure.revenue.total == Amount("830.63")
    assert result.disclosure.revenue.lines[0].amount == Amount("0.123456")
    assert [(u.path, u.unit, u.printed) for u in result.units] == [
        ("$.revenue.total", Unit.YUAN, "8,306,300元"),
        ("$.revenue.lines[0].amount", Unit.YUAN, "1,234.56元"),
    ]


def test_thousands_separators() -> None:
    d = read_report("2021年度收、支总计1,234,567.89万元。", department=DEPT).disclosure
    assert d.overview is not None and d.overview.revenue_grand_total == Amount("1234567.89")


def test_spaces_and_line_breaks_inside_sentences() -> None:
    text = "2021 年本年收入合计 830.63 万元，其中：一般公共\n预算财政拨款收入739万\n元，占 88.96 %。\n"
    result = read_report(text, department=DEPT)
    assert result.disclosure.revenue is not None
    assert result.disclosure.revenue.lines[0].amount == Amount("739")
    line = result.sources_for("$.revenue.lines[0].amount")[0]
    assert (line.line, line.printed) == (2, "739万\n元")


def test_bookmark_markers_are_stripped() -> None:
    text = "[bookmark: _Toc1][bookmark: _Toc2]2021年政府性基金预算财政拨款支出[bookmark: x]91.5万元。"
    result = read_report(text, department=DEPT)
    assert result.disclosure.government_fund is not None
    assert result.disclosure.government_fund.total == Amount("91.5")


MIXED_HEADINGS = """第一部分 部门概况
第2部分 2021年度部门决算情况说明
1、收入支出决算总体情况说明
2021年度收、支总计100万元。
四、财政拨款收入支出决算总体情况说明
2021年财政拨款收、支总计90万元。
6. 一般公共预算财政拨款基本支出决算情况说明
2021年一般公共预算财政拨款基本支出80万元，其中：
人员经费70万元。
公用经费10万元。
（一）机关运行经费支出情况
2021年，示例单位机关运行经费支出10万元。
第3部分 名词解释
1.人员经费：指…，例如人员经费5万元。
"""


def test_numbered_headings_in_mixed_styles() -> None:
    result = read_report(MIXED_HEADINGS)
    d = result.disclosure
    assert d.basic_expenditure is not None
    assert (d.basic_expenditure.personnel, d.basic_expenditure.public) == (Amount("70"), Amount("10"))
    assert d.fiscal is not None and d.fiscal.grand_total == Amount("90")
    assert d.department == "示例单位"
    # the glossary (第3部分) is not read, so its “5万元” is neither a figure nor unread
    assert result.unread == ()


def test_zeros_are_figures() -> None:
    d = read_report(
        "2021年国有资本经营预算财政拨款支出0万元。2021年，示例单位政府采购支出总额0.00万元。", department=DEPT
    ).disclosure
    assert d.state_capital is not None and d.state_capital.total == Amount("0")
    assert d.procurement is not None and d.procurement.total == Amount("0.00")


def test_missing_sections_stay_missing() -> None:
    d = read_report(
        "2021年本年支出合计874.5万元，其中：基本支出782.99万元，占89.54%。", department=DEPT
    ).disclosure
    assert d.expenditure is not None
    assert all(
        getattr(d, name) is None
        for name in SECTIONS
        if name not in ("year", "department", "expenditure", "units", "tables", "headings")
    )
    assert d.units == ("万元",)


def test_class_names_with_or_without_zhichu() -> None:
    text = "2021年一般公共预算财政拨款支出100万元，主要用于以下方面：一般公共服务60万元，占60%；住房保障支出40万元，占40%。"
    d = read_report(text, department=DEPT).disclosure
    assert d.general_budget is not None
    assert [(c.code.code, c.name) for c in d.general_budget.classes] == [
        ("201", "一般公共服务"),
        ("221", "住房保障支出"),
    ]


def test_lei_kuan_xiang_and_bracketed_code_forms() -> None:
    text = (
        "1.一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）：年初预算为90万元，"
        "支出决算为100万元，完成年初预算的111.11%。决算数大于预算数的主要原因是增人增资。\n"
        "2.住房保障支出（221）住房改革支出（02）住房公积金（01）支出决算为20万元，完成预算100%。\n"
    )
    d = read_report(text, year=2021, department=DEPT).disclosure
    assert d.general_budget is not None
    items = {i.code.code: i for i in d.general_budget.items}
    assert (items["2010301"].budget, items["2010301"].completion) == (Amount("90"), Percent("111.11"))
    assert items["2210201"].parent_names == ("住房保障支出", "住房改革支出")


def test_a_name_the_catalogue_lacks_is_unread_not_guessed() -> None:
    text = "1.文化旅游体育与传媒支出（类）文化和旅游（款）群众文化（项）：支出决算为12万元。"
    result = read_report(text, year=2021, department=DEPT)
    assert result.disclosure.general_budget is None
    assert [u.figures for u in result.unread] == [("12万元",)]
    assert "catalogue" in result.unread[0].reason


def test_an_unread_name_names_the_catalogue_that_was_searched() -> None:
    # 2024 has no bundled catalogue: the reason names the 2021 one that was used, not "2024".
    text = "1.文化旅游体育与传媒支出（类）文化和旅游（款）群众文化（项）：支出决算为12万元。"
    unread = read_report(text, year=2024, department=DEPT).unread
    assert [u.reason for u in unread] == [
        "文化旅游体育与传媒支出/文化和旅游/群众文化 is not in the 2021 catalogue "
        "(no 2024 catalogue; the 2021 one was used)"
    ]
    exact = read_report(text, year=2021, department=DEPT).unread
    assert [u.reason for u in exact] == [
        "文化旅游体育与传媒支出/文化和旅游/群众文化 is not in the 2021 catalogue"
    ]


def test_garbled_item_clause_is_unread_and_the_good_clause_read() -> None:
    text = "1.社会保障和就业（208）行政事业单位养老支出（05）：支行政单位离退休（01）出决算为13.1万元；机关事业单位基本养老保险（05）支出决算为46.68万元。"
    result = read_report(text, year=2021, department=DEPT)
    assert result.disclosure.general_budget is not None
    assert [i.code.code for i in result.disclosure.general_budget.items] == ["2080505"]
    assert [u.figures for u in result.unread] == [("13.1万元",)]


def test_three_public_shares_have_no_field_and_are_reported() -> None:
    text = "2021年“三公”经费财政拨款支出决算中，因公出国（境）费支出决算0万元，占0%；公务接待费支出决算2万元，占100%。"
    result = read_report(text, department=DEPT)
    tp = result.disclosure.three_public
    assert tp is not None and (tp.outbound.actual, tp.reception.actual) == (Amount("0"), Amount("2"))
    assert [u.figures for u in result.unread] == [("0%", "100%")]


def test_conflicting_restatement_keeps_the_first_and_reports_the_second() -> None:
    result = read_report("2021年本年收入合计100万元。\n2021年本年收入合计101万元。", department=DEPT)
    assert result.disclosure.revenue is not None and result.disclosure.revenue.total == Amount("100")
    assert len(result.unread) == 1 and "already stated" in result.unread[0].reason


def test_chart_data_fill_previous_only_when_unambiguous() -> None:
    base = (
        "2021年度收、支总计100万元，与2020年相比，收、支总计各减少10万元，下降9.09%。\n"
        "图1：收、支决算总计变动情况（万元）\n"
        "2021年财政拨款收、支总计100万元。与2020年相比，财政拨款收、支总计各减少5万元，下降4.76%。\n"
        "图4：财政拨款收、支决算总计变动情况（万元）\n"
    )
    one_chart = base.replace("图4", "表4") + "2020年\t2021年\t110\t100\n"
    d = read_report(one_chart, department=DEPT).disclosure
    assert d.overview is not None and d.overview.change is not None
    assert d.overview.change.previous == Amount("110")
    # two captioned charts with the same current figure: the data row could be either
    result = read_report(base + "2020年\t2021年\t110\t100\n2020年\t2021年\t105\t100\n", department=DEPT)
    assert result.disclosure.overview is not None and result.disclosure.overview.change is not None
    assert result.disclosure.overview.change.previous is None
    assert any("ambiguous" in note for note in result.notes)


def test_word_table_labels_lose_their_whitespace(seed: ReadResult) -> None:
    assert seed.disclosure.performance is not None
    levels = {(i.level1, i.level2) for e in seed.disclosure.performance.evaluations for i in e.indicators}
    assert ("满意度指标", "满意度指标") in levels
    assert ("效益指标", "社会效益指标") in levels
    assert ("效益指标", "可持续影响指标") in levels


# --- templates, year, department, errors -------------------------------------------------------------------------


def test_template_is_detected_or_given(seed_text: str) -> None:
    assert read_report(seed_text, template="central").disclosure.template == "central"
    with pytest.raises(InputError):
        read_report(seed_text, template="nowhere")


def test_year_and_department_may_be_given(seed_text: str) -> None:
    d = read_report(seed_text, year=2021, department="另一个名称").disclosure
    assert d.department == "另一个名称"
    result = read_report("本年收入合计5万元。", year=2030)
    assert result.disclosure.year == 2030 and result.disclosure.department == "（未识别部门）"
    assert result.notes


@pytest.mark.parametrize(
    ("value", "kwargs"),
    [
        (b"2021", {}),
        (None, {}),
        (2021, {}),
        ("2021年度收、支总计1万元\ud800", {}),
        ("没有年度的文字", {}),
        ("2021年度", {"year": 1800}),
        ("2021年度", {"year": True}),
        ("2021年度", {"department": " "}),
    ],
)
def test_unreadable_input_raises_input_error(value: Any, kwargs: dict[str, Any]) -> None:
    with pytest.raises(InputError):
        read_report(value, **kwargs)


def test_bytes_are_decoded_or_refused() -> None:
    text = "2021年政府性基金预算财政拨款支出91.5万元。"
    for data in (text.encode("utf-8"), b"\xef\xbb\xbf" + text.encode("utf-8"), text.encode("gb18030")):
        result = read_report_bytes(data, department="示例")
        assert result.disclosure.government_fund is not None
    with pytest.raises(InputError):
        read_report_bytes(b"\xff\xfe\x00\xd8" * 3, encoding="utf-8")
    with pytest.raises(InputError):
        read_report_bytes(b"2021", encoding="no-such-codec")
    with pytest.raises(InputError):
        read_report_bytes("text")  # type: ignore[arg-type]


# --- normalization --------------------------------------------------------------------------------------------------


@given(st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=200))
def test_normalization_with_and_without_origins_agree(raw: str) -> None:
    raw = raw.replace("\n", "")
    fast = normalize_line(raw).text
    slow = normalize_line(raw, with_origin=True)
    assert slow.text == fast
    assert slow.origin is not None and len(slow.origin) == len(fast)
    assert list(slow.origin) == sorted(slow.origin)


def test_document_keeps_absolute_offsets() -> None:
    text = "前言\n[bookmark: a]收入合计 ８７４．６３ 万元\n"
    line = Document(text).lines[1]
    start, end = line.absolute(4, 10)
    assert text[start:end] == "８７４．６３"


# --- noise: never anything but InputError, never an invented figure --------------------------------------------------

_BOOKMARK = re.compile(r"\[bookmark:[^\]\n]*\]")
_DELETED = dict.fromkeys(map(ord, "\u200b\ufeff\u00ad\r"))
_ALNUM = re.compile(r"[0-9A-Za-z]")


def _numbers_in(text: str) -> set[Decimal]:
    """Every number printed in ``text`` (read independently of the reader), also ÷10^4 and ×10^4."""
    text = _BOOKMARK.sub("", text).translate(_DELETED)
    text = unicodedata.normalize("NFKC", text)
    pieces = []
    for chunk in re.split(r"(\s+)", text):
        pieces.append(chunk if not chunk.isspace() else "\0")
    joined = "".join(pieces)
    joined = re.sub(
        r"(?<=[0-9A-Za-z])\0(?=[0-9A-Za-z])", " ", joined
    )  # whitespace kept only between ASCII letters/digits
    joined = joined.replace("\0", "")
    joined = re.sub(r"(?<![\d.])\d{1,3}(?:,\d{3})+(?!\d)", lambda m: m.group().replace(",", ""), joined)
    found: set[Decimal] = set()
    for match in re.finditer(r"\d+(?:\.\d+)?", joined):
        number = Decimal(match.group())
        found.update({number, number.scaleb(-4), number.scaleb(4)})
    return found


def _figures(obj: object) -> Iterator[Decimal]:
    if isinstance(obj, (Amount, Percent)):
        yield obj.value
    elif type(obj) is int:
        yield Decimal(obj)
    elif isinstance(obj, tuple):
        for element in obj:
            yield from _figures(element)
    elif attrs.has(type(obj)):
        for field in attrs.fields(type(obj)):  # type: ignore[arg-type]
            if field.name in ("year", "code"):
                continue
            yield from _figures(getattr(obj, field.name))


def _check_no_invented_figure(text: str, result: ReadResult) -> None:
    printed = _numbers_in(text)
    for value in _figures(result.disclosure):
        assert value in printed or value.normalize() in {p.normalize() for p in printed}, value
    for source in result.sources:
        assert resolve_path(result.disclosure, source.path) is not None


def _read_or_input_error(text: str, **kwargs: Any) -> ReadResult | None:
    try:
        return read_report(text, **kwargs)
    except InputError:
        return None


_JUNK = st.text(
    alphabet=st.sampled_from(
        list(
            "收支总计万元占%0123456789.，。；：（）()\t 　类款项三公经费增加减少下降持平编制实有辆批次１２．％"
        )
    ),
    max_size=60,
)
_PHRASES = st.lists(
    st.sampled_from(
        [
            "2021年",
            "本年收入合计",
            "本年支出合计",
            "收、支总计",
            "财政拨款",
            "一般公共预算财政拨款支出",
            "主要用于以下方面：",
            "一般公共服务支出",
            "（201）",
            "（03）",
            "（01）",
            "（类）",
            "（款）",
            "（项）",
            "支出决算为",
            "年初预算为",
            "完成预算",
            "，其中：",
            "占",
            "各减少",
            "增加",
            "下降",
            "与2020年相比，",
            "持平",
            "“三公”经费",
            "因公出国（境）",
            "公务接待",
            "团组",
            "批次",
            "人次",
            "辆",
            "用车",
            "编制",
            "实有",
            "区政府办公室内设机构",
            "名",
            "个项目开展了绩效自评",
            "万元",
            "元",
            "%",
            "。",
            "；",
            "\n",
            "\t",
            "  ",
            "绩效目标自评（某项目）",
            "预算数：",
            "一级指标",
            "三级指标",
        ]
    )
    | st.integers(0, 10**15).map(str)
    | st.decimals(0, 10**6, places=2).map(str),
    max_size=40,
).map("".join)
_WIDE = str.maketrans("0123456789.%()", "０１２３４５６７８９．％（）")


@st.composite
def noisy_seeds(draw: st.DrawFn) -> str:
    lines = _seed_text().split("\n")
    for _ in range(draw(st.integers(0, 5))):
        index = draw(st.integers(0, len(lines)))
        lines.insert(index, draw(_JUNK))
    for _ in range(draw(st.integers(0, 8))):
        index = draw(st.integers(0, len(lines) - 1))
        line = lines[index]
        if line:
            at = draw(st.integers(0, len(line)))
            lines[index] = line[:at] + draw(st.sampled_from([" ", "  ", "\t", "\n", "　"])) + line[at:]
    for _ in range(draw(st.integers(0, 8))):
        index = draw(st.integers(0, len(lines) - 1))
        lines[index] = lines[index].translate(_WIDE)
    text = "\n".join(lines)
    if draw(st.booleans()):
        text = text[: draw(st.integers(0, len(text)))]
    return text


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
@given(noisy_seeds())
def test_noisy_seed_never_raises_and_never_invents(text: str) -> None:
    result = _read_or_input_error(text)
    if result is None:  # e.g. truncated before any year is stated
        result = read_report(text, year=2021)
    _check_no_invented_figure(text, result)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400) | st.lists(_JUNK, max_size=20).map("\n".join) | _PHRASES)
def test_arbitrary_text_never_raises_and_never_invents(text: str) -> None:
    result = _read_or_input_error(text)
    if result is not None:
        _check_no_invented_figure(text, result)
    # with the year given, any text is readable (read_text: a one-line str such as "a.pdf" read by
    # read_report names a file)
    fixed = read_text(text, year=2021, department="任意")
    _check_no_invented_figure(text, fixed)


def test_ten_megabytes_of_junk_finish_and_report_their_figures_unread() -> None:
    """Adversarial input is read to the end and its figures reported (timing: benchmarks/)."""
    pattern = (
        "收、支总计各减少19.37万元，下降2.17%（201）（03）：\t占 5%；一般公共预算财政拨款支出" * 3 + "\n"
    )
    junk = (pattern * (10_000_000 // len(pattern) + 1))[:10_000_000]
    result = read_report(junk, year=2021, department="任意")
    assert result.unread and result.unread[-1].line >= junk.count("\n")
    one_line = ("2021年本年收入合计1万元，占5%" * 500_000)[:10_000_000]
    result = read_report(one_line, year=2021, department="任意")
    assert result.unread


# --- round trip with the narrative renderer ----------------------------------------------------------------------------

NARRATIVE_TEMPLATES = ("sichuan-2021", "all-lines")


def _same(a: object, b: object) -> bool:
    if isinstance(a, (Amount, Percent)) and isinstance(b, type(a)):
        return a.value == b.value
    return a == b


def _change(prefix: str, change: Any) -> dict[str, object]:
    if change is None:
        return {}
    out: dict[str, object] = {f"{prefix}.direction": change.direction}
    if change.direction is not Direction.FLAT:
        if change.amount is not None:
            out[f"{prefix}.amount"] = change.amount
        if change.rate is not None:
            out[f"{prefix}.rate"] = change.rate
    return out


def _line_name(line: FunctionLine) -> dict[str, object]:
    return {"name": line.name} if line.name is not None else {}


def stated(d: Disclosure, template: str) -> dict[str, object]:
    """The figures ``render_narrative(d, template=template)`` prints, keyed by a stable path."""
    out: dict[str, object] = {}
    o = d.overview
    if o is not None and o.revenue_grand_total is not None:
        out["overview.revenue_grand_total"] = o.revenue_grand_total
        if o.expenditure_grand_total is not None:
            out["overview.expenditure_grand_total"] = o.expenditure_grand_total
        out.update(_change("overview.change", o.change))
    if d.revenue is not None and d.revenue.total is not None:
        out["revenue.total"] = d.revenue.total
        for line in d.revenue.lines:
            out[f"revenue.{line.source.value}.amount"] = line.amount
            if line.share is not None:
                out[f"revenue.{line.source.value}.share"] = line.share
    if d.expenditure is not None and d.expenditure.total is not None:
        out["expenditure.total"] = d.expenditure.total
        for kind in d.expenditure.lines:
            out[f"expenditure.{kind.kind.value}.amount"] = kind.amount
            if kind.share is not None:
                out[f"expenditure.{kind.kind.value}.share"] = kind.share
    if d.fiscal is not None and d.fiscal.grand_total is not None:
        out["fiscal.grand_total"] = d.fiscal.grand_total
        out.update(_change("fiscal.change", d.fiscal.change))
    g = d.general_budget
    if g is not None:
        if g.total is not None:
            out["gb.total"] = g.total
            if g.share is not None:
                out["gb.share"] = g.share
            out.update(_change("gb.change", g.change))
        if g.classes and (g.structure_total or g.total) is not None:
            out["gb.structure_total"] = g.structure_total if g.structure_total is not None else g.total
            for c in g.classes:
                out[f"gb.class.{c.code}.amount"] = c.amount
                if c.share is not None:
                    out[f"gb.class.{c.code}.share"] = c.share
        if g.items and (g.detail_total or g.total) is not None:
            out["gb.detail_total"] = g.detail_total if g.detail_total is not None else g.total
            if g.detail_completion is not None:
                out["gb.detail_completion"] = g.detail_completion
            for item in g.items:
                out[f"gb.item.{item.code}.amount"] = item.amount
                for key, value in _line_name(item).items():
                    out[f"gb.item.{item.code}.{key}"] = value
                if item.completion is not None:
                    out[f"gb.item.{item.code}.completion"] = item.completion
                if template == "all-lines" and item.budget is not None:
                    out[f"gb.item.{item.code}.budget"] = item.budget
    b = d.basic_expenditure
    if b is not None and b.total is not None:
        out["basic.total"] = b.total
        for name in ("personnel", "public"):
            if getattr(b, name) is not None:
                out[f"basic.{name}"] = getattr(b, name)
    tp = d.three_public
    if tp is not None and tp.total.actual is not None:
        out["tp.total.actual"] = tp.total.actual
        if tp.total.completion is not None:
            out["tp.total.completion"] = tp.total.completion
        out.update(_change("tp.total.versus_budget", tp.total.versus_budget))
        for name in ("outbound", "vehicles", "reception"):
            figure = getattr(tp, name)
            if figure.actual is not None:
                out[f"tp.{name}.actual"] = figure.actual
                if figure.completion is not None:
                    out[f"tp.{name}.completion"] = figure.completion
                out.update(_change(f"tp.{name}.change", figure.change))
        parts = (tp.vehicles.actual, tp.vehicle_purchase.actual, tp.vehicle_operation.actual)
        if None not in parts:
            out["tp.vehicle_purchase.actual"] = tp.vehicle_purchase.actual
            out["tp.vehicle_operation.actual"] = tp.vehicle_operation.actual
        if tp.reception.actual is not None:
            for name in ("domestic_reception", "foreign_reception"):
                if getattr(tp, name).actual is not None:
                    out[f"tp.{name}.actual"] = getattr(tp, name).actual
        pairs = (
            ("outbound_groups", "outbound_people", tp.outbound.actual),
            ("vehicles_purchased", "vehicles_held", tp.vehicles.actual),
            ("domestic_batches", "domestic_people", tp.domestic_reception.actual),
            ("foreign_batches", "foreign_people", tp.foreign_reception.actual),
        )
        for first, second, shown in pairs:
            if shown is not None and getattr(tp, first) is not None and getattr(tp, second) is not None:
                out[f"tp.{first}"] = getattr(tp, first)
                out[f"tp.{second}"] = getattr(tp, second)
    for name in ("government_fund", "state_capital"):
        f = getattr(d, name)
        if f is not None and f.total is not None:
            out[f"{name}.total"] = f.total
            out.update(_change(f"{name}.change", f.change))
    oc = d.operating_costs
    if oc is not None and oc.amount is not None:
        out["oc.amount"] = oc.amount
        out.update(_change("oc.change", oc.change))
    pr = d.procurement
    if pr is not None and pr.total is not None:
        out["pr.total"] = pr.total
        if None not in (pr.goods, pr.works, pr.services):
            out.update({"pr.goods": pr.goods, "pr.works": pr.works, "pr.services": pr.services})
        for name in ("sme", "small_micro"):
            if getattr(pr, name) is not None:
                out[f"pr.{name}"] = getattr(pr, name)
                if getattr(pr, f"{name}_share") is not None:
                    out[f"pr.{name}_share"] = getattr(pr, f"{name}_share")
    a = d.assets
    if a is not None:
        if a.vehicles_total is not None:
            out["assets.vehicles_total"] = a.vehicles_total
            out.update({f"assets.vehicle.{c.category}": c.count for c in a.vehicles})
            if a.as_of is not None:
                out["assets.as_of"] = a.as_of
        if a.general_equipment is not None and a.special_equipment is not None:
            out["assets.general_equipment"] = a.general_equipment
            out["assets.special_equipment"] = a.special_equipment
    p = d.performance
    names = ("projects_assessed", "projects_with_targets", "projects_monitored", "projects_self_evaluated")
    if p is not None and all(getattr(p, n) is not None for n in names):
        out.update({f"performance.{n}": getattr(p, n) for n in names})
    return out


def given_back(d: Disclosure) -> dict[str, object]:
    """The same view of a Disclosure read back (every figure it holds, keyed like :func:`stated`)."""
    return stated(d, "all-lines")


def _assert_round_trip(d: Disclosure, template: str) -> None:
    text = render_narrative(d, template=template).text
    result = read_report(text, department=d.department)
    assert result.disclosure.year == d.year
    expected = stated(d, template)
    found = given_back(result.disclosure)
    missing = {k: v for k, v in expected.items() if k not in found or not _same(v, found[k])}
    assert not missing, (missing, {k: found.get(k) for k in missing}, text)
    assert [u for u in result.unread if u.figures] == [], text


@pytest.mark.parametrize("template", NARRATIVE_TEMPLATES)
def test_round_trip_seed_example(example: Disclosure, template: str) -> None:
    _assert_round_trip(example, template)


A = Amount
GPB, GF = Fund.GENERAL_BUDGET, Fund.GOVERNMENT_FUND
BASIC, PROJECT = ExpenditureKind.BASIC, ExpenditureKind.PROJECT


def _item(
    code: str, fund: Fund, kind: ExpenditureKind, amount: str, econ: str | None = None
) -> ExpenditureItem:
    return ExpenditureItem(FunctionCode(code), fund, kind, A(amount), EconomicCode(econ) if econ else None)


def hand_built_ledger() -> Ledger:
    return Ledger(
        year=2021,
        department="示例局",
        revenue=(
            RevenueItem(RevenueSource.GENERAL_BUDGET, A("300.004")),
            RevenueItem(RevenueSource.GOVERNMENT_FUND, A("50")),
            RevenueItem(RevenueSource.OTHER, A("1.2345")),
        ),
        expenditure=(
            _item("2010301", GPB, BASIC, "200.004", "30101"),
            _item("2010301", GPB, BASIC, "40", "30201"),
            _item("2010302", GPB, PROJECT, "70"),
            _item("2080505", GPB, BASIC, "10", "30108"),
            _item("2120899", GF, PROJECT, "45"),
        ),
        opening_balances=(FundAmount(GPB, A("20")), FundAmount(Fund.NON_FISCAL, A("3"))),
        budgets=(
            BudgetLine(FunctionCode("2010301"), A("240.004")),
            BudgetLine(FunctionCode("2010302"), A("80")),
        ),
        three_public=ThreePublicAccount(
            domestic_reception=A("0.5"),
            vehicle_operation=A("1.25"),
            budget_domestic_reception=A("0.6"),
            budget_outbound=A("0"),
            budget_vehicle_purchase=A("0"),
            budget_vehicle_operation=A("2"),
            budget_foreign_reception=A("0"),
            domestic_batches=3,
            domestic_people=20,
            vehicles_purchased=0,
            vehicles_held=1,
        ),
        operating_costs=A("35"),
        procurement=ProcurementAccount(goods=A("10"), services=A("5"), sme=A("12"), small_micro=A("6")),
        prior=PriorYear(grand_total=A("380"), operating_costs=A("30"), general_budget_expenditure=A("330")),
    )


@pytest.mark.parametrize("template", NARRATIVE_TEMPLATES)
def test_round_trip_hand_built_ledger(template: str) -> None:
    _assert_round_trip(hand_built_ledger().publish(template=template), template)


_GPB_CODES = (
    "2010301",
    "2010302",
    "2010350",
    "2080501",
    "2080505",
    "2101101",
    "2101102",
    "2101103",
    "2210201",
)
_ECONOMIC = {BASIC: ("30101", "30201", "30302"), PROJECT: (None,)}


@st.composite
def ledgers(draw: st.DrawFn) -> Ledger:
    """Small valid ledgers: GPB items (and maybe one GF item), revenue covering spending, options."""
    money = st.integers(0, 2_000_000_00).map(lambda yuan: Amount.from_yuan(Decimal(yuan).scaleb(-2)))
    codes = draw(st.lists(st.sampled_from(_GPB_CODES), min_size=1, max_size=6, unique=True))
    items = []
    for code in codes:
        kind = PROJECT if code == "2010302" else BASIC
        econ = draw(st.sampled_from(_ECONOMIC[kind]))
        items.append(_item(code, GPB, kind, str(draw(money).value + Decimal("0.01")), econ))
    if draw(st.booleans()):
        items.append(_item("2120899", GF, PROJECT, str(draw(money).value)))
    spent = {fund: sum((i.amount for i in items if i.fund is fund), A(0)) for fund in (GPB, GF)}
    opening = draw(money)
    revenue = [RevenueItem(RevenueSource.GENERAL_BUDGET, max(spent[GPB] - opening, A(0)) + draw(money))]
    if spent[GF]:
        revenue.append(RevenueItem(RevenueSource.GOVERNMENT_FUND, spent[GF] + draw(money)))
    if draw(st.booleans()):
        revenue.append(RevenueItem(draw(st.sampled_from(list(RevenueSource)[3:])), draw(money)))
    budgets = tuple(
        BudgetLine(FunctionCode(code), draw(money) + A("0.01")) for code in codes if draw(st.booleans())
    )
    three_public = None
    if draw(st.booleans()):
        three_public = ThreePublicAccount(
            outbound=draw(money),
            vehicle_operation=draw(money),
            domestic_reception=draw(money),
            budget_outbound=draw(st.none() | money),
            budget_vehicle_purchase=A(0),
            budget_vehicle_operation=draw(money),
            budget_domestic_reception=draw(money),
            budget_foreign_reception=A(0),
            outbound_groups=draw(st.integers(0, 9)),
            outbound_people=draw(st.integers(0, 99)),
            domestic_batches=draw(st.integers(0, 99)),
            domestic_people=draw(st.integers(0, 999)),
        )
    prior = None
    if draw(st.booleans()):
        prior = PriorYear(
            grand_total=draw(money),
            fiscal_grand_total=draw(money),
            general_budget_expenditure=draw(money),
            operating_costs=draw(money),
        )
    return Ledger(
        year=draw(st.integers(2019, 2023)),
        department="生成的示例单位",
        revenue=tuple(revenue),
        expenditure=tuple(items),
        opening_balances=(FundAmount(GPB, opening),),
        budgets=budgets,
        three_public=three_public,
        operating_costs=draw(st.none() | money),
        procurement=draw(
            st.none()
            | st.builds(ProcurementAccount, goods=money, works=money, services=money, sme=st.none() | money)
        ),
        prior=prior,
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ledgers(), st.sampled_from(NARRATIVE_TEMPLATES))
def test_round_trip_generated_ledgers(ledger: Ledger, template: str) -> None:
    _assert_round_trip(ledger.publish(template=template), template)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_round_trip_library_strategy_ledgers(data: st.DataObject) -> None:
    """The same round trip over ``budgetacct.strategies.ledgers()`` (richer ledgers: every 类/款/项 of
    the catalogue, all funds, 三公 counts, procurement, assets)."""
    ledger = data.draw(strategies.ledgers(year=st.integers(2019, 2023)))
    template = data.draw(st.sampled_from(NARRATIVE_TEMPLATES))
    _assert_round_trip(ledger.publish(template=template), template)


@pytest.mark.parametrize(
    "phrase",
    [
        "收、支总计",
        "收支总计",
        "收、支决算总计",
        "收支决算总计",
        "收入、支出总计",
        "收入支出总计",
        "收入、支出决算总计",
        "收入支出决算总计",
    ],
)
def test_every_wording_of_both_totals_reads_for_the_department_and_for_fiscal_funds(phrase: str) -> None:
    text = f"2021年度{phrase}120.50万元。\n2021年度财政拨款{phrase}100.00万元。\n"
    result = read_report(text, department=DEPT)
    d = result.disclosure
    assert result.unread == ()
    assert d.overview is not None and d.overview.revenue_grand_total == Amount("120.50")
    assert d.overview.expenditure_grand_total == Amount("120.50")
    assert d.fiscal is not None and d.fiscal.grand_total == Amount("100.00")


# --- wordings of other provinces: read right, or left unread — never read into a false error ------------


def test_a_revenue_list_with_a_source_the_model_lacks_is_left_unread_whole() -> None:
    # "捐赠收入" is not a source of the model: reading the other sources alone would make R1 find
    # the list short of its total.
    text = (
        "二、收入决算情况说明\n"
        "本年收入合计4,800.00万元，其中：事业收入4,500.00万元，占93.75%；捐赠收入300.00万元，占6.25%。\n"
    )
    result = read_report(text, department=DEPT, year=2021)
    revenue = result.disclosure.revenue
    assert revenue is not None and revenue.total == Amount("4800.00") and revenue.lines == ()
    assert any("捐赠收入" in u.reason for u in result.unread)
    assert not audit(result.disclosure, rules=["R1"]).findings


def test_the_fiscal_revenue_of_the_year_is_not_the_departments_revenue_total() -> None:
    text = (
        "本年收入合计4,800.00万元。\n"
        "2021年度财政拨款收入总计4,600.00万元，其中本年收入合计4,500.00万元。财政拨款支出总计4,600.00万元。\n"
    )
    result = read_report(text, department=DEPT, year=2021)
    d = result.disclosure
    assert result.unread == ()
    assert d.revenue is not None and d.revenue.total == Amount("4800.00")
    assert d.fiscal is not None and d.fiscal.grand_total == Amount("4600.00")
    assert d.fiscal.revenue_total == Amount("4500.00")


def test_a_change_belongs_to_the_subject_not_to_the_base_of_a_share() -> None:
    text = (
        "2021年度一般公共预算财政拨款支出决算数为4,400.00万元，占本年支出合计的89.80%，"
        "比2020年度减少100.00万元，下降2.22%。\n"
    )
    result = read_report(text, department=DEPT, year=2021)
    gb, expenditure = result.disclosure.general_budget, result.disclosure.expenditure
    assert result.unread == ()
    assert gb is not None and (gb.total, gb.share) == (Amount("4400.00"), Percent("89.80"))
    assert gb.detail_total is None  # no budget, no completion: the §五(一) total
    assert gb.change is not None and (gb.change.amount, gb.change.rate) == (Amount("100.00"), Percent("2.22"))
    assert expenditure is None or expenditure.change is None


def test_a_class_list_under_its_structure_heading_needs_no_lead_phrase() -> None:
    text = (
        "五、一般公共预算财政拨款支出决算情况说明\n"
        "（二）一般公共预算财政拨款支出决算结构情况\n"
        "卫生健康支出（类）4,000.00万元，占90.91%；住房保障支出（类）400.00万元，占9.09%。\n"
    )
    result = read_report(text, department=DEPT, year=2021)
    gb = result.disclosure.general_budget
    assert result.unread == ()
    assert gb is not None and gb.items == ()
    assert [(c.code.code, c.amount, c.share) for c in gb.classes] == [
        ("210", Amount("4000.00"), Percent("90.91")),
        ("221", Amount("400.00"), Percent("9.09")),
    ]


def test_an_item_heading_printed_as_its_own_sentence_takes_the_figures_of_the_next() -> None:
    text = (
        "（三）一般公共预算财政拨款支出决算具体情况\n"
        "1.卫生健康支出（类）卫生健康管理事务（款）行政运行（项）。年初预算为500.00万元，支出决算为520.00万元，"
        "完成年初预算的104.00%。决算数大于年初预算数的主要原因是人员增加。\n"
    )
    result = read_report(text, department=DEPT, year=2021)
    gb = result.disclosure.general_budget
    assert result.unread == ()
    assert gb is not None
    (item,) = gb.items
    assert (item.code.code, item.amount, item.budget, item.completion) == (
        "2100101",
        Amount("520.00"),
        Amount("500.00"),
        Percent("104.00"),
    )


def test_fiscal_totals_stated_as_revenue_and_spending_totals_are_the_fiscal_grand_total() -> None:
    text = (
        "本部门2023年度收入总计3,456.78万元，支出总计3,456.78万元。\n"
        "四、财政拨款收入支出决算总体情况说明\n"
        "本部门2023年度财政拨款收入总计3,150.00万元，支出总计3,150.00万元。\n"
    )
    result = read_report(text, department=DEPT, year=2023)
    d = result.disclosure
    assert result.unread == ()
    assert d.overview is not None
    assert d.overview.expenditure_grand_total == d.overview.revenue_grand_total == Amount("3456.78")
    assert d.fiscal is not None and d.fiscal.grand_total == Amount("3150.00")
    assert len(result.sources_for("$.fiscal.grand_total")) == 2
    # Different figures are the year's fiscal revenue and spending, as real reports print them
    # (四川 一妇幼保健院 2020: “财政拨款收入总计1614.63万元…；财政拨款支出总计1870.91万元”).
    uneven = read_report(text.replace("支出总计3,150.00", "支出总计3,100.00"), department=DEPT, year=2023)
    assert uneven.unread == ()
    fiscal = uneven.disclosure.fiscal
    assert fiscal is not None and fiscal.grand_total is None
    assert (fiscal.revenue_total, fiscal.expenditure_total) == (Amount("3150.00"), Amount("3100.00"))


def test_a_class_list_after_qizhong_under_the_structure_heading_names_classes_without_marks() -> None:
    text = (
        "（二）一般公共预算财政拨款支出决算结构情况\n"
        "本部门2023年度一般公共预算财政拨款支出3,020.00万元，其中：教育支出2,700.00万元，占89.40%；"
        "社会保障和就业支出200.00万元，占6.62%；卫生健康支出60.00万元，占1.99%；住房保障支出60.00万元，占1.99%。\n"
    )
    result = read_report(text, department=DEPT, year=2023)
    gb = result.disclosure.general_budget
    assert result.unread == ()
    assert gb is not None and gb.structure_total == Amount("3020.00")
    assert [(c.code.code, c.amount, c.share) for c in gb.classes] == [
        ("205", Amount("2700.00"), Percent("89.40")),
        ("208", Amount("200.00"), Percent("6.62")),
        ("210", Amount("60.00"), Percent("1.99")),
        ("221", Amount("60.00"), Percent("1.99")),
    ]
    # Outside the 结构 heading the same sentence does not list classes.
    elsewhere = read_report(text.split("\n", 1)[1], department=DEPT, year=2023)
    other = elsewhere.disclosure.general_budget
    assert other is not None and other.classes == ()


_EDUCATION_ITEMS = (
    "（三）一般公共预算财政拨款支出决算具体情况\n"
    "本部门2023年度一般公共预算财政拨款支出年初预算为2,660.00万元，支出决算为2,700.00万元，完成年初预算的101.50%。其中：\n"
    "1.教育支出（类）普通教育（款）小学教育（项）。年初预算为1,800.00万元，支出决算为1,850.00万元，完成年初预算的102.78%。\n"
    "2.教育支出（类）普通教育（款）初中教育（项）。年初预算为860.00万元，支出决算为850.00万元，完成年初预算的98.84%。\n"
)


def test_education_items_are_named_from_the_bundled_catalogue() -> None:
    result = read_report(_EDUCATION_ITEMS, department=DEPT, year=2023)
    gb = result.disclosure.general_budget
    assert result.unread == ()
    assert gb is not None and gb.items_complete
    assert [(i.code.code, i.amount, i.parent_names) for i in gb.items] == [
        ("2050202", Amount("1850.00"), ("教育支出", "普通教育")),
        ("2050203", Amount("850.00"), ("教育支出", "普通教育")),
    ]
    assert not audit(result.disclosure).errors


def test_an_item_the_catalogue_lacks_leaves_the_list_incomplete_not_wrong() -> None:
    text = _EDUCATION_ITEMS.replace("初中教育（项）", "示范初中教育（项）")
    result = read_report(text, department=DEPT, year=2023)
    gb = result.disclosure.general_budget
    assert gb is not None and not gb.items_complete
    assert [i.code.code for i in gb.items] == ["2050202"]
    assert [u.figures[0] for u in result.unread] == ["860.00万元"]
    assert result.notes == (
        "$.general_budget.items is incomplete: an element printed in the text was left unread",
    )
    # 1,850 is not 2,700, but the list is known to be incomplete: no error; each item is checked.
    report = audit(result.disclosure)
    assert not report.errors
    assert "R39" in report.rules_run
    # Written and read back, the flag is kept.
    assert loads(dump(result.disclosure)) == result.disclosure
    assert '"items_complete": false' in dump(result.disclosure)


def test_a_change_after_grand_totals_printed_apart_belongs_to_them() -> None:
    text = (
        "2022年度收入总计5,678.90万元，支出总计5,678.90万元，同比增加678.90万元，增长13.58%。\n"
        "2022年度财政拨款收入总计5,100.00万元，支出总计5,100.00万元，同比增长10.87%。\n"
    )
    result = read_report(text, department=DEPT, year=2022)
    d = result.disclosure
    assert result.unread == ()
    assert d.overview is not None and d.overview.change is not None
    assert (d.overview.change.amount, d.overview.change.rate) == (Amount("678.90"), Percent("13.58"))
    assert d.fiscal is not None and d.fiscal.change is not None
    assert (d.fiscal.change.amount, d.fiscal.change.rate) == (None, Percent("10.87"))


# --- 收入支出决算总表 (T1) pasted as rows ------------------------------------------------------------------------

SUMMARY_TABLE = (Path(__file__).parent / "data" / "summary-table-2021.txt").read_text(encoding="utf-8")


def test_the_summary_table_is_read_side_by_side() -> None:
    result = read_report(SUMMARY_TABLE)
    d = result.disclosure
    assert result.unread == ()
    assert d.overview is not None
    assert (d.overview.revenue_grand_total, d.overview.expenditure_grand_total) == (Amount("312.50"),) * 2
    assert (d.overview.opening_balance, d.overview.closing_balance) == (Amount("0.00"),) * 2
    assert d.revenue is not None and d.revenue.total == Amount("312.50")
    # zero lines are left out, as the publishers' lists leave them out
    assert [(line.source, line.amount) for line in d.revenue.lines] == [
        (RevenueSource.GENERAL_BUDGET, Amount("292.50")),
        (RevenueSource.OPERATIONS, Amount("20.00")),
    ]
    assert d.expenditure is not None and d.expenditure.total == Amount("312.50")
    assert [(c.code.code, c.amount, c.name) for c in d.expenditure.classes] == [
        ("201", Amount("272.50"), "一般公共服务支出"),
        ("221", Amount("40.00"), "住房保障支出"),
    ]
    source = result.sources_for("$.expenditure.classes[1].amount")[0]
    assert (source.line, SUMMARY_TABLE[source.start : source.end]) == (13, "40.00")
    assert not audit(d).findings


def test_a_summary_row_the_reader_does_not_know_is_reported_once_and_its_lists_with_it() -> None:
    text = SUMMARY_TABLE.replace("六、经营收入\t6\t0.00", "六、代管款项收入\t6\t5.00")
    reasons = [u.reason for u in read_report(text).unread]
    assert sum("does not know" in reason for reason in reasons) == 1
    assert sum("its lists are not used" in reason for reason in reasons) == 4


def test_bare_numbers_of_a_table_the_reader_does_not_read_are_reported() -> None:
    text = (
        "十、一般公共预算财政拨款“三公”经费支出决算表\n金额单位：万元\n"
        "因公出国（境）费\t0.50\t公务接待费\t2.50\n"
        "公务用车运行维护费\t3.25\n"  # two cells alone: still a row of the table
    )
    result = read_report(text, department=DEPT, year=2021)
    assert [u.figures for u in result.unread] == [("0.50", "2.50"), ("3.25",)]
    # A list of table titles (a table of contents) followed by chart data is not a table.
    contents = "四、财政拨款收入支出决算总表\n五、一般公共预算财政拨款收入支出决算表\n一般公共服务支出\t59.77\t43.99\n"
    assert read_report(contents, department=DEPT, year=2021).unread == ()


def test_items_printed_with_their_whole_code() -> None:
    text = (
        "（三）一般公共预算财政拨款支出决算具体情况\n"
        "1.行政运行（2010801）。年初预算为500.00万元，支出决算为510.00万元，完成年初预算的102%。\n"
        "2.2010802一般行政管理事务：年初预算为60.00万元，支出决算为70.00万元，完成年初预算的116.67%。\n"
        "3.2210201住房公积金支出决算为40.00万元。\n"
        "第三部分 名词解释\n"
        "2010801行政运行：指行政单位（包括实行公务员管理的事业单位）的基本支出。\n"
    )
    result = read_report(text, department=DEPT, year=2022)
    gb = result.disclosure.general_budget
    assert result.unread == ()
    assert gb is not None and gb.items_complete
    assert [(i.code.code, i.name, i.amount, i.budget) for i in gb.items] == [
        ("2010801", "行政运行", Amount("510.00"), Amount("500.00")),
        ("2010802", "一般行政管理事务", Amount("70.00"), Amount("60.00")),
        ("2210201", "住房公积金", Amount("40.00"), None),
    ]
    # An item line whose figures are not understood leaves the list incomplete.
    odd = read_report(
        text.replace("3.2210201住房公积金", "3.2210202提租补贴：全年执行率100%。4.2210201住房公积金"),
        department=DEPT,
        year=2022,
    )
    assert odd.disclosure.general_budget is not None and not odd.disclosure.general_budget.items_complete
    assert [u.figures for u in odd.unread] == [("100%",)]


def test_grand_totals_each_with_its_own_change_and_items_enumerated_in_brackets() -> None:
    text = (
        "2023年度收入总计1,020.00万元，比2022年度增加20.00万元，增长2.00%；"
        "支出总计1,020.00万元，比2022年度增加20.00万元，增长2.00%。\n"
        "2023年度财政拨款收入总计990.00万元，支出总计990.00万元，比2022年度减少10.00万元，下降1.00%。\n"
        "（一）一般公共服务支出（类）统计信息事务（款）行政运行（项）。年初预算为700.00万元，支出决算为690.00万元，"
        "完成预算的98.57%。\n"
    )
    result = read_report(text, department=DEPT, year=2023)
    d = result.disclosure
    assert result.unread == ()
    assert d.overview is not None and d.overview.change is not None
    assert (d.overview.change.amount, d.overview.change.rate) == (Amount("20.00"), Percent("2.00"))
    assert len(result.sources_for("$.overview.change.amount")) == 2
    assert d.fiscal is not None and d.fiscal.change is not None
    assert d.fiscal.change.amount == Amount("10.00")
    gb = d.general_budget
    assert gb is not None and [i.code.code for i in gb.items] == ["2010501"]


# --- 项目支出绩效自评表 in the MoF form, one row per line ---------------------------------------------------------

MOF_EVALUATION = (Path(__file__).parent / "data" / "self-evaluation-mof-2023.txt").read_text(encoding="utf-8")


def test_the_mof_self_evaluation_form_pasted_as_rows() -> None:
    result = read_report(MOF_EVALUATION)
    assert result.unread == ()
    performance = result.disclosure.performance
    assert performance is not None
    (e,) = performance.evaluations
    assert (e.name, e.department, e.implementing_unit) == ("社区文化活动经费", "示例区文化局", "示例区文化馆")
    # 全年预算数 (not 年初预算数) is the budget; 全年执行数 the executed figure.
    assert (e.budget.total, e.budget.fiscal, e.budget.other) == (Amount("50"), Amount("50"), Amount("0"))
    assert (e.executed.total, e.executed.fiscal, e.executed.other) == (
        Amount("45"),
        Amount("45"),
        Amount("0"),
    )
    assert (e.execution_weight, e.execution_score, e.total_score) == (Decimal(10), Decimal(9), Decimal(99))
    assert (e.goal_expected, e.goal_actual) == ("全年举办文化活动20场", "全年举办文化活动22场")
    # Rows keep their empty leading cells: the 一级 carried down, the columns read from the left.
    assert [(i.level1, i.level2, i.name, i.target, i.actual, i.weight, i.score) for i in e.indicators][1] == (
        "产出指标",
        "质量指标",
        "活动合格率",
        "100%",
        "100%",
        Decimal(20),
        Decimal(20),
    )
    assert len(e.indicators) == 6
    # The weights (产出 60, 效益 20) differ from the standard split; everything else adds up.
    report = audit(result.disclosure)
    assert [(f.rule, f.severity.value) for f in report] == [("R51", "warning"), ("R51", "warning")]


def test_a_budget_that_differs_from_its_split_is_found_in_the_mof_form() -> None:
    text = MOF_EVALUATION.replace("其中：当年财政拨款\t50\t50\t45", "其中：当年财政拨款\t50\t50\t44")
    report = audit(read_report(text).disclosure)
    assert [(f.rule, f.path) for f in report.errors] == [
        ("R47", "$.performance.evaluations[0].executed.total")
    ]


def test_a_carryover_leaves_only_the_totals_of_the_mof_form() -> None:
    text = MOF_EVALUATION.replace("上年结转资金\t0\t0\t0", "上年结转资金\t5\t5\t5").replace(
        "年度资金总额\t50\t50\t45", "年度资金总额\t55\t55\t50"
    )
    (e,) = read_report(text).disclosure.performance.evaluations  # type: ignore[union-attr]
    assert (e.budget.total, e.budget.fiscal, e.executed.total, e.executed.other) == (
        Amount("55"),
        None,
        Amount("50"),
        None,
    )


def test_an_unread_indicator_row_drops_the_weights_and_scores_not_the_indicators() -> None:
    text = MOF_EVALUATION.replace(
        "\t\t质量指标\t活动合格率\t100%\t100%\t20\t20\t", "\t\t质量指标\t\t\t100%\t20\t20\t"
    )
    result = read_report(text)
    (e,) = result.disclosure.performance.evaluations  # type: ignore[union-attr]
    assert len(e.indicators) == 5
    assert all(i.weight is None and i.score is None for i in e.indicators)
    assert (e.execution_weight, e.execution_score, e.total_score) == (None, None, None)
    assert [u.reason for u in result.unread] == ["indicator row not understood"]
    assert not [f for f in audit(result.disclosure) if f.rule == "R51"]


# --- 财政拨款收入支出决算总表 (T4) pasted as rows --------------------------------------------------------------------

FISCAL_TABLE = (Path(__file__).parent / "data" / "fiscal-table-2021.txt").read_text(encoding="utf-8")


def test_the_fiscal_summary_table_gives_the_totals_and_each_funds_flow() -> None:
    result = read_report(FISCAL_TABLE)
    fiscal = result.disclosure.fiscal
    assert fiscal is not None
    assert (fiscal.grand_total, fiscal.revenue_total, fiscal.expenditure_total) == (
        Amount("307.50"),
        Amount("302.50"),
        Amount("302.50"),
    )
    assert (fiscal.opening_balance, fiscal.closing_balance) == (Amount("5.00"), Amount("5.00"))
    flows = {f.fund: (f.opening, f.revenue, f.expenditure, f.closing) for f in fiscal.funds}
    assert flows[Fund.GENERAL_BUDGET] == (Amount("5.00"), Amount("292.50"), Amount("292.50"), Amount("5.00"))
    assert flows[Fund.GOVERNMENT_FUND] == (Amount("0.00"), Amount("10.00"), Amount("10.00"), Amount("0.00"))
    # 支出 by 类 and fund is a table the model does not hold: reported, not dropped.
    assert [(u.line, u.figures) for u in result.unread] == [
        (9, ("252.50", "252.50", "0.00", "0.00")),
        (10, ("40.00", "40.00", "0.00", "0.00")),
        (11, ("10.00", "0.00", "10.00", "0.00")),
    ]
    assert not audit(result.disclosure).findings


# --- 一般公共预算财政拨款基本支出决算表 pasted as rows -----------------------------------------------------------------

BASIC_TABLE = (Path(__file__).parent / "data" / "basic-table-2021.txt").read_text(encoding="utf-8")


def test_the_basic_spending_table_gives_the_economic_lines_side_by_side() -> None:
    result = read_report(BASIC_TABLE)
    basic = result.disclosure.basic_expenditure
    assert result.unread == ()
    assert basic is not None and (basic.personnel, basic.public) == (Amount("210.00"), Amount("40.00"))
    lines = {line.code.code: (line.amount, line.name) for line in basic.lines}
    assert lines["30101"] == (Amount("120.00"), "基本工资")
    assert lines["30211"] == (Amount("15.00"), "差旅费")
    assert "310" not in lines  # a zero line is left out
    assert len(lines) == 8
    assert not audit(result.disclosure).findings


# --- every pasted table: a figure that does not add up is found; an unknown row costs its lists ---------------


@pytest.mark.parametrize(
    ("table", "printed", "changed", "errors"),
    [
        pytest.param(
            SUMMARY_TABLE,
            "二十、住房保障支出\t51\t40.00",
            "二十、住房保障支出\t51\t41.00",
            # the narrative's figures, and the table as printed (each 类 is a row of its 支出 panel)
            [("R3", "$.expenditure.total"), ("R65", "$.tables[0].panels[1].rows[5].cells[0]")],
            id="收入支出决算总表",
        ),
        pytest.param(
            FISCAL_TABLE,
            "本年支出合计\t59\t302.50\t292.50\t10.00",
            "本年支出合计\t59\t302.50\t292.50\t11.00",
            [
                ("R17", "$.fiscal.expenditure_total"),
                ("R18", "$.fiscal.funds[1].closing"),
                ("R64", "$.tables[0].panels[1].rows[3].cells[0]"),
                ("R65", "$.tables[0].panels[1].rows[3].cells[2]"),
                ("R65", "$.tables[0].panels[1].rows[5].cells[2]"),
                ("R66", "$.tables[0].panels[1].rows[4].cells[2]"),
            ],
            id="财政拨款收入支出决算总表",
        ),
        pytest.param(
            BASIC_TABLE,
            "30102\t津贴补贴\t80.00",
            "30102\t津贴补贴\t81.00",
            [("R22", "$.basic_expenditure.personnel"), ("R65", "$.tables[0].panels[0].rows[0].cells[0]")],
            id="基本支出决算表",
        ),
    ],
)
def test_a_pasted_table_that_does_not_add_up_is_an_audit_error(
    table: str, printed: str, changed: str, errors: list[tuple[str, str]]
) -> None:
    assert printed in table
    report = audit(read_report(table.replace(printed, changed)).disclosure)
    assert [(f.rule, f.path) for f in report.errors] == errors


@pytest.mark.parametrize(
    ("table", "printed", "changed", "label", "lists", "total", "value"),
    [
        pytest.param(
            SUMMARY_TABLE,
            "六、经营收入\t6\t0.00",
            "六、代管款项收入\t6\t5.00",
            "代管款项收入",
            ("$.revenue.lines", "$.expenditure.classes"),
            "$.revenue.total",
            "312.50",
            id="收入支出决算总表",
        ),
        pytest.param(
            FISCAL_TABLE,
            "三、国有资本经营预算财政拨款\t3\t0.00",
            "三、其他财政资金\t3\t0.00",
            "其他财政资金",
            ("$.fiscal.funds",),
            "$.fiscal.grand_total",
            "307.50",
            id="财政拨款收入支出决算总表",
        ),
        pytest.param(
            BASIC_TABLE,
            "30302\t退休费\t10.00",
            "其他人员支出\t10.00",
            "其他人员支出",
            ("$.basic_expenditure.lines",),
            "$.basic_expenditure.personnel",
            "210.00",
            id="基本支出决算表",
        ),
    ],
)
def test_a_pasted_tables_row_the_reader_does_not_know_leaves_its_lists_unread_not_wrong(
    table: str, printed: str, changed: str, label: str, lists: tuple[str, ...], total: str, value: str
) -> None:
    assert printed in table
    result = read_report(table.replace(printed, changed))
    for path in lists:
        assert resolve_path(result.disclosure, path) in ((), None), path
    assert resolve_path(result.disclosure, total) == Amount(value)  # the totals are still read
    assert any(f"does not know: {label}" in u.reason for u in result.unread)
    assert not audit(result.disclosure).errors


# --- the pasted tables under noise --------------------------------------------------------------------------------

SUMMARY_CELLS = (Path(__file__).parent / "data" / "summary-table-cells-2019.txt").read_text(encoding="utf-8")
_TABLE_FIXTURES = (SUMMARY_TABLE, FISCAL_TABLE, BASIC_TABLE, MOF_EVALUATION, SUMMARY_CELLS)
_CELLS = st.sampled_from(
    ["", "—", "-", "0.00", "12.34", "1,234.56", "5", "合计", "总计", "其中：", "行政运行", "30101", "201"]
)


@st.composite
def noisy_tables(draw: st.DrawFn) -> str:
    lines = draw(st.sampled_from(_TABLE_FIXTURES)).split("\n")
    for _ in range(draw(st.integers(1, 6))):
        index = draw(st.integers(0, len(lines) - 1))
        cells = lines[index].split("\t")
        action = draw(st.sampled_from(["delete", "duplicate", "cell", "drop_cell", "swap"]))
        if action == "delete":
            del lines[index]
        elif action == "duplicate":
            lines.insert(index, lines[index])
        elif action == "cell":
            cells[draw(st.integers(0, len(cells) - 1))] = draw(_CELLS)
            lines[index] = "\t".join(cells)
        elif action == "drop_cell" and len(cells) > 1:
            del cells[draw(st.integers(0, len(cells) - 1))]
            lines[index] = "\t".join(cells)
        elif action == "swap" and len(cells) > 1:
            i, j = draw(st.integers(0, len(cells) - 1)), draw(st.integers(0, len(cells) - 1))
            cells[i], cells[j] = cells[j], cells[i]
            lines[index] = "\t".join(cells)
        if not lines:
            lines = [""]
    return "\n".join(lines)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(noisy_tables())
def test_damaged_tables_never_raise_and_never_invent(text: str) -> None:
    result = read_report(text, year=2021, department="任意")
    _check_no_invented_figure(text, result)
    # Whatever was read can be audited and written.
    audit(result.disclosure)
    assert loads(dump(result.disclosure)) == result.disclosure


def test_a_fund_sections_flow_and_a_change_after_a_comparison_with_the_budget() -> None:
    text = (
        "八、政府性基金预算财政拨款收入支出决算情况说明\n"
        "2023年度政府性基金预算财政拨款年初结转和结余20.00万元，本年收入500.00万元，本年支出480.00万元，"
        "年末结转和结余40.00万元。\n"
        "十、其他重要事项的情况说明\n"
        "本部门2023年度机关运行经费支出58.60万元，比年初预算数增加1.60万元，增长2.81%；"
        "比2022年度增加3.60万元，增长6.55%。\n"
    )
    result = read_report(text, department=DEPT, year=2023)
    gf, oc = result.disclosure.government_fund, result.disclosure.operating_costs
    assert gf is not None
    assert (gf.opening_balance, gf.revenue, gf.total, gf.closing_balance) == (
        Amount("20.00"),
        Amount("500.00"),
        Amount("480.00"),
        Amount("40.00"),
    )
    # The change against last year is read; the one against the budget has no place (reported).
    assert oc is not None and oc.change is not None
    assert (oc.change.amount, oc.change.rate) == (Amount("3.60"), Percent("6.55"))
    assert [u.figures for u in result.unread] == [("1.60万元", "2.81%")]


def test_older_reports_totals_and_a_fiscal_revenue_section() -> None:
    # The wording of reports before the 2018 template: “本单位收入为…，其中：财政拨款收入…”.
    text = (
        "（一）收入决算情况。\n"
        "2017年度，本单位收入为1,000.00万元，其中：财政拨款收入900.00万元，占90%；事业收入100.00万元，占10%。\n"
        "（二）支出决算情况\n"
        "2017年度，本单位支出为980.00万元。其中：基本支出700.00万元，占71.43%；项目支出280.00万元，占28.57%。\n"
        "（三）财政拨款收入决算情况。\n"
        "2017年度，本单位财政拨款收入总计900.00万元，与上年相比减少50.00万元，降低5.26%。"
        "其中：一般公共预算财政拨款收入880.00万元，政府性基金预算财政拨款收入20.00万元。\n"
        "三、一般公共预算财政拨款支出决算情况。\n"
        "2017年度，本单位一般公共预算财政拨款支出总计870.00万元，与上年相比减少40.00万元，降低4.40%。\n"
    )
    result = read_report(text, department=DEPT, year=2017)
    d = result.disclosure
    assert d.revenue is not None and d.revenue.total == Amount("1000.00")
    # 财政拨款收入 printed as one line has its own place beside the other sources.
    assert d.revenue.fiscal is not None and d.revenue.fiscal.amount == Amount("900.00")
    assert [(line.source, line.amount) for line in d.revenue.lines] == [
        (RevenueSource.OPERATIONS, Amount("100.00"))
    ]
    assert d.expenditure is not None and d.expenditure.total == Amount("980.00")
    assert [(line.kind, line.amount) for line in d.expenditure.lines] == [
        (ExpenditureKind.BASIC, Amount("700.00")),
        (ExpenditureKind.PROJECT, Amount("280.00")),
    ]
    # 880 + 20 = 900: the 财政拨款收入总计 is the year's fiscal revenue, whose change has no place.
    assert d.fiscal is not None and (d.fiscal.grand_total, d.fiscal.change) == (None, None)
    assert d.fiscal.revenue_total == Amount("900.00")
    assert ("50.00万元", "5.26%") in [u.figures for u in result.unread]
    gb = d.general_budget
    assert gb is not None and gb.change is not None and gb.change.amount == Amount("40.00")
    # The fiscal sources under 财政拨款收入 are not the year's revenue list: no false R1 error.
    assert not audit(d).errors


def test_changes_printed_as_a_pair_for_revenue_and_spending_are_not_guessed() -> None:
    text = (
        "2022年度收、支总计各是2125.49,2143.91万元。"
        "与2021年相比,收、支总计各减少267.86,570.97万元,各下降11.19%、21.03%。\n"
    )
    result = read_report(text, department=DEPT, year=2022)
    overview = result.disclosure.overview  # 收 the first of the pair, 支 the second
    assert overview is not None and overview.change is None
    assert (overview.revenue_grand_total, overview.expenditure_grand_total) == (
        Amount("2125.49"),
        Amount("2143.91"),
    )
    assert [u.figures for u in result.unread] == [("570.97万元", "11.19%", "21.03%")]


def test_another_templates_overview_totals() -> None:
    text = (
        "一、收入支出决算总体情况说明\n"
        "（一）本单位2023年度总收入125.08万元，其中本年收入117.06万元。\n"
        "3.上年结转和结余8.02万元。\n"
        "（二）本单位2023年度总支出125.08万元，其中本年支出116.12万元。\n"
    )
    d = read_report(text, department=DEPT, year=2023).disclosure
    assert d.overview is not None
    assert (
        d.overview.revenue_grand_total,
        d.overview.expenditure_grand_total,
        d.overview.opening_balance,
    ) == (
        Amount("125.08"),
        Amount("125.08"),
        Amount("8.02"),
    )
    assert d.revenue is not None and d.revenue.total == Amount("117.06")
    assert d.expenditure is not None and d.expenditure.total == Amount("116.12")
    # Outside the overview section the same words are not taken.
    elsewhere = read_report(
        text.split("\n", 1)[1].replace("（一）", "十、（一）"), department=DEPT, year=2023
    )
    assert elsewhere.disclosure.overview is None or elsewhere.disclosure.overview.revenue_grand_total is None


def test_page_reference_fields_of_a_table_of_contents_are_dropped() -> None:
    assert normalize_line("一、 主要职责 PAGEREF _Toc32310 h 3").text == "一、主要职责"
    assert normalize_line("第二部分 2023年度单位决算情况说明 PAGEREF _Toc2776 \\h 4").text == (
        "第二部分2023年度单位决算情况说明"
    )
    text = (
        "目录\n一、收入支出决算总体情况说明 PAGEREF _Toc16112 h 4\n二、收入决算情况说明 PAGEREF _Toc21777 h 4\n"
        "一、收入支出决算总体情况说明\n2023年度收、支总计均为1523.26万元。\n"
    )
    result = read_report(text, department=DEPT, year=2023)
    assert result.unread == ()
    assert result.disclosure.overview is not None
    assert result.disclosure.overview.revenue_grand_total == Amount("1523.26")
    lines = Document(text).lines
    assert lines[1].kind == "heading"


# --- a table printed one cell per line (a web page's table as text) -----------------------------------------------


def test_a_summary_table_printed_one_cell_per_line() -> None:
    result = read_report(SUMMARY_CELLS)
    d = result.disclosure
    assert result.unread == ()
    assert d.overview is not None and d.overview.expenditure_grand_total == Amount("450.55")
    assert d.revenue is not None and [(line.source, line.amount) for line in d.revenue.lines] == [
        (RevenueSource.GENERAL_BUDGET, Amount("440.55")),
        (RevenueSource.SUPERIOR_SUBSIDY, Amount("10.00")),
    ]
    assert d.expenditure is not None
    assert [(c.code.code, c.amount) for c in d.expenditure.classes] == [
        ("201", Amount("423.20")),
        ("221", Amount("27.35")),
    ]
    source = result.sources_for("$.expenditure.classes[1].amount")[0]
    assert SUMMARY_CELLS[source.start : source.end] == "27.35"
    assert not audit(d).findings
    broken = audit(read_report(SUMMARY_CELLS.replace("27.35", "28.35")).disclosure)
    assert [(f.rule, f.path) for f in broken.errors] == [("R3", "$.expenditure.total")]


def test_other_tables_printed_one_cell_per_line_are_reported_together() -> None:
    text = (
        "三、支出决算表\n金额单位：万元\n科目编码\n科目名称\n本年支出合计\n基本支出\n项目支出\n"
        "201\n一般公共服务支出\n423.20\n400.00\n23.20\n"
    )
    result = read_report(text, department=DEPT, year=2019)
    assert [(u.reason, u.figures) for u in result.unread] == [
        ("table printed one cell per line, not read", ("423.20", "400.00", "23.20"))
    ]
