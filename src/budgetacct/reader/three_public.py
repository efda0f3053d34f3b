"""§七 “三公”经费: each figure belongs to the nearest subject before it; its role comes from the words
before it (:mod:`budgetacct.reader.three_public_roles`).

会议费 and 培训费 are read the same way, into ``meeting_costs`` and ``training_costs``: in a 三公
sentence, in a sentence of the 三公 section, and in a sentence about them that they lead (“2021年度会议费
支出3.5万元，比上年减少1.2万元”).  Never where a reason or a change names them (“主要原因是压减会议费
10万元”), nor as items of 公用经费 or 机关运行经费 (in a list of those totals' items, or in their
sections: the 公用经费's 会议费 is the 基本支出's part of the fee only), nor named together with another
item (“会议费、培训费支出合计8万元”: the model holds no joint figure).

A figure is placed only when its role is certain.  The others are reported unread, with the reason:
a comparison figure (last year's, a 差值), a figure of another year than the report's, a figure of
a label the model does not hold (差旅费, …), a count the model has no place for.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

import attrs

from budgetacct.money import Direction
from budgetacct.paths import Path
from budgetacct.reader.changes import PRIOR_REF, RATE_WORD, direction_of, put_flat
from budgetacct.reader.normalize import Sentence
from budgetacct.reader.reading import AMOUNT, COPULA, PERCENT, Reader
from budgetacct.reader.three_public_roles import (
    AMBIGUOUS,
    BESIDE,
    JOINT,
    LABEL,
    OTHER,
    PLAIN_DIRECTIONS,
    PRIOR_YEAR,
    comparison_kind,
    continues,
    direction_word,
    key_of,
    own_budget,
    year_at,
    year_scopes,
)

if TYPE_CHECKING:  # pragma: no cover
    from re import Match

__all__ = ["read_three_public"]

_TP_EVENT = re.compile(
    rf"{LABEL}"
    rf"|(?P<groups>团组(?:共计?)?(?P<ng>\d+)(?:次|个))"
    rf"|(?P<outpeople>(?:出国（境）|累计出国（境）)(?P<no>\d+)人(?:次)?)"
    rf"|(?P<batches>(?<![\d.])(?P<nb>\d+)批次|批次(?:数)?(?:为|是|共计?)?(?P<nb2>\d+)个?)"
    rf"|(?P<people>(?<![\d.])(?P<np>\d+)人次|人次(?:数)?(?:为|是|共计?)?(?P<np2>\d+)人"
    rf"|人数(?:为|是|共计?)?(?P<np3>\d+)人(?!次))"
    rf"|(?P<bought>购置(?:公务用车)?(?P<nv>\d+)辆)"
    rf"|(?P<held>保有量?{COPULA}(?:公务用车|车辆)?(?P<nh>\d+)辆)"
    rf"|(?P<amount>(?<![\d.]){AMOUNT})|(?P<percent>(?<![\d.]){PERCENT})"
    rf"|(?P<flat>持平|无增减变化|没有变化|无变化)"
    rf"|(?P<cars>(?<![\d.])(?P<nc>\d+)辆)"
    rf"|(?P<unplaced>(?<![\d.年月])(?P<nu>\d+)(?:批次|人次|批|个|人|次))"
)
_GATE = re.compile(rf"{LABEL}|公务用车|团组")
#: The words of a clause that make a 会议费/培训费 after them a reason's or a change's figure, not
#: the year's (“主要原因是压减会议费10万元”, “较上年增加培训费”).
_REASON_OR_CHANGE = re.compile(r"原因|由于|因为|主要是|压减|压缩|节约|增加|减少|增长|下降|降低|上升")
#: The words of a clause that make a 会议费/培训费 after them an item of what the clause is about
#: (“主要用于会议费”, “包括…培训费”, a 名词解释's “反映…培训费”).
_AN_ITEM = re.compile(r"用于|包括|反映")
#: The totals whose items 会议费/培训费 also are (“公用经费…主要包括办公费3万元、会议费2万元”): there
#: they are the 公用经费's part of the fee (the 基本支出's only, without the projects'), not the
#: department's 会议费/培训费.  So are they in the sections of those totals.
_A_TOTAL = re.compile(r"公用经费|基本支出|机关运行经费|商品和服务支出")
_TOTALS_SECTIONS: Final = ("basic_expenditure", "operating_costs")
#: A fee word joined to the label (“会议费和办公费”, ““三公”经费、会议费”): the figure after them is
#: the items' together.
_JOINED_AFTER = re.compile(r"[”\"’']?[、和及与](?P<word>[^，,；;。：:、和及与\d]{0,12}?(?:费用?|经费))")
_JOINED_BEFORE = re.compile(r"(?P<word>[^，,；;。：:、和及与\d]{0,12}?(?:费用?|经费))[”\"’']?[、和及与]$")
_FEE_WORDS = re.compile(r"会议|培训")
#: What may come before 会议费/培训费 in a sentence they lead: a year, and who spent it.
#: (A label may hold the 年 of its year: “2021年度会议费” matches “年度会议费” after “2021”.)
_LEAD_IN = re.compile(
    r"(?:本部门|本单位|我部门|我单位)?(?:\d{4}\s?(?:年度?)?|本年度?|全年|当年)?[，,]?"
    r"(?:本部门|本单位|我部门|我单位|部门|单位)?(?:全年)?"
)
#: A lead-in or the words after the label that make the sentence the department's 会议费 (“本年度会议费
#: 支出3万元”, “2021年度会议费决算2万元”), not a list of items (“会议费2万元，培训费1万元，办公费7万元”).
_OWN_LEAD = re.compile(r"\d{4}|本年|全年|当年|部门|单位")
_OWN_AFTER = re.compile(r"(?:支出|决算|实际)")
_FEES: Final = (*BESIDE, JOINT)
#: 会议费/培训费 as an item of 公用经费 or 机关运行经费 (see :data:`_A_TOTAL`).
_PART: Final = "part"


def _key(s: Sentence, m: Match[str]) -> str:
    """The figure a label names: :func:`key_of`, except for 会议费/培训费 where they are not the
    department's own figure of the year: named together with another item (:data:`JOINT`), in a
    reason's or a change's clause or as an item of what its clause is about (:data:`OTHER`), as an
    item of 公用经费 or 机关运行经费 (:data:`_PART`)."""
    text, key = s.text, key_of(m)
    if _joined(text, m, key):
        key = JOINT
    if key not in _FEES:
        return key
    start = _clause_start(text, 0, m.start())
    # The label itself may hold the words (“主要原因是压减会议费”, matched as one “X费” after the comma).
    if _REASON_OR_CHANGE.search(text, start, m.end()):
        return OTHER
    if s.section in _TOTALS_SECTIONS or _A_TOTAL.search(text, 0, m.start()):
        return _PART
    return OTHER if _AN_ITEM.search(text, start, m.end()) else key


def _joined(text: str, m: Match[str], key: str) -> bool:
    """Whether the label names 会议费 or 培训费 together with another item: “会议费和办公费”,
    “办公费、会议费” (or one “X费” label holding both), “会议费、培训费”, ““三公”经费、会议费”."""
    if key == OTHER:
        return False
    if key in BESIDE and m.group("any_fee") is not None and m.group("label").count("费") > 1:
        return True  # one “X费” label holding two fees (“年度办公费和会议费”)
    after = _JOINED_AFTER.match(text, m.end())
    before = _JOINED_BEFORE.search(text, 0, m.start())
    words = [found.group("word") for found in (after, before) if found is not None]
    if key in BESIDE:
        return bool(words)
    return any(_FEE_WORDS.search(word) for word in words)


def _about_three_public(s: Sentence) -> bool:
    """Whether the sentence names a “三公” item (not only another “X费”), or 会议费/培训费 where they
    are the year's figures: in the 三公 section, or leading a sentence about them (:data:`_LEAD_IN`,
    :data:`_OWN_LEAD`) outside the sections of 公用经费 and 机关运行经费."""
    text = s.text
    labels = list(_GATE.finditer(text))
    if any(m.group("label") is None or key_of(m) not in (OTHER, *_FEES) for m in labels):
        return True
    fees = [m for m in labels if _key(s, m) in _FEES]
    if not fees:
        return False
    if s.section == "three_public":
        return True
    lead = _LEAD_IN.fullmatch(text, 0, fees[0].start())
    return lead is not None and (
        _OWN_LEAD.search(lead.group()) is not None or _OWN_AFTER.match(text, fees[0].end()) is not None
    )


_RATE_LEAD = re.compile(rf"{RATE_WORD}$")
_COMPLETION = re.compile(r"完成[^，；。]*预算|预算执行(?:比例|率)")
_ACTUAL_WORDS = re.compile(r"决算|实际")
#: The funds' names, whose 预算 says nothing of a figure's basis: 公共预算 and 公共财政预算 are the
#: 一般公共预算's names before 2015 (““三公”经费公共预算财政拨款支出74.6万元” in a 2015 决算).
_FUND_NAMES = re.compile(
    r"一般公共预算|公共(?:财政)?预算(?=财政|拨款)|政府性基金预算|国有资本经营预算|预算单位"
)
_RECEPTIONS: Final = ("reception", "domestic_reception", "foreign_reception")

#: Why a figure is left unread (English, Chinese), by what it is.
_WHY: Final = {
    "prior": ("a figure of last year, the comparison's base", "上年数，为比较的基数"),
    "difference": (
        "a difference (差值) whose direction is not stated",
        "差值未说明增减方向",
    ),
    "undirected": (
        "a change printed right after last year's figure without its direction word (增加/减少)",
        "紧接上年数之后的增减额，未印出增减方向（增加/减少）",
    ),
    "other_budget": (
        "a comparison with the budget of a year other than the report's or the year before it",
        "与本报告年度及上年以外年度的预算相比，模型中没有此项比较",
    ),
    "unclear": (
        "a figure whose role is not clear from the words before it",
        "由前文不能确定此数字的含义",
    ),
    "saving": (
        "a saving or overspending whose comparison (last year or the budget) is not stated",
        "节约/超支未说明与上年还是与预算相比",
    ),
    AMBIGUOUS: (
        "公务用车及运行维护费 may mean 公务用车购置及运行维护费 or 公务用车运行维护费",
        "“公务用车及运行维护费”可指公务用车购置及运行维护费，也可指公务用车运行维护费",
    ),
    JOINT: (
        "a figure of 会议费 or 培训费 named together with another item: the model holds no joint figure,"
        " and which item it is of is not stated",
        "会议费或培训费与其他项目合并列示的数字：模型没有合计数，也不能确定属于哪一项",
    ),
    _PART: (
        "会议费 or 培训费 listed as an item of 公用经费 (基本支出) or 机关运行经费: that total's part of"
        " the fee, not the department's 会议费/培训费",
        "作为公用经费（基本支出）或机关运行经费明细列出的会议费、培训费，是该项经费中的部分，不是部门的会议费、培训费支出",
    ),
    "arranged": (
        "a figure said to be 安排 (arranged) and spent (支出): budget or actual is not clear",
        "“安排…支出”的数字，不能确定是预算数还是决算数",
    ),
    "after_arranged": (
        "a figure in the paragraph of a 安排 (budget) figure, not said to be a budget or an actual",
        "段落中前有“安排”（预算）数，此数字未说明是预算数还是决算数",
    ),
    "reception_count": (
        "a 公务接待 count not said to be 国内 or 外事; the model holds those two counts only",
        "公务接待批次/人次未区分国内、外事，模型只有国内和外事接待的批次与人次",
    ),
    "unplaced": (
        "a count the reader does not place: what it counts is not clear from the words before it",
        "由前文不能确定此计数所指，未读取",
    ),
    "count": (
        "a count of this “三公” item the model has no place for",
        "模型中没有此项“三公”经费的该项计数",
    ),
}


@attrs.define
class _Walk:
    """The state of one sentence's walk: the subject, the basis its bare amounts take, what was
    said since the subject or the previous figure."""

    current: str | None = None
    label: str = ""
    named: str = ""  # what the label names by itself: 会议费 in a reason's clause is no subject
    last: int = 0  # end of the previous event: the words after it are the next figure's lead
    since: int = 0  # end of the subject or of the previous placed figure: the comparison's words
    pending: Path | None = None  # the change a following rate belongs to
    budget_basis: bool = False  # the parts of a 预算 total (“预算总计21.8万元，其中：…”)
    bases: list[bool] = attrs.field(factory=list)  # whether each figure read for the subject is a budget
    prior: tuple[int, int] | None = None  # last year's figure, waiting for the change it is the base of
    subject: int = 0  # start of the subject's clause: the words before its label may say 安排
    after_arranged: bool = False  # a sentence without basis words after a 安排 budget in its paragraph


def read_three_public(r: Reader, s: Sentence) -> None:
    text = s.text
    if not _about_three_public(s):
        return
    before = s.paragraph.text[: s.offset]
    scopes = year_scopes(text, r.year, _carried_year(before, text, r.year))
    w = _Walk()
    if _PARTS_FIRST.match(text):
        # “…支出预算75万元，比2021年预算减少45万元。其中：公务用车运行费50万元…”: the parts of the
        # previous sentence's figure take its basis.
        previous = before.rstrip("。")
        w.budget_basis = _budget_statement(previous[previous.rfind("。") + 1 :], r.year)
    elif _ACTUAL_WORDS.search(text) is None and "预算" not in _FUND_NAMES.sub("", text):
        pieces = _SENTENCE.finditer(before)
        w.after_arranged = any(arranged for m in pieces for arranged, _ in _bases(m.group(), r.year))
    for m in _TP_EVENT.finditer(text):
        year = year_at(scopes, m.start())
        if m.group("label") is not None:
            _new_subject(r, s, w, m)
        elif year != r.year:
            if w.current is not None:
                _other_year(r, s, m, year)
        elif m.group("amount") is not None:
            _amount(r, s, w, m)
        elif m.group("percent") is not None:
            _percent(r, s, w, m)
            w.since = m.end()
        elif m.group("flat") is not None:
            _flat(r, s, w, m)
            w.since = m.end()
        else:
            _count(r, s, w, m)
        w.last = m.end()
    _drop_prior(r, s, w)


_SENTENCE = re.compile(r"[^。！？]*(?:[。！？]|$)")


def _carried_year(before: str, text: str, report_year: int) -> int:
    """The year ``text`` starts in: the report's, or the year of the end of the sentence before it
    where ``text`` goes on with that sentence's figures (:func:`continues`)."""
    pieces = [m.group() for m in _SENTENCE.finditer(before) if m.group()]
    year = report_year
    for index, piece in enumerate(pieces):
        scopes = year_scopes(piece, report_year, year)
        start, end_year = scopes[-1]
        following = pieces[index + 1] if index + 1 < len(pieces) else text
        year = end_year if continues(piece[start:], following) else report_year
    return year


