"""The budget narrative reader on passages of real county, school and township budgets.

Each quote gives its source address (the PDF's line breaks kept where the page had them); the
expected values are read off the quoted sentences by hand (元 → 万元: divide by 10 000).  The
variants are the same sentences as other provinces word them.  The audit tests show that a correct
report raises no finding from a misread (R81, R82, R91) while a real slip in the same wording is
still found.
"""

from __future__ import annotations

import pytest

from budgetacct import audit
from budgetacct.model.budget import Budget
from budgetacct.money import Amount
from budgetacct.reader.budget_text import BudgetText, read_budget_text
from budgetacct.reader.published import PublishedRead, read_published


def _unread(read: BudgetText) -> list[str]:
    return [printed for _, _, printed in read.unread]


def _withheld(read: BudgetText) -> dict[str, str]:
    """Printed figure → the English reason it is left unread."""
    return {_at(read, start, end): reason for start, end, reason, _ in read.withheld}


def _at(read: BudgetText, start: int, end: int) -> str:
    return next(printed for s, e, printed in read.unread if (s, e) == (start, end))


def _budget(text: str) -> tuple[Budget, PublishedRead]:
    read = read_published(text.encode("utf-8"), kind="budget")
    assert isinstance(read.disclosure, Budget)
    return read.disclosure, read


def _rules(text: str) -> set[tuple[str, str]]:
    budget, read = _budget(text)
    return {(f.rule, f.path) for f in audit(budget, coverage=read.coverage).findings if f.rule != "R72"}


# --- a 功能分类 line's own 基本/项目 split is not the whole budget's (梧州) ------------------------------

# http://117.141.250.58:10060/wzyjsgkpt/uploadFile/upload1208/upload20210425/A1F8BCD1ACA85AC7E68757F66715634C.html
# (梧州市 a 科技 unit, 2021年部门预算, page 5).
WUZHOU_2021 = """五、一般公共预算支出情况说明
2021 年一般公共预算拨款支出 1493924.6 元,其中:基
本支出 1440224.6 元,项目支出 53700 元,具体支出预算如
下:
(一)一般公共预算支出按支出功能分类科目划分。
机构运行 1100910.5 元,其中:基本支出 1100910.5 元,
项目支出 0元。主要用于事业单位日常运转和各项科技活动
工作等方面的支出。
其他技术研究与开发支出 53700 元,其中:基本支出 0
元,项目支出 53700 元。主要用于其他技术研究与开发支出。
(二)按支出结构分类划分,分为基本支出预算和项目支
出预算。
1.基本支出预算 1440224.60 元,占一般公共预算支出的
96.41%,同比减少 12602.40 元,下降 0.87 %。"""


def test_wuzhou_2021_line_splits_are_not_the_budgets_basic_and_project() -> None:
    read = read_budget_text(WUZHOU_2021)
    assert read.get("expenditure.basic") is None
    assert read.get("expenditure.project") is None
    # The 一般公共预算's: its spending and its 基本支出 (restated as “基本支出预算…占一般公共预算支出的”).
    assert read.get("general_budget.total") == Amount("149.39246")
    assert read.get("basic_expenditure.total") == Amount("144.02246")
    printings = [f.printed for f in read.figures if f.field == "basic_expenditure.total"]
    assert printings == ["1440224.6 元", "1440224.60 元"]
    withheld = sorted(
        (start, _at(read, start, end), reason.split(",")[0]) for start, end, reason, _ in read.withheld
    )
    general, line = "a part of the 一般公共预算's spending", "a part of the line or figure the list follows"
    assert [(printed, reason) for _, printed, reason in withheld] == [
        ("53700 元", general),  # the 一般公共预算's 项目支出
        ("1100910.5 元", line),  # 机构运行's 基本支出
        ("0元", line),  # and its 项目支出
        ("0\n元", line),  # 其他技术研究与开发支出's 基本支出
        ("53700 元", line),  # and its 项目支出
    ]
    # Nothing dropped: every money figure is read or listed unread.
    assert len(read.unread) + len({(f.start, f.end) for f in read.figures}) == 11


