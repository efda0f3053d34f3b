"""Sentence patterns of the 决算说明: each figure the standard report states, read by an anchored pattern.

Every handler looks at one normalized :class:`~budgetacct.reader.normalize.Sentence` (or, for the
人员 paragraphs, one paragraph), matches short patterns built from fixed phrases
(``本年收入合计``, ``占本年支出合计的``, ``支出决算为``) and puts what it understood into the draft,
marking the figure tokens it used.  Tokens no handler used are reported unread.  Patterns are
simple (literal anchors, bounded lazy gaps), so matching stays linear in the text.

>>> from budgetacct.reader import read_report
>>> r = read_report("2021年本年收入合计100万元，其中：上级补助收入60万元，占60%；事业收入40万元，占40%。",
...                 department="示例")
>>> [(line.source.value, str(line.amount), str(line.share)) for line in r.disclosure.revenue.lines]
[('上级补助收入', '60', '60'), ('事业收入', '40', '40')]
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Final

from budgetacct.codes import FunctionCode, nearest_catalogue
from budgetacct.codes.catalogue import Catalogue, CatalogueEntry
from budgetacct.errors import BudgetAcctError, InvalidValue
from budgetacct.model.enums import ExpenditureKind, RevenueSource
from budgetacct.money import Amount, Direction, Percent, Unit, parse_amount
from budgetacct.paths import Path
from budgetacct.reader.draft import Draft, Source, Where, tidy_amount
from budgetacct.reader.labelled import read_labelled, sentence_labels
from budgetacct.reader.normalize import Document, Line, Paragraph, Sentence, heading_title, is_part_heading

if TYPE_CHECKING:  # pragma: no cover
    from re import Match

__all__ = ["Reader", "assign_context", "match_name", "read_prose"]

_N: Final = r"\d+(?:\.\d+)?"
_A: Final = rf"{_N}(?:亿元|万元|元)"
_P: Final = rf"{_N}%"
_IS: Final = r"(?:为|是)?"
_MAX_COUNT: Final = 10**9


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
    ("财政拨款收入支出决算总体", "fiscal"),
    ("财政拨款收支", "fiscal"),
    ("财政拨款收入决算", "fiscal"),
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
    subsection: str | None = None
    for line in document.lines:
        if line.kind == "heading":
            title = heading_title(line.text) or ""
            subsection = _subsection_of(title)
            if is_part_heading(line.text):
                part = _part_of(title) or "unknown"
                section = "glossary" if part == "glossary" else None
            elif part in ("narrative", "unknown", "profile"):
                found = _section_of(title)
                if found == "glossary":
                    part = "glossary"
                    section = "glossary"
                elif found is not None:
                    section = found
        line.part = part
        line.section = section
        line.subsection = subsection


def _subsection_of(title: str) -> str | None:
    """（一）总体 / （二）结构 / （三）具体 headings (of the 一般公共预算 section, mostly)."""
    if "结构" in title:
        return "structure"
    if "具体" in title or "明细" in title:
        return "detail"
    if "总体" in title:
        return "total"
    return None


# --- the reader: shared state of one read --------------------------------------------------------------------


class Reader:
    """State of one reading: the document, the draft, the year, catalogue access and name candidates."""

    def __init__(self, document: Document, draft: Draft, year: int) -> None:
        self.document = document
        self.draft = draft
        self.year = year
        self._catalogue: Catalogue | bool | None = False
        self._department: list[tuple[int, int, str, Where]] = []
        self.department_source: Source | None = None
        self.year_source: Source | None = None

    # places ------------------------------------------------------------------------------------------------

    def where(self, s: Sentence, start: int, end: int) -> Where:
        line, a, b = s.locate(start, end)
        return Where(line, a, b, s.text)

    def whole(self, s: Sentence) -> Where:
        return self.where(s, 0, len(s.text))

    def line_where(self, line: Line, start: int, end: int) -> Where:
        a, b = line.absolute(start, end)
        return Where(line.number, a, b, line.text)

    # figures -----------------------------------------------------------------------------------------------

    def amount(self, s: Sentence, m: Match[str], group: str | int) -> tuple[Amount, Unit, Where] | None:
        start, end = m.span(group)
        return None if start < 0 else self.amount_at(s, start, end)

    def amount_at(self, s: Sentence, start: int, end: int) -> tuple[Amount, Unit, Where] | None:
        """The amount printed at ``s.text[start:end]`` (marked as understood), or ``None``."""
        try:
            value, unit = parse_amount(s.text[start:end])
        except InvalidValue:
            self.reject(s, start, end, "amount out of range", "金额超出可表示的范围")
            return None
        if value.value < 0:  # pragma: no cover - the patterns carry no sign
            return None
        s.use(start, end)
        return tidy_amount(value, unit), unit, self.where(s, start, end)

    def percent(self, s: Sentence, m: Match[str], group: str | int) -> tuple[Percent, Where] | None:
        start, end = m.span(group)
        return None if start < 0 else self.percent_at(s, start, end)

    def percent_at(self, s: Sentence, start: int, end: int) -> tuple[Percent, Where] | None:
        """The percentage printed at ``s.text[start:end]`` (marked as understood), or ``None``."""
        try:
            value = Percent.parse(s.text[start:end])
        except InvalidValue:
            self.reject(s, start, end, "percentage out of range", "百分比超出可表示的范围")
            return None
        s.use(start, end)
        return value, self.where(s, start, end)

    def count(self, s: Sentence, m: Match[str], group: str | int) -> tuple[int, Where] | None:
        start, end = m.span(group)
        if start < 0:
            return None
        text = m.group(group)
        if len(text) > 10 or int(text) > _MAX_COUNT:
            return None
        return int(text), self.where(s, start, end)

    def reject(self, s: Sentence, start: int, end: int, reason: str, reason_zh: str) -> None:
        tokens = s.reject(start, end)
        where = self.where(s, start, end)
        where.context = s.text
        self.draft.reject(where, reason, reason_zh, [t.text for t in tokens] or [s.text[start:end]])

    def reject_item(self, s: Sentence, start: int, end: int, reason: str, reason_zh: str) -> None:
        """An item of the 具体情况 list left unread: the list read is then incomplete (see
        :meth:`Draft.partial`), so none of it is used."""
        self.reject(s, start, end, reason, reason_zh)
        self.draft.partial(_ITEMS)

    def put_amount(self, path: Path, found: tuple[Amount, Unit, Where] | None) -> bool:
        if found is None:
            return False
        value, unit, where = found
        return self.draft.put(path, value, where, unit)

    def put_percent(self, path: Path, found: tuple[Percent, Where] | None) -> bool:
        if found is None:
            return False
        return self.draft.put(path, found[0], found[1])

    def put_count(self, path: Path, found: tuple[int, Where] | None) -> bool:
        if found is None:
            return False
        return self.draft.put(path, found[0], found[1])

    # catalogue ---------------------------------------------------------------------------------------------

    def catalogue(self) -> Catalogue | None:
        if self._catalogue is False:
            try:
                self._catalogue = nearest_catalogue("function", self.year)[0]
            except BudgetAcctError:
                self._catalogue = None
        return self._catalogue if isinstance(self._catalogue, Catalogue) else None

    def lookup(self, name: str, parent: str | None) -> str | None:
        """The code of the 类 (``parent=None``) or child of ``parent`` printed as ``name``."""
        catalogue = self.catalogue()
        if catalogue is None:
            return None
        try:
            entries: Iterable[CatalogueEntry] = catalogue.children(parent)
        except BudgetAcctError:
            return None
        return match_name(name, tuple(entries))

    # department --------------------------------------------------------------------------------------------

    def offer_department(self, priority: int, name: str, where: Where) -> None:
        name = name.strip("，。；：、 ")
        if len(name) < 2 or name.startswith(_GENERIC_SUBJECTS) or len(name) > 60:
            return
        self._department.append((priority, len(self._department), name, where))

    def department(self) -> str | None:
        if not self._department:
            return None
        _, _, name, where = min(self._department)
        self.department_source = Source(
            "$.department", where.line, where.start, where.end, self.draft.printed(where), where.context
        )
        return name


_GENERIC_SUBJECTS: Final = (
    "本部门",
    "本单位",
    "我部门",
    "我单位",
    "本局",
    "我局",
    "我办",
    "本办",
    "部门",
    "单位",
)


def _strip_name(name: str) -> str:
    return "".join(name.split()).replace("(", "（").replace(")", "）")


def match_name(name: str, entries: tuple[CatalogueEntry, ...]) -> str | None:
    """The code of the entry printed as ``name`` (exact, ±“支出”, or a unique prefix either way)."""
    wanted = _strip_name(name)
    if not wanted:
        return None
    variants = {wanted, wanted + "支出", wanted.removesuffix("支出")}
    exact = [e.code for e in entries if e.name in variants]
    if len(exact) == 1:
        return exact[0]
    base = wanted.removesuffix("支出")
    if len(base) < 2:
        return None
    loose = [
        e.code for e in entries if e.name.startswith(base) or base.startswith(e.name.removesuffix("支出"))
    ]
    return loose[0] if len(loose) == 1 else None


# --- changes ------------------------------------------------------------------------------------------------

_UP: Final = ("增加", "增长", "上升")
_CHANGE = re.compile(
    rf"(?P<dir>增加|增长|减少|下降|降低|上升)了?"
    rf"(?:(?P<amt>{_A})(?:，?(?:增长|下降|降低|上升|减少|增加)了?(?:幅度为|幅度)?(?P<rate>{_P}))?|(?P<rate_only>{_P}))"
)
_FLAT = re.compile(r"持平|无增减变化|没有变化|无变化")
_PRIOR_REF = re.compile(r"(?:与|比|较)(?:上年|去年|上一年|上年度|\d{4}年)|同比|同期")


def _direction(word: str) -> Direction:
    return Direction.INCREASE if word in _UP else Direction.DECREASE


def _put_change(r: Reader, s: Sentence, path: Path, m: Match[str]) -> None:
    """A change phrase ``减少19.37万元，下降2.17%`` (or ``增长7.3%``) at ``path`` (a StatedChange)."""
    direction = _direction(m.group("dir"))
    where = r.where(s, m.start("dir"), m.end("dir"))
    if not r.draft.put((*path, "direction"), direction, where):
        return
    r.put_amount((*path, "amount"), r.amount(s, m, "amt"))
    rate_group = "rate" if m.group("rate") is not None else "rate_only"
    r.put_percent((*path, "rate"), r.percent(s, m, rate_group))


def _put_flat(r: Reader, s: Sentence, path: Path, start: int, end: int) -> None:
    r.draft.put((*path, "direction"), Direction.FLAT, r.where(s, start, end))


# --- handlers ------------------------------------------------------------------------------------------------

#: The printed names of the revenue sources (收入 lines of §二 and of 收入支出决算总表).
SOURCE_NAMES: Final = {source.value: source for source in RevenueSource}
_REV_LINE = re.compile(
    rf"(?P<n>{'|'.join(sorted(SOURCE_NAMES, key=len, reverse=True))}){_IS}(?P<a>{_A})"
    rf"(?:，?占(?:本年收入合计|收入合计|总收入)?的?(?:比重|比例)?{_IS}(?P<p>{_P}))?"
)
_KIND_NAMES: Final = {kind.value: kind for kind in ExpenditureKind}
_EXP_LINE = re.compile(
    rf"(?<!拨款)(?P<n>{'|'.join(sorted(_KIND_NAMES, key=len, reverse=True))}){_IS}(?P<a>{_A})"
    rf"(?:，?占(?:本年支出合计|支出合计|总支出)?的?(?:比重|比例)?{_IS}(?P<p>{_P}))?"
)


# Any "…收入 X万元" clause: a source the model does not have (财政拨款收入, the three fiscal
# sources together) makes the list partial, and a partial list is not read (its sum would be
# checked against the total on part of it).
_ANY_SOURCE = re.compile(rf"(?P<n>[\u4e00-\u9fff]{{2,16}}收入)(?:合计)?{_IS}{_A}")
_NOT_SOURCES: Final = ("本年收入", "收入合计", "财政拨款收入总计", "本单位收入", "本部门收入")
# “本单位收入为X万元，其中：…” / “本部门支出为X万元。其中：基本支出…” in its own section (older
# reports): the year's revenue or spending total, with its breakdown in the same paragraph.
_UNIT_TOTAL = re.compile(rf"^(?:\d{{4}}年度?，?)?本(?:单位|部门)(?P<k>收入|支出)(?:决算)?为(?P<a>{_A})")


def _revenue(r: Reader, s: Sentence) -> None:
    if "收入" not in s.text:
        return
    fiscal = [(a, b) for a, b, _ in _fiscal_spans(s)]
    _unit_total(r, s, "收入", "revenue")
    if ("本年收入合计" not in s.text and s.section != "revenue") or _FI_REV_GRAND.search(s.text):
        # A sentence led by 财政拨款收入总计 lists the fiscal sources only: not the year's list.
        return
    unknown = [
        m
        for m in _ANY_SOURCE.finditer(s.text)
        if not m.group("n").endswith(_NOT_SOURCES)
        and not any(m.group("n").endswith(name) for name in SOURCE_NAMES)
        and not any(a <= m.start() < b for a, b in fiscal)
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
    _lines(r, s, _REV_LINE, SOURCE_NAMES, "revenue", "source")


def _unit_total(r: Reader, s: Sentence, kind: str, section: str) -> None:
    """“本单位收入为X…” at the start of a sentence of the 收入 (支出) section: 本年收入 (支出) 合计."""
    m = _UNIT_TOTAL.match(s.text)
    if m is not None and m.group("k") == kind and s.section == section:
        r.put_amount((section, "total"), r.amount(s, m, "a"))


def _expenditure(r: Reader, s: Sentence) -> None:
    if "支出" not in s.text:
        return
    _unit_total(r, s, "支出", "expenditure")
    if "本年支出合计" not in s.text and s.section != "expenditure":
        return
    _lines(r, s, _EXP_LINE, _KIND_NAMES, "expenditure", "kind")


def _lines(
    r: Reader, s: Sentence, pattern: re.Pattern[str], names: dict[str, Any], section: str, key: str
) -> None:
    """The "name amount，占 share" lines of §二 (by source) or §三 (by kind)."""
    for m in pattern.finditer(s.text):
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
_FI_OF_WHICH = re.compile(rf"{_IS}(?P<g>{_A})，?其中[：，]?本年")
# A sentence led by 财政拨款收入总计 lists the fiscal sources only (see _revenue).
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


def _fiscal(r: Reader, s: Sentence) -> None:
    if "财政拨款" not in s.text:
        return
    for _, _, m in _fiscal_spans(s):
        r.put_amount(("fiscal", "grand_total"), r.amount(s, m, "g"))


_GPB_DETAIL = re.compile(
    rf"一般公共预算(?:财政拨款)?支出(?P<rest>[^。；]{{0,40}}?)(?:支出)?决算(?:数)?(?:为|是)(?P<a>{_A})"
)
_BUDGET = re.compile(rf"(?:年初|调整后?|全年)?预算(?:数)?(?:为|是)(?P<b>{_A})")
_COMPLETION = re.compile(rf"，?完成(?:年初|调整后?|全年)?预算(?:数)?的?(?P<p>{_P})")
_GPB_TOTAL = re.compile(rf"一般公共预算财政拨款支出(?:决算)?(?:总计|合计|总额)?{_IS}(?P<a>{_A})")
_GPB_SHARE = re.compile(rf"，?占本年支出合计的?(?:比重|比例)?{_IS}(?P<p>{_P})")
_STRUCTURE = re.compile(r"主要用于(?:以下方面)?[：]?")
_STRUCTURE_OTHERWISE = re.compile(r"[，。；]?(?:其中|分别为|具体为|包括)[：，]?")
_CLASS_CLAUSE = re.compile(
    rf"(?:其中[：，]?)?(?P<n>[^\d；。：，]{{2,40}}?)(?P<mark>（类）|（(?P<code>\d{{3}})）)?(?P<tail>支出)?"
    rf"(?:决算)?{_IS}(?P<a>{_A})(?:，?占(?:比|比重)?{_IS}(?P<p>{_P}))?"
)


def _general_budget(r: Reader, s: Sentence) -> None:
    if "一般公共预算" not in s.text:
        if s.section == "general_budget" and s.subsection == "structure":
            # The list of 类 printed without its lead (“教育支出（类）9000万元，占88.24%；…”).
            _classes(r, s, 0)
        return
    detail = _GPB_DETAIL.search(s.text)
    total: Match[str] | None
    if detail is not None:
        budget = _BUDGET.search(s.text, detail.start("rest"), detail.end("rest"))
        completion = _COMPLETION.match(s.text, detail.end())
        # "…支出决算（数）为X" is the §五(三) total when it comes with its budget or completion
        # (or stands under the 具体情况 heading); otherwise it is the §五(一) total.
        if budget is not None or completion is not None or s.subsection == "detail":
            r.put_amount(("general_budget", "detail_total"), r.amount(s, detail, "a"))
            if budget is not None:
                r.put_amount(("general_budget", "detail_budget"), r.amount(s, budget, "b"))
            if completion is not None:
                r.put_percent(("general_budget", "detail_completion"), r.percent(s, completion, "p"))
            return
        total = detail
    else:
        total = _GPB_TOTAL.search(s.text)
    if total is None:
        return
    structure = _STRUCTURE.search(s.text, total.end())
    if structure is None and s.subsection == "structure":
        # Under the 结构 heading, “…支出X万元，其中：教育支出Y万元，占…” lists the 类 too.
        structure = _STRUCTURE_OTHERWISE.match(s.text, total.end())
    if structure is not None:
        r.put_amount(("general_budget", "structure_total"), r.amount(s, total, "a"))
        _classes(r, s, structure.end())
        return
    r.put_amount(("general_budget", "total"), r.amount(s, total, "a"))
    share = _GPB_SHARE.match(s.text, total.end())
    if share is not None:
        r.put_percent(("general_budget", "share"), r.percent(s, share, "p"))


def _clauses(text: str, start: int, end: int) -> Iterable[tuple[int, int]]:
    """Spans of the ``；``-separated clauses of ``text[start:end]`` (a final ``。`` excluded)."""
    position = start
    while position < end:
        stop = text.find("；", position, end)
        if stop < 0:
            stop = end
        clause_end = stop
        while clause_end > position and text[clause_end - 1] in "。，":
            clause_end -= 1
        if clause_end > position:
            yield position, clause_end
        position = stop + 1


def _classes(r: Reader, s: Sentence, start: int) -> None:
    for a, b in _clauses(s.text, start, len(s.text)):
        m = _CLASS_CLAUSE.match(s.text[:b], a)
        if m is None:
            continue
        name = m.group("n") + (m.group("tail") or "")
        code = m.group("code") or r.lookup(name, None)
        if code is None:
            r.reject(
                s,
                a,
                b,
                f"类 name {name!r} is not in the {r.year} catalogue",
                f"{r.year}年科目目录中没有类“{name}”",
            )
            continue
        found = r.amount(s, m, "a")
        if found is None:
            continue
        index = r.draft.item(
            ("general_budget", "classes"),
            code,
            {
                "code": (FunctionCode(code), found[2], None),
                "amount": (found[0], found[2], found[1]),
                "name": (name, found[2], None),
            },
        )
        if index is not None:
            r.put_percent(("general_budget", "classes", index, "share"), r.percent(s, m, "p"))


# 项 lines: “1.一般公共服务（201）政府办公厅（室）及相关机构事务（03）: 行政运行（01）支出决算为…；…”
_ENUMERATOR = re.compile(
    r"(?:\d{1,2}[.、]|（\d{1,2}）|（[一二三四五六七八九十]{1,3}）|[一二三四五六七八九十]{1,3}[、.])"
)
_CODE_HEADER = re.compile(
    r"(?P<cn>[^（）；。：]{1,30}?)（(?P<cc>\d{3})）(?P<sn>[^；。：]{1,40}?)（(?P<sc>\d{2})）[：]?"
)
_CODE_ITEM = re.compile(r"(?P<iname>[^；。：]{1,40}?)（(?P<ic>\d{2})）")
_FIGURE = re.compile(
    rf"[：。]?(?:(?:年初|调整后?|全年)?预算(?:数)?(?:为|是)(?P<b>{_A})，?)?(?:支出)?(?:决算(?:数)?)?{_IS}(?P<a>{_A})"
    rf"(?:，?完成(?:年初|调整后?|全年)?预算(?:数)?的?(?P<p>{_P}))?"
)
_MARKED = re.compile(
    r"(?P<cn>[^；。：]{1,30}?)（类）(?:(?P<sn>[^；。：]{0,40}?)（款）)?(?:(?P<in>[^；。：]{1,40}?)（项）)?"
)


#: The 具体情况 list of 一般公共预算财政拨款支出 items.
_ITEMS: Final = ("general_budget", "items")
_LONE = re.compile(r"（\d{2,3}）(?:支出)?决算")
_LONE_ITEM = re.compile(r"(?P<iname>[^（）；。：]{1,40}?)（(?P<ic>\d{3}|\d{2})）")


def _items(r: Reader, s: Sentence) -> None:
    if s.subsection == "structure":
        return  # a list of 类 with shares, read by _general_budget
    if "（类）" in s.text:
        _marked_item(r, s)
    elif s.has_code_pattern():
        _coded_items(r, s)
    elif _LONE.search(s.text) and _ENUMERATOR.match(s.text):
        _lone_items(r, s)
    else:
        _whole_code_item(r, s)


# “行政运行（2010801）：年初预算为…” or “2010802一般行政管理事务：…”: one item with its whole code.
_WHOLE_CODE_ITEM = re.compile(
    r"(?:(?P<n1>[^（）；。：\d]{1,40}?)（(?P<c1>\d{7}|\d{5})）"
    r"|(?P<c2>\d{7}|\d{5})(?P<n2>[\u4e00-\u9fff][^\d；。：（）]{0,39}?))"
)


_WHOLE_CODE_FIGURE = re.compile(_WHOLE_CODE_ITEM.pattern + _FIGURE.pattern)


def _whole_code_item(r: Reader, s: Sentence) -> None:
    text = s.text
    enumerator = _ENUMERATOR.match(text)
    body = enumerator.end() if enumerator else 0
    if _WHOLE_CODE_ITEM.match(text, body) is None:
        return
    m = _WHOLE_CODE_FIGURE.match(text, body)  # the name as short as the figure after it allows
    if m is None:
        if s.tokens:
            r.reject_item(s, body, len(text), "项 line not understood", "未能识别的项级科目说明")
        return
    code = m.group("c1") or m.group("c2")
    name = (m.group("n1") or m.group("n2") or "").strip("，、 ")
    _put_item(r, s, code, name, (), m)


def _lone_items(r: Reader, s: Sentence) -> None:
    """“1.外交支出（202）支出决算为…；外交管理事务（01）支出决算为…”: 类 or 款 lines printed alone.

    A 款 printed with only its own two digits is identified when exactly one 款 of the catalogue
    has that name and ends in those digits; otherwise the clause is reported unread."""
    text = s.text
    start = _ENUMERATOR.match(text)
    assert start is not None
    for a, b in _clauses(text, start.end(), len(text)):
        item = _LONE_ITEM.match(text[:b], a)
        figure = _FIGURE.match(text[:b], item.end()) if item is not None else None
        if item is None or figure is None:
            r.reject_item(s, a, b, "类/款 line not understood", "未能识别的类/款级科目说明")
            continue
        name, digits = item.group("iname"), item.group("ic")
        code = digits if len(digits) == 3 else _section_by_name(r, name, digits)
        if code is None:
            r.reject_item(
                s,
                a,
                b,
                f"款 {name}（{digits}） has no unique code",
                f"无法唯一确定款“{name}（{digits}）”的编码",
            )
            continue
        _put_item(r, s, code, name, (), figure)


def _section_by_name(r: Reader, name: str, digits: str) -> str | None:
    catalogue = r.catalogue()
    if catalogue is None:
        return None
    wanted = _strip_name(name)
    found = [e.code for e in catalogue if len(e.code) == 5 and e.code.endswith(digits) and e.name == wanted]
    return found[0] if len(found) == 1 else None


def _put_item(r: Reader, s: Sentence, code: str, name: str, parents: tuple[str, ...], m: Match[str]) -> None:
    try:
        function_code = FunctionCode(code)
    except InvalidValue:  # pragma: no cover - the patterns only build 3/5/7 digits
        return
    found = r.amount(s, m, "a")
    if found is None:
        return
    required: dict[str, tuple[object, Where, Unit | None]] = {
        "code": (function_code, found[2], None),
        "amount": (found[0], found[2], found[1]),
        "name": (name, found[2], None),
    }
    if parents:
        required["parent_names"] = (parents, found[2], None)
    index = r.draft.item(_ITEMS, code, required)
    if index is None:
        r.draft.partial(_ITEMS)
        return
    r.put_amount((*_ITEMS, index, "budget"), r.amount(s, m, "b"))
    r.put_percent((*_ITEMS, index, "completion"), r.percent(s, m, "p"))


def _coded_items(r: Reader, s: Sentence) -> None:
    text = s.text
    enumerator = _ENUMERATOR.match(text)
    body = enumerator.end() if enumerator else 0
    header = _CODE_HEADER.match(text, body)
    if header is None:
        return
    class_name, section_name = header.group("cn"), header.group("sn")
    section_code = header.group("cc") + header.group("sc")
    rest = header.end()
    figure = _FIGURE.match(text, rest)
    if figure is not None and _CODE_ITEM.match(text, rest) is None:  # a 款 line: “…（03）支出决算为…”
        _put_item(r, s, section_code, section_name, (class_name,), figure)
        return
    for a, b in _clauses(text, rest, len(text)):
        item = _CODE_ITEM.match(text[:b], a)
        figure = _FIGURE.match(text[:b], item.end()) if item is not None else None
        if item is None or figure is None:
            r.reject_item(s, a, b, "项 line not understood", "未能识别的项级科目说明")
            continue
        code = section_code + item.group("ic")
        _put_item(r, s, code, item.group("iname"), (class_name, section_name), figure)


def _marked_item(r: Reader, s: Sentence) -> None:
    text = s.text
    enumerator = _ENUMERATOR.match(text)
    body = enumerator.end() if enumerator else 0
    m = _MARKED.match(text, body)
    if m is None:
        return
    class_name, section_name, item_name = m.group("cn"), m.group("sn"), m.group("in")
    figure = _FIGURE.match(text, m.end())
    if figure is None:
        if s.tokens:
            r.reject_item(
                s,
                m.end(),
                len(text),
                "类/款/项 line without a recognised figure",
                "类/款/项说明中的数字未能识别",
            )
        return
    names = [name for name in (class_name, section_name, item_name) if name]
    codes: list[tuple[str, str]] = []
    for name in names:  # each printed level is looked up under the one found before it
        code = r.lookup(name, codes[-1][0] if codes else None)
        if code is None:
            break
        codes.append((code, name))
    if len(codes) < len(names):
        printed = "/".join(names)
        r.reject_item(
            s,
            body,
            len(text),
            f"{printed} is not in the {r.year} catalogue",
            f"{r.year}年科目目录中找不到“{printed}”",
        )
        return
    code, name = codes[-1]
    parents = tuple(n for _, n in codes[:-1])
    _put_item(r, s, code, name, parents, figure)


# 三公: each figure belongs to the nearest subject before it; its role comes from the words before it.
_TP_SUBJECT = re.compile(
    r"(?P<domestic_reception>国内公务接待)|(?P<foreign_reception>外事接待)|(?P<reception>公务接待)"
    r"|(?P<vehicles>公务用车购置(?:及|和)运行)|(?P<vehicle_purchase>公务用车购置)"
    r"|(?P<vehicle_operation>公务用车运行)|(?P<outbound>因公出国)|(?P<total>三公[”\"’']?经费)"
)
_TP_EVENT = re.compile(
    rf"(?P<subject>国内公务接待|外事接待|公务接待|公务用车购置(?:及|和)运行|公务用车购置|公务用车运行|因公出国|三公[”\"’']?经费)"
    rf"|(?P<groups>团组(?:共计?)?(?P<ng>\d+)(?:次|个))"
    rf"|(?P<outpeople>(?:出国（境）|累计出国（境）)(?P<no>\d+)人(?:次)?)"
    rf"|(?P<batches>(?<![\d.])(?P<nb>\d+)批次)"
    rf"|(?P<people>(?<![\d.])(?P<np>\d+)人次)"
    rf"|(?P<bought>购置(?:公务用车)?(?P<nv>\d+)辆)"
    rf"|(?P<held>保有量{_IS}(?P<nh>\d+)辆)"
    rf"|(?P<amount>(?<![\d.]){_A})|(?P<percent>(?<![\d.]){_P})"
    rf"|(?P<flat>持平|无增减变化|没有变化|无变化)"
)
_TP_KEYS: Final = {
    "国内公务接待": "domestic_reception",
    "外事接待": "foreign_reception",
    "公务接待": "reception",
    "公务用车购置": "vehicle_purchase",
    "公务用车运行": "vehicle_operation",
    "因公出国": "outbound",
}
_RATE_LEAD = re.compile(r"(?:增长|下降|降低|上升|减少|增加)了?(?:幅度为|幅度)?$")
_AMOUNT_LEAD = re.compile(r"(?P<dir>增加|增长|减少|下降|降低|上升)了?$")


def _tp_key(subject: str) -> str:
    if subject.startswith("公务用车购置") and subject != "公务用车购置":
        return "vehicles"
    if subject.startswith("三公"):
        return "total"
    return _TP_KEYS[subject]


def _three_public(r: Reader, s: Sentence) -> None:
    text = s.text
    if _TP_SUBJECT.search(text) is None and "公务用车" not in text and "团组" not in text:
        return
    current: str | None = None
    last = 0
    pending: Path | None = None  # the change a following rate belongs to
    for m in _TP_EVENT.finditer(text):
        lead = text[last : m.start()]
        kind = m.lastgroup
        if m.group("subject") is not None:
            current = _tp_key(m.group("subject"))
            pending = None
            last = m.end()
            continue
        if current is None:
            if m.group("groups") or m.group("outpeople") or m.group("bought") or m.group("held"):
                _tp_count(r, s, m, "outbound" if m.group("groups") or m.group("outpeople") else "vehicles")
            last = m.end()
            continue
        base: Path = ("three_public", current)
        if m.group("amount") is not None:
            direction = _AMOUNT_LEAD.search(lead)
            if direction is not None:
                target = "versus_budget" if "预算" in lead else "change"
                path = (*base, target)
                if r.draft.put(
                    (*path, "direction"), _direction(direction.group("dir")), r.where(s, m.start(), m.end())
                ):
                    r.put_amount((*path, "amount"), r.amount(s, m, "amount"))
                    pending = path
            elif lead.rfind("预算") > lead.rfind("决算"):
                r.put_amount((*base, "budget"), r.amount(s, m, "amount"))
                pending = None
            else:
                r.put_amount((*base, "actual"), r.amount(s, m, "amount"))
                pending = None
        elif m.group("percent") is not None:
            rate = _RATE_LEAD.search(lead)
            if rate is not None:
                if pending is None:
                    target = "versus_budget" if "预算" in lead else "change"
                    word = rate.group().rstrip("了幅度为")
                    path = (*base, target)
                    if r.draft.put(
                        (*path, "direction"), _direction(word[:2]), r.where(s, m.start(), m.end())
                    ):
                        pending = path
                if pending is not None:
                    r.put_percent((*pending, "rate"), r.percent(s, m, "percent"))
                pending = None
            elif "完成" in lead and "预算" in lead:
                r.put_percent((*base, "completion"), r.percent(s, m, "percent"))
        elif m.group("flat") is not None:
            target = "versus_budget" if "预算" in lead else "change"
            if _PRIOR_REF.search(lead) or "预算" in lead or "与" in lead:
                _put_flat(r, s, (*base, target), m.start(), m.end())
        elif kind is not None:
            _tp_count(r, s, m, current)
        last = m.end()


def _tp_count(r: Reader, s: Sentence, m: Match[str], current: str) -> None:
    fields = {
        "groups": ("ng", {"outbound": "outbound_groups"}),
        "outpeople": ("no", {"outbound": "outbound_people"}),
        "batches": ("nb", {"domestic_reception": "domestic_batches", "foreign_reception": "foreign_batches"}),
        "people": (
            "np",
            {
                "domestic_reception": "domestic_people",
                "foreign_reception": "foreign_people",
                "outbound": "outbound_people",
            },
        ),
        "bought": ("nv", {"vehicles": "vehicles_purchased", "vehicle_purchase": "vehicles_purchased"}),
        "held": (
            "nh",
            {
                "vehicles": "vehicles_held",
                "vehicle_operation": "vehicles_held",
                "vehicle_purchase": "vehicles_held",
            },
        ),
    }
    intrinsic = {"groups": "outbound", "outpeople": "outbound", "bought": "vehicles", "held": "vehicles"}
    for name, (group, by_subject) in fields.items():
        if m.group(name) is None:
            continue
        subject = intrinsic.get(name, current)
        if subject in by_subject:
            r.put_count(("three_public", by_subject[subject]), r.count(s, m, group))
        return


_DEPT_LEAD = re.compile(
    r"^\d{4}年度?，?(?P<d>[^，。；：\d“”\"]{2,40}?)(?:机关运行经费|政府采购支出|[“\"]?三公[”\"]?经费)"
)


_AS_OF = re.compile(r"截至(?P<d>\d{4}年\d{1,2}月\d{1,2}日)")
# “共有车辆N辆，其中：一般公务用车N辆、…”: the holdings and, in the 其中 list after them, the
# categories.  A 用车 count elsewhere (“购置公务用车1辆”, “预算安排购置车辆0辆”) is no holding.
_VEHICLES_TOTAL = re.compile(r"(?:(?:共有|拥有|现有|实有)车辆(?:共)?|车辆(?:共|总数为?|合计))(?P<n>\d+)辆")
_VEHICLE_CATEGORY = re.compile(r"(?P<c>[^\d，。；：、（）]{1,20}?用车)(?P<n>\d+)辆")
_OF_WHICH = re.compile(r"[，,]?其中[：，]?")
_EQUIPMENT = re.compile(
    r"单价(?P<t>\d+(?:\.\d+)?万元)以上(?:的)?(?P<k>通用设备|专用设备)(?:共)?(?P<n>\d+)(?:台（套）|台|套|件)"
)


def _assets(r: Reader, s: Sentence) -> None:
    text = s.text
    if "车辆" not in text and "设备" not in text:
        return
    as_of = _AS_OF.search(text)
    touched = False
    for m in _VEHICLES_TOTAL.finditer(text):
        touched |= r.put_count(("assets", "vehicles_total"), r.count(s, m, "n"))
        of_which = _OF_WHICH.match(text, m.end())
        if of_which is not None:
            end = text.find("；", of_which.end())
            touched |= _vehicle_categories(r, s, of_which.end(), len(text) if end < 0 else end)
    for m in _EQUIPMENT.finditer(text):
        s.use(*m.span("t"))
        field = "general_equipment" if m.group("k") == "通用设备" else "special_equipment"
        touched |= r.put_count(("assets", field), r.count(s, m, "n"))
    if as_of is not None and touched:
        r.draft.put(("assets", "as_of"), as_of.group("d"), r.where(s, *as_of.span("d")))


def _vehicle_categories(r: Reader, s: Sentence, start: int, end: int) -> bool:
    touched = False
    for m in _VEHICLE_CATEGORY.finditer(s.text, start, end):
        found = r.count(s, m, "n")
        category = m.group("c").strip("：，")
        if found is None or not category:
            continue
        r.draft.item(
            ("assets", "vehicles"),
            category,
            {"category": (category, found[1], None), "count": (found[0], found[1], None)},
        )
        touched = True
    return touched


_PF_COUNT = re.compile(
    r"(?<![\d.])(?P<n>\d+)个(?:项目|一级项目|二级项目)[^，。；\d]{0,10}?(?P<k>事前绩效评估|绩效目标|绩效(?:运行)?监控|绩效自评)"
)
_PF_FIELDS: Final = {
    "事前绩效评估": "projects_assessed",
    "绩效目标": "projects_with_targets",
    "绩效监控": "projects_monitored",
    "绩效运行监控": "projects_monitored",
    "绩效自评": "projects_self_evaluated",
}
_CLAIMS: Final = (
    (re.compile(r"预算(?:能够|已)?全部(?:执行)?完成"), "claims_fully_executed"),
    (re.compile(r"资金无结余|无资金结余"), "claims_no_balance"),
    (re.compile(r"预算无(?:动态)?调整|无预算调整"), "claims_no_adjustment"),
)
_RATING = re.compile(
    r"绩效评价结果(?:为)?(?P<r>优秀|良好|优|良|中|差|合格)|自评(?:等级|结果)(?:为|：)?(?P<g>优秀|良好|优|良|中|差)"
)


def _performance(r: Reader, s: Sentence) -> None:
    text = s.text
    if "绩效" not in text and "预算" not in text and "资金" not in text:
        return
    for m in _PF_COUNT.finditer(text):
        r.put_count(("performance", _PF_FIELDS[m.group("k")]), r.count(s, m, "n"))
    for pattern, field in _CLAIMS:
        claim = pattern.search(text)
        if claim is not None:
            r.draft.put(("performance", field), True, r.where(s, claim.start(), claim.end()))
    rating = _RATING.search(text)
    if rating is not None:
        group = "r" if rating.group("r") is not None else "g"
        r.draft.put(("performance", "overall_rating"), rating.group(group), r.where(s, *rating.span(group)))


_YOY_SUBJECTS: Final = (
    (re.compile(r"财政拨款(?:收、支|收支|收入、?支出)(?:决算)?总计"), "fiscal"),
    (
        re.compile(r"(?<!拨款)(?:收、支总计|收支总计|收入、?支出总计|收入支出总体|收支总体|收、支总体)"),
        "overview",
    ),
    # “收入总计X，支出总计X，同比增加…”: the grand totals printed apart (the fiscal ones when the
    # sentence opened with 财政拨款收入总计).
    (re.compile(r"财政拨款收入总计[^。；]{0,30}?(?<!拨款)支出总计"), "fiscal"),
    (re.compile(r"(?<!预算)财政拨款(?:收入|支出)总计"), "fiscal"),
    (re.compile(r"(?<!拨款)收入总计[^。；]{0,30}?(?<!拨款)支出总计"), "overview"),
    # Each printed with its own change: “收入总计X，比上年增加…；支出总计X，比上年增加…”.
    (re.compile(r"(?<!拨款)(?<!拨款收入、)(?:收入|支出)总计"), "overview"),
    (re.compile(r"本年收入合计"), "revenue"),
    (re.compile(r"本年支出合计"), "expenditure"),
    (re.compile(r"一般公共预算财政拨款支出"), "general_budget"),
    (re.compile(r"政府性基金预算(?:财政拨款)?支出"), "government_fund"),
    (re.compile(r"国有资本经营预算(?:财政拨款)?支出"), "state_capital"),
    (re.compile(r"机关运行经费"), "operating_costs"),
)


def _year_on_year(r: Reader, s: Sentence) -> None:
    text = s.text
    if _TP_SUBJECT.search(text) is not None:
        return
    if not any(word in text for word in ("增", "减", "下降", "降低", "上升", "持平", "变化")):
        return
    subjects: list[tuple[int, int, str]] = []
    for pattern, key in _YOY_SUBJECTS:
        # "占本年支出合计的…" names the base of a share, not what changed.
        subjects.extend(
            (m.start(), m.end(), key)
            for m in pattern.finditer(text)
            if "占" not in text[max(0, m.start() - 2) : m.start()]
        )
    if not subjects:
        return
    # A subject inside a longer one (支出总计 of “财政拨款收入总计X，支出总计X”) is that one's.
    subjects = [
        a
        for a in subjects
        if not any(
            b is not a and b[0] <= a[0] and a[1] <= b[1] and b[1] - b[0] > a[1] - a[0] for b in subjects
        )
    ]
    subjects.sort()
    changed: set[str] = set()
    previous_end = 0  # where the change before this one ended: its words are not this one's lead
    for m in _CHANGE.finditer(text):
        subject = _nearest(subjects, m.start())
        lead_start, previous_end = previous_end, m.end()
        if subject is None or not _PRIOR_REF.search(text, 0, m.start()):
            continue
        if _PAIRED.match(text, m.end()):
            # “各下降23.51%、38.28%”: one figure for 收 and one for 支; which is the model's one
            # change is not known, so neither is taken.
            continue
        lead = text[max(subject[1], lead_start) : m.start()]
        if "预算" in lead:
            continue
        _put_change(r, s, (subject[2], "change"), m)
        changed.add(subject[2])
    for m in _FLAT.finditer(text):
        subject = _nearest(subjects, m.start())
        if subject is None or subject[2] in changed or not _PRIOR_REF.search(text, 0, m.end()):
            continue
        if "预算" in text[subject[1] : m.start()]:
            continue
        _put_flat(r, s, (subject[2], "change"), m.start(), m.end())


_PAIRED = re.compile(rf"[、，,](?:{_A}|{_P}|{_N}(?!\d))")


def _nearest(subjects: list[tuple[int, int, str]], position: int) -> tuple[int, int, str] | None:
    found = None
    for subject in subjects:
        if subject[1] <= position:
            found = subject
    return found


_HANDLERS: Final = (
    read_labelled,
    _fiscal,
    _revenue,
    _expenditure,
    _general_budget,
    _items,
    _three_public,
    _assets,
    _performance,
    _year_on_year,
)


# --- paragraphs: staffing, names, years ------------------------------------------------------------------------

_UNIT_HEAD = re.compile(
    r"(?P<name>[^，。；：\d（）“”]{2,30}?)(?:内设机构|下设|现有编制|核定编制|(?:共)?(?:有|设|核定)(?=[^，。；]{0,8}编制))"
)
_AUTHORIZED = re.compile(rf"(?P<c>[^，。；：\d、（）]{{0,12}}?)编制(?:数)?{_IS}(?P<n>\d+)(?:个|名|人)")
_VERBS: Final = ("内设机构", "共设", "核定", "共有", "现有", "设有", "其中", "设", "有", "共")
_ACTUAL = re.compile(r"实有(?P<w>[^，。；\d]{0,6}?)(?P<n>\d+)(?:人|名)")
_CATEGORY = re.compile(r"(?P<c>[^\d，。；：、]{1,10}?)(?P<n>\d+)(?:名|人)$")
_RETIRED = re.compile(
    r"(?<![\d.])(?P<n>\d+)名(?:离)?退休人员|(?<!在职)(?:离)?退休(?:人员)?(?P<m>\d+)(?:名|人)"
)
_TOTAL_ACTUAL = re.compile(r"实有在职人员(?P<n>\d+)(?:名|人)|在职人员(?P<m>\d+)(?:名|人)")
_TOTAL_RETIRED = re.compile(r"(?<!名)退休人员(?P<n>\d+)(?:名|人)")
_TITLE = re.compile(
    r"^(?P<d>[^，。；：\d“”]{2,40}?)(?P<y>\d{4})年度?(?:部门|单位)?(?:决算|整体绩效评价报告|整体支出绩效|部门整体绩效)"
)


def _segments(text: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for index, char in enumerate(text):
        if char in "。；":
            if index > start:
                spans.append((start, index))
            start = index + 1
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _para_sentence(p: Paragraph) -> Sentence:
    return Sentence(p, 0, p.text)


def _staffing(r: Reader, p: Paragraph) -> None:
    text = p.text
    if ("编制" not in text and "实有" not in text and "在职" not in text) or len(text) > 3000:
        return
    s = _para_sentence(p)
    units: list[tuple[str, int, list[tuple[int, int]]]] = []
    if p.part in ("profile", "unknown"):
        for a, b in _segments(text):
            head = _UNIT_HEAD.match(text, a, b)
            if head is not None and not head.group("name").startswith(_GENERIC_SUBJECTS):
                units.append((head.group("name"), a, [(a, b)]))
            elif units:
                units[-1][2].append((a, b))
    if not units:
        _staff_totals(r, s)
        return
    for name, start, spans in units:
        _unit(r, s, name, start, spans)


def _unit(r: Reader, s: Sentence, name: str, start: int, spans: list[tuple[int, int]]) -> None:
    text = s.text
    authorized: tuple[int, Where] | None = None
    categories: list[tuple[str, int, Where]] = []
    actual: tuple[int, Where] | None = None
    actual_categories: list[tuple[str, int, Where]] = []
    retired: tuple[int, Where] | None = None
    for a, b in spans:
        for m in _AUTHORIZED.finditer(text, a, b):
            found = r.count(s, m, "n")
            if found is None:
                continue
            label = m.group("c")
            for verb in _VERBS:
                index = label.rfind(verb)
                if index >= 0:
                    label = label[index + len(verb) :]
            label = label.strip("，：、")
            if not label:
                authorized = authorized or found
            else:
                categories.append((label + "编制", *found))
        for m in _ACTUAL.finditer(text, a, b):
            actual = actual or r.count(s, m, "n")
            tail = text[m.end() : b]
            if tail.startswith(("，其中", "，其中：", "其中")):
                offset = m.end() + tail.find("其中") + 2
                for c_start, c_end in _comma_spans(text, offset, b):
                    item = _CATEGORY.match(text[:c_end], c_start)
                    if item is not None and "退休" not in item.group("c"):
                        count = r.count(s, item, "n")
                        if count is not None:
                            actual_categories.append((item.group("c").strip("：，"), *count))
        for m in _RETIRED.finditer(text, a, b):
            group = "n" if m.group("n") is not None else "m"
            retired = retired or r.count(s, m, group)
    if authorized is None and len(categories) == 1:
        authorized = (categories[0][1], categories[0][2])
    if authorized is None and actual is None:
        return
    where = r.where(s, start, start + len(name))
    index = r.draft.item(("staffing", "units"), name, {"name": (name, where, None)})
    if index is None:
        return
    base: Path = ("staffing", "units", index)
    r.put_count((*base, "authorized"), authorized)
    r.put_count((*base, "actual"), actual)
    r.put_count((*base, "retired"), retired)
    for field, found_categories in (
        ("authorized_by_category", categories),
        ("actual_by_category", actual_categories),
    ):
        for label, number, at in found_categories:
            r.draft.item((*base, field), label, {"category": (label, at, None), "count": (number, at, None)})


def _comma_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    position = start
    while position < end:
        stop = min(
            (i for i in (text.find("，", position, end), text.find("、", position, end)) if i >= 0),
            default=end,
        )
        if stop > position:
            spans.append((position, stop))
        position = stop + 1
    return spans


def _staff_totals(r: Reader, s: Sentence) -> None:
    if s.part == "profile" and not s.text.startswith(_GENERIC_SUBJECTS):
        return
    for m in _TOTAL_ACTUAL.finditer(s.text):
        group = "n" if m.group("n") is not None else "m"
        r.put_count(("staffing", "total_actual"), r.count(s, m, group))
    if _TOTAL_ACTUAL.search(s.text):
        for m in _TOTAL_RETIRED.finditer(s.text):
            r.put_count(("staffing", "total_retired"), r.count(s, m, "n"))


def _names(r: Reader, p: Paragraph) -> None:
    text = p.text
    if len(text) <= 80:
        title = _TITLE.match(text)
        if title is not None:
            s = _para_sentence(p)
            r.offer_department(1, title.group("d"), r.where(s, *title.span("d")))


def _department_lead(r: Reader, s: Sentence) -> None:
    m = _DEPT_LEAD.match(s.text)
    if m is not None:
        r.offer_department(2, m.group("d"), r.where(s, *m.span("d")))


# --- the prose pass ----------------------------------------------------------------------------------------------

_SKIP_PARTS: Final = ("glossary", "tables")
_DIGIT = re.compile(r"\d")
_WORDS: Final = ("持平", "变化", "绩效", "结余", "调整", "完成", "（类）")


def read_prose(r: Reader) -> None:
    """Run every handler over every sentence of the prose paragraphs; report what stays unread."""
    lines = [line for line in r.document.lines if line.kind == "prose"]
    for paragraph in r.document.paragraphs(lines):
        _names(r, paragraph)
        if paragraph.part in _SKIP_PARTS:
            continue
        _staffing(r, paragraph)
        for sentence in paragraph.sentences():
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
            _department_lead(r, sentence)
            _leftover(r, sentence, "no pattern for this figure", "没有识别此数字的句式")


def _leftover(r: Reader, s: Sentence, reason: str, reason_zh: str) -> None:
    tokens = s.leftover()
    if tokens:
        where = r.where(s, tokens[0].start, tokens[-1].end)
        where.context = s.text
        r.draft.reject(where, reason, reason_zh, [t.text for t in tokens])
        s.rejected.update(i for i, t in enumerate(s.tokens) if t in tokens)
    elif not s.tokens and s.has_code_pattern():
        r.draft.reject(
            r.whole(s), "classification line without a figure", "类/款/项说明中没有可识别的数字", ()
        )
