"""Sections 五 (一般公共预算财政拨款支出: overall, structure, detail by 项) and 六 (基本支出)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from budgetacct.codes import BasicExpensePart, FunctionCode
from budgetacct.model.disclosure import FunctionLine
from budgetacct.money import Direction, Percent
from budgetacct.render.labels import code_name
from budgetacct.render.narrative.context import Context, section, subsection
from budgetacct.render.narrative.document import Section
from budgetacct.render.templates import SectionSpec
from budgetacct.render.zh import budget_comparison_phrase, share_of_phrase

__all__ = ["basic_expenditure", "general_budget"]


def _code_name(code: FunctionCode, printed: str | None, year: int) -> str:
    """The printed name, else the catalogue's, else the code itself."""
    return code_name(code, printed, year) or code.code


def _segment(code: FunctionCode) -> str:
    """The code's own digits: ``201`` for a 类, ``03`` for a 款, ``01`` for a 项."""
    return code.code if len(code.code) == 3 else code.code[-2:]


def _parents(item: FunctionLine, year: int) -> tuple[tuple[FunctionCode, str], ...]:
    """(code, printed name) of the item's 类 and 款, from ``parent_names`` or the catalogue."""
    ancestors = item.code.ancestors
    names = list(item.parent_names)
    out = []
    for i, code in enumerate(ancestors):
        printed = names[i] if i < len(names) else None
        out.append((code, _code_name(code, printed, year)))
    return tuple(out)


_STATED_REASON = {
    Direction.INCREASE: "reason_above",
    Direction.DECREASE: "reason_below",
    Direction.FLAT: "reason_flat",
}


def _reason(ctx: Context, item: FunctionLine) -> str:
    """“决算数大于/小于预算数的主要原因是……” when the final figure differs from the budget.

    A comparison the report states (``versus_budget``) is printed as stated, even where the
    figures say otherwise: the narrative prints what the report says, and the audit judges it (R99).
    """
    if item.versus_budget is not None:
        return ctx.p(_STATED_REASON[item.versus_budget.direction])
    if item.budget is not None:
        comparison = budget_comparison_phrase(item.amount, item.budget)
        if comparison.endswith("大于预算数"):
            return ctx.p("reason_above")
        if comparison.endswith("小于预算数"):
            return ctx.p("reason_below")
        return ""
    if item.completion is not None and item.completion != Percent(100):
        return ctx.p("reason_above" if item.completion > Percent(100) else "reason_below")
    return ""


_STATED_VERSUS = {
    Direction.INCREASE: "versus_above",
    Direction.DECREASE: "versus_below",
    Direction.FLAT: "versus_flat",
}


def _versus(ctx: Context, item: FunctionLine) -> str:
    """“，决算数大于年初预算数” when the report states the comparison (``versus_budget``)."""
    return "" if item.versus_budget is None else ctx.p(_STATED_VERSUS[item.versus_budget.direction])


def _grouped_items(ctx: Context, items: Sequence[FunctionLine]) -> list[str]:
    """“1.一般公共服务（201）政府办公厅（室）及相关机构事务（03）: 行政运行（01）支出决算为…；…。”."""
    groups: dict[str, list[FunctionLine]] = {}
    for item in items:
        key = item.code.code[:5] if len(item.code.code) >= 5 else item.code.code
        groups.setdefault(key, []).append(item)
    paragraphs = []
    for n, members in enumerate(groups.values(), start=1):
        parents = _parents(members[0], ctx.year)
        class_code, class_name = parents[0] if parents else (members[0].code, "")
        parent_section = parents[1] if len(parents) > 1 else None
        rendered = [
            ctx.p(
                "item",
                name=_code_name(m.code, m.name, ctx.year),
                code=_segment(m.code),
                amount=ctx.amount(m.amount),
                completion=ctx.completion_clause(m.amount, m.budget, m.completion) + _versus(ctx, m),
            )
            for m in members
        ]
        if parent_section is None:  # a 类 or 款 line without a parent 款
            paragraphs.append(f"{n}." + ctx.join(rendered) + ctx.p("sentence_end"))
            continue
        paragraphs.append(
            ctx.p(
                "item_group",
                n=n,
                class_name=class_name,
                class_code=_segment(class_code),
                section_name=parent_section[1],
                section_code=_segment(parent_section[0]),
                sep=ctx.p("item_group_sep"),
                items=ctx.join(rendered),
            )
        )
    return paragraphs