@pytest.mark.parametrize(
    "line",
    [
        # 梧州 2021, the same page: another line's split.
        "机关事业单位基本养老保险缴费支出 150384 元,其中:\n基本支出 150384 元,项目支出 0元。",
        # 梧州 2023 (a school): “初中教育支出 2,065,405.42 元,其中:基本支出…”.
        "初中教育支出 2,065,405.42 元,其中:基本支出\n2,065,405.42 元,项目支出 0元。",
        "行政运行（项）50万元，其中：基本支出50万元，项目支出0万元。",
        "小学教育支出120万元，其中基本支出100万元，项目支出20万元。",
    ],
)
def test_a_lines_split_after_the_whole_budget_is_left_unread(line: str) -> None:
    read = read_budget_text("本年支出预算合计150万元。" + line)
    assert read.get("expenditure.total") == Amount("150")
    assert read.get("expenditure.basic") is None
    assert read.get("expenditure.project") is None
    assert all(reason.startswith("a part of the line") for reason in _withheld(read).values())


@pytest.mark.parametrize(
    ("text", "basic", "project"),
    [
        ("本年支出预算合计150万元，其中：基本支出100万元，项目支出50万元。", "100", "50"),
        ("2024年支出预算160万元，比上年增加10万元。其中：基本支出120万元，项目支出40万元。", "120", "40"),
        ("（二）支出预算：2024年年初预算数90万元，其中：基本支出60万元，项目支出30万元。", "60", "30"),
        ("本单位支出为75.5万元。其中：基本支出70.5万元，项目支出5万元。", "70.5", "5"),
    ],
)
def test_the_whole_budgets_split_is_read(text: str, basic: str, project: str) -> None:
    read = read_budget_text(text)
    assert (read.get("expenditure.basic"), read.get("expenditure.project")) == (
        Amount(basic),
        Amount(project),
    )


def test_a_lines_split_raises_no_r82_and_a_real_slip_still_does() -> None:
    head = "某局2023年部门预算\n"
    correct = head + "本年支出预算合计150万元。行政运行100万元，其中：基本支出100万元，项目支出0万元。"
    assert not any(rule == "R82" for rule, _ in _rules(correct))
    slip = head + "本年支出预算合计150万元，其中：基本支出100万元，项目支出40万元。"
    assert ("R82", "$.expenditure.total") in _rules(slip)


# --- the 一般公共预算's split after a full stop (垫江, 合川, 重庆) -------------------------------------

# http://www.cqsdj.gov.cn/bmjz/bm/wsjkwyh/zwgk_72304/fdzdgknr_72306/ysjs_72313/ysgk/202202/t20220217_10409728.html
# (垫江县包家镇卫生院 2022年单位预算; the unit also spends 事业收入 300万元).
DIANJIANG_2022 = (
    "2022年一般公共预算财政拨款收入204.51万元,一般公共预算财政拨款支出204.51万元,比2021年增加76.05万元。"
    "其中:基本支出204.51万元,比2021年增加76.05万元,主要原因是2021年基层医疗卫生机构财政补偿机制中人员部分经费"
    "由卫生健康委列报,现由本单位进行列报,主要用于保障在职人员工资福利及社会保险缴费、离休人员离休费、退休人员补助等;"
)


def test_dianjiang_2022_general_budget_basic_is_not_the_units() -> None:
    read = read_budget_text(DIANJIANG_2022, year=2022)
    assert read.get("expenditure.basic") is None
    assert read.change("expenditure.basic_change") is None
    assert read.get("basic_expenditure.total") == Amount("204.51")
    assert read.get("general_budget.total") == Amount("204.51")
    change = read.change("general_budget.change")
    assert change is not None and change.amount == Amount("76.05")
    # The 基本支出's own change has no place: unread, not dropped.
    assert _unread(read) == ["76.05万元"]


@pytest.mark.parametrize(
    ("text", "general_basic"),
    [
        ("一般公共预算拨款支出300万元。其中：基本支出200万元，项目支出100万元。", "200"),
        # 梧州 2025 (a 文化 unit): http://117.141.250.58:10060/wzyjsgkpt/uploadFile/upload1823/upload20250606/34D5FC875287C3FA56EBBB36D383FF7B.html
        (
            "2025 年本年一般公共预算支出 1085203.63 元,同比\n减少 43506.06 元,下降 3.85 %。其中:基本支出 1037103.63\n"
            "元,项目支出 48100 元,具体支出预算如下:",
            "103.710363",
        ),
        ("财政拨款支出预算500万元，比上年增加20万元。其中，基本支出300万元，项目支出200万元。", None),
        ("政府性基金预算支出80万元。其中：项目支出80万元。", None),
    ],
)
def test_a_funds_split_after_a_full_stop_is_the_funds(text: str, general_basic: str | None) -> None:
    read = read_budget_text(text)
    assert read.get("expenditure.basic") is None
    assert read.get("expenditure.project") is None
    assert read.get("basic_expenditure.total") == (Amount(general_basic) if general_basic else None)


