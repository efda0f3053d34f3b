"""A published 部门预算 / 单位预算 read into a :class:`~budgetacct.model.budget.Budget`.

:func:`report_kind` tells a budget from a 决算 by its title (“2019年部门预算”, “2024年单位预算”,
“2024年度部门决算”), else by the tables it prints; :func:`budget_from` assembles the Budget from
the narrative's main figures (:mod:`budgetacct.reader.budget_text`) and the standard tables
mapped onto the budget table specs.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Final, Literal

import attrs

from budgetacct.codes import FunctionCode, nearest_catalogue
from budgetacct.errors import BudgetAcctError, InputError, UnresolvedPath
from budgetacct.model import budget as model
from budgetacct.model.budget import Budget, BudgetLevel
from budgetacct.model.disclosure import Count, SourceLine, StatedChange
from budgetacct.model.tables import StandardTable
from budgetacct.money import Amount
from budgetacct.paths import render_path, resolve_path
from budgetacct.reader.assemble import structure_section
from budgetacct.reader.budget_fields import FIGURES, FUNDS, SOURCES, budget_place
from budgetacct.reader.budget_text import FISCAL_ROWS, ITEMS, ROWS, BudgetText, read_budget_text
from budgetacct.reader.detect import (
    UNNAMED_DEPARTMENT,
    department_name,
    find_year,
    own_title_year,
    titled_kind,
)
from budgetacct.reader.document import Document, Narrative, TableGrid
from budgetacct.reader.grid_tables import tables_from_grids
from budgetacct.reader.normalize import normalize_line
from budgetacct.reader.schema import budget_field_type

if TYPE_CHECKING:  # pragma: no cover - typing only
    from budgetacct.reader.published import PublishedRead

__all__ = ["ReportKind", "budget_from", "budget_heading", "read_budget_document", "report_kind"]

ReportKind = Literal["budget", "final"]

#: The first 预算 or 决算 word of an untitled page; a fund's name (一般公共预算, which a 决算 prints
#: in its headings) or a 预算执行 names no budget.
_KIND: Final = re.compile(
    r"(?<!一般公共)(?<!政府性基金)(?<!国有资本经营)(预算(?!执行)|决算)(?:公开|编制说明|情况说明|表)?"
)
_TITLE_KIND: Final = re.compile(r"\d{4}\s*年度?\s*(?:区级|市级|省级)?\s*(?:部门|单位)?\s*(预算|决算)")
_HEAD: Final = 400


def report_kind(head: str, table_kinds: tuple[bool, ...] = ()) -> ReportKind | None:
    """``"budget"`` or ``"final"`` from the report's title (its first lines, ``head``), else from
    its tables (``table_kinds``: whether each recognized table is a 预算 table); ``None`` when
    neither tells."""
    own = titled_kind([_Line(line.strip()) for line in head[:_HEAD].splitlines()])
    if own is not None:  # the title names the document (decision 0021): 预算执行 is no budget
        return own
    titled = _TITLE_KIND.search(head[:_HEAD])
    if titled is not None:
        return "budget" if titled.group(1) == "预算" else "final"
    if table_kinds and all(table_kinds):
        return "budget"
    if table_kinds and not any(table_kinds):
        return "final"
    found = _KIND.search(head[:_HEAD])
    if found is not None:
        return "budget" if found.group(1) == "预算" else "final"
    return None


_YEAR: Final = re.compile(r"(20\d{2})\s*年")
_NAMED: Final = re.compile(r"(?:预算主管部门|预算单位|部门名称|单位名称|部门)[:：]\s*([^\s:：单]{2,40})")
_BEFORE_YEAR: Final = re.compile(r"^\s*([^\s\d]{2,40}?)\s*(?:20\d{2})\s*年")


@attrs.frozen
class _Line:
    text: str


def _clean(words: str | None) -> str | None:
    """The department's name in ``words`` (:func:`budgetacct.reader.detect.department_name`)."""
    kept = department_name(words) if words else None
    return words[kept[0] : kept[1]] if words and kept is not None else None


