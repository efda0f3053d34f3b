"""The audit rules, one module per family; importing the package registers every rule.

Disclosure rules follow DOMAIN.md §B (R1–R46, R55–R59), performance rules §B.9 (R47–R54), and
R61 and up are budgetacct's own.  Each rule is a plain module-level function named for what it
checks; its id, titles, formula, group, severity, tolerance and subject are data, one entry of
``budgetacct/auditing/data/rules.toml`` naming the function, registered below once every module
is imported.  No decorator and no call follows a rule's body: mutation testing (mutmut 3) leaves
decorated functions alone, and the rule bodies are what the audit is
(docs/decisions/0011-rules-registered-by-call.md, 0018-rule-metadata-as-data.md).

Every rule skips figures the report does not state: a partial report is checked on what it says.
"""

from budgetacct.auditing.registry import register_builtin_rules
from budgetacct.auditing.rules import (
    budget_figures,
    budget_pair,
    budget_tables,
    codes_and_precision,
    coverage,
    fiscal,
    general_budget,
    other_matters,
    performance_claims_and_labels,
    performance_project,
    performance_scores,
    performance_tables,
    shares_and_changes,
    statements,
    table_agreement,
    table_structure,
    table_sums,
    tables,
    three_public,
    totals,
)

register_builtin_rules()

__all__ = [
    "budget_figures",
    "budget_pair",
    "budget_tables",
    "codes_and_precision",
    "coverage",
    "fiscal",
    "general_budget",
    "other_matters",
    "performance_claims_and_labels",
    "performance_project",
    "performance_scores",
    "performance_tables",
    "shares_and_changes",
    "statements",
    "table_agreement",
    "table_structure",
    "table_sums",
    "tables",
    "three_public",
    "totals",
]
