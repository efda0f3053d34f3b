"""Rounding-aware comparison of published figures, and the Checker that rules write findings with.

A figure printed as ``59.77`` (万元) stands for a true value in [59.765, 59.775].  An identity
among printed figures is an *error* only if no true values inside those intervals satisfy it; if
it holds only thanks to rounding it is a *note* (尾数误差).  Exact ledgers are checked with zero
tolerance.  Every finding states the tolerance it used.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Context, Decimal
from typing import Protocol, TypedDict, TypeVar

from budgetacct.auditing.finding import Finding, Message
from budgetacct.auditing.identities import parse_identity, sum_of_terms
from budgetacct.auditing.registry import Rule
from budgetacct.model._unchecked import unchecked
from budgetacct.model.coverage import Coverage
from budgetacct.model.disclosure import Disclosure, StatedChange
from budgetacct.model.enums import Severity
from budgetacct.money import Amount, Direction, Percent

__all__ = ["Checker", "Term", "compared"]

_CTX = Context(prec=40, rounding=ROUND_HALF_UP)
_HUNDRED = Decimal(100)
_CENT = Decimal("0.01")
_ZERO = Decimal(0)

#: A figure in a sum: its path and its printed amount.
Term = tuple[str, Amount]

# Findings and messages have no validators; storing through the slots' setters is cheaper than
# attrs' frozen __init__ (object.__setattr__ by name), and an audit may make thousands.
_finding = unchecked(Finding)
_message = unchecked(Message)


class _Line(Protocol):
    """A printed line of a breakdown (a source, a kind, a 功能分类 row …)."""

    @property
    def amount(self) -> Amount: ...


def _fmt(value: Decimal) -> str:
    text = format(value.normalize(_CTX), "f")
    return "0" if text in ("-0", "0") else text


#: 10**-places for the places a printed figure or percentage may have (made once, not per call).
_QUANTA = {places: Decimal(1).scaleb(-places) for places in range(13)}


def _round(value: Decimal, places: int = 2) -> Decimal:
    quantum = _QUANTA.get(places)
    if quantum is None:
        quantum = Decimal(1).scaleb(-places)
    return value.quantize(quantum, ROUND_HALF_UP, _CTX)


_Number = TypeVar("_Number", Decimal, int)


class _Compared(TypedDict):
    expected: object
    actual: object
    difference: object
    tolerance: object


def compared(expected: _Number, actual: _Number, tolerance: _Number) -> _Compared:
    """The figures a finding of a comparison states: ``expected``, ``actual``, their difference
    (actual − expected) and the ``tolerance`` it was held to."""
    return {"expected": expected, "actual": actual, "difference": actual - expected, "tolerance": tolerance}


class Checker:
    """What a rule sees: the disclosure, the mode (rounded or exact) and helpers that emit findings."""

    def __init__(self, disclosure: Disclosure, *, exact: bool) -> None:
        self.d = disclosure
        self.exact = exact
        self.findings: list[Finding] = []
        self.rule: Rule | None = None
        #: What a family of rules derives once per audit (an index of the tables' cells …).
        self.memo: dict[str, object] = {}
        #: How much of the published report was read, when the disclosure was read from one.
        self.coverage: Coverage | None = None
        # Sums of printed figures made by rules (a blank total replaced by its parts): each
        # keeps the allowance of its parts.  Keyed by id, holding the sum so the id stays its own.
        self._sums: dict[int, tuple[Amount, Decimal]] = {}

    # --- primitives ---------------------------------------------------------------------------

    def half(self, amount: Amount) -> Decimal:
        """Half a unit of the last printed place (0.005 for 万元 with two decimals); 0 when exact.

        For a sum made by :meth:`sum_of`, the sum of its parts' allowances.
        """
        if self.exact:
            return _ZERO
        made = self._sums.get(id(amount))
        if made is not None and made[0] is amount:
            return made[1]
        return Decimal(5).scaleb(-max(2, amount.places()) - 1)

    def sum_of(self, parts: Sequence[Amount], minus: Sequence[Amount] = ()) -> Amount:
        """``Σ parts − Σ minus`` of printed figures, as one figure for a comparison.

        Its rounding allowance is the sum of the allowances of every figure in it (each printed
        figure may be off by half its last place), not half a unit of the result's own last place.
        ``sum_of(())`` is a zero with no allowance: a figure the report does not print.
        """
        total = sum(parts, Amount._exact(_ZERO))
        for part in minus:
            total = total - part
        if not self.exact:  # an exact audit allows nothing anywhere (see half)
            allowance = sum((self.half(part) for part in (*parts, *minus)), _ZERO)
            self._sums[id(total)] = (total, allowance)
        return total

    def printed_or_nothing(self, amount: Amount | None) -> Amount:
        """``amount``, or for a figure not printed a zero with no rounding allowance."""
        return amount if amount is not None else self.sum_of(())

    def emit(
        self,
        severity: Severity,
        path: str,
        zh: str,
        en: str,
        *,
        expected: object = None,
        actual: object = None,
        difference: object = None,
        tolerance: object = None,
        related: object = (),
    ) -> None:
        """Record a finding; ``related`` is a tuple of the paths of the other printings compared."""
        assert self.rule is not None
        self.findings.append(
            _finding(
                rule=self.rule.id,
                severity=severity,
                path=path,
                expected=_text(expected),
                actual=_text(actual),
                difference=_text(difference),
                tolerance=_text(tolerance),
                message=_message(zh, en),
                related=tuple(str(p) for p in related) if related and isinstance(related, tuple) else (),
            )
        )

    def fail(self, path: str, zh: str, en: str, **figures: object) -> None:
        """A finding with the rule's own severity."""
        assert self.rule is not None
        self.emit(self.rule.severity, path, zh, en, **figures)

    def note_or_fail(
        self,
        within_rounding: bool,
        path: str,
        note: Message,
        failure: Message,
        *,
        severity: Severity | None = None,
        related: tuple[str, ...] = (),
        **figures: object,
    ) -> None:
        """A note (``note``) when the difference is within rounding, else ``failure`` with the
        rule's severity (or ``severity``); both state the same figures."""
        if within_rounding:
            self.emit(Severity.NOTE, path, note.zh, note.en, related=related, **figures)
        else:
            assert self.rule is not None
            self.emit(
                severity or self.rule.severity, path, failure.zh, failure.en, related=related, **figures
            )

    # --- identities ---------------------------------------------------------------------------

    def equal(
        self,
        path: str,
        actual: Amount | None,
        parts: Sequence[Term | Amount | None],
        zh: str,
        en: str,
        *,
        severity: Severity | None = None,
        related: tuple[str, ...] = (),
    ) -> None:
        """``actual`` (a printed total) should equal the sum of ``parts``.

        Skipped when ``actual`` or any part is not printed.  Within rounding → note; beyond →
        the rule's severity (or ``severity``).  ``related`` names the other printings compared.
        """
        if actual is None:
            return
        # Most identities hold: sum first, and list the parts only for one that does not.
        expected = _ZERO
        for part in parts:
            if part is None:
                return
            expected += part[1].value if isinstance(part, tuple) else part.value
        difference = actual.value - expected
        if not difference:
            return
        amounts = [part[1] if isinstance(part, tuple) else part for part in parts if part is not None]
        tolerance = self.half(actual) + sum((self.half(a) for a in amounts), _ZERO)
        self.note_or_fail(
            abs(difference) <= tolerance,
            path,
            Message(
                f"{zh}：相差{_fmt(difference)}万元，在四舍五入尾数误差以内",
                f"{en}: off by {_fmt(difference)} (10k yuan), within rounding",
            ),
            Message(
                f"{zh}：应为{_fmt(expected)}万元，实为{_fmt(actual.value)}万元，相差{_fmt(difference)}万元",
                f"{en}: expected {_fmt(expected)}, found {_fmt(actual.value)}, off by {_fmt(difference)}",
            ),
            severity=severity,
            related=related,
            **compared(expected, actual.value, tolerance),
        )

    def equal_to_lines(
        self, path: str, total: Amount | None, lines: Sequence[_Line], zh: str, en: str
    ) -> None:
        """``total`` should equal the sum of the amounts of ``lines``; a breakdown not printed
        (no lines) is not checked."""
        if lines:
            self.equal(path, total, [line.amount for line in lines], zh, en)

    def adds_up(self, identity: str, zh: str, en: str) -> None:
        """Check an identity among printed figures written as the rule catalogue writes it:
        ``"$.fiscal.grand_total = $.fiscal.revenue_total + $.fiscal.opening_balance"``.

        Each term is the path of a figure, or of a breakdown's lines with ``[*]``
        (``$.expenditure.classes[*].amount``: every line's amount).  A term ending in ``?`` is a
        figure the report may leave blank: a zero then, with no rounding allowance.  A figure not
        printed (nor the section holding it), or a breakdown with no lines: not checked.  The
        left side (one figure, or a sum of figures) is compared with the right by :meth:`equal`,
        at the path of its first term.
        """
        left, right = parse_identity(identity)
        # Most identities hold: compare the sums first, gather the figures only for one that does not.
        left_sum = sum_of_terms(self.d, left)
        if left_sum is None:
            return
        right_sum = sum_of_terms(self.d, right)
        if right_sum is None or left_sum == right_sum:
            return
        totals: list[Amount] = []
        parts: list[Amount] = []
        sum_of_terms(self.d, left, totals, self.sum_of(()))
        sum_of_terms(self.d, right, parts, self.sum_of(()))
        total = totals[0] if len(totals) == 1 else self.sum_of(totals)
        self.equal(left[0].path, total, parts, zh, en)

    def not_above(
        self,
        path: str,
        part: Amount | None,
        whole: Amount | None,
        zh: str,
        en: str,
        *,
        severity: Severity | None = None,
        related: tuple[str, ...] = (),
    ) -> None:
        """``part`` ≤ ``whole`` allowing rounding of both figures."""
        if part is None or whole is None:
            return
        excess = part.value - whole.value
        tolerance = self.half(part) + self.half(whole)
        if excess > tolerance:
            assert self.rule is not None
            self.emit(
                severity or self.rule.severity,
                path,
                f"{zh}：{_fmt(part.value)}万元超过{_fmt(whole.value)}万元",
                f"{en}: {_fmt(part.value)} exceeds {_fmt(whole.value)}",
                expected=f"≤{_fmt(whole.value)}",
                actual=part.value,
                difference=excess,
                tolerance=tolerance,
                related=related,
            )

    def ratio_range(self, part: Amount, whole: Amount) -> tuple[Decimal, Decimal] | None:
        """The interval of part/whole×100 over the rounding intervals; None if whole may be 0."""
        if self.exact:
            # No rounding: the interval is the one ratio (of a part not below 0).
            if whole.value <= 0:
                return None
            if part.value >= 0:
                ratio = _CTX.divide(part.value * _HUNDRED, whole.value)
                return ratio, ratio
        hp, hw = self.half(part), self.half(whole)
        low_whole, high_whole = whole.value - hw, whole.value + hw
        if low_whole <= 0:
            return None
        low_part = max(part.value - hp, _ZERO)
        high_part = part.value + hp
        low = _CTX.divide(low_part * _HUNDRED, high_whole)
        high = _CTX.divide(high_part * _HUNDRED, low_whole)
        return low, high

    def percent_of(
        self,
        path: str,
        printed: Percent | None,
        part: Amount | None,
        whole: Amount | None,
        zh: str,
        en: str,
        *,
        adjusted_towards: int = 0,
    ) -> None:
        """A printed share or completion rate against part/whole, half-up to 2 places.

        One printed to fewer places (“占 25.4%”, “完成率 98%”) is checked at its own precision:
        right there but not to two places, it is a note on the precision, as for a change rate.
        The publishers' forced adjustment to total 100 is a note: a share off by one unit of its
        printed place (0.01 for two places) in the direction its group needed
        (``adjusted_towards``, see :meth:`shares`).  Anything else is an error.
        """
        if printed is None or part is None or whole is None:
            return
        bounds = self.ratio_range(part, whole)
        if bounds is None and whole.value + self.half(whole) > 0:
            # The base is printed as 0 but may be up to half a unit: every percentage from
            # part / (that half unit) upwards is possible, so only a smaller one is an error.
            places = max(2, _places(printed.value))
            high_whole = whole.value + self.half(whole)
            floor = _round(
                _CTX.divide(max(part.value - self.half(part), _ZERO) * _HUNDRED, high_whole), places
            )
            self.note_or_fail(
                printed.value >= floor,
                path,
                Message(
                    f"{zh}：基数印为{_fmt(whole.value)}万元，{_fmt(printed.value)}%仅在四舍五入尾数以内成立",
                    f"{en}: the base is printed as {_fmt(whole.value)}; {_fmt(printed.value)}% holds only within rounding",
                ),
                Message(
                    f"{zh}：基数印为{_fmt(whole.value)}万元，百分比应不低于{_fmt(floor)}%，实为{_fmt(printed.value)}%",
                    f"{en}: the base is printed as {_fmt(whole.value)}, so the percentage is at least {_fmt(floor)}%, found {_fmt(printed.value)}%",
                ),
                expected=f"≥{_fmt(floor)}",
                actual=printed.value,
                tolerance=self.half(whole),
            )
            return
        if bounds is None:
            self.fail(
                path,
                f"{zh}：基数为0，不应列示百分比{_fmt(printed.value)}%",
                f"{en}: the base is 0, so no percentage ({_fmt(printed.value)}%) can be stated",
                expected="无 / none",
                actual=printed.value,
            )
            return
        printed_places = _places(printed.value)
        places = max(2, printed_places)
        low = _round(bounds[0], places)
        high = low if bounds[1] is bounds[0] else _round(bounds[1], places)
        value = printed.value
        if low <= value <= high:
            return
        ratio = _CTX.divide(part.value * _HUNDRED, whole.value)
        exact_value = quoted = _round(ratio, places)
        if printed_places < 2:
            own_low, own_high = _round(bounds[0], printed_places), _round(bounds[1], printed_places)
            if own_low <= value <= own_high:
                self._fewer_places(
                    path, ("百分比", "the percentage"), value, printed_places, exact_value, zh, en
                )
                return
            quoted = _round(ratio, printed_places)  # compared at its own places, quoted at them
            gap = own_low - value if value < own_low else value - own_high
            adjusted = adjusted_towards == (1 if value > own_high else -1) and gap <= _QUANTA[printed_places]
        else:
            gap = low - value if value < low else value - high
            adjusted = adjusted_towards == (1 if value > high else -1) and gap <= _CENT
        self.note_or_fail(
            adjusted,
            path,
            Message(
                f"{zh}：按四舍五入应为{_fmt(quoted)}%，印为{_fmt(value)}%，系为使合计为100%所作的尾数调整",
                f"{en}: rounds to {_fmt(quoted)}% but {_fmt(value)}% is printed, adjusted so the shares total 100%",
            ),
            Message(
                f"{zh}：应为{_fmt(quoted)}%，实为{_fmt(value)}%",
                f"{en}: expected {_fmt(quoted)}%, found {_fmt(value)}%",
            ),
            expected=exact_value,
            actual=value,
            difference=value - exact_value,
            tolerance=(high - low) / 2 if high != low else _ZERO,
        )

    def shares(
        self,
        path: str,
        whole: Amount | None,
        items: Sequence[tuple[str, Amount, Percent | None]],
        zh: str,
        en: str,
    ) -> None:
        """Check every printed share of a breakdown against ``whole`` (R37)."""
        printed = [share for _, _, share in items if share is not None]
        if whole is None or not printed:
            return
        sums_to_100 = len(printed) == len(items) and sum((p.value for p in printed), _ZERO) == _HUNDRED
        way = self._adjusted_towards(whole, items) if sums_to_100 else 0
        for item_path, amount, share in items:
            if share is not None and not (0 <= share.value <= 100):
                self.fail(
                    f"{item_path}.share",
                    f"{zh}：占比{_fmt(share.value)}%不在0到100之间",
                    f"{en}: share {_fmt(share.value)}% is outside 0–100",
                    expected="0–100",
                    actual=share.value,
                )
                continue
            share_path = f"{item_path}.share"
            self.percent_of(share_path, share, amount, whole, zh, en, adjusted_towards=way)
        if len(printed) == len(items) and len(items) > 1:
            total = sum((p.value for p in printed), _ZERO)
            slack = _CENT * (len(items) - 1) / 2
            if abs(total - _HUNDRED) > slack:
                # Shares printed to fewer places may each be off by half a unit of theirs: the
                # coarsest printing sets the unit (looked at only when two places do not do).
                slack *= _QUANTA[min(2, *(_places(p.value) for p in printed))] / _CENT
            if abs(total - _HUNDRED) > slack:
                self.fail(
                    path,
                    f"{zh}：各项占比合计{_fmt(total)}%，不等于100%",
                    f"{en}: the shares total {_fmt(total)}%, not 100%",
                    expected=_HUNDRED,
                    actual=total,
                    difference=total - _HUNDRED,
                    tolerance=slack,
                )

    def _adjusted_towards(self, whole: Amount, items: Sequence[tuple[str, Amount, Percent | None]]) -> int:
        """The way (+1 up, −1 down, 0 none) shares printed to total 100 were adjusted: only where
        their roundings (at their printed places) do not total 100, all off the same way to close
        the gap (33.34/33.33/33.33 for three thirds; 33/33/34 for 33.3/33.3/33.4 printed whole).
        “26”/“74” for 24.6/75.4 (25 + 75 = 100), or 50.01/49.99 for two halves: none was needed."""
        directions: set[int] = set()
        for _, amount, share in items:
            bounds = self.ratio_range(amount, whole)
            if share is None or bounds is None or not (0 <= share.value <= 100):
                continue
            places = _places(share.value)
            if share.value > _round(bounds[1], places):
                directions.add(1)
            elif share.value < _round(bounds[0], places):
                directions.add(-1)
        return directions.pop() if len(directions) == 1 else 0

    def change(
        self,
        path: str,
        current: Amount | None,
        stated: StatedChange | None,
        zh: str,
        en: str,
    ) -> None:
        """A stated change against the current figure (R38): words, amount and rate.

        The comparison figure is the stated ``previous`` or, failing that, the one implied by the
        printed change amount.
        """
        if stated is None or current is None:
            return
        direction = stated.direction
        if direction is Direction.FLAT:
            self._flat(path, current, stated, zh, en)
            return
        sign = 1 if direction is Direction.INCREASE else -1
        previous = stated.previous
        h_current = self.half(current)
        if previous is not None:
            difference = current.value - previous.value
            tolerance = h_current + self.half(previous)
            if (
                (sign > 0 and difference < -tolerance)
                or (sign < 0 and difference > tolerance)
                or (difference == 0 and tolerance == 0)
            ):
                self._wrong_direction(path, previous, current, direction, zh, en)
                return
            if stated.amount is not None:
                self._change_amount(path, stated.amount, current, previous, zh, en)
            base, h_base = previous.value, self.half(previous)
        elif stated.amount is not None:
            base = current.value - sign * stated.amount.value
            h_base = h_current + self.half(stated.amount)
            if base < -h_base:
                self.fail(
                    f"{path}.amount",
                    f"{zh}：增加额{_fmt(stated.amount.value)}万元大于本年数，推算的上年数为负，不可能",
                    f"{en}: the change {_fmt(stated.amount.value)} implies a negative prior-year figure",
                    actual=stated.amount.value,
                )
                return
        else:
            return
        if stated.rate is None:
            return
        # A prior printed as 0, or one that cannot be above 0: no rate can be stated.
        printed_zero = previous is not None and previous.value == 0
        if printed_zero or base + h_base <= 0:
            self.fail(
                f"{path}.rate",
                f"{zh}：上年数为0，增减率无意义，不应列示{_fmt(stated.rate.value)}%",
                f"{en}: the prior-year figure is 0, so the rate is undefined, yet {_fmt(stated.rate.value)}% is printed",
                expected="无 / none",
                actual=stated.rate.value,
            )
            return
        low_prev, high_prev = base - h_base, base + h_base
        low_cur, high_cur = current.value - h_current, current.value + h_current
        # A prior printed so small that it may be almost nothing bounds the rate from below only:
        # divided by a prior near zero, any larger rate is possible.
        priors = (low_prev, high_prev) if low_prev > 0 else (high_prev,)
        candidates = [_CTX.divide((c - p) * _HUNDRED, p) for c in (low_cur, high_cur) for p in priors]
        printed_places = _places(stated.rate.value)
        places = max(2, printed_places)
        low, high = _round(min(candidates), places), _round(max(candidates), places)
        signed = sign * stated.rate.value
        if not (low <= signed and (signed <= high or low_prev <= 0)):
            prior = base if base > 0 else high_prev  # a prior printed as 0 is at most half a unit
            expected = _round(_CTX.divide((current.value - prior) * _HUNDRED, prior), places)
            own_low = _round(min(candidates), printed_places)
            own_high = _round(max(candidates), printed_places)
            if printed_places < 2 and own_low <= signed <= own_high:
                self._fewer_places(
                    f"{path}.rate",
                    ("增减率", "the rate"),
                    stated.rate.value,
                    printed_places,
                    abs(expected),
                    zh,
                    en,
                )
                return
            self.fail(
                f"{path}.rate",
                f"{zh}：增减率应为{_fmt(abs(expected))}%，实为{_fmt(stated.rate.value)}%",
                f"{en}: the rate should be {_fmt(abs(expected))}%, found {_fmt(stated.rate.value)}%",
                expected=abs(expected),
                actual=stated.rate.value,
                difference=stated.rate.value - abs(expected),
                tolerance=(high - low) / 2,
            )

    def _fewer_places(
        self,
        path: str,
        word: tuple[str, str],
        printed: Decimal,
        printed_places: int,
        two_places: Decimal,
        zh: str,
        en: str,
    ) -> None:
        """A percentage (``word``: what it is, in Chinese and English) printed to fewer than two
        places and right at that precision: “增长22%” for 22.02%, “占25.4%” for 25.43%.  Short of
        the two places the templates ask for, it is a note on the precision, not an arithmetic
        slip; ``two_places`` is what it is to two places."""
        self.emit(
            Severity.NOTE,
            path,
            f"{zh}：{word[0]}{_fmt(printed)}%只印到{printed_places}位小数，两位小数为{_fmt(two_places)}%",
            f"{en}: {word[1]} {_fmt(printed)}% is printed to {printed_places} decimal places; "
            f"to two it is {_fmt(two_places)}%",
            expected=two_places,
            actual=printed,
            difference=printed - two_places,
        )

    def _change_amount(
        self, path: str, printed: Amount, current: Amount, previous: Amount, zh: str, en: str
    ) -> None:
        difference = abs(current.value - previous.value)
        gap = printed.value - difference
        if not gap:
            return
        tolerance = self.half(printed) + self.half(current) + self.half(previous)
        self.note_or_fail(
            abs(gap) <= tolerance,
            f"{path}.amount",
            Message(
                f"{zh}：变动额相差{_fmt(gap)}万元，在尾数误差以内",
                f"{en}: the change amount is off by {_fmt(gap)}, within rounding",
            ),
            Message(
                f"{zh}：变动额应为{_fmt(difference)}万元，实为{_fmt(printed.value)}万元",
                f"{en}: the change should be {_fmt(difference)}, found {_fmt(printed.value)}",
            ),
            **compared(difference, printed.value, tolerance),
        )

    def _wrong_direction(
        self,
        path: str,
        previous: Amount,
        current: Amount,
        printed: Direction,
        zh: str,
        en: str,
        **figures: object,
    ) -> None:
        """The printed direction word contradicts the move from ``previous`` to ``current``."""
        difference = current.value - previous.value
        word = "增加" if difference > 0 else "减少" if difference < 0 else "持平"
        self.fail(
            f"{path}.direction",
            f"{zh}：由{_fmt(previous.value)}万元变为{_fmt(current.value)}万元，应写“{word}”，却写“{printed.value}”",
            f"{en}: from {_fmt(previous.value)} to {_fmt(current.value)} is “{word}”, but “{printed.value}” is printed",
            expected=word,
            actual=printed.value,
            **figures,
        )

    def _flat(self, path: str, current: Amount, stated: StatedChange, zh: str, en: str) -> None:
        # “持平” printed beside a change: an amount beyond rounding, or any rate.
        if stated.amount is not None and stated.amount.value > self.half(stated.amount):
            self._change_beside_flat(
                path, stated.amount.value, ("变动额", "万元"), ("a change of", ""), zh, en
            )
        if stated.rate is not None and stated.rate.value:
            self._change_beside_flat(path, stated.rate.value, ("变动率", "%"), ("a rate of", "%"), zh, en)
        previous = stated.previous
        if previous is not None:
            difference = current.value - previous.value
            tolerance = self.half(current) + self.half(previous)
            if abs(difference) > tolerance:
                self._wrong_direction(
                    path,
                    previous,
                    current,
                    Direction.FLAT,
                    zh,
                    en,
                    difference=difference,
                    tolerance=tolerance,
                )
            elif difference:
                self.emit(
                    Severity.NOTE,
                    f"{path}.direction",
                    f"{zh}：两年数相差{_fmt(difference)}万元，写“持平”在尾数误差以内",
                    f"{en}: the figures differ by {_fmt(difference)}; “unchanged” holds within rounding",
                    difference=difference,
                    tolerance=tolerance,
                )

    def _change_beside_flat(
        self, path: str, value: Decimal, what_zh: tuple[str, str], what_en: tuple[str, str], zh: str, en: str
    ) -> None:
        """“持平” is printed with a change ``value`` beside it (``what``: its name and unit)."""
        self.fail(
            f"{path}.direction",
            f"{zh}：写“持平”却列示{what_zh[0]}{_fmt(value)}{what_zh[1]}",
            f"{en}: “unchanged” is printed with {what_en[0]} {_fmt(value)}{what_en[1]}",
            expected="0",
            actual=value,
        )


def _places(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def _text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, Decimal):
        return _fmt(value)
    if isinstance(value, (Amount, Percent)):
        return _fmt(value.value)
    return str(value)
