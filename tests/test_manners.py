"""What a library user meets first: import names, short reprs, notebook display, paths, ``value``."""

from __future__ import annotations

import json

import pytest

from budgetacct import load_example
from budgetacct._report_text import report_json
from budgetacct.audit.finding import AuditReport, Finding, Message
from budgetacct.model import Severity
from budgetacct.paths import parse_path, render_path

# --- paths are rendered by budgetacct.paths --------------------------------------------------


def _finding(path: str) -> Finding:
    return Finding("R1", Severity.ERROR, path, "1", "2", "-1", "0", Message("中文", "English"))


def test_a_finding_cites_the_source_of_its_nearest_enclosing_path_through_quoted_keys() -> None:
    report = AuditReport((_finding("$.projects['a.b[0]'].lines[2].amount"),), subject="部门 2021")
    sources = {"$.projects['a.b[0]']": (7, "项目支出7.00万元。"), "$.projects": (3, "项目。")}
    (item,) = json.loads(report_json(report, sources))["findings"]
    assert item["source"] == {"line": 7, "sentence": "项目支出7.00万元。"}


def test_a_finding_path_that_is_no_field_path_is_cited_only_when_it_is_a_source() -> None:
    report = AuditReport((_finding("$.expenditure[fund=一般公共预算财政拨款]"),))
    assert "source" not in json.loads(report_json(report, {"$.expenditure": (1, "支出。")}))["findings"][0]
    cited = {"$.expenditure[fund=一般公共预算财政拨款]": (2, "支出。")}
    assert json.loads(report_json(report, cited))["findings"][0]["source"]["line"] == 2


def test_validation_errors_name_the_field_by_a_path_that_reads_back() -> None:
    from budgetacct import Disclosure
    from budgetacct.errors import InvalidValue

    with pytest.raises(InvalidValue) as raised:
        Disclosure(year=2021, department="")
    path = raised.value.path
    assert path == "$.department"
    assert render_path(parse_path(path)) == path


def test_schema_problems_name_paths_that_read_back() -> None:
    pytest.importorskip("jsonschema")
    from budgetacct.errors import InputError
    from budgetacct.io import unstructure
    from budgetacct.io.json_schema import validate

    data = unstructure(load_example("xiqu-2021"))
    data["revenue"]["lines"][0]["amount"] = "many"
    with pytest.raises(InputError) as raised:
        validate(data)
    paths = [problem.path for problem in raised.value.problems]
    assert "$.revenue.lines[0].amount" in paths
    assert all(render_path(parse_path(p)) == p for p in paths)
