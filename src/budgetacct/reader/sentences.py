"""The prose pass of the 决算说明: each sentence read by a few constructions, in a fixed order.

The parts and sections of the report are found from its headings (:func:`assign_context`); then
every sentence of the prose paragraphs goes through the constructions — label + figure over the
lexicon (:mod:`~budgetacct.reader.labelled`), lists of parts (:mod:`~budgetacct.reader.lists`),
§五's totals, 类 list and 类/款/项 lines (:mod:`~budgetacct.reader.classification`), 三公
(:mod:`~budgetacct.reader.three_public`), counts and staffing (:mod:`~budgetacct.reader.counts`) and
changes against last year (:mod:`~budgetacct.reader.changes`) — each marking the figure tokens it
used.  Tokens no construction used are reported unread.

>>> from budgetacct.reader import read_report
>>> r = read_report("2021年本年收入合计100万元，其中：上级补助收入60万元，占60%；事业收入40万元，占40%。",
...                 department="示例")
>>> [(line.source.value, str(line.amount), str(line.share)) for line in r.disclosure.revenue.lines]
[('上级补助收入', '60', '60'), ('事业收入', '40', '40')]
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from budgetacct.reader.normalize import Document, Sentence, heading_title, is_part_heading

if TYPE_CHECKING:  # pragma: no cover
    pass
from budgetacct.reader.changes import THREE_PUBLIC_SUBJECT, read_part_changes, read_year_on_year
from budgetacct.reader.classification import (
    figures_of_item,
    item_heading,
    read_expenditure_classes,
    read_general_budget,
    read_items,
)
from budgetacct.reader.counts import (
    offer_department_lead,
    offer_title,
    read_assets,
    read_performance,
    read_staffing,
)
from budgetacct.reader.labelled import read_labelled, readings
from budgetacct.reader.lists import read_expenditure, read_fiscal, read_revenue
from budgetacct.reader.procurement import read_sme_awards
from budgetacct.reader.reading import MASK, Reader, match_name
from budgetacct.reader.three_public import read_three_public
from budgetacct.reader.versus_budget import follow_item

__all__ = ["Reader", "assign_context", "match_name", "read_prose"]


# --- context: parts and sections ----------------------------------------------------------------------------

_PARTS: Final = (
    ("名词解释", "glossary"),
    ("附表", "tables"),
    ("决算表", "tables"),
    ("附件", "attachment"),
    ("绩效评价报告", "attachment"),
    ("概况", "profile"),
    ("基本情况", "profile"),
    ("决算情况说明", "narrative"),
    ("决算说明", "narrative"),
    ("其他重要事项", "narrative"),
)

_SECTIONS: Final = (
    ("名词解释", "glossary"),
    # A fund's own section before the words it shares with the department's (收入支出, 收支):
    # “二、2018年度一般公共预算收入支出决算情况”, “三、政府性基金预算财政拨款收支情况”.
    ("一般公共预算收入支出", "general_budget"),
    ("一般公共预算收支", "general_budget"),
    ("政府性基金预算财政拨款", "government_fund"),
    ("国有资本经营预算财政拨款", "state_capital"),
    ("财政拨款收入支出决算总体", "fiscal"),
    ("财政拨款收支", "fiscal"),
    ("财政拨款收入决算", "fiscal"),
    # “（一）高等学校收支决算总表说明” (the 高等学校 layout): its 收入总计 and 支出总计 are the year's
    # revenue and spending, 表1 naming its grand total 合计 (see the lexicon).  Only this layout's:
    # another report's 收支决算总表 may well print a 收入总计 that is the grand total.
    ("高等学校收支决算总表", "summary_table"),
    # “（四）高等学校财政拨款支出决算表说明”: the table holds the year's fiscal spending only.
    ("财政拨款支出决算表", "fiscal_spending"),
    ("收入支出决算总体", "overview"),
    ("收支决算总体", "overview"),
    ("基本支出决算", "basic_expenditure"),
    ("三公", "three_public"),
    ("一般公共预算财政拨款", "general_budget"),
    ("一般公共预算支出", "general_budget"),
    ("政府性基金", "government_fund"),
    ("国有资本经营", "state_capital"),
    ("机关运行经费", "operating_costs"),
    ("政府采购", "procurement"),
    ("国有资产", "assets"),
    ("绩效", "performance"),
    ("收入决算", "revenue"),
    ("支出决算", "expenditure"),
    ("其他重要事项", "other_matters"),
    ("机构设置", "profile"),
    ("人员", "profile"),
)


def _part_of(title: str) -> str | None:
    return next((part for key, part in _PARTS if key in title), None)


def _section_of(title: str) -> str | None:
    return next((section for key, section in _SECTIONS if key in title), None)


def assign_context(document: Document) -> None:
    """Give every line the part (第N部分) and section (一、二、… heading) it belongs to."""
    part = "unknown"
    section: str | None = None
    level: int | None = None  # the numbering level of the heading that opened the section
    opened: str | None = None  # the section that heading opened
    subsection: str | None = None
    by_heading = False  # the glossary was entered by a 一、 heading, not by a 第X部分 one
    for line in document.lines:
        if line.kind == "heading":
            title = heading_title(line.text) or ""
            subsection = _subsection_of(title)
            if is_part_heading(line.text):
                by_heading = False
                part = _part_of(title) or "unknown"
                section = "glossary" if part == "glossary" else None
            elif by_heading and _TOP_LEVEL.match(line.text) and "名词解释" not in title:
                # A report numbering its parts 一、二、三 (a university's): the glossary, entered by
                # such a heading (often in the table of contents), ends at the next one.
                if ("报表" in title or "决算表" in title) and "说明" not in title:
                    part = "tables"
                else:
                    part = "profile" if "概况" in title else "narrative"
                # The 概况 and the tables end at the next such heading too; the 说明 runs on.
                section, by_heading = None, part != "narrative"
            elif part in ("narrative", "unknown", "profile"):
                found = _section_of(title)
                if found == "glossary":
                    part = "glossary"
                    section = "glossary"
                    by_heading = True
                elif found is not None and not _within_fund(section, level, found, line.text):
                    # A fund's sub-heading naming a fund (“二、部门财政拨款收支情况 / （二）一般公共
                    # 预算支出决算情况说明”) ends where the outer fund's section ends.
                    nested = section in _FUND_SECTIONS and found in _FUND_SECTIONS
                    if not (nested and _deeper(line.text, level)):
                        level, opened = _level(line.text), found
                    section = found
                elif found is not None:
                    section = opened  # a sub-heading of the fund's section that opened at ``level``
                elif found is None and section not in (None, "glossary") and _ends(line.text, level):
                    # “三、部门结转结余情况” after a fund's section, “八、会议费、培训费支出情况” after
                    # the 机关运行经费's: the section has ended, though the heading names no section
                    # the reader knows.
                    section = None
        line.part = part
        line.section = section
        line.subsection = subsection


_TOP_LEVEL = re.compile(r"^[一二三四五六七八九十]{1,3}、")
#: The numbering of headings, outermost first: 一、 / （一） / 1. / （1）.
_LEVELS: Final = (
    re.compile(r"^[一二三四五六七八九十]{1,3}[、.．]"),
    re.compile(r"^[（(][一二三四五六七八九十]{1,3}[）)]"),
    re.compile(r"^\d{1,2}[、.．](?!\d)"),
    re.compile(r"^[（(]\d{1,2}[）)]"),
)
#: The sections of one fund's figures, and those of the department's the same words name.
_FUND_SECTIONS: Final = ("fiscal", "fiscal_spending", "general_budget", "government_fund", "state_capital")
_DEPARTMENT_SECTIONS: Final = ("overview", "revenue", "expenditure")


def _level(heading: str) -> int | None:
    """The numbering level of a heading (1 for 一、, 2 for （一） …), ``None`` when unnumbered."""
    return next((index + 1 for index, numbering in enumerate(_LEVELS) if numbering.match(heading)), None)


def _deeper(heading: str, level: int | None) -> bool:
    """Whether ``heading`` is numbered below a heading of ``level`` (its sub-heading)."""
    own = _level(heading)
    return own is not None and level is not None and own > level


def _ends(heading: str, level: int | None) -> bool:
    """Whether ``heading`` ends a section opened by a heading of ``level``: it is numbered at that
    level or above (at the top level when the section's own heading was not numbered)."""
    own = _level(heading)
    return own is not None and own <= (level or 1)


def _within_fund(section: str | None, level: int | None, found: str, heading: str) -> bool:
    """A numbered sub-heading of a fund's section (“五、一般公共预算财政拨款支出决算情况说明 /
    （一）财政拨款支出决算总体情况”, 益阳市第五中学 2020) stays in that section: its 支出决算 is
    the fund's, not the department's 支出决算情况.  A sub-heading is numbered below the heading
    that opened the fund's section (``level``): after “（一）财政拨款收入支出决算总体情况说明”,
    “（三）支出决算情况说明” is the department's next section.

    Not yet a 结构 sub-heading of the 一般公共预算 section that does not name it (“（二）财政拨款支出
    决算结构情况”): in that section the 类 reader takes such a heading's sentences for a list of 类
    from their start, and would miss the first 类 of “财政拨款支出X，主要用于以下方面：一般公共服务
    支出Y…” (a partial list, summed against the total: a false R40).  Its 基本/项目 list is the
    财政拨款's by the sentence itself (:func:`budgetacct.reader.lists.read_expenditure`)."""
    if section == "general_budget" and "结构" in heading and "一般公共预算" not in heading:
        return False
    return section in _FUND_SECTIONS and found in _DEPARTMENT_SECTIONS and _deeper(heading, level)


def _subsection_of(title: str) -> str | None:
    """（一）总体 / （二）结构 / （三）具体 headings (of the 一般公共预算 section, mostly)."""
    if "结构" in title:
        return "structure"
    if "具体" in title or "明细" in title:
        return "detail"
    if "总体" in title:
        return "total"
    return None


def read_fund_figures(r: Reader, s: Sentence) -> None:
    """The figures of one fund's labels (see ``[[fund]]`` in the lexicon) that no path holds: a
    fund's own flow (``$.fiscal.funds``) or, where the model has no place, reported unread."""
    for reading in readings(s):
        entry, span = reading.entry, reading.figure
        if entry is None or span is None:
            continue
        if entry.flow is not None:
            found = r.amount_at(s, *span)
            if found is not None:
                fund, field = entry.flow
                name = reading.found.fund_name or (reading.found.start, reading.found.end)
                named = r.where(s, *name)
                r.draft.item(
                    ("fiscal", "funds"),
                    fund,
                    {"fund": (fund, named, None), field: (found[0], found[2], found[1])},
                )
        elif entry.unread is not None:
            r.reject(s, *span, *entry.unread)


_HANDLERS: Final = (
    read_labelled,
    read_fund_figures,
    read_fiscal,
    read_revenue,
    read_expenditure,
    read_general_budget,
    read_expenditure_classes,
    read_items,
    read_three_public,
    read_sme_awards,
    read_assets,
    read_performance,
    read_part_changes,
    read_year_on_year,
)


# --- the prose pass ----------------------------------------------------------------------------------------------

_SKIP_PARTS: Final = ("glossary", "tables")
_DIGIT = re.compile(r"\d")
_WORDS: Final = ("持平", "变化", "绩效", "结余", "调整", "完成", "（类）")


def read_prose(r: Reader) -> None:
    """Run every handler over every sentence of the prose paragraphs; report what stays unread."""
    lines = [line for line in r.document.lines if line.kind == "prose"]
    # An item's heading printed without its figures, waiting for them (the sentence, its heading,
    # the sentences without figures seen since).
    pending: tuple[Sentence, str, int] | None = None
    for paragraph in r.document.paragraphs(lines):
        offer_title(r, paragraph)
        if paragraph.part in _SKIP_PARTS:
            continue
        read_staffing(r, paragraph)
        for printed in paragraph.sentences():
            sentence = _of_the_year(r, printed)
            follow_item(r, sentence)
            heading = item_heading(sentence)
            if heading is not None:
                if pending is not None:
                    _leftover(r, pending[0], "no pattern for this figure", "没有识别此数字的句式")
                pending = (sentence, heading, 0)
                continue
            if pending is not None:
                if figures_of_item(sentence):
                    sentence = _with_heading(sentence, pending[1])
                    pending = None
                elif not sentence.tokens and pending[2] < _GAP_SENTENCES:
                    pending = (pending[0], pending[1], pending[2] + 1)  # “主要用于：…”
                else:
                    _leftover(r, pending[0], "no pattern for this figure", "没有识别此数字的句式")
                    pending = None
            if not sentence.matchable:
                figures = sentence.sample_figures()
                if figures:
                    r.draft.reject(
                        r.whole(sentence), "sentence too long to match", "句子过长，未做识别", figures
                    )
                continue
            text = sentence.text
            if sentence.tokens or _DIGIT.search(text) or any(word in text for word in _WORDS):
                for handler in _HANDLERS:
                    handler(r, sentence)
            offer_department_lead(r, sentence)
            if sentence.part == "profile":
                _leftover(r, sentence, *_PROFILE_FIGURE)
            else:
                _leftover(r, sentence, "no pattern for this figure", "没有识别此数字的句式")
    if pending is not None:
        _leftover(r, pending[0], "no pattern for this figure", "没有识别此数字的句式")


# --- figures of another year -------------------------------------------------------------------------------

#: A clause led by a year (“2020年度本年收入合计900万元”) or by 上年度 (“上年度机关运行经费支出60万元”):
#: its figures are that year's, up to the next clause led by a year or by 本年/本期/今年 (“上年收入合计
#: 900万元，本年收入合计1000万元”).  Not a comparison (“与2020年相比”, “比上年”: not at a clause's
#: start), a date (“2022年1月”) or the opening balance (上年结转和结余, “2020年结转和结余200万元”).
_YEAR_LEAD = re.compile(
    r"(?:^|(?<=[，；。：]))(?:\d{1,2}[.、])?(?:本(?:单位|部门)|我(?:单位|部门))?[，]?"
    r"(?:(?P<year>\d{4})年度?+(?![\d相同至—-]|结转|结余)|(?P<prior>上一?年度(?!结)|去年|上年(?![度结末同相]))"
    r"|(?P<this>本年|本期|今年))"
)


#: What follows a year's lead in a clause that names no subject: its figure straight away.
_NO_SUBJECT = re.compile(r"[，]?(?:为|是|共|支出|共支出|决算(?:数)?为?)?\d")


def _of_the_year(r: Reader, s: Sentence) -> Sentence:
    """The sentence with its clauses about another year than the report's masked: each such
    stretch runs from its lead to the next clause led by a year (or to the end), its figures
    reported unread.  A 三公 stretch is left to the 三公 construction, which reads both years."""
    leads = list(_YEAR_LEAD.finditer(s.text))
    stretches: list[tuple[int, int, str, str]] = []
    for index, m in enumerate(leads):
        year = m.group("year")
        if m.group("this") is not None or (year is not None and int(year) == r.year):
            continue
        end = leads[index + 1].start() if index + 1 < len(leads) else len(s.text)
        # A 三公 clause of another year is the 三公 construction's, which reads both years: one
        # naming its 三公 item, or one with no subject of its own (“…决算为25万元，2020年度为30万元”)
        # after a 三公 item in the same sentence.
        elliptical = _NO_SUBJECT.match(s.text, m.end()) is not None
        if THREE_PUBLIC_SUBJECT.search(s.text, 0 if elliptical else m.start(), end) is None:
            named = (year, f"{year}年") if year is not None else ("the year before", "上年度")
            stretches.append((m.start(), end, *named))
    if not stretches:
        return s
    text = list(s.text)
    for start, end, year, year_zh in stretches:
        if any(start <= t.start and t.end <= end for t in s.tokens):
            r.reject(
                s,
                start,
                end,
                f"a figure of {year}, not of the report's year {r.year}",
                f"{year_zh}的数字，不是本报告年度（{r.year}年）的数字",
            )
        text[start:end] = MASK * (end - start)
    return Sentence(s.paragraph, s.offset, "".join(text))


def _leftover(r: Reader, s: Sentence, reason: str, reason_zh: str) -> None:
    tokens = s.leftover()
    if tokens:
        where = r.where(s, tokens[0].start, tokens[-1].end)
        r.draft.reject(where, reason, reason_zh, [t.text for t in tokens])
        s.rejected.update(i for i, t in enumerate(s.tokens) if t in tokens)
    elif not s.tokens and s.has_code_pattern():
        r.draft.reject(
            r.whole(s), "classification line without a figure", "类/款/项说明中没有可识别的数字", ()
        )


#: Why an amount or a share of the 概况 (a campus's area, research funding won) stays unread: the
#: model holds the accounts, not the description of the department.
_PROFILE_FIGURE: Final = (
    "a figure of the department's profile, outside the accounts the model holds",
    "单位概况中的数字，不属于模型所载的收支、资产与绩效范围",
)

#: How many sentences without figures (“主要用于：…”) may stand between an item's heading and its figures.
_GAP_SENTENCES: Final = 3


def _with_heading(s: Sentence, heading: str) -> Sentence:
    """The figures' sentence read as if printed after its item's heading (“heading：figures”).

    The figures keep their places: the sentence starts ``len(heading) + 1`` characters before
    the figures' own offset, so every figure is located where it is printed."""
    prefix = heading + "："
    return Sentence(s.paragraph, s.offset - len(prefix), prefix + s.text)
