"""Lists of a total’s parts: revenue by source (§二), spending by kind (§三), “财政拨款收入X，其中本年收入Y”."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Final

from budgetacct.model.enums import ExpenditureKind, Fund, RevenueSource
from budgetacct.paths import Path
from budgetacct.reader.labelled import FUND_REVENUE_LINE, readings, sentence_labels
from budgetacct.reader.normalize import Sentence
from budgetacct.reader.reading import AMOUNT, COPULA, PERCENT, Reader

if TYPE_CHECKING:  # pragma: no cover
    from re import Match

__all__ = [
    "SOURCE_NAMES",
    "read_expenditure",
    "read_fiscal",
    "read_revenue",
    "sentences_before",
    "year_total",
    "year_total_subject",
]

# --- handlers ------------------------------------------------------------------------------------------------

#: The printed names of the revenue sources (收入 lines of §二 and of 收入支出决算总表).
SOURCE_NAMES: Final = {source.value: source for source in RevenueSource}
#: “，占（本年收入合计）的比重为X%”: the share of a line in its total, as the wholes are printed
#: (“占收入总额56.42%”, 西南大学 2023年度部门决算).
_REV_SHARE = rf"(?:，?占(?:本年收入合计|收入合计|总收入|收入总额)?的?(?:比重|比例)?{COPULA}(?P<p>{PERCENT}))?"
_EXP_SHARE = rf"(?:，?占(?:本年支出合计|支出合计|总支出|支出总额)?的?(?:比重|比例)?{COPULA}(?P<p>{PERCENT}))?"
_REV_LINE = re.compile(
    rf"(?P<n>{'|'.join(sorted(SOURCE_NAMES, key=len, reverse=True))}){COPULA}(?P<a>{AMOUNT}){_REV_SHARE}"
)
_KIND_NAMES: Final = {kind.value: kind for kind in ExpenditureKind}
_EXP_LINE = re.compile(
    rf"(?P<n>{'|'.join(sorted(_KIND_NAMES, key=len, reverse=True))}){COPULA}(?P<a>{AMOUNT}){_EXP_SHARE}"
)
#: “财政拨款收入X，占Y%” as a line of the year's revenue: the three fiscal sources together
#: (上海市普陀区财政局 2024年度部门决算; 西南大学 2023年度部门决算).  Only as a list's own line:
#: after punctuation, never inside a longer name (本年财政拨款收入, 一般公共预算财政拨款收入).
#: After 包括 too: “本年收入合计1,151.41万元；包括财政拨款收入1,077.36万元（其中，一般公共预算1,077.36万元，
#: 政府性基金预算0万元，国有资本经营预算0万元），占收入合计93.57%” (浙江 template: 杭州市临安区高虹镇中心
#: 幼儿园 2021年度单位决算), its split by fund in the bracket (``funds``) before the share.
_FISCAL_LINE = re.compile(
    rf"(?:(?<![\u4e00-\u9fff])|(?<=包括))财政拨款收入{COPULA}(?P<a>{AMOUNT})"
    rf"(?:（其中[，：]?(?P<funds>[^（）]{{1,120}})）)?{_REV_SHARE}"
)
#: The words that open a list of parts, printed glued to the first part's name (“包括财政拨款收入”).
_LIST_LEAD = re.compile(r"(?:主要|具体)?包括[：]?")
#: A sentence that lists the parts of the total stated in the sentence before it.
_PARTS_LEAD = re.compile(r"(?:其中|(?:主要|具体)?包括)[：，]?")


# Any "…收入 X万元" clause: a source the model does not have (财政拨款收入, the three fiscal
# sources together) makes the list partial, and a partial list is not read (its sum would be
# checked against the total on part of it).
_ANY_SOURCE = re.compile(rf"(?P<n>[\u4e00-\u9fff]{{2,16}}收入)(?:合计)?{COPULA}{AMOUNT}")
_NOT_SOURCES: Final = ("本年收入", "收入合计", "财政拨款收入总计", "本单位收入", "本部门收入")
# The year's revenue or spending total at the start of a sentence, in its own words:
# “本单位收入为X万元，其中：…” / “本部门支出为X万元。其中：基本支出…” (older reports), and
# “2023年度收入合计536.30万元，较上年决算数增加72.29万元…。其中：财政拨款收入399.94万元，占74.57%；…”
# (重庆 template: 重庆市渝中区蒙正幼儿园 2023年度单位决算), also 共计/总额.  收入总计 is not one of these
# wordings: it is the grand total, with the balances (the lexicon's).
_UNIT_TOTAL = re.compile(
    rf"^(?:\d{{1,2}}[.、])?(?P<s0>(?:本|我)(?:单位|部门)，?)?(?:\d{{4}}年度?，?)?(?P<s>(?:本|我)(?:单位|部门)，?)?"
    rf"(?P<k>收入|支出)"
    rf"(?:(?P<w>合计|共计|总额)(?:为|是|达)?|(?:决算)?为)(?P<a>{AMOUNT})"
)
#: A title printed as the first sentence of a paragraph (“2.收入情况。”, 重庆 template), or as a heading
#: line before it, naming the paragraph's subject: the year's revenue (spending) under a 总体 heading.
_SUBJECT_TITLE = re.compile(
    r"^(?:\d{1,2}[.、]|（[一二三四五六七八九十]{1,3}）|[一二三四五六七八九十]{1,3}、)?(?:本年度?)?"
    r"(?P<k>收入|支出)(?:决算)?(?:情况|构成|结构)(?:说明)?[。：]?$"
)
_SECTION_OF_KIND: Final = {"收入": "revenue", "支出": "expenditure"}


def read_revenue(r: Reader, s: Sentence) -> None:
    if "收入" not in s.text:
        return
    listed = _unit_total(r, s, "收入", "revenue")
    if ("本年收入合计" not in s.text and s.section != "revenue") or _FI_REV_GRAND.search(s.text):
        # A sentence led by 财政拨款收入总计 lists the fiscal sources only: not the year's list.
        return
    _revenue_lines(r, s, listed or 0)


def _revenue_lines(r: Reader, s: Sentence, start: int) -> None:
    """The revenue sources listed from ``start`` (after the total a sentence opens with)."""
    fiscal = [(a, b) for a, b, _ in _fiscal_spans(s)]
    fiscal_line = _fiscal_line(s)
    if fiscal_line is not None and any(a <= fiscal_line.start() < b for a, b in fiscal):
        fiscal_line = None  # “财政拨款收入X，其中本年收入Y”: X is the fiscal grand total
    unknown = []
    for m in _ANY_SOURCE.finditer(s.text, start):
        name = _LIST_LEAD.split(m.group("n"))[-1]
        begins = m.end("n") - len(name)
        if (
            not name.endswith(_NOT_SOURCES)
            and not any(name.endswith(source) for source in SOURCE_NAMES)
            and not any(a <= begins < b for a, b in fiscal)
            and (fiscal_line is None or begins != fiscal_line.start())
        ):
            unknown.append((name, begins, m.end()))
    if unknown:
        for name, begins, ends in unknown:
            r.reject(s, begins, ends, *_unknown_source(name))
        return
    if fiscal_line is not None:
        r.put_amount(("revenue", "fiscal", "amount"), r.amount(s, fiscal_line, "a"))
        r.put_percent(("revenue", "fiscal", "share"), r.percent(s, fiscal_line, "p"))
        _bracket_funds(r, s, fiscal_line)
    bracket = fiscal_line.span("funds") if fiscal_line is not None else (-1, -1)
    _lines(r, s, _REV_LINE, SOURCE_NAMES, "revenue", "source", bracket)


def _unknown_source(name: str) -> tuple[str, str]:
    """Why a list naming ``name`` is not read (English, Chinese)."""
    if name == "财政拨款收入":
        # the three fiscal sources together, printed twice or beside one of them outside a bracket
        return (
            "财政拨款收入 printed twice or beside a fiscal source of its own: which line stands for "
            "which is not known; the sources of this sentence are not read",
            "“财政拨款收入”重复列出或与其所含的财政拨款收入来源并列，各行含义不能确定，本句各项收入未读取",
        )
    return (
        f"{name} is not a revenue source of the model; the sources of this sentence are not read",
        f"“{name}”不是模型中的收入来源，本句各项收入未读取",
    )


#: One fund's part of 财政拨款收入 in the bracket after it (“一般公共预算1,077.36万元”).
_BRACKET_FUND = re.compile(
    rf"[，、；]?(?P<f>一般公共预算|政府性基金预算|国有资本经营预算)(?:财政拨款)?(?:收入)?{COPULA}(?P<a>{AMOUNT})"
)


def _bracket_funds(r: Reader, s: Sentence, line: Match[str]) -> None:
    """“财政拨款收入X（其中，一般公共预算A，政府性基金预算B，国有资本经营预算C）”: each fund's revenue of
    the year; the bracket is read only when it holds nothing but the funds' parts."""
    if line.group("funds") is None:
        return
    start, end = line.span("funds")
    parts = []
    position = start
    while position < end:
        m = _BRACKET_FUND.match(s.text, position, end)
        if m is None:
            r.reject(
                s,
                start,
                end,
                "the bracket after 财政拨款收入 holds more than its split by fund; it is not read",
                "财政拨款收入后括号内不只是按资金来源的分项，未读取",
            )
            return
        parts.append(m)
        position = m.end()
    for m in parts:
        _put_fund_revenue(r, s, m)


