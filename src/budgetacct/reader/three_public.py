"""§七 “三公”经费: each figure belongs to the nearest subject before it; its role comes from the words before it."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from budgetacct.paths import Path
from budgetacct.reader.changes import PRIOR_REF, THREE_PUBLIC_SUBJECT, direction_of, put_flat
from budgetacct.reader.normalize import Sentence
from budgetacct.reader.reading import AMOUNT, COPULA, PERCENT, Reader

if TYPE_CHECKING:  # pragma: no cover
    from re import Match

__all__ = ["read_three_public"]

# 三公: each figure belongs to the nearest subject before it; its role comes from the words before it.
_TP_EVENT = re.compile(
    rf"(?P<subject>国内公务接待|外事接待|公务接待|公务用车购置(?:及|和)运行|公务用车购置|公务用车运行|因公出国|三公[”\"’']?经费)"
    rf"|(?P<groups>团组(?:共计?)?(?P<ng>\d+)(?:次|个))"
    rf"|(?P<outpeople>(?:出国（境）|累计出国（境）)(?P<no>\d+)人(?:次)?)"
    rf"|(?P<batches>(?<![\d.])(?P<nb>\d+)批次)"
    rf"|(?P<people>(?<![\d.])(?P<np>\d+)人次)"
    rf"|(?P<bought>购置(?:公务用车)?(?P<nv>\d+)辆)"
    rf"|(?P<held>保有量{COPULA}(?P<nh>\d+)辆)"
    rf"|(?P<amount>(?<![\d.]){AMOUNT})|(?P<percent>(?<![\d.]){PERCENT})"
    rf"|(?P<flat>持平|无增减变化|没有变化|无变化)"
)
_TP_KEYS: Final = {
    "国内公务接待": "domestic_reception",
    "外事接待": "foreign_reception",
    "公务接待": "reception",
    "公务用车购置": "vehicle_purchase",
    "公务用车运行": "vehicle_operation",
    "因公出国": "outbound",
}
_RATE_LEAD = re.compile(r"(?:增长|下降|降低|上升|减少|增加)了?(?:幅度为|幅度)?$")
_AMOUNT_LEAD = re.compile(r"(?P<dir>增加|增长|减少|下降|降低|上升)了?$")


def _target(lead: str) -> str:
    """What a change compares with: the budget (“决算数较预算减少…”), or last year — also when last
    year's budget is named (“与2023年预算持平”, as budgets print it)."""
    return "versus_budget" if "预算" in lead and PRIOR_REF.search(lead) is None else "change"


def _tp_key(subject: str) -> str:
    if subject.startswith("公务用车购置") and subject != "公务用车购置":
        return "vehicles"
    if subject.startswith("三公"):
        return "total"
    return _TP_KEYS[subject]


def read_three_public(r: Reader, s: Sentence) -> None:
    text = s.text
    if THREE_PUBLIC_SUBJECT.search(text) is None and "公务用车" not in text and "团组" not in text:
        return
    current: str | None = None
    last = 0
    pending: Path | None = None  # the change a following rate belongs to
    for m in _TP_EVENT.finditer(text):
        lead = text[last : m.start()]
        kind = m.lastgroup
        if m.group("subject") is not None:
            current = _tp_key(m.group("subject"))
            pending = None
            last = m.end()
            continue
        if current is None:
            if m.group("groups") or m.group("outpeople") or m.group("bought") or m.group("held"):
                _tp_count(r, s, m, "outbound" if m.group("groups") or m.group("outpeople") else "vehicles")
            last = m.end()
            continue
        base: Path = ("three_public", current)
        if m.group("amount") is not None:
            direction = _AMOUNT_LEAD.search(lead)
            if direction is not None:
                target = _target(lead)
                path = (*base, target)
                if r.draft.put(
                    (*path, "direction"), direction_of(direction.group("dir")), r.where(s, m.start(), m.end())
                ):
                    r.put_amount((*path, "amount"), r.amount(s, m, "amount"))
                    pending = path
            elif lead.rfind("预算") > lead.rfind("决算"):
                r.put_amount((*base, "budget"), r.amount(s, m, "amount"))
                pending = None
            else:
                r.put_amount((*base, "actual"), r.amount(s, m, "amount"))
                pending = None
        elif m.group("percent") is not None:
            rate = _RATE_LEAD.search(lead)
            if rate is not None:
                if pending is None:
                    target = _target(lead)
                    word = rate.group().rstrip("了幅度为")
                    path = (*base, target)
                    if r.draft.put(
                        (*path, "direction"), direction_of(word[:2]), r.where(s, m.start(), m.end())
                    ):
                        pending = path
                if pending is not None:
                    r.put_percent((*pending, "rate"), r.percent(s, m, "percent"))
                pending = None
            elif "完成" in lead and "预算" in lead:
                r.put_percent((*base, "completion"), r.percent(s, m, "percent"))
        elif m.group("flat") is not None:
            target = _target(lead)
            if PRIOR_REF.search(lead) or "预算" in lead or "与" in lead:
                put_flat(r, s, (*base, target), m.start(), m.end())
        elif kind is not None:
            _tp_count(r, s, m, current)
        last = m.end()


def _tp_count(r: Reader, s: Sentence, m: Match[str], current: str) -> None:
    fields = {
        "groups": ("ng", {"outbound": "outbound_groups"}),
        "outpeople": ("no", {"outbound": "outbound_people"}),
        "batches": ("nb", {"domestic_reception": "domestic_batches", "foreign_reception": "foreign_batches"}),
        "people": (
            "np",
            {
                "domestic_reception": "domestic_people",
                "foreign_reception": "foreign_people",
                "outbound": "outbound_people",
            },
        ),
        "bought": ("nv", {"vehicles": "vehicles_purchased", "vehicle_purchase": "vehicles_purchased"}),
        "held": (
            "nh",
            {
                "vehicles": "vehicles_held",
                "vehicle_operation": "vehicles_held",
                "vehicle_purchase": "vehicles_held",
            },
        ),
    }
    intrinsic = {"groups": "outbound", "outpeople": "outbound", "bought": "vehicles", "held": "vehicles"}
    for name, (group, by_subject) in fields.items():
        if m.group(name) is None:
            continue
        subject = intrinsic.get(name, current)
        if subject in by_subject:
            r.put_count(("three_public", by_subject[subject]), r.count(s, m, group))
        return
