"""Test-run settings and the fixtures every test module may use.

In CI, Hypothesis explores a fixed (derandomized) set of examples. Local runs stay random, so new
counterexamples keep being found; CI (``CI=true``, as ``.ci/run`` is invoked) must give the same
verdict for the same commit, and a shared machine's timing must not fail a property through
Hypothesis' per-example deadline.

The ``messages`` fixture compares user-facing message texts with a reviewed snapshot
(``tests/__snapshots__/<module>.ambr``, written by syrupy) instead of pinning each wording by hand
in the test: rewording a message is ``pytest --snapshot-update`` and a review of the diff
(docs/testing.md, "Message snapshots").
"""

from __future__ import annotations

import os
from collections.abc import Callable

import pytest
from hypothesis import settings
from syrupy.assertion import SnapshotAssertion

from budgetacct.errors import InvalidValue

settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


MessageTexts = dict[str, str]


def message_texts(item: object) -> MessageTexts:
    """The Chinese and English texts ``item`` shows a user.

    An :class:`InvalidValue` gives what it expected (its full message also repeats the value found,
    whose ``repr`` may hold a memory address); any other budgetacct error, an audit ``Message``, or
    an object with a ``message`` (a ``Finding``) gives both messages.
    """
    if isinstance(item, InvalidValue):
        return {"expected_zh": item.expected_zh, "expected_en": item.expected_en}
    texts = getattr(item, "message", item)
    zh, en = getattr(texts, "zh", None), getattr(texts, "en", None)
    if not (isinstance(zh, str) and isinstance(en, str)):
        raise TypeError(f"no zh/en message texts in {item!r}")
    return {"zh": zh, "en": en}


@pytest.fixture
def messages(snapshot: SnapshotAssertion) -> Callable[..., None]:
    """``messages(*items)``: the message texts of ``items``, in order, equal the test's next snapshot.

    One call with one item stores one ``{zh, en}`` entry; with several items a list of them; with none
    (``messages(*found)`` where a case finds nothing) no entry. Each call of a test is its own
    snapshot (``test_x[id]``, ``test_x[id].1`` …).
    """

    def check(*items: object) -> None:
        if not items:  # a case that expects no finding: nothing is shown, so no entry is stored
            return
        texts = [message_texts(item) for item in items]
        assert snapshot == (texts[0] if len(texts) == 1 else texts)

    return check
