"""The reader's lexicon: printed label wordings → model paths, as data (``data/lexicon.toml``).

Each :class:`Entry` names a wording (``财政拨款收入总计``), the model paths of the figure printed
after it, the sections of the report it applies in, and where it was seen (:class:`Seen`:
province, year, document).  The file is loaded once and validated when this module is imported:
every path must be a place of the :class:`~budgetacct.model.disclosure.Disclosure` (checked with
:func:`~budgetacct.reader.schema.field_type`), every ``seen`` key a known source, and no two entries
of one wording may apply in the same section.  A bad lexicon raises
:class:`~budgetacct.reader.schema.ReaderBug` at import, so it fails every test, not a user's read.

Two more tables serve the 部门预算 reader (:mod:`budgetacct.reader.budget_text`):
:class:`BudgetWording` (``[[budget_wording]]``: the budget figures a wording names, the wording as
a regular expression, each field a place of the :class:`~budgetacct.model.budget.Budget`
checked with :func:`~budgetacct.reader.budget_fields.check_budget_field`) and :class:`NameAlias`
(``[[function_name]]``: a 功能分类 name as printed for a catalogue name — an earlier catalogue's
name or a misprint), each with where it was seen.

Labels are found by longest match over a trie of the wordings (:func:`labels`): scanning left to
right, the longest wording that starts at a position wins and the scan resumes after it, so
``财政拨款收入总计`` is one label and never ``收入总计`` preceded by ``财政拨款``.

A fund's own figures (``[fund_roles]`` and ``[[fund]]``): a generic wording of the department's
figures (收入总计, 年末结转和结余, 本年支出 …) with a fund's name before it is that fund's figure
(``一般公共预算财政拨款年末结转和结余``: its FundFlow's closing balance; ``一般公共预算收入总计``:
no place in the model, so unread with that reason), and so is the wording in the fund's section and
after the fund's label in the same sentence (:meth:`Lexicon.scan`).

>>> [(f.wording, f.entries[0].flow) for f in labels("一般公共预算收入总计9万元，年末结转和结余1万元")][1]
('年末结转和结余', (<Fund.GENERAL_BUDGET: '一般公共预算财政拨款'>, 'closing'))

>>> [(found.wording, found.start) for found in labels("2021年度财政拨款收入总计5万元，收入总计9万元。")]
[('财政拨款收入总计', 6), ('收入总计', 18)]
>>> entry = LEXICON.entries_for("收入总计")[1]
>>> entry.paths, entry.sections, [seen.document for seen in entry.seen][:1]
((('revenue', 'total'),), ('revenue', 'summary_table'), ['西南大学 2023年度部门决算'])
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator, Mapping, Sequence
from importlib import resources
from typing import Any, Final

import attrs

from budgetacct.errors import InvalidValue
from budgetacct.model.enums import Fund
from budgetacct.paths import Path, parse_path
from budgetacct.reader.budget_fields import check_budget_field
from budgetacct.reader.schema import REPORT_TEXT, ReaderBug, field_type

__all__ = [
    "LEXICON",
    "SECTIONS",
    "BudgetWording",
    "Entry",
    "Found",
    "FundLabels",
    "Lexicon",
    "NameAlias",
    "Seen",
    "labels",
    "load_lexicon",
]

#: The sections a sentence can belong to (see :func:`budgetacct.reader.sentences.assign_context`).
SECTIONS: Final = (
    "glossary",
    "fiscal",
    "overview",
    "basic_expenditure",
    "three_public",
    "general_budget",
    "government_fund",
    "state_capital",
    "operating_costs",
    "procurement",
    "assets",
    "performance",
    "revenue",
    "expenditure",
    "other_matters",
    "profile",
    "summary_table",
    "fiscal_spending",
)


@attrs.frozen
class Seen:
    """Where a wording was seen: a published report (province, year, document)."""

    key: str
    province: str
    year: int
    document: str


@attrs.frozen
class Entry:
    """One wording of a label and what it names (see ``data/lexicon.toml`` for the fields)."""

    wording: str
    paths: tuple[Path, ...]
    seen: tuple[Seen, ...]
    share: Path | None = None
    sections: tuple[str, ...] | None = None
    outside: tuple[str, ...] = ()
    after: tuple[str, ...] = ()
    at_start: bool = False
    part_of: tuple[Path, ...] = ()
    change: Path | None = None
    #: A fund's own figure kept in its FundFlow of ``$.fiscal.funds``: the fund and the field.
    flow: tuple[Fund, str] | None = None
    #: Why the figure is left unread (English, Chinese): a fund's figure the model has no place for.
    unread: tuple[str, str] | None = None

    def applies(self, section: str | None) -> bool:
        """Whether the wording names this entry's figure in a sentence of ``section``."""
        if self.sections is not None and section not in self.sections:
            return False
        return section not in self.outside

    def resolved(self, section: str | None) -> tuple[Path, ...]:
        """The paths, ``{section}`` replaced by the sentence's section."""
        return tuple(_fill(path, section) for path in self.paths)

    def resolved_share(self, section: str | None) -> Path | None:
        return None if self.share is None else _fill(self.share, section)

    def resolved_change(self, section: str | None) -> Path | None:
        return None if self.change is None else _fill(self.change, section)


