"""``python -m budgetacct`` runs the command line (see :mod:`budgetacct.cli`)."""

from budgetacct.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
