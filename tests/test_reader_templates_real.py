"""Real 决算说明 templates read whole: the 重庆 template's 收入合计/支出合计 with their change and the 其中
list in the next sentence, the 浙江 template's “包括…，占收入合计X%” list, a change printed in a sentence
of its own after its total, 政府采购's classes named bare, and §六's total in short words.

Each real sentence is quoted from the public page named above it; the variants change only what
their test says.  Every expected value is checked by hand against the sentence (the sums and rates
are worked out in the comments); a figure whose meaning the words leave open stays unread.
"""

from __future__ import annotations

import pytest

from budgetacct import Amount, Direction, ExpenditureKind, Fund, Percent, RevenueSource, audit
from budgetacct.model.disclosure import StatedChange
from budgetacct.reader import ReadResult, read_report

DEPT = "示例单位"
OVERVIEW = "一、收入支出决算总体情况说明"
FISCAL = "四、财政拨款收入支出决算总体情况说明"


def _read(*lines: str, year: int) -> ReadResult:
    return read_report("\n".join(lines) + "\n", department=DEPT, year=year)


def _unread(result: ReadResult) -> list[tuple[str, ...]]:
    return [u.figures for u in result.unread]


def _change(direction: Direction, amount: str, rate: str) -> StatedChange:
    return StatedChange(direction, Amount(amount), Percent(rate))


# --- 重庆 template: 收入合计 / 支出合计, their change, and the 其中 list in the next sentence ------------

# http://cqyz.gov.cn/bm_229/qjw/zwgk_97157/fdzdgknr_97159/ysjs1/js/202411/t20241104_13767039.html
# (重庆市渝中区蒙正幼儿园 2023年度单位决算)
CQ_HEADING = "(一)收入支出决算总体情况说明。"
CQ_TOTAL = (
    "1.总体情况。2023年度收入总计618.38万元,支出总计618.38万元。收支较上年决算数减少194.65万元,"
    "下降23.94%,主要原因是化龙桥幼儿园新建工程项目的减少。"
)
CQ_REVENUE = (
    "2.收入情况。2023年度收入合计536.30万元,较上年决算数增加72.29万元,增长15.58%,主要原因是增人增资及"
    "保教费的支出。其中:财政拨款收入399.94万元,占74.57%;事业收入106.64万元,占19.88%;经营收入0.00万元,"
    "占0.00%;其他收入29.72万元,占5.54%。此外,使用非财政拨款结余和专用结余0.00万元,年初结转和结余82.08万元。"
)
CQ_SPENDING = (
    "3.支出情况。2023年度支出合计547.55万元,较上年决算数减少183.40万元,下降25.09%,主要原因是化龙桥"
    "幼儿园新建工程项目的减少。其中:基本支出329.55万元,占60.19%;项目支出218.00万元,占39.81%;"
    "经营支出0.00万元,占0.00%。此外,结余分配0.00万元。"
)


def test_chongqing_totals_changes_and_lists_are_read() -> None:
    result = _read(
        "重庆市渝中区蒙正幼儿园2023年度单位决算", CQ_HEADING, CQ_TOTAL, CQ_REVENUE, CQ_SPENDING, year=2023
    )
    d = result.disclosure
    assert d.overview is not None and d.revenue is not None and d.expenditure is not None
    # “收支较上年决算数减少194.65万元，下降23.94%” after the grand totals: 194.65 / 813.03 = 23.94%.
    assert (d.overview.revenue_grand_total, d.overview.expenditure_grand_total) == (
        Amount("618.38"),
        Amount("618.38"),
    )
    assert d.overview.change == _change(Direction.DECREASE, "194.65", "23.94")
    # 收入合计 is the year's revenue: 399.94 + 106.64 + 0 + 29.72 = 536.30; 72.29 / 464.01 = 15.58%.
    assert d.revenue.total == Amount("536.30")
    assert d.revenue.change == _change(Direction.INCREASE, "72.29", "15.58")
    assert d.revenue.fiscal is not None
    assert (d.revenue.fiscal.amount, d.revenue.fiscal.share) == (Amount("399.94"), Percent("74.57"))
    assert [(line.source, line.amount, line.share) for line in d.revenue.lines] == [
        (RevenueSource.OPERATIONS, Amount("106.64"), Percent("19.88")),
        (RevenueSource.BUSINESS, Amount("0"), Percent("0")),
        (RevenueSource.OTHER, Amount("29.72"), Percent("5.54")),
    ]
    # 支出合计 likewise: 329.55 + 218.00 + 0 = 547.55; 183.40 / 730.95 = 25.09%.
    assert d.expenditure.total == Amount("547.55")
    assert d.expenditure.change == _change(Direction.DECREASE, "183.40", "25.09")
    assert [(line.kind, line.amount, line.share) for line in d.expenditure.lines] == [
        (ExpenditureKind.BASIC, Amount("329.55"), Percent("60.19")),
        (ExpenditureKind.PROJECT, Amount("218.00"), Percent("39.81")),
        (ExpenditureKind.BUSINESS, Amount("0"), Percent("0")),
    ]
    # 618.38 = 536.30 + 82.08: the passage is consistent, and the audit says so.
    assert (d.overview.opening_balance, d.overview.surplus_distribution) == (Amount("82.08"), Amount("0"))
    assert not audit(d).errors


