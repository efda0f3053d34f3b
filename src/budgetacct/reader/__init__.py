"""Reading published reports (决算说明 text) into a :class:`~budgetacct.model.disclosure.Disclosure`.

>>> from budgetacct.reader import read_report
>>> result = read_report("2021年政府性基金预算财政拨款支出91.5万元。", department="示例")
>>> result.disclosure.government_fund.total
Amount('91.5')
>>> result.sources[-1].path, result.sources[-1].printed
('$.government_fund.total', '91.5万元')
"""

from __future__ import annotations

from budgetacct.reader.report import (
    TEMPLATES,
    ReaderTemplate,
    ReadResult,
    Source,
    UnitUse,
    Unread,
    read_report,
    read_report_bytes,
    read_text,
    resolve_path,
)

__all__ = [
    "TEMPLATES",
    "ReadResult",
    "ReaderTemplate",
    "Source",
    "UnitUse",
    "Unread",
    "read_report",
    "read_report_bytes",
    "read_text",
    "resolve_path",
]
