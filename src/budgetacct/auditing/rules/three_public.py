"""B.5 三公经费: the 三公 figures, their parts, counts and limits (R27–R32)."""

from __future__ import annotations

import functools

from budgetacct.auditing.check import Checker
from budgetacct.auditing.rules._common import THREE_PUBLIC_CODES
from budgetacct.model.disclosure import BudgetedFigure


def _budgeted_sum(c: Checker, total: str, parts: tuple[str, ...], zh: str, en: str) -> None:
    """The 三公 figure ``total`` equals the sum of the figures ``parts``, in 决算数 and in 预算数."""
    # An identity whose section is not printed is not checked (Checker.adds_up).
    for identity in _budgeted_identities(total, parts):
        c.adds_up(identity, zh, en)


@functools.cache
def _budgeted_identities(total: str, parts: tuple[str, ...]) -> tuple[str, ...]:
    """``total = Σ parts`` among the 三公 figures, of the 决算数 and of the 预算数 (made once)."""
    return tuple(
        f"$.three_public.{total}.{kind} = " + " + ".join(f"$.three_public.{part}.{kind}" for part in parts)
        for kind in ("actual", "budget")
    )


def three_public_total_adds_up(c: Checker) -> None:
    _budgeted_sum(
        c,
        "total",
        ("outbound", "vehicles", "reception"),
        "“三公”经费合计与三项之和不符",
        "三公 total differs from the sum of its three items",
    )


def vehicle_costs_add_up(c: Checker) -> None:
    _budgeted_sum(
        c,
        "vehicles",
        ("vehicle_purchase", "vehicle_operation"),
        "公务用车购置及运行维护费与两项之和不符",
        "vehicle costs differ from purchase + operation",
    )


def reception_adds_up(c: Checker) -> None:
    tp = c.d.three_public
    if tp is None or not tp.foreign_included_in_domestic:
        _budgeted_sum(
            c,
            "reception",
            ("domestic_reception", "foreign_reception"),
            "公务接待费与国内、外事接待费之和不符",
            "reception differs from domestic + foreign",
        )
        return
    # 国内公务接待费 printed as including 外事: it is the whole 公务接待费, 外事 a part of it.
    for kind in ("actual", "budget"):
        c.adds_up(
            f"$.three_public.reception.{kind} = $.three_public.domestic_reception.{kind}",
            "公务接待费与国内公务接待费（含外事）不符",
            "reception differs from domestic reception (which includes foreign)",
        )
        c.not_above(
            f"$.three_public.foreign_reception.{kind}",
            getattr(tp.foreign_reception, kind),
            getattr(tp.domestic_reception, kind),
            "外事接待费大于包含它的国内公务接待费",
            "foreign reception exceeds the domestic reception that includes it",
        )


def three_public_codes_within_their_figures(c: Checker) -> None:
    tp, basic = c.d.three_public, c.d.basic_expenditure
    if tp is None or basic is None or not basic.lines:
        return
    for codes, figure_name, label in THREE_PUBLIC_CODES:
        lines = [line for line in basic.lines if line.code.code in codes]
        figure: BudgetedFigure = getattr(tp, figure_name)
        if not lines or figure.actual is None:
            continue
        total = c.sum_of([line.amount for line in lines])
        c.not_above(
            f"$.basic_expenditure.lines[{basic.lines.index(lines[0])}].amount",
            total,
            figure.actual,
            f"基本支出中的{label}（{'/'.join(codes)}）大于“三公”经费中的{label}",
            f"basic spending on {label} ({'/'.join(codes)}) exceeds the 三公 figure",
        )


def three_public_amounts_agree_with_counts(c: Checker) -> None:
    tp = c.d.three_public
    if tp is None:
        return
    pairs = [
        ("outbound_groups", "outbound_people", "因公出国（境）团组", "人次"),
        ("domestic_batches", "domestic_people", "国内公务接待批次", "人次"),
        ("foreign_batches", "foreign_people", "外事接待批次", "人次"),
    ]
    for first, second, zh_first, zh_second in pairs:
        a, b = getattr(tp, first), getattr(tp, second)
        if a is not None and b is not None and (a == 0) != (b == 0):
            c.fail(
                f"$.three_public.{first}",
                f"{zh_first}为{a}而{zh_second}为{b}",
                f"{first} is {a} but {second} is {b}",
                actual=f"{a}/{b}",
            )
        if a is not None and b is not None and b < a:
            c.fail(
                f"$.three_public.{second}",
                f"{zh_second}{b}少于{zh_first}{a}",
                f"{second} ({b}) is below {first} ({a})",
                actual=f"{a}/{b}",
            )
    money_counts = [
        ("outbound", "outbound_groups", "因公出国（境）费", "团组数"),
        ("domestic_reception", "domestic_batches", "国内公务接待费", "接待批次"),
        ("foreign_reception", "foreign_batches", "外事接待费", "接待批次"),
        ("vehicle_purchase", "vehicles_purchased", "公务用车购置费", "购置数"),
        ("vehicle_operation", "vehicles_held", "公务用车运行维护费", "保有量"),
    ]
    for money, counted, zh_money, zh_count in money_counts:
        figure: BudgetedFigure = getattr(tp, money)
        number = getattr(tp, counted)
        if figure.actual is not None and number is not None and figure.actual.value > 0 and number == 0:
            c.fail(
                f"$.three_public.{counted}",
                f"{zh_money}{figure.actual}万元，但{zh_count}为0",
                f"{money} is {figure.actual} but {counted} is 0",
                expected="≥1",
                actual=number,
            )


def three_public_within_general_budget(c: Checker) -> None:
    tp, gb = c.d.three_public, c.d.general_budget
    if tp is None or gb is None:
        return
    c.not_above(
        "$.three_public.total.actual",
        tp.total.actual,
        gb.total,
        "“三公”经费大于一般公共预算财政拨款支出",
        "三公 spending exceeds general budget spending",
    )
