"""Mutations that make a statement about the figures wrong while every figure stays right (R99,
R100): an item's 决算数 compared with its 年初预算数 in the wrong word, and a date or a table's
title carrying last year's year (text copied from the previous report and not updated)."""

from __future__ import annotations

from typing import Final

import attrs
from hypothesis import assume
from hypothesis import strategies as st

from budgetacct.model.disclosure import Disclosure, StatedChange
from budgetacct.money import Direction
from budgetacct.strategies._helpers import _need, _replaced
from budgetacct.strategies.mutation import _mutation


def _m_budget_word(draw: st.DrawFn, d: Disclosure) -> Disclosure:
    # Only an item whose printed figures differ can be worded wrongly beyond doubt: for printed
    # figures that are equal, “大于/小于” is a warning (R99), not the error this mutation promises.
    gb = _need(d.general_budget)
    differing = [
        i for i, line in enumerate(gb.items) if line.budget is not None and line.budget != line.amount
    ]
    assume(differing)
    index = draw(st.sampled_from(differing))
    line = gb.items[index]
    above = line.amount > _need(line.budget)
    wrong = (Direction.DECREASE, Direction.FLAT) if above else (Direction.INCREASE, Direction.FLAT)
    worded = attrs.evolve(line, versus_budget=StatedChange(draw(st.sampled_from(wrong))))
    return attrs.evolve(d, general_budget=attrs.evolve(gb, items=_replaced(gb.items, index, worded)))


def _m_last_years_date(draw: st.DrawFn, d: Disclosure) -> Disclosure:
    last_year = d.year - draw(st.integers(1, 3))
    if d.assets is not None and d.assets.as_of is not None and draw(st.booleans()):
        return attrs.evolve(d, assets=attrs.evolve(d.assets, as_of=f"{last_year}年12月31日"))
    assume(d.tables)
    index = draw(st.integers(0, len(d.tables) - 1))
    table = d.tables[index]
    titled = attrs.evolve(table, title=f"{last_year}年度{table.title}")
    return attrs.evolve(d, tables=_replaced(d.tables, index, titled))


MUTATIONS: Final = (
    _mutation(
        "budget-word-wrong",
        ["R99"],
        "§五(三) says of one item “决算数小于/大于年初预算数” (or 持平) where its printed figures say "
        "the opposite",
        _m_budget_word,
    ),
    _mutation(
        "last-years-date",
        ["R100"],
        "the assets are stated “截至” last year's 31 December, or a table's title names last year",
        _m_last_years_date,
    ),
)
