"""Real 决算说明 sentences from provinces outside the corpus, each read for what it states — and a
figure whose role the sentence does not make certain left unread, with its reason, never put at a
field it may not be.

Each sentence is quoted from the public page named above it (some pages are mirrors, converted
from traditional characters); the expected values are checked by hand against the sentence.
"""

from __future__ import annotations

import pytest

from budgetacct import Amount, Direction, Fund, Percent, audit
from budgetacct.reader import ReadResult, read_report

DEPT = "示例单位"


def _read(*lines: str, year: int) -> ReadResult:
    return read_report("\n".join(lines) + "\n", department=DEPT, year=year)


def _unread(result: ReadResult) -> list[tuple[str, ...]]:
    return [u.figures for u in result.unread]


# --- 财政拨款收入总计: the grand total, or the year's fiscal revenue ---------------------------------------

# https://dyrmt.com/article-117135-3.html (a 四川 妇幼保健院, 2020年度单位决算, page 3)
T16_REVENUE = (
    "2020年本年收入合计3765.66万元,其中:一般公共预算财政拨款收入1008.64万元,占26.79%;"
    "政府性基金预算财政拨款收入605.99万元,占16.09%;事业收入2148.69万元,占57.06%;其他收入2.34万元,占0.06%。"
)
T16_FISCAL = (
    "2020年财政拨款收入总计1614.63万元,与2019年相比增加540.23万元,增长50.28%;"
    "财政拨款支出总计1870.91万元,与2019年相比增加633.43万元,增长51.19%。"
)


def test_fiscal_revenue_and_spending_totals_that_differ_are_the_years_revenue_and_spending() -> None:
    # 1008.64 + 605.99 = 1614.63, the year's fiscal revenue lines; a 收支总计 cannot be 1614.63 on
    # one side and 1870.91 on the other.
    result = _read(
        "二、收入决算情况说明",
        T16_REVENUE,
        "四、财政拨款收入支出决算总体情况说明",
        T16_FISCAL,
        year=2020,
    )
    fiscal = result.disclosure.fiscal
    assert fiscal is not None and fiscal.grand_total is None
    assert (fiscal.revenue_total, fiscal.expenditure_total) == (Amount("1614.63"), Amount("1870.91"))
    # Their changes have no place in the model (Fiscal.change is the grand total's): unread.
    assert fiscal.change is None
    assert ("540.23万元", "50.28%") in _unread(result)
    assert ("633.43万元", "51.19%") in _unread(result)
    # R14's check of the fiscal revenue against the three fiscal lines of the revenue list holds.
    assert not [f for f in audit(result.disclosure).errors if f.path.startswith("$.fiscal")]


# http://www.kmxxf.com/jyj/info/1217/105784.htm (mirror of 天水市幼儿园2017年度部门决算公开)
T02_FISCAL = "2017年度,本单位财政拨款收入总计1516.64万元,与上年相比减少58.49万元,降低3.71%。"
T02_PARTS = "其中:一般公共预算财政拨款收入1486.64万元,政府性基金预算财政拨款收入30万元。"


def test_fiscal_revenue_total_whose_fund_lines_add_up_to_it_is_the_years_fiscal_revenue() -> None:
    # 1486.64 + 30 = 1516.64: the year's fiscal revenue, not the grand total.
    result = _read("(三)财政拨款收入决算情况。", T02_FISCAL + T02_PARTS, year=2017)
    fiscal = result.disclosure.fiscal
    assert fiscal is not None and (fiscal.grand_total, fiscal.change) == (None, None)
    assert fiscal.revenue_total == Amount("1516.64")
    # The 其中 lines are each fund's revenue of the year.
    assert [(f.fund, f.revenue) for f in fiscal.funds] == [
        (Fund.GENERAL_BUDGET, Amount("1486.64")),
        (Fund.GOVERNMENT_FUND, Amount("30")),
    ]
    assert _unread(result) == [("58.49万元", "3.71%")]
    assert not audit(result.disclosure).errors


