"""``to_frame``: exact Decimal amounts, codes as text, one row per finding / line item / table row."""

from __future__ import annotations

import sys
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from budgetacct import Amount, Ledger, audit, load_example, strategies
from budgetacct.auditing.finding import AuditReport, Finding, Message
from budgetacct.codes import EconomicCode, FunctionCode
from budgetacct.errors import InvalidValue, MissingDependency
from budgetacct.integrations.pandas import (
    AUDIT_COLUMNS,
    EXPENDITURE_COLUMNS,
    FIGURE_COLUMNS,
    REVENUE_COLUMNS,
    to_frame,
)
from budgetacct.model import ExpenditureItem, ExpenditureKind, Fund, RevenueItem, RevenueSource, Severity
from budgetacct.render.tables import standard_tables

pd: Any = pytest.importorskip("pandas")


def is_string(series: Any) -> bool:
    return isinstance(series.dtype, pd.StringDtype)


@pytest.fixture(scope="module")
def ledger() -> Ledger:
    return load_example("xiqu-2021", "ledger")


def test_ledger_frame_columns_and_dtypes(ledger: Ledger) -> None:
    frame = to_frame(ledger)
    assert tuple(frame.columns) == EXPENDITURE_COLUMNS
    assert len(frame) == len(ledger.expenditure)
    for column in ("function", "fund", "kind", "economic", "project"):
        assert is_string(frame[column]), column
    assert frame["amount"].dtype == object


def test_ledger_frame_keeps_exact_decimals_and_codes(ledger: Ledger) -> None:
    frame = to_frame(ledger)
    assert frame["amount"].tolist() == [item.amount.value for item in ledger.expenditure]
    assert all(type(value) is Decimal for value in frame["amount"])
    assert [str(value) for value in frame["amount"]] == [str(item.amount) for item in ledger.expenditure]
    assert frame["function"].tolist() == [item.function.code for item in ledger.expenditure]
    assert frame["fund"].tolist() == [item.fund.value for item in ledger.expenditure]
    assert frame["kind"].tolist() == [item.kind.value for item in ledger.expenditure]
    assert sum(frame["amount"], Decimal(0)) == ledger.expenditure_total().value
    by_fund = frame.groupby("fund")["amount"].sum()
    assert by_fund["一般公共预算财政拨款"] == ledger.expenditure_total(funds=(Fund.GENERAL_BUDGET,)).value


def test_missing_codes_and_projects_are_na() -> None:
    ledger = Ledger(
        year=2021,
        department="示例",
        expenditure=(
            ExpenditureItem(
                FunctionCode("2010301"), Fund.GENERAL_BUDGET, ExpenditureKind.BASIC, Amount("0.000001")
            ),
            ExpenditureItem(
                FunctionCode("201"),
                Fund.NON_FISCAL,
                ExpenditureKind.PROJECT,
                Amount("12345678.9"),
                EconomicCode("30201"),
                "项目甲",
            ),
        ),
    )
    frame = to_frame(ledger)
    assert frame.loc[0, "economic"] is pd.NA and frame.loc[0, "project"] is pd.NA
    assert frame.loc[1, "economic"] == "30201" and frame.loc[1, "project"] == "项目甲"
    assert frame.loc[1, "function"] == "201"
    assert frame.loc[0, "amount"] == Decimal("0.000001")
    assert frame.loc[1, "amount"] == Decimal("12345678.9")


def test_revenue_part(ledger: Ledger) -> None:
    frame = to_frame(ledger, part="revenue")
    assert tuple(frame.columns) == REVENUE_COLUMNS
    assert frame["source"].tolist() == [item.source.value for item in ledger.revenue]
    assert frame["fund"].tolist() == [item.source.fund.value for item in ledger.revenue]
    assert frame["amount"].tolist() == [item.amount.value for item in ledger.revenue]
    coded = to_frame(
        Ledger(
            year=2021,
            department="示例",
            revenue=(RevenueItem(RevenueSource.OPERATIONS, Amount("3"), FunctionCode("20103")),),
        ),
        part="revenue",
    )
    assert coded.loc[0, "function"] == "20103"
    assert is_string(coded["function"])


def test_empty_ledger_has_typed_columns() -> None:
    frame = to_frame(Ledger(year=2021, department="示例"))
    assert len(frame) == 0
    assert tuple(frame.columns) == EXPENDITURE_COLUMNS
    assert is_string(frame["function"]) and frame["amount"].dtype == object


