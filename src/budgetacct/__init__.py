"""budgetacct — the typed, executable reference model of Chinese department budgets and final accounts."""

from budgetacct.auditing import AuditReport, Finding, audit
from budgetacct.codes import EconomicCode, FunctionCode
from budgetacct.errors import (
    BudgetAcctError,
    CatalogueError,
    InputError,
    InvalidValue,
    InvariantError,
    MissingDependency,
    UnknownCode,
)
from budgetacct.examples import load_example
from budgetacct.io import dump, load, loads, structure, unstructure
from budgetacct.model import (
    Budget,
    BudgetAccount,
    Disclosure,
    ExpenditureItem,
    ExpenditureKind,
    Fund,
    Ledger,
    RevenueItem,
    RevenueSource,
    Severity,
    StatedChange,
)
from budgetacct.model.indicators import evaluate, parse_indicator_value
from budgetacct.money import Amount, Change, Direction, Percent, Unit, parse_amount, shares
from budgetacct.pair import audit_pair
from budgetacct.reader import ReadResult, read_report
from budgetacct.reader.published import PublishedRead, read_published

__version__ = "0.1.0"

__all__ = [
    "Amount",
    "AuditReport",
    "Budget",
    "BudgetAccount",
    "BudgetAcctError",
    "CatalogueError",
    "Change",
    "Direction",
    "Disclosure",
    "EconomicCode",
    "ExpenditureItem",
    "ExpenditureKind",
    "Finding",
    "FunctionCode",
    "Fund",
    "InputError",
    "InvalidValue",
    "InvariantError",
    "Ledger",
    "MissingDependency",
    "Percent",
    "PublishedRead",
    "ReadResult",
    "RevenueItem",
    "RevenueSource",
    "Severity",
    "StatedChange",
    "Unit",
    "UnknownCode",
    "__version__",
    "audit",
    "audit_pair",
    "dump",
    "evaluate",
    "load",
    "load_example",
    "loads",
    "parse_amount",
    "parse_indicator_value",
    "read_published",
    "read_report",
    "shares",
    "structure",
    "unstructure",
]
