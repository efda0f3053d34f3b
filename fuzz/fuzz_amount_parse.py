"""atheris target: ``Amount.parse`` on arbitrary text."""

import atheris

with atheris.instrument_imports(include=["budgetacct"]):
    from budgetacct.money import Amount

from _common import run

if __name__ == "__main__":
    run(Amount.parse)
