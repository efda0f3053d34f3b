"""The words for the sections of a 部门预算, read from render/data/narrative.toml: each names a
field of :class:`~budgetacct.model.budget.Budget`, in Chinese and in English."""

from __future__ import annotations

import attrs

from budgetacct import load_example
from budgetacct._places import place_words
from budgetacct.model.budget import Budget
from budgetacct.render.templates import BUDGET_SECTIONS


def test_every_budget_section_word_names_a_budget_field() -> None:
    fields = attrs.fields_dict(Budget)
    assert set(BUDGET_SECTIONS) <= set(fields)
    assert {"overview", "three_public", "targets"} <= set(BUDGET_SECTIONS)
    for zh, en in BUDGET_SECTIONS.values():
        assert zh.endswith("情况")
        assert any(ch.isascii() and ch.isalpha() for ch in en)


def test_a_budget_figure_is_placed_in_its_section() -> None:
    budget = load_example("ptczj-2025", "budget")
    assert place_words("$.overview.revenue_grand_total", budget) == (
        "收支预算总体情况",
        "section “Overall budget”",
    )
    assert place_words("$.meeting_costs.amount", budget) is None  # a figure with no section of its own
