"""The main figures of a 预算编制说明 (a budget report's narrative), read by their wordings.

A budget's narrative states its totals in a handful of wordings that vary by province and year:
“收入、支出预算总计37188.34万元” (Jiangsu), “收支总预算557,259.13万元” (a university),
“收入预算3,121.42万元，其中：财政拨款收入…” (Shanghai), ““三公”经费预算数为0.95万元”,
“机关运行经费预算为229.43万元”.  :func:`read_budget_text` finds the first printing of each figure
the :class:`~budgetacct.model.budget.Budget` has a place for, and counts the money figures of the
narrative it did not place, so that a read of a budget states its coverage like a 决算's.

This reader is deliberately small and separate from the 决算 sentence reader
(:mod:`budgetacct.reader.report`): a budget's sentences compare with last year's *budget* and
print no actuals, and the fields they fill are the budget model's.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Mapping
from typing import Final

import attrs

from budgetacct.errors import BudgetAcctError
from budgetacct.model.disclosure import StatedChange
from budgetacct.money import Amount, Direction, Percent, Unit, parse_amount
from budgetacct.reader.budget_clauses import WITHHELD, list_owner, normalized, other_year
from budgetacct.reader.counts import VEHICLE_CATEGORY, VEHICLES_OF_WHICH, VEHICLES_TOTAL
from budgetacct.reader.lexicon import LEXICON

__all__ = [
    "BUDGET_WORDINGS",
    "CHANGE_FIELDS",
    "FISCAL_ROWS",
    "ITEMS",
    "ROWS",
    "BudgetFigure",
    "BudgetItem",
    "BudgetText",
    "read_budget_text",
]

#: An amount, never the end of a number printed with a space inside (“1 903.55万元”, where the
#: normalizer has not joined the groups): that number is listed unread whole, not read as 903.55.
_AMOUNT: Final = r"(?<![0-9.])(?<![0-9] )(?P<amount>[0-9][0-9,，]*(?:\.[0-9]+)?)\s*(?P<unit>万元|亿元|元)"
_ANY_AMOUNT: Final = re.compile(
    r"(?<![0-9.])[0-9][0-9,，]*(?: [0-9][0-9,，]*)*(?:\.[0-9]+)?\s*(?:万元|亿元|元)"
)

#: (fields, wording) pairs, from the lexicon (``data/lexicon.toml``, ``[[budget_wording]]``): a
#: field is a dotted place in the Budget (``overview.revenue_grand_total``, ``revenue.general_budget``
#: for the 一般公共预算 revenue line, ``three_public.outbound`` …); the first wording that matches a
#: field's figure wins, in this order.
BUDGET_WORDINGS: Final[tuple[tuple[tuple[str, ...], str], ...]] = tuple(
    (wording.fields, wording.pattern) for wording in LEXICON.budget_wordings
)

_COMPILED: Final = tuple((fields, re.compile(wording + _AMOUNT)) for fields, wording in BUDGET_WORDINGS)

#: A change against last year's budget printed right after a figure: “，比2024年预算增加107.62万元，
#: 增长3.57%”, “。与上年相比减少 0.61 万元”, “，与上年相比收、支预算总计各增加3,958.67 万元”.
_CHANGE: Final = re.compile(
    r"(?:\s*[，,]\s*占[^。，；;]{0,20}?[0-9.]+\s*%)?"  # “，占本年支出合计的 100%。与上年相比…”
    r"(?:\s*[，,]\s*主要(?:是)?用于[^。]{0,80}。)?"  # “，主要用于人员支出、日常公用支出。与上年相比…”
    r"\s*[，,。；;]?\s*(?:(?:与上年相比|比上年相比|比上年(?:预算数?)?|较(?:上年|20\d{2}年)预算数?|与20\d{2}年(?:预算)?相比|比20\d{2}年(?:预算)?)"
    r"[，,]?\s*(?:收、支预算总计各|财政拨款收、支总计各|财政拨款支出)?"
    r"(?P<direction>增加|减少)|本年数(?P<compared>小于|大于)上年预算数"
    # Shanghai 2025: “公务用车购置费0万元，与2024年预算一致0万元” (the change's blank filled with 0).
    r"|与(?:上年|20\d{2}年)(?:预算数?)?(?P<flat>一致|持平))\s*"
    + _AMOUNT
    + r"(?:\s*[，,]\s*(?:增长|增幅|下降|降幅)\s*(?P<rate>[0-9]+(?:\.[0-9]+)?)\s*%)?"
)
#: The place of a figure's change, by the figure's field (a figure with no place for its change
#: leaves the change unread).
CHANGE_FIELDS: Final = {
    "overview.revenue_grand_total": "overview.change",
    "revenue.total": "revenue.change",
    "revenue.fiscal": "revenue.fiscal_change",
    "expenditure.total": "expenditure.change",
    "fiscal.total": "fiscal.change",
    "general_budget.total": "general_budget.change",
    "operating_costs": "operating_costs.change",
    "revenue.general_budget": "revenue.general_budget_change",
    "revenue.other": "revenue.other_change",
    "revenue.special_account": "revenue.special_account_change",
    "expenditure.basic": "expenditure.basic_change",
    "expenditure.project": "expenditure.project_change",
    "expenditure.reserve": "expenditure.reserve_change",
    "fiscal.government_fund": "fiscal.government_fund.change",
    "meeting_costs": "meeting_costs.change",
    "training_costs": "training_costs.change",
    **{
        f"three_public.{name}": f"three_public.{name}.change"
        for name in ("total", "outbound", "vehicles", "vehicle_purchase", "vehicle_operation", "reception")
    },
}
#: The reason stated right after a change (“，主要原因是压减了公务接待费的支出预算安排。”), kept for
#: the figures whose model has a place for it; and Shanghai's paragraph on the fiscal budget's change.
#: A reason runs to the end of its sentence, across “；” into the next part of an enumerated
#: reason (“一是…；二是…”) or a clause stating no money figure; a “；” followed by a clause with its
#: own figure (“；2.社会保障和就业支出比去年增加…万元”) starts the next item, not this reason.
#: The words that open a reason: “主要原因是”, “下降原因主要是”, “减少的主要原因是”, “增加的原因是”,
#: “变动原因：”, “主要是”, “主要用于”, “系…所致”.
_REASON_WORDS: Final = (
    r"(?:(?:(?:增加|减少|增长|下降|变动|变化)的?)?(?:主要)?原因(?:主要)?(?:是|为|[：:])"
    r"|主要是|主要用于|系(?=[^。；;]{1,60}?所致))"
)
_REASON: Final = re.compile(
    r"\s*[，,。]\s*(" + _REASON_WORDS + r"[^。；;]+"
    r"(?:[；;](?:(?:[二三四五六七八九十]是|其次|再次|最后|此外|另外|同时)[^。；;]*|(?![^。；;]*\d\s*万元)[^。；;]+))*)"
)
_FISCAL_REASON: Final = re.compile(r"财政拨款收入支出(?:增加|减少)的主要原因是[^。]+。")
_CHANGE_PLACES: Final = frozenset(CHANGE_FIELDS.values())
_DIRECTIONS: Final = {
    "增加": Direction.INCREASE,
    "减少": Direction.DECREASE,
    "大于": Direction.INCREASE,  # “本年数大于上年预算数…”
    "小于": Direction.DECREASE,
}


def _direction(change: re.Match[str]) -> Direction:
    if change["flat"]:
        return Direction.FLAT
    return _DIRECTIONS[change["direction"] or change["compared"]]


#: Last year's figure printed in brackets after a change: “与上年相比增加2,247.84万元（上年财政仅安排
#: 省检察院本级预留机动140.2万元）” (Jiangsu 2018), read when it is this year's figure less the change.
_PREVIOUS: Final = re.compile(r"\s*[（(]上年[^）)]{0,30}?" + _AMOUNT + r"\s*[）)]")
#: The reason after a change, to the end of its sentence and the sentences that go on with it
#: (“主要原因是…减少部门支出1,653万元。同时，…增加部门预算1,464.3万元。”).
_REASON_SPAN: Final = re.compile(
    r"\s*[，,。；;]?\s*" + _REASON_WORDS + r"[^。]*。(?:\s*(?:同时|另外|此外)[^。]*。)*"
)
#: A figure the reason names, with its direction: “减少部门支出 1,653 万元”, “增加了 40万元”.
_FACTOR: Final = re.compile(r"(?P<direction>增加|减少)了?[^，,。；;0-9]{0,8}?\s*" + _AMOUNT)
_CLAUSE_START: Final = re.compile(r"[^，,。；;]*$")


def _reason_factors(
    joined: str, end: int, printed: Callable[[int, int], str] | None = None
) -> list[tuple[Direction, Amount, int, int, str]]:
    """The figures the reason right after ``end`` names: direction, amount, span, its clause (as
    ``printed`` gives the text between two places, else as normalized)."""
    reason = _REASON_SPAN.match(joined, end)
    if reason is None:
        return []
    factors: list[tuple[Direction, Amount, int, int, str]] = []
    for factor in _FACTOR.finditer(joined, reason.start(), reason.end()):
        amount = _amount(factor)
        if amount is None:
            continue
        head = _CLAUSE_START.search(joined, reason.start(), factor.start())
        start = head.start() if head else factor.start()
        clause = printed(start, factor.end()) if printed else joined[start : factor.end()]
        clause = re.sub(r"^\s*(?:" + _REASON_WORDS + r"|同时|另外|此外)", "", clause).strip()
        direction = _DIRECTIONS[factor["direction"]]
        factors.append((direction, amount, factor.start("amount"), factor.end("unit"), clause))
    return factors


def _reason_spans(joined: str) -> list[tuple[int, int]]:
    """Where the reasons stated after the changes run (“，主要原因是：一是压减因公出国（境）费5万元；…”):
    a figure there is a factor of the change, never the budget of the thing it names.  A reason
    stops before a clause whose figure has a change of its own: that is the next item (a page that
    lost words: “…主要是根据中央“八项规定”,严格车运行维护费2450.18万元,比2017年减少243.12万元”)."""
    changes = list(_CHANGE.finditer(joined))
    spans: list[tuple[int, int]] = []
    for change in changes:
        end = change.end()
        if (previous := _PREVIOUS.match(joined, end)) is not None:
            end = previous.end()
        if (reason := _REASON.match(joined, end)) is None:
            continue
        start, stop = reason.span(1)
        inner = next((other.start() for other in changes if start < other.start() < stop), None)
        if inner is not None:
            clause = _CLAUSE_START.search(joined, start, inner)
            stop = clause.start() if clause is not None else inner
        spans.append((start, stop))
    return spans


#: The whole budget's parts, read only from a list of the whole budget's or from no list
#: (:func:`~budgetacct.reader.budget_clauses.list_owner`): a fund's list (“财政拨款支出4000万元，其中
#: 基本支出3000万元…”, “…收支总预算X。收入包括：…上年结转结余Y”) and a 功能分类 line's (“机构运行X元，
#: 其中：基本支出X元，项目支出0元”) hold that fund's or that line's parts.
_WHOLE_PARTS: Final = frozenset({"expenditure.basic", "expenditure.project", "overview.carried_forward"})


def _inside(spans: list[tuple[int, int]], position: int) -> bool:
    return any(start <= position < end for start, end in spans)


@attrs.frozen
class BudgetFigure:
    """A figure placed: the Budget field, the amount (万元), where it is printed in the text.

    ``restated`` marks a later printing of a figure already read, with the same wording and the
    same amount (it is read, and stored once).
    """

    field: str
    amount: Amount
    start: int
    end: int
    printed: str
    restated: bool = False


@attrs.frozen
class BudgetItem:
    """A 功能分类 line of the narrative (““一般公共服务支出（类）财政事务（款）行政运行（项）”1,623.18万元”),
    its code found by its names among the report's own codes, and the change printed with it."""

    code: str
    name: str
    figure: BudgetFigure
    change: StatedChange | None = None
    change_figure: BudgetFigure | None = None
    executed: BudgetFigure | None = None
    #: The figures the reason for the change names: (direction, clause, figure).
    factors: tuple[tuple[Direction, str, BudgetFigure], ...] = ()


