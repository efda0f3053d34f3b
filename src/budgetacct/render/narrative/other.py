"""Sections 八 and 九 (government fund, state capital), 十 (other important matters) and 名词解释."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Final

from budgetacct.model.disclosure import Disclosure, FundSpending
from budgetacct.model.enums import RevenueSource
from budgetacct.render.narrative.context import Context, absent, section, subsection
from budgetacct.render.narrative.document import Section
from budgetacct.render.templates import SectionSpec

__all__ = ["glossary", "government_fund", "other_matters", "state_capital"]

# --- 八 / 九 ---------------------------------------------------------------------------------------


def _fund(ctx: Context, spec: SectionSpec, f: FundSpending | None, prefix: str) -> Section | None:
    if f is None or f.total is None:
        return absent(ctx, spec, f"{prefix}_what")
    text = ctx.p(f"{prefix}_total", year=ctx.year, amount=ctx.amount(f.total))
    return section(ctx, spec, [text + ctx.yoy_sentence(f"{prefix}_subject", f.change)])


def government_fund(ctx: Context, spec: SectionSpec) -> Section | None:
    return _fund(ctx, spec, ctx.d.government_fund, "gf")


def state_capital(ctx: Context, spec: SectionSpec) -> Section | None:
    return _fund(ctx, spec, ctx.d.state_capital, "soe")


# --- 十 其他重要事项 -------------------------------------------------------------------------------


def _operating_costs(ctx: Context) -> list[str]:
    oc = ctx.d.operating_costs
    if oc is None or oc.amount is None:
        return []
    versus = ctx.p("versus_clause", phrase=ctx.versus_prior(oc.change)) if oc.change is not None else ""
    return [
        ctx.p(
            "operating_costs",
            year=ctx.year,
            department=ctx.d.department,
            amount=ctx.amount(oc.amount),
            versus=versus,
        )
    ]


def _procurement(ctx: Context) -> list[str]:
    pr = ctx.d.procurement
    if pr is None or pr.total is None:
        if "procurement" in ctx.t.absent_sentences:
            return [ctx.p("absent", year=ctx.year, what=ctx.p("procurement_what"))]
        return []
    parts = ""
    if pr.goods is not None and pr.works is not None and pr.services is not None:
        parts = ctx.p(
            "procurement_parts",
            goods=ctx.amount(pr.goods),
            works=ctx.amount(pr.works),
            services=ctx.amount(pr.services),
        )
    text = ctx.p(
        "procurement", year=ctx.year, department=ctx.d.department, total=ctx.amount(pr.total), parts=parts
    )
    for key, amount, share in (
        ("procurement_sme", pr.sme, pr.sme_share),
        ("procurement_small_micro", pr.small_micro, pr.small_micro_share),
    ):
        if amount is not None:
            rate = ctx.p("procurement_share", rate=ctx.percent(share)) if share is not None else ""
            text += ctx.p(key, amount=ctx.amount(amount), share=rate)
    return [text]


def _assets(ctx: Context) -> list[str]:
    a = ctx.d.assets
    if a is None:
        return []
    staffing = ctx.d.staffing
    unit = staffing.units[0].name if staffing is not None and staffing.units else ctx.d.department
    text = ""
    if a.vehicles_total is not None:
        detail = ""
        if a.vehicles:
            items = [ctx.p("assets_vehicle_item", category=c.category, count=c.count) for c in a.vehicles]
            detail = ctx.p("assets_vehicle_detail", items=ctx.join(items, "enum_sep"))
        as_of = a.as_of or ctx.p("assets_as_of", year=ctx.year)
        text += ctx.p("assets_vehicles", as_of=as_of, unit=unit, total=a.vehicles_total, detail=detail)
    if a.general_equipment is not None and a.special_equipment is not None:
        text += ctx.p("assets_equipment", general=a.general_equipment, special=a.special_equipment)
    return [text] if text else []


def _performance(ctx: Context) -> list[str]:
    pf = ctx.d.performance
    if pf is None:
        return []
    counts = (
        pf.projects_assessed,
        pf.projects_with_targets,
        pf.projects_monitored,
        pf.projects_self_evaluated,
    )
    if any(c is None for c in counts):
        return []
    assessed, targets, monitored, evaluated = counts
    return [
        ctx.p(
            "performance",
            year=ctx.year,
            assessed=assessed,
            targets=targets,
            monitored=monitored,
            evaluated=evaluated,
        )
    ]


_OTHER_MATTERS: Final[tuple[tuple[str, Callable[[Context], list[str]]], ...]] = (
    ("operating_costs", _operating_costs),
    ("procurement", _procurement),
    ("assets", _assets),
    ("performance", _performance),
)


def other_matters(ctx: Context, spec: SectionSpec) -> Section | None:
    subs: list[Section] = []
    for key, build in _OTHER_MATTERS:
        paragraphs = build(ctx)
        if paragraphs:
            subs.append(subsection(ctx, len(subs) + 1, key, paragraphs))
    return section(ctx, spec, [], subs) if subs else None


# --- 名词解释 --------------------------------------------------------------------------------------

_GLOSSARY_PREDICATES: Final[Mapping[str, Callable[[Disclosure], bool]]] = {
    "always": lambda d: True,
    "fiscal_revenue": lambda d: (
        d.revenue is not None and any(line.source.is_fiscal for line in d.revenue.lines)
    ),
    "other_revenue": lambda d: d.revenue is not None and d.revenue.get(RevenueSource.OTHER) is not None,
    "three_public": lambda d: d.three_public is not None,
    "operating_costs": lambda d: d.operating_costs is not None,
}


def glossary(ctx: Context, spec: SectionSpec) -> Section | None:
    always = _GLOSSARY_PREDICATES["always"]
    entries = [e for e in ctx.t.glossary if _GLOSSARY_PREDICATES.get(e.requires, always)(ctx.d)]
    paragraphs = [
        ctx.p(
            "glossary_entry",
            n=n,
            term=e.term_en if ctx.en else e.term,
            definition=e.definition_en if ctx.en else e.definition,
        )
        for n, e in enumerate(entries, start=1)
    ]
    return section(ctx, spec, paragraphs) if paragraphs else None
