"""Where a 部门预算 narrative's figure is stored in the :class:`~budgetacct.model.budget.Budget`.

The budget reader (:mod:`budgetacct.reader.budget_text`) names each figure by a dotted field
(``overview.revenue_grand_total``, ``revenue.general_budget``, ``three_public.outbound.change``,
``general_budget.items:2010301``); :func:`budget_place` turns a field into its Budget path.  The
lexicon checks every budget wording's fields with :func:`check_budget_field` when it is loaded, and
:mod:`budgetacct.reader.published_budget` uses the same rule to tell where each figure was stored.

>>> from budgetacct.paths import render_path
>>> render_path(check_budget_field("three_public.outbound"))
'$.three_public.outbound.amount'
>>> render_path(check_budget_field("revenue.operations"))
'$.revenue.lines[2].amount'
>>> check_budget_field("revenue.totl")
Traceback (most recent call last):
...
budgetacct.reader.schema.ReaderBug: $.revenue.totl: the model has no field totl on BudgetRevenue ...
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Final

from budgetacct.model.enums import Fund, RevenueSource
from budgetacct.paths import Path
from budgetacct.reader.schema import ReaderBug, budget_field_type

__all__ = ["FIGURES", "FUNDS", "SOURCES", "budget_place", "check_budget_field"]

#: The revenue lines' fields and their source (stored in ``revenue.lines`` in this order).
SOURCES: Final = {
    "revenue.general_budget": RevenueSource.GENERAL_BUDGET,
    "revenue.government_fund": RevenueSource.GOVERNMENT_FUND,
    "revenue.operations": RevenueSource.OPERATIONS,
    "revenue.business": RevenueSource.BUSINESS,
    "revenue.other": RevenueSource.OTHER,
}
#: The funds' fields and their fund (stored in ``fiscal.funds`` in this order).
FUNDS: Final = {
    "fiscal.general_fund": Fund.GENERAL_BUDGET,
    "fiscal.government_fund": Fund.GOVERNMENT_FUND,
    "fiscal.state_capital": Fund.STATE_CAPITAL,
}
#: Sections that are one figure (an amount and its change).
FIGURES: Final = ("operating_costs", "meeting_costs", "training_costs")


def budget_place(
    field: str, lines: Sequence[str], funds: Sequence[str], coded: Mapping[str, Sequence[str]]
) -> Path | None:
    """The Budget path a narrative field is stored at (``None``: not stored), given the revenue
    lines and funds stored (their fields, in order) and the codes of each section's 功能分类 lines."""
    if field in SOURCES:
        return ("revenue", "lines", lines.index(field), "amount")
    fund, _, changed = field.rpartition(".") if field.endswith(".change") else (field, "", "")
    if fund in FUNDS:
        inside = ("change", "amount") if changed else ("amount",)
        # A fund's amount is stored only beside the 一般公共预算 one (see budget_from).
        stored = fund in funds and (bool(changed) or "fiscal.general_fund" in funds)
        return ("fiscal", "funds", funds.index(fund), *inside) if stored else None
    if field.startswith("targets.lines:"):
        return ("targets", "lines", int(field.rpartition(":")[2]), "amount")
    section, _, code_part = field.partition(":")
    if code_part:
        code, _, part = code_part.partition(".")
        index = coded[section].index(code)
        if part.startswith("factors:"):
            place: tuple[str | int, ...] = ("factors", int(part.partition(":")[2]), "amount")
        else:
            place = ("executed",) if part == "executed" else (*((part,) if part else ()), "amount")
        return (*section.split("."), index, *place)
    parts: tuple[str, ...] = tuple(field.split("."))
    if (parts[0] == "three_public" and len(parts) == 2) or (parts[0] in FIGURES and len(parts) == 1):
        parts = (*parts, "amount")
    if parts[-1].endswith("change"):
        parts = (*parts, "amount")
    return parts


def check_budget_field(field: str) -> Path:
    """The path ``field`` is stored at when every revenue line and fund is read;
    :class:`~budgetacct.reader.schema.ReaderBug` when the Budget has no such place."""
    code = field.partition(":")[2].partition(".")[0]
    path = budget_place(field, list(SOURCES), list(FUNDS), defaultdict(lambda: [code]))
    if path is None:  # pragma: no cover - every field has a place once all funds are read
        raise ReaderBug(f"{field}: no place in the Budget")
    budget_field_type(path)
    return path
