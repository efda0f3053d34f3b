"""The bundled budget example (上海市普陀区财政局 2025, figures copied from the published report) and
the command line treating budgets like 决算: ``example --kind budget``, ``audit``, ``audit BUDGET FINAL``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from budgetacct import Amount, audit, dump, load_example, loads
from budgetacct.cli import main
from budgetacct.model import Budget
from budgetacct.model.enums import Severity
from budgetacct.model.tables import Basis, Column, Measure, TableKind
from budgetacct.money import Unit


def test_the_shanghai_budget_prints_its_tables_in_yuan_and_three_public_in_wan_yuan() -> None:
    budget = load_example("ptczj-2025", "budget")
    assert budget.table_set == "shanghai-budget-9"
    assert [t.kind for t in budget.tables][:2] == [TableKind.BUDGET_SUMMARY, TableKind.BUDGET_REVENUE]
    units = {t.kind: t.unit for t in budget.tables}
    assert units[TableKind.BUDGET_EXPENDITURE] is Unit.YUAN
    assert units[TableKind.BUDGET_THREE_PUBLIC] is Unit.WAN_YUAN
    general = next(t for t in budget.tables if t.kind is TableKind.BUDGET_GENERAL)
    from budgetacct.codes import FunctionCode

    # 873,617.00 元 held exactly in 万元
    assert general.cell(FunctionCode("2080506"), Column(Measure.TOTAL, Basis.BUDGET)) == Amount("87.3617")


def test_its_audit_finds_the_slips_of_the_published_report() -> None:
    report = audit(load_example("ptczj-2025", "budget"))
    errors = sorted(f.path for f in report.findings if f.severity is Severity.ERROR)
    # 887.36 for 87.36 (a typing slip) and four figures cut off at the 分 instead of rounded
    assert errors == sorted(f"$.general_budget.items[{i}].amount" for i in (4, 6, 8, 9, 10))
    assert {f.rule for f in report.findings if f.severity is not Severity.NOTE} == {"R86"}
    slip = next(f for f in report.findings if f.path == "$.general_budget.items[6].amount")
    assert (slip.expected, slip.actual) == ("87.3617", "887.36")
    assert slip.related == ("$.tables[4].panels[0].rows[11].cells[0]",)
    # the 元 table against the 万元 narrative allows each printing its own rounding interval
    total = next(f for f in report.findings if f.path == "$.revenue.fiscal")
    assert (total.severity, total.tolerance) == (Severity.NOTE, "0.0050005")


def test_the_example_command_prints_the_budget(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["example", "ptczj-2025", "--kind", "budget"]) == 0
    printed = capsys.readouterr().out
    assert json.loads(printed)["type"] == "Budget"
    assert loads(printed) == load_example("ptczj-2025", "budget")


def test_audit_takes_a_budget_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "budget.json"
    path.write_text(dump(load_example("ptczj-2025", "budget")), encoding="utf-8")
    assert main(["audit", str(path), "--format", "json"]) == 1
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert {f["rule"] for f in findings if f["severity"] == "error"} == {"R86"}


def test_audit_with_a_budget_and_its_final_accounts_checks_them_together(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ledger = load_example("xiqu-2021", "ledger")
    budget_path, final_path = tmp_path / "budget.json", tmp_path / "final.json"
    budget_path.write_text(dump(ledger.publish_budget()), encoding="utf-8")
    final_path.write_text(dump(ledger), encoding="utf-8")
    assert main(["audit", str(final_path), str(budget_path), "--format", "text"]) == 0
    assert "攀枝花市西区人民政府办公室 2021" in capsys.readouterr().out


def test_render_writes_a_budgets_narrative(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "budget.json"
    path.write_text(dump(load_example("ptczj-2025", "budget")), encoding="utf-8")
    assert main(["render", str(path)]) == 0
    assert capsys.readouterr().out.startswith("2025年部门预算编制说明\n2025年，上海市普陀区财政局收入预算")


def test_commands_for_final_accounts_refuse_a_budget(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "budget.json"
    path.write_text(dump(load_example("ptczj-2025", "budget")), encoding="utf-8")
    assert main(["charts", str(path), "-o", str(tmp_path / "charts")]) == 2
    assert "audit" in capsys.readouterr().err


def test_a_budget_document_prints_its_tables(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "budget.json"
    path.write_text(dump(load_example("ptczj-2025", "budget")), encoding="utf-8")
    assert main(["tables", str(path), "--format", "md"]) == 0
    assert "2025年部门财务收支预算总表" in capsys.readouterr().out


def test_a_budget_document_round_trips() -> None:
    budget = load_example("ptczj-2025", "budget")
    assert isinstance(loads(dump(budget)), Budget)
    assert dump(loads(dump(budget))) == dump(budget)
