"""The report's year and department, from its title page (excerpts of real reports, with where
they come from: the files of the development corpus, see tests/corpus/README.md)."""

from __future__ import annotations

import pytest

from budgetacct.reader import read_report, read_text


@pytest.mark.parametrize(
    ("text", "year", "department"),
    [
        # sh2024-ptczj-js.pdf, title page
        (
            "上海市普陀区财政局\n2024年度部门决算\n目 录\n第一部分 上海市普陀区财政局概况\n",
            2024,
            "上海市普陀区财政局",
        ),
        # swu2023-js.pdf, title page: the publication date is not the report's year
        ("西南大学 2023 年度部门决算\n2024 年 8 月\n目录\n一、学校概况\n", 2023, "西南大学"),
        # js2018-jcy-ys.pdf: a budget's year is its own
        ("江苏省人民检察院\n2018年部门预算\n目\n录\n第一部分 部门概况\n", 2018, "江苏省人民检察院"),
        # js2019-gjfy-ys.pdf
        ("江苏省高级人民法院\n2019 年度部门预算公开\n1\n目\n录\n", 2019, "江苏省高级人民法院"),
        # sh2025-ptczj-ys.pdf: the region in the title, the department on a labelled line
        (
            "上海市普陀区2025年区级部门预算\n预算主管部门：上海市普陀区财政局\n目\n录\n",
            2025,
            "上海市普陀区财政局",
        ),
        # sh2024-fly-dwys.pdf: a unit's budget
        (
            "上海市普陀区社会福利院2024年单位预算\n预算单位：上海市普陀区社会福利院\n目\n录\n",
            2024,
            "上海市普陀区社会福利院",
        ),
        # the year on a line of its own, as PDF extraction leaves a title set in two lines
        ("上海市普陀区财政局\n年度部门决算\n2024\n目录\n", 2024, "上海市普陀区财政局"),
        ("示例局\n2023\n年度部门决算\n2022年相比\n", 2023, "示例局"),
    ],
)
def test_year_and_department_from_the_title_page(text: str, year: int, department: str) -> None:
    # read_text: the sentence reader's own title reading (read_report reads a budget's text into a
    # Budget, tests/test_reader_year_and_budget_real.py).
    result = read_text(text)
    assert (result.disclosure.year, result.disclosure.department) == (year, department)
    year_sources = result.sources_for("$.year")
    assert year_sources and year_sources[0].printed.strip() == str(year)
    assert result.sources_for("$.department")[0].printed.replace(" ", "") == department


def test_the_department_from_the_part_headings_when_the_title_page_is_lost() -> None:
    # sh2024-ptczj-js.pdf, its table of contents (the title page an image, as in js2018-jcy-ys.pdf)
    text = "目 录\n第一部分 上海市普陀区财政局概况\n一、主要职能\n第二部分 上海市普陀区财政局2024年度部门决算表\n"
    result = read_report(text)
    assert (result.disclosure.year, result.disclosure.department) == (2024, "上海市普陀区财政局")
    assert read_report("第一部分 部门概况\n2021年度部门决算\n").disclosure.department == "（未识别部门）"


def test_a_year_given_wins_over_the_title() -> None:
    result = read_report("示例局\n2024年度部门决算\n", year=2023)
    assert result.disclosure.year == 2023 and not result.sources_for("$.year")


def test_a_part_heading_is_not_a_department() -> None:
    result = read_report("第二部分 2021年度部门决算情况说明\n")
    assert result.disclosure.department == "（未识别部门）"


@pytest.mark.parametrize(
    ("text", "budget"),
    [
        ("江苏省人民检察院\n2018年部门预算\n", True),
        ("上海市普陀区财政局\n年度部门预算\n2025\n", True),
        ("上海市普陀区财政局\n2024年度部门决算\n", False),
        ("第二部分 2021年度部门决算情况说明\n完成2021年预算的98%。\n", False),
    ],
)
def test_a_budget_is_named_in_the_notes(text: str, budget: bool) -> None:
    notes = read_text(text, department="示例").notes
    assert any("budget" in note for note in notes) is budget
    assert read_report(text, department="示例").kind == ("budget" if budget else "final")
