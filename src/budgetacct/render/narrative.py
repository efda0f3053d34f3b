"""The 决算说明 (第二部分 部门决算情况说明 and 第三部分 名词解释) written from a Disclosure.

:func:`render_narrative` fills the sentence patterns of a template
(:mod:`budgetacct.render.templates`) with the figures *as published*: every amount, share and
change printed comes from the :class:`~budgetacct.model.disclosure.Disclosure` (a stated change is
written with its stated amount and rate, never recomputed), and numbers are written by
:mod:`budgetacct.render.zh` (``739万元``, ``增长7.3%``).  A section whose figures the disclosure
lacks is left out, or, where the template says so, replaced by “本部门YYYY年度无…”.

>>> from budgetacct import load_example
>>> n = render_narrative(load_example("xiqu-2021"))
>>> [s.number for s in n.sections]
['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '']
>>> n.sections[0].paragraphs[0]
'2021年度收、支总计874.63万元，与2020年相比，收、支总计各减少19.37万元，下降2.17%。'
>>> print(render_narrative(load_example("xiqu-2021"), locale="en", sections=["operating_costs"]).text)
10. Other important matters
(1) Agency operating expenses
In 2021, agency operating expenses of 攀枝花市西区人民政府办公室 were 74.27 (10,000 yuan), compared with 2020, increase of 5.05 (10,000 yuan), up 7.3%.
"""

from __future__ import annotations

import html as _html
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Final

import attrs

from budgetacct.codes import BasicExpensePart, FunctionCode
from budgetacct.errors import BudgetAcctError, InvalidValue
from budgetacct.model.disclosure import (
    BudgetedFigure,
    Disclosure,
    FunctionLine,
    FundSpending,
    StatedChange,
)
from budgetacct.model.enums import ExpenditureKind, RevenueSource
from budgetacct.money import Amount, Change, Direction, Percent
from budgetacct.render.labels import is_english, label
from budgetacct.render.templates import SUBSECTIONS, SectionSpec, Template, get_template
from budgetacct.render.zh import (
    PROSE,
    NumberStyle,
    budget_comparison_phrase,
    completion_phrase,
    format_amount,
    format_percent,
    share_of_phrase,
    share_phrase,
    yoy_sentence,
)

__all__ = ["Narrative", "Section", "render_narrative"]

_CHINESE_NUMERALS: Final = "一二三四五六七八九十"


@attrs.frozen
class Section:
    """One numbered part of the narrative: ``number`` (“一”, “（一）”), ``title``, paragraphs, parts."""

    number: str
    title: str
    paragraphs: tuple[str, ...] = ()
    subsections: tuple[Section, ...] = ()
    key: str = ""

    def heading(self, english: bool = False) -> str:
        if not self.number:
            return self.title
        if self.number.startswith(("（", "(")):  # sub-section: “（一）机关运行经费支出情况。”
            return f"{self.number} {self.title}" if english else f"{self.number}{self.title}。"
        return f"{self.number}{'. ' if english else '、'}{self.title}"

    def all_paragraphs(self) -> tuple[str, ...]:
        """The paragraphs of this section and of its sub-sections, in reading order (no headings)."""
        out = list(self.paragraphs)
        for sub in self.subsections:
            out.extend(sub.all_paragraphs())
        return tuple(out)


