"""``roster whatif`` end to end on a tiny workbook with a Scenarios sheet."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import openpyxl
from click.testing import CliRunner

from scheduler.cli import main
from scheduler.io.write.workbook import is_output_sheet
from tests import budgets
from tests.whatif.test_whatif_kit import workbook

RISKY = "=HYPERLINK(\"http://x\")"
FAST = [*budgets.cli(0.6, workers=None), "--jobs", "1"]


def scenario_rows() -> list[list[object]]:
    return [
        ["Without R4", "remove_employees", "R4"],
        ["Busy weekend", "scale_demand", "weekend", 2],
        [RISKY, "overtime", None, "yes"],
    ]


def run(*args: str) -> object:
    return CliRunner().invoke(main, ["whatif", *args])


def test_json_has_one_row_per_scenario_with_the_baseline_first(tmp_path: Path) -> None:
    path = workbook(tmp_path / "w.xlsx", scenario_rows())
    res = run(str(path), *FAST, "--json", "--seed", "4")
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    names = [s["name"] for s in data["scenarios"]]
    assert names == ["Baseline", "Without R4", "Busy weekend", RISKY]
    base = data["scenarios"][0]
    for key in ("status", "coverage_pct", "uncovered_hours", "overtime_hours", "extra_hours",
                "labour_cost", "contract_deviation_hours", "requests_granted_pct",
                "nights_spread", "weekend_spread", "gap_pct", "wall_seconds"):
        assert key in base, key
    assert base["coverage_pct"] == 100.0 and base["seed"] == 4
    assert data["scenarios"][1]["employees"] == 5
    assert data["scenarios"][2]["uncovered_hours_total"] >= 0
    assert data["scenarios"][3]["allow_overtime"] is True
    assert data["time_limit"] == budgets.SAFETY_SECONDS and data["work_limit"] == 0.6


def test_workbook_output_rosters_and_the_input_untouched(tmp_path: Path) -> None:
    path = workbook(tmp_path / "w.xlsx", scenario_rows())
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    out = tmp_path / "out.xlsx"
    rosters = tmp_path / "rosters"
    res = run(str(path), *FAST, "-o", str(out), "--rosters", str(rosters), "-q")
    assert res.exit_code == 0, res.output
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert "Baseline" in res.stdout and "Without R4" in res.stdout
    wb = openpyxl.load_workbook(out)
    # the input has a Scenarios sheet, so the results go beside it
    assert "Scenarios" in wb.sheetnames and "Scenario results" in wb.sheetnames
    ws = wb["Scenario results"]
    assert is_output_sheet(ws)
    assert [ws.cell(row=r, column=1).value for r in range(2, 6)][:3] == [
        "Baseline", "Without R4", "Busy weekend"]
    risky = ws.cell(row=5, column=1)
    assert risky.data_type == "s" and str(risky.value) == RISKY  # text, never a formula
    assert len(ws._charts) == 2
    files = sorted(p.name for p in rosters.iterdir())
    assert files == ["01-Baseline.xlsx", "02-Without-R4.xlsx", "03-Busy-weekend.xlsx",
                     "04-HYPERLINK-http-x.xlsx"]
    roster_wb = openpyxl.load_workbook(rosters / "02-Without-R4.xlsx")
    assert {"Roster", "Coverage", "Hours", "Violations", "Summary"} <= set(roster_wb.sheetnames)


def test_a_second_run_on_the_output_replaces_its_own_sheet(tmp_path: Path) -> None:
    path = workbook(tmp_path / "w.xlsx")  # no Scenarios sheet in the planning workbook
    ideas = workbook(tmp_path / "ideas.xlsx", [["Without R4", "remove", "R4"]])
    out1, out2 = tmp_path / "o1.xlsx", tmp_path / "o2.xlsx"
    assert run(str(path), "--scenarios", str(ideas), *FAST, "-o", str(out1), "-q").exit_code == 0
    assert "Scenarios" in openpyxl.load_workbook(out1).sheetnames
    res = run(str(out1), "--scenarios", str(ideas), *FAST, "-o", str(out2), "-q")
    assert res.exit_code == 0, res.output
    names = openpyxl.load_workbook(out2).sheetnames
    assert names.count("Scenarios") == 1 and "Scenarios 2" not in names


def test_bad_scenarios_exit_2_with_every_cell(tmp_path: Path) -> None:
    path = workbook(tmp_path / "w.xlsx", [
        ["A", "teleport", "R1"],
        ["B", "remove", "R99"],
        ["C", "scale_demand", None, "much"],
    ])
    res = run(str(path), *FAST)
    assert res.exit_code == 2
    for cell in ("cell B2", "cell C3", "cell D4"):
        assert cell in res.output, res.output
    assert "3 problems" in res.output and "Traceback" not in res.output


def test_missing_scenarios_sheet_exit_2(tmp_path: Path) -> None:
    res = run(str(workbook(tmp_path / "w.xlsx")), *FAST)
    assert res.exit_code == 2 and "Scenarios" in res.output


def test_missing_workbook_and_bad_output_folder(tmp_path: Path) -> None:
    assert run(str(tmp_path / "nope.xlsx")).exit_code == 2
    path = workbook(tmp_path / "w.xlsx", scenario_rows())
    res = run(str(path), "-o", str(tmp_path / "no" / "such" / "out.xlsx"))
    assert res.exit_code == 2 and "does not exist" in res.output


def test_help_teaches_with_examples() -> None:
    for cmd in ("whatif", "staffing"):
        res = CliRunner().invoke(main, [cmd, "--help"])
        assert res.exit_code == 0
        assert "Examples:" in res.output and f"roster {cmd} ward.xlsx" in res.output


def test_a_scenario_without_a_roster_names_the_conflict_and_exits_1(tmp_path: Path) -> None:
    """Two fixed evenings 16 h apart are legal (11 h rest); a scenario asking 17 h of daily
    rest makes them contradict: its row says infeasible with the conflict, the others run, and
    the exit code says a scenario failed."""
    fixed = [["employee", "date", "shift"], ["R1", "2026-06-02", "E"], ["R1", "2026-06-03", "E"]]
    rows: list[list[object]] = [["More rest", "parameter", "10-8 daily_rest_hours", 17]]
    path = workbook(tmp_path / "w.xlsx", rows, Fixed=fixed)
    res = run(str(path), *FAST, "--json")
    assert res.exit_code == 1, res.output
    data = json.loads(res.stdout)
    base, more = data["scenarios"]
    assert base["status"] in ("OPTIMAL", "FEASIBLE") and base["reason"] is None
    assert more["status"] == "INFEASIBLE" and more["reason"].startswith("infeasible")
    assert more["conflicts"] and more["conflicts"][0].rstrip(". ") in more["reason"]
    assert more["vs_baseline"] == "none"
    text = run(str(path), *FAST)
    assert text.exit_code == 1
    assert "NO ROSTER in More rest: infeasible" in text.stdout
