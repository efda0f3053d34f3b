"""atheris target: ``budgetacct.io.loads`` on arbitrary text (JSON or not)."""

import atheris

with atheris.instrument_imports(include=["budgetacct"]):
    from budgetacct.io import loads

from _common import run

if __name__ == "__main__":
    run(loads)
