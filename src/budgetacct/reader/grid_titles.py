"""What a table grid prints around its cells, as the grid reader (:mod:`budgetacct.reader.grid_tables`)
reads it: texts compared without spacing or width differences, and the title lines above the grid —
which standard table they name, the unit the table is printed for, its money unit.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from typing import Final

from budgetacct.model.table_layout import TableSpec
from budgetacct.model.table_specs import find_spec
from budgetacct.money import Unit
from budgetacct.reader.document import TableGrid

__all__ = [
    "CODE",
    "DASH_TEXTS",
    "LEADING_CODE",
    "NUMBERING",
    "identify",
    "is_number",
    "norm",
    "printed_department",
    "printed_unit",
    "row_label",
]


# --- text --------------------------------------------------------------------------------------

_SPACE = re.compile(r"[\s\u3000]+")
NUMBERING = re.compile(r"^(?:[（(]?[一二三四五六七八九十]+[)）、.．]|\d+[、.．]\s*(?!\d)|[（(]\d+[)）])+")
_NUMBER = re.compile(r"^[（(]?-?[\d,，]+(?:\.\d+)?[)）]?$")
DASH_TEXTS: Final = frozenset({"-", "—", "－", "–", "——", "−", "/"})
CODE = re.compile(r"^\d{2,7}$")
LEADING_CODE = re.compile(r"^(\d{3}(?:\d{2}){0,2})\s*(\S.*)$")


def norm(text: str) -> str:
    """Header or label text without spacing, width differences or quotes."""
    text = unicodedata.normalize("NFKC", text)
    return (
        _SPACE.sub("", text)
        .replace("“", "")
        .replace("”", "")
        .replace('"', "")
        .replace("(", "（")
        .replace(")", "）")
    )


def row_label(text: str) -> str:
    """A row label without its enumeration (一、 （一） 1.) and spacing."""
    return NUMBERING.sub("", norm(text))


def is_number(text: str) -> bool:
    return bool(_NUMBER.match(norm(text)))


# --- the title ---------------------------------------------------------------------------------

_TABLE_NUMBER = re.compile(r"(公开\s*\d+\s*表|表\s*\d+|附表\s*\d+|^[一二三四五六七八九十]+、)")


def identify(grid: TableGrid) -> tuple[TableSpec | None, str | None, str]:
    """The spec the grid's title names, the number printed with it, and the title line itself."""
    number = None
    for line in grid.title_lines:
        found = _TABLE_NUMBER.search(norm(line.text))
        if found and number is None:
            number = found.group(1).rstrip("、")
    texts = [
        line.text.strip()
        for line in grid.title_lines
        # “单位：万元” is not a title; “单位“三公”经费和机关运行经费预算表” (a 单位预算's) is.
        if not (norm(line.text).startswith(("单位：", "单位:")) or "单位：" in norm(line.text)[:6])
    ]
    # “部门名称：江苏省高级人民法院” names the unit (StandardTable.department), never the table.
    titles = [text for text in texts if not _DEPARTMENT_LABEL.match(norm(text))]
    headers = tuple(text for path in grid.columns for text in path)
    singles = [find_spec(norm(text), number=number, headers=headers) for text in titles]
    # A long title wrapped onto a second line (“…会议费、培训费” / “支出预算表”): the two lines
    # name another table than the second line alone does.
    for index, (first, second) in enumerate(itertools.pairwise(titles)):
        joined = find_spec(norm(first + second), number=number, headers=headers)
        if joined is not None and singles[index] is None and singles[index + 1] != joined:
            return joined, number, first + second
    for text, spec in zip(titles, singles, strict=True):
        if spec is not None:
            return spec, number, text
    # Lines above the grid but none a table's title (a department's name): the headers may name it.
    untitled = bool(texts) and not any("表" in text for text in texts)
    by_headers = find_spec("", number=number, headers=headers) if untitled else None
    return by_headers, number, "" if by_headers is None else by_headers.title


_UNIT_LINE: Final = re.compile(r"单位[:：]\s*(万元|亿元|元)")

# “编制单位：上海市普陀区社会福利院 单位：元”, “部门名称：江苏省高级人民法院 单位：万元”,
# “部门： 江苏省人民检察院 单位：万元”: the unit the table is printed for, before the money unit.
_DEPARTMENT_LABEL: Final = re.compile(r"^(?:编制单位|编制部门|部门名称|单位名称|预算单位|部门)[:：]")
_MONEY_LABEL: Final = re.compile(r"单位[:：]")
# A money unit's last character wrapped onto the name's line (“单位：万” / “部门名称：… 元”).
_TRAILING_MONEY: Final = re.compile(r"\s+(?:万元|亿元|元)$")


def printed_department(grid: TableGrid) -> str | None:
    """The unit printed under the title (as printed, spaces dropped), or ``None``."""
    lines = [unicodedata.normalize("NFKC", line.text).strip() for line in grid.title_lines]
    for index, line in enumerate(lines):
        label = _DEPARTMENT_LABEL.match(norm(line))
        if label is None:
            continue
        rest = line[line.index(label.group()[-1]) + 1 :]
        money = _MONEY_LABEL.search(rest)
        name = _TRAILING_MONEY.sub("", rest[: money.start()] if money else rest)
        if money is None and index + 1 < len(lines):
            # A long name wrapped onto the next line, before its money unit (“…人民法” / “院 单位：万元”).
            wrapped = _MONEY_LABEL.search(lines[index + 1])
            if wrapped is not None and not _DEPARTMENT_LABEL.match(norm(lines[index + 1])):
                name += lines[index + 1][: wrapped.start()]
        name = _SPACE.sub("", name)
        return name or None
    return None


def printed_unit(grid: TableGrid) -> Unit | None:
    # “编制单位：上海市普陀区社会福利院 单位：元”: the money unit is the one a unit word follows.
    printed = [found for line in grid.title_lines for found in _UNIT_LINE.findall(norm(line.text))]
    unit = printed[-1] if printed else grid.unit
    if unit is None:
        return None
    unit = norm(unit)
    if unit.startswith("万元"):
        return Unit.WAN_YUAN
    if unit.startswith("亿元"):
        return Unit.YI_YUAN
    if unit.startswith("元"):
        return Unit.YUAN
    return None