@attrs.frozen
class BudgetText:
    """The figures a budget narrative was read for, the changes stated with them, and the money
    figures it printed but were not placed."""

    figures: tuple[BudgetFigure, ...]
    unread: tuple[tuple[int, int, str], ...]
    changes: tuple[tuple[str, StatedChange], ...] = ()
    target_projects: int | None = None
    reasons: tuple[tuple[str, str], ...] = ()
    items: tuple[BudgetItem, ...] = ()
    counts: tuple[tuple[str, int], ...] = ()
    #: The projects listed after the targeted money (“其中：中介机构服务费418.80万元，…”), by name.
    targeted: tuple[tuple[str, BudgetFigure], ...] = ()
    #: The figures of a known wording left unread on purpose, and why: (start, end, English, Chinese).
    withheld: tuple[tuple[int, int, str, str], ...] = ()
    #: The vehicles held by category (“其中：一般公务用车1辆、执法执勤用车2辆”).
    vehicles: tuple[tuple[str, int], ...] = ()

    def get(self, field: str) -> Amount | None:
        return next((figure.amount for figure in self.figures if figure.field == field), None)

    def change(self, field: str) -> StatedChange | None:
        return next((change for name, change in self.changes if name == field), None)

    def count(self, field: str) -> int | None:
        return next((count for name, count in self.counts if name == field), None)

    def reason(self, field: str) -> str | None:
        return next((reason for name, reason in self.reasons if name == field), None)