def test_a_general_budget_split_raises_no_r82() -> None:
    text = (
        "某卫生院2022年单位预算\n本年支出预算合计441.68万元。\n"
        "2022年一般公共预算财政拨款支出204.51万元，比2021年增加76.05万元。其中：基本支出204.51万元。"
    )
    budget, _ = _budget(text)
    assert budget.expenditure is not None and budget.expenditure.basic is None
    assert not any(rule == "R82" for rule, _ in _rules(text))


# --- 财政拨款收支总预算 with 上年结转 (梧州 2023) ----------------------------------------------------------

# http://117.141.250.58:10060/wzyjsgkpt/uploadFile/upload1078/upload20230413/2C718F3ABC19E55C515F15852E2D71EE.html
# (梧州市 a secondary school, 2023年部门预算, page 5).
WUZHOU_2023 = """四、财政拨款收支预算情况说明
2023 年财政拨款收支总预算 7,057,486.18 元。收入包
括:一般公共预算拨款 7,034,418.94 元、上年结转结余
23,067.24 元;支出包括:教育支出 5,806,105.16 元、社会
保障和就业支出 557,718.56 元、卫生健康支出 275,373.54
元、住房保障支出 418,288.92 元。"""


def test_wuzhou_2023_fiscal_total_with_carry_over_is_no_years_revenue() -> None:
    read = read_budget_text(WUZHOU_2023)
    assert read.get("fiscal.total") == Amount("705.748618")
    assert read.get("revenue.fiscal") is None
    assert read.get("revenue.general_budget") == Amount("703.441894")
    # The 财政拨款's carry-over is not the budget's own.
    assert read.get("overview.carried_forward") is None
    assert _withheld(read)["23,067.24 元"].startswith("a part of the 财政拨款")


@pytest.mark.parametrize(
    ("text", "fiscal_revenue", "carried"),
    [
        (
            "2023年财政拨款收支总预算900万元。收入包括：一般公共预算拨款收入800万元、上年结转100万元；"
            "支出包括：教育支出900万元。2023年收入预算总计1050万元，其中：一般公共预算拨款收入800万元，"
            "事业收入100万元，上年结转150万元。",
            None,
            "150",
        ),
        (
            "2022年财政拨款收支总预算900万元，其中一般公共预算拨款收入800万元，上年财政拨款结转100万元。",
            None,
            None,
        ),
        # 江苏省高级人民法院 2019 (corpus): no carry-over, the total is the year's revenue.
        (
            "2019 年度财政拨款收、支总预算 37188.34万元。与上年相比，财政拨款收、支总计各增加 4016.19 万元。",
            "37188.34",
            None,
        ),
    ],
)
def test_fiscal_grand_total_is_the_years_revenue_only_without_carry_over(
    text: str, fiscal_revenue: str | None, carried: str | None
) -> None:
    read = read_budget_text(text)
    assert read.get("revenue.fiscal") == (Amount(fiscal_revenue) if fiscal_revenue else None)
    assert read.get("fiscal.total") is not None
    assert read.get("overview.carried_forward") == (Amount(carried) if carried else None)


def test_fiscal_grand_total_with_carry_over_raises_no_r81_and_a_real_slip_still_does() -> None:
    head = "某局2023年部门预算\n2023年收入预算总计705.75万元，其中：一般公共预算拨款收入703.44万元，上年结转2.31万元。\n"
    correct = (
        head
        + "2023年财政拨款收支总预算705.75万元。收入包括：一般公共预算拨款703.44万元、上年结转结余2.31万元。"
    )
    assert not any(rule == "R81" for rule, _ in _rules(correct))
    slip = "某局2023年部门预算\n2023年财政拨款收支总预算710万元。收入包括：一般公共预算拨款703.44万元。"
    assert ("R81", "$.revenue.fiscal") in _rules(slip)


# --- reasons of a 三公 change (淮北, 西安, 青阳) ----------------------------------------------------------

