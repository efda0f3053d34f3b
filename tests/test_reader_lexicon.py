"""The lexicon: wordings as data, validated when loaded, read by longest match.

Sentences quoted here come from the development corpus (see tests/corpus/README.md), as
text extracted from the PDF and normalized; each names its file.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from budgetacct.money import Amount
from budgetacct.paths import resolve_path
from budgetacct.reader import ReadResult, read_report
from budgetacct.reader.lexicon import LEXICON, labels, load_lexicon
from budgetacct.reader.schema import ReaderBug

SOURCES = """
[sources.here]
province = "上海"
year = 2024
document = "a test"
"""


def _amount(result: ReadResult, path: str) -> Decimal:
    assert result.sources_for(path), path
    value = resolve_path(result.disclosure, path)
    assert isinstance(value, Amount)
    return value.value


def test_the_longer_wording_wins() -> None:
    found = labels("2021年度财政拨款收入总计5万元，收入总计9万元，一般公共预算财政拨款支出总计3万元。")
    assert [f.wording for f in found] == ["财政拨款收入总计", "收入总计", "一般公共预算财政拨款支出"]
    result = read_report("2021年度财政拨款收入总计5万元。", department="示例")
    assert result.disclosure.overview is None
    # Alone, 财政拨款收入总计 may be the grand total or the year's fiscal revenue: left unread.
    assert result.disclosure.fiscal is None
    assert [u.figures for u in result.unread] == [("5万元",)]


def test_every_entry_says_where_it_was_seen() -> None:
    assert LEXICON.entries
    for entry in LEXICON.entries:
        assert entry.seen and all(seen.document and seen.province for seen in entry.seen)


def test_sh2024_ptczj_overview_and_revenue_sentences() -> None:
    # sh2024-ptczj-js.pdf (上海市普陀区财政局 2024年度部门决算), 第三部分 一 and 二
    text = (
        "一、收入支出决算总体情况说明\n上海市普陀区财政局2024年度收入支出总计2995.39万元。\n"
        "二、收入决算情况说明\n本年收入合计2946.25万元，其中：财政拨款收入2940.05万元，占99.79%；"
        "其他收入6.2万元，占0.21%。\n"
    )
    result = read_report(text, department="上海市普陀区财政局")
    assert _amount(result, "$.overview.revenue_grand_total") == Decimal("2995.39")
    assert _amount(result, "$.overview.expenditure_grand_total") == Decimal("2995.39")
    assert _amount(result, "$.revenue.total") == Decimal("2946.25")
    assert result.disclosure.fiscal is None  # 财政拨款收入 in a revenue list is no fiscal total
    # … it is the three fiscal sources printed as one line of the list (page 21).
    assert _amount(result, "$.revenue.fiscal.amount") == Decimal("2940.05")
    assert _amount(result, "$.revenue.lines[0].amount") == Decimal("6.2")
    assert result.unread == ()


def test_swu2023_spending_total_with_thousands_separators() -> None:
    # swu2023-js.pdf (西南大学 2023年度部门决算), 三、(一)
    text = "学校 2023 年度支出总计 457,676.75 万元，与 2022 年度相比，增加 54,492.83 万元，增长 13.52%。"
    result = read_report(text, department="西南大学")
    assert _amount(result, "$.overview.expenditure_grand_total") == Decimal("457676.75")
    overview = result.disclosure.overview
    assert overview is not None and overview.change is not None
    assert overview.change.rate is not None and overview.change.rate.value == Decimal("13.52")


def test_a_head_carries_over_to_the_label_after_it() -> None:
    result = read_report("2021年财政拨款收入总计10万元，其中本年收入合计8万元。", department="示例")
    fiscal = result.disclosure.fiscal
    assert fiscal is not None
    assert (fiscal.grand_total, fiscal.revenue_total) == (Amount("10"), Amount("8"))
    assert result.disclosure.revenue is None


def test_a_wording_is_added_as_data() -> None:
    lexicon = load_lexicon(
        SOURCES
        + """
[[label]]
wording = "部门收入总额"
paths = ["$.revenue.total"]
seen = ["here"]
"""
    )
    assert [f.wording for f in labels("本年部门收入总额5万元", lexicon)] == ["部门收入总额"]


@pytest.mark.parametrize(
    ("entry", "complaint"),
    [
        ('wording = "收入总计"\npaths = ["$.overview.revenue_grand_totl"]\nseen = ["here"]', "no field"),
        ('wording = "收入总计"\npaths = ["overview.total"]\nseen = ["here"]', "'$.'"),
        ('wording = "收入总计"\npaths = ["$.overview.revenue_grand_total"]\nseen = ["nowhere"]', "sources"),
        ('wording = "收入总计"\npaths = ["$.overview.revenue_grand_total"]\nseen = []', "sources"),
        ('wording = "收 入"\npaths = []\nseen = ["here"]', "without spaces"),
        ('wording = "收入"\npaths = []\nseen = ["here"]\nsection = ["overview"]', "unknown fields"),
        ('wording = "收入"\npaths = []\nseen = ["here"]\nsections = ["nowhere"]', "unknown section"),
        ('wording = "收入"\npaths = ["$.{section}.total"]\nseen = ["here"]', "{section}"),
    ],
)
def test_a_bad_entry_fails_when_the_lexicon_is_loaded(entry: str, complaint: str) -> None:
    with pytest.raises(ReaderBug, match="please report") as raised:
        load_lexicon(SOURCES + "\n[[label]]\n" + entry + "\n")
    assert complaint in str(raised.value)


def test_two_entries_of_one_wording_may_not_apply_in_one_section() -> None:
    twice = '\n[[label]]\nwording = "收入总计"\npaths = ["$.overview.revenue_grand_total"]\nseen = ["here"]\n'
    with pytest.raises(ReaderBug, match="two entries"):
        load_lexicon(SOURCES + twice + twice)
