"""The 一级/二级 indicator hierarchy of a 项目支出绩效自评表, as data.

:class:`Hierarchy` maps printed labels (“完成\\n指标”, “社会效益  指标”) to canonical names and to the
:class:`Direction` in which an indicator is better: Sichuan 2021 forms, central forms after
财预〔2021〕101号, and :data:`DEFAULT_HIERARCHY`, which accepts both.

>>> c = DEFAULT_HIERARCHY.classify("完成\\n指标", "成本指标")
>>> c.level1, c.level2, c.direction, c.known
('产出指标', '成本指标', <Direction.LOWER_IS_BETTER: '反向'>, True)
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, Final, TypeVar

import attrs

from budgetacct._bilingual import Bilingual
from budgetacct.errors import InvalidValue
from budgetacct.model import _fields as v
from budgetacct.model.indicator_text import WHITESPACE

__all__ = [
    "CENTRAL_2021",
    "DEFAULT_HIERARCHY",
    "HIERARCHIES",
    "SICHUAN_2021",
    "Classification",
    "Direction",
    "Hierarchy",
    "IndicatorLevel1",
    "IndicatorLevel2",
    "normalise_label",
]


class Direction(Bilingual):
    """Which way an indicator is better (R50).  Not :class:`budgetacct.money.Direction` (增加/减少).

    >>> Direction.LOWER_IS_BETTER.value, Direction.LOWER_IS_BETTER.english
    ('反向', 'lower is better')
    """

    HIGHER_IS_BETTER = "正向", "higher is better"
    LOWER_IS_BETTER = "反向", "lower is better"
    EARLIER_IS_BETTER = "时效", "earlier is better"


def normalise_label(label: str) -> str:
    """A printed 一级/二级 label with every whitespace (spaces, line breaks, U+3000) and a trailing colon removed.

    >>> normalise_label("社会效益  指标"), normalise_label("满意\\n度指标")
    ('社会效益指标', '满意度指标')
    """
    if not isinstance(label, str):
        raise InvalidValue("指标名称文字", "the text of an indicator label", label)
    return WHITESPACE.sub("", label).rstrip(":：")


def _label_keys(label: str) -> tuple[str, ...]:
    key = normalise_label(label)
    return (key,) if key.endswith("指标") or not key else (key, key + "指标")


_Level = TypeVar("_Level", "IndicatorLevel1", "IndicatorLevel2")


def _named(indicators: tuple[_Level, ...], label: str) -> _Level | None:
    """The indicator a printed label names (canonical name or alias), ignoring whitespace and a
    missing “指标”; the label's own spelling is tried before the one with “指标” added."""
    for key in _label_keys(label):
        for indicator in indicators:
            if key == indicator.name or key in indicator.aliases:
                return indicator
    return None


def _require_name(value: object, what_en: str, path: str) -> None:
    if type(value) is not str or not value or normalise_label(value) != value:
        raise InvalidValue("不含空白的非空指标名称", what_en, value, path=path)


