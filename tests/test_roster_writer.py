"""The roster workbook writer and the hours/coverage figures behind it (scheduler.summary)."""

from __future__ import annotations

import hashlib
import zipfile
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from constraints.base import RULESET_VERSION, Finding, Severity
from scheduler import summary as sm
from scheduler.clock import TZ
from scheduler.model import (
    DemandItem,
    Employee,
    PeriodKind,
    Problem,
    Request,
    RequestKind,
    Roster,
    Settings,
    ShiftType,
    WorkPeriod,
    roster_from_assignments,
)
from scheduler.solution import Assignment, Conflict, Solution, SolveOptions
from scheduler.workbook import roster_writer as rw
from scheduler.workbook import styles as st
from scheduler.workbook.write import coverage as coverage_sheet
from scheduler.workbook.write import hours as hours_sheet
from scheduler.workbook.write import roster as roster_sheet
from scheduler.workbook.write import violations as violations_sheet

# 2026-05-11 (Mon) .. 2026-05-24 (Sun): Ascension Thu 14 May, 17 May (a Sunday), Whit Sunday 24 May.
START = date(2026, 5, 11)
END = date(2026, 5, 24)
RISKY_NAME = '=HYPERLINK("http://evil.example","click")'


def _shifts() -> tuple[ShiftType, ...]:
    return (
        ShiftType(code="D", name="Day", start=time(7), end=time(15)),
        ShiftType(code="E", name="Evening", start=time(15), end=time(23)),
        ShiftType(code="N", name="Night", start=time(21), end=time(7)),
    )


def _problem(**kw: object) -> Problem:
    settings = Settings(start=START, end=END, site_name="+Ward 7")
    demand = [DemandItem(day=d, shift="D", minimum=1) for d in settings.days()]
    demand.append(DemandItem(day=date(2026, 5, 12), shift="N", skill="nurse", minimum=2))
    base: dict[str, object] = dict(
        settings=settings,
        shifts=_shifts(),
        employees=(
            Employee(id="E1", name=RISKY_NAME, position_pct=100, skills=("nurse",)),
            Employee(id="-E2", name="@Bob", position_pct=50),
            Employee(id="E3", name="Cleo", weekly_hours=20),
        ),
        demand=tuple(demand),
    )
    base.update(kw)
    return Problem(**base)  # type: ignore[arg-type]


def _assignments() -> dict[tuple[str, date], str]:
    days = [START + timedelta(days=i) for i in range(14)]
    a = {("E1", d): "D" for d in days[:5]}
    a[("E1", date(2026, 5, 12))] = "N"
    a.update({("-E2", d): "D" for d in days[5:10]})
    a[("E3", date(2026, 5, 16))] = "E"
    return a


def _solution(problem: Problem, **kw: object) -> Solution:
    asg = _assignments()
    base: dict[str, object] = dict(
        status="FEASIBLE",
        assignments=[Assignment(employee=e, day=d, shift=c) for (e, d), c in sorted(asg.items())],
        roster=roster_from_assignments(problem, asg),
        objective=123_456.0,
        best_bound=120_000.0,
        gap_pct=2.8,
        wall_seconds=1.5,
        objective_by_tier={"uncovered": 100_000.0, "contract_deviation": 23_456.0},
        seed=7,
        workers=2,
    )
    base.update(kw)
    return Solution(**base)  # type: ignore[arg-type]


def _finding(severity: Severity = Severity.warning) -> Finding:
    return Finding(
        rule="AML-10-8-1-daily-rest",
        paragraph="§ 10-8 (1)",
        severity=severity,
        employee="E1",
        window_start=rw.now().replace(year=2026, month=5, day=12, hour=7, minute=0, second=0,
                                      microsecond=0),
        window_end=rw.now().replace(year=2026, month=5, day=12, hour=21, minute=0, second=0,
                                    microsecond=0),
        measured=6.0,
        limit=11.0,
        unit="hours",
        message="=only 6 h rest",
    )