def test_audit_frame_one_row_per_finding() -> None:
    report = audit(load_example("xiqu-2021"))
    frame = to_frame(report)
    assert tuple(frame.columns) == AUDIT_COLUMNS
    assert len(frame) == len(report.findings)
    assert frame["rule"].tolist() == [f.rule for f in report.findings]
    assert frame["path"].tolist() == [f.path for f in report.findings]
    assert frame["message_zh"].tolist() == [f.message.zh for f in report.findings]
    assert frame["message_en"].tolist() == [f.message.en for f in report.findings]
    assert frame["severity"].cat.ordered
    assert list(frame["severity"].cat.categories) == ["error", "warning", "note"]
    assert (frame["severity"] == "error").sum() == len(report.errors)
    assert frame.sort_values("severity", kind="stable")["rule"].tolist() == [
        f.rule for f in sorted(report.findings, key=lambda f: f.severity.rank)
    ]
    for column in ("rule", "path", "expected", "actual", "message_zh"):
        assert is_string(frame[column]), column
    r46 = frame[frame["rule"] == "R46"].iloc[0]
    assert (r46["difference"], r46["tolerance"]) == (Decimal("-2"), Decimal("0"))
    assert frame["difference"].dtype == object and frame["tolerance"].dtype == object
    for column in ("difference", "tolerance"):
        values = [v for v in frame[column] if v is not None]
        assert values and all(type(v) is Decimal for v in values), column


def test_audit_frame_figures_stated_in_words_are_none() -> None:
    findings = (
        Finding("R1", Severity.ERROR, "$.a", "1", "2", "-1.50", "0.005", Message("中", "en")),
        Finding("R2", Severity.NOTE, "$.b", "≥90%", "已完成", "增加", "NaN", Message("中", "en")),
    )
    frame = to_frame(AuditReport(findings))
    assert frame["difference"].tolist() == [Decimal("-1.50"), None]
    assert frame["tolerance"].tolist() == [Decimal("0.005"), None]
    assert str(frame.loc[0, "difference"]) == "-1.50"


def test_disclosure_frame_lists_every_figure_exactly() -> None:
    from budgetacct.reader import resolve_path

    seed = load_example("xiqu-2021")
    frame = to_frame(seed)
    assert tuple(frame.columns) == FIGURE_COLUMNS
    assert frame.attrs == {"year": 2021, "department": seed.department}
    by_path = dict(zip(frame["path"], frame["value"], strict=True))
    assert by_path["$.revenue.total"] == Decimal("830.63")
    assert by_path["$.revenue.lines[0].share"] == Decimal("88.96")
    assert len(by_path) == len(frame)  # each figure once
    assert set(frame["kind"]) <= {"amount", "percent", "count", "number"}
    assert {"amount", "percent", "count"} <= set(frame["kind"])
    for path, kind, value in zip(frame["path"], frame["kind"], frame["value"], strict=True):
        assert type(value) is Decimal
        stated = resolve_path(seed, path)
        assert (stated if kind == "count" else stated.value) == value, path


def test_audit_frame_missing_figures_are_na() -> None:
    finding = Finding("R1", Severity.NOTE, "$.x", None, "2", None, None, Message("中", "en"))
    frame = to_frame(AuditReport((finding,)))
    assert frame.loc[0, "expected"] is pd.NA and frame.loc[0, "actual"] == "2"
    empty = to_frame(AuditReport(()))
    assert len(empty) == 0 and tuple(empty.columns) == AUDIT_COLUMNS


def test_table_frame_headers_values_and_attrs() -> None:
    seed = load_example("xiqu-2021")
    table = standard_tables(seed)[4]  # 公开05表 一般公共预算财政拨款支出决算表
    frame = to_frame(table)
    assert list(frame.columns) == [
        "科目编码 / 类",
        "科目编码 / 款",
        "科目编码 / 项",
        "科目名称",
        "本年支出 / 合计",
        "本年支出 / 基本支出",
        "本年支出 / 项目支出",
    ]
    assert len(frame) == len(table.rows)
    assert frame.loc[0, "本年支出 / 合计"] == Decimal("783")
    assert type(frame.loc[0, "本年支出 / 合计"]) is Decimal
    assert frame.loc[0, "本年支出 / 项目支出"] is None
    row = frame[frame["科目编码 / 项"] == "01"].iloc[0]
    assert (row["科目编码 / 类"], row["科目编码 / 款"], row["科目名称"]) == ("201", "03", "行政运行")
    assert frame.attrs["number"] == "公开05表"
    assert frame.attrs["title"] == "一般公共预算财政拨款支出决算表"
    assert frame.attrs["row_kinds"][0] == "total"


