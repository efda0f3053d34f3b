"""Reading and writing budgetacct documents: one cattrs converter and its JSON form.

>>> from budgetacct.io import dump, loads
>>> from budgetacct.model import Disclosure
>>> text = dump(Disclosure(year=2021, department="示例部门"))
>>> print(text, end="")
{
  "type": "Disclosure",
  "year": 2021,
  "department": "示例部门"
}
>>> loads(text) == Disclosure(year=2021, department="示例部门")
True

For JSON lines and bulk output, ``dump(obj, indent=None)`` writes one compact line; generated
code writes it in one pass (``compact_json`` gives the same text without the newline):

>>> print(dump(Disclosure(year=2021, department="示例部门"), indent=None), end="")
{"type":"Disclosure","year":2021,"department":"示例部门"}
"""

from __future__ import annotations

from budgetacct.io.converter import (
    compact_json,
    structure,
    structure_document,
    unstructure,
    unstructure_document,
)
from budgetacct.io.json import dump, dump_to, load, loads

__all__ = [
    "compact_json",
    "dump",
    "dump_to",
    "load",
    "loads",
    "structure",
    "structure_document",
    "unstructure",
    "unstructure_document",
]