#: “单价100万元（含）以上设备（不含车辆）0台（套）”, “单价 20 万元（含）以上的设备 48 台（套）”: equipment
#: held, or planned (“预算安排购置单价…”), at or above the printed price.
_EQUIPMENT: Final = re.compile(
    r"(?P<planned>购置)?单价\s*"
    + _AMOUNT
    + r"\s*(?:[（(]含[）)])?以上(?:的)?设备(?:[（(]不含车辆[）)])?(?:共)?\s*"
    r"(?P<n>\d+)\s*(?:台[（(]套[）)]|台|套|件)"
)
#: A university's fiscal change printed apart from its figure: “2023 年当年财政拨款支出预算与上年全年
#: 预算数相比增加 2,898.54 万元”.
_FISCAL_CHANGE: Final = re.compile(
    r"财政拨款支出预算与上年(?:全年)?预算数?相比(?P<direction>增加|减少)\s*" + _AMOUNT
)
#: The change of the 政府性基金 spending among the fiscal changes by line (a university, 2023: “5.政府性
#: 基金支出比去年增加 109.5 万元”).
_FUND_CHANGE: Final = re.compile(
    r"政府性基金(?:预算)?(?:拨款)?支出比(?:上年|去年)(?:预算数?)?(?P<direction>增加|减少)\s*" + _AMOUNT
)
_LINE_REASONS: Final = re.compile(r"\s*[。，,]\s*其中[：:]\s*((?:\d+\s*[．.][^；;。]*[；;。]\s*)+)")
_OF_WHICH: Final = re.compile(r"\s*[。，,]\s*其中[：:]")
_TARGETED: Final = re.compile(
    r"\s*(?P<name>[^，,。；;：:\d\s][^，,。；;：:\d]{1,30}?)\s*" + _AMOUNT + r"\s*[，,、；;]?"
)
_TARGET_PROJECTS: Final = re.compile(
    r"绩效目标的项目共\s*(\d+)\s*个|共\s*(\d+)\s*个项目实行绩效目标管理|实行绩效目标管理的项目(?:共)?\s*(\d+)\s*个"
)


