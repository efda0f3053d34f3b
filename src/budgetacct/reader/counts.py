"""Counts and facts: vehicles and equipment (国有资产), performance counts and claims, staffing (人员)
and the department's name from a title or a lead phrase."""

from __future__ import annotations

import re
from typing import Final

from budgetacct.paths import Path
from budgetacct.reader.draft import Where
from budgetacct.reader.normalize import Paragraph, Sentence
from budgetacct.reader.reading import AMOUNT, COPULA, GENERIC_SUBJECTS, Reader

__all__ = [
    "VEHICLES_OF_WHICH",
    "VEHICLES_TOTAL",
    "VEHICLE_CATEGORY",
    "offer_department_lead",
    "offer_title",
    "read_assets",
    "read_performance",
    "read_staffing",
]

_DEPT_LEAD = re.compile(
    r"^\d{4}年度?，?(?P<d>[^，。；：\d“”\"]{2,40}?)(?:机关运行经费|政府采购支出|[“\"]?三公[”\"]?经费)"
)


_AS_OF = re.compile(r"截至(?P<d>\d{4}年\d{1,2}月\d{1,2}日)")
# “共有车辆N辆，其中：一般公务用车N辆、…”: the holdings and, in the 其中 list after them, the
# categories.  A 用车 count elsewhere (“购置公务用车1辆”, “预算安排购置车辆0辆”) is no holding.
VEHICLES_TOTAL = re.compile(r"(?:(?:共有|拥有|现有|实有)车辆(?:共)?|车辆(?:共|总数为?|合计))(?P<n>\d+)辆")
VEHICLE_CATEGORY = re.compile(r"(?P<c>[^\d，。；：、（）]{1,20}?用车)(?P<n>\d+)辆")
VEHICLES_OF_WHICH = re.compile(r"[，,]?其中[：，]?")
_EQUIPMENT = re.compile(
    r"单价(?P<t>\d+(?:\.\d+)?万元)以上(?:的)?(?P<k>通用设备|专用设备)(?:共)?(?P<n>\d+)(?:台（套）|台|套|件)"
)


# “单价100万元（含）以上设备（不含车辆）2台（套）” (上海 2024 决算 template): equipment of every
# kind at or above the price, not split into 通用 and 专用.
_ANY_EQUIPMENT = re.compile(
    r"单价(?P<t>\d+(?:\.\d+)?万元)(?:（含）)?以上(?:的)?设备(?:（不含车辆）)?(?:共)?(?P<n>\d+)(?:台（套）|台|套|件)"
)

_PLANNED = re.compile(r"购置|购买|采购|安排|新增")


def read_assets(r: Reader, s: Sentence) -> None:
    text = s.text
    if "车辆" not in text and "设备" not in text:
        return
    as_of = _AS_OF.search(text)
    touched = False
    for m in VEHICLES_TOTAL.finditer(text):
        touched |= r.put_count(("assets", "vehicles_total"), r.count(s, m, "n"))
        of_which = VEHICLES_OF_WHICH.match(text, m.end())
        if of_which is not None:
            end = text.find("；", of_which.end())
            touched |= _vehicle_categories(r, s, of_which.end(), len(text) if end < 0 else end)
    for m in _EQUIPMENT.finditer(text):
        s.use(*m.span("t"))
        field = "general_equipment" if m.group("k") == "通用设备" else "special_equipment"
        touched |= r.put_count(("assets", field), r.count(s, m, "n"))
    for m in _ANY_EQUIPMENT.finditer(text):
        if _PLANNED.search(text, max(0, m.start() - 12), m.start()):
            continue  # “预算安排购置单价100万元以上设备…”: a purchase planned, not equipment held
        if r.put_count(("assets", "equipment"), r.count(s, m, "n")):
            touched |= r.put_amount(("assets", "equipment_threshold"), r.amount(s, m, "t"))
    if as_of is not None and touched:
        r.draft.put(("assets", "as_of"), as_of.group("d"), r.where(s, *as_of.span("d")))


def _vehicle_categories(r: Reader, s: Sentence, start: int, end: int) -> bool:
    touched = False
    for m in VEHICLE_CATEGORY.finditer(s.text, start, end):
        found = r.count(s, m, "n")
        category = m.group("c").strip("：，")
        if found is None or not category:
            continue
        r.draft.item(
            ("assets", "vehicles"),
            category,
            {"category": (category, found[1], None), "count": (found[0], found[1], None)},
        )
        touched = True
    return touched