def _name_validator(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    _require_name(value, "a non-empty indicator name without whitespace", f"$.{attribute.name}")


def _names_validator(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not tuple:
        raise InvalidValue("名称元组", "a tuple of names", value, path=f"$.{attribute.name}")
    for index, item in enumerate(value):
        _require_name(item, "a non-empty name without whitespace", f"$.{attribute.name}[{index}]")


_direction_validator = v.instance(Direction, "指标方向（Direction）", "a Direction")


@attrs.frozen
class IndicatorLevel2:
    """A 二级指标 (数量指标, 社会效益指标 …) with its direction and accepted aliases.

    >>> IndicatorLevel2("时效指标", Direction.EARLIER_IS_BETTER).direction.value
    '时效'
    """

    name: str = attrs.field(validator=_name_validator)
    direction: Direction = attrs.field(validator=_direction_validator)
    aliases: tuple[str, ...] = attrs.field(default=(), validator=_names_validator)


def _children_validator(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not tuple or not all(type(c) is IndicatorLevel2 for c in value):
        raise InvalidValue("二级指标元组", "a tuple of IndicatorLevel2", value, path=f"$.{attribute.name}")


@attrs.frozen
class IndicatorLevel1:
    """A 一级指标 (产出指标, 效益指标, 满意度指标, 成本指标) and its 二级 children.

    ``direction`` is used for a 二级 label that is not one of the children.

    >>> SICHUAN_2021.level1("完成指标").name
    '产出指标'
    """

    name: str = attrs.field(validator=_name_validator)
    children: tuple[IndicatorLevel2, ...] = attrs.field(validator=_children_validator)
    direction: Direction = attrs.field(default=Direction.HIGHER_IS_BETTER, validator=_direction_validator)
    aliases: tuple[str, ...] = attrs.field(default=(), validator=_names_validator)

    def child(self, label: str) -> IndicatorLevel2 | None:
        """The child named (or aliased) by a printed label, ignoring whitespace and a missing “指标”."""
        return _named(self.children, label)


@attrs.frozen
class Classification:
    """The reading of a printed 一级/二级 label pair.

    ``level1``/``level2`` are the canonical names when known, otherwise the printed label with its
    whitespace removed; ``level1_label``/``level2_label`` keep the labels verbatim.  ``known`` is true
    only when both labels are known *and* the 二级 belongs to that 一级 (an unknown pair is reported
    by the audit, never rejected).
    """

    level1: str
    level2: str
    direction: Direction
    known: bool
    level1_known: bool
    level2_known: bool
    level1_label: str
    level2_label: str


def _level1_validator(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not tuple or not value or not all(type(c) is IndicatorLevel1 for c in value):
        raise InvalidValue(
            "非空的一级指标元组", "a non-empty tuple of IndicatorLevel1", value, path="$.levels"
        )
    seen: set[str] = set()
    for level in value:
        for key in (level.name, *level.aliases):
            if key in seen:
                raise InvalidValue(
                    "不重复的一级指标名称", "unique 一级 names and aliases", key, path="$.levels"
                )
            seen.add(key)


@attrs.frozen
class Hierarchy:
    """An indicator framework: the 一级 indicators, their 二级 children and directions.

    >>> c = CENTRAL_2021.classify("成本指标", "经济成本指标")
    >>> c.known, c.direction.value
    (True, '反向')
    >>> u = DEFAULT_HIERARCHY.classify("履职效能", "工作完成")
    >>> u.known, u.level1, u.direction.value
    (False, '履职效能', '正向')
    """

    name: str = attrs.field(validator=_name_validator)
    levels: tuple[IndicatorLevel1, ...] = attrs.field(validator=_level1_validator)

    def level1(self, label: str) -> IndicatorLevel1 | None:
        """The 一级 indicator a printed label names (canonical name or alias), or ``None``."""
        return _named(self.levels, label)

    def classify(self, level1_label: str, level2_label: str) -> Classification:
        """Canonical names, direction and whether the pair is known (see :class:`Classification`).

        >>> DEFAULT_HIERARCHY.classify("满意\\n度指标", "满意度\\n指标").level2
        '满意度指标'
        >>> DEFAULT_HIERARCHY.classify("产出指标", "时效指标").direction
        <Direction.EARLIER_IS_BETTER: '时效'>
        """
        level1 = self.level1(level1_label)
        child = level1.child(level2_label) if level1 is not None else None
        elsewhere = None
        if child is None:
            for level in self.levels:
                elsewhere = level.child(level2_label)
                if elsewhere is not None:
                    break
        if child is not None:
            direction = child.direction
        elif elsewhere is not None:
            direction = elsewhere.direction
        else:
            # An unknown 二级 label says more than its 一级 (成本指标 printed under 产出 in a central form).
            key2 = normalise_label(level2_label)
            named = self.level1(level2_label)
            if named is not None:
                direction = named.direction
            elif "成本" in key2 or "时效" in key2:
                direction = _guess_direction(key2)
            elif level1 is not None:
                direction = level1.direction
            else:
                direction = _guess_direction(normalise_label(level1_label))
        name2 = (
            child.name
            if child is not None
            else (elsewhere.name if elsewhere else normalise_label(level2_label))
        )
        return Classification(
            level1=level1.name if level1 is not None else normalise_label(level1_label),
            level2=name2,
            direction=direction,
            known=child is not None,
            level1_known=level1 is not None,
            level2_known=child is not None,
            level1_label=level1_label,
            level2_label=level2_label,
        )


def _guess_direction(key: str) -> Direction:
    if "成本" in key:
        return Direction.LOWER_IS_BETTER
    if "时效" in key:
        return Direction.EARLIER_IS_BETTER
    return Direction.HIGHER_IS_BETTER


_H, _L, _E = Direction.HIGHER_IS_BETTER, Direction.LOWER_IS_BETTER, Direction.EARLIER_IS_BETTER
_QUANTITY = IndicatorLevel2("数量指标", _H)
_QUALITY = IndicatorLevel2("质量指标", _H)
_TIMELINESS = IndicatorLevel2("时效指标", _E)
_COST2 = IndicatorLevel2("成本指标", _L)
_BENEFIT = IndicatorLevel1(
    "效益指标",
    (
        IndicatorLevel2("经济效益指标", _H),
        IndicatorLevel2("社会效益指标", _H),
        IndicatorLevel2("生态效益指标", _H, ("生态环境效益指标",)),
        IndicatorLevel2("可持续影响指标", _H, ("可持续性影响指标",)),
    ),
)
_SATISFACTION = IndicatorLevel1(
    "满意度指标", (IndicatorLevel2("服务对象满意度指标", _H), IndicatorLevel2("满意度指标", _H))
)
_COST1 = IndicatorLevel1(
    "成本指标",
    (
        IndicatorLevel2("经济成本指标", _L),
        IndicatorLevel2("社会成本指标", _L),
        IndicatorLevel2("生态环境成本指标", _L, ("生态成本指标",)),
    ),
    direction=_L,
)

#: Sichuan 2021 forms (the seed): 一级 产出指标 — printed “完成指标” — with 成本指标 as a 二级 under it.
SICHUAN_2021: Final = Hierarchy(
    "四川2021",
    (
        IndicatorLevel1("产出指标", (_QUANTITY, _QUALITY, _TIMELINESS, _COST2), aliases=("完成指标",)),
        _BENEFIT,
        _SATISFACTION,
    ),
)
#: Central forms after 财预〔2021〕101号: 成本指标 is a 一级 with 经济/社会/生态环境成本 below it.
CENTRAL_2021: Final = Hierarchy(
    "中央2021",
    (IndicatorLevel1("产出指标", (_QUANTITY, _QUALITY, _TIMELINESS)), _BENEFIT, _SATISFACTION, _COST1),
)
#: Accepts both: 完成指标 as an alias, 成本指标 as a 二级 under 产出 *and* as a 一级.
DEFAULT_HIERARCHY: Final = Hierarchy(
    "通用",
    (
        IndicatorLevel1("产出指标", (_QUANTITY, _QUALITY, _TIMELINESS, _COST2), aliases=("完成指标",)),
        _BENEFIT,
        _SATISFACTION,
        _COST1,
    ),
)
HIERARCHIES: Final[Mapping[str, Hierarchy]] = MappingProxyType(
    {h.name: h for h in (SICHUAN_2021, CENTRAL_2021, DEFAULT_HIERARCHY)}
)
