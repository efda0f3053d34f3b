"""The seven figures of a 决算说明 (图1–图7), drawn with matplotlib (``pip install budgetacct[plot]``).

A Sichuan-style 部门决算 report illustrates its first sections with seven charts:

====  ==========================================  ====
图1   收、支决算总计变动情况                         bar (last year and this year)
图2   收入决算结构                                  pie
图3   支出决算结构                                  pie
图4   财政拨款收、支决算总计变动情况                 bar
图5   一般公共预算财政拨款支出决算变动情况           bar
图6   一般公共预算财政拨款支出决算结构               pie
图7   “三公”经费财政拨款支出结构                    bar (its items are often 0)
====  ==========================================  ====

:func:`chart_data` reads the figures a :class:`~budgetacct.model.disclosure.Disclosure` states
(no matplotlib needed; a chart whose figures are not stated is left out); :func:`render_chart`
draws one chart as a :class:`matplotlib.figure.Figure` on the Agg canvas (never through
``pyplot``, so no global figure state is created); :func:`save_charts` writes them all.  Last
year's figure of a 变动 chart is the stated change's ``previous``, or is implied by its amount and
direction.  A pie whose items are all zero is drawn as bars with a note instead.

Chinese text needs a CJK font: :func:`find_cjk_font` looks for Noto Sans/Serif CJK, Source Han,
WenQuanYi … among the fonts matplotlib knows and the system's font files, and raises
:class:`MissingFont` (naming the Debian package ``fonts-noto-cjk``) when there is none.

>>> from budgetacct import load_example
>>> charts = chart_data(load_example("xiqu-2021"))
>>> [c.caption for c in charts][:2]
['图1：收、支决算总计变动情况（万元）', '图2：收入决算结构（万元）']
>>> charts[0].labels, [str(v) for v in charts[0].values]
(('2020年', '2021年'), ['894', '874.63'])
>>> charts[6].value_labels
('0万元', '0万元', '0.07万元')
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Literal

import attrs

from budgetacct.errors import BudgetAcctError, InvalidValue, MissingDependency
from budgetacct.model.disclosure import BudgetedFigure, Disclosure, StatedChange
from budgetacct.money import Amount, Direction, Percent
from budgetacct.render.labels import code_name
from budgetacct.render.zh import PROSE, format_amount, format_percent

if TYPE_CHECKING:  # pragma: no cover - typing only
    from matplotlib.figure import Figure
    from matplotlib.font_manager import FontProperties

    from budgetacct.model.ledger import Ledger

__all__ = [
    "CHART_KEYS",
    "ChartData",
    "MissingDependency",
    "MissingFont",
    "chart_data",
    "find_cjk_font",
    "render_chart",
    "render_charts",
    "save_charts",
]

ChartKind = Literal["bar", "pie"]
ImageFormat = Literal["png", "svg", "pdf"]

#: The file-name key of each figure, by number.
CHART_KEYS: Final = {
    1: "totals",
    2: "revenue",
    3: "expenditure",
    4: "fiscal",
    5: "general-budget",
    6: "general-budget-structure",
    7: "three-public",
}


class MissingFont(BudgetAcctError, LookupError):
    """No font that can show Chinese text is installed (or the one asked for is not found)."""

    def __init__(self, wanted: str | None = None) -> None:
        self.wanted = wanted
        if wanted is None:
            zh = (
                "找不到可显示中文的字体（如 Noto Sans CJK、思源黑体、文泉驿）："
                "请安装 Debian 软件包 fonts-noto-cjk（apt-get install fonts-noto-cjk），"
                "或以 font= 指定字体文件"
            )
            en = (
                "no font that can show Chinese text was found (such as Noto Sans CJK, Source Han Sans, "
                "WenQuanYi): install the Debian package fonts-noto-cjk "
                "(apt-get install fonts-noto-cjk) or pass font= the path of a font file"
            )
        else:
            zh = f"找不到字体 {wanted!r}：请给出字体文件路径或已安装字体的名称（Debian：fonts-noto-cjk）"
            en = (
                f"font {wanted!r} not found: give the path of a font file or the name of an "
                "installed font (Debian: fonts-noto-cjk)"
            )
        super().__init__(zh, en)

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.wanted,))


# --- chart data (no matplotlib) -----------------------------------------------------------------


@attrs.frozen
class ChartData:
    """The figures of one chart: its number (图N), title, kind, and labelled amounts.

    ``shares`` holds the printed share of each item of a structure chart (``None`` when not
    printed); ``note`` is shown under the chart.
    """

    number: int
    title: str
    kind: ChartKind
    labels: tuple[str, ...]
    values: tuple[Amount, ...]
    shares: tuple[Percent | None, ...] = ()
    note: str | None = None
    unit: str = "万元"

    @property
    def key(self) -> str:
        """A file-name friendly name (``totals``, ``revenue`` …)."""
        return CHART_KEYS.get(self.number, f"chart{self.number}")

    @property
    def caption(self) -> str:
        """The caption as the report prints it: ``图1：收、支决算总计变动情况（万元）``."""
        return f"图{self.number}：{self.title}（{self.unit}）"

    @property
    def value_labels(self) -> tuple[str, ...]:
        """Each amount in prose style (``874.63万元``, ``739万元``)."""
        return tuple(format_amount(v, PROSE) for v in self.values)

    @property
    def total(self) -> Amount:
        return sum(self.values, Amount(0))


def _previous(current: Amount, change: StatedChange | None) -> Amount | None:
    """Last year's figure: the stated ``previous``, or implied by the stated change."""
    if change is None:
        return None
    if change.previous is not None:
        return change.previous
    if change.direction is Direction.FLAT:
        return current
    if change.amount is None:
        return None
    previous = current + change.amount if change.direction is Direction.DECREASE else current - change.amount
    return previous if previous.value >= 0 else None


