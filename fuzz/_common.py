"""Shared harness for the atheris fuzz targets: only budgetacct's own errors may escape."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable

import atheris

with atheris.instrument_imports(include=["budgetacct"]):
    from budgetacct.errors import BudgetAcctError


def run(target: Callable[[str], object], argv: list[str] | None = None) -> None:
    """Fuzz ``target`` with arbitrary Unicode text; a typed BudgetAcctError is an accepted outcome."""

    def one_input(data: bytes) -> None:
        text = atheris.FuzzedDataProvider(data).ConsumeUnicodeNoSurrogates(len(data))
        with contextlib.suppress(BudgetAcctError):
            target(text)

    atheris.Setup(argv if argv is not None else sys.argv, one_input)
    atheris.Fuzz()
