"""A fund's own figures: a generic label (收入总计, 年末结转和结余, 本年支出 …) with a fund's name
before it, in the fund's own section, or after the fund's label in the same sentence names that
fund's figure — never the department's ``$.overview`` / ``$.expenditure`` — and a 基本/项目 list
whose own total is 财政拨款支出 is the fiscal spending by kind.

The real sentences are quoted from the public pages named above them; the variants are the same
sentences as other provinces word them.  Every expected value is checked by hand against the
sentence.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from budgetacct import Amount, ExpenditureKind, Fund, Percent, audit
from budgetacct.model.disclosure import Disclosure, FundFlow, KindLine
from budgetacct.paths import parse_path, resolve_path
from budgetacct.reader import ReadResult, read_report
from budgetacct.reader.lexicon import LEXICON, labels

DEPT = "示例单位"


def _read(*lines: str, year: int) -> ReadResult:
    return read_report("\n".join(lines) + "\n", department=DEPT, year=year)


def _flow(d: Disclosure, fund: Fund) -> FundFlow:
    assert d.fiscal is not None
    flow = d.fiscal.get(fund)
    assert flow is not None
    return flow


def _fiscal_flow(d: Disclosure) -> tuple[str | None, ...]:
    """The fiscal funds' opening, revenue, spending and closing, as printed figures of 万元."""
    assert d.fiscal is not None
    f = d.fiscal
    figures = (f.opening_balance, f.revenue_total, f.expenditure_total, f.closing_balance)
    return tuple(None if a is None else str(a.value) for a in figures)


def _reasons(result: ReadResult, figure: str) -> list[str]:
    return [u.reason for u in result.unread if figure in u.figures]


def _errors(d: Disclosure, *rules: str) -> list[str]:
    report = audit(d)
    return [f"{f.rule} {f.path}" for f in report.errors if f.rule in rules]


# --- D1: a fund's name before a generic label ----------------------------------------------------------------

# http://szdsmf.com/info/1941/75613.htm (舟曲县第二幼儿园 2023年部门决算公开说明, 四)
ZHOUQU_DEPARTMENT = (
    "2023年度上年结转和结余资金为98.45万元,本年收入1095.76万元,支出1193.35万元,用事业基金弥补收支差额0万元,"
    "结余分配0万元,年末结转和结余资金为5862.89万元。"
)
ZHOUQU_GENERAL_BUDGET = (
    "2023年度一般公共预算财政拨款上年结转98.45万元,一般公共预算财政拨款收入1095.76万元,"
    "一般公共预算财政拨款支出1193.35万元,一般公共预算财政拨款年末结转和结余5862.89元。"
)


def test_zhouqu_general_budget_closing_balance_is_the_funds_not_the_departments() -> None:
    result = _read("四、2023年度部门决算情况说明", ZHOUQU_DEPARTMENT, ZHOUQU_GENERAL_BUDGET, year=2023)
    d = result.disclosure
    # 5862.89元 is the 一般公共预算财政拨款's closing balance: 0.586289万元, in its FundFlow.
    flow = _flow(d, Fund.GENERAL_BUDGET)
    assert (flow.opening, flow.closing) == (Amount("98.45"), Amount("0.586289"))
    assert d.overview is None or d.overview.closing_balance is None
    assert d.general_budget is not None and d.general_budget.total == Amount("1193.35")


@pytest.mark.parametrize(
    ("sentence", "place", "value"),
    [
        # the same closing balance worded for all fiscal funds together, or for another fund
        ("2023年度财政拨款年末结转和结余12.50万元。", "fiscal.closing_balance", "12.50"),
        ("2023年度财政拨款上年结转和结余8.00万元。", "fiscal.opening_balance", "8.00"),
        ("2023年度政府性基金预算财政拨款年末结转和结余3.00万元。", "government_fund.closing_balance", "3.00"),
        ("2023年度国有资本经营预算本年支出6.00万元。", "state_capital.total", "6.00"),
    ],
)
def test_a_fund_named_before_a_balance_puts_it_at_the_funds_place(
    sentence: str, place: str, value: str
) -> None:
    d = _read("四、2023年度部门决算情况说明", sentence, year=2023).disclosure
    assert resolve_path(d, parse_path("$." + place)) == Amount(value)
    assert d.overview is None