def test_every_standard_table_has_distinct_columns() -> None:
    for name in ("mof-9", "sichuan-14"):
        for table in standard_tables(load_example("xiqu-2021"), set=name):  # type: ignore[arg-type]
            frame = to_frame(table)
            assert frame.columns.is_unique
            assert len(frame.columns) == table.width
    t1 = to_frame(standard_tables(load_example("xiqu-2021"))[0])
    assert list(t1.columns)[:3] == ["收入 / 项目", "收入 / 行次", "收入 / 决算数"]


def test_other_objects_are_refused(ledger: Ledger) -> None:
    with pytest.raises(InvalidValue):
        to_frame(load_example("xiqu-2021").revenue)  # type: ignore[arg-type]
    with pytest.raises(InvalidValue):
        to_frame(ledger, part="both")  # type: ignore[arg-type]


def test_missing_pandas_names_the_extra(ledger: Ledger, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(MissingDependency, match=r"budgetacct\[pandas\]"):
        to_frame(ledger)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(strategies.ledgers())
def test_generated_ledgers_keep_every_amount_exactly(ledger: Ledger) -> None:
    frame = to_frame(ledger)
    assert frame["amount"].tolist() == [item.amount.value for item in ledger.expenditure]
    assert sum(frame["amount"], Decimal(0)) == ledger.expenditure_total().value
    assert frame["function"].tolist() == [item.function.code for item in ledger.expenditure]
    revenue = to_frame(ledger, part="revenue")
    assert sum(revenue["amount"], Decimal(0)) == ledger.revenue_total().value


# --- a StandardTable (a table as published) --------------------------------------------------------


def test_standard_table_frame_rows_keys_and_decimal_cells(ledger: Ledger) -> None:
    tables = ledger.publish(tables="mof-9").tables
    t5 = tables[4]  # 一般公共预算财政拨款支出决算表
    frame = to_frame(t5)
    assert list(frame.columns) == ["side", "key", "key_kind", "name", "合计", "基本支出", "项目支出"]
    assert len(frame) == len(t5.rows)
    assert (frame.loc[0, "key"], frame.loc[0, "key_kind"], frame.loc[0, "name"]) == ("合计", "line", "合计")
    row = frame[frame["key"] == "2010301"].iloc[0]
    assert (row["key_kind"], row["name"], row["合计"]) == ("function", "行政运行", Decimal("423.59"))
    assert type(row["合计"]) is Decimal
    assert is_string(frame["key"]) and frame["合计"].dtype == object
    assert frame.attrs["kind"] == "一般公共预算财政拨款支出决算表" and frame.attrs["number"] == "公开05表"
    # a two-sided 总表: both panels, each row with its side; the 支出 side's fund columns blank on 收入 rows
    t4 = to_frame(tables[3])
    assert list(t4.columns)[4:] == [
        "金额",
        "合计",
        "一般公共预算财政拨款",
        "政府性基金预算财政拨款",
        "国有资本经营预算财政拨款",
    ]
    assert set(t4["side"]) == {"收入", "支出"}
    assert t4[t4["side"] == "收入"]["合计"].isna().all()
    # the “三公” table's columns on two bases, labelled apart
    t7 = to_frame(tables[6])
    assert "预算数·公务接待费" in t7.columns and "公务接待费" in t7.columns


def test_standard_table_frame_keeps_blank_and_dash_apart() -> None:
    from budgetacct.model.tables import DASH, Column, Line, Measure, Panel, StandardTable, TableKind, TableRow

    table = StandardTable(
        TableKind.GENERAL_BUDGET_PROJECT,
        "一般公共预算财政拨款项目支出决算表",
        (
            Panel(
                (Column(Measure.PROJECT),),
                (
                    TableRow.of_line(Line.TOTAL, (DASH,)),
                    TableRow.of_economic(EconomicCode("30201"), (None,)),
                ),
            ),
        ),
    )
    frame = to_frame(table)
    assert list(frame["项目支出"]) == ["-", None]
    assert list(frame["key_kind"]) == ["line", "economic"]
    assert frame.attrs["printed_unit"] == "万元" and frame.attrs["notes"] == []
