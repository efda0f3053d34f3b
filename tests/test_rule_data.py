"""The built-in rules' metadata: the registry compared with a reviewed snapshot of every rule.

``tests/data/registry-snapshot.json`` lists every built-in rule as the registry held it when the
rules were still registered by a call after each function: id, the function checking it (module and
name), titles, formula, severity, tolerance, group and subject.  Moving the metadata elsewhere must
leave every field of every rule, and their order, unchanged; a deliberate change to a rule's text
is a change to this file too, reviewed in its diff.
"""

from __future__ import annotations

import inspect
import json
import tomllib
from importlib import resources
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from budgetacct.auditing import REGISTRY, Rule, RuleRegistry, Severity, registry, rule
from budgetacct.auditing.check import Checker
from budgetacct.auditing.registry import RuleDataError, load_rules

SNAPSHOT = Path(__file__).parent / "data" / "registry-snapshot.json"


def described(entry: Rule) -> dict[str, Any]:
    function = entry.function
    return {
        "id": entry.id,
        "function": f"{function.__module__}.{function.__qualname__}",
        "title_zh": entry.title_zh,
        "title_en": entry.title_en,
        "formula": entry.formula,
        "severity": entry.severity.value,
        "tolerance": entry.tolerance,
        "group": entry.group,
        "subject": entry.subject,
    }


def test_the_registry_holds_the_snapshot_rules_in_order_with_every_field() -> None:
    expected = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    assert [described(entry) for entry in REGISTRY] == expected


# --- load_rules: the data checked against the modules ------------------------------------------

CHECKS = """
from budgetacct.auditing.check import Checker

__all__ = ["helper"]


def first_check(c: Checker) -> None:
    c.fail("$.a", "甲", "a")


def second_check(c: Checker) -> None:
    def nested(c: Checker) -> None:
        pass


def helper(c: Checker) -> None:
    pass


def _private(c: Checker) -> None:
    pass


def x_first_check__mutmut_1(c: Checker) -> None:
    pass
"""

FIRST = """
[[rule]]
id = "R901"
function = "family.first_check"
zh = "第一"
en = "First"
formula = "a = b"
group = "测试"
"""

SECOND = """
[[rule]]
id = "R900"
function = "family.second_check"
zh = "第二"
en = "Second"
formula = "c ≤ d"
severity = "warning"
tolerance = "0（计数）| 0 (counts)"
subject = "budget"
"""


@pytest.fixture
def family() -> dict[str, ModuleType]:
    """A module of checks as the rules package holds them (a helper, a private function and a copy
    of a check as mutmut makes it included)."""
    module = ModuleType("tests_rule_family")
    exec(compile(CHECKS, "tests_rule_family.py", "exec"), module.__dict__)
    for value in vars(module).values():
        if inspect.isfunction(value):
            value.__module__ = module.__name__
    return {"family": module}


def test_entries_become_rules_with_their_fields_and_the_defaults_of_rule(
    family: dict[str, ModuleType],
) -> None:
    reg = load_rules(FIRST + SECOND, family, RuleRegistry())
    assert reg.ids() == ("R900", "R901")
    first, second = reg["R901"], reg["R900"]
    assert first.function is family["family"].first_check
    assert second.function is family["family"].second_check
    assert (first.title_zh, first.title_en, first.formula, first.group) == ("第一", "First", "a = b", "测试")
    assert (first.severity, first.subject) == (Severity.ERROR, "disclosure")
    assert first.tolerance == registry._TOLERANCE_ROUNDED
    assert (second.severity, second.tolerance, second.group, second.subject) == (
        Severity.WARNING,
        "0（计数）| 0 (counts)",
        "",
        "budget",
    )


