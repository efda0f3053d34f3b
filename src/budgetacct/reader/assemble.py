"""The Disclosure from a read report's draft, built by the library's converter.

The draft (:class:`~budgetacct.reader.draft.Draft`) holds only what the text stated, as nested
dicts and lists of model values.  Each section is turned into its JSON-ready form and built by
:func:`budgetacct.io.converter.structure`, which forbids extra keys: a key the model lacks is a
bug in the reader and raises :class:`~budgetacct.reader.schema.ReaderBug` (it never happens for a
path the draft accepted, since :meth:`Draft.put` checks each path against the model).  A section
whose *values* the model refuses (a combination its validators reject) is left out with a note
rather than sinking the whole read: that is a property of the input, not of the reader.
"""

from __future__ import annotations

import enum
from typing import Any, Final, TypeVar

import attrs

from budgetacct.codes import EconomicCode, FunctionCode
from budgetacct.errors import InputError
from budgetacct.io.converter import structure, unstructure
from budgetacct.model.disclosure import Disclosure
from budgetacct.money import Amount, Percent
from budgetacct.reader.draft import Draft
from budgetacct.reader.schema import ReaderBug, field_type

__all__ = ["build_disclosure", "json_ready", "structure_section"]

T = TypeVar("T")

_TEXT_VALUES: Final = (Amount, Percent, FunctionCode, EconomicCode)
#: The nodes that are a StatedChange: read only when their direction was stated.
_CHANGES: Final = ("change", "versus_budget")


def json_ready(node: Any) -> Any:
    """``node`` (nested dicts and lists of model values) in its JSON-ready form, ``None`` values and
    changes without a stated direction left out."""
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if key in _CHANGES and isinstance(value, dict) and value.get("direction") is None:
                continue  # a change whose direction was not stated is no change (see 0007)
            if value is not None:
                out[key] = json_ready(value)
        return out
    if isinstance(node, (list, tuple)):
        return [json_ready(element) for element in node]
    if isinstance(node, (bool, int, str)):
        return node
    if isinstance(node, enum.Enum):
        return node.value
    if isinstance(node, _TEXT_VALUES):
        return str(node)  # their JSON form is their text
    return unstructure(node)


def structure_section(name: str, node: Any, cls: type[T]) -> T:
    """The section ``name`` built from ``node`` by the converter: a key the model lacks raises
    :class:`ReaderBug`; values the model refuses raise :class:`~budgetacct.errors.InputError`."""
    try:
        return structure(json_ready(node), cls, source="report text")
    except InputError as exc:
        for problem in exc.problems:
            if "known fields" in problem.expected_en:
                raise ReaderBug(f"section {name}: {problem.en}") from None
        raise


def build_disclosure(draft: Draft, year: int, department: str, template: str | None) -> Disclosure:
    sections: dict[str, Any] = {}
    known = attrs.fields_dict(Disclosure)
    for name, node in draft.data.items():
        if name not in known:
            raise ReaderBug(f"the draft has a section {name!r} the model lacks")
        if not node:
            continue
        try:
            sections[name] = structure_section(name, node, field_type((name,)))
        except InputError as exc:
            draft.notes.append(f"section {name} dropped: {exc}")
    return Disclosure(year=year, department=department, template=template, **sections)