def _amount(match: re.Match[str]) -> Amount | None:
    try:
        amount, _ = parse_amount(
            match["amount"].replace("，", ",") + match["unit"], default_unit=Unit.WAN_YUAN
        )
    except BudgetAcctError:
        return None
    return amount


def read_budget_text(
    text: str, codes: Mapping[str, str] | None = None, *, year: int | None = None
) -> BudgetText:
    """The first printing of each budget figure in ``text`` (and its identical restatements, and
    the changes stated with them); the other money figures, unread.

    The text is read normalized as a 决算's is (full-width digits, thousands separators, spaces;
    :func:`~budgetacct.reader.budget_clauses.normalized`).  A figure in a clause led by another
    year than ``year`` (or by 上年) is last year's and stays unread, and so do the whole budget's
    parts printed in a fund's or a line's list (each with its reason in ``withheld``).

    >>> read = read_budget_text("某局2025年“三公”经费预算数为0.95万元，比2024年预算减少0.05万元。")
    >>> read.get("three_public.total"), read.change("three_public.total.change").amount
    (Amount('0.95'), Amount('0.05'))

    ``codes`` (function code → name, from the report's tables and the catalogue) identifies the
    功能分类 lines the narrative lists by name; without it they are left unread.
    """
    joined, at, line_starts = normalized(text)

    def printed(start: int, end: int) -> str:
        """The text printed from ``start`` to ``end`` (joined places), its line breaks left out."""
        return text[at[start] : at[end - 1] + 1].replace("\n", "")

    figures: dict[str, BudgetFigure] = {}
    withheld: dict[tuple[int, int], tuple[str, str]] = {}
    general_basic: list[tuple[Amount, int, int]] = []
    taken: dict[tuple[int, int], str] = {}
    found: list[BudgetFigure] = []
    changes: dict[str, StatedChange] = {}
    reasons: dict[str, str] = {}
    if (fiscal_reason := _FISCAL_REASON.search(joined)) is not None:
        reasons["fiscal.reason"] = printed(*fiscal_reason.span())

    def place(field: str, amount: Amount, start: int, end: int, restated: bool) -> None:
        figure = BudgetFigure(
            field, amount, at[start], at[end - 1] + 1, text[at[start] : at[end - 1] + 1], restated
        )
        found.append(figure)
        figures.setdefault(field, figure)
        taken.setdefault((start, end), field)

    def read_change(field: str, start: int, end: int) -> None:
        change_field = CHANGE_FIELDS.get(field)
        match = _CHANGE.match(joined, end)
        if change_field is None or match is None or (amount := _amount(match)) is None:
            return
        # “支出预算5000万元，其中：基本支出3000万元，项目支出2000万元。与上年相比增加500万元”: a change
        # opening the sentence after a “其中” list may be the list's total's as well as its last part's.
        opened = joined.rfind("。", 0, start) + 1
        if "。" in joined[end : match.start("amount")] and "其中" in joined[opened:start]:
            return
        stated = StatedChange(_direction(match), amount, Percent(match["rate"]) if match["rate"] else None)
        known = changes.setdefault(change_field, stated)
        if known == stated:
            place(change_field, amount, match.start("amount"), match.end("unit"), known is not stated)
            if known is stated:
                read_previous(field, change_field, stated, match.end())
            reason = _REASON.match(joined, match.end())
            if reason is not None and field.startswith("three_public."):
                reasons.setdefault(f"{field}.reason", printed(*reason.span(1)).strip())
            elif reason is not None and field == "fiscal.total":
                reasons.setdefault("fiscal.reason", printed(*reason.span(1)).strip() + "。")

    def read_previous(field: str, change_field: str, stated: StatedChange, end: int) -> None:
        """Last year's figure in brackets after the change, and the change restated by its reason."""
        after = end
        previous = _PREVIOUS.match(joined, end)
        before = _amount(previous) if previous is not None else None
        if previous is not None and before is not None and field in figures and stated.amount is not None:
            implied = StatedChange.between(before, figures[field].amount)
            if (implied.direction, implied.amount) == (stated.direction, stated.amount):
                changes[change_field] = attrs.evolve(stated, previous=before)
                place(
                    f"{change_field}.previous", before, previous.start("amount"), previous.end("unit"), False
                )
                after = previous.end()
        # “增加40万元，…。主要原因是南京铁路检察院增加了40万元的检察办案费预算”: the same change.
        for direction, amount, start, stop, _ in _reason_factors(joined, after):
            if (direction, amount) == (stated.direction, stated.amount) and (start, stop) not in taken:
                place(change_field, amount, start, stop, True)

    reasons_at = _reason_spans(joined)
    for fields, pattern in _COMPILED:
        for match in pattern.finditer(joined):
            span = (match.start("amount"), match.end("unit"))
            amount = _amount(match)
            if amount is None or span in taken:
                continue
            new = [field for field in fields if field not in figures]
            if fields[0] in _CHANGE_PLACES:
                known_change = changes.get(fields[0])
                if known_change is not None and known_change.amount == amount:
                    place(fields[0], amount, *span, True)
                continue
            # A reason's figures are factors of its change (a change restated there is read above).
            if _inside(reasons_at, span[0]):
                continue
            if other_year(joined, match.start(), year, line_starts):
                withheld.setdefault(span, WITHHELD["year"])
                continue
            owner = list_owner(joined, match.start()) if _WHOLE_PARTS.intersection(fields) else None
            if owner not in (None, "whole"):
                # The 一般公共预算's 基本支出 is a figure of its own, read when no wording states it.
                if owner == "general_budget" and fields == ("expenditure.basic",):
                    general_basic.append((amount, *span))
                withheld.setdefault(span, WITHHELD[str(owner)])
                continue
            if new:
                for field in fields:
                    place(field, amount, *span, field not in new)
            elif all(figures[field].amount == amount for field in fields):
                place(fields[0], amount, *span, True)
            else:
                continue
            read_change(next((field for field in fields if field in CHANGE_FIELDS), fields[0]), *span)
    for amount, start, end in general_basic:
        known = figures.get("basic_expenditure.total")
        if known is None or known.amount == amount:
            place("basic_expenditure.total", amount, start, end, known is not None)
            withheld.pop((start, end), None)
    fiscal_change = _FISCAL_CHANGE.search(joined)
    if fiscal_change is not None and "fiscal.change" not in changes and (amount := _amount(fiscal_change)):
        changes["fiscal.change"] = StatedChange(_DIRECTIONS[fiscal_change["direction"]], amount)
        place("fiscal.change", amount, fiscal_change.start("amount"), fiscal_change.end("unit"), False)
        # Its reasons follow line by line: “其中：1.教育支出比上年增加…，主要原因是…；2.…。”
        if (by_line := _LINE_REASONS.match(joined, fiscal_change.end())) is not None:
            reasons.setdefault("fiscal.reason", printed(*by_line.span(1)).strip())
    fund_change = _FUND_CHANGE.search(joined)
    if fund_change is not None and (amount := _amount(fund_change)) is not None:
        field = "fiscal.government_fund.change"
        changes.setdefault(field, StatedChange(_DIRECTIONS[fund_change["direction"]], amount))
        place(field, amount, fund_change.start("amount"), fund_change.end("unit"), False)
    targeted: list[tuple[str, BudgetFigure]] = []
    if "targets.amount" in figures:
        position = figures["targets.amount"].end
        listed = _OF_WHICH.match(joined, bisect.bisect_left(at, position))
        position = listed.end() if listed else len(joined)
        while listed and (project := _TARGETED.match(joined, position)) and (amount := _amount(project)):
            position = project.end()
            field = f"targets.lines:{len(targeted)}"
            place(field, amount, project.start("amount"), project.end("unit"), False)
            targeted.append((project["name"].strip(), figures[field]))
        # A project's money restated by its name (“年度预算安排：信息化系统日常维护费166.66万元”).
        for name, figure in list(targeted):
            for again in re.compile(re.escape(name) + r"\s*" + _AMOUNT).finditer(joined, position):
                span = (again.start("amount"), again.end("unit"))
                if span not in taken and _amount(again) == figure.amount:
                    place(figure.field, figure.amount, *span, True)
    counts: dict[str, int] = {}
    for equipment in _EQUIPMENT.finditer(joined):
        section = "asset_purchases" if equipment["planned"] else "assets"
        amount = _amount(equipment)
        if amount is None or f"{section}.equipment" in counts:
            continue
        counts[f"{section}.equipment"] = int(equipment["n"])
        place(
            f"{section}.equipment_threshold", amount, equipment.start("amount"), equipment.end("unit"), False
        )
    vehicles = _vehicles_held(joined, counts)
    items = _read_items(
        joined,
        codes or {},
        lambda start, end: (at[start], at[end - 1] + 1, text[at[start] : at[end - 1] + 1]),
        taken,
    )
    found.extend(item.figure for item in items)
    found.extend(item.change_figure for item in items if item.change_figure is not None)
    found.extend(item.executed for item in items if item.executed is not None)
    found.extend(figure for item in items for _, _, figure in item.factors)
    projects = _TARGET_PROJECTS.search(joined)
    placed = {(figure.start, figure.end) for figure in found}
    unread = tuple(
        (start, end, text[start:end])
        for found_at in _ANY_AMOUNT.finditer(joined)
        if (start := at[found_at.start()], end := at[found_at.end() - 1] + 1) not in placed
    )
    ordered = sorted(found, key=lambda figure: (figure.start, figure.field))
    return BudgetText(
        tuple(ordered),
        unread,
        tuple(changes.items()),
        int(next(count for count in projects.groups() if count)) if projects else None,
        tuple(reasons.items()),
        tuple(items),
        tuple(counts.items()),
        tuple(targeted),
        tuple(
            (at[start], at[end - 1] + 1, *reason)
            for (start, end), reason in withheld.items()
            if (at[start], at[end - 1] + 1) not in placed
        ),
        vehicles,
    )


