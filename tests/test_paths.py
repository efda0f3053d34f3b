"""Paths to a value (``budgetacct.paths``): rendering, parsing back, resolving inside objects."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from budgetacct import Amount, InvalidValue, Percent, load_example
from budgetacct.errors import UnresolvedPath, join_path
from budgetacct.model import Disclosure
from budgetacct.paths import Path, parse_path, render_path, resolve_path

parts = st.one_of(st.text(max_size=12), st.integers(min_value=0, max_value=10**9))
paths = st.lists(parts, max_size=8).map(tuple)


@pytest.fixture(scope="module")
def seed() -> Disclosure:
    return load_example("xiqu-2021")


@given(paths)
def test_every_path_reads_back_from_its_text(path: Path) -> None:
    assert parse_path(render_path(path)) == path


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ((), "$"),
        (("expenditure", "lines", 3, "amount"), "$.expenditure.lines[3].amount"),
        (("部门", 0), "$.部门[0]"),
        (("items", "a b"), "$.items['a b']"),
        (("3",), "$['3']"),
        ((3,), "$[3]"),
        (("",), "$['']"),
        (("it's",), '$["it\'s"]'),
        (("a.b", "c[0]"), "$['a.b']['c[0]']"),
    ],
)
def test_rendering(path: Path, text: str) -> None:
    assert render_path(path) == text
    assert parse_path(text) == path


def test_join_path_extends_a_rendered_path() -> None:
    assert join_path("$", "lines") == "$.lines"
    assert join_path("$.lines", 3) == "$.lines[3]"
    assert join_path("$.lines[3]", "odd key") == "$.lines[3]['odd key']"


@pytest.mark.parametrize(
    "text",
    ["", "lines", "$.", "$..a", "$[", "$[01]", "$[-1]", "$[x]", "$.a b", "$['a]", "$[1", "$.1a", "$ .a", 3],
)
def test_malformed_text_is_refused(text: object) -> None:
    with pytest.raises(InvalidValue) as caught:
        parse_path(text)  # type: ignore[arg-type]
    assert caught.value.found == text
    assert "path starting with $" in caught.value.en


def test_resolve_walks_attrs_objects_and_tuples(seed: Disclosure) -> None:
    assert resolve_path(seed, "$.revenue.lines[0].share") == Percent("88.96")
    assert resolve_path(seed, ("revenue", "lines", 0, "share")) == Percent("88.96")
    assert resolve_path(seed, "$.staffing.units[2].actual") == 12
    assert resolve_path(seed, "$.year") == 2021
    assert resolve_path(seed, "$") is seed
    lines = resolve_path(seed, "$.revenue.lines")
    assert isinstance(lines, tuple)
    assert resolve_path(seed, f"$.revenue.lines[{len(lines) - 1}]") is lines[-1]


def test_resolve_walks_dicts_and_lists() -> None:
    document = {"lines": [{"amount": Amount("1.50")}], "odd key": {"3": "three"}}
    assert resolve_path(document, "$.lines[0].amount") == Amount("1.50")
    assert resolve_path(document, "$['odd key']['3']") == "three"


@pytest.mark.parametrize(
    ("path", "stopped_at"),
    [
        ("$.nope", "$.nope"),
        ("$.revenue.lines[99].amount", "$.revenue.lines[99]"),
        ("$.revenue.total.digits", "$.revenue.total.digits"),  # an Amount is not walked into
        ("$.year[0]", "$.year[0]"),
        ("$['nope']", "$.nope"),
        ("revenue", "revenue"),
        ("$.revenue.lines[x]", "$.revenue.lines[x]"),
    ],
)
def test_resolve_says_where_it_stopped(seed: Disclosure, path: str, stopped_at: str) -> None:
    with pytest.raises(UnresolvedPath) as caught:
        resolve_path(seed, path)
    error = caught.value
    assert isinstance(error, LookupError)
    assert (error.path, error.stopped_at) == (path, stopped_at)
    assert stopped_at in error.en
    assert stopped_at in error.zh
    copy = pickle.loads(pickle.dumps(error))
    assert (type(copy), copy.path, copy.stopped_at, str(copy)) == (
        UnresolvedPath,
        path,
        stopped_at,
        str(error),
    )


def test_resolve_takes_parts_too(seed: Disclosure) -> None:
    with pytest.raises(UnresolvedPath) as caught:
        resolve_path(seed, ("revenue", "lines", 99, "amount"))
    assert (caught.value.path, caught.value.stopped_at) == (
        "$.revenue.lines[99].amount",
        "$.revenue.lines[99]",
    )


def test_the_index_of_a_key_is_not_the_key() -> None:
    with pytest.raises(UnresolvedPath):
        resolve_path({"3": "three"}, "$[3]")
    with pytest.raises(UnresolvedPath):
        resolve_path(["zero"], "$['0']")