#: How ``{section}`` is held inside a parsed path.
_SECTION: Final = "_section_"


def _fill(path: Path, section: str | None) -> Path:
    return tuple(section if part == _SECTION and section is not None else part for part in path)


@attrs.frozen
class NameAlias:
    """A 功能分类 name as printed (``printed``) for a catalogue's name (``name``): a 类 or 款 renamed
    between catalogue years (“医疗卫生与计划生育支出” before 2019 is 卫生健康支出), or a common
    misprint (“一般行政事务管理” for 一般行政管理事务).  The reader still takes a printed name only
    when it names one code under its parent."""

    printed: str
    name: str
    seen: tuple[Seen, ...]


@attrs.frozen
class BudgetWording:
    """A wording of a 部门预算's narrative (a regular expression; the amount follows it) and the
    budget figures it names (dotted names of :mod:`budgetacct.reader.budget_text`)."""

    fields: tuple[str, ...]
    pattern: str
    seen: tuple[Seen, ...]


@attrs.frozen
class Found:
    """A label found in a text: ``text[start:end] == wording``; ``entries`` are its readings."""

    wording: str
    start: int
    end: int
    entries: tuple[Entry, ...]
    #: Where the name of the fund whose figure the label names is printed (its own start, or the
    #: label that carried the fund to it), if it names one.
    fund_name: tuple[int, int] | None = None


@attrs.frozen
class FundLabels:
    """The labels that name one fund's figure (see ``[[fund]]`` in ``data/lexicon.toml``).

    ``qualified``: a fund's name + a generic wording (一般公共预算收入总计) → (the fund's index, the
    generic wording); ``carried``: (a fund's index, a generic wording) → how the generic wording
    reads after that fund's label in the same sentence; ``generated``: the qualified wordings made
    from ``[[fund]]`` (not written as a ``[[label]]``)."""

    qualified: Mapping[str, tuple[int, str]] = attrs.field(factory=dict)
    carried: Mapping[tuple[int, str], tuple[Entry, ...]] = attrs.field(factory=dict)
    generated: frozenset[str] = frozenset()


