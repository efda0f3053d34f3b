"""How much of a published report a read understood — carried by the read and by its audit.

A report the reader could not mostly read must never come out looking clean: the audit reports
low coverage as a finding (R72), and every output states the coverage.

>>> c = Coverage(figures_read=273, figures_unread=53, tables_found=10, tables_recognized=9, pages=25)
>>> c.ratio
Decimal('0.8374')
>>> c.low
False
>>> print(c.summary()[0])
读取覆盖率83.7%：读取数字273个，未能读取53个；识别标准表9/10张；共25页，无文字层0页
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Final

import attrs

__all__ = ["LOW_COVERAGE", "UNREAD_COVERAGE", "Coverage"]

#: Below this share of its printed figures read, a report's audit warns that it was mostly not read.
LOW_COVERAGE: Final = Decimal("0.80")
#: Below this share, the audit reports it as an error: most of what the report says was not checked.
UNREAD_COVERAGE: Final = Decimal("0.50")


@attrs.frozen
class Coverage:
    """How much of a published report the read understood.

    ``figures_read`` / ``figures_unread`` count printed figures placed into the Disclosure or left
    unread (narrative and tables together): a printed number counts once, whatever fields it fills
    (a 类's code, name and amount; “收、支总计各1000万元”'s two totals), and the report's year, its
    department's name and the words of a change's direction are no figures; ``tables_found`` counts table grids that print figures,
    ``tables_recognized`` those mapped onto a standard table; ``pages_without_text`` pages that
    carry no text layer at all (scanned).
    """

    figures_read: int = 0
    figures_unread: int = 0
    narrative_read: int = 0
    narrative_unread: int = 0
    tables_found: int = 0
    tables_recognized: int = 0
    pages: int = 0
    pages_without_text: int = 0

    @property
    def ratio(self) -> Decimal | None:
        """Share of printed figures read, 0–1 rounded half-up to 4 places (None: nothing printed)."""
        printed = self.figures_read + self.figures_unread
        if not printed:
            return None
        return (Decimal(self.figures_read) / Decimal(printed)).quantize(Decimal("0.0001"), ROUND_HALF_UP)

    @property
    def unread(self) -> bool:
        """Whether so little was read that the audit cannot vouch for the report."""
        ratio = self.ratio
        return ratio is not None and ratio < UNREAD_COVERAGE

    @property
    def low(self) -> bool:
        ratio = self.ratio
        return ratio is not None and ratio < LOW_COVERAGE

    def summary(self) -> tuple[str, str]:
        """One line in Chinese and English, as the audit prints it at the top."""
        ratio = self.ratio
        share = "—" if ratio is None else f"{(ratio * 100).quantize(Decimal('0.1'), ROUND_HALF_UP)}%"
        zh = (
            f"读取覆盖率{share}：读取数字{self.figures_read}个，未能读取{self.figures_unread}个；"
            f"识别标准表{self.tables_recognized}/{self.tables_found}张；"
            f"共{self.pages}页，无文字层{self.pages_without_text}页"
        )
        en = (
            f"coverage {share}: {self.figures_read} figures read, {self.figures_unread} not read; "
            f"{self.tables_recognized} of {self.tables_found} tables recognized; "
            f"{self.pages} pages, {self.pages_without_text} without text"
        )
        return zh, en
