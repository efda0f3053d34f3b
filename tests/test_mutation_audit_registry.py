"""The rule registry, the audit report and ``audit()`` itself (``budgetacct.auditing`` outside check.py).

Rules register themselves when ``budgetacct.auditing`` is imported, so ``rule()`` is exercised here on
a fresh registry put in place of the global one for the length of one test.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from budgetacct import Amount, Disclosure, Ledger, Severity, audit
from budgetacct.auditing import REGISTRY, AuditReport, Finding, Message, Rule, RuleRegistry, registry
from budgetacct.auditing.check import Checker
from budgetacct.codes import EconomicCode, FunctionCode
from budgetacct.errors import InvalidValue, InvariantError
from budgetacct.model import Revenue, RevenueSource, SourceLine
from budgetacct.model.enums import ExpenditureKind, Fund
from budgetacct.model.ledger import ExpenditureItem, RevenueItem

A = Amount
#: The rules a 决算 is checked by (the budget and budget ↔ 决算 rules check budgets).
_DISCLOSURE_RULES = tuple(r.id for r in REGISTRY if r.subject == "disclosure")
E, W, N = Severity.ERROR, Severity.WARNING, Severity.NOTE


def _noop(c: Checker) -> None:
    """A rule function that finds nothing."""


def entry(rule_id: str, severity: Severity = E) -> Rule:
    return Rule(rule_id, f"{rule_id}中文", f"{rule_id} English", "a = b", severity, "0", _noop)


# --- RuleRegistry ------------------------------------------------------------------------------


def test_a_registry_keeps_rules_by_id_and_iterates_by_number() -> None:
    reg = RuleRegistry()
    assert len(reg) == 0 and list(reg) == [] and reg.ids() == ()
    r10, r2, r61 = entry("R10"), entry("R2"), entry("R61")
    for new in (r10, r61, r2):
        assert reg.add(new) is new
    assert reg["R10"] is r10 and reg["R2"] is r2 and reg["R61"] is r61
    # Numeric order, not insertion order nor text order ("R10" < "R2" as strings).
    assert list(reg) == [r2, r10, r61]
    assert reg.ids() == ("R2", "R10", "R61")
    assert len(reg) == 3
    assert "R2" in reg and "R3" not in reg and 2 not in reg


def test_a_registry_refuses_an_id_twice_and_keeps_the_first() -> None:
    reg = RuleRegistry()
    first = reg.add(entry("R5"))
    with pytest.raises(ValueError, match=r"^rule R5 is registered twice$"):
        reg.add(entry("R5", W))
    assert reg["R5"] is first and len(reg) == 1


def test_registries_do_not_share_their_rules() -> None:
    one, other = RuleRegistry(), RuleRegistry()
    one.add(entry("R1"))
    assert "R1" in one and "R1" not in other and len(other) == 0


def test_the_global_registry_answers_membership_and_ids() -> None:
    assert "R1" in REGISTRY and "R63" in REGISTRY
    assert "R10" not in REGISTRY  # ids are not contiguous: no rule R10 is registered
    ids = REGISTRY.ids()
    assert ids[:5] == ("R1", "R2", "R3", "R4", "R5")
    assert ids == tuple(r.id for r in REGISTRY) and len(ids) == len(REGISTRY)
    assert [int(i[1:]) for i in ids] == sorted(int(i[1:]) for i in ids)


# --- rule() ------------------------------------------------------------------------------------


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch) -> RuleRegistry:
    """An empty registry in place of the global one, so test rules never reach ``audit()``."""
    reg = RuleRegistry()
    monkeypatch.setattr(registry, "REGISTRY", reg)
    return reg


def test_rule_registers_the_function_with_its_documentation(fresh: RuleRegistry) -> None:
    def check(c: Checker) -> None:
        c.fail("$.x", "甲", "a")

    decorated = registry.rule(
        "R99",
        zh="测试规则",
        en="A test rule",
        formula="x = y",
        severity=W,
        tolerance="0（计数）| 0 (counts)",
        group="测试",
    )(check)
    assert decorated is check  # the module keeps its plain function
    assert fresh.ids() == ("R99",)
    got = fresh["R99"]
    assert (got.id, got.title_zh, got.title_en, got.formula, got.severity, got.tolerance, got.group) == (
        "R99",
        "测试规则",
        "A test rule",
        "x = y",
        W,
        "0（计数）| 0 (counts)",
        "测试",
    )
    assert got.function is check
    assert got.number == 99


def test_rule_defaults_error_severity_rounding_tolerance_and_no_group(fresh: RuleRegistry) -> None:
    registry.rule("R98", zh="默认", en="defaults", formula="a = b")(_noop)
    got = fresh["R98"]
    assert got.severity is E
    assert got.tolerance == (
        "每个印刷数 ±0.005 万元（四舍五入区间）；精确账目为 0 | ±0.005 万元 per printed figure; 0 for exact ledgers"
    )
    assert got.group == ""
    assert got.function is _noop


def test_rule_refuses_a_second_registration(fresh: RuleRegistry) -> None:
    registry.rule("R97", zh="一", en="one", formula="-")(_noop)
    with pytest.raises(ValueError, match="R97 is registered twice"):
        registry.rule("R97", zh="二", en="two", formula="-")(_noop)
    assert fresh["R97"].title_zh == "一"


# --- AuditReport -------------------------------------------------------------------------------


def finding(rule: str, severity: Severity, path: str, **kw: str | None) -> Finding:
    figures = {"expected": None, "actual": None, "difference": None, "tolerance": None, **kw}
    return Finding(rule, severity, path, message=Message(f"{rule}说明", f"{rule} message"), **figures)


def report_of(*findings: Finding, subject: str = "测试部门 2021") -> AuditReport:
    return AuditReport(findings=findings, rules_run=("R1", "R2"), subject=subject)


def test_a_report_iterates_its_findings_and_names_the_rules_that_fired() -> None:
    a, b, c = finding("R1", E, "$.a"), finding("R7", N, "$.b"), finding("R1", W, "$.c")
    report = report_of(a, b, c)
    assert list(report) == [a, b, c]
    assert len(report) == 3
    assert report.fired() == frozenset({"R1", "R7"})
    assert report_of().fired() == frozenset()
    assert list(report_of()) == []
    assert report.by_rule("R1") == (a, c)
    assert (report.errors, report.warnings, report.notes) == ((a,), (c,), (b,))
    assert report.counts == {E: 1, W: 1, N: 1}
    assert not report.ok


def test_raise_for_errors_carries_every_error_and_only_errors() -> None:
    e1, w, e2 = finding("R1", E, "$.a"), finding("R2", W, "$.b"), finding("R3", E, "$.c")
    with pytest.raises(InvariantError) as info:
        report_of(e1, w, e2).raise_for_errors()
    assert info.value.findings == (e1, e2)
    report_of(w).raise_for_errors()  # warnings alone do not fail an audit


def test_the_notebook_display_is_the_audit_page_as_a_fragment_with_escaped_text() -> None:
    report = report_of(
        finding("R1", E, "$.revenue.total", expected="10", actual="<11>", difference="1", tolerance="0.015"),
        finding("R7", N, "$.expenditure.lines[1].amount", actual="2"),
        subject="A&B <部门> 2021",
    )
    html = report._repr_html_()
    assert html.startswith('<div class="budgetacct-audit">\n<style>')
    assert html.endswith("</script>\n</div>\n")
    assert "<dd>A&amp;B &lt;部门&gt;</dd>" in html and "<dd>2021</dd>" in html
    assert "错误 1 · 警告 0 · 提示 1" in html
    assert "<td>&lt;11&gt;</td>" in html and "<11>" not in html
    # Figures a finding does not have are left out, not printed as "None".
    assert "None" not in html
    assert html.count('<article class="finding"') == 2


def test_the_notebook_display_of_an_empty_report_says_so() -> None:
    html = report_of(subject="空")._repr_html_()
    assert "没有发现问题 | no findings" in html
    assert "错误 0 · 警告 0 · 提示 0" in html
    assert "<section" not in html


def test_the_repr_counts_findings_by_severity() -> None:
    report = report_of(
        finding("R1", E, "$.revenue.total"),
        finding("R2", W, "$.revenue.total"),
        finding("R3", W, "$.revenue.total"),
        subject="部门 2021",
    )
    assert repr(report) == "<AuditReport 部门 2021: 1 error, 2 warnings, 0 notes>"
    assert str(report) == repr(report)
    assert repr(AuditReport((finding("R7", N, "$"),))) == "<AuditReport: 0 errors, 0 warnings, 1 note>"


# --- audit() -----------------------------------------------------------------------------------


def test_audit_refuses_other_objects_naming_what_it_takes(messages: Callable[..., None]) -> None:
    with pytest.raises(InvalidValue) as info:
        audit("not a report")  # type: ignore[arg-type]
    err = info.value
    assert (err.path, err.found) == ("$", "str")
    assert err.expected_zh == "Disclosure、Ledger、Budget 或 BudgetAccount"
    assert err.expected_en == "a Disclosure, a Ledger, a Budget or a BudgetAccount"


def test_audit_reports_the_rules_it_ran_and_its_subject() -> None:
    d = Disclosure(
        year=2021,
        department="测试部门",
        revenue=Revenue(total=A("10"), lines=(SourceLine(RevenueSource.OTHER, A("10")),)),
    )
    report = audit(d, rules=["R2", "R1"])
    assert report.rules_run == ("R2", "R1")
    assert report.subject == "测试部门 2021"
    assert audit(d).rules_run == _DISCLOSURE_RULES


def overspending_ledger() -> Ledger:
    gpb, soe = Fund.GENERAL_BUDGET, Fund.STATE_CAPITAL
    return Ledger(
        year=2021,
        department="示例局",
        revenue=(
            RevenueItem(RevenueSource.GENERAL_BUDGET, A("10")),
            RevenueItem(RevenueSource.STATE_CAPITAL, A("1")),
        ),
        expenditure=(
            ExpenditureItem(
                FunctionCode("2010301"), gpb, ExpenditureKind.BASIC, A("12"), EconomicCode("30101")
            ),
            ExpenditureItem(FunctionCode("2010301"), soe, ExpenditureKind.PROJECT, A("1.5")),
        ),
    )


def test_a_ledger_that_overspends_is_one_r18_error_per_fund_and_nothing_else(
    messages: Callable[..., None],
) -> None:
    report = audit(overspending_ledger())
    assert report.rules_run == ("R18",)
    assert report.subject == "示例局 2021"
    assert [
        (f.rule, f.severity, f.path, f.expected, f.actual, f.difference, f.tolerance) for f in report
    ] == [
        ("R18", E, "$.expenditure[fund=一般公共预算财政拨款]", "≥0", "-2", "-2", "0"),
        ("R18", E, "$.expenditure[fund=国有资本经营预算财政拨款]", "≥0", "-0.5", "-0.5", "0"),
    ]
    messages(*report)


def test_a_ledger_is_audited_exactly_so_its_extra_decimals_are_no_defect() -> None:
    gpb = Fund.GENERAL_BUDGET
    ledger = Ledger(
        year=2021,
        department="示例局",
        revenue=(RevenueItem(RevenueSource.GENERAL_BUDGET, A("10.004")),),
        expenditure=(
            ExpenditureItem(
                FunctionCode("2010301"), gpb, ExpenditureKind.BASIC, A("10.004"), EconomicCode("30101")
            ),
        ),
    )
    report = audit(ledger)
    assert report.findings == ()
    assert report.subject == "示例局 2021"
    assert report.rules_run == _DISCLOSURE_RULES
    # The same figures as a published report: three decimals are a formatting defect (R58).
    published = audit(ledger.publish(places=None))
    assert published.fired() == {"R58"}
    assert "$.revenue.lines[0].amount" in {f.path for f in published}
