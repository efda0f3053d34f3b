"""What a §七 “三公” sentence says around its figures: which label names a figure's subject, which
year the words speak of, and which words make an amount a comparison rather than the year's figure.

The 三公 reader (:mod:`budgetacct.reader.three_public`) places a figure only when these say what it
is; every other figure is reported unread with the reason, since a figure placed at the wrong field
makes the audit report errors the report does not have.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from budgetacct.reader.reading import AMOUNT

if TYPE_CHECKING:  # pragma: no cover
    from re import Match

__all__ = [
    "AMBIGUOUS",
    "BESIDE",
    "JOINT",
    "LABEL",
    "OTHER",
    "PRIOR_YEAR",
    "comparison_kind",
    "continues",
    "direction_word",
    "key_of",
    "own_budget",
    "year_at",
    "year_scopes",
]

#: A label that names no field of the model's 三公 figures (差旅费, any other “X费”).
OTHER: Final = "other"
#: The figures printed in or beside §七 with the record of a 三公 figure but outside the 三公: 会议费
#: and 培训费, the Disclosure's own fields (not under ``three_public``).
BESIDE: Final = ("meeting_costs", "training_costs")
#: 会议费 and 培训费 named together (“会议费、培训费支出合计8万元”, “会议费和培训费比上年减少2万元”):
#: the model holds no joint figure, and the figure is neither fee's.
JOINT: Final = "joint"
#: A label that may name two fields: 公务用车及运行维护费 reads as a misprint of 公务用车购置及运行维护费
#: or of 公务用车运行维护费 (hlx.gov.cn 2020 prints it for the latter, beside a 公务用车购置 figure).
AMBIGUOUS: Final = "ambiguous"
#: The scope of a clause whose subject is last year (“上年度…支出60万元”).
PRIOR_YEAR: Final = -1

_FEE: Final = r"(?:费用?|经费)?"
_VEHICLE: Final = r"(?:公务用车|公务车辆|公车)"
_RUN: Final = r"运(?:行(?:维护)?|维)"
_BEFORE_AMOUNT: Final = r"(?:支出|合计|共计|为|是)*\d"

#: The labels of each figure of the model (or :data:`AMBIGUOUS`, :data:`OTHER`), tried in this
#: order at one place.  Bare 车辆运行维护费 and 接待费 are also the names of 公用经费 items (“办公费、
#: 接待费等”): they are labels only right before their amount.  “公务用车保有量2辆，购置及运行维护费
#: 5万元” (湛江市委宣传部 2017) names the vehicles' costs without 公务用车.
_LABELS: Final = {
    "domestic_reception": rf"国内公务接待{_FEE}",
    "foreign_reception": rf"(?:外事|国（境）外|境外|国外)公务接待{_FEE}|外事接待{_FEE}",
    "reception": rf"公务接待{_FEE}|(?<![\u4e00-\u9fff])接待费用?(?={_BEFORE_AMOUNT})",
    "vehicles": rf"{_VEHICLE}购置费?(?:及|和){_RUN}{_FEE}|(?<=[，；：、])购置(?:及|和){_RUN}费用?",
    "vehicle_purchase": rf"{_VEHICLE}购置{_FEE}",
    "vehicle_operation": rf"{_VEHICLE}{_RUN}{_FEE}|车辆{_RUN}{_FEE}(?={_BEFORE_AMOUNT})",
    AMBIGUOUS: r"公务用车及运行维护费用?",
    "outbound": rf"因公出国(?:（境）)?{_FEE}|出国(?:（境）)?(?:费用?|经费)",
    "total": r"三公[”\"’']?经费",
    JOINT: rf"会议{_FEE}[、和及与]培训(?:费用?|经费)|培训{_FEE}[、和及与]会议(?:费用?|经费)",
    "meeting_costs": r"会议(?:费用?|经费)",
    "training_costs": r"培训(?:费用?|经费)",
}
_KNOWN = re.compile("|".join(f"(?P<{key}>{pattern})" for key, pattern in _LABELS.items()))
#: Any other label printed right before an amount (“差旅费3万元”): it ends the subject before it.
_ANY_FEE: Final = rf"(?<![\u4e00-\u9fff])[\u4e00-\u9fff]{{1,10}}?费(?={_BEFORE_AMOUNT})"

#: A subject: a known label first, then any “X费” label before an amount.
LABEL: Final = rf"(?P<label>{_KNOWN.pattern}|(?P<any_fee>{_ANY_FEE}))"


def key_of(m: Match[str]) -> str:
    """The model's figure named by the label ``m`` matched (or :data:`OTHER`, :data:`AMBIGUOUS`).

    An “X费” label that holds a known one (“年度公务接待费”, matched from the year before it) is
    that one."""
    known = m if m.group("label") != m.group("any_fee") else _KNOWN.search(m.group("label"))
    if known is None:
        return OTHER
    return next(key for key in _LABELS if known.group(key) is not None)


# --- roles of an amount -----------------------------------------------------------------------------------------

_UP_WORDS: Final = ("增加", "增长", "上升", "增支", "超支", "多支出", "多支")
_DOWN_WORDS: Final = ("减少", "下降", "降低", "节约", "节省", "压减", "压缩", "减支", "少支出", "少支")
#: The words every reader of changes knows; the others (节约, 超支…) are only read where the words
#: say what the amount is compared with.
PLAIN_DIRECTIONS: Final = frozenset({"增加", "增长", "上升", "减少", "下降", "降低"})
_DIRECTION = re.compile(
    "(?P<dir>" + "|".join(sorted((*_UP_WORDS, *_DOWN_WORDS), key=len, reverse=True)) + ")了?$"
)
_ANY_DIRECTION = re.compile("|".join((*_UP_WORDS, *_DOWN_WORDS)))
_PRIOR = re.compile(r"(?:与|比|较|同)(?:上年|去年|上一年|上年度|\d{4}\s?年)|同比|同期|上年|去年|上一年")
_BUDGET_COMPARED = re.compile(r"(?:与|比|较)(?:年初|全年|调整后)?预算")
_DIFFERENCE = re.compile(r"(?:差值|差额|相差)(?:为|是)?$")


def direction_word(lead: str) -> tuple[str, bool] | None:
    """The direction word right before an amount, and whether it is an increase."""
    found = _DIRECTION.search(lead)
    if found is None:
        return None
    word = found.group("dir")
    return word, word in _UP_WORDS


_YEAR_BUDGET = re.compile(r"(?P<compare>与|比|较)(?P<year>\d{4})\s?年度?(?=(?:年初|全年|调整后)?预算)")


def own_budget(context: str, report_year: int) -> str | None:
    """``context`` with a budget of the report's own year named as the budget (“比2021年度预算” in
    a 2021 report is “比预算”); ``None`` where it names the budget of a year other than the report's
    or the year before it, which none of the figures holds."""
    for m in reversed(list(_YEAR_BUDGET.finditer(context))):
        year = int(m.group("year"))
        if year == report_year:
            context = context[: m.start()] + m.group("compare") + context[m.end() :]
        elif year != report_year - 1:
            return None
    return context


def comparison_kind(context: str, report_year: int) -> str | None:
    """What the words since the subject or the previous figure compare an amount with:

    ``"budget"`` (比预算, 较年初预算, 比2021年度预算 in a 2021 report), ``"prior"`` (比上年, 较2020年度,
    同比, 比2020年预算: last year's budget), ``"difference"`` (差值为, no direction), ``"unclear"`` (a
    direction word not right before the amount), ``"other_budget"`` (比2019年预算 in a 2021 report)
    or ``None``."""
    if _DIFFERENCE.search(context):
        return "difference"
    named = own_budget(context, report_year)
    if named is None:
        return "other_budget"
    context = named
    prior = _PRIOR.search(context) is not None
    if direction_word(context) is None and _ANY_DIRECTION.search(context):
        return "unclear"
    if _BUDGET_COMPARED.search(context) and not prior:
        return "budget"
    return "prior" if prior else None


# --- the year a clause speaks of --------------------------------------------------------------------------------

_YEAR_WORD = re.compile(
    r"(?P<year>\d{4})\s?年(?:度)?|(?P<prior>上一?年度|上年|去年)|(?P<this>本年度|本年|当年)"
)
_COMPARING: Final = (
    *("比", "较", "与", "同", "至", "于", "和", "及", "、", "到", "自", "过", "对", "从"),
    *("低于", "高于", "少于", "多于", "超过"),
)
_CLAUSE_START: Final = "，。；：,;:（(）)、"


_CLAUSE_END = re.compile(r"[，,；;。！？）)]")
_CLAUSE_MARKS: Final = "，,；;。：:（("
_AMOUNT = re.compile(AMOUNT)
#: Words that open a reason: a year after them in their clause is the reason's, not the figures'.
_REASON_WORDS: Final = ("原因", "由于", "因为", "主要是")
_LABEL_AT = re.compile(LABEL)


def _clause_end(text: str, start: int) -> int:
    mark = _CLAUSE_END.search(text, start)
    return len(text) if mark is None else mark.start()


def _leads_figure(clause: str) -> bool:
    """Whether a clause after its year names a “三公” item and then states an amount of it
    (“2020年度“三公”经费支出30万元”, not “2020年度为30万元” nor a reason's “2020年已更新车辆”)."""
    label = next((m for m in _LABEL_AT.finditer(clause) if key_of(m) != OTHER), None)
    return label is not None and _AMOUNT.search(clause, label.end()) is not None


def year_scopes(text: str, report_year: int, carried: int | None = None) -> list[tuple[int, int]]:
    """Where the year the words speak of changes: ``(position, year)`` pairs, the year
    :data:`PRIOR_YEAR` for a clause whose subject is last year.

    A year printed as the subject (not “比2020年”, “与2020年相比” or a date “2021年12月31日”) rules
    until the next one where it leads a clause stating a “三公” figure (“2020年度“三公”经费支出30万
    元”).  A year with a figure of its own (“2020年度为30万元”, “2020年支出11万元”) rules its clause
    only; a year inside a reason (“主要原因是2020年…”) rules nothing.  ``carried`` is the year the
    text starts in."""
    scopes = [(0, report_year if carried is None else carried)]
    for m in _YEAR_WORD.finditer(text):
        before = text[: m.start()].rstrip()
        if before.endswith(_COMPARING):
            continue
        after = text[m.end() : m.end() + 4]
        clause_start = max(before.rfind(mark) for mark in _CLAUSE_MARKS) + 1
        if any(word in before[clause_start:] for word in _REASON_WORDS):
            continue
        if m.group("year") is not None:
            if after[:1].isdigit() or after.startswith(("相比", "比较")):
                continue
            year = int(m.group("year"))
        elif m.group("prior") is not None:
            at_clause_start = not before or before[-1] in _CLAUSE_START
            if not at_clause_start or after.startswith(("结转", "结余", "末", "相比", "同期")):
                continue
            year = PRIOR_YEAR
        else:
            year = report_year
        end = _clause_end(text, m.end())
        if not text[m.end() : end].strip(" 度"):
            end = _clause_end(text, end + 1)  # “2020年，“三公”经费支出30万元”: the year leads the next clause
        if _leads_figure(text[m.end() : end]):
            scopes.append((m.start(), year))
        else:
            outer = year_at(scopes, m.start())
            scopes += [(m.start(), year), (end, outer)]
    return sorted(scopes, key=lambda scope: scope[0])


def continues(stretch: str, following: str) -> bool:
    """Whether the sentence ``following`` goes on with the figures of ``stretch`` (the end of the
    sentence before it, in one year's scope): it opens with 其中, or it names the next part of a
    其中 list that ``stretch`` began (“…，其中公务接待较上年同期减少0.58万元。公务用车运行费用较上年
    同期增加2.27万元”)."""
    following = following.lstrip()
    if following.startswith("其中"):
        return True
    label = _LABEL_AT.match(following)
    return "其中" in stretch and label is not None and key_of(label) not in ("total", OTHER, JOINT, *BESIDE)


def year_at(scopes: list[tuple[int, int]], position: int) -> int:
    year = scopes[0][1]
    for start, found in scopes:
        if start > position:
            break
        year = found
    return year
