"""What a report says about itself: its year and its layout (the reader's templates)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Final

import attrs

from budgetacct.reader.draft import Draft, Source

__all__ = [
    "TEMPLATES",
    "ReaderTemplate",
    "detect_template",
    "detect_year",
    "find_department",
    "find_year",
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
    for line in lines:
        for match in _YEAR_STRONG.finditer(line.text):
            if _plausible(int(match.group(1))):
                return int(match.group(1)), line, *match.span(1)
    return None


# “预算主管部门：上海市普陀区财政局”, “预算单位：…”, “部门：…” on the title page or a table's head.
_LABELLED = re.compile(
    r"^(?:预算主管部门|主管部门|预算单位|部门名称|单位名称|部门|单位)[：:](?P<d>[^\d，。；：]{2,40})$"
)
_NAME_LINE = re.compile(r"[\u4e00-\u9fff（）A-Za-z]{2,40}")
_PART_HEADING = re.compile(r"第[一二三四五六七八九十\d]{1,3}部分")
_NOT_NAMES = ("目录", "目", "录", "附件", "公开")


def find_department(lines: Sequence[Any]) -> tuple[str, Any, int, int] | None:
    """The department a report names on its title page: a labelled line (“预算主管部门：X”), the
    words before the title's year (“西南大学2023年度部门决算”), or the name on the line above the
    title (“上海市普陀区财政局” / “2024年度部门决算”).  ``None`` when the title page names none."""
    top = [line for line in lines if line.text][:_TITLE_LINES]
    for line in top:
        labelled = _LABELLED.match(line.text)
        if labelled is not None:
            return labelled.group("d"), line, *labelled.span("d")
    for index, line in enumerate(top):
        title = _YEAR_STRONG.search(line.text)
        alone = _YEAR_ALONE.fullmatch(line.text) is not None or _TITLE_WORDS.fullmatch(line.text) is not None
        if title is None and not alone:
            continue
        if _PART_HEADING.match(line.text):
            break  # a 第X部分 heading: the title page is over
        if title is not None and title.start() >= 2 and _NAME_LINE.fullmatch(line.text[: title.start()]):
            return line.text[: title.start()], line, 0, title.start()
        above = top[index - 1] if index > 0 else None
        while above is not None and (_YEAR_ALONE.fullmatch(above.text) or _TITLE_WORDS.fullmatch(above.text)):
            position = top.index(above)
            above = top[position - 1] if position > 0 else None
        if above is not None and _NAME_LINE.fullmatch(above.text) and above.text not in _NOT_NAMES:
            return above.text, above, 0, len(above.text)
        break
    return _from_part_headings(lines)


# “第一部分 上海市普陀区财政局概况”, “第二部分 上海市普陀区财政局2024年度部门决算表”.
_PART_NAME = re.compile(
    r"第[一二三四五六七八九十\d]{1,3}部分(?P<d>[\u4e00-\u9fff（）A-Za-z]{2,40}?)(?:概况|\d{4}年度?(?:部门|单位)(?:决算|预算))"
)


def _from_part_headings(lines: Sequence[Any]) -> tuple[str, Any, int, int] | None:
    for line in lines:
        if not line.text.startswith("第"):
            continue
        named = _PART_NAME.match(line.text)
        if named is not None and not named.group("d").startswith(("部门", "单位", "本部门", "本单位")):
            return named.group("d"), line, *named.span("d")
    return None


def is_budget(lines: Sequence[Any]) -> bool:
    """Whether the report's title names a budget (部门预算, 单位预算) rather than final accounts."""
    found = find_year(lines)
    if found is None:
        return False
    _, line, _, end = found
    title = line.text[end : end + 16]
    top = [ln for ln in lines if ln.text][:_TITLE_LINES]
    if _YEAR_ALONE.fullmatch(line.text):
        index = top.index(line) if line in top else -1
        title = "".join(ln.text for ln in top[max(0, index - 1) : index + 2])
    return "预算" in title and "决算" not in title


def detect_year(lines: Iterable[str]) -> int | None:
    """The report's year from its text lines: the title's, else the year printed most often."""

    @attrs.frozen
    class _Text:
        text: str

    texts = [_Text(text) for text in lines]
    found = find_year(texts)
    if found is not None:
        return found[0]
    counts: Counter[int] = Counter()
    for line in texts:
        for match in _YEAR_ANY.finditer(line.text):
            year = int(match.group(1))
            if _plausible(year):
                counts[year] += 1
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
