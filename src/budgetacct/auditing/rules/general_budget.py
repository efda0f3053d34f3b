"""B.4 一般公共预算: the general budget table, basic spending, and the narrative's figures against the
tables (R21–R23, R36, R40, R41, R59)."""

from __future__ import annotations

from budgetacct.auditing.check import Checker
from budgetacct.auditing.rules._common import fund_sections
from budgetacct.model.disclosure import BasicExpenditure, GeneralBudget
from budgetacct.model.enums import ExpenditureKind, Fund
from budgetacct.money import Amount


def general_budget_table_agrees_with_totals(c: Checker) -> None:
    gb = c.d.general_budget
    if gb is None:
        return
    class_rows = [line for line in gb.rows if len(line.code.code) == 3]
    c.equal_to_lines(
        "$.general_budget.total",
        gb.total,
        class_rows,
        "一般公共预算财政拨款支出与支出表各类合计不符",
        "general budget spending differs from its table's class total",
    )
    fiscal = c.d.fiscal
    if fiscal is not None:
        flow = fiscal.get(Fund.GENERAL_BUDGET)
        if flow is not None:
            c.equal(
                "$.general_budget.total",
                gb.total,
                [flow.expenditure],
                "一般公共预算财政拨款支出与财政拨款收支表中的数不符",
                "general budget spending differs from the fiscal table's figure",
            )
    basic = c.d.basic_expenditure
    if basic is not None and class_rows and all(line.basic is not None for line in class_rows):
        c.equal(
            "$.basic_expenditure.total",
            basic.total,
            [line.basic for line in class_rows],
            "一般公共预算财政拨款基本支出与支出表基本支出列合计不符",
            "general budget basic spending differs from the table's basic column",
        )


def personnel_and_public_costs_match_economic_codes(c: Checker) -> None:
    basic = c.d.basic_expenditure
    if basic is None or not basic.lines:
        return
    # Use the 款 rows; 类 rows (3 digits) would double count when both are printed.
    leaves = [(i, line) for i, line in enumerate(basic.lines) if len(line.code.code) == 5]
    if not leaves:
        leaves = list(enumerate(basic.lines))
    from budgetacct.codes import BasicExpensePart

    for part, field, label_zh, label_en in (
        (BasicExpensePart.PERSONNEL, "personnel", "人员经费", "personnel costs"),
        (BasicExpensePart.PUBLIC, "public", "公用经费", "public costs"),
    ):
        c.equal(
            f"$.basic_expenditure.{field}",
            getattr(basic, field),
            [line.amount for i, line in leaves if line.code.basic_expense_part is part],
            f"{label_zh}与相应经济分类科目之和不符",
            f"{label_en} differ from the sum of their economic codes",
        )


def _personnel_plus_public(c: Checker, basic: BasicExpenditure, zh: str, en: str) -> None:
    """基本支出 = 人员经费 + 公用经费, as the table (R23) or the narrative (R41) states them."""
    c.equal("$.basic_expenditure.total", basic.total, [basic.personnel, basic.public], zh, en)


def basic_is_personnel_plus_public(c: Checker) -> None:
    basic = c.d.basic_expenditure
    if basic is not None:
        _personnel_plus_public(
            c,
            basic,
            "基本支出与人员经费、公用经费之和不符",
            "basic spending differs from personnel + public costs",
        )


def quoted_figures_agree(c: Checker) -> None:
    d = c.d
    gb = d.general_budget
    if gb is not None:
        for path, quote in (("structure_total", gb.structure_total), ("detail_total", gb.detail_total)):
            c.equal(
                f"$.general_budget.{path}",
                quote,
                [gb.total],
                "一般公共预算财政拨款支出在不同段落中的数字不一致",
                "general budget spending is quoted differently in different paragraphs",
            )
    fiscal = d.fiscal
    if fiscal is None:
        return
    for name, fund, section in fund_sections(d):
        flow = fiscal.get(fund)
        if flow is not None:
            c.equal(
                f"$.{name}.total",
                section.total,
                [flow.expenditure],
                f"{fund.value}支出与财政拨款收支表不一致",
                f"{fund.value} spending differs from the fiscal table",
            )
    if d.revenue is not None:
        for i, line in enumerate(d.revenue.lines):
            if line.source.is_fiscal:
                flow = fiscal.get(line.source.fund)
                if flow is not None:
                    c.equal(
                        f"$.revenue.lines[{i}].amount",
                        line.amount,
                        [flow.revenue],
                        f"{line.source.value}与财政拨款收支表不一致",
                        f"{line.source.value} differs from the fiscal table",
                    )


