"""render.zh and render.labels: numbers, phrases and 人民币大写 as Chinese officials write them."""

from __future__ import annotations

import decimal
import re
from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from budgetacct import Amount, Change, Direction, InvalidValue, Percent, Unit
from budgetacct.render import (
    LABELS,
    PROSE,
    TABLE,
    NumberStyle,
    budget_comparison_phrase,
    change_phrase,
    completion_phrase,
    flat_phrase,
    format_amount,
    format_percent,
    is_english,
    label,
    rmb_uppercase,
    share_of_phrase,
    share_phrase,
    yoy_phrase,
    yoy_sentence,
)


@st.composite
def amounts(draw: st.DrawFn, max_places: int = 12) -> Amount:
    """Any amount the library accepts: |a| ≤ 10^12 万元 with at most ``max_places`` decimals."""
    places = draw(st.integers(min_value=0, max_value=max_places))
    bound = 10 ** (12 + places)
    return Amount(Decimal(f"{draw(st.integers(min_value=-bound, max_value=bound))}E-{places}"))


@st.composite
def sparse_yuan(draw: st.DrawFn) -> Amount:
    """Amounts in 元 made mostly of zeros, to exercise the 零 rules of 大写."""
    digits = draw(st.lists(st.sampled_from("0000000159"), min_size=1, max_size=18))
    sign = draw(st.sampled_from(["", "-"]))
    return Amount(Decimal(f"{sign}{''.join(digits)}E-6"))


@st.composite
def percents(draw: st.DrawFn) -> Percent:
    places = draw(st.integers(min_value=0, max_value=12))
    bound = 10 ** (12 + places)
    return Percent(Decimal(f"{draw(st.integers(min_value=-bound, max_value=bound))}E-{places}"))


def yuan(text: str) -> Amount:
    return Amount.parse(text + "元")


# --- NumberStyle -------------------------------------------------------------------------------------


def test_ready_styles() -> None:
    assert NumberStyle() == PROSE
    assert (PROSE.places, PROSE.trim_zeros, PROSE.grouping, PROSE.with_unit) == (2, True, False, True)
    assert (TABLE.places, TABLE.trim_zeros, TABLE.grouping, TABLE.with_unit) == (2, False, True, False)
    assert PROSE.unit is TABLE.unit is Unit.WAN_YUAN
    assert PROSE.locale == TABLE.locale == "zh_CN"


def test_styles_are_frozen() -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        PROSE.places = 3  # type: ignore[misc]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("places", -1),
        ("places", 13),
        ("places", True),
        ("places", "2"),
        ("trim_zeros", 1),
        ("grouping", "yes"),
        ("with_unit", None),
        ("unit", "万元"),
        ("locale", "xx_NOPE"),
        ("locale", ""),
        ("locale", 5),
    ],
)
def test_style_refuses_bad_fields(field: str, value: object) -> None:
    with pytest.raises(InvalidValue) as info:
        NumberStyle(**{field: value})  # type: ignore[arg-type]
    assert info.value.path == f"$.{field}"