def _budget_items(ctx: Context, items: Sequence[FunctionLine]) -> list[str]:
    """One paragraph per 项: budget, final figure, completion, and a 原因 placeholder."""
    paragraphs = []
    for n, item in enumerate(items, start=1):
        parents = _parents(item, ctx.year)
        class_name = parents[0][1] if parents else ""
        section_name = parents[1][1] if len(parents) > 1 else ""
        rate = ""
        if item.completion is not None:
            rate = ctx.p("item_completion", rate=ctx.percent(item.completion))
        elif item.budget:
            rate = ctx.p("item_completion", rate=ctx.percent(Percent.ratio(item.amount, item.budget)))
        values: dict[str, Any] = {
            "n": n,
            "class_name": class_name,
            "section_name": section_name,
            "name": _code_name(item.code, item.name, ctx.year),
            "amount": ctx.amount(item.amount),
            "completion": rate,
            "reason": _reason(ctx, item),
        }
        if item.budget is not None:
            paragraphs.append(ctx.p("item_budget", budget=ctx.amount(item.budget), **values))
        else:
            paragraphs.append(ctx.p("item_no_budget", **values))
    return paragraphs


def general_budget(ctx: Context, spec: SectionSpec) -> Section | None:
    g = ctx.d.general_budget
    if g is None:
        return None
    subs: list[Section] = []
    if g.total is not None:
        text = ctx.p("gpb_total", year=ctx.year, total=ctx.amount(g.total))
        if g.share is not None:
            share = share_of_phrase("本年支出合计", g.share, locale=ctx.locale)
            text += ctx.p("gpb_share", share=share)
        text += ctx.joined_yoy("gpb_join", "gpb_subject", g.change)
        subs.append(subsection(ctx, 1, "gpb_overall", [text + ctx.p("sentence_end")]))
    structure_total = g.structure_total if g.structure_total is not None else g.total
    if g.classes and structure_total is not None:
        lines = [
            ctx.line(_code_name(c.code, c.name, ctx.year), c.amount, c.share)
            for c in sorted(g.classes, key=lambda c: c.code.code)
        ]
        text = ctx.p(
            "gpb_structure",
            year=ctx.year,
            total=ctx.amount(structure_total),
            lines=ctx.join(lines),
        )
        subs.append(subsection(ctx, 2, "gpb_structure", [text]))
    detail_total = g.detail_total if g.detail_total is not None else g.total
    if g.items and detail_total is not None:
        head = ctx.p(
            "gpb_detail",
            year=ctx.year,
            total=ctx.amount(detail_total),
            completion=ctx.completion_clause(detail_total, g.detail_budget, g.detail_completion),
        )
        items = sorted(g.items, key=lambda i: i.code.code)
        body = _budget_items(ctx, items) if ctx.t.item_budget_paragraphs else _grouped_items(ctx, items)
        subs.append(subsection(ctx, 3, "gpb_detail", [head, *body]))
    if not subs:
        return None
    return section(ctx, spec, [], subs)


# --- 六 基本支出 -----------------------------------------------------------------------------------


def _basic_names(ctx: Context, part: BasicExpensePart) -> tuple[str, ...]:
    b = ctx.d.basic_expenditure
    assert b is not None
    names = []
    for line in b.lines:
        if len(line.code.code) != 5 or line.code.basic_expense_part is not part or not line.amount:
            continue
        names.append(code_name(line.code, line.name, ctx.year) or line.code.code)
    if names:
        return tuple(names)
    if b.lines:  # lines given, but none of this part
        return ()
    return ctx.t.personnel_items if part is BasicExpensePart.PERSONNEL else ctx.t.public_items


def basic_expenditure(ctx: Context, spec: SectionSpec) -> Section | None:
    b = ctx.d.basic_expenditure
    if b is None or b.total is None:
        return None
    paragraphs = [ctx.p("basic_total", year=ctx.year, total=ctx.amount(b.total))]
    for part, amount in ((BasicExpensePart.PERSONNEL, b.personnel), (BasicExpensePart.PUBLIC, b.public)):
        if amount is None:
            continue
        names = _basic_names(ctx, part)
        part_label = ctx.label(part.value)
        if names:
            paragraphs.append(
                ctx.p(
                    "basic_part",
                    part=part_label,
                    amount=ctx.amount(amount),
                    names=ctx.join(names, "enum_sep"),
                )
            )
        else:
            paragraphs.append(ctx.p("basic_part_plain", part=part_label, amount=ctx.amount(amount)))
    if len(paragraphs) == 1:  # no split stated: end the sentence
        paragraphs[0] = paragraphs[0].rstrip("，：,:") + ctx.p("sentence_end")
    return section(ctx, spec, paragraphs)