def budget_heading(
    head: str, *, year: int | None = None, department: str | None = None
) -> tuple[int, str, BudgetLevel]:
    """The year, the department (or unit) and whose budget it is, from the report's first lines
    (normalized as the narrative is: a title typed in full-width digits, “…２０１８年部门预算”)."""
    printed, head = head, "\n".join(normalize_line(line, squeeze=False).text for line in head.split("\n"))
    level = BudgetLevel.UNIT if "单位预算" in head[:_HEAD] else BudgetLevel.DEPARTMENT
    if year is None:
        # The title's year, a site's links above it left aside; else the first year printed.
        year = own_title_year([_Line(line.strip()) for line in head[:_HEAD].splitlines()])
    if year is None:
        found_year = _YEAR.search(head[:_HEAD]) or _YEAR.search(head)
        # A title set in two lines, its year alone on one (“年度部门预算” / “2025”).
        titled = (
            None if found_year else find_year([_Line(line.strip()) for line in head[:_HEAD].splitlines()])
        )
        if found_year is not None:
            year = int(found_year.group(1))
        elif titled is not None:
            year = titled[0]
        else:
            raise InputError.single(
                "$.year",
                "含有年度（如“2019年部门预算”）的预算，或给出 year=",
                "a budget that states its year (such as 2019年部门预算), or year=",
                printed[:40],
                source="budget",
            )
    if department is None:
        named = _NAMED.search(head)
        lines = [line.strip() for line in head.splitlines() if line.strip()]
        before = next((m.group(1) for line in lines[:3] if (m := _BEFORE_YEAR.match(line))), None)
        department = named.group(1) if named else _clean(before) or (_clean(lines[0]) if lines else None)
        if lines and not department:  # a sentence or a heading opens the page: no name printed
            department = UNNAMED_DEPARTMENT
        if not department:
            raise InputError.single(
                "$.department",
                "写明部门名称的预算，或给出 department=",
                "a budget that names its department, or department=",
                printed[:40],
                source="budget",
            )
    return year, department, level


_THREE: Final = ("total", "outbound", "vehicles", "vehicle_purchase", "vehicle_operation", "reception")
#: The sections of the Budget its narrative states figure by figure: each section's fields that the
#: narrative field ``<section>.<name>`` fills (a one-figure section's amount is the field
#: ``<section>`` itself; the lists that need more than a lookup are added in :func:`budget_from`).
_SECTIONS: Final[dict[str, tuple[str, ...]]] = {
    "overview": (
        "revenue_grand_total",
        "expenditure_grand_total",
        "revenue_total",
        "expenditure_total",
        "non_fiscal_balance_used",
        "carried_forward",
        "carry_to_next",
        "change",
    ),
    "revenue": (
        "total",
        "fiscal",
        "change",
        "fiscal_change",
        "general_budget_change",
        "other_change",
        "special_account",
        "special_account_change",
    ),
    "expenditure": (
        "total",
        "basic",
        "project",
        "change",
        "basic_change",
        "project_change",
        "reserve",
        "reserve_change",
    ),
    "fiscal": ("total", "change", "reason"),
    "general_budget": ("total", "change"),
    "basic_expenditure": ("total", "personnel", "public"),
    "procurement": ("total", "goods", "works", "services"),
    "assets": ("equipment", "equipment_threshold", "vehicles_total"),
    "asset_purchases": ("equipment", "equipment_threshold"),
    "targets": ("amount", "overall_amount"),
    **dict.fromkeys(FIGURES, ("amount", "change")),
}
#: The narrative's store of a field, by the field's type in the model.
_STORES: Final[dict[type, Callable[[BudgetText, str], object]]] = {
    Amount: BudgetText.get,
    StatedChange: BudgetText.change,
    str: BudgetText.reason,
    int: BudgetText.count,
}


