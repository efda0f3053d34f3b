"""budgetacct.model.table_specs keeps the layout vocabulary importable where the specs are."""

from __future__ import annotations

from budgetacct.model import table_layout, table_specs


def test_every_layout_name_is_importable_from_table_specs() -> None:
    for name in table_layout.__all__:
        assert getattr(table_specs, name) is getattr(table_layout, name), name


def test_table_specs_all_lists_its_own_names_and_the_layout_names_once() -> None:
    assert {"SPECS", "TABLE_SETS", "UNIVERSITY_SPECS", "find_spec", "normalize_title", "spec_for"} <= set(
        table_specs.__all__
    )
    assert set(table_layout.__all__) <= set(table_specs.__all__)
    assert len(table_specs.__all__) == len(set(table_specs.__all__))
