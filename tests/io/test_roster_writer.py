"""The roster workbook writer: sheets, layout, formula safety, coverage, violations, summary and the input file (scheduler.io.write.workbook)."""

from __future__ import annotations

import hashlib
import zipfile
from datetime import date, timedelta
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from constraints.base import RULESET_VERSION, Severity
from scheduler import summary as sm
from scheduler.io.write import coverage as coverage_sheet
from scheduler.io.write import hours as hours_sheet
from scheduler.io.write import roster as roster_sheet
from scheduler.io.write import styles as st
from scheduler.io.write import violations as violations_sheet
from scheduler.io.write import workbook as rw
from scheduler.model import (
    Request,
    RequestKind,
    Roster,
)
from scheduler.solution import Conflict
from tests.io.writer_kit import (
    RISKY_NAME,
    START,
    _finding,
    _header,
    _hours_rows,
    _problem,
    _run,
    _solution,
    _write,
)

# --------------------------------------------------------------------------------------------
# Sheets, headers, layout


def test_all_sheets_added_after_the_planners_sheets(planner_book: Path) -> None:
    wb = load_workbook(_write(planner_book))
    assert wb.sheetnames == ["Settings", "Notes", *rw.OUTPUT_SHEETS]
    # The planner's sheets are kept, formulas included.
    assert wb["Settings"]["C1"].value == "=1+2"
    assert wb["Notes"]["A1"].value == "keep me"
    assert wb.active.title == "Roster"
    assert [ws.sheet_view.tabSelected for ws in wb.worksheets].count(True) == 1


def test_headers(planner_book: Path) -> None:
    wb = load_workbook(_write(planner_book))
    roster = _header(wb["Roster"])
    assert roster[:2] == ["Employee", "Name"]
    assert [v.date() for v in roster[2:16]] == [START + timedelta(days=i) for i in range(14)]
    assert roster[16:] == list(roster_sheet.ROSTER_MARGIN)
    assert _header(wb["Coverage"]) == [*coverage_sheet.COVERAGE_HEADERS, *coverage_sheet.DAILY_HEADERS]
    assert _header(wb["Hours"]) == [*hours_sheet.HOURS_HEADERS, "Employee", "Weekends worked", "Weekends"]
    assert _header(wb["Violations"]) == list(violations_sheet.VIOLATION_HEADERS)
    assert _header(wb["Summary"]) == ["Item", "Value"]


def test_frozen_panes(planner_book: Path) -> None:
    wb = load_workbook(_write(planner_book))
    assert wb["Roster"].freeze_panes == "C2"
    assert wb["Coverage"].freeze_panes == "A2"
    assert wb["Hours"].freeze_panes == "C2"
    assert wb["Violations"].freeze_panes == "A2"


def test_roster_grid_and_margin(planner_book: Path) -> None:
    ws = load_workbook(_write(planner_book))["Roster"]
    rows = {ws.cell(row=r, column=1).value: r for r in range(2, 5)}
    assert set(rows) == {"E1", "-E2", "E3"}
    r1 = rows["E1"]
    assert [ws.cell(row=r1, column=c).value for c in range(3, 8)] == ["D", "N", "D", "D", "D"]
    # Days off carry turnus codes: Sat 16 May holds the weekly rest (F1); Sun 17 May is kept off
    # after work on Ascension Day, a holiday (F3, § 10-8 (4)).
    assert [ws.cell(row=r1, column=c).value for c in (8, 9)] == ["F1", "F3"]
    # Margin: shifts, hours, contract, deviation. E1: 4 × 8 h + one 10 h night = 42 h; contract
    # 37.5 h × 2 weeks = 75 h.
    assert [ws.cell(row=r1, column=c).value for c in range(17, 21)] == [5, 42, 75, -33]
    r3 = rows["E3"]
    assert [ws.cell(row=r3, column=c).value for c in range(17, 21)] == [1, 8, 40, -32]


