"""Terminal text helpers shared by the table renderer and the command line."""

from __future__ import annotations

import unicodedata

__all__ = ["display_width"]


def display_width(text: str) -> int:
    """Terminal columns taken by ``text``: wide and full-width characters count 2, combining 0.

    >>> display_width("abc"), display_width("一般公共预算"), display_width("（1）")
    (3, 12, 5)
    """
    width = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width