def test_fiscal_revenue_total_alone_is_left_unread() -> None:
    # Without its 其中 lines the sentence does not say which 总计 it is.
    result = _read("(三)财政拨款收入决算情况。", T02_FISCAL, year=2017)
    assert result.disclosure.fiscal is None
    (total, change) = result.unread
    assert total.figures == ("1516.64万元",) and "财政拨款收入总计" in total.reason_zh
    assert change.figures == ("58.49万元", "3.71%")


def test_fiscal_revenue_total_with_its_years_part_or_an_equal_spending_total_stays_the_grand_total() -> None:
    # The forms of the 财政拨款收入支出决算总表's 总计 (the wording of the corpus and of the
    # bundled example): an equal 支出总计, or 本年收入 as a part.
    equal = _read("2021年度财政拨款收入总计4,600.00万元，支出总计4,600.00万元。", year=2021)
    fiscal = equal.disclosure.fiscal
    assert fiscal is not None and fiscal.grand_total == Amount("4600.00") and equal.unread == ()
    part = _read("2021年度财政拨款收入总计4,600.00万元，其中本年收入合计4,500.00万元。", year=2021)
    fiscal = part.disclosure.fiscal
    assert fiscal is not None and (fiscal.grand_total, fiscal.revenue_total) == (
        Amount("4600.00"),
        Amount("4500.00"),
    )


# --- 收、支总计各A、B ---------------------------------------------------------------------------------------

# https://dyrmt.com/article-133619-2.html (a 四川 department, 2022年度部门决算)
T01 = (
    "2022年度收、支总计各是4125.49,4143.91万元。"
    "与2021年相比,收、支总计各减少1267.86,2570.97万元,各下降23.51%、38.28%。"
)


def test_a_pair_of_grand_totals_gives_the_first_to_revenue_and_the_second_to_spending() -> None:
    result = _read("一、收入支出决算总体情况说明", T01, year=2022)
    overview = result.disclosure.overview
    assert overview is not None
    assert (overview.revenue_grand_total, overview.expenditure_grand_total) == (
        Amount("4125.49"),
        Amount("4143.91"),
    )
    # The report's slip (the two 总计 must be equal) is now seen.
    assert [f.rule for f in audit(result.disclosure).errors] == ["R5"]
    # One change in the model, two printed: neither is taken.
    assert overview.change is None
    assert _unread(result) == [("2570.97万元", "23.51%", "38.28%")]


def test_a_pair_of_grand_totals_in_the_other_printed_forms() -> None:
    # The same pair as 各A万元、B万元 and 分别为A万元、B万元 (template forms of the sentence above).
    for sentence in (
        "2022年度收、支总计各4125.49万元、4143.91万元。",
        "2022年度收、支总计分别为4125.49万元、4143.91万元。",
    ):
        overview = _read(sentence, year=2022).disclosure.overview
        assert overview is not None
        assert (overview.revenue_grand_total, overview.expenditure_grand_total) == (
            Amount("4125.49"),
            Amount("4143.91"),
        )
    # 分别为 with one figure: which side it is is not known.
    single = _read("2022年度收、支总计分别为4125.49万元。", year=2022)
    assert single.disclosure.overview is None and _unread(single) == [("4125.49万元",)]


# --- a line's change in a 其中 list ----------------------------------------------------------------------

# The 梧州 单位决算 texts print each line's change (“1.一般公共预算财政拨款收入382.17万元，…。较2020年度
# 决算数减少157.86万元，下降29.2%”, http://117.141.250.58:10060/wzyjsgkpt/…/BA376D4490B297975A1E469C1A381661.html);
# these are the template-shaped lists with the change after each line.
LINE_CHANGES_SPENDING = (
    "2021年本年支出合计1000万元，其中：基本支出700万元，比上年增加50万元，增长7.69%；"
    "项目支出300万元，比上年减少30万元，下降9.09%。"
)
LINE_CHANGES_REVENUE = (
    "2021年本年收入合计1000万元，其中：财政拨款收入900万元，比上年增加80万元，增长9.76%；"
    "其他收入100万元，比上年减少20万元，下降16.67%。"
)