@attrs.frozen
class Narrative:
    """A rendered 决算说明: sections in order, as plain text, Markdown or HTML."""

    sections: tuple[Section, ...]
    locale: str = "zh_CN"
    template: str = "sichuan-2021"

    @property
    def english(self) -> bool:
        return is_english(self.locale)

    def section(self, key_or_number: str) -> Section | None:
        """The top-level section with this builder key (``"revenue"``) or number (``"二"``)."""
        return next((s for s in self.sections if key_or_number in (s.key, s.number)), None)

    def paragraphs(self) -> tuple[str, ...]:
        """Every paragraph of every section, headings excluded."""
        return tuple(p for s in self.sections for p in s.all_paragraphs())

    @property
    def text(self) -> str:
        lines: list[str] = []
        for section in self.sections:
            lines.append(section.heading(self.english))
            lines.extend(section.paragraphs)
            for sub in section.subsections:
                lines.append(sub.heading(self.english))
                lines.extend(sub.paragraphs)
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.text

    def markdown(self) -> str:
        out: list[str] = []
        for section in self.sections:
            out.append(f"## {section.heading(self.english)}\n")
            out.extend(f"{p}\n" for p in section.paragraphs)
            for sub in section.subsections:
                out.append(f"### {sub.heading(self.english)}\n")
                out.extend(f"{p}\n" for p in sub.paragraphs)
        return "\n".join(out)

    def html(self) -> str:
        esc = _html.escape
        out = ['<div class="budgetacct-narrative">']
        for section in self.sections:
            out.append(f"<h2>{esc(section.heading(self.english))}</h2>")
            out.extend(f"<p>{esc(p)}</p>" for p in section.paragraphs)
            for sub in section.subsections:
                out.append(f"<h3>{esc(sub.heading(self.english))}</h3>")
                out.extend(f"<p>{esc(p)}</p>" for p in sub.paragraphs)
        out.append("</div>")
        return "\n".join(out)

    def _repr_html_(self) -> str:
        return self.html()


# --- context: the template, the locale and the number writers -----------------------------------


@attrs.frozen
class _Ctx:
    d: Disclosure
    t: Template
    locale: str
    style: NumberStyle

    @property
    def en(self) -> bool:
        return is_english(self.locale)

    @property
    def year(self) -> int:
        return self.d.year

    @property
    def prior(self) -> int:
        return self.d.year - 1

    def p(self, key: str, **values: object) -> str:
        return self.t.phrase(key, self.en).format(**values)

    def amount(self, a: Amount) -> str:
        return format_amount(a, self.style)

    def percent(self, p: Percent) -> str:
        return format_percent(p, locale=self.locale)

    def label(self, zh: str) -> str:
        return label(zh, self.locale)

    def join(self, parts: Iterable[str], sep: str = "list_sep") -> str:
        return self.p(sep).join(parts)

    def line(self, name: str, amount: Amount, share: Percent | None) -> str:
        if share is None:
            return self.p("line", name=name, amount=self.amount(amount))
        return self.p(
            "line_share", name=name, amount=self.amount(amount), share=share_phrase(share, locale=self.locale)
        )

    # changes, written with the *stated* figures ---------------------------------------------------

    def words(self, change: StatedChange) -> str:
        """``减少19.37万元，下降2.17%`` from a stated change (the caller handles 持平)."""
        direction = change.direction
        word = direction.english if self.en else direction.value
        rate_word = ("up" if direction is Direction.INCREASE else "down") if self.en else direction.rate_word
        if change.amount is None:
            if change.rate is None:
                return word
            return self.p("words_rate_only", rate_word=rate_word, rate=self.percent(change.rate))
        amount = self.amount(change.amount)
        if change.rate is None:
            return self.p("words", direction=word, amount=amount)
        return self.p(
            "words_rate", direction=word, amount=amount, rate_word=rate_word, rate=self.percent(change.rate)
        )

    def yoy(self, subject_key: str, change: StatedChange, *, each: bool = False) -> str:
        """``与2020年相比，{subject}各减少…`` / ``{subject}与2020年持平`` (no final punctuation)."""
        subject = self.label(self.p(subject_key))
        if change.direction is Direction.FLAT:
            if not each:  # the library phrase, for the common case
                zero = Amount(0)
                return yoy_sentence(subject, Change(zero, zero), prior_year=self.prior, locale=self.locale)
            return self.p("yoy_flat", subject=subject, each=self.p("each_flat"), prior=self.prior)
        if self.en:
            subject = subject[:1].lower() + subject[1:] if subject[1:2].islower() else subject
        return self.p(
            "yoy",
            prior=self.prior,
            subject=subject,
            each=self.p("each") if each else "",
            words=self.words(change),
        )

    def versus_prior(self, change: StatedChange) -> str:
        """``比2020年增加5.05万元，增长7.3%`` / ``与2020年持平``."""
        if change.direction is Direction.FLAT:
            return self.p("versus_prior_flat", prior=self.prior)
        return self.p("versus_prior", prior=self.prior, words=self.words(change))

    def completion(self, actual: Amount | None, budget: Amount | None, stated: Percent | None) -> str | None:
        """``完成预算100%``: the stated rate, else computed from a non-zero budget, else nothing."""
        if stated is not None:
            text = self.percent(stated)
            return f"completed {text} of the budget" if self.en else f"完成预算{text}"
        if actual is not None and budget:
            return completion_phrase(actual, budget, locale=self.locale)
        return None