def test_a_general_budget_flow_worded_with_the_fund_before_every_label() -> None:
    # 50 + 1000 = 1020 + 30: the fund's opening + revenue = spending + closing.
    result = _read(
        "2023年度一般公共预算财政拨款年初结转和结余50.00万元，一般公共预算财政拨款本年收入1000.00万元，"
        "一般公共预算财政拨款本年支出1020.00万元，一般公共预算财政拨款年末结转和结余30.00万元。",
        year=2023,
    )
    flow = _flow(result.disclosure, Fund.GENERAL_BUDGET)
    assert (flow.opening, flow.revenue, flow.expenditure, flow.closing) == (
        Amount("50.00"),
        Amount("1000.00"),
        Amount("1020.00"),
        Amount("30.00"),
    )
    assert result.disclosure.overview is None and result.unread == ()


# https://xzdrsyxx.30edu.com.cn/Article/af7e8300-c2f8-4211-b05c-59cbc1269987.shtml (忻州市第二实验小学
# 2018年度部门决算, 第三部分 一 and 二)
XINZHOU_DEPARTMENT = "2018年度年末结转和结余164.61万元(其中:项目支出结转和结余27.80万元)。"
XINZHOU_GENERAL_BUDGET = (
    "2018年度一般公共预算收入总计1085.31万元,本年支出1070.67万元,年末结转和结余30.65万元,"
    "其中项目支出结转和结余27.80万元。"
)


@pytest.mark.parametrize(
    "heading",
    [
        "二、2018年度一般公共预算收入支出决算情况",
        # the sentence alone decides: its first label names the fund, the labels after it follow
        "二、2018年度决算情况",
    ],
)
def test_xinzhou_general_budget_sentence_is_the_funds(heading: str) -> None:
    result = _read(
        "一、2018年度部门决算收支增减情况说明", XINZHOU_DEPARTMENT, heading, XINZHOU_GENERAL_BUDGET, year=2018
    )
    d = result.disclosure
    # The department's closing balance is 164.61 (the sentence before); 1070.67 and 30.65 are the
    # 一般公共预算 fund's spending and closing balance.
    assert d.overview is not None
    assert (d.overview.closing_balance, d.overview.revenue_grand_total) == (Amount("164.61"), None)
    flow = _flow(d, Fund.GENERAL_BUDGET)
    assert (flow.expenditure, flow.closing) == (Amount("1070.67"), Amount("30.65"))
    # 1085.31 is the fund's 收入总计, which the model has no place for: unread, with that reason.
    assert any(
        "一般公共预算" in reason and "not the department's" in reason
        for reason in _reasons(result, "1085.31万元")
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "2018年度一般公共预算财政拨款收入总计300.00万元。",
        "2018年度一般公共预算支出总计280.00万元。",
        "2018年度一般公共预算财政拨款收支总计300.00万元。",
        "2018年度政府性基金预算财政拨款收入总计300.00万元。",
    ],
)
def test_a_funds_grand_total_without_a_place_is_unread_with_its_reason(sentence: str) -> None:
    result = _read("一、收入支出决算总体情况说明", sentence, year=2018)
    assert result.disclosure.overview is None
    figure = sentence[sentence.index("计") + 1 : sentence.index("。")]
    assert any("not the department's" in reason for reason in _reasons(result, figure))


def test_after_zhan_the_label_is_the_departments_again() -> None:
    found = labels("一般公共预算财政拨款本年支出100万元，占本年支出合计的80%")
    assert [f.wording for f in found] == ["一般公共预算财政拨款本年支出", "本年支出合计"]
    assert found[0].entries[0].flow == (Fund.GENERAL_BUDGET, "expenditure")
    assert found[1].entries[0].paths == (("expenditure", "total"),)


def test_non_fiscal_balance_is_no_fiscal_figure() -> None:
    found = labels("非财政拨款年末结转和结余5万元")
    assert [f.wording for f in found] == ["年末结转和结余"]
    assert found[0].entries[0].paths == (("overview", "closing_balance"),)


