"""The rule registry: every check is a named, documented entry.

A rule has a stable id (R1–R60 follow ``DOMAIN.md``; R61 and up are budgetacct's own), a title
in Chinese and English, its formula, its severity when the identity cannot hold, the tolerance
it uses, and the function that runs it.  The documentation's rule catalogue is generated from
this registry, so no rule exists only in prose.

The built-in rules are described by data, ``data/rules.toml`` (one ``[[rule]]`` entry each, naming
its function in :mod:`budgetacct.auditing.rules`), loaded by :func:`register_builtin_rules` when the
rules package is imported and checked then (:func:`load_rules`): a bad entry, a rule function
without an entry or an id given twice raises :class:`RuleDataError` at import, so it fails every
test.  Rules of one's own are registered with :func:`rule`, used as a decorator::

    @rule("R900", zh="……", en="…", formula="…", group="本部门")
    def my_check(c: Checker) -> None: ...

(docs/decisions/0018-rule-metadata-as-data.md).
"""

from __future__ import annotations

import bisect
import importlib
import inspect
import pkgutil
import tomllib
from collections.abc import Callable, Iterator, Mapping
from importlib import resources
from typing import TYPE_CHECKING, Any, Final

import attrs

from budgetacct.model.enums import Severity

if TYPE_CHECKING:  # pragma: no cover
    from budgetacct.auditing.check import Checker

__all__ = [
    "REGISTRY",
    "Rule",
    "RuleDataError",
    "RuleRegistry",
    "load_rules",
    "register_builtin_rules",
    "rule",
]

RuleFunction = Callable[["Checker"], None]


@attrs.frozen
class Rule:
    """One audit rule, as documented in the rule catalogue."""

    id: str
    title_zh: str
    title_en: str
    formula: str
    severity: Severity
    tolerance: str
    function: RuleFunction = attrs.field(repr=False, eq=False)
    group: str = ""
    #: What the rule checks: a 决算 (``"disclosure"``), a 预算 (``"budget"``) or a budget against
    #: the same year's 决算 (``"pair"``).
    subject: str = "disclosure"

    @property
    def number(self) -> int:
        return int(self.id.lstrip("R"))


class RuleRegistry:
    """An ordered collection of rules, looked up by id."""

    def __init__(self) -> None:
        self._rules: dict[str, Rule] = {}
        # In number order, kept as rules are added: every audit iterates the registry, and
        # sorting a hundred rules on each call cost about 3 % of auditing a department.
        self._ordered: tuple[Rule, ...] = ()

    def add(self, new: Rule) -> Rule:
        if new.id in self._rules:
            raise ValueError(f"rule {new.id} is registered twice")
        self._rules[new.id] = new
        ordered = list(self._ordered)
        bisect.insort(ordered, new, key=lambda r: r.number)
        self._ordered = tuple(ordered)
        return new

    def __getitem__(self, rule_id: str) -> Rule:
        return self._rules[rule_id]

    def __contains__(self, rule_id: object) -> bool:
        return rule_id in self._rules

    def __iter__(self) -> Iterator[Rule]:
        return iter(self._ordered)

    def __len__(self) -> int:
        return len(self._rules)

    def ids(self) -> tuple[str, ...]:
        return tuple(r.id for r in self)


REGISTRY = RuleRegistry()

_TOLERANCE_ROUNDED = "每个印刷数 ±0.005 万元（四舍五入区间）；精确账目为 0 | ±0.005 万元 per printed figure; 0 for exact ledgers"


def rule(
    rule_id: str,
    *,
    zh: str,
    en: str,
    formula: str,
    severity: Severity = Severity.ERROR,
    tolerance: str = _TOLERANCE_ROUNDED,
    group: str = "",
    subject: str = "disclosure",
) -> Callable[[RuleFunction], RuleFunction]:
    """Register the decorated function as rule ``rule_id`` (checking a ``subject``).

    This is how a rule of one's own joins :data:`REGISTRY` (and so every :func:`audit`); pick an
    id the built-in rules do not use (they are listed in ``data/rules.toml``)::

        @rule("R900", zh="项目名称不含“其他”", en="No project is named “其他”", formula="名称 ≠ 其他")
        def no_project_named_other(c: Checker) -> None:
            ...

    The function is returned unchanged.  The built-in rules are not registered this way but from
    ``data/rules.toml``, so that mutation testing reaches their bodies
    (docs/decisions/0018-rule-metadata-as-data.md).
    """

    def register(function: RuleFunction) -> RuleFunction:
        REGISTRY.add(Rule(rule_id, zh, en, formula, severity, tolerance, function, group, subject))
        return function

    return register


# --- the built-in rules, from data/rules.toml ---------------------------------------------------

#: The package whose modules hold the built-in rules' functions.
RULES_PACKAGE: Final = "budgetacct.auditing.rules"
_REQUIRED: Final = frozenset({"id", "function", "zh", "en", "formula"})
_OPTIONAL: Final = frozenset({"severity", "tolerance", "group", "subject"})
_SUBJECTS: Final = frozenset({"disclosure", "budget", "pair"})


