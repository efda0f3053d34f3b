"""收入支出决算总表 pasted as text rows, as web pages and Word files print it: rows of the templates
before 2019 and rows left empty beside their 行次.

The table is 济宁市第二人民医院's 2017 收入支出决算总表 (a 事业单位 hospital), its rows as a web
page gives them (tab-separated, 行次 beside each label, 结余分配 printed empty).  Hand-checked:
34846.81 + 1604.54 + 364.65 = 36816.00 = 36341.62 + 474.38; 625.58 + 34221.23 = 34846.81.
"""

from __future__ import annotations

from decimal import Decimal

from budgetacct import audit
from budgetacct.reader import read_report

_HEAD = "济宁市第二人民医院{year}年度部门决算\n1.《收入支出决算总表》\n单位名称：济宁市第二人民医院 单位：万元\n收入\t支出\n项目\t行次\t金额\t项目\t行次\t金额\n"
_ROWS = (
    "一、财政拨款收入\t1\t625.58\t一、一般公共服务支出\t28\t\n"
    "三、事业收入\t3\t34221.23\t{health}\t36\t36341.62\n"
    "本年收入合计\t23\t34846.81\t本年支出合计\t50\t36341.62\n"
    "{used}\t24\t1604.54\t结余分配\t51\t\n"
    "年初结转和结余\t25\t364.65\t年末结转和结余\t52\t474.38\n"
    "总计\t26\t36816.00\t总计\t53\t36816.00\n"
)


def _table(year: int, health: str, used: str) -> str:
    return _HEAD.format(year=year) + _ROWS.format(health=health, used=used)


def test_a_row_printed_empty_beside_its_row_number_gives_no_figure() -> None:
    read = read_report(_table(2017, "九、医疗卫生与计划生育支出", "用事业基金弥补收支差额"))
    d = read.disclosure
    assert d.overview is not None and d.revenue is not None and d.expenditure is not None
    # 结余分配 and 一般公共服务支出 print only their 行次 (51, 28): no figure, not 51万元 nor 28万元.
    assert d.overview.surplus_distribution is None
    assert str(d.overview.non_fiscal_balance_used) == "1604.54"  # 用事业基金弥补收支差额, the 2017 name
    assert (str(d.overview.opening_balance), str(d.overview.closing_balance)) == ("364.65", "474.38")
    assert (str(d.revenue.total), str(d.expenditure.total)) == ("34846.81", "36341.62")
    assert str(d.overview.revenue_grand_total) == str(d.overview.expenditure_grand_total) == "36816.00"
    # 医疗卫生与计划生育支出 is the 2017 name of 210 (卫生健康支出 since the 2019 catalogue).
    assert [(c.code.code, c.name, str(c.amount)) for c in d.expenditure.classes] == [
        ("210", "医疗卫生与计划生育支出", "36341.62")
    ]
    assert d.revenue.fiscal is not None and str(d.revenue.fiscal.amount) == "625.58"
    assert read.unread == ()
    assert audit(d, coverage=read.coverage).findings == ()


def test_a_former_class_name_is_a_stale_name_in_a_report_after_the_renames() -> None:
    read = read_report(_table(2021, "九、医疗卫生与计划生育支出", "使用非财政拨款结余"))
    assert [c.code.code for c in read.disclosure.expenditure.classes] == ["210"]
    stale = audit(read.disclosure).by_rule("R56")
    assert [(f.severity.value, f.path) for f in stale] == [("warning", "$.expenditure.classes[0].name")]


def test_the_fiscal_revenue_line_of_the_older_templates_waits_with_the_table_s_lists() -> None:
    read = read_report(_table(2021, "九、卫生健康支出", "使用非财政拨款结余"))
    d = read.disclosure
    assert d.revenue is not None and d.expenditure is not None
    assert d.revenue.fiscal is not None and d.revenue.fiscal.amount.value == Decimal("625.58")
    assert [(line.source.value, str(line.amount)) for line in d.revenue.lines] == [("事业收入", "34221.23")]
    assert [(c.code.code, str(c.amount)) for c in d.expenditure.classes] == [("210", "36341.62")]
    assert read.unread == ()
    assert [f.rule for f in audit(d).findings if f.severity.value == "error"] == []


def test_a_wrong_fiscal_line_is_found_against_the_revenue_total() -> None:
    read = read_report(_table(2021, "九、卫生健康支出", "使用非财政拨款结余").replace("625.58", "652.58"))
    assert "R1" in {f.rule for f in audit(read.disclosure).findings if f.severity.value == "error"}


