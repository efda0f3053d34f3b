"""budgetacct — the typed, executable reference model of Chinese department budgets and final accounts."""

from budgetacct.errors import (
    BudgetAcctError,
    CatalogueError,
    InputError,
    InvalidValue,
    InvariantError,
    UnknownCode,
)
from budgetacct.money import Amount, Change, Direction, Percent, Unit, parse_amount, shares
from budgetacct.model import (
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
from budgetacct.audit import AuditReport, Finding, audit
from budgetacct.codes import EconomicCode, FunctionCode

__version__ = "0.1.0"

__all__ = [
    "Amount",
    "AuditReport",
    "Disclosure",
    "EconomicCode",
    "ExpenditureItem",
    "ExpenditureKind",
    "Finding",
    "Fund",
    "FunctionCode",
    "Ledger",
    "RevenueItem",
    "RevenueSource",
    "Severity",
    "StatedChange",
    "audit",
    "BudgetAcctError",
    "CatalogueError",
    "Change",
    "Direction",
    "InputError",
    "InvalidValue",
    "InvariantError",
    "Percent",
    "Unit",
    "UnknownCode",
    "__version__",
    "parse_amount",
    "shares",
]
