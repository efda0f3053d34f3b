"""Findings (one broken or doubtful identity each) and the report that gathers them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import attrs

from budgetacct.errors import InvariantError
from budgetacct.model.coverage import Coverage
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


# repr=False: the attrs repr spells out every finding; the short one counts them by severity.
@attrs.frozen(repr=False)
class AuditReport:
    """All findings of an audit, most severe first, with counts by severity.

    ``ok`` is true when there is no error finding (warnings and notes do not fail an audit).
    Its ``repr`` counts the findings; iterate over it (or :func:`budgetacct.io.dump` it) for
    the findings themselves.

    >>> AuditReport(findings=(), subject="示例部门 2021")
    <AuditReport 示例部门 2021: 0 errors, 0 warnings, 0 notes>
    """

    findings: tuple[Finding, ...]
    rules_run: tuple[str, ...] = ()
    subject: str = ""
    #: How much of the published report was read (``None`` for a disclosure not read from one).
    coverage: Coverage | None = None

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

    def __repr__(self) -> str:
        counts = self.counts
        tally = ", ".join(
            f"{counts[severity]} {noun if counts[severity] == 1 else noun + 's'}"
            for severity, noun in (
                (Severity.ERROR, "error"),
                (Severity.WARNING, "warning"),
                (Severity.NOTE, "note"),
            )
        )
        return f"<AuditReport {self.subject}: {tally}>" if self.subject else f"<AuditReport: {tally}>"

    def _repr_html_(self) -> str:
        """The page ``budgetacct audit --format html`` writes, as a fragment for a notebook."""
        # Imported here: rendering sits above the audit, and only a notebook asks for HTML.
        from budgetacct.render.audit_html import render_audit_html

        return render_audit_html(self, fragment=True)

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def __len__(self) -> int:
        return len(self.findings)