_PF_COUNT = re.compile(
    r"(?<![\d.])(?P<n>\d+)个(?:项目|一级项目|二级项目)[^，。；\d]{0,10}?(?P<k>事前绩效评估|绩效目标|绩效(?:运行)?监控|绩效自评)"
)
_PF_FIELDS: Final = {
    "事前绩效评估": "projects_assessed",
    "绩效目标": "projects_with_targets",
    "绩效监控": "projects_monitored",
    "绩效运行监控": "projects_monitored",
    "绩效自评": "projects_self_evaluated",
}
_CLAIMS: Final = (
    (re.compile(r"预算(?:能够|已)?全部(?:执行)?完成"), "claims_fully_executed"),
    (re.compile(r"资金无结余|无资金结余"), "claims_no_balance"),
    (re.compile(r"预算无(?:动态)?调整|无预算调整"), "claims_no_adjustment"),
)
_RATING = re.compile(
    r"绩效评价结果(?:为)?(?P<r>优秀|良好|优|良|中|差|合格)|自评(?:等级|结果)(?:为|：)?(?P<g>优秀|良好|优|良|中|差)"
)


# “编报绩效目标的2024年度项目4个，涉及预算金额598.42万元” (上海 2024 决算 template): a stage of
# the performance management, its projects and the budget they involve.  绩效跟踪 is 上海's word
# for the monitoring during the year (绩效运行监控).
_PF_STAGE = re.compile(
    r"(?P<k>(?:编报)?绩效目标|绩效跟踪(?:评价)?|绩效(?:运行)?监控|绩效自评)的(?:\d{4}年度?)?项目(?:共)?"
    rf"(?P<n>\d+)个，?涉及(?:项目)?预算(?:金额|资金)?{COPULA}(?P<a>{AMOUNT})"
)
_PF_STAGES: Final = {
    "绩效目标": "targets",
    "绩效跟踪": "monitored",
    "绩效监控": "monitored",
    "绩效自评": "self_evaluated",
}


def _stage(printed: str) -> str:
    key = printed.removeprefix("编报").removesuffix("评价").replace("运行", "")
    return _PF_STAGES[key]


def read_performance(r: Reader, s: Sentence) -> None:
    text = s.text
    if "绩效" not in text and "预算" not in text and "资金" not in text:
        return
    for m in _PF_COUNT.finditer(text):
        r.put_count(("performance", _PF_FIELDS[m.group("k")]), r.count(s, m, "n"))
    for m in _PF_STAGE.finditer(text):
        stage = _stage(m.group("k"))
        counted = "projects_with_targets" if stage == "targets" else f"projects_{stage}"
        r.put_count(("performance", counted), r.count(s, m, "n"))
        r.put_amount(("performance", f"{stage}_amount"), r.amount(s, m, "a"))
    for pattern, field in _CLAIMS:
        claim = pattern.search(text)
        if claim is not None:
            r.draft.put(("performance", field), True, r.where(s, claim.start(), claim.end()))
    rating = _RATING.search(text)
    if rating is not None:
        group = "r" if rating.group("r") is not None else "g"
        r.draft.put(("performance", "overall_rating"), rating.group(group), r.where(s, *rating.span(group)))


# --- paragraphs: staffing, names, years ------------------------------------------------------------------------

_UNIT_HEAD = re.compile(
    r"(?P<name>[^，。；：\d（）“”]{2,30}?)(?:内设机构|下设|现有编制|核定编制|(?:共)?(?:有|设|核定)(?=[^，。；]{0,8}编制))"
)
_AUTHORIZED = re.compile(rf"(?P<c>[^，。；：\d、（）]{{0,12}}?)编制(?:数)?{COPULA}(?P<n>\d+)(?:个|名|人)")
_VERBS: Final = ("内设机构", "共设", "核定", "共有", "现有", "设有", "其中", "设", "有", "共")
_ACTUAL = re.compile(r"实有(?P<w>[^，。；\d]{0,6}?)(?P<n>\d+)(?:人|名)")
_CATEGORY = re.compile(r"(?P<c>[^\d，。；：、]{1,10}?)(?P<n>\d+)(?:名|人)$")
_RETIRED = re.compile(
    r"(?<![\d.])(?P<n>\d+)名(?:离)?退休人员|(?<!在职)(?:离)?退休(?:人员)?(?P<m>\d+)(?:名|人)"
)
_TOTAL_ACTUAL = re.compile(r"实有在职人员(?P<n>\d+)(?:名|人)|在职人员(?P<m>\d+)(?:名|人)")
_TOTAL_RETIRED = re.compile(r"(?<!名)退休人员(?P<n>\d+)(?:名|人)")
_TITLE = re.compile(
    r"^(?P<d>[^，。；：\d“”]{2,40}?)(?P<y>\d{4})年度?(?:部门|单位)?(?:决算|整体绩效评价报告|整体支出绩效|部门整体绩效)"
)


