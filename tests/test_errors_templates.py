"""The errors rebuilt from their fields: messages as printed, fields kept, pickling round trips."""

from __future__ import annotations

import pickle

import pytest

from budgetacct.errors import BudgetAcctError, MissingDependency, UnknownCode, UnresolvedPath


@pytest.mark.parametrize(
    ("error", "fields", "zh", "en"),
    [
        (
            UnknownCode("2010199", 2024, "功能分类"),
            {"code": "2010199", "year": 2024, "catalogue": "功能分类"},
            "2024年功能分类中没有科目编码 2010199",
            "code 2010199 is not in the 2024 catalogue of 功能分类",
        ),
        (
            UnresolvedPath(path="$.a[1]", stopped_at="$.a"),
            {"path": "$.a[1]", "stopped_at": "$.a"},
            "路径 $.a[1] 无对应的值（$.a 不存在）",
            "no value at $.a[1] ($.a does not exist)",
        ),
        (
            MissingDependency("openpyxl", "excel"),
            {"package": "openpyxl", "extra": "excel"},
            "需要可选依赖 openpyxl：请运行 pip install budgetacct[excel]",
            "the optional dependency openpyxl is needed: pip install budgetacct[excel]",
        ),
    ],
)
def test_message_fields_and_pickling(
    error: BudgetAcctError, fields: dict[str, object], zh: str, en: str
) -> None:
    assert (error.zh, error.en, str(error)) == (zh, en, f"{zh} | {en}")
    assert {name: getattr(error, name) for name in fields} == fields
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is type(error)
    assert (again.zh, again.en, again.args) == (zh, en, error.args)
    assert {name: getattr(again, name) for name in fields} == fields


def test_a_field_with_braces_is_printed_as_it_is() -> None:
    error = UnresolvedPath("$.x{0}", "{stopped_at}")
    assert error.en == "no value at $.x{0} ({stopped_at} does not exist)"
