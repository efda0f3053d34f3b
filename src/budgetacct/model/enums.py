"""The closed vocabularies of a final account; each member's value is its Chinese name."""

from __future__ import annotations

import enum

__all__ = ["ExpenditureKind", "Fund", "RevenueSource", "Severity"]


class IdentityHashed(enum.Enum):
    """The base of the model's enums used as dict keys.

    Members are singletons compared by identity; identity hashing keeps the many dict lookups
    keyed by members cheap (Enum's own ``__hash__`` hashes the member name in Python).
    """

    __hash__ = object.__hash__


class RevenueSource(IdentityHashed):
    """The eight rows of 本年收入 in 收入支出决算总表 (T1), in template order."""

    GENERAL_BUDGET = "一般公共预算财政拨款收入"
    GOVERNMENT_FUND = "政府性基金预算财政拨款收入"
    STATE_CAPITAL = "国有资本经营预算财政拨款收入"
    SUPERIOR_SUBSIDY = "上级补助收入"
    OPERATIONS = "事业收入"
    BUSINESS = "经营收入"
    AFFILIATED_REMITTANCE = "附属单位上缴收入"
    OTHER = "其他收入"

    @property
    def fund(self) -> Fund:
        """The fund this income belongs to (财政拨款 sources map to their budget; the rest are 非财政拨款)."""
        return _SOURCE_FUND.get(self, Fund.NON_FISCAL)

    @property
    def is_fiscal(self) -> bool:
        return self in _SOURCE_FUND


class Fund(IdentityHashed):
    """Where money comes from, as the fiscal tables split it."""

    GENERAL_BUDGET = "一般公共预算财政拨款"
    GOVERNMENT_FUND = "政府性基金预算财政拨款"
    STATE_CAPITAL = "国有资本经营预算财政拨款"
    NON_FISCAL = "非财政拨款"

    @property
    def is_fiscal(self) -> bool:
        return self is not Fund.NON_FISCAL

    @property
    def revenue_source(self) -> RevenueSource | None:
        """The T1 revenue row of a fiscal fund (``None`` for 非财政拨款, which has several)."""
        return _FUND_SOURCE.get(self)


FISCAL_FUNDS: tuple[Fund, ...] = (Fund.GENERAL_BUDGET, Fund.GOVERNMENT_FUND, Fund.STATE_CAPITAL)

_SOURCE_FUND = {
    RevenueSource.GENERAL_BUDGET: Fund.GENERAL_BUDGET,
    RevenueSource.GOVERNMENT_FUND: Fund.GOVERNMENT_FUND,
    RevenueSource.STATE_CAPITAL: Fund.STATE_CAPITAL,
}
_FUND_SOURCE = {fund: source for source, fund in _SOURCE_FUND.items()}


class ExpenditureKind(IdentityHashed):
    """The columns of 支出决算表 (T3), in template order."""

    BASIC = "基本支出"
    PROJECT = "项目支出"
    REMITTANCE = "上缴上级支出"
    BUSINESS = "经营支出"
    AFFILIATE_SUBSIDY = "对附属单位补助支出"


class Severity(enum.Enum):
    """How bad a finding is: an identity that cannot hold, a doubt, or a rounding remark."""

    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"

    @property
    def zh(self) -> str:
        return {"error": "错误", "warning": "警告", "note": "提示"}[self.value]

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "note": 2}[self.value]
