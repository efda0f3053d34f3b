"""render.zh behaviour pinned down by mutation testing (docs/mutation.md).

The bilingual "expected …" messages are user-facing: every kind of refusal is checked once for
its path and the value found, and both wordings against the reviewed snapshot
``tests/__snapshots__/test_mutation_zh.ambr`` (``pytest --snapshot-update`` after rewording one).  The other tests make sure that arguments are passed
through (places, trim_zeros, locale, rate_places) and cover two rules of 人民币大写 and the
lower-casing of English subjects that the golden tests leave open.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest

from budgetacct import Amount, Change, InvalidValue, Percent
from budgetacct.render.zh import (
    NumberStyle,
    budget_comparison_phrase,
    change_phrase,
    completion_phrase,
    flat_phrase,
    format_amount,
    format_percent,
    rmb_uppercase,
    share_of_phrase,
    share_phrase,
    yoy_phrase,
    yoy_sentence,
)

DROP = Change(Amount("894"), Amount("874.63"))
# (call, path, found): one row per kind of refusal and argument; what each expected, in both
# languages, is in tests/__snapshots__/test_mutation_zh.ambr.
REFUSALS = [
    pytest.param(lambda: format_amount(Decimal(1)), "$.amount", Decimal(1), id="format_amount-not-an-amount"),  # type: ignore[arg-type]
    pytest.param(lambda: format_amount(Amount(1), "prose"), "$.style", "prose", id="format_amount-style"),  # type: ignore[arg-type]
    pytest.param(lambda: change_phrase(DROP, style="prose"), "$.style", "prose", id="change_phrase-style"),  # type: ignore[arg-type]
    pytest.param(
        lambda: format_amount(Amount(1), with_unit=1), "$.with_unit", 1, id="format_amount-with_unit"
    ),  # type: ignore[arg-type]
    pytest.param(
        lambda: format_percent(Percent(1), trim_zeros=0),  # type: ignore[arg-type]
        "$.trim_zeros",
        0,
        id="format_percent-trim_zeros",
    ),
    pytest.param(lambda: NumberStyle(grouping=None), "$.grouping", None, id="NumberStyle-grouping"),  # type: ignore[arg-type]
    pytest.param(lambda: format_percent(Amount(1)), "$.p", Amount(1), id="format_percent-not-a-percent"),  # type: ignore[arg-type]
    pytest.param(lambda: format_percent(Percent(1), places=13), "$.places", 13, id="format_percent-places"),
    pytest.param(lambda: NumberStyle(places=True), "$.places", True, id="NumberStyle-places"),
    pytest.param(
        lambda: format_percent(Percent(1), locale=5), "$.locale", 5, id="format_percent-locale-type"
    ),  # type: ignore[arg-type]
    pytest.param(
        lambda: format_percent(Percent(1), locale="??"), "$.locale", "??", id="format_percent-locale-unknown"
    ),
    pytest.param(lambda: NumberStyle(unit="万元"), "$.unit", "万元", id="NumberStyle-unit"),  # type: ignore[arg-type]
    pytest.param(lambda: change_phrase(DROP.current), "$.change", DROP.current, id="change_phrase-change"),  # type: ignore[arg-type]
    pytest.param(lambda: yoy_phrase(1, prior_year=2020), "$.change", 1, id="yoy_phrase-change"),  # type: ignore[arg-type]
    pytest.param(lambda: yoy_sentence("x", 1, prior_year=2020), "$.change", 1, id="yoy_sentence-change"),  # type: ignore[arg-type]
    pytest.param(lambda: flat_phrase(999), "$.prior_year", 999, id="flat_phrase-year-999"),
    pytest.param(lambda: flat_phrase(10000), "$.prior_year", 10000, id="flat_phrase-year-10000"),
    pytest.param(lambda: yoy_phrase(DROP, prior_year=True), "$.prior_year", True, id="yoy_phrase-year-bool"),
    pytest.param(
        lambda: yoy_sentence(" ", DROP, prior_year=2020), "$.subject", " ", id="yoy_sentence-blank-subject"
    ),
    pytest.param(lambda: share_of_phrase(1, Percent(1)), "$.base_label", 1, id="share_of_phrase-base_label"),  # type: ignore[arg-type]
    pytest.param(lambda: completion_phrase(Amount(1), 1), "$.budget", 1, id="completion_phrase-budget"),  # type: ignore[arg-type]
    pytest.param(
        lambda: completion_phrase(Amount(1), Amount("0.0")),
        "$.budget",
        "0.0",
        id="completion_phrase-zero-budget",
    ),
    pytest.param(
        lambda: budget_comparison_phrase("1", Amount(1)),  # type: ignore[arg-type]
        "$.actual",
        "1",
        id="budget_comparison_phrase-actual",
    ),
    pytest.param(lambda: rmb_uppercase(Amount(1), ending="圆"), "$.ending", "圆", id="rmb_uppercase-ending"),  # type: ignore[arg-type]
]


@pytest.mark.parametrize(("call", "path", "found"), REFUSALS)
def test_every_refusal_says_where_what_and_what_was_expected(
    call: Callable[[], object], path: str, found: object, messages: Callable[..., None]
) -> None:
    with pytest.raises(InvalidValue) as info:
        call()
    err = info.value
    assert (err.path, err.found) == (path, found)
    messages(err)


def test_defaults_are_chinese() -> None:
    assert budget_comparison_phrase(Amount(1), Amount("1.0")) == "决算数与预算数持平"
    assert budget_comparison_phrase(Amount(2), Amount(1)) == "决算数大于预算数"
    assert flat_phrase(2020) == "与2020年持平"
    assert format_percent(Percent("1.50")) == "1.5%"
    assert share_phrase(Percent("10.50")) == "占10.5%"
    assert share_of_phrase("本年支出合计", Percent("89.544")) == "占本年支出合计的89.54%"
    assert completion_phrase(Amount(44), Amount(48)) == "完成预算91.67%"


def test_places_trim_zeros_and_locale_are_passed_through() -> None:
    # de_DE writes a decimal comma: the locale reaches babel; the words stay Chinese.
    assert completion_phrase(Amount(44), Amount(48), locale="de_DE") == "完成预算91,67%"
    assert share_phrase(Percent("88.956"), places=1) == "占89%"
    assert share_phrase(Percent("88.96"), locale="de_DE") == "占88,96%"
    assert share_of_phrase("X", Percent("10.5"), places=1, trim_zeros=False, locale="de_DE") == "占X的10,5%"
    assert share_of_phrase("X", Percent("10.5"), places=3, trim_zeros=False) == "占X的10.500%"
    assert change_phrase(DROP, style=NumberStyle(locale="de_DE")) == "减少19,37万元，下降2,17%"


def test_rate_places_reach_the_rate() -> None:
    assert yoy_phrase(DROP, prior_year=2020, rate_places=1) == "比2020年减少19.37万元，下降2.2%"
    assert (
        yoy_sentence("支出", DROP, prior_year=2020, rate_places=1)
        == "与2020年相比，支出减少19.37万元，下降2.2%"
    )
    assert (
        yoy_sentence("Spending", DROP, prior_year=2020, rate_places=0, locale="en")
        == "Compared with 2020, spending: decrease of 19.37 (10,000 yuan), down 2%"
    )


@pytest.mark.parametrize(
    ("subject", "written"),
    [("Ab", "ab"), ("AbC", "abC"), ("GDP", "GDP"), ("X", "X"), ("x", "x")],
)
def test_english_subjects_are_lower_cased_unless_acronyms(subject: str, written: str) -> None:
    assert yoy_sentence(subject, DROP, prior_year=2020, locale="en") == (
        f"Compared with 2020, {written}: decrease of 19.37 (10,000 yuan), down 2.17%"
    )


@pytest.mark.parametrize(
    ("yuan", "words"),
    [
        # a 万 group whose lower part starts with a zero bridges it with one 零 (909…999 included)
        (10950, "壹万零玖佰伍拾元整"),
        (10909, "壹万零玖佰零玖元整"),
        (11000, "壹万壹仟元整"),
        # one 零 for a run of inner zeros, then the digits go on without another 零
        (1011, "壹仟零壹拾壹元整"),
        (100111, "壹拾万零壹佰壹拾壹元整"),
    ],
)
def test_rmb_uppercase_zeros(yuan: int, words: str) -> None:
    assert rmb_uppercase(Amount.from_yuan(yuan)) == words
