"""R9's one-pass roll-up against a plain reference, and the row lists R56 walks.

``rules.tables._rollup`` sums every parent's children column by column in one pass and builds lists only
for a parent that differs.  The reference below is the straightforward statement of the rule
(children present, a column compared only when the parent and every child print it); Hypothesis
draws small figures so that coincidences — a parent equal to its *first* child, a column blank in
one child only — are common, which is where a one-pass shortcut could go wrong.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import example, given, settings
from hypothesis import strategies as st

from _rule_cases import A, disclosure, fl
from budgetacct import audit
from budgetacct.model import Expenditure, FunctionLine, GeneralBudget

_CODES = ["201", "20101", "2010101", "2010102", "2010103", "20102", "2010201", "205", "20502", "2050202"]


def _reference(lines: list[FunctionLine]) -> list[str]:
    """The paths R9 reports for ``lines``, computed the plain way."""
    present = {line.code.code: i for i, line in enumerate(lines)}
    parents: list[str] = []
    for line in lines:
        code = line.code.code
        if len(code) > 3 and code[:-2] in present and code[:-2] not in parents:
            parents.append(code[:-2])
    paths = []
    for parent in parents:
        i = present[parent]
        line = lines[i]
        kids = [kid for kid in lines if len(kid.code.code) > 3 and kid.code.code[:-2] == parent]
        if line.amount.value != sum((kid.amount.value for kid in kids), Decimal(0)):
            paths.append(f"$.expenditure.rows[{i}].amount")
        for column in ("basic", "project"):
            value = getattr(line, column)
            parts = [getattr(kid, column) for kid in kids]
            if value is None or any(part is None for part in parts):
                continue
            if value.value != sum((part.value for part in parts), Decimal(0)):
                paths.append(f"$.expenditure.rows[{i}].{column}")
    return paths


_FIGURE = st.integers(0, 3).map(str)


@st.composite
def _rows(draw: st.DrawFn) -> list[FunctionLine]:
    codes = draw(st.lists(st.sampled_from(_CODES), min_size=1, max_size=8, unique=True))
    rows = []
    for code in codes:
        columns = {
            name: value
            for name in ("basic", "project")
            if (value := draw(st.one_of(st.none(), _FIGURE))) is not None
        }
        rows.append(fl(code, draw(_FIGURE), **columns))
    return rows


@given(_rows())
# A parent with three children (every child's figure is added to the running sums), and a parent
# equal to its first child's basic column and to the basic columns' sum in its project column (a
# sum kept in the wrong column would pass it).
@example([fl("20101", "6"), fl("2010101", "2"), fl("2010102", "2"), fl("2010103", "2")])
@example(
    [
        fl("20101", "6", basic="1", project="4"),
        fl("2010101", "3", basic="1", project="2"),
        fl("2010102", "3", basic="2", project="1"),
    ]
)
@settings(max_examples=400, deadline=None)
def test_one_pass_roll_up_reports_what_the_plain_rule_reports(rows: list[FunctionLine]) -> None:
    d = disclosure(expenditure=Expenditure(total=A("1"), rows=tuple(rows)))
    found = [f.path for f in audit(d, rules=["R9"])]
    assert found == sorted(_reference(rows))  # the report sorts findings by path


def test_a_parent_equal_to_its_first_child_alone_is_still_summed() -> None:
    rows = (
        fl("20101", "2", basic="1", project="1"),
        fl("2010101", "2", basic="1", project="1"),
        fl("2010102", "1", basic="1"),  # no project column: project not compared
    )
    d = disclosure(expenditure=Expenditure(total=A("3"), rows=rows))
    assert [f.path for f in audit(d, rules=["R9"])] == [
        "$.expenditure.rows[0].amount",
        "$.expenditure.rows[0].basic",
    ]


def test_a_blank_column_in_a_child_is_not_compared_when_the_total_differs() -> None:
    rows = (
        fl("20101", "5", basic="3"),
        fl("2010101", "2", basic="2"),
        fl("2010102", "1"),  # prints no basic column
    )
    d = disclosure(expenditure=Expenditure(total=A("5"), rows=rows))
    assert [f.path for f in audit(d, rules=["R9"])] == ["$.expenditure.rows[0].amount"]


def test_r56_reads_the_names_of_every_table() -> None:
    # A name that differs from the catalogue in one table only is found wherever it is.
    for section in ("expenditure_classes", "expenditure_rows", "gb_classes", "gb_items", "gb_rows"):
        line = FunctionLine(fl("2010301", "1").code, A("1"), name="行政运作")
        expenditure = Expenditure(
            total=A("1"),
            classes=(line,) if section == "expenditure_classes" else (),
            rows=(line,) if section == "expenditure_rows" else (),
        )
        gb = GeneralBudget(
            total=A("1"),
            classes=(line,) if section == "gb_classes" else (),
            items=(line,) if section == "gb_items" else (),
            rows=(line,) if section == "gb_rows" else (),
        )
        d = disclosure(expenditure=expenditure, general_budget=gb)
        assert [f.expected for f in audit(d, rules=["R56"])] == ["行政运行"], section
