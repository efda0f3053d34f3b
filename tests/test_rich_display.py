"""Rich display in notebooks: the Disclosure, the AuditReport and the tables render as HTML."""

from __future__ import annotations

from budgetacct import audit, load_example
from budgetacct.render.tables import standard_tables


def test_disclosure_repr_html_is_the_narrative() -> None:
    html = load_example("xiqu-2021")._repr_html_()
    assert html.startswith("<h1>攀枝花市西区人民政府办公室 2021年度部门决算</h1>")
    assert "874.63万元" in html


def test_audit_report_repr_html_is_the_audit_page_embedded() -> None:
    report = audit(load_example("xiqu-2021"))
    html = report._repr_html_()
    assert html.count('<article class="finding"') == len(report.findings)
    assert '<div class="rule" data-rule="R46">' in html
    assert f"错误 Errors ({len(report.errors)})" in html
    # a fragment for a notebook cell: no document of its own
    assert "<html" not in html and "<body" not in html and "<!DOCTYPE" not in html


def test_findings_are_escaped() -> None:
    report = audit(load_example("xiqu-2021"))
    assert "&lt;74.27" in report._repr_html_()


def test_table_repr_html() -> None:
    table = standard_tables(load_example("xiqu-2021"))[0]
    assert "<table" in table._repr_html_()
