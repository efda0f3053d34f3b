"""Statements about the figures that real reports get wrong: the word comparing an item's 决算数
with its 年初预算数 (R99) and a year printed in a date or a table's title (R100, on budgets too).

Both are about words printed next to figures, not about the figures themselves: a report that says
“决算数大于预算数” of 1,511.89 against 1,560.05 has right figures and a wrong sentence.
"""

from __future__ import annotations

import re
from decimal import Decimal

from budgetacct.auditing.check import Checker
from budgetacct.auditing.rules._common import budgeted_figures
from budgetacct.auditing.rules.budget_common import budget_of
from budgetacct.model.disclosure import BudgetedFigure, FunctionLine
from budgetacct.model.enums import Severity
from budgetacct.money import Amount, Direction, Percent

_WORDS = {
    Direction.INCREASE: ("大于", "above"),
    Direction.DECREASE: ("小于", "below"),
    Direction.FLAT: ("持平", "equal to"),
}


def _possible(direction: Direction, difference: Decimal, tolerance: Decimal) -> bool:
    """Whether the unrounded figures can compare as ``direction`` says.

    Each printed figure stands for an interval half a unit either side (half-up: the upper end
    open), so the final figure can exceed the budget unless its interval lies wholly below, and
    the two can be equal only where the intervals overlap (or, exactly, when they are equal).
    """
    if direction is Direction.INCREASE:
        return difference > -tolerance
    if direction is Direction.DECREASE:
        return difference < tolerance
    return abs(difference) < tolerance or difference == 0


def _doubtful(difference: Decimal, tolerance: Decimal) -> bool:
    """Whether the printed figures are equal within rounding, so that 持平 is possible too."""
    return abs(difference) < tolerance


def _item_label(line: FunctionLine) -> str:
    return f"{line.name or line.code}（{line.code}）"


def _check_against_budget(
    c: Checker, path: str, label: str, actual: Amount, budget: Amount, direction: Direction
) -> None:
    difference = actual.value - budget.value
    tolerance = c.half(actual) + c.half(budget)
    word_zh, word_en = _WORDS[direction]
    figures = {
        "expected": f"决算数{actual}，预算数{budget}",
        "actual": word_zh,
        "difference": difference,
        "tolerance": tolerance,
    }
    if not _possible(direction, difference, tolerance):
        c.fail(
            path,
            f"{label}决算数{actual}万元、年初预算数{budget}万元，说明却写“决算数{word_zh}预算数”",
            f"{label}: the final figure {actual} and the budget {budget} are printed, yet the report "
            f"says the final figure is {word_en} the budget",
            **figures,
        )
    elif direction is not Direction.FLAT and _doubtful(difference, tolerance):
        c.emit(
            Severity.WARNING,
            path,
            f"{label}决算数{actual}万元与年初预算数{budget}万元在四舍五入以内相等，"
            f"“决算数{word_zh}预算数”从印刷数看不出，应写“持平”或列出更多位数",
            f"{label}: the final figure {actual} equals the budget {budget} within rounding, so "
            f"“{word_en} the budget” cannot be read from the printed figures (“equal”, or more digits)",
            **figures,
        )
    elif direction is Direction.FLAT and difference:
        c.emit(
            Severity.NOTE,
            path,
            f"{label}决算数{actual}万元与年初预算数{budget}万元仅在四舍五入以内持平",
            f"{label}: the final figure {actual} equals the budget {budget} only within rounding",
            **figures,
        )


def _check_against_completion(
    c: Checker, path: str, label: str, completion: Percent, direction: Direction
) -> None:
    # A completion rate rounded to 100.00% may hide a small excess or shortfall either way; any
    # other rate says which side of the budget the final figure is.
    rate = completion.value
    wrong = (
        (direction is Direction.INCREASE and rate < 100)
        or (direction is Direction.DECREASE and rate > 100)
        or (direction is Direction.FLAT and rate != 100)
    )
    if wrong:
        word_zh, word_en = _WORDS[direction]
        c.fail(
            path,
            f"{label}完成年初预算{completion}%，说明却写“决算数{word_zh}预算数”",
            f"{label}: {completion}% of the budget is spent, yet the report says the final figure "
            f"is {word_en} the budget",
            expected=f"完成{completion}%",
            actual=word_zh,
        )


