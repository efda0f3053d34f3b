"""The budget reader against the model: each lexicon field must name a place of the Budget when the
lexicon is loaded, and a section built with a key the model lacks fails loudly."""

from __future__ import annotations

import pytest

from budgetacct.errors import InputError
from budgetacct.model.budget import BudgetOverview
from budgetacct.money import Amount
from budgetacct.paths import render_path
from budgetacct.reader.assemble import structure_section
from budgetacct.reader.budget_fields import check_budget_field
from budgetacct.reader.lexicon import LEXICON, load_lexicon
from budgetacct.reader.schema import ReaderBug

SOURCES = """
[sources.here]
province = "江苏"
year = 2019
document = "a test"
"""


def _wording(*fields: str) -> str:
    listed = ", ".join(f'"{field}"' for field in fields)
    return f'{SOURCES}\n[[budget_wording]]\nfields = [{listed}]\npattern = "收入预算"\nseen = ["here"]\n'


@pytest.mark.parametrize(
    ("field", "missing"),
    [
        ("revenue.totl", "the model has no field totl on BudgetRevenue"),
        ("overview.revenue_grand_totl", "the model has no field revenue_grand_totl on BudgetOverview"),
        ("three_public.outbond", "the model has no field outbond on BudgetThreePublic"),
        ("expenditure.basic_chang", "the model has no field basic_chang on BudgetExpenditure"),
        ("operating_cost", "the model has no field operating_cost on Budget"),
    ],
)
def test_a_misspelt_budget_field_fails_when_the_lexicon_is_loaded(field: str, missing: str) -> None:
    with pytest.raises(ReaderBug) as raised:
        load_lexicon(_wording("revenue.total", field))
    message = str(raised.value)
    assert f"budget_wording 1 ('收入预算'): field {field!r} has no place in the Budget" in message
    assert missing in message


def test_every_field_of_the_bundled_wordings_has_a_place() -> None:
    fields = {field for wording in LEXICON.budget_wordings for field in wording.fields}
    assert {"revenue.general_budget", "three_public.reception", "operating_costs"} <= fields
    assert load_lexicon(_wording(*sorted(fields))).budget_wordings[0].fields == tuple(sorted(fields))


#: A field and the Budget path it is stored at when every revenue line and fund is read.
STORED_AT = {
    "revenue.total": "$.revenue.total",
    "revenue.business": "$.revenue.lines[3].amount",
    "fiscal.state_capital.change": "$.fiscal.funds[2].change.amount",
    "three_public.vehicles.change": "$.three_public.vehicles.change.amount",
    "meeting_costs": "$.meeting_costs.amount",
    "expenditure.reserve_change": "$.expenditure.reserve_change.amount",
    "general_budget.items:2010301.factors:1": "$.general_budget.items[0].factors[1].amount",
    "targets.lines:4": "$.targets.lines[4].amount",
}


@pytest.mark.parametrize(("field", "path"), STORED_AT.items())
def test_a_field_is_checked_at_the_path_it_is_stored_at(field: str, path: str) -> None:
    assert render_path(check_budget_field(field)) == path


def test_a_budget_section_with_a_key_the_model_lacks_fails_loudly() -> None:
    built = structure_section("overview", {"revenue_total": Amount("12.5")}, BudgetOverview)
    assert built == BudgetOverview(revenue_total=Amount("12.5"))
    with pytest.raises(ReaderBug, match="section overview"):
        structure_section("overview", {"revenue_totl": Amount("12.5")}, BudgetOverview)


def test_a_budget_section_the_model_refuses_is_input_error() -> None:
    with pytest.raises(InputError):
        structure_section("overview", {"revenue_total": Amount("-1")}, BudgetOverview)