# https://www.hbdj.gov.cn/zwgk/public/184/56284131.html (杜集经济开发区管委会 2020年“三公”经费预算).
DUJI_2020 = (
    "(二)公务接待费支出22.20万元,比2019年预算减少4.8万元,下降17.78%,下降原因主要是本单位加强公务接待管理,"
    "严控招待支出。"
)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (DUJI_2020, "下降原因主要是本单位加强公务接待管理,严控招待支出"),
        # http://www.xincheng.gov.cn/zwgk/zdxxgk/czxx/gdwsgjf/5de0a50bfd8508098d0afee3.html (西安新城 2019), as a budget change.
        (
            "公务接待费预算2.30万元，比上年减少1.5万元，减少的主要原因是认真落实中央八项规定，压缩接待费开支。",
            "减少的主要原因是认真落实中央八项规定，压缩接待费开支",
        ),
        # 青阳县审计局 2022 (http://www.chidc.com.cn/OpennessContent/show/1253381.html): after a full stop.
        (
            "(二)公务接待费预算7.4万元,较2021年预算减少0.4万元。下降原因主要是进一步厉行节约,减少公务接待批次和人次。",
            "下降原因主要是进一步厉行节约,减少公务接待批次和人次",
        ),
        ("公务接待费预算5万元，比上年增加1万元，增加的原因是新增接待任务。", "增加的原因是新增接待任务"),
        ("公务接待费预算5万元，比上年增加1万元，变动原因：新增接待任务。", "变动原因：新增接待任务"),
        ("公务接待费预算5万元，比上年增加1万元，系承办全省会议所致。", "系承办全省会议所致"),
        ("公务接待费预算5万元，比上年增加1万元，主要用于接待上级检查。", "主要用于接待上级检查"),
    ],
)
def test_a_three_public_reason_in_its_wordings(text: str, reason: str) -> None:
    assert read_budget_text(text).reason("three_public.reception.reason") == reason


def test_duji_2020_raises_no_r91_and_a_change_without_reason_still_does() -> None:
    head = "杜集经济开发区管委会2020年“三公”经费预算\n"
    assert not any(rule == "R91" for rule, _ in _rules(head + DUJI_2020))
    unexplained = head + "(二)公务接待费支出22.20万元,比2019年预算减少4.8万元,下降17.78%。"
    assert ("R91", "$.three_public.reception.reason") in _rules(unexplained)


# --- another year's clause (旺苍 wording) -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "year", "field", "amount", "other"),
    [
        (
            "2022年收入预算总计900万元，2023年收入预算总计1000万元，比2022年增加100万元。",
            2023,
            "overview.revenue_grand_total",
            "1000",
            "900万元",
        ),
        (
            "2022年公务接待费预算3万元，2023年公务接待费预算2万元。",
            2023,
            "three_public.reception",
            "2",
            "3万元",
        ),
        # https://scgw.gov.cn/Detail.aspx?id=20180305141010431 (旺苍县张华镇 2018), in the reader's wording.
        (
            "2018年收入预算总计810.56万元，较2017年收入预算总计801.42万元增长1.13%。",
            2018,
            "overview.revenue_grand_total",
            "810.56",
            "801.42万元",
        ),
        (
            "上年“三公”经费预算15万元，本年“三公”经费预算12.4万元。",
            2018,
            "three_public.total",
            "12.4",
            "15万元",
        ),
    ],
)
def test_a_clause_led_by_another_year_is_that_years(
    text: str, year: int, field: str, amount: str, other: str
) -> None:
    read = read_budget_text(text, year=year)
    assert read.get(field) == Amount(amount)
    assert _withheld(read)[other] == "a figure of another year, not of the report's"


def test_another_years_figure_is_listed_unread_with_its_reason() -> None:
    _, read = _budget("某县人民医院2023年部门预算\n2022年公务接待费预算3万元，2023年公务接待费预算2万元。")
    assert [(u.text, u.reason) for u in read.unread] == [
        ("3万元", "a figure of another year, not of the report's")
    ]


