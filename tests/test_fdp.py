"""Fiscal Data Package export: the descriptor has what the spec requires, the CSVs are exact."""

from __future__ import annotations

import csv
import json
import re
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from budgetacct import Ledger, load_example, strategies
from budgetacct.cli import main
from budgetacct.errors import InvalidValue
from budgetacct.io import dump
from budgetacct.io.fdp import EXPENDITURE_FIELDS, REVENUE_FIELDS, to_fiscal_data_package


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def check_descriptor(descriptor: dict[str, Any], directory: Path) -> None:
    """The required parts of a Fiscal Data Package (0.3) descriptor, and that they fit together."""
    assert re.fullmatch(r"[-a-z0-9._/]+", descriptor["name"])
    assert descriptor["title"]
    resources = {r["name"]: r for r in descriptor["resources"]}
    assert resources, "at least one resource"
    fields_of = {}
    for resource in descriptor["resources"]:
        assert (directory / resource["path"]).is_file()
        schema = resource["schema"]
        names = [f["name"] for f in schema["fields"]]
        assert all(f["type"] for f in schema["fields"])
        assert set(schema["primaryKey"]) <= set(names)
        with (directory / resource["path"]).open(encoding="utf-8", newline="") as handle:
            assert next(csv.reader(handle)) == names
        fields_of[resource["name"]] = set(names)
    first = descriptor["resources"][0]["name"]
    model = descriptor["model"]
    assert model["measures"], "at least one measure"
    for measure in model["measures"].values():
        assert measure["source"] in fields_of[measure.get("resource", first)]
        assert measure["currency"] == "CNY"
        assert measure["factor"] == 10000
        assert measure["phase"] == "executed"
        assert measure["direction"] in ("expenditure", "revenue")
    assert model["dimensions"], "at least one dimension"
    for dimension in model["dimensions"].values():
        attributes = dimension["attributes"]
        assert attributes
        for attribute in attributes.values():
            assert ("source" in attribute) != ("constant" in attribute)
            if "source" in attribute:
                assert attribute["source"] in fields_of[attribute.get("resource", first)]
            for key in ("labelfor", "parent"):
                if key in attribute:
                    assert attribute[key] in attributes
        keys = dimension["primaryKey"]
        assert set([keys] if isinstance(keys, str) else keys) <= set(attributes)
        assert dimension.get("dimensionType") in (
            None,
            "datetime",
            "entity",
            "classification",
            "activity",
            "fact",
            "location",
            "other",
        )


def test_seed_ledger_package(tmp_path: Path) -> None:
    ledger = load_example("xiqu-2021", "ledger")
    path = to_fiscal_data_package(ledger, tmp_path / "out")
    assert path == tmp_path / "out" / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    check_descriptor(descriptor, path.parent)
    measure = descriptor["model"]["measures"]["amount"]
    assert (measure["currency"], measure["factor"], measure["phase"], measure["direction"]) == (
        "CNY",
        10000,
        "executed",
        "expenditure",
    )
    dimensions = descriptor["model"]["dimensions"]
    functional = dimensions["functional-classification"]
    assert functional["classificationType"] == "functional"
    assert {"code", "label"} <= set(functional["attributes"])
    assert functional["attributes"]["label"]["labelfor"] == "code"
    assert dimensions["economic-classification"]["classificationType"] == "economic"
    assert {"fund", "kind", "fiscal-year", "department"} <= set(dimensions)
    assert dimensions["department"]["attributes"]["name"]["constant"] == ledger.department
    assert descriptor["fiscalPeriod"] == {"start": "2021-01-01", "end": "2021-12-31"}


def test_expenditure_csv_is_exact(tmp_path: Path) -> None:
    ledger = load_example("xiqu-2021", "ledger")
    to_fiscal_data_package(ledger, tmp_path)
    rows = read_csv(tmp_path / "expenditure.csv")
    assert list(rows[0]) == list(EXPENDITURE_FIELDS)
    assert len(rows) == len(ledger.expenditure)
    for row, item in zip(rows, ledger.expenditure, strict=True):
        assert row["function_code"] == item.function.code
        assert row["function_class_code"] == item.function.code[:3]
        assert row["fund"] == item.fund.value
        assert row["kind"] == item.kind.value
        assert row["economic_code"] == (item.economic.code if item.economic else "")
        assert row["project"] == (item.project or "")
        assert Decimal(row["amount"]) == item.amount.value
        assert row["fiscal_year"] == "2021"
    assert sum(Decimal(r["amount"]) for r in rows) == ledger.expenditure_total().value
    first = rows[0]
    assert (first["function_name"], first["function_class_name"]) == ("行政运行", "一般公共服务支出")
    assert first["function_section_code"] == "20103"
    assert first["economic_name"] == "基本工资"


def test_revenue_csv(tmp_path: Path) -> None:
    ledger = load_example("xiqu-2021", "ledger")
    to_fiscal_data_package(ledger, tmp_path)
    rows = read_csv(tmp_path / "revenue.csv")
    assert list(rows[0]) == list(REVENUE_FIELDS)
    assert [r["source"] for r in rows] == [i.source.value for i in ledger.revenue]
    assert sum(Decimal(r["amount"]) for r in rows) == ledger.revenue_total().value


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(strategies.ledgers(places=6))
def test_generated_ledgers_export_exactly(ledger: Ledger) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = to_fiscal_data_package(ledger, tmp)
        check_descriptor(json.loads(path.read_text(encoding="utf-8")), path.parent)
        rows = read_csv(path.parent / "expenditure.csv")
    assert len(rows) == len(ledger.expenditure)
    for row, item in zip(rows, ledger.expenditure, strict=True):
        assert re.fullmatch(r"[0-9]+(\.[0-9]+)?", row["amount"])  # plain decimal, never an exponent
        assert Decimal(row["amount"]) == item.amount.value


def test_a_disclosure_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InvalidValue, match="Ledger"):
        to_fiscal_data_package(load_example("xiqu-2021"), tmp_path)  # type: ignore[arg-type]


def test_bad_package_name_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InvalidValue):
        to_fiscal_data_package(load_example("xiqu-2021", "ledger"), tmp_path, name="西区 2021")
    path = to_fiscal_data_package(load_example("xiqu-2021", "ledger"), tmp_path, name="xiqu-2021")
    assert json.loads(path.read_text(encoding="utf-8"))["name"] == "xiqu-2021"


def test_cli_export_fdp(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export-fdp", "--example", "xiqu-2021", "-o", str(tmp_path / "pkg")]) == 0
    assert capsys.readouterr().out.strip() == str(tmp_path / "pkg" / "datapackage.json")
    ledger_file = tmp_path / "ledger.json"
    ledger_file.write_text(dump(load_example("xiqu-2021", "ledger")), encoding="utf-8")
    assert main(["export-fdp", str(ledger_file), "-o", str(tmp_path / "pkg2"), "--name", "x"]) == 0
    assert (tmp_path / "pkg2" / "expenditure.csv").is_file()


def test_cli_export_fdp_refuses_a_disclosure(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = tmp_path / "disclosure.json"
    document.write_text(dump(load_example("xiqu-2021")), encoding="utf-8")
    assert main(["export-fdp", str(document), "-o", str(tmp_path / "pkg")]) == 2
    assert "Ledger" in capsys.readouterr().err
    assert not (tmp_path / "pkg").exists()
    assert main(["export-fdp", "-o", str(tmp_path / "pkg")]) == 2