Builder = Callable[[_Ctx, SectionSpec], Section | None]


def _section(
    ctx: _Ctx, spec: SectionSpec, paragraphs: Sequence[str], subs: Sequence[Section] = ()
) -> Section:
    number = spec.number_en if ctx.en else spec.number
    title = spec.title_en if ctx.en else spec.title
    return Section(number, title, tuple(paragraphs), tuple(subs), key=spec.key)


def _sub(ctx: _Ctx, index: int, key: str, paragraphs: Sequence[str]) -> Section:
    zh, en = SUBSECTIONS[key]
    number = f"({index})" if ctx.en else f"（{_CHINESE_NUMERALS[index - 1]}）"
    return Section(number, en if ctx.en else zh, tuple(paragraphs), key=key)


def _absent(ctx: _Ctx, spec: SectionSpec, what_key: str) -> Section | None:
    if spec.key not in ctx.t.absent_sentences:
        return None
    return _section(ctx, spec, [ctx.p("absent", year=ctx.year, what=ctx.p(what_key))])


# --- 一 to 四 -------------------------------------------------------------------------------------


def _overview(ctx: _Ctx, spec: SectionSpec) -> Section | None:
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
    if o.change is not None:
        head += ctx.p("overview_join") + ctx.yoy("overview_subject", o.change, each=True)
    return _section(ctx, spec, [head + ctx.p("sentence_end")])


def _revenue(ctx: _Ctx, spec: SectionSpec) -> Section | None:
    r = ctx.d.revenue
    if r is None or r.total is None:
        return None
    lines = []
    for source in RevenueSource:
        line = r.get(source)
        if line is None and not ctx.t.list_all_sources:
            continue
        amount = line.amount if line is not None else Amount(0)
        share = line.share if line is not None else (Percent(0) if ctx.t.list_all_sources else None)
        lines.append(ctx.line(ctx.label(source.value), amount, share))
    if not lines:
        return _section(ctx, spec, [ctx.p("revenue_total", year=ctx.year, total=ctx.amount(r.total))])
    text = ctx.p("revenue", year=ctx.year, total=ctx.amount(r.total), lines=ctx.join(lines))
    return _section(ctx, spec, [text])


def _expenditure(ctx: _Ctx, spec: SectionSpec) -> Section | None:
    e = ctx.d.expenditure
    if e is None or e.total is None:
        return None
    lines = []
    for kind in ExpenditureKind:
        line = e.get(kind)
        if line is None and not ctx.t.list_all_kinds:
            continue
        amount = line.amount if line is not None else Amount(0)
        share = line.share if line is not None else (Percent(0) if ctx.t.list_all_kinds else None)
        lines.append(ctx.line(ctx.label(kind.value), amount, share))
    if not lines:
        return _section(ctx, spec, [ctx.p("expenditure_total", year=ctx.year, total=ctx.amount(e.total))])
    text = ctx.p("expenditure", year=ctx.year, total=ctx.amount(e.total), lines=ctx.join(lines))
    return _section(ctx, spec, [text])


def _fiscal(ctx: _Ctx, spec: SectionSpec) -> Section | None:
    f = ctx.d.fiscal
    if f is None or f.grand_total is None:
        return None
    text = ctx.p("fiscal_total", year=ctx.year, total=ctx.amount(f.grand_total))
    if f.change is not None:
        text += ctx.p("fiscal_join") + ctx.yoy("fiscal_subject", f.change, each=True)
    return _section(ctx, spec, [text + ctx.p("sentence_end")])


# --- 五 一般公共预算财政拨款支出 ------------------------------------------------------------------


def _code_name(code: FunctionCode, printed: str | None, year: int) -> str:
    """The printed name, else the catalogue's, else the code itself."""
    if printed:
        return printed
    try:
        return code.name(year)
    except BudgetAcctError:
        return code.code


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


