"""Enums whose members carry details beside their value, such as the English word of a Chinese one."""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, Self

__all__ = ["Bilingual", "Described"]


class Described(enum.Enum):
    """An enum whose members carry more than their value: ``NAME = value, detail, ...``, each
    detail stored under the name the subclass lists in ``__details__`` (in the same order).  A
    member is looked up by its value as in any enum; its details cannot be reassigned.
    """

    __details__: tuple[str, ...] = ()
    _value_: str

    if TYPE_CHECKING:  # pragma: no cover - called on the class, the enum looks a member up by value

        def __new__(cls, value: object) -> Self: ...

    else:

        def __new__(cls, value, *details):  # makes each member from its tuple, once
            member = object.__new__(cls)
            member._value_ = value
            for name, detail in zip(cls.__details__, details, strict=True):
                object.__setattr__(member, name, detail)
            return member

    def __setattr__(self, name: str, value: object) -> None:
        # A member's details are constants, shared by everything that reads them.
        if name in type(self).__details__:
            raise AttributeError(f"{type(self).__name__}.{self.name}.{name} cannot be changed")
        super().__setattr__(name, value)


class Bilingual(Described):
    """An enum whose value is the Chinese word and whose ``english`` is the word in English
    messages.  Members are written ``NAME = "中文", "English"``; a member is looked up by its
    Chinese value as in any enum.

    >>> class Side(Bilingual):
    ...     LEFT = "左", "left"
    >>> Side("左"), Side.LEFT.english
    (<Side.LEFT: '左'>, 'left')
    """

    __details__ = ("english",)
    english: str