# --- format_amount -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "style", "expected"),
    [
        ("739", PROSE, "739万元"),
        ("739.00", PROSE, "739万元"),
        ("91.50", PROSE, "91.5万元"),
        ("91.5", PROSE, "91.5万元"),
        ("0.07", PROSE, "0.07万元"),
        ("0", PROSE, "0万元"),
        ("0.00", PROSE, "0万元"),
        ("-0", PROSE, "0万元"),
        ("-0.00", PROSE, "0万元"),
        ("-0.004", PROSE, "0万元"),
        ("874.63", PROSE, "874.63万元"),
        ("874.625", PROSE, "874.63万元"),
        ("874.635", PROSE, "874.64万元"),
        ("0.125", PROSE, "0.13万元"),
        ("-0.125", PROSE, "-0.13万元"),
        ("-19.37", PROSE, "-19.37万元"),
        ("1234567.8", PROSE, "1234567.8万元"),
        ("13.10", PROSE, "13.1万元"),
        ("739", TABLE, "739.00"),
        ("1234.56", TABLE, "1,234.56"),
        ("0", TABLE, "0.00"),
        ("-0", TABLE, "0.00"),
        ("91.5", TABLE, "91.50"),
        ("-1234567.891", TABLE, "-1,234,567.89"),
        ("1.5", NumberStyle(unit=Unit.YUAN), "15000元"),
        ("1.5", NumberStyle(unit=Unit.YUAN, grouping=True), "15,000元"),
        ("0.1234565", NumberStyle(unit=Unit.YUAN, grouping=True), "1,234.57元"),
        ("1.5", NumberStyle(unit=Unit.YI_YUAN), "0亿元"),
        ("1.5", NumberStyle(unit=Unit.YI_YUAN, places=5), "0.00015亿元"),
        ("12345", NumberStyle(unit=Unit.YI_YUAN), "1.23亿元"),
        ("15000", NumberStyle(unit=Unit.YI_YUAN), "1.5亿元"),
        ("1.5", NumberStyle(unit=Unit.YUAN, trim_zeros=False, with_unit=False), "15000.00"),
        ("874.63", NumberStyle(places=0), "875万元"),
        ("874.5", NumberStyle(places=0, trim_zeros=False), "875万元"),
        ("874.63", NumberStyle(places=4, trim_zeros=False), "874.6300万元"),
        ("1000000000000", NumberStyle(grouping=True, unit=Unit.YUAN), "10,000,000,000,000,000元"),
        ("-999999999999.123456789012", NumberStyle(places=12), "-999999999999.123456789012万元"),
        ("12345.678", NumberStyle(locale="de", grouping=True), "12.345,68万元"),
        ("5.05", NumberStyle(locale="en"), "5.05 (10,000 yuan)"),
        ("1.5", NumberStyle(locale="en_US", unit=Unit.YUAN, grouping=True), "15,000 yuan"),
        ("15000", NumberStyle(locale="en", unit=Unit.YI_YUAN), "1.5 (100 million yuan)"),
    ],
)
def test_format_amount(amount: str, style: NumberStyle, expected: str) -> None:
    assert format_amount(Amount(amount), style) == expected


def test_with_unit_overrides_the_style() -> None:
    assert format_amount(Amount("739"), TABLE, with_unit=True) == "739.00万元"
    assert format_amount(Amount("739"), PROSE, with_unit=False) == "739"
    assert format_amount(Amount("739"), PROSE, with_unit=None) == "739万元"


@pytest.mark.parametrize(
    ("call", "path"),
    [
        (lambda: format_amount(Decimal("1")), "$.amount"),  # type: ignore[arg-type]
        (lambda: format_amount("1"), "$.amount"),  # type: ignore[arg-type]
        (lambda: format_amount(Amount("1"), "prose"), "$.style"),  # type: ignore[arg-type]
        (lambda: format_amount(Amount("1"), with_unit=1), "$.with_unit"),  # type: ignore[arg-type]
        (lambda: format_percent(Amount("1")), "$.p"),  # type: ignore[arg-type]
        (lambda: format_percent(Percent("1"), places=-1), "$.places"),
        (lambda: format_percent(Percent("1"), locale="??"), "$.locale"),
        (lambda: change_phrase((Amount(1), Amount(2))), "$.change"),  # type: ignore[arg-type]
        (lambda: change_phrase(Change(Amount(1), Amount(2)), rate_places=20), "$.rate_places"),
        (lambda: flat_phrase("2020"), "$.prior_year"),  # type: ignore[arg-type]
        (lambda: flat_phrase(20), "$.prior_year"),
        (lambda: yoy_sentence("", Change(Amount(1), Amount(2)), prior_year=2020), "$.subject"),
        (lambda: yoy_sentence("x", Change(Amount(1), Amount(2)), prior_year=2020, each=1), "$.each"),  # type: ignore[arg-type]
        (lambda: share_of_phrase("  ", Percent(1)), "$.base_label"),
        (lambda: completion_phrase(Amount(1), Amount(0)), "$.budget"),
        (lambda: completion_phrase(Amount(1), Amount("0.000")), "$.budget"),
        (lambda: completion_phrase(1, Amount(1)), "$.actual"),  # type: ignore[arg-type]
        (lambda: budget_comparison_phrase(Amount(1), 1), "$.budget"),  # type: ignore[arg-type]
        (lambda: rmb_uppercase(Amount(1), ending="圆"), "$.ending"),  # type: ignore[arg-type]
        (lambda: rmb_uppercase(Decimal(1)), "$.amount"),  # type: ignore[arg-type]
    ],
)
def test_bad_arguments_raise_invalid_value(call: object, path: str) -> None:
    assert callable(call)
    with pytest.raises(InvalidValue) as info:
        call()
    assert info.value.path == path


