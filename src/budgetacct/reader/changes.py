"""The “change against last year” construction: 增加/减少 X万元, 增长/下降 Y%, 持平, after a subject."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING, Final

from budgetacct.codes import FunctionCode
from budgetacct.model.enums import RevenueSource
from budgetacct.money import Amount, Direction, Percent
from budgetacct.paths import Path
from budgetacct.reader.draft import Where
from budgetacct.reader.labelled import NO_CHANGE_PLACE, change_subjects, readings
from budgetacct.reader.lists import sentences_before, year_total_subject
from budgetacct.reader.normalize import Sentence
from budgetacct.reader.reading import AMOUNT, NUMBER, PERCENT, Reader

if TYPE_CHECKING:  # pragma: no cover
    from re import Match

__all__ = [
    "PRIOR_REF",
    "RATE_WORD",
    "THREE_PUBLIC_SUBJECT",
    "direction_of",
    "put_change",
    "put_flat",
    "read_part_changes",
    "read_year_on_year",
]

# 三公 subjects: a sentence about them is read by the 三公 construction, changes included.
THREE_PUBLIC_SUBJECT = re.compile(
    r"(?P<domestic_reception>国内公务接待)|(?P<foreign_reception>外事接待)|(?P<reception>公务接待)"
    r"|(?P<vehicles>公务用车购置(?:及|和)运行)|(?P<vehicle_purchase>公务用车购置)"
    r"|(?P<vehicle_operation>公务用车运行)|(?P<outbound>因公出国)|(?P<total>三公[”\"’']?经费)"
)


# --- changes ------------------------------------------------------------------------------------------------

_UP: Final = ("增加", "增长", "上升")
#: The rate after the amount: “下降16.67%”, “增长幅度为5%”, or “降幅16.67%” / “增幅为5%” (the word's
#: direction must be the change's: see :func:`put_change`).
#: The words before a change's rate: its direction (“减少…，下降”) or 增幅/降幅 (``rw``).
RATE_WORD: Final = r"(?:(?:增长|下降|降低|上升|减少|增加)了?(?:幅度为|幅度)?|(?P<rw>增幅|降幅)(?:为|是|达)?)"
_CHANGE = re.compile(
    rf"(?P<dir>增加|增长|减少|下降|降低|上升)了?"
    rf"(?:(?P<amt>{AMOUNT})(?:[，、]?{RATE_WORD}(?P<rate>{PERCENT}))?|(?P<rate_only>{PERCENT}))"
)
_FLAT = re.compile(r"持平|无增减变化|没有变化|无变化")
PRIOR_REF = re.compile(r"(?:与|比|较)(?:上年|去年|上一年|上年度|\d{4}年)|同比|同期")


def direction_of(word: str) -> Direction:
    return Direction.INCREASE if word in _UP else Direction.DECREASE


def put_change(r: Reader, s: Sentence, path: Path, m: Match[str]) -> None:
    """A change phrase ``减少19.37万元，下降2.17%`` (or ``增长7.3%``) at ``path`` (a StatedChange)."""
    direction = direction_of(m.group("dir"))
    where = r.where(s, m.start("dir"), m.end("dir"))
    if not r.draft.put((*path, "direction"), direction, where):
        return
    r.put_amount((*path, "amount"), r.amount(s, m, "amt"))
    rate_group = "rate" if m.group("rate") is not None else "rate_only"
    word = m.group("rw")
    if word is not None and (word == "增幅") != (direction is Direction.INCREASE):
        r.reject(
            s,
            *m.span("rate"),
            "a rate whose word (增幅/降幅) says the other direction",
            "增减幅度的用词与增减方向不一致",
        )
        return
    r.put_percent((*path, "rate"), r.percent(s, m, rate_group))


def put_flat(r: Reader, s: Sentence, path: Path, start: int, end: int) -> None:
    r.draft.put((*path, "direction"), Direction.FLAT, r.where(s, start, end))


def read_year_on_year(r: Reader, s: Sentence) -> None:
    text = s.text
    if THREE_PUBLIC_SUBJECT.search(text) is not None:
        return
    if not any(word in text for word in ("增", "减", "下降", "降低", "上升", "持平", "变化")):
        return
    # "占本年支出合计的…" names the base of a share, not what changed.
    subjects = [
        (start, end, path)
        for start, end, path in change_subjects(s)
        if "占" not in text[max(0, start - 2) : start]
    ]
    total = year_total_subject(r, s)
    if total is not None:
        subjects.append(total)  # “2023年度收入合计536.30万元，较上年决算数增加72.29万元”
    _change_of_sentence_before(r, s, subjects)
    if not subjects:
        return
    subjects.sort()
    changed: set[Path] = set()
    previous_end = 0  # where the change before this one ended: its words are not this one's lead
    for m in _CHANGE.finditer(text):
        subject = _nearest(subjects, m.start())
        lead_start, previous_end = previous_end, m.end()
        if subject is None or not PRIOR_REF.search(text, 0, m.start()):
            continue
        if _PAIRED.match(text, m.end()):
            # “各下降23.51%、38.28%”: one figure for 收 and one for 支; which is the model's one
            # change is not known, so neither is taken.
            continue
        lead = text[max(subject[1], lead_start) : m.start()]
        if "预算" in lead:
            continue
        path = subject[2]
        if path is None:
            r.reject(s, m.start(), m.end(), *NO_CHANGE_PLACE)
            continue
        if _OF_WHICH in text[subject[1] : m.start()]:
            _line_change(r, s, path, subject[1], m)
            continue
        put_change(r, s, path, m)
        changed.add(path)
    for m in _FLAT.finditer(text):
        subject = _nearest(subjects, m.start())
        if subject is None or subject[2] in changed or not PRIOR_REF.search(text, 0, m.end()):
            continue
        if "预算" in text[subject[1] : m.start()]:
            continue
        if subject[2] is None or _OF_WHICH in text[subject[1] : m.start()]:
            r.reject(s, m.start(), m.end(), *NO_CHANGE_PLACE)
            continue
        put_flat(r, s, subject[2], m.start(), m.end())


# --- a change in a sentence of its own, after its total's ---------------------------------------------------

#: A sentence that opens with a change against last year and names no subject of its own but 收支:
#: “收支较上年决算数减少194.65万元，下降23.94%” (重庆 template, after “收入总计X万元，支出总计X万元。”),
#: “与上年相比，增加30.66万元，增长0.79%” (益阳市第五中学 2020, after “收、支总计3903.88万元。”).
_BOTH: Final = r"(?:收支|收、支|收入、支出|收入支出|收入和支出)(?:总计)?(?:各|均)?"
#: (“收、支与2023年度相比，减少956.31万元，下降16.9%”: 重庆市开州区大进镇人民政府 2024年度决算.)
_CHANGE_ALONE = re.compile(
    rf"^(?P<both>{_BOTH})?(?:(?:与|较|比)(?:上年度?|上一年度?|去年|(?P<y>\d{{4}})年度?)(?:决算数?)?(?:相比)?|同比)"
    rf"[，：]?(?P<both_after>{_BOTH})?"
)
_YEAR = re.compile(r"(\d{4})年")


def _change_of_sentence_before(r: Reader, s: Sentence, subjects: list[tuple[int, int, Path | None]]) -> None:
    """The change a sentence opens with, as the change of the one total the sentence before it
    states (the grand totals of 收、支 together count as one, their change being one): only when
    that sentence prints nothing but that total (or the two grand totals), of the report's year,
    with no change of its own.  “收支…” must then be the grand totals'."""
    lead = _CHANGE_ALONE.match(s.text)
    change = _CHANGE.match(s.text, lead.end()) if lead is not None else None
    if lead is None or change is None or _PAIRED.match(s.text, change.end()):
        return
    if any(end <= change.start() for _, end, _ in subjects):
        return  # “与2023年相比，收、支总计各减少…”: the change of the subject it names
    if lead.group("y") is not None and int(lead.group("y")) != r.year - 1:
        return
    before = sentences_before(s)
    if not before:
        return
    previous = before[-1]
    if _CHANGE.search(previous.text) or any(int(y) != r.year for y in _YEAR.findall(previous.text)):
        return
    figures: set[tuple[int, int]] = set()
    paths: set[Path] = set()
    for reading in readings(previous):
        if reading.figure is None or not reading.paths:
            continue
        figures.add(reading.figure)
        paths.add(reading.change if reading.change is not None else ("no", "change"))
    total = year_total_subject(r, previous)
    if total is not None:
        m = _TOTAL_FIGURE.search(previous.text, total[1])
        if m is not None:
            figures.add(m.span())
            paths.add(total[2])
    if len(paths) != 1 or any((t.start, t.end) not in figures for t in previous.tokens):
        return
    path = paths.pop()
    if path == ("no", "change") or "_section_" in path:
        return
    if (lead.group("both") or lead.group("both_after")) and path != ("overview", "change"):
        return
    put_change(r, s, path, change)


