"""§十(二) 政府采购: what was awarded to SMEs, in the projects reserved for them and in the others.

The reserved budgets are labels of the lexicon (“面向中小企业预留政府采购项目预算金额X”); the
awards are printed as a scope, a supplier and an amount in three parts of one clause, which no
label covers:

    在面向中小企业预留的政府采购项目中，由中小企业供应商中标或成交的，采购金额246.47万元；
    在其他政府采购项目中，由中小企业供应商中标或成交的，采购金额4.79万元。

(上海市普陀区财政局 2024年度部门决算, the wording of the 上海 2024 决算 template.)  A clause is read
only when its supplier is the one the reserved scope names (中小企业 in the projects reserved for
中小企业 …); an award to 小微企业 in the other projects has no place in the model and stays unread.

>>> from budgetacct.reader import read_report
>>> r = read_report(
...     "2024年度政府采购支出总额10万元。在其他政府采购项目中，由中小企业供应商中标或成交的，采购金额4.79万元。",
...     department="示例",
... )
>>> str(r.disclosure.procurement.sme_other_awarded)
'4.79'
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from budgetacct.reader.reading import AMOUNT, COPULA, Reader

if TYPE_CHECKING:  # pragma: no cover
    from budgetacct.reader.normalize import Sentence

__all__ = ["read_sme_awards"]

_FIRMS: Final = r"中小企业|中小微企业|小微企业"
_AWARD: Final = re.compile(
    rf"(?:在|对)?(?:面向(?P<reserved>{_FIRMS})预留的?|(?P<other>其他))政府采购项目中，?"
    rf"由(?P<supplier>{_FIRMS})(?:供应商)?(?:中标或成交|中标、成交|中标|成交)的?，?"
    rf"(?:采购|合同)?金额{COPULA}(?P<a>{AMOUNT})"
)
#: (scope, supplier) → the field of :class:`~budgetacct.model.disclosure.Procurement`.
_FIELDS: Final = {
    ("reserved", "中小企业"): "sme_reserved_awarded",
    ("reserved", "中小微企业"): "sme_reserved_awarded",
    ("reserved", "小微企业"): "small_micro_reserved_awarded",
    ("other", "中小企业"): "sme_other_awarded",
    ("other", "中小微企业"): "sme_other_awarded",
}


def read_sme_awards(r: Reader, s: Sentence) -> None:
    if "政府采购项目" not in s.text:
        return
    for m in _AWARD.finditer(s.text):
        reserved = m.group("reserved")
        supplier = m.group("supplier")
        if reserved is not None and reserved != supplier:
            continue  # “面向中小企业预留的项目中，由小微企业…”: a part the model does not hold
        field = _FIELDS.get(("reserved" if reserved is not None else "other", supplier))
        if field is not None:
            r.put_amount(("procurement", field), r.amount(s, m, "a"))
