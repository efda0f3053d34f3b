"""What a report says about itself: its year and its layout (the reader's templates)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Final, Literal

import attrs

from budgetacct.reader.draft import Draft, Source

__all__ = [
    "TEMPLATES",
    "UNNAMED_DEPARTMENT",
    "ReaderTemplate",
    "department_name",
    "detect_template",
    "detect_year",
    "find_department",
    "find_year",
    "own_title_year",
    "titled_kind",
    "year_source",
]


@attrs.frozen
class ReaderTemplate:
    """A report layout the reader knows: its name and the phrases that identify it.

    The sentence patterns themselves are shared by all layouts (a report mixing styles is still
    read); the template names the layout in ``Disclosure.template`` and is what ``"auto"`` detects.
    """

    name: str
    description: str
    markers: tuple[tuple[str, int], ...]


TEMPLATES: Final[Mapping[str, ReaderTemplate]] = {
    "sichuan-2021": ReaderTemplate(
        "sichuan-2021",
        "四川 2021 layout (the seed): 第一–五部分, 项 lines “一般公共服务（201）…（03）: 行政运行（01）支出决算为…”",
        (
            (r"（\d{3}）[^。；]{1,40}（\d{2}）[：]?[^。；]{1,40}（\d{2}）(?:支出)?决算", 5),
            (r"主要用于以下方面", 2),
            (r"第二部分\d{4}年度?(?:部门|单位)决算情况说明", 3),
            (r"绩效目标自评", 2),
            (r"决算数与预算数持平", 1),
        ),
    ),
    "central": ReaderTemplate(
        "central",
        "central-style layout: “一般公共服务支出（类）…（款）…（项）：年初预算为X万元，支出决算为Y万元，"
        "完成年初预算的Z%”, 三公 stated with 预算 and 较预算/较上年 changes",
        (
            (r"（类）[^。；]{1,40}（款）[^。；]{1,40}（项）[：]?(?:年初预算|支出决算)", 5),
            (r"完成年初预算的", 2),
            (r"(?:较|比)预算(?:增加|减少)", 2),
            (r"决算数(?:大于|小于)预算数的主要原因", 1),
        ),
    ),
}


# The title's year: “2021年度部门决算”, “2024年单位预算”, “2025年区级部门预算”, “2019年度部门预算公开”.
# A budget's year is its own (the 2024 budget is the budget for 2024).
_YEAR_STRONG = re.compile(
    r"(\d{4})年度?(?:(?:区级|市级|省级)?(?:部门|单位)?(?:决算|整体绩效)|(?:区级|市级|省级)?(?:部门|单位)预算)"
)
_YEAR_ALONE = re.compile(r"(\d{4})(?:年度?)?")
_TITLE_WORDS = re.compile(
    r"[^\d]{0,40}?(?:年度?)?(?:区级|市级|省级)?(?:部门|单位)(?:决算|预算)(?:公开|说明)?"
)
_YEAR_ANY = re.compile(r"(?<!\d)(\d{4})年")
#: How many non-blank lines from the top make the title page.
_TITLE_LINES: Final = 15
#: A title printed as one short line (no sentence marks) that names 决算 or 预算 with the year before
#: the name (“2021年度某局部门决算公开说明”, “2022年度内蒙古自治区巴彦淖尔市审计局 部门决算公开”),
#: after it (“寿县司法局2022年“三公”经费预算情况”) or in brackets (“某局部门决算（2021年度）”).
_TITLE_LINE: Final = re.compile(r"[^，。；;,：:！？!?]{4,60}")
_TITLE_YEAR: Final = re.compile(
    r"(?<![\d与较比同至止])(\d{4})\s*年度?(?=.*?(?:决算|预算))"
    r"|(?<=决算|预算|公开|说明|情况|报告|目录|概况)[（(]\s*(\d{4})\s*年度?\s*[）)]"
)
#: What no title prints: an amount or a rate (“…“三公”经费合计16.08万元增加15.15”, a PDF line of a
#: sentence), a change by a number.
_FIGURE: Final = re.compile(
    r"\d(?:\.\d+)?\s*(?:万元|亿元|千元|元|%|％)|\d\.\d|(?:增加|减少|增长|下降|上升|降低|持平)\s*\d"
)
#: A site's breadcrumb (“首页 > 信息公开 > 2020年部门预算”): the path to the page, not its title.
_BREADCRUMB: Final = re.compile(r"[>＞»›]|首页|当前位置")
#: The year a combined title (“某局2022年部门预算和2021年部门决算公开”) gives its 决算.
_FINAL_YEAR: Final = re.compile(r"(\d{4})\s*年度?[^\d，。；]{0,12}?决算")
#: A title naming the document a budget, the name anywhere in the line: 部门预算 / 单位预算 (“…2021年
#: 部门预算及“三公”经费预算”, “…部门预算——单位概况”, “…部门预算“三公”经费公开说明”), 预算公开 (目录,
#: 说明), 预算(编制)(情况)说明, “三公”经费…预算 (“…2022年“三公”经费预算”, “…“三公”经费2022年预算情况的
#: 说明”).
_BUDGET_TITLE: Final = re.compile(
    r"(?:部门|单位)预算|预算公开|预算(?:编制)?(?:情况)?说明|[“\"]?三公[”\"]?经费[^决]{0,12}?预算"
)
#: A budget document named in a combined title (“…2022年部门预算和2021年部门决算公开”).
_BUDGET_DOCUMENT: Final = re.compile(r"(?:部门|单位)预算")
#: Words that make a line naming 预算 no budget's title: its execution or completion and the 年初预算
#: it is set against (a 决算's “2021年“三公”经费预算完成情况”), performance management.
_NOT_BUDGET_TITLE: Final = ("预算执行", "完成", "年初预算", "绩效")
#: A fund's name (the headings of a 决算 print “2021年度一般公共预算“三公”经费支出情况说明”): no budget's
#: title either, unless the line names the document (“某局2021年部门预算及一般公共预算“三公”经费预算”).
_FUNDS: Final = ("一般公共预算", "政府性基金预算", "国有资本经营预算")
#: The opening of a line that continues the line above (“…“三公”经费支” / “出决算总额为…”).
_CONTINUES: Final = re.compile(r"[，,。；;、：:）)]|(?:为|是|总额为?|合计为?|共计|数为)\s*\d")
#: 支出决算 inside a line, not naming the document at its end (“…经费支出决算总额” / “为5.48万元”).
_SPENT: Final = re.compile(r"支出决算(?!(?:总表|明细表|表|公开|情况|说明|的说明)*$)")
_SENTENCE_END: Final = ("。", "；", ";", "！", "!", "？", "?", "：", ":")
#: The sentence a page without a title opens with: “现将2022年部门预算公开如下”.
_PUBLISHED_AS: Final = re.compile(
    r"现将[^，。；,;决]{0,20}?\d{4}\s*年度?[^，。；,;决]{0,20}?(?:部门|单位)预算[^，。；,;决]{0,10}?(?:公开|说明)如下"
)
#: A year in a comparison or naming last year's figure (“与2020年相比”, “较2020年度决算数”, “比2021年
#: 预算”, “2020年度为410万元”): in a report of another year, so no sign of the report's own.
_COMPARED: Final = re.compile(
    r"(?:与|较|比|同|相对于?)\s*(\d{4})\s*年|(\d{4})\s*年度?(?:决算数|预算数|为|同期|相比)"
)
#: A year opening what the report states of itself (“本单位2021年度总收入”, “2022年一般公共预算“三公”
#: 经费支出预算”, “2021年度收入支出决算总体情况”).
_OWN_PHRASE: Final = re.compile(r"(\d{4})\s*年度?[^，。；,;\d]{0,12}?(?:决算|预算|收入|支出|收支)")
_HEADING_WORDS: Final = ("情况", "说明", "决算", "预算")
_HEADING: Final = re.compile(
    r"(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|第[一二三四五六七八九十\d]{1,3}部分)"
)


def _plausible(year: int) -> bool:
    return 1990 <= year <= 2100


def find_year(lines: Sequence[Any]) -> tuple[int, Any, int, int] | None:
    """The year a report states about itself, with its line and the span of the year's digits.

    In order: a year on a line of its own next to the title (“年度部门决算” / “2024”) on the title
    page; the first title phrase (“2021年度部门决算”, “2024年单位预算”) anywhere, which is also how
    the 第X部分 headings print it.  ``lines`` are normalized lines (``.text``).
    """
    top = [line for line in lines if line.text][:_TITLE_LINES]
    for index, line in enumerate(top):
        alone = _YEAR_ALONE.fullmatch(line.text)
        if alone is None or not _plausible(int(alone.group(1))):
            continue
        neighbours = top[max(0, index - 1) : index] + top[index + 1 : index + 2]
        if any(_TITLE_WORDS.fullmatch(n.text) for n in neighbours):
            return int(alone.group(1)), line, *alone.span(1)
    titles = _titles(top)
    navigation = _links(titles)
    own = _own_title(titles) if navigation else None
    if navigation and own is None:  # no title stands out among the links: the 决算's
        own = max((title for title in titles if title[1] != "budget"), key=lambda t: len(t[0].text))
    for line in [own[0]] if own is not None else _title_lines(top):
        titled = _title_year(line.text)
        if titled is not None:
            return int(titled.group(titled.lastindex or 1)), line, *titled.span(titled.lastindex or 1)
    previous = ""
    for line in lines:
        for match in _YEAR_STRONG.finditer(line.text):
            if _plausible(int(match.group(1))) and not _compared(line.text, match.start(1), previous):
                return int(match.group(1)), line, *match.span(1)
        previous = line.text
    return None


def _title_year(text: str) -> re.Match[str] | None:
    """The year of a one-line title naming 决算 or 预算, printed before, inside or after the name.

    A year in brackets after the name (“2022年部门决算公开（2021年度）”) is the accounts' year and
    outranks the year of publication printed first; a combined title (“某局2022年部门预算和2021年
    部门决算公开”) gives its 决算's year."""
    if not _TITLE_LINE.fullmatch(text) or ("决算" not in text and "预算" not in text):
        return None
    if _HEADING.match(text):  # a numbered section (“一、2022年“三公”经费预算安排情况”), not the title
        return None
    if _FIGURE.search(text) or _BREADCRUMB.search(text):  # a sentence's line, a site's path
        return None
    matches = [m for m in _TITLE_YEAR.finditer(text) if _plausible(int(m.group(m.lastindex or 1)))]
    bracketed = [m for m in matches if m.lastindex == 2]
    if bracketed:
        return bracketed[0]
    if matches and "决算" in text and _BUDGET_DOCUMENT.search(text):
        final = _FINAL_YEAR.search(text)
        if final is not None and _plausible(int(final.group(1))):
            return final
    return matches[0] if matches else None


