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

from collections.abc import Iterable, Mapping
from typing import Final

import attrs

from budgetacct.errors import InvalidValue
from budgetacct.model.disclosure import Disclosure
from budgetacct.render.narrative.context import Builder, Context
from budgetacct.render.narrative.document import Narrative, Section
from budgetacct.render.narrative.general_budget import basic_expenditure, general_budget
from budgetacct.render.narrative.other import glossary, government_fund, other_matters, state_capital
from budgetacct.render.narrative.three_public import three_public
from budgetacct.render.narrative.totals import expenditure, fiscal, overview, revenue
from budgetacct.render.templates import Template, get_template
from budgetacct.render.zh import PROSE

__all__ = ["Narrative", "Section", "render_narrative"]

#: Section key → its builder (the template's outline names the keys).
BUILDERS: Final[Mapping[str, Builder]] = {
    "overview": overview,
    "revenue": revenue,
    "expenditure": expenditure,
    "fiscal": fiscal,
    "general_budget": general_budget,
    "basic_expenditure": basic_expenditure,
    "three_public": three_public,
    "government_fund": government_fund,
    "state_capital": state_capital,
    "other_matters": other_matters,
    "glossary": glossary,
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
    ctx = Context(disclosure, tpl, locale, style)
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