def _vehicles_held(joined: str, counts: dict[str, int]) -> tuple[tuple[str, int], ...]:
    """The vehicles held, as the 决算 reader reads them (“本部门共有车辆3辆，其中：一般公务用车1辆、
    执法执勤用车2辆”): the total into ``counts``, and the categories of the list after it."""
    held = VEHICLES_TOTAL.search(joined)
    if held is None:
        return ()
    counts["assets.vehicles_total"] = int(held["n"])
    of_which = VEHICLES_OF_WHICH.match(joined, held.end())
    if of_which is None:
        return ()
    end = min(
        (at for at in (joined.find(stop, of_which.end()) for stop in "；。") if at >= 0), default=len(joined)
    )
    return tuple(
        (category["c"].strip("：，"), int(category["n"]))
        for category in VEHICLE_CATEGORY.finditer(joined, of_which.end(), end)
        if category["c"].strip("：，")
    )


# --- 功能分类 lines ------------------------------------------------------------------------------

#: The field of a 功能分类 line's figure is ``general_budget.items:<code>`` (its change: ``….change``).
ITEMS: Final = "general_budget.items"
ROWS: Final = "expenditure.rows"
FISCAL_ROWS: Final = "fiscal.rows"
_NAME: Final = (
    r"[^\s“”（()）:：，。；;、\d．.]+?(?:（室）[^\s“”（()）:：，。；;、\d．.]+?)?"  # “党委办公厅（室）及…”
)
#: A 项 name may list several things (“公诉、审判、侦查、执行等检察监督支出（项）”).
_ITEM_NAME: Final = r"[^\s“”（()）:：，。；;\d．.]+?"
#: Shanghai: “1.“一般公共服务支出（类）财政事务（款）行政运行（项）”1,623.18万元”.
_QUOTED_ITEM: Final = re.compile(
    rf"“(?P<cls>{_NAME})[（(]类[）)](?P<kuan>{_NAME})[（(]款[）)](?P<xiang>{_NAME})[（(]项[）)]”\s*" + _AMOUNT
)
#: Jiangsu: a heading “（一）公共安全（类）” sets the 类 of the lines below it; “1．法院（款）行政运行（项）
#: 支出 17279.29 万元”, “检察（款）: 2018 年预算支出合计 16,444.36 万元”, “1．行政运行（项）支出 10,883.36 万元”.
_CLASS_HEADING: Final = re.compile(rf"[（(][一二三四五六七八九十]+[）)]\s*(?P<cls>{_NAME})[（(]类[）)]")
_LISTED_ITEM: Final = re.compile(
    rf"(?:\d+\s*[．.]\s*)?(?:(?P<kuan>{_NAME})[（(]款[）)]\s*)?(?:(?P<xiang>{_ITEM_NAME})\s*[（(]项[）)])?"
    r"\s*[:：]?\s*(?:支出)?\s*[:：]?\s*(?:20\d{2}\s*年预算支出合计)?\s*" + _AMOUNT
)