def _title_kind(text: str) -> str | None:
    """``"final"`` for a title naming a 决算, ``"execution"`` for one naming a 预算执行 (a 决算 too,
    when it is the title; a budget may print last year's under an unnumbered heading), ``"budget"``
    for a title naming the document a budget (:data:`_BUDGET_TITLE`), ``"both"`` for a combined
    title, ``None`` for any other line naming 预算 (a fund's heading, 预算绩效)."""
    compact = re.sub(r"\s+", "", text)
    if "决算" in compact:
        return "both" if _BUDGET_DOCUMENT.search(compact) and "预算执行" not in compact else "final"
    if "预算执行" in compact:
        return "execution"
    if _BUDGET_TITLE.search(compact) is None or any(word in compact for word in _NOT_BUDGET_TITLE):
        return None
    if _BUDGET_DOCUMENT.search(compact) is None and any(fund in compact for fund in _FUNDS):
        return None
    return "budget"


def _fragment(top: Sequence[Any], index: int) -> bool:
    """Whether the line ``top[index]`` is part of a sentence the PDF broke over lines: it names
    支出决算 other than as its last words (“…“三公”经费支出决算公开” is a title), continues the prose
    above (no sentence end there), or runs on into the next line."""
    text = top[index].text
    if _SPENT.search(text):
        return True
    above = top[index - 1].text.rstrip() if index > 0 else ""
    if ("，" in above or "," in above) and not above.endswith(_SENTENCE_END):
        return True  # prose above whose sentence runs on (a label line “发布时间：…” has no comma)
    below = top[index + 1].text.lstrip() if index + 1 < len(top) else ""
    return bool(below) and _CONTINUES.match(below) is not None