def _new_subject(r: Reader, s: Sentence, w: _Walk, m: Match[str]) -> None:
    _drop_prior(r, s, w)
    key = _key(s, m)
    if s.text.find("其中", w.last, m.end()) >= 0 and w.bases:
        w.budget_basis = all(w.bases)
    elif key in ("total", *BESIDE):
        w.budget_basis = False
    w.current, w.label, w.pending, w.since, w.bases = key, m.group("label"), None, m.end(), []
    w.named = key_of(m)
    w.subject = _clause_start(s.text, w.last, m.start())


def _unread(r: Reader, s: Sentence, start: int, end: int, why: tuple[str, str]) -> None:
    """Report ``text[start:end]`` unread, unless another construction has read it."""
    if any(t.start >= start and t.end <= end for t in s.tokens) and not s.reject(start, end):
        return
    r.reject(s, start, end, *why)


def _other_year(r: Reader, s: Sentence, m: Match[str], year: int) -> None:
    if m.group("flat") is not None:
        return
    prior = year == PRIOR_YEAR
    of_en, of_zh = (f"the year before {r.year}", "上年") if prior else (str(year), f"{year}年")
    own = "" if prior else f" {r.year}"
    why = (
        f"a figure of {of_en}, not of the report's year{own}",
        f"{of_zh}的数字，不是本报告年度（{r.year}年）的",
    )
    _unread(r, s, m.start(), m.end(), why)


