"""Rules on a report's tables as a whole and its name: tables missing from the set, empty tables without a note, a placeholder name (R69–R71)."""

from __future__ import annotations

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


def department_is_named(c: Checker) -> None:
    """The department's name is a real name, not a template's placeholder (XX局, ××, 某单位)."""
    name = c.d.department
    if any(p in name for p in _PLACEHOLDERS):
        c.emit(
            Severity.WARNING,
            "$.department",
            f"单位名称“{name}”是模板占位符，未替换为实际名称",
            f"the department's name {name!r} is a template placeholder",
            expected="单位全称 / the department's name",
            actual=name,
        )
