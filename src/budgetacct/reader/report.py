"""``read_report``: a published 决算说明 (text) → :class:`~budgetacct.model.disclosure.Disclosure`.

The reader is a pipeline of small, anchored patterns over normalized text (see
:mod:`budgetacct.reader.normalize`, :mod:`budgetacct.reader.sentences`,
:mod:`budgetacct.reader.tables`).  It never guesses: a figure is put into the Disclosure only when
a pattern states what it is; every other sentence that prints a figure is returned in
:attr:`ReadResult.unread` with the reason.  Every figure put into the Disclosure has a
:class:`Source` (path, line, offsets, sentence) and every amount a :class:`UnitUse` (the unit it was
written in; 元 and 亿元 amounts are converted to 万元 exactly).

>>> result = read_report(
...     "2021年度收、支总计874.63万元，与2020年相比，收、支总计各减少19.37万元，下降2.17%。",
...     department="示例部门",
... )
>>> result.disclosure.overview.change.rate
Percent('2.17')
>>> [s.path for s in result.sources][:2]
['$.overview.revenue_grand_total', '$.overview.expenditure_grand_total']
"""

from __future__ import annotations

import enum
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import Any, Final

import attrs

from budgetacct.errors import BudgetAcctError, InputError, Problem
from budgetacct.model.disclosure import (
    Assets,
    BasicExpenditure,
    BudgetedFigure,
    Count,
    Disclosure,
    EconomicLine,
    Expenditure,
    Fiscal,
    FunctionLine,
    FundFlow,
    FundSpending,
    GeneralBudget,
    KindLine,
    OperatingCosts,
    Overview,
    Procurement,
    Revenue,
    RevenueRow,
    SourceLine,
    Staffing,
    StatedChange,
    ThreePublic,
    UnitStaffing,
)
from budgetacct.model.performance import FundingSplit, Indicator, Performance, ProjectEvaluation
from budgetacct.money import Amount, Unit

__all__ = [
    "TEMPLATES",
    "Draft",
    "ReadResult",
    "ReaderTemplate",
    "Source",
    "UnitUse",
    "Unread",
    "Where",
    "read_report",
    "read_report_bytes",
    "render_path",
    "resolve_path",
    "tidy_amount",
]

#: A path inside the draft: field names and list indexes (``("revenue", "lines", 0, "amount")``).
Path = tuple[str | int, ...]

#: Inputs larger than this are refused (about 100 MB of text).
MAX_CHARS: Final = 100_000_000


_CENT: Final = Decimal("0.01")


def tidy_amount(value: Amount, unit: Unit) -> Amount:
    """An amount converted from 元 or 亿元, written with no more digits than it needs (at least two
    decimals): ``3125000.00元`` → ``312.50`` 万元, while ``1234.56元`` stays ``0.123456``.

    >>> tidy_amount(Amount("312.500000"), Unit.YUAN), tidy_amount(Amount("0.123456"), Unit.YUAN)
    (Amount('312.50'), Amount('0.123456'))
    """
    if unit is Unit.WAN_YUAN:
        return value
    number = value.value.normalize()
    exponent = number.as_tuple().exponent
    assert isinstance(exponent, int)
    if exponent >= -2:
        return Amount(value.value.quantize(_CENT))
    return Amount(number)


def render_path(path: Path) -> str:
    """``("revenue", "lines", 0, "amount")`` → ``$.revenue.lines[0].amount``."""
    return "$" + "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in path)


@attrs.frozen
class Source:
    """Where a figure of the Disclosure was read: its path, the line, the figure's offsets in the
    original text (``text[start:end]`` is ``printed``) and the (normalized) sentence or cell."""

    path: str
    line: int
    start: int
    end: int
    printed: str
    sentence: str


@attrs.frozen
class Unread:
    """A sentence (or table cell) that prints figures the reader did not put into the Disclosure.

    ``figures`` are the printed figures left over; ``reason`` says why, in English and Chinese.
    """

    line: int
    start: int
    end: int
    sentence: str
    reason: str
    reason_zh: str
    figures: tuple[str, ...] = ()