def _subject_unread(r: Reader, s: Sentence, w: _Walk, m: Match[str]) -> bool:
    """A figure after a label that names no single field of the model is reported unread."""
    if w.current == OTHER:
        if w.named in _FEES:
            why = (
                f"a figure of {w.label} named in a reason or a change, not the year's {w.label}",
                f"原因或增减中提及的“{w.label}”数字，不是本年度的{w.label}",
            )
        else:
            why = (
                f"a figure of {w.label}, which is not one of the “三公” figures",
                f"“{w.label}”的数字，不属于“三公”经费",
            )
        _unread(r, s, m.start(), m.end(), why)
        return True
    if w.current in (JOINT, _PART):
        _unread(r, s, m.start(), m.end(), _WHY[w.current])
        return True
    if w.current == AMBIGUOUS:
        _unread(r, s, m.start(), m.end(), _WHY[AMBIGUOUS])
        return True
    return False


def _base(key: str) -> Path:
    """Where the figure ``key`` is held: 会议费/培训费 beside the 三公 section, the others in it."""
    return (key,) if key in BESIDE else ("three_public", key)


def _amount(r: Reader, s: Sentence, w: _Walk, m: Match[str]) -> None:
    if w.current is None or _subject_unread(r, s, w, m):
        return
    text = s.text
    lead, context = text[w.last : m.start()], text[w.since : m.start()]
    base = _base(w.current)
    comparison = comparison_kind(context, r.year)
    direction = direction_word(lead)
    if direction is not None:
        word, up = direction
        target = {"budget": "versus_budget", "prior": "change"}.get(comparison or "")
        if target is None and word in PLAIN_DIRECTIONS and comparison != "other_budget":
            target = _target(lead, r.year)
        if target is None:
            _unread(
                r, s, m.start(), m.end(), _WHY["other_budget" if comparison == "other_budget" else "saving"]
            )
            return
        _put_change(r, s, w, m, (*base, target), Direction.INCREASE if up else Direction.DECREASE)
    elif comparison in ("difference", "unclear", "other_budget"):
        _unread(r, s, m.start(), m.end(), _WHY[comparison])
    elif comparison == "prior" and w.prior is None:
        w.prior = m.span()
        return  # the change that follows may take it as its base
    elif comparison == "prior":
        # “较2022年决算数688.84万元131.49万元，增长19.09%” (the page dropped 增加): a change
        # without its direction word, right after last year's figure
        undirected = w.prior is not None and not text[w.prior[1] : m.start()].strip(" ，,")
        _unread(r, s, m.start(), m.end(), _WHY["undirected" if undirected else "prior"])
    else:
        # “较预算数30万元减少5万元”: the budget, which the change after it is compared with
        arranged = _arranged(lead if w.bases else text[w.subject : m.start()])
        if arranged is None and comparison != "budget":
            _unread(r, s, m.start(), m.end(), _WHY["arranged"])
            return
        budget = comparison == "budget" or arranged or _is_budget(lead, w)
        if not budget and w.after_arranged:
            _unread(r, s, m.start(), m.end(), _WHY["after_arranged"])
            return
        r.put_amount((*base, "budget" if budget else "actual"), r.amount(s, m, "amount"))
        w.bases.append(budget)
        w.pending = None
        if comparison == "budget":
            return
    w.since = m.end()


