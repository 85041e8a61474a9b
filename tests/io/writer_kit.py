"""A small solved problem and its planner workbook, shared by the writer tests (tests/io/test_roster_writer.py, test_hours_sheet.py, test_print_setup.py, test_summary_sheet.py ...)."""

from __future__ import annotations

import hashlib
from datetime import date, time, timedelta
from pathlib import Path

from openpyxl import Workbook

from constraints.base import Finding, Severity
from scheduler.io.write import hours as hours_sheet
from scheduler.io.write import workbook as rw
from scheduler.model import (
    DemandItem,
    Employee,
    Problem,
    Settings,
    ShiftType,
    roster_from_assignments,
)
from scheduler.solution import Assignment, Solution, SolveOptions

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



def _hours_rows(ws) -> dict[tuple[str, date], dict[str, object]]:
    heads = list(hours_sheet.HOURS_HEADERS)
    out = {}
    for r in ws.iter_rows(min_row=2, values_only=True):
        if r[0] is None:
            continue
        row = dict(zip(heads, r, strict=False))
        out[(row["Employee"], row["Week starting"].date())] = row
    return out


def planner_workbook(path: Path) -> Path:
    """The planner's workbook the roster is written into (the ``planner_book`` fixture)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Settings"
    ws["A1"] = "Start"
    ws["B1"] = START
    ws["C1"] = "=1+2"
    wb.create_sheet("Notes")["A1"] = "keep me"
    wb.save(path)
    return path
