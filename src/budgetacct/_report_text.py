"""The findings of one audit as a text table or as JSON: the output of ``budgetacct audit FILE``.

Kept apart from the command line so that the layout and the parsing of arguments stay small;
:mod:`budgetacct.cli` re-exports :func:`report_table` and :func:`report_json`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from budgetacct._text import display_width
from budgetacct.errors import InvalidValue
from budgetacct.paths import parse_path, render_path

if TYPE_CHECKING:  # pragma: no cover - typing only
    from budgetacct.auditing.finding import AuditReport, Finding
    from budgetacct.model.coverage import Coverage
    from budgetacct.reader.published import PageSource

__all__ = ["Sources", "coverage_json", "report_json", "report_table"]


def _pad(text: str, width: int) -> str:
    return text + " " * (width - display_width(text))


def _widths(rows: Sequence[Sequence[str]]) -> list[int]:
    return [max(display_width(row[i]) for row in rows) for i in range(len(rows[0]))]


def _row(cells: Sequence[str], widths: Sequence[int]) -> str:
    """Cells separated by two spaces; the last cell is not padded."""
    padded = [_pad(cell, widths[i]) for i, cell in enumerate(cells[:-1])] + [cells[-1]]
    return "  ".join(padded).rstrip()


_HEADER = ("规则 rule", "路径 path", "应为 expected", "实际 actual", "差额 difference", "说明 message")
_SEVERITY_TITLES = {"error": "错误 errors", "warning": "警告 warnings", "note": "提示 notes"}


def _one_line(text: str | None) -> str:
    return "" if text is None else " ".join(text.split())


def _summary(report: AuditReport) -> str:
    from budgetacct.model.enums import Severity

    counts = report.counts
    e, w, n = counts[Severity.ERROR], counts[Severity.WARNING], counts[Severity.NOTE]
    return f"错误 {e} · 警告 {w} · 提示 {n} | errors {e} · warnings {w} · notes {n}"


#: Where each figure was read: ``(line, sentence)`` in a text, or a page and box in a PDF.
Sources = Mapping[str, "tuple[int, str] | PageSource"]


def _source_of(path: str, sources: Sources) -> tuple[int, str] | PageSource | None:
    """The (line, sentence) a finding's figure was read from: its own path, else the nearest
    enclosing path with a source, else the first figure read inside it."""
    if path in sources:
        return sources[path]
    try:
        parts = parse_path(path)
    except InvalidValue:  # a finding may name a place no field path expresses (``[fund=…]``)
        parts = ()
    for end in range(len(parts) - 1, 0, -1):
        parent = render_path(parts[:end])
        if parent in sources:
            return sources[parent]
    if path in ("$", "$.tables"):
        return None  # the report or its set of tables as a whole: no one figure is its source
    inside = [p for p in sources if p.startswith((path + ".", path + "["))]
    return sources[min(inside, key=lambda p: _order(sources[p]))] if inside else None


def _order(place: tuple[int, str] | PageSource) -> int:
    return place[0] if isinstance(place, tuple) else place.page


def _place(place: tuple[int, str] | PageSource) -> str:
    """“第12行 line 12：<sentence>” for a text, “第12页 page 12：<printed>” for a PDF."""
    if isinstance(place, tuple):
        return f"第{place[0]}行 line {place[0]}：{_clip(place[1])}"
    zh, en = place.describe()
    return f"{zh} {en}：{_clip(place.printed)}"


def _place_json(place: tuple[int, str] | PageSource) -> dict[str, Any]:
    if isinstance(place, tuple):
        return {"line": place[0], "sentence": place[1]}
    return {"page": place.page, "box": list(place.box), "printed": place.printed}


def _clip(text: str, limit: int = 120) -> str:
    text = _one_line(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def report_table(report: AuditReport, sources: Sources | None = None) -> str:
    """The findings as a text table grouped by severity (errors first), then a summary line.

    Columns line up across groups, Chinese characters counting two columns.  ``sources`` maps
    figure paths to the (line, sentence) they were read from: a line under each finding then
    shows where its figure came from.
    """
    from budgetacct.model.enums import Severity

    groups: list[tuple[Severity, list[tuple[str, ...]], list[str | None]]] = []
    for severity in sorted(Severity, key=lambda s: s.rank):
        findings: tuple[Finding, ...] = report.by_severity(severity)
        if findings:
            rows: list[tuple[str, ...]] = [
                (
                    f.rule,
                    f.path,
                    _one_line(f.expected),
                    _one_line(f.actual),
                    _one_line(f.difference),
                    _one_line(f.message.zh),
                )
                for f in findings
            ]
            notes: list[str | None] = []
            for f in findings:
                found = _source_of(f.path, sources) if sources else None
                lines_of_note = [] if found is None else [f"    来源 source: {_place(found)}"]
                for related in f.related:
                    other = sources.get(related) if sources else None
                    where = f"{related}" + ("" if other is None else f"（{_place(other)}）")
                    lines_of_note.append(f"    另见 also: {where}")
                notes.append("\n".join(lines_of_note) if lines_of_note else None)
            groups.append((severity, rows, notes))
    widths = _widths([_HEADER, *(row for _, rows, _ in groups for row in rows)])
    lines: list[str] = []
    if report.subject:
        lines += [f"审核 audit: {report.subject}", ""]
    if report.coverage is not None:
        zh, en = report.coverage.summary()
        lines += [f"{zh} | {en}", ""]
    for severity, group_rows, group_notes in groups:
        lines.append(f"{_SEVERITY_TITLES[severity.value]} ({len(group_rows)})")
        lines.append(_row(_HEADER, widths))
        for row, note in zip(group_rows, group_notes, strict=True):
            lines.append(_row(row, widths))
            if note is not None:
                lines.append(note)
        lines.append("")
    if not groups:
        lines += ["没有发现问题 | no findings", ""]
    lines.append(_summary(report))
    return "\n".join(lines) + "\n"


def report_json(report: AuditReport, sources: Sources | None = None) -> str:
    """The findings and counts as JSON (``{"findings": [...], "summary": {...}}``).

    With ``sources`` (see :func:`report_table`) a finding whose figure was read from a sentence
    carries ``"source": {"line": …, "sentence": …}``.
    """
    from budgetacct.model.enums import Severity

    findings: list[dict[str, Any]] = []
    for f in report.findings:
        item: dict[str, Any] = {
            "rule": f.rule,
            "severity": f.severity.value,
            "path": f.path,
            "expected": f.expected,
            "actual": f.actual,
            "difference": f.difference,
            "tolerance": f.tolerance,
            "message": {"zh": f.message.zh, "en": f.message.en},
        }
        if f.related:
            item["related"] = list(f.related)
        found = _source_of(f.path, sources) if sources else None
        if found is not None:
            item["source"] = _place_json(found)
        related_places = [sources[r] for r in f.related if sources and r in sources]
        if related_places:
            item["related_sources"] = [_place_json(place) for place in related_places]
        findings.append(item)
    counts = report.counts
    summary = {severity.value: counts[severity] for severity in Severity}
    document: dict[str, Any] = {"findings": findings, "summary": summary}
    if report.coverage is not None:
        document["coverage"] = coverage_json(report.coverage)
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def coverage_json(coverage: Coverage) -> dict[str, Any]:
    """A read's coverage as JSON: its counts and the share read (a string, exact)."""
    ratio = coverage.ratio
    return {**attrs.asdict(coverage), "ratio": None if ratio is None else str(ratio), "low": coverage.low}