def _fiscal_line(s: Sentence) -> Match[str] | None:
    """The one “财政拨款收入X” line of a revenue list; ``None`` when there is none, when it is
    printed twice, or when the list also prints a fiscal source of its own (the one line would
    then not stand for the three sources together)."""
    found = list(_FISCAL_LINE.finditer(s.text))
    if len(found) != 1:
        return None
    # (a fiscal source named in the line's own bracket is its split by fund, not a line)
    start, end = found[0].span("funds")
    outside = s.text[:start] + s.text[end:] if start >= 0 else s.text
    if any(name in outside for name in SOURCE_NAMES if SOURCE_NAMES[name].is_fiscal):
        return None
    return found[0]


def _unit_total(r: Reader, s: Sentence, kind: str, section: str) -> int | None:
    """The year's revenue (spending) total a sentence of its subject opens with (see
    :data:`_UNIT_TOTAL`), and its list of parts where the section's own reading does not take it:
    after the total in the same sentence, or as the 其中 sentence right after it.  Returns where
    the list starts when the sentence is in the total's own section (whose reading then takes it)."""
    m = year_total(r, s)
    if m is not None and m.group("k") == kind:
        r.put_amount((section, "total"), r.amount(s, m, "a"))
        start = m.end()
    elif _PARTS_LEAD.match(s.text) and _total_before(r, s, kind):
        start = 0
    else:
        return None
    if s.section == section:
        return start
    if kind == "收入":
        _revenue_lines(r, s, start)
    else:
        _kind_lines(r, s, start)
    return None