class RuleDataError(AssertionError):
    """The rule data (``data/rules.toml``) contradicts the rule modules: a bug in budgetacct,
    raised when the rules are loaded, never a property of what is audited."""


def _function(name: object, modules: Mapping[str, Any]) -> RuleFunction:
    """The module-level function that ``name`` (``"module.function"``) names among ``modules``."""
    module_name, _, function_name = str(name).rpartition(".")
    module = modules.get(module_name)
    if not isinstance(name, str) or module is None:
        raise RuleDataError(f"rules: {name!r} names no module of {RULES_PACKAGE}")
    function = getattr(module, function_name, None)
    if not (
        inspect.isfunction(function)
        and function.__module__ == module.__name__
        and function.__qualname__ == function_name
    ):
        raise RuleDataError(f"rules: {name!r} is not a function defined at the top of its module")
    checked: RuleFunction = function
    return checked


def _entry(fields: Mapping[str, Any], modules: Mapping[str, Any]) -> Rule:
    """One ``[[rule]]`` entry as a :class:`Rule`, its fields checked."""
    if not isinstance(fields, Mapping):
        raise RuleDataError(f"rules: an entry is not a table: {fields!r}")
    missing, unknown = _REQUIRED - fields.keys(), fields.keys() - _REQUIRED - _OPTIONAL
    if missing or unknown:
        raise RuleDataError(
            f"rules: {fields.get('id')}: missing {sorted(missing)}, unknown {sorted(unknown)}"
        )
    if not all(isinstance(value, str) for value in fields.values()):
        raise RuleDataError(f"rules: {fields['id']}: every field is a string")
    rule_id: str = fields["id"]
    if not (rule_id.startswith("R") and rule_id[1:].isascii() and rule_id[1:].isdigit()):
        raise RuleDataError(f"rules: {rule_id!r} is no rule id (R and a number)")
    severities = {severity.value: severity for severity in Severity}
    severity = fields.get("severity", Severity.ERROR.value)
    subject = fields.get("subject", "disclosure")
    if severity not in severities or subject not in _SUBJECTS:
        raise RuleDataError(f"rules: {rule_id}: unknown severity {severity!r} or subject {subject!r}")
    return Rule(
        rule_id,
        fields["zh"],
        fields["en"],
        fields["formula"],
        severities[severity],
        fields.get("tolerance", _TOLERANCE_ROUNDED),
        _function(fields["function"], modules),
        fields.get("group", ""),
        subject,
    )


def _check_functions(modules: Mapping[str, Any]) -> set[str]:
    """``"module.function"`` of every check the modules define: a public function defined at the
    top of a module that does not export it as a helper (in ``__all__``).  The copies mutmut makes
    of a function (``x_name__mutmut_3`` …) are no checks of their own."""
    found = set()
    for module_name, module in modules.items():
        helpers = set(getattr(module, "__all__", ()))
        for name, value in vars(module).items():
            if (
                inspect.isfunction(value)
                and value.__module__ == module.__name__
                and not name.startswith("_")
                and "__mutmut_" not in name
                and name not in helpers
            ):
                found.add(f"{module_name}.{name}")
    return found


def load_rules(text: str, modules: Mapping[str, Any], registry: RuleRegistry) -> RuleRegistry:
    """Add the rules that ``text`` (TOML, the form of ``data/rules.toml``) describes to
    ``registry``: their functions looked up in ``modules`` (module name → module), each entry
    checked, every check function of ``modules`` described exactly once."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RuleDataError(f"rules: not valid TOML: {exc}") from None
    if set(data) != {"rule"} or not isinstance(data["rule"], list):
        raise RuleDataError(f"rules: expected only [[rule]] entries, found {sorted(data)}")
    named = [entry.get("function") if isinstance(entry, Mapping) else None for entry in data["rule"]]
    twice = sorted({str(name) for name in named if named.count(name) > 1})
    undescribed = sorted(_check_functions(modules) - set(map(str, named)))
    if twice or undescribed:
        raise RuleDataError(
            f"rules: functions described twice {twice}, not described {undescribed} "
            "(each rule function has one [[rule]] entry in auditing/data/rules.toml)"
        )
    for fields in data["rule"]:
        try:
            registry.add(_entry(fields, modules))
        except ValueError as exc:  # an id given twice
            raise RuleDataError(f"rules: {exc}") from None
    return registry


def register_builtin_rules(registry: RuleRegistry | None = None) -> RuleRegistry:
    """Add the built-in rules of ``data/rules.toml`` to ``registry`` (the global one by default).

    Called once, by :mod:`budgetacct.auditing.rules` after it has imported every rule module."""
    package = importlib.import_module(RULES_PACKAGE)
    modules = {
        found.name: importlib.import_module(f"{RULES_PACKAGE}.{found.name}")
        for found in pkgutil.iter_modules(package.__path__)
    }
    text = resources.files("budgetacct.auditing").joinpath("data", "rules.toml").read_text(encoding="utf-8")
    return load_rules(text, modules, REGISTRY if registry is None else registry)