@attrs.frozen
class UnitUse:
    """The unit an amount was written in (``元`` amounts are converted to 万元)."""

    path: str
    unit: Unit
    printed: str


@attrs.frozen
class ReadResult:
    """What :func:`read_report` found: the Disclosure, where each figure came from, and what was not
    understood.  ``template`` is the layout detected (or given); ``notes`` are remarks about the
    reading itself (a department name not found, chart figures left unmatched …)."""

    disclosure: Disclosure
    sources: tuple[Source, ...] = ()
    unread: tuple[Unread, ...] = ()
    units: tuple[UnitUse, ...] = ()
    template: str | None = None
    notes: tuple[str, ...] = ()

    def sources_for(self, path: str) -> tuple[Source, ...]:
        """Every source of the figure at ``path``."""
        return tuple(s for s in self.sources if s.path == path)


@attrs.frozen
class ReaderTemplate:
    """A report layout the reader knows: its name and the phrases that identify it.

    The sentence patterns themselves are shared by all layouts (a report mixing styles is still
    read); the template names the layout in ``Disclosure.template`` and is what ``"auto"`` detects.
    """

    name: str
    description: str
    markers: tuple[tuple[str, int], ...]


TEMPLATES: Final[Mapping[str, ReaderTemplate]] = {
    "sichuan-2021": ReaderTemplate(
        "sichuan-2021",
        "四川 2021 layout (the seed): 第一–五部分, 项 lines “一般公共服务（201）…（03）: 行政运行（01）支出决算为…”",
        (
            (r"（\d{3}）[^。；]{1,40}（\d{2}）[：]?[^。；]{1,40}（\d{2}）(?:支出)?决算", 5),
            (r"主要用于以下方面", 2),
            (r"第二部分\d{4}年度?(?:部门|单位)决算情况说明", 3),
            (r"绩效目标自评", 2),
            (r"决算数与预算数持平", 1),
        ),
    ),
    "central": ReaderTemplate(
        "central",
        "central-style layout: “一般公共服务支出（类）…（款）…（项）：年初预算为X万元，支出决算为Y万元，"
        "完成年初预算的Z%”, 三公 stated with 预算 and 较预算/较上年 changes",
        (
            (r"（类）[^。；]{1,40}（款）[^。；]{1,40}（项）[：]?(?:年初预算|支出决算)", 5),
            (r"完成年初预算的", 2),
            (r"(?:较|比)预算(?:增加|减少)", 2),
            (r"决算数(?:大于|小于)预算数的主要原因", 1),
        ),
    ),
}


# --- the draft: figures found so far, with their sources ---------------------------------------------------


@attrs.define(slots=True)
class Where:
    """The place of a figure in the input (line, absolute offsets) and its sentence or cell."""

    line: int
    start: int
    end: int
    context: str


_MISSING: Final = object()
_MAX_TEXT: Final = 10_000


def _shown(value: object) -> str:
    return str(value.value) if isinstance(value, enum.Enum) else str(value)