def _stated(text: BudgetText, section: str, names: tuple[str, ...]) -> dict[str, object]:
    """The figures the narrative states of ``section`` (a dotted Budget path), by field name."""
    path = tuple(section.split("."))
    # A one-figure section's amount (and a 三公 figure's) is stated as the section's own field.
    whole = path[0] in (*FIGURES, "three_public")
    return {
        name: _STORES[budget_field_type((*path, name))](
            text, section if whole and name == "amount" else f"{section}.{name}"
        )
        for name in names
    }


_CODE_PREFIX: Final = re.compile(r"^[\d\s]+")


def _function_names(tables: tuple[StandardTable, ...], year: int) -> dict[str, str]:
    """Function code → name: the report's own table rows, then the catalogue's codes they lack."""
    names: dict[str, str] = {}
    for table in tables:
        for panel in table.panels:
            for row in panel.rows:
                if row.function is not None and row.name:
                    names.setdefault(row.function.code, "".join(_CODE_PREFIX.sub("", row.name).split()))
    try:
        catalogue = nearest_catalogue("function", year)[0]
    except BudgetAcctError:
        return names
    for entry in catalogue:
        names.setdefault(entry.code, entry.name)
    return names


def _planned(text: BudgetText, section: str) -> list[model.PlannedLine]:
    """The 功能分类 lines of one section (first printings), in the order printed."""
    return [
        model.PlannedLine(
            FunctionCode(item.code),
            item.figure.amount,
            name=item.name,
            change=item.change,
            executed=item.executed.amount if item.executed else None,
            factors=tuple(
                model.ChangeFactor(direction, figure.amount, clause)
                for direction, clause, figure in item.factors
            ),
        )
        for item in text.items
        if not item.figure.restated and item.figure.field.startswith(f"{section}:")
    ]


def budget_from(
    text: BudgetText,
    tables: tuple[StandardTable, ...],
    *,
    year: int,
    department: str,
    level: BudgetLevel,
    table_set: str | None,
) -> tuple[Budget, dict[str, str]]:
    """The Budget, and the path each narrative figure was stored at (field → path; a figure not
    stored has none)."""

    def get(field: str) -> Amount | None:
        return text.get(field)

    def any_of(section: str) -> bool:
        fields = (*(f.field for f in text.figures), *(name for name, _ in text.counts))
        return any(field == section or field.startswith(f"{section}.") for field in fields)

    lines = [field for field in SOURCES if get(field) is not None]
    rows = _planned(text, ROWS)
    fiscal_rows = _planned(text, FISCAL_ROWS)
    planned = _planned(text, ITEMS)
    # A fund's amount only with the 一般公共预算 one (a fund read alone would not add up to the
    # total); a fund's change also when its amount is left out.
    with_general = bool(get("fiscal.general_fund"))  # a 0 一般公共预算 line keeps no fund either
    funds = [
        field
        for field in FUNDS
        if (with_general and get(field) is not None) or text.change(f"{field}.change") is not None
    ]
    stated = {name: _stated(text, name, names) for name, names in _SECTIONS.items()}
    stated["three_public"] = {
        name: _stated(text, f"three_public.{name}", ("amount", "change", "reason")) for name in _THREE
    }
    lists: dict[str, dict[str, object]] = {
        "revenue": {"lines": [SourceLine(SOURCES[field], get(field) or Amount(0)) for field in lines]},
        "expenditure": {"rows": rows},
        "fiscal": {
            "rows": fiscal_rows,
            "basic": _stated(text, "fiscal.basic", ("total", "personnel", "public"))
            if any_of("fiscal.basic")
            else None,
            "funds": [
                model.FundBudget(
                    FUNDS[field],
                    get(field) if with_general else None,
                    change=text.change(f"{field}.change"),
                )
                for field in funds
            ],
        },
        "general_budget": {"items": planned, "items_complete": False},
        "assets": {"vehicles": [Count(category, count) for category, count in text.vehicles]},
        "targets": {
            "projects": text.target_projects,
            "lines": [model.TargetedProject(name, figure.amount) for name, figure in text.targeted],
        },
    }
    sections = {
        name: structure_section(name, {**figures, **lists.get(name, {})}, budget_field_type((name,)))
        for name, figures in stated.items()
        if any_of(name)
    }
    budget = Budget(
        year=year,
        department=department,
        level=level,
        **sections,
        units=("万元",),
        tables=tables,
        table_set=table_set,
    )
    coded = {
        section: [str(line.code) for line in planned_lines]
        for section, planned_lines in ((ITEMS, planned), (ROWS, rows), (FISCAL_ROWS, fiscal_rows))
    }
    places = {figure.field: budget_place(figure.field, lines, funds, coded) for figure in text.figures}
    return budget, {
        field: render_path(place)
        for field, place in places.items()
        if place is not None and _holds(budget, render_path(place), text.get(field))
    }


