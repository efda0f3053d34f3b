"""Lists of a total’s parts: revenue by source (§二), spending by kind (§三), “财政拨款收入X，其中本年收入Y”."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Final

from budgetacct.model.enums import ExpenditureKind, Fund, RevenueSource
from budgetacct.reader.labelled import FUND_REVENUE_LINE, readings, sentence_labels
from budgetacct.reader.normalize import Sentence
from budgetacct.reader.reading import AMOUNT, COPULA, PERCENT, Reader

if TYPE_CHECKING:  # pragma: no cover
    from re import Match

__all__ = ["SOURCE_NAMES", "read_expenditure", "read_fiscal", "read_revenue"]

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
_FISCAL_LINE = re.compile(rf"(?<![\u4e00-\u9fff])财政拨款收入{COPULA}(?P<a>{AMOUNT}){_REV_SHARE}")


# Any "…收入 X万元" clause: a source the model does not have (财政拨款收入, the three fiscal
# sources together) makes the list partial, and a partial list is not read (its sum would be
# checked against the total on part of it).
_ANY_SOURCE = re.compile(rf"(?P<n>[\u4e00-\u9fff]{{2,16}}收入)(?:合计)?{COPULA}{AMOUNT}")
_NOT_SOURCES: Final = ("本年收入", "收入合计", "财政拨款收入总计", "本单位收入", "本部门收入")
# “本单位收入为X万元，其中：…” / “本部门支出为X万元。其中：基本支出…” in its own section (older
# reports): the year's revenue or spending total, with its breakdown in the same paragraph.
_UNIT_TOTAL = re.compile(rf"^(?:\d{{4}}年度?，?)?本(?:单位|部门)(?P<k>收入|支出)(?:决算)?为(?P<a>{AMOUNT})")


def read_revenue(r: Reader, s: Sentence) -> None:
    if "收入" not in s.text:
        return
    fiscal = [(a, b) for a, b, _ in _fiscal_spans(s)]
    _unit_total(r, s, "收入", "revenue")
    if ("本年收入合计" not in s.text and s.section != "revenue") or _FI_REV_GRAND.search(s.text):
        # A sentence led by 财政拨款收入总计 lists the fiscal sources only: not the year's list.
        return
    fiscal_line = _fiscal_line(s)
    if fiscal_line is not None and any(a <= fiscal_line.start() < b for a, b in fiscal):
        fiscal_line = None  # “财政拨款收入X，其中本年收入Y”: X is the fiscal grand total
    unknown = [
        m
        for m in _ANY_SOURCE.finditer(s.text)
        if not m.group("n").endswith(_NOT_SOURCES)
        and not any(m.group("n").endswith(name) for name in SOURCE_NAMES)
        and not any(a <= m.start() < b for a, b in fiscal)
        and (fiscal_line is None or m.start() != fiscal_line.start())
    ]
    if unknown:
        for m in unknown:
            name = m.group("n")
            r.reject(
                s,
                m.start(),
                m.end(),
                f"{name} is not a revenue source of the model; the sources of this sentence are not read",
                f"“{name}”不是模型中的收入来源，本句各项收入未读取",
            )
        return
    if fiscal_line is not None:
        r.put_amount(("revenue", "fiscal", "amount"), r.amount(s, fiscal_line, "a"))
        r.put_percent(("revenue", "fiscal", "share"), r.percent(s, fiscal_line, "p"))
    _lines(r, s, _REV_LINE, SOURCE_NAMES, "revenue", "source")


def _fiscal_line(s: Sentence) -> Match[str] | None:
    """The one “财政拨款收入X” line of a revenue list; ``None`` when there is none, when it is
    printed twice, or when the list also prints a fiscal source of its own (the one line would
    then not stand for the three sources together)."""
    found = list(_FISCAL_LINE.finditer(s.text))
    if len(found) != 1 or any(name in s.text for name in SOURCE_NAMES if SOURCE_NAMES[name].is_fiscal):
        return None
    return found[0]


def _unit_total(r: Reader, s: Sentence, kind: str, section: str) -> None:
    """“本单位收入为X…” at the start of a sentence of the 收入 (支出) section: 本年收入 (支出) 合计."""
    m = _UNIT_TOTAL.match(s.text)
    if m is not None and m.group("k") == kind and s.section == section:
        r.put_amount((section, "total"), r.amount(s, m, "a"))


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
    r: Reader, s: Sentence, pattern: re.Pattern[str], names: dict[str, Any], section: str, key: str
) -> None:
    """The "name amount，占 share" lines of §二 (by source) or §三 (by kind)."""
    # A name inside a longer label (基本支出 of 一般公共预算财政拨款基本支出) is that label's.
    labels = [(f.start, f.end) for f in sentence_labels(s)]
    for m in pattern.finditer(s.text):
        if any(a < m.start("n") < b for a, b in labels):
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
        found = r.amount(s, m, "a")
        if found is None:
            continue
        fund = Fund(m.group("f") + "财政拨款")
        named = r.where(s, m.start("f"), m.start("a"))
        r.draft.item(
            ("fiscal", "funds"),
            fund,
            {"fund": (fund, named, None), "revenue": (found[0], found[2], found[1])},
        )