_TOTAL_FIGURE = re.compile(AMOUNT)


#: A 其中 list opened after the subject: a change after one of its lines is that line's.
_OF_WHICH: Final = "其中"


def _line_change(r: Reader, s: Sentence, total: Path, after: int, m: Match[str]) -> None:
    """“本年收入合计X，其中：财政拨款收入Y，比上年增加Z”: the change of the line before it — a revenue
    source's among the revenue's part changes, any other line's left unread (never the total's)."""
    # (the name's lookahead may see the change's own words: the search runs on, the names are cut)
    names = [n for n in _LINE_NAME.finditer(s.text, after) if n.end() <= m.start()]
    if names and _rate_fits_only_the_total(s, after, names[-1].end(), m):
        # “其他收入100万元，比上年增加100万元，增长11.11%”: 11.11% is 100 on 900, the total's
        # rise; the line could not have risen by all it holds at a rate.
        put_change(r, s, total, m)
        return
    name = names[-1].group().removeprefix("其中") if names else None
    if names and _another_line_between(s, names[-1].end(), m.start()):
        name = None  # “财政拨款收入900万元，上级补助100万元，比上年…”: the line is not one named here
    if name is not None and total == ("revenue", "change") and name in _SOURCE_WORDS:
        _put_part_change(r, s, "revenue", name, None, names[-1].span(), m)
        return
    code = r.lookup(name, None) if name is not None and total == ("expenditure", "change") else None
    if name is not None and code is not None and len(code) == 3:  # “其中：教育支出…，比上年增加…”: a 类
        _put_part_change(r, s, "expenditure", name, code, names[-1].span(), m)
        return
    r.reject(
        s,
        m.start(),
        m.end(),
        f"the change of a line of the 其中 list ({name or 'not named'}), not of the total; the model "
        "holds no change of that line",
        f"此增减变化属于“其中”所列的一项（{name or '未识别'}），不是合计数的变化，模型中没有记载该项变化的位置",
    )


