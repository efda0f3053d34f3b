"""Narrative templates as data: section outline, sentence patterns and options, per template.

A :class:`Template` says *which* sections a 决算说明 has, in which order and under which titles,
and *how* each sentence is worded (``str.format`` patterns in Chinese and English).  The small
functions in :mod:`budgetacct.render.narrative` fill the patterns from a
:class:`~budgetacct.model.disclosure.Disclosure`; they never choose wording themselves, so a new
template is a new value here, not new branches there.

Two templates are bundled:

* ``"sichuan-2021"`` reproduces the seed report (攀枝花市西区人民政府办公室 2021), including its
  house style: only non-zero sources and kinds are listed, and the item lines
  “…（03）: 行政运行（01）支出决算为…” keep the seed's half-width colon;
* ``"all-lines"`` lists all eight revenue sources and all five kinds of spending, zeros included
  (“上级补助收入0万元，占0%”), writes one budget-versus-final paragraph per 项 with a placeholder
  for the reason when the final figure differs from the budget, and states
  “本部门YYYY年度无…” for the sections a Disclosure lacks.

>>> get_template("sichuan-2021").section_keys[:3]
('overview', 'revenue', 'expenditure')
>>> get_template("all-lines").list_all_sources
True
>>> get_template("nope")
Traceback (most recent call last):
...
budgetacct.errors.InvalidValue: $.template：应为已知的说明模板（all-lines、sichuan-2021），实际为 'nope' | $.template: expected a known narrative template (all-lines, sichuan-2021), found 'nope'
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

import attrs

from budgetacct.errors import InvalidValue

__all__ = [
    "ALL_LINES",
    "BASE_PHRASES",
    "SICHUAN_2021",
    "TEMPLATES",
    "GlossaryEntry",
    "SectionSpec",
    "Template",
    "get_template",
]

#: A sentence pattern in Chinese and in English.
Phrase = tuple[str, str]


@attrs.frozen
class SectionSpec:
    """One section of the outline: the key of its builder, its number and its titles."""

    key: str
    number: str
    title: str
    title_en: str
    number_en: str = ""


@attrs.frozen
class GlossaryEntry:
    """One 名词解释 entry, printed when ``requires`` (a key of the narrative's predicates) holds."""

    term: str
    definition: str
    term_en: str
    definition_en: str
    requires: str = "always"


#: Sentence patterns shared by every template (a template overrides single keys).
BASE_PHRASES: Final[Mapping[str, Phrase]] = MappingProxyType(
    {
        # generic pieces
        "list_sep": ("；", "; "),
        "enum_sep": ("、", ", "),
        "line": ("{name}{amount}", "{name} {amount}"),
        "line_share": ("{name}{amount}，{share}", "{name} {amount}, {share}"),
        "sentence_end": ("。", "."),
        "yoy": ("与{prior}年相比，{subject}{each}{words}", "Compared with {prior}, {subject}{each}: {words}"),
        "yoy_flat": ("{subject}{each}与{prior}年持平", "{subject}{each}: unchanged from {prior}"),
        "each": ("各", " each"),
        "each_flat": ("均", " each"),
        "versus_prior": ("比{prior}年{words}", "compared with {prior}, {words}"),
        "versus_prior_flat": ("与{prior}年持平", "unchanged from {prior}"),
        "words": ("{direction}{amount}", "{direction} of {amount}"),
        "words_rate": (
            "{direction}{amount}，{rate_word}{rate}",
            "{direction} of {amount}, {rate_word} {rate}",
        ),
        "words_rate_only": ("{rate_word}{rate}", "{rate_word} {rate}"),
        "absent": ("本部门{year}年度无{what}。", "The department had no {what} in {year}."),
        # 一 收入支出决算总体情况
        "overview_total": (
            "{year}年度收、支总计{total}",
            "In {year}, total revenue and expenditure were {total} each",
        ),
        "overview_split": (
            "{year}年度收入总计{revenue}，支出总计{expenditure}",
            "In {year}, total revenue was {revenue} and total expenditure {expenditure}",
        ),
        "overview_subject": ("收、支总计", "收、支总计"),
        "overview_join": ("，", ". "),
        # 二 / 三 breakdowns
        "revenue": (
            "{year}年本年收入合计{total}，其中：{lines}。",
            "In {year}, total revenue for the year was {total}, of which: {lines}.",
        ),
        "revenue_total": (
            "{year}年本年收入合计{total}。",
            "In {year}, total revenue for the year was {total}.",
        ),
        "expenditure": (
            "{year}年本年支出合计{total}，其中：{lines}。",
            "In {year}, total expenditure for the year was {total}, of which: {lines}.",
        ),
        "expenditure_total": (
            "{year}年本年支出合计{total}。",
            "In {year}, total expenditure for the year was {total}.",
        ),
        # 四 财政拨款
        "fiscal_total": (
            "{year}年财政拨款收、支总计{total}",
            "In {year}, total fiscal appropriation revenue and expenditure were {total} each",
        ),
        "fiscal_subject": ("财政拨款收、支总计", "财政拨款收、支总计"),
        "fiscal_join": ("。", ". "),
        # 五 一般公共预算财政拨款支出
        "gpb_total": (
            "{year}年一般公共预算财政拨款支出{total}",
            "In {year}, general public budget appropriation expenditure was {total}",
        ),
        "gpb_share": ("，{share}", ", {share}"),
        "gpb_subject": ("一般公共预算财政拨款支出", "一般公共预算财政拨款支出"),
        "gpb_join": ("。", ". "),
        "gpb_structure": (
            "{year}年一般公共预算财政拨款支出{total}，主要用于以下方面：{lines}。",
            "In {year}, general public budget appropriation expenditure of {total} was mainly used for: {lines}.",
        ),
        "gpb_detail": (
            "{year}年一般公共预算支出决算数为{total}{completion}。其中：",
            "In {year}, final general public budget expenditure was {total}{completion}. Of which:",
        ),
        "completion_clause": ("，{completion}", ", {completion}"),
        "item_group": (
            "{n}.{class_name}（{class_code}）{section_name}（{section_code}）{sep}{items}。",
            "{n}. {class_name} ({class_code}) {section_name} ({section_code}): {items}.",
        ),
        "item_group_sep": ("：", ": "),
        "item": (
            "{name}（{code}）支出决算为{amount}{completion}",
            "{name} ({code}): final expenditure {amount}{completion}",
        ),
        "item_budget": (
            "{n}.{class_name}（类）{section_name}（款）{name}（项）：年初预算为{budget}，支出决算为{amount}{completion}。{reason}",
            "{n}. {class_name} (class) {section_name} (section) {name} (item): budget {budget}, "
            "final expenditure {amount}{completion}.{reason}",
        ),
        "item_no_budget": (
            "{n}.{class_name}（类）{section_name}（款）{name}（项）：支出决算为{amount}{completion}。{reason}",
            "{n}. {class_name} (class) {section_name} (section) {name} (item): final expenditure {amount}{completion}.{reason}",
        ),
        "item_completion": ("，完成年初预算的{rate}", ", {rate} of the budget"),
        "reason_above": (
            "决算数大于预算数的主要原因是……",
            " The final figure is above the budget mainly because …",
        ),
        "reason_below": (
            "决算数小于预算数的主要原因是……",
            " The final figure is below the budget mainly because …",
        ),
        "reason_flat": ("决算数与预算数持平。", " The final figure equals the budget."),
        "versus_above": ("，决算数大于年初预算数", ", above the budget"),
        "versus_below": ("，决算数小于年初预算数", ", below the budget"),
        "versus_flat": ("，决算数与年初预算数持平", ", equal to the budget"),
        # 六 基本支出
        "basic_total": (
            "{year}年一般公共预算财政拨款基本支出{total}，其中：",
            "In {year}, general public budget basic expenditure was {total}, of which:",
        ),
        "basic_part": ("{part}{amount}，主要包括：{names}等。", "{part} {amount}, mainly: {names}."),
        "basic_part_plain": ("{part}{amount}。", "{part} {amount}."),
        # 七 “三公”经费
        "tp_total": (
            "{year}年“三公”经费财政拨款支出决算为{amount}{completion}{versus}。",
            "In {year}, final “three public” expenses from appropriations were {amount}{completion}{versus}.",
        ),
        "tp_versus_budget": (
            "，决算数较预算{words}",
            ", the final figure shows a {words} against the budget",
        ),
        "tp_breakdown": (
            "{year}年“三公”经费财政拨款支出决算中，{lines}。具体情况如下：",
            "Of the final “three public” expenses of {year}: {lines}. In detail:",
        ),
        "tp_breakdown_line": ("{name}支出决算{amount}", "{name} {amount}"),
        "tp_outbound": (
            "{n}.因公出国（境）经费支出{amount}{completion}。",
            "{n}. Official overseas travel: {amount}{completion}.",
        ),
        "tp_outbound_counts": (
            "全年安排因公出国（境）团组{groups}次，出国（境）{people}人。",
            "{groups} delegation(s), {people} person(s) travelled abroad on official business.",
        ),
        "tp_outbound_subject": ("因公出国（境）支出决算", "因公出国（境）费"),
        "tp_vehicles": (
            "{n}.公务用车购置及运行维护费支出{amount}{completion}。",
            "{n}. Official vehicle purchase, operation and maintenance: {amount}{completion}.",
        ),
        "tp_vehicle_parts": (
            "其中：公务用车购置费{purchase}，公务用车运行维护费{operation}。",
            "Of which: vehicle purchase {purchase}, vehicle operation and maintenance {operation}.",
        ),
        "tp_vehicle_counts": (
            "{year}年度购置公务用车{purchased}辆，年末公务用车保有量{held}辆。",
            "{purchased} official vehicle(s) bought in {year}; {held} held at year end.",
        ),
        "tp_vehicles_subject": ("公务用车购置及运行维护费支出决算", "公务用车购置及运行维护费"),
        "tp_reception": (
            "{n}.公务接待费支出{amount}{completion}。",
            "{n}. Official reception: {amount}{completion}.",
        ),
        "tp_reception_subject": ("公务接待费支出决算", "公务接待费"),
        "tp_of_which": ("其中：", "Of which:"),
        "tp_domestic": ("国内公务接待支出{amount}。", "Domestic official reception: {amount}."),
        "tp_domestic_counts": (
            "国内公务接待{batches}批次，{people}人次（不包括陪同人员），共计支出{amount}。",
            "{batches} domestic reception(s), {people} guest(s) (not counting hosts), costing {amount} in all.",
        ),
        "tp_foreign": ("外事接待支出{amount}。", "Foreign affairs reception: {amount}."),
        "tp_foreign_counts": (
            "外事接待{batches}批次，{people}人次（不包括陪同人员）。",
            "{batches} foreign affairs reception(s), {people} guest(s) (not counting hosts).",
        ),
        # 八 / 九 fund spending
        "gf_total": (
            "{year}年政府性基金预算财政拨款支出{amount}。",
            "In {year}, government fund budget appropriation expenditure was {amount}.",
        ),
        "gf_subject": ("政府性基金预算财政拨款支出", "政府性基金预算财政拨款支出"),
        "gf_what": ("政府性基金预算财政拨款支出", "government fund budget appropriation expenditure"),
        "soe_total": (
            "{year}年国有资本经营预算财政拨款支出{amount}。",
            "In {year}, state capital operation budget appropriation expenditure was {amount}.",
        ),
        "soe_subject": ("国有资本经营预算财政拨款支出", "国有资本经营预算财政拨款支出"),
        "soe_what": (
            "国有资本经营预算财政拨款支出",
            "state capital operation budget appropriation expenditure",
        ),
        "tp_what": ("“三公”经费财政拨款支出", "“three public” expenses from appropriations"),
        "procurement_what": ("政府采购支出", "government procurement"),
        # 十 其他重要事项
        "operating_costs": (
            "{year}年，{department}机关运行经费支出{amount}{versus}。",
            "In {year}, agency operating expenses of {department} were {amount}{versus}.",
        ),
        "versus_clause": ("，{phrase}", ", {phrase}"),
        "procurement": (
            "{year}年，{department}政府采购支出总额{total}{parts}。",
            "In {year}, government procurement of {department} totalled {total}{parts}.",
        ),
        "procurement_parts": (
            "，其中：政府采购货物支出{goods}、政府采购工程支出{works}、政府采购服务支出{services}",
            ", of which goods {goods}, works {works} and services {services}",
        ),
        "procurement_sme": (
            "授予中小企业合同金额{amount}{share}。",
            "Contracts awarded to small and medium-sized enterprises: {amount}{share}.",
        ),
        "procurement_small_micro": (
            "其中，授予小微企业合同金额{amount}{share}。",
            "Of which, to small and micro enterprises: {amount}{share}.",
        ),
        "procurement_share": ("，占政府采购支出总额的{rate}", ", {rate} of the total"),
        "assets_vehicles": (
            "截至{as_of}，{unit}共有车辆{total}辆{detail}。",
            "As of {as_of}, {unit} held {total} vehicle(s){detail}.",
        ),
        "assets_vehicle_detail": ("，其中：{items}", ", of which: {items}"),
        "assets_vehicle_item": ("{category}{count}辆", "{category} {count}"),
        "assets_as_of": ("{year}年12月31日", "31 December {year}"),
        "assets_equipment": (
            "单价50万元以上通用设备{general}台（套），单价100万元以上专用设备{special}台（套）。",
            "General equipment priced at 500,000 yuan or more: {general} unit(s); special equipment priced at "
            "1,000,000 yuan or more: {special} unit(s).",
        ),
        "performance": (
            "根据预算绩效管理要求，本部门在{year}年度预算编制阶段，组织对{assessed}个项目开展了预算事前绩效评估，"
            "对{targets}个项目编制了绩效目标，预算执行过程中，选取{monitored}个项目开展绩效监控，"
            "年终执行完毕后，对{evaluated}个项目开展了绩效自评。",
            "Under budget performance management, in {year} the department assessed {assessed} project(s) ex ante, "
            "set performance targets for {targets}, monitored {monitored} during execution and self-evaluated "
            "{evaluated} after year end.",
        ),
        "glossary_entry": ("{n}.{term}：{definition}", "{n}. {term}: {definition}"),
    }
)

# 六: the standard content lists of 人员经费 and 公用经费 (the seed's wording), used when the
# disclosure carries no economic lines of its own.
_PERSONNEL_ITEMS: Final = (
    "基本工资",
    "津贴补贴",
    "奖金",
    "伙食补助费",
    "绩效工资",
    "机关事业单位基本养老保险缴费",
    "其他社会保障缴费",
    "其他工资福利支出",
    "退休费",
    "生活补助",
    "医疗费补助",
    "住房公积金",
    "其他对个人和家庭的补助支出",
)
_PUBLIC_ITEMS: Final = (
    "办公费",
    "印刷费",
    "咨询费",
    "手续费",
    "邮电费",
    "差旅费",
    "维修（护）费",
    "租赁费",
    "会议费",
    "培训费",
    "公务接待费",
    "劳务费",
    "委托业务费",
    "工会经费",
    "福利费",
    "公务用车运行维护费",
    "其他交通费",
    "其他商品和服务支出",
    "办公设备购置",
)

_GLOSSARY: Final = (
    GlossaryEntry(
        "财政拨款收入",
        "指单位从同级财政部门取得的财政预算资金。",
        "Fiscal appropriation revenue",
        "budget funds a unit receives from the finance department at the same level.",
        "fiscal_revenue",
    ),
    GlossaryEntry(
        "其他收入",
        "指单位取得的除上述收入以外的各项收入。",
        "Other revenue",
        "all revenue of the unit other than the above.",
        "other_revenue",
    ),
    GlossaryEntry(
        "年初结转和结余",
        "指以前年度尚未完成、结转到本年按有关规定继续使用的资金。",
        "Carry-over and surplus at the beginning of the year",
        "funds of earlier years not yet used, carried into this year to be used under the rules.",
    ),
    GlossaryEntry(
        "年末结转和结余",
        "指单位按有关规定结转到下年或以后年度继续使用的资金。",
        "Carry-over and surplus at the end of the year",
        "funds the unit carries into the next or later years under the rules.",
    ),
    GlossaryEntry(
        "基本支出",
        "指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。",
        "Basic expenditure",
        "personnel and public expenses to keep the organisation running and do its routine work.",
    ),
    GlossaryEntry(
        "项目支出",
        "指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。",
        "Project expenditure",
        "spending beyond basic expenditure for specific administrative tasks and development goals.",
    ),
    GlossaryEntry(
        "“三公”经费",
        "指部门用财政拨款安排的因公出国（境）费、公务用车购置及运行费和公务接待费。其中，因公出国（境）费反映单位公务"
        "出国（境）的国际旅费、国外城市间交通费、住宿费、伙食费、培训费、公杂费等支出；公务用车购置及运行费反映单位公务"
        "用车车辆购置支出（含车辆购置税）及租用费、燃料费、维修费、过路过桥费、保险费等支出；公务接待费反映单位按规定"
        "开支的各类公务接待（含外宾接待）支出。",
        "“Three public” expenses",
        "official overseas travel, official vehicle purchase and operation, and official reception paid "
        "from appropriations.",
        "three_public",
    ),
    GlossaryEntry(
        "机关运行经费",
        "为保障行政单位（含参照公务员法管理的事业单位）运行用于购买货物和服务的各项资金，包括办公及印刷费、邮电费、"
        "差旅费、会议费、福利费、日常维修费、专用材料及一般设备购置费等。",
        "Agency operating expenses",
        "funds for goods and services that keep administrative units (and units managed like them) running.",
        "operating_costs",
    ),
)

_OUTLINE: Final = (
    SectionSpec("overview", "一", "收入支出决算总体情况说明", "Overall revenue and expenditure", "1"),
    SectionSpec("revenue", "二", "收入决算情况说明", "Revenue", "2"),
    SectionSpec("expenditure", "三", "支出决算情况说明", "Expenditure", "3"),
    SectionSpec("fiscal", "四", "财政拨款收入支出决算总体情况说明", "Fiscal appropriations: overall", "4"),
    SectionSpec(
        "general_budget",
        "五",
        "一般公共预算财政拨款支出决算情况说明",
        "General public budget expenditure",
        "5",
    ),
    SectionSpec(
        "basic_expenditure",
        "六",
        "一般公共预算财政拨款基本支出决算情况说明",
        "General public budget basic expenditure",
        "6",
    ),
    SectionSpec("three_public", "七", "“三公”经费财政拨款支出决算情况说明", "“Three public” expenses", "7"),
    SectionSpec(
        "government_fund", "八", "政府性基金预算支出决算情况说明", "Government fund budget expenditure", "8"
    ),
    SectionSpec(
        "state_capital",
        "九",
        "国有资本经营预算支出决算情况说明",
        "State capital operation budget expenditure",
        "9",
    ),
    SectionSpec("other_matters", "十", "其他重要事项的情况说明", "Other important matters", "10"),
    SectionSpec("glossary", "", "名词解释", "Glossary", ""),
)

#: Sub-section titles (number, zh, en), by builder key.
SUBSECTIONS: Final[Mapping[str, Phrase]] = MappingProxyType(
    {
        "gpb_overall": ("一般公共预算财政拨款支出决算总体情况", "Overall"),
        "gpb_structure": ("一般公共预算财政拨款支出决算结构情况", "Structure"),
        "gpb_detail": ("一般公共预算财政拨款支出决算具体情况", "Detail"),
        "tp_overall": ("“三公”经费财政拨款支出决算总体情况说明", "Overall"),
        "tp_detail": ("“三公”经费财政拨款支出决算具体情况说明", "Detail"),
        "operating_costs": ("机关运行经费支出情况", "Agency operating expenses"),
        "procurement": ("政府采购支出情况", "Government procurement"),
        "assets": ("国有资产占有使用情况", "State-owned assets"),
        "performance": ("预算绩效管理情况", "Budget performance management"),
    }
)


@attrs.frozen
class Template:
    """A narrative template: outline, phrase overrides and the few switches that differ."""

    name: str
    sections: tuple[SectionSpec, ...] = _OUTLINE
    phrases: Mapping[str, Phrase] = attrs.field(factory=dict)
    #: list every revenue source / kind of spending, zeros included (“上级补助收入0万元，占0%”)
    list_all_sources: bool = False
    list_all_kinds: bool = False
    #: one budget-versus-final paragraph per 项 (with a 原因 placeholder) instead of grouped lines
    item_budget_paragraphs: bool = False
    #: section keys for which a missing section states “本部门YYYY年度无…”
    absent_sentences: frozenset[str] = frozenset()
    personnel_items: tuple[str, ...] = _PERSONNEL_ITEMS
    public_items: tuple[str, ...] = _PUBLIC_ITEMS
    glossary: tuple[GlossaryEntry, ...] = _GLOSSARY

    @property
    def section_keys(self) -> tuple[str, ...]:
        return tuple(spec.key for spec in self.sections)

    def phrase(self, key: str, english: bool) -> str:
        """The pattern ``key`` in the chosen language (the template's override, else the base)."""
        zh, en = self.phrases.get(key) or BASE_PHRASES[key]
        return en if english else zh


#: The seed's wording (攀枝花市西区人民政府办公室 2021 决算说明).
SICHUAN_2021: Final = Template(
    name="sichuan-2021",
    phrases={
        # the seed writes a half-width colon between 款 and 项 (“…（03）: 行政运行（01）”)
        "item_group_sep": (": ", ": "),
    },
)

#: Every source and kind listed, budget versus final per 项, “本部门YYYY年度无…” for missing sections.
ALL_LINES: Final = Template(
    name="all-lines",
    phrases={"overview_join": ("。", ". ")},
    list_all_sources=True,
    list_all_kinds=True,
    item_budget_paragraphs=True,
    absent_sentences=frozenset({"three_public", "government_fund", "state_capital", "procurement"}),
)

TEMPLATES: Final[Mapping[str, Template]] = MappingProxyType({t.name: t for t in (SICHUAN_2021, ALL_LINES)})


def get_template(name: str | Template) -> Template:
    """The template called ``name`` (a :class:`Template` is returned as is)."""
    if isinstance(name, Template):
        return name
    if isinstance(name, str) and name in TEMPLATES:
        return TEMPLATES[name]
    known = "、".join(sorted(TEMPLATES))
    raise InvalidValue(
        f"已知的说明模板（{known}）",
        f"a known narrative template ({', '.join(sorted(TEMPLATES))})",
        name,
        path="$.template",
    )
