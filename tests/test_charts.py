"""图1–图7: chart data from a Disclosure, headless rendering with a CJK font, the CLI, the no-font path."""

from __future__ import annotations

import io
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

from budgetacct import Amount, Direction, Disclosure, Percent, StatedChange, load_example
from budgetacct.cli import main
from budgetacct.errors import BudgetAcctError, MissingDependency
from budgetacct.model import (
    BudgetedFigure,
    Expenditure,
    ExpenditureKind,
    KindLine,
    Overview,
    Revenue,
    RevenueSource,
    SourceLine,
    ThreePublic,
)
from budgetacct.render import charts
from budgetacct.render.charts import ChartData, MissingFont, chart_data

SEED_CAPTIONS = [
    "图1：收、支决算总计变动情况（万元）",
    "图2：收入决算结构（万元）",
    "图3：支出决算结构（万元）",
    "图4：财政拨款收、支决算总计变动情况（万元）",
    "图5：一般公共预算财政拨款支出决算变动情况（万元）",
    "图6：一般公共预算财政拨款支出决算结构（万元）",
    "图7：“三公”经费财政拨款支出结构（万元）",
]


@pytest.fixture(scope="module")
def seed() -> Disclosure:
    return load_example("xiqu-2021")


@pytest.fixture(scope="module")
def font() -> str:
    """The CJK font the charts use; rendering tests are skipped only when none is installed."""
    pytest.importorskip("matplotlib")
    try:
        return charts.find_cjk_font()
    except MissingFont:  # pragma: no cover - depends on the machine
        pytest.skip("no CJK font installed: apt-get install fonts-noto-cjk")


# --- data -------------------------------------------------------------------------------------


def test_seed_has_the_seven_figures_of_the_report(seed: Disclosure) -> None:
    data = chart_data(seed)
    assert [c.caption for c in data] == SEED_CAPTIONS
    assert [c.kind for c in data] == ["bar", "pie", "pie", "bar", "bar", "pie", "bar"]


def test_seed_figures_match_the_report_chart_data(seed: Disclosure) -> None:
    """The chart data at the end of the seed report: 894 / 874.63, 893.16 / 874.5, 797.02 / 783 …"""
    by_number = {c.number: c for c in chart_data(seed)}
    assert by_number[1].labels == ("2020年", "2021年")
    assert by_number[1].values == (Amount("894"), Amount("874.63"))
    assert by_number[4].values == (Amount("893.16"), Amount("874.5"))
    assert by_number[5].values == (Amount("797.02"), Amount("783"))
    assert by_number[2].labels == ("一般公共预算财政拨款收入", "政府性基金预算财政拨款收入", "其他收入")
    assert by_number[2].values == (Amount("739"), Amount("91.5"), Amount("0.13"))
    assert by_number[2].shares == (Percent("88.96"), Percent("11.02"), Percent("0.02"))
    assert by_number[3].values == (Amount("782.99"), Amount("91.5"))
    assert by_number[6].labels == ("一般公共服务支出", "社会保障和就业支出", "卫生健康支出", "住房保障支出")
    assert by_number[6].values == (Amount("614"), Amount("59.77"), Amount("43.99"), Amount("65.23"))
    assert by_number[7].labels == ("因公出国（境）费", "公务用车购置及运行维护费", "公务接待费")
    assert by_number[7].value_labels == ("0万元", "0万元", "0.07万元")
    assert by_number[1].value_labels == ("894万元", "874.63万元")


@pytest.mark.parametrize(
    ("change", "previous"),
    [
        (StatedChange(Direction.DECREASE, Amount("19.37")), Amount("894.00")),
        (StatedChange(Direction.INCREASE, Amount("4.63")), Amount("870.00")),
        (StatedChange.flat(), Amount("874.63")),
        (StatedChange(Direction.INCREASE, Amount("1"), previous=Amount("800")), Amount("800")),
    ],
)
def test_previous_year_is_stated_or_implied(change: StatedChange, previous: Amount) -> None:
    d = Disclosure(
        year=2021, department="示例", overview=Overview(revenue_grand_total=Amount("874.63"), change=change)
    )
    (chart,) = chart_data(d)
    assert chart.labels == ("2020年", "2021年")
    assert chart.values == (previous, Amount("874.63"))