# http://www.dazu.gov.cn/zwgk_175/fdzdgknr/czyjs/qzfzcbm/qjw_68872/js/202110/t20211019_9821073.html
# (重庆市大足区双路中学 2020年度部门决算): “、” before the rate, and a stray “。” before 其中.
DAZU = (
    "1.总体情况。2020年度收入总计1,842.85万元,支出总计1,842.85万元。收支较上年决算数 减少72.12万元、 下降3.8%,"
    "主要原因是我校在2020年学生减少,生均公用经费得以减少。",
    "2.收入情况。2020年度收入合计1,842.85万元,较上年决算数减少72.12万元,下降3.8%,我校在2020年学生减少,"
    "生均公用经费得以减少。。其中:财政拨款收入1,842.85万元,占100%;",
    "3.支出情况。2020年度支出合计1,842.85万元,较上年决算数减少72.12万元,下降3.8%,主要原因是我校在2020年"
    "学生减少,生均公用经费得以减少。其中:基本支出 1,838.75万元,占99.8%;项目支出4.10万元,占0.2%",
)


def test_chongqing_school_reads_its_changes_and_lists() -> None:
    result = _read("(一)收入支出决算总体情况说明", *DAZU, year=2020)
    d = result.disclosure
    assert d.overview is not None and d.revenue is not None and d.expenditure is not None
    down = _change(Direction.DECREASE, "72.12", "3.8")  # 72.12 / 1914.97 = 3.77%, printed 3.8
    assert (d.overview.change, d.revenue.change, d.expenditure.change) == (down, down, down)
    assert d.revenue.total == d.expenditure.total == Amount("1842.85")
    assert d.revenue.fiscal is not None and d.revenue.fiscal.amount == Amount("1842.85")
    # 1838.75 + 4.10 = 1842.85
    assert [(line.kind, line.amount) for line in d.expenditure.lines] == [
        (ExpenditureKind.BASIC, Amount("1838.75")),
        (ExpenditureKind.PROJECT, Amount("4.10")),
    ]
    assert result.unread == ()
    assert not audit(d).errors


# http://cqqj.gov.cn/zwgk_159/fdzdgknr/czyjs/js/jtj/202410/t20241022_13728183_wap.html
# (重庆市綦江区公路事务中心 2023年度决算)
QIJIANG = (
    "1.总体情况。2023年度收入总计10328.56万元,支出总计10328.56万元。收支较上年决算数增加418.97万元,增长4.23%,"
    "主要原因是一般公共财政拨款收入较上年增加2296.45万元,政府性基金减少401.85万元,年初结转结余减少1475.63万元。"
)


# The same page, 2.收入情况: a reason with figures of its own before the 其中 sentence (here cut after
# its first line: the page goes on “;…”).
QIJIANG_REVENUE = (
    "2.收入情况。2023年度收入合计10328.56万元,较上年决算数增加1894.61万元,增长22.46%,主要原因是上年年初结转"
    "资金1475.63万元,实际较上年增加资金418.98万元。其中:财政拨款收入10328.56万元,占100%。"
)


def test_figures_of_a_reason_do_not_make_a_second_total() -> None:
    # 1894.61 / (10328.56 - 1894.61) = 1894.61 / 8433.95 = 22.46%; the reason's figures stay unread.
    result = _read("(一)收入支出决算总体情况说明。", QIJIANG_REVENUE, year=2023)
    revenue = result.disclosure.revenue
    assert revenue is not None and revenue.change == _change(Direction.INCREASE, "1894.61", "22.46")
    assert revenue.fiscal is not None
    assert (revenue.fiscal.amount, revenue.fiscal.share) == (Amount("10328.56"), Percent("100"))
    assert _unread(result) == [("1475.63万元", "418.98万元")]