@pytest.fixture()
def planner_book(tmp_path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Settings"
    ws["A1"] = "Start"
    ws["B1"] = START
    ws["C1"] = "=1+2"
    wb.create_sheet("Notes")["A1"] = "keep me"
    path = tmp_path / "ward.xlsx"
    wb.save(path)
    return path


def _run(path: Path, data: bytes | None = None) -> rw.RunInfo:
    data = path.read_bytes() if data is None else data
    return rw.RunInfo(path, hashlib.sha256(data).hexdigest(), SolveOptions(time_limit=3, seed=7))


def _write(planner_book: Path, problem: Problem | None = None,
           findings: list[Finding] | None = None, solution: Solution | None = None) -> Path:
    problem = problem or _problem()
    out = planner_book.with_name("ward.roster.xlsx")
    rw.write_roster_workbook(problem, solution or _solution(problem), findings or [],
                             _run(planner_book), out)
    return out


def _header(ws, row: int = 1) -> list[object]:
    return [c.value for c in ws[row] if c.value is not None]


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
# Hours (scheduler.summary)


def _hours_rows(ws) -> dict[tuple[str, date], dict[str, object]]:
    heads = list(hours_sheet.HOURS_HEADERS)
    out = {}
    for r in ws.iter_rows(min_row=2, values_only=True):
        if r[0] is None:
            continue
        row = dict(zip(heads, r, strict=False))
        out[(row["Employee"], row["Week starting"].date())] = row
    return out


def test_hours_sheet_per_employee_per_week(planner_book: Path) -> None:
    rows = _hours_rows(load_workbook(_write(planner_book))["Hours"])
    w1, w2 = START, START + timedelta(days=7)
    e1 = rows[("E1", w1)]
    # 4 day shifts (32 h) + a 21-07 night (10 h) = 42 h; contract 37.5; normal limit 40.
    assert (e1["Hours"], e1["Contract"], e1["Deviation"]) == (42, 37.5, 4.5)
    # Planned hours, none recorded as extra or overtime: above the contract is a deviation (a
    # turnus averages its hours), above the normal limit a violation for the checker; neither is
    # called extra hours or overtime (the Summary and Headroom sheets would not count them).
    assert (e1["Extra"], e1["Overtime"]) == (0, 0)
    assert e1["Night hours"] == 9  # 21:00-06:00
    assert e1["Sunday/holiday hours"] == 8  # the day shift on Ascension Day
    e2 = rows[("-E2", w1)]
    # Sat 16 + Sun 17 May: the Sunday (also Constitution Day) shift is in the § 10-10 window.
    assert (e2["Hours"], e2["Sunday/holiday hours"]) == (16, 8)
    assert rows[("E1", w2)]["Hours"] == 0 and rows[("E1", w2)]["Deviation"] == -37.5
    e3 = rows[("E3", w1)]
    # Saturday 15-23: 18:00-23:00 is in the window before Sunday 17 May; 21:00-23:00 is night.
    assert (e3["Hours"], e3["Sunday/holiday hours"], e3["Night hours"]) == (8, 5, 2)


def _week_problem(start: date = date(2026, 6, 1)) -> Problem:
    return Problem(
        settings=Settings(start=start, end=start + timedelta(days=6)),
        shifts=(ShiftType(code="D", start=time(7), end=time(15)),),
        employees=(Employee(id="A", position_pct=100),),
    )


def _period(d: date, start: time, end_d: date, end: time, kind: PeriodKind = PeriodKind.planned,
            emp: str = "A") -> WorkPeriod:
    return WorkPeriod(employee=emp, start=datetime.combine(d, start, tzinfo=TZ),
                      end=datetime.combine(end_d, end, tzinfo=TZ), kind=kind)


@pytest.mark.parametrize("delta", [-30, 0, 30])  # just under, at and just over the 40 h limit
def test_planned_hours_are_never_called_overtime_or_extra(delta: int) -> None:
    p = _week_problem()
    days = p.days()
    periods = [_period(d, time(7), d, time(15)) for d in days[:4]]  # 32 h Mon-Thu
    fri_end = (datetime.combine(days[4], time(15)) + timedelta(minutes=delta)).time()
    periods.append(_period(days[4], time(7), days[4], fri_end))  # 8 h +/- delta
    (w,) = sm.weekly_hours(p.settings, Roster(periods=tuple(periods)), p.employees)
    assert w.hours == pytest.approx(40 + delta / 60)
    assert w.deviation == pytest.approx(40 + delta / 60 - 37.5)
    assert (w.overtime, w.extra) == (0, 0)  # only what the roster records as such


def test_recorded_overtime_and_extra_kinds() -> None:
    p = _week_problem()
    d = p.days()
    r = Roster(periods=(
        _period(d[0], time(7), d[0], time(15)),
        _period(d[0], time(15), d[0], time(17), PeriodKind.overtime),
        _period(d[1], time(7), d[1], time(10), PeriodKind.extra),
    ))
    (w,) = sm.weekly_hours(p.settings, r, p.employees)
    assert (w.hours, w.overtime, w.extra) == (13, 2, 3)


def test_contract_at_exactly_the_contract_has_zero_deviation() -> None:
    p = _problem(employees=(Employee(id="A", weekly_hours=8),), demand=())
    r = roster_from_assignments(p, {("A", START): "D", ("A", START + timedelta(days=7)): "D"})
    weeks = sm.weekly_hours(p.settings, r, p.employees)
    assert [w.deviation for w in weeks] == [0, 0]
    (t,) = sm.employee_totals(p.settings, r, p.employees)
    assert (t.hours, t.contract, t.deviation, t.shifts) == (16, 16, 0, 2)


def test_dst_night_counts_real_elapsed_hours() -> None:
    # Clocks go back in the night to Sunday 25 Oct 2026: a 21-07 night lasts 11 h.
    p = _week_problem(date(2026, 10, 19))
    r = Roster(periods=(_period(date(2026, 10, 24), time(21), date(2026, 10, 25), time(7)),))
    (w,) = sm.weekly_hours(p.settings, r, p.employees)
    assert w.hours == 11
    assert w.night == 10  # 21:00-06:00 wall clock is 10 real hours that night
    # Sunday window opens Saturday 18:00: the whole shift lies inside it.
    assert w.sunday == 11


def test_night_shift_after_the_horizon_end_is_not_lost() -> None:
    # Horizon ends on Sunday 7 June; a night from Sunday 21:00 ends Monday 07:00 (next week).
    p = _week_problem()
    r = Roster(periods=(_period(date(2026, 6, 7), time(21), date(2026, 6, 8), time(7)),))
    weeks = sm.weekly_hours(p.settings, r, p.employees)
    assert [(w.week_start, w.days_in_horizon, w.hours) for w in weeks] == [
        (date(2026, 6, 1), 7, 3), (date(2026, 6, 8), 0, 7)]
    assert sum(w.hours for w in weeks) == 10
    (t,) = sm.employee_totals(p.settings, r, p.employees)
    assert t.hours == 10


def test_partial_week_contract_is_pro_rata() -> None:
    p = Problem(settings=Settings(start=date(2026, 6, 3), end=date(2026, 6, 9)),
                shifts=_shifts(), employees=(Employee(id="A", weekly_hours=35),))
    weeks = sm.weekly_hours(p.settings, Roster(periods=()), p.employees)
    assert [(w.week_start, w.days_in_horizon, w.contract) for w in weeks] == [
        (date(2026, 6, 1), 5, 25), (date(2026, 6, 8), 2, 10)]


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