def test_without_a_change_only_this_year_is_drawn() -> None:
    d = Disclosure(year=2021, department="示例", overview=Overview(expenditure_grand_total=Amount("10")))
    (chart,) = chart_data(d)
    assert chart.labels == ("2021年",)
    assert chart.note


def test_unstated_sections_give_no_chart() -> None:
    assert chart_data(Disclosure(year=2021, department="示例")) == ()


def test_a_ledger_is_published_first() -> None:
    ledger = load_example("xiqu-2021", "ledger")
    assert [c.number for c in chart_data(ledger)] == [c.number for c in chart_data(ledger.publish())]


def test_chart_data_refuses_other_objects() -> None:
    with pytest.raises(BudgetAcctError):
        chart_data("not a disclosure")  # type: ignore[arg-type]


# --- rendering ------------------------------------------------------------------------------------


def _pixels(figure: object) -> object:
    np = pytest.importorskip("numpy")
    canvas = figure.canvas  # type: ignore[attr-defined]
    canvas.draw()
    return np.asarray(canvas.buffer_rgba())[..., :3]


def _svg(figure: object) -> str:
    import matplotlib

    buffer = io.StringIO()
    with matplotlib.rc_context({"svg.fonttype": "none"}):
        figure.savefig(buffer, format="svg")  # type: ignore[attr-defined]
    return buffer.getvalue()


@pytest.mark.parametrize("number", range(1, 8))
def test_each_seed_chart_renders_headless_with_its_labels(seed: Disclosure, font: str, number: int) -> None:
    chart = next(c for c in chart_data(seed) if c.number == number)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a missing glyph (“Glyph … missing from font”) fails the test
        figure = charts.render_chart(chart, font=font)
        pixels = _pixels(figure)
        png = io.BytesIO()
        figure.savefig(png, format="png")
        svg = _svg(figure)
    assert type(figure).__module__ == "matplotlib.figure"
    assert len(png.getvalue()) > 10_000
    assert pixels.std() > 20  # type: ignore[attr-defined]
    assert (pixels.min(axis=2) < 200).mean() > 0.02  # type: ignore[attr-defined]
    assert chart.caption in svg
    assert chart.value_labels[-1] in svg
    assert chart.labels[0] in svg


def test_no_pyplot_state_is_created(seed: Disclosure, font: str) -> None:
    charts.render_charts(seed, font=font)
    if "matplotlib.pyplot" in sys.modules:  # another test may have imported it
        import matplotlib.pyplot as plt

        assert plt.get_fignums() == []


def test_all_zero_structure_is_drawn_as_bars_with_a_note(font: str) -> None:
    d = Disclosure(
        year=2021,
        department="示例",
        revenue=Revenue(
            total=Amount("0"),
            lines=(
                SourceLine(RevenueSource.GENERAL_BUDGET, Amount("0")),
                SourceLine(RevenueSource.OTHER, Amount("0.00")),
            ),
        ),
    )
    (chart,) = chart_data(d)
    assert chart.kind == "pie"
    svg = _svg(charts.render_chart(chart, font=font))
    assert "不绘制结构饼图" in svg
    assert "0万元" in svg


def test_zero_items_of_a_pie_are_left_out_of_it(font: str) -> None:
    d = Disclosure(
        year=2021,
        department="示例",
        expenditure=Expenditure(
            total=Amount("5"),
            lines=(
                KindLine(ExpenditureKind.BASIC, Amount("5")),
                KindLine(ExpenditureKind.PROJECT, Amount("0")),
            ),
        ),
    )
    (chart,) = chart_data(d)
    svg = _svg(charts.render_chart(chart, font=font))
    assert "基本支出 5万元（100%）" in svg
    assert "项目支出" not in svg


def test_three_public_all_zero_has_a_note(font: str) -> None:
    zero = BudgetedFigure(actual=Amount("0"))
    d = Disclosure(
        year=2021,
        department="示例",
        three_public=ThreePublic(total=zero, outbound=zero, vehicles=zero, reception=zero),
    )
    (chart,) = chart_data(d)
    assert chart.note == "2021年“三公”经费财政拨款支出为0"
    assert chart.note in _svg(charts.render_chart(chart, font=font))


