"""Paths of the publisher and of the checker that an exact audit takes (model/publish.py,
auditing/check.py): what they compute, stated without the code that computes it."""

from __future__ import annotations

from decimal import Decimal, localcontext

from hypothesis import given
from hypothesis import strategies as st

from budgetacct import Amount, Disclosure
from budgetacct.auditing.check import Checker
from budgetacct.model.publish import _leaves

_CODES = st.from_regex(r"\A2[0-9]{2}([0-9]{2}([0-9]{2})?)?\Z", fullmatch=True)


@given(st.sets(_CODES, max_size=40))
def test_a_leaf_is_a_code_no_other_code_of_the_rows_begins_with(texts: set[str]) -> None:
    rows = {text: [Decimal(i)] for i, text in enumerate(sorted(texts))}
    expected = [
        (code, row)
        for code, row in rows.items()
        if not any(other != code and other.startswith(code) for other in texts)
    ]
    assert _leaves(rows) == expected


def test_the_leaves_of_a_table_are_its_items() -> None:
    rows = {t: [Decimal(1)] for t in ("201", "20101", "2010101", "2010102", "20102", "205")}
    assert [code for code, _ in _leaves(rows)] == ["2010101", "2010102", "20102", "205"]
    assert _leaves({}) == []


_AMOUNTS = st.decimals(min_value=-1000, max_value=10**6, places=2, allow_nan=False, allow_infinity=False)


@given(part=_AMOUNTS, whole=_AMOUNTS)
def test_an_exact_share_is_one_ratio_and_none_without_a_positive_base(part: Decimal, whole: Decimal) -> None:
    checker = Checker(Disclosure(year=2021, department="示例部门"), exact=True)
    bounds = checker.ratio_range(Amount(part), Amount(whole))
    if whole <= 0:
        assert bounds is None
        return
    assert bounds is not None
    low, high = bounds
    with localcontext(prec=40):  # the checker's ratios keep 40 significant digits
        ratio = part * 100 / whole
    # A part below 0 may be no less than nothing: the interval starts at 0.
    assert (low, high) == ((ratio, ratio) if part >= 0 else (0, ratio))


def test_an_exact_sum_allows_nothing_and_a_rounded_one_the_allowance_of_its_parts() -> None:
    d = Disclosure(year=2021, department="示例部门")
    exact, rounded = Checker(d, exact=True), Checker(d, exact=False)
    parts = [Amount("1.25"), Amount("2.5")]
    assert exact.sum_of(parts) == rounded.sum_of(parts) == Amount("3.75")
    assert exact.half(exact.sum_of(parts)) == 0
    assert rounded.half(rounded.sum_of(parts)) == Decimal("0.010")
    # A figure not printed is a zero with no allowance, a fresh one each time.
    nothing = rounded.sum_of(())
    assert nothing == Amount(0) and rounded.half(nothing) == 0
    assert rounded.sum_of(()) is not nothing