# http://www.cqkz.gov.cn/qzfjz_238/hfjdbsc_81980/zwgk_73112/fdzdgknr_73114/ysjs/jsgk/202509/t20250922_15031132.html
# (重庆市开州区大进镇人民政府 2024年度决算): last year named by its number.
KAIZHOU = (
    "1.总体情况。2024年度收入总计4697.76万元,支出总计4697.76万元。收、支与2023年度相比,减少956.31万元,"
    "下降16.9%,主要原因是2024年上级对我单位各类项目投入量有所减少,故造成本年收支总体略有减少。"
)


def test_revenue_title_as_a_heading_line_and_the_list_in_the_same_sentence() -> None:
    # Variant: the title on a line of its own, the 其中 list in the total's sentence.
    # 400 + 100 + 36.30 = 536.30; 400 / 536.30 = 74.59%, 100 / 536.30 = 18.65%, 36.30 / 536.30 = 6.77%
    result = _read(
        CQ_HEADING,
        "2.收入情况",
        "2023年度收入合计536.30万元,较上年决算数增加72.29万元,增长15.58%,其中:财政拨款收入400.00万元,"
        "占74.59%;事业收入100.00万元,占18.65%;其他收入36.30万元,占6.77%。",
        year=2023,
    )
    revenue = result.disclosure.revenue
    assert revenue is not None and revenue.total == Amount("536.30")
    assert revenue.change == _change(Direction.INCREASE, "72.29", "15.58")
    assert revenue.fiscal is not None and revenue.fiscal.amount == Amount("400.00")
    assert [line.amount for line in revenue.lines] == [Amount("100.00"), Amount("36.30")]
    assert not audit(result.disclosure).errors


def test_spending_total_in_other_words_with_a_baokuo_sentence_after_it() -> None:
    # Variant: “本单位…支出共计X万元。包括：…” — 329.55 + 218.00 = 547.55.
    result = _read(
        CQ_HEADING,
        "3.支出情况。本单位2023年度支出共计547.55万元。包括:基本支出329.55万元,占60.19%;项目支出218.00万元,占39.81%。",
        year=2023,
    )
    spending = result.disclosure.expenditure
    assert spending is not None and spending.total == Amount("547.55")
    assert [(line.kind, line.amount, line.share) for line in spending.lines] == [
        (ExpenditureKind.BASIC, Amount("329.55"), Percent("60.19")),
        (ExpenditureKind.PROJECT, Amount("218.00"), Percent("39.81")),
    ]
    assert result.unread == ()


def test_revenue_total_in_the_revenue_section_without_a_title() -> None:
    # Variant: a 收入决算情况说明 section of its own; 收入合计 is its total there.
    result = _read(
        "(二)收入决算情况说明",
        "2023年度收入合计536.30万元。其中:财政拨款收入399.94万元,占74.57%;事业收入136.36万元,占25.43%。",
        year=2023,
    )
    revenue = result.disclosure.revenue
    assert revenue is not None and revenue.total == Amount("536.30")
    assert revenue.fiscal is not None and revenue.fiscal.amount == Amount("399.94")
    assert [line.amount for line in revenue.lines] == [Amount("136.36")]  # 399.94 + 136.36 = 536.30
    assert result.unread == ()


def test_heji_whose_meaning_is_not_certain_is_left_unread() -> None:
    # Under the 总体 heading with no 收入 title, or under the 财政拨款 heading (where 收入合计 may be
    # the fiscal revenue's), 收入合计 is not taken for the year's revenue, nor the list after it.
    for heading, title in (
        (CQ_HEADING, "1.总体情况。"),
        ("(四)财政拨款收入支出决算总体情况说明。", "2.收入情况。"),
    ):
        result = _read(
            heading, title + "2023年度收入合计536.30万元。其中:财政拨款收入399.94万元,占74.57%。", year=2023
        )
        assert result.disclosure.revenue is None
        assert _unread(result) == [("536.30万元",), ("399.94万元", "74.57%")]