def _three_public_doubtful(c: Checker, path: str, figure: BudgetedFigure, label: str) -> None:
    # R39 reports a 三公 comparison that cannot hold; only the one that cannot be told from the
    # printed figures is left to this rule.
    stated = figure.versus_budget
    if stated is None or figure.actual is None or stated.direction is Direction.FLAT:
        return
    budget = figure.budget if figure.budget is not None else stated.previous
    if budget is None:
        return
    difference = figure.actual.value - budget.value
    tolerance = c.half(figure.actual) + c.half(budget)
    if _possible(stated.direction, difference, tolerance) and _doubtful(difference, tolerance):
        _check_against_budget(c, path, label, figure.actual, budget, stated.direction)


def budget_comparisons_worded_correctly(c: Checker) -> None:
    """“决算数大于/小于/等于年初预算数” agrees with the two printed figures."""
    gb = c.d.general_budget
    if gb is not None:
        for i, line in enumerate(gb.items):
            stated = line.versus_budget
            if stated is None:
                continue
            path = f"$.general_budget.items[{i}].versus_budget"
            if line.budget is not None:
                _check_against_budget(c, path, _item_label(line), line.amount, line.budget, stated.direction)
            elif line.completion is not None:
                _check_against_completion(c, path, _item_label(line), line.completion, stated.direction)
    for path, figure, zh, _ in budgeted_figures(c.d):
        _three_public_doubtful(c, f"{path}.versus_budget", figure, zh)


_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")
# Words after a year that make it another year's figure on purpose (“2020年决算数”, “上年”).
_OTHER_YEAR_ON_PURPOSE = ("上年", "比", "较", "对比", "同期")


def _years(text: str) -> list[int]:
    return [int(match.group(1)) for match in _YEAR.finditer(text)]


def _assets_as_of(c: Checker) -> None:
    budget = budget_of(c)
    year = c.d.year
    assets = c.d.assets if budget is None else budget.assets
    if assets is None or assets.as_of is None:
        return
    # A 决算 states what was held at the end of its year; a 预算 what was held when it was drawn
    # up, in the year before (“截至2024年8月31日” in a 2025 budget) or early in its own year.
    allowed = {year} if budget is None else {year - 1, year}
    wrong = [y for y in _years(assets.as_of) if y not in allowed]
    if not wrong:
        return
    if budget is None:
        zh = f"{year}年度决算的资产情况应截至{year}年12月31日"
        en = f"the {year} final accounts state assets as of 31 December {year}"
        expected = f"{year}年12月31日"
    else:
        zh = f"{year}年预算的资产情况应截至{year - 1}年或{year}年的某日"
        en = f"a {year} budget states assets as of a day in {year - 1} or {year}"
        expected = f"{year - 1}年或{year}年"
    c.emit(
        Severity.WARNING,
        "$.assets.as_of",
        f"{zh}，说明却写“截至{assets.as_of}”（{wrong[0]}年：多为沿用往年文本未改）",
        f"{en}, but the report says “as of {assets.as_of}” ({wrong[0]}: usually an earlier "
        "year's text left unchanged)",
        expected=expected,
        actual=assets.as_of,
    )


def dates_name_the_report_year(c: Checker) -> None:
    """A date the report prints and a year in a table's title or a heading are the report's own year."""
    _assets_as_of(c)
    for h, heading in enumerate(c.d.headings):
        _names_the_year(c, f"$.headings[{h}]", heading, ("标题", "heading", "文字"))
    for t, table in enumerate(c.d.tables):
        _names_the_year(c, f"$.tables[{t}].title", table.title, ("表题", "title", "表格"))


def _names_the_year(c: Checker, path: str, text: str, words: tuple[str, str, str]) -> None:
    """A warning when ``text`` names another year than the report's, unless it compares on purpose."""
    if any(word in text for word in _OTHER_YEAR_ON_PURPOSE):
        return
    year = c.d.year
    wrong = [y for y in _years(text) if y != year]
    if wrong:
        what, what_en, left = words
        c.emit(
            Severity.WARNING,
            path,
            f"{what}“{text}”中的年度{wrong[0]}不是本报告的年度{year}（多为沿用上年{left}未改）",
            f"the {what_en} “{text}” names {wrong[0]}, not the report's year {year} "
            f"(usually last year's {'table' if left == '表格' else 'text'} left unchanged)",
            expected=str(year),
            actual=str(wrong[0]),
        )