def _segments(text: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for index, char in enumerate(text):
        if char in "。；":
            if index > start:
                spans.append((start, index))
            start = index + 1
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _para_sentence(p: Paragraph) -> Sentence:
    return Sentence(p, 0, p.text)


def read_staffing(r: Reader, p: Paragraph) -> None:
    text = p.text
    if ("编制" not in text and "实有" not in text and "在职" not in text) or len(text) > 3000:
        return
    s = _para_sentence(p)
    units: list[tuple[str, int, list[tuple[int, int]]]] = []
    if p.part in ("profile", "unknown"):
        for a, b in _segments(text):
            head = _UNIT_HEAD.match(text, a, b)
            if head is not None and not head.group("name").startswith(GENERIC_SUBJECTS):
                units.append((head.group("name"), a, [(a, b)]))
            elif units:
                units[-1][2].append((a, b))
    if not units:
        _staff_totals(r, s)
        return
    for name, start, spans in units:
        _unit(r, s, name, start, spans)


def _unit(r: Reader, s: Sentence, name: str, start: int, spans: list[tuple[int, int]]) -> None:
    text = s.text
    authorized: tuple[int, Where] | None = None
    categories: list[tuple[str, int, Where]] = []
    actual: tuple[int, Where] | None = None
    actual_categories: list[tuple[str, int, Where]] = []
    retired: tuple[int, Where] | None = None
    for a, b in spans:
        for m in _AUTHORIZED.finditer(text, a, b):
            found = r.count(s, m, "n")
            if found is None:
                continue
            label = _category_of(m)
            if not label:
                authorized = authorized or found
            else:
                categories.append((label + "编制", *found))
        for m in _ACTUAL.finditer(text, a, b):
            actual = actual or r.count(s, m, "n")
            tail = text[m.end() : b]
            if tail.startswith(("，其中", "，其中：", "其中")):
                offset = m.end() + tail.find("其中") + 2
                for c_start, c_end in _comma_spans(text, offset, b):
                    item = _CATEGORY.match(text[:c_end], c_start)
                    if item is not None and "退休" not in item.group("c"):
                        count = r.count(s, item, "n")
                        if count is not None:
                            actual_categories.append((item.group("c").strip("：，"), *count))
        for m in _RETIRED.finditer(text, a, b):
            group = "n" if m.group("n") is not None else "m"
            retired = retired or r.count(s, m, group)
    if authorized is None and len(categories) == 1:
        authorized = (categories[0][1], categories[0][2])
    if authorized is None and actual is None:
        return
    where = r.where(s, start, start + len(name))
    index = r.draft.item(("staffing", "units"), name, {"name": (name, where, None)})
    if index is None:
        return
    base: Path = ("staffing", "units", index)
    r.put_count((*base, "authorized"), authorized)
    r.put_count((*base, "actual"), actual)
    r.put_count((*base, "retired"), retired)
    for field, found_categories in (
        ("authorized_by_category", categories),
        ("actual_by_category", actual_categories),
    ):
        for label, number, at in found_categories:
            r.draft.item((*base, field), label, {"category": (label, at, None), "count": (number, at, None)})


def _comma_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    position = start
    while position < end:
        stop = min(
            (i for i in (text.find("，", position, end), text.find("、", position, end)) if i >= 0),
            default=end,
        )
        if stop > position:
            spans.append((position, stop))
        position = stop + 1
    return spans


def _staff_totals(r: Reader, s: Sentence) -> None:
    """The department's 实有人数 (and its retirees) stated with no unit named.  The other counts of
    a clause that states staff in post are reported unread: the parts of the total (在职人员 of
    “实有人数11人，其中：在职人员10人”) and counts by category (“行政编制115人，实有人数107人”)."""
    read: set[tuple[int, int]] = set()
    staffed = [(a, b) for a, b in _segments(s.text) if _STAFF_WORDS.search(s.text, a, b)]
    # “行政编制115人，实有人数107人”: the staff in post of one category, not the department's.
    by_category = [
        (a, b)
        for a, b in staffed
        if any(pattern.search(s.text, a, b) for pattern in (_DEPT_ACTUAL, _TOTAL_ACTUAL, _ACTUAL))
        and any(_category_of(m) for m in _AUTHORIZED.finditer(s.text, a, b))
    ]
    if (s.part != "profile" or s.text.startswith(GENERIC_SUBJECTS)) and not by_category:
        # “实有人数11人，其中：在职人员10人…”: 11 is the total, the 在职 count a part of it.
        stated = list(_DEPT_ACTUAL.finditer(s.text)) or list(_TOTAL_ACTUAL.finditer(s.text))
        if len(stated) == 1:
            m = stated[0]
            group = "m" if m.groupdict().get("m") is not None else "n"
            if r.put_count(("staffing", "total_actual"), r.count(s, m, group)):
                read.add((m.start(group), m.end(group) + 1))
            authorized = list(_DEPT_AUTHORIZED.finditer(s.text))
            if len(authorized) == 1:
                m = authorized[0]
                if r.put_count(("staffing", "total_authorized"), r.count(s, m, "n")):
                    read.add((m.start("n"), m.end("n") + 1))
            for m in _TOTAL_RETIRED.finditer(s.text):
                if r.put_count(("staffing", "total_retired"), r.count(s, m, "n")):
                    read.add((m.start("n"), m.end("n") + 1))
    # In a clause of staff in post every number of people is a count; in one of 编制 only, the 编制
    # counts (a 概况's “其中副高级职称4人” describes the staff, outside the accounts).
    counts = {
        m.span("n")
        for a, b in staffed
        for m in (_PEOPLE if _IN_POST.search(s.text, a, b) else _AUTHORIZED_PEOPLE).finditer(s.text, a, b)
    }
    for span in sorted(counts - read):
        r.reject(s, *span, *_STAFF_COUNT_UNREAD)


#: “本部门行政编制115人，实有人数107人；事业编制31人，实有人数26人” (北京 2019): counts by category
#: of the department, or the parts of its total, for which the model has no place.
_STAFF_COUNT_UNREAD: Final = (
    "a staffing count of the department by category (or a part of its total): the model holds the "
    "department's totals only",
    "部门分类别的人员（编制）数或总数的组成部分，模型只记载部门的总数",
)
#: A clause about staffing (编制, 实有, 在职 …) and a number of people in it.
_STAFF_WORDS = re.compile(r"编制|实有|在职|在编")
_PEOPLE = re.compile(r"(?P<n>(?<![\d.])\d+(?:人|名))(?!次)")
_IN_POST = re.compile(r"实有|在职|在编")
#: The words of a count of people (“编制人数20人”, “实有人员为25人”): what is counted, then the number.
_PEOPLE_COUNT = r"{counted}(?:为|是|共|共计)?(?P<n>\d+)(?:人|名)"
#: A 编制 count in a clause of 编制 only, with its unit (the span reported unread).
_AUTHORIZED_PEOPLE = re.compile(r"编制(?:人数|数)?(?:为|是|共|共计)?(?P<n>\d+(?:人|名))")
#: “本部门编制人数20人，其中：行政编制15人…” and “实有人数11人”: the department's 编制 and staff, all
#: categories together (a category's “行政编制15人” has its name right before 编制).
_DEPT_AUTHORIZED = re.compile(
    r"(?:^|(?<=[，。；：]))(?:本部门|本单位|我部门|我单位)?(?:共有|核定|现有)?"
    + _PEOPLE_COUNT.format(counted="编制(?:人数|数)?")
)
_DEPT_ACTUAL = re.compile(_PEOPLE_COUNT.format(counted="实有(?:人数|人员)"))


def _category_of(m: re.Match[str]) -> str:
    """The category a 编制 count names (行政, 事业 …), or ``""`` for the whole."""
    label = m.group("c")
    for verb in _VERBS:
        index = label.rfind(verb)
        if index >= 0:
            label = label[index + len(verb) :]
    return label.strip("，：、")


def offer_title(r: Reader, p: Paragraph) -> None:
    text = p.text
    if len(text) <= 80:
        title = _TITLE.match(text)
        if title is not None:
            s = _para_sentence(p)
            r.offer_department(1, title.group("d"), r.where(s, *title.span("d")))


def offer_department_lead(r: Reader, s: Sentence) -> None:
    m = _DEPT_LEAD.match(s.text)
    if m is not None:
        r.offer_department(2, m.group("d"), r.where(s, *m.span("d")))