def test_qizhong_sentence_after_a_benian_heji_sentence_under_the_overview_heading() -> None:
    # Variant of 益阳市第五中学 2020 (http://5z.yysedu.cn/web-yyswz/905/26853.html) with its 收入 and 支出
    # paragraphs under the 总体 heading, each list in the sentence after its total:
    # 1865.86 + 247 = 2112.86; 3702.91 + 155.9 = 3858.81.
    result = _read(
        OVERVIEW,
        "2020年度本年收入合计2112.86万元。其中:财政拨款收入1865.86万元,占88.31%;事业收入247万元,占11.69%。"
        "本年支出合计3858.81万元。其中:基本支出3702.91万元,占95.96%;项目支出155.9万元,占4.04%。",
        year=2020,
    )
    d = result.disclosure
    assert d.revenue is not None and d.revenue.fiscal is not None and d.expenditure is not None
    assert (d.revenue.fiscal.amount, [line.amount for line in d.revenue.lines]) == (
        Amount("1865.86"),
        [Amount("247")],
    )
    assert [line.amount for line in d.expenditure.lines] == [Amount("3702.91"), Amount("155.9")]
    assert result.unread == ()
    # Not after a sentence that states a balance too, nor under the 财政拨款 heading.
    for heading, text in (
        (
            OVERVIEW,
            "本年收入合计2112.86万元,年初结转和结余100.00万元。其中:财政拨款收入1865.86万元,占88.31%。",
        ),
        (FISCAL, "本年收入合计2112.86万元。其中:财政拨款收入1865.86万元,占88.31%。"),
    ):
        other = _read(heading, text, year=2020)
        assert other.disclosure.revenue is not None and other.disclosure.revenue.fiscal is None
        assert ("1865.86万元", "88.31%") in _unread(other)


def test_shouru_zongji_under_a_revenue_title_stays_the_grand_total() -> None:
    # 收入总计 is the grand total (with the balances), never the year's 收入合计.
    result = _read(CQ_HEADING, "2.收入情况。2023年度收入总计618.38万元。", year=2023)
    d = result.disclosure
    assert d.revenue is None
    assert d.overview is not None and d.overview.revenue_grand_total == Amount("618.38")


def test_qizhong_list_after_a_sentence_of_two_totals_is_not_read() -> None:
    # The sentence before states last year's total too: whose parts the list is, is not certain.
    result = _read(
        CQ_HEADING,
        "2.收入情况。2023年度收入合计536.30万元,2022年度收入合计464.01万元。其中:财政拨款收入399.94万元,占74.57%。",
        year=2023,
    )
    revenue = result.disclosure.revenue
    assert revenue is not None and revenue.total == Amount("536.30")
    assert (revenue.fiscal, revenue.lines) == (None, ())
    assert ("399.94万元", "74.57%") in _unread(result)


def test_qizhong_list_naming_a_class_is_not_read_as_kinds() -> None:
    # 教育支出 is a 类, not a kind of spending: the list is not the kinds', none of it is read.
    result = _read(
        CQ_HEADING,
        "3.支出情况。2023年度支出合计547.55万元。其中:基本支出329.55万元;教育支出218.00万元。",
        year=2023,
    )
    spending = result.disclosure.expenditure
    assert spending is not None and (spending.total, spending.lines) == (Amount("547.55"), ())
    reasons = [u.reason for u in result.unread]
    assert reasons == ["教育支出 is not a kind of spending (基本/项目…) of the model; the list is not read"]
    assert _unread(result) == [("329.55万元", "218.00万元")]


# --- 浙江 template: “包括…，占收入合计X%” -----------------------------------------------------------------

# https://www.linan.gov.cn/art/2022/10/8/art_1229309755_4091877.html
# (杭州市临安区高虹镇中心幼儿园 2021年度单位决算), cut after 事业收入: the page goes on “;经营收入…”.
ZJ_REVENUE = (
    "本年收入合计1,151.41万元;包括财政拨款收入1,077.36万元(其中,一般公共预算1,077.36万元,政府性基金预算0万元,"
    "国有资本经营预算0万元),占收入合计93.57%;上级补助收入0万元,占收入合计0%;事业收入0万元,占收入合计0%"
)