# --- vehicles held, counted, not dropped ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "total", "categories"),
    [
        (
            "截至2022年12月31日，本部门共有车辆3辆，其中：一般公务用车1辆、执法执勤用车2辆。"
            "单价100万元（含）以上设备（不含车辆）1台（套）。",
            3,
            [("一般公务用车", 1), ("执法执勤用车", 2)],
        ),
        (
            "本单位车辆总数为5辆，其中：特种专业技术用车2辆、其他用车3辆。",
            5,
            [("特种专业技术用车", 2), ("其他用车", 3)],
        ),
    ],
)
def test_vehicles_held_are_read(text: str, total: int, categories: list[tuple[str, int]]) -> None:
    budget, _ = _budget("某局2023年部门预算\n（三）国有资产占有使用情况说明\n" + text)
    assert budget.assets is not None
    assert budget.assets.vehicles_total == total
    assert [(count.category, count.count) for count in budget.assets.vehicles] == categories


# --- the text normalized as a 决算's: full-width digits, spaces in numbers ------------------------------

# https://jnhbdb.com/html/.xxgkzdgzgkczsj.201803t20180302_121945.html (合川区肖家镇 2018年部门预算), typed in
# full-width digits as a Word document typed in 全角 gives them.
XIAOJIA_2018 = (
    "重庆市合川区肖家镇人民政府２０１８年部门预算情况说明\n二、部门预算情况说明\n"
    "２０１８年一般公共预算财政拨款收入１９０３．５５万元，一般公共预算财政拨款支出１９０３．５５万元，"
    "比２０１７年增加２４９．４９万元。其中：基本支出 １０５７．４９万元，比２０１７年增加１９７．３２万元；"
    "项目支出８４６．０６万元，比２０１７年增加５２．１７万元。"
)


def test_full_width_digits_are_read_and_quoted_as_printed() -> None:
    budget, read = _budget(XIAOJIA_2018)
    assert (budget.year, budget.department) == (2018, "重庆市合川区肖家镇人民政府")
    assert budget.general_budget is not None and budget.general_budget.total == Amount("1903.55")
    assert budget.basic_expenditure is not None and budget.basic_expenditure.total == Amount("1057.49")
    printed = {source.path: source.printed for source in read.sources}
    assert printed["$.general_budget.total"] == "１９０３．５５万元"
    # The 一般公共预算's 项目支出 and the changes of its parts: unread, listed as printed.
    assert [u.text for u in read.unread] == ["１９７．３２万元", "８４６．０６万元", "５２．１７万元"]


@pytest.mark.parametrize(
    ("text", "field", "amount"),
    [
        (
            "2018年一般公共预算财政拨款支出1903. 55万元，比2017年增加249. 49万元。",
            "general_budget.total",
            "1903.55",
        ),
        ("因公出国（境）费0. 00万元，公务接待费28万元。", "three_public.outbound", "0.00"),
    ],
)
def test_a_space_after_the_point_is_one_number(text: str, field: str, amount: str) -> None:
    assert read_budget_text(text).get(field) == Amount(amount)


@pytest.mark.parametrize(
    ("text", "field", "printed", "whole"),
    [
        # http://www.kmxd.gov.cn/c/2023-08-22/6684833.shtml (thousand groups set apart by a space).
        ("“三公”经费预算为12 000.00元。", "three_public.total", "12 000.00元", "1.2"),
        ("2018年一般公共预算财政拨款支出1 903.55万元。", "general_budget.total", "1 903.55万元", "1903.55"),
        ("基本支出1 234 567.00元。", "expenditure.basic", "1 234 567.00元", "123.4567"),
        # A row number before a figure: never one number, never 93.16.
        ("基本支出8 93.16万元。", "expenditure.basic", "8 93.16万元", None),
    ],
)
def test_a_number_with_a_space_inside_is_never_read_as_its_last_groups(
    text: str, field: str, printed: str, whole: str | None
) -> None:
    # Where the normalizer joins the groups (reader/normalize.py), the whole number is read;
    # where it does not, the number is listed unread as printed, never read as its last groups.
    read = read_budget_text(text)
    value = read.get(field)
    assert value is None or (whole is not None and value == Amount(whole))
    assert _unread(read) == ([] if value is not None else [printed])