@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        (FIRST, r"not described \['family.second_check'\]"),
        (FIRST + SECOND + FIRST.replace("R901", "R902"), r"described twice \['family.first_check'\]"),
        (FIRST + SECOND.replace("R900", "R901"), r"rule R901 is registered twice"),
        (
            FIRST + SECOND + FIRST.replace("R901", "R903").replace("first_check", "missing"),
            r"'family.missing'",
        ),
        (
            FIRST + SECOND + FIRST.replace("R901", "R903").replace("first_check", "helpers"),
            r"'family.helpers'",
        ),
        (
            FIRST + SECOND + SECOND.replace("R900", "R903").replace("family.", "other."),
            r"'other.second_check' names no module",
        ),
        (FIRST + SECOND + FIRST.replace("R901", "R903").replace("first_check", "Checker"), r"not a function"),
        (FIRST + SECOND.replace('"warning"', '"fatal"'), r"R900: unknown severity 'fatal'"),
        (FIRST + SECOND.replace('"budget"', '"ledger"'), r"R900: unknown severity .* or subject 'ledger'"),
        (FIRST + SECOND.replace('id = "R900"', 'id = "900"'), r"'900' is no rule id"),
        (FIRST + SECOND.replace('id = "R900"', 'id = "R9a"'), r"'R9a' is no rule id"),
        (FIRST + SECOND.replace('formula = "c ≤ d"', ""), r"R900: missing \['formula'\], unknown \[\]"),
        (FIRST + SECOND + "title = 1\n", r"R900: missing \[\], unknown \['title'\]"),
        (FIRST + SECOND.replace('"第二"', "2"), r"R900: every field is a string"),
        (FIRST + SECOND + "[other]\n", r"only \[\[rule\]\] entries"),
        (FIRST + "[[rule", r"not valid TOML"),
    ],
)
def test_bad_rule_data_is_refused_when_loaded(
    family: dict[str, ModuleType], text: str, complaint: str
) -> None:
    with pytest.raises(RuleDataError, match=complaint):
        load_rules(text, family, RuleRegistry())


def test_a_nested_function_is_no_rule_function(family: dict[str, ModuleType]) -> None:
    module = family["family"]
    vars(module)["nested"] = module.second_check.__code__  # not a function at all
    with pytest.raises(RuleDataError, match=r"'family\.nested' is not a function"):
        load_rules(
            FIRST + SECOND + FIRST.replace("R901", "R903").replace("first_check", "nested"),
            family,
            RuleRegistry(),
        )

    def inner(c: Checker) -> None:
        """Defined in a function: its qualified name is not its name."""

    inner.__module__ = module.__name__
    vars(module)["inner"] = inner
    with pytest.raises(RuleDataError, match=r"'family\.inner' is not a function defined at the top"):
        load_rules(
            FIRST + SECOND + FIRST.replace("R901", "R903").replace("first_check", "inner"),
            family,
            RuleRegistry(),
        )


def test_a_function_imported_from_elsewhere_is_not_a_check_of_the_module(
    family: dict[str, ModuleType],
) -> None:
    module = family["family"]
    vars(module)["plain"] = (
        registry.rule
    )  # imported, not defined there: needs no entry, and is no rule function
    assert load_rules(FIRST + SECOND, family, RuleRegistry()).ids() == ("R900", "R901")
    with pytest.raises(RuleDataError, match=r"'family\.plain' is not a function defined at the top"):
        load_rules(
            FIRST + SECOND + FIRST.replace("R901", "R903").replace("first_check", "plain"),
            family,
            RuleRegistry(),
        )


def test_the_built_in_data_describes_every_check_of_the_rules_package_once() -> None:
    reg = registry.register_builtin_rules(RuleRegistry())
    assert [described(entry) for entry in reg] == [described(entry) for entry in REGISTRY]
    assert {entry.function for entry in reg} == {entry.function for entry in REGISTRY}
    assert len({entry.function for entry in REGISTRY}) == len(REGISTRY)


def test_the_data_file_is_packaged_with_the_library() -> None:
    data = resources.files("budgetacct.auditing").joinpath("data", "rules.toml")
    assert data.is_file()
    pyproject = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["tool"]["hatch"]["build"]["targets"]["wheel"]["packages"] == ["src/budgetacct"]


# --- rule(): one's own rules -------------------------------------------------------------------


def test_rule_is_a_decorator_for_rules_of_ones_own(monkeypatch: pytest.MonkeyPatch) -> None:
    fresh = RuleRegistry()  # in place of the global one, so the test rule never reaches audit()
    monkeypatch.setattr(registry, "REGISTRY", fresh)

    @rule(
        "R950",
        zh="部门自定规则",
        en="A department's own rule",
        formula="x = y",
        group="本部门",
        severity=Severity.NOTE,
    )
    def own_check(c: Checker) -> None:
        c.fail("$.department", "部门名称", "department name")

    assert fresh.ids() == ("R950",)
    got = fresh["R950"]
    assert got.function is own_check and own_check.__name__ == "own_check"
    assert (got.title_zh, got.title_en, got.formula, got.group, got.severity, got.subject) == (
        "部门自定规则",
        "A department's own rule",
        "x = y",
        "本部门",
        Severity.NOTE,
        "disclosure",
    )
