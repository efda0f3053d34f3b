"""Findings (one broken or doubtful identity each) and the report that gathers them."""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Iterator

import attrs

from budgetacct.errors import InvariantError
from budgetacct.model.enums import Severity

__all__ = ["AuditReport", "Finding", "Message", "Severity"]


@attrs.frozen
class Message:
    """A message in Chinese and English."""

    zh: str
    en: str

    def __str__(self) -> str:
        return f"{self.zh} | {self.en}"


@attrs.frozen
class Finding:
    """One result of one rule at one place.

    ``expected``, ``actual``, ``difference`` and ``tolerance`` are the figures as text (exact
    decimal strings, or words such as ``"增加"``), so a finding serializes without loss.

    >>> f = Finding("R1", Severity.ERROR, "$.revenue.total", "830.63", "830.64", "-0.01", "0.015",
    ...             Message("本年收入合计不等于各项收入之和", "revenue total differs from the sum of sources"))
    >>> f.is_error
    True
    """

    rule: str
    severity: Severity
    path: str
    expected: str | None
    actual: str | None
    difference: str | None
    tolerance: str | None
    message: Message
    #: The other printings the figure at ``path`` was compared with (a table cell for a narrative
    #: figure, the narrative figure or another table's cell for a table's), so a reader of the
    #: finding can go straight to both.
    related: tuple[str, ...] = ()

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


@attrs.frozen
class AuditReport:
    """All findings of an audit, most severe first, with counts by severity.

    ``ok`` is true when there is no error finding (warnings and notes do not fail an audit).
    """

    findings: tuple[Finding, ...]
    rules_run: tuple[str, ...] = ()
    subject: str = ""

    @property
    def counts(self) -> dict[Severity, int]:
        counted = Counter(f.severity for f in self.findings)
        return {severity: counted.get(severity, 0) for severity in Severity}

    @property
    def errors(self) -> tuple[Finding, ...]:
        return self.by_severity(Severity.ERROR)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        return self.by_severity(Severity.WARNING)

    @property
    def notes(self) -> tuple[Finding, ...]:
        return self.by_severity(Severity.NOTE)

    @property
    def ok(self) -> bool:
        return not self.errors

    def by_severity(self, severity: Severity) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity is severity)

    def by_rule(self, rule: str) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.rule == rule)

    def fired(self) -> frozenset[str]:
        """Ids of the rules with at least one finding."""
        return frozenset(f.rule for f in self.findings)

    def raise_for_errors(self) -> None:
        """Raise :class:`~budgetacct.errors.InvariantError` carrying every error finding."""
        if self.errors:
            raise InvariantError(self.errors)

    def _repr_html_(self) -> str:
        """The findings as an HTML table, most severe first (Jupyter's rich display)."""
        esc = html.escape
        counts = self.counts
        rows = [
            "<tr>"
            + "".join(
                f"<td>{esc(text or '')}</td>"
                for text in (
                    f.severity.zh,
                    f.rule,
                    f.path,
                    f.expected,
                    f.actual,
                    f.difference,
                    f.message.zh,
                )
            )
            + "</tr>"
            for f in self.findings
        ]
        head = "".join(
            f"<th>{label}</th>" for label in ("级别", "规则", "路径", "应为", "实际", "差额", "说明")
        )
        summary = (
            f"错误 {counts[Severity.ERROR]} · 警告 {counts[Severity.WARNING]} · 提示 {counts[Severity.NOTE]}"
        )
        return (
            f'<div class="budgetacct-audit"><p><strong>{esc(self.subject)}</strong> {summary}</p>'
            f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
        )

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def __len__(self) -> int:
        return len(self.findings)