def test_the_global_decimal_context_is_neither_needed_nor_changed() -> None:
    # Inputs are built first: only the rendering itself runs under the hostile context.
    small, huge, nearly_max = Amount("123456789.125"), Amount("1000000000000"), Amount("999999999999.999999")
    rate, drop, yuan_style = (
        Percent("12345.675"),
        Change(Amount("894"), Amount("874.63")),
        NumberStyle(unit=Unit.YUAN, places=12),
    )
    with decimal.localcontext() as ctx:
        ctx.prec = 3
        ctx.rounding = decimal.ROUND_DOWN
        ctx.traps[decimal.Inexact] = True
        ctx.clear_flags()
        assert format_amount(small, TABLE) == "123,456,789.13"
        assert format_amount(huge, yuan_style) == "10000000000000000元"
        assert format_percent(rate) == "12345.68%"
        assert change_phrase(drop) == "减少19.37万元，下降2.17%"
        assert completion_phrase(small, huge) == "完成预算0.01%"
        assert rmb_uppercase(nearly_max) == (
            "玖仟玖佰玖拾玖万玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"
        )
        assert decimal.getcontext() is ctx
        assert (ctx.prec, ctx.rounding, ctx.traps[decimal.Inexact]) == (3, decimal.ROUND_DOWN, True)
        assert not any(ctx.flags.values())


@given(amounts())
def test_prose_and_table_parse_back_to_the_rounded_amount(a: Amount) -> None:
    assert Amount.parse(format_amount(a, PROSE)) == a.rounded(2)
    assert Amount.parse(format_amount(a, TABLE)) == a.rounded(2)


@given(amounts())
def test_yuan_rounds_to_fen_like_amount_rounded(a: Amount) -> None:
    style = NumberStyle(unit=Unit.YUAN, grouping=True)
    assert Amount.parse(format_amount(a, style)) == a.rounded(6)
    table = attrs.evolve(TABLE, unit=Unit.YUAN)
    assert Amount.parse(format_amount(a, table), default_unit=Unit.YUAN) == a.rounded(6)


@given(amounts(), st.integers(min_value=0, max_value=12))
def test_prose_never_ends_in_a_zero_decimal_and_table_keeps_all_places(a: Amount, places: int) -> None:
    prose = format_amount(a, NumberStyle(places=places, with_unit=False))
    assert not re.search(r"\.\d*0$", prose)
    assert not prose.endswith(".")
    table = format_amount(a, attrs.evolve(TABLE, places=places))
    assert len(table.partition(".")[2]) == places


