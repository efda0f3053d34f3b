"""The standard tables of a disclosure, each laid out by its spec (:mod:`.layout`).

A disclosure's printed tables (``Disclosure.tables``) are rendered as printed; a table of the set
asked for that the disclosure does not print is filled from its narrative sections through the
same spec (:func:`~budgetacct.model.section_tables.table_from_sections`), so both paths share one
layout and one renderer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from budgetacct.errors import InvalidValue
from budgetacct.model.disclosure import Disclosure
from budgetacct.model.section_tables import table_from_sections
from budgetacct.model.table_specs import TABLE_SETS
from budgetacct.model.tables import StandardTable
from budgetacct.render.tables.layout import layout
from budgetacct.render.tables.model import Table, TableSet

if TYPE_CHECKING:  # pragma: no cover - typing only
    from budgetacct.model.ledger import Ledger

__all__ = ["TABLE_SETS", "printed_tables", "standard_tables"]


def printed_tables(disclosure: Disclosure, set: TableSet | None = None) -> tuple[StandardTable, ...]:
    """The StandardTables :func:`standard_tables` renders (see there)."""
    own = disclosure.table_set
    if set is None and disclosure.tables:
        return disclosure.tables
    name = set or own or "mof-9"
    printed = {table.kind: table for table in disclosure.tables}
    out = []
    for entry in TABLE_SETS[name].entries:
        table = printed.get(entry.kind)
        if table is None:
            out.append(table_from_sections(disclosure, entry, name))
        elif name == own:
            out.append(table)
        else:  # printed under another set: numbered as this set numbers it
            out.append(
                StandardTable(
                    table.kind,
                    entry.title or table.title,
                    table.panels,
                    number=entry.number,
                    unit=table.unit,
                    notes=table.notes,
                )
            )
    return tuple(out)


def standard_tables(
    disclosure: Disclosure | Ledger, *, set: TableSet | None = None, split_codes: bool = True
) -> tuple[Table, ...]:
    """The standard tables of ``disclosure``, laid out for display (a Ledger is published first).

    Without ``set``, a disclosure's printed tables (``Disclosure.tables``) as printed, else the
    set it names (``table_set``) or ``"mof-9"`` filled from its narrative sections.  With ``set``
    (``"mof-9"``, ``"sichuan-14"``, ``"shanghai-2024"``, ``"university-4"``), the tables of that
    set: each printed table of its kind, the others filled from the sections.  ``split_codes=False``
    prints a 功能分类 code in one column.
    """
    from budgetacct.model.ledger import Ledger

    if isinstance(disclosure, Ledger):
        disclosure = disclosure.publish(tables=set or True)
    if not isinstance(disclosure, Disclosure):
        raise InvalidValue(
            "决算公开数据（Disclosure 或 Ledger）", "a Disclosure or a Ledger", disclosure, path="$"
        )
    if set is not None and set not in TABLE_SETS:
        raise InvalidValue(
            f"表套之一：{'、'.join(TABLE_SETS)}",
            f"one of the table sets {', '.join(TABLE_SETS)}",
            set,
            path="$.set",
        )
    set_name = set or disclosure.table_set
    return tuple(
        layout(
            table,
            department=disclosure.department,
            year=disclosure.year,
            set_name=set_name,
            split_codes=split_codes,
        )
        for table in printed_tables(disclosure, set)
    )
