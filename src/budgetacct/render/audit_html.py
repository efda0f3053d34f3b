"""An audit report as one standalone HTML page: ``budgetacct audit FILE --format html -o audit.html``.

The page needs nothing but itself — the style and a few lines of script are inline, nothing is
fetched — so it can be mailed, archived or opened offline.  It shows the department, the year and,
when the audit states it, how much of a report text was read; then the findings grouped by
severity (错误 / 警告 / 提示) and by rule: the rule's id and Chinese title, and for each finding the
message in Chinese and English, the path of the figures and the expected / actual / difference /
tolerance.  Buttons show one severity at a time (also from the address: ``audit.html#warning``);
printing drops the buttons and keeps each finding on one page.  Every text is HTML-escaped.

Given where the figures are printed (``sources``) and the PDF itself, each finding also lists its
printing and the printings it was compared with, each with the figure as printed and its page, and
shows those pages with the figures boxed (:mod:`budgetacct.render.audit_evidence`).

>>> from budgetacct import audit, load_example
>>> page = render_audit_html(audit(load_example("xiqu-2021")))
>>> page.startswith("<!DOCTYPE html>"), "R46" in page, "<script src" in page
(True, True, False)
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from html import escape
from typing import TYPE_CHECKING, Any, Final

from budgetacct.render.audit_evidence import EVIDENCE_CSS, MAX_PAGES, Evidence, SourcesArg

if TYPE_CHECKING:  # pragma: no cover - typing only
    from budgetacct.auditing.finding import AuditReport, Finding

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

# Every rule but the page's own (``body``) is scoped to ``.budgetacct-audit``, so the fragment a
# notebook shows styles the report and nothing around it.
_CSS: Final = """
.budgetacct-audit { --error: #b3261e; --warning: #8a5a00; --note: #35608f; --line: #d8d8d8;
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei",
  sans-serif; color: #1b1b1b; line-height: 1.5; }
.budgetacct-audit, .budgetacct-audit * { box-sizing: border-box; }
.budgetacct-audit h1 { font-size: 1.5rem; margin-bottom: .25rem; }
.budgetacct-audit .facts { display: flex; flex-wrap: wrap; gap: .5rem 2rem; margin: .5rem 0 1rem; padding: 0; }
.budgetacct-audit .facts div { display: flex; gap: .5rem; }
.budgetacct-audit .facts dt { color: #555; }
.budgetacct-audit .facts dd { margin: 0; font-weight: 600; }
.budgetacct-audit .filters { display: flex; flex-wrap: wrap; gap: .5rem; margin: 1rem 0; }
.budgetacct-audit .filters button { font: inherit; padding: .3rem .8rem; border: 1px solid var(--line);
  border-radius: 1rem; background: #fff; color: #1b1b1b; cursor: pointer; }
.budgetacct-audit .filters button[aria-pressed="true"] { background: #1b1b1b; color: #fff; border-color: #1b1b1b; }
.budgetacct-audit section.severity > h2 { font-size: 1.2rem; border-bottom: 2px solid currentColor;
  padding-bottom: .2rem; }
.budgetacct-audit section.error > h2 { color: var(--error); }
.budgetacct-audit section.warning > h2 { color: var(--warning); }
.budgetacct-audit section.note > h2 { color: var(--note); }
.budgetacct-audit .rule h3 { font-size: 1rem; margin: 1rem 0 .4rem; }
.budgetacct-audit .rule h3 .id { font-family: ui-monospace, monospace; margin-right: .5rem; }
.budgetacct-audit .rule h3 .en { color: #555; font-weight: normal; margin-left: .5rem; }
.budgetacct-audit article.finding { border: 1px solid var(--line); border-left-width: 4px; border-radius: 4px;
  padding: .5rem .8rem; margin: .5rem 0; }
.budgetacct-audit article.finding[data-severity="error"] { border-left-color: var(--error); }
.budgetacct-audit article.finding[data-severity="warning"] { border-left-color: var(--warning); }
.budgetacct-audit article.finding[data-severity="note"] { border-left-color: var(--note); }
.budgetacct-audit .finding p { margin: .1rem 0; }
.budgetacct-audit .finding .en { color: #444; }
.budgetacct-audit .finding code { font-family: ui-monospace, monospace; font-size: .9em; word-break: break-all; }
.budgetacct-audit .finding table { border-collapse: collapse; margin-top: .4rem; }
.budgetacct-audit .finding th, .budgetacct-audit .finding td { border: 1px solid var(--line);
  padding: .15rem .5rem; text-align: left; font-weight: normal; }
.budgetacct-audit .finding th { background: #f4f4f4; color: #444; }
.budgetacct-audit .none { color: #2e7d32; font-weight: 600; }
.budgetacct-audit [hidden] { display: none !important; }
@media print {
  .budgetacct-audit { color: #000; font-size: 10.5pt; }
  .budgetacct-audit .filters { display: none; }
  .budgetacct-audit section.severity > h2 { break-after: avoid; }
  .budgetacct-audit .rule h3 { break-after: avoid; }
  .budgetacct-audit article.finding { break-inside: avoid; border-color: #999; }
  .budgetacct-audit a { color: inherit; text-decoration: none; }
}
"""

# The standalone page's own layout: a readable column on screen, the full width on paper.
_PAGE_CSS: Final = """
body { margin: 2rem auto; max-width: 60rem; padding: 0 1rem; }
@media print { body { margin: 0; max-width: none; } }
"""

# Shows one severity (or all) inside ``root``.  On the page the root is the body and the choice
# also comes from the address (#error, #warning, #note), so a link can open the page filtered; in
# a notebook the root is the fragment's own element and the address is the notebook's, left alone.
# ``data-ready`` tells that the script ran.
_SCRIPT: Final = """
(function (root, address) {
  if (!root) return;
  var buttons = root.querySelectorAll(".filters button");
  var sections = root.querySelectorAll("section.severity");
  function show(severity) {
    sections.forEach(function (section) {
      section.hidden = severity !== "all" && section.dataset.severity !== severity;
    });
    buttons.forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.dataset.filter === severity));
    });
    root.dataset.filter = severity;
  }
  buttons.forEach(function (button) {
    button.addEventListener("click", function () {
      show(button.dataset.filter);
      if (address) {
        history.replaceState(null, "", button.dataset.filter === "all" ? "#" : "#" + button.dataset.filter);
      }
    });
  });
  // A page image is shown small beside its finding; a click shows it the full width and back.
  root.querySelectorAll("figure.page-image").forEach(function (figure) {
    figure.addEventListener("click", function () { figure.classList.toggle("zoomed"); });
  });
  var wanted = address ? location.hash.slice(1) : "";
  show(["error", "warning", "note"].indexOf(wanted) >= 0 ? wanted : "all");
  root.dataset.ready = "true";
})(%s);
"""
_PAGE_ROOT: Final = "document.body, true"
# The script element's parent is the fragment: no id to invent, and two reports shown in one
# notebook each filter their own findings.
_FRAGMENT_ROOT: Final = "document.currentScript && document.currentScript.parentElement, false"

_SUBJECT_YEAR: Final = re.compile(r"^(?P<department>.*?)\s*(?P<year>(?:19|20)\d\d)\s*(?:年度?)?$")


def _rule_titles(rule_ids: Iterable[str]) -> dict[str, tuple[str, str]]:
    """The Chinese and English titles of the rules that have findings (empty for unknown ids)."""
    from budgetacct.auditing.registry import REGISTRY

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


def _coverage(report: AuditReport) -> tuple[str | None, str]:
    """How much of the report text was read, when the audit states it: a short fact, or the
    coverage line of a read (:meth:`Coverage.summary <budgetacct.model.coverage.Coverage.summary>`)."""
    coverage: Any = getattr(report, "coverage", None)
    if coverage is None:
        return None, ""
    if not hasattr(coverage, "summary"):
        return str(coverage), ""
    zh, en = coverage.summary()
    low = " low" if coverage.low else ""
    return None, f'<p class="coverage{low}">{escape(zh)}<br><span lang="en">{escape(en)}</span></p>'


def _grouped(report: AuditReport) -> list[tuple[str, str, str, dict[str, list[Finding]]]]:
    """The severities with findings, most severe first, each with its findings by rule."""
    from budgetacct.model.enums import Severity

    groups = []
    for value, zh, en in _SEVERITIES:
        by_rule: dict[str, list[Finding]] = {}
        for finding in report.by_severity(Severity(value)):
            by_rule.setdefault(finding.rule, []).append(finding)
        if by_rule:
            groups.append((value, zh, en, by_rule))
    return groups


def _finding(finding: Finding, evidence: Evidence) -> str:
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
        f"{table}{evidence.html(finding)}</article>"
    )


def _severity_section(
    value: str, zh: str, en: str, by_rule: dict[str, list[Finding]], evidence: Evidence
) -> str:
    titles = _rule_titles(by_rule)
    rules = []
    for rule_id, group in by_rule.items():
        title_zh, title_en = titles[rule_id]
        rules.append(
            f'<div class="rule" data-rule="{escape(rule_id)}"><h3><span class="id">{escape(rule_id)}</span>'
            f'{escape(title_zh)}<span class="en" lang="en">{escape(title_en)}</span></h3>'
            + "".join(_finding(finding, evidence) for finding in group)
            + "</div>"
        )
    return (
        f'<section class="severity {value}" data-severity="{value}">'
        f"<h2>{zh} {en} ({sum(map(len, by_rule.values()))})</h2>{''.join(rules)}</section>"
    )


def render_audit_html(
    report: AuditReport,
    *,
    title: str | None = None,
    fragment: bool = False,
    sources: SourcesArg | None = None,
    pdf: str | os.PathLike[str] | bytes | None = None,
    max_pages: int = MAX_PAGES,
    document: object | None = None,
) -> str:
    """The audit ``report`` as one standalone HTML page (see the module documentation).

    ``title`` names the page (default: “审核报告 Audit report” and the report's subject).  With
    ``fragment=True`` the same report comes as one ``<div class="budgetacct-audit">`` to embed in
    another page (a notebook shows :meth:`AuditReport._repr_html_ <budgetacct.auditing.AuditReport>`
    this way): its style reaches nothing outside it, and its filter buttons work on it alone and
    leave the address alone.

    ``sources`` tells where the figures are printed: a mapping of figure paths to their
    :class:`~budgetacct.reader.published.PageSource` (or ``(line, sentence)`` in a text report), or
    the sources of a read (:attr:`PublishedRead.sources
    <budgetacct.reader.published.PublishedRead>`).  Each finding then lists its printing and the
    related ones.  With the PDF as well (``pdf``: its path or bytes), the pages carrying those
    figures are embedded as images with each figure boxed — at most ``max_pages`` pages, those of
    the most severe findings first.  With the audited ``document`` (a Disclosure or a Budget) each
    place is also named by table, row and column or by narrative section, as the text output does.

    >>> from budgetacct import audit, load_example
    >>> part = render_audit_html(audit(load_example("xiqu-2021")), fragment=True)
    >>> part.startswith('<div class="budgetacct-audit">'), "<html" in part, "R46" in part
    (True, False, True)
    """
    from budgetacct.model.enums import Severity

    department, year = _department_and_year(report)
    coverage, coverage_line = _coverage(report)
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
    groups = _grouped(report)
    shown = [finding for *_, by_rule in groups for group in by_rule.values() for finding in group]
    evidence = Evidence.collect(shown, sources, pdf, max_pages=max_pages, document=document)
    sections = [_severity_section(value, zh, en, by_rule, evidence) for value, zh, en, by_rule in groups]
    findings = "".join(sections) or '<p class="none">没有发现问题 | no findings</p>'
    summary = (
        f"错误 {counts[Severity.ERROR]} · 警告 {counts[Severity.WARNING]} · 提示 {counts[Severity.NOTE]}"
    )
    # A page has one <main>; a fragment sits inside someone else's page, so its findings are a div.
    container = "div" if fragment else "main"
    content = (
        f"{evidence.store()}"
        f'<header><h1>{escape(heading)}</h1><dl class="facts">{facts_html}</dl>{coverage_line}'
        f'<p class="summary">{summary}</p>{evidence.note()}</header>\n'
        f'<nav class="filters" aria-label="按级别筛选 filter by severity">{"".join(buttons)}</nav>\n'
        f'<{container} class="findings">{findings}</{container}>\n'
    )
    if fragment:
        return (
            f'<div class="budgetacct-audit">\n<style>{_CSS}{EVIDENCE_CSS}</style>\n{content}'
            f"<script>{_SCRIPT % _FRAGMENT_ROOT}</script>\n</div>\n"
        )
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(heading)}</title>\n<style>{_PAGE_CSS}{_CSS}{EVIDENCE_CSS}</style>\n</head>\n<body>\n"
        f'<div class="budgetacct-audit">\n{content}</div>\n'
        f"<script>{_SCRIPT % _PAGE_ROOT}</script>\n</body>\n</html>\n"
    )