class Lexicon:
    """The entries by wording, and a character trie of the wordings for longest-match lookup."""

    def __init__(
        self,
        entries: Sequence[Entry],
        aliases: Sequence[NameAlias] = (),
        budget_wordings: Sequence[BudgetWording] = (),
        funds: FundLabels | None = None,
    ) -> None:
        self.entries = tuple(entries)
        self.aliases = tuple(aliases)
        self.budget_wordings = tuple(budget_wordings)
        self.funds = funds or FundLabels()
        self._by_wording: dict[str, tuple[Entry, ...]] = {}
        for entry in entries:
            self._by_wording[entry.wording] = (*self._by_wording.get(entry.wording, ()), entry)
        self._trie: dict[str, Any] = {}
        for wording in self._by_wording:
            node = self._trie
            for char in wording:
                node = node.setdefault(char, {})
            node[""] = wording
        self.first_chars = frozenset(self._trie)

    def names_for(self, printed: str) -> tuple[str, ...]:
        """The catalogue names a printed 功能分类 name may stand for (its aliases)."""
        return tuple(alias.name for alias in self.aliases if alias.printed == printed)

    def entries_for(self, wording: str) -> tuple[Entry, ...]:
        return self._by_wording.get(wording, ())

    def longest_at(self, text: str, start: int) -> str | None:
        """The longest wording that starts at ``text[start]``, if any."""
        node: dict[str, Any] | None = self._trie
        found: str | None = None
        for index in range(start, len(text)):
            assert node is not None
            node = node.get(text[index])
            if node is None:
                break
            found = node.get("", found)
        return found

    def scan(self, text: str) -> Iterator[Found]:
        """Every label of ``text``, left to right, by longest match (matches never overlap).

        A label naming a fund's figure (一般公共预算收入总计) that leads its clause (only a year or
        本单位 before it) makes the sentence the fund's: a generic label that follows (本年支出,
        年末结转和结余) names that fund's figure too.  The carry ends at a label of something else, a
        generic wording met twice, one right after 占 (“占本年支出合计的…”: the department's), and at a
        breakdown (其中), a bracket or a ；, after which the labels are the department's again: a
        fund's share named inside a department's sentence (“年初结转和结余10万元（其中：财政拨款上年
        结转8万元），…年末结转和结余5万元”) carries nothing."""
        position, first = 0, self.first_chars
        length = len(text)
        fund: int | None = None
        fund_name: tuple[int, int] | None = None  # where the carried fund's name is printed
        named: set[str] = set()  # the generic wordings the fund was carried to
        previous_end = 0
        while position < length:
            wording = self.longest_at(text, position) if text[position] in first else None
            if wording is None or (wording in self.funds.generated and text.endswith("非", 0, position)):
                position += 1  # 非财政拨款…: no fund's figure
                continue
            end = position + len(wording)
            entries = self._by_wording[wording]
            qualified = self.funds.qualified.get(wording)
            if fund is not None and _CARRY_STOP.search(text, previous_end, position):
                fund = None
            carried = self.funds.carried.get((fund, wording)) if fund is not None else None
            found_name: tuple[int, int] | None = None
            if qualified is not None:
                found_name = (position, end - len(qualified[1]))
                fund, fund_name, named = qualified[0], found_name, {qualified[1]}
                if _CLAUSE_LEAD.fullmatch(text, _clause_start(text, position), position) is None:
                    fund = None  # a fund's share in another's clause (“其中：财政拨款上年结转…”)
            elif carried is not None and wording not in named and not text.endswith("占", 0, position):
                entries = carried
                found_name = fund_name
                named.add(wording)
            else:
                fund = None
            yield Found(wording, position, end, entries, found_name)
            position = previous_end = end


#: Where a fund's carry ends: a breakdown, a bracket, a ；, the sentence's end.
_CARRY_STOP: Final = re.compile(r"其中|[（()）；;。]")
#: What may come before a fund's label in its clause for the clause to be the fund's: an
#: enumerator, a year, the department itself (“2018年度一般公共预算收入总计…”).
_CLAUSE_LEAD: Final = re.compile(
    r"(?:\d{1,2}[.、]|（[一二三四五六七八九十\d]{1,3}）)?(?:[本我](?:单位|部门))?(?:\d{4}年度?)?"
    r"(?:[本我](?:单位|部门))?[，,]?"
)
_CLAUSES: Final = "，,；;。"


def _clause_start(text: str, position: int) -> int:
    """Where the clause holding ``text[position]`` starts (after the last mark before it)."""
    return max((text.rfind(mark, 0, position) for mark in _CLAUSES), default=-1) + 1


def _path(text: object, where: str) -> Path:
    if not isinstance(text, str) or not text.startswith("$."):
        raise ReaderBug(f"lexicon {where}: a path must be text starting with '$.', not {text!r}")
    try:
        parsed = parse_path(text.replace("{section}", _SECTION))
    except InvalidValue as exc:
        raise ReaderBug(f"lexicon {where}: {exc}") from None
    return parsed


def _check_path(path: Path, sections: tuple[str, ...] | None, where: str) -> None:
    if _SECTION in path:
        if not sections:
            raise ReaderBug(f"lexicon {where}: {{section}} needs the sections it stands for")
        for section in sections:
            field_type(_fill(path, section))
    else:
        field_type(path)