def test_one_fill_colour_per_shift_type(planner_book: Path) -> None:
    problem = _problem()
    ws = load_workbook(_write(planner_book, problem))["Roster"]
    colours = st.shift_colours([s.code for s in problem.shifts])
    assert len(set(colours.values())) == 3
    seen: dict[str, set[str]] = {}
    for row in ws.iter_rows(min_row=2, max_row=4, min_col=3, max_col=16):
        for c in row:
            if c.value and c.value not in ("F1", "F2", "F3"):  # day-off codes are no shifts
                seen.setdefault(c.value, set()).add(c.fill.fgColor.rgb[-6:])
    assert seen == {code: {colours[code]} for code in ("D", "N", "E")}
    # The legend shows the same colours.
    legend = {ws.cell(row=r, column=1).value: ws.cell(row=r, column=1).fill.fgColor.rgb[-6:]
              for r in range(8, 11)}
    assert legend == colours


def test_many_shift_types_get_distinct_colours() -> None:
    for n in (len(st.SHIFT_PALETTE) - 1, len(st.SHIFT_PALETTE), len(st.SHIFT_PALETTE) + 1, 40):
        colours = st.shift_colours([f"S{i}" for i in range(n)])
        assert len(set(colours.values())) == n


def test_weekends_and_holidays_are_shaded(planner_book: Path) -> None:
    ws = load_workbook(_write(planner_book))["Roster"]

    def col(d: date) -> int:
        return 3 + (d - START).days

    e3 = 4  # Cleo works only Saturday 16 May
    # Ascension Day (Thu 14 May) is a public holiday: header and empty cells shaded, named.
    hol = ws.cell(row=1, column=col(date(2026, 5, 14)))
    assert hol.fill.fgColor.rgb[-6:] == st.HOLIDAY
    assert "Ascension" in hol.comment.text
    assert ws.cell(row=e3, column=col(date(2026, 5, 14))).fill.fgColor.rgb[-6:] == st.HOLIDAY
    # Saturday 23 May is a weekend day, not a holiday.
    assert ws.cell(row=1, column=col(date(2026, 5, 23))).fill.fgColor.rgb[-6:] == st.WEEKEND
    assert ws.cell(row=e3, column=col(date(2026, 5, 23))).fill.fgColor.rgb[-6:] == st.WEEKEND
    # A Wednesday is neither.
    assert ws.cell(row=e3, column=col(date(2026, 5, 13))).fill.fill_type is None
    # A worked weekend day shows the shift colour.
    assert ws.cell(row=e3, column=col(date(2026, 5, 16))).value == "E"


# --------------------------------------------------------------------------------------------
# Formula-safety


def test_formula_looking_user_text_stays_text(planner_book: Path) -> None:
    out = _write(planner_book, findings=[_finding()])
    wb = load_workbook(out)
    ws = wb["Roster"]
    names = {ws.cell(row=r, column=1).value: ws.cell(row=r, column=2) for r in range(2, 5)}
    assert names["E1"].value == RISKY_NAME and names["E1"].data_type == "s"
    assert names["-E2"].value == "@Bob" and names["-E2"].data_type == "s"
    assert wb["Violations"]["K2"].value == "=only 6 h rest"
    assert wb["Violations"]["K2"].data_type == "s"
    summary = {r[0].value: r[1] for r in wb["Summary"].iter_rows(min_row=2) if r[0].value}
    assert summary["Site"].value == "+Ward 7" and summary["Site"].data_type == "s"
    # No formula anywhere in our sheets' XML.
    with zipfile.ZipFile(out) as zf:
        sheet_files = [n for n in zf.namelist() if n.startswith("xl/worksheets/sheet")]
        ours = [n for n in sheet_files if n not in ("xl/worksheets/sheet1.xml",)]
        assert len(ours) == 6  # Notes + our five
        for name in ours:
            assert b"<f>" not in zf.read(name), name
        assert b"<f>" in zf.read("xl/worksheets/sheet1.xml")  # the planner's own formula stays


# --------------------------------------------------------------------------------------------
# Coverage and chart


