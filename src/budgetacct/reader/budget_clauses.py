"""Whose figure a budget narrative prints: the list it stands in, and the year its clause names.

The budget reader (:mod:`budgetacct.reader.budget_text`) finds a figure by its wording; the same
wording means different things by where it is printed:

* a “其中：基本支出X，项目支出Y” list is the whole budget's split after “本年支出预算合计Z，”, the
  一般公共预算's after “一般公共预算财政拨款支出Z。”, and one 功能分类 line's after “机构运行Z，”
  (梧州 prints every line's split);
* a “收入包括：…上年结转结余Y” list after “财政拨款收支总预算Z。” is the fiscal money's carry-over,
  not the whole budget's;
* a clause led by another year (“2022年收入预算总计900万元，2023年…”, “较2017年…总数X”) prints
  that year's budget, not the report's.

The text is read as the 决算 reader reads it (:func:`budgetacct.reader.normalize.normalize_line`:
full-width digits, thousands separators, spaces inside a sentence), each character kept with its
place in the page's text.

>>> joined, at, _ = normalized("收入１，２３４.５\\n万元")
>>> joined, at[-1]
('收入1234.5万元', 11)
>>> line = "机构运行100万元，其中：基本支出100万元"
>>> list_owner(line, line.find("基本"))
'line'
>>> whole = "本年支出预算合计150万元，其中：基本支出100万元"
>>> list_owner(whole, whole.find("基本"))
'whole'
>>> other_year("2022年收入预算总计900万元", 5, 2023, [0])
True
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import Final, Literal

from budgetacct.reader.normalize import normalize_line

__all__ = ["WITHHELD", "Owner", "list_owner", "normalized", "other_year"]

#: What a list of parts belongs to: the whole budget, the 一般公共预算 money, the 财政拨款 money,
#: another fund, or anything else (a 功能分类 line, or words that name no total).
Owner = Literal["whole", "general_budget", "fiscal", "fund", "line"]

#: Why a figure of a wording the reader knows is left unread: (English, Chinese), by the list's owner
#: (:data:`Owner`), or ``"year"`` for another year's figure.
WITHHELD: Final[dict[str, tuple[str, str]]] = {
    "general_budget": (
        "a part of the 一般公共预算's spending, not of the whole budget",
        "一般公共预算支出的组成，不是部门预算整体的",
    ),
    "fiscal": ("a part of the 财政拨款 money, not of the whole budget", "财政拨款的组成，不是部门预算整体的"),
    "fund": ("a part of one fund's money, not of the whole budget", "单项资金的组成，不是部门预算整体的"),
    "line": (
        "a part of the line or figure the list follows, not of the whole budget",
        "所列科目或数字自身的组成，不是部门预算整体的",
    ),
    "year": ("a figure of another year, not of the report's", "其他年度的数字，不是本年预算"),
}


def normalized(text: str) -> tuple[str, list[int], list[int]]:
    """``text`` normalized line by line and joined without its line breaks (a sentence wrapped
    across lines reads as one), the position in ``text`` of each character kept, and where each
    line starts in the joined text."""
    pieces: list[str] = []
    at: list[int] = []
    starts: list[int] = []
    base = 0
    for line in text.split("\n"):
        normal = normalize_line(line, with_origin=True)
        starts.append(len(at))
        pieces.append(normal.text)
        at.extend(base + index for index in normal.origin or ())
        base += len(line) + 1
    return "".join(pieces), at, starts


_AMOUNT: Final = re.compile(r"(?<![0-9.])[0-9][0-9,，]*(?:\.[0-9]+)?(?:万元|亿元|元)")
#: “其中：”, “其中，”, “其中基本支出…”; “收入包括：”, “支出包括：”; “（含上年结转…）”.
_OPENING: Final = re.compile(r"其中[：:，,]?|(?:收入|支出)?包括[：:]|[（(]含")
_SEPARATORS: Final = "，,；;。"


def _clause_start(joined: str, position: int) -> int:
    """Where the clause holding ``position`` starts (a wording may open with its separator)."""
    while position < len(joined) and joined[position] in _SEPARATORS:
        position += 1
    return max(joined.rfind(separator, 0, position) for separator in _SEPARATORS) + 1


#: Words of a change or a share: the figure they lead is not the one a list belongs to.
_CHANGE_WORDS: Final = re.compile(r"增加|减少|增长|下降|持平|一致|相比|同比|较|比|占")


def _head(joined: str, start: int, end: int) -> str | None:
    """The words naming the last figure in ``joined[start:end]`` that is no change or share."""
    for amount in reversed(list(_AMOUNT.finditer(joined, start, end))):
        clause = joined[_clause_start(joined, amount.start()) : amount.start()]
        if not _CHANGE_WORDS.search(clause):
            return clause
    return None


#: A fund's total, right before its figure: “一般公共预算财政拨款支出”, “2025年本年一般公共预算支出”,
#: “财政拨款收支总预算”, “政府性基金预算支出”.
_FUND_HEAD: Final = re.compile(
    r"(?P<fund>一般公共预算|政府性基金(?:预算)?|国有资本经营预算|财政拨款|拨款)(?:当年|本年)?(?:财政)?(?:拨款)?"
    r"(?P<flow>收入|支出|收支|收、支)(?:预算|总预算)?(?:数|总计|合计|总额)?(?:为|是)?$"
)
#: The whole budget's total: “本年支出预算合计”, “2024年支出预算”, “（二）支出预算：2022年年初预算数”,
#: “2024年部门收入预算”, “部门预算收入总数”, “本单位支出为” — not a line's (“教育支出预算”, “初中教育
#: 支出”: a name before it).
_WHOLE_HEAD: Final = re.compile(
    r"(?:^|[^\u4e00-\u9fff]|[年度院局厅委所镇府心校园室会部司队站馆团社处位])(?:本年|全年|当年|部门|单位)?"
    r"(?:(?:收入|支出|收支|收、支)(?:预算|总预算)(?:总计|合计|总额|总数)?|(?:收入|支出)(?:总计|合计)?"
    r"|预算(?:收入|支出)(?:总数|总计|合计|总额))"
    r"(?:为|是|数为)?(?:[：:][^：:，,]*?(?:年初)?预算数(?:为)?)?$"
)


def _owner(head: str) -> Owner:
    fund = _FUND_HEAD.search(head)
    if fund is not None:
        if fund["fund"] == "一般公共预算" and fund["flow"] == "支出":
            return "general_budget"
        return "fiscal" if fund["fund"] == "财政拨款" else "fund"
    return "whole" if _WHOLE_HEAD.search(head) else "line"


def list_owner(joined: str, position: int) -> Owner | None:
    """Whose parts the list a figure at ``position`` stands in are (``None``: in no list).

    The list belongs to the figure before its “其中” / “包括” in the same sentence, or, when the
    list opens a sentence (“…比2021年增加76.05万元。其中：基本支出…”), the sentence before: the last
    figure there that is no change.  A list after no figure is a line's (unread, never guessed).
    """
    sentence = joined.rfind("。", 0, position) + 1
    openings = list(_OPENING.finditer(joined, sentence, position))
    if not openings:
        return None
    head = _head(joined, sentence, openings[-1].start())
    if head is None and sentence > 0:
        head = _head(joined, joined.rfind("。", 0, sentence - 1) + 1, sentence - 1)
    return "line" if head is None else _owner(head)


#: A clause led by another year: “2022年…”, “较2017年…”, “上年…”, “去年…” (not a date: “2022年12月”;
#: not 上年结转, this year's money carried over).
_YEAR_LEAD: Final = re.compile(
    r"(?:[（(][一二三四五六七八九十\d]+[）)]|\d+[.、]|[一二三四五六七八九十]+、)?\s*(?:与|较|比)?"
    r"(?:(?P<year>20\d{2})\s*年度?(?!\d{1,2}月)|(?:上年|去年|上一年度?)(?!结转|结余))"
)


def other_year(joined: str, position: int, year: int | None, line_starts: Sequence[int]) -> bool:
    """Whether the clause a figure's wording at ``position`` stands in is led by a year other than
    the report's ``year`` (or by 上年 / 去年): last year's budget, printed beside this year's.  A
    line of the clause may lead it too: a title without a full stop runs into the first sentence
    (“某县人民医院2023年部门预算” / “2022年公务接待费预算3万元，…”)."""
    start = _clause_start(joined, position)
    first = bisect.bisect_right(line_starts, start)
    for lead_at in (start, *line_starts[first : bisect.bisect_left(line_starts, position)]):
        lead = _YEAR_LEAD.match(joined, lead_at, position)
        if lead is not None:
            return lead["year"] is None or (year is not None and int(lead["year"]) != year)
    return False