def _title_lines(top: Sequence[Any]) -> list[Any]:
    """The lines on the title page printed as a title with its year (:func:`_title_year`), a
    sentence's broken lines (:func:`_fragment`) left out."""
    return [line for index, line in enumerate(top) if _title_year(line.text) and not _fragment(top, index)]


def _titles(top: Sequence[Any]) -> list[tuple[Any, str]]:
    """The title lines on the title page that name a document's kind, each with its kind."""
    kinds = [(line, _title_kind(line.text)) for line in _title_lines(top)]
    return [(line, kind) for line, kind in kinds if kind is not None]


def _links(titles: list[tuple[Any, str]]) -> bool:
    """Whether ``titles`` name a budget and a 决算 both: a site's links (“2022年部门预算” / “2021年
    部门决算”) with the title among them."""
    return len({kind for _, kind in titles} - {"execution"}) > 1


def _own_title(titles: list[tuple[Any, str]]) -> tuple[Any, str] | None:
    """The document's own title among ``titles``: the first, or among a site's links (:func:`_links`)
    the longest (it names the department); on a tie, none."""
    if not titles:
        return None
    if not _links(titles):
        return titles[0]
    longest = max(len(line.text) for line, _ in titles)
    own = [title for title in titles if len(title[0].text) == longest]
    # The title printed twice (over the page and above the text) is still one.
    return own[0] if len({line.text for line, _ in own}) == 1 else None