def _item_completion(ctx: _Ctx, item: FunctionLine) -> str:
    text = ctx.completion(item.amount, item.budget, item.completion)
    return ctx.p("completion_clause", completion=text) if text else ""


def _reason(ctx: _Ctx, item: FunctionLine) -> str:
    """“决算数大于/小于预算数的主要原因是……” when the final figure differs from the budget."""
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


def _grouped_items(ctx: _Ctx, items: Sequence[FunctionLine]) -> list[str]:
    """“1.一般公共服务（201）政府办公厅（室）及相关机构事务（03）: 行政运行（01）支出决算为…；…。”."""
    groups: dict[str, list[FunctionLine]] = {}
    for item in items:
        key = item.code.code[:5] if len(item.code.code) >= 5 else item.code.code
        groups.setdefault(key, []).append(item)
    paragraphs = []
    for n, members in enumerate(groups.values(), start=1):
        parents = _parents(members[0], ctx.year)
        class_code, class_name = parents[0] if parents else (members[0].code, "")
        section = parents[1] if len(parents) > 1 else None
        rendered = [
            ctx.p(
                "item",
                name=_code_name(m.code, m.name, ctx.year),
                code=_segment(m.code),
                amount=ctx.amount(m.amount),
                completion=_item_completion(ctx, m),
            )
            for m in members
        ]
        if section is None:  # a 类 or 款 line without a parent 款
            paragraphs.append(f"{n}." + ctx.join(rendered) + ctx.p("sentence_end"))
            continue
        paragraphs.append(
            ctx.p(
                "item_group",
                n=n,
                class_name=class_name,
                class_code=_segment(class_code),
                section_name=section[1],
                section_code=_segment(section[0]),
                sep=ctx.p("item_group_sep"),
                items=ctx.join(rendered),
            )
        )
    return paragraphs


def _budget_items(ctx: _Ctx, items: Sequence[FunctionLine]) -> list[str]:
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


def _general_budget(ctx: _Ctx, spec: SectionSpec) -> Section | None:
    g = ctx.d.general_budget
    if g is None:
        return None
    subs: list[Section] = []
    if g.total is not None:
        text = ctx.p("gpb_total", year=ctx.year, total=ctx.amount(g.total))
        if g.share is not None:
            share = share_of_phrase("本年支出合计", g.share, locale=ctx.locale)
            text += ctx.p("gpb_share", share=share)
        if g.change is not None:
            text += ctx.p("gpb_join") + ctx.yoy("gpb_subject", g.change)
        subs.append(_sub(ctx, 1, "gpb_overall", [text + ctx.p("sentence_end")]))
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
        subs.append(_sub(ctx, 2, "gpb_structure", [text]))
    detail_total = g.detail_total if g.detail_total is not None else g.total
    if g.items and detail_total is not None:
        completion = ctx.completion(detail_total, g.detail_budget, g.detail_completion)
        head = ctx.p(
            "gpb_detail",
            year=ctx.year,
            total=ctx.amount(detail_total),
            completion=ctx.p("completion_clause", completion=completion) if completion else "",
        )
        items = sorted(g.items, key=lambda i: i.code.code)
        body = _budget_items(ctx, items) if ctx.t.item_budget_paragraphs else _grouped_items(ctx, items)
        subs.append(_sub(ctx, 3, "gpb_detail", [head, *body]))
    if not subs:
        return None
    return _section(ctx, spec, [], subs)


# --- 六 基本支出 -----------------------------------------------------------------------------------


def _basic_names(ctx: _Ctx, part: BasicExpensePart) -> tuple[str, ...]:
    b = ctx.d.basic_expenditure
    assert b is not None
    names = []
    for line in b.lines:
        if len(line.code.code) != 5 or line.code.basic_expense_part is not part or not line.amount:
            continue
        name = line.name
        if not name:
            try:
                name = line.code.name(ctx.year)
            except BudgetAcctError:
                name = line.code.code
        names.append(name)
    if names:
        return tuple(names)
    if b.lines:  # lines given, but none of this part
        return ()
    return ctx.t.personnel_items if part is BasicExpensePart.PERSONNEL else ctx.t.public_items