def test_zhejiang_baokuo_list_its_shares_and_the_fiscal_split_by_fund() -> None:
    result = _read("(二)收入决算情况说明", ZJ_REVENUE, year=2021)
    d = result.disclosure
    assert d.revenue is not None and d.fiscal is not None
    assert d.revenue.total == Amount("1151.41")
    # 1077.36 / 1151.41 = 93.57%
    assert d.revenue.fiscal is not None
    assert (d.revenue.fiscal.amount, d.revenue.fiscal.share) == (Amount("1077.36"), Percent("93.57"))
    assert [(f.fund, f.revenue) for f in d.fiscal.funds] == [
        (Fund.GENERAL_BUDGET, Amount("1077.36")),
        (Fund.GOVERNMENT_FUND, Amount("0")),
        (Fund.STATE_CAPITAL, Amount("0")),
    ]
    assert [(line.source, line.amount, line.share) for line in d.revenue.lines] == [
        (RevenueSource.SUPERIOR_SUBSIDY, Amount("0"), Percent("0")),
        (RevenueSource.OPERATIONS, Amount("0"), Percent("0")),
    ]
    assert result.unread == ()


def test_baokuo_list_with_a_colon_adds_up_and_passes_the_audit() -> None:
    # Variant: “包括：”, the funds named with 财政拨款收入, the list complete.
    # 1000.00 + 77.36 = 1077.36; 1077.36 + 74.05 = 1151.41; 74.05 / 1151.41 = 6.43%
    result = _read(
        "(二)收入决算情况说明",
        "本年收入合计1,151.41万元;包括:财政拨款收入1,077.36万元(其中:一般公共预算财政拨款收入1,000.00万元,"
        "政府性基金预算财政拨款收入77.36万元),占收入合计93.57%;事业收入74.05万元,占收入合计6.43%。",
        year=2021,
    )
    d = result.disclosure
    assert d.fiscal is not None and d.revenue is not None
    assert [(f.fund, f.revenue) for f in d.fiscal.funds] == [
        (Fund.GENERAL_BUDGET, Amount("1000.00")),
        (Fund.GOVERNMENT_FUND, Amount("77.36")),
    ]
    assert [(line.source, line.amount, line.share) for line in d.revenue.lines] == [
        (RevenueSource.OPERATIONS, Amount("74.05"), Percent("6.43"))
    ]
    assert result.unread == ()
    assert not audit(d).errors


def test_spending_baokuo_list_with_its_shares() -> None:
    # Variant: 1000.00 + 151.41 = 1151.41; 1000.00 / 1151.41 = 86.85%, 151.41 / 1151.41 = 13.15%.
    result = _read(
        "(三)支出决算情况说明",
        "本年支出合计1,151.41万元;包括基本支出1,000.00万元,占支出合计86.85%;项目支出151.41万元,占支出合计13.15%。",
        year=2021,
    )
    spending = result.disclosure.expenditure
    assert spending is not None and spending.total == Amount("1151.41")
    assert [(line.kind, line.amount, line.share) for line in spending.lines] == [
        (ExpenditureKind.BASIC, Amount("1000.00"), Percent("86.85")),
        (ExpenditureKind.PROJECT, Amount("151.41"), Percent("13.15")),
    ]
    assert not audit(result.disclosure).errors


def test_bracket_holding_more_than_the_funds_is_left_unread() -> None:
    # Variant: the bracket names a fund of its own (专项资金): its figures are not the funds' split.
    result = _read(
        "(二)收入决算情况说明",
        "本年收入合计1,151.41万元;主要包括财政拨款收入1,077.36万元(其中:一般公共预算1,027.36万元,专项资金50万元),"
        "占收入合计93.57%;事业收入74.05万元,占收入合计6.43%。",
        year=2021,
    )
    d = result.disclosure
    assert d.fiscal is None
    assert d.revenue is not None and d.revenue.fiscal is not None
    assert d.revenue.fiscal.amount == Amount("1077.36")
    assert [u.reason for u in result.unread] == [
        "the bracket after 财政拨款收入 holds more than its split by fund; it is not read"
    ]


def test_unknown_source_after_baokuo_is_named_without_the_list_word() -> None:
    # The unread reason names the source as printed, not “包括…” glued to it.
    result = _read(
        "(二)收入决算情况说明",
        "本年收入合计100.00万元;包括专项转移收入100.00万元,占收入合计100%。",
        year=2021,
    )
    assert result.unread[0].reason == (
        "专项转移收入 is not a revenue source of the model; the sources of this sentence are not read"
    )
    assert result.unread[0].figures == ("100.00万元",)
    revenue = result.disclosure.revenue
    assert revenue is not None and (revenue.fiscal, revenue.lines) == (None, ())


