"""The 收入 rows of 收入支出决算总表 are the eight 本年收入 sources, in the sources' wording."""

from __future__ import annotations

from budgetacct.model.enums import RevenueSource
from budgetacct.model.tables import Line


def test_each_source_has_its_row_and_each_row_its_source() -> None:
    for source in RevenueSource:
        line = Line.of_source(source)
        assert line.value == source.value
        assert line.revenue_source is source
    assert Line.of_source(RevenueSource.GENERAL_BUDGET) is Line.GENERAL_BUDGET_REVENUE
    assert Line.REVENUE_TOTAL.revenue_source is None
    assert Line.FISCAL_GENERAL_BUDGET.revenue_source is None  # the 财政拨款 总表's row: a fund
