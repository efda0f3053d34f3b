"""The library reads back what it writes: a generated ledger's 决算说明, rendered and read again,
gives every narrative figure and an audit with no error or warning."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from budgetacct import strategies
from budgetacct.auditing import audit
from budgetacct.auditing.finding import Finding
from budgetacct.model.enums import Severity
from budgetacct.reader import read_report
from budgetacct.render.narrative import render_narrative

TEMPLATES = ("sichuan-2021", "all-lines")


def _serious(findings: tuple[Finding, ...]) -> set[tuple[str, str]]:
    return {(f.rule, f.path) for f in findings if f.severity in (Severity.ERROR, Severity.WARNING)}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_a_rendered_ledger_reads_back_whole_and_audits_clean(data: st.DataObject) -> None:
    ledger = data.draw(strategies.ledgers(year=st.integers(2019, 2023)))
    template = data.draw(st.sampled_from(TEMPLATES))
    published = ledger.publish(template=template)
    text = render_narrative(published, template=template).text
    result = read_report(text, department=published.department)
    assert [u for u in result.unread if u.figures] == [], text
    assert result.disclosure.year == published.year
    already = _serious(audit(published).findings)
    new = []
    for finding in audit(result.disclosure).findings:
        if (
            finding.severity not in (Severity.ERROR, Severity.WARNING)
            or (finding.rule, finding.path) in already
        ):
            continue
        new.append(finding)
    assert new == [], text


def test_a_vehicle_bought_is_not_a_vehicle_category() -> None:
    text = (
        "2021年度购置公务用车1辆，年末公务用车保有量6辆。\n"
        "截至2021年12月31日，示例中心共有车辆13辆，其中：特种专业技术用车4辆、应急保障用车4辆、"
        "离退休干部服务用车5辆。\n"
    )
    assets = read_report(text, department="示例中心").disclosure.assets
    assert assets is not None
    assert assets.vehicles_total == 13
    assert [(c.category, c.count) for c in assets.vehicles] == [
        ("特种专业技术用车", 4),
        ("应急保障用车", 4),
        ("离退休干部服务用车", 5),
    ]


def test_vehicles_a_budget_plans_to_buy_are_not_vehicles_held() -> None:
    # sh2024-fly-dwys.pdf (上海市普陀区社会福利院 2024年单位预算), 国有资产占用情况, shortened.
    text = (
        "2024年单位预算安排购置车辆0辆，其中：部级领导干部用车0辆、其他用车0辆；"
        "单位预算安排购置单价100万元（含）以上设备（不含车辆）0台（套）。\n"
    )
    result = read_report(text, department="上海市普陀区社会福利院")
    assert result.disclosure.assets is None


def test_foreign_reception_printed_inside_domestic_is_read_as_that_form() -> None:
    text = (
        "2021年“三公”经费财政拨款支出决算为3.07万元。\n"
        "1.公务接待费支出3.07万元。其中：\n国内公务接待支出3.07万元。\n外事接待支出0.71万元。\n"
    )
    result = read_report(text, department="示例")
    tp = result.disclosure.three_public
    assert tp is not None and tp.foreign_included_in_domestic
    assert any("外事接待" in note for note in result.notes)
    assert not [f for f in audit(result.disclosure).findings if f.rule == "R29"]
