"""Rendering: numbers and phrases in Chinese (and plain English), labels, narrative and tables.

>>> from budgetacct import Amount
>>> from budgetacct.render import TABLE, format_amount, label
>>> format_amount(Amount("91.50")), format_amount(Amount("91.50"), TABLE), label("项目支出", "en")
('91.5万元', '91.50', 'Project expenditure')
"""

from __future__ import annotations

from budgetacct.render.labels import LABELS, is_english, label
from budgetacct.render.narrative import Narrative, Section, render_narrative
from budgetacct.render.tables import (
    Cell,
    MissingDependency,
    Row,
    Table,
    standard_tables,
    to_html,
    to_markdown,
    to_text,
    to_xlsx,
)
from budgetacct.render.templates import TEMPLATES, Template, get_template
from budgetacct.render.zh import (
    PROSE,
    TABLE,
    NumberStyle,
    budget_comparison_phrase,
    change_phrase,
    completion_phrase,
    flat_phrase,
    format_amount,
    format_percent,
    rmb_uppercase,
    share_of_phrase,
    share_phrase,
    yoy_phrase,
    yoy_sentence,
)

__all__ = [
    "LABELS",
    "PROSE",
    "TABLE",
    # narrative and tables
    "TEMPLATES",
    "Cell",
    "MissingDependency",
    "Narrative",
    "NumberStyle",
    "Row",
    "Section",
    "Table",
    "Template",
    "budget_comparison_phrase",
    "change_phrase",
    "completion_phrase",
    "flat_phrase",
    "format_amount",
    "format_percent",
    "get_template",
    "is_english",
    "label",
    "render_narrative",
    "rmb_uppercase",
    "share_of_phrase",
    "share_phrase",
    "standard_tables",
    "to_html",
    "to_markdown",
    "to_text",
    "to_xlsx",
    "yoy_phrase",
    "yoy_sentence",
]