def _compared(text: str, start: int, above: str = "") -> bool:
    """Whether the year printed at ``start`` is inside a comparison (“较2020年度决算数”); ``above`` is
    the line before, whose last words a PDF may have broken off (“…0万元。较” / “2014年度…”)."""
    tail = above[-4:] if start == 0 else ""
    return any(
        match.start(match.lastindex or 1) == start + len(tail)
        for match in _COMPARED.finditer(tail + text, max(0, start + len(tail) - 4))
    )


# “预算主管部门：上海市普陀区财政局”, “预算单位：…”, “部门：…” on the title page or a table's head.
_LABELLED = re.compile(
    r"^(?:预算主管部门|主管部门|预算单位|部门名称|单位名称|部门|单位)[：:](?P<d>[^\d，。；：]{2,40})$"
)
#: A label's value that is a unit of measure (“单位：万元” above every table), not a name.
_UNIT: Final = re.compile(
    r"(?:人民币)?(?:百万|千|万|亿)?元.*|(?:人次|人|个|辆|台|套|次|%|％)(?:[、/](?:人次|人|个|辆|台|套|次))*"
)
_NAME_LINE = re.compile(r"[\u4e00-\u9fff（）A-Za-z]{2,40}")
#: The department between a title's leading year and its kind: “2021年度梧州市某军休所单位决算”.
_YEAR_FIRST_NAME = re.compile(
    r"\d{4}\s*年度?\s*(?P<d>[\u4e00-\u9fff（）A-Za-z]{2,40}?)\s*(?:部门|单位)(?:决算|预算)(?:公开)?(?:说明)?"
    r"(?:[（(]\d{4}年度?[）)])?"
)
#: Words around a name in a title that are not the name (“关于某局2021年度部门决算的说明”, “2021年度
#: 某局预算执行情况和部门决算公开”, “某局财政拨款“三公”经费2022年预算情况的说明”, “【某局2022年部门预算】”).
_NAME_LEAD: Final = re.compile(r"^[【《\[「『]?(?:关于)?")
_NAME_TAIL: Final = re.compile(
    r"(?:(?:(?:预算)?执行情况)?[和及与的]|关于|(?:财政拨款)?(?:[“\"]?三公[”\"]?经费)?)[】》\]」』]?$"
)
#: What no department's name holds: a report's or a fund's words (“一般公共预算”), a book's title
#: marks, a sentence's punctuation.
_NOT_IN_NAMES: Final = ("预算", "决算", "经费", "财政拨款", "《", "》", "，", "。", "；", "：", ",", ";", ":")


