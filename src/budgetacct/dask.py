"""Audit reports on a Dask cluster (extra ``budgetacct[dask]``).

The work is :func:`budgetacct.batch.audit_path`, a picklable function of a path that returns a
JSON-ready dict, so the same code runs on threads, local processes or a ``dask.distributed``
cluster.  Recipe for a cluster whose workers see the same files (a shared file system or object
store mounted at the same path)::

    from dask.distributed import Client
    from budgetacct.dask import audit_bag

    client = Client("tcp://scheduler:8786")     # or LocalCluster(n_workers=8)
    results = audit_bag(["/data/reports/2023/"]).compute()
    errors = [r for r in results if r["counts"]["error"]]

Each worker needs ``pip install budgetacct``; nothing else is shared between tasks.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterable
from typing import Any

from budgetacct.batch import audit_path, find_reports, skipped_record
from budgetacct.errors import MissingDependency

__all__ = ["audit_bag"]


def audit_bag(paths_or_bag: Iterable[str | os.PathLike[str]] | Any, *, npartitions: int | None = None) -> Any:
    """A Dask bag of audit results (one dict per report, as :func:`budgetacct.batch.audit_path`).

    ``paths_or_bag`` is either paths (files, directories, globs — expanded here; a directory's
    files that are no report come back as ``"skipped"`` records) or an existing
    ``dask.bag.Bag`` of paths.  Nothing is computed until you call ``.compute()``.
    """
    try:
        db: Any = importlib.import_module("dask.bag")
    except ImportError as exc:  # pragma: no cover - exercised when the extra is missing
        raise MissingDependency("dask", "dask") from exc
    if isinstance(paths_or_bag, db.Bag):
        return paths_or_bag.map(audit_path)
    files, skipped = find_reports(paths_or_bag)
    partitions = npartitions or max(1, min(len(files), (os.cpu_count() or 1) * 4))
    audited = db.from_sequence(files, npartitions=partitions).map(audit_path)
    # The directories' other files are named too (status "skipped"), never dropped silently.
    return db.concat([audited, db.from_sequence(skipped).map(skipped_record)]) if skipped else audited
