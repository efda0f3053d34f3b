"""Narrative templates as data: section outline, sentence patterns and options, per template.

A :class:`Template` says *which* sections a 决算说明 has, in which order and under which titles,
and *how* each sentence is worded (``str.format`` patterns in Chinese and English).  The small
functions in :mod:`budgetacct.render.narrative` fill the patterns from a
:class:`~budgetacct.model.disclosure.Disclosure`; they never choose wording themselves, so a new
template is a new value here, not new branches there.  The wording every template shares (the
phrases, sub-section titles, outline, 基本支出 content lists and 名词解释) is read from
``render/data/narrative.toml``.

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

import tomllib
from collections.abc import Mapping
from importlib import resources
from types import MappingProxyType
from typing import Any, Final

import attrs

from budgetacct.errors import InvalidValue

__all__ = [
    "ALL_LINES",
    "BASE_PHRASES",
    "BUDGET_SECTIONS",
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


def _narrative_data() -> dict[str, Any]:
    text = resources.files("budgetacct.render").joinpath("data", "narrative.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


# The wording lives in data/narrative.toml: a table of sentences, not code.
_DATA: Final = _narrative_data()


def _phrase_table(table: Mapping[str, list[str]]) -> Mapping[str, Phrase]:
    return MappingProxyType({key: (zh, en) for key, (zh, en) in table.items()})


#: Sentence patterns shared by every template (a template overrides single keys).
BASE_PHRASES: Final[Mapping[str, Phrase]] = _phrase_table(_DATA["phrases"])

# 六: the standard content lists of 人员经费 and 公用经费 (the seed's wording), used when the
# disclosure carries no economic lines of its own.
_PERSONNEL_ITEMS: Final[tuple[str, ...]] = tuple(_DATA["basic_items"]["personnel"])
_PUBLIC_ITEMS: Final[tuple[str, ...]] = tuple(_DATA["basic_items"]["public"])

_GLOSSARY: Final = tuple(GlossaryEntry(**entry) for entry in _DATA["glossary"])

_OUTLINE: Final = tuple(SectionSpec(**section) for section in _DATA["outline"])

#: Sub-section titles (zh, en), by builder key.
SUBSECTIONS: Final[Mapping[str, Phrase]] = _phrase_table(_DATA["subsections"])

#: The sections of a 部门预算 (zh, en), by the Budget field that holds their figures.
BUDGET_SECTIONS: Final[Mapping[str, Phrase]] = _phrase_table(_DATA["budget_sections"])


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
