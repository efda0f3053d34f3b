"""The publisher: a :class:`~budgetacct.model.ledger.Ledger` turned into the
:class:`~budgetacct.model.disclosure.Disclosure` a department would print.

Every figure is rounded half-up to 0.01 万元 on its own (so a total may differ from the sum of its
rounded parts by a legitimate 尾数误差), shares are apportioned to sum to 100.00, and year-on-year
changes get their direction words.  :meth:`Ledger.publish <budgetacct.model.ledger.Ledger.publish>`
calls :func:`publish`.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from decimal import Decimal
from typing import TypeVar

from budgetacct._codegen import slot_setter
from budgetacct.codes import BasicExpensePart, EconomicCode, FunctionCode
from budgetacct.errors import InvalidValue
from budgetacct.model import disclosure
from budgetacct.model._unchecked import unchecked
from budgetacct.model.enums import FISCAL_FUNDS, ExpenditureKind, Fund, RevenueSource
from budgetacct.model.ledger import _NOTHING, _ZERO, Ledger, PriorYear, _RowCache
from budgetacct.model.publish_tables import TEMPLATE_TABLE_SETS, publish_tables
from budgetacct.model.table_specs import TABLE_SETS
from budgetacct.money import Amount, Percent, shares

__all__ = ["publish"]

_Member = TypeVar("_Member", RevenueSource, ExpenditureKind)
#: A roll-up row: the total, then one sum per ExpenditureKind (see ``model/ledger.py``).
_Row = list[Decimal]
_Line = TypeVar("_Line", disclosure.SourceLine, disclosure.KindLine)


def publish(
    ledger: Ledger, *, template: str = "sichuan-2021", places: int | None = 2, tables: bool | str = True
) -> disclosure.Disclosure:
    """The disclosure a publisher would print from ``ledger`` (see :meth:`Ledger.publish`).

    ``tables`` is ``True`` for the standard tables of the template's set
    (:data:`~budgetacct.model.publish_tables.TEMPLATE_TABLE_SETS`), a set's name for that set,
    or ``False`` for the narrative alone.
    """
    if tables is True:
        table_set: str | None = TEMPLATE_TABLE_SETS.get(template, "mof-9")
    elif tables is False:
        table_set = None
    elif tables in TABLE_SETS:
        table_set = tables
    else:
        raise InvalidValue(
            f"公开表套之一：{'、'.join(TABLE_SETS)}", f"one of the table sets {', '.join(TABLE_SETS)}", tables
        )
    return _Publisher(ledger, template, places, table_set).build()


# What a ledger without last year's figures compares with (immutable, so one serves all).
_NO_PRIOR = PriorYear()

# The kinds whose columns a table prints only when the department has such spending.
_OPTIONAL_KINDS = (ExpenditureKind.REMITTANCE, ExpenditureKind.BUSINESS, ExpenditureKind.AFFILIATE_SUBSIDY)


def _fund_set(funds: Collection[Fund] | None) -> frozenset[Fund] | None:
    return None if funds is None else frozenset(funds)


# Publisher-built rows hold codes and sums made by the ledger's roll-ups; see model/_unchecked.py.
_function_line = unchecked(disclosure.FunctionLine)
_economic_line = unchecked(disclosure.EconomicLine)
# So do the sections that hold those rows (their figures are sums of the ledger's non-negative
# items), and the disclosure holds the sections made here and the ledger's own validated parts.
# The sections with balances, which an overspent ledger would make negative, keep their checks.
_expenditure = unchecked(disclosure.Expenditure)
_general_budget = unchecked(disclosure.GeneralBudget)
_basic_expenditure = unchecked(disclosure.BasicExpenditure)
_disclosure = unchecked(disclosure.Disclosure)


def _rounder(places: int | None) -> Callable[[Amount], Amount]:
    if places is None:
        return lambda amount: amount
    return lambda amount: amount.rounded(places)


class _Publisher:
    """Builds a Disclosure from a Ledger; one method a section."""

    def __init__(
        self, ledger: Ledger, template: str, places: int | None, table_set: str | None = None
    ) -> None:
        if template not in ("sichuan-2021", "all-lines"):
            raise InvalidValue(
                "模板 sichuan-2021 或 all-lines", "template 'sichuan-2021' or 'all-lines'", template
            )
        self.ledger = ledger
        self.template = template
        self.table_set = table_set
        self.r = _rounder(places)
        self.places = places
        self._lines: dict[frozenset[Fund] | None, tuple[disclosure.FunctionLine, ...]] = {}
        self.rows = _RowCache(ledger._totals)
        # A row's code and names by its code text: one lookup a row (see name()).
        self.named = _named_codes(ledger.year)
        self._by_code: dict[frozenset[Fund] | None, dict[str, disclosure.FunctionLine]] = {}
        # Sums never touched stay the shared zero Decimal: they share one zero Amount too.
        zero = Amount._exact(_NOTHING) if places is None else Amount._exact(_NOTHING).rounded(places)
        new, set_value = object.__new__, slot_setter(Amount, "value")

        def figure(value: Decimal) -> Amount:
            if value is _NOTHING:
                return zero
            # Amount._exact written out: this runs for every figure of every table.
            amount: Amount = new(Amount)
            set_value(amount, value)
            return amount if places is None else amount.rounded(places)

        self.figure = figure
        self.list_zeros = template == "all-lines"
        self.prior = ledger.prior or _NO_PRIOR
        self._flows: dict[Fund, tuple[Amount, Amount, Amount, Amount]] = {}

    def build(self) -> disclosure.Disclosure:
        ledger = self.ledger
        return _disclosure(
            year=ledger.year,
            department=ledger.department,
            template=self.template,
            overview=self.overview(),
            revenue=self.revenue(),
            expenditure=self.expenditure(),
            fiscal=self.fiscal(),
            general_budget=self.general_budget(),
            basic_expenditure=self.basic_expenditure(),
            three_public=self.three_public(),
            government_fund=self.fund_spending(Fund.GOVERNMENT_FUND),
            state_capital=self.fund_spending(Fund.STATE_CAPITAL),
            operating_costs=self.operating_costs(),
            procurement=self.procurement(),
            assets=ledger.assets,
            staffing=ledger.staffing,
            performance=ledger.performance,
            tables=()
            if self.table_set is None
            else publish_tables(ledger, self.table_set, places=self.places),
            table_set=self.table_set,
        )

    # helpers -----------------------------------------------------------------------------------

    def name(self, text: str) -> _Named:
        """The code of a row's ``text`` with its catalogue name and its parents' names."""
        return _function_names(text, self.ledger.year)

    def class_line(self, text: str, amount: Amount, share: Percent | None = None) -> disclosure.FunctionLine:
        """A 类 of a structure list: its code, name, amount and (when stated) share."""
        code, name, _ = self.name(text)
        return _function_line(code=code, amount=amount, name=name, share=share)

    def change(self, previous: Amount | None, current: Amount) -> disclosure.StatedChange | None:
        return (
            None if previous is None else disclosure.StatedChange.between(self.r(previous), self.r(current))
        )

    def shares_of(self, amounts: list[Amount]) -> list[Percent | None]:
        if not any(amounts):
            return [None] * len(amounts)
        return list(shares(amounts))

    def listed(
        self, amounts: Mapping[_Member, Amount], line: Callable[[_Member, Amount, Percent | None], _Line]
    ) -> tuple[_Line, ...]:
        """A line per source or kind (the non-zero ones, or all for ``all-lines``) with its share."""
        listed = [member for member, amount in amounts.items() if self.list_zeros or amount]
        share_list = self.shares_of([amounts[member] for member in listed])
        return tuple(line(m, self.r(amounts[m]), p) for m, p in zip(listed, share_list, strict=True))

    def flow(self, fund: Fund) -> tuple[Amount, Amount, Amount, Amount]:
        """A fund's opening balance, revenue, spending and closing balance (exact), asked of the
        ledger once: the fiscal section prints each fund's and their sums, a fund's section its own."""
        found = self._flows.get(fund)
        if found is None:
            ledger = self.ledger
            found = self._flows[fund] = (
                ledger.opening_balance(fund),
                ledger.fund_revenue(fund),
                ledger.expenditure_total(funds=(fund,)),
                ledger.closing_balance(fund),
            )
        return found

    def completion(self, actual: Amount, budget: Amount | None) -> Percent | None:
        if budget is None or not budget:
            return None
        return Percent.ratio(actual, budget).rounded()

    # sections ----------------------------------------------------------------------------------

    def overview(self) -> disclosure.Overview:
        ledger, r = self.ledger, self.r
        grand = ledger.grand_total()
        return disclosure.Overview(
            revenue_grand_total=r(grand),
            expenditure_grand_total=r(grand),
            change=self.change(self.prior.grand_total, grand),
            non_fiscal_balance_used=r(ledger.non_fiscal_balance_used),
            opening_balance=r(ledger.opening_balance()),
            surplus_distribution=r(ledger.surplus_distribution),
            closing_balance=r(ledger.closing_balance()),
        )

    def revenue(self) -> disclosure.Revenue:
        ledger = self.ledger
        total = ledger.revenue_total()
        return disclosure.Revenue(
            total=self.r(total),
            lines=self.listed(ledger.revenue_by_source(), disclosure.SourceLine),
            change=self.change(self.prior.revenue_total, total),
        )

    def function_lines(self, funds: Collection[Fund] | None) -> tuple[disclosure.FunctionLine, ...]:
        """The rows of a table by 功能分类 (类, 款 and 项) of the given funds (``None``: all)."""
        key = _fund_set(funds)
        found = self._lines.get(key)
        if found is not None:
            return found
        # A row whose figures equal the all-funds row (a code spent from this fund only) is the
        # same immutable object as in the all-funds table: fewer objects, same content.
        same = None if key is None else self._lines_by_code(None)
        all_rows = None if key is None else self.rows.rows(None)
        # The 基本/项目 columns are always printed; the other three kinds only when the
        # department has such spending at all (a 行政单位's table leaves them out).
        present = self.ledger._totals.kinds
        remit, business, subsidy = (kind in present for kind in _OPTIONAL_KINDS)
        figure, named = self.figure, self.named
        lines = []
        for text, row in self.rows.rows(key).items():
            if same is not None and all_rows is not None:
                all_row = all_rows[text]
                if all_row is row or all_row == row:
                    lines.append(same[text])
                    continue
            code, name, _ = named.get(text) or self.name(text)
            lines.append(
                _function_line(
                    code,
                    figure(row[0]),
                    name,
                    basic=figure(row[1]),
                    project=figure(row[2]),
                    remittance=figure(row[3]) if remit else None,
                    business=figure(row[4]) if business else None,
                    affiliate_subsidy=figure(row[5]) if subsidy else None,
                )
            )
        found = self._lines[key] = tuple(lines)
        return found

    def _lines_by_code(self, funds: frozenset[Fund] | None) -> dict[str, disclosure.FunctionLine]:
        found = self._by_code.get(funds)
        if found is None:
            found = self._by_code[funds] = {line.code.code: line for line in self.function_lines(funds)}
        return found

    def expenditure(self) -> disclosure.Expenditure:
        ledger, r = self.ledger, self.r
        classes = self.rows.rows(None)
        total = ledger.expenditure_total()
        return _expenditure(
            total=r(total),
            lines=self.listed(ledger.expenditure_by_kind(), disclosure.KindLine),
            change=self.change(self.prior.expenditure_total, total),
            classes=tuple(
                self.class_line(text, r(Amount._exact(row[0])))
                for text, row in classes.items()
                if len(text) == 3
            ),
            rows=self.function_lines(None),
        )

    def fiscal(self) -> disclosure.Fiscal:
        ledger, r = self.ledger, self.r
        flows = [self.flow(fund) for fund in FISCAL_FUNDS]
        grand = ledger.fiscal_grand_total()
        return disclosure.Fiscal(
            grand_total=r(grand),
            change=self.change(self.prior.fiscal_grand_total, grand),
            revenue_total=r(sum((revenue for _, revenue, _, _ in flows), _ZERO)),
            expenditure_total=r(ledger.expenditure_total(funds=FISCAL_FUNDS)),
            opening_balance=r(sum((opening for opening, _, _, _ in flows), _ZERO)),
            closing_balance=r(sum((closing for _, _, _, closing in flows), _ZERO)),
            funds=tuple(
                disclosure.FundFlow(
                    fund=fund,
                    opening=r(opening),
                    revenue=r(revenue),
                    expenditure=r(spent),
                    closing=r(closing),
                )
                for fund, (opening, revenue, spent, closing) in zip(FISCAL_FUNDS, flows, strict=True)
            ),
        )

    def general_budget(self) -> disclosure.GeneralBudget | None:
        ledger, r = self.ledger, self.r

        gpb = (Fund.GENERAL_BUDGET,)
        total = ledger.expenditure_total(funds=gpb)
        if not total and not self.list_zeros:
            return disclosure.GeneralBudget(total=r(total))
        rows = self.rows.rows(_fund_set(gpb))
        classes = [(text, Amount._exact(row[0])) for text, row in rows.items() if len(text) == 3]
        class_shares = self.shares_of([amount for _, amount in classes])
        # Keyed by code text, like the rows.
        budgets: dict[str, Amount] = {}
        for line in ledger.budgets:
            if line.fund is Fund.GENERAL_BUDGET:
                text = line.function.code
                budgets[text] = budgets.get(text, _ZERO) + line.amount
        items = []
        for text, row in _leaves(rows):
            amount = Amount._exact(row[0])
            printed_budget: Amount | None = None
            completion: Percent | None = None
            if budgets and text in budgets:
                printed_budget, completion = r(budgets[text]), self.completion(amount, budgets[text])
            code, name, parent_names = self.named.get(text) or self.name(text)
            items.append(
                _function_line(
                    code=code,
                    amount=r(amount),
                    name=name,
                    parent_names=parent_names,
                    budget=printed_budget,
                    completion=completion,
                )
            )
        total_budget = sum(budgets.values(), _ZERO) if budgets else None
        share = (
            Percent.ratio(total, ledger.expenditure_total()).rounded() if ledger.expenditure_total() else None
        )
        return _general_budget(
            total=r(total),
            share=share,
            change=self.change(self.prior.general_budget_expenditure, total),
            structure_total=r(total),
            classes=tuple(
                self.class_line(text, r(amount), p)
                for (text, amount), p in zip(classes, class_shares, strict=True)
            ),
            detail_total=r(total),
            detail_budget=r(total_budget) if total_budget is not None else None,
            detail_completion=self.completion(total, total_budget),
            items=tuple(items),
            rows=self.function_lines(gpb),
        )

    def basic_expenditure(self) -> disclosure.BasicExpenditure:
        ledger, r = self.ledger, self.r
        split = ledger.basic_split()
        totals = ledger._totals
        by_text, codes = totals.basic_by_text, totals.economic_codes
        total = sum(split.values(), _ZERO)
        classified = None not in split
        return _basic_expenditure(
            total=r(total),
            personnel=r(split.get(BasicExpensePart.PERSONNEL, _ZERO)) if classified else None,
            public=r(split.get(BasicExpensePart.PUBLIC, _ZERO)) if classified else None,
            lines=tuple(
                _economic_line(
                    codes[text], r(Amount._exact(by_text[text])), _economic_name(text, ledger.year)
                )
                for text in sorted(by_text)
            ),
        )

    def three_public(self) -> disclosure.ThreePublic | None:
        account = self.ledger.three_public
        if account is None:
            return None
        prior = self.prior.three_public
        budgets = account.budgets()
        r = self.r

        def figure(name: str) -> disclosure.BudgetedFigure:
            actual: Amount = getattr(account, name)
            budget = budgets[name]
            previous: Amount | None = getattr(prior, name) if prior is not None else None
            return disclosure.BudgetedFigure(
                actual=r(actual),
                budget=r(budget) if budget is not None else None,
                completion=self.completion(actual, budget),
                versus_budget=self.change(budget, actual),
                change=self.change(previous, actual),
            )

        return disclosure.ThreePublic(
            total=figure("total"),
            outbound=figure("outbound"),
            vehicles=figure("vehicles"),
            vehicle_purchase=figure("vehicle_purchase"),
            vehicle_operation=figure("vehicle_operation"),
            reception=figure("reception"),
            domestic_reception=figure("domestic_reception"),
            foreign_reception=figure("foreign_reception"),
            **account.counts(),
        )

    def fund_spending(self, fund: Fund) -> disclosure.FundSpending:
        r = self.r
        opening, revenue, total, closing = self.flow(fund)
        previous = (
            self.prior.government_fund_expenditure
            if fund is Fund.GOVERNMENT_FUND
            else self.prior.state_capital_expenditure
        )
        return disclosure.FundSpending(
            total=r(total),
            change=self.change(previous, total),
            lines=self.function_lines((fund,)),
            opening_balance=r(opening),
            revenue=r(revenue),
            closing_balance=r(closing),
        )

    def operating_costs(self) -> disclosure.OperatingCosts | None:
        amount = self.ledger.operating_costs
        if amount is None:
            return None
        return disclosure.OperatingCosts(
            amount=self.r(amount), change=self.change(self.prior.operating_costs, amount)
        )

    def procurement(self) -> disclosure.Procurement | None:
        account = self.ledger.procurement
        if account is None:
            return None
        r, total = self.r, account.total

        def share(part: Amount | None) -> Percent | None:
            return Percent.ratio(part, total).rounded() if part is not None and total else None

        return disclosure.Procurement(
            total=r(total),
            goods=r(account.goods),
            works=r(account.works),
            services=r(account.services),
            sme=r(account.sme) if account.sme is not None else None,
            sme_share=share(account.sme),
            small_micro=r(account.small_micro) if account.small_micro is not None else None,
            small_micro_share=share(account.small_micro),
        )


def _leaves(rows: dict[str, _Row]) -> list[tuple[str, _Row]]:
    """The codes (by text) with no descendant among ``rows``, with their rows (the 项 lines of
    the narrative's item list).

    ``rows`` are in code order, where a code's descendants follow it at once (each begins with
    its text): a code is a leaf exactly when the next code does not begin with it.
    """
    pairs = list(rows.items())
    last = len(pairs) - 1
    return [
        (text, row)
        for i, (text, row) in enumerate(pairs)
        if i == last or not pairs[i + 1][0].startswith(text)
    ]


#: A code of a row, its catalogue name and its parents' names (the catalogue's, not a ledger's).
_Named = tuple[FunctionCode, str | None, tuple[str, ...]]
_NAMES: dict[int, dict[str, _Named]] = {}


def _named_codes(year: int) -> dict[str, _Named]:
    """The codes named so far with the catalogue of ``year``, by code text (a str caches its
    hash; a code's own hash is a Python call, and a (text, year) key a tuple made on every call)."""
    names = _NAMES.get(year)
    if names is None:
        names = _NAMES.setdefault(year, {})
    return names


def _function_names(text: str, year: int) -> _Named:
    """The shared code of ``text`` with its names in ``year``'s catalogue (bounded like lru_cache)."""
    names = _named_codes(year)
    found = names.get(text)
    if found is None:
        from budgetacct.codes import nearest_catalogue

        catalogue = nearest_catalogue("function", year)[0]

        def name(code_text: str) -> str | None:
            entry = catalogue.get(code_text)
            return entry.name if entry is not None else None

        code = FunctionCode.of(text)
        parents = tuple(n for n in (name(a.code) for a in code.ancestors) if n is not None)
        found = (code, name(text), parents)
        if len(names) < 100_000:
            names[text] = found
    return found


_ECONOMIC_NAMES: dict[int, dict[str, str | None]] = {}


def _economic_name(text: str, year: int) -> str | None:
    """The catalogue name of the economic code ``text`` in ``year`` (kept by year and text, like
    :func:`_function_names`)."""
    names = _ECONOMIC_NAMES.get(year)
    if names is None:
        names = _ECONOMIC_NAMES.setdefault(year, {})
    if text in names:
        return names[text]
    from budgetacct.codes import nearest_catalogue

    entry = nearest_catalogue(EconomicCode.of(text).system.kind, year)[0].get(text)
    name = entry.name if entry is not None else None
    if len(names) < 100_000:
        names[text] = name
    return name