#: The 类 lines of the whole spending budget: Jiangsu's “（二）支出预算总计 X。包括：1．公共安全（类）支出
#: 16,458.75 万元，…2．社会保障和就业支出 1,836.22 万元…” and a university's “支出预算 557,259.13 万元，
#: 其中：教育支出 434,334.99 万元，占 77.94%；…”, up to the next paragraph of another subject.
_CLASS_LISTING: Final = re.compile(
    r"(?:[（(]二[）)]\s*支出预算总计[^。]{0,30}。\s*包括[：:]|我校\s*\d{4}\s*年\s*支出预算[^。，]{0,30}[，,]\s*其中[：:])"
)
_LISTING_END: Final = re.compile(
    r"此外|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|预\s*算\s*支\s*出\s*构\s*成"
)
#: A university's fiscal 类 lines: “当年财政拨款支出预算 230,876.38 万元，其中教育支出 208,613.34 万元，…。”
_FISCAL_LISTING: Final = re.compile(r"当年财政拨款支出预算[^。，]{0,30}[，,]\s*(?=其中)")
_LISTINGS: Final = (
    (ROWS, _CLASS_LISTING, _LISTING_END),
    (FISCAL_ROWS, _FISCAL_LISTING, re.compile("。")),
)
_ROW_CHANGE: Final = re.compile(rf"\d+\s*[．.]\s*(?P<cls>{_NAME})比上年(?P<direction>增加|减少)\s*" + _AMOUNT)
_CLASS_LINE: Final = re.compile(
    rf"(?:^|[：:；;。，,\s]|\d\s*[．.]|其中)\s*(?P<cls>(?!其中){_NAME})\s*(?:[（(]类[）)])?\s*(?:支出)?\s*"
    + _AMOUNT
)