class Draft:
    """Figures as nested dicts and lists, with sources, unit records and unread sentences.

    ``put`` keeps the first value stated for a path; a later, equal statement adds a source, a
    different one is reported in ``unread`` (the first statement wins).
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.data: dict[str, Any] = {}
        self.sources: list[Source] = []
        self.units: list[UnitUse] = []
        self.unread: list[Unread] = []
        self.notes: list[str] = []
        self._keys: dict[Path, dict[object, int]] = {}
        self._partial: set[Path] = set()

    # navigation -------------------------------------------------------------------------------------------

    def _container(self, path: Path, create: bool) -> Any:
        node: Any = self.data
        for position, part in enumerate(path):
            if isinstance(part, int):
                if not isinstance(node, list) or part > len(node) or (part == len(node) and not create):
                    return None
                if part == len(node):
                    node.append({})
                node = node[part]
            else:
                if not isinstance(node, dict):
                    return None
                if part not in node:
                    if not create:
                        return None
                    following = path[position + 1] if position + 1 < len(path) else None
                    node[part] = [] if isinstance(following, int) else {}
                node = node[part]
        return node

    def get(self, path: Path) -> Any:
        parent = self._container(path[:-1], create=False)
        last = path[-1]
        if isinstance(parent, dict) and isinstance(last, str):
            return parent.get(last)
        if isinstance(parent, list) and isinstance(last, int) and last < len(parent):
            return parent[last]
        return None

    def printed(self, where: Where) -> str:
        return self.text[where.start : where.end]

    def source(self, path: Path, where: Where) -> None:
        self.sources.append(
            Source(render_path(path), where.line, where.start, where.end, self.printed(where), where.context)
        )

    # writing ----------------------------------------------------------------------------------------------

    def put(self, path: Path, value: object, where: Where, unit: Unit | None = None) -> bool:
        """Set the figure at ``path`` (first statement wins); ``False`` on a conflicting restatement."""
        if isinstance(value, str) and (not value.strip() or len(value) > _MAX_TEXT):
            self.reject(where, "text empty or too long for the model", "文字为空或过长", (value[:40],))
            return False
        parent = self._container(path[:-1], create=True)
        last = path[-1]
        if not isinstance(parent, dict) or not isinstance(last, str):  # pragma: no cover - programming error
            raise AssertionError(f"bad draft path {path!r}")
        existing = parent.get(last, _MISSING)
        if existing is _MISSING or existing is None:
            parent[last] = value
        elif existing != value:
            before, now = _shown(existing), _shown(value)
            self.reject(
                where,
                f"{render_path(path)} was already stated as {before}; this statement says {now}",
                f"{render_path(path)} 前文已为 {before}，此处为 {now}（保留前者）",
                (self.printed(where),),
            )
            return False
        self.source(path, where)
        if unit is not None:
            self.units.append(UnitUse(render_path(path), unit, self.printed(where)))
        return True

    def item(
        self, path: Path, key: object, required: Mapping[str, tuple[object, Where, Unit | None]]
    ) -> int | None:
        """The index of the list element of ``path`` identified by ``key`` (created with ``required``);
        ``None`` (and the figure reported unread) when a required text is empty or too long."""
        for value, where, _ in required.values():
            if isinstance(value, str) and (not value.strip() or len(value) > _MAX_TEXT):
                self.reject(where, "text empty or too long for the model", "文字为空或过长", (value[:40],))
                return None
        keys = self._keys.setdefault(path, {})
        if key in keys:
            index = keys[key]
            for name, (value, where, unit) in required.items():
                self.put((*path, index, name), value, where, unit)
            return index
        parent = self._container(path[:-1], create=True)
        assert isinstance(parent, dict)
        last = path[-1]
        assert isinstance(last, str)
        elements = parent.setdefault(last, [])
        index = len(elements)
        elements.append({})
        keys[key] = index
        for name, (value, where, unit) in required.items():
            self.put((*path, index, name), value, where, unit)
        return index

    def partial(self, path: Path) -> None:
        """The list at ``path`` misses an element the text prints (it was left unread)."""
        self._partial.add(path)

    def mark_partial_lists(self) -> None:
        """Record on each list with a missing element that it is incomplete.

        The model's flag (``GeneralBudget.items_complete``) sits next to the list, named after
        it: the elements read are kept and checked one by one, while no sum is taken over a list
        that lacks some of its elements (it would be a false error).
        """
        for path in sorted(self._partial, key=render_path):
            parent = self._container(path[:-1], create=False)
            if isinstance(parent, dict) and parent.get(path[-1]):
                flag = f"{path[-1]}_complete"
                parent[flag] = False
                self.notes.append(
                    f"{render_path(path)} is incomplete: an element printed in the text was left unread"
                )

    def reject(self, where: Where, reason: str, reason_zh: str, figures: Iterable[str] = ()) -> None:
        self.unread.append(
            Unread(
                where.line,
                where.start,
                where.end,
                where.context[:1000],
                reason,
                reason_zh,
                tuple(figures)[:20],
            )
        )


# --- the Disclosure from the draft ---------------------------------------------------------------------------


def _fields(node: Mapping[str, Any] | None, names: Iterable[str]) -> dict[str, Any]:
    if not node:
        return {}
    return {name: node[name] for name in names if node.get(name) is not None}


def _change(node: Any) -> StatedChange | None:
    if not isinstance(node, dict) or node.get("direction") is None:
        return None
    return StatedChange(**_fields(node, ("direction", "amount", "rate", "previous")))


_LINE_FIELDS: Final = (
    "code",
    "amount",
    "name",
    "share",
    "budget",
    "completion",
    "basic",
    "project",
    "remittance",
    "business",
    "affiliate_subsidy",
)


def _function_line(node: Mapping[str, Any]) -> FunctionLine:
    values = _fields(node, _LINE_FIELDS)
    if node.get("parent_names"):
        values["parent_names"] = tuple(node["parent_names"])
    return FunctionLine(**values)


def _lines(
    node: Mapping[str, Any] | None, name: str, make: Callable[[Mapping[str, Any]], Any]
) -> tuple[Any, ...]:
    if not node:
        return ()
    return tuple(make(element) for element in node.get(name, ()))


def _overview(n: Mapping[str, Any]) -> Overview:
    return Overview(
        **_fields(
            n,
            (
                "revenue_grand_total",
                "expenditure_grand_total",
                "non_fiscal_balance_used",
                "opening_balance",
                "surplus_distribution",
                "closing_balance",
            ),
        ),
        change=_change(n.get("change")),
    )


def _revenue(n: Mapping[str, Any]) -> Revenue:
    return Revenue(
        **_fields(n, ("total",)),
        lines=_lines(n, "lines", lambda e: SourceLine(**_fields(e, ("source", "amount", "share")))),
        change=_change(n.get("change")),
        rows=_lines(
            n,
            "rows",
            lambda e: RevenueRow(
                **_fields(
                    e,
                    (
                        "code",
                        "total",
                        "name",
                        "fiscal",
                        "superior_subsidy",
                        "operations",
                        "business",
                        "affiliated_remittance",
                        "other",
                    ),
                )
            ),
        ),
    )


def _expenditure(n: Mapping[str, Any]) -> Expenditure:
    return Expenditure(
        **_fields(n, ("total",)),
        lines=_lines(n, "lines", lambda e: KindLine(**_fields(e, ("kind", "amount", "share")))),
        change=_change(n.get("change")),
        classes=_lines(n, "classes", _function_line),
        rows=_lines(n, "rows", _function_line),
    )


def _fiscal(n: Mapping[str, Any]) -> Fiscal:
    return Fiscal(
        **_fields(
            n, ("grand_total", "revenue_total", "expenditure_total", "opening_balance", "closing_balance")
        ),
        change=_change(n.get("change")),
        funds=_lines(
            n,
            "funds",
            lambda e: FundFlow(**_fields(e, ("fund", "opening", "revenue", "expenditure", "closing"))),
        ),
    )


def _general_budget(n: Mapping[str, Any]) -> GeneralBudget:
    return GeneralBudget(
        **_fields(
            n, ("total", "share", "structure_total", "detail_total", "detail_budget", "detail_completion")
        ),
        change=_change(n.get("change")),
        classes=_lines(n, "classes", _function_line),
        items=_lines(n, "items", _function_line),
        rows=_lines(n, "rows", _function_line),
        items_complete=n.get("items_complete", True),
    )


def _basic(n: Mapping[str, Any]) -> BasicExpenditure:
    return BasicExpenditure(
        **_fields(n, ("total", "personnel", "public")),
        lines=_lines(n, "lines", lambda e: EconomicLine(**_fields(e, ("code", "amount", "name")))),
    )


_FIGURES: Final = (
    "total",
    "outbound",
    "vehicles",
    "vehicle_purchase",
    "vehicle_operation",
    "reception",
    "domestic_reception",
    "foreign_reception",
)
_TP_COUNTS: Final = (
    "outbound_groups",
    "outbound_people",
    "vehicles_purchased",
    "vehicles_held",
    "domestic_batches",
    "domestic_people",
    "foreign_batches",
    "foreign_people",
)


def _figure(node: Any) -> BudgetedFigure:
    if not isinstance(node, dict):
        return BudgetedFigure()
    return BudgetedFigure(
        **_fields(node, ("actual", "budget", "completion")),
        versus_budget=_change(node.get("versus_budget")),
        change=_change(node.get("change")),
    )


def _three_public(n: Mapping[str, Any]) -> ThreePublic:
    values: dict[str, Any] = {name: _figure(n.get(name)) for name in _FIGURES}
    values.update(_fields(n, _TP_COUNTS))
    return ThreePublic(**values)


def _fund(n: Mapping[str, Any]) -> FundSpending:
    return FundSpending(
        **_fields(n, ("total", "opening_balance", "revenue", "closing_balance")),
        change=_change(n.get("change")),
    )


def _operating(n: Mapping[str, Any]) -> OperatingCosts:
    return OperatingCosts(**_fields(n, ("amount",)), change=_change(n.get("change")))


def _procurement(n: Mapping[str, Any]) -> Procurement:
    return Procurement(
        **_fields(
            n, ("total", "goods", "works", "services", "sme", "sme_share", "small_micro", "small_micro_share")
        )
    )


def _count(node: Mapping[str, Any]) -> Count:
    return Count(node["category"], node["count"])


def _assets(n: Mapping[str, Any]) -> Assets:
    return Assets(
        **_fields(n, ("vehicles_total", "general_equipment", "special_equipment", "as_of")),
        vehicles=_lines(n, "vehicles", _count),
    )


def _unit(n: Mapping[str, Any]) -> UnitStaffing:
    return UnitStaffing(
        **_fields(n, ("name", "authorized", "actual", "retired")),
        authorized_by_category=_lines(n, "authorized_by_category", _count),
        actual_by_category=_lines(n, "actual_by_category", _count),
    )


def _staffing(n: Mapping[str, Any]) -> Staffing:
    return Staffing(
        units=_lines(n, "units", _unit),
        **_fields(n, ("total_authorized", "total_actual", "total_retired")),
    )


def _split(node: Any) -> FundingSplit:
    return FundingSplit(**_fields(node if isinstance(node, dict) else None, ("total", "fiscal", "other")))


def _indicator(n: Mapping[str, Any]) -> Indicator:
    return Indicator(
        **_fields(n, ("level1", "level2", "name", "target", "actual", "weight", "score", "deviation_reason"))
    )


def _evaluation(n: Mapping[str, Any]) -> ProjectEvaluation:
    return ProjectEvaluation(
        **_fields(
            n,
            (
                "name",
                "department",
                "implementing_unit",
                "goal_expected",
                "goal_actual",
                "execution_weight",
                "execution_score",
                "total_score",
                "grade",
            ),
        ),
        budget=_split(n.get("budget")),
        executed=_split(n.get("executed")),
        indicators=_lines(n, "indicators", _indicator),
    )


def _performance(n: Mapping[str, Any]) -> Performance:
    return Performance(
        **_fields(
            n,
            (
                "projects_assessed",
                "projects_with_targets",
                "projects_monitored",
                "projects_self_evaluated",
                "claims_fully_executed",
                "claims_no_balance",
                "claims_no_adjustment",
                "overall_rating",
            ),
        ),
        evaluations=_lines(n, "evaluations", _evaluation),
    )


_SECTIONS: Final[tuple[tuple[str, Callable[[Mapping[str, Any]], Any]], ...]] = (
    ("overview", _overview),
    ("revenue", _revenue),
    ("expenditure", _expenditure),
    ("fiscal", _fiscal),
    ("general_budget", _general_budget),
    ("basic_expenditure", _basic),
    ("three_public", _three_public),
    ("government_fund", _fund),
    ("state_capital", _fund),
    ("operating_costs", _operating),
    ("procurement", _procurement),
    ("assets", _assets),
    ("staffing", _staffing),
    ("performance", _performance),
)


def _build(draft: Draft, year: int, department: str, template: str | None) -> Disclosure:
    sections: dict[str, Any] = {}
    for name, make in _SECTIONS:
        node = draft.data.get(name)
        if not node:
            continue
        try:
            sections[name] = make(node)
        except (BudgetAcctError, KeyError, TypeError) as exc:  # defensive: never let a section sink the read
            draft.notes.append(f"section {name} dropped: {exc}")
    return Disclosure(year=year, department=department, template=template, **sections)


# --- resolving paths -----------------------------------------------------------------------------------------

_PATH_PART = re.compile(r"\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]")


def resolve_path(obj: object, path: str) -> Any:
    """The value at a ``$.a.b[3].c`` path inside ``obj``; :class:`LookupError` if there is none.

    >>> from budgetacct import load_example
    >>> resolve_path(load_example("xiqu-2021"), "$.revenue.lines[0].share")
    Percent('88.96')
    """
    if not path.startswith("$"):
        raise LookupError(path)
    position = 1
    node: Any = obj
    while position < len(path):
        match = _PATH_PART.match(path, position)
        if match is None:
            raise LookupError(path)
        name, index = match.groups()
        if name is not None:
            if not attrs.has(type(node)) or name not in attrs.fields_dict(type(node)):
                raise LookupError(path)
            node = getattr(node, name)
        else:
            if not isinstance(node, tuple) or int(index) >= len(node):
                raise LookupError(path)
            node = node[int(index)]
        position = match.end()
    return node


def _resolves(obj: object, path: str) -> bool:
    try:
        return resolve_path(obj, path) is not None
    except LookupError:
        return False


# --- year, department, template -----------------------------------------------------------------------------

_YEAR_STRONG = re.compile(r"(\d{4})年度?(?:部门|单位)?(?:决算|整体绩效)")
_YEAR_ANY = re.compile(r"(?<!\d)(\d{4})年")


def _detect_year(lines: Iterable[str]) -> int | None:
    counts: Counter[int] = Counter()
    for text in lines:
        for match in _YEAR_STRONG.finditer(text):
            year = int(match.group(1))
            if 1990 <= year <= 2100:
                return year
        for match in _YEAR_ANY.finditer(text):
            year = int(match.group(1))
            if 1990 <= year <= 2100:
                counts[year] += 1
    if not counts:
        return None
    best = max(counts.values())
    return max(year for year, count in counts.items() if count == best)


def _year_source(document: Any, draft: Draft, year: int) -> Source | None:
    for line in document.lines:
        for match in _YEAR_STRONG.finditer(line.text):
            if int(match.group(1)) == year:
                start, end = line.absolute(*match.span(1))
                return Source("$.year", line.number, start, end, draft.text[start:end], line.text[:200])
    return None


def _detect_template(text: str) -> str | None:
    scores = {}
    for name, template in TEMPLATES.items():
        scores[name] = sum(weight for pattern, weight in template.markers if re.search(pattern, text))
    best = max(scores.values())
    if best == 0:
        return None
    return next(name for name, score in scores.items() if score == best)


# --- entry points --------------------------------------------------------------------------------------------


def _problem(expected_zh: str, expected_en: str, found: object, path: str = "$") -> InputError:
    return InputError([Problem(path, expected_zh, expected_en, found)], source="report text")


def read_report(
    text: str,
    *,
    year: int | None = None,
    template: str = "auto",
    department: str | None = None,
) -> ReadResult:
    """Read a published 决算说明 into a :class:`Disclosure` (see the module documentation).

    ``year`` and ``department`` are taken from the text unless given.  ``template`` is ``"auto"``
    (detect the layout), or one of :data:`TEMPLATES`.  Any input other than a readable string
    raises :class:`~budgetacct.errors.InputError`; a string never raises anything else.
    """
    from budgetacct.reader import sentences, tables
    from budgetacct.reader.normalize import Document

    if not isinstance(text, str):
        raise _problem("报告文字（str）", "the report text (a str)", type(text).__name__)
    if len(text) > MAX_CHARS:
        raise _problem(f"不超过{MAX_CHARS}个字符的文字", f"text of at most {MAX_CHARS} characters", len(text))
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise _problem(
            "可编码的文字（不含孤立代理字符）",
            "decodable text (no lone surrogates)",
            text[exc.start : exc.start + 1],
            path=f"$[{exc.start}]",
        ) from None
    if template != "auto" and template not in TEMPLATES:
        raise _problem(
            f"模板 auto、{'、'.join(TEMPLATES)}",
            f"template 'auto' or one of {', '.join(TEMPLATES)}",
            template,
        )
    if year is not None and (type(year) is not int or not 1990 <= year <= 2100):
        raise _problem("1990到2100之间的年度", "a year from 1990 to 2100", year, path="$.year")
    if department is not None and (type(department) is not str or not department.strip()):
        raise _problem("非空的部门名称", "a non-empty department name", department, path="$.department")

    document = Document(text)
    draft = Draft(text)
    found_year = year if year is not None else _detect_year(ln.text for ln in document.lines)
    if found_year is None:
        raise _problem(
            "含有年度（如“2021年度”）的报告，或给出 year=",
            "a report that states its year (such as 2021年度), or year=",
            text[:40],
        )
    reader = sentences.Reader(document, draft, found_year)
    blocks = tables.mark_blocks(document)
    sentences.assign_context(document)
    pairs = tables.read_tables(reader, blocks)
    sentences.read_prose(reader)
    tables.apply_charts(reader, pairs)
    draft.mark_partial_lists()

    name = department.strip() if department is not None else reader.department()
    if name is None:
        name = "（未识别部门）"
        draft.notes.append("department name not found in the text; pass department=")
    chosen = _detect_template(text) if template == "auto" else template
    disclosure = _build(draft, found_year, name, chosen)
    resolved: dict[str, bool] = {}

    def keep(path: str) -> bool:
        if path not in resolved:
            resolved[path] = _resolves(disclosure, path)
        return resolved[path]

    sources = [s for s in draft.sources if keep(s.path)]
    units = [u for u in draft.units if keep(u.path)]
    printed_units = tuple(sorted({u.unit.value for u in units}))
    if printed_units:
        disclosure = attrs.evolve(disclosure, units=printed_units)
    if department is None and reader.department_source is not None:
        sources.insert(0, reader.department_source)
    if year is None:
        year_source = _year_source(document, draft, found_year)
        if year_source is not None:
            sources.insert(0, year_source)
    return ReadResult(
        disclosure=disclosure,
        sources=tuple(sources),
        unread=tuple(sorted(draft.unread, key=lambda u: (u.start, u.end))),
        units=tuple(units),
        template=chosen,
        notes=tuple(draft.notes),
    )


def read_report_bytes(
    data: bytes,
    *,
    encoding: str | None = None,
    year: int | None = None,
    template: str = "auto",
    department: str | None = None,
) -> ReadResult:
    """Decode ``data`` (UTF-8 with or without BOM, else GB18030, unless ``encoding`` is given) and read it.

    Undecodable bytes raise :class:`~budgetacct.errors.InputError`.
    """
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise _problem("报告文件内容（bytes）", "the report file contents (bytes)", type(data).__name__)
    raw = bytes(data)
    encodings = [encoding] if encoding else ["utf-8-sig", "gb18030"]
    for name in encodings:
        try:
            decoded = raw.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
        return read_report(decoded, year=year, template=template, department=department)
    raise _problem(
        f"可用 {'/'.join(encodings)} 解码的文字", f"text decodable as {'/'.join(encodings)}", raw[:16]
    )
