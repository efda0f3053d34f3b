"""§五 一般公共预算财政拨款支出: the totals, the 类 list (structure) and the 类/款/项 lines (detail)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from budgetacct.codes import FunctionCode
from budgetacct.errors import InvalidValue
from budgetacct.money import Unit
from budgetacct.paths import Path
from budgetacct.reader.changes import direction_of
from budgetacct.reader.draft import Where
from budgetacct.reader.normalize import Sentence
from budgetacct.reader.reading import AMOUNT, COPULA, ITEMS, PERCENT, Reader, strip_name
from budgetacct.reader.versus_budget import note_item

if TYPE_CHECKING:  # pragma: no cover
    from re import Match

__all__ = ["figures_of_item", "item_heading", "read_expenditure_classes", "read_general_budget", "read_items"]

#: The budget a figure is set against, as the items name it: 预算数, 年初预算, 调整后预算, 全年预算数.
_BUDGETED = r"(?:年初|调整后?|全年)?预算(?:数)?"
_GPB_DETAIL = re.compile(
    rf"一般公共预算(?:财政拨款)?支出(?P<rest>[^。；]{{0,40}}?)(?:支出)?决算(?:数)?(?:为|是)(?P<a>{AMOUNT})"
)
_BUDGET = re.compile(rf"{_BUDGETED}(?:为|是)(?P<b>{AMOUNT})")
_COMPLETION = re.compile(rf"，?完成{_BUDGETED}的?(?P<p>{PERCENT})")
_GPB_TOTAL = re.compile(rf"一般公共预算财政拨款支出(?:决算)?(?:总计|合计|总额)?{COPULA}(?P<a>{AMOUNT})")
_GPB_SHARE = re.compile(rf"，?占本年支出合计的?(?:比重|比例)?{COPULA}(?P<p>{PERCENT})")
_STRUCTURE = re.compile(r"主要用于(?:以下方面)?[：]?")
_STRUCTURE_OTHERWISE = re.compile(r"[，。；]?(?:其中|分别为|具体为|包括)[：，]?")
_CLASS_CLAUSE = re.compile(
    rf"(?:其中[：，]?)?(?P<n>[^\d；。：，]{{2,40}}?)(?P<mark>（类）|（(?P<code>\d{{3}})）)?(?P<tail>支出)?"
    rf"(?:决算)?{COPULA}(?P<a>{AMOUNT})"
    rf"(?:，?占(?:比|比重|(?:总支出|支出总额|本年支出合计)的?(?:比重|比例)?)?{COPULA}(?P<p>{PERCENT}))?"
)
#: “按照支出功能科目划分，教育支出X万元，占总支出的Y%；…” (西南大学 2023年度部门决算, 支出决算表说明):
#: the year's spending by 类, the 支出 side of 收入支出决算总表.
_BY_FUNCTION = re.compile(r"按(?:照)?支出功能(?:科目|分类)?(?:划分)?[，：]")


def read_general_budget(r: Reader, s: Sentence) -> None:
    if "一般公共预算" not in s.text:
        if s.section == "general_budget" and s.subsection == "structure":
            # The list of 类 printed without its lead (“教育支出（类）9000万元，占88.24%；…”), or
            # after a lead that does not name the fund (“财政拨款支出200万元，主要用于以下方面：…”,
            # whose total is left to the other readers: 财政拨款 may hold other funds).
            lead = _STRUCTURE.search(s.text)
            _classes(r, s, 0 if lead is None else lead.end())
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


def read_expenditure_classes(r: Reader, s: Sentence) -> None:
    """The year's spending by 类 (``Expenditure.classes``), led by “按支出功能分类”."""
    if s.section != "expenditure":
        return
    lead = _BY_FUNCTION.match(s.text)
    if lead is not None:
        _classes(r, s, lead.end(), ("expenditure", "classes"))


def _classes(
    r: Reader, s: Sentence, start: int, path: tuple[str, str] = ("general_budget", "classes")
) -> None:
    for a, b in _clauses(s.text, start, len(s.text)):
        m = _CLASS_CLAUSE.match(s.text[:b], a)
        if m is None:
            continue
        name = m.group("n") + (m.group("tail") or "")
        code = m.group("code") or r.lookup(name, None)
        if code is None:
            en, zh = r.catalogue_named()
            r.reject(s, a, b, f"类 name {name!r} is not in {en}", f"{zh}中没有类“{name}”")
            continue
        found = r.amount(s, m, "a")
        if found is None:
            continue
        index = r.draft.item(
            path,
            code,
            {
                "code": (FunctionCode(code), found[2], None),
                "amount": (found[0], found[2], found[1]),
                "name": (name, found[2], None),
            },
        )
        if index is not None:
            r.put_percent((*path, index, "share"), r.percent(s, m, "p"))