#: The department of a report whose title page names none.
UNNAMED_DEPARTMENT: Final = "（未识别部门）"


def department_name(name: str) -> tuple[int, int] | None:
    """The span of the department's name in ``name`` (a title's words where a name stands), without
    a leading 关于 or a trailing 预算执行情况和 / 及 / 的; in a whole title, the name it prints before
    its year or kind, or between its leading year and its kind (“2022年某局部门预算公开说明”, “某局部门
    预算（2022年度）”); ``None`` when what is left is no name (a fund's heading, a sentence, a numbered
    section heading)."""
    return _bare_name(name) or _titled_name(name)


def _bare_name(name: str) -> tuple[int, int] | None:
    start, end = 0, len(name)
    lead = _NAME_LEAD.search(name)
    if lead is not None:
        start = lead.end()
    tail = _NAME_TAIL.search(name, start)
    if tail is not None:
        end = tail.start()
    kept = name[start:end]
    if len(kept) < 2 or _HEADING.match(kept) or any(word in kept for word in _NOT_IN_NAMES):
        return None
    return start, end


#: The level a title may name where a department's name would be (“2025年区级部门预算”).
_LEVELS: Final = ("区级", "市级", "省级", "县级", "本级")
#: How a report names itself in a sentence (“本单位2021年度…”, “我局…”): no name (本溪市 is one).
_SELF: Final = (
    "本部门",
    "本单位",
    "本局",
    "本院",
    "本校",
    "本机关",
    "我部门",
    "我单位",
    "我局",
    "我院",
    "我校",
)
_PART_HEADING = re.compile(r"第[一二三四五六七八九十\d]{1,3}部分")
_NOT_NAMES = ("目录", "目", "录", "附件", "公开")


def find_department(lines: Sequence[Any]) -> tuple[str, Any, int, int] | None:
    """The department a report names on its title page: a labelled line (“预算主管部门：X”), the
    words before the title's year (“西南大学2023年度部门决算”), or the name on the line above the
    title (“上海市普陀区财政局” / “2024年度部门决算”).  ``None`` when the title page names none."""
    top = [line for line in lines if line.text][:_TITLE_LINES]
    for line in top:
        labelled = _LABELLED.match(line.text)
        if labelled is not None and not _UNIT.fullmatch(labelled.group("d").strip()):
            return labelled.group("d"), line, *labelled.span("d")
    for line in top:
        named = _YEAR_FIRST_NAME.fullmatch(line.text)
        if named is not None and named.group("d") not in _LEVELS and _title_year(line.text) is not None:
            kept = department_name(named.group("d"))
            if kept is not None:
                start = named.start("d")
                return named.group("d")[kept[0] : kept[1]], line, start + kept[0], start + kept[1]
    titles = _titles(top)
    own = _own_title(titles)
    # The first title naming the department (a line “2021年部门决算” may stand above the full title,
    # a PDF may break “…经费支出决” / “算公开”); among a site's links to both kinds, only the own.
    named_titles = _title_lines(top) if not _links(titles) else [own[0]] if own is not None else []
    for title in named_titles:
        span = _titled_name(title.text)
        if span is not None:
            return title.text[span[0] : span[1]], title, *span
    if own is not None and _links(titles):  # links to both kinds above the title: the names are by it
        top = top[top.index(own[0]) :]
    for index, line in enumerate(top):
        if _BREADCRUMB.search(line.text):
            continue
        title = _YEAR_STRONG.search(line.text)
        alone = _YEAR_ALONE.fullmatch(line.text) is not None or _TITLE_WORDS.fullmatch(line.text) is not None
        if title is None and not alone:
            continue
        if _PART_HEADING.match(line.text):
            break  # a 第X部分 heading: the title page is over
        before = line.text[: title.start()] if title is not None else ""
        kept = department_name(before) if _NAME_LINE.fullmatch(before) else None
        if kept is not None:
            return before[kept[0] : kept[1]], line, *kept
        above = top[index - 1] if index > 0 else None
        while above is not None and (_YEAR_ALONE.fullmatch(above.text) or _TITLE_WORDS.fullmatch(above.text)):
            position = top.index(above)
            above = top[position - 1] if position > 0 else None
        if above is not None and _NAME_LINE.fullmatch(above.text) and above.text not in _NOT_NAMES:
            kept = department_name(above.text)
            if kept is not None:
                return above.text[kept[0] : kept[1]], above, *kept
        break
    return _from_part_headings(lines)