def _rate_fits_only_the_total(s: Sentence, total_at: int, line_at: int, m: Match[str]) -> bool:
    """Whether a change's printed rate matches the total's figure and not the line's: the rate
    is the change over the previous figure, current ∓ change."""
    rate, amount = m.group("rate"), m.group("amt")
    if rate is None or amount is None:
        return False
    try:
        change = Amount.parse(amount).value
        printed = Percent.parse(rate).value
    except ValueError:
        return False
    sign = -1 if direction_of(m.group("dir")) is Direction.DECREASE else 1

    def fits(position: int) -> bool:
        token = next((t for t in s.tokens if t.kind == "amount" and t.start >= position), None)
        if token is None or token.start >= m.start():
            return False
        previous = Amount.parse(token.text).value - sign * change
        if previous <= 0:
            return False
        # Rounded half a unit of the printed rate's places, plus the amounts' own rounding.
        places = max(0, -int(printed.as_tuple().exponent))
        slack = Decimal(5).scaleb(-places - 1) + Decimal("0.01")
        return abs(change * 100 / previous - printed) <= slack

    return fits(total_at) and not fits(line_at)


_PAIRED = re.compile(rf"[、，,](?:{AMOUNT}|{PERCENT}|{NUMBER}(?!\d))")


def _nearest(
    subjects: list[tuple[int, int, Path | None]], position: int
) -> tuple[int, int, Path | None] | None:
    found = None
    for subject in subjects:
        if subject[1] <= position:
            found = subject
    return found