# --- wordings of county budgets --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # http://www.myfc.gov.cn/zwgk/zdlyxxgk/czzj/qbjczzys/23311181.html (涪城区 2019 “三公”经费预算).
        (
            "2019年涪城区“三公”经费预算总额1,938万元,同比增长20.07%;其中:因公出国(境)费43万元,同比下降18.87;"
            "公务接待费393万元,同比下降9.24%;公务用车购置和运行维护费1,502万元,其中:公车购置费384万元,同比增长100%;"
            "公车运行维护费1118万元,同比下降0.8%。",
            {
                "three_public.total": "1938",
                "three_public.outbound": "43",
                "three_public.reception": "393",
                "three_public.vehicles": "1502",
                "three_public.vehicle_purchase": "384",
                "three_public.vehicle_operation": "1118",
            },
        ),
        # https://cqlagm.com/2018/0110/11713 (重庆某县 2017 “三公”经费预算).
        (
            "2017年县级一般公共预算安排“三公”经费支出预算中公务用车运行维护费为39.6万元,比上年减少0.9万元,下降2%。",
            {"three_public.vehicle_operation": "39.6", "three_public.vehicle_operation.change": "0.9"},
        ),
        # 梧州 2025 (the 文化 unit above): the whole budget's 项目支出, a share of 支出总预算.
        ("项目支出预算 48100 元,占支出总预算的 4.43%,同比无增\n减变化。", {"expenditure.project": "4.81"}),
        # https://scgw.gov.cn/Detail.aspx?id=20180305141010431 (旺苍县张华镇 2018).
        (
            "部门基本支出预算7031563.00元,其中:人员支出5901832.00元,公用支出1129731.00元。",
            {"expenditure.basic": "703.1563"},
        ),
        # 垫江 2022 (above): “…其他收入0万元;上年结转结余资金29.81万元;”.
        (
            "事业单位经营收入0万元,其他收入0万元;上年结转结余资金29.81万元;",
            {"revenue.business": "0", "revenue.other": "0", "overview.carried_forward": "29.81"},
        ),
        # http://www.youxian.gov.cn/zwgk/zdxxgk/czzj/sgjfyjs/sgjfjs/qsjjyjs/30190221.html (游仙区审计局 2022).
        (
            "2022年区审计局“三公”经费财政拨款预算数2万元,较2021年预算增长(下降)0%,增加(减少)0万元。主要原因是严格控制"
            "支出。其中:因公出国(境)经费0万元,公务接待费2万元,公务用车购置及运行维护费0万元。",
            {
                "three_public.total": "2",
                "three_public.outbound": "0",
                "three_public.reception": "2",
                "three_public.vehicles": "0",
            },
        ),
        (
            "公务用车购置费预算安排0万元,与2021年预算持平,增加(减少)0万元。主要原因是无计划。"
            "公务用车运行维护费预算安排0万元,与2021年预算持平,增加(减少)0万元。主要原因是公务用车改革。",
            {"three_public.vehicle_purchase": "0", "three_public.vehicle_operation": "0"},
        ),
        (
            "2022年机关运行经费预算安排32.5万元，比上年减少2.1万元。",
            {"operating_costs": "32.5", "operating_costs.change": "2.1"},
        ),
        (
            "2022年一般公共预算支出预算800万元，比上年预算增加50万元。",
            {"general_budget.total": "800", "general_budget.change": "50"},
        ),
    ],
)
def test_county_budget_wordings(text: str, expected: dict[str, str]) -> None:
    read = read_budget_text(text)
    found = {
        field: (change.amount if (change := read.change(field)) else None)
        if field.endswith("change")
        else read.get(field)
        for field in expected
    }
    assert found == {field: Amount(amount) for field, amount in expected.items()}


def test_a_share_of_the_general_budget_is_its_basic_spending_not_the_whole_budgets() -> None:
    read = read_budget_text("1.基本支出预算 1440224.60 元,占一般公共预算支出的\n96.41%。")
    assert read.get("expenditure.basic") is None
    assert read.get("basic_expenditure.total") == Amount("144.022460")


def test_targets_in_the_mof_templates_order() -> None:
    text = "2022年本部门实行绩效目标管理的项目5个，涉及财政性资金合计120万元。"
    read = read_budget_text(text)
    assert (read.target_projects, read.get("targets.amount")) == (5, Amount("120"))


@pytest.mark.parametrize(
    "text",
    [
        "2023年财政拨款收入总计705.75万元（含上年结转2.31万元）。",
        "2023年财政拨款收、支总预算705.75万元，收入包括：一般公共预算拨款703.44万元，上年结转2.31万元。",
    ],
)
def test_a_fiscal_total_with_carry_over_is_not_the_years_fiscal_revenue(text: str) -> None:
    read = read_budget_text(text)
    assert read.get("revenue.fiscal") is None
    assert read.get("overview.carried_forward") is None
