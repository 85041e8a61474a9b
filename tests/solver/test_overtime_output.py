"""Overtime after the solve: the headroom after the horizon, and the roster grid, Summary, Headroom sheet and CLI (``--allow-overtime``)."""

from __future__ import annotations

import json
from datetime import datetime, time, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import Workbook, load_workbook

from constraints.checker import check_problem
from scheduler import summary as sm
from scheduler.clock import TZ
from scheduler.headroom import headroom
from scheduler.io.write import workbook as rw
from scheduler.model import (
    DemandItem,
    Employee,
    EmployeeHistory,
    Problem,
)
from scheduler.solver import solve
from tests import budgets
from tests.solver.overtime_kit import (
    MON,
    NO_OT,
    OT,
    D,
    Z,
    _clean,
    _settings,
    _ten_hours,
    _week,
)

# --------------------------------------------------------------------------------------------
# Headroom


def test_headroom_after_the_horizon_uses_the_checker_measure() -> None:
    # Horizon Mon-Wed: the 7-day window after it is the rest of the same week.
    plan = {0: Z, 1: Z, 2: D}  # 4 h + 4 h over the daily limit, 34 h in the week
    p = Problem(settings=_settings(3), shifts=(Z, D), employees=(Employee(id="A"),),
                demand=tuple(DemandItem(day=MON + timedelta(days=i), shift=st.code, minimum=1)
                             for i, st in plan.items()),
                employee_history=(EmployeeHistory(employee="A", overtime_ytd_hours=50),))
    sol = solve(p, OT)
    _clean(p, sol)
    assert sol.overtime_hours == pytest.approx(8)
    rows = {h.cap: h for h in headroom(p, sol.roster)}
    assert [(c, rows[c].limit, rows[c].used, rows[c].remaining) for c in ("7d", "4w", "52w")] == [
        ("7d", 10, 8, 2), ("4w", 25, 8, 17), ("52w", 200, 58, 142)]
    assert rows["7d"].window_start == datetime(2026, 6, 8, tzinfo=TZ)
    assert rows["4w"].window_start == datetime(2026, 5, 18, tzinfo=TZ)
    excused = headroom(p.model_copy(update={"employees": (
        Employee(id="A", excused_overtime=True),)}), sol.roster)
    assert all(h.remaining == 0 and not h.may_work_overtime for h in excused)


# --------------------------------------------------------------------------------------------
# Output: roster grid, Summary, Headroom sheet, CLI


def _input_book(path: Path, *, allow: str | None = None, cost: float | None = None) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Settings"
    rows = [["key", "value"], ["start", MON], ["end", MON + timedelta(days=6)],
            ["sunday_work_permitted_by_nature", "yes"], ["night_work_permitted_by_nature", "yes"]]
    if allow is not None:
        rows.append(["allow_overtime", allow])
    for row in rows:
        ws.append(row)
    sh = wb.create_sheet("Shifts")
    sh.append(["code", "name", "start", "end", "break_minutes", "break_counts_as_work"])
    sh.append(["D", "Day", time(7), time(15), 30, "yes"])
    sh.append(["X", "Long", time(3), time(13), 30, "yes"])
    em = wb.create_sheet("Employees")
    em.append(["id", "name", "position_pct", "hourly_cost"])
    em.append(["A", "Ada", 100, cost])
    de = wb.create_sheet("Demand")
    de.append(["date", "shift", "skill", "min", "target"])
    for wd, st in _ten_hours().items():
        de.append([MON + timedelta(days=wd), st.code, "", 1, 1])
    wb.save(path)
    return path


def test_roster_workbook_marks_overtime_and_adds_headroom(tmp_path: Path) -> None:
    book = _input_book(tmp_path / "in.xlsx")
    p = _week(_ten_hours(), emp=Employee(id="A", name="Ada", hourly_cost=200.0))
    sol = solve(p, OT)
    run = rw.RunInfo(book, "0" * 64, OT)
    out = tmp_path / "out.xlsx"
    titles = rw.write_roster_workbook(p, sol, check_problem(p, sol.roster).findings, run, out)
    wb = load_workbook(out)
    assert titles["Headroom"] == "Headroom" and "Headroom" in wb.sheetnames
    grid = wb["Roster"]
    saturday = grid.cell(row=2, column=3 + 5)
    assert saturday.value == "X" and saturday.font.italic and saturday.font.bold
    assert "Overtime: 10.00 h" in saturday.comment.text
    friday = grid.cell(row=2, column=3 + 4)
    assert "Extra hours (merarbeid): 2.50 h" in friday.comment.text
    assert grid.cell(row=2, column=3).comment is None  # Monday: plain planned shift
    summary = {r[0]: r[1] for r in wb["Summary"].iter_rows(min_row=2, values_only=True) if r[0]}
    assert summary["Overtime hours"] == 10 and summary["Extra hours (merarbeid)"] == 2.5
    assert summary["Overtime cost incl. premium"] == pytest.approx(10 * 200 * 1.4)
    assert summary["Overtime premium cost (40 %)"] == pytest.approx(10 * 200 * 0.4)
    head = [r for r in wb["Headroom"].iter_rows(min_row=2, max_row=4, values_only=True)]
    assert [(r[0], r[2], r[5], r[6], r[7]) for r in head] == [
        ("A", "7 days (§ 10-6 (4))", 10, 0, 10),  # the week after the horizon
        ("A", "4 weeks (§ 10-6 (4))", 25, 0, 25),  # a new 4-week block starts 15 June
        ("A", "52 weeks (§ 10-6 (4))", 200, 10, 190),
    ]
    hours = {(r[0], r[2].date()): r for r in wb["Hours"].iter_rows(min_row=2, values_only=True)}
    row = hours[("A", MON)]
    assert (row[7], row[8]) == (2.5, 10)  # extra, overtime in the week


def test_no_headroom_sheet_without_overtime(tmp_path: Path) -> None:
    book = _input_book(tmp_path / "in.xlsx")
    p = _week({0: D})
    sol = solve(p, NO_OT)
    wb, titles = rw.build_workbook(p, sol, [], rw.RunInfo(book, "0" * 64, NO_OT))
    assert "Headroom" not in titles and wb.sheetnames[-1] == "Summary"


@pytest.mark.parametrize("how", ["flag", "settings"])
def test_cli_allow_overtime(tmp_path: Path, how: str) -> None:
    from scheduler.cli import main

    book = _input_book(tmp_path / "in.xlsx", allow="yes" if how == "settings" else None)
    args = ["solve", str(book), "--json", "--quiet", *budgets.cli(1.5)]
    if how == "flag":
        args.append("--allow-overtime")
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["violations"] == 0
    assert data["overtime_hours"] == 10 and data["extra_hours"] == 2.5
    assert "Headroom" in load_workbook(data["output"]).sheetnames


def test_coverage_counts_a_shift_worked_entirely_as_overtime() -> None:
    p = _week(_ten_hours())
    sol = solve(p, OT)
    saturday = [x for x in sol.roster.periods if x.start.date() == MON + timedelta(days=5)]
    assert [x.kind for x in saturday] == ["overtime"]  # 10 h beyond the week's 40 h
    assert sm.coverage_pct(sm.coverage(p, sol.roster)) == 100
