"""Rules on a report's tables as a whole and its name: tables missing from the set, empty tables
without a note, a placeholder name or a table printed for another unit (R69–R71)."""

from __future__ import annotations

import re
import unicodedata
from typing import Final

from budgetacct.auditing.check import Checker
from budgetacct.auditing.rules._common import missing_tables
from budgetacct.auditing.rules.table_cells import table_name
from budgetacct.model.enums import Severity
from budgetacct.model.table_specs import TABLE_SETS


def tables_of_the_set_present(c: Checker) -> None:
    """Every table of the report's table set is published (an empty one with its note)."""
    name = c.d.table_set
    if name is None or name not in TABLE_SETS or not c.d.tables:
        return
    printed = {table.kind for table in c.d.tables}
    missing_tables(
        c,
        TABLE_SETS[name],
        printed,
        f"the set {name}",
        " (a table without data is still published with a note)",
    )


_EMPTY_NOTE_WORDS = ("无数据", "为空", "空表", "没有", "无此", "不涉及", "无相关")


def empty_tables_say_why(c: Checker) -> None:
    """A table with no figure carries a note saying why (本表无数据 / 此表为空)."""
    for t, table in enumerate(c.d.tables):
        if table.has_data:
            continue
        if any(word in note for note in table.notes for word in _EMPTY_NOTE_WORDS):
            continue
        c.emit(
            Severity.WARNING,
            f"$.tables[{t}].notes",
            f"{table_name(table)}无数据，但未注明原因（如“本单位本年度没有…，故本表无数据”）",
            f"{table_name(table)} has no figures and no note saying why",
            expected="说明 / a note",
            actual="无 / none",
        )


_PLACEHOLDERS = ("XX", "xx", "××", "某单位", "某部门", "ＸＸ", "***", "○○")


def _is_placeholder(name: str) -> bool:
    return any(p in name for p in _PLACEHOLDERS)


# A leading place name (上海市, 普陀区, 广西壮族自治区, 长征镇): at least two characters before the
# suffix, so that words such as 城市 or 社区 are not taken for places.
_REGION: Final = re.compile(r"[\u4e00-\u9fff]{2,7}?(?:自治区|自治州|自治县|地区|省|市|州|盟|县|区|旗|镇)")
# What a 部门 (not a 下属单位) is called: a table printed for such a name, unrelated to the
# report's, is another department's.  Units are 中心, 所, 站, 院 (福利院, 设计院), 校, 馆 …
_GOVERNMENT_ORGANS: Final = ("局", "厅", "委员会", "委", "办公室", "办", "部", "署", "政府")
_OTHER_ORGANS: Final = ("法院", "检察院", "联合会", "总工会")  # courts, procuratorates, 人民团体
_ORGANS: Final = _GOVERNMENT_ORGANS + _OTHER_ORGANS


def _plain(name: str) -> str:
    return "".join(unicodedata.normalize("NFKC", name).split())


def _split(name: str) -> tuple[tuple[str, ...], str]:
    """A name's leading places and the rest (``上海市普陀区财政局`` → ``(上海市, 普陀区), 财政局``)."""
    rest = name.removeprefix("中共")
    places: list[str] = []
    while (found := _REGION.match(rest)) is not None:
        places.append(found.group())
        rest = rest[found.end() :]
    return tuple(places), rest


def _other_place(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two names' places differ: the shorter may drop leading places (普陀区 for
    上海市普陀区), not trailing ones (上海市 is the city, not the district)."""
    if not a or not b:
        return False
    short, long = sorted((a, b), key=len)
    return long[len(long) - len(short) :] != short


def _related(a: str, b: str) -> bool:
    """One name is the other, with or without its places, or one contains the other
    (上海市普陀区财政局 and 普陀区财政局会计核算中心)."""
    if a in b or b in a:
        return True
    (places_a, rest_a), (places_b, rest_b) = _split(a), _split(b)
    return not _other_place(places_a, places_b) and (rest_a in rest_b or rest_b in rest_a)


def _printed_for_the_report(printed: str, department: str, units: tuple[str, ...]) -> bool:
    """Whether a table printed for ``printed`` plausibly belongs to ``department``'s report.

    A 部门 report covers the department and its 下属单位: a table printed for the department under
    any form of its name, for a unit the report lists, or for a unit of the same place not named
    like a department (上海市普陀区社会福利院 in 民政局's report) belongs to it.  A department of
    another name or a unit of another place does not (a table copied from another report).
    """
    if any(_related(printed, name) for name in (department, *units)):
        return True
    places, rest = _split(printed)
    if _other_place(places, _split(department)[0]):
        return False
    return not rest.endswith(_ORGANS)


def department_is_named(c: Checker) -> None:
    """The department's name is a real name, not a template's placeholder (XX局, ××, 某单位), and
    the unit a table is printed for is the department or one of its units."""
    name = c.d.department
    if _is_placeholder(name):
        c.emit(
            Severity.WARNING,
            "$.department",
            f"单位名称“{name}”是模板占位符，未替换为实际名称",
            f"the department's name {name!r} is a template placeholder",
            expected="单位全称 / the department's name",
            actual=name,
        )
    printings: dict[str, list[int]] = {}
    for t, table in enumerate(c.d.tables):
        if table.department is not None:
            printings.setdefault(_plain(table.department), []).append(t)
    department = _plain(name)
    units = tuple(_plain(unit.name) for unit in c.d.staffing.units) if c.d.staffing is not None else ()
    for printed, tables in printings.items():
        first = c.d.tables[tables[0]]
        path = f"$.tables[{tables[0]}].department"
        related = tuple(f"$.tables[{t}].department" for t in tables[1:])
        if _is_placeholder(printed):
            c.emit(
                Severity.WARNING,
                path,
                f"{table_name(first)}的编制单位“{printed}”是模板占位符，未替换为实际名称",
                f"{table_name(first)} is printed for {printed!r}, a template placeholder",
                related=related,
                expected=name,
                actual=printed,
            )
        elif not _is_placeholder(name) and not _printed_for_the_report(printed, department, units):
            c.emit(
                Severity.WARNING,
                path,
                f"{table_name(first)}的编制单位是“{printed}”，既不是本报告的单位“{name}”，也不像其下属单位"
                "（多为沿用其他单位的表格未改）",
                f"{table_name(first)} is printed for {printed!r}, neither the report's department {name!r} "
                "nor plausibly one of its units (usually another unit's table left unchanged)",
                related=related,
                expected=name,
                actual=printed,
            )