def _change_chart(
    number: int, title: str, year: int, current: Amount | None, change: StatedChange | None
) -> ChartData | None:
    if current is None:
        return None
    previous = _previous(current, change)
    if previous is None:
        return ChartData(number, title, "bar", (f"{year}年",), (current,), note="未说明上年数")
    return ChartData(number, title, "bar", (f"{year - 1}年", f"{year}年"), (previous, current))


def _structure_chart(
    number: int, title: str, items: Sequence[tuple[str, Amount, Percent | None]]
) -> ChartData | None:
    if not items:
        return None
    labels, values, shares = zip(*items, strict=True)
    return ChartData(number, title, "pie", tuple(labels), tuple(values), tuple(shares))


def chart_data(disclosure: Disclosure | Ledger) -> tuple[ChartData, ...]:
    """The data of 图1–图7 that ``disclosure`` states, in order (a Ledger is published first)."""
    from budgetacct.model.ledger import Ledger

    if isinstance(disclosure, Ledger):
        disclosure = disclosure.publish()
    if not isinstance(disclosure, Disclosure):
        raise InvalidValue("决算公开数据（Disclosure 或 Ledger）", "a Disclosure or a Ledger", disclosure)
    d, year = disclosure, disclosure.year
    charts: list[ChartData | None] = []

    o = d.overview
    grand_total = None
    if o is not None:
        grand_total = (
            o.revenue_grand_total if o.revenue_grand_total is not None else o.expenditure_grand_total
        )
    charts.append(
        _change_chart(1, "收、支决算总计变动情况", year, grand_total, o.change if o is not None else None)
    )
    r = d.revenue
    charts.append(
        _structure_chart(
            2,
            "收入决算结构",
            [(line.source.value, line.amount, line.share) for line in r.lines] if r is not None else [],
        )
    )
    e = d.expenditure
    charts.append(
        _structure_chart(
            3,
            "支出决算结构",
            [(line.kind.value, line.amount, line.share) for line in e.lines] if e is not None else [],
        )
    )
    g = d.general_budget
    for number, title, section, total in (
        (4, "财政拨款收、支决算总计变动情况", d.fiscal, "grand_total"),
        (5, "一般公共预算财政拨款支出决算变动情况", g, "total"),
    ):
        charts.append(
            _change_chart(
                number, title, year, getattr(section, total, None), getattr(section, "change", None)
            )
        )
    charts.append(
        _structure_chart(
            6,
            "一般公共预算财政拨款支出决算结构",
            [
                (code_name(c.code, c.name, year) or c.code.code, c.amount, c.share)
                for c in sorted(g.classes, key=lambda c: c.code)
            ]
            if g is not None
            else [],
        )
    )
    tp = d.three_public
    if tp is not None:
        parts: list[tuple[str, BudgetedFigure]] = [
            ("因公出国（境）费", tp.outbound),
            ("公务用车购置及运行维护费", tp.vehicles),
            ("公务接待费", tp.reception),
        ]
        stated = [(name, fig.actual) for name, fig in parts if fig.actual is not None]
        if stated:
            labels = tuple(name for name, _ in stated)
            values = tuple(amount for _, amount in stated if amount is not None)
            note = None if any(values) else f"{year}年“三公”经费财政拨款支出为0"
            charts.append(ChartData(7, "“三公”经费财政拨款支出结构", "bar", labels, values, note=note))
    return tuple(c for c in charts if c is not None)