def test_coverage_rows_shortfalls_in_red_and_chart(planner_book: Path) -> None:
    problem = _problem()
    wb, titles = rw.build_workbook(problem, _solution(problem), [], _run(planner_book))
    ws = wb[titles["Coverage"]]
    assert len(ws._charts) == 1
    rows = list(ws.iter_rows(min_row=2, max_row=16, max_col=8, values_only=True))
    assert len(rows) == 15
    by_key = {(r[0], r[2], r[3]): r for r in rows}
    night = by_key[(date(2026, 5, 12), "N", "nurse")]
    assert night[4:] == (2, 2, 1, 1)  # required, target, planned, shortfall
    day_ok = by_key[(date(2026, 5, 11), "D", "(any)")]
    assert day_ok[4:] == (1, 1, 1, 0)
    day_short = by_key[(date(2026, 5, 12), "D", "(any)")]  # E1 works the night instead
    assert day_short[4:] == (1, 1, 0, 1)
    for r in range(2, 17):
        short = ws.cell(row=r, column=8).value
        fill = ws.cell(row=r, column=7).fill.fgColor.rgb[-6:]
        assert (fill == st.SHORTFALL) == (short > 0)
    # Daily table feeding the chart: 12 May needs 1 D + 2 N and has 1 planned.
    daily = {r[0]: r[1:] for r in ws.iter_rows(min_row=2, min_col=11, max_col=13,
                                                      values_only=True) if r[0]}
    assert daily[date(2026, 5, 12)] == (3, 1)
    assert len(daily) == 14


def test_chart_is_saved_in_the_file(planner_book: Path) -> None:
    out = _write(planner_book)
    with zipfile.ZipFile(out) as zf:
        charts = [n for n in zf.namelist() if n.startswith("xl/charts/chart")]
        assert len(charts) == 1
        xml = zf.read(charts[0]).decode()
        assert "<barChart>" in xml and "Required vs planned" in xml
        assert "'Coverage'!$L$2:$L$15" in xml and "'Coverage'!$M$2:$M$15" in xml
        assert '<delete val="0"' in xml  # axes shown


def test_coverage_pct_counts_only_up_to_the_minimum() -> None:
    rows = [
        sm.CoverageRow(date(2026, 1, 1), "D", "", required=2, target=2, planned=5),
        sm.CoverageRow(date(2026, 1, 1), "N", "", required=2, target=2, planned=1),
    ]
    assert sm.coverage_pct(rows) == 75.0
    assert sm.coverage_pct([]) == 100.0


def test_no_demand_means_no_chart(planner_book: Path) -> None:
    problem = _problem(demand=())
    wb, titles = rw.build_workbook(problem, _solution(problem), [], _run(planner_book))
    assert wb[titles["Coverage"]]._charts == []
    assert "no demand" in wb[titles["Coverage"]]["A2"].value



# --------------------------------------------------------------------------------------------
# Violations and summary


def test_violations_sheet_lists_findings(planner_book: Path) -> None:
    ws = load_workbook(_write(planner_book, findings=[_finding(Severity.violation), _finding()]))[
        "Violations"]
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert len(rows) == 2
    sev, rule, para, emp, start, end, measured, limit, unit, allowed, msg, source = rows[0]
    assert (sev, rule, para, emp) == ("violation", "AML-10-8-1-daily-rest", "§ 10-8 (1)", "E1")
    assert source == "Roster"
    assert (start.hour, end.hour, measured, limit, unit) == (7, 21, 6, 11, "hours")
    assert ws["A2"].fill.fgColor.rgb[-6:] == st.VIOLATION
    assert ws["A3"].fill.fgColor.rgb[-6:] == st.WARNING


def test_violations_sheet_says_none(planner_book: Path) -> None:
    ws = load_workbook(_write(planner_book))["Violations"]
    assert ws["A2"].value == "none"
    assert ws["A3"].value is None


def test_summary_sheet(planner_book: Path) -> None:
    digest = hashlib.sha256(planner_book.read_bytes()).hexdigest()
    problem = _problem()
    sol = _solution(problem, conflicts=[])
    ws = load_workbook(_write(planner_book, problem, solution=sol))["Summary"]
    items = {r[0]: r[1] for r in ws.iter_rows(min_row=2, values_only=True) if r[0]}
    assert items["Status"] == "FEASIBLE"
    assert items["Objective"] == 123456
    assert items["Objective: uncovered"] == 100000
    assert items["Objective: contract_deviation"] == 23456
    assert (items["Best bound"], items["Gap %"], items["Wall time (s)"]) == (120000, 2.8, 1.5)
    assert (items["Seed"], items["Workers"], items["Time limit (s)"]) == (7, 2, 3)
    assert items["Rule-set version"] == RULESET_VERSION
    assert items["Input SHA-256"] == digest
    assert items["Input file"] == "ward.xlsx"
    assert items["Shortfall (person-shifts below minimum)"] == 6