def year_total(r: Reader, s: Sentence) -> Match[str] | None:
    """The match of :data:`_UNIT_TOTAL` when the sentence opens with the year's revenue or spending
    total: in the 收入 (支出) section, or — worded 收入合计 (共计, 总额) — right after a title naming
    收入 (支出) under the 总体 heading (“2.收入情况。2023年度收入合计536.30万元，…”)."""
    m = _UNIT_TOTAL.match(s.text)
    if m is None or (m.group("w") is None and m.group("s") is None and m.group("s0") is None):
        return None
    kind = m.group("k")
    if s.section == _SECTION_OF_KIND[kind]:
        return m
    return m if m.group("w") is not None and _titled(r, s, kind) else None


def year_total_subject(r: Reader, s: Sentence) -> tuple[int, int, Path] | None:
    """The year's total a sentence opens with as the subject of a change after it (its words' span)."""
    m = year_total(r, s)
    if m is None:
        return None
    return (
        m.start("k"),
        m.end("w") if m.group("w") else m.end("k"),
        (_SECTION_OF_KIND[m.group("k")], "change"),
    )


def _titled(r: Reader, s: Sentence, kind: str) -> bool:
    """Whether the sentence stands under a title naming ``kind`` (收入/支出) in the 总体 section:
    the sentence before it in its paragraph, or the heading line right before its paragraph."""
    if s.section not in ("overview", None):
        return False
    before = sentences_before(s)
    if before:
        title = _SUBJECT_TITLE.match(before[-1].text)
        return title is not None and title.group("k") == kind
    lines = r.document.lines
    first = s.paragraph.lines[0]
    at = next((i for i, line in enumerate(lines) if line is first), 0)
    heading = next((line for line in reversed(lines[:at]) if line.kind != "blank"), None)
    if heading is None or heading.kind != "heading":
        return False
    title = _SUBJECT_TITLE.match(heading.text.strip())
    return title is not None and title.group("k") == kind


