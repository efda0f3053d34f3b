"""``Checker.adds_up``: an identity among printed figures written by their paths, as the rule
catalogue writes it (R2–R6, R14–R16, R27–R29, R44 state theirs this way)."""

from __future__ import annotations

import pytest

from budgetacct import Amount
from budgetacct.auditing import REGISTRY
from budgetacct.auditing.check import Checker
from budgetacct.auditing.identities import parse_identity
from budgetacct.model import Expenditure, KindLine, Overview, Procurement
from budgetacct.model.disclosure import Disclosure
from budgetacct.model.enums import ExpenditureKind, Severity

_WORDS = ("合计不符", "total differs")


def _findings(d: Disclosure, identity: str, *, exact: bool = False) -> list[tuple[str, Severity, str | None]]:
    c = Checker(d, exact=exact)
    c.rule = REGISTRY["R2"]
    c.adds_up(identity, *_WORDS)
    return [(f.path, f.severity, f.expected) for f in c.findings]


def _procurement(total: str | None, goods: str | None, works: str | None = "0.00") -> Disclosure:
    return Disclosure(
        year=2021,
        department="示例部门",
        procurement=Procurement(
            total=None if total is None else Amount(total),
            goods=None if goods is None else Amount(goods),
            works=None if works is None else Amount(works),
        ),
    )


_PROCUREMENT = "$.procurement.total = $.procurement.goods + $.procurement.works"


def test_a_total_that_is_the_sum_of_its_parts_has_no_finding() -> None:
    assert _findings(_procurement("3.00", "3.00"), _PROCUREMENT) == []


def test_a_total_off_by_more_than_rounding_is_an_error_at_the_total() -> None:
    assert _findings(_procurement("3.10", "3.00"), _PROCUREMENT) == [
        ("$.procurement.total", Severity.ERROR, "3")
    ]


def test_a_total_off_within_rounding_is_a_note_and_exact_figures_allow_nothing() -> None:
    assert _findings(_procurement("3.01", "3.00"), _PROCUREMENT) == [
        ("$.procurement.total", Severity.NOTE, "3")
    ]
    assert _findings(_procurement("3.01", "3.00"), _PROCUREMENT, exact=True) == [
        ("$.procurement.total", Severity.ERROR, "3")
    ]


def test_a_figure_or_section_not_printed_is_not_checked() -> None:
    assert _findings(_procurement(None, "3.00"), _PROCUREMENT) == []
    assert _findings(_procurement("9.00", None), _PROCUREMENT) == []
    assert _findings(Disclosure(year=2021, department="示例部门"), _PROCUREMENT) == []


def test_a_term_marked_blank_is_zero_when_not_printed() -> None:
    identity = "$.procurement.total = $.procurement.goods + $.procurement.works?"
    assert _findings(_procurement("3.00", "3.00", works=None), identity) == []
    assert _findings(_procurement("3.10", "3.00", works=None), identity) == [
        ("$.procurement.total", Severity.ERROR, "3")
    ]
    # Printed as 0.00, 工程 may be up to 0.005: 0.01 off is within 0.0005 + 0.005 + 0.005.  Not
    # printed, it has no allowance: the same 0.01 is beyond 0.0005 + 0.005.
    assert _findings(_procurement("3.010", "3.00", works="0.00"), identity) == [
        ("$.procurement.total", Severity.NOTE, "3")
    ]
    assert _findings(_procurement("3.010", "3.00", works=None), identity) == [
        ("$.procurement.total", Severity.ERROR, "3")
    ]


def _expenditure(total: str, *amounts: str) -> Disclosure:
    lines = tuple(KindLine(kind=ExpenditureKind.BASIC, amount=Amount(a)) for a in amounts)
    return Disclosure(
        year=2021, department="示例部门", expenditure=Expenditure(total=Amount(total), lines=lines)
    )


def test_lines_of_a_breakdown_are_summed_and_no_lines_is_not_checked() -> None:
    identity = "$.expenditure.total = $.expenditure.lines[*].amount"
    assert _findings(_expenditure("5.00", "2.00", "3.00"), identity) == []
    assert _findings(_expenditure("6.00", "2.00", "3.00"), identity) == [
        ("$.expenditure.total", Severity.ERROR, "5")
    ]
    assert _findings(_expenditure("6.00"), identity) == []


def test_a_sum_on_the_left_is_compared_at_its_first_figure_with_every_allowance() -> None:
    identity = "$.overview.closing_balance + $.overview.opening_balance = $.overview.revenue_grand_total"
    overview = Overview(
        closing_balance=Amount("1.00"), opening_balance=Amount("2.00"), revenue_grand_total=Amount("3.01")
    )
    d = Disclosure(year=2021, department="示例部门", overview=overview)
    assert _findings(d, identity) == [("$.overview.closing_balance", Severity.NOTE, "3.01")]
    blank = Disclosure(
        year=2021, department="示例部门", overview=Overview(revenue_grand_total=Amount("3.00"))
    )
    assert _findings(blank, identity) == []


def test_the_three_public_codes_name_figures_of_the_three_public_section() -> None:
    # R30 (the narrative's 基本支出) and R67 (the tables' cells) compare these 款 with these figures.
    from budgetacct.auditing.rules._common import THREE_PUBLIC_CODES, THREE_PUBLIC_FIGURES
    from budgetacct.model.table_figures import THREE_PUBLIC_MEASURES

    measured = dict(THREE_PUBLIC_MEASURES)
    for codes, figure, _ in THREE_PUBLIC_CODES:
        assert figure in THREE_PUBLIC_FIGURES
        assert figure in measured
        assert all(len(code) == 5 and code[:3] in ("302", "309", "310") for code in codes)


def test_every_overview_figure_is_compared_with_the_summary_line_of_its_name() -> None:
    # R67 compares the overview's figures with 收入支出决算总表: all of them, and nothing else.
    from budgetacct.auditing.rules.table_agreement import _OVERVIEW_CELLS
    from budgetacct.model.tables import Line

    assert [(name, cell.key) for name, cell in _OVERVIEW_CELLS] == [
        ("revenue_grand_total", Line.REVENUE_GRAND_TOTAL),
        ("expenditure_grand_total", Line.EXPENDITURE_GRAND_TOTAL),
        ("non_fiscal_balance_used", Line.NON_FISCAL_BALANCE_USED),
        ("opening_balance", Line.OPENING_BALANCE),
        ("surplus_distribution", Line.SURPLUS_DISTRIBUTION),
        ("closing_balance", Line.CLOSING_BALANCE),
    ]


def test_an_identity_without_both_sides_is_refused() -> None:
    with pytest.raises(ValueError, match="not an identity"):
        parse_identity("$.fiscal.grand_total + $.fiscal.revenue_total")