def test_a_change_after_a_line_of_a_list_is_never_the_totals() -> None:
    result = _read(
        "二、收入决算情况说明",
        LINE_CHANGES_REVENUE,
        "三、支出决算情况说明",
        LINE_CHANGES_SPENDING,
        year=2021,
    )
    d = result.disclosure
    assert d.revenue is not None and d.revenue.change is None
    assert d.expenditure is not None and d.expenditure.change is None
    # A revenue source's change has its place among the revenue's part changes.
    assert [(p.name, p.change.direction, p.change.amount, p.change.rate) for p in d.revenue.part_changes] == [
        ("财政拨款收入", Direction.INCREASE, Amount("80"), Percent("9.76")),
        ("其他收入", Direction.DECREASE, Amount("20"), Percent("16.67")),
    ]
    # A kind of spending's has none: unread, with the line it belongs to.
    unread = {u.figures: u.reason for u in result.unread}
    assert "基本支出" in unread[("50万元", "7.69%")] and "项目支出" in unread[("30万元", "9.09%")]
    assert not [f for f in audit(d).errors if f.rule == "R38"]


# --- 小微企业's share of the SME amount ------------------------------------------------------------------

# The national 政府采购 statistics state the 小微企业 share of the SME amount, and department texts
# copy the wording (http://news.xxrb.com.cn/html/2020/finace_0831/253921.html):
NATIONAL = "授予小微企业合同金额为11922.3亿元，占授予中小微企业合同金额的48.6%。"


def test_a_small_micro_share_of_the_sme_amount_is_not_the_share_of_procurement() -> None:
    result = _read("（二）政府采购支出情况", "2019年度政府采购支出总额33000亿元。" + NATIONAL, year=2019)
    procurement = result.disclosure.procurement
    assert procurement is not None and procurement.small_micro == Amount("119223000")
    assert procurement.small_micro_share is None
    (share,) = result.unread
    assert share.figures == ("48.6%",) and "中小企业合同金额" in share.reason_zh
    # The share of the whole procurement is still read.
    whole = _read(
        "（二）政府采购支出情况", "授予小微企业合同金额50万元，占政府采购支出总额的71.43%。", year=2021
    )
    assert whole.disclosure.procurement is not None
    assert whole.disclosure.procurement.small_micro_share == Percent("71.43")


# --- a clause of another year ----------------------------------------------------------------------------


def test_a_clause_of_another_year_gives_no_figure_of_the_reports_year() -> None:
    # The reviewer's reproducer wordings (a prior-year figure printed before this year's); the
    # 鄂尔多斯 page (http://ordoszxfztz.com/index.php?c=show&id=73) prints the next year's figures
    # before this year's 决算 in the same way.
    result = _read(
        "2020年度本年收入合计900万元。2021年度本年收入合计1000万元。",
        "上年度机关运行经费支出60万元，本年度机关运行经费支出50万元。",
        year=2021,
    )
    d = result.disclosure
    assert d.revenue is not None and d.revenue.total == Amount("1000")
    assert d.operating_costs is not None and d.operating_costs.amount == Amount("50")
    reasons = {u.figures: u.reason for u in result.unread}
    assert reasons == {
        ("900万元",): "a figure of 2020, not of the report's year 2021",
        ("60万元",): "a figure of the year before, not of the report's year 2021",
    }
    # The unread entry quotes the sentence as printed.
    assert {u.sentence for u in result.unread} >= {"2020年度本年收入合计900万元。"}


def test_comparisons_and_the_opening_balance_are_not_another_years_clause() -> None:
    result = _read(
        "一、收入支出决算总体情况说明",
        "2021年度收、支总计各1000万元。与2020年相比，收、支总计各增加100万元，增长11.11%。",
        "上年结转和结余50万元。",
        year=2021,
    )
    overview = result.disclosure.overview
    assert overview is not None and overview.change is not None
    assert (overview.change.amount, overview.opening_balance) == (Amount("100"), Amount("50"))
    assert result.unread == ()


# --- staffing -------------------------------------------------------------------------------------------

