"""The Disclosure from a read report's draft: each section built from its nested dicts.

The draft (:class:`~budgetacct.reader.draft.Draft`) holds only what the text stated; a field
absent from the draft takes the model's default, and a section that the model refuses is left
out with a note rather than sinking the whole read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, Final

from budgetacct.errors import BudgetAcctError
from budgetacct.model.disclosure import (
    Assets,
    BasicExpenditure,
    BudgetedFigure,
    Count,
    Disclosure,
    EconomicLine,
    Expenditure,
    Fiscal,
    FunctionLine,
    FundFlow,
    FundSpending,
    GeneralBudget,
    KindLine,
    OperatingCosts,
    Overview,
    Procurement,
    Revenue,
    RevenueRow,
    SourceLine,
    Staffing,
    StatedChange,
    ThreePublic,
    UnitStaffing,
)
from budgetacct.model.performance import FundingSplit, Indicator, Performance, ProjectEvaluation
from budgetacct.reader.draft import Draft

__all__ = ["build_disclosure"]


def _fields(node: Mapping[str, Any] | None, names: Iterable[str]) -> dict[str, Any]:
    if not node:
        return {}
    return {name: node[name] for name in names if node.get(name) is not None}


def _change(node: Any) -> StatedChange | None:
    if not isinstance(node, dict) or node.get("direction") is None:
        return None
    return StatedChange(**_fields(node, ("direction", "amount", "rate", "previous")))


_LINE_FIELDS: Final = (
    "code",
    "amount",
    "name",
    "share",
    "budget",
    "completion",
    "basic",
    "project",
    "remittance",
    "business",
    "affiliate_subsidy",
)


def _function_line(node: Mapping[str, Any]) -> FunctionLine:
    values = _fields(node, _LINE_FIELDS)
    if node.get("parent_names"):
        values["parent_names"] = tuple(node["parent_names"])
    return FunctionLine(**values)


def _lines(
    node: Mapping[str, Any] | None, name: str, make: Callable[[Mapping[str, Any]], Any]
) -> tuple[Any, ...]:
    if not node:
        return ()
    return tuple(make(element) for element in node.get(name, ()))


def _overview(n: Mapping[str, Any]) -> Overview:
    return Overview(
        **_fields(
            n,
            (
                "revenue_grand_total",
                "expenditure_grand_total",
                "non_fiscal_balance_used",
                "opening_balance",
                "surplus_distribution",
                "closing_balance",
            ),
        ),
        change=_change(n.get("change")),
    )


def _revenue(n: Mapping[str, Any]) -> Revenue:
    return Revenue(
        **_fields(n, ("total",)),
        lines=_lines(n, "lines", lambda e: SourceLine(**_fields(e, ("source", "amount", "share")))),
        change=_change(n.get("change")),
        rows=_lines(
            n,
            "rows",
            lambda e: RevenueRow(
                **_fields(
                    e,
                    (
                        "code",
                        "total",
                        "name",
                        "fiscal",
                        "superior_subsidy",
                        "operations",
                        "business",
                        "affiliated_remittance",
                        "other",
                    ),
                )
            ),
        ),
    )


def _expenditure(n: Mapping[str, Any]) -> Expenditure:
    return Expenditure(
        **_fields(n, ("total",)),
        lines=_lines(n, "lines", lambda e: KindLine(**_fields(e, ("kind", "amount", "share")))),
        change=_change(n.get("change")),
        classes=_lines(n, "classes", _function_line),
        rows=_lines(n, "rows", _function_line),
    )


def _fiscal(n: Mapping[str, Any]) -> Fiscal:
    return Fiscal(
        **_fields(
            n, ("grand_total", "revenue_total", "expenditure_total", "opening_balance", "closing_balance")
        ),
        change=_change(n.get("change")),
        funds=_lines(
            n,
            "funds",
            lambda e: FundFlow(**_fields(e, ("fund", "opening", "revenue", "expenditure", "closing"))),
        ),
    )


def _general_budget(n: Mapping[str, Any]) -> GeneralBudget:
    return GeneralBudget(
        **_fields(
            n, ("total", "share", "structure_total", "detail_total", "detail_budget", "detail_completion")
        ),
        change=_change(n.get("change")),
        classes=_lines(n, "classes", _function_line),
        items=_lines(n, "items", _function_line),
        rows=_lines(n, "rows", _function_line),
        items_complete=n.get("items_complete", True),
    )


def _basic(n: Mapping[str, Any]) -> BasicExpenditure:
    return BasicExpenditure(
        **_fields(n, ("total", "personnel", "public")),
        lines=_lines(n, "lines", lambda e: EconomicLine(**_fields(e, ("code", "amount", "name")))),
    )


_FIGURES: Final = (
    "total",
    "outbound",
    "vehicles",
    "vehicle_purchase",
    "vehicle_operation",
    "reception",
    "domestic_reception",
    "foreign_reception",
)
_TP_COUNTS: Final = (
    "outbound_groups",
    "outbound_people",
    "vehicles_purchased",
    "vehicles_held",
    "domestic_batches",
    "domestic_people",
    "foreign_batches",
    "foreign_people",
)


def _figure(node: Any) -> BudgetedFigure:
    if not isinstance(node, dict):
        return BudgetedFigure()
    return BudgetedFigure(
        **_fields(node, ("actual", "budget", "completion")),
        versus_budget=_change(node.get("versus_budget")),
        change=_change(node.get("change")),
    )


def _three_public(n: Mapping[str, Any]) -> ThreePublic:
    values: dict[str, Any] = {name: _figure(n.get(name)) for name in _FIGURES}
    values.update(_fields(n, _TP_COUNTS))
    return ThreePublic(**values)


def _fund(n: Mapping[str, Any]) -> FundSpending:
    return FundSpending(
        **_fields(n, ("total", "opening_balance", "revenue", "closing_balance")),
        change=_change(n.get("change")),
    )


def _operating(n: Mapping[str, Any]) -> OperatingCosts:
    return OperatingCosts(**_fields(n, ("amount",)), change=_change(n.get("change")))


def _procurement(n: Mapping[str, Any]) -> Procurement:
    return Procurement(
        **_fields(
            n, ("total", "goods", "works", "services", "sme", "sme_share", "small_micro", "small_micro_share")
        )
    )


def _count(node: Mapping[str, Any]) -> Count:
    return Count(node["category"], node["count"])


def _assets(n: Mapping[str, Any]) -> Assets:
    return Assets(
        **_fields(n, ("vehicles_total", "general_equipment", "special_equipment", "as_of")),
        vehicles=_lines(n, "vehicles", _count),
    )


def _unit(n: Mapping[str, Any]) -> UnitStaffing:
    return UnitStaffing(
        **_fields(n, ("name", "authorized", "actual", "retired")),
        authorized_by_category=_lines(n, "authorized_by_category", _count),
        actual_by_category=_lines(n, "actual_by_category", _count),
    )


def _staffing(n: Mapping[str, Any]) -> Staffing:
    return Staffing(
        units=_lines(n, "units", _unit),
        **_fields(n, ("total_authorized", "total_actual", "total_retired")),
    )


def _split(node: Any) -> FundingSplit:
    return FundingSplit(**_fields(node if isinstance(node, dict) else None, ("total", "fiscal", "other")))


def _indicator(n: Mapping[str, Any]) -> Indicator:
    return Indicator(
        **_fields(n, ("level1", "level2", "name", "target", "actual", "weight", "score", "deviation_reason"))
    )


def _evaluation(n: Mapping[str, Any]) -> ProjectEvaluation:
    return ProjectEvaluation(
        **_fields(
            n,
            (
                "name",
                "department",
                "implementing_unit",
                "goal_expected",
                "goal_actual",
                "execution_weight",
                "execution_score",
                "total_score",
                "grade",
            ),
        ),
        budget=_split(n.get("budget")),
        executed=_split(n.get("executed")),
        indicators=_lines(n, "indicators", _indicator),
    )


def _performance(n: Mapping[str, Any]) -> Performance:
    return Performance(
        **_fields(
            n,
            (
                "projects_assessed",
                "projects_with_targets",
                "projects_monitored",
                "projects_self_evaluated",
                "claims_fully_executed",
                "claims_no_balance",
                "claims_no_adjustment",
                "overall_rating",
            ),
        ),
        evaluations=_lines(n, "evaluations", _evaluation),
    )


_SECTIONS: Final[tuple[tuple[str, Callable[[Mapping[str, Any]], Any]], ...]] = (
    ("overview", _overview),
    ("revenue", _revenue),
    ("expenditure", _expenditure),
    ("fiscal", _fiscal),
    ("general_budget", _general_budget),
    ("basic_expenditure", _basic),
    ("three_public", _three_public),
    ("government_fund", _fund),
    ("state_capital", _fund),
    ("operating_costs", _operating),
    ("procurement", _procurement),
    ("assets", _assets),
    ("staffing", _staffing),
    ("performance", _performance),
)


def build_disclosure(draft: Draft, year: int, department: str, template: str | None) -> Disclosure:
    sections: dict[str, Any] = {}
    for name, make in _SECTIONS:
        node = draft.data.get(name)
        if not node:
            continue
        try:
            sections[name] = make(node)
        except (BudgetAcctError, KeyError, TypeError) as exc:  # defensive: never let a section sink the read
            draft.notes.append(f"section {name} dropped: {exc}")
    return Disclosure(year=year, department=department, template=template, **sections)
