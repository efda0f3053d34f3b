"""Test-run settings: in CI, Hypothesis explores a fixed (derandomized) set of examples.

Local runs stay random, so new counterexamples keep being found; CI (``CI=true``, as ``.ci/run`` is
invoked) must give the same verdict for the same commit, and a shared machine's timing must not
fail a property through Hypothesis' per-example deadline.
"""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")
