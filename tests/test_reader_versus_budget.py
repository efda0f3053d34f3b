"""The word comparing a §五(三) item's 决算数 with its 年初预算数, read into ``versus_budget`` (R99).

The wordings are those of real reports: 上海市普陀区财政局 2024年度部门决算 (tests/corpus/
sh2024-ptczj-js.pdf, page 22) prints the item's figures, then “决算数小于预算数的主要原因：…” or
“决算数与预算数基本持平。” as a sentence of its own; other reports print the word in the item's
sentence (“…完成年初预算的98.20%，决算数大于年初预算数，主要原因是…”).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from budgetacct import Amount, Disclosure, audit
from budgetacct.codes import FunctionCode
from budgetacct.model import FunctionLine, GeneralBudget, StatedChange
from budgetacct.model.enums import Severity
from budgetacct.money import Direction
from budgetacct.reader import read_text
from budgetacct.reader.published import PublishedRead, read_published
from budgetacct.reader.report import ReadResult
from budgetacct.reader.versus_budget import stated_direction
from budgetacct.render.narrative import render_narrative

_UP, _DOWN, _FLAT = Direction.INCREASE, Direction.DECREASE, Direction.FLAT
_HEAD = (
    "2024年度示例局部门决算\n"
    "五、一般公共预算财政拨款支出决算情况说明\n"
    "（三）一般公共预算财政拨款支出决算具体情况\n"
)
_ITEM = "1、一般公共服务支出（类）财政事务（款）行政运行（项）。主要用于：人员经费。"
_FIGURES = "年初预算为1560.05万元，支出决算为1511.89万元。"
_SECOND = "2、一般公共服务支出（类）财政事务（款）一般行政管理事务（项）：年初预算为10.00万元，支出决算为10.00万元。"


def _read(body: str) -> ReadResult:
    return read_text(_HEAD + body, department="示例局")


def _directions(read: ReadResult | PublishedRead) -> list[tuple[str, Direction | None]]:
    assert isinstance(read.disclosure, Disclosure)
    gb = read.disclosure.general_budget
    assert gb is not None
    return [(i.code.code, None if i.versus_budget is None else i.versus_budget.direction) for i in gb.items]


@pytest.mark.parametrize(
    ("sentence", "direction"),
    [
        ("决算数小于预算数的主要原因：人员进出及退休变化，减少人员经费开支。", _DOWN),
        ("决算数大于预算数的主要原因是追加了经费。", _UP),
        ("决算数与预算数持平。", _FLAT),
        ("决算数高于预算数，主要原因是追加了经费。", _UP),
        ("决算数低于预算数，主要原因是人员减少。", _DOWN),
        ("决算数等于预算数。", _FLAT),
        ("与年初预算持平。", _FLAT),
        ("支出决算数大于年初预算数，主要原因是追加了经费。", _UP),
    ],
)
def test_a_comparison_printed_after_the_item_is_the_items(sentence: str, direction: Direction) -> None:
    result = _read(_ITEM + _FIGURES + sentence + "\n")
    assert _directions(result) == [("2010601", direction)]
    assert result.unread == ()


@pytest.mark.parametrize(
    ("tail", "direction"),
    [
        ("，完成年初预算的96.91%，决算数大于年初预算数，主要原因是追加了经费。", _UP),
        ("，决算数小于年初预算数。", _DOWN),
        ("，决算数与年初预算数持平。", _FLAT),
        ("，支出决算数低于年初预算数。", _DOWN),
    ],
)
def test_a_comparison_in_the_items_own_sentence_is_the_items(tail: str, direction: Direction) -> None:
    line = (
        "1、一般公共服务支出（类）财政事务（款）行政运行（项）：年初预算为1560.05万元，支出决算为1511.89万元"
    )
    assert _directions(_read(line + tail + "\n")) == [("2010601", direction)]


def test_a_comparison_in_a_list_of_items_belongs_to_its_own_clause() -> None:
    line = (
        "1.一般公共服务（201）财政事务（06）：行政运行（01）支出决算为1511.89万元，完成年初预算的96.91%，"
        "决算数小于年初预算数；一般行政管理事务（02）支出决算为10.00万元。\n"
    )
    assert _directions(_read(line)) == [("2010601", _DOWN), ("2010602", None)]


def test_the_wrong_word_read_from_a_report_is_reported_by_r99() -> None:
    result = _read(_ITEM + _FIGURES + "决算数大于预算数的主要原因：追加了经费。\n")
    (finding,) = audit(result.disclosure, rules=["R99"]).findings
    assert finding.severity is Severity.ERROR
    assert finding.path == "$.general_budget.items[0].versus_budget"
    assert "1511.89" in finding.message.zh and "1560.05" in finding.message.zh


def test_about_equal_is_not_read_as_equal() -> None:
    # 135.90 against 135.25 “基本持平” (sh2024-ptczj-js.pdf, item 3): read as 持平, R99 would call
    # a 0.65 difference an error that the report never claimed.
    body = (
        "1、一般公共服务支出（类）财政事务（款）行政运行（项）。年初预算为135.90万元，支出决算为135.25万元。"
        "决算数与预算数基本持平。\n"
    )
    result = _read(body)
    assert _directions(result) == [("2010601", None)]
    assert result.unread == ()
    assert audit(result.disclosure, rules=["R99"]).findings == ()
    assert stated_direction("，决算数与年初预算数大致持平") is None
    assert stated_direction("决算数与预算数基本一致", opening=True) is None


def test_a_comparison_goes_to_the_item_just_read_only() -> None:
    # The second item's sentence has no comparison; the first's is not carried over to it.
    body = _ITEM + _FIGURES + "决算数小于预算数的主要原因：人员减少。\n" + _SECOND + "\n"
    assert _directions(_read(body)) == [("2010601", _DOWN), ("2010602", None)]


def test_a_comparison_after_another_sentence_stays_unattached() -> None:
    body = _ITEM + _FIGURES + "该项目用于日常运转。决算数小于预算数的主要原因：人员减少。\n"
    result = _read(body)
    assert _directions(result) == [("2010601", None)]
    assert result.unread == ()


def test_a_comparison_after_the_total_is_no_items() -> None:
    body = (
        "一般公共预算财政拨款支出年初预算为2993.92万元，支出决算为2940.05万元，完成年初预算的98.20%。"
        "决算数小于预算数的主要原因：个别项目未实施。\n" + _SECOND + "\n"
    )
    result = _read(body)
    assert _directions(result) == [("2010602", None)]
    assert result.unread == ()


def test_a_comparison_after_a_sentence_of_several_items_is_neithers() -> None:
    body = (
        "1.一般公共服务（201）财政事务（06）：行政运行（01）支出决算为1511.89万元；"
        "一般行政管理事务（02）支出决算为10.00万元。决算数小于预算数的主要原因：人员减少。\n"
    )
    assert _directions(_read(body)) == [("2010601", None), ("2010602", None)]


def test_a_comparison_does_not_cross_into_another_section() -> None:
    body = (
        _ITEM
        + _FIGURES
        + "\n六、一般公共预算财政拨款基本支出决算情况说明\n决算数大于预算数的主要原因：追加。\n"
    )
    assert _directions(_read(body)) == [("2010601", None)]


def _disclosure(amount: Amount, budget: Amount, direction: Direction | None) -> Disclosure:
    item = FunctionLine(
        FunctionCode("2010301"),
        amount,
        name="行政运行",
        budget=budget,
        versus_budget=None if direction is None else StatedChange(direction),
    )
    return Disclosure(
        year=2021, department="示例部门", general_budget=GeneralBudget(total=amount, items=(item,))
    )


_FIGURE = st.integers(1, 10**7).map(lambda cents: Amount(Decimal(cents).scaleb(-2)))


@settings(max_examples=60, deadline=None)
@given(
    amount=_FIGURE,
    budget=_FIGURE,
    direction=st.none() | st.sampled_from(Direction),
    template=st.sampled_from(("sichuan-2021", "all-lines")),
)
def test_the_stated_word_reads_back_as_rendered(
    amount: Amount, budget: Amount, direction: Direction | None, template: str
) -> None:
    published = _disclosure(amount, budget, direction)
    text = render_narrative(published, template=template).text
    result = read_text(text, department=published.department)
    ((code, read),) = _directions(result)
    assert code == "2010301"
    if direction is not None:
        assert read is direction, text
    elif template == "all-lines" and amount != budget:
        # The per-item paragraph words the comparison from the figures: right by construction.
        assert read is (_UP if amount > budget else _DOWN), text
    else:
        assert read is None, text
    assert [u for u in result.unread if u.figures] == [], text


# --- a real report ------------------------------------------------------------------------------------------

_PUTUO = Path(__file__).parent / "corpus" / "sh2024-ptczj-js.pdf"


def test_the_putuo_items_carry_their_printed_comparisons() -> None:
    pytest.importorskip("pdfplumber", reason="the pdf extra reads PDFs: pip install 'budgetacct[pdf]'")

    read = read_published(_PUTUO)
    # Page 22 as printed: 小于 for items 1, 3, 4, 5, 6, 7, 9, 10; “基本持平” (not read) for 2, 8, 11.
    assert _directions(read) == [
        ("2010601", _DOWN),
        ("2010602", None),
        ("2010607", _DOWN),
        ("2010608", _DOWN),
        ("2080501", _DOWN),
        ("2080505", _DOWN),
        ("2080506", _DOWN),
        ("2080599", None),
        ("2101101", _DOWN),
        ("2210201", _DOWN),
        ("2210203", None),
    ]
    assert [f for f in audit(read.disclosure, coverage=read.coverage).findings if f.rule == "R99"] == []