def test_fiscal_line_beside_its_own_sources_is_unread_with_that_reason() -> None:
    # Variant: the funds' lines after 财政拨款收入 without a bracket: which line is a line of the
    # list is not known (1000 + 77.36 = 1077.36 would be counted twice).
    result = _read(
        "(二)收入决算情况说明",
        "本年收入合计1,151.41万元;包括财政拨款收入1,077.36万元,其中一般公共预算财政拨款收入1,000.00万元,"
        "政府性基金预算财政拨款收入77.36万元;事业收入74.05万元。",
        year=2021,
    )
    revenue = result.disclosure.revenue
    assert revenue is not None and (revenue.fiscal, revenue.lines) == (None, ())
    assert result.unread[0].reason.startswith(
        "财政拨款收入 printed twice or beside a fiscal source of its own"
    )


def test_audit_finds_the_slips_of_a_chongqing_passage() -> None:
    # A slip in the list: 399.94 + 106.64 + 19.72 = 526.30, not 536.30; and 19.72 / 536.30 = 3.68%,
    # not 5.54%.
    slip = CQ_REVENUE.replace("其他收入29.72万元", "其他收入19.72万元")
    result = _read(CQ_HEADING, slip, year=2023)
    errors = {(f.rule, f.path) for f in audit(result.disclosure).errors}
    assert errors == {("R1", "$.revenue.total"), ("R37", "$.revenue.lines[2].share")}


# --- a change in a sentence of its own, after its total --------------------------------------------------

# http://5z.yysedu.cn/web-yyswz/905/26853.html (益阳市第五中学 2020年度部门决算)
YIYANG_TOTAL = "2020年度收、支总计3903.88万元。与上年相比,增加30.66 万元,增长0.79%,主要是因为年终绩效奖增加。"


@pytest.mark.parametrize(
    ("heading", "text", "year", "where", "expected", "unread"),
    [
        # 418.97 / (10328.56 - 418.97) = 418.97 / 9909.59 = 4.23%; the reason's changes stay unread.
        (
            OVERVIEW,
            QIJIANG,
            2023,
            "overview",
            ("增加", "418.97", "4.23"),
            [("2296.45万元", "401.85万元", "1475.63万元")],
        ),
        # 30.66 / (3903.88 - 30.66) = 30.66 / 3873.22 = 0.79%
        (OVERVIEW, YIYANG_TOTAL, 2020, "overview", ("增加", "30.66", "0.79"), []),
        # 956.31 / (4697.76 + 956.31) = 956.31 / 5654.07 = 16.91%, printed 16.9
        (OVERVIEW, KAIZHOU, 2024, "overview", ("减少", "956.31", "16.9"), []),
        # Variant: after 财政拨款收、支总计 it is the fiscal's: 100 / 900 = 11.11%.
        (
            FISCAL,
            "2020年度财政拨款收、支总计1000.00万元。与上年相比,增加100.00万元,增长11.11%。",
            2020,
            "fiscal",
            ("增加", "100.00", "11.11"),
            [],
        ),
    ],
)
def test_a_change_in_a_sentence_of_its_own_is_the_change_of_the_total_before_it(
    heading: str,
    text: str,
    year: int,
    where: str,
    expected: tuple[str, str, str],
    unread: list[tuple[str, ...]],
) -> None:
    result = _read(heading, text, year=year)
    assert getattr(result.disclosure, where).change == _change(Direction(expected[0]), *expected[1:])
    assert _unread(result) == unread


@pytest.mark.parametrize(
    ("heading", "text", "year"),
    [
        # The sentence before prints a balance besides the total,
        (
            OVERVIEW,
            "2020年度收入总计1000.00万元,年初结转和结余100.00万元。与上年相比,增加100.00万元,增长11.11%。",
            2020,
        ),
        # or last year's total too,
        (
            OVERVIEW,
            "2020年度收、支总计1000.00万元,2019年度收、支总计900.00万元。与上年相比,增加100.00万元,增长11.11%。",
            2020,
        ),
        # or 收支 names a subject other than the fiscal total before it,
        (FISCAL, "2020年度财政拨款收、支总计1000.00万元。收支较上年决算数增加100.00万元,增长11.11%。", 2020),
        # or the change is against an older year than the model's last year.
        (OVERVIEW, KAIZHOU.replace("2023年度相比", "2022年度相比"), 2024),
    ],
)
def test_a_change_whose_total_is_not_certain_is_left_unread(heading: str, text: str, year: int) -> None:
    result = _read(heading, text, year=year)
    d = result.disclosure
    assert d.overview is None or d.overview.change is None
    assert d.fiscal is None or d.fiscal.change is None
    printed = ("956.31万元", "16.9%") if "956.31" in text else ("100.00万元", "11.11%")
    assert printed in _unread(result)