def _clause_start(text: str, start: int, end: int) -> int:
    return max(start, *(text.rfind(mark, start, end) + 1 for mark in "，,；;。：:"))


def _arranged(words: str) -> bool | None:
    """What 安排 in the words of a figure says of it: a budget (“财政拨款安排“三公”经费502.4万元”,
    “预安排2415.44万元”), nothing (no 安排; the 决算 template's “财政拨款安排的“三公”经费支出”; 安排
    with 预算, 决算 or 实际 after it, which say it themselves), or ``None``, unclear (“安排“三公”经费
    支出30万元”, which prints 支出 without the template's 的)."""
    at = words.rfind("安排")
    if at < 0:
        return False
    after = words[at + 2 :]
    if _ACTUAL_WORDS.search(after) or "预算" in _FUND_NAMES.sub("", after):
        return False
    if "支出" in after:
        return False if after.startswith("的") else None
    return True


def _is_budget(lead: str, w: _Walk) -> bool:
    """Whether an amount is a budget: by the last of 预算 and 决算/实际 in its lead (not the 预算 of a
    fund's name, “一般公共预算财政拨款支出”), else by the basis of the total whose part it is."""
    lead = _FUND_NAMES.sub("", lead)
    said_budget = lead.rfind("预算")
    said_actual = max((x.start() for x in _ACTUAL_WORDS.finditer(lead)), default=-1)
    if said_budget >= 0 or said_actual >= 0:
        w.budget_basis = w.budget_basis and said_budget > said_actual
        return said_budget > said_actual
    return w.budget_basis


