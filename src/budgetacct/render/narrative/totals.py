"""Sections 一 to 四: the overall totals, revenue by source, spending by kind, fiscal appropriations."""

from __future__ import annotations

from collections.abc import Sequence

from budgetacct.model.disclosure import KindLine, SourceLine
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
    total: Amount,
    parts: Sequence[tuple[str, SourceLine | KindLine | None]],
    list_all: bool,
) -> Section:
    """“本年收入合计X，其中：A…，占…；B…” — the stated parts, or all of them with zeros (``list_all``)."""
    lines = []
    for name, line in parts:
        if line is None and not list_all:
            continue
        amount = line.amount if line is not None else Amount(0)
        share = line.share if line is not None else (Percent(0) if list_all else None)
        lines.append(ctx.line(ctx.label(name), amount, share))
    if not lines:
        return section(ctx, spec, [ctx.p(f"{key}_total", year=ctx.year, total=ctx.amount(total))])
    return section(ctx, spec, [ctx.p(key, year=ctx.year, total=ctx.amount(total), lines=ctx.join(lines))])


def revenue(ctx: Context, spec: SectionSpec) -> Section | None:
    r = ctx.d.revenue
    if r is None or r.total is None:
        return None
    parts = [(source.value, r.get(source)) for source in RevenueSource]
    return _breakdown(ctx, spec, "revenue", r.total, parts, ctx.t.list_all_sources)


def expenditure(ctx: Context, spec: SectionSpec) -> Section | None:
    e = ctx.d.expenditure
    if e is None or e.total is None:
        return None
    parts = [(kind.value, e.get(kind)) for kind in ExpenditureKind]
    return _breakdown(ctx, spec, "expenditure", e.total, parts, ctx.t.list_all_kinds)


def fiscal(ctx: Context, spec: SectionSpec) -> Section | None:
    f = ctx.d.fiscal
    if f is None or f.grand_total is None:
        return None
    text = ctx.p("fiscal_total", year=ctx.year, total=ctx.amount(f.grand_total))
    text += ctx.joined_yoy("fiscal_join", "fiscal_subject", f.change, each=True)
    return section(ctx, spec, [text + ctx.p("sentence_end")])
