"""An audit report as one standalone HTML page: ``budgetacct audit FILE --format html -o audit.html``.

The page needs nothing but itself — the style and a few lines of script are inline, nothing is
fetched — so it can be mailed, archived or opened offline.  It shows the department, the year and,
when the audit states it, how much of a report text was read; then the findings grouped by
severity (错误 / 警告 / 提示) and by rule: the rule's id and Chinese title, and for each finding the
message in Chinese and English, the path of the figures and the expected / actual / difference /
tolerance.  Buttons show one severity at a time (also from the address: ``audit.html#warning``);
printing drops the buttons and keeps each finding on one page.  Every text is HTML-escaped.

>>> from budgetacct import audit, load_example
>>> page = render_audit_html(audit(load_example("xiqu-2021")))
>>> page.startswith("<!DOCTYPE html>"), "R46" in page, "<script src" in page
(True, True, False)
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from html import escape
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:  # pragma: no cover - typing only
    from budgetacct.audit.finding import AuditReport, Finding

__all__ = ["render_audit_html"]

_SEVERITIES: Final = (
    ("error", "错误", "Errors"),
    ("warning", "警告", "Warnings"),
    ("note", "提示", "Notes"),
)
_FIGURES: Final = (
    ("expected", "应为", "expected"),
    ("actual", "实际", "actual"),
    ("difference", "差额", "difference"),
    ("tolerance", "容差", "tolerance"),
)

_CSS: Final = """
:root { --error: #b3261e; --warning: #8a5a00; --note: #35608f; --line: #d8d8d8; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei",
  sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1b1b1b; line-height: 1.5; }