# --- format_percent ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "kwargs", "expected"),
    [
        ("88.96", {}, "88.96%"),
        ("7.30", {}, "7.3%"),
        ("7.3", {}, "7.3%"),
        ("100", {}, "100%"),
        ("100.00", {}, "100%"),
        ("0", {}, "0%"),
        ("0.00", {}, "0%"),
        ("-0.001", {}, "0%"),
        ("0.005", {}, "0.01%"),
        ("2.165", {}, "2.17%"),
        ("-2.165", {}, "-2.17%"),
        ("1234.5", {}, "1234.5%"),
        ("7.30", {"trim_zeros": False}, "7.30%"),
        ("100", {"trim_zeros": False}, "100.00%"),
        ("0", {"trim_zeros": False}, "0.00%"),
        ("88.956", {"places": 1}, "89%"),
        ("88.956", {"places": 1, "trim_zeros": False}, "89.0%"),
        ("88.95", {"places": 0}, "89%"),
        ("7.3", {"locale": "en"}, "7.3%"),
    ],
)
def test_format_percent(value: str, kwargs: dict[str, object], expected: str) -> None:
    assert format_percent(Percent(value), **kwargs) == expected  # type: ignore[arg-type]


@given(percents(), st.integers(min_value=0, max_value=6), st.booleans())
def test_percent_text_parses_back(p: Percent, places: int, trim: bool) -> None:
    text = format_percent(p, places=places, trim_zeros=trim)
    assert text.endswith("%")
    assert Percent.parse(text) == p.rounded(places)


# --- change, year-on-year, share, completion ----------------------------------------------------------


def change(previous: str, current: str) -> Change:
    return Change(Amount(previous), Amount(current))


@pytest.mark.parametrize(
    ("previous", "current", "kwargs", "expected"),
    [
        ("69.22", "74.27", {}, "增加5.05万元，增长7.3%"),
        ("894", "874.63", {}, "减少19.37万元，下降2.17%"),
        ("893.16", "874.5", {}, "减少18.66万元，下降2.09%"),
        ("797.02", "783", {}, "减少14.02万元，下降1.76%"),
        ("0.07", "0.07", {}, "持平"),
        ("0.07", "0.0700", {}, "持平"),
        ("0", "0", {}, "持平"),
        ("0", "5", {}, "增加5万元"),
        ("0", "-5", {}, "减少5万元"),
        ("10", "20", {}, "增加10万元，增长100%"),
        ("10", "0", {}, "减少10万元，下降100%"),
        ("-10", "-5", {}, "增加5万元，增长50%"),
        ("100", "100.005", {}, "增加0.01万元，增长0.01%"),
        ("3", "4", {}, "增加1万元，增长33.33%"),
        ("3", "4", {"rate_places": 1}, "增加1万元，增长33.3%"),
        ("894", "874.63", {"style": TABLE}, "减少19.37，下降2.17%"),
        ("69.22", "74.27", {"style": NumberStyle(trim_zeros=False)}, "增加5.05万元，增长7.30%"),
        ("1", "2.5", {"style": NumberStyle(unit=Unit.YUAN, grouping=True)}, "增加15,000元，增长150%"),
        ("69.22", "74.27", {"locale": "en"}, "increase of 5.05 (10,000 yuan), up 7.3%"),
        ("894", "874.63", {"locale": "en"}, "decrease of 19.37 (10,000 yuan), down 2.17%"),
        ("0", "5", {"locale": "en"}, "increase of 5 (10,000 yuan)"),
        ("5", "5", {"locale": "en_GB"}, "unchanged"),
        ("69.22", "74.27", {"style": NumberStyle(locale="en")}, "increase of 5.05 (10,000 yuan), up 7.3%"),
        ("69.22", "74.27", {"style": NumberStyle(locale="en"), "locale": "zh_CN"}, "增加5.05万元，增长7.3%"),
    ],
)
def test_change_phrase(previous: str, current: str, kwargs: dict[str, object], expected: str) -> None:
    assert change_phrase(change(previous, current), **kwargs) == expected  # type: ignore[arg-type]


@given(amounts(max_places=6), amounts(max_places=6))
def test_change_phrase_words_follow_the_sign(previous: Amount, current: Amount) -> None:
    text = change_phrase(Change(previous, current))
    difference = current - previous
    if difference.is_zero():
        assert text == "持平"
        return
    word, rate_word = ("增加", "增长") if difference.value > 0 else ("减少", "下降")
    assert text.startswith(word)
    assert "-" not in text
    if previous.is_zero():
        assert "%" not in text
    else:
        assert f"，{rate_word}" in text
        assert text.endswith("%")
    english = change_phrase(Change(previous, current), locale="en")
    assert english.startswith("increase of " if difference.value > 0 else "decrease of ")