def _basic_expenditure(ctx: _Ctx, spec: SectionSpec) -> Section | None:
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
    return _section(ctx, spec, paragraphs)


# --- 七 “三公”经费 ---------------------------------------------------------------------------------


def _figure_completion(ctx: _Ctx, figure: BudgetedFigure) -> str:
    text = ctx.completion(figure.actual, figure.budget, figure.completion)
    return ctx.p("completion_clause", completion=text) if text else ""


def _versus_budget(ctx: _Ctx, figure: BudgetedFigure) -> str:
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


def _three_public(ctx: _Ctx, spec: SectionSpec) -> Section | None:
    tp = ctx.d.three_public
    if tp is None or tp.total.actual is None:
        return _absent(ctx, spec, "tp_what")
    overall = ctx.p(
        "tp_total",
        year=ctx.year,
        amount=ctx.amount(tp.total.actual),
        completion=_figure_completion(ctx, tp.total),
        versus=_versus_budget(ctx, tp.total) if tp.total.actual is not None else "",
    )
    subs = [_sub(ctx, 1, "tp_overall", [overall])]
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
        text = ctx.p(
            "tp_outbound",
            n=n,
            amount=ctx.amount(tp.outbound.actual),
            completion=_figure_completion(ctx, tp.outbound),
        )
        if tp.outbound_groups is not None and tp.outbound_people is not None:
            text += ctx.p("tp_outbound_counts", groups=tp.outbound_groups, people=tp.outbound_people)
        if tp.outbound.change is not None:
            text += ctx.yoy("tp_outbound_subject", tp.outbound.change) + ctx.p("sentence_end")
        detail.append(text)
    if tp.vehicles.actual is not None:
        n += 1
        text = ctx.p(
            "tp_vehicles",
            n=n,
            amount=ctx.amount(tp.vehicles.actual),
            completion=_figure_completion(ctx, tp.vehicles),
        )
        if tp.vehicle_purchase.actual is not None and tp.vehicle_operation.actual is not None:
            text += ctx.p(
                "tp_vehicle_parts",
                purchase=ctx.amount(tp.vehicle_purchase.actual),
                operation=ctx.amount(tp.vehicle_operation.actual),
            )
        if tp.vehicles_purchased is not None and tp.vehicles_held is not None:
            text += ctx.p(
                "tp_vehicle_counts", year=ctx.year, purchased=tp.vehicles_purchased, held=tp.vehicles_held
            )
        if tp.vehicles.change is not None:
            text += ctx.yoy("tp_vehicles_subject", tp.vehicles.change) + ctx.p("sentence_end")
        detail.append(text)
    if tp.reception.actual is not None:
        n += 1
        text = ctx.p(
            "tp_reception",
            n=n,
            amount=ctx.amount(tp.reception.actual),
            completion=_figure_completion(ctx, tp.reception),
        )
        if tp.reception.change is not None:
            text += ctx.yoy("tp_reception_subject", tp.reception.change) + ctx.p("sentence_end")
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
        subs.append(_sub(ctx, 2, "tp_detail", detail))
    return _section(ctx, spec, [], subs)


# --- 八 / 九 ---------------------------------------------------------------------------------------


def _fund(ctx: _Ctx, spec: SectionSpec, f: FundSpending | None, prefix: str) -> Section | None:
    if f is None or f.total is None:
        return _absent(ctx, spec, f"{prefix}_what")
    text = ctx.p(f"{prefix}_total", year=ctx.year, amount=ctx.amount(f.total))
    if f.change is not None:
        text += ctx.yoy(f"{prefix}_subject", f.change) + ctx.p("sentence_end")
    return _section(ctx, spec, [text])


def _government_fund(ctx: _Ctx, spec: SectionSpec) -> Section | None:
    return _fund(ctx, spec, ctx.d.government_fund, "gf")


def _state_capital(ctx: _Ctx, spec: SectionSpec) -> Section | None:
    return _fund(ctx, spec, ctx.d.state_capital, "soe")


# --- 十 其他重要事项 -------------------------------------------------------------------------------


def _operating_costs(ctx: _Ctx) -> list[str]:
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


