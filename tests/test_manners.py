"""What a library user meets first: import names, short reprs, notebook display, paths, ``value``."""

from __future__ import annotations

import importlib
import json
import pickle
import types

import attrs
import pytest

from budgetacct import Disclosure, Ledger, audit, dump, load_example, loads
from budgetacct._report_text import report_json
from budgetacct.auditing.finding import AuditReport, Finding, Message
from budgetacct.model import Severity
from budgetacct.model.tables import StandardTable
from budgetacct.paths import parse_path, render_path

# --- the audit function and the package of rules have different names -------------------------


def test_importing_the_rules_package_gives_the_module() -> None:
    import budgetacct.auditing

    assert isinstance(budgetacct.auditing, types.ModuleType)
    assert "R1" in budgetacct.auditing.REGISTRY
    assert budgetacct.auditing.audit is budgetacct.audit


def test_budgetacct_audit_is_the_function_however_it_is_reached() -> None:
    import budgetacct
    import budgetacct.auditing  # importing the package leaves the function in place
    from budgetacct import audit as imported

    assert isinstance(budgetacct.audit, types.FunctionType)
    assert imported is budgetacct.audit
    report = budgetacct.audit(load_example("xiqu-2021"))
    assert isinstance(report, AuditReport) and not report.ok


def test_the_audit_function_pickles_for_worker_processes() -> None:
    import budgetacct

    assert pickle.loads(pickle.dumps(budgetacct.audit)) is budgetacct.audit


def test_the_old_module_path_is_gone_not_half_working() -> None:
    with pytest.raises(ModuleNotFoundError):
        importlib.import_module("budgetacct.audit")


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


# --- short reprs ---------------------------------------------------------------------------------


def test_a_disclosure_repr_names_the_report_and_what_it_holds() -> None:
    seed = load_example("xiqu-2021")
    assert repr(seed) == (
        "<Disclosure 攀枝花市西区人民政府办公室 2021 · 14 sections: overview, revenue, expenditure, … · no tables>"
    )
    assert str(seed) == repr(seed)
    small = Disclosure(year=2022, department="示例部门", revenue=seed.revenue)
    assert repr(small) == "<Disclosure 示例部门 2022 · 1 section: revenue · no tables>"


def test_a_disclosure_repr_counts_its_tables_and_names_their_set() -> None:
    table = publish_tables_of_seed()[0]
    d = Disclosure(year=2021, department="示例部门", tables=(table,), table_set="sichuan-14")
    assert repr(d) == "<Disclosure 示例部门 2021 · no sections · 1 table (sichuan-14)>"


def publish_tables_of_seed() -> tuple[StandardTable, ...]:
    tables = load_example("xiqu-2021", kind="ledger").publish(tables=True).tables
    assert tables
    return tables


def test_a_ledger_repr_names_the_account_and_its_totals() -> None:
    ledger = load_example("xiqu-2021", kind="ledger")
    assert repr(ledger) == (
        f"<Ledger 攀枝花市西区人民政府办公室 2021 · revenue {ledger.revenue_total()}万元 in "
        f"{len(ledger.revenue)} items · expenditure {ledger.expenditure_total()}万元 in {len(ledger.expenditure)} items>"
    )
    assert "830.63万元" in repr(ledger)
    assert repr(Ledger(year=2021, department="空")).endswith("in 0 items · expenditure 0万元 in 0 items>")


def test_an_audit_report_repr_counts_its_findings() -> None:
    report = audit(load_example("xiqu-2021"))
    e, w, n = len(report.errors), len(report.warnings), len(report.notes)
    assert (
        repr(report) == f"<AuditReport 攀枝花市西区人民政府办公室 2021: {e} errors, {w} warnings, {n} notes>"
    )


@pytest.mark.parametrize("kind", ["disclosure", "ledger", "report"])
def test_short_reprs_leave_equality_evolve_and_the_full_document_alone(kind: str) -> None:
    seed = load_example("xiqu-2021", kind="ledger" if kind == "ledger" else "disclosure")
    obj = audit(seed) if kind == "report" else seed
    assert len(repr(obj)) < 200
    assert obj == attrs.evolve(obj) and hash(obj) == hash(attrs.evolve(obj))
    changed = attrs.evolve(obj, subject="其他") if kind == "report" else attrs.evolve(obj, year=2020)
    assert obj != changed and repr(obj) != repr(changed)
    if kind != "report":
        # every figure is still one call away
        assert loads(dump(obj)) == obj
        assert len(dump(obj)) > 10 * len(repr(obj))