@pytest.mark.parametrize(
    ("subject", "previous", "current", "kwargs", "expected"),
    [
        ("收、支总计", "894", "874.63", {"each": True}, "与2020年相比，收、支总计各减少19.37万元，下降2.17%"),
        (
            "财政拨款收、支总计",
            "893.16",
            "874.5",
            {"each": True},
            "与2020年相比，财政拨款收、支总计各减少18.66万元，下降2.09%",
        ),
        (
            "一般公共预算财政拨款支出",
            "797.02",
            "783",
            {},
            "与2020年相比，一般公共预算财政拨款支出减少14.02万元，下降1.76%",
        ),
        ("收、支总计", "800", "874.63", {"each": True}, "与2020年相比，收、支总计各增加74.63万元，增长9.33%"),
        ("因公出国（境）支出决算", "0", "0", {}, "因公出国（境）支出决算与2020年持平"),
        ("收、支总计", "1", "1", {"each": True}, "收、支总计均与2020年持平"),
        ("上级补助收入", "0", "3", {}, "与2020年相比，上级补助收入增加3万元"),
        (
            "收、支总计",
            "894",
            "874.63",
            {"each": True, "locale": "en"},
            "Compared with 2020, total revenue and expenditure each: decrease of 19.37 (10,000 yuan), down 2.17%",
        ),
        (
            "机关运行经费",
            "69.22",
            "74.27",
            {"locale": "en"},
            "Compared with 2020, agency operating expenses: increase of 5.05 (10,000 yuan), up 7.3%",
        ),
        ("机关运行经费", "1", "1", {"locale": "en"}, "Agency operating expenses: unchanged from 2020"),
        ("未收录的主语", "1", "1", {"locale": "en", "each": True}, "未收录的主语 each: unchanged from 2020"),
    ],
)
def test_yoy_sentence(
    subject: str, previous: str, current: str, kwargs: dict[str, object], expected: str
) -> None:
    assert yoy_sentence(subject, change(previous, current), prior_year=2020, **kwargs) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("previous", "current", "locale", "expected"),
    [
        ("69.22", "74.27", "zh_CN", "比2020年增加5.05万元，增长7.3%"),
        ("894", "874.63", "zh_CN", "比2020年减少19.37万元，下降2.17%"),
        ("0", "0", "zh_CN", "与2020年持平"),
        ("69.22", "74.27", "en", "compared with 2020, increase of 5.05 (10,000 yuan), up 7.3%"),
        ("7", "7", "en", "unchanged from 2020"),
    ],
)
def test_yoy_phrase(previous: str, current: str, locale: str, expected: str) -> None:
    assert yoy_phrase(change(previous, current), prior_year=2020, locale=locale) == expected


def test_the_seed_sentence_composes() -> None:
    total = Amount("874.63")
    sentence = (
        f"2021年度收、支总计{format_amount(total)}，"
        + yoy_sentence("收、支总计", Change(Amount("894"), total), prior_year=2020, each=True)
        + "。"
    )
    assert sentence == "2021年度收、支总计874.63万元，与2020年相比，收、支总计各减少19.37万元，下降2.17%。"
    line = f"机关运行经费支出{format_amount(Amount('74.27'))}，" + yoy_phrase(
        change("69.22", "74.27"), prior_year=2020
    )
    assert line == "机关运行经费支出74.27万元，比2020年增加5.05万元，增长7.3%"


@pytest.mark.parametrize(
    ("year", "locale", "expected"),
    [(2020, "zh_CN", "与2020年持平"), (2021, "zh", "与2021年持平"), (2020, "en", "unchanged from 2020")],
)
def test_flat_phrase(year: int, locale: str, expected: str) -> None:
    assert flat_phrase(year, locale=locale) == expected


