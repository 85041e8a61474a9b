"""Vacations and other absences (issue 14 item 4): told apart in the Roster grid (FE / UT, own
fills, a comment naming the request), and the Settings key that lets a shift from the day before
end on the first morning of a vacation up to a set hour, in the solver's domain phase and in the
checker (``REQ-unavailable``, :mod:`constraints.requests`)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import openpyxl
import pytest
from click.testing import CliRunner

from constraints.checker import check_problem
from scheduler import feasibility
from scheduler.cli import main
from scheduler.clock import TZ
from scheduler.io.read.workbook import read_problem
from scheduler.io.write.roster import UNAVAILABLE_FILL, VACATION_FILL
from scheduler.model import (
    DemandItem,
    Employee,
    Problem,
    Request,
    RequestKind,
    Settings,
    ShiftType,
    WorkPeriod,
    roster_from_assignments,
)
from scheduler.solver import solve
from tests import budgets
from tests.solver.test_solver import opts

START = date(2027, 1, 4)
DAYS = [START + timedelta(days=i) for i in range(5)]
ALLOWANCE = time(7, 30)


def _problem(night_end: time, *, vacation: bool = True, allowance: time | None = ALLOWANCE,
             kind: RequestKind = RequestKind.unavailable) -> Problem:
    n = ShiftType(code="N", start=time(23), end=night_end, break_minutes=30)
    return Problem(
        settings=Settings(start=DAYS[0], end=DAYS[-1], night_work_permitted_by_nature=True,
                          sunday_work_permitted_by_nature=True,
                          vacation_first_morning_until=allowance),
        shifts=(n,), employees=(Employee(id="E1"),),
        demand=(DemandItem(day=DAYS[1], shift="N", minimum=1),),
        requests=(Request(employee="E1", start=DAYS[2], end=DAYS[3], kind=kind,
                          vacation=vacation),))


def _forbidden(p: Problem) -> bool:
    ctx = feasibility.domain(p, False)
    hit = ctx.forbidden.get((0, 1, 0))
    assert hit is None or hit.rule == "REQ-unavailable", hit
    return hit is not None


def _check_finds(p: Problem) -> list[str]:
    roster = roster_from_assignments(p, {("E1", DAYS[1]): "N"})
    return [f.rule for f in check_problem(p, roster).violations]


# A night from the day before ends a minute under, at, and a minute over the allowance.
@pytest.mark.parametrize(("end", "allowed"), [(time(7, 29), True), (time(7, 30), True),
                                              (time(7, 31), False)])
def test_first_vacation_morning_at_the_hour(end: time, allowed: bool) -> None:
    p = _problem(end)
    assert _forbidden(p) is not allowed
    assert _check_finds(p) == ([] if allowed else ["REQ-unavailable"])
    sol = solve(p, opts(workers=1))
    assert ((DAYS[1], "N") in {(a.day, a.shift) for a in sol.assignments}) is allowed
    assert not check_problem(p, sol.roster).roster_violations


@pytest.mark.parametrize("end", [time(6, 0), time(7, 30)])
def test_default_and_other_absences_allow_no_shift_into_the_first_morning(end: time) -> None:
    assert _forbidden(_problem(end, allowance=None))  # default: none allowed (protective)
    assert _check_finds(_problem(end, allowance=None)) == ["REQ-unavailable"]
    other = _problem(end, vacation=False)  # leave: the vacation allowance does not apply
    assert _forbidden(other) and _check_finds(other) == ["REQ-unavailable"]


def test_the_check_names_work_on_an_absence_day_in_norwegian() -> None:
    p = _problem(time(7), allowance=None)
    p = p.model_copy(update={"settings": p.settings.model_copy(update={"language": "nb"})})
    roster = roster_from_assignments(p, {("E1", DAYS[2]): "N"})  # starts on the first day
    (f,) = check_problem(p, roster).violations
    assert f.rule == "REQ-unavailable" and f.employee == "E1"
    assert f.window_start == datetime.combine(DAYS[2], time(23), tzinfo=TZ)
    assert "på ferie" in f.message and "forespørsel #1" in f.message
    assert "while" not in f.message and "request" not in f.message


def test_only_an_unavailable_request_can_be_a_vacation() -> None:
    with pytest.raises(ValueError, match="vacation"):
        Request(employee="E1", start=DAYS[0], end=DAYS[0], kind=RequestKind.day_off,
                vacation=True)


def test_a_period_that_touches_the_allowance_is_judged_whole() -> None:
    """A night ending 07:00 with overtime to 08:00 is work past 07:30 on the vacation."""
    p = _problem(time(7))
    end = datetime.combine(DAYS[2], time(7), tzinfo=TZ)
    roster = roster_from_assignments(p, {("E1", DAYS[1]): "N"})
    tail = WorkPeriod(employee="E1", start=end, end=end + timedelta(hours=1), kind="overtime")
    assert [f.rule for f in check_problem(p, roster).violations] == []
    longer = roster.model_copy(update={"periods": (*roster.periods, tail)})
    assert "REQ-unavailable" in [f.rule for f in check_problem(p, longer).violations]


# --------------------------------------------------------------------------------------------
# The workbook: Requests kinds, the Settings key, and the grid


def _sheets(lang: str) -> dict[str, list[list[object]]]:
    nb = lang == "nb"
    return {
        ("Innstillinger" if nb else "Settings"): [
            ["Nøkkel" if nb else "key", "Verdi" if nb else "value"],
            ["Måned" if nb else "month", "2026-04"],
            ["Språk" if nb else "language", lang],
            ["Ferie første morgen til" if nb else "vacation_first_morning_until", "07:30"]],
        ("Vakter" if nb else "Shifts"): [
            ["Kode" if nb else "code", "Start" if nb else "start", "Slutt" if nb else "end",
             "Pause (min)" if nb else "break_minutes"], ["D", "07:00", "15:00", 30]],
        ("Ansatte" if nb else "Employees"): [["Ansattnr" if nb else "id",
                                              "Stilling %" if nb else "position_pct"],
                                             ["A", 100], ["B", 100]],
        ("Bemanning" if nb else "Demand"): [
            ["Dato" if nb else "date", "Vakt" if nb else "shift", "Min" if nb else "min"],
            *[[d, "D", 1] for d in (("man", "tir", "ons", "tor", "fre") if nb else
                                    ("Mon", "Tue", "Wed", "Thu", "Fri"))]],
        ("Ønsker" if nb else "Requests"): [
            ["Ansatt" if nb else "employee", "Fra" if nb else "from", "Til" if nb else "to",
             "Type" if nb else "kind"],
            ["A", "2026-04-13", "2026-04-19", "ferie" if nb else "vacation"],
            ["B", "2026-04-20", "2026-04-22", "permisjon" if nb else "leave"]],
    }


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_the_reader_tells_vacation_from_other_absence(make_xlsx, lang: str) -> None:
    p = read_problem(make_xlsx(_sheets(lang)))
    assert p.settings.vacation_first_morning_until == ALLOWANCE
    assert [(r.employee, r.kind, r.vacation) for r in p.requests] == [
        ("A", RequestKind.unavailable, True), ("B", RequestKind.unavailable, False)]


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_the_grid_shows_fe_and_ut_apart(make_xlsx, tmp_path, lang: str) -> None:
    out = tmp_path / "r.xlsx"
    result = CliRunner().invoke(main, ["solve", str(make_xlsx(_sheets(lang))), "-o", str(out),
                                       *budgets.cli(0.1)])
    assert result.exit_code == 0, result.output
    ws = openpyxl.load_workbook(out)["Turnus" if lang == "nb" else "Roster"]
    days = {ws.cell(row=1, column=c).value.date(): c for c in range(3, 33)}
    rows = {ws.cell(row=r, column=1).value: r for r in (2, 3)}
    vacation = (date(2026, 4, 13), date(2026, 4, 19))
    leave = (date(2026, 4, 20), date(2026, 4, 22))
    for emp, (lo, hi), code, fill, words in (
            ("A", vacation, "FE", VACATION_FILL, ("Ferie", "ønske nr. 1") if lang == "nb"
             else ("Vacation", "request #1")),
            ("B", leave, "UT", UNAVAILABLE_FILL, ("Utilgjengelig", "ønske nr. 2") if lang == "nb"
             else ("Unavailable", "request #2"))):
        for d, col in days.items():
            cell = ws.cell(row=rows[emp], column=col)
            if lo <= d <= hi:
                assert cell.value == code, (emp, d)
                assert cell.fill.fgColor.rgb.endswith(fill)
                assert all(w in cell.comment.text for w in words), cell.comment.text
                assert f"{lo.isoformat()}" in cell.comment.text
            else:
                assert cell.value not in ("FE", "UT"), (emp, d)
    # The legend explains both codes.
    legend = [ws.cell(row=r, column=1).value for r in range(4, ws.max_row + 1)]
    assert "FE" in legend and "UT" in legend
