"""StatedChange.between: the change a publisher words from two printed figures."""

from __future__ import annotations

from budgetacct.model.disclosure import StatedChange
from budgetacct.money import Amount, Direction, Percent


def test_a_fall_states_its_magnitudes_without_sign() -> None:
    assert StatedChange.between(Amount("894"), Amount("874.63")) == StatedChange(
        Direction.DECREASE, Amount("19.37"), Percent("2.17"), previous=Amount("894")
    )


def test_a_flat_change_states_no_amount_and_no_rate() -> None:
    assert StatedChange.between(Amount("12.30"), Amount("12.3")) == StatedChange.flat(Amount("12.30"))


def test_a_rise_from_zero_has_no_rate() -> None:
    assert StatedChange.between(Amount("0"), Amount("5")) == StatedChange(
        Direction.INCREASE, Amount("5"), None, previous=Amount("0")
    )