@pytest.mark.parametrize(
    ("value", "kwargs", "expected"),
    [
        ("88.96", {}, "占88.96%"),
        ("11.02", {}, "占11.02%"),
        ("0.02", {}, "占0.02%"),
        ("0", {}, "占0%"),
        ("10.50", {}, "占10.5%"),
        ("100", {}, "占100%"),
        ("10.5", {"trim_zeros": False}, "占10.50%"),
        ("88.96", {"locale": "en"}, "accounting for 88.96%"),
    ],
)
def test_share_phrase(value: str, kwargs: dict[str, object], expected: str) -> None:
    assert share_phrase(Percent(value), **kwargs) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("base", "value", "locale", "expected"),
    [
        ("本年支出合计", "89.54", "zh_CN", "占本年支出合计的89.54%"),
        ("本年收入合计", "88.960", "zh_CN", "占本年收入合计的88.96%"),
        ("本年支出合计", "89.54", "en", "accounting for 89.54% of total expenditure for the year"),
        ("某合计", "10", "en", "accounting for 10% of 某合计"),
    ],
)
def test_share_of_phrase(base: str, value: str, locale: str, expected: str) -> None:
    assert share_of_phrase(base, Percent(value), locale=locale) == expected


@pytest.mark.parametrize(
    ("actual", "budget", "kwargs", "expected"),
    [
        ("783", "783", {}, "完成预算100%"),
        ("0.07", "0.07", {}, "完成预算100%"),
        ("423.59", "423.590", {}, "完成预算100%"),
        ("44", "48", {}, "完成预算91.67%"),
        ("1", "8", {}, "完成预算12.5%"),
        ("1", "3", {}, "完成预算33.33%"),
        ("2", "3", {}, "完成预算66.67%"),
        ("0", "5", {}, "完成预算0%"),
        ("120", "100", {}, "完成预算120%"),
        ("1", "8", {"trim_zeros": False}, "完成预算12.50%"),
        ("2", "3", {"places": 1}, "完成预算66.7%"),
        ("783", "783", {"locale": "en"}, "completed 100% of the budget"),
    ],
)
def test_completion_phrase(actual: str, budget: str, kwargs: dict[str, object], expected: str) -> None:
    assert completion_phrase(Amount(actual), Amount(budget), **kwargs) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("actual", "budget", "locale", "expected"),
    [
        ("0.07", "0.07", "zh_CN", "决算数与预算数持平"),
        ("783", "783.00", "zh_CN", "决算数与预算数持平"),
        ("48", "44", "zh_CN", "决算数大于预算数"),
        ("44", "48", "zh_CN", "决算数小于预算数"),
        ("0", "0", "zh_CN", "决算数与预算数持平"),
        ("1", "1", "en", "the final figure equals the budget"),
        ("2", "1", "en", "the final figure is above the budget"),
        ("1", "2", "en", "the final figure is below the budget"),
    ],
)
def test_budget_comparison_phrase(actual: str, budget: str, locale: str, expected: str) -> None:
    assert budget_comparison_phrase(Amount(actual), Amount(budget), locale=locale) == expected


# --- 人民币大写 ----------------------------------------------------------------------------------------