def _strings(value: object, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ReaderBug(f"lexicon {where}: expected a list of text, not {value!r}")
    return tuple(value)


def _seen(value: object, sources: Mapping[str, Seen], where: str) -> tuple[Seen, ...]:
    keys = _strings(value, where)
    if not keys or any(key not in sources for key in keys):
        raise ReaderBug(f"lexicon {where}: seen must name sources of [sources], not {keys!r}")
    return tuple(sources[key] for key in keys)


_FIELDS: Final = frozenset(
    {"wording", "paths", "share", "sections", "outside", "after", "at_start", "part_of", "change", "seen"}
)


def _entry(raw: Mapping[str, Any], sources: Mapping[str, Seen], index: int) -> Entry:
    where = f"label {index + 1} ({raw.get('wording')!r})"
    extra = set(raw) - _FIELDS
    if extra:
        raise ReaderBug(f"lexicon {where}: unknown fields {sorted(extra)}")
    wording = raw.get("wording")
    if not isinstance(wording, str) or not wording or any(char.isspace() for char in wording):
        raise ReaderBug(f"lexicon {where}: a wording is non-empty text without spaces")
    sections = _strings(raw["sections"], where) if "sections" in raw else None
    outside = _strings(raw.get("outside", []), where)
    for section in (*(sections or ()), *outside):
        if section not in SECTIONS:
            raise ReaderBug(f"lexicon {where}: unknown section {section!r}")
    paths = tuple(_path(text, where) for text in _strings(raw.get("paths"), where))
    share = _path(raw["share"], where) if "share" in raw else None
    for path in (*paths, *((share,) if share is not None else ())):
        _check_path(path, sections, where)
    seen = _seen(raw.get("seen"), sources, where)
    change = _path(raw["change"], where) if "change" in raw else None
    if change is not None:
        _check_path(change, sections, where)
        if _SECTION not in change and field_type(change).__name__ != "StatedChange":
            raise ReaderBug(f"lexicon {where}: change must be the path of a StatedChange")
    part_of = tuple(_path(text, where) for text in _strings(raw.get("part_of", []), where))
    for path in part_of:
        _check_path(path, None, where)
    at_start = raw.get("at_start", False)
    if not isinstance(at_start, bool):
        raise ReaderBug(f"lexicon {where}: at_start is true or false")
    return Entry(
        wording,
        paths,
        seen,
        share,
        sections,
        outside,
        _strings(raw.get("after", []), where),
        at_start,
        part_of,
        change,
    )


def _alias(raw: Mapping[str, Any], sources: Mapping[str, Seen], index: int) -> NameAlias:
    where = f"function_name {index + 1} ({raw.get('printed')!r})"
    if set(raw) != {"printed", "name", "seen"}:
        raise ReaderBug(f"lexicon {where}: needs exactly printed, name and seen")
    printed, name = raw["printed"], raw["name"]
    if (
        not isinstance(printed, str)
        or not isinstance(name, str)
        or not printed
        or not name
        or printed == name
    ):
        raise ReaderBug(f"lexicon {where}: printed and name are two different non-empty names")
    seen = _seen(raw["seen"], sources, where)
    return NameAlias(printed, name, seen)


_FIELD_NAME: Final = re.compile(r"[a-z_]+(?:\.[a-z_]+)*")


def _budget_wording(raw: Mapping[str, Any], sources: Mapping[str, Seen], index: int) -> BudgetWording:
    where = f"budget_wording {index + 1} ({raw.get('pattern')!r})"
    if set(raw) != {"fields", "pattern", "seen"}:
        raise ReaderBug(f"lexicon {where}: needs exactly fields, pattern and seen")
    fields = _strings(raw["fields"], where)
    if not fields or not all(_FIELD_NAME.fullmatch(field) for field in fields):
        raise ReaderBug(f"lexicon {where}: fields are dotted names such as overview.revenue_total")
    for field in fields:
        try:
            check_budget_field(field)
        except ReaderBug as exc:
            problem = str(exc).removesuffix(f" {REPORT_TEXT}")
            raise ReaderBug(
                f"lexicon {where}: field {field!r} has no place in the Budget ({problem})"
            ) from None
    pattern = raw["pattern"]
    try:
        re.compile(pattern)
    except (re.error, TypeError) as exc:
        raise ReaderBug(f"lexicon {where}: not a regular expression: {exc}") from None
    seen = _seen(raw["seen"], sources, where)
    return BudgetWording(fields, pattern, seen)


def _check_overlaps(entries: Sequence[Entry]) -> None:
    """Two entries of one wording must never apply in the same section."""
    by_wording: dict[str, list[Entry]] = {}
    for entry in entries:
        by_wording.setdefault(entry.wording, []).append(entry)
    for wording, same in by_wording.items():
        if len(same) < 2:
            continue
        for section in (None, *SECTIONS):
            applying = [e for e in same if e.applies(section) and not e.after and not e.at_start]
            if len(applying) > 1:
                raise ReaderBug(f"lexicon: two entries of {wording!r} apply in section {section}")


# --- a fund's own figures ([fund_roles] and [[fund]]) ------------------------------------------------

#: The figures a generic wording may name ([fund_roles]); the last four are a FundFlow's fields.
_ROLES: Final = (
    "grand_total",
    "revenue_grand_total",
    "expenditure_grand_total",
    "opening",
    "closing",
    "revenue",
    "expenditure",
)
_FLOW_ROLES: Final = ("opening", "closing", "revenue", "expenditure")
#: The department's own places: a generic wording's entry reading into them is not a fund's.
_DEPARTMENT: Final = ("overview", "revenue", "expenditure")


@attrs.frozen
class _Fund:
    """A ``[[fund]]``: its printed names, its name in reasons, its section and its places."""

    names: tuple[str, ...]
    name: str
    section: str
    places: Mapping[str, Path]
    flow: Fund | None
    change: Path | None
    seen: tuple[Seen, ...]

    def entry(self, wording: str, role: str, sections: tuple[str, ...] | None) -> Entry:
        """How ``wording`` (of ``role``) reads as this fund's figure, in ``sections``."""
        if role in self.places:
            change = self.change if role == "grand_total" else None
            return Entry(wording, (self.places[role],), self.seen, sections=sections, change=change)
        if self.flow is not None and role in _FLOW_ROLES:
            return Entry(wording, (), self.seen, sections=sections, flow=(self.flow, role))
        reason = (
            f"a figure of the {self.name} fund, not the department's: the model has no place for it",
            f"{self.name}的数字，不是本单位（部门）的数字，模型中没有它的位置",
        )
        return Entry(wording, (), self.seen, sections=sections, unread=reason)


def _roles(raw: object) -> tuple[dict[str, str], frozenset[str]]:
    """[fund_roles]: each generic wording → the role it names; the wordings a section alone does
    not make a fund's (``qualified_only``)."""
    if not isinstance(raw, dict) or set(raw) - {*_ROLES, "qualified_only"}:
        raise ReaderBug(f"lexicon fund_roles: roles are among {list(_ROLES)}")
    only = frozenset(_strings(raw.get("qualified_only", []), "fund_roles"))
    roles = {
        wording: role
        for role, wordings in raw.items()
        if role != "qualified_only"
        for wording in _strings(wordings, "fund_roles")
    }
    if only - set(roles):
        raise ReaderBug(
            f"lexicon fund_roles: qualified_only names wordings without a role: {sorted(only - set(roles))}"
        )
    return roles, only


def _fund(raw: Mapping[str, Any], sources: Mapping[str, Seen], index: int) -> _Fund:
    where = f"fund {index + 1} ({raw.get('name')!r})"
    extra = set(raw) - {"names", "name", "section", "places", "flow", "change", "seen"}
    if extra:
        raise ReaderBug(f"lexicon {where}: unknown fields {sorted(extra)}")
    section, name = raw.get("section"), raw.get("name")
    if section not in SECTIONS or not isinstance(name, str) or not name:
        raise ReaderBug(f"lexicon {where}: needs a name and a known section")
    places_raw = raw.get("places", {})
    if not isinstance(places_raw, dict) or set(places_raw) - set(_ROLES):
        raise ReaderBug(f"lexicon {where}: places are paths by role among {list(_ROLES)}")
    places = {role: _path(text, where) for role, text in places_raw.items()}
    for path in places.values():
        field_type(path)
    try:
        flow = Fund(raw["flow"]) if "flow" in raw else None
    except ValueError:
        raise ReaderBug(f"lexicon {where}: flow names a fiscal fund, not {raw['flow']!r}") from None
    change = _path(raw["change"], where) if "change" in raw else None
    if change is not None and field_type(change).__name__ != "StatedChange":
        raise ReaderBug(f"lexicon {where}: change must be the path of a StatedChange")
    names = _strings(raw.get("names"), where)
    if not names or not all(names):
        raise ReaderBug(f"lexicon {where}: names are the fund's names as printed")
    return _Fund(names, name, section, places, flow, change, _seen(raw.get("seen"), sources, where))


def _is_department(entry: Entry) -> bool:
    return any(path[0] in _DEPARTMENT for path in entry.paths)


def _with_funds(
    entries: list[Entry], generic_wordings: tuple[Mapping[str, str], frozenset[str]], funds: Sequence[_Fund]
) -> tuple[list[Entry], FundLabels]:
    """The entries with each fund's readings of the generic wordings (see ``[[fund]]``)."""
    written = Lexicon(entries)
    sections = tuple(fund.section for fund in funds)
    roles, qualified_only = generic_wordings
    out = [
        attrs.evolve(e, outside=(*e.outside, *(x for x in sections if x not in e.outside)))
        if e.wording in roles and e.wording not in qualified_only and _is_department(e)
        else e
        for e in entries
    ]
    qualified: dict[str, tuple[int, str]] = {}
    carried: dict[tuple[int, str], tuple[Entry, ...]] = {}
    generated: set[str] = set()
    for index, fund in enumerate(funds):
        for generic, role in roles.items():
            own = [e for e in entries if e.wording == generic and not _is_department(e)]
            if generic not in qualified_only and not any(e.applies(fund.section) for e in own):
                out.append(fund.entry(generic, role, (fund.section,)))
            explicit = written.entries_for(fund.names[0] + generic)
            carried[(index, generic)] = explicit or (fund.entry(generic, role, None),)
            for name in fund.names:
                wording = name + generic
                longest = written.longest_at(wording, 0)
                if longest == wording:
                    qualified[wording] = (index, generic)
                elif (
                    longest is None
                    or len(longest) <= len(name)
                    or not any(e.paths or e.change for e in written.entries_for(longest))
                ):
                    # No label reads past the fund's name: the wording is the fund's figure.
                    out.append(fund.entry(wording, role, None))
                    qualified[wording] = (index, generic)
                    generated.add(wording)
    return out, FundLabels(qualified, carried, frozenset(generated))


def load_lexicon(text: str) -> Lexicon:
    """Parse and validate a lexicon (the TOML text of ``data/lexicon.toml``)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ReaderBug(f"lexicon: not valid TOML: {exc}") from None
    tables = {"sources", "label", "function_name", "budget_wording", "fund_roles", "fund"}
    if set(data) - tables:
        raise ReaderBug(f"lexicon: unknown tables {sorted(set(data) - tables)}")
    sources: dict[str, Seen] = {}
    for key, raw in data.get("sources", {}).items():
        if set(raw) != {"province", "year", "document"}:
            raise ReaderBug(f"lexicon source {key}: needs exactly province, year and document")
        sources[key] = Seen(key, str(raw["province"]), int(raw["year"]), str(raw["document"]))
    entries = [_entry(raw, sources, index) for index, raw in enumerate(data.get("label", []))]
    funds = [_fund(raw, sources, index) for index, raw in enumerate(data.get("fund", []))]
    entries, fund_labels = _with_funds(entries, _roles(data.get("fund_roles", {})), funds)
    _check_overlaps(entries)
    aliases = [_alias(raw, sources, index) for index, raw in enumerate(data.get("function_name", []))]
    wordings = [_budget_wording(raw, sources, i) for i, raw in enumerate(data.get("budget_wording", []))]
    return Lexicon(entries, aliases, wordings, fund_labels)


def _bundled() -> Lexicon:
    text = resources.files("budgetacct.reader").joinpath("data", "lexicon.toml").read_text(encoding="utf-8")
    return load_lexicon(text)


#: The bundled lexicon (loaded and validated at import).
LEXICON: Final = _bundled()


def labels(text: str, lexicon: Lexicon = LEXICON) -> list[Found]:
    """The labels of ``text`` by longest match (see :meth:`Lexicon.scan`)."""
    return list(lexicon.scan(text))
