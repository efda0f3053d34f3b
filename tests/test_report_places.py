"""Places in words: a finding's figures named by page, table, row and column, or by section.

The text output names each printing as a reader finds it in the report (“第13页 财政拨款收入支出决算
总表“总计”行“金额”列”); the JSON keeps the path, the page and the box beside those words; the
HTML page names them with the same words.
"""

from __future__ import annotations

import json

import attrs

from budgetacct import audit, load_example
from budgetacct._places import place_words
from budgetacct._report_text import report_json, report_table
from budgetacct.model import Disclosure
from budgetacct.reader.published import PageSource
from budgetacct.render.audit_html import render_audit_html

#: The seed's ledger published with its standard tables (the Sichuan set: 表一 … numbered 一 …).
SEED = load_example("xiqu-2021", kind="ledger").publish(tables=True)
FISCAL = next(t for t, table in enumerate(SEED.tables) if table.title == "财政拨款收入支出决算总表")


#: 财政拨款收入支出决算总表's 总计 (its left panel's ninth row, whose first column is 金额).
FISCAL_TOTAL = f"$.tables[{FISCAL}].panels[0].rows[8].cells[0]"


def test_a_table_cell_is_named_by_its_table_as_printed_its_row_and_its_column() -> None:
    table = SEED.tables[FISCAL]
    assert (table.number, table.panels[0].rows[8].name, table.panels[0].columns[0].label) == (
        "四",
        "总计",
        "金额",
    )
    assert place_words(FISCAL_TOTAL, SEED) == (
        "表四财政拨款收入支出决算总表“总计”行“金额”列",  # as the table rules' messages name it
        "table 表四财政拨款收入支出决算总表, row 总计, column 金额",
    )
    assert place_words(f"$.tables[{FISCAL}]", SEED) == (
        "表四财政拨款收入支出决算总表",
        "table 表四财政拨款收入支出决算总表",
    )


def test_a_coded_row_is_named_by_its_code_and_name() -> None:
    t, table = next(
        (t, table) for t, table in enumerate(SEED.tables) if table.title == "一般公共预算财政拨款支出决算表"
    )
    p, r = next(
        (p, r) for p, panel in enumerate(table.panels) for r, row in enumerate(panel.rows) if row.function
    )
    row = table.panels[p].rows[r]
    assert row.function is not None and row.name
    zh, _ = place_words(f"$.tables[{t}].panels[{p}].rows[{r}]", SEED) or ("", "")
    assert zh.endswith(f"“{row.function.code} {row.name}”行")


def test_a_row_or_column_the_table_lacks_is_named_by_its_number() -> None:
    zh, en = place_words(f"$.tables[{FISCAL}].panels[0].rows[999].cells[7]", SEED) or ("", "")
    assert zh.endswith("第1000行“8”列") and en.endswith("row 1000, column 8")


def test_a_page_and_the_section_of_a_narrative_figure() -> None:
    page = PageSource("$.fiscal.grand_total", 21, (10.0, 20.0, 30.0, 40.0), "0.3万元")
    assert place_words("$.fiscal.grand_total", SEED, page) == (
        "第21页 财政拨款收入支出决算总体情况说明",
        "page 21, section “Fiscal appropriations: overall”",
    )
    # a Word file's paragraph, as its source names it
    paragraph = attrs.evolve(page, place=("第3段", "paragraph 3"))
    assert place_words("$.fiscal.grand_total", SEED, paragraph) == (
        "第3段 财政拨款收入支出决算总体情况说明",
        "paragraph 3, section “Fiscal appropriations: overall”",
    )
    # a sub-section of 其他重要事项
    assert place_words("$.procurement.total", SEED) == (
        "政府采购支出情况",
        "section “Government procurement”",
    )


def test_a_budget_names_its_own_sections() -> None:
    budget = load_example("ptczj-2025", "budget")
    assert place_words("$.three_public.total", budget) == (
        "“三公”经费预算情况",
        "section ““Three public” expenses”",
    )


def test_nothing_known_is_none() -> None:
    assert place_words("$.fiscal.grand_total") is None
    assert place_words("$.tables[99].panels[0]", SEED) is None
    assert place_words("$.general_budget[fund=一般公共预算]", SEED) is None  # no field path
    assert place_words("$.year", Disclosure(year=2021, department="示例")) is None


def _compared_with_the_table() -> tuple[Disclosure, str]:
    """The seed with the narrative's 财政拨款收入支出总计 misprinted as 0.3 (R68 names the table cell)."""
    from budgetacct import Amount

    assert SEED.fiscal is not None
    broken = attrs.evolve(SEED, fiscal=attrs.evolve(SEED.fiscal, grand_total=Amount("0.3")))
    return broken, FISCAL_TOTAL


def test_text_json_and_html_name_the_other_printing_in_the_same_words() -> None:
    broken, cell = _compared_with_the_table()
    report = audit(broken)
    (r68,) = [f for f in report.findings if f.rule == "R68"]
    assert cell in r68.related
    zh, en = place_words(cell, broken) or ("", "")
    text = report_table(report, None, broken)
    assert f"    另见 also: {zh}\n" in text
    assert f"另见 also: {cell}" in report_table(report)  # without the document: the path, as before
    page = PageSource(cell, 13, (1.0, 2.0, 3.0, 4.0), "2,961.68")
    sources = {cell: page}
    assert f"    另见 also: 第13页 {zh}：2,961.68\n" in report_table(report, sources, broken)
    (item,) = [f for f in json.loads(report_json(report, sources, broken))["findings"] if f["rule"] == "R68"]
    assert item["related_sources"][item["related"].index(cell)] == {
        "path": cell,
        "page": 13,
        "box": [1.0, 2.0, 3.0, 4.0],
        "printed": "2,961.68",
        "where": {"zh": f"第13页 {zh}", "en": f"page 13, {en}"},
    }
    html = render_audit_html(report, sources=sources, document=broken)
    assert f"<td>2,961.68</td><td>第13页 {zh} page 13, {en}</td>" in html
