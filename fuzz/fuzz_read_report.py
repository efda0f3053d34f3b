"""atheris target: ``read_report`` on arbitrary text."""

import atheris

with atheris.instrument_imports(include=["budgetacct"]):
    from budgetacct.reader import read_report

from _common import run

if __name__ == "__main__":
    run(read_report)