UPPERCASE_CASES = [
    # amount in 元, expected
    ("0", "零元整"),
    ("0.00", "零元整"),
    ("0.05", "伍分"),
    ("0.5", "伍角"),
    ("0.15", "壹角伍分"),
    ("1", "壹元整"),
    ("1.01", "壹元零壹分"),
    ("1.10", "壹元壹角"),
    ("10", "壹拾元整"),
    ("10.10", "壹拾元零壹角"),
    ("10.01", "壹拾元零壹分"),
    ("16", "壹拾陆元整"),
    ("100", "壹佰元整"),
    ("105", "壹佰零伍元整"),
    ("110", "壹佰壹拾元整"),
    ("325.04", "叁佰贰拾伍元零肆分"),
    ("1000.50", "壹仟元零伍角"),
    ("1001", "壹仟零壹元整"),
    ("1409.50", "壹仟肆佰零玖元伍角"),
    ("6007.14", "陆仟零柒元壹角肆分"),
    ("1680.32", "壹仟陆佰捌拾元零叁角贰分"),
    ("1680.02", "壹仟陆佰捌拾元零贰分"),
    ("16409.02", "壹万陆仟肆佰零玖元零贰分"),
    ("107000.53", "壹拾万柒仟元零伍角叁分"),
    ("100000", "壹拾万元整"),
    ("100700", "壹拾万零柒佰元整"),
    ("1000010", "壹佰万零壹拾元整"),
    ("10000000", "壹仟万元整"),
    ("10001000", "壹仟万壹仟元整"),
    ("100000000", "壹亿元整"),
    ("100000001", "壹亿零壹元整"),
    ("100010000", "壹亿零壹万元整"),
    ("1000001000", "壹拾亿零壹仟元整"),
    ("1010000000", "壹拾亿壹仟万元整"),
    ("2003000000", "贰拾亿零叁佰万元整"),
    ("8746300", "捌佰柒拾肆万陆仟叁佰元整"),
    ("1000000000000", "壹万亿元整"),
    ("1234500000000", "壹万贰仟叁佰肆拾伍亿元整"),
    ("1000000010000", "壹万亿零壹万元整"),
    ("100010000000000", "壹佰万零壹佰亿元整"),
    ("10000000000000000", "壹亿亿元整"),
    ("9999999999999999.99", "玖仟玖佰玖拾玖万玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"),
    ("-5.05", "负伍元零伍分"),
    ("-0.5", "负伍角"),
    ("0.005", "壹分"),
    ("0.0049", "零元整"),
    ("-0.004", "零元整"),
    ("-0.005", "负壹分"),
    ("9.995", "壹拾元整"),
]


@pytest.mark.parametrize(("amount", "expected"), UPPERCASE_CASES)
def test_rmb_uppercase_golden(amount: str, expected: str) -> None:
    assert rmb_uppercase(yuan(amount)) == expected


def test_rmb_uppercase_takes_wan_yuan_and_other_ending() -> None:
    assert rmb_uppercase(Amount("874.63")) == "捌佰柒拾肆万陆仟叁佰元整"
    assert rmb_uppercase(Amount("0.000001")) == "壹分"
    assert rmb_uppercase(Amount("1000000000000")) == "壹亿亿元整"
    assert rmb_uppercase(yuan("10"), ending="正") == "壹拾元正"
    assert rmb_uppercase(yuan("0"), ending="正") == "零元正"
    assert rmb_uppercase(yuan("0.5"), ending="正") == "伍角"


_VALUES = {c: i for i, c in enumerate("零壹贰叁肆伍陆柒捌玖")}
_SMALL = {"拾": 10, "佰": 100, "仟": 1000}
ALLOWED = set("零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整负")


def read_uppercase(text: str) -> int:
    """An independent reader of 大写 amounts, giving 分."""
    sign = -1 if text.startswith("负") else 1
    total = section = digit = fen = 0
    for char in text.removeprefix("负"):
        if char in _VALUES:
            digit = _VALUES[char]
        elif char in _SMALL:
            section += digit * _SMALL[char]
            digit = 0
        elif char == "万":
            section = (section + digit) * 10**4
            digit = 0
        elif char == "亿":
            total = (total + section + digit) * 10**8
            section = digit = 0
        elif char == "元":
            fen += (total + section + digit) * 100
            total = section = digit = 0
        elif char == "角":
            fen += digit * 10
            digit = 0
        elif char == "分":
            fen += digit
            digit = 0
    return sign * fen


@pytest.mark.parametrize(("amount", "expected"), UPPERCASE_CASES)
def test_the_reader_agrees_with_the_golden_table(amount: str, expected: str) -> None:
    assert read_uppercase(expected) == int(yuan(amount).rounded(6).value.scaleb(6))


