"""Budget narrative wordings read by reader/budget_text.py, each with a sentence where it was seen.

The corpus reports these come from are named in reader/data/lexicon.toml ([sources]); the
function-name aliases are its [[function_name]] entries.
"""

from __future__ import annotations

import pytest

from budgetacct.codes import FunctionCode
from budgetacct.model.budget import Budget, BudgetExpenditure, BudgetRevenue, ChangeFactor, PlannedLine
from budgetacct.money import Amount, Direction
from budgetacct.reader.budget_text import read_budget_text
from budgetacct.reader.lexicon import LEXICON, load_lexicon
from budgetacct.reader.schema import ReaderBug

CODES = {
    "204": "公共安全支出",
    "20405": "法院",
    "2040501": "行政运行",
    "2040502": "一般行政管理事务",
    "208": "社会保障和就业支出",
    "20805": "行政事业单位养老支出",
    "2080505": "机关事业单位基本养老保险缴费支出",
    "20808": "抚恤",
    "210": "卫生健康支出",
    "21011": "行政事业单位医疗",
    "2101102": "事业单位医疗",
}


def _unread(text: str, codes: dict[str, str] | None = None) -> list[str]:
    return [printed for _, _, printed in read_budget_text(text, codes).unread]


def test_a_misprinted_item_name_reads_as_the_catalogue_name() -> None:
    # 江苏省高级人民法院 2019年部门预算, page 20.
    text = (
        "（一）公共安全（类）\n2．法院（款）一般行政事务管理（项）支出 5804.83 万元，与上年相比减少 245.14 万元，"
        "减少 4.05%。"
    )
    read = read_budget_text(text, CODES)
    assert [(item.code, str(item.figure.amount)) for item in read.items] == [("2040502", "5804.83")]
    assert read.unread == ()


def test_a_renamed_kuan_and_class_read_by_their_former_names() -> None:
    # 中共江苏省委办公厅 2019年部门预算, page 10: 款 20805 by its name before the rename.
    text = (
        "（二）社会保障和就业支出（类）\n2. 行政事业单位离退休（款）机关事业单位基本养老保险缴费（项）支出785.06万元，"
        "与上年相比增加41.67万元，增长5.60%。"
    )
    assert [item.code for item in read_budget_text(text, CODES).items] == ["2080505"]
    # 上海市普陀区社会福利院 2024年单位预算, page 6: 类 210 by its name before 2019.
    quoted = "5. “医疗卫生与计划生育支出（类）行政事业单位医疗（款）事业单位医疗（项）”50.37万元，主要用于人员医疗保险。"
    assert [item.code for item in read_budget_text(quoted, CODES).items] == ["2101102"]


def test_an_item_printed_without_its_de_and_with_fei() -> None:
    # 江苏省人民检察院 2018年部门预算, page 26 (its table, page 16, prints 2080504 by the catalogue name).
    codes = {**CODES, "2080504": "未归口管理的行政单位离退休"}
    text = (
        "（二）社会保障和就业支出（类）\n行政事业单位离退休（款）：2018 年预算支出合计1,836.22 万元。其中:\n"
        "1．未归口管理行政单位离退休费（项）支出 371.92 万元，与上年相比减少 1,649.26 万元，降幅 81.6 %。"
    )
    read = read_budget_text(text, codes)
    assert [(item.code, str(item.figure.amount)) for item in read.items][-1] == ("2080504", "371.92")
    assert read.unread == ()


def test_an_alias_naming_two_codes_under_its_parent_stays_unread() -> None:
    codes = {**CODES, "20899": "行政事业单位养老支出"}  # two 款 of one name: no guess
    text = "（二）社会保障和就业支出（类）\n1. 行政事业单位离退休（款）机关事业单位基本养老保险缴费（项）支出785.06万元。"
    assert read_budget_text(text, codes).items == ()
    assert _unread(text, codes) == ["785.06万元"]


def test_the_lexicon_names_each_alias_with_where_it_was_seen() -> None:
    assert LEXICON.names_for("医疗卫生与计划生育支出") == ("卫生健康支出",)
    assert all(alias.seen for alias in LEXICON.aliases)
    with pytest.raises(ReaderBug, match="printed and name"):
        load_lexicon(
            '[sources.a]\nprovince="x"\nyear=2020\ndocument="y"\n'
            '[[function_name]]\nprinted="一"\nname="一"\nseen=["a"]\n'
        )