h1 { font-size: 1.5rem; margin-bottom: .25rem; }
.facts { display: flex; flex-wrap: wrap; gap: .5rem 2rem; margin: .5rem 0 1rem; padding: 0; }
.facts div { display: flex; gap: .5rem; }
.facts dt { color: #555; }
.facts dd { margin: 0; font-weight: 600; }
.filters { display: flex; flex-wrap: wrap; gap: .5rem; margin: 1rem 0; }
.filters button { font: inherit; padding: .3rem .8rem; border: 1px solid var(--line);
  border-radius: 1rem; background: #fff; cursor: pointer; }
.filters button[aria-pressed="true"] { background: #1b1b1b; color: #fff; border-color: #1b1b1b; }
section.severity > h2 { font-size: 1.2rem; border-bottom: 2px solid currentColor; padding-bottom: .2rem; }
section.error > h2 { color: var(--error); }
section.warning > h2 { color: var(--warning); }
section.note > h2 { color: var(--note); }
.rule h3 { font-size: 1rem; margin: 1rem 0 .4rem; }
.rule h3 .id { font-family: ui-monospace, monospace; margin-right: .5rem; }
.rule h3 .en { color: #555; font-weight: normal; margin-left: .5rem; }
article.finding { border: 1px solid var(--line); border-left-width: 4px; border-radius: 4px;
  padding: .5rem .8rem; margin: .5rem 0; }
article.finding[data-severity="error"] { border-left-color: var(--error); }
article.finding[data-severity="warning"] { border-left-color: var(--warning); }
article.finding[data-severity="note"] { border-left-color: var(--note); }
.finding p { margin: .1rem 0; }
.finding .en { color: #444; }
.finding code { font-family: ui-monospace, monospace; font-size: .9em; word-break: break-all; }
.finding table { border-collapse: collapse; margin-top: .4rem; }
.finding th, .finding td { border: 1px solid var(--line); padding: .15rem .5rem; text-align: left;
  font-weight: normal; }
.finding th { background: #f4f4f4; color: #444; }
.none { color: #2e7d32; font-weight: 600; }
[hidden] { display: none !important; }
@media print {
  body { margin: 0; max-width: none; color: #000; font-size: 10.5pt; }
  .filters { display: none; }
  section.severity > h2 { break-after: avoid; }
  .rule h3 { break-after: avoid; }
  article.finding { break-inside: avoid; border-color: #999; }
  a { color: inherit; text-decoration: none; }
}
"""

# Shows one severity (or all); the choice also comes from the address (#error, #warning, #note),
# so a link can open the page filtered.  ``data-ready`` tells that the script ran.
_SCRIPT: Final = """
(function () {
  var buttons = document.querySelectorAll(".filters button");
  var sections = document.querySelectorAll("section.severity");
  function show(severity) {
    sections.forEach(function (section) {
      section.hidden = severity !== "all" && section.dataset.severity !== severity;
    });
    buttons.forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.dataset.filter === severity));
    });
    document.body.dataset.filter = severity;
  }
  buttons.forEach(function (button) {
    button.addEventListener("click", function () {
      show(button.dataset.filter);
      history.replaceState(null, "", button.dataset.filter === "all" ? "#" : "#" + button.dataset.filter);
    });
  });
  var wanted = location.hash.slice(1);
  show(["error", "warning", "note"].indexOf(wanted) >= 0 ? wanted : "all");
  document.body.dataset.ready = "true";
})();
"""

_SUBJECT_YEAR: Final = re.compile(r"^(?P<department>.*?)\s*(?P<year>(?:19|20)\d\d)\s*(?:年度?)?$")


def _rule_titles(rule_ids: Iterable[str]) -> dict[str, tuple[str, str]]:
    """The Chinese and English titles of the rules that have findings (empty for unknown ids)."""
    from budgetacct.audit.registry import REGISTRY

    return {
        rule_id: (REGISTRY[rule_id].title_zh, REGISTRY[rule_id].title_en) if rule_id in REGISTRY else ("", "")
        for rule_id in rule_ids
    }


def _department_and_year(report: AuditReport) -> tuple[str, str]:
    """From the report's own fields when it has them, else from its subject ("部门 2021")."""
    department = getattr(report, "department", None)
    year = getattr(report, "year", None)
    if department is not None or year is not None:
        return str(department or ""), "" if year is None else str(year)
    match = _SUBJECT_YEAR.match(report.subject.strip())
    if match is None:
        return report.subject.strip(), ""
    return match["department"], match["year"]


def _coverage(report: AuditReport) -> str | None:
    """How much of the report text was read, when the audit states it."""
    coverage: Any = getattr(report, "coverage", None)
    if coverage is None:
        return None
    return str(coverage)


def _finding(finding: Finding) -> str:
    figures = [(zh, en, getattr(finding, name)) for name, zh, en in _FIGURES]
    shown = [(zh, en, value) for zh, en, value in figures if value is not None]
    table = ""
    if shown:
        head = "".join(f"<th>{escape(zh)} {escape(en)}</th>" for zh, en, _ in shown)
        cells = "".join(f"<td>{escape(str(value))}</td>" for _, _, value in shown)
        table = f"<table><tr>{head}</tr><tr>{cells}</tr></table>"
    return (
        f'<article class="finding" data-severity="{escape(finding.severity.value)}">'
        f'<p class="zh">{escape(finding.message.zh)}</p>'
        f'<p class="en" lang="en">{escape(finding.message.en)}</p>'
        f"<p>路径 path: <code>{escape(finding.path)}</code></p>"
        f"{table}</article>"
    )


def _severity_section(value: str, zh: str, en: str, findings: tuple[Finding, ...]) -> str:
    by_rule: dict[str, list[Finding]] = {}
    for finding in findings:
        by_rule.setdefault(finding.rule, []).append(finding)
    titles = _rule_titles(by_rule)
    rules = []
    for rule_id, group in by_rule.items():
        title_zh, title_en = titles[rule_id]
        rules.append(
            f'<div class="rule" data-rule="{escape(rule_id)}"><h3><span class="id">{escape(rule_id)}</span>'
            f'{escape(title_zh)}<span class="en" lang="en">{escape(title_en)}</span></h3>'
            + "".join(_finding(finding) for finding in group)
            + "</div>"
        )
    return (
        f'<section class="severity {value}" data-severity="{value}">'
        f"<h2>{zh} {en} ({len(findings)})</h2>{''.join(rules)}</section>"
    )


def render_audit_html(report: AuditReport, *, title: str | None = None) -> str:
    """The audit ``report`` as one standalone HTML page (see the module documentation).

    ``title`` names the page (default: “审核报告 Audit report” and the report's subject).
    """
    from budgetacct.model.enums import Severity

    department, year = _department_and_year(report)
    coverage = _coverage(report)
    heading = (
        title if title is not None else " ".join(p for p in ("审核报告 Audit report", report.subject) if p)
    )
    facts = [("部门 department", department), ("年度 year", year)]
    if coverage is not None:
        facts.append(("读取覆盖率 coverage", coverage))
    facts_html = "".join(
        f"<div><dt>{escape(label)}</dt><dd>{escape(value)}</dd></div>" for label, value in facts if value
    )
    counts = report.counts
    buttons = ['<button type="button" data-filter="all">全部 All</button>'] + [
        f'<button type="button" data-filter="{value}">{zh} {en} ({counts[Severity(value)]})</button>'
        for value, zh, en in _SEVERITIES
    ]
    sections = [
        _severity_section(value, zh, en, report.by_severity(Severity(value)))
        for value, zh, en in _SEVERITIES
        if counts[Severity(value)]
    ]
    body = "".join(sections) or '<p class="none">没有发现问题 | no findings</p>'
    summary = (
        f"错误 {counts[Severity.ERROR]} · 警告 {counts[Severity.WARNING]} · 提示 {counts[Severity.NOTE]}"
    )
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(heading)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        f'<header><h1>{escape(heading)}</h1><dl class="facts">{facts_html}</dl>'
        f'<p class="summary">{summary}</p></header>\n'
        f'<nav class="filters" aria-label="按级别筛选 filter by severity">{"".join(buttons)}</nav>\n'
        f"<main>{body}</main>\n<script>{_SCRIPT}</script>\n</body>\n</html>\n"
    )