#: Shanghai restates a line's amount after its use: “…”53.84万元，主要用于…。2023年当年预算执行数为
#: 54.60万元，2024年预算安排53.84万元” (read when the amount is the line's; the 执行数 stays unread).
_EXECUTED: Final = re.compile(r"[^“”]{0,160}?\d{4}\s*年当年预算执行\s*数为\s*" + _AMOUNT)
_ARRANGED: Final = re.compile(r"[^“”]{0,160}?\d{4}\s*年预算安排\s*" + _AMOUNT)


def _named(codes: Mapping[str, str], name: str, parent: str | None, digits: int) -> str | None:
    """The one code of ``digits`` digits under ``parent`` printed as ``name`` (±“支出”), else None."""
    wanted = "".join(name.split()).replace("其它", "其他")  # the same word, two spellings
    # A name of an earlier catalogue, or a common misprint, stands for the lexicon's catalogue name.
    bare = wanted.removesuffix("支出")
    names = {wanted, *(alias for form in (bare, bare + "支出") for alias in LEXICON.names_for(form))}
    variants = {variant for each in names for variant in (each, each + "支出", each.removesuffix("支出"))}
    found = {
        code
        for code, printed in codes.items()
        if len(code) == digits and (parent is None or code.startswith(parent)) and printed in variants
    }
    return found.pop() if len(found) == 1 else None