def test_special_account_revenue_and_the_other_revenue_change() -> None:
    # 中共江苏省委办公厅 2019, page 7; 江苏省人民检察院 2018, page 23.
    read = read_budget_text(
        "2．财政专户管理资金收入预算总计0万元，与上年相比无变化。\n"
        "2．其他资金收入预算总计 14.39 万元。与上年相比减少 0.61 万元。主要是因代发检察官学院绩效工资减少。"
    )
    assert read.get("revenue.special_account") == Amount("0")
    change = read.change("revenue.other_change")
    assert change is not None and (change.direction, change.amount) == (Direction.DECREASE, Amount("0.61"))
    assert read.unread == ()


def test_last_years_figure_in_brackets_is_read_when_it_is_this_year_less_the_change() -> None:
    # 江苏省人民检察院 2018年部门预算, page 25.
    text = (
        "单位预留机动经费预算数为 2,388.04 万元。与上年相比增加2,247.84 万元（上年财政仅安排省检察院本级预留机动"
        "140.2 万元），增长 16倍。"
    )
    change = read_budget_text(text).change("expenditure.reserve_change")
    assert change is not None and change.previous == Amount("140.2")
    wrong = text.replace("140.2 万元", "141.2 万元")  # does not add up: left unread
    assert _unread(wrong) == ["141.2 万元"]


def test_a_reason_restating_the_change_is_read_as_the_change() -> None:
    # 江苏省人民检察院 2018年部门预算, pages 24–25.
    text = "项目支出预算数为 5,573 万元。与上年相比增加 40万元，增长 0.72 %。主要原因是南京铁路检察院增加了 40万元的检察办案费预算。"
    read = read_budget_text(text)
    assert [f.restated for f in read.figures if f.field == "expenditure.project_change"] == [False, True]
    assert read.unread == ()
    other = text.replace("增加了 40万元", "增加了 30万元")  # a part of the change, not the change
    assert _unread(other) == ["30万元"]


def test_the_figures_a_rows_reason_names_are_its_factors() -> None:
    # 江苏省人民检察院 2018年部门预算, page 24.
    text = (
        "（二）支出预算总计 21,955.35 万元。包括：\n2．社会保障和就业支出 1,836.22 万元，主要用于离休费。"
        "与上年相比减少 184.96 万元，降幅 9.1 %。主要原因是退休人员基本养老金自 2017 年 7 月起由社保中心发放，"
        "这一因素较上年减少部门支出 1,653 万元。同时，省财政将单位缴费下达给省级部门，增加部门预算 1,464.3 万元。"
    )
    read = read_budget_text(text, CODES)
    (item,) = read.items
    assert [(d, str(f.amount), clause) for d, clause, f in item.factors] == [
        (Direction.DECREASE, "1653", "这一因素较上年减少部门支出 1,653 万元"),
        (Direction.INCREASE, "1464.3", "增加部门预算 1,464.3 万元"),
    ]
    assert read.unread == ()


def test_a_flat_change_printed_with_zero() -> None:
    # 上海市普陀区财政局 2025年部门预算, page 22.
    read = read_budget_text("公务用车购置费0万元，与2024年预算一致0万元，主要原因是本部门无公务用车；")
    change = read.change("three_public.vehicle_purchase.change")
    assert change is not None and (change.direction, change.amount) == (Direction.FLAT, Amount("0"))
    assert read.reason("three_public.vehicle_purchase.reason") == "主要原因是本部门无公务用车"


def test_the_government_fund_change_among_the_fiscal_changes() -> None:
    # 西南大学 2023年部门预算, page 13.
    read = read_budget_text("4.住房保障支出比上年增加 36.49 万元；\n5.政府性基金支出比去年增加 109.5 万元。")
    change = read.change("fiscal.government_fund.change")
    assert change is not None and (change.direction, change.amount) == (Direction.INCREASE, Amount("109.5"))


def test_the_new_budget_fields_round_trip_through_json() -> None:
    from budgetacct.io import structure, unstructure

    factor = ChangeFactor(Direction.DECREASE, Amount("1653"), "减少部门支出 1,653 万元")
    budget = Budget(
        year=2019,
        department="示例厅",
        revenue=BudgetRevenue(special_account=Amount("0"), other_change=None),
        expenditure=BudgetExpenditure(
            rows=(PlannedLine(FunctionCode("208"), Amount("1836.22"), factors=(factor,)),)
        ),
    )
    data = unstructure(budget)
    assert data["revenue"]["special_account"] == "0"
    assert structure(data, Budget) == budget