# 项 lines: “1.一般公共服务（201）政府办公厅（室）及相关机构事务（03）: 行政运行（01）支出决算为…；…”
_ENUMERATOR = re.compile(
    r"(?:\d{1,2}[.、]|（\d{1,2}）|（[一二三四五六七八九十]{1,3}）|[一二三四五六七八九十]{1,3}[、.])"
)
_CODE_HEADER = re.compile(
    r"(?P<cn>[^（）；。：]{1,30}?)（(?P<cc>\d{3})）(?P<sn>[^；。：]{1,40}?)（(?P<sc>\d{2})）[：]?"
)
_CODE_ITEM = re.compile(r"(?P<iname>[^；。：]{1,40}?)（(?P<ic>\d{2})）")
_FIGURE = re.compile(
    rf"[：。]?(?:{_BUDGETED}(?:为|是)(?P<b>{AMOUNT})，?)?(?:支出)?(?:决算(?:数)?)?{COPULA}(?P<a>{AMOUNT})"
    rf"(?:，?完成{_BUDGETED}的?(?P<p>{PERCENT}))?"
)
_MARKED = re.compile(
    r"(?P<cn>[^；。：]{1,30}?)（类）(?:(?P<sn>[^；。：]{0,40}?)（款）)?(?:(?P<in>[^；。：]{1,40}?)（项）)?"
)


_LONE = re.compile(r"（\d{2,3}）(?:支出)?决算")
_LONE_ITEM = re.compile(r"(?P<iname>[^（）；。：]{1,40}?)（(?P<ic>\d{3}|\d{2})）")


# The figures of an item printed apart from its heading: “1、一般公共服务支出（类）财政事务（款）
# 行政运行（项）。主要用于：…。” then “年初预算为1560.05万元，支出决算为1511.89万元。”
_FIGURES_ONLY = re.compile(rf"(?:{_BUDGETED}|支出决算|决算数)(?:为|是)")


def _body(text: str) -> int:
    """Where an item line's words begin: after its enumerator (“1.”, “（二）”, “三、”), if any."""
    enumerator = _ENUMERATOR.match(text)
    return enumerator.end() if enumerator else 0


def item_heading(s: Sentence) -> str | None:
    """The heading of a 类/款/项 item printed without its figures (enumerator and names up to the
    last mark), or ``None``."""
    if s.tokens:
        return None
    body = _body(s.text)
    marked = _MARKED.match(s.text, body) if "（类）" in s.text else None
    if marked is not None and (marked.group("in") or marked.group("sn")):
        return s.text[: marked.end()]
    return None


def figures_of_item(s: Sentence) -> bool:
    """Whether the sentence is an item's figures printed without their heading."""
    return bool(s.tokens) and _FIGURES_ONLY.match(s.text) is not None


def read_items(r: Reader, s: Sentence) -> None:
    if s.subsection == "structure":
        return  # a list of 类 with shares, read by read_general_budget
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
# “小学教育（2050202），2023年度决算数为7,970.38万元，比2022年度决算数增长0.39%” (西南大学 2023年度
# 部门决算, 财政拨款支出决算表说明): the year's 决算数 and its change against last year's.
_YEAR_FIGURE = re.compile(
    _WHOLE_CODE_ITEM.pattern
    + rf"[，：]?\d{{4}}年度?(?:支出)?决算数?{COPULA}(?P<a>{AMOUNT})"
    + rf"(?:，?(?:比|较)\d{{4}}年度?(?:决算数?)?(?P<dir>增长|增加|减少|下降|降低|上升)(?P<rate>{PERCENT}))?"
)


def _whole_code_item(r: Reader, s: Sentence) -> None:
    text = s.text
    body = _body(text)
    if _WHOLE_CODE_ITEM.match(text, body) is None:
        return
    m = _WHOLE_CODE_FIGURE.match(text, body)  # the name as short as the figure after it allows
    if m is None:
        m = _YEAR_FIGURE.match(text, body)
    if m is None:
        if s.tokens:
            r.reject_item(s, body, len(text), "项 line not understood", "未能识别的项级科目说明")
        return
    code = m.group("c1") or m.group("c2")
    name = (m.group("n1") or m.group("n2") or "").strip("，、 ")
    # Under a 财政拨款支出决算表说明 the items are every fiscal fund's, not the 一般公共预算's only.
    items = ("fiscal", "items") if s.section == "fiscal_spending" else ITEMS
    _put_item(r, s, code, name, (), m, items)


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
    wanted = strip_name(name)
    found = [e.code for e in catalogue if len(e.code) == 5 and e.code.endswith(digits) and e.name == wanted]
    return found[0] if len(found) == 1 else None


def _put_item(
    r: Reader, s: Sentence, code: str, name: str, parents: tuple[str, ...], m: Match[str], items: Path = ITEMS
) -> None:
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
    index = r.draft.item(items, code, required)
    if index is None:
        r.draft.partial(items)
        return
    groups = m.re.groupindex
    if "b" in groups:
        r.put_amount((*items, index, "budget"), r.amount(s, m, "b"))
        r.put_percent((*items, index, "completion"), r.percent(s, m, "p"))
    if "dir" in groups and m.group("dir") is not None:
        change: Path = (*items, index, "change")
        if r.draft.put((*change, "direction"), direction_of(m.group("dir")), r.where(s, *m.span("dir"))):
            r.put_percent((*change, "rate"), r.percent(s, m, "rate"))
    note_item(r, s, (*items, index), m)


def _coded_items(r: Reader, s: Sentence) -> None:
    text = s.text
    header = _CODE_HEADER.match(text, _body(text))
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
    m = _MARKED.match(text, _body(text))
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
        en, zh = r.catalogue_named()
        r.reject_item(s, m.start(), len(text), f"{printed} is not in {en}", f"{zh}中找不到“{printed}”")
        return
    code, name = codes[-1]
    parents = tuple(n for _, n in codes[:-1])
    _put_item(r, s, code, name, parents, figure)