# --- fonts --------------------------------------------------------------------------------------

# Family names in order of preference (prefix match, case-insensitive): simplified-Chinese sans
# faces first, then other CJK sans, serif, and the common fonts of other systems.
_PREFERRED: Final = (
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "Noto Sans CJK",
    "Source Han Sans",
    "Noto Serif CJK SC",
    "Noto Serif SC",
    "Source Han Serif SC",
    "Source Han Serif CN",
    "Noto Serif CJK",
    "Source Han Serif",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "Droid Sans Fallback",
    "AR PL UMing",
    "AR PL UKai",
    "Microsoft YaHei",
    "SimHei",
    "PingFang SC",
    "Hiragino Sans GB",
    "Heiti SC",
    "STHeiti",
    "SimSun",
)
# File names of CJK fonts, to find them when matplotlib's font cache predates their installation.
_CJK_FILE: Final = re.compile(
    r"(noto\w*cjk|sourcehan|source-han|wqy|wenquanyi|droidsansfallback|uming|ukai|msyh|simhei|simsun|pingfang)",
    re.IGNORECASE,
)
_MONO: Final = re.compile(r"\bmono\b", re.IGNORECASE)


def _font_entries() -> list[tuple[str, str, int, str]]:
    """(family, file, weight, style) of every font matplotlib knows."""
    from matplotlib import font_manager

    entries = []
    for entry in font_manager.fontManager.ttflist:
        weight = entry.weight
        if not isinstance(weight, int):
            weight = int(font_manager.weight_dict.get(str(weight), 400))
        entries.append((entry.name, entry.fname, weight, entry.style))
    return entries


def _system_font_files() -> list[str]:
    """The system's font files that look like CJK fonts (by file name)."""
    from matplotlib import font_manager

    return sorted(p for p in font_manager.findSystemFonts(fontext="ttf") if _CJK_FILE.search(Path(p).name))


def _best(entries: Iterable[tuple[str, str, int, str]]) -> str | None:
    ranked: list[tuple[int, int, int, str]] = []
    for name, _file, weight, style in entries:
        if _MONO.search(name):
            continue
        lowered = name.casefold()
        for rank, wanted in enumerate(_PREFERRED):
            if lowered.startswith(wanted.casefold()):
                ranked.append((rank, abs(weight - 400), style != "normal", name))
                break
    return min(ranked)[3] if ranked else None


def find_cjk_font() -> str:
    """The family name of an installed font that shows Chinese text (Noto Sans CJK SC preferred).

    Raises :class:`MissingFont` naming the Debian package ``fonts-noto-cjk`` when there is none.
    """
    try:
        from matplotlib import font_manager
    except ImportError:
        raise MissingDependency("matplotlib", "plot") from None
    found = _best(_font_entries())
    if found is not None:
        return found
    # matplotlib's font cache may predate the font's installation: look at the files themselves.
    for path in _system_font_files():
        try:
            font_manager.fontManager.addfont(path)
        except (OSError, RuntimeError, ValueError):  # pragma: no cover - unreadable font file
            continue
    found = _best(_font_entries())
    if found is None:
        raise MissingFont()
    return found


def _font_properties(font: str | os.PathLike[str] | None) -> FontProperties:
    from matplotlib.font_manager import FontProperties

    if font is None:
        return FontProperties(family=find_cjk_font())
    text = os.fspath(font)
    if Path(text).is_file():
        return FontProperties(fname=text)
    if any(name.casefold() == text.casefold() for name, *_ in _font_entries()):
        return FontProperties(family=text)
    raise MissingFont(text)


# --- drawing ------------------------------------------------------------------------------------

_COLOURS: Final = ("#4472C4", "#ED7D31", "#A5A5A5", "#FFC000", "#5B9BD5", "#70AD47", "#264478", "#9E480E")


def _matplotlib() -> None:
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        raise MissingDependency("matplotlib", "plot") from None


def _pie_label(label: str, value: Amount, share: Percent | None, total: Amount) -> str:
    if share is None:
        share = Percent.ratio(value, total).rounded()
    return f"{label} {format_amount(value, PROSE)}（{format_percent(share)}）"


