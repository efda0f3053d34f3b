"""atheris target: ``read_published`` on arbitrary bytes (a PDF, Word file, workbook or web page).

Seeded with small damaged and hand-made files; a published report's reader must refuse garbage
with a typed error (corrupt, encrypted, too large, scanned …), never crash or hang.
"""

import contextlib
import sys

import atheris

with atheris.instrument_imports(include=["budgetacct"]):
    from budgetacct.errors import BudgetAcctError
    from budgetacct.reader.published import read_published


def one_input(data: bytes) -> None:
    with contextlib.suppress(BudgetAcctError):
        read_published(data, year=2024, department="示例部门")


if __name__ == "__main__":
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
