"""Issue 14 item 4: vacations in clock time (a night ending on the first morning of a vacation
is never planned) and visible in the Roster grid (FE, grey, a comment; no F-code inside)."""

from __future__ import annotations

from datetime import date, time, timedelta

import openpyxl
from click.testing import CliRunner

from scheduler.cli import main
from scheduler.feasibility import UNAVAILABLE, analyse
from scheduler.model import (
    DemandItem,
    Employee,
    Problem,
    Request,
    RequestKind,
    Settings,
    ShiftType,
)
from scheduler.solver import solve
from tests import budgets
from tests.solver.test_solver import opts

START = date(2027, 1, 4)
DAYS = [START + timedelta(days=i) for i in range(5)]
D = ShiftType(code="D", start=time(7), end=time(15), break_minutes=30)
N = ShiftType(code="N", start=time(22), end=time(7), break_minutes=30)


def _problem() -> Problem:
    return Problem(
        settings=Settings(start=DAYS[0], end=DAYS[-1], night_work_permitted_by_nature=True,
                          sunday_work_permitted_by_nature=True),
        shifts=(D, N), employees=(Employee(id="E1", skills=("SYP",)),),
        demand=tuple(DemandItem(day=d, shift=s, skill="SYP", minimum=1)
                     for d in DAYS for s in ("D", "N")),
        requests=(Request(employee="E1", start=DAYS[2], end=DAYS[3],
                          kind=RequestKind.unavailable),))


def test_a_night_ending_on_the_first_vacation_morning_is_forbidden_a_day_shift_is_not() -> None:
    a = analyse(_problem())
    assert a.reason_for(DAYS[1], "N", "SYP").startswith("1 qualified away")
    assert [r.rule for r in a.by_row[(DAYS[1], "N", "SYP")].reasons] == [UNAVAILABLE]
    assert "N shift on 2027-01-05 reaches into 2027-01-06" in str(
        a.by_row[(DAYS[1], "N", "SYP")].reasons[0].why)
    assert a.reason_for(DAYS[1], "D", "SYP") == ""  # ends 15:00 the same day
    assert a.reason_for(DAYS[3], "N", "SYP").startswith("1 qualified away")  # the last day
    assert a.reason_for(DAYS[4], "N", "SYP") == ""  # back at work


def test_the_solver_never_plans_it() -> None:
    sol = solve(_problem(), opts(workers=1))
    got = {(a.day, a.shift) for a in sol.assignments}
    assert (DAYS[1], "N") not in got and not {d for d, _ in got} & {DAYS[2], DAYS[3]}
    assert (DAYS[1], "D") in got  # the day before the vacation is still worked


def test_the_grid_shows_fe_with_a_comment_and_no_f_code(make_xlsx, tmp_path) -> None:
    sheets = {
        "Settings": [["key", "value"], ["month", "2026-04"]],
        "Shifts": [["code", "start", "end", "break_minutes"], ["D", "07:00", "15:00", 30]],
        "Employees": [["id", "position_pct"], ["A", 100], ["B", 100]],
        "Demand": [["date", "shift", "min"], *[[d, "D", 1] for d in
                                               ("Mon", "Tue", "Wed", "Thu", "Fri")]],
        "Requests": [["employee", "from", "to", "kind"],
                     ["A", "2026-04-13", "2026-04-26", "ferie"]],
    }
    out = tmp_path / "r.xlsx"
    result = CliRunner().invoke(main, ["solve", str(make_xlsx(sheets)), "-o", str(out),
                                       *budgets.cli(0.1)])  # optimal at 0.001 units
    assert result.exit_code == 0, result.output
    ws = openpyxl.load_workbook(out)["Roster"]
    days = {ws.cell(row=1, column=c).value.date(): c for c in range(3, 33)}
    row = next(r for r in range(2, 4) if ws.cell(row=r, column=1).value == "A")
    for d, col in days.items():
        cell = ws.cell(row=row, column=col)
        if date(2026, 4, 13) <= d <= date(2026, 4, 26):
            assert cell.value == "FE"
            assert "2026-04-13 to 2026-04-26" in cell.comment.text
        else:
            assert cell.value != "FE"
