"""A figure put at a path the model lacks is a reader bug that fails loudly, never a lost figure."""

from __future__ import annotations

import pytest

from budgetacct.errors import InputError
from budgetacct.money import Amount
from budgetacct.reader.assemble import build_disclosure
from budgetacct.reader.draft import Draft, Where
from budgetacct.reader.schema import ReaderBug, field_type

HERE = Where(1, 0, 4, "收入总计")


def test_a_misspelt_path_raises_a_reader_bug_asking_for_a_report() -> None:
    draft = Draft("收入总计1万元")
    with pytest.raises(ReaderBug, match="please report") as raised:
        draft.put(("overview", "revenue_grand_totl"), Amount("1"), HERE)
    assert not isinstance(raised.value, InputError)
    assert draft.sources == []


def test_list_paths_resolve_through_their_element_type() -> None:
    assert field_type(("three_public", "reception", "versus_budget", "rate")).__name__ == "Percent"
    assert field_type(("assets", "vehicles", 0, "count")) is int
    with pytest.raises(ReaderBug):
        field_type(("assets", "vehicles", "count"))
    with pytest.raises(ReaderBug):
        field_type(("overview", "revenue_grand_total", "amount"))


def test_a_section_the_model_lacks_is_a_reader_bug() -> None:
    draft = Draft("")
    draft.data["overveiw"] = {"revenue_grand_total": Amount("1")}
    with pytest.raises(ReaderBug):
        build_disclosure(draft, 2021, "示例", None)


def test_the_disclosure_is_built_by_the_converter() -> None:
    draft = Draft("收入总计1万元")
    draft.put(("overview", "revenue_grand_total"), Amount("1.50"), HERE)
    built = build_disclosure(draft, 2021, "示例", None)
    assert built.overview is not None and built.overview.revenue_grand_total == Amount("1.50")
