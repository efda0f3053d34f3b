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
    report = audit(d, coverage=read.coverage)
    assert [f.rule for f in report.findings if f.severity.value == "error"] == []
    # The 2017 类 name is not in the bundled catalogue: its row is reported, and so the lists are
    # not used; the figures that were read add up.
    assert {u.figures for u in read.unread} == {("625.58",), ("34221.23",), ("36341.62",)}


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
