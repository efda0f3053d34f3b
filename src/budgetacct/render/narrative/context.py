"""The context of the section builders: the disclosure, the template, the locale, the number writers.

Builders never pick wording: they call :meth:`Context.p` with a phrase key of the template, and
write numbers and changes through the methods here (stated changes with their stated figures).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Final

import attrs

from budgetacct.model.disclosure import Disclosure, StatedChange
from budgetacct.money import Amount, Change, Direction, Percent
from budgetacct.render.labels import is_english, label
from budgetacct.render.narrative.document import Section
from budgetacct.render.templates import SUBSECTIONS, SectionSpec, Template
from budgetacct.render.zh import (
    NumberStyle,
    completion_phrase,
    format_amount,
    format_percent,
    share_phrase,
    yoy_sentence,
)

__all__ = ["Builder", "Context", "absent", "section", "subsection"]

_CHINESE_NUMERALS: Final = "一二三四五六七八九十"


@attrs.frozen
class Context:
    """What a section builder reads and writes with."""

    d: Disclosure
    t: Template
    locale: str
    style: NumberStyle

    @property
    def en(self) -> bool:
        return is_english(self.locale)

    @property
    def year(self) -> int:
        return self.d.year

    @property
    def prior(self) -> int:
        return self.d.year - 1

    def p(self, key: str, **values: object) -> str:
        return self.t.phrase(key, self.en).format(**values)

    def amount(self, a: Amount) -> str:
        return format_amount(a, self.style)

    def percent(self, p: Percent) -> str:
        return format_percent(p, locale=self.locale)

    def label(self, zh: str) -> str:
        return label(zh, self.locale)

    def join(self, parts: Iterable[str], sep: str = "list_sep") -> str:
        return self.p(sep).join(parts)

    def line(self, name: str, amount: Amount, share: Percent | None) -> str:
        if share is None:
            return self.p("line", name=name, amount=self.amount(amount))
        return self.p(
            "line_share", name=name, amount=self.amount(amount), share=share_phrase(share, locale=self.locale)
        )

    # changes, written with the *stated* figures ---------------------------------------------------

    def words(self, change: StatedChange) -> str:
        """``减少19.37万元，下降2.17%`` from a stated change (the caller handles 持平)."""
        direction = change.direction
        word = direction.english if self.en else direction.value
        rate_word = ("up" if direction is Direction.INCREASE else "down") if self.en else direction.rate_word
        if change.amount is None:
            if change.rate is None:
                return word
            return self.p("words_rate_only", rate_word=rate_word, rate=self.percent(change.rate))
        amount = self.amount(change.amount)
        if change.rate is None:
            return self.p("words", direction=word, amount=amount)
        return self.p(
            "words_rate", direction=word, amount=amount, rate_word=rate_word, rate=self.percent(change.rate)
        )

    def yoy(self, subject_key: str, change: StatedChange, *, each: bool = False) -> str:
        """``与2020年相比，{subject}各减少…`` / ``{subject}与2020年持平`` (no final punctuation)."""
        subject = self.label(self.p(subject_key))
        if change.direction is Direction.FLAT:
            if not each:  # the library phrase, for the common case
                zero = Amount(0)
                return yoy_sentence(subject, Change(zero, zero), prior_year=self.prior, locale=self.locale)
            return self.p("yoy_flat", subject=subject, each=self.p("each_flat"), prior=self.prior)
        if self.en:
            subject = subject[:1].lower() + subject[1:] if subject[1:2].islower() else subject
        return self.p(
            "yoy",
            prior=self.prior,
            subject=subject,
            each=self.p("each") if each else "",
            words=self.words(change),
        )

    def versus_prior(self, change: StatedChange) -> str:
        """``比2020年增加5.05万元，增长7.3%`` / ``与2020年持平``."""
        if change.direction is Direction.FLAT:
            return self.p("versus_prior_flat", prior=self.prior)
        return self.p("versus_prior", prior=self.prior, words=self.words(change))

    def completion(self, actual: Amount | None, budget: Amount | None, stated: Percent | None) -> str | None:
        """``完成预算100%``: the stated rate, else computed from a non-zero budget, else nothing."""
        if stated is not None:
            text = self.percent(stated)
            return f"completed {text} of the budget" if self.en else f"完成预算{text}"
        if actual is not None and budget:
            return completion_phrase(actual, budget, locale=self.locale)
        return None

    def completion_clause(self, actual: Amount | None, budget: Amount | None, stated: Percent | None) -> str:
        """``，完成预算100%`` (see :meth:`completion`), or ``""``."""
        text = self.completion(actual, budget, stated)
        return self.p("completion_clause", completion=text) if text else ""

    def joined_yoy(
        self, join_key: str, subject_key: str, change: StatedChange | None, *, each: bool = False
    ) -> str:
        """The year-on-year comparison after a total, joined by the phrase ``join_key`` (``""``: no change)."""
        return "" if change is None else self.p(join_key) + self.yoy(subject_key, change, each=each)

    def yoy_sentence(self, subject_key: str, change: StatedChange | None) -> str:
        """The year-on-year comparison as a sentence of its own (``""``: no change)."""
        return "" if change is None else self.yoy(subject_key, change) + self.p("sentence_end")


Builder = Callable[[Context, SectionSpec], Section | None]


def section(
    ctx: Context, spec: SectionSpec, paragraphs: Sequence[str], subs: Sequence[Section] = ()
) -> Section:
    """The section ``spec`` in the context's language."""
    number = spec.number_en if ctx.en else spec.number
    title = spec.title_en if ctx.en else spec.title
    return Section(number, title, tuple(paragraphs), tuple(subs), key=spec.key)


def subsection(ctx: Context, index: int, key: str, paragraphs: Sequence[str]) -> Section:
    """Sub-section ``index`` (（一）, (1)) titled as ``SUBSECTIONS[key]``."""
    zh, en = SUBSECTIONS[key]
    number = f"({index})" if ctx.en else f"（{_CHINESE_NUMERALS[index - 1]}）"
    return Section(number, en if ctx.en else zh, tuple(paragraphs), key=key)


def absent(ctx: Context, spec: SectionSpec, what_key: str) -> Section | None:
    """“本部门YYYY年度无…” when the template states missing sections, else ``None`` (left out)."""
    if spec.key not in ctx.t.absent_sentences:
        return None
    return section(ctx, spec, [ctx.p("absent", year=ctx.year, what=ctx.p(what_key))])