def sentences_before(s: Sentence) -> list[Sentence]:
    """The sentences of its paragraph before ``s`` (a stray “。” is none: “…减少。。其中：…”)."""
    return [
        other for other in s.paragraph.sentences() if other.offset < s.offset and other.text.strip("。；，、")
    ]


_REASON = re.compile(r"(?:主要)?原因(?:是|为|：)|主要是因为|主要是由于")
#: The words right before a change's amount or rate (“较上年决算数增加72.29万元，增长15.58%”).
_CHANGE_WORDS = re.compile(r"(?:增加|减少|增长|下降|降低|上升|增幅|降幅)了?(?:幅度)?(?:为|是|达)?$")


def _total_before(r: Reader, s: Sentence, kind: str) -> bool:
    """Whether the sentence before this 其中 sentence states one total, the year's ``kind``: it opens
    with it (:func:`year_total`) and its other figures are only the total's change."""
    before = sentences_before(s)
    if not before:
        return False
    previous = before[-1]
    m = year_total(r, previous)
    figure = m.start("a") if m is not None and m.group("k") == kind else _labelled_total(previous, kind)
    if figure is None:
        return False
    # (the figures of a reason are no totals: “主要原因是上年年初结转资金1475.63万元”, 綦江 2023)
    reason = _REASON.search(previous.text)
    return all(
        token.start == figure
        or _CHANGE_WORDS.search(previous.text, 0, token.start) is not None
        or (reason is not None and token.start > reason.start())
        for token in previous.tokens
    )


_YEAR_LEAD = re.compile(r"(?:\d{1,2}[.、])?(?:\d{4}年度?，?)?")


def _labelled_total(s: Sentence, kind: str) -> int | None:
    """Where the figure of the lexicon's 本年收入合计 (本年支出合计) stands when the sentence opens with
    it and states no other labelled figure, under the 总体 heading (in its own section every
    sentence's list is read): “2020年度本年收入合计2112.86万元。其中：…”."""
    if s.section not in ("overview", None):
        return None
    found = [reading for reading in readings(s) if reading.figure is not None and reading.paths]
    if len(found) != 1 or found[0].paths != ((_SECTION_OF_KIND[kind], "total"),) or found[0].figure is None:
        return None
    return found[0].figure[0] if _YEAR_LEAD.fullmatch(s.text, 0, found[0].found.start) else None


#: Any “…支出 X万元” clause of a list of spending by kind: a name that is not a kind (a 类, a fund's
#: spending) makes the list another one, which is not read.
_ANY_KIND = re.compile(rf"(?P<n>[\u4e00-\u9fff]{{2,16}}支出){COPULA}{AMOUNT}")


def _kind_lines(r: Reader, s: Sentence, start: int) -> None:
    """The year's spending by kind listed from ``start``, outside the 支出 section (where
    :func:`read_expenditure` reads it): every name must be a kind of the model."""
    for m in _ANY_KIND.finditer(s.text, start):
        name = _LIST_LEAD.split(m.group("n").removeprefix("其中"))[-1]
        if name not in _KIND_NAMES:
            r.reject(
                s,
                start,
                len(s.text),
                f"{name} is not a kind of spending (基本/项目…) of the model; the list is not read",
                f"“{name}”不是模型中的支出类型（基本支出、项目支出等），本句所列支出未读取",
            )
            return
    _lines(r, s, _EXP_LINE, _KIND_NAMES, "expenditure", "kind")


#: “财政拨款支出3611.81万元,主要用于以下方面:基本支出3455.91万元,占95.68%;…” (益阳市第五中学 2020,
#: under “（二）财政拨款支出决算结构情况”): a list whose own total is the year's fiscal spending lists
#: that spending by kind, whatever the heading says.  Not a fund's (一般公共预算…, 政府性基金预算…) nor
#: 非财政拨款's spending.
_FISCAL_KINDS = re.compile(
    rf"(?<!预算)(?<!非)财政拨款(?:本年)?支出(?:决算)?(?:数)?{COPULA}{AMOUNT}，?(?:其中|主要用于)"
)


