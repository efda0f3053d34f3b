"""Names the 支出功能分类 gave its codes before the 2019 catalogue.

The institutional reform of 2018 renamed some 类, 款 and 项 in the 2019 《政府收支分类科目》; their
codes stand.  Reports of 2014–2018 print the former names, and the bundled catalogue is 2021's
(``data/PROVENANCE.md``): the reader knows a former name as the code it names, and R56 accepts it
in a report of a year before the renames.

>>> from budgetacct.codes.former import is_former_name
>>> is_former_name("210", "医疗卫生与计划生育支出", 2017)
True
>>> is_former_name("210", "医疗卫生与计划生育支出", 2021)  # a stale name in a 2021 report
False
"""

from __future__ import annotations

from typing import Final

__all__ = ["FORMER_NAMES", "RENAMED_IN", "is_former_name"]

#: The first fiscal year whose catalogue prints the new names.
RENAMED_IN: Final = 2019

#: Code → the names it had before :data:`RENAMED_IN`.
FORMER_NAMES: Final[dict[str, tuple[str, ...]]] = {
    "210": ("医疗卫生与计划生育支出",),
    "21001": ("医疗卫生与计划生育管理事务",),
    "215": ("资源勘探信息等支出",),
    "220": ("国土海洋气象等支出",),
    "22001": ("国土资源事务",),
    "20805": ("行政事业单位离退休",),
    "2080501": ("归口管理的行政单位离退休",),
    "2080502": ("所属事业单位离退休",),
}


def is_former_name(code: str, printed: str, year: int) -> bool:
    """Whether ``printed`` is the name ``code`` had in the catalogue of ``year`` (a year before the
    2019 renames)."""
    return year < RENAMED_IN and "".join(printed.split()) in FORMER_NAMES.get(code, ())