# --- D1: the 财政拨款 section's balances ------------------------------------------------------------------------

# The wording of 舟曲县第二幼儿园 2023 (above) as the standard 财政拨款 section prints it.
FISCAL_SECTION = (
    "四、财政拨款收入支出决算总体情况说明",
    "2020年度财政拨款收、支总计1050.00万元。其中:年初结转和结余50.00万元,本年收入1000.00万元;"
    "本年支出1020.00万元,年末结转和结余30.00万元。",
)
DEPARTMENT_PART = (
    "一、收入支出决算总体情况说明",
    "2020年度收入总计1200.00万元,支出总计1200.00万元。",
    "二、收入决算情况说明",
    "本年收入合计1120.00万元,其中:财政拨款收入1000.00万元,占89.29%;事业收入120.00万元,占10.71%。",
    "三、支出决算情况说明",
    "本年支出合计1100.00万元,其中:基本支出900.00万元,占81.82%;项目支出200.00万元,占18.18%。",
)


def test_balances_of_the_fiscal_section_are_the_fiscal_ones() -> None:
    result = _read(*FISCAL_SECTION, year=2020)
    d = result.disclosure
    # 1050 = 1000 + 50 = 1020 + 30.
    assert _fiscal_flow(d) == ("50.00", "1000.00", "1020.00", "30.00")
    assert d.fiscal is not None and d.fiscal.grand_total == Amount("1050.00")
    assert d.overview is None and result.unread == ()


def test_the_fiscal_sections_grand_total_and_its_change_are_the_fiscal_ones() -> None:
    # 50 / (1050 − 50) = 5.00%.
    result = _read(
        FISCAL_SECTION[0], "2020年度收、支总计1050.00万元，与上年相比增加50.00万元，增长5.00%。", year=2020
    )
    fiscal = result.disclosure.fiscal
    assert fiscal is not None and fiscal.grand_total == Amount("1050.00")
    assert fiscal.change is not None and fiscal.change.amount == Amount("50.00")
    assert result.disclosure.overview is None


@pytest.mark.parametrize(
    ("lines", "flow"),
    [
        pytest.param(
            # “（二）…支出决算…” would name the department's 支出决算 section on its own.
            (
                FISCAL_SECTION[0],
                "（二）财政拨款支出决算情况",
                "2020年度本年支出1020.00万元，年末结转和结余30.00万元。",
            ),
            (None, None, "1020.00", "30.00"),
            id="a-sub-heading-of-the-fiscal-section-stays-in-it",
        ),
        pytest.param(
            (
                "一、收入支出决算总体情况说明",
                "2020年度财政拨款年初结转和结余50.00万元，财政拨款本年收入1000.00万元，"
                "财政拨款本年支出1020.00万元，财政拨款年末结转和结余30.00万元。",
            ),
            ("50.00", "1000.00", "1020.00", "30.00"),
            id="fiscal-named-before-each-label-anywhere",
        ),
        pytest.param(
            # 财政拨款 named once: 支出总计 1020 is the fiscal spending, differing from the revenue
            # 1000 (so neither is the grand total).
            (
                "一、收入支出决算总体情况说明",
                "2020年度财政拨款收入总计1000.00万元，比上年增加10.00万元，支出总计1020.00万元。",
            ),
            (None, "1000.00", "1020.00", None),
            id="the-spending-half-of-a-fiscal-pair",
        ),
    ],
)
def test_fiscal_figures_however_the_fund_is_named(
    lines: tuple[str, ...], flow: tuple[str | None, ...]
) -> None:
    d = _read(*lines, year=2020).disclosure
    assert _fiscal_flow(d) == flow
    assert d.overview is None