_PARTS_FIRST = re.compile(r"其中[：:，,]?")


def _budget_statement(text: str, year: int) -> bool:
    """Whether every figure ``text`` states (its comparisons aside) is a budget, and it states one."""
    bases = _bases(text, year)
    return bool(bases) and all(budget for _, budget in bases)


def _bases(text: str, year: int) -> list[tuple[bool, bool]]:
    """For each figure ``text`` states (its comparisons aside): whether 安排 says it is a budget,
    and whether it is a budget."""
    bases: list[tuple[bool, bool]] = []
    last = since = subject = 0
    stated = False
    for m in _TP_EVENT.finditer(text):
        if m.group("label") is not None:
            since, subject, stated = m.end(), _clause_start(text, last, m.start()), False
        elif m.group("amount") is not None:
            lead = text[last : m.start()]
            if direction_word(lead) is None and comparison_kind(text[since : m.start()], year) is None:
                arranged = _arranged(lead if stated else text[subject : m.start()])
                budget = arranged is True or (arranged is False and _is_budget(lead, _Walk()))
                bases.append((arranged is True, budget))
                stated = True
            since = m.end()
        last = m.end()
    return bases


def _put_change(r: Reader, s: Sentence, w: _Walk, m: Match[str], path: Path, direction: Direction) -> None:
    if not r.draft.put((*path, "direction"), direction, r.where(s, m.start(), m.end())):
        return
    r.put_amount((*path, "amount"), r.amount(s, m, "amount"))
    w.pending = path
    if w.prior is not None and path[-1] == "change":
        r.put_amount((*path, "previous"), r.amount_at(s, *w.prior))
        w.prior = None


