"""Strategies for the standard tables as published: whole tables, their panels, rows and columns.

Each table is printed by :func:`~budgetacct.model.publish_tables.publish_tables` from a valid
ledger, so it adds up in itself (rows, columns, roll-ups, balance) and an empty one carries its
note; the tables of one disclosure (:func:`~budgetacct.strategies.disclosures`) also agree with
each other and with the narrative.
"""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import SearchStrategy

from budgetacct.model.ledger import Ledger
from budgetacct.model.publish_tables import publish_tables
from budgetacct.model.table_specs import SPECS, TABLE_SETS, UNIVERSITY_SPECS
from budgetacct.model.tables import Column, Panel, StandardTable, TableKind, TableRow
from budgetacct.strategies._helpers import _drawn
from budgetacct.strategies.ledger import ledgers as _ledgers


def standard_tables(
    *,
    ledgers: SearchStrategy[Ledger] | None = None,
    table_sets: Sequence[str] | None = None,
    kinds: Sequence[TableKind] | None = None,
) -> SearchStrategy[StandardTable]:
    """One standard table of a set (``table_sets``, default: every set of ``TABLE_SETS``), as a
    publisher prints it from a drawn valid ledger, cells rounded to 0.01 万元 one by one.

    ``kinds`` keeps the tables of those kinds (each must be printed by one of the sets).
    """
    sets = tuple(TABLE_SETS) if table_sets is None else tuple(table_sets)
    unknown = [name for name in sets if name not in TABLE_SETS]
    if unknown or not sets:
        raise InvalidArgument(f"table_sets must be taken from {tuple(TABLE_SETS)}, not {sets!r}")
    wanted = None if kinds is None else frozenset(kinds)
    entries = tuple(
        (name, position)
        for name in sets
        for position, entry in enumerate(TABLE_SETS[name].entries)
        if wanted is None or entry.kind in wanted
    )
    if not entries:
        raise InvalidArgument(
            f"no set of {sets!r} prints a table of the kinds {sorted(k.value for k in wanted or ())}"
        )
    source = ledgers if ledgers is not None else _ledgers(max_items=6)
    chosen = st.sampled_from(entries)

    def table(draw: st.DrawFn) -> StandardTable:
        name, position = draw(chosen)
        return publish_tables(draw(source), name)[position]

    return _drawn(table)


def panels(*, tables: SearchStrategy[StandardTable] | None = None) -> SearchStrategy[Panel]:
    """One panel (a side: 收入 or 支出, or the whole) of a published standard table."""
    source = tables if tables is not None else standard_tables()
    return source.flatmap(lambda table: st.sampled_from(table.panels))


def table_rows(*, tables: SearchStrategy[StandardTable] | None = None) -> SearchStrategy[TableRow]:
    """One row of a published standard table (a named line, a 功能分类 or a 经济分类 row)."""
    source = tables if tables is not None else standard_tables()
    return source.flatmap(lambda table: st.sampled_from(table.rows))


_COLUMNS = tuple(
    dict.fromkeys(
        column for specs in (SPECS, UNIVERSITY_SPECS) for spec in specs.values() for column in spec.columns()
    )
)


def columns() -> SearchStrategy[Column]:
    """A typed column some standard table prints (a measure on a basis: 基本支出 of the 决算数 …)."""
    return st.sampled_from(_COLUMNS)
