"""The findings of one audit as a text table or as JSON: the output of ``budgetacct audit FILE``.

Kept apart from the command line so that the layout and the parsing of arguments stay small;
:mod:`budgetacct.cli` re-exports :func:`report_table` and :func:`report_json`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from budgetacct._places import place_words
from budgetacct._text import display_width
from budgetacct.errors import InvalidValue
from budgetacct.paths import parse_path, render_path

if TYPE_CHECKING:  # pragma: no cover - typing only
    from budgetacct.auditing.finding import AuditReport, Finding
    from budgetacct.model.coverage import Coverage
    from budgetacct.reader.published import PageSource

__all__ = ["Sources", "coverage_json", "own_printing", "report_json", "report_table"]


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


def own_printing(path: str, sources: Sources | None) -> tuple[str, tuple[int, str] | PageSource | None]:
    """The path and the place of a finding's own figure: its path's source (see :func:`_source_of`);
    a page source names the figure it boxes, which may lie inside the finding's path."""
    place = _source_of(path, sources) if sources else None
    return (path if place is None or isinstance(place, tuple) else place.path), place


def _printed(place: tuple[int, str] | PageSource) -> str:
    return place[1] if isinstance(place, tuple) else place.printed


def _place(path: str, place: tuple[int, str] | PageSource | None, document: object | None) -> str | None:
    """“第13页 财政拨款收入支出决算总表“总计”行“金额”列：2,961.68”, “第12行 收入决算情况说明：<sentence>”
    — the place in words (:func:`~budgetacct._places.place_words`) and the figure as printed."""
    words = place_words(path, document, place)
    if words is None:
        return None
    return words[0] if place is None else f"{words[0]}：{_clip(_printed(place))}"


def _related_place(path: str, place: tuple[int, str] | PageSource | None, document: object | None) -> str:
    """A printing a finding was compared with: its place in words, with its path where the words
    do not say which figure it is (no document, or a place the document's tables do not hold)."""
    if place_words(path, document) is not None:
        return _place(path, place, document) or path
    if place is None:
        return path
    zh, _ = place_words(path, None, place) or ("", "")
    return f"{zh} {path}：{_clip(_printed(place))}"


def _place_json(path: str, place: tuple[int, str] | PageSource, document: object | None) -> dict[str, Any]:
    found: dict[str, Any]
    if isinstance(place, tuple):
        found = {"line": place[0], "sentence": place[1]}
    else:
        found = {"path": place.path, "page": place.page, "box": list(place.box), "printed": place.printed}
    words = None if document is None else place_words(path, document, place)
    if words is not None:  # with the document, the place named by its table or section too
        found["where"] = {"zh": words[0], "en": words[1]}
    return found


def _clip(text: str, limit: int = 120) -> str:
    text = _one_line(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def report_table(report: AuditReport, sources: Sources | None = None, document: object | None = None) -> str:
    """The findings as a text table grouped by severity (errors first), then a summary line.

    Columns line up across groups, Chinese characters counting two columns.  ``sources`` maps
    figure paths to the (line, sentence) or the page they were read from: a line under each
    finding then shows where its figure came from, and one line each where the figures it was
    compared with are printed.  With the audited ``document`` (a Disclosure or a Budget) those
    places are also named by table, row and column or by narrative section
    (:func:`~budgetacct._places.place_words`); a place neither names stays its path.
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
                own_path, found = own_printing(f.path, sources)
                lines_of_note = (
                    [] if found is None else [f"    来源 source: {_place(own_path, found, document)}"]
                )
                for related in f.related:
                    other = sources.get(related) if sources else None
                    lines_of_note.append(f"    另见 also: {_related_place(related, other, document)}")
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


def report_json(report: AuditReport, sources: Sources | None = None, document: object | None = None) -> str:
    """The findings and counts as JSON (``{"findings": [...], "summary": {...}}``).

    With ``sources`` (see :func:`report_table`) a finding whose figure was read from a sentence
    carries ``"source": {"line": …, "sentence": …}``, one read from a page ``"source": {"path",
    "page", "box", "printed"}``; ``related`` lists the paths of the figures it was compared with
    and ``related_sources`` where those are printed.  Each source also says ``"where"`` in words
    (``{"zh", "en"}``), with the ``document`` by table, row and column or by section.
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
        own_path, found = own_printing(f.path, sources)
        if found is not None:
            item["source"] = _place_json(own_path, found, document)
        related_places = [(r, sources[r]) for r in f.related if sources and r in sources]
        if related_places:
            item["related_sources"] = [_place_json(path, place, document) for path, place in related_places]
        findings.append(item)
    counts = report.counts
    summary = {severity.value: counts[severity] for severity in Severity}
    result: dict[str, Any] = {"findings": findings, "summary": summary}
    if report.coverage is not None:
        result["coverage"] = coverage_json(report.coverage)
    return json.dumps(result, ensure_ascii=False, indent=2) + "\n"


def coverage_json(coverage: Coverage) -> dict[str, Any]:
    """A read's coverage as JSON: its counts and the share read (a string, exact)."""
    ratio = coverage.ratio
    return {**attrs.asdict(coverage), "ratio": None if ratio is None else str(ratio), "low": coverage.low}