def test_a_change_naming_its_subject_is_read_once() -> None:
    # “与2023年相比，收、支总计各减少…” names what changed: read by that label, not again as the
    # change of the sentence before (56.95 / 3052.34 = 1.87%).
    result = _read(
        OVERVIEW,
        "2024年度收、支总计2995.39万元。与2023年相比,收、支总计各减少56.95万元,下降1.87%。",
        year=2024,
    )
    assert [s.printed for s in result.sources if s.path.startswith("$.overview.change")] == [
        "减少",
        "56.95万元",
        "1.87%",
    ]


# --- 政府采购's classes named bare; §六's total in short words --------------------------------------------

# https://xzdrsyxx.30edu.com.cn/Article/af7e8300-c2f8-4211-b05c-59cbc1269987.shtml
# (忻州市第二实验小学 2018年度部门决算)
XINZHOU_PROCUREMENT = "2018年度政府采购总额45.24万元,其中:货物13.99万元,工程31.25万元。"


def test_procurement_classes_named_bare_after_the_total() -> None:
    result = _read("五、政府采购支出情况。", XINZHOU_PROCUREMENT, year=2018)
    procurement = result.disclosure.procurement
    assert procurement is not None
    # 13.99 + 31.25 = 45.24
    assert (procurement.total, procurement.goods, procurement.works, procurement.services) == (
        Amount("45.24"),
        Amount("13.99"),
        Amount("31.25"),
        None,
    )
    assert result.unread == ()
    assert not audit(result.disclosure).errors


def test_procurement_classes_with_lei_and_a_slip() -> None:
    # Variant: 货物类/工程类/服务类; 10 + 20 + 5 = 35, not the 40 printed: the audit finds it.
    result = _read(
        "五、政府采购支出情况。",
        "2020年度政府采购支出总额40.00万元,其中:货物类10.00万元、工程类20.00万元、服务类5.00万元。",
        year=2020,
    )
    procurement = result.disclosure.procurement
    assert procurement is not None
    assert (procurement.goods, procurement.works, procurement.services) == (
        Amount("10.00"),
        Amount("20.00"),
        Amount("5.00"),
    )
    assert [(f.rule, f.path) for f in audit(result.disclosure).errors] == [("R44", "$.procurement.total")]


def test_bare_class_words_without_a_procurement_total_are_not_read() -> None:
    # 工程 alone is a common word: without the procurement total before it, it names nothing.
    result = _read("五、政府采购支出情况。", "2020年度完成工程31.25万元。", year=2020)
    assert result.disclosure.procurement is None
    assert _unread(result) == [("31.25万元",)]


# http://5z.yysedu.cn/web-yyswz/905/26853.html (益阳市第五中学 2020年度部门决算)
YIYANG_BASIC = (
    "2020年度财政拨款基本支出3455.91万元,其中:人员经费1565.86万元,占基本支出的45.31%,主要包括基本工资547.19万元、"
    "绩效工资578.36万元、机关事业单位基本养老保险缴费136.22万元,职工基本医疗保险缴费63.07万元。"
)


def test_basic_spending_total_in_short_words_under_its_heading() -> None:
    result = _read("六、一般公共预算财政拨款基本支出决算情况说明", YIYANG_BASIC, year=2020)
    basic = result.disclosure.basic_expenditure
    # 1565.86 / 3455.91 = 45.31%
    assert basic is not None and (basic.total, basic.personnel) == (Amount("3455.91"), Amount("1565.86"))


def test_fiscal_basic_spending_elsewhere_is_not_the_sections_total() -> None:
    # Variant: the same words under the 财政拨款 heading: the fiscal funds' basic spending together.
    result = _read("四、财政拨款收入支出决算总体情况说明", "2020年度财政拨款基本支出3455.91万元。", year=2020)
    assert result.disclosure.basic_expenditure is None
    assert _unread(result) == [("3455.91万元",)]
