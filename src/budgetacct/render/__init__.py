"""Rendering: numbers and phrases in Chinese (and plain English), labels, narrative and tables.

>>> from budgetacct import Amount
>>> from budgetacct.render import TABLE, format_amount, label
>>> format_amount(Amount("91.50")), format_amount(Amount("91.50"), TABLE), label("项目支出", "en")
('91.5万元', '91.50', 'Project expenditure')
"""

from __future__ import annotations

from budgetacct.render.labels import LABELS, is_english, label
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
    "NumberStyle",
    "budget_comparison_phrase",
    "change_phrase",
    "completion_phrase",
    "flat_phrase",
    "format_amount",
    "format_percent",
    "is_english",
    "label",
    "rmb_uppercase",
    "share_of_phrase",
    "share_phrase",
    "yoy_phrase",
    "yoy_sentence",
]