#: Where the name before a title's kind ends: the year, a fund's name, the document's name.
_AFTER_NAME: Final = re.compile(
    r"\d{4}\s*年|(?:一般公共|政府性基金|国有资本经营)?(?:区级|市级|省级|县级|本级)?(?:部门|单位)?(?:预算|决算)"
)


def _titled_name(title: str) -> tuple[int, int] | None:
    """The span of the department's name a title prints between its leading year and its kind
    (“2022年某局部门预算公开说明”), else before its year or kind (“安徽省徽州师范学校2022年度一般公共
    预算财政拨款“三公”经费支出决算公开”, “某局财政拨款“三公”经费2022年预算情况的说明”, “某局部门预算
    （2022年度）”); ``None`` when it prints none there."""
    year_first = _YEAR_FIRST_NAME.fullmatch(title)
    if year_first is not None:
        start, end = year_first.span("d")
    else:
        cut = _AFTER_NAME.search(title)
        start, end = 0, len(title[: cut.start()].rstrip()) if cut is not None else 0
    kept = _bare_name(title[start:end])
    if kept is None:
        return None
    name = title[start + kept[0] : start + kept[1]]
    if not _NAME_LINE.fullmatch(name) or name in _NOT_NAMES or name in _LEVELS or name.startswith(_SELF):
        return None
    return start + kept[0], start + kept[1]


# “第一部分 上海市普陀区财政局概况”, “第二部分 上海市普陀区财政局2024年度部门决算表”.
_PART_NAME = re.compile(
    r"第[一二三四五六七八九十\d]{1,3}部分(?P<d>[\u4e00-\u9fff（）A-Za-z]{2,40}?)(?:概况|\d{4}年度?(?:部门|单位)(?:决算|预算))"
)


def _from_part_headings(lines: Sequence[Any]) -> tuple[str, Any, int, int] | None:
    for line in lines:
        if not line.text.startswith("第"):
            continue
        named = _PART_NAME.match(line.text)
        if named is not None and not named.group("d").startswith(("部门", "单位", *_SELF)):
            return named.group("d"), line, *named.span("d")
    return None


def titled_kind(lines: Sequence[Any]) -> Literal["budget", "final"] | None:
    """What the report's own title names it: ``"budget"`` for a budget (部门预算, 单位预算, 预算公开,
    预算情况说明, “三公”经费预算情况 / 安排, of a year), ``"final"`` for final accounts, ``None`` when
    no line of the title page names the document's kind.

    Final accounts: a title naming 决算 or 预算执行, links to both kinds with no title standing out.
    No kind: a fund's heading (“2021年度一般公共预算“三公”经费支出情况说明”), a numbered section
    heading, a line of a sentence the PDF broke.  A combined title (“…2022年部门预算和2021年部门决算
    公开”) is a budget only when the text names no 决算.  A page without a title is a budget when its
    opening sentence says so (“现将2022年部门预算公开如下”).
    """
    top = [line for line in lines if line.text][:_TITLE_LINES]
    for index, line in enumerate(top):
        alone = _YEAR_ALONE.fullmatch(line.text)
        if alone is not None and _plausible(int(alone.group(1))):
            neighbours = top[max(0, index - 1) : index] + top[index + 1 : index + 2]
            if any(_TITLE_WORDS.fullmatch(n.text) for n in neighbours):  # “年度部门预算” / “2025”
                named = any(_title_kind(f"{alone.group(1)}年{n.text}") == "budget" for n in neighbours)
                return "budget" if named else "final"
    titles = _titles(top)
    if not titles:
        return "budget" if any(_PUBLISHED_AS.search(line.text) for line in top) else None
    own = _own_title(titles)
    if own is None:
        return "final"
    if own[1] == "both":
        return "final" if any("决算" in line.text for line in lines if line is not own[0]) else "budget"
    return "budget" if own[1] == "budget" else "final"