def test_a_row_whose_row_number_is_left_blank_gives_its_amount() -> None:
    # “其他收入<tab><tab>12.00”: the 行次 cell is printed blank, the amount follows it.
    # 625.58 + 34209.23 + 12.00 = 34846.81, so the lists add up to 本年收入合计.
    text = _table(2021, "九、卫生健康支出", "使用非财政拨款结余").replace(
        "三、事业收入\t3\t34221.23\t九、卫生健康支出\t36\t36341.62\n",
        "九、卫生健康支出\t36\t36341.62\n三、事业收入\t3\t34209.23\n其他收入\t\t12.00\n",
    )
    d = read_report(text).disclosure
    assert d.revenue is not None
    assert [(line.source.value, str(line.amount)) for line in d.revenue.lines] == [
        ("事业收入", "34209.23"),
        ("其他收入", "12.00"),
    ]
    assert [f.rule for f in audit(d).findings if f.severity.value == "error"] == []


def test_a_row_of_figures_the_reader_cannot_pair_leaves_the_lists_unused() -> None:
    # A note between the label and its amount: the row's 12.00 cannot be placed, so the lists
    # (which would miss it and be summed against 本年收入合计) are not used, and R1 is not run on them.
    text = _table(2021, "九、卫生健康支出", "使用非财政拨款结余").replace(
        "三、事业收入\t3\t34221.23\t九、卫生健康支出\t36\t36341.62\n",
        "九、卫生健康支出\t36\t36341.62\n三、事业收入\t3\t34209.23\n其他收入\t（注1）\t12.00\n",
    )
    read = read_report(text)
    d = read.disclosure
    assert d.revenue is not None and d.revenue.lines == () and d.revenue.fiscal is None
    assert str(d.revenue.total) == "34846.81"
    assert "R1" not in {f.rule for f in audit(d).findings}
    assert ("12.00",) in {u.figures for u in read.unread}


def test_a_small_whole_amount_beside_a_blank_row_number_is_read() -> None:
    # “六、其他收入<tab><tab>12”: the 行次 is blank, 12 is the amount (not the 行次 of an empty row,
    # which would leave the list short of it and give a false R1).  625.58 + 34209.23 + 12 = 34846.81.
    text = _table(2017, "九、医疗卫生与计划生育支出", "用事业基金弥补收支差额").replace(
        "三、事业收入\t3\t34221.23\t九、医疗卫生与计划生育支出\t36\t36341.62\n",
        "九、医疗卫生与计划生育支出\t36\t36341.62\n三、事业收入\t3\t34209.23\t\t\t\n六、其他收入\t\t12\t\t\t\n",
    )
    read = read_report(text)
    d = read.disclosure
    assert d.revenue is not None and d.overview is not None
    assert [(line.source.value, str(line.amount)) for line in d.revenue.lines] == [
        ("事业收入", "34209.23"),
        ("其他收入", "12"),
    ]
    assert d.overview.surplus_distribution is None  # “结余分配<tab>51<tab>”: 行次 51, blank amount
    assert [f.rule for f in audit(d).findings if f.severity.value == "error"] == []


def test_a_lone_number_whose_blanks_are_not_printed() -> None:
    # Cells set apart by spaces: “结余分配  51” is 行次 51 of an empty row where every amount of the
    # table prints its decimals; where amounts are whole numbers it may be 51万元: in doubt, it is
    # neither read nor dropped, and the table's lists are not summed.
    rows = (
        "项目  行次  金额  项目  行次  金额\n"
        "事业收入  3  100.00  卫生健康支出  36  90.00\n"
        "本年收入合计  23  100.00  本年支出合计  50  90.00\n"
        "年初结转和结余  25  0.00  结余分配  51\n"
        "使用非财政拨款结余  24  0.00  年末结转和结余  52  10.00\n"
        "总计  26  100.00  总计  53  100.00\n"
    )
    head = "某医院2021年度部门决算\n1.收入支出决算总表\n单位：万元\n"
    read = read_report(head + rows)
    d = read.disclosure
    assert d.overview is not None and d.overview.surplus_distribution is None
    assert d.revenue is not None and [str(line.amount) for line in d.revenue.lines] == ["100.00"]
    assert read.unread == ()
    whole = read_report(head + rows.replace(".00", ""))
    assert whole.disclosure.overview is not None and whole.disclosure.overview.surplus_distribution is None
    assert ("51",) in {u.figures for u in whole.unread}
    assert whole.disclosure.revenue is not None and whole.disclosure.revenue.lines == ()


def test_the_former_names_of_a_class_s_children_name_their_codes() -> None:
    from budgetacct.codes import catalogue
    from budgetacct.codes.former import is_former_name
    from budgetacct.reader.reading import match_name

    function = catalogue("function", 2021)
    assert match_name("所属事业单位离退休", function.children("20805")) == "2080502"
    assert match_name("归口管理的行政单位离退休", function.children("20805")) == "2080501"
    assert match_name("国土资源事务", function.children("220")) == "22001"
    assert is_former_name("22001", "国土资源事务", 2018)
    assert not is_former_name("22001", "国土资源事务", 2019)