def _read_items(
    joined: str,
    codes: Mapping[str, str],
    span_of: Callable[[int, int], tuple[int, int, str]],
    taken: dict[tuple[int, int], str],
) -> list[BudgetItem]:
    """The 功能分类 lines whose every printed name is one code of the report's (first printing; a
    later identical printing is read as restated); any other is left unread."""
    if not codes:
        return []
    lines: dict[str, BudgetItem] = {}
    read: list[BudgetItem] = []

    def add(code: str, name: str, match: re.Match[str], section: str = ITEMS) -> None:
        amount = _amount(match)
        start, end = match.start("amount"), match.end("unit")
        if amount is None or (start, end) in taken:
            return
        field = f"{section}:{code}"
        first = lines.get(field)
        if first is not None and first.figure.amount != amount:
            return
        figure = BudgetFigure(field, amount, *span_of(start, end), first is not None)
        change_match = _CHANGE.match(joined, end)
        change = change_figure = None
        if change_match is not None and (change_amount := _amount(change_match)) is not None:
            rate = change_match["rate"]
            change = StatedChange(_direction(change_match), change_amount, Percent(rate) if rate else None)
            if first is None or first.change == change:
                c_start, c_end = change_match.start("amount"), change_match.end("unit")
                change_figure = BudgetFigure(
                    f"{field}.change",
                    change_amount,
                    *span_of(c_start, c_end),
                    first is not None,
                )
        factors: list[tuple[Direction, str, BudgetFigure]] = []
        if first is None and change_match is not None and change is not None:
            for direction, amount_named, f_start, f_end, clause in _reason_factors(
                joined, change_match.end(), lambda a, b: span_of(a, b)[2].replace("\n", "")
            ):
                factor_field = f"{field}.factors:{len(factors)}"
                named = BudgetFigure(factor_field, amount_named, *span_of(f_start, f_end))
                factors.append((direction, clause, named))
                taken[(f_start, f_end)] = factor_field
        item = BudgetItem(
            code, name, figure, change if first is None else None, change_figure, factors=tuple(factors)
        )
        lines.setdefault(field, item)
        read.append(item)
        taken[(start, end)] = field
        executed = _EXECUTED.match(joined, end)
        if first is None and executed is not None and (executed_amount := _amount(executed)) is not None:
            e_start, e_end = executed.start("amount"), executed.end("unit")
            spent = BudgetFigure(f"{field}.executed", executed_amount, *span_of(e_start, e_end))
            item = attrs.evolve(item, executed=spent)
            lines[field] = item
            read[-1] = item
            taken[(e_start, e_end)] = f"{field}.executed"
        arranged = _ARRANGED.match(joined, end)
        if arranged is not None and _amount(arranged) == amount:
            a_start, a_end = arranged.start("amount"), arranged.end("unit")
            restated = BudgetFigure(field, amount, *span_of(a_start, a_end), True)
            read.append(BudgetItem(code, name, restated))
            taken[(a_start, a_end)] = field

    for quoted in _QUOTED_ITEM.finditer(joined):
        in_class = _named(codes, quoted["cls"], None, 3)
        in_kuan = _named(codes, quoted["kuan"], in_class, 5) if in_class else None
        xiang = _named(codes, quoted["xiang"], in_kuan, 7) if in_kuan else None
        if xiang is not None:
            add(xiang, quoted["xiang"], quoted)
    headings = list(_CLASS_HEADING.finditer(joined))
    for i, heading in enumerate(headings):
        cls = _named(codes, heading["cls"], None, 3)
        end = headings[i + 1].start() if i + 1 < len(headings) else len(joined)
        # The lines under one heading stop at the next numbered section (“六、…”).
        section_end = re.compile(r"[一二三四五六七八九十]+、").search(joined, heading.end(), end)
        kuan: str | None = None
        position = heading.end()
        stop = section_end.start() if section_end else end
        while cls is not None and (listed := _LISTED_ITEM.search(joined, position, stop)) is not None:
            position = listed.end()
            if listed["kuan"]:
                kuan = _named(codes, listed["kuan"], cls, 5)
            if listed["xiang"]:
                code = _named(codes, listed["xiang"], kuan, 7) if kuan else None
                if code is not None:
                    add(code, listed["xiang"], listed)
            elif listed["kuan"] and kuan is not None:
                add(kuan, listed["kuan"], listed)
    for section, opening, closing in _LISTINGS:
        for listing in opening.finditer(joined):
            ends = closing.search(joined, listing.end())
            # From the listing's last character (“：”), which opens its first line.
            for listed in _CLASS_LINE.finditer(
                joined, listing.end() - 1, ends.start() if ends else len(joined)
            ):
                code = _named(codes, listed["cls"], None, 3)
                if code is not None:
                    add(code, listed["cls"], listed, section)
    # A university's “1.教育支出比上年增加 3,805.13 万元” after its fiscal 类 lines: each line's change.
    for changed in _ROW_CHANGE.finditer(joined):
        code = _named(codes, changed["cls"], None, 3)
        first = lines.get(f"{FISCAL_ROWS}:{code}")
        amount = _amount(changed)
        if first is None or first.change is not None or amount is None:
            continue
        start, end = changed.start("amount"), changed.end("unit")
        figure = BudgetFigure(f"{first.figure.field}.change", amount, *span_of(start, end))
        updated = attrs.evolve(first, change=StatedChange(_DIRECTIONS[changed["direction"]], amount))
        lines[first.figure.field] = updated
        read[read.index(first)] = attrs.evolve(updated, change_figure=figure)
    return read
