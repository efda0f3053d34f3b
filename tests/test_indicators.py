"""Performance indicators: hierarchy, typed values, evaluation (R50) and scoring (R51, R52)."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from budgetacct import Amount, InvalidValue
from budgetacct.model.indicators import (
    CENTRAL_2021,
    DEFAULT_HIERARCHY,
    DEFAULT_WEIGHTS,
    HIERARCHIES,
    SICHUAN_2021,
    UNITS,
    DateBound,
    Direction,
    Evaluation,
    IndicatorValue,
    Operator,
    Outcome,
    Qualitative,
    QualitativeBand,
    Quantity,
    ValueKind,
    evaluate,
    execution_rate_score,
    grade,
    infer_direction,
    normalise_label,
    parse_indicator_value,
    score_qualitative,
    score_quantitative,
)

GE, LE, EQ, GT, LT = Operator.GE, Operator.LE, Operator.EQ, Operator.GT, Operator.LT
HIGHER, LOWER, EARLIER = Direction.HIGHER_IS_BETTER, Direction.LOWER_IS_BETTER, Direction.EARLIER_IS_BETTER
MET, NOT_MET, NOT_MEASURABLE = Outcome.MET, Outcome.NOT_MET, Outcome.NOT_MEASURABLE


def q(number: str, unit: str = "", op: Operator | None = None, style: str = "", **kw: object) -> Quantity:
    return Quantity(number=Decimal(number), unit=unit, operator=op, style=style, **kw)  # type: ignore[arg-type]


def d(
    year: int, month: int | None = None, day: int | None = None, event: str | None = None, **kw: object
) -> DateBound:
    return DateBound(year=year, month=month, day=day, event=event, **kw)  # type: ignore[arg-type]


def s(statement: str) -> Qualitative:
    return Qualitative(statement=statement)


# --- parsing: a table of real indicator values --------------------------------------------------

# (printed text, expected typed value, expected written form)
PARSED: list[tuple[str, IndicatorValue, str]] = [
    # the seed's six 绩效自评 tables
    ("4.85万元", q("4.85", "万元"), "4.85万元"),
    ("2021年春节前", d(2021, event="春节", operator=LE, style="前"), "2021年春节前"),
    ("100%", q("100", "%"), "100%"),
    ("完成重大节日走访慰问", s("完成重大节日走访慰问"), "完成重大节日走访慰问"),
    ("3次以上", q("3", "次", GE, "以上"), "3次以上"),
    ("3次", q("3", "次"), "3次"),
    ("2种", q("2", "种"), "2种"),
    (
        "2021年年底前完成检举举报平台主体工程建设和大数据应用平台部署应用",
        d(
            2021,
            event="年底",
            operator=LE,
            style="前",
            subject="完成检举举报平台主体工程建设和大数据应用平台部署应用",
            subject_after=True,
        ),
        "2021年年底前完成检举举报平台主体工程建设和大数据应用平台部署应用",
    ),
    ("已完成", s("已完成"), "已完成"),
    ("2021年", d(2021), "2021年"),
    ("0.5万元", q("0.5", "万元"), "0.5万元"),
    ("15万元", q("15", "万元"), "15万元"),
    ("6.95万元", q("6.95", "万元"), "6.95万元"),
    ("17万元", q("17", "万元"), "17万元"),
    ("13.41万元", q("13.41", "万元"), "13.41万元"),
    ("≥95%", q("95", "%", GE, "≥"), "≥95%"),
    ("360余次", q("360", "次", approximate=True), "360余次"),
    ("工作完成率100%", q("100", "%", subject="工作完成率"), "工作完成率100%"),
    ("83万元", q("83", "万元"), "83万元"),
    ("65.79万元", q("65.79", "万元"), "65.79万元"),
    ("95%以上", q("95", "%", GE, "以上"), "95%以上"),
    ("462.5万条", q("462.5", "万条"), "462.5万条"),
    ("38万元", q("38", "万元"), "38万元"),
    ("1台", q("1", "台"), "1台"),
    ("1个", q("1", "个"), "1个"),
    ("355册", q("355", "册"), "355册"),
    (
        "按计划完成全区重大项目推进工作任务",
        s("按计划完成全区重大项目推进工作任务"),
        "按计划完成全区重大项目推进工作任务",
    ),
    (
        "印制《攀枝花市西区年鉴》355册，《中共攀枝花市西区执政实录》350册",
        s("印制《攀枝花市西区年鉴》355册，《中共攀枝花市西区执政实录》350册"),
        "印制《攀枝花市西区年鉴》355册，《中共攀枝花市西区执政实录》350册",
    ),
    (
        "全区离退休老干部57人及一线工作人员",
        s("全区离退休老干部57人及一线工作人员"),
        "全区离退休老干部57人及一线工作人员",
    ),
    # DOMAIN §E.4 forms and spellings
    (">=95%", q("95", "%", GE, "≥"), "≥95%"),
    ("＞＝95％", q("95", "%", GE, "≥"), "≥95%"),
    ("≧95%", q("95", "%", GE, "≥"), "≥95%"),
    ("≤83万元", q("83", "万元", LE, "≤"), "≤83万元"),
    ("=100%", q("100", "%", EQ, "="), "=100%"),
    ("≥50个", q("50", "个", GE, "≥"), "≥50个"),
    ("不低于90%", q("90", "%", GE, "不低于"), "不低于90%"),
    ("不少于3次", q("3", "次", GE, "不少于"), "不少于3次"),
    ("不超过10万元", q("10", "万元", LE, "不超过"), "不超过10万元"),
    ("超过10人", q("10", "人", GT, "超过"), "超过10人"),
    ("不足5天", q("5", "天", LT, "不足"), "不足5天"),
    ("低于5%", q("5", "%", LT, "低于"), "低于5%"),
    ("5%以下", q("5", "%", LE, "以下"), "5%以下"),
    ("3个工作日以内", q("3", "个工作日", LE, "以内"), "3个工作日以内"),
    ("2021年12月31日前", d(2021, 12, 31, operator=LE, style="前"), "2021年12月31日前"),
    ("效果明显", s("效果明显"), "效果明显"),
    ("达成预期指标", s("达成预期指标"), "达成预期指标"),
    # common variants
    ("≥98%", q("98", "%", GE, "≥"), "≥98%"),
    ("≤5个工作日", q("5", "个工作日", LE, "≤"), "≤5个工作日"),
    ("100%覆盖", q("100", "%", subject="覆盖", subject_after=True), "100%覆盖"),
    ("按时完成", s("按时完成"), "按时完成"),
    ("较上年提高", s("较上年提高"), "较上年提高"),
    ("2021年6月底前", d(2021, 6, event="月底", operator=LE, style="前"), "2021年6月底前"),
    ("不超过预算", s("不超过预算"), "不超过预算"),
    ("2021年底前", d(2021, event="年底", operator=LE, style="前"), "2021年年底前"),
    ("2021年上半年", d(2021, event="上半年"), "2021年上半年"),
    ("2021年第一季度前", d(2021, event="第一季度", operator=LE, style="前"), "2021年第一季度前"),
    ("2021年内", d(2021, style="内"), "2021年内"),
    ("2021.12.31", d(2021, 12, 31), "2021年12月31日"),
    ("300多人", q("300", "人", approximate=True), "300余人"),
    ("１，２３４.５万条", q("1234.5", "万条"), "1234.5万条"),
    ("满意度≥90%", q("90", "%", GE, "≥", subject="满意度"), "满意度≥90%"),
    ("≥ 95 %", q("95", "%", GE, "≥"), "≥95%"),
    ("5头", q("5", "头"), "5头"),
    ("", s(""), ""),
    ("  已完成\n", s("已完成"), "已完成"),
]


def test_the_table_has_enough_real_strings() -> None:
    assert len(PARSED) >= 40


@pytest.mark.parametrize(("text", "expected", "written"), PARSED, ids=[row[0] or "empty" for row in PARSED])
def test_parse_real_indicator_values(text: str, expected: IndicatorValue, written: str) -> None:
    value = parse_indicator_value(text)
    assert value == expected
    assert type(value) is type(expected)
    assert value.text == text  # the original text is never lost
    assert str(value) == written
    assert parse_indicator_value(str(value)) == value


def test_kinds() -> None:
    assert parse_indicator_value("95%").kind is ValueKind.QUANTITATIVE
    assert parse_indicator_value("2021年").kind is ValueKind.DATE
    assert parse_indicator_value("已完成").kind is ValueKind.QUALITATIVE


def test_equality_ignores_the_original_spelling_of_a_symbol() -> None:
    assert parse_indicator_value(">=95%") == parse_indicator_value("≥95%")
    assert parse_indicator_value(">=95%").text == ">=95%"
    # but a word is a different style, written back differently
    assert parse_indicator_value("95%以上") != parse_indicator_value("≥95%")


@pytest.mark.parametrize("bad", [None, 95, Decimal(95), b"95%", ["95%"]])
def test_parse_refuses_non_text(bad: object) -> None:
    with pytest.raises(InvalidValue):
        parse_indicator_value(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    [
        "2021年13月前",
        "2021年2月30日",
        "1" * 40 + "次",
        "≥95%以下",
        "3,5个",
        "2020-2021年",
        "满意度95%以上（含）100%",
    ],
)
def test_odd_text_becomes_a_statement(text: str) -> None:
    value = parse_indicator_value(text)
    assert isinstance(value, Qualitative)
    assert value.text == text


def _date(text: str) -> DateBound:
    value = parse_indicator_value(text)
    assert isinstance(value, DateBound)
    return value


def test_date_periods() -> None:
    assert _date("2021年6月").period == (
        datetime.date(2021, 6, 1),
        datetime.date(2021, 6, 30),
    )
    assert _date("2024年2月下旬").period == (
        datetime.date(2024, 2, 21),
        datetime.date(2024, 2, 29),
    )
    assert _date("2021年第四季度").period == (
        datetime.date(2021, 10, 1),
        datetime.date(2021, 12, 31),
    )
    assert _date("2021年中秋节前").period is None  # lunar date not tabulated
    assert _date("2050年春节前").period is None


# --- construction -------------------------------------------------------------------------------


def test_construction_fills_operator_and_style_from_each_other() -> None:
    assert q("95", "%", GE).style == "≥"
    assert q("3", "次", style="以上").operator is GE
    assert d(2021, event="春节", operator=LE).style == "前"
    assert str(q("95", "%", GE)) == "≥95%"
    assert q("95", "%", GE).text == "≥95%"


@pytest.mark.parametrize(
    "build",
    [
        lambda: Quantity(number=0.5, unit="%"),  # type: ignore[arg-type]
        lambda: Quantity(number=Decimal("NaN")),
        lambda: Quantity(number=Decimal(1), unit="furlongs"),
        lambda: Quantity(number=Decimal(1), operator=LE, style="以上"),
        lambda: Quantity(number=Decimal(1), style="大约"),
        lambda: Quantity(number=Decimal(1), subject="第2期"),
        lambda: Quantity(number=Decimal(1), subject=" 前后空白 "),
        lambda: Quantity(number=Decimal(2021), unit="年"),  # reads back as a date
        lambda: Quantity(number=Decimal(3), unit="次", subject="不低于"),  # reads back with an operator
        lambda: DateBound(year=2021, month=13),
        lambda: DateBound(year=2021, month=2, day=30),
        lambda: DateBound(year=2021, day=3),
        lambda: DateBound(year=1800),
        lambda: DateBound(year=2021, event="月底"),
        lambda: DateBound(year=2021, operator=EQ),
        lambda: DateBound(year=2021, month=1, day=1, event="上旬"),
        lambda: Qualitative(statement="95%"),
        lambda: Qualitative(statement=5),  # type: ignore[arg-type]
        lambda: IndicatorValue(),
    ],
)
def test_construction_refuses_meaningless_values(build: object) -> None:
    with pytest.raises(InvalidValue):
        build()  # type: ignore[operator]


# --- property tests -----------------------------------------------------------------------------

QUANTITY_STYLES = [
    "", "≥", "≤", "=", ">", "<", "以上", "及以上", "或以上", "以下", "及以下", "或以下", "以内", "之内", "内",
    "不低于", "不少于", "不小于", "至少", "不超过", "不高于", "不多于", "不大于", "至多", "最多", "超过", "高于",
    "多于", "大于", "不满", "不足", "低于", "少于", "小于",
]  # fmt: skip
SUBJECTS = ["", "工作完成率", "覆盖", "满意度", "完成率达到", "群众满意度", "on-time rate", "（含）"]
numbers = st.builds(
    lambda n, p: Decimal(n).scaleb(-p), st.integers(min_value=-(10**9), max_value=10**9), st.integers(0, 3)
)


@st.composite
def quantities(draw: st.DrawFn) -> Quantity:
    try:
        return Quantity(
            number=draw(numbers),
            unit=draw(st.sampled_from(sorted(UNITS))),
            style=draw(st.sampled_from(QUANTITY_STYLES)),
            approximate=draw(st.booleans()),
            subject=draw(st.sampled_from(SUBJECTS)),
            subject_after=draw(st.booleans()),
        )
    except InvalidValue:
        assume(False)
        raise


YEAR_EVENTS = [None, "年底", "年末", "年初", "上半年", "第三季度", "春节", "元旦", "中秋节", "国庆"]
MONTH_EVENTS = [None, "月底", "月末", "月初", "上旬", "中旬", "下旬", "月中"]


@st.composite
def dates(draw: st.DrawFn) -> DateBound:
    year = draw(st.integers(1900, 2100))
    month = draw(st.none() | st.integers(1, 12))
    day = draw(st.none() | st.integers(1, 28)) if month is not None else None
    event = None if day is not None else draw(st.sampled_from(MONTH_EVENTS if month else YEAR_EVENTS))
    try:
        return DateBound(
            year=year,
            month=month,
            day=day,
            event=event,
            style=draw(
                st.sampled_from(["", "前", "之前", "以前", "后", "之后", "以后", "内", "以内", "之内"])
            ),
            subject=draw(st.sampled_from(["", "完成", "完成平台建设", "截至", "于"])),
            subject_after=draw(st.booleans()),
        )
    except InvalidValue:
        assume(False)
        raise


@st.composite
def statements(draw: st.DrawFn) -> Qualitative:
    text = draw(
        st.text(
            alphabet=st.sampled_from("已完成达到预期效果明显按时较上年提高群众满意，。、 《》0123456789%")
        )
    )
    try:
        return Qualitative(statement=text)
    except InvalidValue:
        assume(False)
        raise


indicator_values = st.one_of(quantities(), dates(), statements())


@given(indicator_values)
def test_written_values_read_back_equal(value: IndicatorValue) -> None:
    assert parse_indicator_value(str(value)) == value


@given(st.text())
def test_parse_never_raises_and_is_stable(text: str) -> None:
    value = parse_indicator_value(text)
    assert value.text == text
    assert parse_indicator_value(str(value)) == value


@given(
    st.text(alphabet=st.sampled_from("0123456789０１２.,，%％年月日前后以上下内≥≤><=＞＝余多万元次 春节底"))
)
def test_parse_never_raises_on_indicator_like_text(text: str) -> None:
    value = parse_indicator_value(text)
    assert parse_indicator_value(str(value)) == value


def _better(x: Decimal, y: Decimal, direction: Direction | None) -> bool:
    return y >= x if direction is HIGHER else y <= x


@given(
    target=quantities(),
    direction=st.sampled_from([None, HIGHER, LOWER, EARLIER]),
    x=numbers,
    y=numbers,
    approximate=st.booleans(),
    money_unit=st.sampled_from(["元", "万元", "亿元"]),
)
def test_evaluation_is_monotone_in_the_actual_number(
    target: Quantity, direction: Direction | None, x: Decimal, y: Decimal, approximate: bool, money_unit: str
) -> None:
    unit = money_unit if target.unit in ("元", "万元", "亿元") else target.unit
    actual_x = Quantity(number=x, unit=unit, approximate=approximate)
    actual_y = Quantity(number=y, unit=unit, approximate=approximate)
    ex = evaluate(target, actual_x, direction=direction)
    ey = evaluate(target, actual_y, direction=direction)
    assert ex.direction == ey.direction
    assert (ex.outcome is NOT_MEASURABLE) == (ey.outcome is NOT_MEASURABLE)
    if ex.outcome is MET and _better(x, y, ex.direction):
        assert ey.outcome is MET


@given(target=quantities(), actual=quantities(), weight=st.integers(0, 100).map(Decimal))
def test_scores_stay_within_the_weight(target: Quantity, actual: Quantity, weight: Decimal) -> None:
    try:
        score = score_quantitative(weight, target, actual)
    except InvalidValue:
        assert evaluate(target, actual).outcome is NOT_MEASURABLE
        return
    assert Decimal(0) <= score <= weight
    assert score == score.quantize(Decimal("0.01"))
    if evaluate(target, actual).outcome is MET:
        assert score == weight


# --- evaluation: the seed cases (seed-check rows 19–21) and the rules -----------------------------


@pytest.mark.parametrize(
    ("target", "actual", "direction", "outcome"),
    [
        ("3次以上", "3次", HIGHER, MET),  # 纪检监察: 以上 includes the number
        ("≥95%", "≥95%", HIGHER, NOT_MEASURABLE),  # 政策研究咨询: actual restates the target
        ("95%以上", "95%以上", HIGHER, NOT_MEASURABLE),  # 政府业务
        ("100%", "已完成", HIGHER, NOT_MEASURABLE),  # 政策研究: 完成率 100% vs 已完成
        ("83万元", "65.79万元", LOWER, MET),  # 成本: lower is better
        ("15万元", "6.95万元", LOWER, MET),
        ("17万元", "13.41万元", None, MET),  # cost inferred from 万元
        ("2021年春节前", "2021年春节前", EARLIER, MET),
        ("2021年", "已完成", EARLIER, MET),  # qualitative judgement
        ("2021年年底前完成检举举报平台主体工程建设和大数据应用平台部署应用", "已完成", HIGHER, MET),
        ("2021年", "2021年", EARLIER, MET),
        ("360余次", "360余次", HIGHER, MET),
        ("工作完成率100%", "工作完成率100%", HIGHER, MET),
        ("462.5万条", "462.5万条", HIGHER, MET),
        ("100%", "100%", HIGHER, MET),
        ("4.85万元", "4.85万元", LOWER, MET),
        ("完成重大节日走访慰问", "完成重大节日走访慰问", HIGHER, MET),
        ("办好各类节日活动及项目竞进拉练等重大活动", "完成项目竞进拉练等重大活动", HIGHER, MET),
        (
            "纪检监察干部的履职能力不断增强，更好适应新形势、新任务、新要求",
            "纪检监察干部认真履职、勇于担当、敢于监督，纪检监察工作有序开展，取得实效",
            HIGHER,
            NOT_MEASURABLE,
        ),
    ],
)
def test_seed_indicators(target: str, actual: str, direction: Direction | None, outcome: Outcome) -> None:
    result = evaluate(target, actual, direction=direction)
    assert result.outcome is outcome, result.reason_zh
    assert result.reason_zh and result.reason_en


def test_reasons_say_why() -> None:
    assert "重复目标值" in evaluate("≥95%", "≥95%").reason_zh
    assert "重复" in evaluate("≥95%", "≥96%").reason_zh
    assert "定性判断" in evaluate("2021年", "已完成").reason_zh
    assert "表述相同" in evaluate("完成重大节日走访慰问", "完成重大节日走访慰问").reason_zh
    assert "表述相同" in evaluate("2021年春节前", "2021年春节前").reason_zh
    assert "单位不一致" in evaluate("3次", "3人").reason_zh
    assert isinstance(evaluate("3次", "3次"), Evaluation)
    assert str(evaluate("3次以上", "3次")).startswith("达成：")


@pytest.mark.parametrize(
    ("target", "actual", "direction", "outcome"),
    [
        ("≥90%", "89.9%", None, NOT_MET),
        ("≥90%", "90%", None, MET),
        (">90%", "90%", None, NOT_MET),
        ("<5%", "5%", None, NOT_MET),
        ("≤5个工作日", "3个工作日", None, MET),
        ("≤5个工作日", "5工作日", None, MET),  # 个工作日 = 工作日
        ("5个工作日", "6个工作日", EARLIER, NOT_MET),  # a duration: shorter is better
        ("100%", "98%", EARLIER, NOT_MET),  # a rate under a 时效 label: higher is better
        ("=100%", "100%", HIGHER, MET),
        ("=100%", "99%", HIGHER, NOT_MET),
        ("83万元", "830000元", LOWER, MET),  # 万元 vs 元 through Amount
        ("83万元", "830001元", LOWER, NOT_MET),
        ("1亿元", "9999万元", LOWER, MET),
        ("462.5万条", "4625000条", HIGHER, MET),
        ("3次", "3人", HIGHER, NOT_MEASURABLE),
        ("95%", "95", HIGHER, MET),  # a missing unit is taken from the other side
        ("95", "95", HIGHER, MET),
        ("3次以上", "2次", HIGHER, NOT_MET),
        ("350次", "360余次", HIGHER, MET),
        ("400次", "360余次", HIGHER, NOT_MET),
        ("83万元", "60余万元", LOWER, NOT_MEASURABLE),
        ("≥95%", "95%以上", HIGHER, NOT_MEASURABLE),
        ("≤5%", "3%", HIGHER, MET),  # the operator wins over the label's direction
        ("100%", "2021年", HIGHER, NOT_MEASURABLE),
        ("已完成", "100%", HIGHER, NOT_MEASURABLE),
        ("按时完成", "2021年", HIGHER, NOT_MEASURABLE),
        ("按时完成", "已完成", HIGHER, MET),
        ("按时完成", "未完成", HIGHER, NOT_MET),
        ("效果明显", "部分完成", HIGHER, NOT_MET),
        ("2021年", "未完成", EARLIER, NOT_MET),
        ("2021年", "进行中", EARLIER, NOT_MEASURABLE),
        ("2021年", "", EARLIER, NOT_MEASURABLE),
        ("2021年", "3次", EARLIER, NOT_MEASURABLE),
        ("2021年6月底前", "2021年6月15日", EARLIER, MET),
        ("2021年6月底前", "2021年7月1日", EARLIER, NOT_MET),
        ("2021年6月底前", "2021年", EARLIER, NOT_MEASURABLE),
        ("2021年春节前", "2021年1月", EARLIER, MET),
        ("2021年春节前", "2021年3月", EARLIER, NOT_MET),
        ("2021年12月31日前", "2021年年底前", EARLIER, MET),
        ("2021年", "2022年", EARLIER, NOT_MET),
        ("2021年7月后", "2021年8月", EARLIER, MET),
        ("2021年7月后", "2021年6月", EARLIER, NOT_MET),
        ("2021年中秋节前", "2021年中秋节前", EARLIER, MET),
        ("2021年中秋节前", "2021年9月", EARLIER, NOT_MEASURABLE),
    ],
)
def test_evaluation_rules(target: str, actual: str, direction: Direction | None, outcome: Outcome) -> None:
    assert evaluate(target, actual, direction=direction).outcome is outcome


def test_evaluate_accepts_values_and_refuses_other_things() -> None:
    assert evaluate(q("3", "次", GE), q("3", "次")).outcome is MET
    with pytest.raises(InvalidValue):
        evaluate(3, "3次")  # type: ignore[arg-type]
    with pytest.raises(InvalidValue):
        evaluate("3次", "3次", direction="正向")  # type: ignore[arg-type]


def test_infer_direction() -> None:
    assert infer_direction("83万元") is LOWER
    assert infer_direction("≥10万元") is HIGHER
    assert infer_direction("≤5个工作日") is LOWER
    assert infer_direction("95%") is HIGHER
    assert infer_direction("2021年") is EARLIER
    assert infer_direction("已完成") is HIGHER


# --- hierarchy ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("level1", "level2", "canonical1", "canonical2", "direction"),
    [
        ("完成\n指标", "数量指标", "产出指标", "数量指标", HIGHER),
        ("完成\n指标", "质量指标", "产出指标", "质量指标", HIGHER),
        ("完成\n指标", "时效指标", "产出指标", "时效指标", EARLIER),
        ("完成\n指标", "成本指标", "产出指标", "成本指标", LOWER),
        ("效益\n指标", "社会效益  指标", "效益指标", "社会效益指标", HIGHER),
        ("效益\n指标", "可持续影响 指标", "效益指标", "可持续影响指标", HIGHER),
        ("满意\n度指标", "满意度\n指标", "满意度指标", "满意度指标", HIGHER),
        ("满意度指标", "服务对象满意度", "满意度指标", "服务对象满意度指标", HIGHER),
        ("产出", "数量", "产出指标", "数量指标", HIGHER),
        ("成本指标", "经济成本指标", "成本指标", "经济成本指标", LOWER),
        ("成本指标", "生态环境成本指标", "成本指标", "生态环境成本指标", LOWER),
    ],
)
def test_default_hierarchy_maps_printed_labels(
    level1: str, level2: str, canonical1: str, canonical2: str, direction: Direction
) -> None:
    c = DEFAULT_HIERARCHY.classify(level1, level2)
    assert (c.level1, c.level2, c.direction, c.known) == (canonical1, canonical2, direction, True)
    assert (c.level1_label, c.level2_label) == (level1, level2)


def test_year_specific_hierarchies() -> None:
    assert SICHUAN_2021.classify("完成指标", "成本指标").known
    assert not SICHUAN_2021.classify("成本指标", "经济成本指标").known
    assert CENTRAL_2021.classify("成本指标", "经济成本指标").known
    assert not CENTRAL_2021.classify("完成指标", "数量指标").known
    assert not CENTRAL_2021.classify("产出指标", "成本指标").known
    assert CENTRAL_2021.classify("产出指标", "成本指标").direction is LOWER
    assert set(HIERARCHIES) == {"四川2021", "中央2021", "通用"}


def test_unknown_labels_are_kept_not_rejected() -> None:
    c = DEFAULT_HIERARCHY.classify("履职效能", "社会 影响")
    assert not c.known and not c.level1_known and not c.level2_known
    assert (c.level1, c.level2, c.level1_label) == ("履职效能", "社会影响", "履职效能")
    assert DEFAULT_HIERARCHY.classify("管理效率", "运行成本").direction is LOWER
    wrong_parent = DEFAULT_HIERARCHY.classify("产出指标", "社会效益指标")
    assert wrong_parent.level1_known and not wrong_parent.level2_known and not wrong_parent.known
    assert wrong_parent.direction is HIGHER
    assert DEFAULT_HIERARCHY.classify("产出指标", "别的指标").direction is HIGHER


def test_normalise_label() -> None:
    assert normalise_label("社会效益\u3000指标：") == "社会效益指标"
    with pytest.raises(InvalidValue):
        normalise_label(None)  # type: ignore[arg-type]


# --- scoring --------------------------------------------------------------------------------------


def test_default_weights_total_100() -> None:
    assert sum(DEFAULT_WEIGHTS.values()) == 100
    assert DEFAULT_WEIGHTS["产出指标"] == 50


@pytest.mark.parametrize(
    ("target", "actual", "direction", "score"),
    [
        ("≥95%", "95%", None, "10.00"),
        ("≥95%", "76%", None, "8.00"),
        ("≥95%", "200%", None, "10.00"),
        ("83万元", "65.79万元", LOWER, "10.00"),
        ("83万元", "166万元", LOWER, "5.00"),
        ("≥95%", "-5%", None, "0.00"),
        ("0%", "-5%", HIGHER, "0.00"),
        ("10万元", "0万元", HIGHER, "0.00"),
        ("3次", "2次", HIGHER, "6.67"),
    ],
)
def test_score_quantitative(target: str, actual: str, direction: Direction | None, score: str) -> None:
    assert score_quantitative(Decimal(10), target, actual, direction) == Decimal(score)


@pytest.mark.parametrize(
    ("weight", "target", "actual"),
    [
        (Decimal(10), "≥95%", "≥95%"),
        (Decimal(10), "100%", "已完成"),
        (Decimal(10), "2021年", "2021年"),
        (Decimal(-1), "3次", "3次"),
        (10.0, "3次", "3次"),
    ],
)
def test_score_quantitative_refuses(weight: Decimal, target: str, actual: str) -> None:
    with pytest.raises(InvalidValue):
        score_quantitative(weight, target, actual)


def test_score_qualitative_bands() -> None:
    assert score_qualitative(Decimal(10), QualitativeBand.ACHIEVED) == Decimal("10.00")
    assert score_qualitative(Decimal(10), QualitativeBand.PARTIAL) == Decimal("8.00")
    assert score_qualitative(Decimal(10), "未达成") == Decimal("6.00")
    assert score_qualitative(Decimal(10), "达成", percent=Decimal(80)) == Decimal("8.00")
    assert score_qualitative(Decimal(3), "部分达成", percent=Decimal("66.666")) == Decimal("2.00")
    assert score_qualitative(Decimal(10), "未达成", percent=Decimal(0)) == Decimal("0.00")
    for band, percent in (("达成", Decimal(79)), ("部分达成", Decimal(81)), ("未达成", Decimal(-1))):
        with pytest.raises(InvalidValue):
            score_qualitative(Decimal(10), band, percent=percent)
    with pytest.raises(InvalidValue):
        score_qualitative(Decimal(10), "优秀")
    assert QualitativeBand.ACHIEVED.description_zh == "达成年度指标"


@pytest.mark.parametrize(
    ("total", "expected"),
    [
        ("100", "优"),
        ("90", "优"),
        ("89.99", "良"),
        ("80", "良"),
        ("79.99", "中"),
        ("60", "中"),
        ("59.99", "差"),
        ("0", "差"),
    ],
)
def test_grade_boundaries(total: str, expected: str) -> None:
    assert grade(Decimal(total)) == expected


@pytest.mark.parametrize("bad", [Decimal("100.01"), Decimal(-1), 90.0, "abc", None])
def test_grade_refuses(bad: object) -> None:
    with pytest.raises(InvalidValue):
        grade(bad)  # type: ignore[arg-type]


def test_execution_rate_score() -> None:
    # seed: 政策研究咨询经费 32 → 20.36 (63.63%), 政府业务经费 83 → 68.79 (82.88%)
    assert execution_rate_score(Amount("20.36"), Amount("32")) == Decimal("6.36")
    assert execution_rate_score(Amount("68.79"), Amount("83")) == Decimal("8.29")
    assert execution_rate_score(Amount("38"), Amount("38")) == Decimal("10.00")
    assert execution_rate_score(Amount("40"), Amount("38")) == Decimal("10.00")  # capped
    assert execution_rate_score(Amount("3"), Amount("6"), Decimal(20)) == Decimal("10.00")
    assert execution_rate_score(Amount("-1"), Amount("6")) == Decimal("0.00")
    with pytest.raises(InvalidValue):
        execution_rate_score(Amount("1"), Amount("0"))
    with pytest.raises(InvalidValue):
        execution_rate_score("1", Amount("2"))  # type: ignore[arg-type]
