"""Enums whose members are Chinese words and carry the English word the messages use."""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, Self

__all__ = ["Bilingual"]


class Bilingual(enum.Enum):
    """An enum whose value is the Chinese word and whose ``english`` is the word in English
    messages.  Members are written ``NAME = "中文", "English"``; a member is looked up by its
    Chinese value as in any enum.

    >>> class Side(Bilingual):
    ...     LEFT = "左", "left"
    >>> Side("左"), Side.LEFT.english
    (<Side.LEFT: '左'>, 'left')
    """

    _value_: str
    english: str

    if TYPE_CHECKING:  # pragma: no cover - called on the class, the enum looks a member up by value

        def __new__(cls, value: object) -> Self: ...

    else:

        def __new__(cls, zh, english):  # makes each member from its pair, once
            member = object.__new__(cls)
            member._value_ = zh
            object.__setattr__(member, "english", english)
            return member

    def __setattr__(self, name: str, value: object) -> None:
        # The English word is a constant of the member, shared by every message.
        if name == "english":
            raise AttributeError(f"{type(self).__name__}.{self.name}.english cannot be changed")
        super().__setattr__(name, value)