@given(st.one_of(amounts(max_places=6), amounts(), sparse_yuan()))
def test_rmb_uppercase_is_well_formed_and_exact(a: Amount) -> None:
    text = rmb_uppercase(a)
    assert set(text) <= ALLOWED
    fen = int(a.rounded(6).value.scaleb(6))
    assert read_uppercase(text) == fen
    assert text.startswith("负") == (fen < 0)
    assert "零零" not in text
    assert not re.search(r"零[万亿元角分整]", text) or text == "零元整"
    assert text.endswith("整") == (fen % 100 == 0)
    assert text.endswith(("整", "角", "分"))
    assert not re.search(r"(^|[^壹贰叁肆伍陆柒捌玖])[拾佰仟角分]", text), "a non-zero digit before each unit"


# --- labels -------------------------------------------------------------------------------------------

REQUIRED_LABELS = [
    "收入总计",
    "本年收入合计",
    "一般公共预算财政拨款收入",
    "政府性基金预算财政拨款收入",
    "国有资本经营预算财政拨款收入",
    "上级补助收入",
    "事业收入",
    "经营收入",
    "附属单位上缴收入",
    "其他收入",
    "使用非财政拨款结余",
    "年初结转和结余",
    "本年支出合计",
    "基本支出",
    "项目支出",
    "上缴上级支出",
    "经营支出",
    "对附属单位补助支出",
    "结余分配",
    "年末结转和结余",
    "人员经费",
    "公用经费",
    "“三公”经费",
    "因公出国（境）费",
    "公务用车购置及运行维护费",
    "公务用车购置费",
    "公务用车运行维护费",
    "公务接待费",
    "国内公务接待费",
    "外事接待费",
    "机关运行经费",
    "政府采购",
    "货物",
    "工程",
    "服务",
    "类",
    "款",
    "项",
    "预算数",
    "决算数",
    "完成预算",
]


def test_the_dictionary_covers_the_standard_labels() -> None:
    assert len(LABELS) >= 60
    missing = [zh for zh in REQUIRED_LABELS if zh not in LABELS]
    assert not missing
    assert len(set(LABELS.values())) >= len(LABELS) - 2  # 项目/项 share "Item"
    for zh, en in LABELS.items():
        assert zh.strip() == zh
        assert en.strip() == en
        assert en.isascii()


@pytest.mark.parametrize(
    ("text", "locale", "expected"),
    [
        ("收入总计", "en", "Total revenue"),
        ("收入总计", "en_US", "Total revenue"),
        ("收入总计", "en-GB", "Total revenue"),
        ("收入总计", "zh_CN", "收入总计"),
        ("收入总计", "zh", "收入总计"),
        ("收入总计", "de", "收入总计"),
        ("“三公”经费", "en", '"Three public" expenses'),
        ('"三公"经费', "en", '"Three public" expenses'),
        ("三公经费", "en", '"Three public" expenses'),
        ("因公出国(境)费", "en", "Official overseas (outbound) travel"),
        (" 基本支出 ", "en", "Basic expenditure"),
        ("项", "en", "Item"),
        ("未知标签", "en", "未知标签"),
        ("未知标签", "zh_CN", "未知标签"),
        ("", "en", ""),
    ],
)
def test_label(text: str, locale: str, expected: str) -> None:
    assert label(text, locale) == expected


@given(st.text(), st.text())
def test_label_never_raises(text: str, locale: str) -> None:
    result = label(text, locale)
    assert result == text or result in LABELS.values()


@pytest.mark.parametrize(
    ("locale", "expected"),
    [("en", True), ("EN_us", True), ("en-GB", True), ("zh_CN", False), ("eng", False), ("", False)],
)
def test_is_english(locale: str, expected: bool) -> None:
    assert is_english(locale) is expected


def test_direction_words_come_from_the_money_module() -> None:
    assert change_phrase(change("1", "2")).startswith(Direction.INCREASE.value)
    assert change_phrase(change("2", "1")).startswith(Direction.DECREASE.value)