def narrative_spending_within_tables(c: Checker) -> None:
    d = c.d
    expenditure, basic, gb = d.expenditure, d.basic_expenditure, d.general_budget
    if expenditure is None:
        return
    department_basic = expenditure.get(ExpenditureKind.BASIC)
    if basic is not None and department_basic is not None:
        c.not_above(
            "$.basic_expenditure.total",
            basic.total,
            department_basic.amount,
            "一般公共预算财政拨款基本支出大于部门基本支出",
            "general budget basic spending exceeds the department's basic spending",
        )
    if gb is not None:
        c.not_above(
            "$.general_budget.total",
            gb.total,
            expenditure.total,
            "一般公共预算财政拨款支出大于本年支出合计",
            "general budget spending exceeds total spending",
        )
        department_project = expenditure.get(ExpenditureKind.PROJECT)
        if (
            basic is not None
            and gb.total is not None
            and basic.total is not None
            and department_project is not None
        ):
            gpb_project = c.sum_of([gb.total], minus=[basic.total])
            if gpb_project.value > 0:
                c.not_above(
                    "$.expenditure.lines",
                    gpb_project,
                    department_project.amount,
                    "一般公共预算财政拨款项目支出（支出减基本支出）大于部门项目支出",
                    "general budget project spending (spending − basic) exceeds the department's project spending",
                )


def general_budget_items_add_up(c: Checker) -> None:
    gb = c.d.general_budget
    if gb is None or not gb.items:
        return
    if gb.items_complete:
        _items_add_up_to_classes(c, gb)
    c.equal_to_lines(
        "$.general_budget.structure_total",
        gb.structure_total if gb.structure_total is not None else gb.total,
        gb.classes,
        "一般公共预算支出结构各类之和与总额不符",
        "the general budget classes do not add up to the total",
    )


def _items_add_up_to_classes(c: Checker, gb: GeneralBudget) -> None:
    """The 具体情况 items against their total and against the 类 of the structure list."""
    parents = {ancestor.code for line in gb.items for ancestor in line.code.ancestors}
    leaves = [(i, line) for i, line in enumerate(gb.items) if line.code.code not in parents]
    c.equal(
        "$.general_budget.detail_total",
        gb.detail_total if gb.detail_total is not None else gb.total,
        [line.amount for i, line in leaves],
        "一般公共预算支出具体情况各项之和与总额不符",
        "the general budget items do not add up to the total",
    )
    # Leaves grouped by each prefix length the classes use: a class's leaves are those whose
    # code starts with its code (the class itself included), found by one lookup.
    under: dict[str, list[Amount]] = {}
    for length in {len(cls.code.code) for cls in gb.classes}:
        for _, line in leaves:
            if len(line.code.code) >= length:
                under.setdefault(line.code.code[:length], []).append(line.amount)
    for k, cls in enumerate(gb.classes):
        parts = under.get(cls.code.code, [])
        if parts:
            c.equal(
                f"$.general_budget.classes[{k}].amount",
                cls.amount,
                parts,
                f"{cls.name or cls.code}（{cls.code}）与其下各项之和不符",
                f"class {cls.code} differs from the sum of its items",
            )


def narrative_basic_is_personnel_plus_public(c: Checker) -> None:
    # The narrative and the table share one section of the model, so R41 is R23 read from the
    # narrative; it is kept as its own id so findings cite the rule the reader looks for.
    basic = c.d.basic_expenditure
    if basic is not None and not basic.lines:
        _personnel_plus_public(
            c,
            basic,
            "说明中基本支出与人员经费、公用经费之和不符",
            "the narrative's basic spending differs from personnel + public costs",
        )