def test_summary_lists_conflicts(planner_book: Path) -> None:
    problem = _problem()
    sol = _solution(problem, conflicts=[Conflict(rule="AML-10-8-1-daily-rest", employee="E1",
                                                 days=[START], message="=pinned")])
    ws = load_workbook(_write(planner_book, problem, solution=sol))["Summary"]
    values = [c for row in ws.iter_rows(values_only=True) for c in row if c is not None]
    assert "AML-10-8-1-daily-rest" in values and "=pinned" in values


def test_roster_built_from_assignments_when_solution_roster_is_empty(planner_book: Path) -> None:
    problem = _problem()
    sol = _solution(problem, roster=Roster(periods=()))
    ws = load_workbook(_write(planner_book, problem, solution=sol))["Roster"]
    assert ws["C2"].value == "D" and ws["D2"].value == "N"


# --------------------------------------------------------------------------------------------
# Sheet replacement and the input file


def test_rerun_replaces_only_our_sheets(planner_book: Path) -> None:
    first = _write(planner_book)
    # Solve again from the output: our earlier sheets are replaced, not duplicated.
    problem = _problem()
    second = first.with_name("again.xlsx")
    rw.write_roster_workbook(problem, _solution(problem), [], _run(first), second)
    assert load_workbook(second).sheetnames == ["Settings", "Notes", *rw.OUTPUT_SHEETS]


def test_planner_sheet_with_our_name_is_kept(tmp_path: Path) -> None:
    wb = Workbook()
    wb.active.title = "roster"  # the planner's own sheet (case differs)
    wb.active["A1"] = "my draft"
    wb.create_sheet("Summary (solved)")["A1"] = "also mine"
    wb.create_sheet("Summary")["A1"] = "mine too"
    path = tmp_path / "book.xlsx"
    wb.save(path)
    problem = _problem()
    out = tmp_path / "out.xlsx"
    titles = rw.write_roster_workbook(problem, _solution(problem), [], _run(path), out)
    assert titles["Roster"] == "Roster (solved)"
    assert titles["Summary"] == "Summary (solved 2)"
    assert titles["Coverage"] == "Coverage"
    got = load_workbook(out)
    assert got["roster"]["A1"].value == "my draft"
    assert got["Summary"]["A1"].value == "mine too"
    assert got["Summary (solved)"]["A1"].value == "also mine"
    assert rw.is_output_sheet(got["Roster (solved)"])
    assert not rw.is_output_sheet(got["roster"])


def test_input_bytes_unchanged(planner_book: Path) -> None:
    before = planner_book.read_bytes()
    _write(planner_book)
    assert planner_book.read_bytes() == before


def test_output_paths() -> None:
    assert rw.default_output_path(Path("/x/ward.xlsx")) == Path("/x/ward.roster.xlsx")
    assert rw.backup_path(Path("/x/ward.xlsx")) == Path("/x/ward.bak.xlsx")


def test_unavailable_days_are_left_out_of_the_contract(planner_book: Path) -> None:
    # E3 (20 h/week) is away Fri 22 May .. Tue 26 May: only 22-24 May lie inside the horizon.
    leave = Request(employee="E3", start=date(2026, 5, 22), end=date(2026, 5, 26),
                    kind=RequestKind.unavailable)
    wish = Request(employee="E3", start=date(2026, 5, 12), end=date(2026, 5, 12),
                   kind=RequestKind.day_off)  # a wish, not leave: contract unchanged
    problem = _problem(requests=(leave, wish))
    assert sm.unavailable_days(problem) == {"E3": {date(2026, 5, 22), date(2026, 5, 23),
                                                   date(2026, 5, 24)}}
    wb = load_workbook(_write(planner_book, problem))
    rows = _hours_rows(wb["Hours"])
    assert rows[("E3", START)]["Contract"] == 20
    assert rows[("E3", START + timedelta(days=7))]["Contract"] == pytest.approx(20 * 4 / 7, abs=0.01)
    grid = wb["Roster"]
    r3 = [r for r in range(2, 5) if grid.cell(row=r, column=1).value == "E3"][0]
    assert grid.cell(row=r3, column=19).value == pytest.approx(20 * 11 / 7, abs=0.01)
