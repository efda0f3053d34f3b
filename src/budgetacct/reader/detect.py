"""What a report says about itself: its year and its layout (the reader's templates)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any, Final

import attrs

from budgetacct.reader.draft import Draft, Source

__all__ = ["TEMPLATES", "ReaderTemplate", "detect_template", "detect_year", "year_source"]


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


_YEAR_STRONG = re.compile(r"(\d{4})年度?(?:部门|单位)?(?:决算|整体绩效)")
_YEAR_ANY = re.compile(r"(?<!\d)(\d{4})年")


def detect_year(lines: Iterable[str]) -> int | None:
    counts: Counter[int] = Counter()
    for text in lines:
        for match in _YEAR_STRONG.finditer(text):
            year = int(match.group(1))
            if 1990 <= year <= 2100:
                return year
        for match in _YEAR_ANY.finditer(text):
            year = int(match.group(1))
            if 1990 <= year <= 2100:
                counts[year] += 1
    if not counts:
        return None
    best = max(counts.values())
    return max(year for year, count in counts.items() if count == best)


def year_source(document: Any, draft: Draft, year: int) -> Source | None:
    for line in document.lines:
        for match in _YEAR_STRONG.finditer(line.text):
            if int(match.group(1)) == year:
                start, end = line.absolute(*match.span(1))
                return Source("$.year", line.number, start, end, draft.text[start:end], line.text[:200])
    return None


def detect_template(text: str) -> str | None:
    scores = {}
    for name, template in TEMPLATES.items():
        scores[name] = sum(weight for pattern, weight in template.markers if re.search(pattern, text))
    best = max(scores.values())
    if best == 0:
        return None
    return next(name for name, score in scores.items() if score == best)
