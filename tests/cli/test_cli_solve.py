"""``roster solve`` end to end on tiny workbooks built here with openpyxl."""

from __future__ import annotations

import json
import os
import signal
from datetime import date, time
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import Workbook, load_workbook

from constraints.base import Finding, Severity
from scheduler.cli import main, solve_thread
from scheduler.cli import solve as cli_solve
from scheduler.io.excel import set_text
from scheduler.io.write import workbook as rw
from scheduler.solution import Solution
from tests import budgets

RISKY_NAME = "=cmd|' /C calc'!A0"
FAST = budgets.cli(0.2)


def make_workbook(
    path: Path,
    *,
    fixed: list[tuple[str, date, str]] | None = None,
    bad_time: bool = False,
) -> Path:
    """One week in June 2026, two shift types with breaks, three employees, weekday demand."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Settings"
    for row in (["key", "value"], ["site_name", "Test ward"], ["start", date(2026, 6, 1)],
                ["end", date(2026, 6, 7)], ["sunday_work_permitted_by_nature", "yes"],
                ["night_work_permitted_by_nature", "yes"]):
        ws.append(row)
    sh = wb.create_sheet("Shifts")
    sh.append(["code", "name", "start", "end", "break_minutes", "break_counts_as_work"])
    sh.append(["D", "Day", time(7), time(15), 30, "yes"])
    sh.append(["E", "Evening", "25:99" if bad_time else time(14), time(22), 30, "yes"])
    em = wb.create_sheet("Employees")
    em.append(["id", "name", "position_pct", "skills"])
    em.append(["E1", None, 100, "RN"])
    set_text(em["B2"], RISKY_NAME)  # a formula-looking name, stored as text
    em.append(["E2", "Bo", 100, "RN"])
    em.append(["E3", "Cy", 50, ""])
    de = wb.create_sheet("Demand")
    de.append(["date", "shift", "skill", "min", "target"])
    for wd in ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"):
        de.append([wd, "D", "RN", 1, 1])
        de.append([wd, "E", "", 1, 1])
    if fixed:
        fx = wb.create_sheet("Fixed")
        fx.append(["employee", "date", "shift"])
        for emp, day, code in fixed:
            fx.append([emp, day, code])
    wb.save(path)
    return path


@pytest.fixture()
def ward(tmp_path: Path) -> Path:
    return make_workbook(tmp_path / "ward.xlsx")


def invoke(*args: str) -> object:
    return CliRunner().invoke(main, ["solve", *args], catch_exceptions=False)


# --------------------------------------------------------------------------------------------
# The happy path


def test_solve_writes_roster_beside_input_and_leaves_input_unchanged(ward: Path) -> None:
    before = ward.read_bytes()
    result = invoke(str(ward), *FAST)
    assert result.exit_code == 0, result.output
    out = ward.with_name("ward.roster.xlsx")
    assert out.exists()
    assert ward.read_bytes() == before
    wb = load_workbook(out)
    assert wb.sheetnames == ["Settings", "Shifts", "Employees", "Demand", *rw.OUTPUT_SHEETS]
    # Every employee row of the grid, shifts from the Shifts sheet only (days off carry the
    # turnus codes F1-F3).
    grid = wb["Roster"]
    assert [grid.cell(row=r, column=1).value for r in range(2, 5)] == ["E1", "E2", "E3"]
    codes = {c.value for row in grid.iter_rows(min_row=2, max_row=4, min_col=3, max_col=9)
             for c in row if c.value}
    assert codes & {"D", "E"} and codes <= {"D", "E", "F1", "F2", "F3"}
    # The formula-looking name stays text.
    assert grid["B2"].value == RISKY_NAME and grid["B2"].data_type == "s"
    # The human summary.
    for word in ("Status:", "Coverage:", "Shortfalls:", "Hours vs contract:", "Written:"):
        assert word in result.stdout
    assert str(out) in result.stdout
    summary = {r[0]: r[1] for r in wb["Summary"].iter_rows(min_row=2, values_only=True) if r[0]}
    assert summary["Hard violations found by the checker"] == 0
    assert summary["Workers"] == 1  # FAST: one worker (tests/budgets.py)


def test_json_summary(ward: Path, tmp_path: Path) -> None:
    out = tmp_path / "sub" / "june.xlsx"
    out.parent.mkdir()
    result = invoke(str(ward), "-o", str(out), "--json", "--seed", "3", *FAST)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    for key in ("status", "objective", "objective_by_tier", "best_bound", "gap_pct",
                "wall_seconds", "shortfall_count", "output", "violations"):
        assert key in data
    assert data["status"] in ("OPTIMAL", "FEASIBLE")
    assert data["output"] == str(out) and out.exists()
    assert data["violations"] == 0
    assert data["seed"] == 3
    # The Summary sheet agrees with the JSON.
    summary = {r[0]: r[1] for r in load_workbook(out)["Summary"].iter_rows(min_row=2,
                                                                             values_only=True)
               if r[0]}
    assert summary["Status"] == data["status"]
    assert summary["Input SHA-256"] == data["input_sha256"]
    assert summary["Coverage %"] == data["coverage_pct"]


def test_quiet_prints_nothing_on_stdout(ward: Path) -> None:
    result = invoke(str(ward), "--quiet", *FAST)
    assert result.exit_code == 0
    assert result.stdout == ""


def test_in_place_backs_up_first(ward: Path) -> None:
    before = ward.read_bytes()
    result = invoke(str(ward), "--in-place", *FAST)
    assert result.exit_code == 0, result.output
    backup = ward.with_name("ward.bak.xlsx")
    assert backup.read_bytes() == before
    assert "Roster" in load_workbook(ward).sheetnames
    assert not ward.with_name("ward.roster.xlsx").exists()


def test_help_has_an_example() -> None:
    result = CliRunner().invoke(main, ["solve", "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output and "roster solve ward.xlsx" in result.output
    assert "--time-limit" in result.output and "--in-place" in result.output


# --------------------------------------------------------------------------------------------
# Bad input: exit 2


def test_bad_input_exits_2_naming_the_cell(ward: Path, tmp_path: Path) -> None:
    bad = make_workbook(tmp_path / "bad.xlsx", bad_time=True)
    result = CliRunner().invoke(main, ["solve", str(bad), *FAST])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert "sheet 'Shifts', cell C3" in result.output
    assert "25:99" in result.output
    assert not (tmp_path / "bad.roster.xlsx").exists()


def test_missing_file_exits_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["solve", str(tmp_path / "nope.xlsx")])
    assert result.exit_code == 2
    assert "not found" in result.output


def test_not_a_workbook_exits_2(tmp_path: Path) -> None:
    junk = tmp_path / "junk.xlsx"
    junk.write_text("name,shift\nE1,D\n")
    result = CliRunner().invoke(main, ["solve", str(junk)])
    assert result.exit_code == 2
    assert "junk.xlsx" in result.output and "Traceback" not in result.output


def test_output_onto_input_is_refused(ward: Path) -> None:
    before = ward.read_bytes()
    result = CliRunner().invoke(main, ["solve", str(ward), "-o", str(ward)])
    assert result.exit_code == 2
    assert "--in-place" in result.output
    assert ward.read_bytes() == before


def test_in_place_with_output_is_refused(ward: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["solve", str(ward), "--in-place", "-o",
                                       str(tmp_path / "x.xlsx")])
    assert result.exit_code == 2


def test_missing_output_folder_exits_2(ward: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["solve", str(ward), "-o", str(tmp_path / "no" / "x.xlsx")])
    assert result.exit_code == 2
    assert "does not exist" in result.output


@pytest.mark.parametrize("limit", ["0", "-1"])
def test_time_limit_must_be_positive(ward: Path, limit: str) -> None:
    result = CliRunner().invoke(main, ["solve", str(ward), "--time-limit", limit])
    assert result.exit_code == 2


# --------------------------------------------------------------------------------------------
# Contradicting hard requirements: exit 3


def test_infeasible_pins_exit_3_naming_rule_and_employee(tmp_path: Path) -> None:
    # E1 is pinned to the evening shift (ends 22:00) and the next day's day shift (starts
    # 07:00): 9 h of rest where § 10-8 (1) requires 11 h.
    path = make_workbook(tmp_path / "pinned.xlsx",
                         fixed=[("E1", date(2026, 6, 2), "E"), ("E1", date(2026, 6, 3), "D")])
    before = path.read_bytes()
    result = invoke(str(path), *FAST)
    assert result.exit_code == 3
    assert "AML-10-8-1-daily-rest" in result.stdout
    assert "employee E1" in result.stdout
    assert "2026-06-02" in result.stdout and "2026-06-03" in result.stdout
    assert "INFEASIBLE" not in result.stdout
    assert not (tmp_path / "pinned.roster.xlsx").exists()
    assert path.read_bytes() == before


def test_infeasible_json(tmp_path: Path) -> None:
    path = make_workbook(tmp_path / "pinned.xlsx",
                         fixed=[("E1", date(2026, 6, 2), "E"), ("E1", date(2026, 6, 3), "D")])
    result = invoke(str(path), "--json", *FAST)
    assert result.exit_code == 3
    data = json.loads(result.stdout)
    assert data["status"] == "INFEASIBLE" and data["output"] is None
    assert any(c["rule"] == "AML-10-8-1-daily-rest" and c["employee"] == "E1"
               for c in data["conflicts"])


# --------------------------------------------------------------------------------------------
# A hard violation in the solver's roster is a bug: loud, exit 1, roster kept for inspection


def test_checker_violation_is_loud_and_exits_1(ward: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bug = Finding(rule="AML-10-8-1-daily-rest", paragraph="§ 10-8 (1)",
                  severity=Severity.violation, employee="E1", window_start=None,
                  window_end=None, message="only 9 h rest")
    monkeypatch.setattr(cli_solve, "check_findings", lambda problem, solution: [bug])
    result = invoke(str(ward), *FAST)
    assert result.exit_code == 1
    assert "WARNING" in result.stderr and "bug" in result.stderr
    assert "AML-10-8-1-daily-rest" in result.stderr
    out = ward.with_name("ward.roster.xlsx")
    rows = list(load_workbook(out)["Violations"].iter_rows(min_row=2, values_only=True))
    assert rows[0][:2] == ("violation", "AML-10-8-1-daily-rest")


def test_no_roster_in_time_exits_1_and_writes_nothing(ward: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(solve_thread, "run_solver",
                        lambda problem, options, control: Solution(status="UNKNOWN"))
    result = invoke(str(ward), *FAST)
    assert result.exit_code == 1
    assert "time limit" in result.stderr
    assert not ward.with_name("ward.roster.xlsx").exists()


def test_write_failure_is_a_plain_message(ward: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(rw, "write_roster_workbook", refuse)
    before = ward.read_bytes()
    result = invoke(str(ward), *FAST)
    assert result.exit_code == 1
    assert "Could not write" in result.stderr and "Permission denied" in result.stderr
    assert ward.read_bytes() == before


# --------------------------------------------------------------------------------------------
# Ctrl-C


def test_solver_gets_the_stop_event_and_progress(ward: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, object] = {}
    real = solve_thread._solver()

    def spy(problem, options, *, stop, on_solution):  # noqa: ANN001, ANN202
        seen["stop"], seen["cb"] = stop, on_solution
        seen["options"] = options
        return real(problem, options, stop=stop, on_solution=on_solution)

    monkeypatch.setattr(solve_thread, "_solver", lambda: spy)
    result = invoke(str(ward), "--seed", "5", "--workers", "1", "--time-limit", "900",
                    "--work-limit", "0.2")
    assert result.exit_code == 0
    assert seen["stop"] is not None and not seen["stop"].is_set()
    opts = seen["options"]
    assert (opts.seed, opts.workers, opts.work_limit) == (5, 1, 0.2)
    # one deadline for the command: the solver gets what reading left, less the check and write
    assert 800 < opts.time_limit < 900


def test_first_ctrl_c_stops_second_aborts() -> None:
    control = solve_thread.SolveControl()
    said: list[str] = []
    before = signal.getsignal(signal.SIGINT)
    with solve_thread.sigint_stops(control, said.append):
        os.kill(os.getpid(), signal.SIGINT)
        assert control.stop.is_set() and control.interrupted
        assert said and "best roster" in said[0]
        with pytest.raises(KeyboardInterrupt):
            os.kill(os.getpid(), signal.SIGINT)
            for _ in range(1000):  # give the interpreter a chance to run the handler
                pass
    assert signal.getsignal(signal.SIGINT) is before


def test_stop_keeps_the_best_roster(ward: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Ctrl-C arrived during the search (the handler set ``stop``); the solver hands back its best
    # roster and the CLI still checks it, writes it and says the search was stopped.
    def interrupted_solver(problem, options, control):  # noqa: ANN001, ANN202
        solution = solve_thread._solver()(problem, options, on_solution=control.on_solution)
        control.stop.set()
        control.interrupted = True
        return solution

    monkeypatch.setattr(solve_thread, "run_solver", interrupted_solver)
    result = invoke(str(ward), "--json", *FAST)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["interrupted"] is True
    summary = {r[0]: r[1] for r in load_workbook(data["output"])["Summary"].iter_rows(
        min_row=2, values_only=True) if r[0]}
    assert summary["Status"].endswith("(stopped by the planner)")


def test_progress_callback_records_objective_and_bound() -> None:
    control = solve_thread.SolveControl()
    assert control.gap_pct is None
    control.on_solution(0.5, 200.0)
    assert (control.objective, control.bound, control.solutions) == (200.0, None, 1)
    control.on_solution(0.9, 100.0, 90.0)
    assert (control.objective, control.bound, control.solutions) == (100.0, 90.0, 2)
    assert control.gap_pct == pytest.approx(10.0)
    view = solve_thread.ProgressView(control, 30).__rich__()
    assert "best objective 100" in view and "bound 90" in view and "gap 10.00 %" in view