# http://upcchem.com/wlmqs/c119485/202501/b6ed714d8d334d43bcd1e201fd61491c.shtml (mirror of
# 乌鲁木齐市政务服务中心2023年度部门决算公开说明)
T13 = "乌鲁木齐市政务服务中心2023年度,实有人数11人,其中:在职人员10人,离休人员0人,退休人员1人。"
# https://hackwaw.com/gongkai/caizheng/czzt/2019js/202008/t20200814_1983230.html (mirror of a 北京市
# department's 2019年度部门决算)
T11 = "本部门行政编制115人,实有人数107人;事业编制31人,实有人数26人。"


def test_the_departments_staff_in_post_is_the_total_not_its_in_service_part() -> None:
    result = _read(T13, year=2023)
    staffing = result.disclosure.staffing
    assert staffing is not None and (staffing.total_actual, staffing.total_retired) == (11, 1)
    assert _unread(result) == [("10人",), ("0人",)]  # 在职, 离休: parts of the 11


def test_staffing_counts_by_category_are_reported_unread() -> None:
    result = _read(T11, year=2019)
    assert result.disclosure.staffing is None
    assert _unread(result) == [("115人",), ("107人",), ("31人",), ("26人",)]


# --- wordings: rate words, procurement classes --------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "direction", "rate", "unread"),
    [
        (
            "机关运行经费支出50万元，较2020年下降10万元，降幅16.67%。",
            Direction.DECREASE,
            Percent("16.67"),
            [],
        ),
        (
            "机关运行经费支出70万元，比上年增加10万元，增幅为16.67%。",
            Direction.INCREASE,
            Percent("16.67"),
            [],
        ),
        # A rate word of the other direction: the rate is not taken.
        ("机关运行经费支出70万元，比上年增加10万元，降幅16.67%。", Direction.INCREASE, None, [("16.67%",)]),
    ],
)
def test_rate_words_after_a_change(
    sentence: str, direction: Direction, rate: Percent | None, unread: list[tuple[str, ...]]
) -> None:
    # “较2020年下降10万元，降幅16.67%” (the reviewer's probe of the 增幅/降幅 wording); 10 / 60 = 16.67%.
    result = _read("（一）机关运行经费支出情况", "2021年度" + sentence, year=2021)
    costs = result.disclosure.operating_costs
    assert costs is not None and costs.change is not None
    assert (costs.change.direction, costs.change.amount, costs.change.rate) == (direction, Amount("10"), rate)
    assert _unread(result) == unread


# http://117.141.250.58:10060/wzyjsgkpt/uploadFile/upload843/upload20230331/E26C28AB51E06DED846A9BE66F242C41.html
# (梧州市 a 科协 unit, 2023年部门预算, page 12): “其中:货物类采购 10000 元,占政府采购预算 58.8%;工程类采购
# 0 元,占政府采购预算 0%;服务类采购 7000 元,占政府采购预算 41.2%。” — the same class words in a 决算.


def test_procurement_classes_printed_as_class_words() -> None:
    result = _read(
        "（二）政府采购支出情况",
        "2022年度政府采购支出总额17000元，其中:货物类采购10000元、工程类采购0元、服务类采购7000元。",
        year=2022,
    )
    read = {
        source.path: source.printed for source in result.sources if source.path.startswith("$.procurement")
    }
    assert read == {
        "$.procurement.total": "17000元",
        "$.procurement.goods": "10000元",
        "$.procurement.works": "0元",
        "$.procurement.services": "7000元",
    }
    assert result.disclosure.procurement is not None and result.disclosure.procurement.total == Amount("1.7")
    assert result.unread == ()
    # The budget's own sentence, read by the 决算 reader, gives no 决算 figure.
    budget = _read(
        "（二）政府采购支出情况",
        "其中:货物类采购 10000 元,占政府采购预算 58.8%;工程类采购 0 元,占政府采购预算 0%;"
        "服务类采购 7000 元,占政府采购预算 41.2%。",
        year=2023,
    )
    assert budget.disclosure.procurement is None
    assert {u.figures for u in budget.unread} >= {("10000元",), ("0元",), ("7000元",)}