def render_chart(
    chart: ChartData, *, font: str | os.PathLike[str] | None = None, width: float = 8, height: float = 5
) -> Figure:
    """Draw one chart on a new :class:`~matplotlib.figure.Figure` with an Agg canvas.

    ``font`` is a font file or an installed family name (default: :func:`find_cjk_font`).  The
    figure is not registered with ``pyplot``; save it with ``figure.savefig(path)``.
    """
    if not isinstance(chart, ChartData):
        raise InvalidValue("图表数据（ChartData）", "a ChartData", chart)
    _matplotlib()
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fp = _font_properties(font)
    title_fp = fp.copy()
    title_fp.set_size(14)
    small = fp.copy()
    small.set_size(9)

    figure = Figure(figsize=(width, height), dpi=100, layout="constrained")
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    figure.suptitle(chart.caption, fontproperties=title_fp)
    floats = [_geometry(v) for v in chart.values]
    total = chart.total
    note = chart.note
    if chart.kind == "pie" and total.value > 0:
        shown = [
            (label, value, share, number)
            for label, value, share, number in zip(
                chart.labels, chart.values, chart.shares or (None,) * len(chart.values), floats, strict=True
            )
            if value.value > 0
        ]
        wedges, *_ = axes.pie(
            [number for *_, number in shown],
            colors=[_COLOURS[i % len(_COLOURS)] for i in range(len(shown))],
            startangle=90,
            counterclock=False,
            wedgeprops={"linewidth": 1, "edgecolor": "white"},
        )
        axes.set_aspect("equal")
        figure.legend(
            wedges,
            [_pie_label(label, value, share, total) for label, value, share, _ in shown],
            prop=fp,
            loc="outside right center",
            frameon=False,
        )
    else:
        if chart.kind == "pie":
            note = note or "各项均为0，不绘制结构饼图"
        positions = list(range(len(chart.values)))
        bars = axes.bar(
            positions,
            floats,
            width=0.5,
            color=[_COLOURS[i % len(_COLOURS)] for i in positions],
        )
        axes.bar_label(bars, labels=list(chart.value_labels), padding=3, fontproperties=fp)
        axes.set_xticks(positions, labels=list(chart.labels))
        for tick in axes.get_xticklabels():
            tick.set_fontproperties(fp)
        axes.set_ylabel(chart.unit, fontproperties=fp)
        top = max(floats, default=0.0)
        axes.set_ylim(0, top * 1.15 if top > 0 else 1.0)
        axes.spines[["top", "right"]].set_visible(False)
    if note:
        figure.text(0.5, 0.01, note, ha="center", va="bottom", fontproperties=small)
    return figure


def render_charts(
    disclosure: Disclosure | Ledger, *, font: str | os.PathLike[str] | None = None
) -> tuple[tuple[ChartData, Figure], ...]:
    """Every chart of :func:`chart_data`, drawn (the font is looked up once)."""
    charts = chart_data(disclosure)
    if font is None and charts:
        _matplotlib()
        font = find_cjk_font()
    return tuple((chart, render_chart(chart, font=font)) for chart in charts)


def save_charts(
    disclosure: Disclosure | Ledger,
    directory: str | os.PathLike[str],
    *,
    format: ImageFormat = "png",
    dpi: int = 150,
    font: str | os.PathLike[str] | None = None,
) -> tuple[Path, ...]:
    """Write each chart to ``directory/figN-KEY.FORMAT`` (``fig1-totals.png`` …); returns the paths."""
    if format not in ("png", "svg", "pdf"):
        raise InvalidValue(
            "图片格式 png、svg 或 pdf", "an image format png, svg or pdf", format, path="$.format"
        )
    if type(dpi) is not int or not 10 <= dpi <= 2400:
        raise InvalidValue("10到2400之间的分辨率", "a dpi from 10 to 2400", dpi, path="$.dpi")
    drawn = render_charts(disclosure, font=font)
    target = Path(directory)
    target.mkdir(parents=True, exist_ok=True)
    written = []
    # Fixed metadata keeps the files reproducible (no creation date).
    metadata: dict[str, Any] = {"svg": {"Date": None}, "pdf": {"CreationDate": None}, "png": {}}[format]
    for chart, figure in drawn:
        path = target / f"fig{chart.number}-{chart.key}.{format}"
        figure.savefig(path, format=format, dpi=dpi, metadata=metadata)
        written.append(path)
    return tuple(written)


def _geometry(amount: Amount) -> float:
    """Bar heights and pie angles for matplotlib; every printed label is formatted from the Decimal."""
    return float(amount.value)  # drawing coordinates only, never money arithmetic
