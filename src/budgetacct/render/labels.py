"""Standard labels of department final accounts, in Chinese and English.

The Chinese label is the key: it is what the tables and the 决算说明 print, and what the rest of
the library passes around.  :func:`label` picks the language from a locale name and never raises:
a label the dictionary does not know is returned unchanged (so English output degrades to the
Chinese text rather than failing).

>>> label("基本支出", "en")
'Basic expenditure'
>>> label("基本支出", "zh_CN")
'基本支出'
>>> label("某个未收录的标签", "en")
'某个未收录的标签'
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Final

from budgetacct.errors import BudgetAcctError

if TYPE_CHECKING:  # pragma: no cover - typing only
    from budgetacct.codes import EconomicCode, FunctionCode

__all__ = ["LABELS", "code_name", "is_english", "label"]

#: Chinese label → English label.  Keys are written exactly as the MoF templates print them
#: (full-width parentheses and curly quotes); lookups also accept ASCII parentheses and quotes.
LABELS: Final[Mapping[str, str]] = MappingProxyType(
    {
        # --- T1 收入支出决算总表: revenue side -----------------------------------------------
        "收入总计": "Total revenue",
        "支出总计": "Total expenditure",
        "收、支总计": "Total revenue and expenditure",
        "本年收入合计": "Total revenue for the year",
        "本年收入": "Revenue for the year",
        "财政拨款收入": "Fiscal appropriation revenue",
        "一般公共预算财政拨款收入": "General public budget appropriation revenue",
        "政府性基金预算财政拨款收入": "Government fund budget appropriation revenue",
        "国有资本经营预算财政拨款收入": "State capital operation budget appropriation revenue",
        "上级补助收入": "Subsidies from higher-level units",
        "事业收入": "Public service revenue",
        "经营收入": "Business revenue",
        "附属单位上缴收入": "Remittances from affiliated units",
        "其他收入": "Other revenue",
        "使用非财政拨款结余": "Use of non-appropriation surplus",
        "年初结转和结余": "Carry-over and surplus at the beginning of the year",
        # --- T1: expenditure side ----------------------------------------------------------------
        "本年支出合计": "Total expenditure for the year",
        "本年支出": "Expenditure for the year",
        "基本支出": "Basic expenditure",
        "项目支出": "Project expenditure",
        "上缴上级支出": "Remittances to higher-level units",
        "经营支出": "Business expenditure",
        "对附属单位补助支出": "Subsidies to affiliated units",
        "结余分配": "Surplus distribution",
        "年末结转和结余": "Carry-over and surplus at the end of the year",
        # --- appropriations (T4, T6, T11, T13) ---------------------------------------------------
        "财政拨款收、支总计": "Total fiscal appropriation revenue and expenditure",
        "财政拨款支出": "Fiscal appropriation expenditure",
        "一般公共预算财政拨款支出": "General public budget appropriation expenditure",
        "政府性基金预算财政拨款支出": "Government fund budget appropriation expenditure",
        "国有资本经营预算财政拨款支出": "State capital operation budget appropriation expenditure",
        # --- basic expenditure and economic classification ---------------------------------------
        "人员经费": "Personnel expenses",
        "公用经费": "Public operating expenses",
        "工资福利支出": "Wages and benefits",
        "商品和服务支出": "Goods and services",
        "对个人和家庭的补助": "Subsidies to individuals and households",
        "资本性支出": "Capital expenditure",
        # --- “三公”经费 and 机关运行经费 ---------------------------------------------------------
        "“三公”经费": '"Three public" expenses',
        "因公出国（境）费": "Official overseas (outbound) travel",
        "公务用车购置及运行维护费": "Official vehicle purchase, operation and maintenance",
        "公务用车购置费": "Official vehicle purchase",
        "公务用车运行维护费": "Official vehicle operation and maintenance",
        "公务接待费": "Official reception",
        "国内公务接待费": "Domestic official reception",
        "外事接待费": "Foreign affairs reception",
        "机关运行经费": "Agency operating expenses",
        # --- 政府采购 and 国有资产 ---------------------------------------------------------------
        "政府采购": "Government procurement",
        "货物": "Goods",
        "工程": "Works",
        "服务": "Services",
        "国有资产占有使用情况": "State-owned assets held and used",
        # --- classification and columns ----------------------------------------------------------
        "类": "Category",
        "款": "Section",
        "项": "Item",
        "科目编码": "Classification code",
        "科目名称": "Classification name",
        "功能分类科目": "Functional classification",
        "经济分类科目": "Economic classification",
        "项目": "Item",
        "金额": "Amount",
        "合计": "Total",
        "小计": "Subtotal",
        "其中": "Of which",
        "预算数": "Budget",
        "年初预算数": "Initial budget",
        "调整预算数": "Adjusted budget",
        "决算数": "Final accounts",
        "完成预算": "Budget completion",
        "预算完成率": "Budget completion rate",
        # --- units and document parts ------------------------------------------------------------
        "元": "yuan",
        "万元": "10,000 yuan",
        "亿元": "100 million yuan",
        "单位：万元": "Unit: 10,000 yuan",
        "部门决算": "Department final accounts",
        "部门预算": "Department budget",
        "决算说明": "Notes on the final accounts",
        "名词解释": "Glossary",
        "绩效评价": "Performance evaluation",
    }
)

# ASCII / half-width spellings people type for the same labels.
_SPELLING = str.maketrans({"(": "（", ")": "）", ",": "，", ":": "："})
_QUOTES = re.compile(r"[\"'“”‘’「」]")
_SPACE = re.compile(r"\s+")


def _key(text: str) -> str:
    return _QUOTES.sub("", _SPACE.sub("", text.translate(_SPELLING)))


_INDEX: Final[Mapping[str, str]] = MappingProxyType({_key(zh): en for zh, en in LABELS.items()})


def is_english(locale: str) -> bool:
    """Whether ``locale`` names English (``en``, ``en_US``, ``en-GB`` …); everything else is Chinese.

    >>> is_english("en_US"), is_english("en-GB"), is_english("zh_CN"), is_english("eng")
    (True, True, False, False)
    """
    return isinstance(locale, str) and re.split(r"[_\-@.]", locale.strip(), maxsplit=1)[0].lower() == "en"


def label(text: str, locale: str = "zh_CN") -> str:
    """The label in the language of ``locale``: English for ``en*`` locales, Chinese otherwise.

    ``text`` is the Chinese label.  ASCII parentheses and quotes are accepted (``因公出国(境)费``,
    ``"三公"经费`` and ``三公经费`` all find the same entry).  Unknown labels come back unchanged in
    every locale: this function never raises.

    >>> label("“三公”经费", "en")
    '"Three public" expenses'
    >>> label("因公出国(境)费", "en_US")
    'Official overseas (outbound) travel'
    """
    value: object = text
    if not isinstance(value, str):  # untyped callers: still never raise
        return str(value)
    if not is_english(locale):
        return text
    return _INDEX.get(_key(text), text)


def code_name(code: FunctionCode | EconomicCode, printed: str | None, year: int) -> str:
    """The name printed for ``code``, else its name in the ``year`` catalogue, else ``""``.

    >>> from budgetacct.codes import FunctionCode
    >>> code_name(FunctionCode("20103"), None, 2021), code_name(FunctionCode("20103"), "办公厅", 2021)
    ('政府办公厅（室）及相关机构事务', '办公厅')
    >>> code_name(FunctionCode("29999"), None, 2021)
    ''
    """
    if printed:
        return printed
    try:
        return code.name(year)
    except BudgetAcctError:
        return ""