def _drop_prior(r: Reader, s: Sentence, w: _Walk) -> None:
    if w.prior is not None:
        _unread(r, s, *w.prior, _WHY["prior"])
        w.prior = None


def _target(lead: str, report_year: int) -> str | None:
    """What a change compares with: the budget (“决算数较预算减少…”, “比2021年预算减少…” in a 2021
    report), or last year — also when last year's budget is named (“与2023年预算持平”, as budgets
    print it); ``None`` for the budget of another year (“比2019年预算” in a 2021 report)."""
    named = own_budget(lead, report_year)
    if named is None:
        return None
    lead = named
    return "versus_budget" if "预算" in lead and PRIOR_REF.search(lead) is None else "change"


def _percent(r: Reader, s: Sentence, w: _Walk, m: Match[str]) -> None:
    if w.current is None or _subject_unread(r, s, w, m):
        return
    lead = s.text[w.last : m.start()]
    base = _base(w.current)
    rate = _RATE_LEAD.search(lead)
    if rate is not None:
        target = _target(s.text[w.since : m.start()], r.year)
        if w.pending is None and target is None:
            _unread(r, s, m.start(), m.end(), _WHY["other_budget"])
            return
        if w.pending is None and target is not None:
            word = rate.group("rw") or rate.group()
            direction = Direction.INCREASE if word == "增幅" else direction_of(word[:2])
            path = (*base, target)
            if r.draft.put((*path, "direction"), direction, r.where(s, m.start(), m.end())):
                w.pending = path
        if w.pending is not None:
            r.put_percent((*w.pending, "rate"), r.percent(s, m, "percent"))
        w.pending = None
    elif _COMPLETION.search(lead):
        r.put_percent((*base, "completion"), r.percent(s, m, "percent"))