def test_the_departments_unqualified_wordings_read_as_before() -> None:
    result = _read(
        "一、收入支出决算总体情况说明",
        "2020年度收入总计1200.00万元，支出总计1200.00万元。其中：年初结转和结余80.00万元，"
        "本年收入1120.00万元；本年支出1100.00万元，年末结转和结余100.00万元。",
        year=2020,
    )
    overview = result.disclosure.overview
    assert overview is not None
    assert (overview.revenue_grand_total, overview.expenditure_grand_total) == (
        Amount("1200.00"),
        Amount("1200.00"),
    )
    assert (overview.opening_balance, overview.closing_balance) == (Amount("80.00"), Amount("100.00"))
    assert result.disclosure.fiscal is None


# --- D2: the 财政拨款 spending by kind ------------------------------------------------------------------------

# http://5z.yysedu.cn/web-yyswz/905/26853.html (益阳市第五中学 2020年度部门决算, 第三部分 三 and 五(二))
YIYANG_EXPENDITURE = (
    "三、支出决算情况说明",
    "本年支出合计3858.81万元,其中:基本支出3702.91万元,占95.96%;项目支出155.9万元,占4.04%;上缴上级支出0万元,"
    "占0%;经营支出0万元,占0%;对附属单位补助支出0万元,占0%。",
)
YIYANG_STRUCTURE = (
    "五、一般公共预算财政拨款支出决算情况说明",
    "(二)财政拨款支出决算结构情况",
    "2020年度财政拨款支出3611.81万元,主要用于以下方面:基本支出3455.91万元,占95.68%;项目支出155.9万元,占4.32%;",
)


def _kinds(lines: tuple[KindLine, ...]) -> list[tuple[ExpenditureKind, Decimal, Decimal | None]]:
    return [
        (line.kind, line.amount.value, None if line.share is None else line.share.value) for line in lines
    ]


def test_yiyang_fiscal_spending_by_kind_is_the_fiscal_ones() -> None:
    result = _read(*YIYANG_EXPENDITURE, *YIYANG_STRUCTURE, year=2020)
    d = result.disclosure
    # 3455.91 + 155.9 = 3611.81, the total the sentence names; 3455.91 / 3611.81 = 95.68%.
    assert d.fiscal is not None
    assert _kinds(d.fiscal.lines) == [
        (ExpenditureKind.BASIC, Decimal("3455.91"), Decimal("95.68")),
        (ExpenditureKind.PROJECT, Decimal("155.9"), Decimal("4.32")),
    ]
    # The department's lines are §三's: 3702.91 (95.96%) and 155.9 (4.04%).
    assert d.expenditure is not None
    assert _kinds(d.expenditure.lines)[:2] == [
        (ExpenditureKind.BASIC, Decimal("3702.91"), Decimal("95.96")),
        (ExpenditureKind.PROJECT, Decimal("155.9"), Decimal("4.04")),
    ]


@pytest.mark.parametrize(
    ("heading", "sentence"),
    [
        (
            "(三)财政拨款支出决算情况",
            "2020年度财政拨款支出3611.81万元,其中:基本支出3455.91万元,占95.68%;项目支出155.9万元,占4.32%。",
        ),
        (
            "(二)财政拨款支出决算结构",
            "财政拨款本年支出3611.81万元，其中：基本支出3455.91万元，占95.68%；项目支出155.9万元，占4.32%。",
        ),
        # under the department's own 支出决算 heading, the sentence naming 财政拨款支出 as its total decides
        (
            "三、支出决算情况说明",
            "2020年度财政拨款支出3611.81万元，主要用于：基本支出3455.91万元，占95.68%；项目支出155.9万元，占4.32%。",
        ),
    ],
)
def test_a_list_led_by_fiscal_spending_is_the_fiscal_spending_by_kind(heading: str, sentence: str) -> None:
    result = _read("五、一般公共预算财政拨款支出决算情况说明", heading, sentence, year=2020)
    d = result.disclosure
    assert d.fiscal is not None
    assert [(line.kind, line.amount, line.share) for line in d.fiscal.lines] == [
        (ExpenditureKind.BASIC, Amount("3455.91"), Percent("95.68")),
        (ExpenditureKind.PROJECT, Amount("155.9"), Percent("4.32")),
    ]
    assert d.expenditure is None or not d.expenditure.lines