def test_the_general_budget_spendings_change_named_without_its_last_word() -> None:
    # https://dyrmt.com/article-117135-3.html (四川 一妇幼保健院 2020): 27.44 / (1264.92 − 27.44) = 2.22%.
    result = _read(
        "五、一般公共预算财政拨款支出决算情况说明",
        "(一)一般公共预算财政拨款支出决算总体情况",
        "2020年一般公共预算财政拨款支出1264.92万元,占本年支出合计的31.45%。"
        "与2019年相比,一般公共预算财政拨款增加27.44万元,增长2.22%。",
        year=2020,
    )
    gb = result.disclosure.general_budget
    assert gb is not None and gb.change is not None and result.unread == ()
    assert (gb.total, gb.change.direction, gb.change.amount, gb.change.rate) == (
        Amount("1264.92"),
        Direction.INCREASE,
        Amount("27.44"),
        Percent("2.22"),
    )
    # Outside its section the words name nothing.
    elsewhere = _read("与2019年相比,一般公共预算财政拨款增加27.44万元,增长2.22%。", year=2020)
    assert elsewhere.disclosure.general_budget is None


def test_staffing_counts_of_a_category_template_are_reported_unread() -> None:
    # The 云南 部门决算 template's wording (the reviewer's probe): every count is of a category or
    # of a 编制 whose kind the model does not hold — none is dropped without a word.
    result = _read(
        "实有人员编制25人。其中：行政编制20人，事业编制5人；在职在编实有行政人员18人，事业人员4人。",
        year=2021,
    )
    assert result.disclosure.staffing is None
    assert _unread(result) == [("25人",), ("20人",), ("5人",), ("18人",), ("4人",)]


def test_a_change_after_a_class_in_the_same_sentence_is_the_class_part_change() -> None:
    # 西南大学 2023年度部门决算 prints “其中：…教育支出增加…” in the sentence after the total's change
    # (read by read_part_changes); the same list inside the total's sentence reads the same way.
    result = _read(
        "三、支出决算情况说明",
        "2023年度本年支出合计1000万元，比上年增加100万元，增长11.11%，其中：教育支出增加80万元，卫生健康支出增加20万元。",
        year=2023,
    )
    expenditure = result.disclosure.expenditure
    assert expenditure is not None and expenditure.change is not None and result.unread == ()
    assert expenditure.change.amount == Amount("100")
    assert [(p.name, p.code and p.code.code, p.change.amount) for p in expenditure.part_changes] == [
        ("教育支出", "205", Amount("80")),
        ("卫生健康支出", "210", Amount("20")),
    ]


def test_a_change_after_an_unnamed_line_is_left_unread() -> None:
    # 上级补助 (no 收入): the line before the change is none the reader names, so the change is not
    # given to the 财政拨款收入 before it.
    sentence = "2023年度本年收入合计1000万元，其中：财政拨款收入900万元，上级补助100万元，比上年增加10万元。"
    result = _read("二、收入决算情况说明", sentence, year=2023)
    assert result.disclosure.revenue is not None
    assert (result.disclosure.revenue.change, result.disclosure.revenue.part_changes) == (None, ())
    assert ("10万元",) in _unread(result)


# --- the second review's cases (constructed sentences in the common wordings) ---------------------------


def test_a_clause_of_this_year_ends_the_clause_of_another_year_before_it() -> None:
    result = _read(
        "一、收入支出决算总体情况说明",
        "2020年度支出合计850万元，本年支出合计950万元。",
        "上年收入合计900万元，本年收入合计1000万元。",
        year=2021,
    )
    d = result.disclosure
    assert d.expenditure is not None and d.expenditure.total == Amount("950")
    assert d.revenue is not None and d.revenue.total == Amount("1000")
    assert set(_unread(result)) == {("850万元",), ("900万元",)}


def test_an_opening_balance_named_by_last_years_date_is_not_another_years_clause() -> None:
    result = _read(
        "一、收入支出决算总体情况说明", "本年收入合计1000万元，2020年结转和结余200万元。", year=2021
    )
    assert result.disclosure.revenue is not None and result.disclosure.revenue.total == Amount("1000")
    assert all("2020" not in u.reason for u in result.unread)


