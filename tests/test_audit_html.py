"""The HTML audit page: standalone, escaped, grouped by severity and rule, filtered by its script.

The page is also opened in a real headless Chromium (``--dump-dom`` and ``--screenshot``): the
script runs without error, the filter hides findings, and the page draws.  ``make`` installs
Debian's ``chromium`` when it is missing; these tests install it themselves when run as root with
apt-get, and skip only when it is absent and cannot be installed.
"""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from budgetacct import audit, load_example
from budgetacct.auditing.finding import AuditReport, Finding, Message
from budgetacct.auditing.registry import REGISTRY
from budgetacct.cli import main
from budgetacct.io import dump
from budgetacct.model import Severity
from budgetacct.render.audit_html import render_audit_html


@pytest.fixture(scope="module")
def seed_report() -> AuditReport:
    return audit(load_example("xiqu-2021"))


@pytest.fixture(scope="module")
def seed_page(seed_report: AuditReport) -> str:
    return render_audit_html(seed_report)


def _finding(
    rule: str, severity: Severity, zh: str = "中文说明", en: str = "message", **figures: str
) -> Finding:
    return Finding(
        rule,
        severity,
        figures.get("path", "$.revenue.total"),
        figures.get("expected"),
        figures.get("actual"),
        figures.get("difference"),
        figures.get("tolerance"),
        Message(zh, en),
    )


def _sections(page: str) -> list[str]:
    return re.findall(r'<section class="severity (\w+)"', page)


def test_page_is_standalone(seed_page: str) -> None:
    assert seed_page.startswith("<!DOCTYPE html>")
    assert '<meta charset="utf-8">' in seed_page
    assert "<style>" in seed_page and "@media print" in seed_page and "<script>" in seed_page
    # nothing is fetched: no external script, style sheet, image, font or link
    assert not re.search(r"\b(src|href)\s*=", seed_page)
    assert "@import" not in seed_page and "url(" not in seed_page
    assert "http://" not in seed_page and "https://" not in seed_page


def test_header_names_department_year_and_counts(seed_page: str, seed_report: AuditReport) -> None:
    assert "<dt>部门 department</dt><dd>攀枝花市西区人民政府办公室</dd>" in seed_page
    assert "<dt>年度 year</dt><dd>2021</dd>" in seed_page
    counts = seed_report.counts
    assert f"错误 {counts[Severity.ERROR]} · 警告 {counts[Severity.WARNING]}" in seed_page
    assert "读取覆盖率" not in seed_page  # the report does not state one


def test_findings_grouped_by_severity_then_rule(seed_page: str, seed_report: AuditReport) -> None:
    assert _sections(seed_page) == ["error", "warning", "note"]
    errors = seed_page[
        seed_page.index('<section class="severity error"') : seed_page.index(
            '<section class="severity warning"'
        )
    ]
    error_rules = re.findall(r'<div class="rule" data-rule="(R\d+)">', errors)
    assert error_rules == list(dict.fromkeys(f.rule for f in seed_report.errors))
    assert errors.count('<article class="finding" data-severity="error">') == len(seed_report.errors)
    # each rule shows its id and Chinese title from the registry, each finding its figures
    r46 = REGISTRY["R46"]
    assert f'<span class="id">R46</span>{r46.title_zh}' in errors
    finding = seed_report.by_rule("R46")[0]
    assert f"<code>{finding.path}</code>" in errors
    assert (
        "<th>应为 expected</th><th>实际 actual</th><th>差额 difference</th><th>容差 tolerance</th>" in errors
    )
    assert f"<td>{finding.expected}</td><td>{finding.actual}</td>" in errors
    assert finding.message.zh in errors and finding.message.en in errors


def test_every_text_is_escaped() -> None:
    hostile = _finding(
        "R999",
        Severity.ERROR,
        zh="<script>alert('zh')</script>",
        en='"quoted" & <b>bold</b>',
        path="$.a[0]<img src=x onerror=alert(1)>",
        expected="<1",
        actual="a&b",
    )
    page = render_audit_html(AuditReport((hostile,), subject="<i>部门</i> 2021"), title="<title>x</title>")
    body = page[page.index("<body>") : page.index("<script>")]
    assert "<script>alert" not in page and "<img" not in page and "<i>" not in page and "<b>bold" not in page
    assert "&lt;script&gt;alert(&#x27;zh&#x27;)&lt;/script&gt;" in body
    assert "&quot;quoted&quot; &amp; &lt;b&gt;bold&lt;/b&gt;" in body
    assert "<td>&lt;1</td><td>a&amp;b</td>" in body
    assert "<title>&lt;title&gt;x&lt;/title&gt;</title>" in page
    assert "<dd>&lt;i&gt;部门&lt;/i&gt;</dd>" in body
    # a rule the registry does not know still gets its group, with no title
    assert '<span class="id">R999</span><span class="en" lang="en"></span>' in body