def test_a_class_list_led_by_fiscal_spending_is_not_read_in_part() -> None:
    # 150 + 30 + 20 = 200: were the list read from the sentence's start, its first 类 would be lost
    # and the two others summed against 200 (a false R40).
    d = _read(
        "五、一般公共预算财政拨款支出决算情况说明",
        "(一)财政拨款支出决算总体情况说明",
        "一般公共预算财政拨款支出200.00万元。",
        "(二)财政拨款支出决算结构情况说明",
        "2020年度财政拨款支出200.00万元,主要用于以下方面:一般公共服务支出150.00万元,占75%;"
        "社会保障和就业支出30.00万元,占15%;住房保障支出20.00万元,占10%。",
        year=2020,
    ).disclosure
    assert d.general_budget is not None and d.general_budget.total == Amount("200.00")
    assert _errors(d, "R37", "R40") == []


def test_the_departments_list_under_a_fiscal_sub_heading_stays_the_departments() -> None:
    result = _read(
        "五、一般公共预算财政拨款支出决算情况说明",
        "(二)支出决算结构情况",
        "本年支出合计3858.81万元,其中:基本支出3702.91万元,占95.96%;项目支出155.9万元,占4.04%。",
        year=2020,
    )
    expenditure = result.disclosure.expenditure
    assert expenditure is not None and expenditure.total == Amount("3858.81")
    assert _kinds(expenditure.lines) == [
        (ExpenditureKind.BASIC, Decimal("3702.91"), Decimal("95.96")),
        (ExpenditureKind.PROJECT, Decimal("155.9"), Decimal("4.04")),
    ]
    assert result.disclosure.fiscal is None


# --- where a fund's carry ends, and where a fund's section ends -------------------------------------------------

# A department's sentence naming one fund's share of one figure: only that share is the fund's.
DEPARTMENT_WITH_A_FISCAL_SHARE = (
    "2023年度收入总计100万元，其中：本年收入合计90万元，年初结转和结余10万元（其中：财政拨款上年结转8万元），"
    "支出总计100万元，其中：本年支出合计95万元，年末结转和结余5万元。"
)
DEPARTMENT_WITH_A_FUNDS_SHARE = (
    "2023年度收入总计100万元，其中：本年收入合计90万元，年初结转和结余10万元，其中：一般公共预算上年结转8万元；"
    "本年支出合计95万元，年末结转和结余5万元。"
)


def _overview(d: Disclosure) -> tuple[Amount | None, ...]:
    assert d.overview is not None
    o = d.overview
    return (o.revenue_grand_total, o.expenditure_grand_total, o.opening_balance, o.closing_balance)


def test_a_fiscal_share_in_a_bracket_carries_nothing() -> None:
    result = _read("一、收入支出决算总体情况说明", DEPARTMENT_WITH_A_FISCAL_SHARE, year=2023)
    d = result.disclosure
    # 100 = 90 + 10 = 95 + 5: the department's; 8 of the 10 brought forward are the fiscal funds'.
    assert _overview(d) == (Amount("100"), Amount("100"), Amount("10"), Amount("5"))
    assert d.revenue is not None and d.revenue.total == Amount("90")
    assert d.expenditure is not None and d.expenditure.total == Amount("95")
    assert _fiscal_flow(d) == ("8", None, None, None)
    assert d.fiscal is not None and d.fiscal.grand_total is None
    assert result.unread == ()


def test_a_funds_share_after_a_breakdown_carries_nothing_past_the_semicolon() -> None:
    result = _read("一、收入支出决算总体情况说明", DEPARTMENT_WITH_A_FUNDS_SHARE, year=2023)
    d = result.disclosure
    assert _overview(d) == (Amount("100"), None, Amount("10"), Amount("5"))
    assert d.expenditure is not None and d.expenditure.total == Amount("95")
    flow = _flow(d, Fund.GENERAL_BUDGET)
    assert (flow.opening, flow.revenue, flow.expenditure, flow.closing) == (Amount("8"), None, None, None)