def test_a_change_after_the_last_line_whose_rate_fits_only_the_total_is_the_totals() -> None:
    # 11.11% = 100 / 900: the total's rise from 900 to 1000; 其他收入 could not have risen by all
    # of its 100 at a rate.
    result = _read(
        "2021年度本年收入合计1000万元，其中：财政拨款收入900万元，占90%；其他收入100万元，占10%，比上年增加100万元，增长11.11%。",
        year=2021,
    )
    revenue = result.disclosure.revenue
    assert revenue is not None and revenue.part_changes == ()
    assert revenue.change is not None
    assert (revenue.change.direction, revenue.change.amount, revenue.change.rate) == (
        Direction.INCREASE,
        Amount("100"),
        Percent("11.11"),
    )
    # 9.76% = 80 / 820 fits 财政拨款收入, not the total (80 / 920 = 8.70%): the line's.
    result = _read(
        "2021年本年收入合计1000万元，其中：财政拨款收入900万元，比上年增加80万元，增长9.76%；其他收入100万元。",
        year=2021,
    )
    revenue = result.disclosure.revenue
    assert revenue is not None and revenue.change is None
    assert [(p.name, p.change.amount) for p in revenue.part_changes] == [("财政拨款收入", Amount("80"))]


def test_the_departments_authorized_staff_before_its_categories_is_the_total() -> None:
    result = _read(
        "一、部门基本情况",
        "本部门编制人数20人，其中：行政编制15人，事业编制5人；实有人数18人。",
        "二、收入支出决算总体情况说明",
        "2021年度本年收入合计1000万元。",
        year=2021,
    )
    staffing = result.disclosure.staffing
    assert staffing is not None
    assert (staffing.total_authorized, staffing.total_actual) == (20, 18)
    assert set(_unread(result)) == {("15人",), ("5人",)}


def test_another_years_clause_after_a_three_public_figure_is_masked_unless_it_has_no_subject() -> None:
    # Constructed (code review): 900 is 2020's revenue, not 三公's and not the report year's.
    result = _read(
        "一、情况说明", "公务接待费4万元，共接待来访团组10个，2020年度本年收入合计900万元。", year=2021
    )
    assert result.disclosure.revenue is None
    reasons = {u.figures: u.reason for u in result.unread}
    assert reasons[("900万元",)] == "a figure of 2020, not of the report's year 2021"
    # Every unread entry quotes the sentence as printed, not as masked for the other year.
    assert all("＊" not in u.sentence for u in result.unread)
    # “2020年度为30万元” names no subject: it continues the 三公 total, whose reader reads the change.
    result = _read(
        "一、情况说明", "2021年度“三公”经费财政拨款支出决算为25万元，2020年度为30万元，减少5万元。", year=2021
    )
    three_public = result.disclosure.three_public
    assert three_public is not None and three_public.total.change is not None
    assert (three_public.total.actual, three_public.total.change.amount) == (Amount("25"), Amount("5"))


def test_the_classes_after_a_lead_that_names_no_fund_under_the_structure_heading() -> None:
    # The 陕西 template's “（二）一般公共预算财政拨款支出决算结构情况说明” opens its list with
    # “财政拨款支出X万元，主要用于以下方面：”: every 类 after the lead is read (the first one was lost),
    # and the lead's total, which may hold other funds, is not taken as the 一般公共预算's.
    text = (
        "某县审计局2020年部门决算\n"
        "五、一般公共预算财政拨款支出决算情况说明\n"
        "（二）一般公共预算财政拨款支出决算结构情况说明\n"
        "2020年度财政拨款支出200.00万元，主要用于以下方面：一般公共服务支出150.00万元，占75%；"
        "社会保障和就业支出30.00万元，占15%；住房保障支出20.00万元，占10%。\n"
    )
    read = read_report(text)
    gb = read.disclosure.general_budget
    assert gb is not None
    assert [(c.code.code, str(c.amount), str(c.share)) for c in gb.classes] == [
        ("201", "150.00", "75"),
        ("208", "30.00", "15"),
        ("221", "20.00", "10"),
    ]
    assert gb.structure_total is None
    assert not audit(read.disclosure).errors
