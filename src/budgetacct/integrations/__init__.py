"""Bridges to other libraries, each behind its optional extra and imported only when used.

* :mod:`budgetacct.integrations.pandas` — ``to_frame`` for tables, audit reports and ledgers
  (``pip install budgetacct[pandas]``).
"""

from __future__ import annotations

__all__: list[str] = []
