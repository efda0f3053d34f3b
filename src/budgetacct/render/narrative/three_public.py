"""Section 七: the “三公”经费 from appropriations, overall and by part, then the 会议费 and 培训费 a
report states beside them (a sub-section of their own, only when the disclosure holds them)."""

from __future__ import annotations

from budgetacct.model.disclosure import BudgetedFigure
from budgetacct.money import Direction
from budgetacct.render.narrative.context import Context, absent, section, subsection
from budgetacct.render.narrative.document import Section
from budgetacct.render.templates import SectionSpec
from budgetacct.render.zh import budget_comparison_phrase

__all__ = ["three_public"]


def _versus_budget(ctx: Context, figure: BudgetedFigure) -> str:
    if figure.versus_budget is not None:
        if figure.versus_budget.direction is Direction.FLAT:
            assert figure.actual is not None
            phrase = budget_comparison_phrase(figure.actual, figure.actual, locale=ctx.locale)
            return ctx.p("versus_clause", phrase=phrase)
        return ctx.p("tp_versus_budget", words=ctx.words(figure.versus_budget))
    if figure.actual is not None and figure.budget is not None:
        phrase = budget_comparison_phrase(figure.actual, figure.budget, locale=ctx.locale)
        return ctx.p("versus_clause", phrase=phrase)
    return ""


def _part(ctx: Context, key: str, n: int, figure: BudgetedFigure, counts: str) -> str:
    """“n.因公出国（境）经费支出X，完成预算…。”, the counts, then the year-on-year sentence."""
    assert figure.actual is not None
    head = ctx.p(
        key,
        n=n,
        amount=ctx.amount(figure.actual),
        completion=ctx.completion_clause(figure.actual, figure.budget, figure.completion),
    )
    return head + counts + ctx.yoy_sentence(f"{key}_subject", figure.change)


def _beside(ctx: Context) -> list[str]:
    """“2021年度会议费支出3.5万元，比2020年减少1.2万元，下降25.53%。”, and the same of 培训费."""
    sentences = []
    for key, figure in (("tp_meeting", ctx.d.meeting_costs), ("tp_training", ctx.d.training_costs)):
        if figure is None or figure.actual is None:
            continue
        change = (
            "" if figure.change is None else ctx.p("tp_beside_change", words=ctx.versus_prior(figure.change))
        )
        sentences.append(
            ctx.p(
                "tp_beside",
                year=ctx.year,
                name=ctx.p(key),
                amount=ctx.amount(figure.actual),
                change=change,
                completion=ctx.completion_clause(figure.actual, figure.budget, figure.completion),
                versus=_versus_budget(ctx, figure),
            )
        )
    return sentences


def three_public(ctx: Context, spec: SectionSpec) -> Section | None:
    beside = _beside(ctx)
    tp = ctx.d.three_public
    if tp is None or tp.total.actual is None:
        missing = absent(ctx, spec, "tp_what")
        if not beside:
            return missing
        paragraphs = () if missing is None else missing.paragraphs
        return section(ctx, spec, paragraphs, [subsection(ctx, 1, "tp_beside", beside)])
    overall = ctx.p(
        "tp_total",
        year=ctx.year,
        amount=ctx.amount(tp.total.actual),
        completion=ctx.completion_clause(tp.total.actual, tp.total.budget, tp.total.completion),
        versus=_versus_budget(ctx, tp.total),
    )
    subs = [subsection(ctx, 1, "tp_overall", [overall])]
    parts = [
        ("因公出国（境）费", tp.outbound),
        ("公务用车购置及运行维护费", tp.vehicles),
        ("公务接待费", tp.reception),
    ]
    known = [(name, f.actual) for name, f in parts if f.actual is not None]
    detail: list[str] = []
    if known:
        lines = [ctx.p("tp_breakdown_line", name=ctx.label(name), amount=ctx.amount(a)) for name, a in known]
        detail.append(ctx.p("tp_breakdown", year=ctx.year, lines=ctx.join(lines)))
    n = 0
    if tp.outbound.actual is not None:
        n += 1
        counts = ""
        if tp.outbound_groups is not None and tp.outbound_people is not None:
            counts = ctx.p("tp_outbound_counts", groups=tp.outbound_groups, people=tp.outbound_people)
        detail.append(_part(ctx, "tp_outbound", n, tp.outbound, counts))
    if tp.vehicles.actual is not None:
        n += 1
        counts = ""
        if tp.vehicle_purchase.actual is not None and tp.vehicle_operation.actual is not None:
            counts += ctx.p(
                "tp_vehicle_parts",
                purchase=ctx.amount(tp.vehicle_purchase.actual),
                operation=ctx.amount(tp.vehicle_operation.actual),
            )
        if tp.vehicles_purchased is not None and tp.vehicles_held is not None:
            counts += ctx.p(
                "tp_vehicle_counts", year=ctx.year, purchased=tp.vehicles_purchased, held=tp.vehicles_held
            )
        detail.append(_part(ctx, "tp_vehicles", n, tp.vehicles, counts))
    if tp.reception.actual is not None:
        n += 1
        text = _part(ctx, "tp_reception", n, tp.reception, "")
        dom, foreign = tp.domestic_reception.actual, tp.foreign_reception.actual
        if dom is not None or foreign is not None:
            text += ctx.p("tp_of_which")
        detail.append(text)
        if dom is not None:
            text = ctx.p("tp_domestic", amount=ctx.amount(dom))
            if tp.domestic_batches is not None and tp.domestic_people is not None:
                text += ctx.p(
                    "tp_domestic_counts",
                    batches=tp.domestic_batches,
                    people=tp.domestic_people,
                    amount=ctx.amount(dom),
                )
            detail.append(text)
        if foreign is not None:
            text = ctx.p("tp_foreign", amount=ctx.amount(foreign))
            if tp.foreign_batches is not None and tp.foreign_people is not None:
                text += ctx.p("tp_foreign_counts", batches=tp.foreign_batches, people=tp.foreign_people)
            detail.append(text)
    if detail:
        subs.append(subsection(ctx, 2, "tp_detail", detail))
    if beside:
        subs.append(subsection(ctx, len(subs) + 1, "tp_beside", beside))
    return section(ctx, spec, [], subs)