def test_a_funds_share_raises_no_false_error_against_the_funds_spending() -> None:
    # §五's 83 is the 一般公共预算 spending; the 95 of §一 is the department's, not the fund's.
    d = _read(
        "一、收入支出决算总体情况说明",
        DEPARTMENT_WITH_A_FUNDS_SHARE,
        "四、财政拨款收入支出决算总体情况说明",
        "2023年度财政拨款收入80万元，其中：一般公共预算财政拨款收入80万元。",
        "五、一般公共预算财政拨款支出决算情况说明",
        "2023年度一般公共预算财政拨款支出83万元。",
        year=2023,
    ).disclosure
    assert d.general_budget is not None and d.general_budget.total == Amount("83")
    assert _flow(d, Fund.GENERAL_BUDGET).expenditure is None
    assert _errors(d, *_ALL) == []


@pytest.mark.parametrize(
    "text",
    [
        "一般公共预算收入总计100万元，其中：本年支出90万元",
        "一般公共预算收入总计100万元（含上年结转10万元），本年支出90万元",
        "一般公共预算收入总计100万元；本年支出90万元",
        # a fund's label that does not lead its clause starts no carry
        "收入总计120万元，其中一般公共预算收入总计100万元，本年支出90万元",
        "年初结转和结余10万元（其中：财政拨款上年结转8万元），本年支出90万元",
    ],
)
def test_the_carry_stops_at_a_breakdown_a_bracket_or_a_semicolon(text: str) -> None:
    found = labels(text)
    assert found[-1].wording == "本年支出"
    assert found[-1].entries == LEXICON.entries_for("本年支出")


def test_the_carry_holds_across_a_funds_own_clauses() -> None:
    found = labels(XINZHOU_GENERAL_BUDGET)
    assert [(f.wording, f.entries[0].flow) for f in found[:3]] == [
        ("一般公共预算收入总计", None),
        ("本年支出", (Fund.GENERAL_BUDGET, "expenditure")),
        ("年末结转和结余", (Fund.GENERAL_BUDGET, "closing")),
    ]


def test_the_funds_name_is_sourced_where_it_is_printed() -> None:
    result = _read("二、2018年度决算情况", XINZHOU_GENERAL_BUDGET, year=2018)
    named = {source.printed for source in result.sources_for("$.fiscal.funds[0].fund")}
    assert named == {"一般公共预算"}
    result = _read(ZHOUQU_GENERAL_BUDGET, year=2023)
    named = {source.printed for source in result.sources_for("$.fiscal.funds[0].fund")}
    assert named == {"一般公共预算财政拨款"}


# The layout of 博乐市财政局's 决算 (its table of contents, xjbl.gov.cn/info/2256/32775.htm): a part
# heading on 财政拨款 with （一）（二） under it, then a heading naming no section the reader knows.
BOLE_FISCAL_PART = (
    "二、部门财政拨款收支情况",
    "（一）财政拨款收支总体情况说明",
    "2023年度财政拨款收、支总计80万元。",
    "（二）一般公共预算支出决算情况说明",
    "2023年度一般公共预算财政拨款支出75万元。",
)


def test_a_top_level_heading_naming_no_section_ends_the_funds_section() -> None:
    d = _read(
        *BOLE_FISCAL_PART,
        "三、部门结转结余情况",
        "2023年度年初结转和结余10万元，年末结转和结余5万元。",
        year=2023,
    ).disclosure
    assert d.overview is not None
    assert (d.overview.opening_balance, d.overview.closing_balance) == (Amount("10"), Amount("5"))
    assert d.fiscal is not None and d.fiscal.get(Fund.GENERAL_BUDGET) is None
    assert d.general_budget is not None and d.general_budget.total == Amount("75")


def test_a_sub_heading_under_a_fiscal_part_stays_in_it() -> None:
    # （三） is numbered under 二、部门财政拨款收支情况: its 本年支出 and balance are the fiscal ones.
    d = _read(
        *BOLE_FISCAL_PART,
        "（三）支出决算情况",
        "2023年度本年支出75万元，年末结转和结余5万元。",
        year=2023,
    ).disclosure
    assert _fiscal_flow(d) == (None, None, "75", "5")
    assert d.overview is None


