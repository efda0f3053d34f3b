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

__version__ = "0.1.0"

__all__ = [
    "Amount",
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