def _flat(r: Reader, s: Sentence, w: _Walk, m: Match[str]) -> None:
    if w.current is None or w.current in (OTHER, AMBIGUOUS, JOINT, _PART):
        return
    lead = s.text[w.last : m.start()]
    target = _target(lead, r.year)
    if target is not None and (PRIOR_REF.search(lead) or "预算" in lead or "与" in lead):
        put_flat(r, s, (*_base(w.current), target), m.start(), m.end())


_COUNT_FIELDS: Final = {
    "groups": (("ng",), {"outbound": "outbound_groups"}),
    "outpeople": (("no",), {"outbound": "outbound_people"}),
    "batches": (
        ("nb", "nb2"),
        {"domestic_reception": "domestic_batches", "foreign_reception": "foreign_batches"},
    ),
    "people": (
        ("np", "np2", "np3"),
        {
            "domestic_reception": "domestic_people",
            "foreign_reception": "foreign_people",
            "outbound": "outbound_people",
        },
    ),
    "bought": (("nv",), {"vehicles": "vehicles_purchased", "vehicle_purchase": "vehicles_purchased"}),
    # “公务用车购置100辆”: the label 公务用车购置 names what the cars are
    "cars": (("nc",), {"vehicle_purchase": "vehicles_purchased"}),
    "unplaced": (("nu",), {}),
    "held": (
        ("nh",),
        {
            "vehicles": "vehicles_held",
            "vehicle_operation": "vehicles_held",
            "vehicle_purchase": "vehicles_held",
        },
    ),
}
#: Counts that name their subject themselves (出国团组, 购置N辆, 保有量N辆) — except a 团组 of a
#: 接待 (“共接待国内来访团组10个”), which is a reception's count.
_INTRINSIC: Final = {"groups": "outbound", "outpeople": "outbound", "bought": "vehicles", "held": "vehicles"}


def _count(r: Reader, s: Sentence, w: _Walk, m: Match[str]) -> None:
    name = m.lastgroup
    for kind, (groups, by_subject) in _COUNT_FIELDS.items():
        if m.group(kind) is None:
            continue
        group = next(g for g in groups if m.group(g) is not None)
        subject = _INTRINSIC.get(kind, w.current)
        if kind == "groups" and w.current in _RECEPTIONS:
            subject = w.current
        if subject is None or (kind == "cars" and subject not in by_subject):
            return  # a count of no “三公” item, or cars another construction reads (共有车辆N辆)
        if subject in by_subject:
            r.put_count(("three_public", by_subject[subject]), r.count(s, m, group))
            return
        if subject == "reception" and kind != "groups":
            reason = _WHY["reception_count"]
        else:
            reason = _WHY["unplaced" if kind == "unplaced" else "count"]
        r.draft.reject(r.where(s, m.start(), m.end()), *reason, (m.group(),))
        return
    raise AssertionError(name)  # pragma: no cover - every count group is listed above