def read_expenditure(r: Reader, s: Sentence) -> None:
    if "支出" not in s.text:
        return
    _unit_total(r, s, "支出", "expenditure")
    fiscal_total = _FISCAL_KINDS.search(s.text)
    if (fiscal_total is not None and "本年支出合计" not in s.text[: fiscal_total.start()]) or (
        s.section == "fiscal_spending"
        and any(path == ("fiscal", "expenditure_total") for reading in readings(s) for path in reading.paths)
    ):
        # … or “财政拨款支出总计X，其中基本支出Y，占总支出的Z%” under a 财政拨款支出决算表说明.
        _lines(r, s, _EXP_LINE, _KIND_NAMES, "fiscal", "kind")
        return
    if "本年支出合计" not in s.text and s.section != "expenditure":
        return
    if any(path[0] == "fiscal" for reading in readings(s) for path in reading.paths):
        return  # “财政拨款支出总计X，其中基本支出Y”: the fiscal spending's kinds, not the year's
    _lines(r, s, _EXP_LINE, _KIND_NAMES, "expenditure", "kind")


def _lines(
    r: Reader,
    s: Sentence,
    pattern: re.Pattern[str],
    names: dict[str, Any],
    section: str,
    key: str,
    inside: tuple[int, int] = (-1, -1),
) -> None:
    """The "name amount，占 share" lines of §二 (by source) or §三 (by kind); none ``inside`` a
    span (the bracket of a line's own parts)."""
    # A name inside a longer label (基本支出 of 一般公共预算财政拨款基本支出) is that label's.
    labels = [(f.start, f.end) for f in sentence_labels(s)]
    for m in pattern.finditer(s.text):
        if any(a < m.start("n") < b for a, b in labels) or inside[0] <= m.start("n") < inside[1]:
            continue
        found = r.amount(s, m, "a")
        if found is None:
            continue
        member = names[m.group("n")]
        index = r.draft.item(
            (section, "lines"),
            member,
            {key: (member, found[2], None), "amount": (found[0], found[2], found[1])},
        )
        if index is not None:
            r.put_percent((section, "lines", index, "share"), r.percent(s, m, "p"))


# “财政拨款收入X，其中本年收入Y” (财政拨款收入 without 总计): X is the fiscal grand total in this
# form only; the 本年收入 after it is read by the lexicon, with the head 财政拨款 carried over.
_FI_OF_WHICH = re.compile(rf"{COPULA}(?P<g>{AMOUNT})，?其中[：，]?本年")
# A sentence led by 财政拨款收入总计 lists the fiscal sources only (see read_revenue).
_FI_REV_GRAND = re.compile(r"财政拨款收入总计")


def _fiscal_spans(s: Sentence) -> list[tuple[int, int, Match[str]]]:
    """“财政拨款收入X，其中本年收入…” (or 支出): the label's start, the figure's end, the match."""
    out = []
    for found in sentence_labels(s):
        if found.wording in ("财政拨款收入", "财政拨款支出"):
            m = _FI_OF_WHICH.match(s.text, found.end)
            if m is not None and s.text.startswith(found.wording[-2:], m.end()):
                out.append((found.start, m.end(), m))
    return out


def read_fiscal(r: Reader, s: Sentence) -> None:
    if "财政拨款" not in s.text:
        return
    for _, _, m in _fiscal_spans(s):
        r.put_amount(("fiscal", "grand_total"), r.amount(s, m, "g"))
    _fund_revenue(r, s)


def _fund_revenue(r: Reader, s: Sentence) -> None:
    """“财政拨款收入总计X…。其中：一般公共预算财政拨款收入A，政府性基金预算财政拨款收入B” (天水市幼儿园
    2017年度部门决算): each fund's revenue of the year, whichever 总计 the X is."""
    total = s.text.find("财政拨款收入总计")
    if total >= 0:
        start = s.text.find("其中", total)
    else:
        before = s.paragraph.text[: s.offset].rstrip("。；")
        previous = before[before.rfind("。") + 1 :]
        start = 0 if s.text.startswith("其中") and "财政拨款收入总计" in previous else -1
    if start < 0:
        return
    for m in FUND_REVENUE_LINE.finditer(s.text, start):
        _put_fund_revenue(r, s, m)


def _put_fund_revenue(r: Reader, s: Sentence, m: Match[str]) -> None:
    """A fiscal fund's revenue of the year: its fund name in group ``f``, its amount in ``a``."""
    found = r.amount(s, m, "a")
    if found is None:
        return
    fund = Fund(m.group("f") + "财政拨款")
    named = r.where(s, m.start("f"), m.start("a"))
    r.draft.item(
        ("fiscal", "funds"),
        fund,
        {"fund": (fund, named, None), "revenue": (found[0], found[2], found[1])},
    )
