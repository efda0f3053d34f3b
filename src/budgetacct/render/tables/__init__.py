"""The standard disclosure tables (MoF 公开01–09; the seed's 14-table Sichuan set) as objects.

A :class:`Table` holds its number, title, department, unit, header rows (:class:`Cell`, with
column spans) and body rows (:class:`Row`, whose cells are text, :class:`~budgetacct.money.Amount`,
a printed dash or ``None`` for a blank cell).  Every table is a
:class:`~budgetacct.model.tables.StandardTable` laid out by its spec
(:mod:`budgetacct.model.table_specs`): the disclosure's printed tables (``Disclosure.tables``) as
printed, and for a disclosure read from a narrative, the tables filled from its sections through
the same specs (:mod:`budgetacct.model.section_tables`, which never computes a figure the
narrative does not state).  A table with no figure at all carries the standard note
“本部门YYYY年度没有…，故本表无数据。”.

Renderers: :func:`to_text` (CJK-aware column widths), :func:`to_markdown`, :func:`to_html`
(also ``Table._repr_html_``) and :func:`to_xlsx` (needs the ``excel`` extra: openpyxl).
Amounts are written in :data:`~budgetacct.render.zh.TABLE` style: ``739.00``, ``1,234.56``.

The package's parts: :mod:`~budgetacct.render.tables.model` (the objects),
:mod:`~budgetacct.render.tables.renderers`, :mod:`~budgetacct.render.tables.layout` (a
StandardTable by its spec) and :mod:`~budgetacct.render.tables.builders` (which tables).

>>> from budgetacct import load_example
>>> tables = standard_tables(load_example("xiqu-2021"))
>>> [t.number for t in tables][:3], len(tables)
(['公开01表', '公开02表', '公开03表'], 9)
>>> tables[8].note
'本部门2021年度没有国有资本经营预算财政拨款支出，故本表无数据。'
>>> len(standard_tables(load_example("xiqu-2021"), set="sichuan-14"))
14
"""

from __future__ import annotations

from budgetacct._text import display_width
from budgetacct.errors import MissingDependency
from budgetacct.render.tables.builders import TABLE_SETS, printed_tables, standard_tables
from budgetacct.render.tables.layout import layout
from budgetacct.render.tables.model import Cell, Row, Table, TableSet, Value
from budgetacct.render.tables.renderers import to_html, to_markdown, to_text, to_xlsx

__all__ = [
    "TABLE_SETS",
    "Cell",
    "MissingDependency",
    "Row",
    "Table",
    "TableSet",
    "Value",
    "display_width",
    "layout",
    "printed_tables",
    "standard_tables",
    "to_html",
    "to_markdown",
    "to_text",
    "to_xlsx",
]
