"""Rendering: numbers and phrases in Chinese (and plain English), labels, narrative and tables.

>>> from budgetacct import Amount
>>> from budgetacct.render import TABLE, format_amount, label
>>> format_amount(Amount("91.50")), format_amount(Amount("91.50"), TABLE), label("项目支出", "en")
('91.5万元', '91.50', 'Project expenditure')
"""

from __future__ import annotations

from budgetacct.render import zh
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

# zh's numbers and phrases are this package's API as they stand, its __all__ included.
from budgetacct.render.zh import *  # noqa: F403

__all__ = [
    "LABELS",
    "TEMPLATES",
    "Cell",
    "MissingDependency",
    "Narrative",
    "Row",
    "Section",
    "Table",
    "Template",
    "get_template",
    "is_english",
    "label",
    "render_narrative",
    "standard_tables",
    "to_html",
    "to_markdown",
    "to_text",
    "to_xlsx",
]
__all__ += zh.__all__