def test_jiangsus_general_fund_spending_is_the_funds_first_line() -> None:
    # 江苏省人民检察院 2018年部门预算, pages 28–29.
    read = read_budget_text(
        "省检察院 2018 年一般公共预算财政拨款支出预算21,940.96 万元，与上年相比增加 3,958.98 万元，增长22%。\n"
        "省检察院 2018 年政府性基金支出预算支出 0 万元。"
    )
    assert read.get("general_budget.total") == read.get("fiscal.general_fund") == Amount("21940.96")
    assert read.get("fiscal.government_fund") == Amount("0")
    assert read.unread == ()


def test_the_whole_budgets_performance_targets_are_not_the_projects() -> None:
    # 江苏省高级人民法院 2019年部门预算, page 25.
    read = read_budget_text("2019 年本部门实行整体支出绩效目标管理，涉及财政性资金合计 37188.34 万元。")
    assert read.get("targets.overall_amount") == Amount("37188.34")
    assert read.get("targets.amount") is None


_SOURCE = '[sources.a]\nprovince = "江苏"\nyear = 2019\ndocument = "某厅 2019年部门预算"\n'


@pytest.mark.parametrize(
    ("entry", "complaint"),
    [
        ("fields = []\npattern = '''收支总预算'''\nseen = [\"a\"]", "dotted names"),
        ("fields = [\"Overview total\"]\npattern = '''收支总预算'''\nseen = [\"a\"]", "dotted names"),
        (
            "fields = [\"overview.revenue_total\"]\npattern = '''收入(预算'''\nseen = [\"a\"]",
            "regular expression",
        ),
        ("fields = [\"overview.revenue_total\"]\npattern = '''收入预算'''\nseen = [\"b\"]", "seen must name"),
        (
            "fields = [\"overview.revenue_total\"]\npattern = '''收入预算'''",
            "exactly fields, pattern and seen",
        ),
    ],
)
def test_a_bad_budget_wording_fails_when_the_lexicon_is_loaded(entry: str, complaint: str) -> None:
    with pytest.raises(ReaderBug, match=complaint):
        load_lexicon(_SOURCE + "[[budget_wording]]\n" + entry + "\n")


def test_every_budget_wording_was_seen_and_reads_its_fields() -> None:
    from budgetacct.reader.budget_text import BUDGET_WORDINGS

    assert len(BUDGET_WORDINGS) == len(LEXICON.budget_wordings) > 50
    assert all(wording.seen for wording in LEXICON.budget_wordings)
    fields = {field for wording in LEXICON.budget_wordings for field in wording.fields}
    assert {"revenue.special_account", "targets.overall_amount", "fiscal.general_fund"} <= fields


def test_an_enumerated_reason_is_kept_whole_and_the_next_item_is_not_part_of_it() -> None:
    from budgetacct.reader.budget_text import read_budget_text

    whole = read_budget_text(
        "公务接待费5.00万元，比上年减少1.00万元，主要原因是：一是严格控制接待标准；二是减少外省来访接待批次。"
    )
    assert whole.reason("three_public.reception.reason") == (
        "主要原因是：一是严格控制接待标准；二是减少外省来访接待批次"
    )
    # A “；” before a clause with its own figure starts the next item.
    cut = read_budget_text(
        "公务接待费5.00万元，比上年减少1.00万元，主要原因是压减接待；公务用车购置费3.00万元，与上年持平。"
    )
    assert cut.reason("three_public.reception.reason") == "主要原因是压减接待"


@pytest.mark.parametrize("printed", ["卫生健康", "医疗卫生与计划生育", "医疗卫生与计划生育支出"])
def test_an_earlier_class_name_is_read_with_or_without_its_spending_suffix(printed: str) -> None:
    from budgetacct.codes.catalogue import nearest_catalogue
    from budgetacct.reader.budget_text import read_budget_text

    codes = {entry.code: entry.name for entry in nearest_catalogue("function", 2021)[0]}
    text = (
        f"三、一般公共预算支出情况说明\n（一）{printed}（类）\n"
        "1．行政事业单位医疗（款）行政单位医疗（项）支出 100.00 万元，与上年相比增加10.00万元。"
    )
    read = read_budget_text(text, codes)
    assert [(item.code, str(item.figure.amount)) for item in read.items] == [("2101101", "100.00")]
    assert read.unread == ()


