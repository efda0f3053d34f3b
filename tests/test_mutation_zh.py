"""render.zh behaviour pinned down by mutation testing (docs/mutation.md).

The bilingual "expected …" messages are user-facing: every kind of refusal is checked once for
its path, the value found and both wordings.  The other tests make sure that arguments are passed
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
STYLE_ZH, STYLE_EN = "数字格式（NumberStyle）", "a NumberStyle"
AMOUNT_ZH, AMOUNT_EN = "金额（Amount）", "an Amount"
CHANGE_ZH, CHANGE_EN = "增减变化（Change）", "a Change"
YEAR_ZH, YEAR_EN = "四位数的年份（如 2020）", "a four-digit year such as 2020"
BOOL_ZH, BOOL_EN = "True 或 False", "True or False"
PLACES_ZH, PLACES_EN = "0到12之间的小数位数", "a number of places from 0 to 12"

# (call, path, found, expected_zh, expected_en): one row per kind of refusal and argument.
REFUSALS: list[tuple[Callable[[], object], str, object, str, str]] = [
    (lambda: format_amount(Decimal(1)), "$.amount", Decimal(1), AMOUNT_ZH, AMOUNT_EN),  # type: ignore[arg-type]
    (lambda: format_amount(Amount(1), "prose"), "$.style", "prose", STYLE_ZH, STYLE_EN),  # type: ignore[arg-type]
    (lambda: change_phrase(DROP, style="prose"), "$.style", "prose", STYLE_ZH, STYLE_EN),  # type: ignore[arg-type]
    (lambda: format_amount(Amount(1), with_unit=1), "$.with_unit", 1, BOOL_ZH, BOOL_EN),  # type: ignore[arg-type]
    (lambda: format_percent(Percent(1), trim_zeros=0), "$.trim_zeros", 0, BOOL_ZH, BOOL_EN),  # type: ignore[arg-type]
    (lambda: NumberStyle(grouping=None), "$.grouping", None, BOOL_ZH, BOOL_EN),  # type: ignore[arg-type]
    (lambda: format_percent(Amount(1)), "$.p", Amount(1), "百分比（Percent）", "a Percent"),  # type: ignore[arg-type]
    (lambda: format_percent(Percent(1), places=13), "$.places", 13, PLACES_ZH, PLACES_EN),
    (lambda: NumberStyle(places=True), "$.places", True, PLACES_ZH, PLACES_EN),
    (
        lambda: format_percent(Percent(1), locale=5),  # type: ignore[arg-type]
        "$.locale",
        5,
        "语言区域名称（如 zh_CN、en）",
        "a locale name such as zh_CN or en",
    ),
    (
        lambda: format_percent(Percent(1), locale="??"),
        "$.locale",
        "??",
        "babel认识的语言区域（如 zh_CN、en）",
        "a locale babel knows (such as zh_CN or en)",
    ),
    (lambda: NumberStyle(unit="万元"), "$.unit", "万元", "金额单位（Unit）", "a Unit"),  # type: ignore[arg-type]
    (lambda: change_phrase(DROP.current), "$.change", DROP.current, CHANGE_ZH, CHANGE_EN),  # type: ignore[arg-type]
    (lambda: yoy_phrase(1, prior_year=2020), "$.change", 1, CHANGE_ZH, CHANGE_EN),  # type: ignore[arg-type]
    (lambda: yoy_sentence("x", 1, prior_year=2020), "$.change", 1, CHANGE_ZH, CHANGE_EN),  # type: ignore[arg-type]
    (lambda: flat_phrase(999), "$.prior_year", 999, YEAR_ZH, YEAR_EN),
    (lambda: flat_phrase(10000), "$.prior_year", 10000, YEAR_ZH, YEAR_EN),
    (lambda: yoy_phrase(DROP, prior_year=True), "$.prior_year", True, YEAR_ZH, YEAR_EN),
    (lambda: yoy_sentence(" ", DROP, prior_year=2020), "$.subject", " ", "非空文字", "non-empty text"),
    (lambda: share_of_phrase(1, Percent(1)), "$.base_label", 1, "非空文字", "non-empty text"),  # type: ignore[arg-type]
    (lambda: completion_phrase(Amount(1), 1), "$.budget", 1, AMOUNT_ZH, AMOUNT_EN),  # type: ignore[arg-type]
    (
        lambda: completion_phrase(Amount(1), Amount("0.0")),
        "$.budget",
        "0.0",
        "非零的预算数",
        "a non-zero budget",
    ),
    (lambda: budget_comparison_phrase("1", Amount(1)), "$.actual", "1", AMOUNT_ZH, AMOUNT_EN),  # type: ignore[arg-type]
    (
        lambda: rmb_uppercase(Amount(1), ending="圆"),  # type: ignore[arg-type]
        "$.ending",
        "圆",
        "结尾字“整”或“正”",
        "the ending '整' or '正'",
    ),
]


@pytest.mark.parametrize(("call", "path", "found", "expected_zh", "expected_en"), REFUSALS)
def test_every_refusal_says_where_what_and_what_was_expected(
    call: Callable[[], object], path: str, found: object, expected_zh: str, expected_en: str
) -> None:
    with pytest.raises(InvalidValue) as info:
        call()
    err = info.value
    assert (err.path, err.found) == (path, found)
    assert (err.expected_zh, err.expected_en) == (expected_zh, expected_en)


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