# --- the change of each part, after the total's -------------------------------------------------------------

# “学校2023年度收入总计X万元，与2022年度相比，减少Y万元，降低Z%。其中：财政拨款收入增加…万元，事业收入
# 增加…万元，其他收入减少…万元。” (西南大学 2023年度部门决算, 收支决算总表说明): each part names a
# revenue source (or 财政拨款收入, the fiscal sources together) or a 类 of spending.
_PART_LEAD = re.compile(r"其中[：，]")
_PART_NAME = re.compile(r"(?P<n>[\u4e00-\u9fff]{2,20}?)(?=增加|减少|增长|下降|降低|上升)")
_SOURCE_WORDS: Final = frozenset({*(source.value for source in RevenueSource), "财政拨款收入"})
#: The revenue sources a 其中 list names, and the other lines whose change has no place.
_LINE_NAME = re.compile(
    "|".join(sorted(_SOURCE_WORDS, key=len, reverse=True))
    + r"|[\u4e00-\u9fff]{1,12}?(?:支出|收入|经费)(?=\d|为|是|增加|减少|增长|下降|降低|上升)"
)


def read_part_changes(r: Reader, s: Sentence) -> None:
    """“其中：A增加X万元，B减少Y万元” right after a sentence stating a total's change against last
    year: each part's change, when every part is a revenue source (then the total is 收入) or
    every part a 类 of the catalogue (支出).  One part not understood leaves the sentence unread."""
    lead = _PART_LEAD.match(s.text)
    if lead is None:
        return
    before = s.paragraph.text[: s.offset].rstrip("。；")
    previous = before[before.rfind("。") + 1 :]
    if not PRIOR_REF.search(previous) or _CHANGE.search(previous) is None:
        return
    if "财政拨款" in previous or "一般公共预算" in previous:
        return  # the parts of a fiscal total are the fiscal spending's, not the year's
    parts: list[tuple[str, str | None, Match[str], int, int]] = []
    position = lead.end()
    while position < len(s.text):
        name = _PART_NAME.match(s.text, position)
        change = _CHANGE.match(s.text, name.end()) if name is not None else None
        if name is None or change is None or change.group("amt") is None:
            return
        printed = name.group("n")
        parts.append(
            (printed, None if printed in _SOURCE_WORDS else r.lookup(printed, None), change, *name.span())
        )
        position = change.end()
        if s.text.startswith(("，", "；", "、"), position):
            position += 1
        elif s.text[position:].strip("。") == "":
            break
        else:
            return
    if all(printed in _SOURCE_WORDS for printed, *_ in parts) and "收入" in previous:
        section = "revenue"
    elif all(code is not None and len(code) == 3 for _, code, *_ in parts) and "支出" in previous:
        section = "expenditure"
    else:
        return
    for printed, code, change, start, end in parts:
        _put_part_change(r, s, section, printed, code, (start, end), change)


def _another_line_between(s: Sentence, start: int, end: int) -> bool:
    """Whether more than the line's own amount (and share) stands between its name and a change."""
    amounts = [t for t in s.tokens if t.kind == "amount" and start <= t.start and t.end <= end]
    return len(amounts) > 1 or "；" in s.text[start:end]


def _put_part_change(
    r: Reader,
    s: Sentence,
    section: str,
    printed: str,
    code: str | None,
    span: tuple[int, int],
    change: Match[str],
) -> None:
    """The change of one part (a revenue source, or a 类 with its code) among the section's part changes."""
    where = r.where(s, *span)
    required: dict[str, tuple[object, Where, None]] = {"name": (printed, where, None)}
    if code is not None:
        required["code"] = (FunctionCode(code), where, None)
    index = r.draft.item((section, "part_changes"), printed, required)
    if index is not None:
        put_change(r, s, (section, "part_changes", index, "change"), change)
