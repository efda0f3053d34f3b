"""The “label + figure” construction: a lexicon label, a few linking words, a figure.

``本年收入合计830.63万元`` / ``机关运行经费支出决算为12万元`` / ``授予中小企业合同金额5万元，占政府采购
支出总额的50%``: the label is found by longest match in the lexicon
(:mod:`budgetacct.reader.lexicon`), the figure is the token right after the linking words
(``为``, ``是``, ``决算``, ``合计`` …), and the figure goes to the paths the lexicon names.  An entry
with a ``share`` path also reads the “占…X%” after the figure.

Two readings follow from the labels around a label (constructions, not wordings):

* **A head carried over.**  ``财政拨款收入总计X，支出总计Y`` and ``财政拨款收入X，其中本年收入Y``: the
  second label is read with the head of the first (``财政拨款``) when that makes a wording of the
  lexicon (``财政拨款支出总计``, ``财政拨款本年收入``) — the report did not repeat the head.
* **A 其中 part.**  An entry with ``part_of`` is read after a label of one of those paths in the
  same sentence, in any section (``…基本支出X，其中：人员经费Y``).
* **A pair.**  ``收、支总计各A万元、B万元`` (``各是A,B万元``, ``分别为A万元、B万元``): A is the
  first path's figure (收), B the second's (支) — never A for both.
* **财政拨款收入总计, decided by its sentence.**  Real reports print it both for the 收入 side's
  总计 of 财政拨款收入支出决算总表 (with 年初结转和结余) and for the year's fiscal revenue (四川
  一妇幼保健院 2020: “财政拨款收入总计1614.63万元…；财政拨款支出总计1870.91万元”, the year's lines
  above summing to each).  It is the grand total only where the sentence shows it (a 本年收入 or
  年初结转 part after it, or a 支出总计 equal to it); the year's revenue where it differs from the
  支出总计 beside it, or where the 其中 lines of the fiscal funds after it add up to it; otherwise
  it is left unread, and so is the change after it that has no place in the model.

>>> from budgetacct.reader import read_report
>>> r = read_report("2021年财政拨款收入总计10万元，支出总计10万元。", department="示例")
>>> [(s.path, s.printed) for s in r.sources if s.path != "$.year"]
[('$.fiscal.grand_total', '10万元'), ('$.fiscal.grand_total', '10万元')]
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final, cast

import attrs

from budgetacct.errors import InvalidValue
from budgetacct.money import Amount, Percent, parse_amount
from budgetacct.paths import Path
from budgetacct.reader.draft import tidy_amount
from budgetacct.reader.lexicon import LEXICON, Entry, Found, labels
from budgetacct.reader.schema import field_type

if TYPE_CHECKING:  # pragma: no cover
    from budgetacct.reader.normalize import Sentence
    from budgetacct.reader.reading import Reader

__all__ = [
    "FUND_REVENUE_LINE",
    "NO_CHANGE_PLACE",
    "Reading",
    "change_subjects",
    "read_labelled",
    "readings",
    "sentence_labels",
]

#: Why a change is left unread when what changed is a figure read elsewhere than the model's change
#: (财政拨款收入总计 read as the year's fiscal revenue) or a figure left unread.
NO_CHANGE_PLACE: Final = (
    "a change of a figure whose own change has no place in the model (or whose place is not certain)",
    "所述增减变化对应的数字在模型中没有记载增减变化的位置（或其位置不能确定）",
)

# The words that may stand between a label and its figure (and a remark in brackets first:
# “政府采购金额（以合同签订为准）为251.25万元”).
_LINK: Final = re.compile(
    r"(?:（[^（）\d]{1,20}）)?(?:各|均|分别)?的?(?:合同)?(?:支出|采购)?(?:决算)?(?:数)?(?:总计|合计|总额|金额)?(?:为|是|共计|合计|达)?"
)
_SHARE: Final = re.compile(r"，?占[^，。；\d]{0,16}?(?=\d)")
# Between the figure of one label and the next label, for a head to carry over.
_CARRY: Final = re.compile(r"[，、；]?(?:其中)?[：，]?")
_ENUMERATOR: Final = re.compile(
    r"(?:\d{1,2}[.、]|（\d{1,2}）|（[一二三四五六七八九十]{1,3}）|[一二三四五六七八九十]{1,3}[、.])"
)


def sentence_labels(s: Sentence) -> list[Found]:
    """The lexicon labels of a sentence (by longest match)."""
    return [reading.found for reading in readings(s)]


def _token_at(s: Sentence, position: int, kind: str) -> tuple[int, int] | None:
    for token in s.tokens:
        if token.start == position:
            return (token.start, token.end) if token.kind == kind else None
        if token.start > position:
            break
    return None


def _preceded_by(text: str, start: int, words: tuple[str, ...]) -> bool:
    before = text[:start].rstrip("：，")
    return any(before.endswith(word) for word in words)


def _choose(found: Found, s: Sentence, read: set[Path], start_of_body: int) -> Entry | None:
    for entry in found.entries:
        if entry.after and not _preceded_by(s.text, found.start, entry.after):
            continue
        if entry.at_start and found.start != start_of_body:
            continue
        if entry.applies(s.section) or any(path in read for path in entry.part_of):
            return entry
    return None


def _carried(previous: Found | None, previous_end: int, found: Found, s: Sentence) -> Entry | None:
    """The entry of ``head + wording`` when the head of the label before carries over."""
    if previous is None or _CARRY.fullmatch(s.text, previous_end, found.start) is None:
        return None
    for cut in range(len(previous.wording) - 1, 1, -1):
        for entry in LEXICON.entries_for(previous.wording[:cut] + found.wording):
            if entry.paths and entry.applies(s.section):
                return entry
    return None


@attrs.frozen
class Reading:
    """A label of a sentence and how it reads there: the entry that applies (``None`` when none
    does), the figure after it (its span) and the paths the figure goes to."""

    found: Found
    entry: Entry | None
    figure: tuple[int, int] | None
    paths: tuple[Path, ...]
    #: The StatedChange of what the label names here (``None``: no place in the model).
    change: Path | None = None
    #: Why the figure is left unread (English, Chinese), when its role is not certain.
    unread: tuple[str, str] | None = None
    #: The span of the amount whose unit a bare number (“各是A,B万元”'s A) takes.
    unit_of: tuple[int, int] | None = None


def readings(s: Sentence) -> list[Reading]:
    """How each lexicon label of the sentence reads (computed once per sentence)."""
    if s.readings is not None:
        return cast("list[Reading]", s.readings)
    body = _ENUMERATOR.match(s.text)
    start_of_body = body.end() if body else 0
    read: set[Path] = set()
    out: list[Reading] = []
    previous: Found | None = None
    previous_end = 0
    for found in labels(s.text):
        entry = _carried(previous, previous_end, found, s) or _choose(found, s, read, start_of_body)
        previous, previous_end = None, 0
        if entry is None:
            out.append(Reading(found, None, None, ()))
            continue
        paths = entry.resolved(s.section)
        kind = "percent" if paths and field_type(_shape(paths[0])) is Percent else "amount"
        link = _LINK.match(s.text, found.end)
        assert link is not None  # every part of the link is optional
        change = entry.resolved_change(s.section)
        pair = _pair(s, link.end(), kind, paths)
        if pair is not None:
            out.extend(Reading(found, entry, span, (path,), change, None, unit) for span, path, unit in pair)
            previous, previous_end = found, pair[-1][0][1]
            read.update(paths)
            continue
        span = _token_at(s, link.end(), kind)
        if s.text.startswith("分别", link.start()):
            span = None  # “分别为” with no pair after it: whose figure is which is not known
        if span is not None:
            previous, previous_end = found, span[1]
            read.update(paths)
        out.append(Reading(found, entry, span, paths if span is not None else (), change))
    out = _fiscal_revenue_total(s, out)
    s.readings = list[object](out)
    return out


# “收、支总计各A万元、B万元” / “各是A,B万元” / “分别为A万元、B万元”: the second figure after the first.
_PAIR_NEXT: Final = re.compile(r"[、，,]")
_BARE: Final = re.compile(r"\d+(?:\.\d+)?(?=[、，,])")


def _pair(
    s: Sentence, position: int, kind: str, paths: tuple[Path, ...]
) -> list[tuple[tuple[int, int], Path, tuple[int, int] | None]] | None:
    """The two figures of a label with two paths printed as a pair, each with its path (and, for
    a bare first number, the span of the amount whose unit it takes)."""
    if len(paths) != 2 or kind != "amount":
        return None
    first = _token_at(s, position, kind)
    if first is not None:
        comma = _PAIR_NEXT.match(s.text, first[1])
        second = _token_at(s, comma.end(), kind) if comma is not None else None
        return None if second is None else [(first, paths[0], None), (second, paths[1], None)]
    bare = _BARE.match(s.text, position)
    second = _token_at(s, bare.end() + 1, kind) if bare is not None else None
    if bare is None or second is None or "," in s.text[second[0] : second[1]]:
        return None  # “各是2,125.49,2,143.91万元”: which comma parts the pair is not known
    return [(bare.span(), paths[0], second), (second, paths[1], None)]


def change_subjects(s: Sentence) -> list[tuple[int, int, Path | None]]:
    """The labels of the sentence that name something with a stated change: (start, end, path);
    the path is ``None`` for a subject whose change has no place in the model (its change is then
    left unread, never given to a subject before it)."""
    subjects: list[tuple[int, int, Path | None]] = []
    for reading in readings(s):
        if reading.unread is not None or (
            reading.entry is not None and reading.entry.change and not reading.change
        ):
            subjects.append((reading.found.start, reading.found.end, None))
            continue
        change = reading.change
        if reading.entry is None:  # a wording that names no figure here may still be what changed
            change = next((e.change for e in reading.found.entries if e.change and e.sections is None), None)
        if change is not None and "_section_" not in change:
            subjects.append((reading.found.start, reading.found.end, change))
    return subjects


def read_labelled(r: Reader, s: Sentence) -> None:
    """Read every “label + figure” of the sentence into the draft."""
    for reading in readings(s):
        if reading.entry is None or reading.figure is None:
            continue
        span = reading.figure
        if reading.unread is not None:
            r.reject(s, *span, *reading.unread)
            continue
        if reading.unit_of is not None:
            _put_bare(r, s, reading.paths, span, reading.unit_of)
            continue
        if "政府采购预算" in s.text and any(path[0] == "procurement" for path in reading.paths):
            # “其中:货物类采购 10000 元,占政府采购预算 58.8%” (梧州 2023 部门预算): a budget's figure.
            r.reject(s, *span, *_PROCUREMENT_BUDGET)
            continue
        for path in reading.paths:
            _put(r, s, path, span)
        share_path = reading.entry.resolved_share(s.section)
        share = _SHARE.match(s.text, span[1]) if share_path is not None else None
        if share_path is not None and share is not None:
            share_span = _token_at(s, share.end(), "percent")
            if share_span is None:
                continue
            base = s.text[share.start() : share.end()]
            if share_path[0] == "procurement" and "企业" in base:
                # “授予小微企业合同金额50万元，占授予中小企业合同金额的83.33%”: a share of the SME
                # amount, where the model's share is of the whole procurement.
                r.reject(s, *share_span, *_SHARE_OF_A_PART)
                continue
            r.put_percent(share_path, r.percent_at(s, *share_span))


_PROCUREMENT_BUDGET: Final = (
    "a figure of the procurement budget (政府采购预算), not the year's procurement",
    "政府采购预算中的数字，不是本年度政府采购支出的决算数",
)
_SHARE_OF_A_PART: Final = (
    "a share of the amount awarded to SMEs, not of the total procurement the model's share is of",
    "此比例是占授予中小企业合同金额的比例，不是模型所载的占政府采购支出总额的比例",
)


def _put_bare(
    r: Reader, s: Sentence, paths: tuple[Path, ...], span: tuple[int, int], unit_of: tuple[int, int]
) -> None:
    """A number printed without its unit (“各是4125.49,4143.91万元”'s first), in the pair's unit."""
    try:
        unit = parse_amount(s.text[unit_of[0] : unit_of[1]])[1]
        value, unit = parse_amount(s.text[span[0] : span[1]], default_unit=unit)
    except InvalidValue:
        r.reject(s, *span, "amount out of range", "金额超出可表示的范围")
        return
    where = r.where(s, *span)
    for path in paths:
        r.draft.put(path, tidy_amount(value, unit), where, unit)


def _shape(path: Path) -> Path:
    return tuple(0 if isinstance(part, int) else part for part in path)


def _put(r: Reader, s: Sentence, path: Path, span: tuple[int, int]) -> bool:
    if field_type(_shape(path)) is Amount:
        return r.put_amount(path, r.amount_at(s, *span))
    return r.put_percent(path, r.percent_at(s, *span))


# --- 财政拨款收入总计: the grand total or the year's fiscal revenue -----------------------------------------

_GRAND: Final = ("fiscal", "grand_total")
#: A part after 财政拨款收入总计 that only its grand total has: 本年收入 (the head carried over) or 年初结转.
_GRAND_PARTS: Final = (("fiscal", "revenue_total"), ("fiscal", "opening_balance"))
#: The fiscal funds' revenue lines, as a 其中 list after the total prints them.
FUND_REVENUE_LINE: Final = re.compile(
    r"(?P<f>一般公共预算|政府性基金预算|国有资本经营预算)财政拨款收入(?:为|是)?(?P<a>\d[\d,]*(?:\.\d+)?(?:亿元|万元|元))"
)
_UNDECIDED: Final = (
    "财政拨款收入总计 names the grand total (with the opening balances) in some reports and the "
    "year's fiscal revenue in others; this sentence does not show which",
    "“财政拨款收入总计”有的报告指含年初结转和结余的收支总计，有的指本年财政拨款收入，本句未能确定是哪一个",
)


def _value(s: Sentence, span: tuple[int, int] | None) -> Amount | None:
    return None if span is None else _value_of(s.text[span[0] : span[1]])


def _funds_after(s: Sentence, end: int) -> Amount | None:
    """The sum of the fiscal funds' revenue lines of the 其中 list after ``end`` (in this
    sentence or in the next one of its paragraph), or ``None`` when none is printed."""
    after = s.text[end:]
    if "其中" not in after:
        rest = s.paragraph.text[s.offset + len(s.text) :].lstrip("。；")
        after = rest[: rest.find("。")] if rest.startswith("其中") and "。" in rest else ""
    values = [_value_of(m.group("a")) for m in FUND_REVENUE_LINE.finditer(after)]
    if not values or any(v is None for v in values):
        return None
    return Amount(sum(v.value for v in values if v is not None))


def _value_of(printed: str) -> Amount | None:
    try:
        value, unit = parse_amount(printed)
    except InvalidValue:
        return None
    return tidy_amount(value, unit)


def _fiscal_revenue_total(s: Sentence, out: list[Reading]) -> list[Reading]:
    """财政拨款收入总计 (and the 支出总计 beside it) read as its sentence shows (see the module)."""
    at = next(
        (i for i, x in enumerate(out) if x.found.wording == "财政拨款收入总计" and x.paths == (_GRAND,)), None
    )
    if at is None:
        return out
    revenue, later = out[at], out[at + 1 :]
    if any(path in _GRAND_PARTS for x in later for path in x.paths):
        return out  # “财政拨款收入总计X，其中本年收入Y”: the grand total
    spending = next((i for i, x in enumerate(later, at + 1) if x.paths == (_GRAND,)), None)
    total = _value(s, revenue.figure)
    if spending is not None:
        if total is not None and total == _value(s, out[spending].figure):
            return out  # “财政拨款收入总计X，支出总计X”: the grand total of both sides
        out[spending] = attrs.evolve(out[spending], paths=(("fiscal", "expenditure_total"),), change=None)
    elif total is None or total != _funds_after(s, revenue.figure[1] if revenue.figure else 0):
        out[at] = attrs.evolve(revenue, paths=(), change=None, unread=_UNDECIDED)
        return out
    out[at] = attrs.evolve(revenue, paths=(("fiscal", "revenue_total"),), change=None)
    return out
