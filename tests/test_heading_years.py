"""A heading that prints a year names the report's own year (R100): the reader keeps such headings."""

from __future__ import annotations

import attrs

from budgetacct import Severity, audit, load_example
from budgetacct.io.json import dump, load
from budgetacct.reader import read_text

REPORT = """示例区档案馆2024年度部门决算
第二部分 {heading_year}年度部门决算情况说明
一、{section_year}年度收入支出决算总体情况说明
2024年度收、支总计874.63万元。
"""


def _r100(text: str) -> list[tuple[str, Severity, str]]:
    read = read_text(text, department="示例区档案馆", year=2024)
    return [(f.path, f.severity, f.message.zh) for f in audit(read.disclosure).findings if f.rule == "R100"]


def test_the_reader_keeps_the_headings_that_print_a_year() -> None:
    read = read_text(
        REPORT.format(heading_year=2024, section_year=2024), department="示例区档案馆", year=2024
    )
    assert read.disclosure.headings == (
        "第二部分2024年度部门决算情况说明",
        "一、2024年度收入支出决算总体情况说明",
    )


def test_headings_of_the_report_year_give_no_finding() -> None:
    assert _r100(REPORT.format(heading_year=2024, section_year=2024)) == []


def test_a_heading_naming_last_year_is_a_warning_naming_the_heading() -> None:
    ((path, severity, message),) = _r100(REPORT.format(heading_year=2024, section_year=2023))
    assert (path, severity) == ("$.headings[1]", Severity.WARNING)
    assert "一、2023年度收入支出决算总体情况说明" in message and "2023" in message and "2024" in message


def test_a_heading_comparing_with_last_year_on_purpose_is_not_flagged() -> None:
    seed = load_example("xiqu-2021")
    compared = attrs.evolve(seed, headings=("四、2021年度与2020年度比较情况",))
    assert not [f for f in audit(compared).findings if f.rule == "R100"]


def test_headings_round_trip_through_json() -> None:
    seed = attrs.evolve(load_example("xiqu-2021"), headings=("一、2021年度收入支出决算总体情况说明",))
    assert load(dump(seed)) == seed
