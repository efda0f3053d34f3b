"""A change rate printed to fewer decimal places than two is checked at the precision it prints."""

from __future__ import annotations

import pytest

from budgetacct import Severity, audit
from budgetacct.reader import read_text

#: 874.63 against 894.00 last year: 19.37 less, 2.1667 % → 2.17 % to two places.
SENTENCE = "2021年度收、支总计874.63万元，与2020年相比，收、支总计各减少19.37万元，下降{rate}%。"


def _rate_findings(rate: str) -> list[tuple[str, Severity]]:
    read = read_text(SENTENCE.format(rate=rate), department="示例单位", year=2021)
    return [(f.rule, f.severity) for f in audit(read.disclosure).findings if f.path.endswith(".rate")]


@pytest.mark.parametrize("rate", ["2.2", "2"])
def test_a_rate_right_at_its_own_precision_is_a_note_on_the_precision(rate: str) -> None:
    read = read_text(SENTENCE.format(rate=rate), department="示例单位", year=2021)
    (finding,) = [f for f in audit(read.disclosure).findings if f.path.endswith(".rate")]
    assert (finding.rule, finding.severity) == ("R38", Severity.NOTE)
    assert str(finding.expected) == "2.17"
    assert f"只印到{len(rate.partition('.')[2])}位小数" in finding.message.zh


def test_a_rate_printed_to_two_places_and_right_has_no_finding() -> None:
    assert _rate_findings("2.17") == []


@pytest.mark.parametrize("rate", ["2.3", "3", "2.19"])
def test_a_rate_wrong_at_its_own_precision_is_an_error(rate: str) -> None:
    assert _rate_findings(rate) == [("R38", Severity.ERROR)]