def _holds(budget: Budget, path: str, amount: Amount | None) -> bool:
    """Whether the Budget holds ``amount`` at ``path``: a figure counts as read only where it is
    stored (a lexicon field no place of the model takes is left unread, never reported read)."""
    try:
        return amount is not None and resolve_path(budget, path) == amount
    except UnresolvedPath:
        return False


def read_budget_document(
    document: Document,
    narrative: Narrative,
    grids: tuple[TableGrid, ...],
    *,
    year: int | None = None,
    department: str | None = None,
    table_set: str | None = None,
) -> PublishedRead:
    """A :class:`Document` of a budget report read into a Budget, with its sources and coverage."""
    from budgetacct.reader.published import _budget_table_set, assemble_read, noted_tables

    head = "\n".join([narrative.text[:_HEAD], *(grid.title for grid in grids[:3])])
    year, department, level = budget_heading(head, year=year, department=department)
    tables = tables_from_grids(grids, year=year, table_set=table_set)
    found = table_set or _budget_table_set(tables)
    chosen = found if not isinstance(found, tuple) else None
    if tables.tables and isinstance(found, tuple):
        # Layouts of one province's set that differ in a table or two: the one reading most cells
        # (on a tie, the one of the report's year: Shanghai's 总表 splits 基本支出 from 2024).
        reads = [(tables_from_grids(grids, year=year, table_set=name), name) for name in found]
        tables, chosen = max(
            reads, key=lambda pair: (pair[0].cells_read, pair[1].endswith("2024") == (year >= 2024))
        )
    elif tables.tables and chosen is not None and chosen != table_set:
        tables = tables_from_grids(grids, year=year, table_set=chosen)
    noted = noted_tables(document, grids, tables)
    text = read_budget_text(narrative.text, _function_names(tables.tables, year), year=year)
    budget, paths = budget_from(
        text, noted, year=year, department=department, level=level, table_set=chosen if noted else None
    )
    stored = {(figure.start, figure.end) for figure in text.figures if figure.field in paths}
    # A printing is unread when none of the fields it fills is stored (listed once).
    unread = sorted(
        {
            *text.unread,
            *((f.start, f.end, f.printed) for f in text.figures if (f.start, f.end) not in stored),
        }
    )
    why = {(start, end): (english, chinese) for start, end, english, chinese in text.withheld}
    read = assemble_read(
        document,
        narrative,
        tables,
        budget,
        placed=[
            (paths[figure.field], figure.start, figure.end, figure.printed)
            for figure in text.figures
            if figure.field in paths
        ],
        unplaced=[
            (
                start,
                printed,
                *why.get(
                    (start, end),
                    ("a budget figure no wording of the budget reader places", "预算说明中未能对应的数字"),
                ),
            )
            for start, end, printed in unread
        ],
        unread_figures=len(unread),
    )
    # One printing that fills two fields (“收入、支出预算总计X” is both totals) is one figure read.
    counted = len(stored)
    coverage = read.coverage
    return attrs.evolve(
        read,
        coverage=attrs.evolve(
            coverage,
            figures_read=coverage.figures_read - coverage.narrative_read + counted,
            narrative_read=counted,
        ),
    )