def is_budget(lines: Sequence[Any]) -> bool:
    """Whether the report's own title names it a budget (:func:`titled_kind`); when unsure, a 决算."""
    return titled_kind(lines) == "budget"


def own_title_year(lines: Sequence[Any]) -> int | None:
    """The year of the title naming the document's kind (the site's links above it left aside);
    ``None`` for a combined title (“…2022年部门预算和2021年部门决算公开”), which prints two."""
    top = [line for line in lines if line.text][:_TITLE_LINES]
    own = _own_title(_titles(top))
    if own is None or own[1] == "both":
        return None
    titled = _title_year(own[0].text)
    return None if titled is None else int(titled.group(titled.lastindex or 1))


#: Weights of a year printed in the text when the report names none in a title: in a heading, in a
#: phrase stating the report's own figures, anywhere else, in a comparison (last year's, never this).
_IN_HEADING: Final = 3
_IN_OWN_PHRASE: Final = 2
_ELSEWHERE: Final = 1


def detect_year(lines: Iterable[str]) -> int | None:
    """The report's year from its text lines: the title's, else the year printed with most weight.

    Without a title, a year counts three times in a heading (“二、2022年一般公共预算“三公”经费支出预算
    情况说明”), twice in a phrase stating the report's own figures (“本单位2021年度总收入”), once
    elsewhere, and not at all inside a comparison (“较2020年度决算数”, “与2020年相比”, “比2021年预算”),
    where a 决算 prints last year's as often as its own.
    """

    @attrs.frozen
    class _Text:
        text: str

    texts = [_Text(text) for text in lines]
    found = find_year(texts)
    if found is not None:
        return found[0]
    counts: Counter[int] = Counter()
    for line, above in zip(texts, [_Text(""), *texts], strict=False):
        heading = _TITLE_LINE.fullmatch(line.text) is not None and (
            _HEADING.match(line.text) is not None or any(word in line.text for word in _HEADING_WORDS)
        )
        own = {match.start(1) for match in _OWN_PHRASE.finditer(line.text)}
        for match in _YEAR_ANY.finditer(line.text):
            year = int(match.group(1))
            if not _plausible(year) or _compared(line.text, match.start(1), above.text):
                continue
            if heading:
                counts[year] += _IN_HEADING
            else:
                counts[year] += _IN_OWN_PHRASE if match.start(1) in own else _ELSEWHERE
    if not counts:  # only comparisons print a year: the most frequent stands, as before
        counts.update(
            int(match.group(1))
            for line in texts
            for match in _YEAR_ANY.finditer(line.text)
            if _plausible(int(match.group(1)))
        )
    if not counts:
        return None
    best = max(counts.values())
    return max(year for year, count in counts.items() if count == best)


def year_source(document: Any, draft: Draft, year: int) -> Source | None:
    found = find_year(document.lines)
    if found is None or found[0] != year:
        return None
    _, line, start_in_line, end_in_line = found
    start, end = line.absolute(start_in_line, end_in_line)
    return Source("$.year", line.number, start, end, draft.text[start:end], line.text[:200])


def detect_template(text: str) -> str | None:
    scores = {}
    for name, template in TEMPLATES.items():
        scores[name] = sum(weight for pattern, weight in template.markers if re.search(pattern, text))
    best = max(scores.values())
    if best == 0:
        return None
    return next(name for name, score in scores.items() if score == best)
