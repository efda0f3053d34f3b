"""Sections 一 to 四: the overall totals, revenue by source, spending by kind, fiscal appropriations."""

from __future__ import annotations

from collections.abc import Iterable

from budgetacct.model.disclosure import Expenditure, Revenue
from budgetacct.model.enums import ExpenditureKind, RevenueSource
from budgetacct.money import Amount, Percent
from budgetacct.render.narrative.context import Context, section
from budgetacct.render.narrative.document import Section
from budgetacct.render.templates import SectionSpec

__all__ = ["expenditure", "fiscal", "overview", "revenue"]


def overview(ctx: Context, spec: SectionSpec) -> Section | None:
    o = ctx.d.overview
    if o is None or (o.revenue_grand_total is None and o.expenditure_grand_total is None):
        return None
    rev, exp = o.revenue_grand_total, o.expenditure_grand_total
    if rev is not None and (exp is None or rev == exp):
        head = ctx.p("overview_total", year=ctx.year, total=ctx.amount(rev))
    elif exp is not None and rev is None:
        head = ctx.p("overview_total", year=ctx.year, total=ctx.amount(exp))
    else:
        assert rev is not None
        assert exp is not None
        head = ctx.p("overview_split", year=ctx.year, revenue=ctx.amount(rev), expenditure=ctx.amount(exp))
    head += ctx.joined_yoy("overview_join", "overview_subject", o.change, each=True)
    return section(ctx, spec, [head + ctx.p("sentence_end")])


def _breakdown(
    ctx: Context,
    spec: SectionSpec,
    key: str,
    stated: Revenue | Expenditure | None,
    parts: Iterable[RevenueSource] | Iterable[ExpenditureKind],
    list_all: bool,
) -> Section | None:
    """“本年收入合计X，其中：A…，占…；B…” — the stated parts, or all of them with zeros (``list_all``)."""
    if stated is None or stated.total is None:
        return None
    lines = []
    for part in parts:
        line = stated.get(part)  # type: ignore[arg-type]  # a Revenue's parts are sources, an Expenditure's kinds
        if line is None and not list_all:
            continue
        amount = line.amount if line is not None else Amount(0)
        share = line.share if line is not None else (Percent(0) if list_all else None)
        lines.append(ctx.line(ctx.label(part.value), amount, share))
    total = ctx.amount(stated.total)
    if not lines:
        return section(ctx, spec, [ctx.p(f"{key}_total", year=ctx.year, total=total)])
    return section(ctx, spec, [ctx.p(key, year=ctx.year, total=total, lines=ctx.join(lines))])


def revenue(ctx: Context, spec: SectionSpec) -> Section | None:
    return _breakdown(ctx, spec, "revenue", ctx.d.revenue, RevenueSource, ctx.t.list_all_sources)


def expenditure(ctx: Context, spec: SectionSpec) -> Section | None:
    return _breakdown(ctx, spec, "expenditure", ctx.d.expenditure, ExpenditureKind, ctx.t.list_all_kinds)


def fiscal(ctx: Context, spec: SectionSpec) -> Section | None:
    f = ctx.d.fiscal
    if f is None or f.grand_total is None:
        return None
    text = ctx.p("fiscal_total", year=ctx.year, total=ctx.amount(f.grand_total))
    text += ctx.joined_yoy("fiscal_join", "fiscal_subject", f.change, each=True)
    return section(ctx, spec, [text + ctx.p("sentence_end")])