def _procurement(ctx: _Ctx) -> list[str]:
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


def _assets(ctx: _Ctx) -> list[str]:
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


def _performance(ctx: _Ctx) -> list[str]:
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


_OTHER_MATTERS: Final[tuple[tuple[str, Callable[[_Ctx], list[str]]], ...]] = (
    ("operating_costs", _operating_costs),
    ("procurement", _procurement),
    ("assets", _assets),
    ("performance", _performance),
)


def _other_matters(ctx: _Ctx, spec: SectionSpec) -> Section | None:
    subs: list[Section] = []
    for key, build in _OTHER_MATTERS:
        paragraphs = build(ctx)
        if paragraphs:
            subs.append(_sub(ctx, len(subs) + 1, key, paragraphs))
    return _section(ctx, spec, [], subs) if subs else None


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


def _glossary(ctx: _Ctx, spec: SectionSpec) -> Section | None:
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
    return _section(ctx, spec, paragraphs) if paragraphs else None


BUILDERS: Final[Mapping[str, Builder]] = {
    "overview": _overview,
    "revenue": _revenue,
    "expenditure": _expenditure,
    "fiscal": _fiscal,
    "general_budget": _general_budget,
    "basic_expenditure": _basic_expenditure,
    "three_public": _three_public,
    "government_fund": _government_fund,
    "state_capital": _state_capital,
    "other_matters": _other_matters,
    "glossary": _glossary,
}

_SUBSECTION_PARENT: Final = {
    **dict.fromkeys(("operating_costs", "procurement", "assets", "performance"), "other_matters"),
    **dict.fromkeys(("gpb_overall", "gpb_structure", "gpb_detail"), "general_budget"),
    **dict.fromkeys(("tp_overall", "tp_detail"), "three_public"),
}


def render_narrative(
    disclosure: Disclosure,
    *,
    template: str | Template = "sichuan-2021",
    locale: str = "zh_CN",
    sections: Iterable[str] | None = None,
) -> Narrative:
    """Write the 决算说明 of ``disclosure`` with ``template`` (``"sichuan-2021"`` or ``"all-lines"``).

    ``locale="en"`` gives the same sections in plain English (numbers as in
    :mod:`budgetacct.render.zh`).  ``sections`` keeps only the named parts: section keys
    (``"overview"``, ``"revenue"``, ``"expenditure"``, ``"fiscal"``, ``"general_budget"``,
    ``"basic_expenditure"``, ``"three_public"``, ``"government_fund"``, ``"state_capital"``,
    ``"other_matters"``, ``"glossary"``), numbers (``"五"``) or sub-section keys
    (``"operating_costs"``, ``"procurement"``, ``"assets"``, ``"performance"``, ``"gpb_detail"`` …).
    """
    if not isinstance(disclosure, Disclosure):
        raise InvalidValue("决算公开数据（Disclosure）", "a Disclosure", disclosure, path="$.disclosure")
    tpl = get_template(template)
    style = attrs.evolve(PROSE, locale=locale) if isinstance(locale, str) else PROSE
    if not isinstance(locale, str):
        raise InvalidValue(
            "语言区域名称（如 zh_CN、en）", "a locale name such as zh_CN or en", locale, path="$.locale"
        )
    ctx = _Ctx(disclosure, tpl, locale, style)
    wanted = None if sections is None else set(sections)
    out = []
    for spec in tpl.sections:
        if wanted is not None:
            subs_wanted = {
                k for k, parent in _SUBSECTION_PARENT.items() if parent == spec.key and k in wanted
            }
            if not ({spec.key, spec.number} & wanted) and not subs_wanted:
                continue
        else:
            subs_wanted = set()
        built = BUILDERS[spec.key](ctx, spec)
        if built is None:
            continue
        if subs_wanted and not ({spec.key, spec.number} & (wanted or set())):
            built = attrs.evolve(
                built, subsections=tuple(s for s in built.subsections if s.key in subs_wanted)
            )
        out.append(built)
    if all(s.key == "glossary" for s in out) and wanted is None:
        out = []  # a glossary explains figures; with no figures there is nothing to explain
    return Narrative(tuple(out), locale=locale, template=tpl.name)