def test_a_figure_in_the_reason_for_a_change_is_not_the_budget_of_what_it_names() -> None:
    text = (
        "“三公”经费预算15万元，比上年减少8万元，主要原因是：一是压减因公出国（境）费5万元；二是压减公务接待费3万元。"
        "其中：因公出国（境）费0万元，公务接待费5万元，公务用车购置及运行费10万元。"
    )
    read = read_budget_text(text)
    assert read.get("three_public.outbound") == Amount("0")
    assert read.get("three_public.reception") == Amount("5")
    assert read.get("three_public.vehicles") == Amount("10")
    assert _unread(text) == ["5万元", "3万元"]
    meetings = (
        "机关运行经费预算300万元，比上年减少20万元，主要原因是压减会议费预算支出10万元、培训费预算支出10万元"
    )
    read = read_budget_text(meetings)
    assert read.get("meeting_costs") is None
    assert read.get("training_costs") is None
    assert read.get("operating_costs") == Amount("300")
    assert _unread(meetings) == ["10万元", "10万元"]


_BASIC_AND_PROJECT = ("expenditure.basic", "expenditure.project")
_GRAND_TOTALS = ("overview.revenue_grand_total", "overview.expenditure_grand_total")


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        ("财政拨款支出4000万元，其中基本支出3000万元，项目支出1000万元。", _BASIC_AND_PROJECT),
        ("一般公共预算财政拨款支出4000万元，其中：基本支出3000万元，项目支出1000万元。", _BASIC_AND_PROJECT),
        ("一般公共预算基本支出3000万元", _BASIC_AND_PROJECT),
        ("财政拨款项目支出1200万元", _BASIC_AND_PROJECT),
        ("政府性基金项目支出200万元", _BASIC_AND_PROJECT),
        (
            "2024年收入预算总额6000万元。二、财政拨款收支预算总体情况 2024年财政拨款收支总预算4,500.00万元。",
            _GRAND_TOTALS,
        ),
        ("2024年收入预算总额6000万元。政府性基金收入预算总计800万元。", _GRAND_TOTALS),
        ("政府性基金支出预算总计800万元。", _GRAND_TOTALS),
        ("财政拨款收入、支出预算总计4,500.00万元。", _GRAND_TOTALS),
    ],
)
def test_a_funds_figure_is_not_read_as_the_whole_budgets(text: str, fields: tuple[str, ...]) -> None:
    read = read_budget_text(text)
    assert [read.get(field) for field in fields] == [None] * len(fields)


def test_the_whole_budgets_parts_before_a_funds_list_are_read() -> None:
    text = "本年支出预算合计5000万元，其中：基本支出3500万元，项目支出1500万元。财政拨款支出4000万元，其中基本支出3000万元，项目支出1000万元。"
    read = read_budget_text(text)
    assert read.get("expenditure.basic") == Amount("3500")
    assert read.get("expenditure.project") == Amount("1500")
    assert _unread(text) == ["4000万元", "3000万元", "1000万元"]


def test_a_funds_fiscal_spending_and_revenue_are_not_the_whole_fiscal_figures() -> None:
    read = read_budget_text("一般公共预算当年财政拨款支出预算3,200.5万元，比上年增加100万元。")
    assert read.get("fiscal.total") is None
    assert read.change("fiscal.change") is None
    assert read_budget_text("政府性基金当年财政拨款支出预算300万元。").get("fiscal.total") is None
    assert read_budget_text("政府性基金财政拨款收入500万元。").get("revenue.fiscal") is None


def test_a_revenue_total_whose_parts_include_the_carried_forward_is_not_read_as_the_years() -> None:
    text = "2024年部门收入预算5,000.00万元，其中：财政拨款收入4,000.00万元，上年结转1,000.00万元。"
    read = read_budget_text(text)
    assert read.get("revenue.total") is None
    assert "5,000.00万元" in _unread(text)


def test_a_change_opening_the_sentence_after_a_list_is_not_the_last_parts() -> None:
    text = "2024年支出预算5000万元，其中：基本支出3000万元，项目支出2000万元。与上年相比增加500万元"
    read = read_budget_text(text)
    assert read.get("expenditure.project") == Amount("2000")
    assert read.change("expenditure.project_change") is None
    assert _unread(text)[-1] == "500万元"


def test_a_funds_carried_forward_is_not_the_whole_budgets() -> None:
    text = "2024年财政拨款收入预算4000万元，其中：一般公共预算当年拨款3800万元，上年结转200万元。"
    assert read_budget_text(text).get("overview.carried_forward") is None
    assert "200万元" in _unread(text)
    whole = "2024年部门收入预算5,000.00万元，其中：财政拨款收入4,000.00万元，上年结转1,000.00万元。"
    assert read_budget_text(whole).get("overview.carried_forward") == Amount("1000")
