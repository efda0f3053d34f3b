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
"""

from __future__ import annotations

from budgetacct.io.converter import structure, structure_document, unstructure, unstructure_document
from budgetacct.io.json import dump, dump_to, load, loads

__all__ = [
    "dump",
    "dump_to",
    "load",
    "loads",
    "structure",
    "structure_document",
    "unstructure",
    "unstructure_document",
]