def test_only_severities_with_findings_and_figures_that_exist() -> None:
    report = AuditReport(
        (
            _finding("R13", Severity.NOTE, expected="874.49", actual="874.5"),
            _finding("R56", Severity.WARNING),
        ),
        subject="示例部门",
    )
    page = render_audit_html(report)
    assert _sections(page) == ["warning", "note"]
    warning = page[
        page.index('<section class="severity warning"') : page.index('<section class="severity note"')
    ]
    assert "<table>" not in warning  # a finding without figures has no figure table
    assert "<th>应为 expected</th><th>实际 actual</th></tr>" in page
    assert "<dt>部门 department</dt><dd>示例部门</dd>" in page and "年度 year" not in page


def test_a_clean_report_says_so() -> None:
    page = render_audit_html(AuditReport((), subject="示例部门 2022"))
    assert "没有发现问题 | no findings" in page and _sections(page) == []
    assert "<title>审核报告 Audit report 示例部门 2022</title>" in page


def test_coverage_is_shown_when_the_report_states_it() -> None:
    class Covered:
        findings = ()
        subject = "示例部门 2021"
        coverage = "87.5%"
        counts = AuditReport(()).counts

        def by_severity(self, severity: Severity) -> tuple[Finding, ...]:
            return ()

    page = render_audit_html(Covered())  # type: ignore[arg-type]
    assert "<dt>读取覆盖率 coverage</dt><dd>87.5%</dd>" in page


def test_cli_writes_the_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "audit.html"
    assert main(["audit", "--example", "xiqu-2021", "--format", "html", "-o", str(out)]) == 1
    assert capsys.readouterr().out == ""
    assert out.read_text(encoding="utf-8") == render_audit_html(audit(load_example("xiqu-2021")))
    assert main(["audit", "--example", "xiqu-2021", "--format", "html"]) == 1
    assert capsys.readouterr().out.startswith("<!DOCTYPE html>")
    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "a.json").write_text(dump(load_example("xiqu-2021")), encoding="utf-8")
    assert main(["audit", str(batch), "--format", "html"]) == 2
    assert "--format jsonl" in capsys.readouterr().err


# --- in a real browser ------------------------------------------------------------------------------

CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


def _find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if os.access("/usr/bin/chromium", os.X_OK) else None


def find_or_install_chromium() -> str:
    """The browser's path; installs Debian's chromium when it is missing and apt-get may run, and
    skips the test when neither works.  (Also used by test_audit_html_evidence.py.)"""
    found = _find_chromium()
    if found is None and shutil.which("apt-get") and os.geteuid() == 0:
        subprocess.run(
            "apt-get update -qq && apt-get install -y -qq chromium",
            shell=True,
            check=False,
            capture_output=True,
            timeout=900,
        )
        found = _find_chromium()
    if found is None:
        pytest.skip("chromium is not installed and cannot be installed here")
    return found


@pytest.fixture(scope="session")
def chromium() -> str:
    return find_or_install_chromium()


