"""The rendered 决算说明: :class:`Section` and :class:`Narrative`, as plain text, Markdown or HTML."""

from __future__ import annotations

import html as _html
from collections.abc import Iterator

import attrs

from budgetacct.render.labels import is_english

__all__ = ["Narrative", "Section"]


@attrs.frozen
class Section:
    """One numbered part of the narrative: ``number`` (“一”, “（一）”), ``title``, paragraphs, parts."""

    number: str
    title: str
    paragraphs: tuple[str, ...] = ()
    subsections: tuple[Section, ...] = ()
    key: str = ""

    def heading(self, english: bool = False) -> str:
        if not self.number:
            return self.title
        if self.number.startswith(("（", "(")):  # sub-section: “（一）机关运行经费支出情况。”
            return f"{self.number} {self.title}" if english else f"{self.number}{self.title}。"
        return f"{self.number}{'. ' if english else '、'}{self.title}"

    def all_paragraphs(self) -> tuple[str, ...]:
        """The paragraphs of this section and of its sub-sections, in reading order (no headings)."""
        out = list(self.paragraphs)
        for sub in self.subsections:
            out.extend(sub.all_paragraphs())
        return tuple(out)


@attrs.frozen
class Narrative:
    """A rendered 决算说明: sections in order, as plain text, Markdown or HTML."""

    sections: tuple[Section, ...]
    locale: str = "zh_CN"
    template: str = "sichuan-2021"

    @property
    def english(self) -> bool:
        return is_english(self.locale)

    def section(self, key_or_number: str) -> Section | None:
        """The top-level section with this builder key (``"revenue"``) or number (``"二"``)."""
        return next((s for s in self.sections if key_or_number in (s.key, s.number)), None)

    def paragraphs(self) -> tuple[str, ...]:
        """Every paragraph of every section, headings excluded."""
        return tuple(p for s in self.sections for p in s.all_paragraphs())

    def _blocks(self) -> Iterator[tuple[int, str, tuple[str, ...]]]:
        """(level, heading, paragraphs) of every section and sub-section, in reading order."""
        for section in self.sections:
            yield 2, section.heading(self.english), section.paragraphs
            for sub in section.subsections:
                yield 3, sub.heading(self.english), sub.paragraphs

    @property
    def text(self) -> str:
        return "\n".join(line for _, heading, paragraphs in self._blocks() for line in (heading, *paragraphs))

    def __str__(self) -> str:
        return self.text

    def markdown(self) -> str:
        out: list[str] = []
        for level, heading, paragraphs in self._blocks():
            out.append(f"{'#' * level} {heading}\n")
            out.extend(f"{p}\n" for p in paragraphs)
        return "\n".join(out)

    def html(self) -> str:
        esc = _html.escape
        out = ['<div class="budgetacct-narrative">']
        for level, heading, paragraphs in self._blocks():
            out.append(f"<h{level}>{esc(heading)}</h{level}>")
            out.extend(f"<p>{esc(p)}</p>" for p in paragraphs)
        out.append("</div>")
        return "\n".join(out)

    def _repr_html_(self) -> str:
        return self.html()