def test_a_sibling_of_the_funds_heading_is_the_departments_section() -> None:
    # The 说明 numbered （一）…（三） at its top: （三）支出决算 follows the 财政拨款 section, not under it.
    result = _read(
        "第二部分 2023年度部门决算情况说明",
        "（一）财政拨款收入支出决算总体情况说明",
        "2023年度财政拨款收、支总计80万元。",
        "（二）收入决算情况说明",
        "2023年度本年收入合计90万元，其中：财政拨款收入80万元，占88.89%；其他收入10万元，占11.11%。",
        "（三）支出决算情况说明",
        "2023年度本年支出合计95万元，其中：基本支出60万元，占63.16%；项目支出35万元，占36.84%。",
        "2023年度支出总计100万元，其中本年支出合计95万元，年末结转和结余5万元。",
        year=2023,
    )
    d = result.disclosure
    assert d.overview is not None and d.overview.closing_balance == Amount("5")
    assert d.fiscal is not None and (d.fiscal.grand_total, d.fiscal.closing_balance) == (Amount("80"), None)
    assert not any("not the department's" in u.reason for u in result.unread)


# --- the audit: the false errors are gone, a true slip is still found ------------------------------------------


def test_no_false_identity_errors_from_a_funds_figures() -> None:
    # The department's figures are consistent (1200 = 1120 + 80 = 1100 + 100 when the balances
    # are printed; here they are not), the fiscal section's too (1050 = 1000 + 50 = 1020 + 30).
    d = _read(*DEPARTMENT_PART, *FISCAL_SECTION, year=2020).disclosure
    assert _errors(d, "R2", "R4", "R6") == []
    # 忻州: 1244.27 + 16.01 = 1260.28; the 一般公共预算 sentence after it changes nothing of that.
    d = _read(
        "一、收入决算情况说明",
        "本年收入合计1244.27万元,其中:财政拨款收入1085.31万元,占87.22%;其他收入158.96万元,占12.78%。"
        "年初结转和结余16.01万元。",
        "二、支出决算情况说明",
        "本年支出合计1095.67万元,其中:基本支出1067.87万元,占97.46%;项目支出27.80万元,占2.54%。",
        "三、2018年度一般公共预算收入支出决算情况",
        XINZHOU_GENERAL_BUDGET,
        year=2018,
    ).disclosure
    assert _errors(d, "R2", "R4", "R6") == []
    # 益阳: the 财政拨款's kinds are not the department's 本年支出合计 3858.81.
    d = _read("三、支出决算情况说明", "本年支出合计3858.81万元。", *YIYANG_STRUCTURE, year=2020).disclosure
    assert _errors(d, "R13", "R37") == []


def test_a_true_slip_is_still_found() -> None:
    # The fiscal section: 1020 + 40 = 1060, not the 1050 printed.
    slip = FISCAL_SECTION[1].replace("年末结转和结余30.00万元", "年末结转和结余40.00万元")
    d = _read(FISCAL_SECTION[0], slip, year=2020).disclosure
    assert any(error.startswith("R") and "$.fiscal.grand_total" in error for error in _errors(d, *_ALL))
    # The fund's own flow: 50 + 1000 = 1050, but 1020 + 40 = 1060.
    d = _read(
        "2023年度一般公共预算财政拨款年初结转和结余50.00万元，一般公共预算财政拨款本年收入1000.00万元，"
        "一般公共预算财政拨款本年支出1020.00万元，一般公共预算财政拨款年末结转和结余40.00万元。",
        year=2023,
    ).disclosure
    assert any("$.fiscal.funds[0].closing" in error for error in _errors(d, *_ALL))
    # The department's list: 3702.91 + 150.9 = 3853.81, not 3858.81.
    d = _read(
        "三、支出决算情况说明",
        "本年支出合计3858.81万元,其中:基本支出3702.91万元,占95.96%;项目支出150.9万元,占3.91%。",
        *YIYANG_STRUCTURE,
        year=2020,
    ).disclosure
    assert "R13 $.expenditure.total" in _errors(d, "R13")


_ALL = tuple(f"R{n}" for n in range(1, 100))