def _browse(chromium: str, tmp_path: Path, *action: str) -> str:
    profile = tmp_path / "profile"
    profile.mkdir(exist_ok=True)
    done = subprocess.run(
        [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *action],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def _dom(chromium: str, tmp_path: Path, page: str, fragment: str = "") -> str:
    file = tmp_path / "audit.html"
    file.write_text(page, encoding="utf-8")
    return _browse(chromium, tmp_path, "--dump-dom", file.as_uri() + fragment)


def _hidden(dom: str) -> dict[str, bool]:
    sections = re.findall(r'<section class="severity (\w+)" data-severity="\w+"( hidden="")?>', dom)
    return {severity: bool(hidden) for severity, hidden in sections}


def test_script_runs_and_shows_everything(chromium: str, tmp_path: Path, seed_page: str) -> None:
    dom = _dom(chromium, tmp_path, seed_page)
    body = re.search(r"<body[^>]*>", dom)
    assert body is not None
    assert 'data-ready="true"' in body.group() and 'data-filter="all"' in body.group()
    assert _hidden(dom) == {"error": False, "warning": False, "note": False}
    assert '<button type="button" data-filter="all" aria-pressed="true">' in dom


def test_filter_from_the_address_hides_other_severities(
    chromium: str, tmp_path: Path, seed_page: str
) -> None:
    dom = _dom(chromium, tmp_path, seed_page, "#warning")
    assert _hidden(dom) == {"error": True, "warning": False, "note": True}
    assert '<button type="button" data-filter="warning" aria-pressed="true">' in dom


def test_filter_buttons_hide_findings(chromium: str, tmp_path: Path, seed_page: str) -> None:
    # the same page, with a click on "提示 Notes" once it has loaded
    clicked = seed_page.replace(
        "</body>",
        '<script>document.querySelector("[data-filter=note]").click();</script>\n</body>',
    )
    dom = _dom(chromium, tmp_path, clicked)
    assert _hidden(dom) == {"error": True, "warning": True, "note": False}
    body = re.search(r"<body[^>]*>", dom)
    assert body is not None
    assert 'data-filter="note"' in body.group() and 'data-ready="true"' in body.group()
    assert '<button type="button" data-filter="all" aria-pressed="false">' in dom


def test_screenshot_draws_the_page(chromium: str, tmp_path: Path, seed_page: str) -> None:
    file = tmp_path / "audit.html"
    file.write_text(seed_page, encoding="utf-8")
    shot = tmp_path / "audit.png"
    _browse(
        chromium,
        tmp_path,
        "--hide-scrollbars",
        "--window-size=1000,1400",
        f"--screenshot={shot}",
        file.as_uri(),
    )
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (1000, 1400)
    # a drawn page of text, not an empty canvas (a blank 1000×1400 PNG is about 5 KB)
    assert len(data) > 50_000


# --- the fragment a notebook shows ------------------------------------------------------------


def _between(text: str, start: str, end: str) -> str:
    return text[text.index(start) : text.index(end) + len(end)]


def test_the_fragment_is_the_page_without_the_document(seed_report: AuditReport, seed_page: str) -> None:
    part = render_audit_html(seed_report, fragment=True)
    assert part.startswith('<div class="budgetacct-audit">\n<style>') and part.endswith("</div>\n")
    assert not any(tag in part for tag in ("<!DOCTYPE", "<html", "<head>", "<body", "<title", "<main"))
    # the same heading, facts, buttons and findings as the page
    for start, end in (
        ("<header>", "</header>"),
        ("<nav", "</nav>"),
        ('<section class="severity', "</section>"),
    ):
        assert _between(part, start, end) == _between(seed_page, start, end)
    assert _sections(part) == _sections(seed_page) == ["error", "warning", "note"]
    assert seed_report._repr_html_() == part


def test_the_fragment_style_reaches_nothing_outside_it(seed_report: AuditReport) -> None:
    part = render_audit_html(seed_report, fragment=True)
    style = part[part.index("<style>") + len("<style>") : part.index("</style>")]
    selectors = [rule.split("{")[0] for rule in style.split("}") if "{" in rule]
    scoped = [s for s in selectors if not s.strip().startswith("@media")]
    assert scoped and all(one.strip().startswith(".budgetacct-audit") for s in scoped for one in s.split(","))
    # the address belongs to the notebook: the fragment never reads or rewrites it
    script = part[part.index("<script>") : part.index("</script>")]
    assert "document.body" not in script and "false);" in script


def test_two_fragments_in_one_page_each_filter_their_own_findings(
    chromium: str, tmp_path: Path, seed_report: AuditReport
) -> None:
    part = render_audit_html(seed_report, fragment=True)
    host = (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head><body>\n<p>cell 1</p>\n'
        f"{part}<p>cell 2</p>\n{part}"
        '<script>document.querySelectorAll(".budgetacct-audit")[1]'
        '.querySelector("[data-filter=note]").click();</script>\n</body></html>\n'
    )
    dom = _dom(chromium, tmp_path, host)
    roots = re.findall(r'<div class="budgetacct-audit"[^>]*>', dom)
    assert len(roots) == 2
    assert 'data-filter="all"' in roots[0] and 'data-ready="true"' in roots[0]
    assert 'data-filter="note"' in roots[1] and 'data-ready="true"' in roots[1]
    hidden = re.findall(r'<section class="severity (\w+)" data-severity="\w+"( hidden="")?>', dom)
    assert [(severity, bool(flag)) for severity, flag in hidden] == [
        ("error", False),
        ("warning", False),
        ("note", False),
        ("error", True),
        ("warning", True),
        ("note", False),
    ]
    body = re.search(r"<body[^>]*>", dom)
    assert body is not None and body.group() == "<body>"
