"""Narrative recall of the corpus budgets: the share of the narrative's money figures read.

How recall is counted: every money figure printed in the narrative (an amount with its unit,
“21,955.35 万元”) is one figure.  It is *read* when the reader stores it somewhere in the Budget —
once, however many fields it fills (“收入、支出预算总计X” is both totals, one figure read) — or
recognizes it as a restatement of a figure already stored (the same amount, the same wording);
otherwise it is *unread*.  Recall is read ÷ (read + unread) over the narrative only (table cells
are counted apart in Coverage.figures_read).

Each floor is the value reached with the figures checked by hand (tests/corpus/expected); a
change to the budget reader that reads fewer of them fails here.  A figure the reader cannot place
with certainty stays unread (a figure read wrong is worse than one unread), so the floors are below
100 %: see the unread list of each read for what is left.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from budgetacct.model.budget import Budget
from budgetacct.reader.published import PublishedRead, read_published

CORPUS = Path(__file__).parent / "corpus"

#: file → narrative recall reached, in percent (read ÷ (read + unread)).
FLOORS = {
    "js2018-jcy-ys.pdf": 100.0,
    "js2019-gjfy-ys.pdf": 100.0,
    "js2019-swbgt-ys-wen.pdf": 97.2,
    "sh2024-fly-dwys.pdf": 100.0,
    # Unread: 400.00 / 3000.00万元, the thresholds of the projects a service reviews (no budget figure).
    "sh2025-ptczj-ys.pdf": 96.2,
    "swu2023-ys.pdf": 96.8,
    # Unread: the 一般公共预算's 项目支出 263928.15 and the changes of its 基本/项目支出 (“一般公共预算财政
    # 拨款支出324970.32万元…。其中：基本支出…项目支出…”): the fund's split, which the Budget has no place
    # for (its 基本支出 is read as basic_expenditure.total); the department also spends 政府性基金 38610.
    "cq2018-jtw-ys.jsp": 80.7,
}


@cache
def _read(name: str) -> PublishedRead:
    return read_published(CORPUS / name)


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_budget_narrative_recall_stays_at_its_floor(name: str) -> None:
    read = _read(name)
    assert isinstance(read.disclosure, Budget)
    coverage = read.coverage
    recall = 100 * coverage.narrative_read / (coverage.narrative_read + coverage.narrative_unread)
    assert recall >= FLOORS[name], (name, round(recall, 1), [u.text for u in read.unread][:20])


def test_a_restated_figure_is_read_once_stored_and_counted_read() -> None:
    from budgetacct.reader.budget_text import read_budget_text

    text = "项目支出预算数为 5,573 万元。\n本年支出预算合计 21,955.35 万元，其中：\n项目支出 5,573 万元，占 25.38 %。"
    read = read_budget_text(text)
    printings = [f for f in read.figures if f.field == "expenditure.project"]
    assert [f.restated for f in printings] == [False, True]
    assert read.unread == ()


def test_a_different_second_printing_is_left_unread() -> None:
    from budgetacct.reader.budget_text import read_budget_text

    read = read_budget_text("项目支出预算数为 5,573 万元。项目支出 5,574 万元。")
    assert str(read.get("expenditure.project")) == "5573"
    assert [printed for _, _, printed in read.unread] == ["5,574 万元"]


def test_a_change_and_its_reason_are_read_with_their_figure() -> None:
    from budgetacct.money import Amount, Direction
    from budgetacct.reader.budget_text import read_budget_text

    read = read_budget_text(
        "3．公务接待费预算支出 86.95 万元，比上年预算减少 97 万元，主要原因是压减了公务接待费的支出预算安排。"
    )
    change = read.change("three_public.reception.change")
    assert change is not None
    assert (change.direction, change.amount, change.rate) == (Direction.DECREASE, Amount("97"), None)
    assert read.reasons == (("three_public.reception.reason", "主要原因是压减了公务接待费的支出预算安排"),)


def test_a_function_line_is_read_only_when_each_name_is_one_code() -> None:
    from budgetacct.reader.budget_text import read_budget_text

    codes = {"201": "一般公共服务支出", "20106": "财政事务", "2010601": "行政运行"}
    text = (
        "1.“一般公共服务支出（类）财政事务（款）行政运行（项）”1,623.18万元，主要用于基本支出。\n"
        "2.“一般公共服务支出（类）财政事务（款）其它财政事务支出（项）”3.00万元。"
    )
    read = read_budget_text(text, codes)
    assert [(item.code, str(item.figure.amount)) for item in read.items] == [("2010601", "1623.18")]
    assert [printed for _, _, printed in read.unread] == ["3.00万元"]
