"""The built-in rules' metadata: the registry compared with a reviewed snapshot of every rule.

``tests/data/registry-snapshot.json`` lists every built-in rule as the registry held it when the
rules were still registered by a call after each function: id, the function checking it (module and
name), titles, formula, severity, tolerance, group and subject.  Moving the metadata elsewhere must
leave every field of every rule, and their order, unchanged; a deliberate change to a rule's text
is a change to this file too, reviewed in its diff.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from budgetacct.auditing import REGISTRY, Rule

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
