"""B.8 other important matters: operating costs, procurement, vehicles and staff (R43–R46)."""

from __future__ import annotations

from collections.abc import Sequence

from budgetacct.auditing.check import Checker, compared
from budgetacct.model.enums import Severity


def operating_costs_within_public_costs(c: Checker) -> None:
    d = c.d
    if d.operating_costs is None or d.basic_expenditure is None:
        return
    amount, public = d.operating_costs.amount, d.basic_expenditure.public
    c.not_above(
        "$.operating_costs.amount",
        amount,
        public,
        "机关运行经费大于公用经费",
        "operating costs exceed public costs",
    )
    if amount is None or public is None or amount != public or d.staffing is None:
        return
    institutions = [
        unit.name
        for unit in d.staffing.units
        if any("事业" in count.category for count in (*unit.authorized_by_category, *unit.actual_by_category))
    ]
    if institutions:
        # A doubt, not a proof: the 事业单位's 公用经费 cannot be seen without table 八.
        c.emit(
            Severity.NOTE,
            "$.operating_costs.amount",
            f"机关运行经费等于全部公用经费{public}万元，但部门含事业单位（{'、'.join(institutions)}），其公用经费不属于机关运行经费",
            f"operating costs equal all public costs ({public}) although the department includes public institutions ({', '.join(institutions)}), whose costs are not operating costs",
            expected=f"<{public}",
            actual=amount,
        )


def procurement_adds_up(c: Checker) -> None:
    c.adds_up(
        "$.procurement.total = $.procurement.goods + $.procurement.works + $.procurement.services",
        "政府采购支出总额与货物、工程、服务之和不符",
        "procurement total differs from goods + works + services",
    )
    p = c.d.procurement
    if p is None:
        return
    c.not_above(
        "$.procurement.sme",
        p.sme,
        p.total,
        "授予中小企业合同金额大于政府采购支出总额",
        "SME contracts exceed the procurement total",
    )
    c.not_above(
        "$.procurement.small_micro",
        p.small_micro,
        p.sme,
        "授予小微企业合同金额大于授予中小企业合同金额",
        "small/micro contracts exceed SME contracts",
    )


def vehicles_add_up(c: Checker) -> None:
    assets = c.d.assets
    if assets is None or assets.vehicles_total is None or not assets.vehicles:
        return
    total = sum(v.count for v in assets.vehicles)
    if total != assets.vehicles_total:
        c.fail(
            "$.assets.vehicles_total",
            f"车辆合计{assets.vehicles_total}辆，各类之和为{total}辆",
            f"vehicles total {assets.vehicles_total}, categories add up to {total}",
            **compared(total, assets.vehicles_total, 0),
        )


def staff_counts_add_up(c: Checker) -> None:
    staffing = c.d.staffing
    if staffing is None:
        return

    def compare(path: str, stated: int | None, parts: Sequence[int | None], zh: str, en: str) -> None:
        if stated is None or not parts or any(p is None for p in parts):
            return
        total = sum(p for p in parts if p is not None)
        if total != stated:
            c.fail(
                path,
                f"{zh}：合计{stated}，各项之和{total}",
                f"{en}: total {stated}, parts add up to {total}",
                **compared(total, stated, 0),
            )

    counts = (
        ("actual", "实有人数与各类人员之和不符", "staff in post differ from the sum of categories"),
        ("authorized", "编制数与各类编制之和不符", "authorized posts differ from the sum of categories"),
    )
    for i, unit in enumerate(staffing.units):
        for field, zh, en in counts:
            categories = getattr(unit, f"{field}_by_category")
            if categories:
                compare(
                    f"$.staffing.units[{i}].{field}",
                    getattr(unit, field),
                    [x.count for x in categories],
                    f"{unit.name}{zh}",
                    f"{unit.name}: {en}",
                )
    if staffing.units:
        for field, zh, en in (
            ("actual", "部门实有人数与各单位之和不符", "department staff differ from the sum of units"),
            ("authorized", "部门编制数与各单位之和不符", "department posts differ from the sum of units"),
        ):
            compare(
                f"$.staffing.total_{field}",
                getattr(staffing, f"total_{field}"),
                [getattr(u, field) for u in staffing.units],
                zh,
                en,
            )
        retired = [u.retired for u in staffing.units if u.retired is not None]
        if staffing.total_retired is not None and retired and sum(retired) > staffing.total_retired:
            c.fail(
                "$.staffing.total_retired",
                "各单位退休人数之和大于部门退休人数",
                "retirees of the units exceed the department's",
                expected=f"≥{sum(retired)}",
                actual=staffing.total_retired,
            )
