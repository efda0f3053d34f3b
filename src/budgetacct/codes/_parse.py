"""Reading codes as they are printed in published reports (shared by function.py and economic.py)."""

from __future__ import annotations

import re
from typing import Final

_OPENING: Final = "[［【"
_CLOSING: Final = "]］】"
_GROUP: Final = re.compile(r"\s*[(（]\s*([^()（）\s]+)\s*[)）]\s*")


def printed_code(text: str) -> str | None:
    """The code text of a printed form, or ``None`` when the layout is not one we know.

    Known layouts: ``2010301``, ``201 03 01`` (first group 3 or 5 characters, then groups of 2),
    ``[2010301]`` (also ``［…］`` / ``【…】``) and ``(201)(03)(01)`` / ``（201）（03）（01）``.  The
    characters are not checked here: the code constructor does that.

    >>> printed_code("（201）（03）（01）"), printed_code("[201 03 01]"), printed_code("20 103")
    ('2010301', '2010301', None)
    """
    body = text.strip()
    if len(body) >= 2 and body[0] in _OPENING and body[-1] in _CLOSING:
        body = body[1:-1].strip()
    parts: list[str] = []
    if body[:1] in ("(", "（"):
        position = 0
        while position < len(body):
            match = _GROUP.match(body, position)
            if match is None:
                return None
            parts.append(match.group(1))
            position = match.end()
    else:
        parts = body.split()
    if not parts:
        return None
    if len(parts) > 1 and (len(parts[0]) not in (3, 5) or any(len(part) != 2 for part in parts[1:])):
        return None
    return "".join(parts)