def test_save_charts_writes_png_and_svg(seed: Disclosure, font: str, tmp_path: Path) -> None:
    paths = charts.save_charts(seed, tmp_path / "png", font=font)
    assert [p.name for p in paths] == [
        "fig1-totals.png",
        "fig2-revenue.png",
        "fig3-expenditure.png",
        "fig4-fiscal.png",
        "fig5-general-budget.png",
        "fig6-general-budget-structure.png",
        "fig7-three-public.png",
    ]
    for path in paths:
        assert path.read_bytes().startswith(b"\x89PNG") and path.stat().st_size > 10_000
    svgs = charts.save_charts(seed, tmp_path / "svg", format="svg", font=font)
    assert all(p.read_text(encoding="utf-8").lstrip().startswith("<?xml") for p in svgs)


def test_save_charts_checks_its_arguments(seed: Disclosure, tmp_path: Path) -> None:
    with pytest.raises(BudgetAcctError):
        charts.save_charts(seed, tmp_path, format="gif")  # type: ignore[arg-type]
    with pytest.raises(BudgetAcctError):
        charts.save_charts(seed, tmp_path, dpi=0)


def test_an_explicit_font_file_is_used(seed: Disclosure, font: str) -> None:
    from matplotlib import font_manager

    path = font_manager.findfont(font_manager.FontProperties(family=font), fallback_to_default=False)
    chart = chart_data(seed)[0]
    assert chart.caption in _svg(charts.render_chart(chart, font=str(path)))
    with pytest.raises(MissingFont):
        charts.render_chart(chart, font="No Such Font Family")


# --- no font, no matplotlib -----------------------------------------------------------------------


def test_no_cjk_font_raises_a_clear_error(seed: Disclosure, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("matplotlib")
    monkeypatch.setattr(
        charts, "_font_entries", lambda: [("DejaVu Sans", "/x/DejaVuSans.ttf", 400, "normal")]
    )
    monkeypatch.setattr(charts, "_system_font_files", list)
    with pytest.raises(MissingFont) as info:
        charts.find_cjk_font()
    assert isinstance(info.value, BudgetAcctError)
    assert "fonts-noto-cjk" in info.value.zh and "fonts-noto-cjk" in info.value.en
    with pytest.raises(MissingFont):
        charts.render_chart(chart_data(seed)[0])


def test_cli_without_a_font_exits_2(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("matplotlib")
    monkeypatch.setattr(charts, "_font_entries", list)
    monkeypatch.setattr(charts, "_system_font_files", list)
    assert main(["charts", "--example", "xiqu-2021", "-o", str(tmp_path)]) == 2
    assert "fonts-noto-cjk" in capsys.readouterr().err


def test_missing_matplotlib_names_the_extra(seed: Disclosure, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    with pytest.raises(MissingDependency, match=r"budgetacct\[plot\]"):
        charts.render_chart(chart_data(seed)[0])


def test_importing_budgetacct_imports_no_optional_dependency() -> None:
    code = (
        "import sys, budgetacct, budgetacct.cli, budgetacct.render.charts, budgetacct.integrations.pandas, "
        "budgetacct.io.json_schema, budgetacct.io.fdp, budgetacct.io.excel\n"
        "heavy = [m for m in ('matplotlib', 'pandas', 'jsonschema', 'openpyxl', 'numpy') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


# --- CLI ------------------------------------------------------------------------------------------


def test_cli_charts_writes_the_files(font: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["charts", "--example", "xiqu-2021", "-o", str(tmp_path), "--format", "svg"]) == 0
    written = capsys.readouterr().out.split()
    assert len(written) == 7
    assert all(Path(p).is_file() and p.endswith(".svg") for p in written)


def test_cli_charts_needs_a_source(tmp_path: Path) -> None:
    assert main(["charts", "-o", str(tmp_path)]) == 2


def test_chart_data_is_plain_data() -> None:
    chart = ChartData(9, "示例", "bar", ("a",), (Amount("1.50"),))
    assert chart.key == "chart9"
    assert chart.caption == "图9：示例（万元）"
    assert chart.total == Amount("1.5")
